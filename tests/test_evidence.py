"""Evidence in compare: birth dates, countries and gender beside the names."""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.compare import compare
from aliaskit.compare._evidence import (
    DISJOINT_COUNTRIES_PENALTY,
    SAME_DATE_SUPPORT,
    YEAR_OFF_BY_ONE_PENALTY,
    birth_date_verdict,
    dates_conflict,
)
from aliaskit.compare._scale import CONFLICT_CAP
from aliaskit.dates import BirthDate, parse_birth_date
from aliaskit.record import Record
from tests.conftest import shared_file
from tests.strategies import any_names

FULL = "Andrey Yurevich PINCHUK"
CYRILLIC = "Андрей Юрьевич ПИНЧУК"


def _roles(a: object, b: object) -> dict[str, str]:
    result = compare(a, b)  # type: ignore[arg-type]
    return {p.role: p.rule for p in result.explanation.parts}


def test_different_full_birth_dates_are_a_conflict() -> None:
    result = compare(Record(FULL, birth_date="27.12.1977"), Record(FULL, birth_date="1.5.1980"))
    assert result.is_conflict
    assert result.score <= CONFLICT_CAP
    assert "different birth date (1977-12-27 vs 1980-05-01)" in result.explanation.conflicts


def test_one_agreeing_alternative_keeps_dates_compatible() -> None:
    a = Record(FULL, birth_date="24.6.1964 or 25.6.1964")
    b = Record(CYRILLIC, birth_date="25.6.1964 (or 26.6.1964)")
    result = compare(a, b)
    assert not result.is_conflict
    assert result.is_match
    assert _roles(a, b)["birth date"] == "same date"


def test_a_year_off_by_one_is_a_mild_penalty_not_a_conflict() -> None:
    plain = compare(FULL, "Andrey PINCHUK").score
    result = compare(
        Record(FULL, birth_date="27.12.1977"), Record("Andrey PINCHUK", birth_date="27.12.1978")
    )
    assert not result.is_conflict
    assert result.score == pytest.approx(plain - YEAR_OFF_BY_ONE_PENALTY)


def test_partial_dates_are_compatible_with_full_ones() -> None:
    for partial in ("1977", "December 1977"):
        result = compare(
            Record(FULL, birth_date=partial), Record(CYRILLIC, birth_date="27.12.1977")
        )
        assert not result.is_conflict
        assert result.score == compare(FULL, CYRILLIC).score
    assert compare(Record(FULL, birth_date="1977"), Record(FULL, birth_date="1981")).is_conflict


def test_the_same_full_date_supports_a_weak_name_match() -> None:
    bare = compare("PINCHUK", FULL)
    assert not bare.is_match
    supported = compare(
        Record("PINCHUK", birth_date="27.12.1977"), Record(FULL, birth_date="27.12.1977")
    )
    assert supported.is_match
    assert supported.score == pytest.approx(bare.score + SAME_DATE_SUPPORT)


def test_the_same_date_does_not_lift_different_names() -> None:
    a = Record("Ivan PETROV", birth_date="1.1.1970")
    b = Record("Sergei IVANOV", birth_date="1.1.1970")
    assert compare(a, b).score == compare("Ivan PETROV", "Sergei IVANOV").score
    twins = compare(
        Record("Ivan PETROV", birth_date="1.1.1970"), Record("Oleg PETROV", birth_date="1.1.1970")
    )
    assert twins.is_conflict
    assert not twins.is_match


def test_a_hedged_date_that_differs_is_a_penalty_not_a_conflict() -> None:
    result = compare(
        Record(FULL, birth_date="possibly 23.7.1981"), Record(FULL, birth_date="1.1.1970")
    )
    assert not result.is_conflict
    assert result.is_match


def test_disjoint_countries_are_a_mild_penalty_never_a_conflict() -> None:
    shared = compare(Record(FULL, countries=["RU", "IL"]), Record(CYRILLIC, countries="Israel"))
    assert shared.score == compare(FULL, CYRILLIC).score
    disjoint = compare(Record(FULL, countries="RU"), Record("Andrey PINCHUK", countries="UA"))
    assert not disjoint.is_conflict
    assert disjoint.score == pytest.approx(
        compare(FULL, "Andrey PINCHUK").score - DISJOINT_COUNTRIES_PENALTY
    )


def test_a_stated_gender_overrides_the_one_the_name_shows() -> None:
    # Read off the names alone, Саша Петров (m) and Саша Петрова (f) conflict.
    assert compare("Саша Петров", "Саша Петрова").is_conflict
    stated = compare(Record("Саша Петров", gender="f"), Record("Саша Петрова", gender="f"))
    assert not stated.is_conflict
    assert stated.is_match
    assert compare(Record("Sasha Petrov", gender="f"), "Alexander Petrov").is_conflict


def test_two_stated_genders_that_differ_are_a_conflict_even_for_one_name() -> None:
    result = compare(Record("Sasha Petrov", gender="m"), Record("Sasha Petrov", gender="f"))
    assert result.is_conflict
    assert [c for c in result.explanation.conflicts if c.startswith("opposite gender")]


