"""Tests of the Cyrillic → Latin transliteration engine and its bundled schemes."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aliaskit.translit as tl
from aliaskit.translit import (
    cyrillic_language,
    load_scheme_file,
    romanizations,
    scheme,
    schemes,
    transliterate,
)

EXPECTED_SCHEMES = (
    "be_lacinka",
    "be_national",
    "ru_ala_lc",
    "ru_bgn_pcgn",
    "ru_german",
    "ru_gost_7_79_a",
    "ru_gost_7_79_b",
    "ru_icao_9303",
    "ru_mvd_310",
    "ru_mvd_310_fr",
    "ru_scholarly",
    "ru_wikipedia",
    "uk_national_2010",
)
SCHEME_DIR = Path(tl.__file__).parent / "schemes"
VECTORS = Path(__file__).parent / "vectors" / "translit_names.tsv"
DEV_PERSONS = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_persons.tsv"
CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")

# Our scheme name -> iuliia schema name (the oracle; test-only dependency).
IULIIA = {
    "ru_bgn_pcgn": "bgn_pcgn",
    "ru_icao_9303": "icao_doc_9303",
    "ru_gost_7_79_a": "gost_779",
    "ru_gost_7_79_b": "gost_779_alt",
    "ru_ala_lc": "ala_lc",
    "ru_scholarly": "scientific",
    "ru_wikipedia": "wikipedia",
    "ru_mvd_310": "mvd_310",
    "ru_mvd_310_fr": "mvd_310_fr",
}

# Justified differences from iuliia: (scheme, Cyrillic word suffix, reason).
# A word that differs is accepted only if it ends with the suffix.
ALLOWED_DIFFERENCES = (
    # French г before и is "gu" (Douguine, Pliguine, as in French usage);
    # iuliia drops that context when the word ends in -ин (its ending rule
    # hides the next letter), giving "Dougine".
    ("ru_mvd_310_fr", "гин", "г before и is gu also before the -ине ending"),
)


def _oracle_normalise(text: str) -> str:
    """Undo iuliia quirks that are not rule differences.

    iuliia writes Cyrillic ё where the standards have Latin ë, and mixes
    precomposed and decomposed diacritics; compare in NFC with Latin ë.
    """
    return unicodedata.normalize("NFC", text.replace("ё", "ë").replace("Ё", "Ë"))


def _oracle_word(schema: object, word: str) -> str:
    """iuliia's rendering of one word, with our case convention for ALL-CAPS words.

    iuliia keeps the case of each source letter (ЩЕГЛОВА → ShchEGLOVA); we
    upper-case the whole word, so an ALL-CAPS word is compared as its
    capitalised form, upper-cased.
    """
    translate = schema.translate  # type: ignore[attr-defined]
    if len(word) > 1 and word.isupper():
        return _oracle_normalise(str(translate(word.capitalize())).upper())
    return _oracle_normalise(str(translate(word)))


def _iuliia_schema(name: str) -> object:
    iuliia = pytest.importorskip("iuliia")
    return getattr(iuliia, name.upper())


def _allowed(name: str, word: str) -> bool:
    low = word.lower()
    return any(s == name and low.endswith(suffix) for s, suffix, _ in ALLOWED_DIFFERENCES)


def _dev_russian_names() -> list[str]:
    if not DEV_PERSONS.exists():
        pytest.skip(f"evaluation data absent: {DEV_PERSONS}")
    with DEV_PERSONS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    non_russian = set("іїєґўІЇЄҐЎ")
    latin = re.compile("[A-Za-z]")
    return [
        r["name"]
        for r in rows
        if r["script"] == "Cyrl"
        and not set(r["name"]) & non_russian
        and not latin.search(r["name"])
    ]


def test_bundled_schemes_are_exactly_the_documented_set() -> None:
    """schemes() lists the thirteen documented schemes, sorted."""
    assert schemes() == EXPECTED_SCHEMES


@pytest.mark.parametrize("name", EXPECTED_SCHEMES)
def test_every_scheme_sample_transliterates_exactly(name: str) -> None:
    """Every sample pair in a scheme file is reproduced by that scheme."""
    sch = scheme(name)
    assert sch.name == name
    assert sch.language == name.split("_")[0]
    assert sch.samples
    assert sch.source
    for cyr, latin in sch.samples:
        assert sch.transliterate(cyr) == latin
        assert transliterate(cyr, name) == latin


def test_vectors_file_matches() -> None:
    """Every row of tests/vectors/translit_names.tsv transliterates as listed."""
    with VECTORS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert rows
    for row in rows:
        assert row["source"]
        assert transliterate(row["cyrillic"], row["scheme"]) == row["latin"], row


@pytest.mark.parametrize("name", sorted(IULIIA))
def test_agrees_with_iuliia_on_iuliia_samples(name: str) -> None:
    """Our scheme reproduces iuliia's own published samples for the same standard."""
    _iuliia_schema(IULIIA[name])
    path = files("iuliia") / "schemas" / f"{IULIIA[name]}.json"
    samples = json.loads(path.read_text("utf-8"))["samples"]
    assert samples
    for cyr, expected in samples:
        assert transliterate(cyr, name) == _oracle_normalise(expected), cyr


