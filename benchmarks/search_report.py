"""Search with :class:`aliaskit.Index` (issue 24): quality on the dev set beside a
RapidFuzz baseline, and build, save, load and per-query latency at scale.

Run ``python -m benchmarks.search_report [--mentions 100000] [--shape family distinct]``
(``--skip-dev`` leaves the dev part out, ``--dev-only`` the workload part).
Every part runs in a fresh process (its peak memory is its own), and every
loaded index is read in another fresh process, so that the load time and the
first query after it are those of a program that just started. Figures are
printed and merged into ``benchmarks/results/search.json`` (a part replaces
the part of the same name, shape and size).

**Dev quality.** Every name of ``../shared/data/dev_persons.tsv`` is indexed
(read in place: the data is licensed for evaluation only). Each name whose
person has another name is searched (``limit=11``); the query's own string
is dropped from the hits and the first 10 kept. recall@1 and recall@10 are
the shares of queries with another name of the same person first / in those
10, MRR the mean reciprocal rank of the first such name (0 when none),
and ``best_score_right`` the share of queries where such a name scores as
much as the first hit (recall@1 if every tie went the right way); all
overall and per source (the part of ``source`` before ``:``). The
baseline (:class:`benchmarks.baselines.RapidFuzzSearch`) is scored the same
way: rapidfuzz ``process.extract(query, names, scorer=fuzz.WRatio,
limit=11)`` on names folded by ``unidecode`` and rapidfuzz's
``default_process``, computed for all queries at once with ``process.cdist``
(every core; same scores and order as ``extract``, which is checked on the
latency queries). Hard negatives (``dev_hard_negatives.tsv``, pairs of
different people with near-identical names): the share of pairs where
searching one name (either) gives the other a hit scoring at least the
default threshold 0.75 (``limit=None, score_cutoff=0.75``).

**Latency.** Warm, one query at a time in one thread (``Index.search``,
``limit=10``): 200 warm-up queries, then 1,000 timed ones, p50 / p99 / mean
/ max in milliseconds, on the index just built and on the same index saved
and loaded in a fresh process (with the load time and the first query after
it, median of three fresh processes), and once more loaded in a fresh
process that calls :meth:`Index.warm` before its first query (``warmed``:
every indexed name's features read ahead, the time it takes reported). On
the dev index the queries are dev names (a random sample of the quality
queries). On a workload index (:mod:`benchmarks.workload`, seed 0,
``--mentions`` mentions of ``--shape``) the queries are held out: 1,200
people with two or more distinct names are drawn, one name of each is the
query and every mention of that string is left out of the index (a query
string said by two people is never drawn), so the person's other names must
be found. Half the queries (600) are in a script that none of the person's
indexed names is written in (:func:`aliaskit.detect_script`); the other half
share a script with at least one of them. 200 of them (half of each kind)
warm up, 1,000 are timed and scored (recall@1, recall@10, MRR: a hit is
right when it is a name of the same person). The RapidFuzz baseline is timed
on the same queries (``extract`` over all names, query folding included; 20
warm-up queries) when the index holds at most ``--baseline-max-names``
names."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aliaskit import Index
    from aliaskit.evaluation import GoldRow
    from benchmarks.baselines import RapidFuzzSearch

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "search.json"
SHAPES = ("family", "distinct")
SEED = 0  # the workload's seed, as in scale_report
QUERY_SEED = 24  # the issue's number: which queries are drawn
LIMIT = 10
QUERIES = 1_000
WARMUP = 200
BASELINE_WARMUP = 20
BASELINE_MAX_NAMES = 120_000
LOAD_REPEATS = 3
Hits = list[tuple[str, float]]  # (name, score), best first
HARD_NEGATIVE_WRATIO = 90.0  # a cutoff for the baseline (none is native to it)


# -- scoring ---------------------------------------------------------------------


def rank_of(names: Iterable[str], right: Callable[[str], bool], limit: int = LIMIT) -> int | None:
    """1-based rank of the first right name among the first ``limit``, None if none.

    >>> rank_of(["a", "b", "c"], lambda n: n == "b"), rank_of(["a"], lambda n: n == "z")
    (2, None)
    """
    for rank, name in enumerate(names, start=1):
        if rank > limit:
            return None
        if right(name):
            return rank
    return None


def ranking_scores(ranks: Sequence[int | None], best: Sequence[bool] = ()) -> dict[str, Any]:
    """recall@1, recall@10 and MRR of the ranks of the first right hit (None: not in the
    top 10); with ``best`` (per query: a right hit scores as much as the first hit),
    ``best_score_right``, what recall@1 would be if every tie went the right way.

    >>> ranking_scores([1, 2, None, 1])
    {'queries': 4, 'recall_at_1': 0.5, 'recall_at_10': 0.75, 'mrr': 0.625}
    """
    n = len(ranks)
    if not n:
        return {"queries": 0, "recall_at_1": None, "recall_at_10": None, "mrr": None}
    out = {
        "queries": n,
        "recall_at_1": round(sum(r == 1 for r in ranks) / n, 4),
        "recall_at_10": round(sum(r is not None for r in ranks) / n, 4),
        "mrr": round(sum(1 / r for r in ranks if r is not None) / n, 4),
    }
    if best:
        out["best_score_right"] = round(sum(best) / n, 4)
    return out


def judge(hits: Hits, right: Callable[[str], bool]) -> tuple[int | None, bool]:
    """The rank of the first right hit in the top 10 (None if none), and whether a
    right hit there scores as much as the first hit (a tie for first place).

    >>> judge([("a", 0.9), ("b", 0.9), ("c", 0.5)], lambda n: n == "b")
    (2, True)
    """
    top = hits[:LIMIT]
    rank = rank_of((n for n, _ in top), right)
    best = bool(top) and any(right(n) and s >= top[0][1] for n, s in top)
    return rank, best


def latency_summary(seconds: Sequence[float]) -> dict[str, Any]:
    """p50, p99, mean and max of per-query times, in milliseconds."""
    ms = sorted(1000 * s for s in seconds)
    if not ms:
        return {"queries": 0}

    def pct(p: float) -> float:
        return round(ms[min(len(ms) - 1, max(0, round(p / 100 * len(ms)) - 1))], 3)

    return {
        "queries": len(ms),
        "p50_ms": round(statistics.median(ms), 3),
        "p99_ms": pct(99),
        "mean_ms": round(statistics.fmean(ms), 3),
        "max_ms": round(ms[-1], 3),
    }


def timed(search: Callable[[str], Hits], queries: Sequence[str]) -> tuple[list[float], list[Hits]]:
    """Run ``search`` on each query; the seconds each took and the hits each found."""
    seconds: list[float] = []
    found: list[Hits] = []
    clock = time.perf_counter
    for q in queries:
        start = clock()
        hits = search(q)
        seconds.append(clock() - start)
        found.append(hits)
    return seconds, found


def aliaskit_search(index: Index, limit: int = LIMIT) -> Callable[[str], Hits]:
    """``index.search(q, limit=limit)``, as (name, score) pairs."""

    def search(q: str) -> Hits:
        return [(h.name, h.score) for h in index.search(q, limit=limit)]

    return search


def baseline_search(baseline: RapidFuzzSearch, limit: int = LIMIT) -> Callable[[str], Hits]:
    """The RapidFuzz baseline's ``extract``, as (name, score) pairs."""

    def search(q: str) -> Hits:
        return [(name, score) for name, score, _ in baseline.search(q, limit)]

    return search


