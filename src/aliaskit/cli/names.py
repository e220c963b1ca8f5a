"""The ``cluster`` and ``resolve`` commands: names from a file into entities.

Both read the input once (:class:`aliaskit.io.NameReader`) and feed the
distinct names to a :class:`~aliaskit.resolver.Resolver` in batches while
reading; only ``--annotate`` keeps the rows, to write them back with their
entity. A summary goes to stderr at the end.

A row is *in error* when no name can be read from it: a malformed row (the
wrong number of fields, invalid JSON, no name key, a name that is not a
string), an empty name, or one without letters. It keeps its place in
annotated output, with its reason in the ``error`` column, and makes the exit
status 1 unless ``--allow-errors`` is given (the output, and the database of
``resolve``, are written all the same). A bad evidence field only warns.
``--strict`` stops at the first row in error instead, writing nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from io import BytesIO
from typing import IO, Never

import attrs
from tqdm import tqdm

import aliaskit
from aliaskit._safe_write import atomic_output
from aliaskit.cli._prose import ProseWatch
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.entity import Entity
from aliaskit.io import (
    Annotator,
    InputError,
    NameReader,
    Record,
    format_of_path,
    json_keys,
    write_entities,
)
from aliaskit.parse import LongNameWarning
from aliaskit.resolver import Resolver

__all__ = ["BATCH", "SAMPLE", "Run", "cluster_command", "open_output", "resolve_command"]

SAMPLE = "sample_mentions.txt"
#: Distinct names handed to the Resolver at a time while reading.
BATCH = 2000
#: Rows in error or with warnings listed one by one in the summary.
SHOWN_PROBLEMS = 10
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


def _open_input(args: argparse.Namespace) -> tuple[IO[bytes], str, str, int | None]:
    """The input stream, its label, its format and its size in bytes (if known)."""
    if getattr(args, "sample", False):
        data = files("aliaskit").joinpath("data", SAMPLE).read_bytes()
        return BytesIO(data), SAMPLE, "txt", len(data)
    path = args.file
    if path is None:
        raise InputError("no input: give a FILE, - for stdin" + (", or --sample" * args.can_sample))
    if path == "-":
        return sys.stdin.buffer, "<stdin>", args.input_format or "txt", None
    fmt = args.input_format or format_of_path(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed by the caller)
        size = os.fstat(stream.fileno()).st_size
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    return stream, path, fmt, size


def _progress(size: int | None) -> tqdm[Never]:
    """A progress bar on stderr, only when it is a terminal and the input is slow."""
    return tqdm(
        total=size,
        unit="B" if size is not None else "row",
        unit_scale=True,
        delay=1.0,
        leave=False,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
    )


def _flush(resolver: Resolver, batch: list[str], run: Run) -> None:
    before = len(resolver.skipped)
    resolver.add_many(batch)
    batch.clear()
    run.no_letter_names.extend(s.value for s in resolver.skipped[before:])


def _take(
    resolver: Resolver,
    reader: NameReader,
    run: Run,
    record: Record,
    batch: list[str],
    records: list[aliaskit.Record],
) -> None:
    """Count one row, and queue its name (or record) for the Resolver."""
    names = run.names_of(record)
    if record.error:
        return
    if not names and is_blank_line(record):
        run.blank += 1
        return
    if not names:
        if run.strict:
            raise InputError(f"{run.label}:{record.line}: {EMPTY_NAME}")
        run.empty += 1
        return
    name = names[0]
    run.occurrences[name] += 1
    if reader.evidence or run.split is not None:
        run.first_line.setdefault(name, record.line)
        found = _record(record, run, names)
        if found is not None:
            records.append(found)
        if len(records) >= BATCH:
            _flush_records(resolver, records, run)
    elif name not in run.first_line:
        run.first_line[name] = record.line
        batch.append(name)
        if len(batch) >= BATCH:
            _flush(resolver, batch, run)


def read_into(resolver: Resolver, reader: NameReader, run: Run, size: int | None) -> None:
    """Read every row and add its name (or, when the input has evidence
    columns or ``--split`` is given, its record) to the Resolver; keep rows
    for annotation. With ``strict``, a row in error is an :class:`InputError`."""
    batch: list[str] = []
    records: list[aliaskit.Record] = []
    watch = ProseWatch(run.label)
    with _progress(size) as bar, warnings.catch_warnings():
        # Said once per row below, with its line number, not with the library's path.
        warnings.simplefilter("ignore", LongNameWarning)
        done = 0
        for record in reader:
            run.rows_read += 1
            if run.keep_rows:
                run.records.append(record)
            if record.name:
                watch.see(record.line, record.name)
            _take(resolver, reader, run, record, batch, records)
            if size is not None and reader.bytes_read - done >= 1 << 16:
                bar.update(reader.bytes_read - done)
                done = reader.bytes_read
            elif size is None:
                bar.update(1)
        _flush(resolver, batch, run)
        _flush_records(resolver, records, run)
    run.warnings[:0] = watch.notes()  # shown after the summary, prose first
    run.no_letters = sum(run.occurrences[n] for n in run.no_letter_names) + len(run.no_name_lines)
    if run.strict and run.no_letters:
        lines = [run.first_line[n] for n in run.no_letter_names] + list(run.no_name_lines)
        raise InputError(f"{run.label}:{min(lines)}: {NO_NAME}")


def row_key(label: str, row: Record) -> str:
    """The key of a row's record: its id, else its place (``label:LINE``)."""
    return row.evidence.get("id") or f"{label}:{row.line}"


