"""Encodings, byte-order marks and CSV dialects of name files (issue 25, items 3 and 4).

The reader (aliaskit.io.NameReader) first, then the command line end to end.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.io import (
    CHUNK,
    SNIFF_CHARS,
    Annotator,
    EncodingError,
    InputError,
    NameReader,
    Record,
    UnknownEncodingError,
    sniff_delimiter,
    suggest_encoding,
)
from tests.test_cli import fails, ok, write

ALEXANDER = "Александр Труфанов"
ELENA = "Елена Труфанова"
CYRILLIC = f"{ALEXANDER}\n{ELENA}\n"
CSV = f"id;full_name\n1;{ALEXANDER}\n2;{ELENA}\n"


def read(data: bytes, fmt: str = "txt", **options: object) -> tuple[NameReader, list[Record]]:
    """Read bytes with a NameReader labelled ``in``; return it and its records."""
    reader = NameReader(io.BytesIO(data), "in", fmt, **options)  # type: ignore[arg-type]
    return reader, list(reader)


def names(data: bytes, fmt: str = "txt", **options: object) -> list[tuple[int, str]]:
    """(line, name) of every record read from the bytes."""
    return [(r.line, r.name) for r in read(data, fmt, **options)[1]]


def undecodable(data: bytes, fmt: str = "txt", **options: object) -> EncodingError:
    """The EncodingError reading the bytes raises."""
    with pytest.raises(EncodingError) as caught:
        read(data, fmt, **options)
    return caught.value


class Trickle(io.BytesIO):
    """A stream that hands out at most three bytes a read: every line crosses reads."""

    def read1(self, size: int | None = -1) -> bytes:
        return super().read1(3 if size is None or size < 0 else min(size, 3))


class Counted(io.BytesIO):
    """A stream that remembers the furthest byte any read reached."""

    furthest = 0

    def read1(self, size: int | None = -1) -> bytes:
        data = super().read1(size)
        self.furthest = max(self.furthest, self.tell())
        return data

    def readline(self, size: int | None = -1) -> bytes:
        data = super().readline(size)
        self.furthest = max(self.furthest, self.tell())
        return data

    def __next__(self) -> bytes:
        data = super().__next__()
        self.furthest = max(self.furthest, self.tell())
        return data


# -- encodings ---------------------------------------------------------------------


def test_a_cp1251_file_reads_with_encoding_cp1251() -> None:
    """With encoding="cp1251" (any spelling Python knows) Cyrillic names come out whole."""
    assert names(CYRILLIC.encode("cp1251"), encoding="cp1251") == [(1, ALEXANDER), (2, ELENA)]
    assert names(CSV.encode("cp1251"), "csv", encoding="windows-1251") == [
        (2, ALEXANDER),
        (3, ELENA),
    ]
    reader, _ = read(b"x\n", encoding="Windows-1251")
    assert reader.encoding == "cp1251"


def test_other_single_byte_encodings_read_too() -> None:
    """koi8-r, latin-1 and cp1255 (Hebrew) are just names for the reader."""
    assert names(CYRILLIC.encode("koi8-r"), encoding="koi8-r") == [(1, ALEXANDER), (2, ELENA)]
    assert names("José Müller\n".encode("latin-1"), encoding="latin-1") == [(1, "José Müller")]
    assert names("סשה טרופנוב\n".encode("cp1255"), encoding="cp1255") == [(1, "סשה טרופנוב")]


@pytest.mark.parametrize("fmt", ["txt", "csv", "tsv", "jsonl"])
def test_a_utf8_bom_is_not_part_of_the_first_name_or_header(fmt: str) -> None:
    """A UTF-8 byte-order mark is skipped: the first name, header cell or line is clean."""
    text = {
        "txt": f"{ALEXANDER}\n{ELENA}\n",
        "csv": f"full_name,id\n{ALEXANDER},1\n{ELENA},2\n",
        "tsv": f"full_name\tid\n{ALEXANDER}\t1\n{ELENA}\t2\n",
        "jsonl": f'{{"name": "{ALEXANDER}"}}\n{{"name": "{ELENA}"}}\n',
    }[fmt]
    data = codecs.BOM_UTF8 + text.encode()
    reader, records = read(data, fmt)
    assert [r.name for r in records] == [ALEXANDER, ELENA]
    assert [r.line for r in records] == ([1, 2] if fmt in ("txt", "jsonl") else [2, 3])
    if fmt in ("csv", "tsv"):
        assert reader.header == ["full_name", "id"]
        assert records[0].evidence == {"id": "1"}
    assert reader.bytes_read == len(data)


def test_a_utf8_bom_is_skipped_whatever_the_encoding_given() -> None:
    """A UTF-8 mark means UTF-8, even when encoding says cp1251."""
    data = codecs.BOM_UTF8 + CYRILLIC.encode()
    assert names(data, encoding="cp1251") == [(1, ALEXANDER), (2, ELENA)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("given_encoding", ["utf-8", "cp1251", "utf-16"])
def test_utf16_le_and_be_with_bom_read_without_an_option(
    encoding: str, given_encoding: str
) -> None:
    """A UTF-16 or UTF-32 byte-order mark picks that encoding over the one given
    (the default utf-8 included); lines, CSV quoting and bytes_read stay right."""
    text = f'id,full_name\n1,{ALEXANDER}\n2,"{ELENA}\nЛена"\n3,סשה טרופנוב\n'
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        encoding, codecs.BOM_UTF32_LE if encoding == "utf-32-le" else codecs.BOM_UTF32_BE
    )
    data = bom + text.encode(encoding)
    reader, records = read(data, "csv", encoding=given_encoding)
    assert [(r.line, r.name) for r in records] == [
        (2, ALEXANDER),
        (3, f"{ELENA}\nЛена"),
        (5, "סשה טרופנוב"),
    ]
    assert reader.header == ["id", "full_name"]
    assert reader.encoding == encoding
    assert reader.bytes_read == len(data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_without_a_bom_reads_with_encoding_utf16_in_either_byte_order(
    encoding: str,
) -> None:
    """encoding="utf-16" (or "utf-32") without a mark: the NUL bytes show the order."""
    family = encoding[:6]
    data = f"Sasha Trupanov\n{ALEXANDER}\n".encode(encoding)
    reader, records = read(data, encoding=family)
    assert [r.name for r in records] == ["Sasha Trupanov", ALEXANDER]
    assert reader.encoding == encoding
    assert names(data, encoding=encoding) == [(1, "Sasha Trupanov"), (2, ALEXANDER)]


@pytest.mark.parametrize("text", ["Sasha Trupanov\n", f"{ALEXANDER}\n", "סשה טרופנוב\n"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_without_a_bom_is_not_read_as_utf8(text: str, encoding: str) -> None:
    """UTF-16 or UTF-32 without a mark, read as UTF-8 (where NUL bytes and even
    Cyrillic in UTF-16 decode), fails naming the line and suggests the encoding."""
    err = undecodable(("id\n" + text * 3).encode(encoding))
    assert err.line == 1
    assert err.offset is not None
    assert err.suggestion == encoding[:6]
    assert str(err).startswith("in:1: ")
    assert "without a byte-order mark" in str(err)


def test_an_undecodable_file_names_the_offset_line_and_suggests_cp1251() -> None:
    """Undecodable bytes name the line, the byte offset in the input and in the
    line, and the encoding they look like."""
    first = b"Sapir Cohen\n"
    data = first + b"Yair " + ALEXANDER.encode("cp1251") + b"\n"
    err = undecodable(data)
    assert (err.line, err.offset, err.suggestion) == (2, len(first) + 5, "cp1251")
    assert str(err) == (
        f"in:2: invalid UTF-8 at byte offset {len(first) + 5} (offset 5 in the line: "
        "invalid start byte); the bytes look like cp1251 (Windows Cyrillic)"
    )


def test_a_bom_counts_in_the_byte_offset() -> None:
    """Offsets count from the start of the input, the mark included."""
    err = undecodable(codecs.BOM_UTF8 + b"Sasha\n\xff\n")
    assert (err.line, err.offset) == (2, 9)


@pytest.mark.parametrize(
    ("data", "suggestion"),
    [
        (CYRILLIC.encode("cp1251"), "cp1251"),
        (CYRILLIC.upper().encode("cp1251"), "cp1251"),
        (f"1,{ALEXANDER},Alexander Trufanov\n".encode("cp1251"), "cp1251"),
        (CYRILLIC.encode("koi8-r"), "koi8-r"),
        ("סשה טרופנוב\n".encode("cp1255"), "cp1255"),
        ("José Müller\n".encode("latin-1"), None),
        ("Dvořák\n".encode("cp1250"), None),
        (b"Sasha \xff\xfe\n", None),
    ],
)
def test_the_suggested_encoding_fits_the_bytes(data: bytes, suggestion: str | None) -> None:
    """cp1251 for Windows Cyrillic, koi8-r when its cases come out swapped,
    cp1255 for Hebrew; nothing for Latin letters or noise."""
    assert suggest_encoding(data) == suggestion
    assert undecodable(b"Sapir\n" + data).suggestion == suggestion


def test_no_suggestion_of_the_encoding_in_use() -> None:
    """A suggestion is never the encoding already read with."""
    assert suggest_encoding(CYRILLIC.encode("cp1251"), "cp1251") is None
    assert suggest_encoding("Sasha".encode("utf-16-le"), "utf-16-le") is None


def test_another_encoding_names_itself_when_bytes_do_not_fit() -> None:
    """A UTF-16 input cut in the middle of a character fails as UTF-16, with its place."""
    data = codecs.BOM_UTF16_LE + f"{ALEXANDER}\n".encode("utf-16-le") + b"x"
    err = undecodable(data)
    assert err.line == 2
    assert err.offset == len(data) - 1
    assert str(err).startswith("in:2: invalid UTF-16-LE at byte offset")


def test_replace_still_counts_lines_and_names_the_likely_encoding() -> None:
    """errors="replace" goes on, counts the lines, and keeps the suggestion."""
    data = b"Sapir Cohen\n" + CYRILLIC.encode("cp1251")
    reader, records = read(data, errors="replace")
    assert records[1].name == "\ufffd" * 9 + " " + "\ufffd" * 8
    assert reader.replaced_lines == [2, 3]
    assert reader.suggestion == "cp1251"
    clean, _ = read(b"Sapir\nTru\xfffanov\n", errors="replace")
    assert (clean.replaced_lines, clean.suggestion) == ([2], None)


@pytest.mark.parametrize("encoding", ["klingon", "base64", "rot13", ""])
def test_an_unknown_encoding_is_a_clear_error(encoding: str) -> None:
    """An encoding Python does not know, or not a text encoding, is refused at once,
    by name, as a LookupError and an InputError."""
    with pytest.raises(UnknownEncodingError, match=repr(encoding)) as caught:
        NameReader(io.BytesIO(b"Sasha\n"), "in", encoding=encoding)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, InputError)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32", "cp1251"])
def test_lines_cut_across_reads_keep_their_numbers(encoding: str) -> None:
    """Lines split over many reads (three bytes at a time) read whole, numbered right."""
    text = f'id,name\n1,{ALEXANDER}\n2,"{ELENA}\nЛена"\n\n3,Sasha ਊĀ\n'.replace(
        "ਊĀ", "" if encoding == "cp1251" else "ਊĀ"
    )
    reader = NameReader(Trickle(text.encode(encoding)), "in", "csv", encoding=encoding)
    assert [(r.line, r.name) for r in reader] == [
        (2, ALEXANDER),
        (3, f"{ELENA}\nЛена"),
        (6, "Sasha" if encoding == "cp1251" else "Sasha ਊĀ"),
    ]


def test_a_newline_byte_inside_a_utf16_character_does_not_cut_the_line() -> None:
    """In UTF-16, bytes 0A 00 across two characters (U+0A41 U+0100, say) are no newline."""
    data = codecs.BOM_UTF16_LE + "Aੁਁ\u0100\nB\n".encode("utf-16-le")
    assert b"\n\x00" in data[2:-6]
    assert names(data) == [(1, "Aੁਁ\u0100"), (2, "B")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_reading_is_streamed_not_loaded_whole(encoding: str) -> None:
    """The first record comes after reading about a chunk, not the whole input."""
    data = ("id,name\n" + f"1,{ALEXANDER}\n" * 200_000).encode(encoding)
    assert len(data) > 20 * CHUNK
    stream = Counted(data)
    records = iter(NameReader(stream, "in", "csv"))
    assert next(records).name == ALEXANDER
    assert stream.furthest <= 3 * CHUNK
    assert sum(1 for _ in records) == 199_999


# -- CSV dialects --------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_semicolon_tab_and_pipe_csv_are_sniffed(delimiter: str) -> None:
    """A CSV separated by , ; tab or | reads by its header, and full_name is the
    name column, without saying which separator; quoting still holds."""
    rows = [["id", "full_name", "country"], ["1", ALEXANDER, "RU"], ["2", "Trufanov, Sasha", "IL"]]
    rows += [["3", f"{ELENA}; Лена", "RU"], ["4", "Horn | Yair", "IL"], ["5", "Tab\tname", "IL"]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    reader, records = read(buffer.getvalue().encode(), "csv")
    assert reader.delimiter == delimiter
    assert reader.header == ["id", "full_name", "country"]
    assert [r.name for r in records] == [row[1] for row in rows[1:]]
    assert records[0].evidence == {"id": "1", "countries": "RU"}
    assert reader.malformed == 0


def test_a_semicolon_csv_no_longer_reads_as_one_column() -> None:
    """The issue's example: names, not "1;Sasha Trupanov"."""
    assert names(b"id;name\n1;Sasha Trupanov\n2;Elena Troufanov\n", "csv") == [
        (2, "Sasha Trupanov"),
        (3, "Elena Troufanov"),
    ]


