"""Clustering quality of aliaskit on the gold sets: seed set and dev set.

Run as a script (``python benchmarks/quality.py``) to print a table and write
``benchmarks/results/quality.json``; the pytest files import :func:`evaluate`.
The dev set is read from ``../shared/data`` when present (it is licensed for
evaluation only and never copied here).
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from aliaskit import Entity, cluster
from aliaskit.evaluation import (
    GoldRow,
    bcubed_scores,
    false_merge_rate,
    gold_by_name,
    load_gold,
    load_pairs,
    pairwise_scores,
    per_group_scores,
)

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "tests" / "vectors" / "seed_gold.tsv"
SHARED = ROOT.parent / "shared" / "data"
DEV_PERSONS = SHARED / "dev_persons.tsv"
DEV_HARD_NEGATIVES = SHARED / "dev_hard_negatives.tsv"
RESULTS = ROOT / "benchmarks" / "results"

Clusterer = Callable[[Iterable[str]], list[Entity]]


def evaluate(
    rows: list[GoldRow],
    clusterer: Clusterer = cluster,
    hard_negative_pairs: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """Cluster the names of ``rows`` and score them against their entity ids."""
    gold = gold_by_name(rows)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = clusterer([r.name for r in rows])
    elapsed = time.perf_counter() - started
    predicted = {alias: e.id for e in entities for alias in e.aliases}
    groups = {r.name: r.source.split(":")[0] for r in rows}
    report: dict[str, Any] = {
        "names": len(gold),
        "entities": len(entities),
        "gold_entities": len(set(gold.values())),
        "seconds": round(elapsed, 3),
        "names_per_second": round(len(gold) / elapsed) if elapsed else None,
        "pairwise": pairwise_scores(predicted, gold).as_dict(),
        "bcubed": bcubed_scores(predicted, gold).as_dict(),
        "per_source": {
            src: {"pairwise": pw.as_dict(), "bcubed": b3.as_dict()}
            for src, (pw, b3) in per_group_scores(predicted, gold, groups).items()
        },
    }
    if hard_negative_pairs is not None:
        report["hard_negative_false_merge_rate"] = false_merge_rate(predicted, hard_negative_pairs)
    return report


def run_all() -> dict[str, Any]:
    """Evaluate on the seed set, and on the dev set when it is present."""
    results: dict[str, Any] = {"seed": evaluate(load_gold(SEED_GOLD))}
    if DEV_PERSONS.exists():
        pairs = [p.names for p in load_pairs(DEV_HARD_NEGATIVES)]
        results["dev_persons"] = evaluate(load_gold(DEV_PERSONS), hard_negative_pairs=pairs)
    return results


def _fmt(s: dict[str, float]) -> str:
    return f"{s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f}"


def table(results: dict[str, Any]) -> str:
    """A plain-text table of the results."""
    lines = ["set / source                          pairwise P R F1      B3 P R F1"]
    for name, rep in results.items():
        lines.append(f"{name:<36}  {_fmt(rep['pairwise'])}   {_fmt(rep['bcubed'])}")
        for src, s in rep["per_source"].items():
            lines.append(f"  {src:<34}  {_fmt(s['pairwise'])}   {_fmt(s['bcubed'])}")
        extra = f"  names {rep['names']}, entities {rep['entities']} (gold {rep['gold_entities']})"
        extra += f", {rep['seconds']}s"
        if "hard_negative_false_merge_rate" in rep:
            extra += f", hard negatives merged {rep['hard_negative_false_merge_rate']:.3%}"
        lines.append(extra)
    return "\n".join(lines)


def main() -> int:
    results = run_all()
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "quality.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
