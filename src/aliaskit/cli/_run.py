"""What reading one input gave: its rows, names, records, errors and warnings.

A row is *in error* when no name can be read from it: a malformed row (the
wrong number of fields, invalid JSON, no name key, a name that is not a
string), an empty name, or one without letters. A bad evidence field is only
a warning: it is left empty and the row keeps its place.
"""

from __future__ import annotations

from collections import Counter

import attrs

import aliaskit
from aliaskit.io import Record

__all__ = [
    "EMPTY_NAME",
    "NO_NAME",
    "Run",
    "is_blank_line",
    "record_of",
    "row_key",
]

#: The reason a row with an empty name, or one without letters, is in error.
EMPTY_NAME = "empty name"
NO_NAME = "no name can be read"


@attrs.define
class Run:
    """What happened while reading one input into a Resolver."""

    label: str
    keep_rows: bool = False
    rows_read: int = 0
    empty: int = 0
    #: Blank lines of a text file: kept in their place, neither data nor errors.
    blank: int = 0
    no_letters: int = 0
    first_line: dict[str, int] = attrs.field(factory=dict)
    occurrences: Counter[str] = attrs.field(factory=Counter)
    no_letter_names: list[str] = attrs.field(factory=list)
    records: list[Record] = attrs.field(factory=list)
    #: Evidence fields left empty for a bad value, as ``label:LINE: problem``.
    bad_fields: list[str] = attrs.field(factory=list)
    #: ``--split SEP``: a cell holds several names, split on SEP.
    split: str | None = None
    #: Lines of the rows read as records that have no name with letters.
    no_name_lines: set[int] = attrs.field(factory=set)
    #: Lines of rows with a warning (a bad evidence field, a part of a split
    #: cell without letters, undecodable bytes replaced), and what each says.
    warned_lines: set[int] = attrs.field(factory=set)
    warnings: list[str] = attrs.field(factory=list)
    strict: bool = False

    def names_of(self, record: Record) -> list[str]:
        """The names of a row: its cell, or the parts of it with ``--split``."""
        if self.split is None:
            return [record.name] if record.name else []
        return [part.strip() for part in record.name.split(self.split) if part.strip()]

    def error_of(self, record: Record) -> str:
        """Why no name can be read from a row read into the Resolver ("" if one can)."""
        if record.error:
            return record.error
        names = self.names_of(record)
        if not names:
            return "" if is_blank_line(record) else EMPTY_NAME
        if record.line in self.no_name_lines:
            return NO_NAME
        if self.split is None and names[0] in self.no_letter_names:
            return NO_NAME
        return ""

    def warn(self, line: int, note: str) -> None:
        """Note a warning on the row at ``line``."""
        self.warned_lines.add(line)
        self.warnings.append(note)

    def added_names(self) -> list[str]:
        """Distinct names of this input that the Resolver holds."""
        dropped = set(self.no_letter_names)
        return [n for n in self.first_line if n not in dropped]


def is_blank_line(record: Record) -> bool:
    """A blank line of a text file: it spaces the list, and is no row of data."""
    return isinstance(record.row, str) and not record.row.strip() and not record.error


def row_key(label: str, row: Record) -> str:
    """The key of a row's record: its id, else its place (``label:LINE``)."""
    return row.evidence.get("id") or f"{label}:{row.line}"


def _has_letters(name: str) -> bool:
    return any(c.isalpha() for c in name)


def record_of(row: Record, run: Run, names: list[str] | None = None) -> aliaskit.Record | None:
    """The record of a row with evidence (or of a split cell: its names). A
    bad field is noted with its line number and left out; the row keeps its
    place. A name without letters is left out with a warning when the row
    has another; a row without one is in error (:data:`NO_NAME`)."""
    names = [row.name] if names is None else names
    kept = [n for n in names if _has_letters(n)]
    if not kept:
        run.no_name_lines.add(row.line)
        return None
    for name in names:
        if name not in kept:
            run.warn(row.line, f"{run.label}:{row.line}: {NO_NAME} from {name!r} (left out)")
    key = row_key(run.label, row)
    given: str | list[str] = kept[0] if len(kept) == 1 else kept
    fields = {field: text for field, text in row.evidence.items() if field != "id"}
    try:
        return aliaskit.Record(given, id=key, **fields)
    except ValueError:  # find the bad fields, and leave them out
        pass
    for field, text in list(fields.items()):
        try:
            aliaskit.Record(kept[0], **{field: text})
        except ValueError as err:
            note = f"{run.label}:{row.line}: {err} (field left empty)"
            run.bad_fields.append(note)
            run.warn(row.line, note)
            del fields[field]
    return aliaskit.Record(given, id=key, **fields)
