"""Clustering quality of aliaskit and of each baseline on the gold sets, one round each.

Quality is measured as a benchmark so that speed and quality of every
clusterer land in one JSON file: :func:`benchmarks.quality.evaluate` scores
pairwise and B-cubed precision, recall and F1, per source, and the share of
hard-negative pairs (different people with near-identical names) put in one
cluster. The result is stored in ``benchmark.extra_info["quality"]``.

Gold sets: the seed set (always), ``dev_persons.tsv`` with its hard
negatives (when ``../shared/data`` is present) and a synthetic workload of
5,000 mentions whose families make relatives the hard case (its hard
negatives are all pairs of names of different people with the same surname
form). The smoke run scores the seed set only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import pytest

import aliaskit
from aliaskit import Entity
from aliaskit.evaluation import GoldRow, load_gold, load_pairs
from benchmarks import workload
from benchmarks.baselines import CLUSTERERS as BASELINES
from benchmarks.common import SEED, script_of, seed_rows, shared_path, smoke
from benchmarks.quality import evaluate

GROUP = "quality"
CLUSTERERS: dict[str, Callable[[Iterable[str]], list[Entity]]] = {
    "aliaskit": aliaskit.cluster,
    **BASELINES,
}
GOLD_SETS = ["seed", "dev_persons", "workload"]
WORKLOAD_MENTIONS = 5_000


@cache
def workload_gold() -> tuple[tuple[GoldRow, ...], tuple[tuple[str, str], ...]]:
    """Gold rows of a workload (the first entity of a name wins) and its relative pairs."""
    first: dict[str, str] = {}
    for eid, name in workload.generate(WORKLOAD_MENTIONS, SEED):
        first.setdefault(name, eid)
    rows = tuple(
        GoldRow(eid, name, script_of(name), f"workload:{eid.split('-')[0]}", i)
        for i, (name, eid) in enumerate(first.items(), start=1)
    )
    by_family: dict[str, list[GoldRow]] = {}
    for r in rows:
        by_family.setdefault(r.entity_id.split("-")[0], []).append(r)
    negatives = tuple(
        (a.name, b.name)
        for members in by_family.values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
        if a.entity_id != b.entity_id
    )
    return rows, negatives


def gold_set(name: str) -> tuple[list[GoldRow], list[tuple[str, str]] | None]:
    """Rows and hard-negative pairs of a gold set; skip when it is absent."""
    if name == "seed":
        return list(seed_rows()), None
    if name == "workload":
        rows, negatives = workload_gold()
        return list(rows), list(negatives)
    persons, hard = shared_path("dev_persons.tsv"), shared_path("dev_hard_negatives.tsv")
    if persons is None or hard is None:
        pytest.skip("evaluation data ../shared/data not present")
    return load_gold(persons), [p.names for p in load_pairs(hard)]


@pytest.mark.parametrize("gold", GOLD_SETS)
@pytest.mark.parametrize("clusterer", list(CLUSTERERS))
def test_bench_quality(
    benchmark: Any, request: pytest.FixtureRequest, clusterer: str, gold: str
) -> None:
    """Quality of one clusterer on one gold set (P/R/F1, per source, false merges)."""
    if smoke(request) and gold != "seed":
        pytest.skip("smoke run: seed set only")
    benchmark.group = GROUP
    rows, negatives = gold_set(gold)
    report: dict[str, Any] = benchmark.pedantic(
        evaluate,
        args=(rows,),
        kwargs={"clusterer": CLUSTERERS[clusterer], "hard_negative_pairs": negatives},
        rounds=1,
        iterations=1,
    )
    benchmark.extra_info.update(clusterer=clusterer, gold=gold, quality=report)
    assert 0.0 <= report["bcubed"]["f1"] <= 1.0
