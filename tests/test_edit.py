"""The edit distances of aliaskit._edit and the Hebrew alignment's programme,
against their references: jellyfish, and the list-based programme they replaced."""

from __future__ import annotations

import importlib
from pathlib import Path

import jellyfish
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aliaskit

_edit = importlib.import_module("aliaskit._edit")
hebrew_align = importlib.import_module("aliaskit.hebrew_align")

#: Short ASCII forms, as folding makes them, over a small alphabet so that
#: repeated letters and transpositions are common.
ascii_forms = st.text(alphabet="abcdekhsz", max_size=_edit.SHORT)
#: Any text: long, non-ASCII, combining marks and CR LF, which jellyfish reads
#: as grapheme clusters (no lone surrogates: jellyfish cannot encode them, and
#: normalisation never lets them through).
any_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab\r\n\u0301\u05d0é"), st.characters(exclude_categories=["Cs"])
    ),
    max_size=40,
)


@given(ascii_forms, ascii_forms)
@settings(max_examples=600)
def test_short_programmes_equal_jellyfish_on_ascii(a: str, b: str) -> None:
    """The compiled path's programmes give jellyfish's distances on short ASCII forms."""
    assert _edit._levenshtein_short(a, b) == jellyfish.levenshtein_distance(a, b)
    assert _edit._damerau_short(a, b) == jellyfish.damerau_levenshtein_distance(a, b)


@given(st.one_of(ascii_forms, any_text), st.one_of(ascii_forms, any_text))
@settings(max_examples=600)
def test_distances_equal_jellyfish_on_any_text(a: str, b: str) -> None:
    """The public functions give jellyfish's distances on any text, whichever path they take."""
    assert _edit.levenshtein(a, b) == jellyfish.levenshtein_distance(a, b)
    assert _edit.damerau_levenshtein(a, b) == jellyfish.damerau_levenshtein_distance(a, b)


def test_forms_at_the_length_limit_and_past_it_equal_jellyfish() -> None:
    """At SHORT letters the arrays are full; past it jellyfish takes over."""
    for size in (_edit.SHORT, _edit.SHORT + 1, 3 * _edit.SHORT):
        a, b = "ab" * size, "ba" * size
        a, b = a[:size], b[:size]
        assert _edit.levenshtein(a, b) == jellyfish.levenshtein_distance(a, b)
        assert _edit.damerau_levenshtein(a, b) == jellyfish.damerau_levenshtein_distance(a, b)


def test_the_compiled_arrays_match_the_length_limit() -> None:
    """The C array of the Levenshtein row (in _edit.pxd) has SHORT + 1 cells."""
    here = Path(str(_edit.__file__))
    pxd = here.with_name("_edit.pxd").read_text(encoding="utf-8")
    assert f'row="int[{_edit.SHORT + 1}]"' in pxd
    source = here.with_name("_edit.py").read_text(encoding="utf-8")
    assert f"row = [0] * {_edit.SHORT + 1}" in source


def test_the_module_knows_whether_it_runs_compiled() -> None:
    """COMPILED follows the package's own choice of core."""
    assert aliaskit.compiled == _edit.COMPILED


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("donlad", "donald", 1), ("ca", "abc", 2), ("", "abc", 3), ("trufanov", "troufanow", 2)],
)
def test_damerau_counts_a_swap_as_one_edit(a: str, b: str, distance: int) -> None:
    """Unrestricted Damerau–Levenshtein: a swap, even with letters inserted between, is cheap."""
    assert _edit.damerau_levenshtein(a, b) == distance


def _reference_distance(xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
    """The alignment programme as it was first written, on Python lists."""
    optional = hebrew_align._OPTIONAL
    skips = [0.0 if y & optional else 1.0 for y in ys]
    prev = [0.0]
    for skip_y in skips:
        prev.append(prev[-1] + skip_y)
    for x in xs:
        skip_x = 0.0 if x & optional else 1.0
        near_x = hebrew_align._near_of(x)
        classes = x & ~optional
        diag = prev[0]
        left = diag + skip_x
        row = [left]
        for y, skip_y, up in zip(ys, skips, prev[1:], strict=True):
            best = diag + (0.0 if classes & y else (0.5 if near_x & y else 1.0))
            best = min(best, up + skip_x, left + skip_y)
            row.append(best)
            left, diag = best, up
        prev = row
    return prev[-1]


#: Class masks as the alignment builds them: consonant class bits, maybe the optional bit.
masks = st.lists(st.integers(min_value=0, max_value=(1 << 19) - 1), max_size=24).map(tuple)


@given(masks, masks)
@settings(max_examples=400)
def test_alignment_programme_equals_its_list_reference(
    xs: tuple[int, ...], ys: tuple[int, ...]
) -> None:
    """The array programme of hebrew_align gives the list programme's distance exactly."""
    assert hebrew_align._distance(xs, ys) == _reference_distance(xs, ys)
