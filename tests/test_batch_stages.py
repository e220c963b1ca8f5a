"""The id-based clustering stages of cluster() (aliaskit._batch_stages) give the
entities of the Resolver's string stages, on any scored pairs."""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit._batch import scored_entities
from aliaskit._edges import MUST_SCORE
from aliaskit._pair_rows import PairRows, find_pair
from aliaskit.parse import ParsedName, parse_name
from aliaskit.resolver import _loaded

#: Full names, weak names (bare surnames, initials) and spellings of one
#: normalised form, so that every stage and the must-links have work.
POOL = (
    "Ivan Petrov",
    "IVAN PETROV",
    "Ivan Petrova",
    "Iwan Petrow",
    "Ivan Sidorov",
    "Petr Ivanov",
    "Pyotr Ivanov",
    "Olga Petrova",
    "Olga Sidorova",
    "Petrov",
    "I. Petrov",
    "Ivanov",
    "P. Ivanov",
    "Sidorov",
    "Sasha Trufanov",
    "Alexander Trufanov",
    "Elena Trufanova",
    "Trufanov",
)
#: Scores with ties, at and around the weak-link score and the thresholds.
SCORES = (0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.8, 0.85, 0.9, 0.95, 1.0)


@st.composite
def scored_pairs(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str, float, bool]]]:
    names = sorted(set(draw(st.lists(st.sampled_from(POOL), min_size=2, max_size=14))))
    parsed = {x: parse_name(x) for x in names}
    edges = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if parsed[a].normalized == parsed[b].normalized:
                edges.append((a, b, MUST_SCORE, False))
            elif draw(st.booleans()):
                conflict = draw(st.integers(0, 3)) == 0
                edges.append((a, b, 0.0 if conflict else draw(st.sampled_from(SCORES)), conflict))
    return names, edges


View = list[tuple[str, str, tuple[str, ...]]]


def _reference(
    names: list[str], edges: list[tuple[str, str, float, bool]], threshold: float
) -> View:
    resolver = _loaded(names, edges, threshold)
    with resolver._lock:
        resolver._recluster(set(resolver._parsed))
    return [(e.id, e.canonical, e.aliases) for e in resolver.entities]


def _batch(names: list[str], edges: list[tuple[str, str, float, bool]], threshold: float) -> View:
    parsed: dict[str, ParsedName] = {x: parse_name(x) for x in names}
    ids = tuple(names)
    at = {x: i for i, x in enumerate(ids)}
    edges = edges[::-1]  # the pairs' order is irrelevant
    left = np.array([at[a] for a, _, _, _ in edges], dtype=np.int64)
    right = np.array([at[b] for _, b, _, _ in edges], dtype=np.int64)
    scores = np.array([s for _, _, s, _ in edges], dtype=np.float64)
    conflicts = np.array([c for _, _, _, c in edges], dtype=np.bool_)
    found = scored_entities(ids, parsed, left, right, scores, conflicts, threshold)
    return [(e.id, e.canonical, e.aliases) for e in found]


@settings(max_examples=300, deadline=None)
@given(scored_pairs(), st.sampled_from((0.55, 0.75, 0.9)))
def test_id_stages_equal_the_string_stages(
    case: tuple[list[str], list[tuple[str, str, float, bool]]], threshold: float
) -> None:
    names, edges = case
    assert _batch(names, edges, threshold) == _reference(names, edges, threshold)


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_pair_rows_find_exactly_the_pairs_given(pairs: list[tuple[int, int]]) -> None:
    given_pairs = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    left = np.array([a for a, _ in given_pairs], dtype=np.int64)
    right = np.array([b for _, b in given_pairs], dtype=np.int64)
    scores = np.arange(len(given_pairs), dtype=np.float64)
    rows = PairRows.build(10, left, right, scores, np.zeros(len(given_pairs), dtype=np.bool_))
    for x in range(10):
        for y in range(10):
            pos = find_pair(rows.start, rows.other, x, y)
            key = (min(x, y), max(x, y))
            if key in given_pairs:
                assert rows.score[pos] == given_pairs.index(key)
            else:
                assert pos == -1


def test_no_names_give_no_entities() -> None:
    empty = np.empty(0, dtype=np.int64)
    assert scored_entities((), {}, empty, empty, np.empty(0), np.empty(0, np.bool_), 0.75) == []


@settings(max_examples=200)
@given(
    st.integers(2, 12).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.booleans(), min_size=n, max_size=n),
            st.lists(
                st.tuples(
                    st.integers(0, n - 1),
                    st.integers(0, n - 1),
                    st.sampled_from((0.3, 0.5, 0.55, 0.6, 0.7, 0.75, 0.8, 0.95, MUST_SCORE)),
                    st.booleans(),
                ),
                max_size=40,
            ),
        )
    ),
    st.sampled_from((1, 2, 5)),
)
def test_consulted_pairs_do_not_depend_on_the_chunk_size(
    case: tuple[int, list[bool], list[tuple[int, int, float, bool]]], chunk: int
) -> None:
    """consulted_pairs reads the pairs in chunks: any chunk size gives the same answer."""
    _, weak_list, rows = case
    pairs = {(min(a, b), max(a, b)): (s, c) for a, b, s, c in rows if a != b}
    left = np.array([a for a, _ in pairs], dtype=np.int64)
    right = np.array([b for _, b in pairs], dtype=np.int64)
    scores = np.array([s for s, _ in pairs.values()], dtype=np.float64)
    conflicts = np.array([c for _, c in pairs.values()], dtype=np.bool_)
    weak = np.array(weak_list, dtype=np.bool_)
    graph: Any = importlib.import_module("aliaskit._resolver_graph")
    whole = graph.consulted_pairs(left, right, scores, conflicts, weak, 0.75)
    saved = graph.CONSULT_CHUNK
    graph.CONSULT_CHUNK = chunk
    try:
        chunked = graph.consulted_pairs(left, right, scores, conflicts, weak, 0.75)
    finally:
        graph.CONSULT_CHUNK = saved
    assert whole[0].tolist() == chunked[0].tolist()
    assert whole[1].tolist() == chunked[1].tolist()
