"""Reading names from TXT, CSV, TSV and JSON Lines, and writing results.

**Reading.** :class:`NameReader` streams a binary input one line at a
time and yields one :class:`Record` per data row: its line number, the
name (surrounding whitespace removed) and the original row, which is all
an annotated copy of the input needs. Formats:

* ``txt``: one name per line; lines starting with ``#`` are comments.
* ``csv`` / ``tsv``: a header line, then rows; the name column is chosen
  by name or 0-based index (default: the first of ``name``, ``full_name``,
  ``person``, ``alias`` in any case, else the first whose header holds the
  word ``name``, such as ``Person Name``: :func:`default_column`; with none,
  an :class:`InputError` that lists the headers). Without a header, the
  first column. The CSV delimiter is sniffed
  (:func:`sniff_delimiter`: ``,`` ``;`` tab or ``|``) unless one is given.
  TSV has no quoting: every tab separates fields.
* ``jsonl``: one JSON object per line; the name is under a key
  (default: chosen among the first record's keys as a column is among
  headers). Blank lines are ignored.

**Encodings.** Input is decoded with ``encoding`` (default UTF-8), line by
line. A byte-order mark wins over it: a UTF-8 one is skipped, a UTF-16 or
UTF-32 one selects that encoding. Undecodable bytes are fatal
(:class:`EncodingError`, with the line, the byte offset and, when the bytes
look like one, a likelier encoding) unless ``errors="replace"``, which
substitutes U+FFFD and counts the line. An unknown encoding is an
:class:`UnknownEncodingError`.

Problems carry their place, ``path:LINE: problem``. Fatal ones raise
:class:`InputError`: undecodable bytes, a missing column. A malformed row
(a CSV/TSV row with the wrong number of fields, invalid JSON, a record
without the key) is listed in :attr:`NameReader.problems` and skipped, or,
with ``keep=True``, yielded with an empty name and the problem as its
:attr:`Record.error`, so that every row keeps its place; ``strict=True``
raises instead.

**Writing.** :func:`write_entities` writes entities as a table, JSON Lines
CSV or TSV; :class:`Annotator` writes input rows back, in their own format
or another, with ``entity_id``, ``canonical`` and ``error`` added (TXT
becomes TSV). Tables escape control characters (a newline shows as ``\\n``)
and isolate right-to-left text (:func:`aliaskit._bidi.isolate`); TSV
escapes tabs and newlines inside a field as ``\\t``, ``\\n`` and ``\\r``.

>>> import io
>>> reader = NameReader(io.BytesIO(b"id,name\\n1,Sasha Trupanov\\n2\\n"), "x.csv", "csv")
>>> [(r.line, r.name) for r in reader]
[(2, 'Sasha Trupanov')]
>>> [str(p) for p in reader.problems]
['x.csv:3: expected 2 fields, found 1']
>>> data = "id;full_name\\n1;Александр Труфанов\\n".encode("cp1251")
>>> [r.name for r in NameReader(io.BytesIO(data), "x.csv", "csv", encoding="cp1251")]
['Александр Труфанов']
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, BinaryIO

import attrs

from aliaskit._bidi import isolate
from aliaskit.entity import Entity

__all__ = [
    "ANNOTATION_COLUMNS",
    "ERROR_MODES",
    "EVIDENCE_FIELDS",
    "INPUT_FORMATS",
    "NAME_COLUMNS",
    "OUTPUT_FORMATS",
    "Annotator",
    "EncodingError",
    "InputError",
    "NameReader",
    "Problem",
    "Record",
    "UnknownEncodingError",
    "codec_name",
    "default_column",
    "evidence_columns",
    "format_of_path",
    "json_keys",
    "shown",
    "sniff_delimiter",
    "suggest_encoding",
    "write_entities",
]

INPUT_FORMATS = ("txt", "csv", "tsv", "jsonl")
OUTPUT_FORMATS = ("table", "csv", "tsv", "jsonl")
ERROR_MODES = ("strict", "replace")
ANNOTATION_COLUMNS = ("entity_id", "canonical", "error")
DEFAULT_COLUMN = "name"
#: The headers (or JSON keys) taken as the name column, the first found
#: first, compared in lower case with spaces and hyphens as underscores.
NAME_COLUMNS = ("name", "full_name", "person", "alias")
#: Malformed rows whose description is kept; later ones are only counted.
MAX_PROBLEMS = 100
#: The encoding of an input without a byte-order mark, unless one is given.
DEFAULT_ENCODING = "utf-8"
#: The delimiters a CSV input is sniffed among.
SNIFFED_DELIMITERS = ",;\t|"
#: Characters of whole lines at the start of a CSV input that the sniffer reads.
SNIFF_CHARS = 8192
#: Bytes read from the input at a time.
CHUNK = 1 << 16

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
    """Bytes that are not text in the input's encoding.

    ``line`` and ``offset`` (0-based, in the whole input) place the first
    such byte; ``suggestion`` is an encoding the bytes look like, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        offset: int | None = None,
        suggestion: str | None = None,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.offset = offset
        self.suggestion = suggestion


