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
    assert parse_name(text).given is not None
    assert parse_name(text).given.text == given  # type: ignore[union-attr]


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
    ],
)
def test_patronymics_of_given_names_in_a_are_recognised(text: str, roles: list[str]) -> None:
    """Nikita, Foma, Luka, Savva give -ich (Никитич), not -ovich; a Serbian -ić stays a surname."""
    assert [p.role for p in parse_name(text).parts] == roles
