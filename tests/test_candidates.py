"""Candidate pairs as arrays: the same pairs as the tracked index, and the one-batch
clustering path that uses them gives the entities of adding names one batch at a time."""

from __future__ import annotations

import importlib
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import Resolver, cluster
from aliaskit._candidates import CodeCollector
from aliaskit._resolver_graph import components as _components
from aliaskit.blocking import BlockIndex
from aliaskit.parse import ParsedName, parse_name
from benchmarks.workload import SHAPES, generate


def _parsed(names: list[str]) -> list[tuple[str, ParsedName]]:
    out = []
    for name in sorted(set(names)):
        parsed = parse_name(name)
        if parsed.parts:
            out.append((name, parsed))
    return out


@pytest.mark.parametrize("small_cross", [0, 256, 1 << 30])
@pytest.mark.parametrize("shape", SHAPES)
def test_array_candidates_equal_the_tracked_index_pairs(
    shape: str, small_cross: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The untracked index's arrays hold exactly the pairs the incremental index
    tracks, whether the crosses of split blocks go through numpy or the buffer."""
    monkeypatch.setattr(
        importlib.import_module("aliaskit._block_index"), "SMALL_CROSS", small_cross
    )
    items = _parsed([name for _, name in generate(2_500, seed=2, shape=shape)])
    tracked = BlockIndex()
    tracked.add_many(items)
    arrays = BlockIndex(track_pairs=False).candidates(items)
    assert set(arrays.pairs()) == tracked.pairs()
    assert len(arrays) == len(tracked.pairs())  # distinct codes


@pytest.mark.parametrize(
    ("shape", "threshold"), [(s, 0.75) for s in SHAPES] + [("family", 0.55), ("distinct", 0.9)]
)
def test_one_batch_clustering_equals_incremental_clustering(shape: str, threshold: float) -> None:
    """cluster() (array path, only the conflicts a stage can consult kept) gives the
    entities of a Resolver fed in four batches (string pairs, every conflict kept),
    at thresholds below, at and above the weak-link score."""
    names = [name for _, name in generate(2_500, seed=4, shape=shape)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        batch = cluster(names, threshold=threshold)
    resolver = Resolver(threshold=threshold)
    for k in range(4):
        resolver.add_many(names[k::4])
    view = [(e.id, e.canonical, e.aliases) for e in batch]
    assert view == [(e.id, e.canonical, e.aliases) for e in resolver.entities]


def _reference_components(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """The smallest id reachable from each id (a slow, plain search)."""
    adjacent: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b in edges:
        adjacent[a].add(b)
        adjacent[b].add(a)
    label = list(range(n))
    for start in range(n):
        seen, stack = {start}, [start]
        while stack:
            for y in adjacent[stack.pop()]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        label[start] = min(seen)
    return label


@given(st.integers(1, 40).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60)
)))  # fmt: skip
def test_component_labels_join_exactly_the_connected_ids(
    case: tuple[int, list[tuple[int, int]]],
) -> None:
    """Two ids share a label exactly when edges connect them (label = smallest id)."""
    n, edges = case
    left = np.array([a for a, _ in edges], dtype=np.int64)
    right = np.array([b for _, b in edges], dtype=np.int64)
    assert _components(n, left, right).tolist() == _reference_components(n, edges)


@given(st.lists(st.lists(st.integers(0, 29), min_size=0, max_size=8, unique=True), max_size=30))
def test_collected_codes_are_the_distinct_pairs_of_the_blocks(blocks: list[list[int]]) -> None:
    """Codes from blocks are the sorted distinct pairs of their members, in any round size."""
    collector = CodeCollector(30)
    expected: set[tuple[int, int]] = set()
    for block in blocks:
        collector.add_block(block)
        expected.update((min(a, b), max(a, b)) for a in block for b in block if a != b)
    codes = collector.codes()
    assert codes.tolist() == sorted(a * 30 + b for a, b in expected)