def test_records_without_evidence_score_as_their_names() -> None:
    for a, b in [
        (FULL, CYRILLIC),
        ("Sasha Trupanov", "סשה טרופנוב"),
        ("Elena Troufanov", "Vitali Trupanov"),
    ]:
        assert compare(Record(a), Record(b)).score == compare(a, b).score
        assert compare(Record(a), b).explanation == compare(a, b).explanation


def test_a_record_is_compared_by_its_best_name() -> None:
    listed = Record(["Igor STRELKOV", "Igor Vsevolodovich GIRKIN"])
    result = compare(listed, "Igor Girkin")
    assert result.is_match
    assert result.a == "Igor Vsevolodovich GIRKIN"


def test_evidence_shows_as_aligned_parts_in_the_explanation() -> None:
    a = Record(FULL, birth_date="27.12.1977", countries="RU", gender="m")
    b = Record(CYRILLIC, birth_date="27.12.1977", countries="RU")
    text = str(compare(a, b))
    for line in ("birth date 1977-12-27 ~ 1977-12-27", "countries  RU ~ RU", "gender     m ~ m"):
        assert line in text


def test_compare_rejects_what_is_neither_a_name_nor_a_record() -> None:
    with pytest.raises(TypeError, match="b must be a str or a Record"):
        compare(Record(FULL), 42)  # type: ignore[arg-type]


DATES = st.sampled_from(["27.12.1977", "27.12.1978", "1977", "1.5.1980", "possibly 1.5.1980", None])
COUNTRIES = st.sampled_from([None, "RU", "IL", "RU; IL", "UA"])
GENDERS = st.sampled_from([None, "m", "f"])


@given(any_names, any_names, DATES, DATES, COUNTRIES, COUNTRIES, GENDERS, GENDERS)
def test_record_comparison_is_symmetric(
    a: str,
    b: str,
    da: str | None,
    db: str | None,
    ca: str | None,
    cb: str | None,
    ga: str | None,
    gb: str | None,
) -> None:
    ra = Record(a, birth_date=da, countries=ca, gender=ga)
    rb = Record(b, birth_date=db, countries=cb, gender=gb)
    forward, backward = compare(ra, rb), compare(rb, ra)
    assert forward.score == backward.score
    assert forward.is_conflict == backward.is_conflict
    assert 0.0 <= forward.score <= 1.0


@given(any_names, any_names)
def test_a_birth_date_conflict_always_keeps_two_records_apart(a: str, b: str) -> None:
    result = compare(Record(a, birth_date="27.12.1977"), Record(b, birth_date="3.3.1990"))
    assert result.is_conflict
    assert not result.is_match


def test_dev_eu_hard_negatives_all_conflict_on_their_birth_dates() -> None:
    dates: dict[str, str] = {}
    with open(shared_file("dev_records.tsv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            dates[row["name"]] = row["birth_date"]
    merged = checked = 0
    with open(shared_file("dev_hard_negatives.tsv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            a, b = row["name_a"], row["name_b"]
            if a not in dates or b not in dates:
                continue
            checked += 1
            ra, rb = (
                Record(a, birth_date=_readable(dates[a])),
                Record(b, birth_date=_readable(dates[b])),
            )
            merged += compare(ra, rb).is_match
    assert checked == 49
    assert merged == 0


def test_dev_eu_same_entity_pairs_keep_their_birth_dates_compatible() -> None:
    by_entity: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(shared_file("dev_records.tsv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_entity[row["entity_id"]].append((row["name"], row["birth_date"]))
    for rows in by_entity.values():
        first = _readable(rows[0][1])
        for _, printed in rows[1:]:
            other = _readable(printed)
            verdict = birth_date_verdict(first, other)
            assert verdict is None or verdict.conflict is None


def _readable(printed: str) -> BirthDate | None:
    """The date printed, or None where the annex gives none a parser can read."""
    try:
        return parse_birth_date(printed)
    except ValueError:
        return None


PARTS = st.builds(
    lambda y, m, d, full, month: f"{d}.{m}.{y}" if full else (f"{y}-{m:02d}" if month else str(y)),
    st.integers(1968, 1972),
    st.integers(1, 3),
    st.integers(1, 3),
    st.booleans(),
    st.booleans(),
)
PRINTED_DATES = st.builds(
    lambda parts, hedged: ("possibly " if hedged else "") + " or ".join(parts),
    st.lists(PARTS, min_size=1, max_size=3),
    st.booleans(),
)


@given(PRINTED_DATES, PRINTED_DATES)
def test_the_fast_date_conflict_is_the_verdicts_conflict(a: str, b: str) -> None:
    da, db = parse_birth_date(a), parse_birth_date(b)
    assert da is not None
    assert db is not None
    verdict = birth_date_verdict(da, db)
    assert verdict is not None
    assert dates_conflict(da, db) == (verdict.conflict is not None)
    assert dates_conflict(da, db) == dates_conflict(db, da)
