"""Writing entities and annotated rows as tables, CSV, TSV and JSON Lines."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable
from typing import IO, Any

from aliaskit._bidi import isolate
from aliaskit._io_base import ANNOTATION_COLUMNS, INPUT_FORMATS, OUTPUT_FORMATS, Record, _dialect
from aliaskit.entity import Entity

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TSV_ESCAPES = str.maketrans(_ESCAPES)


def shown(text: str) -> str:
    """``text`` as one table cell: control characters (and bidi controls,
    and the line and paragraph separators) escaped, ``\\n`` for a newline, and
    right-to-left text wrapped in bidi isolates.

    >>> print(shown("Sasha\\nTrupanov"))
    Sasha\\nTrupanov
    >>> shown("סשה") == "\\u2068סשה\\u2069"
    True
    """
    return isolate(_escaped(text))


def _escaped(text: str) -> str:
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c in _BIDI_CONTROLS or unicodedata.category(c) in ("Cc", "Zl", "Zp"):
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def _tsv_cell(text: str) -> str:
    """A TSV field: tabs, newlines and carriage returns escaped (TSV has no quoting)."""
    return text.translate(_TSV_ESCAPES)


def _write_table(header: list[str], rows: list[list[str]], out: IO[str], right: int = -1) -> None:
    """Aligned columns two spaces apart; cells escaped and isolated
    (:func:`shown`); column ``right`` aligned right."""
    escaped = [[_escaped(c) for c in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in escaped) for i in range(len(header))]
    for row in escaped:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - len(cell))
            last = i == len(row) - 1
            cells.append(pad + cell if i == right else isolate(cell) + ("" if last else pad))
        out.write("  ".join(cells) + "\n")


def _table(entities: list[Entity], out: IO[str]) -> None:
    id_width = max((len(e.id) for e in entities), default=2)
    width = max((len(_escaped(e.canonical)) for e in entities), default=9)
    out.write(f"{'id':<{id_width}}  {'canonical':<{width}}  {'n':>3}  aliases\n")
    for e in entities:
        aliases = " | ".join(shown(a) for a in e.aliases)
        canonical = shown(e.canonical) + " " * (width - len(_escaped(e.canonical)))
        out.write(f"{e.id:<{id_width}}  {canonical}  {len(e.aliases):>3}  {aliases}\n")


def write_entities(entities: Iterable[Entity], out: IO[str], fmt: str = "table") -> None:
    """Write entities as ``table`` (a header line, then one line each; names
    escaped and isolated as :func:`shown` does), ``jsonl`` (``{"id",
    "canonical", "aliases"}`` per line, and ``records``, their keys, when
    records were clustered) or ``csv`` / ``tsv`` (``id,canonical,alias``: one
    row per alias, so the file joins directly to other data).
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
    elif fmt == "tsv":
        out.write("id\tcanonical\talias\n")
        for e in entities:
            for alias in e.aliases:
                out.write(f"{e.id}\t{_tsv_cell(e.canonical)}\t{_tsv_cell(alias)}\n")
    else:
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(OUTPUT_FORMATS)}")


