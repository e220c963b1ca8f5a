"""Clustering time against the number of distinct names, aliaskit and baselines.

Every clusterer gets the same first ``n`` distinct names of the workload
(:mod:`benchmarks.workload`): families of Russian, Ukrainian and Belarusian
names in Latin, Cyrillic and Hebrew, with relatives sharing surnames. This is
the figure that decides whether aliaskit can resolve a real name list:
1,000 and 10,000 names for everyone, 100,000 for aliaskit and the blocked
naive baselines (rapidfuzz all-pairs is quadratic and stops at 10,000), and
1,000,000 workload mentions (about 300,000 distinct names) for aliaskit
with ``--run-scale``. ``extra_info`` holds the clusterer, ``names`` and
the number of entities found; ``benchmarks/report.py`` plots them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

import aliaskit
from aliaskit import Entity
from benchmarks import workload
from benchmarks.baselines import dm_jw_cluster, naive_cluster, rapidfuzz_cluster
from benchmarks.common import SEED, clear_name_caches, record_rate, smoke, workload_names

GROUP = "clustering"
SMOKE_SIZE = 300
CLUSTERERS: dict[str, Callable[[Iterable[str]], list[Entity]]] = {
    "aliaskit": aliaskit.cluster,
    "naive": naive_cluster,
    "naive_dm_jw": dm_jw_cluster,
    "rapidfuzz": rapidfuzz_cluster,
}
# Largest size per clusterer (all-pairs rapidfuzz is quadratic).
MAX_SIZE = {"aliaskit": 100_000, "naive": 100_000, "naive_dm_jw": 100_000, "rapidfuzz": 10_000}
SIZES = [1_000, 10_000, 100_000]


def _run(benchmark: Any, clusterer: str, names: list[str], rounds: int) -> None:
    entities: list[Entity] = benchmark.pedantic(
        CLUSTERERS[clusterer],
        args=(names,),
        setup=clear_name_caches,
        rounds=rounds,
        iterations=1,
    )
    record_rate(benchmark, len(names))
    benchmark.extra_info.update(clusterer=clusterer, names=len(names), entities=len(entities))


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("clusterer", list(CLUSTERERS))
def test_bench_cluster(
    benchmark: Any, request: pytest.FixtureRequest, clusterer: str, n: int
) -> None:
    """Wall time to cluster n distinct workload names from cold caches."""
    if n > MAX_SIZE[clusterer]:
        pytest.skip(f"{clusterer} is not run beyond {MAX_SIZE[clusterer]:,} names")
    if smoke(request) and n > SIZES[0]:
        pytest.skip("smoke run: only the smallest size")
    benchmark.group = GROUP
    names = list(workload_names(SMOKE_SIZE if smoke(request) else n))
    _run(benchmark, clusterer, names, rounds=3 if n <= 10_000 else 1)


@pytest.mark.scale
def test_bench_cluster_one_million_mentions(benchmark: Any) -> None:
    """aliaskit.cluster on 1,000,000 workload mentions (~300,000 distinct names), once."""
    benchmark.group = GROUP
    names = [name for _, name in workload.generate(1_000_000, SEED)]
    _run(benchmark, "aliaskit", names, rounds=1)
    benchmark.extra_info.update(mentions=len(names), names=len(set(names)))
