"""Records in a Resolver: ids, evidence, persistence, and incremental equals batch."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Record, Resolver, cluster
from aliaskit.resolver import FORMAT_VERSION, ResolverFileError

ITEMS: list[str | Record] = [
    Record("Ivan Petrov", id="a", birth_date="1.1.1970", countries="RU"),
    Record("Иван Петров", id="b", birth_date="1970-01-01"),
    Record("Ivan Petrov", id="c", birth_date="2.2.1980", gender="m"),
    Record(["Igor STRELKOV", "Igor Vsevolodovich GIRKIN"], id="g"),
    "Sasha Trupanov",
    Record("Gerasimov R. S.", id="r1", birth_date="15.7.1968"),
    Record("Roman Stepanovich Gerasimov", id="r2", birth_date="1968-07-15"),
    Record("Roman Sergeevich Gerasimov", id="r3", birth_date="2.2.1970"),
]


def test_a_resolver_of_records_gives_the_entities_cluster_gives() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    assert resolver.entities == cluster(ITEMS)


@settings(max_examples=15, deadline=None)
@given(st.permutations(ITEMS), st.integers(1, len(ITEMS)))
def test_records_added_in_batches_give_the_entities_of_one_batch(
    items: list[str | Record], size: int
) -> None:
    resolver = Resolver()
    for start in range(0, len(items), size):
        resolver.add_many(items[start : start + size])
    assert resolver.entities == cluster(ITEMS)


def test_entity_of_takes_a_record_id_and_a_name_in_two_entities_is_ambiguous() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    assert resolver.entity_of("a").records == ("a", "b")
    with pytest.raises(ValueError, match=r"'Ivan Petrov' is in 2 entities.*'a', 'b', 'c'"):
        resolver.entity_of("Ivan Petrov")
    assert sorted(e.records for e in resolver.entities_of("Ivan Petrov")) == [("a", "b"), ("c",)]
    assert resolver.entity_of("Sasha Trupanov").aliases == ("Sasha Trupanov",)
    assert resolver.entities_of("nobody") == []
    with pytest.raises(KeyError):
        resolver.entity_of("nobody")


def test_add_returns_the_entity_of_the_record() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    assert resolver.add(Record("Igor Vsevolodovich Girkin", id="h")).records == ("g", "h")
    assert resolver.add(Record("Ivan Petrov", id="d", birth_date="2.2.1980")).records == ("c", "d")


def test_a_taken_id_with_other_content_changes_nothing() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    before = resolver.entities
    with pytest.raises(ValueError, match="record id 'a' is used by two different records"):
        resolver.add_many([Record("Oleg Sidorov", id="x"), Record("Oleg Sidorov", id="a")])
    assert resolver.entities == before


def test_explain_shows_the_evidence_of_records_by_id() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    text = str(resolver.explain("a", "c"))
    assert text.startswith("different entities")
    assert "conflict   different birth date (1970-01-01 vs 1980-02-02)" in text


def test_merge_and_split_take_record_ids() -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    resolver.split("g", "Sasha Trupanov")
    resolver.merge("r1", "r2")
    assert resolver.entity_of("r1").records == ("r1", "r2")


def test_records_survive_save_and_load(tmp_path: Path) -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    resolver.split("Sasha Trupanov", "Igor STRELKOV")
    path = tmp_path / "r.json"
    resolver.save(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == FORMAT_VERSION
    assert ["Igor STRELKOV", "Igor Vsevolodovich GIRKIN"] not in saved["must_link"]
    assert Resolver.load(path).entities == resolver.entities


def test_a_version_1_file_still_loads(tmp_path: Path) -> None:
    body = {
        "threshold": 0.75,
        "names": ["Alexander Trufanov", "Sasha Trupanov", "Vitali Trupanov"],
        "must_link": [],
        "cannot_link": [["Alexander Trufanov", "Sasha Trupanov"]],
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
    data = {"format": "aliaskit-resolver", "version": 1, "sha256": digest, **body}
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = Resolver.load(path)
    assert len(loaded.entities) == 3


def test_a_saved_record_with_a_bad_field_is_a_file_error(tmp_path: Path) -> None:
    body = {
        "threshold": 0.75,
        "names": ["Ivan Petrov"],
        "records": [{"name": ["Ivan Petrov"], "id": "a", "birth_date": "1985-13-45"}],
        "must_link": [],
        "cannot_link": [],
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"format": "aliaskit-resolver", "version": 2, "sha256": digest, **body}),
        encoding="utf-8",
    )
    with pytest.raises(ResolverFileError, match=r"records\[0\]: birth_date: cannot read"):
        Resolver.load(path)


NAMESAKES: list[str | Record] = [
    Record("Olga Vorobyova", id="o1"),
    Record("Olga Vorobyova", id="o2"),
    Record("Olga A. Vorobyova", id="o3", birth_date="1970"),
]


def _records_by_entity(resolver: Resolver) -> set[tuple[str, ...]]:
    return {e.records for e in resolver.entities}


def test_split_by_record_id_tells_namesakes_of_one_string_apart() -> None:
    resolver = Resolver()
    resolver.add_many(NAMESAKES)
    assert _records_by_entity(resolver) == {("o1", "o2", "o3")}
    resolver.split("o1", "o2")
    assert _records_by_entity(resolver) == {("o1", "o3"), ("o2",)}
    assert "records 'o1' and 'o2' cannot link" in str(resolver.explain("o1", "o2"))
    # the judgement binds the two records, not their name
    resolver.add(Record("Olga Vorobyova", id="o4"))
    assert _records_by_entity(resolver) == {("o1", "o3"), ("o2",), ("o4",)}


def test_merge_by_record_id_beats_the_placement_evidence_chose() -> None:
    resolver = Resolver()
    resolver.add_many(NAMESAKES)
    resolver.split("o1", "o2")
    resolver.merge("o2", "o3")
    assert _records_by_entity(resolver) == {("o1",), ("o2", "o3")}
    # Contradicting judgements: a must-link never joins two records judged
    # apart, and the pairs are taken in record order, not in the order said.
    resolver.merge("o1", "o3")
    assert _records_by_entity(resolver) == {("o1", "o3"), ("o2",)}


def test_merge_by_record_id_joins_records_of_unlike_names_only() -> None:
    resolver = Resolver()
    resolver.add_many([Record("Ivan Petrov", id="p"), Record("Sidor Fedorenko", id="f")])
    resolver.add("Sidor Fedorenko")
    resolver.merge("p", "f")
    assert _records_by_entity(resolver) == {("f", "p", "Sidor Fedorenko")}
    # the names themselves were not judged
    assert resolver.to_dict()["must_link"] == [["f", "p"]]
    assert resolver._must - resolver._alias == set()


def test_record_judgements_survive_save_and_load(tmp_path: Path) -> None:
    resolver = Resolver()
    resolver.add_many(NAMESAKES)
    resolver.split("o1", "o2")
    resolver.merge("o2", "o3")
    path = tmp_path / "r.json"
    resolver.save(path)
    loaded = Resolver.load(path)
    assert loaded.entities == resolver.entities
    assert loaded.to_dict() == resolver.to_dict()


@settings(max_examples=10, deadline=None)
@given(st.permutations([*NAMESAKES, "Olga Vorobyova", Record("Olga Vorobjova", id="o5")]))
def test_record_judgements_give_the_same_entities_in_any_order(items: list[str | Record]) -> None:
    resolver = Resolver()
    resolver.add_many(items)
    resolver.split("o1", "o2")
    resolver.merge("o5", "o2")
    reference = Resolver()
    reference.add_many(sorted(items, key=repr))
    reference.merge("o5", "o2")
    reference.split("o2", "o1")
    assert resolver.entities == reference.entities


def test_a_judgement_by_a_name_of_two_records_is_ambiguous() -> None:
    resolver = Resolver()
    resolver.add_many(NAMESAKES)
    with pytest.raises(ValueError, match="held by 2 records; use one of 'o1', 'o2'"):
        resolver.split("Olga Vorobyova", "o3")
    with pytest.raises(ValueError, match="same record"):
        resolver.merge("o1", "o1")
    with pytest.raises(KeyError):
        resolver.merge("o1", "nobody")


def _resaved(path: Path, change: dict[str, object]) -> None:
    """Rewrite a saved Resolver with some fields changed, its checksum made again."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    body = {k: v for k, v in data.items() if k not in ("format", "version", "sha256")}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
    data["sha256"] = digest.hexdigest()
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_load_reads_the_saved_scores_instead_of_scoring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    resolver.split("Sasha Trupanov", "Igor STRELKOV")
    path = tmp_path / "r.json"
    resolver.save(path)

    def no_scoring(*args: object) -> None:
        raise AssertionError("a saved pair was scored again")

    monkeypatch.setattr("aliaskit._resolver_ingest.scored_pairs", no_scoring)
    loaded = Resolver.load(path)
    assert loaded.entities == resolver.entities
    assert loaded.to_dict() == resolver.to_dict()


def test_scores_saved_by_another_version_are_computed_again(tmp_path: Path) -> None:
    resolver = Resolver()
    resolver.add_many(ITEMS)
    path = tmp_path / "r.json"
    resolver.save(path)
    _resaved(path, {"aliaskit": "0.0.1", "scores": []})  # stale: ignored
    assert Resolver.load(path).entities == resolver.entities
