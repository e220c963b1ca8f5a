"""Scoring candidate pairs, in forked worker processes when there are many.

Scores are pure functions of the two names, so the result is the same
whatever the number of workers. Each call makes its own pool; the names and
pairs reach its workers through the pool's initializer arguments, which a
forked child inherits in memory (nothing is pickled on the way in). Nothing
is kept in this module's globals in the calling process, so two threads
that score at once (two Resolvers, or two :func:`aliaskit.cluster` calls)
never see each other's work. Each worker sends back its scores as one array
of doubles and one byte per pair for the conflict flag.
"""

from __future__ import annotations

import gc
import multiprocessing
from array import array
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from aliaskit._arrays import distinct
from aliaskit._edges import MUST_SCORE
from aliaskit.compare import MEMO_LARGE, prepare, score_pair
from aliaskit.parse import ParsedName

__all__ = ["PARALLEL_MIN_PAIRS", "locality_order", "score_one", "scored_ids", "scored_pairs"]

#: Candidate pairs are scored in worker processes from this many on.
PARALLEL_MIN_PAIRS = 20_000
#: A worker's share of pairs is cut into chunks of this size range.
MIN_CHUNK = 1_000
MAX_CHUNK = 50_000
#: Each worker gets about this many chunks, so that the work stays balanced.
CHUNKS_PER_WORKER = 8

Work = tuple[Mapping[str, ParsedName], Sequence[tuple[str, str]]]
#: The work of the pool this process serves: set only in a forked worker, by
#: its pool's initializer, and never in the process that scores.
_inherited: list[Work] = []


def score_one(parsed: Mapping[str, ParsedName], a: str, b: str) -> tuple[float, bool]:
    """The score and conflict flag of one pair; one normalised form scores MUST_SCORE."""
    if parsed[a].normalized == parsed[b].normalized:
        return MUST_SCORE, False
    return score_pair(parsed[a], parsed[b])


def _adopt(parsed: Mapping[str, ParsedName], pairs: Sequence[tuple[str, str]]) -> None:
    """Pool initializer: keep the inherited names and pairs in this worker."""
    _inherited.append((parsed, pairs))


def _score_range(bounds: tuple[int, int]) -> tuple[array[float], bytes]:
    """Score a range of the inherited pairs in a worker."""
    parsed, pairs = _inherited[-1]
    scores = array("d")
    conflicts = bytearray()
    for a, b in pairs[bounds[0] : bounds[1]]:
        score, conflict = score_one(parsed, a, b)
        scores.append(score)
        conflicts.append(conflict)
    return scores, bytes(conflicts)


