"""Scoring candidate pairs while they are still being found.

:func:`aliaskit.cluster` finds candidate pairs block by block in rounds
(:meth:`~aliaskit._block_index.BlockIndex.candidates` with ``on_round``).
:class:`ScoreStream` takes each round as it comes, drops the pairs an
earlier round already had, and sends the rest to forked scoring workers at
once: the workers score while the calling process goes on finding pairs, so
that the second core does not wait for the first.

As in :mod:`aliaskit._parallel`, the names reach the workers through the
pool's initializer arguments, inherited by the forked children, and nothing
is kept in this module's globals in the calling process. Scores are pure
functions of the two names, so the result is the same with any number of
workers, and the same as :func:`~aliaskit._parallel.scored_ids` gives.
Fewer than :data:`~aliaskit._parallel.PARALLEL_MIN_PAIRS` pairs in all are
scored in the calling process.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
from collections.abc import Mapping, Sequence
from types import TracebackType

import numpy as np
import numpy.typing as npt

from aliaskit._arrays import absent
from aliaskit._edges import MUST_SCORE
from aliaskit._parallel import (
    CHUNKS_PER_WORKER,
    MAX_CHUNK,
    MIN_CHUNK,
    PARALLEL_MIN_PAIRS,
    locality_order,
    score_ids,
    surname_ids,
)
from aliaskit.compare import IndexedScorer
from aliaskit.parse import ParsedName

__all__ = ["ScoreStream", "Unseen"]

Codes = npt.NDArray[np.int64]
Scored = tuple[Codes, npt.NDArray[np.float64], npt.NDArray[np.bool_]]
#: The scorer of the pool this process serves (set only in a forked worker): it
#: keeps the names' features and the verdicts it memoised from chunk to chunk.
_inherited: list[IndexedScorer] = []


def _adopt(parsed: Mapping[str, ParsedName], names: Sequence[str]) -> None:
    by_id = [parsed[name] for name in names]  # looked up by a C method, not a closure
    _inherited.append(IndexedScorer(by_id.__getitem__, MUST_SCORE))


def _score_chunk(left: Codes, right: Codes) -> tuple[bytes, bytes]:
    scores, conflicts = _inherited[-1].score(left.tolist(), right.tolist())
    return scores.tobytes(), bytes(conflicts)


class Unseen:
    """The codes not met before, round after round.

    The codes met are kept as a few sorted arrays of growing size (two of
    similar size are merged), so each round is checked in one forward pass
    (:func:`~aliaskit._arrays.absent`) against each of a handful of arrays.

    >>> seen = Unseen()
    >>> seen.fresh(np.array([1, 4, 7])).tolist(), seen.fresh(np.array([2, 4, 9])).tolist()
    ([1, 4, 7], [2, 9])
    """

    def __init__(self) -> None:
        self._levels: list[Codes] = []

    def fresh(self, codes: Codes) -> Codes:
        """The codes of ``codes`` (sorted, distinct) not met before; they are met now."""
        for level in self._levels:
            if not len(codes):
                break
            codes = codes[absent(codes, level)]
        if len(codes):
            self._levels.append(codes)
            while len(self._levels) > 1 and len(self._levels[-2]) <= 2 * len(self._levels[-1]):
                top = self._levels.pop()
                # Two sorted runs: a stable sort (timsort) merges them in linear time.
                merged = np.concatenate((self._levels[-1], top))
                self._levels[-1] = np.sort(merged, kind="stable")
        return codes


class ScoreStream:
    """Scores rounds of pair codes (``i * n + j`` for names ``names[i] < names[j]``)
    as they arrive; :meth:`finish` gives every distinct pair scored.

    Use it as a context manager, so that its worker pool is always closed.
    """

    def __init__(
        self, parsed: Mapping[str, ParsedName], names: Sequence[str], workers: int
    ) -> None:
        self.parsed = parsed
        self.names = names
        self.n = max(len(names), 1)
        parallel = workers >= 2 and "fork" in multiprocessing.get_all_start_methods()
        self.workers = workers if parallel else 1
        self._unseen = Unseen()
        self._held: list[Codes] = []  # codes not sent yet (too few to start a pool)
        self._held_count = 0
        self._pool: multiprocessing.pool.Pool | None = None
        self._surname: Codes | None = None  # surname_ids of the names, once sending starts
        self._sent: list[tuple[Codes, multiprocessing.pool.AsyncResult[tuple[bytes, bytes]]]] = []

    def __enter__(self) -> ScoreStream:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._close(kind is not None)

    def submit(self, codes: Codes) -> None:
        """Take a round of codes (sorted, distinct within the round)."""
        fresh = self._unseen.fresh(codes)
        if not len(fresh):
            return
        if self._pool is None:
            self._held.append(fresh)
            self._held_count += len(fresh)
            if self.workers < 2 or self._held_count < PARALLEL_MIN_PAIRS:
                return
            self._start()
            fresh = np.concatenate(self._held)
            self._held, self._held_count = [], 0
        self._send(fresh)

    def _start(self) -> None:
        # Objects alive at the fork move to the permanent generation, so that the
        # workers' collections neither walk nor copy the pages they share with
        # this process (Python's gc.freeze advice); undone in _close.
        gc.freeze()
        context = multiprocessing.get_context("fork")
        self._pool = context.Pool(
            self.workers, initializer=_adopt, initargs=(self.parsed, self.names)
        )

    def _send(self, codes: Codes) -> None:
        assert self._pool is not None
        left, right = codes // self.n, codes % self.n
        # Pairs of the same two surnames together: their memoised verdicts are reused.
        if self._surname is None:
            self._surname = surname_ids(self.parsed, self.names)
        order = locality_order(self._surname, left, right)
        codes, left, right = codes[order], left[order], right[order]
        size = max(MIN_CHUNK, min(MAX_CHUNK, len(codes) // (self.workers * CHUNKS_PER_WORKER)))
        for lo in range(0, len(codes), size):
            hi = min(lo + size, len(codes))
            task = self._pool.apply_async(_score_chunk, (left[lo:hi], right[lo:hi]))
            self._sent.append((codes[lo:hi], task))

    def finish(self) -> Scored:
        """Every pair taken, once each, with its score and conflict flag (in no
        particular order: what follows depends on the pairs, not their order)."""
        self._unseen = Unseen()  # the codes met are no longer needed
        held = np.concatenate(self._held) if self._held else np.empty(0, np.int64)
        self._held, self._held_count = [], 0
        sent, self._sent = self._sent, []
        total = len(held) + sum(len(codes) for codes, _ in sent)
        # Filled in place, part by part, each part dropped once copied: at a
        # million names a second copy of every pair would not fit.
        codes_out = np.empty(total, dtype=np.int64)
        scores_out = np.empty(total, dtype=np.float64)
        conflicts_out = np.empty(total, dtype=np.bool_)
        at = len(held)
        if at:
            scores, conflicts = score_ids(self.parsed, self.names, held // self.n, held % self.n)
            codes_out[:at], scores_out[:at], conflicts_out[:at] = held, scores, conflicts
        del held
        sent.reverse()  # popped from the end: in the order sent
        while sent:
            codes, task = sent.pop()
            scores_bytes, conflicts_bytes = task.get()
            end = at + len(codes)
            codes_out[at:end] = codes
            scores_out[at:end] = np.frombuffer(scores_bytes, dtype=np.float64)
            conflicts_out[at:end] = np.frombuffer(conflicts_bytes, dtype=np.bool_)
            at = end
            del codes, task, scores_bytes, conflicts_bytes
        self._close(False)
        return codes_out, scores_out, conflicts_out

    def _close(self, failed: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        try:
            if failed:
                pool.terminate()
            else:
                pool.close()
            pool.join()
        finally:
            gc.unfreeze()
