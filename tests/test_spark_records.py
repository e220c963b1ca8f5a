"""aliaskit.spark.resolve with record columns gives aliaskit.cluster's entities of the records.

Each row is a record (name, id, birth date, countries, gender); its entity
columns must be those of the entity ``aliaskit.cluster`` puts its record in.
The tests share one local[2] SparkSession and are skipped when pyspark,
pyarrow, pandas or Java is missing; the EU dev records are read from
``../shared/data`` when it is present.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
import warnings
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pytest

import aliaskit
from aliaskit import Record
from aliaskit._records_evidence import profile_of, shown
from aliaskit.dates import parse_birth_date
from aliaskit.entity import entity_id
from aliaskit.spark import _record_rows, _records
from benchmarks import evidence
from tests.conftest import shared_file

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

_MISSING = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
_NO_JAVA = shutil.which("java") is None and "JAVA_HOME" not in os.environ
needs_spark = pytest.mark.skipif(
    bool(_MISSING) or _NO_JAVA,
    reason=f"needs pyspark, pyarrow, pandas and Java (missing: {_MISSING or ['java']})",
)

#: A row: name, id, birth date, countries, gender.
Row = tuple[str | None, str | None, str | None, str | None, str | None]
SCHEMA = "row int, name string, rid string, dob string, countries string, gender string"
COLUMNS = {
    "id_col": "rid",
    "birth_date_col": "dob",
    "countries_col": "countries",
    "gender_col": "gender",
}

HAND_MADE: list[Row] = [
    # 0-2: namesakes told apart by their birth dates; a Cyrillic alias shares a date.
    ("Andrey Yurevich PINCHUK", "eu-100", "27.12.1977", "Russian", None),
    ("Андрей Юрьевич ПИНЧУК", "eu-101", "27.12.1977 or 28.12.1977", None, None),
    ("Andrey Yurevich PINCHUK", "eu-200", "1.5.1980", None, None),
    # 3-5: three entities by their names; a shared full date joins the first two.
    ("Gerasimov R. S.", "a", "15.7.1968", None, None),
    ("Roman Stepanovich Gerasimov", "b", "1968-07-15", None, None),
    ("Roman Sergeevich Gerasimov", "c", "2.2.1970", None, None),
    # 6-8: namesakes without ids share a key; rows 6 and 8 are one record
    # (several countries in one string, split on ; or |).
    ("Sasha Trupanov", None, "1.1.1970", "Russia; Israel", None),
    ("Sasha Trupanov", None, "2.2.1980", "UA|RU", "m"),
    ("Sasha Trupanov", None, "1970-01-01", "IL|RU", None),
    # 9-10: one id twice, on one content (a gender written two ways).
    ("Elena Troufanov", "e1", None, None, "f"),
    ("Elena Troufanov", "e1", None, None, "female"),
    ("Yelena Trufanova", "e2", None, "UA", None),
    # 12-13: no record (no name, no letters): nulls, the evidence left unread.
    (None, "n1", "never read", None, None),
    ("!!!", "n2", "1985-13-45", "Atlantis", "x"),
]


def _frame(spark: SparkSession, rows: Sequence[Row]) -> Any:
    return spark.createDataFrame([(i, *r) for i, r in enumerate(rows)], SCHEMA)


def _record(row: Row) -> Record | None:
    """The record of a row, as resolve reads it (None when its name has no letters)."""
    name, rid, dob, countries, gender = row
    if name is None or not any(c.isalnum() for c in name):
        return None
    return Record(name, id=rid, birth_date=dob, countries=countries, gender=gender)


Got = dict[int, tuple[str | None, str | None]]


def _resolved(spark: SparkSession, rows: Sequence[Row], **kwargs: Any) -> Got:
    from aliaskit.spark import resolve

    out = resolve(_frame(spark, rows), "name", **(COLUMNS | kwargs)).collect()
    assert sorted(r.row for r in out) == list(range(len(rows)))
    return {r.row: (r.entity_id, r.canonical) for r in out}


def _cluster(records: Sequence[Record]) -> list[aliaskit.Entity]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # names from which no name can be read
        return aliaskit.cluster(list(records))


def _assert_as_cluster(got: Got, records: dict[int, Record | None]) -> None:
    """Each row's columns are those of cluster's entity of its record.

    The rows fall into the parts cluster groups them in (found with every
    record given a unique id, which changes ids but not groups), and each
    part carries the id and canonical name of cluster's entity whose record
    keys are the part's keys. Rows without a record (or skipped) get nulls.
    """
    listed = {i: r for i, r in records.items() if r is not None}
    entities = {e.id: e for e in _cluster(list(listed.values()))}
    unique = [
        Record(r.names, id=f"row {i}", birth_date=r.birth_date, countries=r.countries,
               gender=r.gender)
        for i, r in listed.items()
    ]  # fmt: skip
    want_parts = {frozenset(int(k[4:]) for k in e.records) for e in _cluster(unique)}
    parts: dict[tuple[str | None, str | None], set[int]] = defaultdict(set)
    for i, found in got.items():
        parts[found].add(i)
    nulls = parts.pop((None, None), set())
    assert nulls == set(records) - {i for part in want_parts for i in part}
    assert {frozenset(p) for p in parts.values()} == want_parts
    wrong = []
    for (eid, canonical), rows in parts.items():
        keys = {listed[i].key for i in rows}
        entity = entities.get(str(eid))
        if entity is None or set(entity.records) != keys or entity.canonical != canonical:
            wrong.append((sorted(keys), eid, canonical, entity))
    assert not wrong, f"{len(wrong)} entities differ, e.g. {wrong[:3]}"


# -- without Spark -----------------------------------------------------------


def test_countries_in_a_string_or_an_array_make_one_content() -> None:
    """Countries split on ; or | (as the CLI and Record split them), or listed in an
    array, give one content; a row's key is its id, else its name."""
    pd = pytest.importorskip("pandas")
    raws = [
        {"countries": "Russia; Israel"},
        {"countries": "IL|RU"},
        {"countries": ["Israel", "Russian Federation"]},
        {"countries": ["IL", "RU"], "id": 7},
    ]
    frame = pd.DataFrame({"name": ["Ivan Petrov"] * 4, "raw": [json.dumps(r) for r in raws]})
    (out,) = _record_rows.record_rows([frame], columns={"countries": "c", "id": "i"})
    assert out["content"].nunique() == 1
    assert list(out["key"]) == ["Ivan Petrov"] * 3 + ["7"]
    assert out["error"].isna().all()