class UnknownEncodingError(InputError, LookupError):
    """An encoding name Python does not know, or one that is not a text encoding."""


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
    of :data:`EVIDENCE_FIELDS`. ``error`` says why no name can be read
    from the row (empty for a good row).
    """

    line: int
    name: str
    row: list[str] | str
    evidence: dict[str, str] = attrs.field(factory=dict)
    error: str = ""


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
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "an array" if isinstance(value, list) else "an object"


def default_column(header: list[str]) -> int | None:
    """The name column when none is given: the first of :data:`NAME_COLUMNS`
    (``name``, ``full_name``, ``person``, ``alias``, in any case) found, in
    that order; else the first whose header holds the word ``name``
    (``Person Name``) and names no part of a name (``first_name``) nor
    another thing (``file_name``); else None.

    >>> default_column(["alias", "Full Name", "dob"]), default_column(["id", "first_name"])
    (1, None)
    """
    keys = [_column_key(h) for h in header]
    for wanted in NAME_COLUMNS:
        if wanted in keys:
            return keys.index(wanted)
    for i, key in enumerate(keys):
        if "name" in key and not any(word in key for word in _NOT_WHOLE):
            return i
    return None


def _no_name_column(label: str, header: list[str], what: str = "column") -> InputError:
    names = ", ".join(repr(h) for h in header) or "none"
    wanted = ", ".join(NAME_COLUMNS)
    return InputError(
        f"{label}:1: no name {what}: none is called {wanted} ({what}s: {names}); give --column"
    )


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


def _dialect(fmt: str, delimiter: str | None = None) -> dict[str, Any]:
    if fmt == "tsv":
        return {"delimiter": delimiter or "\t", "quoting": csv.QUOTE_NONE, "quotechar": None}
    return {"delimiter": delimiter or ","}


# -- encodings ----------------------------------------------------------------

#: Byte-order marks, the longer first (a UTF-32 LE mark starts as a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Encodings worth suggesting, as a message names them.
_LOOKS_LIKE = {
    "cp1251": "cp1251 (Windows Cyrillic)",
    "koi8-r": "koi8-r (Cyrillic)",
    "cp1255": "cp1255 (Windows Hebrew)",
    "utf-16": "UTF-16 without a byte-order mark",
    "utf-32": "UTF-32 without a byte-order mark",
}
#: Bytes that are no part of text in an ASCII-compatible encoding: NUL and
#: the control characters but tab, line feed, vertical tab, form feed and
#: carriage return. Half the bytes of UTF-16 text read as such are these.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20)])
#: Lines at the start of an input checked for control bytes.
_CHECKED_LINES = 10
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
_WORD = re.compile(r"[^\W\d_]+")


def codec_name(encoding: str) -> str:
    """Python's name of a text encoding (``windows-1251`` is ``cp1251``);
    :class:`UnknownEncodingError` if there is none.

    >>> codec_name("Windows-1251"), codec_name("UTF8")
    ('cp1251', 'utf-8')
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        problem = f"unknown encoding {encoding!r}"
    else:
        try:
            "\n".encode(name)  # rejects bytes-to-bytes codecs such as base64
        except LookupError:
            problem = f"{encoding!r} is not a text encoding"
        else:
            return name
    raise UnknownEncodingError(f"{problem} (give one such as utf-8, cp1251, koi8-r, utf-16)")


def _shown(codec: str) -> str:
    return codec.upper() if codec.startswith("utf") else codec


def _byte_order(codec: str, head: bytes) -> str:
    """A UTF-16 or UTF-32 encoding without a byte-order mark: the byte order
    its NUL bytes show (ASCII characters are NUL in their high half), else
    little-endian."""
    sample = head[:4096]
    if codec == "utf-16":
        return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
    if codec == "utf-32":
        return "utf-32-be" if sample[0::4].count(0) > sample[3::4].count(0) else "utf-32-le"
    return codec


def suggest_encoding(raw: bytes, codec: str = DEFAULT_ENCODING) -> str | None:
    """An encoding that bytes not valid in ``codec`` look like, if any: UTF-16 or
    UTF-32 (many NUL and control bytes), cp1251 (most bytes above 0x7F in
    0xC0-0xFF, which cp1251 reads as Cyrillic letters), koi8-r (the same,
    but the letters' cases come out swapped) or cp1255 (Hebrew: only 0xE0-0xFA).

    >>> suggest_encoding("Александр Труфанов".encode("cp1251"))
    'cp1251'
    >>> suggest_encoding("Sasha".encode("utf-16-le")), suggest_encoding(b"Jos\\xe9")
    ('utf-16', None)
    """
    found = _suggestion(raw)
    return None if found is None or found == codec or codec.startswith(found) else found


