"""Hostile and malformed input: every case has a defined outcome, a result or a clear error.

Covered: empty and whitespace-only strings, NUL and controls, bidi marks and
overrides, ZWJ/ZWNJ, lone combining marks, emoji, unassigned code points,
lone surrogates, mixed scripts inside one word, a 1 MB string, a million
copies of one name, wrong argument types, and damaged Resolver files.
Timings of the large cases are measured by ``benchmarks``-style runs, not
asserted here (see the report in ``fuzz/README.md``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import aliaskit
from aliaskit import Resolver, cluster, compare, normalize, parse_name
from aliaskit.blocking import block_keys
from aliaskit.keys import fold, skeleton_keys
from aliaskit.parse import LongNameWarning
from aliaskit.phonetic import encoders, phonetic_keys
from aliaskit.resolver import ResolverFileError, SkippedNamesWarning

NAME = "Alexander Trufanov"

# -- characters that carry no name ------------------------------------------------

EMPTYISH = {
    "empty": "",
    "spaces": "   ",
    "whitespace": " \t\n\r\x0b\x0c\u00a0\u2003\u3000",
    "nul": "\x00",
    "controls": "\x01\x07\x1b\x7f\x85\x9f",
    "bidi": "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "zero_width": "\u200b\u200c\u200d\u2060\ufeff\u00ad",
    "lone_marks": "\u0301\u0308\u05b8\u05bc",
    "emoji": "😀 👨‍👩‍👧 🇺🇦",
    "unassigned": "\u0378\u05eb\U000e0080",
    "surrogates": "\ud800\udfff",
    "punctuation": " -- ' ., ",
}


@pytest.mark.parametrize("text", EMPTYISH.values(), ids=EMPTYISH.keys())
def test_text_without_a_name_normalizes_to_empty(text: str) -> None:
    """Input with no letters normalises to "" and parses to no parts."""
    assert normalize(text) == ""
    assert aliaskit.detect_script(text) == "Zyyy"
    assert parse_name(text).parts == ()
    assert aliaskit.readings(text) == ()
    assert skeleton_keys(text) == frozenset()
    for algorithm in encoders():
        assert phonetic_keys(text, algorithm=algorithm) == frozenset()


@pytest.mark.parametrize("text", EMPTYISH.values(), ids=EMPTYISH.keys())
def test_transliteration_of_text_without_a_name_passes_it_through(text: str) -> None:
    """transliterate leaves non-Cyrillic text as it is, junk included."""
    assert aliaskit.transliterate(text) == text
    assert aliaskit.romanizations(text) == {text}


@pytest.mark.parametrize("text", EMPTYISH.values(), ids=EMPTYISH.keys())
def test_compare_with_no_name_is_a_value_error(text: str) -> None:
    """compare raises ValueError naming the side that holds no name."""
    with pytest.raises(ValueError, match="a has no name"):
        compare(text, NAME)
    with pytest.raises(ValueError, match="b has no name"):
        compare(NAME, text)


@pytest.mark.parametrize("text", EMPTYISH.values(), ids=EMPTYISH.keys())
def test_cluster_skips_input_with_no_name(text: str) -> None:
    """cluster skips a name-less input with a warning; Resolver.add raises ValueError."""
    with pytest.warns(SkippedNamesWarning, match="skipped 1"):
        entities = cluster([NAME, text])
    assert [e.aliases for e in entities] == [(NAME,)]
    with pytest.raises(ValueError, match="no name can be read from"):
        Resolver().add(text)


# -- the same characters inside a name ------------------------------------------------

INSIDE = {
    "nul": "Alexander\x00 Trufanov",
    "controls": "\x07Alexander\x1b Trufanov\x7f",
    "bidi_marks": "\u200fAlexander\u200e Trufanov\u200f",
    "bidi_override": "\u202eAlexander Trufanov\u202c",
    "isolates": "\u2067Alexander\u2069 \u2066Trufanov\u2069",
    "zwj_zwnj": "Alex\u200dander Tru\u200cfanov",
    "bom_soft_hyphen": "\ufeffAlexan\u00adder Trufanov",
    "lone_mark_first": "\u0301Alexander \u0308Trufanov",
    "emoji": "Alexander 😀 Trufanov 👍🏽",
    "unassigned": "Alexander\u0378 Trufanov\U000e0080",
    "surrogates": "Alexander\ud800 Tru\udc00fanov",
    "fullwidth": "Ａｌｅｘａｎｄｅｒ Ｔｒｕｆａｎｏｖ",
    "nbsp": "Alexander\u00a0Trufanov",
    "cyrillic_a_inside": "\u0410lex\u0430nder Trufanov",
    "cyrillic_o_e_inside": "Alexand\u0435r Truf\u0430n\u043ev",
}


@pytest.mark.parametrize("text", INSIDE.values(), ids=INSIDE.keys())
def test_invisible_and_lookalike_characters_do_not_change_the_name(text: str) -> None:
    """Invisibles, controls, emoji and Cyrillic look-alikes in a Latin name are ignored."""
    assert normalize(text) == "alexander trufanov"
    assert compare(text, NAME).score == 1.0


@pytest.mark.parametrize("text", INSIDE.values(), ids=INSIDE.keys())
def test_hostile_name_clusters_with_the_clean_name(text: str) -> None:
    """A hostile spelling of a name joins the clean name's entity."""
    (entity,) = cluster([NAME, text, "Александр Труфанов"])
    assert set(entity.aliases) == {NAME, text, "Александр Труфанов"}
    assert entity.canonical == NAME


