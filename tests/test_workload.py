"""Unit tests of the synthetic workload generator (benchmarks/workload.py)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from benchmarks import workload
from benchmarks.common import script_of

N = 20_000


@pytest.fixture(scope="module")
def mentions() -> list[tuple[str, str]]:
    return workload.generate(N, seed=7)


def test_same_seed_gives_same_mentions(mentions: list[tuple[str, str]]) -> None:
    """generate is a pure function of (n_mentions, seed)."""
    assert workload.generate(N, seed=7) == mentions


def test_different_seeds_give_different_mentions(mentions: list[tuple[str, str]]) -> None:
    """Another seed draws other people and forms."""
    assert workload.generate(N, seed=8) != mentions


@pytest.mark.parametrize("n", [0, 1, 7, 1000])
def test_returns_exactly_n_mentions(n: int) -> None:
    """The list has the requested length, and is empty for n = 0."""
    assert len(workload.generate(n)) == n


def test_prefix_of_people_is_stable() -> None:
    """people(n) is a prefix of people(m) for n < m (families are drawn in order)."""
    assert workload.people(50, seed=3) == workload.people(200, seed=3)[:50]


def test_distinct_strings_are_about_30_percent(mentions: list[tuple[str, str]]) -> None:
    """Mentions repeat: roughly 0.3 distinct strings per mention (0.29 at 1M)."""
    distinct = len({name for _, name in mentions})
    assert 0.22 * N <= distinct <= 0.4 * N


def test_all_three_scripts_occur(mentions: list[tuple[str, str]]) -> None:
    """Latin, Cyrillic and Hebrew forms all occur, Latin most often."""
    scripts = Counter(script_of(name) for _, name in mentions)
    assert scripts["Latn"] > scripts["Cyrl"] > 0
    assert scripts["Hebr"] > 0.02 * N


def test_variant_kinds_occur(mentions: list[tuple[str, str]]) -> None:
    """Swapped order, upper-case surnames, initials and patronymics all occur."""
    names = [name for _, name in mentions]
    assert any(re.fullmatch(r"\w[\w'-]*, \w.*", n) for n in names)  # Surname, Given
    assert any(re.fullmatch(r"[A-Z'-]{3,} [A-Z][a-z].*", n) for n in names)  # SURNAME Given
    assert any(re.match(r"[A-Z]\. ", n) for n in names)  # initials
    assert any(re.search(r"\w+(ovich|evich|ovna|evna) ", n) for n in names)
    assert any(re.search(r"\w+(ович|евич|овна|евна)\b", n) for n in names)


def test_people_have_several_forms(mentions: list[tuple[str, str]]) -> None:
    """Most mentioned people appear under more than one string."""
    forms: dict[str, set[str]] = {}
    for eid, name in mentions:
        forms.setdefault(eid, set()).add(name)
    several = sum(len(v) > 1 for v in forms.values())
    assert several > 0.5 * len(forms)


def test_hypocorisms_occur(mentions: list[tuple[str, str]]) -> None:
    """Some mentions use a hypocorism (Sasha, Volodya, ...) instead of the given name."""
    nicknames = {n for g in workload.given_names() for n in g.nicknames_latin}
    firsts = {name.split()[0].lower() for _, name in mentions}
    assert len(nicknames & firsts) > 10


def test_families_share_surnames_and_feminine_forms() -> None:
    """A family's members share the surname; women carry its feminine form."""
    crowd = workload.people(2000, seed=1)
    families: dict[str, list[workload.Person]] = {}
    for p in crowd:
        families.setdefault(p.entity_id.split("-")[0], []).append(p)
    big = [f for f in families.values() if len(f) >= 2]
    assert big
    for family in big:
        father = family[0]
        assert father.given.gender == "m"
        for member in family[1:]:
            expected = (
                father.surname if member.given.gender == "m" else workload.feminine(father.surname)
            )
            assert member.surname == expected


def test_children_differ_in_given_name_from_father_and_siblings() -> None:
    """In a family, the father and each child have different given names."""
    crowd = workload.people(3000, seed=4)
    families: dict[str, list[workload.Person]] = {}
    for p in crowd:
        families.setdefault(p.entity_id.split("-")[0], []).append(p)
    for family in families.values():
        if len(family) >= 3:
            groups = [family[0].given.group] + [c.given.group for c in family[2:]]
            assert len(set(groups)) == len(groups)


def test_children_carry_the_fathers_patronymic() -> None:
    """Children (third member on) of a Russian family have the father's name as patronymic."""
    crowd = workload.people(3000, seed=2)
    families: dict[str, list[workload.Person]] = {}
    for p in crowd:
        families.setdefault(p.entity_id.split("-")[0], []).append(p)
    checked = 0
    for family in families.values():
        if len(family) >= 3 and family[0].lang == "ru":
            father = family[0].given.cyrillic["ru"]
            for child in family[2:]:
                assert child.patronymic == workload.patronymic(father, child.given.gender)
                checked += 1
    assert checked > 0


@pytest.mark.parametrize(
    ("father", "gender", "expected"),
    [
        ("виталий", "m", "витальевич"),
        ("сергей", "f", "сергеевна"),
        ("игорь", "m", "игоревич"),
        ("георгий", "m", "георгиевич"),
        ("иван", "f", "ивановна"),
        ("илья", "m", "ильич"),
        ("никита", "f", "никитична"),
        ("лев", "m", "львович"),
    ],
)
def test_patronymic_forms(father: str, gender: str, expected: str) -> None:
    """Russian patronymics follow the usual endings, with the irregular stems."""
    assert workload.patronymic(father, gender) == expected


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [("труфанов", "труфанова"), ("чайковский", "чайковская"), ("шевченко", "шевченко")],
)
def test_feminine_surname_forms(masculine: str, feminine: str) -> None:
    """-ов/-ин take -а, -ский takes -ская, -енко is invariant."""
    assert workload.feminine(masculine) == feminine


def test_hebrew_spelling_of_trufanov() -> None:
    """The Cyrillic-to-Hebrew mapping gives the usual Israeli spelling of Труфанов."""
    assert workload.hebrew("труфанов") == "טרופנוב"
    assert workload.hebrew("труфанова") == "טרופנובה"


def test_surnames_look_like_surnames() -> None:
    """Surnames come from the name groups, are many, and end in a surname suffix."""
    names = workload.surnames()
    assert len(names) > 500
    assert all(
        n.endswith(("ов", "ев", "ин", "ын", "ский", "цкий", "енко", "ук", "юк")) for n in names
    )


def test_typo_changes_one_letter_at_most() -> None:
    """A typo is one edit inside a word (length changes by at most one)."""
    import random

    rng = random.Random(0)
    for _ in range(200):
        out = workload.typo(rng, "Alexander Trufanov")
        assert abs(len(out) - len("Alexander Trufanov")) <= 1
        assert out[0] == "A"


def test_command_line_writes_a_headered_tsv(capsys: pytest.CaptureFixture[str]) -> None:
    """python -m benchmarks.workload N writes a header and N tab-separated rows."""
    assert workload.main(["25", "--seed", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "entity_id\tname"
    assert [tuple(x.split("\t")) for x in lines[1:]] == workload.generate(25, seed=3)
