"""The canonical name takes the spelling most input mentions use (issue 25, item 10).

A full given name beats a hypocorism first; among full names, the spelling
(normalised form) that most inputs use wins, then the casing most of them
use; the old tie-breaks follow. Every path that clusters counts the same
mentions: :func:`aliaskit.cluster`, ``Resolver.add`` and ``add_many``, a
saved and loaded Resolver, records (and Spark, in ``test_spark.py``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Record, Resolver, cluster
from aliaskit._mentions import MentionsError, checked_mentions, mention_counts, saved_mentions
from aliaskit.resolver import ResolverFileError

ALEKSANDR, ALEXANDER = "Aleksandr Trufanov", "Alexander Trufanov"
#: Three mentions of one spelling, one of the other: the first wins (and, the
#: other way round, the second: neither wins by its letters alone).
MOST_USED = [
    ([ALEKSANDR] * 3 + [ALEXANDER], ALEKSANDR),
    ([ALEXANDER] * 3 + [ALEKSANDR], ALEXANDER),
]
#: Spellings, casings and a hypocorism of one person, for the properties.
POOL = [
    ALEKSANDR,
    ALEXANDER,
    "ALEKSANDR TRUFANOV",
    "Sasha Trufanov",
    "Александр Труфанов",
    "Ali Al-Bashir",
    "Ali al-Bashir",
    "ALI AL-BASHIR",
    "Elena Trufanova",
]


def _canonicals(entities: list[Any]) -> list[str]:
    return [e.canonical for e in entities]


def _orders(names: list[str]) -> list[list[str]]:
    """Every distinct order of ``names``."""
    return [list(p) for p in sorted(set(itertools.permutations(names)))]


@pytest.mark.parametrize(("names", "want"), MOST_USED)
def test_cluster_takes_the_spelling_most_mentions_use_in_any_order(
    names: list[str], want: str
) -> None:
    for order in _orders(names):
        assert _canonicals(cluster(order)) == [want]


@pytest.mark.parametrize(("names", "want"), MOST_USED)
def test_resolver_counts_a_name_added_twice_twice(names: list[str], want: str) -> None:
    for order in _orders(names):
        one_by_one = Resolver()
        for name in order:
            one_by_one.add(name)
        batch = Resolver()
        batch.add_many(order)
        assert _canonicals(one_by_one.entities) == _canonicals(batch.entities) == [want]
        assert one_by_one.entities == batch.entities == cluster(order)


@pytest.mark.parametrize(("names", "want"), MOST_USED)
def test_mentions_survive_a_save_and_load(tmp_path: Path, names: list[str], want: str) -> None:
    resolver = Resolver()
    resolver.add_many(names)
    path = tmp_path / "r.json"
    resolver.save(path)
    loaded = Resolver.load(path)
    assert _canonicals(loaded.entities) == [want]
    assert loaded.to_dict() == resolver.to_dict()
    loaded.add(ALEKSANDR)  # counting goes on from the saved counts
    resolver.add(ALEKSANDR)
    assert loaded.entities == resolver.entities


@pytest.mark.parametrize(("names", "want"), MOST_USED)
def test_records_count_one_mention_each(names: list[str], want: str) -> None:
    records = [Record(name, id=f"r{k}") for k, name in enumerate(names)]
    (entity,) = cluster(records)
    assert entity.canonical == want
    resolver = Resolver()
    resolver.add_many(records)
    assert resolver.entities == [entity]


def test_a_full_given_name_beats_more_mentions_of_a_hypocorism() -> None:
    assert _canonicals(cluster(["Sasha Trufanov"] * 5 + [ALEXANDER])) == [ALEXANDER]
    assert _canonicals(cluster(["Sasha Trupanov"] * 3 + ["Александр Труфанов"])) == [ALEKSANDR]
    resolver = Resolver()
    resolver.add_many(["Sasha Trupanov", "Александр Труфанов"])
    assert _canonicals(resolver.entities) == [ALEKSANDR]


def test_a_spelling_counts_its_mentions_in_every_casing_and_shows_the_most_used_casing() -> None:
    names = ["ALEKSANDR TRUFANOV"] * 2 + [ALEKSANDR] + [ALEXANDER] * 2
    assert _canonicals(cluster(names)) == [ALEKSANDR]
    assert _canonicals(cluster(["Ali al-Bashir"] * 2 + ["Ali Al-Bashir"])) == ["Ali al-Bashir"]
    assert _canonicals(cluster(["Ali al-Bashir"] + ["Ali Al-Bashir"] * 2)) == ["Ali Al-Bashir"]


def test_the_most_mentioned_cyrillic_full_form_replaces_a_hypocorism() -> None:
    names = ["Sasha Trupanov", "Александр Труфанов", "Александр Трупанов"]
    assert _canonicals(cluster(names)) == ["Aleksandr Trupanov"]  # the first, on a tie
    assert _canonicals(cluster([*names, "Александр Труфанов"])) == [ALEKSANDR]


def test_mentions_leave_the_entity_ids_and_partition_alone() -> None:
    once = cluster(POOL)
    many = cluster(POOL + [ALEXANDER] * 4 + ["Ali al-Bashir"] * 3)
    assert [(e.id, e.aliases) for e in sorted(once, key=lambda e: e.id)] == [
        (e.id, e.aliases) for e in sorted(many, key=lambda e: e.id)
    ]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=10), st.randoms())
def test_shuffled_mentions_give_the_same_entities(names: list[str], rnd: Any) -> None:
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert cluster(shuffled) == cluster(names)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(POOL), max_size=4), min_size=1, max_size=4))
def test_adding_in_batches_equals_one_batch(batches: list[list[str]]) -> None:
    resolver = Resolver()
    for batch in batches:
        resolver.add_many(batch)
    flat = [n for batch in batches for n in batch]
    assert resolver.entities == cluster(flat)


def _signed(data: dict[str, Any]) -> dict[str, Any]:
    body = {k: v for k, v in data.items() if k not in ("format", "version", "sha256")}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8", "surrogatepass"))
    return {**data, "sha256": digest.hexdigest()}


def test_a_version_3_file_counts_each_name_once(tmp_path: Path) -> None:
    resolver = Resolver()
    resolver.add_many([ALEXANDER] * 3 + [ALEKSANDR])
    data = resolver.to_dict()
    assert data["mentions"] == {ALEXANDER: 3}
    del data["mentions"]
    path = tmp_path / "v3.json"
    path.write_text(json.dumps(_signed({**data, "version": 3})), encoding="utf-8")
    assert Resolver.load(path).entities == cluster([ALEXANDER, ALEKSANDR])


@pytest.mark.parametrize(
    ("mentions", "message"),
    [
        ({ALEXANDER: True}, r"mentions\['Alexander Trufanov'\] must be a non-negative integer"),
        ({ALEXANDER: -2}, r"mentions\['Alexander Trufanov'\] must be a non-negative integer"),
        ({ALEXANDER: 2.0}, r"mentions\['Alexander Trufanov'\] must be a non-negative integer"),
        ({"Mallory": 2}, r"mentions\['Mallory'\]: not a saved name"),
        ([[ALEXANDER, 2]], r"mentions must be an object of names to counts, not list"),
    ],
)
def test_bad_saved_mentions_say_which_entry_and_where(
    tmp_path: Path, mentions: Any, message: str
) -> None:
    resolver = Resolver()
    resolver.add_many([ALEXANDER, ALEKSANDR])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_signed({**resolver.to_dict(), "mentions": mentions})))
    with pytest.raises(ResolverFileError, match=f"^{path}: {message}"):
        Resolver.load(path)


def test_a_count_of_zero_loads() -> None:
    resolver = Resolver()
    resolver.add_many([ALEXANDER, ALEKSANDR])
    loaded = Resolver.from_dict(_signed({**resolver.to_dict(), "mentions": {ALEXANDER: 0}}))
    assert _canonicals(loaded.entities) == [ALEKSANDR]
    assert loaded.to_dict()["mentions"] == {ALEXANDER: 0}


def test_mention_helpers_count_each_record_once_and_save_counts_other_than_one() -> None:
    counts = mention_counts(["a", Record(["a", "b", "a"]), "c", "a"], {"a", "b"})
    assert counts == {"a": 3, "b": 1}
    assert saved_mentions({"b": 1, "a": 2, "c": 0}) == {"a": 2, "c": 0}
    assert checked_mentions({"a": 3}, {"a"}) == {"a": 3}
    with pytest.raises(MentionsError):
        checked_mentions(None, {"a"})


@pytest.mark.parametrize(("names", "want"), MOST_USED)
def test_the_cli_counts_every_row_of_a_name(tmp_path: Path, names: list[str], want: str) -> None:
    from tests.test_cli import jsonl, ok, write

    src = write(tmp_path / "names.txt", "\n".join([*names, "!!", "!!"]) + "\n")
    out, _ = ok("cluster", src, "--format", "jsonl", "--allow-errors")
    assert [e["canonical"] for e in jsonl(out)] == [want]
    annotated, _ = ok("cluster", src, "--annotate", "--format", "jsonl", "--allow-errors")
    assert {r["canonical"] for r in jsonl(annotated)} == {want, None}
