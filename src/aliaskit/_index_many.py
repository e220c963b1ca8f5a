"""Many searches of one index state, in forked worker processes when there are many.

Each call makes its own pool; the state and the queries reach the workers
through the pool's initializer arguments, which a forked child inherits in
memory (nothing is pickled on the way in). Nothing is kept in this module's
globals in the calling process, so two threads that search at once never
see each other's work. A worker sends back, per query, the ranked
``(score, key, record, name)`` tuples; the caller makes the hits.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aliaskit._index_search import Scored, rank
from aliaskit.record import Record

if TYPE_CHECKING:
    from aliaskit.index import IndexState

__all__ = ["PARALLEL_MIN_QUERIES", "search_many"]

#: Queries are searched in worker processes from this many on.
PARALLEL_MIN_QUERIES = 200
#: Queries per task sent to a worker.
CHUNK = 50

Work = tuple["IndexState", Sequence["str | Record"], float, "int | None", "float | None"]
#: The work of the pool this process serves: set only in a forked worker.
_inherited: list[Work] = []


def _adopt(*work: object) -> None:
    _inherited.append(work)  # type: ignore[arg-type]  # the pool's initargs, as given


def _ranked(
    state: IndexState,
    queries: Sequence[str | Record],
    threshold: float,
    limit: int | None,
    cutoff: float | None,
) -> list[list[Scored]]:
    from aliaskit.index import _scored

    return [rank(_scored(state, q, threshold), limit, cutoff) for q in queries]


def _chunk(bounds: tuple[int, int]) -> list[list[Scored]]:
    state, queries, threshold, limit, cutoff = _inherited[-1]
    start, end = bounds
    return _ranked(state, queries[start:end], threshold, limit, cutoff)


def search_many(
    state: IndexState,
    queries: Sequence[str | Record],
    threshold: float,
    limit: int | None,
    cutoff: float | None,
    workers: int,
) -> list[list[Scored]]:
    """The ranked scored records of each query (see :meth:`aliaskit.Index.search`)."""
    if workers < 2 or len(queries) < PARALLEL_MIN_QUERIES:
        return _ranked(state, queries, threshold, limit, cutoff)
    bounds = [(s, min(s + CHUNK, len(queries))) for s in range(0, len(queries), CHUNK)]
    context = multiprocessing.get_context("fork")
    work = (state, queries, threshold, limit, cutoff)
    with context.Pool(workers, initializer=_adopt, initargs=work) as pool:
        parts = pool.map(_chunk, bounds, chunksize=1)
    return [hits for part in parts for hits in part]
