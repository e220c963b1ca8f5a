"""Tests for the Daitch–Mokotoff Soundex encoder (vectors, oracle, properties)."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.daitch_mokotoff import CODE_LENGTH, daitch_mokotoff

VECTORS = Path(__file__).resolve().parent / "vectors" / "daitch_mokotoff.tsv"
DEV_PERSONS = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev_persons.tsv"
ORACLE_SAMPLE = 500


def _vectors() -> list[tuple[str, frozenset[str], str]]:
    with VECTORS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["name"], frozenset(row["codes"].split()), row["source"]) for row in rows]


VECTOR_ROWS = _vectors()


@pytest.mark.parametrize(
    ("name", "codes", "source"), VECTOR_ROWS, ids=[row[0] for row in VECTOR_ROWS]
)
def test_every_vector_gives_its_published_or_derived_codes(
    name: str, codes: frozenset[str], source: str
) -> None:
    """Each row of the vector file is reproduced exactly (all branches)."""
    assert source, f"vector {name!r} has no source"
    assert daitch_mokotoff(name) == codes


def test_vector_file_is_sorted_and_has_branching_cases() -> None:
    """Vector codes are written sorted and several rows exercise branching."""
    with VECTORS.open(encoding="utf-8", newline="") as handle:
        raw = [row["codes"] for row in csv.DictReader(handle, delimiter="\t")]
    assert all(codes.split() == sorted(codes.split()) for codes in raw)
    assert sum(len(codes) > 1 for _, codes, _ in VECTOR_ROWS) >= 15


def test_name_without_letters_gives_no_code() -> None:
    """Empty, digit-only and punctuation-only names give the empty set."""
    for name in ("", "123", " - ", "\u200d", "😀", "\ud800"):
        assert daitch_mokotoff(name) == frozenset()


def test_non_letters_are_ignored() -> None:
    """Spaces, hyphens, digits and marks inside a name do not change its codes."""
    assert daitch_mokotoff("Ben-Aron 2") == daitch_mokotoff("BENARON")
    assert daitch_mokotoff("Pe\u200dters") == daitch_mokotoff("Peters")


def test_case_does_not_matter() -> None:
    """Upper, lower and mixed case give the same codes."""
    assert daitch_mokotoff("moskowitz") == daitch_mokotoff("MOSKOWITZ") == {"645740"}


def test_non_str_is_a_type_error() -> None:
    """A non-str argument raises TypeError."""
    with pytest.raises(TypeError, match="expects a str"):
        daitch_mokotoff(b"Peters")  # type: ignore[arg-type]


@given(st.text())
def test_codes_are_always_six_digits(name: str) -> None:
    """Any string gives a frozenset of six-digit codes."""
    codes = daitch_mokotoff(name)
    assert isinstance(codes, frozenset)
    assert all(len(code) == CODE_LENGTH and code.isdigit() for code in codes)


@given(st.text(alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x17F), min_size=1))
def test_letters_always_give_at_least_one_code(name: str) -> None:
    """A name with an ASCII letter always has at least one code, deterministically."""
    codes = daitch_mokotoff(name)
    assert codes == daitch_mokotoff(name)
    if re.search("[A-Za-z]", name):
        assert codes


def _abydos_sees_same_letters(name: str) -> bool:
    """True when NFKD + dropping marks already yields ASCII (no ł, ð, ø, ß ...)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return all(ch.isascii() for ch in decomposed if not unicodedata.combining(ch))


def _dev_surnames() -> list[str]:
    """About 500 distinct Latin-script surnames (last name token) from the dev set."""
    with DEV_PERSONS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        names = {row["name"].split()[-1] for row in rows if row["script"] == "Latn"}
    ordered = sorted(name for name in names if len(name) > 1)
    step = max(1, len(ordered) // ORACLE_SAMPLE)
    return ordered[::step][:ORACLE_SAMPLE]


def test_agrees_with_abydos_on_dev_surnames() -> None:
    """Codes equal abydos' DaitchMokotoff on ~500 real surnames it folds the same way."""
    abydos_phonetic = pytest.importorskip("abydos.phonetic")
    if not DEV_PERSONS.exists():
        pytest.skip(f"evaluation data absent: {DEV_PERSONS}")
    oracle = abydos_phonetic.DaitchMokotoff()
    surnames = _dev_surnames()
    assert len(surnames) >= ORACLE_SAMPLE // 2
    differences = {
        name: (sorted(daitch_mokotoff(name)), sorted(oracle.encode(name)))
        for name in surnames
        if _abydos_sees_same_letters(name) and daitch_mokotoff(name) != set(oracle.encode(name))
    }
    assert differences == {}


def test_abydos_differs_only_by_dropping_unfoldable_letters() -> None:
    """Where abydos differs it is because it drops ł/ð that unidecode folds to l/d."""
    abydos_phonetic = pytest.importorskip("abydos.phonetic")
    oracle = abydos_phonetic.DaitchMokotoff()
    assert sorted(oracle.encode("Paweł")) == ["770000"]
    assert daitch_mokotoff("Paweł") == daitch_mokotoff("Pawel") == {"778000"}
