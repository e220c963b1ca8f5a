"""Sorted distinct values of an integer array, by sorting.

``np.unique`` on int64 arrays takes a hash-based path in numpy 2.3 and later
that measured about 100 times slower than sorting here (4.5 s against 0.05 s
for four million pair codes), so aliaskit's array paths use this instead.
They give what ``np.unique`` gives: the distinct values in ascending order.

:func:`absent` tests sorted values against a sorted array in one forward
pass (compiled with the C types of ``_arrays.pxd``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["absent", "distinct"]

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


def absent(values: Ints, among: Ints) -> npt.NDArray[np.bool_]:
    """Which of ``values`` are not in ``among`` (both sorted ascending).

    One forward pass over both: each value is searched for from where the
    last one was found, by doubling steps then halving (galloping), so a
    short list against a long one reads only the parts of it it needs,
    in order.

    >>> absent(np.array([1, 4, 7]), np.array([2, 4, 6, 8])).tolist()
    [True, False, True]
    """
    out = np.ones(len(values), dtype=np.bool_)
    keep = out.view(np.uint8)
    size = len(among)
    j = 0
    for i in range(len(values)):
        value = values[i]
        if j < size and among[j] < value:
            step = 1  # among[j] < value: gallop forward
            while j + step < size and among[j + step] < value:
                j += step
                step *= 2
            hi = min(j + step, size)  # among[hi] >= value, or the end
            j += 1
            while j < hi:
                mid = (j + hi) // 2
                if among[mid] < value:
                    j = mid + 1
                else:
                    hi = mid
        if j < size and among[j] == value:
            keep[i] = 0
    return out
