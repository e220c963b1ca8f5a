"""Search (issue 24): ``aliaskit.Index.search`` beside the RapidFuzz baseline, and ``Index.load``.

Each benchmark round searches a batch of :data:`BATCH` queries one at a
time, and every round gets a new batch (drawn by ``pedantic``'s setup), so
that no round repeats a query it has seen; one more batch warms up first,
untimed. ``extra_info`` holds the time per query (from the median round)
and recall@1 and recall@10 over the timed rounds. The baseline is
:class:`benchmarks.baselines.RapidFuzzSearch`: ``process.extract`` with
``fuzz.WRatio`` over every indexed name (unidecode + rapidfuzz's
``default_process``), on the same queries in the same run.

* dev: every name of ``../shared/data/dev_persons.tsv`` indexed, queries
  drawn from its names (the query's own string is not a right answer;
  ``limit=11``); skipped when the evaluation data is absent.
* workload: an index of :data:`MENTIONS` workload mentions of each shape
  (:mod:`benchmarks.workload`, seed 0), queries held out of it as in
  :func:`benchmarks.search_report.workload_queries` (half of them in a
  script none of the person's indexed names is in).
* ``Index.load`` of the dev index and of the family workload index.
* with ``--run-scale``: aliaskit on an index of 1,000,000 family mentions
  (about 290,000 names; the build takes minutes).

The smoke run (``--benchmark-disable``) indexes the names of the first
:data:`SMOKE_DEV_ENTITIES` dev people and :data:`SMOKE_MENTIONS` workload
mentions, one round each. Latency percentiles at scale, build, save and
first-query times: ``python -m benchmarks.search_report``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from aliaskit import Index
from aliaskit.evaluation import load_gold
from benchmarks import workload
from benchmarks.baselines import RapidFuzzSearch
from benchmarks.common import record_rate, shared_path, smoke
from benchmarks.search_report import (
    LIMIT,
    SEED,
    dev_queries,
    rank_of,
    workload_queries,
)

GROUP = "search"
BATCH = 100
ROUNDS = 3  # one new batch of queries each, the same batches for every searcher
MENTIONS = 100_000
SCALE_MENTIONS = 1_000_000
SMOKE_DEV_ENTITIES = 400
SMOKE_MENTIONS = 2_000
SEARCHERS = ("aliaskit", "rapidfuzz")


@dataclass
class Setup:
    """An index, the baseline over the same names, and query batches with their answers."""

    index: Index
    baseline: RapidFuzzSearch | None
    batches: list[list[str]]
    right: Callable[[str], Callable[[str], bool]]  # query -> is this hit name right?
    limit: int  # hits asked for (11 when the query itself is indexed)


def _batches(queries: list[str], rounds: int) -> list[list[str]]:
    """A warm-up batch, then one batch per round."""
    return [queries[i * BATCH : (i + 1) * BATCH] for i in range(rounds + 1)]


@cache
def dev_setup(small: bool) -> Setup:
    """The dev index (the first people only when ``small``) and its query batches."""
    path = shared_path("dev_persons.tsv")
    if path is None:
        pytest.skip("evaluation data ../shared/data not present")
    rows = load_gold(path)
    if small:
        first = list(dict.fromkeys(r.entity_id for r in rows))[:SMOKE_DEV_ENTITIES]
        keep = set(first)
        rows = [r for r in rows if r.entity_id in keep]
    names = [r.name for r in rows]
    entity_of = {r.name: r.entity_id for r in rows}
    rounds = 1 if small else ROUNDS
    pool = [r.name for r in dev_queries(rows)]
    queries = random.Random(SEED).sample(pool, min(len(pool), (rounds + 1) * BATCH))

    def right(query: str) -> Callable[[str], bool]:
        return lambda name: name != query and entity_of.get(name) == entity_of[query]

    return Setup(Index(names), RapidFuzzSearch(names), _batches(queries, rounds), right, LIMIT + 1)


@cache
def workload_setup(shape: str, mentions: int, baseline: bool = True) -> Setup:
    """An index of workload mentions without the held-out queries, and their batches."""
    rounds = 1 if mentions <= SMOKE_MENTIONS else ROUNDS
    pairs = workload.generate(mentions, SEED, shape)
    drawn = workload_queries(pairs, count=(rounds + 1) * BATCH, warmup=0)
    items = [name for _, name in pairs if name not in drawn.held]
    found = RapidFuzzSearch(items) if baseline else None
    return Setup(Index(items), found, _batches(drawn.queries, rounds), drawn.right, LIMIT)


def _run(benchmark: Any, setup: Setup, searcher: str) -> None:
    """Benchmark one searcher on the setup's batches, a new batch each round."""
    filled = [b for b in setup.batches if b]
    warmup, timed = (filled[0], filled[1:]) if len(filled) > 1 else ([], filled)
    batches: Iterator[list[str]] = iter(timed)
    ranks: list[int | None] = []
    if searcher == "aliaskit":
        index = setup.index

        def search(q: str) -> list[str]:
            return [h.name for h in index.search(q, limit=setup.limit)]

    else:
        assert setup.baseline is not None
        baseline = setup.baseline

        def search(q: str) -> list[str]:
            return [name for name, _, _ in baseline.search(q, setup.limit)]

    def run(queries: list[str]) -> None:
        for q in queries:
            names = search(q)
            ranks.append(rank_of([n for n in names if n != q], setup.right(q)))

    def next_batch() -> tuple[tuple[list[str]], dict[str, Any]]:
        return (next(batches),), {}

    run(warmup)
    ranks.clear()
    benchmark.pedantic(run, setup=next_batch, rounds=len(timed), iterations=1)
    size = len(timed[0])
    record_rate(benchmark, size, "queries")
    stats = getattr(benchmark, "stats", None)
    if stats is not None:
        benchmark.extra_info["ms_per_query"] = round(1000 * float(stats.stats.median) / size, 3)
    benchmark.extra_info.update(
        searcher=searcher,
        names=len(setup.index.state.names),
        queries=len(ranks),
        recall_at_10=round(sum(r is not None for r in ranks) / len(ranks), 4),
        recall_at_1=round(sum(r == 1 for r in ranks) / len(ranks), 4),
    )


