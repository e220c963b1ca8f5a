"""Clustering records: the record is the unit, evidence separates namesakes."""

from __future__ import annotations

import csv
import random
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Entity, cluster
from aliaskit.compare._evidence import birth_date_verdict
from aliaskit.dates import BirthDate, parse_birth_date
from aliaskit.evaluation import pairwise_scores
from aliaskit.record import Record
from tests.conftest import shared_file

SEED = [
    "Alexander Trufanov", "Sasha Troufanov", "Sasha Trupanov", "Александр Труфанов",
    "סשה טרופנוב", "Elena Troufanov", "Yelena Trufanova", "Vitali Trupanov",
]  # fmt: skip


def _partition(entities: list[Entity]) -> set[frozenset[str]]:
    return {frozenset(e.records) for e in entities}


def test_records_without_evidence_cluster_as_their_names() -> None:
    plain = cluster(SEED)
    records = cluster([Record(n, id=f"r{i}") for i, n in enumerate(SEED)])
    by_id = {f"r{i}": n for i, n in enumerate(SEED)}
    assert {frozenset(by_id[k] for k in e.records) for e in records} == {
        frozenset(e.aliases) for e in plain
    }
    assert [e.canonical for e in records] == [e.canonical for e in plain]


def test_records_of_names_alone_keep_the_ids_of_plain_strings() -> None:
    plain = cluster(SEED)
    as_records = cluster([Record(n) for n in SEED[:-1]] + [SEED[-1]])
    assert [(e.id, e.aliases) for e in as_records] == [(e.id, e.aliases) for e in plain]
    assert all(e.records == e.aliases for e in plain)


def test_one_string_with_two_birth_dates_makes_two_entities() -> None:
    found = cluster(
        [
            Record("Ivan Petrov", id="a", birth_date="1.1.1970"),
            Record("Иван Петров", id="b", birth_date="1.1.1970"),
            Record("Ivan Petrov", id="c", birth_date="2.2.1980"),
        ]
    )
    assert _partition(found) == {frozenset({"a", "b"}), frozenset({"c"})}
    assert len({e.id for e in found}) == 2


def test_entities_of_one_name_told_apart_by_evidence_get_distinct_ids() -> None:
    found = cluster(
        [Record("Ivan Petrov", birth_date="1.1.1970"), Record("Ivan Petrov", birth_date="2.2.1980")]
    )
    assert len(found) == 2
    assert len({e.id for e in found}) == 2


def test_a_record_keeps_its_aliases_together() -> None:
    found = cluster([Record(["Igor STRELKOV", "Igor Vsevolodovich GIRKIN"], id="x"), "Igor Girkin"])
    assert len(found) == 1
    assert found[0].records == ("Igor Girkin", "x")


def test_one_id_for_two_different_records_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="record id 'a' is used by two different records"):
        cluster([Record("Ivan Petrov", id="a"), Record("Oleg Petrov", id="a")])
    # The same record twice is one record.
    assert len(cluster([Record("Ivan Petrov", id="a"), Record("Ivan Petrov", id="a")])) == 1


def test_cluster_rejects_items_that_are_neither_names_nor_records() -> None:
    with pytest.raises(TypeError, match=r"names\[1\] must be a str or a Record"):
        cluster([Record("Ivan Petrov"), 42])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not a single one"):
        cluster(Record("Ivan Petrov"))  # type: ignore[arg-type]


DATED: list[str | Record] = [
    Record("Ivan Petrov", id="a", birth_date="1.1.1970", countries="RU"),
    Record("Иван Петров", id="b", birth_date="1970"),
    Record("Ivan Petrov", id="c", birth_date="2.2.1980"),
    Record("I. Petrov", id="d", birth_date="2.2.1980"),
    Record("Ivan Petrov", id="e"),
    Record("Olga Petrova", id="f", gender="f"),
    Record("Olga Petrov", id="g", gender="f"),
    Record(["Sasha Trupanov", "סשה טרופנוב"], id="h", birth_date="1996"),
    "Alexander Trufanov",
]


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_record_clustering_is_the_same_in_any_order(rnd: random.Random) -> None:
    expected = cluster(DATED)
    shuffled = list(DATED)
    rnd.shuffle(shuffled)
    assert cluster(shuffled) == expected


