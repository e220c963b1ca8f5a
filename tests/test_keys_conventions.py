"""Skeleton keys read each spelling convention both ways (vectors/skeleton_conventions.tsv)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.keys import _LATIN_VARIANTS, _VARIANT_LITERALS, MAX_KEYS, latin_skeletons
from aliaskit.latin import part_keys
from tests.conftest import load_vectors

ROWS = load_vectors("skeleton_conventions.tsv")


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['rule']}:{r['a']}-{r['b']}" for r in ROWS])
def test_spelling_conventions_share_a_skeleton_key(row: dict[str, str]) -> None:
    """A name written by two conventions meets in at least one part key."""
    assert part_keys(row["a"].lower()) & part_keys(row["b"].lower())


def test_plain_spelling_keeps_its_own_key_first() -> None:
    """The reading as written is always among the keys, however many variants apply."""
    assert "KSTL" in latin_skeletons("castillo")
    assert "XMDT" in latin_skeletons("schmidt")


@pytest.mark.parametrize("token", ["jean-jacques", "schwarzschild", "xhaxhiu", "ghiglione"])
def test_many_variants_stay_within_max_keys(token: str) -> None:
    """Parts matching many conventions still give at most MAX_KEYS keys."""
    assert 0 < len(latin_skeletons(token)) <= MAX_KEYS


@pytest.mark.parametrize(
    ("a", "b"), [("Trufanov", "Tarasov"), ("Petrov", "Sidorov"), ("Roth", "Ross")]
)
def test_different_names_still_differ(a: str, b: str) -> None:
    """The new readings do not merge plainly different surnames."""
    assert not part_keys(a.lower()) & part_keys(b.lower())


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=10))
def test_variant_literals_are_in_every_match(text: str) -> None:
    for (pattern, _), literal in zip(_LATIN_VARIANTS, _VARIANT_LITERALS, strict=True):
        if pattern.search(text):
            assert literal in text, (pattern.pattern, literal)
