"""Birth dates as lists print them (aliaskit.dates)."""

from __future__ import annotations

import csv
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.dates import BirthDate, DatePart, parse_birth_date
from tests.conftest import shared_file

PRINTED = [
    ("27.12.1977", {"1977-12-27"}, False),
    ("1.1.1961", {"1961-01-01"}, False),
    ("1977", {"1977"}, False),
    ("24.6.1964 or 25.6.1964 or 26.6.1964", {"1964-06-24", "1964-06-25", "1964-06-26"}, False),
    ("10.2.1983 (or 10.3.1983)", {"1983-02-10", "1983-03-10"}, False),
    ("possibly 23.7.1981", {"1981-07-23"}, True),
    ("circa 1960", {"1960"}, True),
    ("March 1978", {"1978-03"}, False),
    ("27 December 1977", {"1977-12-27"}, False),
    ("December 27, 1977", {"1977-12-27"}, False),
    ("27 декабря 1977 г.", {"1977-12-27"}, False),
    ("1977 г.р.", {"1977"}, False),
    ("7.8. 1978", {"1978-08-07"}, False),
    ("6.5.1974.", {"1974-05-06"}, False),
    ("27/12/1977", {"1977-12-27"}, False),
    ("12/27/1977", {"1977-12-27"}, False),
    ("1977-12", {"1977-12"}, False),
    ("1977-12-27", {"1977-12-27"}, False),
    ("1977.12.27", {"1977-12-27"}, False),
    ("29.8.1969 or 1973", {"1969-08-29", "1973"}, False),
    ("1.1.1970, 2.2.1971", {"1970-01-01", "1971-02-02"}, False),
    ("between 1960 and 1962", {"1960", "1961", "1962"}, False),
    ("DOB: 3.5.1995", {"1995-05-03"}, False),
    ("8.5.1967 Gender: female", {"1967-05-08"}, False),
    ("20.8.1963 POB: Tokmak, Kirghiz SSR Nationality: Russian", {"1963-08-20"}, False),
]


@pytest.mark.parametrize(("text", "alternatives", "hedged"), PRINTED)
def test_printed_dates_read_as_their_alternatives(
    text: str, alternatives: set[str], hedged: bool
) -> None:
    found = parse_birth_date(text)
    assert found is not None
    assert {str(p) for p in found.alternatives} == alternatives
    assert found.hedged is hedged


@pytest.mark.parametrize("text", ["", "  ", "N/D", "n/a", "unknown", "-"])
def test_unknown_markers_read_as_no_date(text: str) -> None:
    assert parse_birth_date(text) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1985-13-45", "month 13"),
        ("yesterday", "'yesterday' is not a date"),
        ("31.2.1980", "1980-02-31 is not a date"),
        ("10 October (year unknown)", "is not a date"),
        ("Smarch 1980", "'smarch' is not a month"),
        ("between 1900 and 1990", "at most 10 years"),
        ("0999", "year 999"),
    ],
)
def test_unreadable_dates_raise_value_error_naming_the_text(text: str, says: str) -> None:
    with pytest.raises(ValueError, match="cannot read a birth date") as error:
        parse_birth_date(text)
    assert repr(text) in str(error.value)
    assert says in str(error.value)


@pytest.mark.parametrize("value", [1977, b"1977", None, 19.77])
def test_non_strings_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        parse_birth_date(value)  # type: ignore[arg-type]


def test_birth_date_of_accepts_dates_years_and_strings_alike() -> None:
    expected = BirthDate(frozenset({DatePart(1977, 12, 27)}))
    assert BirthDate.of(datetime.date(1977, 12, 27)) == expected
    assert BirthDate.of(datetime.datetime(1977, 12, 27, 10, 30)) == expected
    assert BirthDate.of("27.12.1977") == expected
    assert BirthDate.of(expected) is expected
    assert BirthDate.of(1977) == BirthDate(frozenset({DatePart(1977)}))
    with pytest.raises(ValueError, match="no birth date"):
        BirthDate.of("N/D")
    with pytest.raises(TypeError):
        BirthDate.of(True)


def test_date_parts_check_their_fields() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        DatePart(1977, None, 3)
    with pytest.raises(TypeError):
        DatePart("1977")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one alternative"):
        BirthDate(frozenset())


@given(st.dates(datetime.date(1000, 1, 1), datetime.date(2999, 12, 31)))
def test_every_date_reads_back_from_its_printed_forms(day: datetime.date) -> None:
    expected = BirthDate.of(day)
    for text in (
        day.isoformat(),
        f"{day.day}.{day.month}.{day.year:04d}",
        f"{day.day:02d}/{day.month:02d}/{day.year:04d}",
        f"{day.day} {day.strftime('%B')} {day.year:04d}",
        str(expected),
    ):
        assert parse_birth_date(text) == expected, text


@given(st.text(max_size=40))
def test_any_text_reads_as_a_date_none_or_a_value_error(text: str) -> None:
    message = ""
    try:
        found = parse_birth_date(text)
    except ValueError as error:
        message = str(error)
    else:
        assert found is None or found.alternatives
    assert not message or message.startswith("cannot read a birth date")


def test_dev_records_dates_read_but_for_the_few_that_print_no_date() -> None:
    path = shared_file("dev_records.tsv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    unreadable = []
    for row in rows:
        try:
            parse_birth_date(row["birth_date"])
        except ValueError:
            unreadable.append(row["birth_date"])
    # A day and month without a year: not a date this parser guesses at.
    assert len(unreadable) <= 3, unreadable
    assert all("year unknown" in u for u in unreadable), unreadable
