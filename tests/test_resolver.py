"""cluster() and Resolver: gold entities, partition, determinism, incremental updates."""

from __future__ import annotations

import random
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Resolver, cluster
from aliaskit.resolver import SkippedNamesWarning
from tests.conftest import load_vectors

SEED = load_vectors("seed_gold.tsv")
NAMES = [r["name"] for r in SEED]
GOLD = {r["name"]: r["entity_id"] for r in SEED}


def _partition(entities: list) -> set[frozenset[str]]:  # type: ignore[type-arg]
    return {frozenset(e.aliases) for e in entities}


def test_seed_set_gives_exactly_the_gold_entities() -> None:
    """The seed people come out exactly as the gold entities."""
    gold: dict[str, set[str]] = {}
    for name, eid in GOLD.items():
        gold.setdefault(eid, set()).add(name)
    assert _partition(cluster(NAMES)) == {frozenset(v) for v in gold.values()}


def test_family_members_stay_apart() -> None:
    """Mother, father and son with one surname are three entities."""
    names = [
        "Alexander Trufanov",
        "Sasha Troufanov",
        "Elena Troufanov",
        "Yelena Trufanova",
        "Vitali Trupanov",
        "Vitaly Trufanov",
        "A. Trufanov",
    ]
    ids = {a: e.id for e in cluster(names) for a in e.aliases}
    assert ids["Alexander Trufanov"] == ids["Sasha Troufanov"] == ids["A. Trufanov"]
    assert ids["Elena Troufanov"] == ids["Yelena Trufanova"]
    assert ids["Vitali Trupanov"] == ids["Vitaly Trufanov"]
    assert len({ids["Alexander Trufanov"], ids["Elena Troufanov"], ids["Vitali Trupanov"]}) == 3


def test_initial_shared_by_two_relatives_stays_alone() -> None:
    """A. Trufanov may be Alexander or Alexandra (Latin drops the -a): it joins neither."""
    names = ["Alexander Trufanov", "Alexandra Trufanova", "A. Trufanov"]
    ids = {a: e.id for e in cluster(names) for a in e.aliases}
    assert len(set(ids.values())) == 3


def test_ambiguous_bare_surname_stays_alone() -> None:
    """A bare surname shared by several people joins none of them."""
    names = ["Alexander Trufanov", "Elena Trufanova", "Trufanov"]
    ids = {a: e.id for e in cluster(names) for a in e.aliases}
    assert ids["Trufanov"] not in (ids["Alexander Trufanov"], ids["Elena Trufanova"])


def test_unambiguous_bare_surname_joins() -> None:
    """A bare surname with one compatible person joins that person."""
    ids = {a: e.id for e in cluster(["Vladimir Putin", "Putin", "Sapir Cohen"]) for a in e.aliases}
    assert ids["Putin"] == ids["Vladimir Putin"]


@settings(max_examples=25)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=30))
def test_cluster_is_a_partition_of_distinct_inputs(names: list[str]) -> None:
    """Every distinct input is in exactly one entity."""
    entities = cluster(names)
    aliases = [a for e in entities for a in e.aliases]
    assert sorted(aliases) == sorted(set(names))


@settings(max_examples=15)
@given(st.randoms(use_true_random=False))
def test_any_order_gives_the_same_entities(rnd: random.Random) -> None:
    """A permutation of the input gives identical ids, canonical names and aliases."""
    shuffled = NAMES[:]
    rnd.shuffle(shuffled)
    assert cluster(shuffled) == cluster(NAMES)


@settings(max_examples=15)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=10))
def test_incremental_adds_equal_batch(rnd: random.Random, batch: int) -> None:
    """Adding names one by one or in batches equals clustering them at once."""
    shuffled = NAMES[:]
    rnd.shuffle(shuffled)
    resolver = Resolver()
    for i in range(0, len(shuffled), batch):
        chunk = shuffled[i : i + batch]
        if len(chunk) == 1:
            resolver.add(chunk[0])
        else:
            resolver.add_many(chunk)
    assert resolver.entities == cluster(NAMES)


def test_ids_are_content_derived() -> None:
    """Ids depend on the aliases, not on order or object identity."""
    first = cluster(["Sapir Cohen", "ספיר כהן"])
    again = cluster(["ספיר כהן", "Sapir Cohen"])
    assert first[0].id == again[0].id
    assert first[0].id.startswith("ak-")


def test_canonical_is_a_full_latin_name() -> None:
    """The canonical name is a full Latin name, and per-script forms are offered."""
    names = [
        "Sasha Troufanov",
        "Alexander Trufanov",
        "A. Trufanov",
        "Александр Труфанов",
        "סשה טרופנוב",
    ]
    (entity,) = cluster(names)
    assert entity.canonical in ("Alexander Trufanov", "Alexander Troufanov")
    assert entity.form("Cyrl") == "Александр Труфанов"
    assert entity.form("Hebr") == "סשה טרופנוב"


def test_empty_names_are_skipped_and_reported() -> None:
    """Empty names are skipped with a warning that counts them."""
    with pytest.warns(SkippedNamesWarning, match="skipped 2"):
        entities = cluster(["Sapir Cohen", "", "  --  "])
    assert [e.aliases for e in entities] == [("Sapir Cohen",)]


def test_mixed_types_raise_before_any_change() -> None:
    """A non-str item raises TypeError and leaves the Resolver unchanged."""
    resolver = Resolver()
    resolver.add("Sapir Cohen")
    with pytest.raises(TypeError, match=r"names\[1\]"):
        resolver.add_many(["Vladimir Putin", None])  # type: ignore[list-item]
    assert [e.aliases for e in resolver.entities] == [("Sapir Cohen",)]


def test_merge_and_split_are_respected() -> None:
    """User judgements override the scores, and later additions respect them."""
    resolver = Resolver()
    resolver.add_many(["Alexander Trufanov", "Sasha Troufanov", "Roni Krivoi"])
    resolver.split("Alexander Trufanov", "Sasha Troufanov")
    assert resolver.entity_of("Alexander Trufanov") != resolver.entity_of("Sasha Troufanov")
    resolver.merge("Alexander Trufanov", "Roni Krivoi")
    assert resolver.entity_of("Alexander Trufanov") == resolver.entity_of("Roni Krivoi")
    resolver.add("Александр Труфанов")
    assert "cannot link" in str(resolver.explain("Alexander Trufanov", "Sasha Troufanov"))


def test_add_rejects_an_empty_name() -> None:
    """Resolver.add of an empty name raises ValueError."""
    with pytest.raises(ValueError, match="no name can be read from"):
        Resolver().add("  ")


def test_cluster_warns_nothing_on_clean_input() -> None:
    """Clean input raises no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cluster(NAMES)


def test_add_many_restores_the_garbage_collector_state() -> None:
    """The collector is paused during a batch and left as it was found, even after an error."""
    import gc

    assert gc.isenabled()
    resolver = Resolver()
    resolver.add_many(["Alexander Trufanov", "Sasha Troufanov"])
    assert gc.isenabled()
    with pytest.raises(TypeError):
        resolver.add_many(["Elena Troufanov", 3])  # type: ignore[list-item]
    assert gc.isenabled()
    gc.disable()
    try:
        resolver.add_many(["Elena Troufanov"])
        assert not gc.isenabled()
    finally:
        gc.enable()
