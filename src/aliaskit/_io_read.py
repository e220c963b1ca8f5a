"""Reading rows of names from TXT, CSV, TSV and JSON Lines (:class:`NameReader`)."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator
from typing import IO, Any, BinaryIO

from aliaskit._io_base import (
    CHUNK,
    DEFAULT_ENCODING,
    ERROR_MODES,
    INPUT_FORMATS,
    MAX_PROBLEMS,
    SNIFF_CHARS,
    EncodingError,
    InputError,
    Problem,
    Record,
    _dialect,
    _json_kind,
    _no_name_column,
    default_column,
    evidence_columns,
)
from aliaskit._io_encoding import (
    _BOMS,
    _CHECKED_LINES,
    _CONTROL_BYTES,
    _LOOKS_LIKE,
    _byte_order,
    _shown,
    _split_lines,
    _wide,
    codec_name,
    sniff_delimiter,
    suggest_encoding,
)


class NameReader:
    """Stream the names of one input; see the module docstring for formats.

    ``encoding`` is any name Python knows (a byte-order mark in the input
    wins over it); ``delimiter`` is the CSV/TSV field separator (default:
    sniffed for CSV, tab for TSV).

    After iteration: :attr:`header` (CSV/TSV), :attr:`delimiter` (the one
    used), :attr:`encoding` (the one used), :attr:`problems` and
    :attr:`malformed` (skipped rows), :attr:`replaced_lines` (lines whose
    undecodable bytes were replaced), :attr:`suggestion` (an encoding the
    replaced bytes look like) and :attr:`bytes_read`.
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
        keep: bool = False,
        evidence: dict[str, str] | None = None,
        encoding: str = DEFAULT_ENCODING,
        delimiter: str | None = None,
    ) -> None:
        if fmt not in INPUT_FORMATS:
            raise ValueError(f"unknown input format {fmt!r}; known: {', '.join(INPUT_FORMATS)}")
        if errors not in ERROR_MODES:
            raise ValueError(f"errors must be one of {', '.join(ERROR_MODES)}, got {errors!r}")
        if fmt == "txt" and column is not None:
            raise InputError(f"{label}: a column was given, but the input is read as txt")
        if delimiter is not None and fmt not in ("csv", "tsv"):
            raise InputError(f"{label}: a delimiter was given, but the input is read as {fmt}")
        if delimiter is not None and (len(delimiter) != 1 or delimiter in '\r\n"\0'):
            raise ValueError(f"a delimiter is one character, not a quote or newline: {delimiter!r}")
        self.encoding = codec_name(encoding)
        self.delimiter = delimiter
        self.stream = stream
        self.label = label
        self.format = fmt
        self.column = column
        self.has_header = header
        self.errors = errors
        self.strict = strict
        self.keep = keep
        self.header: list[str] | None = None
        #: The number of fields of a CSV/TSV row (the header's), once known.
        self.width = 0
        #: The evidence field read from each column (or key), once known.
        self.evidence: dict[str, str] = {}
        self._chosen = evidence
        self.problems: list[Problem] = []
        self.malformed = 0
        self.replaced_lines: list[int] = []
        self.suggestion: str | None = None
        self.bytes_read = 0

    # -- lines ---------------------------------------------------------------

    def _codec(self, head: bytes) -> tuple[str, int]:
        """The encoding to read with, from the byte-order mark that starts
        ``head`` (its length is the second value) or the one given."""
        for bom, codec in _BOMS:
            if head.startswith(bom):
                return codec, len(bom)
        codec = self.encoding
        if codec == "utf-8-sig":  # per line, it would drop a mark from each
            codec = "utf-8"
        return _byte_order(codec, head), 0

    def _lines(self) -> Iterator[str]:
        """Decoded lines, newline kept, byte-order mark removed."""
        read: Callable[[int], bytes] = getattr(self.stream, "read1", None) or self.stream.read
        head = read(CHUNK)
        while 0 < len(head) < 4:  # enough for any byte-order mark
            more = read(CHUNK)
            if not more:
                break
            head += more
        codec, offset = self._codec(head)
        self.encoding = codec
        self.bytes_read += offset
        newline = "\n".encode(codec)
        checked = _CHECKED_LINES if len(newline) == 1 else 0
        lines = _split_lines(self.stream, read, head[offset:], newline)
        for number, raw in enumerate(lines, start=1):
            self.bytes_read += len(raw)
            if number <= checked:
                self._check_controls(raw, number)
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as err:
                if self.errors != "replace":
                    raise self._undecodable(raw, number, err) from None
                text = raw.decode(codec, errors="replace")
                self.replaced_lines.append(number)
                if self.suggestion is None and len(self.replaced_lines) <= _CHECKED_LINES:
                    self.suggestion = suggest_encoding(raw, codec)
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield text

    def _undecodable(self, raw: bytes, line: int, err: UnicodeDecodeError) -> EncodingError:
        """The error for a line that ``bytes_read`` ends with."""
        at = self.bytes_read - len(raw) + err.start
        suggestion = suggest_encoding(raw, self.encoding)
        looks = f"; the bytes look like {_LOOKS_LIKE[suggestion]}" if suggestion else ""
        return EncodingError(
            f"{self.label}:{line}: invalid {_shown(self.encoding)} at byte offset {at} "
            f"(offset {err.start} in the line: {err.reason}){looks}",
            line=line,
            offset=at,
            suggestion=suggestion,
        )

    def _check_controls(self, raw: bytes, line: int) -> None:
        """Fail on a line of UTF-16 or UTF-32 read with an encoding of single
        bytes: one with many NUL or control bytes, which no name holds."""
        found = _wide(raw)
        if found is None:
            return
        controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
        first = (
            self.bytes_read - len(raw) + min(i for i, b in enumerate(raw) if b in _CONTROL_BYTES)
        )
        raise EncodingError(
            f"{self.label}:{line}: not {_shown(self.encoding)} text: {controls} of the "
            f"{len(raw)} bytes of line {line} are NUL or control bytes (the first at byte "
            f"offset {first}); it looks like {_LOOKS_LIKE[found]}",
            line=line,
            offset=first,
            suggestion=found,
        )

    def _malformed(self, line: int, reason: str, row: list[str] | str) -> Iterator[Record]:
        """Note a malformed row; with :attr:`keep`, yield it with its error."""
        problem = Problem(self.label, line, reason)
        if self.strict:
            raise InputError(str(problem))
        self.malformed += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        if self.keep:
            yield Record(line, "", row, error=reason)

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
        key = self.column
        first = True
        for number, text in enumerate(self._lines(), start=1):
            line = text.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield from self._malformed(
                    number, f"invalid JSON ({err.msg}, column {err.colno})", line
                )
                continue
            if not isinstance(obj, dict):
                yield from self._malformed(number, f"not a JSON object but {_json_kind(obj)}", line)
                continue
            if key is None:
                found = default_column(list(obj))
                if found is None:
                    raise _no_name_column(self.label, list(obj)[:20], "key")
                key = list(obj)[found]
            if key not in obj:
                if first:
                    found_keys = ", ".join(map(repr, list(obj)[:10])) or "none"
                    raise InputError(f"{self.label}:{number}: no key {key!r} (keys: {found_keys})")
                yield from self._malformed(number, f"no key {key!r}", line)
                continue
            if first:
                self.evidence = evidence_columns(list(obj), self._chosen)
            first = False
            value = obj[key]
            if value is not None and not isinstance(value, str):
                reason = f"{key!r} must be a string, not {_json_kind(value)}"
                yield from self._malformed(number, reason, line)
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
            found = default_column(header)
            if found is None:
                raise _no_name_column(self.label, header)
            return found
        if column in header:
            return header.index(column)
        if column.isdigit() and int(column) < width:
            return int(column)
        names = ", ".join(repr(h) for h in header)
        raise InputError(f"{self.label}:1: no column {column!r} (columns: {names})")

    def _sniffed(self, lines: Iterator[str]) -> Iterator[str]:
        """The lines, once :attr:`delimiter` is set from the first of them."""
        if self.delimiter is not None or self.format != "csv":
            self.delimiter = self.delimiter or _dialect(self.format)["delimiter"]
            return lines
        sample: list[str] = []
        size = 0
        for text in lines:
            sample.append(text)
            size += len(text)
            if size >= SNIFF_CHARS:
                break
        self.delimiter = sniff_delimiter(sample, complete=size < SNIFF_CHARS)
        return itertools.chain(sample, lines)

    def _delimited(self) -> Iterator[Record]:
        lines = self._sniffed(self._lines())
        reader = csv.reader(lines, **_dialect(self.format, self.delimiter))
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
                    width = self.width = len(row)
                    if self.has_header:
                        self.header = row
                        index = self._column_index(row, width)
                        self.evidence = evidence_columns(row, self._chosen)
                        at = {field: row.index(column) for field, column in self.evidence.items()}
                        continue
                    index = self._column_index(None, width)
                if len(row) != width:
                    yield from self._malformed(
                        start, f"expected {width} fields, found {len(row)}", row
                    )
                elif index >= width:
                    yield from self._malformed(start, f"no field {index} (row has {width})", row)
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

#: Bidi controls in a name, escaped in tables: they would reorder the line
#: (or close the isolate a right-to-left name is wrapped in).


def read_text(
    stream: BinaryIO | IO[bytes],
    label: str,
    *,
    encoding: str = DEFAULT_ENCODING,
    errors: str = "strict",
) -> tuple[str, NameReader]:
    """The whole text of a stream, decoded as :class:`NameReader` decodes its
    lines (a byte-order mark wins over ``encoding``, and is dropped;
    undecodable bytes raise :class:`EncodingError` naming the line and byte
    offset, or are replaced with ``errors="replace"``), with the reader,
    whose :attr:`~NameReader.replaced_lines` and
    :attr:`~NameReader.suggestion` tell of replaced bytes.

    >>> from io import BytesIO
    >>> read_text(BytesIO("Путин\\nTrufanov".encode("cp1251")), "a.txt", encoding="cp1251")[0]
    'Путин\\nTrufanov'
    """
    reader = NameReader(stream, label, "txt", encoding=encoding, errors=errors)
    return "".join(reader._lines()), reader
