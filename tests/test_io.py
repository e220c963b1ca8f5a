"""Readers and writers of name files (aliaskit.io)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.entity import Entity
from aliaskit.io import (
    MAX_PROBLEMS,
    Annotator,
    EncodingError,
    InputError,
    NameReader,
    Record,
    format_of_path,
    write_entities,
)

SASHA = Entity("ak-000000000001", "Alexander Trufanov", ("Sasha Trupanov", "סשה טרופנוב"))
ELENA = Entity("ak-000000000002", "Elena Troufanov", ("Elena Troufanov",))


def read(data: bytes, fmt: str = "txt", **options: object) -> tuple[NameReader, list[Record]]:
    """Read bytes with a NameReader labelled ``in``; return it and its records."""
    reader = NameReader(io.BytesIO(data), "in", fmt, **options)  # type: ignore[arg-type]
    return reader, list(reader)


def names(data: bytes, fmt: str = "txt", **options: object) -> list[tuple[int, str]]:
    """(line, name) of every record read from the bytes."""
    return [(r.line, r.name) for r in read(data, fmt, **options)[1]]


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("a.txt", "txt"),
        ("a.CSV", "csv"),
        ("dir.v2/a.tsv", "tsv"),
        ("a.tab", "tsv"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.list", "txt"),
        ("noext", "txt"),
    ],
)
def test_format_follows_the_extension(path: str, fmt: str) -> None:
    """The extension picks the format; anything unknown is read as TXT."""
    assert format_of_path(path) == fmt


def test_txt_skips_comments_and_keeps_line_numbers() -> None:
    """TXT: # lines are comments; names are stripped; numbers count physical lines."""
    data = "\ufeff# header\r\n  Sasha Trupanov \r\n\nסשה טרופנוב".encode()
    assert names(data) == [(2, "Sasha Trupanov"), (3, ""), (4, "סשה טרופנוב")]


def test_txt_row_is_the_line_as_written() -> None:
    """The kept TXT row is the line without its newline, whitespace intact."""
    _, records = read(b" Sasha \n")
    assert records[0].row == " Sasha "


def test_csv_picks_the_name_column_by_default() -> None:
    """Without --column, a column called name (any case) is used."""
    assert names(b"id,Name\n1,Sasha\n", "csv") == [(2, "Sasha")]


def test_csv_without_a_name_column_is_refused_listing_the_headers() -> None:
    """Without --column and a name column, no column is guessed (issue 25, item 2)."""
    with pytest.raises(InputError, match=r"^in:1: no name column: .*\(columns: 'who', 'id'\)"):
        read(b"who,id\nSasha,1\n", "csv")


@pytest.mark.parametrize("column", ["full", "1"])
def test_csv_column_by_header_or_index(column: str) -> None:
    """--column takes a header name or a 0-based index."""
    assert names(b"id,full\n1,Sasha\n", "csv", column=column) == [(2, "Sasha")]


def test_csv_header_named_like_a_digit_wins_over_the_index() -> None:
    """A header literally called "0" is chosen by name, not as index 0."""
    assert names(b"id,0\n1,Sasha\n", "csv", column="0") == [(2, "Sasha")]


@pytest.mark.parametrize("column", ["nope", "7"])
def test_csv_missing_column_fails_with_the_place(column: str) -> None:
    """A column not in the header is fatal and lists the columns."""
    with pytest.raises(InputError, match=r"^in:1: no column .* \(columns: 'id', 'name'\)"):
        read(b"id,name\n1,Sasha\n", "csv", column=column)


def test_csv_quoted_fields_keep_commas_quotes_and_newlines() -> None:
    """Quoted CSV fields are read whole; a record's line is where it starts."""
    data = b'name,x\n"Trufanov, Sasha",1\n"Elena ""Lena""\nTroufanov",2\nYair,3\n'
    assert names(data, "csv") == [
        (2, "Trufanov, Sasha"),
        (3, 'Elena "Lena"\nTroufanov'),
        (5, "Yair"),
    ]


def test_csv_ragged_rows_are_skipped_and_described() -> None:
    """A row with the wrong number of fields is skipped with its line (by default)."""
    reader, records = read(b"id,name\n1,Sasha\n2\n3,Yair,extra\n4,Elena\n", "csv")
    assert [r.name for r in records] == ["Sasha", "Elena"]
    assert reader.malformed == 2
    assert [str(p) for p in reader.problems] == [
        "in:3: expected 2 fields, found 1",
        "in:4: expected 2 fields, found 3",
    ]


def test_csv_ragged_row_fails_when_strict() -> None:
    """With strict=True a ragged row raises InputError naming its line."""
    with pytest.raises(InputError, match=r"^in:3: expected 2 fields, found 1$"):
        read(b"id,name\n1,Sasha\n2\n", "csv", strict=True)


def test_csv_blank_lines_are_not_rows() -> None:
    """Blank lines in CSV are ignored, not counted as names or problems."""
    reader, records = read(b"name\n\nSasha\n\n", "csv")
    assert [(r.line, r.name) for r in records] == [(3, "Sasha")]
    assert reader.malformed == 0


