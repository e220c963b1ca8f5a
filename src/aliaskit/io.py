"""Reading names from TXT, CSV, TSV and JSON Lines, and writing results.

**Reading.** :class:`NameReader` streams a binary input one line at a
time and yields one :class:`Record` per data row: its line number, the
name (surrounding whitespace removed) and the original row, which is all
an annotated copy of the input needs. Formats:

* ``txt``: one name per line; lines starting with ``#`` are comments.
* ``csv`` / ``tsv``: a header line, then rows; the name column is chosen
  by name or 0-based index (default: a column called ``name``, else the
  first whose header holds the word, such as ``full_name``, else the
  first: :func:`default_column`). TSV has no quoting: every tab separates fields.
* ``jsonl``: one JSON object per line; the name is under a key
  (default ``name``). Blank lines are ignored.

Problems carry their place, ``path:LINE: problem``. Fatal ones raise
:class:`InputError`: invalid UTF-8 (unless ``errors="replace"``, which
substitutes U+FFFD and counts the line), a missing column. A malformed row
(a CSV/TSV row with the wrong number of fields, invalid JSON, a record
without the key) is skipped and listed in :attr:`NameReader.problems`, or
raises with ``strict=True``.

**Writing.** :func:`write_entities` writes entities as a table, JSON Lines
or CSV; :class:`Annotator` writes input rows back in their own format with
``entity_id`` and ``canonical`` added (TXT becomes TSV).

>>> import io
>>> reader = NameReader(io.BytesIO(b"id,name\\n1,Sasha Trupanov\\n2\\n"), "x.csv", "csv")
>>> [(r.line, r.name) for r in reader]
[(2, 'Sasha Trupanov')]
>>> [str(p) for p in reader.problems]
['x.csv:3: expected 2 fields, found 1']
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, BinaryIO

import attrs

from aliaskit.entity import Entity

__all__ = [
    "ANNOTATION_COLUMNS",
    "ERROR_MODES",
    "EVIDENCE_FIELDS",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "Annotator",
    "EncodingError",
    "InputError",
    "NameReader",
    "Problem",
    "Record",
    "default_column",
    "evidence_columns",
    "format_of_path",
    "write_entities",
]

INPUT_FORMATS = ("txt", "csv", "tsv", "jsonl")
OUTPUT_FORMATS = ("table", "jsonl", "csv")
ERROR_MODES = ("strict", "replace")
ANNOTATION_COLUMNS = ("entity_id", "canonical")
DEFAULT_COLUMN = "name"
#: Malformed rows whose description is kept; later ones are only counted.
MAX_PROBLEMS = 100

_EXTENSIONS = {
    ".txt": "txt",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


class InputError(Exception):
    """A fatal problem with an input, with its place: ``path:LINE: problem``."""


class EncodingError(InputError):
    """A line that is not valid UTF-8."""


@attrs.frozen
class Problem:
    """A malformed row that was skipped: where, and what was wrong."""

    label: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.label}:{self.line}: {self.reason}"


@attrs.frozen
class Record:
    """One data row: line number, name, the row as read, and its evidence.

    ``row`` is the list of fields (CSV/TSV), the JSON text of the line
    (JSON Lines) or the line itself without its newline (TXT). ``evidence``
    holds the row's non-empty evidence fields as written, under the names
    of :data:`EVIDENCE_FIELDS`.
    """

    line: int
    name: str
    row: list[str] | str
    evidence: dict[str, str] = attrs.field(factory=dict)


#: The evidence a row may carry beside the name, and the column names (or
#: JSON keys) read as each, compared in lower case with spaces and hyphens
#: as underscores.
EVIDENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "birth_date": ("birth_date", "dob", "date_of_birth", "birthdate"),
    "countries": ("countries", "country", "nationality", "nationalities", "citizenship"),
    "gender": ("gender", "sex"),
}


def _column_key(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


#: Headers holding one of these words name a part of a name, or something
#: else, not a person's whole name.
_NOT_WHOLE = ("first", "last", "sur", "given", "middle", "family", "father", "maiden", "nick",
              "user", "file", "host", "domain", "company", "org")  # fmt: skip


def _json_kind(value: object) -> str:
    """How JSON calls the kind of a decoded value (``5`` is a number, not an int)."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    return "an array" if isinstance(value, list) else "an object"