def test_dev_eu_records_with_birth_dates() -> None:
    with open(shared_file("dev_records.tsv"), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))

    def readable(printed: str) -> BirthDate | None:
        try:
            return parse_birth_date(printed)
        except ValueError:
            return None

    records = [
        Record(r["name"], id=str(i), birth_date=readable(r["birth_date"]))
        for i, r in enumerate(rows)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = cluster(records)
    predicted = {key: e.id for e in entities for key in e.records}
    gold = {str(i): r["entity_id"] for i, r in enumerate(rows)}
    assert pairwise_scores(predicted, gold).f1 >= 0.99


POOL_NAMES = ["Ivan Petrov", "Иван Петров", "I. Petrov", "Olga Petrova", "Ольга Петрова", "Petrov"]
POOL_DATES = [None, "1.1.1970", "2.2.1980", "1970", "1.1.1971", "possibly 3.3.1975"]
POOL_GENDERS = [None, "m", "f"]


@st.composite
def _records(draw: st.DrawFn) -> list[str | Record]:
    size = draw(st.integers(1, 8))
    out: list[str | Record] = []
    for i in range(size):
        name = draw(st.sampled_from(POOL_NAMES))
        date = draw(st.sampled_from(POOL_DATES))
        gender = draw(st.sampled_from(POOL_GENDERS))
        out.append(Record(name, id=f"r{i}", birth_date=date, gender=gender))
    return out


@settings(max_examples=40, deadline=None)
@given(_records())
def test_no_entity_holds_two_records_whose_evidence_conflicts(records: list[str | Record]) -> None:
    by_key = {r.key: r for r in records if isinstance(r, Record)}
    for entity in cluster(records):
        inside = [by_key[k] for k in entity.records]
        for a in inside:
            for b in inside:
                if a.birth_date is not None and b.birth_date is not None:
                    verdict = birth_date_verdict(a.birth_date, b.birth_date)
                    assert verdict is None or verdict.conflict is None
                if a.gender is not None and b.gender is not None:
                    assert a.gender == b.gender


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(POOL_NAMES + SEED), min_size=1, max_size=8))
def test_records_without_evidence_give_the_partition_of_their_names(names: list[str]) -> None:
    records: list[str | Record] = [Record(n, id=f"r{i}") for i, n in enumerate(names)]
    by_id = {f"r{i}": n for i, n in enumerate(names)}
    found = {frozenset(by_id[k] for k in e.records) for e in cluster(records)}
    assert found == {frozenset(e.aliases) for e in cluster(names)}


def test_a_record_without_evidence_joins_the_part_that_uses_its_name_most() -> None:
    found = cluster(
        [
            Record("Ivan Petrov", id="a", birth_date="1.1.1970"),
            Record("Ivan Petrov", id="b", birth_date="1.1.1970"),
            Record("Иван Петров", id="c", birth_date="2.2.1980"),
            Record("Ivan Petrov", id="d"),
            Record("Иван Петров", id="e"),
        ]
    )
    assert _partition(found) == {frozenset({"a", "b", "d"}), frozenset({"c", "e"})}


def test_a_year_alone_joins_the_larger_of_the_dates_it_agrees_with() -> None:
    found = cluster(
        [
            Record("Ivan Petrov", id="a", birth_date="1.1.1970"),
            Record("Ivan Petrov", id="b", birth_date="1.1.1970"),
            Record("Ivan Petrov", id="c", birth_date="2.2.1970"),
            Record("Ivan Petrov", id="d", birth_date="1970"),
        ]
    )
    assert _partition(found) == {frozenset({"a", "b", "d"}), frozenset({"c"})}


def test_the_same_full_birth_date_joins_names_kept_apart_alone() -> None:
    # Alone, "Gerasimov R. S." is ambiguous between two Romans, so it stays apart.
    names = ["Gerasimov R. S.", "Roman Stepanovich Gerasimov", "Roman Sergeevich Gerasimov"]
    assert len(cluster(names)) == 3
    found = cluster(
        [
            Record("Gerasimov R. S.", id="a", birth_date="15.7.1968"),
            Record("Roman Stepanovich Gerasimov", id="b", birth_date="1968-07-15"),
            Record("Roman Sergeevich Gerasimov", id="c", birth_date="2.2.1970"),
        ]
    )
    assert _partition(found) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_an_ambiguous_record_without_evidence_is_left_alone() -> None:
    found = cluster(
        [
            Record("Ivan Petrov", id="a", birth_date="1.1.1970"),
            Record("Ivan Petrov", id="b", birth_date="2.2.1980"),
            Record("Ivan Petrov", id="c"),
        ]
    )
    assert _partition(found) == {frozenset({"a"}), frozenset({"b"}), frozenset({"c"})}


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_names_holding_separators_cluster_the_same_in_any_order(rnd: random.Random) -> None:
    items: list[str | Record] = [
        Record(["Ivan\x1ePetrov", "Ivan Petrov"], birth_date="1970"),
        Record(["Ivan", "Petrov\x1e1970"]),
        Record("Ivan\x1fPetrov", birth_date="1.1.1970"),
        Record(["Ivan\x1fPetrov", "x"], birth_date="1.1.1970"),
        "Ivan Petrov",
    ]
    expected = cluster(items)
    rnd.shuffle(items)
    assert cluster(items) == expected
