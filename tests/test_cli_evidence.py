"""The CLI reads evidence columns: records tell namesakes apart, bad fields are kept in place."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from aliaskit.io import NameReader, evidence_columns
from tests.test_cli import ok, write

PEOPLE = """id,name,dob,nationality,sex
1,Ivan Petrov,1.1.1970,Russian,m
2,Иван Петров,1970-01-01,RU,
3,Ivan Petrov,2.2.1980,,
4,Olga Petrova,1985-13-45,Atlantis,f
5,Sasha Trupanov,,Israel|Russia,
"""


def test_evidence_columns_are_found_by_their_usual_names() -> None:
    header = ["ID", "full_name", "Date of Birth", "Citizenship", "Sex"]
    assert evidence_columns(header) == {
        "id": "ID",
        "birth_date": "Date of Birth",
        "countries": "Citizenship",
        "gender": "Sex",
    }
    assert evidence_columns(["name", "birthDate"]) == {"birth_date": "birthDate"}
    assert evidence_columns(["name", "born"], {"birth_date": "born"}) == {"birth_date": "born"}


def test_the_reader_gives_each_row_its_evidence() -> None:
    reader = NameReader(io.BytesIO(PEOPLE.encode()), "p.csv", "csv")
    rows = list(reader)
    assert rows[0].evidence == {
        "id": "1",
        "birth_date": "1.1.1970",
        "countries": "Russian",
        "gender": "m",
    }
    assert rows[2].evidence == {"id": "3", "birth_date": "2.2.1980"}
    lines = b'{"name": "Ivan Petrov", "dob": "1.1.1970", "countries": ["RU", "IL"]}\n'
    (row,) = NameReader(io.BytesIO(lines), "p.jsonl", "jsonl")
    assert row.evidence == {"birth_date": "1.1.1970", "countries": "RU;IL"}


def test_cluster_tells_namesakes_apart_by_birth_date(tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    out, err = ok("cluster", path, "--format", "jsonl")
    entities = [json.loads(line) for line in out.splitlines()]
    assert sorted(e["records"] for e in entities) == [["1", "2"], ["3"], ["4"], ["5"]]
    assert "2 bad evidence fields left empty" in err


def test_a_bad_field_is_reported_by_line_and_the_row_keeps_its_place(tmp_path: Path) -> None:
    path = write(tmp_path / "people.csv", PEOPLE)
    out, err = ok("cluster", path, "--annotate")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0]["entity_id"] == rows[1]["entity_id"] != rows[2]["entity_id"]
    assert rows[3]["entity_id"]
    assert "people.csv:5: birth_date: cannot read a birth date in '1985-13-45'" in err
    assert "people.csv:5: countries: unknown country 'Atlantis' (field left empty)" in err


def test_rows_without_an_id_are_keyed_by_their_line(tmp_path: Path) -> None:
    text = "name;born\nIvan Petrov;1.1.1970\nIvan Petrov;2.2.1980\n".replace(";", "\t")
    path = write(tmp_path / "people.tsv", text)
    out, _ = ok("cluster", path, "--birth-date-column", "born", "--format", "jsonl")
    records = sorted(json.loads(line)["records"] for line in out.splitlines())
    assert records == [[f"{path}:2"], [f"{path}:3"]]
