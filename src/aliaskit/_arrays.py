"""Sorted distinct values of an integer array, by sorting.

``np.unique`` on int64 arrays takes a hash-based path in numpy 2.3 and later
that measured about 100 times slower than sorting here (4.5 s against 0.05 s
for four million pair codes), so aliaskit's array paths use this instead.
They give what ``np.unique`` gives: the distinct values in ascending order.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["distinct"]

Ints = npt.NDArray[np.int64]


def distinct(values: Ints) -> Ints:
    """The distinct values of ``values``, ascending (``np.unique(values)``).

    >>> distinct(np.array([3, 1, 3, 2], dtype=np.int64)).tolist()
    [1, 2, 3]
    """
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
