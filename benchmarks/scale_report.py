"""Clustering at scale: time, peak memory and quality on the synthetic workloads.

Run as ``python -m benchmarks.scale_report [--sizes 10000 100000 1000000]
[--shapes family distinct] [--clusterers aliaskit naive naive_dm_jw]``.
Each (shape, size, clusterer) runs in a fresh process, so that its peak
memory belongs to that run alone: the ``ru_maxrss`` of the process
(``RUSAGE_SELF``) plus that of its largest forked worker
(``RUSAGE_CHILDREN``), reported as ``peak_memory_gb``.

The workloads are the two shapes of :mod:`benchmarks.workload`: ``family``
(families sharing surnames, people mentioned many times) and ``distinct``
(mostly distinct full Russian names with very common surnames). Beside
aliaskit it runs the naive baselines the issue asks for
(:mod:`benchmarks.baselines`): ``naive_dm_jw``, Daitch–Mokotoff blocking on
the surname with Jaro–Winkler >= 0.82 and union-find, and ``naive``,
Jaro–Winkler >= 0.94 over unidecoded names, all pairs up to 10,000 names
and blocked by first letter beyond. ``aliaskit+evidence`` clusters the
mentions as records with birth dates and countries (:mod:`benchmarks.evidence`).
Quality is scored per mention against the workload's own entity ids (a name
said by two people carries both labels), beside the identical-string oracle
(each distinct string to the person who uses it most).
Each aliaskit row gets ``time_ratio``: its time over each baseline's time on
the same shape and size (and, for ``aliaskit+evidence``, over name-only
aliaskit's).

Rows are merged into ``benchmarks/results/scale.json`` (a row replaces the
one of the same clusterer, shape and size; ``--replace`` starts afresh), so
one size or shape can be rerun quickly, e.g.
``python -m benchmarks.scale_report --sizes 10000 --shapes distinct``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import run_in_fresh_process

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
SEED = 0
CLUSTERERS = ("aliaskit", "aliaskit+evidence", "naive", "naive_dm_jw")
BASELINES = ("naive", "naive_dm_jw", "rapidfuzz", "exact")
# Peer systems of benchmarks.peers that the scale runs can also time (at their default threshold).
PEER_CLUSTERERS = ("metaphone_jw", "nomenklatura", "splink", "rapidfuzz_wratio")
SHAPES = ("family", "distinct")
SIZES = (10_000, 100_000, 1_000_000)


@dataclass(frozen=True)
class _Found:
    """A cluster of a peer system (:mod:`benchmarks.peers`), shaped as an entity."""

    id: str
    aliases: tuple[str, ...]


def _peer_clusterer(key: str, threshold: float | None) -> Callable[[list[str]], list[_Found]]:
    """The peer ``key`` clustering the distinct names of a list, at ``threshold``."""
    from benchmarks.peers import PEERS

    peer = PEERS[key]
    at = peer.default if threshold is None else threshold
    if at is None:
        raise ValueError(f"run_one: peer {key!r} has no default threshold; give one")

    def run(items: list[str]) -> list[_Found]:
        clusters = peer.cluster(list(dict.fromkeys(items)), at)
        return [_Found(str(k), tuple(c)) for k, c in enumerate(clusters)]

    return run


def own_peak_kib() -> int:
    """This process's peak resident memory in KiB since it started its program.

    ``VmHWM`` of ``/proc/self/status`` where there is one: ``ru_maxrss`` of
    ``RUSAGE_SELF`` also counts the parent's memory when the process was
    started by ``vfork`` and ``exec`` (as :mod:`subprocess` starts it), so a
    run started from a large parent process would report that parent's size.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_one(
    clusterer: str, mentions: int, shape: str = "family", threshold: float | None = None
) -> dict[str, Any]:
    """Cluster ``mentions`` workload mentions of ``shape`` with ``clusterer``; figures.

    A clusterer of :data:`benchmarks.peers.PEERS` that is not a baseline of
    :mod:`benchmarks.baselines` clusters the distinct names at ``threshold``
    (its tuned one, given by the run; its default when None).

    ``aliaskit+evidence`` clusters the mentions as records with the evidence
    of :mod:`benchmarks.evidence` (an id each, birth dates, countries); the
    others cluster the name strings. Quality is scored per mention, against
    the mention's own person (a string two people use carries two labels),
    beside the identical-string oracle: each distinct string goes to the
    person who uses it most, otherwise the gold.
    """
    from aliaskit import cluster
    from aliaskit.evaluation import bcubed_scores, pairwise_scores
    from benchmarks.baselines import CLUSTERERS as BASELINE_CLUSTERERS
    from benchmarks.evidence import records
    from benchmarks.workload import generate

    pairs = generate(mentions, SEED, shape)
    items: list[Any]
    if clusterer == "aliaskit+evidence":
        items = [record for _, record in records(mentions, SEED, shape)]
        run: Any = cluster
    else:
        items = [name for _, name in pairs]
        if clusterer == "aliaskit":
            run = cluster
        elif clusterer in BASELINE_CLUSTERERS:
            run = BASELINE_CLUSTERERS[clusterer]
        else:
            run = _peer_clusterer(clusterer, threshold)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = run(items)
    seconds = time.perf_counter() - started
    # Read before the scoring below, whose dictionaries of every mention are
    # not the clusterer's memory.
    own = own_peak_kib()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if clusterer == "aliaskit+evidence":
        predicted = {key: e.id for e in entities for key in e.records}
    else:
        of_name = {a: e.id for e in entities for a in e.aliases}
        predicted = {str(i): of_name.get(name, f"skipped:{i}") for i, name in enumerate(items)}
    del items
    gold = {str(i): eid for i, (eid, _) in enumerate(pairs)}
    said_by: dict[str, Counter[str]] = {}
    for eid, name in pairs:
        said_by.setdefault(name, Counter())[eid] += 1
    oracle = {str(i): said_by[name].most_common(1)[0][0] for i, (_, name) in enumerate(pairs)}
    return {
        "clusterer": clusterer,
        **({} if threshold is None else {"threshold": threshold}),
        "shape": shape,
        "mentions": mentions,
        "names": len(said_by),
        "people": len(set(gold.values())),
        # Names that two or more people of the workload are called by (namesakes):
        # no name matcher can place them right for all, so pairwise recall drops.
        "shared_names": sum(1 for ids in said_by.values() if len(ids) > 1),
        "entities": len(entities),
        "largest_entity": max((len(e.aliases) for e in entities), default=0),
        "seconds": round(seconds, 2),
        "names_per_second": round(len(said_by) / seconds) if seconds else None,
        # ru_maxrss is in KiB on Linux: the process, its largest worker, their sum.
        "peak_rss_gb": round(own / 2**20, 2),
        "worker_peak_rss_gb": round(workers / 2**20, 2),
        "peak_memory_gb": round((own + workers) / 2**20, 2),
        "scored": "per mention",
        "pairwise": pairwise_scores(predicted, gold).as_dict(),
        "bcubed": bcubed_scores(predicted, gold).as_dict(),
        "oracle_pairwise": pairwise_scores(oracle, gold).as_dict(),
        "oracle_bcubed": bcubed_scores(oracle, gold).as_dict(),
    }


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def _key(row: dict[str, Any]) -> tuple[str, str, int]:
    return (row["clusterer"], row.get("shape", "family"), int(row["mentions"]))


