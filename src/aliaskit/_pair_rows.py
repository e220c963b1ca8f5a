"""Scored pairs by name id, as one sorted row of neighbours per name.

:func:`aliaskit.cluster` numbers its names by sorted order and keeps the
pairs a clustering stage can consult (:func:`~aliaskit._resolver_graph.consulted_pairs`)
in :class:`PairRows`: for each name, its partners in ascending order with the
pair's score and conflict flag. A pair is found by binary search in the row
of either name. Kept as flat arrays, the pairs of a million names take a few
hundred megabytes, where dictionaries and sets of strings took gigabytes.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["PairRows", "find_pair"]


class PairRows:
    """The scored pairs of ``n`` names, row by row.

    Row ``x`` is ``other[start[x]:start[x + 1]]`` (partner ids, ascending),
    with ``score`` and ``conflict`` (1 for a cannot-link) at the same positions.
    Every pair appears in both rows.

    >>> rows = PairRows.build(3, np.array([0, 1]), np.array([2, 2]),
    ...                       np.array([0.9, 0.0]), np.array([False, True]))
    >>> rows.other.tolist(), rows.conflict.tolist()
    ([2, 2, 0, 1], [0, 1, 0, 1])
    >>> find_pair(rows.start, rows.other, 2, 1), find_pair(rows.start, rows.other, 0, 1)
    (3, -1)
    """

    __slots__ = ("conflict", "other", "score", "start")

    def __init__(
        self,
        start: npt.NDArray[np.int64],
        other: npt.NDArray[np.int64],
        score: npt.NDArray[np.float64],
        conflict: npt.NDArray[np.uint8],
    ) -> None:
        self.start = start
        self.other = other
        self.score = score
        self.conflict = conflict

    @classmethod
    def build(
        cls,
        n: int,
        left: npt.NDArray[np.int64],
        right: npt.NDArray[np.int64],
        scores: npt.NDArray[np.float64],
        conflicts: npt.NDArray[np.bool_],
    ) -> PairRows:
        """The rows of the pairs ``(left[k], right[k])``, each pair listed once."""
        # Each temporary is dropped as soon as it has served: at a million
        # names these arrays are hundreds of megabytes each.
        src = np.concatenate((left, right)).astype(np.int64, copy=False)
        counts = np.bincount(src, minlength=n)
        start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(counts, out=start[1:])
        del counts
        dst = np.concatenate((right, left)).astype(np.int64, copy=False)
        key = src * max(n, 1)
        del src
        key += dst
        order = np.argsort(key)
        del key
        other = np.ascontiguousarray(dst[order])
        del dst
        both = np.concatenate((scores, scores)).astype(np.float64, copy=False)
        score = np.ascontiguousarray(both[order])
        del both
        flags = np.concatenate((conflicts, conflicts))
        conflict = np.ascontiguousarray(flags[order], dtype=np.uint8)
        return cls(start, other, score, conflict)


def find_pair(start: npt.NDArray[np.int64], other: npt.NDArray[np.int64], x: int, y: int) -> int:
    """The position of the pair ``(x, y)`` in row ``x``, or -1 if it is not kept."""
    lo = start[x]
    hi = start[x + 1]
    while lo < hi:
        mid = (lo + hi) // 2
        found = other[mid]
        if found < y:
            lo = mid + 1
        elif found > y:
            hi = mid
        else:
            return int(mid)
    return -1