def _has_letters(name: str) -> bool:
    return any(c.isalpha() for c in name)


def _record(row: Record, run: Run, names: list[str] | None = None) -> aliaskit.Record | None:
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


def _flush_records(resolver: Resolver, records: list[aliaskit.Record], run: Run) -> None:
    resolver.add_many(records)
    records.clear()


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """Stdout, or a file written as :func:`aliaskit._safe_write.atomic_output`
    writes one: a regular file through a temporary file renamed on success;
    a link's target; a device or pipe in place."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(atomic_output(path, "w", encoding="utf-8", newline=""))
        except OSError as err:
            raise InputError(f"{path}: cannot write: {err.strerror}") from None
        yield out


def _write(
    args: argparse.Namespace, out: IO[str], run: Run, reader: NameReader, ents: list[Entity]
) -> None:
    if not args.annotate:
        write_entities(ents, out, args.format or "table")
        return
    keys = json_keys(run.records) if reader.format == "jsonl" and args.format != "jsonl" else None
    annotator = Annotator(
        out,
        reader.format,
        reader.header,
        reader.delimiter,
        output=args.format,
        keys=keys,
        width=reader.width or None,
        error_column=True,
    )
    if reader.evidence or run.split is not None:
        by_key = {key: e for e in ents for key in e.records}
        for record in run.records:
            error = run.error_of(record)
            entity = None if error else by_key.get(row_key(run.label, record))
            annotator.write(record, entity, error)
    else:
        by_name = {alias: e for e in ents for alias in e.aliases}
        for record in run.records:
            error = run.error_of(record)
            annotator.write(record, None if error else by_name.get(record.name), error)
    annotator.close()


def is_blank_line(record: Record) -> bool:
    """A blank line of a text file: it spaces the list, and is no row of data."""
    return isinstance(record.row, str) and not record.row.strip() and not record.error


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the word for that many: 1 entity, 2 entities, 0 names."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def rows_in_error(run: Run, reader: NameReader) -> int:
    """The rows of an input from which no name can be read."""
    return run.empty + run.no_letters + reader.malformed


def _summary(
    run: Run, reader: NameReader, distinct: int, entities: int, seconds: float, annotate: bool
) -> None:
    errors = rows_in_error(run, reader)
    reasons = [
        f"{count} {why}"
        for count, why in (
            (run.empty, "empty"),
            (run.no_letters, "no name"),
            (reader.malformed, "malformed"),
        )
        if count
    ]
    why = f" ({', '.join(reasons)})" if reasons else ""
    replaced = len(reader.replaced_lines)
    warned = len(run.warned_lines | set(reader.replaced_lines))
    warnings = []
    if run.bad_fields:
        warnings.append(f"{len(run.bad_fields)} bad evidence fields left empty")
    if replaced:
        warnings.append(f"{counted(replaced, 'line')} with undecodable bytes replaced")
    parts = f" ({', '.join(warnings)})" if warnings else ""
    done = f", {run.rows_read - errors - run.blank} annotated" if annotate else ""
    blank = f", {counted(run.blank, 'blank line')}" if run.blank else ""
    print(
        f"{run.label}: {counted(run.rows_read, 'row')} read{blank}{done}, {errors} in error{why}, "
        f"{warned} with warnings{parts}, {counted(distinct, 'distinct name')}, "
        f"{counted(entities, 'entity', 'entities')}, {seconds:.2f}s",
        file=sys.stderr,
    )
    notes = [str(p) for p in reader.problems]
    notes += [f"{run.label}:{run.first_line[n]}: {NO_NAME}: {n!r}" for n in run.no_letter_names]
    notes += [f"{run.label}:{n}: {NO_NAME}" for n in sorted(run.no_name_lines)]
    notes += [f"{run.label}:{n}: undecodable bytes replaced" for n in reader.replaced_lines]
    notes += run.warnings
    for note in notes[:SHOWN_PROBLEMS]:
        print(f"  {note}", file=sys.stderr)
    hidden = reader.malformed + len(run.no_letter_names) + len(run.no_name_lines)
    hidden += replaced + len(run.warnings) - SHOWN_PROBLEMS
    if hidden > 0:
        print(f"  ... and {hidden} more", file=sys.stderr)
    encoding_hint(reader)


def _status(args: argparse.Namespace, run: Run, reader: NameReader) -> int:
    """0, or 1 when a row is in error and ``--allow-errors`` was not given."""
    errors = rows_in_error(run, reader)
    if not errors or args.allow_errors:
        return 0
    print(
        f"aliaskit: {counted(errors, 'row')} in error: exit status 1 (--allow-errors accepts them)",
        file=sys.stderr,
    )
    return 1


def encoding_hint(reader: NameReader) -> None:
    """Say which encoding the replaced bytes of an input look like, if any."""
    found = reader.suggestion
    if found is not None:
        print(f"  the replaced bytes look like {found}: try --encoding {found}", file=sys.stderr)


def _reader(args: argparse.Namespace, stream: IO[bytes], label: str, fmt: str) -> NameReader:
    return NameReader(
        stream,
        label,
        fmt,
        column=args.column,
        header=not args.no_header,
        errors=args.errors,
        strict=args.strict,
        keep=getattr(args, "allow_errors", None) is not None,
        encoding=args.encoding,
        delimiter=args.delimiter,
        evidence={
            field: column
            for field in ("id", "birth_date", "countries", "gender")
            if (column := getattr(args, f"{field}_column", None)) is not None
        },
    )


def _process(args: argparse.Namespace, resolver: Resolver) -> tuple[Run, NameReader]:
    stream, label, fmt, size = _open_input(args)
    reader = _reader(args, stream, label, fmt)
    run = Run(label, keep_rows=args.annotate, split=args.split, strict=args.strict)
    try:
        read_into(resolver, reader, run, size)
    finally:
        if sys.stdin is None or stream is not sys.stdin.buffer:
            stream.close()
    return run, reader


def cluster_command(args: argparse.Namespace) -> int:
    """``aliaskit cluster``: cluster the names of one input and write the entities."""
    started = time.perf_counter()
    resolver = Resolver(threshold=args.threshold)
    run, reader = _process(args, resolver)
    entities = resolver.entities
    with open_output(args.output) as out:
        _write(args, out, run, reader, entities)
    seconds = time.perf_counter() - started
    _summary(run, reader, len(resolver), len(entities), seconds, args.annotate)
    return _status(args, run, reader)


def _load(path: str, threshold: float | None) -> Resolver:
    if not os.path.exists(path):
        return Resolver(threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    resolver = Resolver.load(path)
    if threshold is not None and threshold != resolver.threshold:
        raise InputError(
            f"{path}: saved with threshold {resolver.threshold}; --threshold {threshold} "
            "applies only to a new database"
        )
    return resolver


def resolve_command(args: argparse.Namespace) -> int:
    """``aliaskit resolve``: add names to a saved Resolver and save it back."""
    started = time.perf_counter()
    resolver = _load(args.db, args.threshold)
    run, reader = _process(args, resolver)
    entities = {e.id: e for n in run.added_names() for e in resolver.entities_of(n)}
    ordered = sorted(entities.values(), key=lambda e: (e.canonical, e.id))
    with open_output(args.output) as out:
        _write(args, out, run, reader, ordered)
        resolver.save(args.db)
    seconds = time.perf_counter() - started
    _summary(run, reader, len(run.added_names()), len(ordered), seconds, args.annotate)
    print(
        f"{args.db}: saved, {counted(len(resolver), 'name')}, "
        f"{counted(len(resolver.entities), 'entity', 'entities')}",
        file=sys.stderr,
    )
    return _status(args, run, reader)