@pytest.mark.parametrize("searcher", SEARCHERS)
def test_bench_search_dev(benchmark: Any, request: pytest.FixtureRequest, searcher: str) -> None:
    """Search the dev index, query by query (the smoke run: the first 400 people)."""
    benchmark.group = f"{GROUP}: dev"
    setup = dev_setup(smoke(request))
    _run(benchmark, setup, searcher)
    assert benchmark.extra_info["queries"] > 0


@pytest.mark.parametrize("shape", workload.SHAPES)
@pytest.mark.parametrize("searcher", SEARCHERS)
def test_bench_search_workload(
    benchmark: Any, request: pytest.FixtureRequest, searcher: str, shape: str
) -> None:
    """Search an index of 100,000 workload mentions with held-out queries (smoke: 2,000)."""
    mentions = SMOKE_MENTIONS if smoke(request) else MENTIONS
    benchmark.group = f"{GROUP}: workload {shape} {mentions:,} mentions"
    _run(benchmark, workload_setup(shape, mentions), searcher)
    benchmark.extra_info.update(shape=shape, mentions=mentions)


@pytest.mark.parametrize("source", ["dev", "workload"])
def test_bench_index_load(
    benchmark: Any, request: pytest.FixtureRequest, tmp_path: Path, source: str
) -> None:
    """``Index.load`` of a saved index: dev, or the family workload's (100,000 mentions)."""
    small = smoke(request)
    if source == "dev":
        index = dev_setup(small).index
    else:
        index = workload_setup("family", SMOKE_MENTIONS if small else MENTIONS).index
    path = tmp_path / "index.akindex"
    index.save(path)
    benchmark.group = f"{GROUP}: Index.load"
    loaded: Index = benchmark.pedantic(Index.load, args=(path,), rounds=3, iterations=1)
    benchmark.extra_info.update(
        source=source, names=len(index.state.names), bytes=path.stat().st_size
    )
    assert len(loaded) == len(index)


@pytest.mark.scale
def test_bench_search_one_million_mentions(benchmark: Any) -> None:
    """aliaskit alone on an index of 1,000,000 family mentions (~290,000 names)."""
    benchmark.group = f"{GROUP}: workload family {SCALE_MENTIONS:,} mentions"
    setup = workload_setup("family", SCALE_MENTIONS, baseline=False)
    _run(benchmark, setup, "aliaskit")
    benchmark.extra_info.update(shape="family", mentions=SCALE_MENTIONS)