# -- queries ---------------------------------------------------------------------


def dev_rows() -> list[GoldRow]:
    """The rows of ``dev_persons.tsv`` (empty when the evaluation data is absent)."""
    from aliaskit.evaluation import load_gold

    path = SHARED / "dev_persons.tsv"
    return load_gold(path) if path.exists() else []


def dev_queries(rows: Sequence[GoldRow]) -> list[GoldRow]:
    """The rows whose person has another (different) name: the dev queries."""
    names: dict[str, set[str]] = {}
    for r in rows:
        names.setdefault(r.entity_id, set()).add(r.name)
    return [r for r in rows if len(names[r.entity_id]) > 1]


def source_label(row: GoldRow) -> str:
    """The source of a dev row up to its first ``:``."""
    return row.source.split(":")[0]


def dev_latency_queries(
    queries: Sequence[GoldRow], count: int = QUERIES, warmup: int = WARMUP, seed: int = QUERY_SEED
) -> tuple[list[str], list[str]]:
    """Warm-up and timed dev queries: a random sample of the quality queries' names."""
    picked = random.Random(seed).sample(
        [r.name for r in queries], min(len(queries), count + warmup)
    )
    return picked[:warmup], picked[warmup:]


@dataclass
class WorkloadQueries:
    """Queries held out of a workload index (see the module docstring)."""

    warmup: list[str]
    queries: list[str]
    cross: list[bool]  # per timed query: no indexed name of the person is in its script
    answers: dict[str, frozenset[str]]  # query -> the person's other (indexed) names
    held: set[str] = field(default_factory=set)  # every query string, left out of the index

    def right(self, query: str) -> Callable[[str], bool]:
        """Whether a hit's name is a name of the query's person."""
        answers = self.answers[query]
        return answers.__contains__


