"""aliaskit against peer libraries, per pair of names and per name, in the same run.

Per pair: jellyfish and rapidfuzz Jaro–Winkler and Levenshtein on whole
names, next to aliaskit's part similarity and its full comparison (which
parses, aligns parts, reads scripts and explains). ``score_pair``, the
scoring step of clustering, is timed on its own: on names parsed and cached
(warm), and on pairs of names never seen before (cold: parse, per-name
features and score, with the caches cleared before each round). Per name: abydos
Beider–Morse and Daitch–Mokotoff next to aliaskit's phonetic keys. The peers
are string metrics without any knowledge of names or scripts; these figures
say how much that knowledge costs per pair. Pairs mix same-script and
cross-script names of one person or one family from the workload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jellyfish
import pytest
from rapidfuzz.distance import JaroWinkler, Levenshtein

import aliaskit
from aliaskit.compare import score_pair
from aliaskit.parse import parse_name
from aliaskit.similarity import part_similarity
from aliaskit.text import tokenize
from benchmarks.common import (
    clear_name_caches,
    cross_script_pairs,
    name_sample,
    record_rate,
    same_script_pairs,
    script_of,
    smoke,
)

GROUP_PAIR = "per pair: whole names"
GROUP_SCORE = "per pair: score_pair"
GROUP_NAME = "per name: phonetic codes"


def _pairs(request: pytest.FixtureRequest) -> list[tuple[str, str]]:
    k = 25 if smoke(request) else 1000
    return same_script_pairs(k) + cross_script_pairs(k)


PEERS: dict[str, Callable[[str, str], float]] = {
    "jellyfish jaro_winkler": jellyfish.jaro_winkler_similarity,
    "jellyfish levenshtein": jellyfish.levenshtein_distance,
    "rapidfuzz JaroWinkler": JaroWinkler.normalized_similarity,
    "rapidfuzz Levenshtein": Levenshtein.distance,
}


@pytest.mark.parametrize("peer", list(PEERS))
def test_bench_peer_pair_metric(benchmark: Any, request: pytest.FixtureRequest, peer: str) -> None:
    """A peer string metric on whole names: the floor cost of comparing two strings."""
    benchmark.group = GROUP_PAIR
    pairs = _pairs(request)
    metric = PEERS[peer]
    benchmark(lambda: [metric(a, b) for a, b in pairs])
    record_rate(benchmark, len(pairs), "pairs")
    benchmark.extra_info["library"] = peer


def test_bench_aliaskit_part_similarity_pairs(
    benchmark: Any, request: pytest.FixtureRequest
) -> None:
    """aliaskit part similarity on the first parts of the same pairs, warm caches."""
    benchmark.group = GROUP_PAIR
    pairs = [(tokenize(a)[0], tokenize(b)[0]) for a, b in _pairs(request)]
    benchmark(lambda: [part_similarity(a, b).score for a, b in pairs])
    record_rate(benchmark, len(pairs), "pairs")
    benchmark.extra_info["library"] = "aliaskit part_similarity (warm)"


@pytest.mark.parametrize("cold", [False, True], ids=["warm", "cold"])
def test_bench_aliaskit_compare_pairs(
    benchmark: Any, request: pytest.FixtureRequest, cold: bool
) -> None:
    """aliaskit.compare on the same whole-name pairs, with warm or cleared caches."""
    benchmark.group = GROUP_PAIR
    pairs = _pairs(request)

    def run() -> list[float]:
        return [aliaskit.compare(a, b).score for a, b in pairs]

    if cold:
        benchmark.pedantic(run, setup=clear_name_caches, rounds=5, iterations=1)
    else:
        run()
        benchmark(run)
    record_rate(benchmark, len(pairs), "pairs")
    benchmark.extra_info["library"] = f"aliaskit compare ({'cold' if cold else 'warm'})"


def _fresh_pairs(k: int, kind: str) -> list[tuple[str, str]]:
    """Up to ``k`` pairs of related workload names in which no name occurs twice.

    ``kind``: ``latin`` (same-script Latin), ``latin_cyrillic`` (one Latin and
    one Cyrillic name) or ``cross_script`` (any two scripts, Hebrew included).
    """
    if kind == "latin":
        candidates = same_script_pairs(k * 4)
    else:
        candidates = cross_script_pairs(k * (8 if kind == "latin_cyrillic" else 4))
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for a, b in candidates:
        if kind == "latin_cyrillic" and "Hebr" in (script_of(a), script_of(b)):
            continue
        if a not in seen and b not in seen and a != b:
            seen.update((a, b))
            out.append((a, b))
            if len(out) == k:
                break
    return out


@pytest.mark.parametrize("kind", ["latin", "latin_cyrillic", "cross_script"])
@pytest.mark.parametrize("cold", [False, True], ids=["warm", "cold"])
def test_bench_aliaskit_score_pair(
    benchmark: Any, request: pytest.FixtureRequest, kind: str, cold: bool
) -> None:
    """score_pair on names parsed and cached (warm), or on names never seen (cold)."""
    benchmark.group = GROUP_SCORE
    pairs = _fresh_pairs(20 if smoke(request) else 1000, kind)

    def run_cold() -> list[tuple[float, bool]]:
        return [score_pair(parse_name(a), parse_name(b)) for a, b in pairs]

    run_cold()  # data tables loaded before timing; the setup clears the per-name caches
    if cold:
        benchmark.pedantic(run_cold, setup=clear_name_caches, rounds=5, iterations=1)
    else:
        parsed = [(parse_name(a), parse_name(b)) for a, b in pairs]
        benchmark(lambda: [score_pair(a, b) for a, b in parsed])
    record_rate(benchmark, len(pairs), "pairs")
    benchmark.extra_info["library"] = f"aliaskit score_pair {kind} ({'cold' if cold else 'warm'})"


def _abydos(name: str) -> Callable[[str], Any]:
    phonetic = pytest.importorskip("abydos.phonetic")
    classes = {"beider_morse": phonetic.BeiderMorse, "daitch_mokotoff": phonetic.DaitchMokotoff}
    encode: Callable[[str], Any] = classes[name]().encode
    return encode


def _latin_names(request: pytest.FixtureRequest) -> list[str]:
    names = [n for n in name_sample(4000) if n.isascii()]
    return names[: 10 if smoke(request) else 300]


@pytest.mark.parametrize("encoder", ["beider_morse", "daitch_mokotoff"])
def test_bench_abydos_per_name(
    benchmark: Any, request: pytest.FixtureRequest, encoder: str
) -> None:
    """abydos phonetic encoder per Latin name (a reference implementation of BM / D-M)."""
    benchmark.group = GROUP_NAME
    encode = _abydos(encoder)
    names = _latin_names(request)
    rounds = 1 if encoder == "beider_morse" else 5
    benchmark.pedantic(lambda: [encode(n) for n in names], rounds=rounds, iterations=1)
    record_rate(benchmark, len(names))
    benchmark.extra_info["library"] = f"abydos {encoder}"


@pytest.mark.parametrize("algorithm", ["daitch_mokotoff", "metaphone"])
def test_bench_aliaskit_phonetic_per_name(
    benchmark: Any, request: pytest.FixtureRequest, algorithm: str
) -> None:
    """aliaskit.phonetic_keys per Latin name with caches cleared, next to abydos."""
    benchmark.group = GROUP_NAME
    names = _latin_names(request)
    benchmark.pedantic(
        lambda: [aliaskit.phonetic_keys(n, algorithm=algorithm) for n in names],
        setup=clear_name_caches,
        rounds=10,
        iterations=1,
    )
    record_rate(benchmark, len(names))
    benchmark.extra_info["library"] = f"aliaskit phonetic_keys {algorithm}"