def _order(row: dict[str, Any]) -> tuple[int, int, int, str]:
    clusterer, shape, mentions = _key(row)
    known = (*CLUSTERERS, *BASELINES)
    return (
        SHAPES.index(shape) if shape in SHAPES else len(SHAPES),
        mentions,
        known.index(clusterer) if clusterer in known else len(known),
        clusterer,
    )


def merge_rows(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``old`` rows with those of ``new`` added or replacing the same (clusterer, shape, size).

    Rows written before shapes existed are of the family shape. Every
    aliaskit row gets ``time_ratio``: its seconds over each other clusterer's
    seconds on the same shape and size.

    >>> a = {"clusterer": "aliaskit", "mentions": 10, "seconds": 3.0}
    >>> b = {"clusterer": "naive_dm_jw", "shape": "family", "mentions": 10, "seconds": 2.0}
    >>> merge_rows([a], [b])[0]["time_ratio"]
    {'naive_dm_jw': 1.5}
    """
    rows = {_key(r): {**r, "shape": r.get("shape", "family")} for r in old}
    rows.update({_key(r): dict(r) for r in new})
    for (clusterer, shape, mentions), row in rows.items():
        if not clusterer.startswith("aliaskit"):
            continue
        ratios = {
            other: round(row["seconds"] / peer["seconds"], 2)
            for (other, s, m), peer in rows.items()
            if other != clusterer
            and not (clusterer == "aliaskit" and other.startswith("aliaskit"))
            and (s, m) == (shape, mentions)
            and peer.get("seconds")
        }
        row.pop("time_ratio", None)
        if ratios:
            row["time_ratio"] = ratios
    return sorted(rows.values(), key=_order)


def _oracle(row: dict[str, Any]) -> str:
    if "oracle_pairwise" not in row:
        return ""
    pairwise, bcubed = row["oracle_pairwise"]["f1"], row["oracle_bcubed"]["f1"]
    return f"(oracle {pairwise:.3f} / {bcubed:.3f})  "


def _line(row: dict[str, Any]) -> str:
    ratio = row.get("time_ratio", {})
    ratios = "  ".join(f"x{v:g} of {k}" for k, v in ratio.items())
    return (
        f"{row['clusterer']:<17} {row['shape']:<8} {row['mentions']:>9,} mentions "
        f"{row['names']:>8,} names {row['seconds']:>8.1f} s "
        f"{row['peak_memory_gb']:>5.2f} GB (process {row['peak_rss_gb']:.2f} + "
        f"worker {row['worker_peak_rss_gb']:.2f})  "
        f"pairwise F1 {row['pairwise']['f1']:.3f}  B3 F1 {row['bcubed']['f1']:.3f}  "
        f"{_oracle(row)}"
        f"largest entity {row['largest_entity']}  {ratios}"
    ).rstrip()


def main(argv: list[str] | None = None) -> int:
    """Run every (shape, size, clusterer) in a subprocess, print a table, write the JSON."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes", "--mentions", dest="sizes", type=int, nargs="+", default=list(SIZES)
    )
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument(
        "--clusterers",
        nargs="+",
        choices=("aliaskit", "aliaskit+evidence", *BASELINES, *PEER_CLUSTERERS),
        default=list(CLUSTERERS),
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON file to merge into")
    parser.add_argument(
        "--replace", action="store_true", help="write only this run's rows to the JSON file"
    )
    parser.add_argument(
        "--one", nargs=3, metavar=("CLUSTERER", "MENTIONS", "SHAPE"), help=argparse.SUPPRESS
    )
    parser.add_argument("--threshold", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        row = run_one(args.one[0], int(args.one[1]), args.one[2], args.threshold)
        print(json.dumps(row))
        return 0
    stamp = {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "src_modified": bool(_git("status", "--porcelain", "src")),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    rows: list[dict[str, Any]] = []
    failed = 0
    for shape in args.shapes:
        for mentions in args.sizes:
            for clusterer in args.clusterers:
                try:
                    row = run_in_fresh_process(
                        "benchmarks.scale_report", "--one", clusterer, str(mentions), shape
                    )
                except subprocess.CalledProcessError as exc:
                    failed += 1
                    tail = "\n".join(str(exc.stderr).splitlines()[-5:])
                    print(f"{clusterer} {shape} {mentions:,}: failed\n{tail}", file=sys.stderr)
                    continue
                row.update(stamp)
                rows.append(row)
                same = [r for r in rows if (r["shape"], r["mentions"]) == (shape, mentions)]
                current = {r["clusterer"]: r for r in merge_rows([], same)}[clusterer]
                print(_line(current), flush=True)
    old: list[dict[str, Any]] = []
    if not args.replace and args.output.exists():
        old = json.loads(args.output.read_text(encoding="utf-8"))
    merged = merge_rows(old, rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    for row in merged:
        if row["clusterer"].startswith("aliaskit") and "time_ratio" in row:
            print(f"{row['clusterer']} / other time, {row['shape']} {row['mentions']:,}: ", end="")
            print(", ".join(f"{k} {v:g}" for k, v in row["time_ratio"].items()))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