@pytest.mark.parametrize("name", sorted(IULIIA))
def test_agrees_with_iuliia_on_dev_russian_names(name: str) -> None:
    """On every Russian Cyrillic name of the dev set, each word equals iuliia's output."""
    names = _dev_russian_names()
    schema = _iuliia_schema(IULIIA[name])
    assert len(names) > 1000
    differences = []
    for full in names:
        for word in re.findall(r"\w+", full):
            ours = transliterate(word, name)
            if ours != _oracle_word(schema, word) and not _allowed(name, word):
                differences.append((word, ours, _oracle_word(schema, word)))
    assert differences == []


@pytest.mark.parametrize("name", EXPECTED_SCHEMES)
def test_title_and_upper_case_are_preserved(name: str) -> None:
    """ALL-CAPS in gives ALL-CAPS out; Title in gives Title out."""
    sch = scheme(name)
    for cyr in ("ЩЕГЛОВА", "ЮЛИЯ", "ЁЖИК", "ЧАЙКОВСКИЙ"):
        title = sch.transliterate(cyr.capitalize())
        assert sch.transliterate(cyr) == title.upper()
        assert title[:1].isupper()
        assert sch.transliterate(cyr.lower()) == title.lower()


def test_shcheglova_case_examples() -> None:
    """The documented case examples hold for BGN/PCGN."""
    assert transliterate("ЩЕГЛОВА", "ru_bgn_pcgn") == "SHCHEGLOVA"
    assert transliterate("Щеглова", "ru_bgn_pcgn") == "Shcheglova"


@pytest.mark.parametrize("name", EXPECTED_SCHEMES)
@given(text=st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x52F)))
def test_output_never_contains_cyrillic(name: str, text: str) -> None:
    """Any Cyrillic-block text comes out without a single Cyrillic character."""
    assert not CYRILLIC.search(transliterate(text, name))


@given(text=st.text())
def test_text_without_cyrillic_passes_through(text: str) -> None:
    """Text with no Cyrillic is returned unchanged by every scheme and by auto."""
    if CYRILLIC.search(text):
        return
    for name in ("auto", *EXPECTED_SCHEMES):
        assert transliterate(text, name) == text
    assert romanizations(text) == frozenset({text})


@given(text=st.text())
def test_any_unicode_string_gives_a_string(text: str) -> None:
    """No Unicode input (marks, bidi, emoji, surrogates) crashes the public functions."""
    assert isinstance(transliterate(text), str)
    assert isinstance(cyrillic_language(text), str)
    assert all(isinstance(r, str) for r in romanizations(text))


def test_hostile_characters_around_cyrillic() -> None:
    """Combining marks, joiners, bidi marks, surrogates and emoji next to Cyrillic do not crash."""
    for text in (
        "\u0301Иван",
        "Ив\u200dан",
        "\u202eИван\u202c",
        "Иван\ud800",
        "Иван 🙂",
        "и\u0306",
    ):
        out = transliterate(text, "ru_bgn_pcgn")
        assert not CYRILLIC.search(out)
    assert transliterate("и\u0306", "ru_bgn_pcgn") == "y"


def test_non_cyrillic_characters_pass_through_around_words() -> None:
    """Digits, punctuation and Latin words keep their place around transliterated words."""
    text = "Труфанов, Alexander (1970) — Юлия!"
    assert transliterate(text, "ru_icao_9303") == "Trufanov, Alexander (1970) — Iuliia!"


def test_uncovered_letters_use_shared_fallback() -> None:
    """A Ukrainian word in a Russian scheme comes out Latin via the fallback table."""
    assert transliterate("Їжакевич Ґалаґан", "ru_icao_9303") == "Yizhakevich Galagan"
    assert transliterate("Андрій", "ru_bgn_pcgn") == "Andriy"
    assert transliterate("Ђорђе Ћосић", "ru_bgn_pcgn") == "Djordje Cosic"


def test_ukrainian_word_initial_rules_and_zgh() -> None:
    """uk_national_2010 uses ye/yi/y/yu/ya only at word start, and zgh for зг."""
    uk = scheme("uk_national_2010")
    assert uk.transliterate("Юрій Яготин Єнакієве") == "Yurii Yahotyn Yenakiieve"
    assert uk.transliterate("Згурський Розгон") == "Zghurskyi Rozghon"
    assert uk.transliterate("Мар'їне Мар’їне Марʼїне") == "Marine Marine Marine"


def test_belarusian_letters() -> None:
    """be_national renders ў as ŭ, г as h and soft consonants with an acute."""
    assert transliterate("Магілёў Гомель", "be_national") == "Mahilioŭ Homieĺ"


