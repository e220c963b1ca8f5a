"""aliaskit beside its peers, every threshold tuned on one half and scored on the other.

Usage::

    pip install -e ".[bench,peers]"
    python -m benchmarks.peers_report                 # every set, every system
    python -m benchmarks.peers_report --sets redistributable --systems aliaskit naive_dm_jw

Sets (:func:`load_set`):

* ``redistributable``: the files of ``benchmarks/data`` (seed people, the
  CC0 Wikidata en/he person labels) and the Cyrillic workload regenerated
  from :mod:`benchmarks.workload` (:data:`WORKLOAD`: shape, mentions, seed);
* ``eu``: the EU sanctions rows of ``../shared/data/dev_persons.tsv``
  (CC BY-NC, never copied into the repository), when that file is present.

Protocol (:func:`run_system`): the entities of a set are split in two halves
at random (:func:`split`, seed :data:`SPLIT_SEED`); each system clusters the
names of the *tune* half at every threshold of its grid, and the threshold
with the best pairwise F1 is kept (:func:`pick`: among equal F1s the system's
own default if it is one of them, else the middle one). The system then
clusters the names of the *test* half once at that threshold, timed, and is
scored there: pairwise and B-cubed P/R/F1 (:mod:`aliaskit.evaluation`) and,
when the evaluation data is present, how many of its hard-negative pairs
(different people with near-identical names) that fall in the test half are
put in one cluster. A system with a ``max_names`` limit gets a random sample
of whole entities of each half (seed :data:`SPLIT_SEED`) holding at least
that many names, stated in the table. Writes ``benchmarks/results/peers.json``
(stamped with commit, date, machine and library versions) and ``peers.md``
(the Markdown tables).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import importlib.metadata
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aliaskit.evaluation import (
    GoldRow,
    bcubed_scores,
    gold_by_name,
    load_gold,
    load_pairs,
    pairwise_scores,
    per_group_scores,
)
from benchmarks.peers import NOT_RUN, PEERS, Clusters, Peer
from benchmarks.quality import RESULTS, ROOT, SHARED
from benchmarks.workload import generate

DATA = ROOT / "benchmarks" / "data"
SPLIT_SEED = 28
# (shape, mentions, seed) of the Cyrillic workload part of the redistributable set.
WORKLOAD = (("family", 6_000, 0), ("distinct", 2_000, 0))
SETS = ("redistributable", "eu")
SET_TITLES = {
    "redistributable": "Redistributable set (benchmarks/data + workload)",
    "eu": "EU sanctions part of the dev set (CC BY-NC, not distributed)",
}
LIBRARIES = ("aliaskit", "rapidfuzz", "jellyfish", "unidecode", "nomenklatura", "rigour")


def seed_rows() -> list[GoldRow]:
    """The seed people (``benchmarks/data/seed_mentions.tsv``), source ``seed``."""
    with (DATA / "seed_mentions.tsv").open(encoding="utf-8", newline="") as handle:
        table = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            GoldRow(f"seed:{r['entity_id']}", r["name"], r["script"], "seed", line)
            for line, r in enumerate(table, 2)
        ]


def workload_rows(workload: Sequence[tuple[str, int, int]] = WORKLOAD) -> list[GoldRow]:
    """Workload mentions as gold rows: a name said by several people is its first one's."""
    rows: list[GoldRow] = []
    for shape, mentions, seed in workload:
        seen: set[str] = set()
        for i, (entity, name) in enumerate(generate(mentions, seed, shape)):
            if name not in seen:
                seen.add(name)
                rows.append(GoldRow(f"{shape}:{entity}", name, "", f"workload-{shape}", i))
    return rows


def load_set(name: str, shared: Path = SHARED) -> list[GoldRow] | None:
    """The gold rows of set ``name``, or None when its data is absent (``shared``: EU data)."""
    if name == "redistributable":
        return seed_rows() + load_gold(DATA / "wikidata_he_persons.tsv") + workload_rows()
    if name == "eu":
        path = shared / "dev_persons.tsv"
        if not path.exists():
            return None
        return [r for r in load_gold(path) if r.source.startswith("eu-oj")]
    raise ValueError(f"unknown set {name!r}; expected one of {', '.join(SETS)}")


