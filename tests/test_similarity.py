"""Part similarity: vectors, properties, and a slow reference implementation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.keys import fold, loose_fold
from aliaskit.latin import latin_spellings
from aliaskit.similarity import LOOSE_MIN, LOOSE_PENALTY, TRANSLIT_SCORE, part_similarity
from tests.conftest import load_vectors

PAIRS = load_vectors("cross_script_parts.tsv")
SAME = [r for r in PAIRS if r["relation"] == "same"]
DIFFERENT = [r for r in PAIRS if r["relation"] == "different"]
LATIN_PART = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


def _levenshtein(a: str, b: str) -> int:
    """Textbook dynamic-programming edit distance (the slow oracle)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i]
        for j, cb in enumerate(b, start=1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = row
    return prev[-1]


def _lone_swap(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped, and nothing else."""
    diff = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _ratio(a: str, b: str) -> float:
    longest = max(len(a), len(b))
    distance = 1 if _lone_swap(a, b) else _levenshtein(a, b)
    return 1.0 - distance / longest if longest else 0.0


@given(LATIN_PART, LATIN_PART)
def test_a_lone_swap_of_neighbours_costs_one_edit(a: str, b: str) -> None:
    """The typo distance is Levenshtein's, except that a lone neighbour swap costs one."""
    from aliaskit.similarity import _typo_distance

    expected = 1 if _lone_swap(a, b) else _levenshtein(a, b)
    assert _typo_distance(a, b) == _typo_distance(b, a) == expected


def reference_similarity(a: str, b: str) -> float:
    """The documented definition for two Latin parts, computed naively."""
    if a == b:
        return 1.0
    fa, fb = fold(a), fold(b)
    if fa and fa == fb:
        return TRANSLIT_SCORE
    best = _ratio(fa, fb)
    la, lb = loose_fold(a), loose_fold(b)
    if min(len(la), len(lb)) >= LOOSE_MIN:
        best = max(best, _ratio(la, lb) - LOOSE_PENALTY)
    return round(max(best, 0.0), 4)


@given(LATIN_PART, LATIN_PART)
def test_fast_path_equals_the_slow_reference(a: str, b: str) -> None:
    """part_similarity equals the naive reference on Latin parts with one reading."""
    if any(len(latin_spellings(x)) > 1 for x in (a, b)):
        return  # parts with a second reading (ch as kh, French j, yo as e) are left out
    assert part_similarity(a, b).score == reference_similarity(a, b)


@given(LATIN_PART, LATIN_PART)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    """Symmetric and in [0, 1]."""
    ab, ba = part_similarity(a, b), part_similarity(b, a)
    assert ab == ba
    assert 0.0 <= ab.score <= 1.0


@given(LATIN_PART)
def test_identical_parts_score_one(a: str) -> None:
    """A part compared with itself scores 1.0."""
    assert part_similarity(a, a).score == 1.0


@pytest.mark.parametrize("row", SAME, ids=[f"{r['a']}~{r['b']}" for r in SAME])
def test_same_name_across_romanisations_scores_high(row: dict[str, str]) -> None:
    """Romanisation and script variants of one name score at least 0.85."""
    assert part_similarity(row["a"].lower(), row["b"].lower()).score >= 0.85


@pytest.mark.parametrize("row", DIFFERENT, ids=[f"{r['a']}~{r['b']}" for r in DIFFERENT])
def test_different_names_score_lower_than_variants(row: dict[str, str]) -> None:
    """Different names score below every romanisation variant of Trufanov."""
    variant = part_similarity("trupanov", "trufanov").score
    assert part_similarity(row["a"].lower(), row["b"].lower()).score < variant


def test_trufanov_variants_beat_tarasov() -> None:
    """Trupanov ~ Trufanov ~ Troufanov, and Trufanov is not Tarasov."""
    assert part_similarity("trupanov", "trufanov").score >= 0.85
    assert part_similarity("troufanov", "trufanov").score >= 0.95
    assert part_similarity("trufanov", "tarasov").score <= 0.6


@pytest.mark.parametrize(("a", "b"), [("Trufanov", "TRUFANOV"), ("Ščeglova", "Shcheglova")])
def test_stable_under_case_and_diacritics(a: str, b: str) -> None:
    """Case does not change the score; diacritics fold."""
    from aliaskit import similarity

    assert similarity(a, b) >= 0.95
