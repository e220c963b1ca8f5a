"""Tests of Latin/Cyrillic homoglyph repair."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.homoglyphs import repair_homoglyphs

DEV_PERSONS = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_persons.tsv"
CYRILLIC = re.compile("[\u0400-\u052f]")
LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def _mixes_scripts(word: str) -> bool:
    return bool(CYRILLIC.search(word) and LATIN.search(word))


def test_ukrainian_latin_i_becomes_cyrillic_i() -> None:
    """Latin i/I inside a Cyrillic word becomes Ukrainian і/І."""
    assert repair_homoglyphs("Андрiй Юрiйович ПIНЧУК") == "Андрій Юрійович ПІНЧУК"


def test_cyrillic_lookalikes_in_latin_word_become_latin() -> None:
    """Cyrillic look-alikes inside a mostly Latin word become Latin letters."""
    assert repair_homoglyphs("Ruslan ROMASHKІN") == "Ruslan ROMASHKIN"
    assert repair_homoglyphs("Аlеxandеr") == "Alexander"


def test_word_writable_only_in_cyrillic_becomes_cyrillic() -> None:
    """A word whose Latin letters all have Cyrillic twins, but not vice versa, goes Cyrillic."""
    assert repair_homoglyphs("Роман ГOBOP") == "Роман ГОВОР"


def test_latin_kra_and_stress_marks() -> None:
    """Latin ĸ becomes к; a Latin á used as stress mark becomes а with an acute mark."""
    assert repair_homoglyphs("Мамоĸин") == "Мамокин"
    assert repair_homoglyphs("Алексáндр") == "Алекса\u0301ндр"
    assert repair_homoglyphs("Фëдор") == "Фёдор"


def test_tie_is_left_alone() -> None:
    """A word with as many Latin as Cyrillic letters, both convertible, is unchanged."""
    assert repair_homoglyphs("Aа") == "Aа"
    assert repair_homoglyphs("Cс") == "Cс"


def test_single_script_text_is_unchanged() -> None:
    """Pure Latin or pure Cyrillic text comes back unchanged."""
    for text in ("Alexander Trufanov", "Александр Труфанов", "", "123 - ?", "Élodie"):
        assert repair_homoglyphs(text) == text


def test_non_str_is_a_type_error() -> None:
    """A non-str argument raises TypeError."""
    with pytest.raises(TypeError):
        repair_homoglyphs(None)  # type: ignore[arg-type]


@given(st.text())
def test_any_unicode_string_gives_a_string(text: str) -> None:
    """No Unicode input crashes repair, and repair is idempotent."""
    once = repair_homoglyphs(text)
    assert isinstance(once, str)
    assert repair_homoglyphs(once) == once


def test_dev_mixed_script_names_are_repaired() -> None:
    """After repair no word of a dev-set name mixes Latin and Cyrillic letters."""
    if not DEV_PERSONS.exists():
        pytest.skip(f"evaluation data absent: {DEV_PERSONS}")
    with DEV_PERSONS.open(encoding="utf-8") as fh:
        names = [r["name"] for r in csv.DictReader(fh, delimiter="\t")]
    mixed = [n for n in names if CYRILLIC.search(n) and LATIN.search(n)]
    assert len(mixed) >= 100
    bad = [
        (name, word)
        for name in mixed
        for word in re.findall(r"[^\W\d_]+", repair_homoglyphs(name))
        if _mixes_scripts(word)
    ]
    assert bad == []
