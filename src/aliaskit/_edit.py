# cython: boundscheck=False, wraparound=False
# (compiled build: every index below is in range and none is negative)
"""Edit distances of short name forms: Levenshtein and Damerau–Levenshtein.

They give what jellyfish gives (``levenshtein_distance`` and the
unrestricted ``damerau_levenshtein_distance``), which compare grapheme
clusters. The folded forms that matching compares are short and ASCII,
where a grapheme is a character (``"\\r\\n"`` aside), so the compiled build
runs its own dynamic programmes there, on C arrays of
:data:`SHORT` + 1 cells, without the segmentation and call overhead; any
other pair goes to jellyfish. The pure-Python build always calls jellyfish:
a loop in the interpreter would be slower. A property test checks both
paths against jellyfish.
"""

from __future__ import annotations

import types

import jellyfish

__all__ = ["COMPILED", "SHORT", "damerau_levenshtein", "levenshtein"]

#: The longest form the compiled dynamic programmes take (their arrays' size less one).
SHORT = 31
#: Cells of the Damerau–Levenshtein matrix: (SHORT + 2) squared.
_CELLS = (SHORT + 2) * (SHORT + 2)
#: ASCII: the alphabet of the last-row table.
_ALPHABET = 128


def _probe() -> None:
    """A function whose type says whether this module was compiled."""


#: Whether this module runs compiled (Cython makes its functions another type).
COMPILED = not isinstance(_probe, types.FunctionType)


def _plain(a: str, b: str) -> bool:
    """Whether the compiled programmes take ``a`` and ``b``: short ASCII, no CR."""
    return (
        COMPILED
        and len(a) <= SHORT
        and len(b) <= SHORT
        and a.isascii()
        and b.isascii()
        and "\r" not in a
        and "\r" not in b
    )


def levenshtein(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b`` (``jellyfish.levenshtein_distance``).

    >>> levenshtein("trufanov", "troufanow")
    2
    """
    if _plain(a, b):
        return _levenshtein_short(a, b)
    return int(jellyfish.levenshtein_distance(a, b))


def damerau_levenshtein(a: str, b: str) -> int:
    """The unrestricted Damerau–Levenshtein distance (``jellyfish.damerau_levenshtein_distance``).

    >>> damerau_levenshtein("donlad", "donald"), damerau_levenshtein("ca", "abc")
    (1, 2)
    """
    if _plain(a, b):
        return _damerau_short(a, b)
    return int(jellyfish.damerau_levenshtein_distance(a, b))


def _levenshtein_short(a: str, b: str) -> int:
    """Levenshtein distance by one row of the matrix (compiled: a C array)."""
    la, lb = len(a), len(b)
    row = [0] * 32  # SHORT + 1 cells (a C array of this size when compiled)
    for j in range(lb + 1):
        row[j] = j
    for i in range(1, la + 1):
        ca = a[i - 1]
        diag = row[0]
        row[0] = i
        for j in range(1, lb + 1):
            up = row[j]
            best = diag if ca == b[j - 1] else diag + 1
            if up + 1 < best:
                best = up + 1
            if row[j - 1] + 1 < best:
                best = row[j - 1] + 1
            row[j] = best
            diag = up
    return row[lb]


def _damerau_short(a: str, b: str) -> int:
    """Unrestricted Damerau–Levenshtein distance (Lowrance and Wagner's algorithm)
    on the (la + 2) x (lb + 2) matrix, laid out row by row in :data:`_MATRIX`.

    Every cell this call reads it has written first, and the last-row table
    is cleared for the letters of ``b`` (the only ones read), so nothing of an
    earlier call is seen. The compiled build holds the interpreter lock for
    the whole call, so threads never share the arrays; the pure-Python build
    never calls this (jellyfish instead) but the tests.
    """
    la, lb = len(a), len(b)
    width = lb + 2
    big = la + lb
    d = _MATRIX
    last = _LAST  # the last row in which each character of a was seen
    for j in range(lb):
        last[ord(b[j])] = 0
    d[0] = big
    for i in range(la + 1):
        d[(i + 1) * width] = big
        d[(i + 1) * width + 1] = i
    for j in range(lb + 1):
        d[j + 1] = big
        d[width + j + 1] = j
    for i in range(1, la + 1):
        ca = ord(a[i - 1])
        last_match = 0  # the last column of this row where a[i-1] == b[j-1]
        for j in range(1, lb + 1):
            cb = ord(b[j - 1])
            k = last[cb]
            m = last_match
            if ca == cb:
                cost = 0
                last_match = j
            else:
                cost = 1
            best = d[i * width + j] + cost  # substitution or match
            if d[(i + 1) * width + j] + 1 < best:  # insertion
                best = d[(i + 1) * width + j] + 1
            if d[i * width + j + 1] + 1 < best:  # deletion
                best = d[i * width + j + 1] + 1
            swap = d[k * width + m] + (i - k - 1) + 1 + (j - m - 1)
            if swap < best:  # transposition, with what lies between
                best = swap
            d[(i + 1) * width + j + 1] = best
        last[ca] = i
    return d[(la + 1) * width + lb + 1]


#: The matrix and the last-row table of :func:`_damerau_short` (C arrays when compiled).
_MATRIX = [0] * 1089  # _CELLS
_LAST = [0] * 128  # _ALPHABET
