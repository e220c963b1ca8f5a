"""Unit tests of the synthetic workload generator (benchmarks/workload.py)."""

from __future__ import annotations

import hashlib
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


# --- The shapes -------------------------------------------------------------------


#: Pinned again in session 17: the curated table gained Arabic given names with
#: Russian Cyrillic forms (Yahya, Zakariya, ...), which the workload draws on.
FAMILY_2000_SHA256 = "51442b342c83a18541943a710d874eff40a5fe1af0f48cb006c4aa6b241c0c59"


def _sha256(mentions: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for eid, name in mentions:
        digest.update(f"{eid}\t{name}\n".encode())
    return digest.hexdigest()


def test_family_shape_is_unchanged() -> None:
    """The default (family) shape gives the same mentions as before the distinct shape existed.

    The hash also moves if a romanisation scheme of aliaskit changes its
    output on purpose; then pin the new one.
    """
    assert _sha256(workload.generate(2000)) == FAMILY_2000_SHA256
    assert workload.generate(2000, shape="family") == workload.generate(2000)


def test_shapes_are_listed() -> None:
    """SHAPES names the two shapes, the default first."""
    assert workload.SHAPES == ("family", "distinct")


def test_unknown_shape_names_the_valid_ones() -> None:
    """An unknown shape is a ValueError that lists the valid shapes."""
    with pytest.raises(ValueError, match="family, distinct"):
        workload.generate(10, shape="families")


@pytest.fixture(scope="module")
def distinct() -> list[workload.ListMention]:
    return workload.distinct_mentions(N, seed=7)


def test_distinct_shape_is_deterministic_by_seed(distinct: list[workload.ListMention]) -> None:
    """The distinct shape is a pure function of (n_mentions, seed); another seed differs."""
    pairs = [(m.person.entity_id, m.name) for m in distinct]
    assert workload.generate(N, seed=7, shape="distinct") == pairs
    assert workload.generate(N, seed=8, shape="distinct") != pairs


@pytest.mark.parametrize("n", [0, 1, 7, 1000])
def test_distinct_shape_returns_exactly_n_mentions(n: int) -> None:
    """The distinct shape also has the requested length."""
    assert len(workload.generate(n, shape="distinct")) == n


def test_distinct_shape_strings_are_mostly_distinct(distinct: list[workload.ListMention]) -> None:
    """At 20,000 mentions at least 90% of the strings are distinct (about 96% at 100,000)."""
    assert len({m.name for m in distinct}) >= 0.9 * N


def test_distinct_shape_people_are_mentioned_about_once(
    distinct: list[workload.ListMention],
) -> None:
    """Each person is mentioned 1.05 to 1.3 times on average."""
    people = {m.person.entity_id for m in distinct}
    assert 1.05 <= N / len(people) <= 1.3


def test_distinct_shape_uses_every_russian_scheme(distinct: list[workload.ListMention]) -> None:
    """Every Russian romanisation scheme aliaskit ships occurs, and Cyrillic."""
    from aliaskit.translit import scheme, schemes

    shipped = {s for s in schemes() if scheme(s).language == "ru"}
    assert len(shipped) >= 10
    assert set(workload.russian_schemes()) == shipped
    used = Counter(m.scheme for m in distinct)
    assert shipped | {"cyrillic"} == set(used)
    assert 0.2 * N < used["cyrillic"] < 0.4 * N


def test_distinct_shape_gold_ids_are_consistent(distinct: list[workload.ListMention]) -> None:
    """One id is one person, and the person's surname is in each of their Cyrillic mentions."""
    person_of: dict[str, workload.ListPerson] = {}
    for m in distinct:
        assert person_of.setdefault(m.person.entity_id, m.person) == m.person
        assert re.fullmatch(r"d\d{7}", m.person.entity_id)
        if m.scheme == "cyrillic" and not m.typo:
            folded = m.name.lower().replace("ё", "е")
            assert m.person.surname.replace("ё", "е") in folded
    pairs = workload.generate(N, seed=7, shape="distinct")
    assert [eid for eid, _ in pairs] == [m.person.entity_id for m in distinct]


def test_distinct_shape_people_have_full_russian_names(
    distinct: list[workload.ListMention],
) -> None:
    """Patronymics end as patronymics do; women carry the feminine surname."""
    for p in {m.person.entity_id: m.person for m in distinct}.values():
        assert p.patronymic.endswith(("вич", "вна", "ич", "ична", "инична"))
        if p.gender == "f":
            assert p.surname.endswith("а")
            assert p.patronymic.endswith("на")
        else:
            assert p.surname in workload.COMMON_SURNAMES


def test_distinct_shape_common_surnames_are_shared_widely(
    distinct: list[workload.ListMention],
) -> None:
    """The top surname is shared by hundreds of people at 20,000 mentions (thousands at 100k)."""
    people = {m.person.entity_id: m.person for m in distinct}.values()
    by_surname = Counter(p.surname.removesuffix("а") for p in people)
    (top, count), *_ = by_surname.most_common(1)
    assert top in workload.COMMON_SURNAMES[:10]
    assert count > 0.015 * len(people)
    assert len(by_surname) > 200


def test_distinct_shape_list_layouts_occur(distinct: list[workload.ListMention]) -> None:
    """Surname-first, capitals, commas, initials, two-part names, Cyrillic patronymics."""
    names = [m.name for m in distinct]
    assert any(re.fullmatch(r"[A-Z'-]{3,} [A-Z][a-z]+ [A-Z][a-z]+", n) for n in names)
    assert any(re.fullmatch(r"[A-Z'-]{3,} [A-Z'-]{3,} [A-Z'-]{3,}", n) for n in names)
    assert any(re.fullmatch(r"[A-Z][a-z]+, [A-Z][a-z]+", n) for n in names)
    assert any(re.fullmatch(r"[A-Z][a-z]?\. [A-Z][a-z]?\. [A-Z][a-z]+", n) for n in names)
    assert any(re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ]\.[А-ЯЁ]\.", n) for n in names)
    assert any(
        re.fullmatch(r"[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(вич|вна)", n) for n in names
    )
    assert sum(len(n.split()) == 2 and "," not in n for n in names) > 0.1 * N


@pytest.mark.parametrize(
    ("father", "gender", "expected"),
    [
        ("михаил", "m", "михайлович"),
        ("дмитрий", "f", "дмитриевна"),
        ("пётр", "m", "петрович"),
        ("семён", "f", "семёновна"),
        ("илья", "f", "ильинична"),
    ],
)
def test_russian_patronymic_irregular_forms(father: str, gender: str, expected: str) -> None:
    """The distinct shape writes the irregular patronymics right."""
    assert workload.russian_patronymic(father, gender) == expected


def test_russian_surname_feminine_of_yo_endings() -> None:
    """A surname ending in -ёв takes -а for a woman, like -ов."""
    assert workload.russian_surname("воробьёв", "f") == "воробьёва"
    assert workload.russian_surname("воробьёв", "m") == "воробьёв"
    assert workload.russian_surname("ильин", "f") == "ильина"


def test_command_line_shape_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--shape distinct writes the distinct shape."""
    assert workload.main(["20", "--seed", "3", "--shape", "distinct"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "entity_id\tname"
    rows = [tuple(x.split("\t")) for x in lines[1:]]
    assert rows == workload.generate(20, seed=3, shape="distinct")


# --- Cliff inputs -------------------------------------------------------------------


def test_one_surname_names_are_distinct_and_share_the_surname() -> None:
    """n distinct names; each is written with the one surname, in some script or scheme."""
    names = workload.one_surname_names(2000, seed=1)
    assert len(names) == len(set(names)) == 2000
    assert names == workload.one_surname_names(2000, seed=1)
    cyrillic = [n for n in names if script_of(n) == "Cyrl"]
    assert cyrillic
    assert all("иванов" in n.lower() for n in cyrillic)
    latin = [n for n in names if script_of(n) == "Latn"]
    assert sum(bool(re.search(r"iv?w?anov|iwanow", n.lower())) for n in latin) > 0.8 * len(latin)


def test_short_names_are_two_letter_words() -> None:
    """n distinct names of two two-letter words, deterministic by seed."""
    names = workload.short_names(3000, seed=2)
    assert len(set(names)) == 3000
    assert all(re.fullmatch(r"[A-Z][a-z] [A-Z][a-z]", n) for n in names)
    assert names == workload.short_names(3000, seed=2)
