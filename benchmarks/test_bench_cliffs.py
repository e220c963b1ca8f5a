"""Cliff benchmarks: inputs that make blocking-based clusterers quadratic.

* **One common surname**: 5,000, 10,000, 20,000 and 50,000 distinct names of
  different people who are all Ivanov or Ivanova
  (:func:`benchmarks.workload.one_surname_names`: given names from the whole
  curated table, varied patronymics, Cyrillic and every Russian romanisation
  scheme, the layouts of real lists: ``Ivan Petrovich Ivanov``, ``Иванов
  Иван``, ``IVANOVA Olga``...). Every surname key puts them in one block.
* **Short names**: 1,500, 3,000 and 6,000 distinct names of two two-letter
  Latin words (:func:`benchmarks.workload.short_names`, ``Qi Na``), which
  share every short key and are all alike by edit distance.

Each size runs :func:`aliaskit.cluster` and the naive
:func:`benchmarks.baselines.dm_jw_cluster` in the same session, one round
each (the point is where the time goes up, not its spread). ``extra_info``
holds the clusterer, the number of names, the entities found and the largest
one. The smoke run (``--benchmark-disable``) clusters 200 names of each kind
once; the other sizes need ``--benchmark-enable``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import pytest

import aliaskit
from aliaskit import Entity
from benchmarks import workload
from benchmarks.baselines import dm_jw_cluster
from benchmarks.common import SEED, clear_name_caches, record_rate, smoke

SMOKE_SIZE = 200
ONE_SURNAME_SIZES = [5_000, 10_000, 20_000, 50_000]
SHORT_NAME_SIZES = [1_500, 3_000, 6_000]
CLUSTERERS: dict[str, Callable[[Iterable[str]], list[Entity]]] = {
    "aliaskit": aliaskit.cluster,
    "naive_dm_jw": dm_jw_cluster,
}


@cache
def _one_surname(n: int) -> tuple[str, ...]:
    return tuple(workload.one_surname_names(n, SEED))


@cache
def _short(n: int) -> tuple[str, ...]:
    return tuple(workload.short_names(n, SEED))


def _run(benchmark: Any, clusterer: str, names: list[str], case: str) -> None:
    def run() -> list[Entity]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return CLUSTERERS[clusterer](names)

    entities: list[Entity] = benchmark.pedantic(
        run, setup=clear_name_caches, rounds=1, iterations=1
    )
    record_rate(benchmark, len(names))
    benchmark.extra_info.update(
        clusterer=clusterer,
        case=case,
        names=len(names),
        entities=len(entities),
        largest_entity=max((len(e.aliases) for e in entities), default=0),
    )
    assert sum(len(e.aliases) for e in entities) == len(names)


@pytest.mark.parametrize("n", ONE_SURNAME_SIZES)
@pytest.mark.parametrize("clusterer", list(CLUSTERERS))
def test_bench_cliff_one_surname(
    benchmark: Any, request: pytest.FixtureRequest, clusterer: str, n: int
) -> None:
    """n distinct names of different people who all share one very common surname."""
    if smoke(request) and n > ONE_SURNAME_SIZES[0]:
        pytest.skip("smoke run: only the smallest size")
    benchmark.group = "cliff-one-surname"
    names = list(_one_surname(SMOKE_SIZE if smoke(request) else n))
    _run(benchmark, clusterer, names, f"Ivanov {len(names):,} names")


@pytest.mark.parametrize("n", SHORT_NAME_SIZES)
@pytest.mark.parametrize("clusterer", list(CLUSTERERS))
def test_bench_cliff_short_names(
    benchmark: Any, request: pytest.FixtureRequest, clusterer: str, n: int
) -> None:
    """n distinct names of two two-letter words."""
    if smoke(request) and n > SHORT_NAME_SIZES[0]:
        pytest.skip("smoke run: only the smallest size")
    benchmark.group = "cliff-short-names"
    names = list(_short(SMOKE_SIZE if smoke(request) else n))
    _run(benchmark, clusterer, names, f"two-letter {len(names):,} names")