def default_column(header: list[str]) -> int:
    """The name column when none is given: one called ``name``; else the first
    whose header holds the word (``full_name``, ``Person Name``) and names no
    part of a name (``first_name``) nor another thing (``file_name``); else
    the first column.

    >>> default_column(["id", "Full Name", "dob"]), default_column(["id", "first_name"])
    (1, 0)
    """
    keys = [_column_key(h) for h in header]
    if DEFAULT_COLUMN in keys:
        return keys.index(DEFAULT_COLUMN)
    for i, key in enumerate(keys):
        if "name" in key and not any(word in key for word in _NOT_WHOLE):
            return i
    return 0


def evidence_columns(header: list[str], chosen: dict[str, str] | None = None) -> dict[str, str]:
    """The column (or key) of ``header`` read as each evidence field: the one
    ``chosen`` names, else the first whose name is one of :data:`EVIDENCE_FIELDS`.

    >>> evidence_columns(["ID", "Full name", "Date of birth", "Nationality"])
    {'id': 'ID', 'birth_date': 'Date of birth', 'countries': 'Nationality'}
    """
    found: dict[str, str] = {}
    keys = {_column_key(h): h for h in reversed(header)}
    for field, names in EVIDENCE_FIELDS.items():
        wanted = (chosen or {}).get(field)
        if wanted is not None:
            if wanted not in header:
                raise InputError(
                    f"no column {wanted!r} for {field} (columns: {', '.join(map(repr, header))})"
                )
            found[field] = wanted
            continue
        for name in names:
            if name in keys:
                found[field] = keys[name]
                break
    return found


def format_of_path(path: str) -> str:
    """The input format implied by a file name (``txt`` when unknown).

    >>> format_of_path("people.NDJSON"), format_of_path("names.list")
    ('jsonl', 'txt')
    """
    return _EXTENSIONS.get(os.path.splitext(path)[1].lower(), "txt")


def _dialect(fmt: str) -> dict[str, Any]:
    if fmt == "tsv":
        return {"delimiter": "\t", "quoting": csv.QUOTE_NONE, "quotechar": None}
    return {"delimiter": ","}


