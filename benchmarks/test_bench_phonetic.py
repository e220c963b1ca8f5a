"""Benchmarks: cost of each phonetic encoder on a fixed batch of name tokens.

Each round encodes ``NAMES`` once with the per-token cache cleared first, so
the figure is the uncached cost; divide the mean by ``len(NAMES)`` for µs/name.
"""

from __future__ import annotations

from collections.abc import Callable

from pytest_benchmark.fixture import BenchmarkFixture

from aliaskit import phonetic

NAMES: tuple[str, ...] = (
    "Trufanov",
    "Troufanov",
    "Trupanov",
    "Alexander",
    "Sasha",
    "Yelena",
    "Trufanova",
    "Peters",
    "Moskowitz",
    "Auerbach",
    "Lipshitz",
    "Kleinman",
    "Jackson",
    "Szlachter",
    "Rosochowaciec",
    "Schwarzenegger",
    "Przemysl",
    "Wojciech",
    "Grzegorz",
    "Dzhugashvili",
    "Szczepanski",
    "Müller",
    "Sánchez",
    "Łukasz",
    "O'Brien",
    "Feuchtwanger",
    "Yitzhak",
    "Chaim",
    "Abdelrahman",
    "Kowalski",
    "Александр",
    "Труфанов",
    "Олена",
    "Щукин",
    "Жуков",
    "סשה",
    "טרופנוב",
    "Nguyen",
    "Zhang",
    "Kim",
)
ROUNDS = 200


def _bench(benchmark: BenchmarkFixture, name: str, clear_cache: Callable[[], None]) -> None:
    """Run one encoder over NAMES per round, clearing its token cache before each round."""
    encoder = phonetic.ENCODERS[name]

    def run() -> int:
        return sum(len(encoder(token)) for token in NAMES)

    total = benchmark.pedantic(  # type: ignore[no-untyped-call]
        run, setup=clear_cache, rounds=ROUNDS, iterations=1
    )
    assert total >= len(NAMES) - 5
    benchmark.extra_info["names_per_round"] = len(NAMES)


def test_bench_soundex(benchmark: BenchmarkFixture) -> None:
    """American Soundex (jellyfish) after ASCII folding, uncached."""
    _bench(benchmark, "soundex", phonetic._soundex.cache_clear)


def test_bench_metaphone(benchmark: BenchmarkFixture) -> None:
    """Metaphone (jellyfish) after ASCII folding, uncached."""
    _bench(benchmark, "metaphone", phonetic._metaphone.cache_clear)


def test_bench_nysiis(benchmark: BenchmarkFixture) -> None:
    """NYSIIS (jellyfish) after ASCII folding, uncached."""
    _bench(benchmark, "nysiis", phonetic._nysiis.cache_clear)


def test_bench_match_rating(benchmark: BenchmarkFixture) -> None:
    """Match Rating Approach codex (jellyfish) after ASCII folding, uncached."""
    _bench(benchmark, "match_rating", phonetic._match_rating.cache_clear)


def test_bench_daitch_mokotoff(benchmark: BenchmarkFixture) -> None:
    """Daitch–Mokotoff Soundex (pure Python, with branching), uncached."""
    _bench(benchmark, "daitch_mokotoff", phonetic._daitch_mokotoff.cache_clear)
