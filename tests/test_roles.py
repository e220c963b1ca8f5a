"""Roles, titles and kinship words written with a name are not names (issue 27).

``parse_name`` takes offices with their qualifiers (``Russian President``,
``президент России``, ``ראש הממשלה``, ``وزير الخارجية``) and kinship words
off a name, keeps them as written in ``ParsedName.roles``, and ``compare``
ignores them.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import compare, parse_name
from aliaskit._parse_roles import LISTS, role_words
from aliaskit.evaluation import load_gold
from tests.conftest import shared_file

#: A name with a role before or after it, and the bare name.
ROLE_PAIRS = [
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
    ("Chief Rabbi Berel Lazar", "Berel Lazar"),
    ("Chief Rabbi of Russia Berel Lazar", "Berel Lazar"),
    ("Deputy Foreign Minister Mikhail Bogdanov", "Mikhail Bogdanov"),
    ("Hamas official Basem Naim", "Basem Naim"),
    ("freed hostage Alexander Trufanov", "Alexander Trufanov"),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("U.S. Secretary of State Antony Blinken", "Antony Blinken"),
    ("Russia's President Vladimir Putin", "Vladimir Putin"),
    ("ex-President Dmitry Medvedev", "Dmitry Medvedev"),
    ("mother Elena Trufanova", "Elena Trufanova"),
    ("his mother, Elena Trufanova", "Elena Trufanova"),
    ("Vladimir Putin, Russian President", "Vladimir Putin"),
    ("Putin, the Russian president", "Putin"),
    ("Vladimir Putin (Russian President)", "Vladimir Putin"),
    ("президент России Владимир Путин", "Владимир Путин"),
    ("замминистра иностранных дел Михаил Богданов", "Михаил Богданов"),
    ("министр иностранных дел России Сергей Лавров", "Сергей Лавров"),
    ("главный раввин России Берл Лазар", "Берл Лазар"),
    ("премьер-министр Израиля Биньямин Нетаньяху", "Биньямин Нетаньяху"),
    ("мать Елена Труфанова", "Елена Труфанова"),
    ("міністр закордонних справ України Дмитро Кулеба", "Дмитро Кулеба"),
    ("ראש הממשלה בנימין נתניהו", "בנימין נתניהו"),
    ("נשיא רוסיה ולדימיר פוטין", "ולדימיר פוטין"),
    ("הרב הראשי לרוסיה ברל לזר", "ברל לזר"),
    ("שר החוץ סרגיי לברוב", "סרגיי לברוב"),
    ("סגן שר החוץ מיכאיל בוגדנוב", "מיכאיל בוגדנוב"),
    ("אמו ילנה טרופנובה", "ילנה טרופנובה"),
    ("الرئيس الروسي فلاديمير بوتين", "فلاديمير بوتين"),
    ("رئيس الوزراء الإسرائيلي بنيامين نتنياهو", "بنيامين نتنياهو"),
    ("وزير الخارجية الروسي سيرغي لافروف", "سيرغي لافروف"),
    ("نائب وزير الخارجية الروسي ميخائيل بوغدانوف", "ميخائيل بوغدانوف"),
    ("القيادي في حماس موسى أبو مرزوق", "موسى أبو مرزوق"),
    ("الشيخ حسن نصر الله", "حسن نصر الله"),
]


@pytest.mark.parametrize(("with_role", "bare"), ROLE_PAIRS)
def test_a_role_written_with_a_name_does_not_lower_its_match(with_role: str, bare: str) -> None:
    assert compare(with_role, bare).score >= 0.9
    assert parse_name(with_role).normalized == parse_name(bare).normalized


@pytest.mark.parametrize(("with_role", "bare"), ROLE_PAIRS)
def test_a_role_is_never_a_name_part(with_role: str, bare: str) -> None:
    name = parse_name(with_role)
    assert name.roles
    assert [(p.text, p.role) for p in name.parts] == [
        (p.text, p.role) for p in parse_name(bare).parts
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Russian President Vladimir Putin", ("Russian President",)),
        ("Israeli Prime Minister Benjamin Netanyahu", ("Israeli Prime Minister",)),
        ("Chief Rabbi of Russia Berel Lazar", ("Chief Rabbi of Russia",)),
        ("Deputy Foreign Minister Mikhail Bogdanov", ("Deputy Foreign Minister",)),
        ("Putin, the Russian president", ("the Russian president",)),
        ("Vladimir Putin (Russian President)", ("Russian President",)),
        ("his mother, Elena Trufanova", ("his mother",)),
        ("Mr. President Putin", ("President",)),
        ("President-elect Donald Trump", ("President-elect",)),
        ("президент России Владимир Путин", ("президент России",)),
        ("ראש הממשלה בנימין נתניהו", ("ראש הממשלה",)),
        ("نائب وزير الخارجية ميخائيل بوغدانوف", ("نائب وزير الخارجية",)),
        ("Vladimir Putin", ()),
    ],
)
def test_roles_are_kept_as_written(text: str, roles: tuple[str, ...]) -> None:
    assert parse_name(text).roles == roles


def test_role_words_are_recorded_as_dropped_like_titles() -> None:
    assert parse_name("Russian President Vladimir Putin").dropped == ("russian", "president")
    assert parse_name("Mr. President Putin").dropped == ("mr", "president")


def test_compare_ignores_roles() -> None:
    a, b = "Russian President Vladimir Putin", "former KGB officer Vladimir Putin"
    assert compare(a, b).score == compare("Vladimir Putin", "Vladimir Putin").score


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("John Major", "major"),
        ("Stephen King", "king"),
        ("Martin Luther King", "king"),
        ("John Bishop", "bishop"),
        ("KING, Martin Luther, Jr.", "king"),
        ("King, Stephen", "king"),
        ("Major, John", "major"),
        # Russian lists write the surname first; Koroleva is a common one.
        ("Королева Елена Александровна", "королева"),
        ("Королева Елена", "королева"),
        # Before initials alone, an office word is the surname: a name is not initials.
        ("Королева Е. А.", "королева"),
        ("Папа Е. А.", "папа"),
    ],
)
def test_a_role_word_in_a_surname_position_stays_the_surname(text: str, surname: str) -> None:
    name = parse_name(text)
    assert [p.text for p in name.surname] == [surname]
    assert name.roles == ()


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Son Heung-min", ["son", "heung-min"]),  # kinship son: a surname alone
        ("Chief Keef", ["chief", "keef"]),
        ("Defence Minister Israel Katz", ["israel", "katz"]),  # Israel: a given name here
        ('שר הביטחון ישראל כ"ץ', ["ישראל", "כץ"]),
        ("Prime Minister Jordan Bardella", ["jordan", "bardella"]),
    ],
)
def test_a_name_like_role_word_beside_a_name_stays_in_the_name(text: str, parts: list[str]) -> None:
    assert [p.text for p in parse_name(text).parts] == parts


@pytest.mark.parametrize("text", ["President", "Russian President", "the Russian president"])
def test_a_role_with_no_name_after_it_is_read_as_the_name(text: str) -> None:
    name = parse_name(text)
    assert name.parts
    assert name.roles == ()


#: Every listed role phrase, as normalised words.
ROLE_PHRASES = sorted(
    " ".join(entry.words) for group in role_words().entries.values() for entry in group
)
NAME_WORDS = ["Vladimir", "Putin", "Берл", "Лазар", "בנימין", "נתניהו", "موسى", "Trufanov"]


@given(
    st.lists(st.sampled_from(ROLE_PHRASES), min_size=1, max_size=6),
    st.lists(st.sampled_from(NAME_WORDS), max_size=2),
    st.booleans(),
)
def test_role_stripping_never_leaves_an_empty_name(
    roles: list[str], names: list[str], comma: bool
) -> None:
    words = [*names, ",", *roles] if comma and names else [*roles, *names]
    name = parse_name(" ".join(words))
    assert name.parts
    if names:
        assert {p.text for p in name.parts} >= {parse_name(n).parts[0].text for n in names[-1:]}


def test_every_role_phrase_has_one_kind_and_every_name_like_phrase_is_listed() -> None:
    data = tomllib.loads(files("aliaskit").joinpath("data", "roles.toml").read_text("utf-8"))
    assert data["source"] == "aliaskit-authored"
    kinds: dict[str, str] = {}
    for lang, lists in data.items():
        if not isinstance(lists, dict):
            continue
        listed = {p for key in LISTS for p in lists.get(key, ())}
        assert set(lists["name_like"]) <= listed, lang
        for key, kind in LISTS.items():
            for phrase in lists.get(key, ()):
                assert kinds.setdefault(phrase, kind) == kind, (lang, phrase)


def test_no_dev_name_reads_as_having_a_role() -> None:
    names = {row.name for row in load_gold(shared_file("dev_persons.tsv"))}
    assert [n for n in sorted(names) if parse_name(n).roles] == []
