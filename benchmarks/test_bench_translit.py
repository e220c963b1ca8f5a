"""Throughput benchmarks for transliteration (target: >= 100,000 names/s per scheme)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from aliaskit.homoglyphs import repair_homoglyphs
from aliaskit.translit import romanizations, scheme, schemes, transliterate

GIVEN = ("Александр", "Юлия", "Сергей", "Елена", "Дмитрий", "Наталья", "Пётр", "Ольга")
PATRONYMIC = ("Витальевич", "Игоревна", "Сергеевич", "Юрьевна", "Ильич", "Николаевна")
SURNAME = ("Труфанов", "Щеглова", "Чайковский", "Хрущёва", "Подъячев", "Воробьёв", "Ельцин")
# 336 distinct realistic full names, cycled: repeats are realistic for name data.
NAMES = [" ".join(p) for p in itertools.product(GIVEN, PATRONYMIC, SURNAME)]
# Distinct names never seen before, to measure the uncached path.
FRESH = [f"{n}{chr(0x430 + i % 32)}{chr(0x430 + i // 32 % 32)}" for i, n in enumerate(NAMES * 6)]


def _record_rate(benchmark: Any, count: int) -> None:
    """Store names/s in the benchmark's extra info (absent with --benchmark-disable)."""
    if benchmark.stats is not None:
        benchmark.extra_info["names_per_second"] = round(count / float(benchmark.stats.stats.mean))


@pytest.mark.parametrize("name", schemes())
def test_bench_scheme_names_per_second(benchmark: Any, name: str) -> None:
    """Names/s of one scheme on realistic repeated names; must reach 100,000/s on one core."""
    sch = scheme(name)
    sch.transliterate(NAMES[0])

    def run() -> None:
        for n in NAMES:
            sch.transliterate(n)

    benchmark(run)
    _record_rate(benchmark, len(NAMES))


@pytest.mark.parametrize("name", ["ru_bgn_pcgn", "ru_german", "uk_national_2010"])
def test_bench_scheme_cold_cache_names_per_second(benchmark: Any, name: str) -> None:
    """Names/s when every word is new (per-word cache cleared), i.e. the rule engine itself."""
    sch = scheme(name)

    def run() -> None:
        sch.rules._cache.clear()
        for n in FRESH:
            sch.transliterate(n)

    benchmark(run)
    _record_rate(benchmark, len(FRESH))


def test_bench_auto_names_per_second(benchmark: Any) -> None:
    """Names/s of transliterate(text, "auto"), which adds language detection per word."""

    def run() -> None:
        for n in NAMES:
            transliterate(n)

    benchmark(run)
    _record_rate(benchmark, len(NAMES))


def test_bench_romanizations_names_per_second(benchmark: Any) -> None:
    """Names/s of romanizations(), which runs every bundled scheme on each name."""

    def run() -> None:
        for n in NAMES:
            romanizations(n)

    benchmark(run)
    _record_rate(benchmark, len(NAMES))


def test_bench_repair_homoglyphs_names_per_second(benchmark: Any) -> None:
    """Names/s of repair_homoglyphs on Cyrillic names carrying Latin look-alikes."""
    dirty = [n.replace("о", "o").replace("а", "a") for n in NAMES]

    def run() -> None:
        for n in dirty:
            repair_homoglyphs(n)

    benchmark(run)
    _record_rate(benchmark, len(dirty))