def scored_pairs(
    parsed: Mapping[str, ParsedName], pairs: Sequence[tuple[str, str]], workers: int
) -> Iterator[tuple[float, bool]]:
    """``(score, conflict)`` of each pair, in order; with many pairs, from forked workers."""
    methods = multiprocessing.get_all_start_methods()
    if workers < 2 or len(pairs) < PARALLEL_MIN_PAIRS or "fork" not in methods:
        for a, b in pairs:
            yield score_one(parsed, a, b)
        return
    for name in sorted({x for pair in pairs for x in pair}):
        prepare(parsed[name])  # per-name work once, inherited by the workers
    size = max(MIN_CHUNK, min(MAX_CHUNK, len(pairs) // (workers * CHUNKS_PER_WORKER)))
    bounds = [(i, min(i + size, len(pairs))) for i in range(0, len(pairs), size)]
    # Objects alive at the fork move to the permanent generation, so that the
    # workers' collections do not write to (and so copy) the pages they share
    # with the parent, and do not walk them (Python's gc.freeze advice).
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_adopt, initargs=(parsed, pairs)) as pool:
            for scores, conflicts in pool.imap(_score_range, bounds):
                yield from zip(scores, map(bool, conflicts), strict=True)
    finally:
        gc.unfreeze()


IdWork = tuple[
    Mapping[str, ParsedName], Sequence[str], "npt.NDArray[np.int64]", "npt.NDArray[np.int64]"
]
#: The work of the id-pair pool this process serves (set only in a forked worker).
_inherited_ids: list[IdWork] = []


def _adopt_ids(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> None:
    """Pool initializer: keep the inherited names and id pairs in this worker."""
    _inherited_ids.append((parsed, names, left, right))


def _score_id_range(bounds: tuple[int, int]) -> tuple[bytes, bytes]:
    parsed, names, left, right = _inherited_ids[-1]
    scores, conflicts = _score_ids(
        parsed, names, left[bounds[0] : bounds[1]], right[bounds[0] : bounds[1]]
    )
    return scores.tobytes(), conflicts.tobytes()


def _score_ids(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    scores = np.empty(len(left), dtype=np.float64)
    conflicts = np.zeros(len(left), dtype=np.bool_)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        score, conflict = score_one(parsed, names[i], names[j])
        scores[k] = score
        if conflict:
            conflicts[k] = True
    return scores, conflicts


def scored_ids(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    workers: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Scores and conflict flags of the pairs ``(names[left[k]], names[right[k]])``.

    As :func:`scored_pairs`, for pairs given as two arrays of name ids: the
    pairs are never built as strings in this process, and the results come
    back as two arrays in pair order.
    """
    if len(left) < PARALLEL_MIN_PAIRS:
        return _score_ids(parsed, names, left, right)
    # Scored in an order that keeps the pairs of two surnames together, so that
    # the memoised verdicts on their words are reused while they are cached.
    order = locality_order(parsed, names, left, right)
    in_order = _scored_id_pairs(parsed, names, left[order], right[order], workers)
    scores = np.empty(len(left), dtype=np.float64)
    conflicts = np.empty(len(left), dtype=np.bool_)
    scores[order], conflicts[order] = in_order
    return scores, conflicts


def locality_order(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> npt.NDArray[np.intp]:
    """An order of the pairs ``(names[left[k]], names[right[k]])`` that keeps the
    pairs of the same two surnames together (then by ids).

    Scores do not depend on the order, but their speed does: the verdicts on
    two words are memoised in bounded caches, and pairs in id order (names
    sorted by given name first) meet each pair of surnames again only after
    the cache has forgotten it. At a million family-shaped mentions that made
    70% of the surname verdicts misses.
    """
    surnames: dict[tuple[str, ...], int] = {}
    key = np.fromiter(
        (
            surnames.setdefault(tuple(p.text for p in parsed[n].surname), len(surnames))
            for n in names
        ),
        dtype=np.int64,
        count=len(names),
    )
    a, b = key[left], key[right]
    return np.lexsort((right, left, np.maximum(a, b), np.minimum(a, b)))


def _scored_id_pairs(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    workers: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """:func:`scored_ids` in the order given: in forked workers when there are many."""
    methods = multiprocessing.get_all_start_methods()
    if workers < 2 or "fork" not in methods:
        return _score_ids(parsed, names, left, right)
    named = distinct(np.concatenate((left, right)))
    if len(named) <= MEMO_LARGE:
        # Per-name work once, inherited by the workers. With more names than
        # the per-name memo holds, the first ones would be forgotten before
        # the fork: the workers then do it as they meet each name (at 300,000
        # names, 30.4 s of scoring that way against 33.0 s).
        for i in named.tolist():
            prepare(parsed[names[i]])
    size = max(MIN_CHUNK, min(MAX_CHUNK, len(left) // (workers * CHUNKS_PER_WORKER)))
    bounds = [(i, min(i + size, len(left))) for i in range(0, len(left), size)]
    scores = np.empty(len(left), dtype=np.float64)
    conflicts = np.empty(len(left), dtype=np.bool_)
    gc.freeze()  # as in scored_pairs
    try:
        context = multiprocessing.get_context("fork")
        args = (parsed, names, left, right)
        with context.Pool(workers, initializer=_adopt_ids, initargs=args) as pool:
            for (lo, hi), (part_scores, part_conflicts) in zip(
                bounds, pool.imap(_score_id_range, bounds), strict=True
            ):
                scores[lo:hi] = np.frombuffer(part_scores, dtype=np.float64)
                conflicts[lo:hi] = np.frombuffer(part_conflicts, dtype=np.bool_)
    finally:
        gc.unfreeze()
    return scores, conflicts
