"""Roles that parse_name gives to name parts."""

from __future__ import annotations

import pytest

from aliaskit import parse_name


def _roles(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.role) for p in parse_name(text).parts]


@pytest.mark.parametrize("text", ["Rav Nachman", "רב נחמן", "הרב נחמן", "Rabbi Nachman"])
def test_rabbinic_titles_are_dropped_in_every_script(text: str) -> None:
    assert [role for _, role in _roles(text)] == ["surname"]


@pytest.mark.parametrize(
    "text", ["Mullah Mohammed Omar", "Мулла Мохаммед Омар", "Ayatollah Mohammed Omar"]
)
def test_muslim_religious_titles_are_dropped(text: str) -> None:
    assert sorted(role for _, role in _roles(text)) == ["given", "surname"]


def test_a_patronymic_beside_an_upper_case_surname_is_not_a_given_name() -> None:
    assert _roles("Геннадiйович АНIКА") == [("геннадійович", "patronymic"), ("аніка", "surname")]


@pytest.mark.parametrize("text", ["Roman Abramovich", "Roman ABRAMOVICH", "ABRAMOVICH Roman"])
def test_a_surname_of_patronymic_form_stays_a_surname(text: str) -> None:
    assert dict(_roles(text))["abramovich"] == "surname"


@pytest.mark.parametrize(
    ("text", "given", "surname"),
    [
        ("SergeiLavrov", "sergei", "lavrov"),
        ("Margarita-Simonyan", "margarita", "simonyan"),
        ("KarimMansour", "karim", "mansour"),  # split at the capital, known name or not
        ("ОлегТабаков", "олег", "табаков"),
    ],
)
def test_a_given_name_joined_to_a_surname_is_split(text: str, given: str, surname: str) -> None:
    assert _roles(text) == [(given, "given"), (surname, "surname")]


@pytest.mark.parametrize(
    "text", ["Jean-Pierre", "McDonald", "Dekel-Hen", "DiCaprio", "MacArthur", "FitzGerald"]
)
def test_a_lone_compound_word_stays_whole(text: str) -> None:
    assert len(parse_name(text).parts) == 1


def test_a_capital_inside_a_word_splits_it_in_a_longer_name() -> None:
    assert [p.text for p in parse_name("AnnaMaria Kowalska").parts] == ["anna", "maria", "kowalska"]


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Abd al-Aziz al-Nuristani", "abdalaziz"),
        ("Abdul Aziz Nooristani", "abdulaziz"),
        ("Abdel Fattah el-Sisi", "abdelfattah"),
        ("NURISTANI, Abd al-Aziz", "abdalaziz"),
    ],
)
def test_an_abd_name_is_one_given_name(text: str, given: str) -> None:
    assert [p.text for p in parse_name(text).given] == [given]


def test_an_abd_word_before_the_surname_alone_stays_the_given_name() -> None:
    assert [p.text for p in parse_name("Abdul Salem").parts] == ["abdul", "salem"]


@pytest.mark.parametrize("text", ["Bar Shalev", "Ben Kessler", "בר שלו", "Бен Кесслер"])
def test_a_given_name_particle_first_of_two_parts_is_the_given_name(text: str) -> None:
    assert [p.role for p in parse_name(text).parts] == ["given", "surname"]


@pytest.mark.parametrize("text", ["David Ben Gurion", "Ibn Saud", "Abu Mazen", "Van Gogh"])
def test_other_particles_and_longer_names_keep_the_particle(text: str) -> None:
    assert "particle" in [p.role for p in parse_name(text).parts]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Зарамбюк Викентий Никитич", ["surname", "given", "patronymic"]),
        ("Петр Фомич Иванов", ["given", "patronymic", "surname"]),
        ("Sergey Nikitich Ivanov", ["given", "patronymic", "surname"]),
        ("Ivan Petar Lukic", ["given", "middle", "surname"]),
        ("Гришаев Фома Кузьмич", ["surname", "given", "patronymic"]),
        ("Фома Кузьмич Гришаев", ["given", "patronymic", "surname"]),
        # Ilya and Kuzma give Ilyich and Kuzmich, in every romanisation.
        ("Vladimir Ilyich Ulyanov", ["given", "patronymic", "surname"]),
        ("Aleksandr Il'ich Kuznetsov", ["given", "patronymic", "surname"]),
        ("Aleksej Ilʹič Titov", ["given", "patronymic", "surname"]),
        ("ABRAMOV MIKHAIL IL'ICH", ["surname", "given", "patronymic"]),
        ("Nikita Kuzmich Titov", ["given", "patronymic", "surname"]),
        ("Mirko Ilich", ["given", "surname"]),
    ],
)
def test_patronymics_of_given_names_in_a_are_recognised(text: str, roles: list[str]) -> None:
    """Nikita, Foma, Luka, Savva give -ich (Никитич), not -ovich; a Serbian -ić stays a surname."""
    assert [p.role for p in parse_name(text).parts] == roles


@pytest.mark.parametrize(
    ("text", "suffixes"),
    [
        ("John Smith Jr.", ("jr",)),
        ("Smith, John, Jr.", ("jr",)),
        ("SMITH, John Henry Sr", ("sr",)),
        ("Martin Luther King III", ("iii",)),
        ("JOHN SMITH IV", ("iv",)),
    ],
)
def test_a_generational_suffix_is_kept_out_of_the_parts(text: str, suffixes: tuple[str]) -> None:
    name = parse_name(text)
    assert name.suffixes == suffixes
    assert not {p.text for p in name.parts} & set(suffixes)
    assert name.given
    assert name.given[0].text in ("john", "martin")


