"""The shared ground of :mod:`aliaskit.io`: formats, errors, the row value,
and which columns hold a name and its evidence."""

from __future__ import annotations

import csv
import os
from typing import Any

import attrs

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
