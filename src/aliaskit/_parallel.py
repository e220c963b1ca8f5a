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

from aliaskit._edges import MUST_SCORE
from aliaskit.compare import prepare, score_indexed, score_pair
from aliaskit.parse import ParsedName

__all__ = [
    "CHUNKS_PER_WORKER",
    "MAX_CHUNK",
    "MIN_CHUNK",
    "PARALLEL_MIN_PAIRS",
    "locality_order",
    "score_ids",
    "score_one",
    "scored_pairs",
    "surname_ids",
]

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


def score_ids(
    parsed: Mapping[str, ParsedName],
    names: Sequence[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Scores and conflict flags of the pairs ``(names[left[k]], names[right[k]])``, in
    this process (see :mod:`aliaskit._score_stream` for scoring them in workers);
    one normalised form scores MUST_SCORE, as in :func:`score_one`."""
    scores, conflicts = score_indexed(
        lambda i: parsed[names[i]], left.tolist(), right.tolist(), MUST_SCORE
    )
    return (
        np.frombuffer(scores, dtype=np.float64),
        np.frombuffer(conflicts, dtype=np.bool_),
    )


def surname_ids(parsed: Mapping[str, ParsedName], names: Sequence[str]) -> npt.NDArray[np.int64]:
    """A number for each name's surname (its words as written): equal surnames, equal numbers."""
    surnames: dict[tuple[str, ...], int] = {}
    return np.fromiter(
        (
            surnames.setdefault(tuple(p.text for p in parsed[n].surname), len(surnames))
            for n in names
        ),
        dtype=np.int64,
        count=len(names),
    )


def locality_order(
    surname: npt.NDArray[np.int64], left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.intp]:
    """An order of the pairs ``(left[k], right[k])`` of name ids that keeps the
    pairs of the same two surnames together (in the order given); ``surname``
    numbers each name's surname (:func:`surname_ids`).

    Scores do not depend on the order, but their speed does: the verdicts on
    two words are memoised in bounded caches, and pairs in id order (names
    sorted by given name first) meet each pair of surnames again only after
    the cache has forgotten it. At a million family-shaped mentions that made
    70% of the surname verdicts misses.
    """
    a, b = surname[left], surname[right]
    span = int(surname.max()) + 1 if len(surname) else 1
    together = np.minimum(a, b) * span + np.maximum(a, b)
    # Stable: pairs of one surname pair stay in the order given, by ids when
    # the pairs come sorted by code (as from aliaskit._candidates).
    return np.argsort(together, kind="stable")