# -- with Spark --------------------------------------------------------------


def _generated(shape: str) -> list[Row]:
    """2,000 mentions of the workload with evidence (dates printed many ways, some
    a year off, countries), as rows."""
    rows: list[Row] = []
    for _, record in evidence.records(2000, seed=0, shape=shape):
        date = None if record.birth_date is None else str(record.birth_date)
        countries = "|".join(sorted(record.countries)) or None
        rows.append((record.name, str(record.id), date, countries, record.gender))
    return rows


@pytest.fixture(scope="module")
def hand_made_and_family() -> list[Row]:
    """The hand-made rows first, then the family workload's: one Spark run for both."""
    return [*HAND_MADE, *_generated("family")]


@pytest.fixture(scope="module")
def hand_made(spark: SparkSession, hand_made_and_family: list[Row]) -> Got:
    return _resolved(spark, hand_made_and_family)


@needs_spark
def test_hand_made_and_family_records_equal_cluster(
    hand_made: Got, hand_made_and_family: list[Row]
) -> None:
    """Every row's entity is cluster's entity of its record; rows without a record get nulls."""
    _assert_as_cluster(hand_made, {i: _record(r) for i, r in enumerate(hand_made_and_family)})
    assert hand_made[12] == hand_made[13] == (None, None)


@needs_spark
def test_namesakes_told_apart_by_birth_dates_get_two_entities(hand_made: Got) -> None:
    """One name on records of conflicting dates is two people; an alias sharing a date joins one."""
    assert hand_made[0] == hand_made[1]
    assert hand_made[0][0] != hand_made[2][0]
    assert hand_made[0][1] == hand_made[2][1]  # one name, two people


