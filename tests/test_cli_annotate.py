"""`aliaskit cluster --annotate`: every row in its place, errors, columns, formats, tables.

Issue 25, items 1, 2, 5 and 7, run end to end in a subprocess.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from aliaskit._bidi import FSI, PDI
from aliaskit.io import InputError, NameReader
from tests.test_cli import fails, jsonl, ok, run, write

#: A CSV with every kind of bad row: (id, error) of each row, in order.
CSV_ROWS = [
    ("1,Sasha Trupanov,1995-05-03", "1", ""),
    ("2,Elena Troufanov", "2", "expected 3 fields, found 2"),
    ("3,Yair Horn,1990,extra", "3", "expected 3 fields, found 4"),
    ("4,,1990", "4", "empty name"),
    ("5,...,1990", "5", "no name can be read"),
    ("6,Alexander Trufanov,1995-13-45", "6", ""),  # a bad birth date only warns
    ("7,Sasha Troufanov,", "7", ""),
]
CSV_TEXT = "id,name,dob\n" + "".join(line + "\n" for line, _, _ in CSV_ROWS)

#: A JSON Lines file with every kind of bad line: (line, n, error) in order.
JSONL_ROWS = [
    ('{"name": "Sasha Trupanov", "n": 1}', 1, ""),
    ('{"name": "Elena Tr', None, "invalid JSON (Unterminated string starting at, column 10)"),
    ("[1, 2]", None, "not a JSON object but an array"),
    ('{"name": 5, "n": 4}', 4, "'name' must be a string, not a number (5)"),
    ('{"n": 5}', 5, "no key 'name'"),
    ('{"name": "...", "n": 6}', 6, "no name can be read"),
    ('{"name": "", "n": 7}', 7, "empty name"),
    ('{"name": "Sasha Troufanov", "n": 8}', 8, ""),
]
JSONL_TEXT = "".join(line + "\n" for line, _, _ in JSONL_ROWS)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_every_input_row_reaches_the_annotated_output_in_order(tmp_path: Path, fmt: str) -> None:
    """Bad rows keep their place, with empty entity columns and the reason in `error`."""
    text = CSV_TEXT if fmt == "csv" else CSV_TEXT.replace(",", "\t")
    src = write(tmp_path / f"people.{fmt}", text)
    out, err = ok("cluster", src, "--annotate", "--allow-errors")
    rows = list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
    assert [(r["id"], r["error"]) for r in rows] == [(i, e) for _, i, e in CSV_ROWS]
    assert rows[1]["name"] == "Elena Troufanov"  # a short row is padded, not shifted
    for row in rows:
        assert bool(row["entity_id"]) == (row["error"] == "")
    assert rows[0]["entity_id"] == rows[6]["entity_id"]
    assert "7 rows read, 3 annotated, 4 in error (1 empty, 1 no name, 2 malformed), " in err
    assert "1 with warnings (1 bad evidence fields left empty)" in err
    assert f"{src}:7: birth_date: cannot read a birth date in '1995-13-45'" in err


def test_every_jsonl_line_reaches_the_annotated_output_in_order(tmp_path: Path) -> None:
    """A line that is no JSON object comes out as {"input": LINE} with its error."""
    src = write(tmp_path / "people.jsonl", JSONL_TEXT)
    out, err = ok("cluster", src, "--annotate", "--allow-errors")
    records = jsonl(out)
    assert [(r.get("n"), r["error"] or "") for r in records] == [(n, e) for _, n, e in JSONL_ROWS]
    assert records[1]["input"] == '{"name": "Elena Tr'
    assert records[2]["input"] == "[1, 2]"
    assert records[3]["name"] == 5
    for record in records:
        assert (record["entity_id"] is None) == (record["error"] is not None)
    assert records[0]["entity_id"] == records[7]["entity_id"]
    assert "8 rows read, 2 annotated, 6 in error (1 empty, 1 no name, 4 malformed)" in err


def test_a_row_in_error_makes_the_exit_status_1_unless_allow_errors(tmp_path: Path) -> None:
    """Exit 1 with the whole output written; --allow-errors exits 0; a warning alone is 0."""
    src = write(tmp_path / "people.csv", CSV_TEXT)
    target = tmp_path / "out.csv"
    err = fails(1, "cluster", src, "--annotate", "-o", target)
    assert "aliaskit: 4 rows in error: exit status 1 (--allow-errors accepts them)" in err
    assert len(list(csv.reader(target.open(encoding="utf-8")))) == 1 + len(CSV_ROWS)
    assert fails(1, "cluster", src, "--format", "jsonl")  # entities alone: the same
    ok("cluster", src, "--annotate", "--allow-errors")
    warned = write(tmp_path / "warned.csv", "id,name,dob\n1,Sasha Trupanov,1995-13-45\n")
    assert "0 in error, 1 with warnings" in ok("cluster", warned, "--annotate")[1]


def test_strict_stops_at_the_first_row_in_error_and_writes_nothing(tmp_path: Path) -> None:
    target = write(tmp_path / "out.csv", "previous\n")
    src = write(tmp_path / "people.csv", "name\nSasha Trupanov\n\n...\n")
    err = fails(1, "cluster", src, "--annotate", "--strict", "-o", target)
    assert f"{src}:4: no name can be read" in err
    assert target.read_text(encoding="utf-8") == "previous\n"
    empty = write(tmp_path / "empty.csv", "id,name\n1,\n2,...\n")
    assert f"{empty}:2: empty name" in fails(1, "cluster", empty, "--strict")


def _column(header: str) -> str:
    data = f"{header}\n{','.join(h.strip() for h in header.split(','))}\n".encode()
    (record,) = NameReader(io.BytesIO(data), "in", "csv")
    return record.name


def test_the_name_column_is_chosen_by_header_in_order(tmp_path: Path) -> None:
    """name, full_name, person, alias, in any case; a broader `... name` header last."""
    assert _column("alias,person,Full Name,id") == "Full Name"
    assert _column("alias,PERSON,id") == "PERSON"
    assert _column("full_name,Name") == "Name"
    assert _column("id,Alias") == "Alias"
    assert _column("id,Person Name,alias") == "alias"
    assert _column("id,Person Name") == "Person Name"
    src = write(tmp_path / "p.csv", "id,alias,full_name\n1,Sasha,Alexander Trufanov\n")
    out, _ = ok("cluster", src, "--format", "jsonl")
    assert jsonl(out)[0]["aliases"] == ["Alexander Trufanov"]
    out, _ = ok("cluster", src, "--format", "jsonl", "--column", "alias")
    assert jsonl(out)[0]["aliases"] == ["Sasha"]
    nd = write(tmp_path / "p.jsonl", '{"id": 1, "person": "Sasha Trupanov"}\n')
    assert jsonl(ok("cluster", nd, "--format", "jsonl")[0])[0]["aliases"] == ["Sasha Trupanov"]


def test_no_name_header_is_refused_listing_the_headers(tmp_path: Path) -> None:
    src = write(tmp_path / "p.csv", "id,first_name,last_name\n1,Sasha,Trupanov\n")
    err = fails(1, "cluster", src)
    assert (
        f"{src}:1: no name column: none is called name, full_name, person, alias "
        "(columns: 'id', 'first_name', 'last_name'); give --column"
    ) in err
    with pytest.raises(InputError, match="no name column"):
        list(NameReader(io.BytesIO(b"who\nSasha\n"), "in", "csv"))


def test_format_is_honoured_in_annotate_mode(tmp_path: Path) -> None:
    """--format converts the annotated rows; the default is the input's own format."""
    src = write(tmp_path / "p.jsonl", '{"name": "Sasha Trupanov", "n": 1}\n{"name": "Sasha"}\n')
    out, _ = ok("cluster", src, "--annotate", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["name", "n", "entity_id", "canonical", "error"]
    assert rows[1][:2] == ["Sasha Trupanov", "1"]
    assert rows[2][:2] == ["Sasha", ""]
    out, _ = ok("cluster", src, "--annotate", "--format", "tsv")
    assert out.splitlines()[0] == "name\tn\tentity_id\tcanonical\terror"
    assert json.loads(ok("cluster", src, "--annotate")[0].splitlines()[0])["n"] == 1
    table, _ = ok("cluster", src, "--annotate", "--format", "table")
    assert table.splitlines()[0].split() == ["name", "n", "entity_id", "canonical", "error"]
    assert len(table.splitlines()) == 3
    plain = write(tmp_path / "p.csv", "id,name\n1,Sasha Trupanov\n")
    records = jsonl(ok("cluster", plain, "--annotate", "--format", "jsonl")[0])
    assert records[0]["id"] == "1"
    assert records[0]["name"] == "Sasha Trupanov"
    assert records[0]["error"] is None
    out, _ = ok("cluster", plain, "--format", "tsv")
    assert out.splitlines()[0] == "id\tcanonical\talias"


def test_tables_escape_newlines_and_isolate_right_to_left_names(tmp_path: Path) -> None:
    """One entity is one line; Hebrew is isolated in tables and raw elsewhere."""
    lines = '{"name": "Sasha\\nTrupanov"}\n{"name": "סשה טרופנוב"}\n{"name": "A\\tB\\u202eC"}\n'
    src = write(tmp_path / "p.jsonl", lines)
    table, _ = ok("cluster", src, "--threshold", "1")
    shown = table.splitlines()
    assert len(shown) == 4
    assert any(line.endswith("Sasha\\nTrupanov") for line in shown)
    assert any(line.endswith(f"{FSI}סשה טרופנוב{PDI}") for line in shown)
    assert any(line.endswith("A\\tB\\u202eC") for line in shown)
    annotated, _ = ok("cluster", src, "--annotate", "--format", "table", "--threshold", "1")
    assert len(annotated.splitlines()) == 4
    assert f"{FSI}סשה טרופנוב{PDI}" in annotated
    for fmt in ("csv", "jsonl"):
        raw, _ = ok("cluster", src, "--format", fmt, "--threshold", "1")
        assert FSI not in raw
        assert "סשה טרופנוב" in raw
    tsv, _ = ok("cluster", src, "--annotate", "--format", "tsv", "--threshold", "1")
    rows = tsv.splitlines()
    assert len(rows) == 4
    assert rows[1].split("\t")[0] == "Sasha\\nTrupanov"
    assert rows[3].split("\t")[0] == "A\\tB\u202eC"
    assert FSI not in tsv


def test_split_reads_two_names_from_one_cell(tmp_path: Path) -> None:
    """--split ';': two names of one row, one entity; the row gets it."""
    text = "id,name\n1,Sasha Trupanov; Alexander Trufanov\n2,Elena Troufanov\n3, ; \n"
    src = write(tmp_path / "p.csv", text)
    out, _ = ok("cluster", src, "--split", ";", "--format", "jsonl", "--allow-errors")
    aliases = sorted(sorted(e["aliases"]) for e in jsonl(out))
    assert aliases == [["Alexander Trufanov", "Sasha Trupanov"], ["Elena Troufanov"]]
    out, _ = ok("cluster", src, "--split", ";", "--annotate", "--allow-errors")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["name"] == "Sasha Trupanov; Alexander Trufanov"
    assert rows[0]["entity_id"]
    assert rows[0]["entity_id"] != rows[1]["entity_id"]
    assert rows[2]["error"] == "empty name"
    assert run("cluster", src, "--format", "jsonl").returncode == 1  # ';' is no name