def test_names_with_surrogates_survive_save_and_load(tmp_path: Path) -> None:
    """A name holding a lone surrogate is saved and loaded unchanged."""
    resolver = Resolver()
    resolver.add_many([NAME, INSIDE["surrogates"]])
    resolver.save(tmp_path / "r.json")
    loaded = Resolver.load(tmp_path / "r.json")
    assert loaded.entities == resolver.entities


def test_cyrillic_letters_inside_a_hebrew_or_cyrillic_name_are_kept_apart() -> None:
    """Mixed Hebrew + Latin in one word is not repaired but still gives a result."""
    mixed = "סשהa טרופנובb"
    assert normalize(mixed) == "סשהa טרופנובb"
    assert 0.0 <= compare(mixed, "סשה טרופנוב").score <= 1.0


def test_cyrillic_lookalike_initial_in_a_latin_name_matches() -> None:
    """E. Trufanov (Latin E) matches Е. Trufanov (Cyrillic Е)."""
    assert compare("E. Trufanov", "\u0415. Trufanov").is_match


def test_cyrillic_initial_ye_matches_latin_given_name_with_e() -> None:
    """Е. Труфанова (Cyrillic) is compatible with Elena Trufanova."""
    assert compare("Е. Труфанова", "Elena Trufanova").is_match


# -- size ------------------------------------------------------------------------------

