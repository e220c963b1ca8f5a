"""Oversized blocks: the route-by-route pairing equals a slow pair-by-pair reference,
and a common surname no longer pairs every name with every other."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import _block_keys, _split
from aliaskit.blocking import (
    ANY_GIVEN,
    INITIAL_ONLY,
    MEETS_ONLY,
    BlockIndex,
    given_keys,
    meets,
    partners,
    second_keys,
)
from aliaskit.parse import parse_name
from benchmarks.workload import one_surname_names

POOL = one_surname_names(400, seed=3)


def _meets_second(a: frozenset[str], b: frozenset[str]) -> bool:
    """meets() for second keys, where two initials meet only when they are the same letter."""
    if ANY_GIVEN in a or ANY_GIVEN in b:
        return True
    if INITIAL_ONLY in a or INITIAL_ONLY in b:
        return bool((a & b) - {INITIAL_ONLY})
    return any(p in b for k in a for p in partners(k))


def _route_sizes(gx: frozenset[str], gy: frozenset[str], size: dict[str, int]) -> list[int]:
    """The sizes of the routes that join two names with these given-name keys."""
    routes = [size[k] for k in gx & gy if not k.startswith("L:") and k[:2] not in MEETS_ONLY]
    for a, b in ((gx, gy), (gy, gx)):
        for k in a:
            if k[:2] in MEETS_ONLY and MEETS_ONLY[k[:2]] + k[2:] in b:
                routes.append(size[k] + size[MEETS_ONLY[k[:2]] + k[2:]])
        if INITIAL_ONLY in a:
            routes.extend(size[k] for k in a & b if k.startswith("L:"))
    return routes


def _reference(members: list[str], limit: int) -> set[tuple[str, str]]:
    """The pairs of an oversized block, one pair at a time, route by route."""
    g = {m: given_keys(parse_name(m)) for m in members}
    s = {m: second_keys(parse_name(m)) for m in members}
    size: dict[str, int] = defaultdict(int)  # members per non-initial key and per initial
    for m in members:
        if ANY_GIVEN not in g[m]:
            for k in g[m]:
                size[k] += 1
    out = set()
    for x, y in combinations(sorted(members), 2):
        gx, gy = g[x], g[y]
        if ANY_GIVEN in gx or ANY_GIVEN in gy:
            out.add((x, y))
            continue
        routes = _route_sizes(gx, gy, size)
        if any(r <= limit for r in routes) or (routes and _meets_second(s[x], s[y])):
            out.add((x, y))
    return out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=2, max_size=80, unique=True), st.integers(1, 6))
def test_oversized_block_pairs_equal_the_pair_by_pair_reference(
    names: list[str], limit: int
) -> None:
    """Route-by-route pairing (tracked and as arrays) gives exactly the reference pairs."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_block_keys, "MAX_BLOCK", 1)
        mp.setattr(_block_keys, "MAX_SHORT_BLOCK", 1)
        mp.setattr(_split, "MAX_GIVEN_GROUP", limit)
        items = [(n, parse_name(n)) for n in names]
        tracked = BlockIndex()
        tracked.add_many(items)
        arrays = BlockIndex(track_pairs=False).candidates(items)
        key = "S:IBNB"
        members = sorted(tracked._blocks[key])
        expected = _reference(members, limit)
        got = set(tracked._block_pairs(key))
        assert got == expected
        assert set(arrays.pairs()) == tracked.pairs()


def test_a_common_given_name_under_a_common_surname_splits_by_patronymic() -> None:
    """In a large Ivan Ivanov group, different patronymics no longer meet; a name
    without a patronymic, or with its initial, still meets them."""
    names = [f"Ivan {p} Ivanov" for p in ("Petrovich", "Sergeevich", "Olegovich")]
    names += ["Ivan Ivanov", "Ivan P. Ivanov", "Иван Петрович Иванов"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_block_keys, "MAX_BLOCK", 2)
        mp.setattr(_block_keys, "MAX_SHORT_BLOCK", 2)
        mp.setattr(_split, "MAX_GIVEN_GROUP", 2)
        pairs = BlockIndex(track_pairs=False).candidates((n, parse_name(n)) for n in names)
    found = set(pairs.pairs())
    assert ("Ivan Petrovich Ivanov", "Ivan Sergeevich Ivanov") not in found
    assert ("Ivan Ivanov", "Ivan Sergeevich Ivanov") in found
    assert ("Ivan P. Ivanov", "Ivan Petrovich Ivanov") in found
    assert ("Ivan Petrovich Ivanov", "Иван Петрович Иванов") in found
    assert meets(given_keys(parse_name(names[0])), given_keys(parse_name(names[1])))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(POOL), min_size=2, max_size=60, unique=True),
    st.lists(st.sampled_from(POOL), min_size=2, max_size=60, unique=True),
    st.integers(1, 4),
)
def test_routing_a_group_once_per_batch_keeps_the_union_of_pairs(
    first: list[str], second: list[str], limit: int
) -> None:
    """split_block with a ``routed`` set kept across blocks (as candidates() keeps
    one) gives the same union of pairs as splitting each block on its own."""
    given_of = {n: given_keys(parse_name(n)) for n in {*first, *second}}
    second_of = {n: second_keys(parse_name(n)) for n in {*first, *second}}
    blocks = [sorted(first), sorted(second), sorted({*first, *second})]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_split, "MAX_GIVEN_GROUP", limit)
        alone = _split.SetSink()
        for members in blocks:
            _split.split_block(members, given_of.__getitem__, second_of.__getitem__, alone)
        shared = _split.SetSink()
        routed: set[object] = set()
        for members in blocks:
            _split.split_block(members, given_of.__getitem__, second_of.__getitem__, shared, routed)
    assert shared.pairs == alone.pairs
