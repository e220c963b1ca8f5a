"""The benchmark run behind the benchmarks page: every part, one JSON document.

``python -m benchmarks.report`` calls :func:`run` and writes its result to
``benchmarks/results/run.json``, then renders the page from that file alone
(:mod:`benchmarks.page`). Parts (:data:`PARTS`), each timed:

* ``peers``: aliaskit and its peers, every threshold tuned on one half of a
  set and scored on the other (:mod:`benchmarks.peers_report`), on the
  redistributable set and, when ``../shared/data`` is present, the EU part;
* ``quality``: aliaskit at its default threshold on the whole redistributable
  set, and on the evaluation data's dev set when present;
* ``words``: aliaskit's Hebrew and Arabic word readings (:mod:`benchmarks.words`);
* ``scale``: time, peak memory and quality on 10,000 and 100,000 workload
  mentions of both shapes, each run in a fresh process
  (:func:`benchmarks.scale_report.run_one`): aliaskit and the peers that scale
  (:data:`SCALE_EVERY_SIZE`) at every size, the slow ones
  (:data:`SCALE_SMALLEST_ONLY`) at the smallest, each peer at the threshold it
  was tuned to on the redistributable set; the all-pairs RapidFuzz peer not at all;
* ``stages``: seconds per stage of aliaskit's clustering (:mod:`benchmarks.stages`);
* ``search``: :class:`aliaskit.Index` beside RapidFuzz (:mod:`benchmarks.search_report`).

``smoke=True`` runs every part on small inputs (CI): a sample of the
redistributable set, 1,000 mentions, 100 words a script, no search part.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import run_in_fresh_process
from benchmarks.peers_report import library_versions
from benchmarks.quality import DEV_HARD_NEGATIVES, DEV_PERSONS, ROOT

PARTS = ("peers", "quality", "words", "scale", "stages", "search")
LIBRARIES = (
    "aliaskit",
    "rapidfuzz",
    "jellyfish",
    "unidecode",
    "nomenklatura",
    "rigour",
    "splink",
    "duckdb",
    "numpy",
    "matplotlib",
)
SCALE_SIZES = (10_000, 100_000)
SCALE_SHAPES = ("family", "distinct")
SCALE_EVERY_SIZE = ("aliaskit", "naive_dm_jw", "metaphone_jw")
# Slow per pair: the smallest size only. rapidfuzz_wratio scores all pairs (no
# blocking; 215 s for the 9,896 names of 10,000 distinct mentions on a loaded
# two-core machine), so it has no scale rows: its names/s is in the peers part.
SCALE_SMALLEST_ONLY = ("nomenklatura", "splink")
STAGE_MENTIONS = 100_000
SEARCH_MENTIONS = 100_000
SEARCH_BASELINE_QUERIES = 200
SMOKE_NAMES = 600
SMOKE_MENTIONS = 1_000
SMOKE_WORDS = 100
SMOKE_SCALE = ("aliaskit", "naive_dm_jw")  # both always installed


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def cpu_model() -> str:
    """The CPU's model name (``/proc/cpuinfo``), else what :mod:`platform` says."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def stamp() -> dict[str, Any]:
    """Commit, date, machine and library versions of this run."""
    versions = library_versions(LIBRARIES)
    compiled = importlib.import_module("aliaskit._compiled")
    return {
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "src", "benchmarks")),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "system": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "compiled": bool(getattr(compiled, "COMPILED", False)),
        "versions": versions,
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "shared_data": DEV_PERSONS.exists(),
    }


def peers_part(smoke: bool) -> dict[str, Any]:
    """The peers report (:func:`benchmarks.peers_report.run`); a sample in smoke mode."""
    from benchmarks import peers_report
    from benchmarks.peers import PEERS

    if not smoke:
        return peers_report.run(peers_report.SETS, list(PEERS))
    return peers_report.run(["redistributable"], list(PEERS), max_names=SMOKE_NAMES)


def quality_part(smoke: bool) -> dict[str, Any]:
    """aliaskit at its default threshold: the redistributable set, and the dev set if present."""
    from aliaskit.evaluation import load_gold, load_pairs
    from benchmarks import peers_report, quality

    rows = peers_report.load_set("redistributable")
    assert rows is not None  # the redistributable set is in the repository
    if smoke:
        rows = peers_report.sample(rows, SMOKE_NAMES)
    report = {"redistributable": quality.evaluate(rows)}
    if DEV_PERSONS.exists() and not smoke:
        pairs = [p.names for p in load_pairs(DEV_HARD_NEGATIVES)]
        report["dev"] = quality.evaluate(load_gold(DEV_PERSONS), hard_negative_pairs=pairs)
    return report