def test_csv_without_header_uses_an_index() -> None:
    """With header=False every row is data and --column must be an index."""
    assert names(b"1,Sasha\n2,Yair\n", "csv", header=False, column="1") == [
        (1, "Sasha"),
        (2, "Yair"),
    ]
    with pytest.raises(InputError, match="needs a header"):
        read(b"1,Sasha\n", "csv", header=False, column="name")


def test_txt_has_no_columns() -> None:
    """Asking for a column of a TXT input is an error, not silently ignored."""
    with pytest.raises(InputError, match="read as txt"):
        read(b"Sasha\n", column="name")


def test_tsv_has_no_quoting() -> None:
    """TSV: quotes are ordinary characters, only tabs separate fields."""
    reader, records = read(b'name\tnote\n"Sasha" Trupanov\t"x\n', "tsv")
    assert [r.name for r in records] == ['"Sasha" Trupanov']
    assert reader.header == ["name", "note"]


def test_empty_inputs_have_no_records() -> None:
    """An empty file (or a header alone) is fine: no records, no problems."""
    for fmt in ("txt", "csv", "tsv", "jsonl"):
        reader, records = read(b"", fmt)
        assert (records, reader.malformed) == ([], 0)
    assert read(b"name\n", "csv")[1] == []


def test_jsonl_reads_a_key() -> None:
    """JSON Lines: the name is under the key; null is an empty name."""
    data = b'{"name": "Sasha"}\n\n{"name": null}\n{"name": " Yair "}\n'
    assert names(data, "jsonl") == [(1, "Sasha"), (3, ""), (4, "Yair")]
    assert names(b'{"who": "Sasha"}\n', "jsonl", column="who") == [(1, "Sasha")]


def test_jsonl_bad_lines_are_skipped_and_described() -> None:
    """Invalid JSON, non-objects, non-strings and a later missing key are malformed."""
    data = b'{"name": "Sasha"}\n{"name": "Tru\n[1]\n{"name": 5}\n{"x": 1}\n{"name": "Yair"}\n'
    reader, records = read(data, "jsonl")
    assert [r.name for r in records] == ["Sasha", "Yair"]
    assert [p.line for p in reader.problems] == [2, 3, 4, 5]
    assert reader.problems[0].reason.startswith("invalid JSON")
    assert reader.problems[3].reason == "no key 'name'"
    assert reader.problems[2].reason == "'name' must be a string, not a number (5)"


def test_jsonl_truncated_line_fails_when_strict() -> None:
    """With strict=True a truncated JSON line raises with its line number."""
    with pytest.raises(InputError, match=r"^in:2: invalid JSON"):
        read(b'{"name": "Sasha"}\n{"name": "Tru', "jsonl", strict=True)


def test_jsonl_key_missing_from_the_first_record_is_fatal() -> None:
    """A key absent from the first record is a wrong --column, not a bad row."""
    with pytest.raises(InputError, match=r"^in:1: no key 'nme' \(keys: 'name'\)"):
        read(b'{"name": "Sasha"}\n', "jsonl", column="nme")


def test_invalid_utf8_fails_with_the_line() -> None:
    """Undecodable bytes raise EncodingError naming the line."""
    with pytest.raises(EncodingError, match=r"^in:2: invalid UTF-8"):
        read(b"Sapir Cohen\nTrufanov \xff\n")


def test_invalid_utf8_is_replaced_and_counted_on_request() -> None:
    """errors="replace" substitutes U+FFFD and records the line."""
    reader, records = read(b"Sapir\nTru\xfffanov\nYair\xfe\n", errors="replace")
    assert records[1].name == "Tru\ufffdfanov"
    assert reader.replaced_lines == [2, 3]


def test_bytes_read_counts_the_whole_input() -> None:
    """bytes_read reaches the size of the input (for the progress bar)."""
    data = b"name\nSasha\n\xd0\x90\n"
    reader, _ = read(data, "csv")
    assert reader.bytes_read == len(data)


def test_problem_descriptions_are_capped_but_counted() -> None:
    """Only MAX_PROBLEMS descriptions are kept; the count goes on."""
    data = b"a,b\n" + b"x\n" * (MAX_PROBLEMS + 5)
    reader, _ = read(data, "csv", column="a")
    assert (len(reader.problems), reader.malformed) == (MAX_PROBLEMS, MAX_PROBLEMS + 5)


def test_unknown_reader_options_are_rejected() -> None:
    """An unknown format or error mode is a ValueError."""
    with pytest.raises(ValueError, match="input format"):
        NameReader(io.BytesIO(b""), "in", "xml")
    with pytest.raises(ValueError, match="errors"):
        NameReader(io.BytesIO(b""), "in", errors="ignore")


