"""Surname suffixes: a shared suffix is not agreement between surnames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.similarity import part_similarity, surname_similarity
from aliaskit.stems import EXTRA_SLIP_COST, MIN_STEM, shared_suffix, stem_similarity, suffixes
from tests.conftest import load_vectors

PAIRS = load_vectors("surname_suffix_pairs.tsv")
SAME = [r for r in PAIRS if r["relation"] == "same"]
DIFFERENT = [r for r in PAIRS if r["relation"] == "different"]
SLIPS = [r for r in PAIRS if r["relation"] == "slip"]
#: With the same given name, a surname scoring this much makes a match (0.70 + margin 0.05).
MATCHING_SURNAME = 0.70
PART = st.text(alphabet="abcdefghijklmnopqrstuvwxyzčšž", min_size=1, max_size=14)
SUFFIXED = st.builds(
    lambda stem, suffix: stem + suffix,
    st.text(alphabet="abdgklmnoprstuvz", min_size=1, max_size=6),
    st.sampled_from(["enko", "chenko", "chuk", "uk", "ov", "ova", "skiy", "shvili", "man", "yan"]),
)


def _id(row: dict[str, str]) -> str:
    return f"{row['a']}~{row['b']}"


@pytest.mark.parametrize("row", DIFFERENT, ids=[_id(r) for r in DIFFERENT])
def test_different_stems_with_a_shared_suffix_do_not_match(row: dict[str, str]) -> None:
    """Different surnames on one suffix score below what a matching surname needs."""
    assert surname_similarity(row["a"].lower(), row["b"].lower()).score < MATCHING_SURNAME


@pytest.mark.parametrize("row", SAME, ids=[_id(r) for r in SAME])
def test_spellings_of_one_surname_still_match(row: dict[str, str]) -> None:
    """Romanisation variants of one surname keep a high score."""
    assert surname_similarity(row["a"].lower(), row["b"].lower()).score >= 0.85


@pytest.mark.parametrize("row", SLIPS, ids=[_id(r) for r in SLIPS])
def test_one_slip_in_a_stem_is_still_a_matching_surname(row: dict[str, str]) -> None:
    """A typo (one letter, or two letters swapped) keeps the surname matching."""
    assert surname_similarity(row["a"].lower(), row["b"].lower()).score >= MATCHING_SURNAME


@given(st.one_of(PART, SUFFIXED), st.one_of(PART, SUFFIXED))
def test_surname_similarity_is_symmetric_bounded_and_never_above_part_similarity(
    a: str, b: str
) -> None:
    """Symmetric, in [0, 1], and a shared suffix only ever lowers the score."""
    ab, ba = surname_similarity(a, b), surname_similarity(b, a)
    assert ab == ba
    assert 0.0 <= ab.score <= part_similarity(a, b).score <= 1.0


@given(SUFFIXED)
def test_identical_surnames_score_one(a: str) -> None:
    """A surname compared with itself scores 1.0."""
    assert surname_similarity(a, a).score == 1.0


@given(SUFFIXED, SUFFIXED)
def test_shared_suffix_leaves_stems_of_min_length(a: str, b: str) -> None:
    """The suffix found ends both forms and leaves at least MIN_STEM letters of each."""
    suffix = shared_suffix(a, b)
    if suffix:
        assert a.endswith(suffix)
        assert b.endswith(suffix)
        assert min(len(a), len(b)) - len(suffix) >= MIN_STEM
        assert suffix in suffixes()


def test_a_shared_suffix_counts_half_a_stem_letter() -> None:
    """One slip in a three-letter stem before a two-letter suffix: 1 - 1 / (3 + 1)."""
    assert stem_similarity("putin", "pudin", "in") == pytest.approx(0.75)
    assert stem_similarity("narchuk", "narchuk", "chuk") == 1.0


def test_a_second_slip_in_the_stems_costs_more_than_the_first() -> None:
    """Two slips in a five-letter stem (Sidorenko ~ Fedorenko): 1 - (2 + 0.5) / (5 + 2)."""
    assert stem_similarity("sidorenko", "fedorenko", "enko") == pytest.approx(1 - 2.5 / 7)
    one = 1 - stem_similarity("sidorenko", "sedorenko", "enko")
    two = 1 - stem_similarity("sidorenko", "fedorenko", "enko")
    assert two == pytest.approx(2 * one + EXTRA_SLIP_COST * one)


@given(SUFFIXED, SUFFIXED)
def test_stem_similarity_stays_in_the_unit_interval(a: str, b: str) -> None:
    suffix = shared_suffix(a, b)
    if suffix:
        assert 0.0 <= stem_similarity(a, b, suffix) <= 1.0


def test_a_swap_in_the_stem_is_one_slip_but_never_beats_the_whole_word() -> None:
    """Luakshenko ~ Lukashenko: one transposition in the stems; the surname score
    is capped by the whole words' edit similarity."""
    assert stem_similarity("luakshenko", "lukashenko", "shenko") == pytest.approx(1 - 1 / 7)
    whole = part_similarity("luakshenko", "lukashenko").score
    assert whole == pytest.approx(1 - 1 / 9, abs=1e-4)  # one edit in the 9-letter fold (sh: w)
    assert 0.8 < surname_similarity("luakshenko", "lukashenko").score <= whole


def test_every_listed_suffix_has_a_folded_form() -> None:
    """Each row of the data file folds to a non-empty suffix, in both folds."""
    from importlib.resources import files

    from aliaskit.knowledge import load_table

    table = load_table(files("aliaskit") / "data" / "surname_suffixes.tsv")
    assert table.columns == ("suffix", "formation", "language", "source")
    assert all(row[3] for row in table.rows)
    assert len(suffixes()) >= 30
    assert len(suffixes(loose=True)) >= 30


def test_compare_keeps_namesakes_with_a_shared_suffix_apart() -> None:
    """Liliya Sanchenko is not Liliya Zoshchenko; Liliya Shevchenko is Liliya Shevtchenko."""
    from aliaskit import compare

    assert not compare("Liliya Sanchenko", "Liliya Zoshchenko").is_match
    assert compare("Liliya Shevchenko", "Liliya Shevtchenko").is_match
