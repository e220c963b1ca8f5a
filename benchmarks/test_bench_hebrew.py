"""Speed of aliaskit.hebrew readings (pytest-benchmark).

Run with ``pytest benchmarks/test_bench_hebrew.py``; the ``ops`` column of a
name-list benchmark times the whole list, so readings per second is
``len(NAMES) * ops``.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

from aliaskit import hebrew
from aliaskit.hebrew import readings, word_readings

TWELVE_LETTERS = "קונסטנטינובה"  # 12 letters, no points
NAMES = [
    "סשה טרופנוב",
    "אלכסנדר טרופנוב",
    "אלנה טרופנובה",
    "בנימין נתניהו",
    "דקל-חן כהן",
    "ג'ורג' וושינגטון",
    "אנסטסיה קפצ'ינסקאיה",
    "ולדימיר ולדימירוביץ' פוטין",
    "מיכאל גורבצ'וב",
    "יוסי שגיא",
]
# Distinct Hebrew words of the curated given-name table (a few hundred).
WORDS = list(
    dict.fromkeys(
        re.findall(
            "[^\\s]*[\u05d0-\u05ea][^\\s]*",
            (files("aliaskit") / "data" / "hypocorisms.tsv").read_text("utf-8"),
        )
    )
)


def test_bench_twelve_letter_word_uncached(benchmark: Any) -> None:
    """One uncached 12-letter word, 16 readings (target: well under 1 ms)."""

    def run() -> tuple[str, ...]:
        hebrew._word_kbest.cache_clear()
        return word_readings(TWELVE_LETTERS)

    assert len(benchmark(run)) == 16


def test_bench_names_uncached(benchmark: Any) -> None:
    """Ten full names with an empty word cache each round (readings/s = 10 * ops)."""

    def run() -> int:
        hebrew._word_kbest.cache_clear()
        return sum(len(readings(name)) for name in NAMES)

    assert benchmark(run) > 0


def test_bench_names_cached(benchmark: Any) -> None:
    """Ten full names with warm word cache: only the cross-word merge runs."""
    for name in NAMES:
        readings(name)
    assert benchmark(lambda: sum(len(readings(name)) for name in NAMES)) > 0


def test_bench_distinct_words_cold(benchmark: Any) -> None:
    """Cold readings of distinct words (per-word time = mean / len(WORDS))."""

    def run() -> int:
        return sum(len(word_readings(word)) for word in WORDS)

    assert len(WORDS) > 300
    assert benchmark.pedantic(run, setup=hebrew._word_kbest.cache_clear, rounds=5) > 0


def test_bench_distinct_words_cold_library_limit(benchmark: Any) -> None:
    """Cold readings of distinct words at the limit comparison uses (latin.HEBREW_READINGS).

    Only as many partial readings are made as the first few readings need.
    """
    from aliaskit.latin import HEBREW_READINGS

    def run() -> int:
        return sum(len(readings(word, limit=HEBREW_READINGS)) for word in WORDS)

    assert benchmark.pedantic(run, setup=hebrew._word_kbest.cache_clear, rounds=5) > 0