@given(st.lists(st.text(st.characters(exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=12)))
def test_csv_written_by_the_csv_module_reads_back(values: list[str]) -> None:
    """Any names written with csv.writer read back as the same (stripped) names."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "name"])
    writer.writerows([i, v] for i, v in enumerate(values))
    got = [r.name for r in read(buffer.getvalue().encode(), "csv")[1]]
    assert got == [v.strip() for v in values]


def written(entities: list[Entity], fmt: str) -> str:
    """What write_entities writes for these entities in this format."""
    out = io.StringIO()
    write_entities(entities, out, fmt)
    return out.getvalue()


def test_table_has_a_header_and_one_line_per_entity() -> None:
    """The table starts with a header line, then one line per entity."""
    lines = written([SASHA, ELENA], "table").splitlines()
    assert lines[0].split() == ["id", "canonical", "n", "aliases"]
    assert lines[1].startswith("ak-000000000001  Alexander Trufanov")
    # right-to-left names are isolated in tables (issue 25, item 7)
    assert lines[1].endswith("2  Sasha Trupanov | \u2068סשה טרופנוב\u2069")
    assert len(lines) == 3


def test_jsonl_output_has_id_canonical_aliases() -> None:
    """JSON Lines output: one object per entity with exactly three keys."""
    records = [json.loads(x) for x in written([SASHA, ELENA], "jsonl").splitlines()]
    assert records[0] == {
        "id": SASHA.id,
        "canonical": SASHA.canonical,
        "aliases": list(SASHA.aliases),
    }
    assert len(records) == 2


def test_csv_output_has_one_row_per_alias() -> None:
    """CSV output: a header, then id, canonical, alias for each alias."""
    rows = list(csv.reader(io.StringIO(written([SASHA, ELENA], "csv"))))
    assert rows[0] == ["id", "canonical", "alias"]
    assert rows[1:] == [[SASHA.id, SASHA.canonical, a] for a in SASHA.aliases] + [
        [ELENA.id, ELENA.canonical, "Elena Troufanov"]
    ]


def test_unknown_output_format_is_rejected() -> None:
    """write_entities refuses an unknown format."""
    with pytest.raises(ValueError, match="output format"):
        write_entities([SASHA], io.StringIO(), "xml")


def annotated(data: bytes, fmt: str, entity: Entity | None = SASHA, **options: object) -> str:
    """Read the bytes and write each record annotated with one entity."""
    reader, records = read(data, fmt, **options)
    out = io.StringIO()
    annotator = Annotator(out, fmt, reader.header)
    for record in records:
        annotator.write(record, entity if record.name else None)
    return out.getvalue()


def test_annotated_csv_keeps_header_and_appends_two_columns() -> None:
    """CSV keeps its header and quoting; entity_id and canonical are appended."""
    text = annotated(b'id,name\n1,"Trufanov, Sasha"\n2,\n', "csv")
    assert text == (
        f'id,name,entity_id,canonical\n1,"Trufanov, Sasha",{SASHA.id},{SASHA.canonical}\n2,,,\n'
    )


def test_annotated_csv_overwrites_existing_annotation_columns() -> None:
    """Re-annotating a file replaces its entity_id and canonical columns."""
    text = annotated(b"name,entity_id,canonical\nSasha,old,Old\n", "csv")
    assert text.splitlines() == [
        "name,entity_id,canonical",
        f"Sasha,{SASHA.id},{SASHA.canonical}",
    ]


def test_annotated_tsv_keeps_tabs() -> None:
    """TSV stays tab-separated and unquoted."""
    text = annotated(b'name\tnote\n"Sasha"\tx\n', "tsv")
    assert text == f'name\tnote\tentity_id\tcanonical\n"Sasha"\tx\t{SASHA.id}\t{SASHA.canonical}\n'


def test_annotated_csv_without_header_just_appends() -> None:
    """Header-less CSV gets two more fields per row and no header."""
    assert annotated(b"Sasha,1\n", "csv", header=False) == f"Sasha,1,{SASHA.id},{SASHA.canonical}\n"


def test_annotated_jsonl_adds_two_keys() -> None:
    """JSON Lines records keep their keys and gain entity_id and canonical (null if none)."""
    text = annotated(b'{"name": "Sasha", "n": 1}\n{"name": ""}\n', "jsonl")
    first, second = (json.loads(x) for x in text.splitlines())
    assert first == {"name": "Sasha", "n": 1, "entity_id": SASHA.id, "canonical": SASHA.canonical}
    assert second == {"name": "", "entity_id": None, "canonical": None}


def test_annotated_txt_becomes_tsv() -> None:
    """TXT becomes TSV name, entity_id, canonical with a header; tabs are escaped."""
    text = annotated(b"Sasha\tTrupanov\n\n", "txt")
    assert text.splitlines() == [
        "name\tentity_id\tcanonical",
        f"Sasha\\tTrupanov\t{SASHA.id}\t{SASHA.canonical}",
        "\t\t",
    ]


def test_annotated_csv_reads_back_with_the_same_names() -> None:
    """An annotated CSV is itself valid input with the same names."""
    data = b'id,name\n1,"Elena ""Lena""\nTroufanov"\n2,Yair\n'
    again = annotated(data, "csv").encode()
    assert [r.name for r in read(again, "csv")[1]] == [r.name for r in read(data, "csv")[1]]