MEGABYTE = {
    "latin_words": (NAME + " ") * (1_000_000 // (len(NAME) + 1)),
    "one_latin_word": "a" * 1_000_000,
    "hebrew_words": "סשה טרופנוב " * (1_000_000 // 24),
    "one_hebrew_word": "ש" * 500_000,
    "cyrillic_words": "Александр Труфанов " * (1_000_000 // 38),
}


@pytest.mark.filterwarnings("ignore::aliaskit.parse.LongNameWarning")
@pytest.mark.parametrize("text", MEGABYTE.values(), ids=MEGABYTE.keys())
def test_a_megabyte_string_gives_a_result(text: str) -> None:
    """Every text function returns on a 1 MB string (work is linear; timings in the report)."""
    assert normalize(text)
    assert aliaskit.detect_script(text) in ("Latn", "Hebr", "Cyrl")
    assert aliaskit.transliterate(text)
    assert isinstance(aliaskit.readings(text, limit=2), tuple)  # () for Cyrillic
    assert parse_name(text).parts
    assert phonetic_keys(text, algorithm="soundex")


@pytest.mark.filterwarnings("ignore::aliaskit.parse.LongNameWarning")
@pytest.mark.parametrize("text", MEGABYTE.values(), ids=MEGABYTE.keys())
def test_a_megabyte_string_compares_and_clusters(text: str) -> None:
    """compare and cluster accept a 1 MB name; it is an entity of its own or joins NAME.

    (Repeated words after the first given name and before the surname are
    middle names, which are neutral, so the repeated name may match NAME.)
    """
    assert 0.0 <= compare(text, NAME).score <= 1.0
    assert compare(text, text).score == 1.0
    entities = cluster([text, NAME])
    assert sorted(a for e in entities for a in e.aliases) == sorted([text, NAME])


def test_a_megabyte_name_is_matched_on_its_start_with_a_warning() -> None:
    """parse_name warns that a very long name is matched on its first characters only."""
    with pytest.warns(LongNameWarning, match="characters matched on its first"):
        parse_name(MEGABYTE["latin_words"] + "x")


def test_a_million_copies_of_one_name_are_one_entity() -> None:
    """Exact repeats cost almost nothing: a million copies give one entity."""
    (entity,) = cluster([NAME] * 1_000_000)
    assert entity.aliases == (NAME,)


# -- wrong types ---------------------------------------------------------------------

WRONG = [None, b"Alexander Trufanov", 42, 4.2, ["Alexander"], object()]

STR_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "normalize": normalize,
    "tokenize": aliaskit.text.tokenize,
    "detect_script": aliaskit.detect_script,
    "transliterate": aliaskit.transliterate,
    "romanizations": aliaskit.romanizations,
    "readings": aliaskit.readings,
    "word_readings": aliaskit.hebrew.word_readings,
    "parse_name": parse_name,
    "fold": fold,
    "skeleton_keys": skeleton_keys,
    "knowledge_fold": aliaskit.knowledge.fold,
    "repair_homoglyphs": aliaskit.homoglyphs.repair_homoglyphs,
    "daitch_mokotoff": aliaskit.daitch_mokotoff.daitch_mokotoff,
    **{f"phonetic_keys[{a}]": functools.partial(phonetic_keys, algorithm=a) for a in encoders()},
    "compare_a": lambda v: compare(v, NAME),
    "compare_b": lambda v: compare(NAME, v),
    "similarity_a": lambda v: aliaskit.similarity(v, "trufanov"),
    "similarity_b": lambda v: aliaskit.similarity("trufanov", v),
    "cluster_item": lambda v: cluster([NAME, v]),
    "resolver_add": lambda v: Resolver().add(v),
    "resolver_add_many_item": lambda v: Resolver().add_many([NAME, v]),
    "resolver_entity_of": lambda v: Resolver().entity_of(v),
    "resolver_merge": lambda v: _resolver().merge(NAME, v),
    "resolver_split": lambda v: _resolver().split(v, NAME),
}


def _resolver() -> Resolver:
    resolver = Resolver()
    resolver.add_many([NAME, "Sasha Troufanov"])
    return resolver


@pytest.mark.parametrize("value", WRONG, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("function", STR_FUNCTIONS.values(), ids=STR_FUNCTIONS.keys())
def test_a_non_str_argument_is_a_type_error(function: Callable[[Any], object], value: Any) -> None:
    """Every public function that takes a name raises TypeError for a non-str."""
    with pytest.raises(TypeError):
        function(value)


@pytest.mark.parametrize("value", [None, 42, b"abc"], ids=lambda v: type(v).__name__)
def test_a_non_iterable_or_bytes_to_cluster_is_a_type_error(value: Any) -> None:
    """cluster and add_many reject None, numbers and bytes (whose items are ints)."""
    with pytest.raises(TypeError):
        cluster(value)
    with pytest.raises(TypeError):
        Resolver().add_many(value)


def test_a_mixed_list_changes_nothing() -> None:
    """A bad item anywhere in add_many raises before any name is added."""
    resolver = _resolver()
    before = resolver.to_dict()
    with pytest.raises(TypeError, match=r"names\[2\]"):
        resolver.add_many(["Vladimir Putin", "Sapir Cohen", b"x"])  # type: ignore[list-item]
    assert resolver.to_dict() == before


@pytest.mark.parametrize("value", [None, "0.5", -0.1, 1.5, float("nan")], ids=repr)
def test_resolver_rejects_a_bad_threshold(value: Any) -> None:
    """Resolver(threshold=...) outside [0, 1] or not a number raises ValueError."""
    with pytest.raises((TypeError, ValueError)):
        Resolver(threshold=value)


_THRESHOLD_ERRORS = [
    (True, TypeError),
    (False, TypeError),
    (None, TypeError),
    ("0.5", TypeError),
    (-0.1, ValueError),
    (1.5, ValueError),
    (float("nan"), ValueError),
]


@pytest.mark.parametrize(("value", "error"), _THRESHOLD_ERRORS, ids=repr)
def test_every_entry_point_validates_a_threshold_alike(value: Any, error: type) -> None:
    """One validator: a bool or non-number is a TypeError, a number outside [0, 1] a ValueError,
    the same for Resolver, cluster and compare."""
    with pytest.raises(error, match="threshold"):
        Resolver(threshold=value)
    with pytest.raises(error, match="threshold"):
        aliaskit.cluster(["Sasha Troufanov"], threshold=value)
    with pytest.raises(error, match="threshold"):
        compare(NAME, "Sasha Troufanov", threshold=value)


@pytest.mark.parametrize("value", [None, b"x", 42, 0, "x"], ids=repr)
def test_bad_options_are_clear_errors(value: Any) -> None:
    """Bad scheme, algorithm, scorer or limit options raise TypeError or ValueError."""
    with pytest.raises((TypeError, ValueError)):
        aliaskit.transliterate("Труфанов", scheme=value)
    with pytest.raises((TypeError, ValueError)):
        phonetic_keys("Trufanov", algorithm=value)
    with pytest.raises((TypeError, ValueError)):
        aliaskit.similarity("a", "b", scorer=value)


@pytest.mark.parametrize("value", [None, b"x", 0, -3, "x", 2.5, True], ids=repr)
def test_a_bad_readings_limit_is_a_clear_error(value: Any) -> None:
    """readings(limit=...) that is not a positive int raises TypeError or ValueError."""
    with pytest.raises((TypeError, ValueError)):
        aliaskit.readings("סשה", limit=value)


@pytest.mark.parametrize("value", [None, "0.5", -1, 2, float("nan")], ids=repr)
def test_compare_rejects_a_bad_threshold(value: Any) -> None:
    """compare(threshold=...) outside [0, 1] or not a number raises an error."""
    with pytest.raises((TypeError, ValueError)):
        compare(NAME, "Sasha Troufanov", threshold=value)


@pytest.mark.parametrize("value", [None, NAME], ids=repr)
def test_block_keys_of_a_non_parsed_name_is_a_type_error(value: Any) -> None:
    """block_keys takes a ParsedName; anything else is a TypeError."""
    with pytest.raises(TypeError):
        block_keys(value)


def test_cluster_of_a_str_is_a_type_error() -> None:
    """cluster("Alexander") is a mistake (a str, not a list of names) and raises TypeError."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(TypeError):
            cluster(NAME)


def test_adding_a_name_twice_returns_its_entity() -> None:
    """Resolver.add of a name already present returns its entity."""
    resolver = Resolver()
    first = resolver.add(NAME)
    assert resolver.add(NAME) == first


# -- Resolver files ----------------------------------------------------------------------


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Resolver, Path]:
    """A Resolver with names and judgements, saved to a file."""
    resolver = Resolver()
    resolver.add_many([NAME, "Sasha Troufanov", "Elena Trufanova", "סשה טרופנוב"])
    resolver.split(NAME, "Elena Trufanova")
    path = tmp_path / "resolver.json"
    resolver.save(path)
    return resolver, path


def _resigned(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its checksum recomputed, as a careful forger would."""
    body = {k: data[k] for k in ("threshold", "names", "must_link", "cannot_link")}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
    return {**data, "sha256": digest.hexdigest()}


def _signed(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its checksum recomputed over every field it holds."""
    body = {k: v for k, v in data.items() if k not in ("format", "version", "sha256")}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
    return {**data, "sha256": digest.hexdigest()}


def _damaged(raw: bytes, how: str) -> bytes:
    """The saved file ``raw`` damaged in the way named ``how``."""
    data = json.loads(raw)
    first = data["names"][0]
    as_bytes: dict[str, bytes] = {
        "truncated": raw[: len(raw) // 2],
        "empty": b"",
        "binary": b"\xff\xfe\x00garbage",
        "not_an_object": b"[1, 2, 3]",
        "nested_too_deeply": b"[" * 100_000 + b"]" * 100_000,
        "integer_of_5000_digits": b'{"format": "aliaskit-resolver", "version": '
        + b"1" * 5000
        + b"}",
    }
    as_json: dict[str, dict[str, Any]] = {
        "tampered_name": {**data, "names": [*data["names"][:-1], "Mallory"]},
        "tampered_checksum": {**data, "sha256": "0" * 64},
        "version_2": _resigned({**data, "version": 2}),
        "other_format": _resigned({**data, "format": "something-else"}),
        "extra_field": _resigned({**data, "extra": 1}),
        "unknown_name_in_judgement": _resigned({**data, "must_link": [["Mallory", first]]}),
        "names_not_strings": _resigned({**data, "names": [1, 2]}),
        "threshold_out_of_range": _resigned({**data, "threshold": 7}),
        # Signed again over every field: the checks on the content must catch these.
        "blank_name_in_judgement": _signed(
            {**data, "names": [*data["names"], "  "], "must_link": [["  ", first]]}
        ),
        "list_in_judgement": _signed({**data, "must_link": [[["x"], first]]}),
        "no_name_in_cannot_link": _signed(
            {**data, "names": [*data["names"], "!!"], "cannot_link": [["!!", first]]}
        ),
        "pair_in_must_and_cannot_link": _signed(
            {
                **data,
                "must_link": [[first, data["names"][1]]],
                "cannot_link": [[data["names"][1], first]],
            }
        ),
        "version_true": _signed({**data, "version": True}),
        "version_float": _signed({**data, "version": 3.0}),
        "mentions_not_an_object": _signed({**data, "mentions": [[first, 2]]}),
        "mentions_of_an_unsaved_name": _signed({**data, "mentions": {"Mallory": 2}}),
        "mentions_true": _signed({**data, "mentions": {first: True}}),
        "mentions_negative": _signed({**data, "mentions": {first: -1}}),
        "mentions_float": _signed({**data, "mentions": {first: 2.0}}),
        "mentions_string": _signed({**data, "mentions": {first: "2"}}),
        "mentions_missing": _signed({k: v for k, v in data.items() if k != "mentions"}),
    }
    return as_bytes[how] if how in as_bytes else json.dumps(as_json[how]).encode()


DAMAGE = [
    "truncated",
    "empty",
    "binary",
    "not_an_object",
    "tampered_name",
    "tampered_checksum",
    "version_2",
    "other_format",
    "extra_field",
    "unknown_name_in_judgement",
    "names_not_strings",
    "threshold_out_of_range",
    "nested_too_deeply",
    "integer_of_5000_digits",
    "blank_name_in_judgement",
    "list_in_judgement",
    "no_name_in_cannot_link",
    "pair_in_must_and_cannot_link",
    "version_true",
    "version_float",
    "mentions_not_an_object",
    "mentions_of_an_unsaved_name",
    "mentions_true",
    "mentions_negative",
    "mentions_float",
    "mentions_string",
    "mentions_missing",
]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_resolver_file_is_a_resolver_file_error(
    saved: tuple[Resolver, Path], how: str
) -> None:
    """A truncated, tampered or foreign file raises ResolverFileError; nothing changes."""
    resolver, path = saved
    before = resolver.to_dict()
    on_disk = _damaged(path.read_bytes(), how)
    path.write_bytes(on_disk)
    with pytest.raises(ResolverFileError, match=str(path.name)):
        Resolver.load(path)
    assert resolver.to_dict() == before
    assert path.read_bytes() == on_disk


def test_a_missing_or_directory_path_is_a_resolver_file_error(tmp_path: Path) -> None:
    """Loading a missing file or a directory raises ResolverFileError."""
    with pytest.raises(ResolverFileError, match="cannot read"):
        Resolver.load(tmp_path / "missing.json")
    with pytest.raises(ResolverFileError, match="cannot read"):
        Resolver.load(tmp_path)


def test_saving_into_a_missing_directory_is_an_os_error(saved: tuple[Resolver, Path]) -> None:
    """save into a missing directory raises OSError and leaves the Resolver as it was."""
    resolver, path = saved
    before = resolver.to_dict()
    with pytest.raises(OSError, match="No such file"):
        resolver.save(path.parent / "missing" / "r.json")
    assert resolver.to_dict() == before