@needs_spark
def test_parts_with_a_shared_full_birth_date_are_joined(hand_made: Got) -> None:
    """An initialed name and a full name, three entities by names alone, join on one date."""
    assert len(_cluster([Record(r[0]) for r in HAND_MADE[3:6] if r[0]])) == 3
    assert hand_made[3] == hand_made[4]
    assert hand_made[5][0] != hand_made[3][0]
    assert hand_made[3][1] == "Roman Stepanovich Gerasimov"


@needs_spark
def test_namesakes_without_ids_take_ids_qualified_by_their_evidence(hand_made: Got) -> None:
    """Records without ids share their name as key: the entity id is qualified by the
    evidence shown (date and gender); one content written two ways is one record."""
    assert hand_made[6] == hand_made[8]
    assert hand_made[6][0] != hand_made[7][0]
    for i in (6, 7):
        profile = profile_of(Record("x", birth_date=HAND_MADE[i][2], gender=HAND_MADE[i][4]))
        assert profile is not None
        assert hand_made[i][0] == entity_id(f"Sasha Trupanov\x1f{shown(profile)}")


@needs_spark
def test_one_id_on_one_content_written_two_ways_is_one_record(hand_made: Got) -> None:
    """Two rows with one id and the same content (a gender written two ways) are one record."""
    assert hand_made[9] == hand_made[10]
    assert hand_made[9][0] == entity_id("e1")


@needs_spark
def test_distinct_records_equal_cluster(spark: SparkSession) -> None:
    """The distinct workload (many namesakes told apart by evidence alone) resolves to
    cluster's entities."""
    rows = _generated("distinct")
    _assert_as_cluster(_resolved(spark, rows), {i: _record(r) for i, r in enumerate(rows)})


@needs_spark
def test_dev_eu_records_equal_cluster(spark: SparkSession) -> None:
    """The EU dev records (one a row, its row number an integer id; unreadable birth
    dates left out) resolve to cluster's entities."""
    from aliaskit.spark import resolve

    with open(shared_file("dev_records.tsv"), encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle, delimiter="\t"))

    def readable(printed: str) -> str | None:
        try:
            return printed if parse_birth_date(printed) is not None else None
        except ValueError:
            return None

    rows = [(i, r["name"], readable(r["birth_date"])) for i, r in enumerate(table)]
    frame = spark.createDataFrame(rows, "row long, name string, dob string")
    out = resolve(frame, "name", id_col="row", birth_date_col="dob").collect()
    got: Got = {r.row: (r.entity_id, r.canonical) for r in out}
    records = {i: Record(name, id=i, birth_date=dob) for i, name, dob in rows}
    _assert_as_cluster(got, dict[int, Record | None](records))


@needs_spark
def test_date_year_integer_id_and_array_columns_read_as_record_fields(spark: SparkSession) -> None:
    """Typed columns reach the record as Record reads the values: a date column as that
    date, an integer column as a year (birth date) or an id, an array as countries."""
    import datetime

    frame = spark.createDataFrame(
        [("Ivan Petrov", 7, datetime.date(1970, 1, 2), 1970, ["RU", "Israeli"])],
        "name string, n long, born date, year int, codes array<string>",
    )
    columns = {"id": "n", "birth_date": "born", "countries": "codes"}
    raws = frame.select("name", _records._evidence(columns).alias("raw")).toPandas()
    (out,) = _record_rows.record_rows([raws], columns=columns)
    want = Record("Ivan Petrov", birth_date="2.1.1970", countries="RU|IL")
    assert list(out["key"]) == ["7"]
    assert list(out["content"]) == [_record_rows.content_text(want)]
    assert list(out["days"].map(list)) == [[19700102]]
    year = frame.select("name", _records._evidence({"birth_date": "year"}).alias("raw"))
    (out,) = _record_rows.record_rows([year.toPandas()], columns={"birth_date": "year"})
    assert list(out["content"]) == [
        _record_rows.content_text(Record("Ivan Petrov", birth_date="1970"))
    ]


