"""Where clustering spends its time: one worker, stage by stage.

Usage::

    python -m benchmarks.stages --mentions 100000 --shape family

Runs the stages of :func:`aliaskit.cluster` one after another on the
distinct names of a workload, in one process and one worker, and prints the
seconds and share of each: parsing, block keys, pair generation (the
blocks' pairs, without the keys), per-name preparation for comparison,
scoring every candidate pair, clustering and building the entities. The
stages use only functions that every version of aliaskit since the
resolver rewrite has, so the same script measures an older checkout (run it
with that checkout's ``src`` first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from benchmarks.workload import generate

T = TypeVar("T")


def _timed(stages: dict[str, float], stage: str, fn: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = fn()
    stages[stage] = stages.get(stage, 0.0) + time.perf_counter() - started
    return result


def run(mentions: int, shape: str, seed: int = 0) -> dict[str, Any]:
    """Seconds per stage for the distinct names of ``mentions`` workload mentions."""
    from aliaskit import blocking, resolver
    from aliaskit.compare import DEFAULT_THRESHOLD, prepare, score_pair
    from aliaskit.parse import parse_name

    names = sorted({name for _, name in generate(mentions, seed, shape)})
    stages: dict[str, float] = {}
    gc.disable()
    parsed = _timed(stages, "parse", lambda: {n: parse_name(n) for n in names})
    items = [(n, p) for n, p in parsed.items() if p.parts]

    def keys() -> None:
        for _, p in items:
            blocking.block_keys(p)
            blocking.given_keys(p)
            if hasattr(blocking, "second_keys"):
                blocking.second_keys(p)

    _timed(stages, "block keys", keys)

    def pairs() -> list[tuple[str, str]]:
        index = blocking.BlockIndex(track_pairs=False)
        found = index.add_many(items)[0]
        return list(found)

    found = _timed(stages, "pair generation", pairs)
    stages["pair generation"] -= stages["block keys"]  # add_many keys the names again

    def prepared() -> None:
        for _, p in items:
            prepare(p)

    _timed(stages, "prepare", prepared)

    def scores() -> list[tuple[str, str, float, bool]]:
        out = []
        for a, b in found:
            if parsed[a].normalized == parsed[b].normalized:
                out.append((a, b, 2.0, False))
            else:
                out.append((a, b, *score_pair(parsed[a], parsed[b])))
        return out

    edges = _timed(stages, "scoring", scores)
    loaded = resolver._loaded([n for n, _ in items], edges, DEFAULT_THRESHOLD)
    _timed(stages, "clustering", lambda: loaded._recluster(set(loaded._parsed)))
    entities = _timed(stages, "entities", lambda: loaded.entities)
    gc.enable()
    total = sum(stages.values())
    return {
        "mentions": mentions,
        "shape": shape,
        "names": len(items),
        "candidate_pairs": len(found),
        "entities": len(entities),
        "seconds": {k: round(v, 2) for k, v in stages.items()},
        "share": {k: round(v / total, 3) for k, v in stages.items()},
        "per_name_us": {
            k: round(1e6 * stages[k] / len(items), 1)
            for k in ("parse", "block keys", "pair generation", "prepare")
        },
        "per_pair_us": round(1e6 * stages["scoring"] / max(len(found), 1), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--shape", default="family")
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = run(args.mentions, args.shape)
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
