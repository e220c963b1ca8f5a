"""Blocking at scale: time, peak memory and candidate pairs for N distinct names.

Run as ``python -m benchmarks.blocking_report [--names 100000 1000000]``.
Names are the first N distinct names of the synthetic workload
(:func:`benchmarks.common.workload_names`: real name parts, Cyrillic
rendered through several schemes, Hebrew forms). Each size runs in a fresh
process so that its peak memory (``ru_maxrss``) is its own. Parsing is
timed apart from blocking (keys, block index and candidate pairs, as
:func:`aliaskit.cluster` builds them). Writes
``benchmarks/results/blocking.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.common import run_in_fresh_process

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "blocking.json"


def run_one(n: int, *, stream: bool = False) -> dict[str, Any]:
    """Parse and block ``n`` distinct workload names; figures as a dict.

    With ``stream`` the pairs are counted one name at a time
    (:meth:`~aliaskit.blocking.BlockIndex.partners`) instead of held in a set,
    which at a million names would take more memory than the index.
    """
    from aliaskit.blocking import BlockIndex
    from aliaskit.parse import parse_name
    from benchmarks.common import workload_names

    names = workload_names(n)
    started = time.perf_counter()
    parsed = [(x, parse_name(x)) for x in names]
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    index = BlockIndex(track_pairs=False)
    if stream:  # index the names, then stream each name's pairs without holding them
        index.fill(parsed)
        count = sum(1 for x, _ in parsed for y in index.partners(x) if x < y)
    else:
        pairs, _ = index.add_many(parsed)
        count = len(pairs)
    block_seconds = time.perf_counter() - started
    sizes = index.block_sizes()
    total = n * (n - 1) // 2
    return {
        "names": n,
        "streamed": stream,
        "parse_seconds": round(parse_seconds, 2),
        "blocking_seconds": round(block_seconds, 2),
        "names_per_second": round(n / block_seconds),
        "candidate_pairs": count,
        "pairs_per_name": round(count / n, 2),
        "reduction_ratio": 1 - count / total if total else None,
        "blocks": len(sizes),
        "block_size_mean": round(statistics.fmean(sizes), 3) if sizes else 0,
        "block_size_max": max(sizes, default=0),
        "peak_rss_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
    }


def main(argv: list[str] | None = None) -> int:
    """Run every size in a subprocess, print a line each and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--stream-from", type=int, default=500_000, metavar="N")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, stream=args.one >= args.stream_from)))
        return 0
    rows = []
    for n in args.names:
        row = run_in_fresh_process(
            "benchmarks.blocking_report", "--one", str(n), "--stream-from", str(args.stream_from)
        )
        rows.append(row)
        print(
            f"{n:>9,} names: parse {row['parse_seconds']:.1f} s, blocking "
            f"{row['blocking_seconds']:.1f} s ({row['names_per_second']:,} names/s), "
            f"{row['candidate_pairs']:,} pairs ({row['pairs_per_name']} per name, "
            f"reduction {row['reduction_ratio']:.6f}), blocks mean {row['block_size_mean']} "
            f"max {row['block_size_max']}, peak {row['peak_rss_gb']:.2f} GB"
            + (" (pairs streamed)" if row["streamed"] else ""),
            flush=True,
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