def _wide(raw: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` if at least a quarter of the bytes (four or
    more) are NUL or control bytes, as when UTF-16 or UTF-32 is read byte by byte."""
    if len(raw) < 4 or (len(raw) - len(raw.translate(None, _CONTROL_BYTES))) * 4 < len(raw):
        return None
    # UTF-32 has two NUL bytes in every character below U+10000, UTF-16 none
    return "utf-32" if raw.count(b"\0\0") * 8 >= len(raw) else "utf-16"


def _suggestion(raw: bytes) -> str | None:
    wide = _wide(raw)
    if wide is not None:
        return wide
    high = [b for b in raw if b >= 0x80]
    cyrillic = [b for b in high if b >= 0xC0 or b in (0xA8, 0xB8)]
    if len(high) < 3 or len(cyrillic) * 3 < len(high) * 2:
        return None  # too few bytes to tell, or not in the range of Cyrillic letters
    # Read as cp1251, Cyrillic text is words of Cyrillic letters; Latin-1
    # text is Latin words with a Cyrillic letter inside ("Josй").
    words = [w for w in _WORD.findall(raw.decode("cp1251", errors="replace")) if _is_cyrillic(w)]
    whole = [w for w in words if _CYRILLIC_WORD.fullmatch(w)]
    if not words or len(whole) * 4 < len(words) * 3:
        return None
    if all(0xE0 <= b <= 0xFA for b in high):
        return "cp1255"  # Hebrew letters; Cyrillic names have capitals (0xC0-0xDF)
    swapped = sum(len(w) > 1 and w[0].islower() and w[1:].isupper() for w in whole)
    return "koi8-r" if swapped > sum(w.istitle() for w in whole) else "cp1251"


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def _split_lines(
    stream: BinaryIO | IO[bytes], read: Callable[[int], bytes], head: bytes, newline: bytes
) -> Iterable[bytes]:
    """The lines of ``head``, then of the rest of ``stream``, each with its
    newline (the encoded ``\\n``, one code unit), the last maybe without.
    Only one line is held whole."""
    if newline != b"\n":
        return _split_units(read, head, newline)
    # The stream's own lines, which is faster: those of the head first.
    *whole, rest = head.split(newline)
    lines = [line + newline for line in whole]
    if rest:
        lines.append(rest + stream.readline())
    return itertools.chain(lines, stream)


def _split_units(read: Callable[[int], bytes], head: bytes, newline: bytes) -> Iterator[bytes]:
    """:func:`_split_lines` for a newline of several bytes (UTF-16, UTF-32) or
    another byte (EBCDIC): ``head``, then what ``read`` returns, :data:`CHUNK`
    bytes at a time, cut where a whole code unit is the newline."""
    width = len(newline)
    pending: list[bytes] = []  # the start of a line that goes on in the next chunk
    carry = b""  # less than one code unit left at the end of a chunk
    chunk = head
    while chunk:
        data = carry + chunk if carry else chunk
        usable = len(data) - len(data) % width
        carry = data[usable:]
        start = 0
        at = data.find(newline, 0, usable)
        while at >= 0:
            if at % width:  # inside a code unit (UTF-16 U+0A00, say)
                at = data.find(newline, at + 1, usable)
                continue
            end = at + width
            if pending:
                pending.append(data[start:end])
                yield b"".join(pending)
                pending.clear()
            else:
                yield data[start:end]
            start = end
            at = data.find(newline, start, usable)
        if start < usable:
            pending.append(data[start:usable])
        chunk = read(CHUNK)
    if carry:
        pending.append(carry)
    if pending:
        yield b"".join(pending)


# -- CSV dialects -------------------------------------------------------------


def _fit(lines: list[str], delimiter: str, complete: bool) -> float:
    """The share of the rows of ``lines`` read with ``delimiter`` that are as
    wide as the first, if that is split at all (else 0). The last row is left
    out unless ``complete``: it may be cut short."""
    try:
        rows = [row for row in csv.reader(lines, delimiter=delimiter) if row]
    except csv.Error:
        return 0.0
    if not complete:
        rows = rows[:-1]
    if not rows or len(rows[0]) < 2:
        return 0.0
    return sum(len(row) == len(rows[0]) for row in rows) / len(rows)


def sniff_delimiter(lines: list[str], complete: bool = True) -> str:
    """The delimiter of CSV text (whole lines, newlines kept) among
    :data:`SNIFFED_DELIMITERS`: of those that split the first row (the
    header), the one that splits most rows into as many fields, the
    :class:`csv.Sniffer`'s choice first; ``,`` if none does so for more than
    half the rows (a one-column file with ``;`` in its names). ``complete``:
    the lines are the whole input (else the last row may be cut short).

    >>> sniff_delimiter(["id;full_name\\n", "1;Trufanov, Sasha\\n"])
    ';'
    >>> sniff_delimiter(["name\\n", "Trufanov; Sasha\\n", "Horn; Yair\\n"])
    ','
    """
    try:
        found = str(csv.Sniffer().sniff("".join(lines), delimiters=SNIFFED_DELIMITERS).delimiter)
    except csv.Error:
        found = ","
    fits = {d: _fit(lines, d, complete) for d in SNIFFED_DELIMITERS}
    best = max(fits, key=lambda d: (fits[d], d == found))
    return best if fits[best] > 0.5 else ","


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
