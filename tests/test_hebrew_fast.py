"""The fast Hebrew reader gives exactly the readings of the frozen reference.

``tests/hebrew_reference.py`` is the search as it was before the speed-up;
every check compares readings, their order and their costs. The reference
predates the prior that ranks :func:`aliaskit.readings` (issue 26,
``tests/test_reading_prior.py``): the lattice stage before it
(:func:`aliaskit.hebrew.lattice_readings`) is what must read the same.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import hebrew
from tests import hebrew_reference as ref
from tests.conftest import shared_file

ROOT = Path(__file__).resolve().parents[1]
_HEBREW = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")
# The reference predates Arabic script, which the reader now takes through
# Hebrew letters (tests/test_arabic.py): text with Arabic is left out here.
_ARABIC = re.compile("[\u0600-\u06ff]")


def _read(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read()
    return path.read_text(encoding="utf-8")


def _hebrew_words(text: str) -> list[str]:
    """Whitespace-separated tokens with a Hebrew character, in first-seen order."""
    return list(
        dict.fromkeys(t for t in text.split() if _HEBREW.search(t) and not _ARABIC.search(t))
    )


def _hebrew_names(text: str) -> list[str]:
    """Tab-separated fields with a Hebrew character, in first-seen order."""
    fields = (f for line in text.splitlines() for f in line.split("\t"))
    return list(dict.fromkeys(f for f in fields if _HEBREW.search(f) and not _ARABIC.search(f)))


def _repo_text() -> str:
    paths = sorted((ROOT / "tests" / "vectors").glob("*.tsv"))
    paths += sorted(p for p in (ROOT / "src" / "aliaskit" / "data").iterdir() if p.is_file())
    return "\n".join(_read(p) for p in paths)


def _assert_word_equal(word: str, limit: int = 16) -> None:
    k = max(limit, hebrew.DEFAULT_LIMIT)
    assert hebrew._word_kbest(word, k) == ref._word_kbest(word, k), word
    assert hebrew.lattice_word_readings(word, limit=limit) == ref.word_readings(
        word, limit=limit
    ), word


def _assert_name_equal(name: str, limit: int = 16) -> None:
    assert hebrew.lattice_readings(name, limit=limit) == ref.readings(name, limit=limit), (
        name,
        limit,
    )


def test_fast_word_readings_equal_reference_on_repo_words() -> None:
    """Every Hebrew word of the test vectors and data files reads as the reference does."""
    words = _hebrew_words(_repo_text())
    assert len(words) > 1000
    for word in words:
        _assert_word_equal(word)


def test_fast_readings_equal_reference_on_repo_names() -> None:
    """Every Hebrew field of the test vectors and data files (full names) reads the same."""
    names = _hebrew_names(_repo_text())
    assert len(names) > 100
    for name in names:
        _assert_name_equal(name)


def test_fast_readings_equal_reference_with_larger_limit() -> None:
    """A limit above the default (a wider beam) keeps readings, order and costs."""
    for word in _hebrew_words(_repo_text())[:300]:
        _assert_word_equal(word, limit=40)


def test_fast_readings_equal_reference_on_dev_set() -> None:
    """Every Hebrew word and name of the (evaluation-only) dev set reads the same."""
    text = shared_file("dev_persons.tsv").read_text(encoding="utf-8")
    for word in _hebrew_words(text):
        _assert_word_equal(word)
    for name in _hebrew_names(text):
        _assert_name_equal(name)


_LETTERS = [chr(c) for c in range(0x05D0, 0x05EB)] + ["\u05f0", "\u05f1", "\u05f2"]
_MARKS = [chr(c) for c in range(0x05B0, 0x05BD)] + ["\u05bf", "\u05c1", "\u05c2", "\u05c7"]
_GERESHES = ["'", "\u05f3", "\u2019", '"', "\u05f4"]
_HYPHENS = ["-", "\u05be"]


@st.composite
def _hebrew_word(draw: st.DrawFn) -> str:
    """Up to 12 Hebrew letters with optional niqqud, geresh, hyphens and Latin."""
    out: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.integers(0, 19))
        if kind == 0:
            out.append(draw(st.sampled_from(_HYPHENS)))
        elif kind == 1:
            out.append(draw(st.sampled_from(("a", "K", "7", "é"))))
        out.append(draw(st.sampled_from(_LETTERS)))
        out.extend(draw(st.lists(st.sampled_from(_MARKS), max_size=2)))
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(_GERESHES)))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(_hebrew_word(), st.sampled_from((1, 3, 16, 24)))
def test_fast_readings_equal_reference_on_random_words(word: str, limit: int) -> None:
    """Random letter strings (points, geresh, hyphens, Latin) read as the reference does."""
    _assert_word_equal(word, limit)


@settings(max_examples=100, deadline=None)
@given(st.lists(_hebrew_word(), min_size=1, max_size=4), st.integers(1, 20))
def test_fast_readings_equal_reference_on_random_names(words: list[str], limit: int) -> None:
    """Random names of several words read as the reference does, at any limit."""
    _assert_name_equal(" ".join(words), limit)


@settings(max_examples=300, deadline=None)
@given(_hebrew_word(), st.integers(1, 20))
def test_fast_readings_of_one_word_equal_reference_at_any_limit(word: str, limit: int) -> None:
    """A one-word name, read only as far as the limit needs, reads as the reference does."""
    _assert_name_equal(word, limit)
    _assert_word_equal(word, limit)


def test_fast_readings_equal_reference_at_small_limits_on_repo_words() -> None:
    """The limit aliaskit itself uses (6) and others below the beam keep the readings."""
    for word in _hebrew_words(_repo_text())[:400]:
        for limit in (1, 2, 6, 7):
            _assert_name_equal(word, limit)


@pytest.mark.parametrize("word", ["קונסטנטינובה" * 6, "א" * 70, "ולדימיר-" * 10])
def test_fast_readings_equal_reference_on_long_words(word: str) -> None:
    """Words over MAX_WORD_CHARS (read slice by slice) read as the reference does."""
    _assert_word_equal(word)
    _assert_name_equal(f"{word} {word[:5]}")
