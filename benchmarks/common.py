"""Inputs and helpers shared by the benchmark files.

Inputs are drawn with a fixed seed from three places: the seed gold set
(``tests/vectors/seed_gold.tsv``), the synthetic workload
(:mod:`benchmarks.workload`) and, when present, the evaluation data in
``../shared/data`` (read in place, never copied).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from aliaskit.evaluation import GoldRow, load_gold
from benchmarks import workload

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "tests" / "vectors" / "seed_gold.tsv"
SHARED = ROOT.parent / "shared" / "data"
SEED = 20261123


def smoke(request: pytest.FixtureRequest) -> bool:
    """True when benchmarking is disabled (each benchmark runs once as a smoke test)."""
    config = request.config
    return bool(config.getoption("benchmark_disable") and not config.getoption("benchmark_enable"))


def clear_name_caches() -> None:
    """Empty aliaskit's per-name memo caches (not its data tables), for cold-path timings.

    Every bounded ``lru_cache`` of an ``aliaskit`` module is cleared, and the
    per-word caches of the transliteration schemes. Unbounded caches and
    ``maxsize=1`` caches hold data files read once, and are kept.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("aliaskit") or module is None:
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if info is None or getattr(obj, "__module__", None) != name:
                continue
            maxsize = info().maxsize
            if maxsize is not None and maxsize > 1:
                obj.cache_clear()
    from aliaskit.translit import scheme, schemes

    for s in schemes():
        word_cache: Any = getattr(getattr(scheme(s), "rules", None), "_cache", None)
        if isinstance(word_cache, dict):
            word_cache.clear()


@cache
def seed_rows() -> tuple[GoldRow, ...]:
    """The rows of the seed gold set."""
    return tuple(load_gold(SEED_GOLD))


def shared_path(name: str) -> Path | None:
    """A file of ``../shared/data`` or None when absent."""
    path = SHARED / name
    return path if path.exists() else None


@cache
def dev_names() -> tuple[str, ...]:
    """Distinct names of ``dev_persons.tsv`` (empty when the evaluation data is absent)."""
    path = shared_path("dev_persons.tsv")
    if path is None:
        return ()
    return tuple(dict.fromkeys(r.name for r in load_gold(path)))


@cache
def workload_names(n: int, seed: int = SEED, shape: str = "family") -> tuple[str, ...]:
    """The first ``n`` distinct names of a workload of ``shape`` (in order of first mention)."""
    mentions = max(n, round(n * (3.6 if shape == "family" else 1.05)))
    while True:
        pairs = workload.generate(mentions, seed, shape)
        distinct = list(dict.fromkeys(name for _, name in pairs))
        if len(distinct) >= n:
            return tuple(distinct[:n])
        mentions *= 2


@cache
def workload_mentions(n: int, shape: str, seed: int = SEED) -> tuple[tuple[str, str], ...]:
    """``n`` (entity_id, name) mentions of a workload of ``shape``, repeats included."""
    return tuple(workload.generate(n, seed, shape))


def name_sample(k: int, seed: int = SEED) -> list[str]:
    """``k`` names mixing the seed set, the dev set (when present) and the workload."""
    pool = [r.name for r in seed_rows()] + list(dev_names()) + list(workload_names(5_000))
    return random.Random(seed).sample(pool, min(k, len(pool)))


def same_script_pairs(k: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``k`` pairs of Latin-script names of one workload person or of two relatives."""
    return _pairs(k, seed, cross=False)


def cross_script_pairs(k: int, seed: int = SEED) -> list[tuple[str, str]]:
    """``k`` pairs of names in two different scripts (Latin, Cyrillic, Hebrew)."""
    return _pairs(k, seed, cross=True)


def script_of(name: str) -> str:
    """Cyrl or Hebr when the name holds such a letter, else Latn (a cheap check)."""
    for ch in name:
        if "\u0400" <= ch <= "\u04ff":
            return "Cyrl"
        if "\u0590" <= ch <= "\u05ff":
            return "Hebr"
    return "Latn"


@cache
def _related_groups(seed: int) -> tuple[tuple[str, ...], ...]:
    """Distinct names of each workload person and of each family (groups of 2+ names)."""
    by_person: dict[str, list[str]] = {}
    for eid, name in workload.generate(20_000, seed):
        names = by_person.setdefault(eid, [])
        if name not in names:
            names.append(name)
    by_family: dict[str, list[str]] = {}
    for eid, names in by_person.items():
        by_family.setdefault(eid.split("-")[0], []).extend(names)
    return tuple(tuple(v) for v in (*by_person.values(), *by_family.values()) if len(v) > 1)


def _pairs(k: int, seed: int, cross: bool) -> list[tuple[str, str]]:
    """Pairs of one person's or one family's names, same-script Latin or cross-script."""
    rng = random.Random(seed)
    groups = _related_groups(seed)
    out: list[tuple[str, str]] = []
    while len(out) < k:
        a, b = rng.sample(rng.choice(groups), 2)
        same = script_of(a) == script_of(b)
        if (same and not cross and script_of(a) == "Latn") or (cross and not same):
            out.append((a, b))
    return out


def record_rate(benchmark: Any, count: int, unit: str = "names") -> None:
    """Store items per second (from the mean) in the benchmark's extra info."""
    stats = getattr(benchmark, "stats", None)
    if stats is not None:
        benchmark.extra_info[f"{unit}_per_second"] = round(count / float(stats.stats.mean))
    benchmark.extra_info["count"] = count


def run_in_fresh_process(module: str, *args: str) -> dict[str, Any]:
    """Run ``python -m module *args`` and return the JSON object its last line prints.

    The scale scripts measure each run this way, so that its peak memory
    (``ru_maxrss``) is its own.
    """
    cmd = [sys.executable, "-m", module, *args]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    row: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return row
