"""Speed of aliaskit's core: normalisation, script detection, part similarity,
comparison (cold and with parsed names), blocking and ``Resolver.add_many``.

Cold timings clear aliaskit's per-name memo caches before each round
(:func:`benchmarks.common.clear_name_caches`), so they measure the work done
for names never seen before; warm timings show what repeated names cost.
With ``--benchmark-disable`` (the CI smoke run) each benchmark runs once on
a small input.
"""

from __future__ import annotations

from typing import Any

import pytest

import aliaskit
from aliaskit.blocking import BlockIndex
from aliaskit.similarity import _part_match, part_similarity
from aliaskit.text import tokenize
from benchmarks.common import (
    clear_name_caches,
    cross_script_pairs,
    name_sample,
    record_rate,
    same_script_pairs,
    smoke,
    workload_names,
)

ROUNDS = 10


def _size(request: pytest.FixtureRequest, full: int, small: int) -> int:
    return small if smoke(request) else full


def _cold(benchmark: Any, run: Any, rounds: int = ROUNDS) -> Any:
    """Time ``run`` with aliaskit's memo caches cleared before every round.

    One untimed run first loads the data tables (name groups, schemes), which
    a process does once, not per name; the rounds then time per-name work.
    """
    run()
    return benchmark.pedantic(run, setup=clear_name_caches, rounds=rounds, iterations=1)


def test_bench_normalize_cold(benchmark: Any, request: pytest.FixtureRequest) -> None:
    """aliaskit.normalize on fresh names: the first step of every other operation."""
    names = name_sample(_size(request, 2000, 100))
    _cold(benchmark, lambda: [aliaskit.normalize(n) for n in names])
    record_rate(benchmark, len(names))


def test_bench_detect_script_cold(benchmark: Any, request: pytest.FixtureRequest) -> None:
    """aliaskit.detect_script on fresh names: decides how each part is read."""
    names = name_sample(_size(request, 2000, 100))
    _cold(benchmark, lambda: [aliaskit.detect_script(n) for n in names])
    record_rate(benchmark, len(names))


def _part_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The first normalised token of each name of each pair."""
    out = []
    for a, b in pairs:
        ta, tb = tokenize(a), tokenize(b)
        if ta and tb:
            out.append((ta[0], tb[0]))
    return out


@pytest.mark.parametrize("kind", ["same_script", "cross_script"])
def test_bench_part_similarity_cold(
    benchmark: Any, request: pytest.FixtureRequest, kind: str
) -> None:
    """part_similarity of two name parts, uncached: the inner loop of every comparison."""
    k = _size(request, 1000, 50)
    pairs = _part_pairs(same_script_pairs(k) if kind == "same_script" else cross_script_pairs(k))
    _cold(benchmark, lambda: [part_similarity(a, b) for a, b in pairs])
    record_rate(benchmark, len(pairs), "pairs")


@pytest.mark.parametrize("kind", ["same_script", "cross_script"])
def test_bench_part_similarity_parts_cached(
    benchmark: Any, request: pytest.FixtureRequest, kind: str
) -> None:
    """part_similarity with each part's forms cached but every pair computed afresh.

    This is the per-pair cost inside clustering, where each part is seen many
    times but most pairs once: the pair memo is bypassed, the per-part one kept.
    """
    k = _size(request, 2000, 50)
    pairs = _part_pairs(same_script_pairs(k) if kind == "same_script" else cross_script_pairs(k))
    uncached = _part_match.__wrapped__
    for a, b in pairs:
        part_similarity(a, b)  # fills the per-part forms
    benchmark(lambda: [uncached(a, b) if a <= b else uncached(b, a) for a, b in pairs])
    record_rate(benchmark, len(pairs), "pairs")


@pytest.mark.parametrize("kind", ["same_script", "cross_script"])
def test_bench_compare_cold(benchmark: Any, request: pytest.FixtureRequest, kind: str) -> None:
    """aliaskit.compare on raw strings with all caches cleared: a one-off comparison."""
    k = _size(request, 500, 20)
    pairs = same_script_pairs(k) if kind == "same_script" else cross_script_pairs(k)
    _cold(benchmark, lambda: [aliaskit.compare(a, b) for a, b in pairs])
    record_rate(benchmark, len(pairs), "pairs")


@pytest.mark.parametrize("kind", ["same_script", "cross_script"])
def test_bench_compare_parsed(benchmark: Any, request: pytest.FixtureRequest, kind: str) -> None:
    """aliaskit.compare on names parsed beforehand (warm caches): the clustering inner loop."""
    k = _size(request, 2000, 20)
    pairs = same_script_pairs(k) if kind == "same_script" else cross_script_pairs(k)
    parsed = [(aliaskit.parse_name(a), aliaskit.parse_name(b)) for a, b in pairs]
    for a, b in parsed:
        aliaskit.compare(a, b)
    benchmark(lambda: [aliaskit.compare(a, b) for a, b in parsed])
    record_rate(benchmark, len(parsed), "pairs")


def test_bench_parse_name_cold(benchmark: Any, request: pytest.FixtureRequest) -> None:
    """aliaskit.parse_name on fresh names: roles, order and initials, once per distinct name."""
    names = name_sample(_size(request, 2000, 100))
    _cold(benchmark, lambda: [aliaskit.parse_name(n) for n in names])
    record_rate(benchmark, len(names))


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_bench_block_index(benchmark: Any, request: pytest.FixtureRequest, n: int) -> None:
    """BlockIndex.add over n parsed workload names, then pairs(): the candidate generation."""
    names = list(workload_names(_size(request, n, 200)))
    parsed = [(x, aliaskit.parse_name(x)) for x in names]

    def run() -> int:
        index = BlockIndex()
        for x, p in parsed:
            index.add(x, p)
        return len(index.pairs())

    pairs = benchmark.pedantic(run, rounds=3 if n >= 10_000 else ROUNDS, iterations=1)
    record_rate(benchmark, len(names))
    benchmark.extra_info["candidate_pairs"] = pairs


def test_bench_resolver_add_many(benchmark: Any, request: pytest.FixtureRequest) -> None:
    """Resolver.add_many of 1,000 fresh workload names into an empty resolver (cold caches)."""
    names = list(workload_names(_size(request, 1_000, 100)))

    def run() -> int:
        resolver = aliaskit.Resolver()
        resolver.add_many(names)
        return len(resolver)

    _cold(benchmark, run, rounds=5)
    record_rate(benchmark, len(names))


def test_bench_resolver_add_one_to_existing(benchmark: Any, request: pytest.FixtureRequest) -> None:
    """Resolver.add of 100 new names, one at a time, to a resolver holding 2,000 names."""
    names = list(workload_names(_size(request, 2_100, 150)))
    base, extra = names[:-100], names[-100:]

    def setup() -> tuple[tuple[aliaskit.Resolver], dict[str, Any]]:
        resolver = aliaskit.Resolver()
        resolver.add_many(base)
        return (resolver,), {}

    def run(resolver: aliaskit.Resolver) -> None:
        for x in extra:
            resolver.add(x)

    benchmark.pedantic(run, setup=setup, rounds=5, iterations=1)
    record_rate(benchmark, len(extra))
