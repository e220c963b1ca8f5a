"""BlockIndex: bulk indexing equals one-by-one indexing, whatever the batches."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import _block_keys, _split, blocking
from aliaskit.blocking import BlockIndex
from aliaskit.parse import parse_name
from tests.strategies import CYRILLIC_GIVEN, HEBREW_GIVEN, LATIN_GIVEN, any_names

# Few surnames and many given names (and bare surnames), so blocks outgrow their limits.
_CROWDED = st.builds(
    "{} {}".format,
    st.sampled_from(("", "A.", *LATIN_GIVEN, *CYRILLIC_GIVEN, *HEBREW_GIVEN)),
    st.sampled_from(("Trufanov", "Труфанов", "טרופנוב", "Cohen", "כהן")),
)
NAMES = st.lists(st.one_of(_CROWDED, any_names), max_size=40, unique=True)


def _one_by_one(names: list[str]) -> set[tuple[str, str]]:
    index = BlockIndex()
    pairs: set[tuple[str, str]] = set()
    for n in names:
        added, removed = index.add(n, parse_name(n))
        pairs = (pairs | added) - removed
    assert pairs == index.pairs()
    return pairs


@settings(max_examples=60, deadline=None)
@given(NAMES, st.integers(min_value=1, max_value=5), st.booleans())
def test_add_many_in_batches_equals_add_one_by_one(
    names: list[str], batches: int, small_blocks: bool
) -> None:
    big, short = (3, 2) if small_blocks else (blocking.MAX_BLOCK, blocking.MAX_SHORT_BLOCK)
    group = 2 if small_blocks else blocking.MAX_GIVEN_GROUP
    with (
        mock.patch.object(_block_keys, "MAX_BLOCK", big),
        mock.patch.object(_block_keys, "MAX_SHORT_BLOCK", short),
        mock.patch.object(_split, "MAX_GIVEN_GROUP", group),
    ):
        expected = _one_by_one(names)
        index = BlockIndex()
        pairs: set[tuple[str, str]] = set()
        for i in range(batches):
            batch = names[i::batches]
            added, removed = index.add_many((n, parse_name(n)) for n in batch)
            assert not added & removed
            assert removed <= pairs, "only pairs that existed can be removed"
            pairs = (pairs | added) - removed
        assert pairs == index.pairs() == expected


def test_add_many_ignores_names_already_indexed() -> None:
    index = BlockIndex()
    name = "Alexander Trufanov"
    index.add_many([(name, parse_name(name))])
    assert index.add_many([(name, parse_name(name))]) == (set(), set())
    assert len(index) == 1


@settings(max_examples=30, deadline=None)
@given(NAMES)
def test_untracked_index_yields_the_same_pairs_in_one_batch(names: list[str]) -> None:
    index = BlockIndex(track_pairs=False)
    added, removed = index.add_many((n, parse_name(n)) for n in names)
    assert removed == set()
    assert added == index.pairs() == _one_by_one(names)


def test_untracked_index_refuses_a_second_batch() -> None:
    index = BlockIndex(track_pairs=False)
    index.add_many([("Alexander Trufanov", parse_name("Alexander Trufanov"))])
    with pytest.raises(RuntimeError, match="one batch"):
        index.add("Elena Trufanova", parse_name("Elena Trufanova"))


@settings(max_examples=30, deadline=None)
@given(NAMES)
def test_partners_of_a_filled_index_give_the_same_pairs(names: list[str]) -> None:
    index = BlockIndex(track_pairs=False)
    index.fill((n, parse_name(n)) for n in names)
    streamed = {(x, y) for x in names for y in index.partners(x) if x < y}
    assert streamed == index.pairs() == _one_by_one(names)


def test_a_released_index_answers_no_more_queries() -> None:
    index = BlockIndex(track_pairs=False)
    index.add_many([("Alexander Trufanov", parse_name("Alexander Trufanov"))])
    index.release()
    with pytest.raises(RuntimeError, match="released"):
        index.pairs()
    with pytest.raises(RuntimeError, match="track_pairs=False"):
        BlockIndex().release()