def workload_queries(
    pairs: Sequence[tuple[str, str]],
    count: int = QUERIES,
    warmup: int = WARMUP,
    seed: int = QUERY_SEED,
) -> WorkloadQueries:
    """Draw ``count + warmup`` held-out queries from workload mentions, half cross-script.

    One query per person, of people with two or more distinct names; a query
    string is said by nobody else. It is cross-script when none of the
    person's other names is in its script (:func:`aliaskit.detect_script`).
    Half of the warm-up and half of the timed queries are cross-script (fewer
    if there are not enough).
    """
    from aliaskit import detect_script

    names_of: dict[str, list[str]] = {}
    said_by: dict[str, set[str]] = {}
    for eid, name in pairs:
        said_by.setdefault(name, set()).add(eid)
        names = names_of.setdefault(eid, [])
        if name not in names:
            names.append(name)
    script: dict[str, str] = {}
    pools: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for eid, names in names_of.items():
        if len(names) < 2:
            continue
        for name in names:
            script.setdefault(name, detect_script(name))
        for q in names:
            if len(said_by[q]) > 1:
                continue
            cross = all(script[n] != script[q] for n in names if n != q)
            pools[cross].append((eid, q))
    rng = random.Random(seed)
    used: set[str] = set()
    chosen: dict[bool, list[str]] = {}
    for cross in (True, False):
        pool = pools[cross]
        rng.shuffle(pool)
        want = (count + warmup) // 2 if cross else count + warmup - len(chosen[True])
        chosen[cross] = []
        for eid, q in pool:
            if len(chosen[cross]) == want:
                break
            if eid not in used:
                used.add(eid)
                chosen[cross].append(q)
    warm = chosen[True][: warmup // 2] + chosen[False][: warmup - warmup // 2]
    timed_pairs = [(q, True) for q in chosen[True][warmup // 2 :]]
    timed_pairs += [(q, False) for q in chosen[False][warmup - warmup // 2 :]]
    rng.shuffle(warm)
    rng.shuffle(timed_pairs)
    drawn = {q for qs in chosen.values() for q in qs}
    person = {q: eid for eid, names in names_of.items() for q in names if q in drawn}
    answers = {q: frozenset(n for n in names_of[person[q]] if n != q) for q in person}
    return WorkloadQueries(
        warmup=warm,
        queries=[q for q, _ in timed_pairs],
        cross=[c for _, c in timed_pairs],
        answers=answers,
        held=set(person),
    )


# -- the parts -------------------------------------------------------------------


def _rss_gb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 2**20, 2)


def _git(*args: str) -> str:
    from benchmarks.scale_report import _git as git  # here: it imports aliaskit

    return git(*args)


def stamp(commit: str | None = None) -> dict[str, Any]:
    """Commit, uncommitted changes in ``src/``, compiled core or not, load average, date.

    When aliaskit is imported from somewhere else than this checkout's
    ``src/`` (a wheel built from a clean export of a commit, on
    ``PYTHONPATH``), ``commit`` names what it was built from; the checkout's
    own state says nothing about it.
    """
    from aliaskit import _compiled

    where = Path(sys.modules["aliaskit"].__file__ or "").resolve().parent
    own = where == ROOT / "src" / "aliaskit"
    return {
        "commit": _git("rev-parse", "--short", "HEAD") if own else commit or "unknown",
        "src_modified": bool(_git("status", "--porcelain", "src")) if own else None,
        "aliaskit_from": "checkout" if own else str(where),
        "compiled": _compiled.COMPILED,
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def protocol(args: argparse.Namespace) -> dict[str, Any]:
    """How a part was measured: warm-up queries, fresh load processes, build workers."""
    return {
        "warmup_queries": args.warmup,
        "baseline_warmup_queries": BASELINE_WARMUP,
        "load_repeats": args.load_repeats,
        "build_workers": os.cpu_count(),
    }


def loaded_run(path: str, queries_file: str, warmed: bool = False) -> dict[str, Any]:
    """In a fresh process: import aliaskit, load the index, the first query, then
    warm latency; with ``warmed``, :meth:`Index.warm` (timed) right after the load."""
    start = time.perf_counter()
    from aliaskit import Index

    imported = time.perf_counter() - start
    spec = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    start = time.perf_counter()
    index = Index.load(path)
    loaded = time.perf_counter() - start
    warm_seconds = None
    if warmed:
        start = time.perf_counter()
        index.warm()
        warm_seconds = round(time.perf_counter() - start, 3)
    search = aliaskit_search(index)
    first, _ = timed(search, spec["warmup"][:1])
    timed(search, spec["warmup"][1:])
    seconds, _ = timed(search, spec["queries"])
    return {
        "import_seconds": round(imported, 3),
        "load_seconds": round(loaded, 3),
        "warm_seconds": warm_seconds,
        "first_query_ms": round(1000 * first[0], 3),
        "latency": latency_summary(seconds),
        "peak_rss_gb": _rss_gb(),
    }


def save_and_load(
    index: Index, warmup: list[str], queries: list[str], repeats: int
) -> dict[str, Any]:
    """Save ``index`` (timed), then load it in ``repeats`` fresh processes; the medians."""
    from benchmarks.common import run_in_fresh_process

    with tempfile.TemporaryDirectory(prefix="aliaskit-search-") as tmp:
        path = Path(tmp) / "index.akindex"
        start = time.perf_counter()
        index.save(path)
        saved = time.perf_counter() - start
        spec = Path(tmp) / "queries.json"
        spec.write_text(json.dumps({"warmup": warmup, "queries": queries}), encoding="utf-8")
        runs = [
            run_in_fresh_process("benchmarks.search_report", "--loaded", str(path), str(spec))
            for _ in range(repeats)
        ]
        warmed = run_in_fresh_process(
            "benchmarks.search_report", "--loaded", str(path), str(spec), "--warmed"
        )
        size = path.stat().st_size
    middle = sorted(runs, key=lambda r: r["latency"]["p50_ms"])[len(runs) // 2]
    return {
        "save_seconds": round(saved, 3),
        "file_mb": round(size / 2**20, 1),
        "load_seconds": statistics.median(r["load_seconds"] for r in runs),
        "load_seconds_runs": [r["load_seconds"] for r in runs],
        "import_seconds": statistics.median(r["import_seconds"] for r in runs),
        "first_query_ms": statistics.median(r["first_query_ms"] for r in runs),
        "first_query_ms_runs": [r["first_query_ms"] for r in runs],
        "loaded_latency": middle["latency"],  # of the run with the median p50
        "loaded_peak_rss_gb": max(r["peak_rss_gb"] for r in runs),
        "warm_seconds": warmed["warm_seconds"],
        "warmed_latency": warmed["latency"],
        "warmed_peak_rss_gb": warmed["peak_rss_gb"],
    }


def dev_quality(rows: Sequence[GoldRow], found: Sequence[Hits]) -> dict[str, Any]:
    """recall@1, recall@10, MRR overall and per source, from the hits of each query
    of :func:`dev_queries` (the query's own string dropped, the first 10 kept)."""
    entities: dict[str, set[str]] = {}
    for r in rows:
        entities.setdefault(r.name, set()).add(r.entity_id)
    judged: dict[str, list[tuple[int | None, bool]]] = {}
    for r, hits in zip(dev_queries(rows), found, strict=True):
        entity = r.entity_id

        def right(name: str, entity: str = entity) -> bool:
            return entity in entities.get(name, ())

        verdict = judge([h for h in hits if h[0] != r.name], right)
        judged.setdefault("all", []).append(verdict)
        judged.setdefault(source_label(r), []).append(verdict)

    def scores(verdicts: list[tuple[int | None, bool]]) -> dict[str, Any]:
        return ranking_scores([v[0] for v in verdicts], [v[1] for v in verdicts])

    return {
        "all": scores(judged.pop("all", [])),
        "per_source": {s: scores(v) for s, v in sorted(judged.items())},
    }


def hard_negatives(index: Index, baseline: RapidFuzzSearch | None) -> dict[str, Any]:
    """Hard-negative pairs where searching one name finds the other at the default threshold."""
    from rapidfuzz import fuzz

    from aliaskit import compare
    from aliaskit.compare import DEFAULT_THRESHOLD
    from aliaskit.evaluation import load_pairs
    from benchmarks.baselines import search_key

    path = SHARED / "dev_hard_negatives.tsv"
    pairs = [p.names for p in load_pairs(path)]

    def finds(a: str, b: str) -> bool:
        hits = index.search(a, limit=None, score_cutoff=DEFAULT_THRESHOLD)
        return any(h.name == b for h in hits)

    forward = [finds(a, b) for a, b in pairs]
    backward = [finds(b, a) for a, b in pairs]
    either = [f or g for f, g in zip(forward, backward, strict=True)]
    out: dict[str, Any] = {
        "pairs": len(pairs),
        "threshold": DEFAULT_THRESHOLD,
        "found_a_to_b": sum(forward),
        "found_b_to_a": sum(backward),
        "found_either": sum(either),
        "share": round(sum(either) / len(pairs), 4),
        "compare_is_match": sum(compare(a, b).is_match for a, b in pairs),
        "examples": [list(p) for p, e in zip(pairs, either, strict=True) if e][:10],
    }
    if baseline is not None:
        over = sum(
            fuzz.WRatio(search_key(a), search_key(b)) >= HARD_NEGATIVE_WRATIO for a, b in pairs
        )
        out["baseline"] = {
            "wratio_cutoff": HARD_NEGATIVE_WRATIO,
            "found": over,
            "share": round(over / len(pairs), 4),
        }
    return out


def run_dev(args: argparse.Namespace) -> dict[str, Any]:
    """The dev part: quality of aliaskit and the baseline, hard negatives, latency."""
    from aliaskit import Index
    from benchmarks.baselines import SEARCH_LABEL, RapidFuzzSearch

    rows = dev_rows()
    if not rows:
        raise SystemExit(f"{SHARED / 'dev_persons.tsv'} is absent")
    row: dict[str, Any] = {"part": "dev", **stamp(args.commit), **protocol(args)}
    names = [r.name for r in rows]
    queries = dev_queries(rows)
    own = [r.name for r in queries]
    start = time.perf_counter()
    index = Index(names)
    row["build_seconds"] = round(time.perf_counter() - start, 3)
    row |= {"names": len(index.state.names), "records": len(index), "quality_queries": len(own)}
    warm, timed_queries = dev_latency_queries(queries, args.queries, args.warmup)
    search = aliaskit_search(index)
    first, _ = timed(search, warm[:1])
    row["first_query_after_build_ms"] = round(1000 * first[0], 3)
    timed(search, warm[1:])
    seconds, _ = timed(search, timed_queries)
    row["latency"] = latency_summary(seconds)
    row["peak_rss_gb"] = _rss_gb()
    row |= save_and_load(index, warm, timed_queries, args.load_repeats)
    start = time.perf_counter()
    seconds, found = timed(aliaskit_search(index, LIMIT + 1), own)
    row["quality_seconds"] = round(time.perf_counter() - start, 1)
    row["quality_latency"] = latency_summary(seconds)
    quality = {"aliaskit": dev_quality(rows, found)}
    print(f"dev aliaskit quality: {quality['aliaskit']['all']}", file=sys.stderr, flush=True)

    start = time.perf_counter()
    baseline = RapidFuzzSearch(names)
    base: dict[str, Any] = {
        "label": SEARCH_LABEL,
        "build_seconds": round(time.perf_counter() - start, 3),
    }
    timed(baseline_search(baseline), warm[:BASELINE_WARMUP])
    seconds, extracted = timed(baseline_search(baseline), timed_queries)
    base["latency"] = latency_summary(seconds)
    start = time.perf_counter()
    every = baseline.search_all(own, LIMIT + 1)
    base["cdist_seconds"] = round(time.perf_counter() - start, 1)
    place = {q: i for i, q in enumerate(own)}
    agree = sum(
        [(n, score) for n, score, _ in every[place[q]][:LIMIT]] == got
        for q, got in zip(timed_queries, extracted, strict=True)
    )
    base["cdist_agrees_with_extract"] = f"{agree}/{len(timed_queries)}"
    quality["rapidfuzz"] = dev_quality(rows, [[(n, sc) for n, sc, _ in hits] for hits in every])
    row["quality"] = quality
    row["baseline"] = base
    row["hard_negatives"] = hard_negatives(index, baseline)
    row["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    return row


def run_workload(shape: str, mentions: int, args: argparse.Namespace) -> dict[str, Any]:
    """A workload part: build, save, load and latency of the index, recall of held-out queries."""
    import warnings

    from aliaskit import Index
    from benchmarks.baselines import SEARCH_LABEL, RapidFuzzSearch
    from benchmarks.workload import generate

    row: dict[str, Any] = {
        "part": "workload",
        "shape": shape,
        "mentions": mentions,
        **stamp(args.commit),
        **protocol(args),
    }
    pairs = generate(mentions, SEED, shape)
    drawn = workload_queries(pairs, args.queries, args.warmup)
    items = [name for _, name in pairs if name not in drawn.held]
    del pairs
    row |= {
        "indexed_mentions": len(items),
        "held_out_mentions": mentions - len(items),
        "queries": len(drawn.queries),
        "cross_script_queries": sum(drawn.cross),
    }
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        index = Index(items)
    row["build_seconds"] = round(time.perf_counter() - start, 2)
    row["names"] = len(index.state.names)
    print(f"{shape} {mentions:,}: built in {row['build_seconds']} s", file=sys.stderr, flush=True)
    search = aliaskit_search(index)
    first, _ = timed(search, drawn.warmup[:1])
    row["first_query_after_build_ms"] = round(1000 * first[0], 3)
    timed(search, drawn.warmup[1:])
    seconds, found = timed(search, drawn.queries)
    row["latency"] = latency_summary(seconds)
    row |= _workload_quality(drawn, found)
    row["peak_rss_gb"] = _rss_gb()
    row |= save_and_load(index, drawn.warmup, drawn.queries, args.load_repeats)
    distinct = list(dict.fromkeys(items))
    del index, items
    if len(distinct) <= args.baseline_max_names:
        start = time.perf_counter()
        baseline = RapidFuzzSearch(distinct)
        base: dict[str, Any] = {
            "label": SEARCH_LABEL,
            "build_seconds": round(time.perf_counter() - start, 3),
        }
        timed(baseline_search(baseline), drawn.warmup[:BASELINE_WARMUP])
        some = drawn.queries[: args.baseline_queries or None]
        seconds, found = timed(baseline_search(baseline), some)
        base["latency"] = latency_summary(seconds)
        base |= _workload_quality(drawn, found, some)
        row["baseline"] = base
    row["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    return row


def _workload_quality(
    drawn: WorkloadQueries, found: Sequence[Hits], queries: Sequence[str] | None = None
) -> dict[str, Any]:
    queries = drawn.queries if queries is None else queries
    verdicts = [judge(hits, drawn.right(q)) for q, hits in zip(queries, found, strict=True)]
    out: dict[str, Any] = {}
    for key, wanted in (
        ("quality", (True, False)),
        ("quality_cross_script", (True,)),
        ("quality_same_script", (False,)),
    ):
        kept = [v for v, c in zip(verdicts, drawn.cross, strict=False) if c in wanted]
        out[key] = ranking_scores([v[0] for v in kept], [v[1] for v in kept])
    return out


# -- output ----------------------------------------------------------------------


def merge(old: dict[str, Any], new: list[dict[str, Any]]) -> dict[str, Any]:
    """``old`` with the parts of ``new`` added or replacing those of the same shape and size.

    >>> a = {"part": "workload", "shape": "family", "mentions": 10, "build_seconds": 1}
    >>> b = {**a, "build_seconds": 2}
    >>> merge({"workload": [a]}, [b])["workload"][0]["build_seconds"]
    2
    """
    out = dict(old)
    rows = {(r["shape"], int(r["mentions"])): r for r in old.get("workload", [])}
    for part in new:
        if part["part"] == "dev":
            out["dev"] = part
        else:
            rows[part["shape"], int(part["mentions"])] = part
    if rows:
        out["workload"] = [rows[k] for k in sorted(rows, key=lambda k: (SHAPES.index(k[0]), k[1]))]
    return out


def _fmt_latency(lat: dict[str, Any]) -> str:
    return f"p50 {lat['p50_ms']:.2f} ms  p99 {lat['p99_ms']:.2f} ms  mean {lat['mean_ms']:.2f} ms"


def _fmt_quality(q: dict[str, Any]) -> str:
    return (
        f"R@1 {q['recall_at_1']:.4f}  R@10 {q['recall_at_10']:.4f}  MRR {q['mrr']:.4f}"
        f"  best-scored right {q.get('best_score_right', float('nan')):.4f}"
        f"  ({q['queries']:,} queries)"
    )


def describe(part: dict[str, Any]) -> list[str]:
    """Human-readable lines for one part."""
    head = "dev" if part["part"] == "dev" else f"{part['shape']} {part['mentions']:,} mentions"
    origin = part.get("aliaskit_from", "checkout")
    lines = [
        f"== {head}: {part['names']:,} names indexed, commit {part['commit']}"
        f"{' (src modified)' if part['src_modified'] else ''}"
        f"{'' if origin == 'checkout' else f' (aliaskit from {origin})'}"
        f"{'' if part['compiled'] else ' (PURE PYTHON)'}, load average {part['loadavg_1m']}",
        f"build {part['build_seconds']} s, save {part['save_seconds']} s ({part['file_mb']} MB),"
        f" load {part['load_seconds']} s (fresh process, import {part['import_seconds']} s),"
        f" first query after load {part['first_query_ms']:.1f} ms,"
        f" peak {part['peak_rss_gb']} GB",
        f"aliaskit built:   {_fmt_latency(part['latency'])}"
        f"  (first query after build {part['first_query_after_build_ms']:.1f} ms)",
        f"aliaskit loaded:  {_fmt_latency(part['loaded_latency'])}",
    ]
    if part.get("warmed_latency"):
        lines.append(
            f"aliaskit warmed:  {_fmt_latency(part['warmed_latency'])}"
            f"  (loaded, then warm() in {part['warm_seconds']} s)"
        )
    base = part.get("baseline")
    if base:
        lines.append(f"rapidfuzz:        {_fmt_latency(base['latency'])}")
    if part["part"] == "dev":
        for who, quality in part["quality"].items():
            lines.append(f"{who:<9} all                  {_fmt_quality(quality['all'])}")
            for source, q in quality["per_source"].items():
                lines.append(f"{who:<9} {source:<20} {_fmt_quality(q)}")
        hard = part["hard_negatives"]
        lines.append(
            f"hard negatives found at >= {hard['threshold']}: "
            f"{hard['found_either']}/{hard['pairs']}"
            f" ({100 * hard['share']:.2f}%); compare is_match {hard['compare_is_match']}"
        )
        if "baseline" in hard:
            hb = hard["baseline"]
            lines.append(
                f"hard negatives, rapidfuzz WRatio >= {hb['wratio_cutoff']:g}: {hb['found']}"
                f" ({100 * hb['share']:.2f}%)"
            )
        lines.append(
            f"cdist agrees with extract: {base['cdist_agrees_with_extract'] if base else '-'}"
        )
    else:
        for who, src in (("aliaskit", part), ("rapidfuzz", base or {})):
            for key in ("quality", "quality_cross_script", "quality_same_script"):
                if key in src:
                    lines.append(f"{who:<9} {key:<22} {_fmt_quality(src[key])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the parts, each in a fresh process; print them; merge them into the JSON file."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mentions", type=int, nargs="+", default=[100_000])
    parser.add_argument("--shape", "--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--skip-dev", action="store_true", help="leave the dev part out")
    parser.add_argument("--dev-only", action="store_true", help="leave the workload parts out")
    parser.add_argument("--queries", type=int, default=QUERIES, help="timed queries")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="warm-up queries")
    parser.add_argument(
        "--baseline-queries", type=int, default=0, help="timed baseline queries (0: all)"
    )
    parser.add_argument(
        "--baseline-max-names",
        type=int,
        default=BASELINE_MAX_NAMES,
        help="no baseline on a larger workload index",
    )
    parser.add_argument("--load-repeats", type=int, default=LOAD_REPEATS)
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON file to merge into")
    parser.add_argument(
        "--commit",
        help="the commit aliaskit was built from, when it is not imported from this checkout",
    )
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--loaded", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--warmed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.warmup < 1 or args.queries < 1:
        parser.error("--warmup and --queries must be at least 1")
    if args.loaded:
        path, queries_file = args.loaded
        print(json.dumps(loaded_run(path, queries_file, warmed=args.warmed)))
        return 0
    if args.one:
        part = (
            run_dev(args)
            if args.one[0] == "dev"
            else run_workload(args.one[1], int(args.one[2]), args)
        )
        print(json.dumps(part, ensure_ascii=False))
        return 0
    return _run_parts(args)


def _run_parts(args: argparse.Namespace) -> int:
    """Run every part asked for in a fresh process, print it, merge it into the JSON file."""
    from benchmarks.common import run_in_fresh_process

    passed = [
        f"--queries={args.queries}",
        f"--warmup={args.warmup}",
        f"--baseline-queries={args.baseline_queries}",
        f"--baseline-max-names={args.baseline_max_names}",
        f"--load-repeats={args.load_repeats}",
        *([f"--commit={args.commit}"] if args.commit else []),
    ]
    jobs: list[list[str]] = []
    if not args.skip_dev:
        if (SHARED / "dev_persons.tsv").exists():
            jobs.append(["dev"])
        else:
            print(f"dev part skipped: {SHARED} is absent", file=sys.stderr)
    if not args.dev_only:
        jobs += [["workload", s, str(m)] for s in args.shape for m in args.mentions]
    parts: list[dict[str, Any]] = []
    failed = 0
    for job in jobs:
        start = time.perf_counter()
        try:
            part = run_in_fresh_process("benchmarks.search_report", *passed, "--one", *job)
        except subprocess.CalledProcessError as exc:
            failed += 1
            tail = "\n".join(str(exc.stderr).splitlines()[-8:])
            print(f"{' '.join(job)}: failed\n{tail}", file=sys.stderr)
            continue
        part["run_seconds"] = round(time.perf_counter() - start, 1)
        parts.append(part)
        print("\n".join(describe(part)), f"(run {part['run_seconds']} s)", sep="\n", flush=True)
    old: dict[str, Any] = {}
    if args.output.exists():
        old = json.loads(args.output.read_text(encoding="utf-8"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    merged = merge(old, parts)
    args.output.write_text(
        json.dumps(merged, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