def split(rows: Sequence[GoldRow], seed: int = SPLIT_SEED) -> tuple[list[GoldRow], list[GoldRow]]:
    """(tune, test): the rows of a random half of the entities, and of the other half."""
    entities = sorted({r.entity_id for r in rows})
    random.Random(seed).shuffle(entities)
    tune = set(entities[: len(entities) // 2])
    return [r for r in rows if r.entity_id in tune], [r for r in rows if r.entity_id not in tune]


def sample(rows: Sequence[GoldRow], max_names: int | None, seed: int = SPLIT_SEED) -> list[GoldRow]:
    """Rows of randomly drawn whole entities, until at least ``max_names`` distinct names."""
    names = {r.name for r in rows}
    if max_names is None or len(names) <= max_names:
        return list(rows)
    by_entity: dict[str, list[GoldRow]] = {}
    for r in rows:
        by_entity.setdefault(r.entity_id, []).append(r)
    order = sorted(by_entity)
    random.Random(seed).shuffle(order)
    kept: list[GoldRow] = []
    seen: set[str] = set()
    for entity in order:
        if len(seen) >= max_names:
            break
        kept.extend(by_entity[entity])
        seen.update(r.name for r in by_entity[entity])
    return kept


def score(clusters: Clusters, rows: Sequence[GoldRow]) -> dict[str, Any]:
    """Pairwise and B-cubed scores of ``clusters`` against the rows' entities, per source too."""
    gold = gold_by_name(rows)
    predicted = {name: str(k) for k, members in enumerate(clusters) for name in members}
    groups = {r.name: r.source for r in rows}
    return {
        "pairwise": pairwise_scores(predicted, gold).as_dict(),
        "bcubed": bcubed_scores(predicted, gold).as_dict(),
        "per_source": {
            source: {"pairwise": pw.as_dict(), "bcubed": b3.as_dict()}
            for source, (pw, b3) in per_group_scores(predicted, gold, groups).items()
        },
    }


def distinct_names(rows: Sequence[GoldRow]) -> list[str]:
    """The distinct names of ``rows``, in order."""
    return list(dict.fromkeys(r.name for r in rows))


def tune(peer: Peer, rows: Sequence[GoldRow]) -> tuple[float, list[dict[str, float]]]:
    """The threshold of ``peer``'s grid with the best pairwise F1 on ``rows``, and the sweep."""
    sweep = []
    for threshold, clusters in zip(
        peer.grid, peer.sweep(distinct_names(rows), peer.grid), strict=True
    ):
        scores = score(clusters, rows)
        sweep.append({"threshold": threshold, "f1": scores["pairwise"]["f1"]})
    return pick(sweep, peer.default), sweep


def pick(sweep: Sequence[dict[str, float]], default: float | None = None) -> float:
    """The threshold of the best F1; among ties the default if tied, else the middle one.

    >>> pick([{"threshold": t, "f1": f} for t, f in ((0.5, 0.9), (0.6, 0.9), (0.7, 0.8))])
    0.6
    >>> sweep = [{"threshold": t, "f1": 0.9} for t in (0.5, 0.6, 0.7)]
    >>> pick(sweep, default=0.7)
    0.7
    """
    best = max(s["f1"] for s in sweep)
    tied = [s["threshold"] for s in sweep if s["f1"] == best]
    if default is not None and default in tied:
        return default
    return tied[len(tied) // 2]


def hard_negatives(shared: Path = SHARED) -> list[tuple[str, str]]:
    """Name pairs of different people with near-identical names (``dev_hard_negatives.tsv``).

    Read from the evaluation data when present (empty otherwise); only the
    pairs whose two names are both clustered in a test half are counted.
    """
    path = shared / "dev_hard_negatives.tsv"
    return [p.names for p in load_pairs(path)] if path.exists() else []


def merged(clusters: Clusters, pairs: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """(pairs put in one cluster, pairs whose two names are both clustered)."""
    where = {name: k for k, members in enumerate(clusters) for name in members}
    both = [(a, b) for a, b in pairs if a in where and b in where]
    return sum(where[a] == where[b] for a, b in both), len(both)


def run_system(
    peer: Peer,
    rows: Sequence[GoldRow],
    *,
    negatives: Sequence[tuple[str, str]] = (),
    seed: int = SPLIT_SEED,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Any]:
    """Tune ``peer`` on one half of ``rows``, score it on the other (see the module docstring)."""
    tune_rows, test_rows = split(rows, seed)
    tune_rows, test_rows = sample(tune_rows, peer.max_names), sample(test_rows, peer.max_names)
    started = clock()
    threshold, sweep = tune(peer, tune_rows)
    tune_seconds = clock() - started
    names = distinct_names(test_rows)
    started = clock()
    clusters = peer.cluster(names, threshold)
    seconds = clock() - started
    return {
        "system": peer.key,
        "label": peer.label,
        "blocking": peer.blocking,
        "threshold": threshold,
        "default_threshold": peer.default,
        "tune_names": len(distinct_names(tune_rows)),
        "test_names": len(names),
        "sampled": len(names) < len(distinct_names(split(rows, seed)[1])),
        "max_names": peer.max_names,
        "seconds": round(seconds, 3),
        "tune_seconds": round(tune_seconds, 3),
        "names_per_second": round(len(names) / seconds) if seconds else None,
        "entities": len(clusters),
        "hard_negatives_merged": merged(clusters, negatives),
        "sweep": sweep,
        **score(clusters, test_rows),
    }


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def library_versions(libraries: Sequence[str]) -> dict[str, str | None]:
    """The installed version of each library (None: not installed)."""
    versions: dict[str, str | None] = {}
    for lib in libraries:
        try:
            versions[lib] = importlib.metadata.version(lib)
        except importlib.metadata.PackageNotFoundError:
            versions[lib] = None
    return versions


def stamp() -> dict[str, Any]:
    """Commit, date, machine and library versions of this run."""
    versions = library_versions(LIBRARIES)
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src", "benchmarks")),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "versions": versions,
        "split_seed": SPLIT_SEED,
        "workload": [list(w) for w in WORKLOAD],
    }


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def markdown(report: dict[str, Any]) -> str:
    """The Markdown tables of a report: one per set, then the systems not run."""
    run = report["run"]
    lines = [
        f"Measured at commit {run['commit']}{' (uncommitted changes)' if run['dirty'] else ''}"
        f", {run['date'][:10]}, {run['machine']}, Python {run['python']}"
        + ("" if run.get("compiled", True) else " (aliaskit as pure Python)")
        + "; "
        + ", ".join(f"{k} {v}" for k, v in run["versions"].items() if v)
        + ".",
    ]
    if "loadavg_1m_end" in run:
        lines += [
            "The machine was shared: its one-minute load average was "
            f"{run['loadavg_1m']:.1f} at the start and {run['loadavg_1m_end']:.1f} at the end.",
        ]
    lines.append("")
    for name, result in report["sets"].items():
        lines += [f"**{SET_TITLES.get(name, name)}**", ""]
        if "absent" in result:
            lines += [result["absent"], ""]
            continue
        lines += [
            f"{result['names']:,} names of {result['entities']:,} entities; tune half "
            f"{result['tune_entities']:,} entities, test half {result['test_entities']:,}.",
            "",
            "| system | threshold | P | R | F1 | B-cubed F1 | names/s | test names "
            "| hard negatives merged |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in result["systems"]:
            if "skipped" in row:
                lines.append(f"| {row['system']} | skipped: {row['skipped']} | | | | | | | |")
                continue
            pw = row["pairwise"]
            size = f"{row['test_names']:,}" + (" (sample)" if row["sampled"] else "")
            rate = row["names_per_second"]
            hit, pairs = row.get("hard_negatives_merged", (0, 0))
            negatives = f"{hit} of {pairs}" if pairs else "n/a"
            lines.append(
                f"| {row['system']} | {row['threshold']:g} | {_pct(pw['precision'])} | "
                f"{_pct(pw['recall'])} | **{_pct(pw['f1'])}** | {_pct(row['bcubed']['f1'])} | "
                f"{rate:,} | {size} | {negatives} |"
            )
        lines.append("")
    if report.get("not_run"):
        lines += ["Not run:", ""]
        lines += [f"- {k}: {v}" for k, v in report["not_run"].items()]
        lines.append("")
    return "\n".join(lines)


def per_source_markdown(report: dict[str, Any]) -> str:
    """Pairwise F1 per source of the redistributable set, one column per system."""
    result = report["sets"].get("redistributable", {})
    rows = [r for r in result.get("systems", []) if "skipped" not in r]
    if not rows:
        return ""
    sources = sorted({s for r in rows for s in r["per_source"]})
    lines = [
        "Pairwise F1 per source of the redistributable set (its test half):",
        "",
        "| source | " + " | ".join(r["system"] for r in rows) + " |",
        "| --- | " + " | ".join("---:" for _ in rows) + " |",
    ]
    for source in sources:
        cells = [
            _pct(r["per_source"][source]["pairwise"]["f1"]) if source in r["per_source"] else ""
            for r in rows
        ]
        lines.append(f"| {source} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def plots(report: dict[str, Any], folder: Path) -> list[str]:
    """Write the quality-against-speed and per-source plots; return their file names."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    colour = {key: f"C{i}" for i, key in enumerate(PEERS)}
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for (name, result), marker in zip(report["sets"].items(), "os^", strict=False):
        for row in result.get("systems", []):
            if "skipped" in row or not row.get("names_per_second"):
                continue
            x, y = row["names_per_second"], 100 * row["pairwise"]["f1"]
            ax.scatter(x, y, marker=marker, s=40, color=colour[row["system"]])
            ax.annotate(row["system"], (x, y), textcoords="offset points", xytext=(5, 3), size=8)
        ax.scatter([], [], marker=marker, color="grey", label=SET_TITLES.get(name, name))
    ax.set_xscale("log")
    ax.set_xlabel("names per second (test half, log scale)")
    ax.set_ylabel("pairwise F1 (%)")
    ax.set_ylim(0, 102)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")
    ax.set_title("Quality against throughput, thresholds tuned on the other half")
    fig.tight_layout()
    fig.savefig(folder / "peers_quality_speed.png", dpi=110)
    plt.close(fig)
    written.append("peers_quality_speed.png")
    redistributable = report["sets"].get("redistributable", {})
    rows = [r for r in redistributable.get("systems", []) if "skipped" not in r]
    if rows:
        sources = sorted({s for r in rows for s in r["per_source"]})
        fig, ax = plt.subplots(figsize=(7, 4.2))
        width = 0.8 / len(rows)
        for k, row in enumerate(rows):
            values = [
                100 * row["per_source"].get(s, {}).get("pairwise", {}).get("f1", 0.0)
                for s in sources
            ]
            ax.bar(
                [i + k * width for i in range(len(sources))],
                values,
                width,
                label=row["system"],
                color=colour[row["system"]],
            )
        ax.set_xticks([i + 0.4 - width / 2 for i in range(len(sources))])
        ax.set_xticklabels([s.split("/")[0] for s in sources], fontsize=8)
        ax.set_ylabel("pairwise F1 (%)")
        ax.set_ylim(0, 128)
        ax.set_yticks(range(0, 101, 20))
        ax.legend(fontsize=7, ncol=3, loc="upper center")
        ax.set_title("Pairwise F1 per source, redistributable set (test half)")
        fig.tight_layout()
        fig.savefig(folder / "peers_per_source.png", dpi=110)
        plt.close(fig)
        written.append("peers_per_source.png")
    return written


def run(
    sets: Sequence[str],
    systems: Sequence[str],
    shared: Path = SHARED,
    max_names: int | None = None,
) -> dict[str, Any]:
    """Every system on every set; a system that cannot run is listed with its reason.

    ``max_names`` limits each set to a random sample of whole entities (:func:`sample`).
    """
    report: dict[str, Any] = {"run": stamp(), "sets": {}, "not_run": dict(NOT_RUN)}
    negatives = hard_negatives(shared)
    compiled = importlib.import_module("aliaskit._compiled")
    report["run"]["compiled"] = bool(getattr(compiled, "COMPILED", False))
    for name in sets:
        rows = load_set(name, shared)
        if rows is None:
            report["sets"][name] = {"absent": "not run: ../shared/data/dev_persons.tsv is absent"}
            continue
        rows = sample(rows, max_names)
        tune_rows, test_rows = split(rows)
        result: dict[str, Any] = {
            "names": len(distinct_names(rows)),
            "entities": len({r.entity_id for r in rows}),
            "tune_entities": len({r.entity_id for r in tune_rows}),
            "test_entities": len({r.entity_id for r in test_rows}),
            "systems": [],
        }
        for key in systems:
            peer = PEERS[key]
            reason = peer.unavailable()
            if reason is not None:
                result["systems"].append({"system": key, "skipped": reason})
                print(f"{name}: {key} skipped: {reason}", file=sys.stderr)
                continue
            row = run_system(peer, rows, negatives=negatives)
            result["systems"].append(row)
            print(
                f"{name}: {key} threshold {row['threshold']:g} pairwise F1 "
                f"{row['pairwise']['f1']:.3f} B3 F1 {row['bcubed']['f1']:.3f} "
                f"{row['names_per_second']} names/s (tuning {row['tune_seconds']:.1f} s)",
                file=sys.stderr,
            )
        report["sets"][name] = result
    report["run"]["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the systems, write ``peers.json`` and ``peers.md``, print the Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--systems", nargs="+", choices=list(PEERS), default=list(PEERS))
    parser.add_argument("--output", type=Path, default=RESULTS / "peers.json")
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="folder of the evaluation data (EU part)"
    )
    args = parser.parse_args(argv)
    report = run(args.sets, args.systems, args.shared)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    text = markdown(report) + "\n" + per_source_markdown(report)
    try:
        images = plots(report, args.output.parent)
    except ImportError as err:  # matplotlib is in the bench extra
        print(f"no plots: {err}", file=sys.stderr)
        images = []
    text += "".join(f"\n![{name[:-4].replace('_', ' ')}](img/{name})\n" for name in images)
    args.output.with_suffix(".md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
