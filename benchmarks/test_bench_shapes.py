"""Clustering both workload shapes, aliaskit and the naive DM + JW baseline side by side.

The two shapes of :mod:`benchmarks.workload` at 1,000, 10,000 and 100,000
mentions (repeats included, as a clusterer gets them):

* ``family``: families sharing surnames, each person mentioned many times
  under a few forms (about 0.3 distinct strings per mention);
* ``distinct``: mostly distinct full Russian names (about 96% distinct
  strings at 100,000 mentions) whose surnames are the most common Russian
  ones, so that a surname is shared by thousands of people.

Each size runs :func:`aliaskit.cluster` and
:func:`benchmarks.baselines.dm_jw_cluster` (Daitch–Mokotoff blocking on the
surname, Jaro–Winkler >= 0.82, union-find) in the same session.
``extra_info`` holds the clusterer, shape, mentions, distinct names, the
entities found and pairwise and B-cubed F1 against the workload's ids (a
name said by two people counts for the first). The smoke run
(``--benchmark-disable``) clusters 300 mentions of each shape once.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from typing import Any

import pytest

import aliaskit
from aliaskit import Entity
from aliaskit.evaluation import bcubed_scores, pairwise_scores
from benchmarks.baselines import dm_jw_cluster
from benchmarks.common import clear_name_caches, record_rate, smoke, workload_mentions
from benchmarks.workload import SHAPES

GROUP = "clustering-shapes"
SMOKE_SIZE = 300
SIZES = [1_000, 10_000, 100_000]
CLUSTERERS: dict[str, Callable[[Iterable[str]], list[Entity]]] = {
    "aliaskit": aliaskit.cluster,
    "naive_dm_jw": dm_jw_cluster,
}


def _cluster(clusterer: str, names: list[str]) -> list[Entity]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CLUSTERERS[clusterer](names)


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("clusterer", list(CLUSTERERS))
def test_bench_shape(
    benchmark: Any, request: pytest.FixtureRequest, clusterer: str, shape: str, n: int
) -> None:
    """Wall time to cluster n mentions of one workload shape from cold caches."""
    if smoke(request) and n > SIZES[0]:
        pytest.skip("smoke run: only the smallest size")
    benchmark.group = GROUP
    mentions = workload_mentions(SMOKE_SIZE if smoke(request) else n, shape)
    names = [name for _, name in mentions]
    entities: list[Entity] = benchmark.pedantic(
        _cluster,
        args=(clusterer, names),
        setup=clear_name_caches,
        rounds=3 if n <= 10_000 else 1,
        iterations=1,
    )
    gold: dict[str, str] = {}
    for eid, name in mentions:
        gold.setdefault(name, eid)
    predicted = {a: e.id for e in entities for a in e.aliases}
    record_rate(benchmark, len(names), unit="mentions")
    benchmark.extra_info.update(
        clusterer=clusterer,
        shape=shape,
        case=f"{shape} {len(names):,} mentions",
        mentions=len(names),
        names=len(gold),
        entities=len(entities),
        pairwise_f1=round(pairwise_scores(predicted, gold).f1, 4),
        bcubed_f1=round(bcubed_scores(predicted, gold).f1, 4),
    )
    assert set(predicted) == set(gold)
