"""The first clustering stage run in score bands equals one pass (the Spark giant plan)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit.evaluation import load_gold
from aliaskit.parse import parse_name
from aliaskit.resolver import greedy_band
from tests.conftest import VECTORS

THRESHOLD = 0.75
FULL = sorted({r.name for r in load_gold(VECTORS / "seed_gold.tsv")} - {""})
FULL = [n for n in FULL if parse_name(n).parts and not parse_name(n).is_weak][:14]
BANDS = ((1.5, None), (0.95, 1.5), (0.9, 0.95), (0.8, 0.9), (THRESHOLD, 0.8))

Edge = tuple[str, str, float, bool]
EDGE = st.tuples(
    st.sampled_from([0.6, 0.72, 0.75, 0.78, 0.8, 0.83, 0.86, 0.9, 0.92, 0.95, 0.97, 1.0, 2.0]),
    st.booleans(),
    st.booleans(),
)


def _components(nodes: list[str], links: list[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    comps: dict[str, list[str]] = {}
    for n in nodes:
        comps.setdefault(find(n), []).append(n)
    return list(comps.values())


def _banded(names: list[str], edges: list[Edge]) -> set[tuple[str, ...]]:
    groups = {n: [n] for n in names}  # root -> members
    root = {n: n for n in names}
    for floor, below in BANDS:
        band = [
            (root[a], root[b])
            for a, b, score, conflict in edges
            if not conflict and score >= floor and (below is None or score < below)
        ]
        for comp in _components(sorted(groups), [p for p in band if p[0] != p[1]]):
            members = [m for r in comp for m in groups[r]]
            inside = set(members)
            mine = [e for e in edges if e[0] in inside and e[1] in inside]
            start = [groups[r] for r in comp if len(groups[r]) > 1]
            for r in comp:
                del groups[r]
            for g in greedy_band(members, mine, floor=floor, below=below, start=start):
                groups[g[0]] = g
                for m in g:
                    root[m] = g[0]
    return {tuple(g) for g in groups.values()}


@settings(max_examples=80, deadline=None)
@given(st.lists(EDGE, min_size=len(FULL) * 4, max_size=len(FULL) * 4))
def test_bands_from_the_strongest_down_give_the_one_pass_groups(
    draws: list[tuple[float, bool, bool]],
) -> None:
    """Same groups, with members in the same order, as one strongest-first pass."""
    pairs = list(itertools.combinations(FULL, 2))
    chosen: dict[tuple[str, str], Edge] = {}
    for i, (score, conflict, keep) in enumerate(draws):
        if keep:
            a, b = pairs[(i * 5) % len(pairs)]
            chosen[a, b] = (a, b, score, conflict and score < 2.0)
    edges = list(chosen.values())
    one_pass = {tuple(g) for g in greedy_band(FULL, edges, floor=THRESHOLD, below=None)}
    assert _banded(FULL, edges) == one_pass


def test_a_band_weighs_averages_at_the_threshold_not_at_its_own_floor() -> None:
    """Harry Brauner joins Harry Warner's group at a mean link of 0.83, in the 0.9 band too."""
    warner, brauner, w_he, b_he = "Harry Warner", "Harry Brauner", "הארי וורנר", "הארי בראונר"
    edges: list[Edge] = [
        (warner, w_he, 0.95, False),
        (b_he, w_he, 0.9389, False),
        (brauner, b_he, 0.9194, False),
        (brauner, w_he, 0.9194, False),
        (warner, b_he, 0.9194, False),
        (brauner, warner, 0.6443, False),
    ]
    names = [warner, brauner, w_he, b_he]
    one_pass = {tuple(g) for g in greedy_band(names, edges, floor=THRESHOLD, below=None)}
    assert len(one_pass) == 1
    assert _banded(names, edges) == one_pass
