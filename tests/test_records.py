"""The Record value and countries: what a record accepts, keeps and refuses."""

from __future__ import annotations

import datetime

import pytest

from aliaskit.countries import country_code, country_codes
from aliaskit.dates import BirthDate
from aliaskit.record import Record, as_record


def test_a_record_keeps_its_names_as_a_tuple_the_first_primary() -> None:
    one = Record("Sasha Trupanov")
    assert one.names == ("Sasha Trupanov",)
    assert one.name == "Sasha Trupanov"
    listed = Record(["Igor STRELKOV", "Igor GIRKIN"], id=7)
    assert listed.names == ("Igor STRELKOV", "Igor GIRKIN")
    assert listed.key == "7"
    assert one.key == "Sasha Trupanov"
    assert not one.has_evidence


def test_a_record_reads_its_evidence_into_values() -> None:
    found = Record(
        "Sasha Trupanov", birth_date="3.5.1995", countries="Russia; Israeli", gender="Male"
    )
    assert found.birth_date == BirthDate.of(datetime.date(1995, 5, 3))
    assert found.countries == frozenset({"RU", "IL"})
    assert found.gender == "m"
    assert found.has_evidence
    assert Record("x y", birth_date="N/D").birth_date is None
    assert Record("x y", birth_date=datetime.date(1995, 5, 3)).birth_date == found.birth_date


@pytest.mark.parametrize(
    ("field", "value", "error", "says"),
    [
        (
            "birth_date",
            "1985-13-45",
            ValueError,
            "birth_date: cannot read a birth date in '1985-13-45'",
        ),
        ("birth_date", "yesterday", ValueError, "birth_date: cannot read"),
        ("birth_date", 19.5, TypeError, "birth_date must be"),
        ("countries", "Atlantis", ValueError, "countries: unknown country 'Atlantis'"),
        ("countries", 5, TypeError, "countries: "),
        ("gender", "x", ValueError, "gender must be 'm' or 'f'"),
        ("gender", 1, TypeError, "gender must be a str"),
        ("id", 1.5, TypeError, "id must be"),
        ("id", True, TypeError, "id must be"),
    ],
)
def test_a_bad_field_raises_naming_the_field(
    field: str, value: object, error: type, says: str
) -> None:
    with pytest.raises(error, match=says.replace("(", r"\(")):
        Record("Sasha Trupanov", **{field: value})


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ([], ValueError),
        ("...", ValueError),
        (["Ivan", 3], TypeError),
        (b"Ivan", TypeError),
        (None, TypeError),
    ],
)
def test_a_record_needs_names_with_letters(name: object, error: type) -> None:
    with pytest.raises(error):
        Record(name)


def test_records_are_frozen_values() -> None:
    record = Record("Sasha Trupanov", countries=["IL", "RU"])
    assert record == Record("Sasha Trupanov", countries="RU|IL")
    assert hash(record) == hash(Record("Sasha Trupanov", countries="RU|IL"))
    with pytest.raises(AttributeError):
        record.id = "x"  # type: ignore[misc]


def test_as_record_takes_a_string_or_a_record_only() -> None:
    record = Record("Sasha Trupanov")
    assert as_record(record) is record
    assert as_record("Sasha Trupanov") == record
    with pytest.raises(TypeError, match="query must be a str or a Record"):
        as_record(3, "query")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("RU", "RU"), ("rus", "RU"), ("Russian Federation", "RU"), ("Russia", "RU"),
        ("Russian", "RU"), ("россия", "RU"), ("Israeli", "IL"), ("ישראל", "IL"),
        ("إسرائيل", "IL"), ("UK", "GB"), ("British", "GB"), ("Soviet Union", "SU"),
        ("USSR", "SU"), ("Ukrainian", "UA"), ("Belarusian", "BY"), ("  united   states ", "US"),
    ],
)  # fmt: skip
def test_countries_read_as_iso_codes_from_codes_names_and_demonyms(written: str, code: str) -> None:
    assert country_code(written) == code


def test_several_countries_split_on_semicolons_and_bars() -> None:
    assert country_codes("Russia; Israel | Ukraine") == frozenset({"RU", "IL", "UA"})
    assert country_codes(["Russia", "RU"]) == frozenset({"RU"})
    assert country_codes("") == frozenset()
    with pytest.raises(ValueError, match="a country must not be empty"):
        country_code(" ")


def test_records_of_one_set_of_countries_share_one_set() -> None:
    """A million records hold a few hundred distinct sets of codes: each is kept once."""
    assert Record("A B", countries="RU").countries is Record("C D", countries="Russia").countries
    assert Record("A B").countries is Record("C D").countries