def test_delimiter_option_overrides_the_sniffer() -> None:
    """delimiter= is used as given: here the sniffer would take ;."""
    data = b"name;x\nTrufanov; Sasha;1\nHorn; Yair;2\n"
    assert names(data, "csv", delimiter=",") == [(2, "Trufanov; Sasha;1"), (3, "Horn; Yair;2")]
    reader, records = read(b"a|name\n1|Sasha\n", "csv", delimiter="|")
    assert (reader.delimiter, [r.name for r in records]) == ("|", ["Sasha"])
    assert names(b"name|x\nSasha|1\n", "tsv", delimiter="|") == [(2, "Sasha")]


def test_a_delimiter_only_goes_with_csv_and_tsv() -> None:
    """A delimiter for TXT or JSON Lines, or one that is no single plain character, is refused."""
    with pytest.raises(InputError, match="read as txt"):
        NameReader(io.BytesIO(b""), "in", "txt", delimiter=";")
    with pytest.raises(InputError, match="read as jsonl"):
        NameReader(io.BytesIO(b""), "in", "jsonl", delimiter=";")
    for bad in ("", ";;", '"', "\n"):
        with pytest.raises(ValueError, match="one character"):
            NameReader(io.BytesIO(b""), "in", "csv", delimiter=bad)


