"""The sorting replacement of np.unique gives exactly what np.unique gives, and the
galloping membership test gives what a set gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from aliaskit._arrays import absent, distinct

codes = st.lists(st.integers(min_value=-(2**62), max_value=2**62), max_size=200)


@given(codes)
def test_distinct_equals_numpy_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert distinct(array).tolist() == np.unique(array).tolist()
    assert distinct(array).dtype == np.int64


@given(codes, codes)
def test_absent_equals_set_membership(values: list[int], among: list[int]) -> None:
    xs = np.array(sorted(values), dtype=np.int64)
    ys = np.array(sorted(among), dtype=np.int64)
    present = set(among)
    assert absent(xs, ys).tolist() == [v not in present for v in xs.tolist()]
