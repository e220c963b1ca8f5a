"""The sorting replacement of np.unique gives exactly what np.unique gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from aliaskit._arrays import distinct

codes = st.lists(st.integers(min_value=-(2**62), max_value=2**62), max_size=200)


@given(codes)
def test_distinct_equals_numpy_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert distinct(array).tolist() == np.unique(array).tolist()
    assert distinct(array).dtype == np.int64
