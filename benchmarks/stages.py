"""Where clustering spends its time: one worker, stage by stage.

Usage::

    python -m benchmarks.stages --mentions 100000 --shape family

Runs the stages of :func:`aliaskit.cluster` one after another on the
distinct names of a workload, in one process and one worker, and prints the
seconds and share of each: parsing, block keys, pair generation (the
blocks' pairs, without the keys), per-name preparation for comparison,
scoring every candidate pair (as the scoring workers do, through one
``IndexedScorer`` in pairs of surnames, where the checkout has one),
clustering and building the entities (on
name ids, as :func:`aliaskit.cluster` does, in a checkout that has
``aliaskit._batch``; through a Resolver's string stages before). The
stages use only functions that every version of aliaskit since the
resolver rewrite has, so the same script measures an older checkout (run it
with that checkout's ``src`` first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import inspect
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
    from aliaskit.compare import DEFAULT_THRESHOLD, prepare
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

    scores = _scoring(items, parsed, found)
    edges = _timed(stages, "scoring", scores)
    path = "strings"
    batch: Any = None
    # The id stages of cluster() (aliaskit._batch), where this checkout has them.
    with contextlib.suppress(ImportError):
        batch = importlib.import_module("aliaskit._batch")
    if batch is None:
        loaded = resolver._loaded([n for n, _ in items], edges, DEFAULT_THRESHOLD)
        _timed(stages, "clustering", lambda: loaded._recluster(set(loaded._parsed)))
        entities = _timed(stages, "entities", lambda: loaded.entities)
    else:
        path = "ids"
        entities = _id_stages(batch, parsed, edges, stages)
    gc.enable()
    total = sum(stages.values())
    return {
        "mentions": mentions,
        "shape": shape,
        "names": len(items),
        "candidate_pairs": len(found),
        "entities": len(entities),
        "clustering_path": path,
        "seconds": {k: round(v, 2) for k, v in stages.items()},
        "share": {k: round(v / total, 3) for k, v in stages.items()},
        "per_name_us": {
            k: round(1e6 * stages[k] / len(items), 1)
            for k in ("parse", "block keys", "pair generation", "prepare")
        },
        "per_pair_us": round(1e6 * stages["scoring"] / max(len(found), 1), 1),
    }


Edge = tuple[str, str, float, bool]


def _scoring(
    items: list[tuple[str, Any]], parsed: dict[str, Any], found: list[tuple[str, str]]
) -> Callable[[], list[Edge]]:
    """The scoring stage: as the scoring workers score, where this checkout has an
    IndexedScorer (in pairs of surnames, through one scorer that keeps its memos);
    else pair by pair through score_pair. Sorts ``found`` for the former."""
    from aliaskit.compare import score_pair

    indexed = getattr(importlib.import_module("aliaskit.compare"), "IndexedScorer", None)
    if indexed is None:

        def one_by_one() -> list[Edge]:
            out = []
            for a, b in found:
                if parsed[a].normalized == parsed[b].normalized:
                    out.append((a, b, 2.0, False))
                else:
                    out.append((a, b, *score_pair(parsed[a], parsed[b])))
            return out

        return one_by_one
    surname = {n: tuple(q.text for q in p.surname) for n, p in items}
    found.sort(key=lambda pair: tuple(sorted((surname[pair[0]], surname[pair[1]]))))
    numbered = [n for n, _ in items]
    number = {n: i for i, n in enumerate(numbered)}

    def through_scorer() -> list[Edge]:
        scorer = indexed(lambda i: parsed[numbered[i]], 2.0)
        values, flags = scorer.score([number[a] for a, _ in found], [number[b] for _, b in found])
        return [(a, b, s, bool(c)) for (a, b), s, c in zip(found, values, flags, strict=True)]

    return through_scorer


def _id_stages(
    batch: Any,
    parsed: dict[str, Any],
    edges: list[tuple[str, str, float, bool]],
    stages: dict[str, float],
) -> list[Any]:
    """Clustering and entities as :func:`aliaskit.cluster` runs them, on name ids."""
    import numpy as np

    from aliaskit._batch_stages import batch_labels
    from aliaskit._pair_rows import PairRows
    from aliaskit._resolver_graph import consulted_pairs
    from aliaskit.compare import DEFAULT_THRESHOLD, score_pair

    ids = tuple(sorted({x for a, b, _, _ in edges for x in (a, b)} | set(parsed)))
    ids = tuple(x for x in ids if parsed[x].parts)
    at = {x: i for i, x in enumerate(ids)}
    left = np.array([min(at[a], at[b]) for a, b, _, _ in edges], dtype=np.int64)
    right = np.array([max(at[a], at[b]) for a, b, _, _ in edges], dtype=np.int64)
    scores = np.array([e[2] for e in edges], dtype=np.float64)
    conflicts = np.array([e[3] for e in edges], dtype=np.bool_)

    def clustering() -> tuple[Any, Any]:
        weak = np.fromiter((parsed[x].is_weak for x in ids), np.bool_, len(ids))
        kept, counted = consulted_pairs(left, right, scores, conflicts, weak, DEFAULT_THRESHOLD)
        keep = kept | counted
        rows = PairRows.build(len(ids), left[keep], right[keep], scores[keep], conflicts[keep])
        labels = batch_labels(
            rows,
            weak,
            batch._form_links(ids, parsed),
            DEFAULT_THRESHOLD,
            lambda x, y: score_pair(parsed[ids[x]], parsed[ids[y]]),
        )
        return labels, rows

    labels, rows = _timed(stages, "clustering", clustering)
    # Since the mention counts of issue 25, _entities takes them (None: one a name).
    extra = (None,) if len(inspect.signature(batch._entities).parameters) > 4 else ()
    return _timed(stages, "entities", lambda: batch._entities(ids, labels, rows, parsed, *extra))


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
