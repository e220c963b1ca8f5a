"""Canonical names as people wrote them (issue 25, item 10)."""

from __future__ import annotations

import random

import pytest

from aliaskit import cluster
from aliaskit.entity import render
from aliaskit.parse import parse_name


@pytest.mark.parametrize(
    "name",
    [
        "Musa Abu Marzuk",
        "Ali Al-Bashir",
        "Abu Bakr al-Baghdadi",
        "Ludwig van der Berg",
        "John McDonald",
        "Sean O'Brien",
        "Mohammed bin Salman",
    ],
)
def test_a_name_written_in_mixed_case_keeps_its_casing_and_particles(name: str) -> None:
    assert render(parse_name(name)) == name
    (entity,) = cluster([name, name.upper()])
    assert entity.canonical == name


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("MUSA ABU MARZUK", "Musa Abu Marzuk"),
        ("Omar AL-BASHIR", "Omar al-Bashir"),
        ("VAN DER BERG Ludwig", "Ludwig van der Berg"),
        ("MCDONALD, John", "John McDonald"),
        ("o'brien, sean", "Sean O'Brien"),
        ("TRUFANOV Alexander", "Alexander Trufanov"),
    ],
)
def test_capitals_or_lower_case_are_title_cased_by_the_particle_rules(
    written: str, shown: str
) -> None:
    assert render(parse_name(written)) == shown


def test_a_full_given_name_beats_a_hypocorism_in_any_script() -> None:
    (entity,) = cluster(["Sasha Trupanov", "Александр Труфанов"])
    assert entity.canonical == "Aleksandr Trufanov"


def test_the_canonical_name_is_the_same_in_any_input_order() -> None:
    names = ["ALI AL-BASHIR", "Ali Al-Bashir", "Али аль-Башир", "Ali al Bashir"]
    seen = set()
    for seed in range(6):
        shuffled = names[:]
        random.Random(seed).shuffle(shuffled)
        seen.add(tuple((e.id, e.canonical) for e in cluster(shuffled)))
    assert len(seen) == 1


@pytest.mark.parametrize(
    "names",
    [
        ["Larry Ferguson", "לארי פרגוסון"],  # a Hebrew reading is no full form
        ["Harry James", "הארי ג'יימס"],
        ["Yulia Klymenko", "Юлия Клименко"],  # a spelling, not a hypocorism
    ],
)
def test_a_latin_name_stays_unless_a_cyrillic_alias_has_its_full_form(names: list[str]) -> None:
    entities = cluster(names)
    assert names[0] in {e.canonical for e in entities}
