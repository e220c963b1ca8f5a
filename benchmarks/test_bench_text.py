"""Speed of aliaskit.find_names on news text in English, Russian and Hebrew (pytest-benchmark).

Run with ``pytest benchmarks/test_bench_text.py --benchmark-enable``. The
text is about 100 KB: the project's own Russian and Hebrew passages
(``tests/vectors/text_passages``) and an English paragraph written here,
each copy numbered so that the text is not one paragraph repeated.
Throughput is ``TEXT_KB * ops`` KB a second (target: 500 KB/s, one core).
The ``scale`` run times 10 MB (pass ``--run-scale``), and
:func:`test_linear_time` checks that eight times the text takes under
:data:`BOUND` times as long.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aliaskit import find_names
from aliaskit._resolver_text import text_records

PASSAGES = Path(__file__).resolve().parents[1] / "tests" / "vectors" / "text_passages"
ENGLISH = (
    "Russian President Vladimir Putin met freed hostage Alexander (Sasha) Troufanov at the "
    "Kremlin on Wednesday. Troufanov's mother Elena and his fiancee Sapir Cohen came too, "
    "with Chief Rabbi of Russia Berel Lazar. Putin said Russia would keep working for the "
    "release of the hostages still held in Gaza, among them Maxim Herkin; Deputy Foreign "
    "Minister Mikhail Bogdanov had met Hamas official Musa Abu Marzouk in February.\n"
)


def mixed_text(kilobytes: int) -> str:
    """About ``kilobytes`` KB of English, Russian and Hebrew news text."""
    parts = [ENGLISH] + [p.read_text("utf-8") for p in sorted(PASSAGES.glob("*.txt"))]
    block = "\n".join(parts)
    out = []
    size = 0
    k = 0
    while size < kilobytes * 1000:
        piece = f"{k}. {block}\n"
        out.append(piece)
        size += len(piece.encode())
        k += 1
    return "".join(out)


TEXT = mixed_text(100)
TEXT_KB = len(TEXT.encode()) / 1000


def test_bench_find_names_mixed(benchmark: Any) -> None:
    """find_names on ~100 KB of mixed text (KB/s = TEXT_KB * ops)."""
    found = benchmark(find_names, TEXT)
    assert len(found) > TEXT_KB  # a few mentions in every paragraph


@pytest.mark.scale
def test_bench_find_names_10mb(benchmark: Any) -> None:
    """find_names on 10 MB of mixed text, once."""
    text = mixed_text(10_000)
    found = benchmark.pedantic(find_names, (text,), rounds=1, iterations=1)
    assert found


def _best_time(text: str, read: Callable[[str], object] = find_names) -> float:
    """The best of three timings of ``read`` (find_names) on ``text``, the garbage
    collector paused: in a test run's large heap its full collections, set
    off by the larger text's allocations, would be timed too (20x for 8x the
    text in CI, 9.5x alone)."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.perf_counter()
            read(text)
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return min(times)


#: Eight times the text must take under this many times as long: twice the
#: linear ratio, a quarter of the quadratic one (64).
BOUND = 16


def test_linear_time() -> None:
    """Eight times the text takes under BOUND times as long (no quadratic scan)."""
    small, large = mixed_text(100), mixed_text(800)
    find_names(small)  # warm the caches
    assert _best_time(large) < BOUND * _best_time(small)


@pytest.mark.parametrize("piece", ["<!--", "<a ", "Aa ", "A. ", "סשה ", "http:", "A'"])
def test_hostile_text_linear_time(piece: str) -> None:
    """Repeated markup, capitalised words, initials and names: eight times as
    much text takes under BOUND times as long."""
    small = _best_time(piece * 20_000)
    assert _best_time(piece * 160_000) < BOUND * small + 0.05


def test_text_records_linear_time() -> None:
    """Resolver.add_text's records of one text (find_names, then each short
    mention to the person it stands for): eight times the text takes under
    BOUND times as long."""

    def records(text: str) -> object:
        return text_records(text, "doc")

    small, large = mixed_text(20), mixed_text(160)
    records(small)  # warm the caches
    assert _best_time(large, records) < BOUND * _best_time(small, records)
