"""Clustering at scale: time, peak memory and quality on the synthetic workload.

Run as ``python -m benchmarks.scale_report [--mentions 10000 100000 1000000]``.
Each (clusterer, size) runs in a fresh process, so that peak memory (the
``ru_maxrss`` of the process and of its forked scoring workers) belongs to
that run alone. Beside aliaskit it runs the naive baseline the issue asks
for: rapidfuzz Jaro–Winkler over unidecoded names with union-find, all
pairs up to 10,000 names and blocked by first letter beyond
(:func:`benchmarks.baselines.naive_cluster`). Quality is scored against the
workload's own entity ids (a name said by two people counts for the first).
Writes ``benchmarks/results/scale.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
import warnings
from pathlib import Path
from typing import Any

from benchmarks.common import run_in_fresh_process

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
SEED = 0
CLUSTERERS = ("aliaskit", "naive")


def run_one(clusterer: str, mentions: int) -> dict[str, Any]:
    """Cluster ``mentions`` workload mentions with ``clusterer``; figures as a dict."""
    from aliaskit import cluster
    from aliaskit.evaluation import bcubed_scores, pairwise_scores
    from benchmarks.baselines import naive_cluster
    from benchmarks.workload import generate

    pairs = generate(mentions, SEED)
    gold: dict[str, str] = {}
    said_by: dict[str, set[str]] = {}
    for eid, name in pairs:
        gold.setdefault(name, eid)
        said_by.setdefault(name, set()).add(eid)
    names = [name for _, name in pairs]
    run = cluster if clusterer == "aliaskit" else naive_cluster
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = run(names)
    seconds = time.perf_counter() - started
    predicted = {a: e.id for e in entities for a in e.aliases}
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "clusterer": clusterer,
        "mentions": mentions,
        "names": len(gold),
        # Names that two or more people of the workload are called by (namesakes):
        # no name matcher can place them right for all, so pairwise recall drops.
        "shared_names": sum(1 for ids in said_by.values() if len(ids) > 1),
        "entities": len(entities),
        "largest_entity": max((len(e.aliases) for e in entities), default=0),
        "seconds": round(seconds, 2),
        "names_per_second": round(len(gold) / seconds) if seconds else None,
        "peak_rss_gb": round(own / 2**20, 2),
        "worker_peak_rss_gb": round(workers / 2**20, 2),
        "pairwise": pairwise_scores(predicted, gold).as_dict(),
        "bcubed": bcubed_scores(predicted, gold).as_dict(),
    }


def main(argv: list[str] | None = None) -> int:
    """Run every size in a subprocess, print a table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--clusterers", nargs="+", default=list(CLUSTERERS))
    parser.add_argument("--one", nargs=2, metavar=("CLUSTERER", "MENTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return 0
    rows = []
    for mentions in args.mentions:
        for clusterer in args.clusterers:
            row = run_in_fresh_process("benchmarks.scale_report", "--one", clusterer, str(mentions))
            rows.append(row)
            print(
                f"{clusterer:<9} {mentions:>9,} mentions {row['names']:>8,} names "
                f"{row['seconds']:>8.1f} s {row['peak_rss_gb']:>5.2f} GB "
                f"(workers {row['worker_peak_rss_gb']:.2f} GB)  "
                f"pairwise F1 {row['pairwise']['f1']:.3f}  B3 F1 {row['bcubed']['f1']:.3f}  "
                f"largest entity {row['largest_entity']}",
                flush=True,
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