def test_sniffing_fails_over_to_a_comma() -> None:
    """One column (no delimiter to find) reads as before, with a comma."""
    reader, records = read(b"name\nSasha Trupanov\nYair Horn\n", "csv")
    assert (reader.delimiter, [r.name for r in records]) == (",", ["Sasha Trupanov", "Yair Horn"])


def test_separators_inside_the_names_of_one_column_do_not_fool_the_sniffer() -> None:
    """A one-column CSV whose names hold ; or | keeps them whole."""
    data = b"name\nTrufanov; Sasha\nHorn; Yair\nCohen | Sapir\n"
    assert [r.name for r in read(data, "csv")[1]] == [
        "Trufanov; Sasha",
        "Horn; Yair",
        "Cohen | Sapir",
    ]


def test_a_ragged_row_in_a_semicolon_csv_is_still_a_ragged_row() -> None:
    """The sniffed ; holds though one row has a field too few."""
    reader, records = read(b"id;name\n1;Sasha\n2\n3;Yair\n", "csv")
    assert [(r.line, r.name) for r in records] == [(2, "Sasha"), (4, "Yair")]
    assert [str(p) for p in reader.problems] == ["in:3: expected 2 fields, found 1"]


def test_sniffed_csv_keeps_quoted_newlines_and_line_numbers_past_the_sample() -> None:
    """Rows before, inside and after the sniffed sample read whole, numbered by
    the physical line where each starts."""
    filler = [f'{i};"Sasha\nTrupanov {i}"\n' for i in range(SNIFF_CHARS // 20)]
    data = ("id;name\n" + "".join(filler) + f"x;{ALEXANDER}\n").encode()
    records = read(data, "csv")[1]
    assert len(records) == len(filler) + 1
    assert records[0].line == 2
    assert records[1].name == "Sasha\nTrupanov 1"
    assert (records[-1].line, records[-1].name) == (2 + 2 * len(filler), ALEXANDER)


def test_tsv_is_not_sniffed() -> None:
    """TSV stays tab-separated without quoting, ; and , are plain characters."""
    reader, records = read(b'name\tid\n"Horn; Yair", x\t1\n', "tsv")
    assert (reader.delimiter, [r.name for r in records]) == ("\t", ['"Horn; Yair", x'])


def test_sniff_delimiter_reads_whole_lines() -> None:
    """The sniffer's choice is checked against a comma: whichever splits evenly."""
    assert sniff_delimiter(["id|name\n", "1|Sasha\n"]) == "|"
    assert sniff_delimiter(["id\tname\n", "1\tSasha, Trupanov\n"]) == "\t"
    assert sniff_delimiter([]) == ","
    # the last line of a cut sample is left out: its quoted field goes on
    assert sniff_delimiter(["id;name\n", '1;"Sasha\n'], complete=False) == ";"


def test_an_annotated_semicolon_csv_keeps_its_delimiter() -> None:
    """Annotating writes the rows back with the delimiter they were read with."""
    reader, records = read(CSV.encode(), "csv")
    out = io.StringIO()
    annotator = Annotator(out, "csv", reader.header, reader.delimiter)
    for record in records:
        annotator.write(record, None)
    assert out.getvalue().splitlines() == [
        "id;full_name;entity_id;canonical",
        f"1;{ALEXANDER};;",
        f"2;{ELENA};;",
    ]


NAME = st.text(st.sampled_from("AaZz Ёё ЛенаТруфанова סשה,;|\t\"'\n"), max_size=10)


@given(
    values=st.lists(NAME, max_size=8),
    delimiter=st.sampled_from(",;\t|"),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_csv_in_any_dialect_and_encoding_reads_back(
    values: list[str], delimiter: str, encoding: str
) -> None:
    """Whatever the names, a CSV written with any sniffed delimiter, in UTF-8 (with
    or without a mark), UTF-16 or UTF-32, reads back as the same names."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["id", "name"])
    writer.writerows([i, v] for i, v in enumerate(values))
    reader, records = read(buffer.getvalue().encode(encoding), "csv")
    assert [r.name for r in records] == [v.strip() for v in values]
    assert reader.delimiter == delimiter


# -- the command line ----------------------------------------------------------------


def aliases(out: str) -> set[frozenset[str]]:
    """The aliases of each entity of JSON Lines output."""
    return {frozenset(json.loads(line)["aliases"]) for line in out.splitlines()}


def entities(*groups: tuple[str, ...]) -> set[frozenset[str]]:
    """Groups of names as :func:`aliases` gives them."""
    return {frozenset(group) for group in groups}


def test_cli_reads_cp1251_with_encoding_and_suggests_it_without(tmp_path: Path) -> None:
    """cluster --encoding cp1251 reads the names; without it the error says where
    and to give --encoding cp1251 (not --errors replace)."""
    src = tmp_path / "people.txt"
    src.write_bytes(f"Sasha Troufanov\n{ALEXANDER}\n{ELENA}\n".encode("cp1251"))
    out, _ = ok("cluster", src, "--encoding", "cp1251", "--format", "jsonl")
    assert aliases(out) == entities((ELENA,), ("Sasha Troufanov", ALEXANDER))
    err = fails(1, "cluster", src)
    assert f"{src}:2: invalid UTF-8 at byte offset 16" in err
    assert err.rstrip().endswith("try --encoding cp1251")
    assert "--errors replace" not in err


def test_cli_errors_replace_names_the_likely_encoding(tmp_path: Path) -> None:
    """--errors replace still counts lines, and the summary says which encoding fits."""
    src = tmp_path / "people.txt"
    src.write_bytes(CYRILLIC.encode("cp1251"))
    # The replaced names have no letters left: rows in error, allowed here.
    _, err = ok("cluster", src, "--errors", "replace", "--allow-errors")
    assert "2 lines with undecodable bytes replaced" in err
    assert "try --encoding cp1251" in err


def test_cli_sniffs_a_semicolon_csv_with_an_id_full_name_header(tmp_path: Path) -> None:
    """A ; CSV with id;full_name reads the names, and --annotate keeps the ;."""
    src = tmp_path / "people.csv"
    src.write_bytes(CSV.encode("cp1251"))
    out, _ = ok("cluster", src, "--encoding", "cp1251", "--format", "jsonl")
    assert aliases(out) == entities((ELENA,), (ALEXANDER,))
    out, _ = ok("cluster", src, "--encoding", "cp1251", "--annotate")
    lines = out.splitlines()
    assert lines[0] == "id;full_name;entity_id;canonical;error"
    assert lines[1].startswith(f"1;{ALEXANDER};ak-")


def test_cli_reads_a_utf16_file_without_options(tmp_path: Path) -> None:
    """A UTF-16 file with its mark (as Windows writes one) needs no option, for
    cluster, resolve, index build and search alike."""
    src = tmp_path / "people.csv"
    src.write_bytes(f"id,full_name\n1,{ALEXANDER}\n2,{ELENA}\n".encode("utf-16"))
    out, _ = ok("cluster", src, "--format", "jsonl")
    assert aliases(out) == entities((ELENA,), (ALEXANDER,))
    ok("resolve", "--db", tmp_path / "db.json", src)
    index = tmp_path / "people.akindex"
    _, err = ok("index", "build", src, "-o", index)
    assert "2 records" in err
    out, _ = ok("search", index, "Alexander Trufanov", "--format", "jsonl")
    assert json.loads(out.splitlines()[0])["name"] == ALEXANDER


def test_cli_encoding_and_delimiter_reach_every_command_that_reads_a_list(
    tmp_path: Path,
) -> None:
    """search (on a list) and index build take --encoding and --delimiter."""
    src = tmp_path / "list.txt"
    src.write_bytes(f"id|full_name\n7|{ALEXANDER}\n".encode("koi8-r"))
    args = ("--input-format", "csv", "--encoding", "koi8-r", "--delimiter", "|")
    out, _ = ok("search", src, "Aleksandr Trufanov", *args, "--format", "jsonl")
    assert json.loads(out.splitlines()[0])["record_id"] == "7"
    ok("index", "build", src, "-o", tmp_path / "list.akindex", *args)
    ok("resolve", "--db", tmp_path / "db.json", src, *args)


@pytest.mark.parametrize("tab", ["\\t", "tab", "TAB", "\t"])
def test_cli_delimiter_takes_a_tab_by_name(tmp_path: Path, tab: str) -> None:
    """--delimiter \\t, tab or a tab character separate by tabs."""
    src = write(tmp_path / "p.csv", "id\tname\n1\tSasha Troufanov\n")
    out, _ = ok("cluster", src, "--delimiter", tab, "--format", "jsonl")
    assert aliases(out) == entities(("Sasha Troufanov",))


def test_cli_delimiter_overrides_the_sniffer(tmp_path: Path) -> None:
    """--delimiter , reads a file the sniffer would split on ;."""
    src = write(tmp_path / "p.csv", "name;x\nTrufanov; Sasha;1\n")
    out, _ = ok("cluster", src, "--delimiter", ",", "--format", "jsonl")
    assert aliases(out) == entities(("Trufanov; Sasha;1",))


@pytest.mark.parametrize("bad", ["ab", '"', ""])
def test_cli_a_bad_delimiter_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    """A delimiter that is not one plain character exits 2."""
    src = write(tmp_path / "p.csv", "name\nSasha\n")
    assert "--delimiter" in fails(2, "cluster", src, "--delimiter", bad)


def test_cli_an_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    """An unknown --encoding exits 1 naming it, for every command that reads a list."""
    src = write(tmp_path / "p.txt", "Sasha\n")
    err = fails(1, "cluster", src, "--encoding", "klingon")
    assert err.splitlines()[-1] == (
        "aliaskit: error: unknown encoding 'klingon' (give one such as utf-8, cp1251, "
        "koi8-r, utf-16)"
    )
    built = tmp_path / "x.akindex"
    assert "'klingon'" in fails(1, "index", "build", src, "-o", built, "--encoding", "klingon")
    assert not built.exists()
    assert "'base64' is not a text encoding" in fails(
        1, "search", src, "Sasha", "--encoding", "base64"
    )


def test_cli_utf16_without_a_mark_suggests_utf16(tmp_path: Path) -> None:
    """UTF-16 with no mark fails at line 1 with --encoding utf-16 suggested, which reads it."""
    src = tmp_path / "p.txt"
    src.write_bytes(f"{ALEXANDER}\n{ELENA}\n".encode("utf-16-le"))
    err = fails(1, "cluster", src)
    assert f"{src}:1: not UTF-8 text" in err
    assert err.rstrip().endswith("try --encoding utf-16")
    out, _ = ok("cluster", src, "--encoding", "utf-16", "--format", "jsonl")
    assert aliases(out) == entities((ELENA,), (ALEXANDER,))