# -- bad input ---------------------------------------------------------------


def _no_names(*_: Any) -> Any:
    raise AssertionError("the names were resolved before the bad input was found")


@needs_spark
def test_missing_or_mistyped_record_columns_raise(spark: SparkSession) -> None:
    """A missing column raises ValueError naming it; a column of a wrong type, TypeError;
    judgements beside record columns, ValueError."""
    from aliaskit.spark import resolve

    frame = spark.createDataFrame(
        [("Ivan Petrov", 1.5, 3, ["RU"])], "name string, score double, n int, codes array<string>"
    )
    with pytest.raises(ValueError, match="no birth_date column 'dob'"):
        resolve(frame, "name", birth_date_col="dob")
    with pytest.raises(TypeError, match="id column 'score' must hold strings or integers"):
        resolve(frame, "name", id_col="score")
    with pytest.raises(TypeError, match="countries column 'n'"):
        resolve(frame, "name", countries_col="n")
    with pytest.raises(TypeError, match="gender column 'codes'"):
        resolve(frame, "name", gender_col="codes")
    with pytest.raises(ValueError, match="must_link"):
        resolve(frame, "name", countries_col="codes", must_link=[("a", "b")])


@needs_spark
@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ("Ivan Petrov", "r1", "1985-13-45", None, None),
            "birth_date column 'dob': bad value '1985-13-45'",
        ),
        (
            ("Ivan Petrov", "r1", None, "Russia; Atlantis", None),
            "countries column 'countries': bad value 'Russia; Atlantis'.*Atlantis",
        ),
        (("Ivan Petrov", "r1", None, None, "x"), "gender column 'gender': bad value 'x'"),
    ],
)
def test_bad_values_raise_naming_column_and_value_before_resolving(
    spark: SparkSession, monkeypatch: pytest.MonkeyPatch, row: Row, message: str
) -> None:
    """A value a Record cannot hold raises ValueError naming the column and the value,
    before any name is resolved."""
    monkeypatch.setattr(_records, "name_stages", _no_names)
    with pytest.raises(ValueError, match=message):
        _resolved(spark, [("Olga Petrova", None, None, None, None), row])


@needs_spark
def test_one_id_on_two_different_records_raises_naming_the_id(
    spark: SparkSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two rows with one id and different content raise ValueError naming the id, as
    cluster does, before any name is resolved."""
    rows: list[Row] = [
        ("Ivan Petrov", "r7", "1.1.1970", None, None),
        ("Ivan Petrov", "r7", "2.2.1980", None, None),
    ]
    with pytest.raises(ValueError, match="'r7'"):
        _cluster([r for r in map(_record, rows) if r is not None])
    monkeypatch.setattr(_records, "name_stages", _no_names)
    with pytest.raises(ValueError, match="id column 'rid': record id 'r7' is used by two"):
        _resolved(spark, rows)


@needs_spark
def test_the_spelling_most_records_use_is_canonical_as_in_cluster(spark: SparkSession) -> None:
    """Each row is one mention of its name, as each record is in cluster."""
    names = ["Alexander Trufanov"] * 3 + ["Aleksandr Trufanov"]
    rows = [(name, f"r{k}", "1970-05-01", "RU", None) for k, name in enumerate(names)]
    got = _resolved(spark, rows)
    assert {canonical for _, canonical in got.values()} == {"Alexander Trufanov"}
    _assert_as_cluster(got, {i: _record(r) for i, r in enumerate(rows)})
