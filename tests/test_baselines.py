"""Unit tests of the naive Daitch–Mokotoff + Jaro–Winkler baseline (benchmarks/baselines.py)."""

from __future__ import annotations

import itertools

import pytest

pytest.importorskip("rapidfuzz")
pytest.importorskip("numpy")

from rapidfuzz.distance import JaroWinkler

from benchmarks import baselines
from benchmarks.baselines import block_pairs, dm_jw_cluster, surname_token


def _groups(names: list[str]) -> set[frozenset[str]]:
    return {frozenset(e.aliases) for e in dm_jw_cluster(names)}


def test_close_spellings_of_one_surname_are_linked_others_apart() -> None:
    """Trufanov ~ Troufanov (same DM code, JW >= 0.82); Ivan Petrov stays alone."""
    groups = _groups(["Sasha Trufanov", "Sasha Troufanov", "Ivan Petrov"])
    assert groups == {frozenset({"Sasha Trufanov", "Sasha Troufanov"}), frozenset({"Ivan Petrov"})}


def test_cyrillic_is_unidecoded_before_blocking_and_scoring() -> None:
    """A Cyrillic name is compared in its unidecode form."""
    groups = _groups(["Александр Труфанов", "Aleksandr Trufanov", "Petr Trufanov"])
    assert frozenset({"Александр Труфанов", "Aleksandr Trufanov"}) in groups


def test_names_of_different_surname_blocks_are_never_linked() -> None:
    """Names whose surnames share no DM code are apart however alike the rest is."""
    groups = _groups(["Ivan Ivanovich Petrov", "Ivan Ivanovich Sidorov"])
    assert len(groups) == 2


def test_every_name_is_in_exactly_one_entity() -> None:
    """Entities partition the distinct names (duplicates and blanks dropped)."""
    names = ["Ivan Petrov", "Ivan Petrov", "  ", "Petrov, Ivan", "I. Petrov", "Ivan Petrow"]
    entities = dm_jw_cluster(names)
    aliases = [a for e in entities for a in e.aliases]
    assert sorted(aliases) == sorted({"Ivan Petrov", "Petrov, Ivan", "I. Petrov", "Ivan Petrow"})


@pytest.mark.parametrize(
    ("key", "surname"),
    [
        ("ivan petrovich ivanov", "ivanov"),
        ("ivanov, ivan petrovich", "ivanov"),
        ("ivanov ivan", "ivan"),  # no comma: the last word, however naive
        ("ivanov,ivan", "ivanov"),
        ("", ""),
        (", ivan", "ivan"),
    ],
)
def test_surname_token(key: str, surname: str) -> None:
    """The word before a comma, else the last word."""
    assert surname_token(key) == surname


def test_block_pairs_in_bands_find_every_pair() -> None:
    """Bands of a few rows give the same pairs as scoring all pairs at once."""
    keys = [f"{a} {b}" for a, b in itertools.product(["ivan", "iwan", "ivna", "jan"], repeat=2)]
    keys += ["petrov", "petrova", "petrow"]
    scorer, cutoff = JaroWinkler.normalized_similarity, 0.82
    expected = {
        (i, j)
        for i, j in itertools.combinations(range(len(keys)), 2)
        if scorer(keys[i], keys[j]) >= cutoff
    }
    assert expected
    for max_cells in (1, 7, 40, 10_000):
        assert set(block_pairs(keys, scorer, cutoff, max_cells=max_cells)) == expected


def test_registered_with_its_label() -> None:
    """The baseline is in the registry as naive_dm_jw, with its label."""
    assert baselines.CLUSTERERS["naive_dm_jw"] is dm_jw_cluster
    assert baselines.LABELS["naive_dm_jw"] == (
        "naive: Daitch–Mokotoff blocking + Jaro–Winkler ≥ 0.82"
    )