def words_part(smoke: bool) -> dict[str, Any]:
    """Word readings (:mod:`benchmarks.words`)."""
    from benchmarks import words

    return words.run(SMOKE_WORDS if smoke else None)


def scale_jobs(tuned: dict[str, float], smoke: bool) -> list[tuple[str, int, str, float | None]]:
    """(system, mentions, shape, threshold) of every scale run; peers at their tuned threshold.

    >>> scale_jobs({"naive_dm_jw": 0.8}, smoke=True)
    [('aliaskit', 1000, 'family', None), ('naive_dm_jw', 1000, 'family', 0.8)]
    """
    if smoke:
        return [(s, SMOKE_MENTIONS, "family", tuned.get(s)) for s in SMOKE_SCALE]
    jobs = []
    for shape in SCALE_SHAPES:
        for size in SCALE_SIZES:
            for system in (*SCALE_EVERY_SIZE, *SCALE_SMALLEST_ONLY):
                if system != "aliaskit" and system not in tuned:
                    continue  # not installed: the peers part says why
                if system in SCALE_SMALLEST_ONLY and size != min(SCALE_SIZES):
                    continue
                jobs.append((system, size, shape, tuned.get(system)))
    return jobs


def scale_part(smoke: bool, tuned: dict[str, float]) -> dict[str, Any]:
    """Every scale job in a fresh process; a failed one is listed with its error."""
    rows, failed = [], []
    for system, mentions, shape, threshold in scale_jobs(tuned, smoke):
        args = ["--one", system, str(mentions), shape]
        if threshold is not None and system != "aliaskit":
            args.append(f"--threshold={threshold}")
        try:
            rows.append(run_in_fresh_process("benchmarks.scale_report", *args))
        except subprocess.CalledProcessError as err:
            tail = " ".join(str(err.stderr).splitlines()[-2:])
            failed.append({"system": system, "mentions": mentions, "shape": shape, "error": tail})
        print(f"scale: {system} {shape} {mentions:,} done", file=sys.stderr, flush=True)
    return {"rows": rows, "failed": failed}


def stages_part(smoke: bool) -> dict[str, Any]:
    """aliaskit's stage breakdown of each workload shape, each in a fresh process."""
    mentions = SMOKE_MENTIONS if smoke else STAGE_MENTIONS
    shapes = ("family",) if smoke else SCALE_SHAPES
    reports = {}
    for shape in shapes:
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.stages",
            f"--mentions={mentions}",
            f"--shape={shape}",
        ]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
        reports[shape] = json.loads(done.stdout)  # the whole output is one JSON document
    return reports


def search_part(smoke: bool) -> dict[str, Any]:
    """The search report on the dev set (if present) and 100,000-mention workloads."""
    if smoke:
        return {"skipped": "smoke mode"}
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "search.json"
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.search_report",
            "--mentions",
            str(SEARCH_MENTIONS),
            f"--baseline-queries={SEARCH_BASELINE_QUERIES}",
            "--load-repeats=1",
            f"--output={output}",
        ]
        subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
        result: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return result


def tuned_thresholds(peers: dict[str, Any]) -> dict[str, float]:
    """Each system's threshold tuned on the redistributable set (systems that ran)."""
    rows = peers.get("sets", {}).get("redistributable", {}).get("systems", [])
    return {r["system"]: r["threshold"] for r in rows if "threshold" in r}


def run(
    parts: Sequence[str] = PARTS,
    smoke: bool = False,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Any]:
    """Run ``parts``; the document that :mod:`benchmarks.page` renders."""
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise ValueError(f"run: unknown parts {unknown}; expected some of {', '.join(PARTS)}")
    document: dict[str, Any] = {"run": {**stamp(), "smoke": smoke}, "seconds": {}}
    started = clock()
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "peers": lambda: peers_part(smoke),
        "quality": lambda: quality_part(smoke),
        "words": lambda: words_part(smoke),
        "scale": lambda: scale_part(smoke, tuned_thresholds(document.get("peers", {}))),
        "stages": lambda: stages_part(smoke),
        "search": lambda: search_part(smoke),
    }
    for part in PARTS:
        if part not in parts:
            continue
        began = clock()
        print(f"run: {part}...", file=sys.stderr, flush=True)
        document[part] = steps[part]()
        document["seconds"][part] = round(clock() - began, 1)
    document["seconds"]["total"] = round(clock() - started, 1)
    document["run"]["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    return document