def test_auto_detects_language_per_word() -> None:
    """auto picks the default scheme per word, using the text's language for ambiguous words."""
    assert transliterate("Александр Витальевич Труфанов") == "Aleksandr Vital’yevich Trufanov"
    assert transliterate("Андрій Юрійович ПІНЧУК") == "Andrii Yuriiovych PINCHUK"
    assert transliterate("Быкаў") == "Bykaŭ"
    assert transliterate("Святлана Ціханоўская") == "Sviatlana Cichanoŭskaja"
    assert transliterate("Юлія Щеглова") == "Yuliia Shchehlova"
    assert transliterate("Юлия Щёголева") == "Yuliya Shchëgoleva"


def test_cyrillic_language_rule() -> None:
    """cyrillic_language follows the documented letter rule."""
    assert cyrillic_language("Anna") == ""
    assert cyrillic_language("") == ""
    assert cyrillic_language("Олександр") == "ru"
    assert cyrillic_language("Щеглова") == "ru"
    assert cyrillic_language("Андрій") == "uk"
    assert cyrillic_language("Їжак") == "uk"
    assert cyrillic_language("Ґалаґан") == "uk"
    assert cyrillic_language("Быкаў") == "be"
    assert cyrillic_language("Лукашэнка Ціханоўская") == "be"
    assert cyrillic_language("Святлана Ціханоўская") == "be"
    assert cyrillic_language("Лукашэнка і") == "be"
    assert cyrillic_language("Объём і") == "ru"
    assert cyrillic_language("Эдуард") == "ru"


def test_romanizations_cover_all_schemes() -> None:
    """romanizations() returns the distinct renderings of every bundled scheme."""
    forms = romanizations("Юлия Труфанова")
    assert forms == frozenset(scheme(n).transliterate("Юлия Труфанова") for n in schemes())
    assert {"Yuliya Trufanova", "Iuliia Trufanova", "Iouliia Troufanova"} <= forms
    assert "Yulyia Trufanova" in forms  # from uk_national_2010 (и → y)
    assert all(not CYRILLIC.search(f) for f in romanizations("Андрій Пінчук"))


def test_unknown_scheme_is_a_value_error_listing_schemes() -> None:
    """An unknown scheme name raises ValueError that lists the known schemes."""
    with pytest.raises(ValueError, match="ru_bgn_pcgn"):
        transliterate("Юлия", "klingon")
    with pytest.raises(ValueError, match="uk_national_2010"):
        scheme("nope")


def test_non_str_arguments_are_type_errors() -> None:
    """Non-str text or scheme raises TypeError."""
    with pytest.raises(TypeError):
        transliterate(b"x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        transliterate("x", 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        romanizations(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cyrillic_language(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scheme("ru_bgn_pcgn").transliterate(["Юлия"])  # type: ignore[arg-type]


def test_scheme_is_frozen() -> None:
    """Scheme objects are immutable value types."""
    sch = scheme("ru_icao_9303")
    with pytest.raises(AttributeError):
        sch.name = "x"  # type: ignore[misc]


GOOD = (SCHEME_DIR / "ru_icao_9303.toml").read_text("utf-8")

BROKEN = {
    "missing_key": (GOOD.replace('language = "ru"\n', ""), "missing required key 'language'"),
    "wrong_type": (GOOD.replace('language = "ru"', "language = 7"), "'language'"),
    "multi_letter_mapping_key": (
        GOOD.replace('"а" = "a"', '"аб" = "ab"'),
        "'mapping' key 'аб' must be a single letter",
    ),
    "empty_samples": (
        re.sub(r"samples = \[.*?\n\]", "samples = []", GOOD, flags=re.S),
        "'samples' must be a non-empty list",
    ),
    "failing_sample": (
        GOOD.replace('"Iuliia Shcheglova"', '"Yulia Shcheglova"'),
        "sample 'Юлия Щеглова' gives",
    ),
    "bad_toml": (GOOD + "\n[[[", "invalid TOML"),
    "cyrillic_value": (GOOD.replace('"ф" = "f"', '"ф" = "ф"'), "contains Cyrillic"),
    "unknown_key": ('extra = "x"\n' + GOOD, "unknown key"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_scheme_file_is_rejected_naming_file_and_rule(case: str, tmp_path: Path) -> None:
    """A broken scheme file raises ValueError naming the file and the rule broken."""
    text, rule = BROKEN[case]
    path = tmp_path / "ru_icao_9303.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(rule)) as info:
        load_scheme_file(path)
    assert str(path) in str(info.value)


def test_good_scheme_file_loads_from_a_path(tmp_path: Path) -> None:
    """An intact copy of a bundled scheme loads and behaves like the bundled one."""
    path = tmp_path / "ru_icao_9303.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_scheme_file(path).transliterate("Юлия") == "Iuliia"


def test_scheme_name_must_match_file_name(tmp_path: Path) -> None:
    """A scheme file whose name key differs from its file name is rejected."""
    path = tmp_path / "other.toml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match="must equal the file name"):
        load_scheme_file(path)