def write_rows(header: list[str], rows: Iterable[list[Any]], out: IO[str], fmt: str) -> None:
    """Write rows of values under ``header`` as ``table`` (aligned, cells
    escaped and isolated as :func:`shown` does), ``csv``, ``tsv`` (a header
    line first) or ``jsonl`` (one object per row, values as they are)."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(dict(zip(header, row, strict=True)), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_cell(v) for v in row] for row in rows)
    elif fmt == "tsv":
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(_tsv_cell(_cell(v)) for v in row) + "\n")
    elif fmt == "table":
        _write_table(header, [[_cell(v) for v in row] for row in rows], out)
    else:
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(OUTPUT_FORMATS)}")


def _cell(value: Any) -> str:
    """A JSON value as a CSV/TSV/table cell: strings as they are, null empty,
    anything else as JSON."""
    if isinstance(value, str):
        return value
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def json_keys(records: Iterable[Record]) -> list[str]:
    """The keys of JSON Lines rows in the order first seen: the columns they
    make in CSV, TSV or a table (a row that is no JSON object adds none)."""
    keys: dict[str, None] = {}
    for record in records:
        try:
            obj = json.loads(str(record.row))
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            keys.update(dict.fromkeys(obj))
    return list(keys)


class Annotator:
    """Write input rows with ``entity_id`` and ``canonical`` added, and
    ``error`` with ``error_column`` (as the command line always does).

    ``fmt`` is the input's format; ``output`` the one written (default: the
    input's own, TSV for TXT): ``csv``, ``tsv``, ``jsonl`` or ``table``.
    CSV and TSV written in their input format keep their delimiter (give
    ``delimiter``, the one the reader used) and header: existing
    ``entity_id`` / ``canonical`` / ``error`` columns are overwritten,
    others appended; a row with too few fields is padded to the header's
    width (or ``width``), one with too many cut to it (its ``error`` says
    so). JSON Lines records get the three keys (``null`` when there is
    none); a line that is no JSON object is written as ``{"input": LINE}``.
    JSON Lines written as a table of columns takes its columns from
    ``keys`` (:func:`json_keys`). TXT is the column ``name``. A table is
    written by :meth:`close`, once its widths are known. ``error`` is empty
    (``null``) for a good row.
    """

    def __init__(
        self,
        out: IO[str],
        fmt: str,
        header: list[str] | None = None,
        delimiter: str | None = None,
        *,
        output: str | None = None,
        keys: list[str] | None = None,
        width: int | None = None,
        error_column: bool = False,
    ) -> None:
        if fmt not in INPUT_FORMATS:
            raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(INPUT_FORMATS)}")
        output = output or ("tsv" if fmt == "txt" else fmt)
        if output not in OUTPUT_FORMATS:
            raise ValueError(
                f"unknown output format {output!r}; known: {', '.join(OUTPUT_FORMATS)}"
            )
        self.out = out
        self.format = fmt
        self.output = output
        self.added = ANNOTATION_COLUMNS if error_column else ANNOTATION_COLUMNS[:2]
        self.columns: list[str] | None
        if fmt == "txt":
            self.columns = ["name"]
        elif fmt == "jsonl":
            self.columns = list(keys or [])
        else:
            self.columns = list(header) if header is not None else None
        self.width = len(self.columns) if self.columns is not None else width
        self.positions: tuple[int, ...] = ()
        self.header: list[str] | None = None
        if self.columns is not None:
            self.header = list(self.columns)
            positions = []
            for name in self.added:
                if name not in self.header:
                    self.header.append(name)
                positions.append(self.header.index(name))
            self.positions = tuple(positions)
        self.rows: list[list[str]] = []
        self.writer: Any = None
        if output == "csv":
            own = delimiter if fmt == "csv" else None
            self.writer = csv.writer(out, lineterminator="\n", **_dialect("csv", own))
        self.delimiter = (delimiter if fmt == "tsv" else None) or "\t"
        if self.header is not None and output in ("csv", "tsv"):
            self._write_cells(self.header)

    def _write_cells(self, cells: list[str]) -> None:
        if self.output == "csv":
            self.writer.writerow(cells)
        elif self.output == "tsv":
            self.out.write(self.delimiter.join(_tsv_cell(c) for c in cells) + "\n")
        else:
            self.rows.append(cells)

    def _fields(self, record: Record) -> list[Any]:
        """The input row's values, in the order of :attr:`columns`."""
        if self.format == "txt":
            return [str(record.row)]
        if self.format == "jsonl":
            obj = self._object(record)
            return [obj.get(k) for k in self.columns or ()]
        row = list(record.row)
        if self.width is not None:
            row = row[: self.width] + [""] * (self.width - len(row))
        return row

    @staticmethod
    def _object(record: Record) -> dict[str, Any]:
        try:
            obj = json.loads(str(record.row))
        except json.JSONDecodeError:
            obj = None
        return obj if isinstance(obj, dict) else {"input": str(record.row)}

    def write(self, record: Record, entity: Entity | None, error: str | None = None) -> None:
        """Write one row with the entity it belongs to (``None``: no entity)
        and the reason it is in error (default: :attr:`Record.error`)."""
        error = record.error if error is None else error
        values = (entity.id, entity.canonical) if entity is not None else (None, None)
        annotation = (*values, error or None)[: len(self.added)]
        if self.output == "jsonl":
            if self.format == "jsonl":
                obj = self._object(record)
            elif self.columns is not None:
                obj = dict(zip(self.columns, self._fields(record), strict=True))
            else:
                obj = {str(i): v for i, v in enumerate(self._fields(record))}
            obj.update(zip(self.added, annotation, strict=True))
            self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            return
        cells = [_cell(v) for v in self._fields(record)]
        extra = [_cell(v) for v in annotation]
        if not self.positions:
            cells.extend(extra)
        else:
            cells.extend([""] * (max(self.positions) + 1 - len(cells)))
            for position, value in zip(self.positions, extra, strict=True):
                cells[position] = value
        self._write_cells(cells)

    def close(self) -> None:
        """Finish the output: write the table, if the output is one."""
        if self.output == "table":
            if self.header is None:
                width = max((len(r) for r in self.rows), default=len(self.added))
                header = [*map(str, range(width - len(self.added))), *self.added]
            else:
                header = self.header
            _write_table(header, self.rows, self.out)
            self.rows.clear()