class NameReader:
    """Stream the names of one input; see the module docstring for formats.

    After iteration: :attr:`header` (CSV/TSV), :attr:`problems` and
    :attr:`malformed` (skipped rows), :attr:`replaced_lines` (lines whose
    undecodable bytes were replaced) and :attr:`bytes_read`.
    """

    def __init__(
        self,
        stream: BinaryIO | IO[bytes],
        label: str,
        fmt: str = "txt",
        *,
        column: str | None = None,
        header: bool = True,
        errors: str = "strict",
        strict: bool = False,
        evidence: dict[str, str] | None = None,
    ) -> None:
        if fmt not in INPUT_FORMATS:
            raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(INPUT_FORMATS)}")
        if errors not in ERROR_MODES:
            raise ValueError(f"errors must be one of {', '.join(ERROR_MODES)}, got {errors!r}")
        if fmt == "txt" and column is not None:
            raise InputError(f"{label}: a column was given, but the input is read as txt")
        self.stream = stream
        self.label = label
        self.format = fmt
        self.column = column
        self.has_header = header
        self.errors = errors
        self.strict = strict
        self.header: list[str] | None = None
        #: The evidence field read from each column (or key), once known.
        self.evidence: dict[str, str] = {}
        self._chosen = evidence
        self.problems: list[Problem] = []
        self.malformed = 0
        self.replaced_lines: list[int] = []
        self.bytes_read = 0

    # -- lines ---------------------------------------------------------------

    def _lines(self) -> Iterator[str]:
        """Decoded lines, newline kept, byte-order mark removed."""
        for number, raw in enumerate(self.stream, start=1):
            self.bytes_read += len(raw)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                if self.errors != "replace":
                    raise EncodingError(
                        f"{self.label}:{number}: invalid UTF-8 ({err.reason} at byte {err.start})"
                    ) from None
                text = raw.decode("utf-8", errors="replace")
                self.replaced_lines.append(number)
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield text

    def _malformed(self, line: int, reason: str) -> None:
        problem = Problem(self.label, line, reason)
        if self.strict:
            raise InputError(str(problem))
        self.malformed += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def __iter__(self) -> Iterator[Record]:
        if self.format == "txt":
            return self._txt()
        if self.format == "jsonl":
            return self._jsonl()
        return self._delimited()

    # -- formats -------------------------------------------------------------

    def _txt(self) -> Iterator[Record]:
        for number, text in enumerate(self._lines(), start=1):
            line = text.rstrip("\r\n")
            if line.lstrip().startswith("#"):
                continue
            yield Record(number, line.strip(), line)

    def _jsonl(self) -> Iterator[Record]:
        key = self.column if self.column is not None else DEFAULT_COLUMN
        first = True
        for number, text in enumerate(self._lines(), start=1):
            line = text.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                self._malformed(number, f"invalid JSON ({err.msg}, column {err.colno})")
                continue
            if not isinstance(obj, dict):
                self._malformed(number, f"not a JSON object but {type(obj).__name__}")
                continue
            if key not in obj:
                if first:
                    found = ", ".join(map(repr, list(obj)[:10])) or "none"
                    raise InputError(f"{self.label}:{number}: no key {key!r} (keys: {found})")
                self._malformed(number, f"no key {key!r}")
                continue
            if first:
                self.evidence = evidence_columns(list(obj), self._chosen)
            first = False
            value = obj[key]
            if value is not None and not isinstance(value, str):
                self._malformed(number, f"{key!r} must be a string, not {_json_kind(value)}")
                continue
            texts = {field: _text(obj.get(column)) for field, column in self.evidence.items()}
            yield Record(number, (value or "").strip(), line, {f: t for f, t in texts.items() if t})

    def _column_index(self, header: list[str] | None, width: int) -> int:
        """Index of the name column, from ``--column`` and the header."""
        column = self.column
        if header is None:
            if column is None:
                return 0
            if not column.isdigit():
                raise InputError(f"{self.label}: column {column!r} needs a header; give an index")
            return int(column)
        if column is None:
            return default_column(header)
        if column in header:
            return header.index(column)
        if column.isdigit() and int(column) < width:
            return int(column)
        names = ", ".join(repr(h) for h in header)
        raise InputError(f"{self.label}:1: no column {column!r} (columns: {names})")

    def _delimited(self) -> Iterator[Record]:
        reader = csv.reader(self._lines(), **_dialect(self.format))
        at: dict[str, int] = {}
        index = -1
        width = 0
        end = 0  # physical line where the previous row ended
        try:
            for row in reader:
                start, end = end + 1, reader.line_num
                if not row:
                    continue
                if index < 0:
                    width = len(row)
                    if self.has_header:
                        self.header = row
                        index = self._column_index(row, width)
                        self.evidence = evidence_columns(row, self._chosen)
                        at = {field: row.index(column) for field, column in self.evidence.items()}
                        continue
                    index = self._column_index(None, width)
                if len(row) != width:
                    self._malformed(start, f"expected {width} fields, found {len(row)}")
                elif index >= width:
                    self._malformed(start, f"no field {index} (row has {width})")
                else:
                    evidence = {f: row[i].strip() for f, i in at.items() if row[i].strip()}
                    yield Record(start, row[index].strip(), row, evidence)
        except csv.Error as err:
            raise InputError(f"{self.label}:{reader.line_num}: {err}") from None


