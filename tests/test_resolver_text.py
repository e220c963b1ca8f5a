"""Resolver.add_text: a text's mentions as records, short mentions as the people they stand for."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Resolver
from aliaskit._resolver_text import text_records
from aliaskit.resolver import TextMention
from tests.test_text_names import SEEDS, VECTORS

#: Sentences about the seed story, written by the aliaskit project.
SENTENCES = (
    "Russian President Vladimir Putin met Alexander Trufanov in Moscow.",
    "Trufanov thanked Putin.",
    "His mother, Elena Trufanova, was freed earlier.",
    "Trufanova said little.",
    "Israeli Prime Minister Benjamin Netanyahu called Putin.",
    "Netanyahu's office confirmed the call.",
    "Deputy Foreign Minister Mikhail Bogdanov met Musa Abu Marzouk.",
    "Bogdanov spoke for Moscow.",
    "\n",
)


def _people(found: list[TextMention]) -> dict[str, set[str]]:
    """The entity ids of each record name."""
    out: dict[str, set[str]] = defaultdict(set)
    for t in found:
        out[t.record_name].add(t.entity.id)
    return out


def test_record_ids_carry_document_and_offsets() -> None:
    text = "Russian President Vladimir Putin met Sasha Trufanov. Putin thanked him."
    found = Resolver().add_text(text, doc_id="doc-1")
    assert [t.record_id for t in found] == [
        f"doc-1:{t.mention.start}-{t.mention.end}" for t in found
    ]
    assert [text[t.mention.start : t.mention.end] for t in found] == [
        "Vladimir Putin",
        "Sasha Trufanov",
        "Putin",
    ]
    assert found[0].mention.roles == ("Russian President",)


def test_short_mentions_join_the_person_they_stand_for() -> None:
    text = (
        "Alexander Trufanov met Vladimir Putin with his mother Elena Trufanova.\n"
        "Trufanov thanked Putin. Elena cried."
    )
    r = Resolver()
    found = r.add_text(text, doc_id=7)
    names = {t.mention.surface: t for t in found}
    assert names["Trufanov"].record_name == "Alexander Trufanov"
    assert names["Trufanov"].entity == names["Alexander Trufanov"].entity
    assert names["Elena"].entity == names["Elena Trufanova"].entity
    assert names["Alexander Trufanov"].entity != names["Elena Trufanova"].entity
    assert names["Putin"].entity == names["Vladimir Putin"].entity
    assert r.entity_of(names["Trufanov"].record_id) == names["Trufanov"].entity


def test_a_bare_surname_is_not_a_relative_of_the_other_gender() -> None:
    """Bare Troufanov after Yelena Trufanova stands for Alexander, not for her."""
    text = (
        "Putin hosted Alexander Troufanov along with his mother, Yelena Trufanova. "
        "A family that lost Troufanov's father."
    )
    found = Resolver().add_text(text, doc_id="a")
    bare = next(t for t in found if t.mention.name == "Troufanov")
    assert bare.record_name == "Alexander Troufanov"


def test_a_kinship_word_gives_a_given_name_its_family_name() -> None:
    text = "Alexander Trufanov was freed. Trufanov's father, Vitaly, was killed."
    found = Resolver().add_text(text, doc_id="a")
    assert found[-1].mention.name == "Vitaly"
    assert found[-1].record_name == "Vitaly Trufanov"


def test_a_spouse_keeps_a_name_of_her_own() -> None:
    text = "Alexander Trufanov was freed. Trufanov's wife, Maria, was freed too."
    found = Resolver().add_text(text, doc_id="a")
    assert (found[-1].mention.name, found[-1].record_name) == ("Maria", "Maria")


def test_a_text_without_names_adds_nothing() -> None:
    r = Resolver()
    assert r.add_text("the weather was fine, 3 > 2 <b>ok</b>", doc_id="x") == []
    assert r.entities == []


@pytest.mark.parametrize("doc_id", [None, 1.5, True, b"a", ["a"]])
def test_a_doc_id_of_another_type_is_a_type_error(doc_id: object) -> None:
    with pytest.raises(TypeError, match="doc_id"):
        Resolver().add_text("Vladimir Putin", doc_id=doc_id)  # type: ignore[arg-type]


def test_an_empty_doc_id_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="doc_id"):
        Resolver().add_text("Vladimir Putin", doc_id=" ")


def test_text_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="text"):
        Resolver().add_text(b"Vladimir Putin", doc_id="a")  # type: ignore[arg-type]


texts = st.lists(st.lists(st.sampled_from(SENTENCES), max_size=6).map(" ".join), max_size=4)


@settings(max_examples=25, deadline=None)
@given(texts)
def test_entities_do_not_depend_on_the_order_texts_are_added(docs: list[str]) -> None:
    one, two = Resolver(), Resolver()
    for k, text in enumerate(docs):
        one.add_text(text, doc_id=k)
    for k, text in reversed(list(enumerate(docs))):
        two.add_text(text, doc_id=k)
    assert one.entities == two.entities


@settings(max_examples=25, deadline=None)
@given(texts.map("\n".join))
def test_every_record_slices_its_text(text: str) -> None:
    for mention, record in text_records(text, "d"):
        assert record.id == f"d:{mention.start}-{mention.end}"
        assert text[mention.start : mention.end] == mention.surface


def _gold_people() -> dict[tuple[str, int, int], str]:
    rows = {}
    for line in (VECTORS / "text_mentions.tsv").read_text("utf-8").splitlines():
        if not line.startswith(("#", "article\t")):
            article, start, end, _surface, _name, person = line.split("\t")
            rows[(article, int(start), int(end))] = person
    return rows


def seed_entities() -> dict[str, set[str]]:
    """Each seed person's entities when the five seed articles are added."""
    gold = _gold_people()
    r = Resolver()
    people: dict[str, set[str]] = defaultdict(set)
    for path in sorted(Path(SEEDS).glob("*.txt")):
        for t in r.add_text(path.read_text("utf-8"), doc_id=path.stem):
            person = gold.get((path.stem, t.mention.start, t.mention.end))
            if person is not None:
                people[person].add(r.entity_of(t.record_id).id)
    return people


def test_seed_articles_give_each_person_one_entity_and_the_family_apart() -> None:
    if not SEEDS.is_dir():
        pytest.skip("the seed articles (../shared/seeds) are absent")
    people = seed_entities()
    print({p: len(ids) for p, ids in sorted(people.items())})
    assert {p: len(ids) for p, ids in people.items() if len(ids) != 1} == {}
    family = [people[p] for p in ("troufanov_alexander", "troufanov_elena", "troufanov_vitaly")]
    assert len(set.union(*family)) == 3
    owners = defaultdict(set)
    for person, ids in people.items():
        for i in ids:
            owners[i].add(person)
    assert [o for o in owners.values() if len(o) > 1] == []