def test_a_comma_before_the_suffix_keeps_the_surname_first_comma() -> None:
    assert _roles("Smith, John, Jr.") == [("smith", "surname"), ("john", "given")]
    assert _roles("John Smith, Jr.") == [("john", "given"), ("smith", "surname")]


@pytest.mark.parametrize("text", ["Naomasa Ii", "Smith Jr", "Ivan Iv"])
def test_a_suffix_needs_capitals_if_roman_and_two_words_before_it(text: str) -> None:
    assert parse_name(text).suffixes == ()
    assert len(parse_name(text).parts) == 2


def test_the_generation_stays_in_the_comparable_form() -> None:
    assert parse_name("John Smith Jr.").normalized == "john smith jr"
    assert parse_name("John Smith Jr.").generation == 2
    assert parse_name("John Smith Sr.").generation == 1
    assert parse_name("John Smith").generation is None


@pytest.mark.parametrize(
    "text",
    [
        'ד"ר אלכסנדר טרופנוב',
        "ד״ר אלכסנדר טרופנוב",
        'סמ"ר אלכסנדר טרופנוב',
        'אלכסנדר טרופנוב ז"ל',
        'רס"ן אלכסנדר טרופנוב הי"ד',
        "גב' אלכסנדר טרופנוב",
    ],
)
def test_hebrew_acronym_titles_and_memorial_words_are_dropped(text: str) -> None:
    assert _roles(text) == [("אלכסנדר", "given"), ("טרופנוב", "surname")]
    assert parse_name(text).dropped


@pytest.mark.parametrize(
    "text", ["Monsieur Jean Dupont", "Herr Jean Dupont", "Señora Jean Dupont", "Jean Dupont, PhD"]
)
def test_courtesy_titles_and_post_nominals_are_dropped(text: str) -> None:
    assert _roles(text) == [("jean", "given"), ("dupont", "surname")]


def test_a_hebrew_acronym_in_a_name_does_not_open_a_nickname() -> None:
    # Two double quotes would otherwise bracket the words between them.
    assert _roles('ד"ר אלכסנדר ז"ל') == [("אלכסנדר", "surname")]


@pytest.mark.parametrize("text", ["סמר בדאווי", "זל כהן"])
def test_a_hebrew_acronym_title_counts_only_with_its_gershayim(text: str) -> None:
    # Joined, סמ"ר (staff sergeant) is the given name Samar.
    assert [role for _, role in _roles(text)] == ["given", "surname"]


@pytest.mark.parametrize(
    ("text", "surnames"),
    [
        ("GARCIA LOPEZ Juan", ["garcia", "lopez"]),
        ("GARCIA LOPEZ, Juan Carlos", ["garcia", "lopez"]),
        ("Juan Carlos GARCIA LOPEZ", ["garcia", "lopez"]),
        ("KIM Jong Un", ["kim"]),
        ("TRUFANOV Alexander Vitalievich", ["trufanov"]),
    ],
)
def test_an_upper_case_run_of_parts_is_the_surname(text: str, surnames: list[str]) -> None:
    assert [t for t, role in _roles(text) if role == "surname"] == surnames


@pytest.mark.parametrize(
    "text",
    [
        "Elena Trufanova née Petrova",
        "Elena Trufanova (née Petrova)",
        "Trufanova (nee Petrova), Elena",
        "TRUFANOVA Elena geb. Petrova",
    ],
)
def test_a_maiden_name_is_marked_and_its_word_dropped(text: str) -> None:
    roles = dict(_roles(text))
    assert roles == {"elena": "given", "trufanova": "surname", "petrova": "maiden"}
    assert parse_name(text).dropped in (("née",), ("nee",), ("geb",))


def test_a_maiden_word_first_or_last_is_not_read_as_one() -> None:
    assert "maiden" not in {role for _, role in _roles("Elena Petrova Nee")}


@pytest.mark.parametrize("text", ["Alexander Trufanov, 28", "Alexander Trufanov 1995"])
def test_a_number_is_no_name_part(text: str) -> None:
    assert _roles(text) == [("alexander", "given"), ("trufanov", "surname")]


@pytest.mark.parametrize(
    "text",
    [
        "Alexander Trufanov a.k.a. Sasha",
        "Alexander Trufanov aka Sasha",
        "Alexander Trufanov (alias Sasha)",
        "Alexander Trufanov, also known as Sasha",
        "Александр Труфанов, он же Саша",
        "אלכסנדר טרופנוב המכונה סשה",
    ],
)
def test_a_name_after_an_alias_marker_is_a_nickname(text: str) -> None:
    roles = [role for _, role in _roles(text)]
    assert roles == ["given", "surname", "nickname"]


@pytest.mark.parametrize("text", ["Kim Aka", "Aka Kim", "John Smith alias"])
def test_an_alias_word_with_no_name_after_it_stays_a_name_part(text: str) -> None:
    assert len(_roles(text)) >= 2


def test_given_is_a_tuple_of_the_given_names_as_surname_is() -> None:
    """Issue 25, item 11: the given names in written order, () without any."""
    name = parse_name("John Henry Smith")
    assert [p.text for p in name.given] == ["john", "henry"]
    assert isinstance(name.surname, tuple)
    assert isinstance(name.given, tuple)
    assert parse_name("Trufanov").given == ()
    assert [p.text for p in parse_name("Ivan Petrovich Ivanov").given] == ["ivan"]