def _text(value: Any) -> str:
    """A JSON value as evidence text: strings stripped, numbers written, lists
    of strings joined by ``;``, anything else empty."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(v.strip() for v in value)
    return ""


# -- writing -----------------------------------------------------------------


def _table(entities: list[Entity], out: IO[str]) -> None:
    id_width = max((len(e.id) for e in entities), default=2)
    width = max((len(e.canonical) for e in entities), default=9)
    out.write(f"{'id':<{id_width}}  {'canonical':<{width}}  {'n':>3}  aliases\n")
    for e in entities:
        aliases = " | ".join(e.aliases)
        out.write(f"{e.id:<{id_width}}  {e.canonical:<{width}}  {len(e.aliases):>3}  {aliases}\n")


def write_entities(entities: Iterable[Entity], out: IO[str], fmt: str = "table") -> None:
    """Write entities as ``table`` (a header line, then one line each), ``jsonl``
    (``{"id", "canonical", "aliases"}`` per line, and ``records``, their keys,
    when records were clustered) or ``csv`` (``id,canonical,alias``:
    one row per alias, so the file joins directly to other data).
    """
    if fmt == "table":
        _table(list(entities), out)
    elif fmt == "jsonl":
        for e in entities:
            record: dict[str, Any] = {
                "id": e.id,
                "canonical": e.canonical,
                "aliases": list(e.aliases),
            }
            if e.records != e.aliases:
                record["records"] = list(e.records)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "canonical", "alias"])
        for e in entities:
            writer.writerows([e.id, e.canonical, alias] for alias in e.aliases)
    else:
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(OUTPUT_FORMATS)}")


class Annotator:
    """Write input rows with ``entity_id`` and ``canonical`` added, in their own format.

    CSV and TSV keep their delimiter and header (existing ``entity_id`` /
    ``canonical`` columns are overwritten, others appended); JSON Lines
    records get the two keys (``null`` for a row with no name); TXT becomes
    TSV ``name<TAB>entity_id<TAB>canonical`` with a header line.
    """

    def __init__(self, out: IO[str], fmt: str, header: list[str] | None = None) -> None:
        self.out = out
        self.format = fmt
        self.positions: tuple[int, ...] = ()
        self.writer: Any = None
        if fmt in ("csv", "tsv"):
            self.writer = csv.writer(out, lineterminator="\n", **_dialect(fmt))
            self.positions = self._positions(header)
        elif fmt == "txt":
            out.write("name\tentity_id\tcanonical\n")
        elif fmt != "jsonl":
            raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(INPUT_FORMATS)}")

    def _positions(self, header: list[str] | None) -> tuple[int, ...]:
        if header is None:
            return ()
        columns = list(header)
        positions = []
        for name in ANNOTATION_COLUMNS:
            if name not in columns:
                columns.append(name)
            positions.append(columns.index(name))
        self.writer.writerow(columns)
        return tuple(positions)

    def write(self, record: Record, entity: Entity | None) -> None:
        """Write one row with the entity it belongs to (``None``: no entity)."""
        values = (entity.id, entity.canonical) if entity is not None else ("", "")
        if self.format == "jsonl":
            obj = json.loads(str(record.row))
            obj.update(zip(ANNOTATION_COLUMNS, values if entity else (None, None), strict=True))
            self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        elif self.format == "txt":
            line = str(record.row).replace("\t", " ")
            self.out.write(f"{line}\t{values[0]}\t{values[1]}\n")
        else:
            row = list(record.row)
            if not self.positions:
                row.extend(values)
            else:
                row.extend([""] * (max(self.positions) + 1 - len(row)))
                for position, value in zip(self.positions, values, strict=True):
                    row[position] = value
            self.writer.writerow(row)
