"""The ``cluster`` and ``resolve`` commands: names from a file into entities.

Both read the input once (:class:`aliaskit.io.NameReader`) and feed the
distinct names to a :class:`~aliaskit.resolver.Resolver` in batches while
reading; only ``--annotate`` keeps the rows, to write them back with their
entity. A summary goes to stderr at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from io import BytesIO
from typing import IO, Never

import attrs
from tqdm import tqdm

import aliaskit
from aliaskit._safe_write import atomic_output
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.entity import Entity
from aliaskit.io import (
    Annotator,
    InputError,
    NameReader,
    Record,
    format_of_path,
    write_entities,
)
from aliaskit.resolver import Resolver

__all__ = ["BATCH", "SAMPLE", "Run", "cluster_command", "open_output", "resolve_command"]

SAMPLE = "sample_mentions.txt"
#: Distinct names handed to the Resolver at a time while reading.
BATCH = 2000
#: Skipped rows listed one by one in the summary.
SHOWN_PROBLEMS = 10


@attrs.define
class Run:
    """What happened while reading one input into a Resolver."""

    label: str
    keep_rows: bool = False
    rows_read: int = 0
    empty: int = 0
    no_letters: int = 0
    first_line: dict[str, int] = attrs.field(factory=dict)
    occurrences: Counter[str] = attrs.field(factory=Counter)
    no_letter_names: list[str] = attrs.field(factory=list)
    records: list[Record] = attrs.field(factory=list)
    #: Evidence fields left empty for a bad value, as ``label:LINE: problem``.
    bad_fields: list[str] = attrs.field(factory=list)

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


def read_into(resolver: Resolver, reader: NameReader, run: Run, size: int | None) -> None:
    """Read every row and add its name (or, when the input has evidence
    columns, its record) to the Resolver; keep rows for annotation."""
    batch: list[str] = []
    records: list[aliaskit.Record] = []
    with _progress(size) as bar:
        done = 0
        for record in reader:
            run.rows_read += 1
            if run.keep_rows:
                run.records.append(record)
            name = record.name
            if not name:
                run.empty += 1
            else:
                run.occurrences[name] += 1
                if reader.evidence:
                    run.first_line.setdefault(name, record.line)
                    found = _record(record, run)
                    if found is not None:
                        records.append(found)
                    if len(records) >= BATCH:
                        _flush_records(resolver, records, run)
                elif name not in run.first_line:
                    run.first_line[name] = record.line
                    batch.append(name)
                    if len(batch) >= BATCH:
                        _flush(resolver, batch, run)
            if size is not None and reader.bytes_read - done >= 1 << 16:
                bar.update(reader.bytes_read - done)
                done = reader.bytes_read
            elif size is None:
                bar.update(1)
        _flush(resolver, batch, run)
        _flush_records(resolver, records, run)
    run.no_letters = sum(run.occurrences[n] for n in run.no_letter_names)


def row_key(label: str, row: Record) -> str:
    """The key of a row's record: its id, else its place (``label:LINE``)."""
    return row.evidence.get("id") or f"{label}:{row.line}"


def _record(row: Record, run: Run) -> aliaskit.Record | None:
    """The record of a row with evidence. A bad field is noted with its line
    number and left out; the row keeps its place. A name without letters is
    skipped (and noted) as a plain name is."""
    if not any(c.isalnum() for c in row.name):
        if row.name not in run.no_letter_names:
            run.no_letter_names.append(row.name)
        return None
    key = row_key(run.label, row)
    fields = {field: text for field, text in row.evidence.items() if field != "id"}
    try:
        return aliaskit.Record(row.name, id=key, **fields)
    except ValueError:  # find the bad fields, and leave them out
        pass
    for field, text in list(fields.items()):
        try:
            aliaskit.Record(row.name, **{field: text})
        except ValueError as err:
            run.bad_fields.append(f"{run.label}:{row.line}: {err} (field left empty)")
            del fields[field]
    return aliaskit.Record(row.name, id=key, **fields)


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
        write_entities(ents, out, args.format)
        return
    annotator = Annotator(out, reader.format, reader.header, reader.delimiter)
    if reader.evidence:
        by_key = {key: e for e in ents for key in e.records}
        for record in run.records:
            annotator.write(record, by_key.get(row_key(run.label, record)))
        return
    by_name = {alias: e for e in ents for alias in e.aliases}
    for record in run.records:
        annotator.write(record, by_name.get(record.name))


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the word for that many: 1 entity, 2 entities, 0 names."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def _summary(run: Run, reader: NameReader, distinct: int, entities: int, seconds: float) -> None:
    skipped = run.empty + run.no_letters + reader.malformed
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
    if run.bad_fields:
        why += f", {len(run.bad_fields)} bad evidence fields left empty"
    replaced = len(reader.replaced_lines)
    extra = f", {counted(replaced, 'line')} with undecodable bytes replaced" if replaced else ""
    print(
        f"{run.label}: {counted(run.rows_read + reader.malformed, 'name')} read, "
        f"{skipped} skipped{why}, {distinct} distinct, {counted(entities, 'entity', 'entities')}"
        f"{extra}, {seconds:.2f}s",
        file=sys.stderr,
    )
    notes = [str(p) + " (skipped)" for p in reader.problems]
    notes += [
        f"{run.label}:{run.first_line[n]}: no name can be read: {n!r}" for n in run.no_letter_names
    ]
    notes += [f"{run.label}:{n}: undecodable bytes replaced" for n in reader.replaced_lines]
    notes += run.bad_fields
    for note in notes[:SHOWN_PROBLEMS]:
        print(f"  {note}", file=sys.stderr)
    hidden = reader.malformed + len(run.no_letter_names) + replaced + len(run.bad_fields)
    hidden -= SHOWN_PROBLEMS
    if hidden > 0:
        print(f"  ... and {hidden} more", file=sys.stderr)
    encoding_hint(reader)


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
    run = Run(label, keep_rows=args.annotate)
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
    _summary(run, reader, len(resolver), len(entities), time.perf_counter() - started)
    return 0


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
    _summary(run, reader, len(run.added_names()), len(ordered), time.perf_counter() - started)
    print(
        f"{args.db}: saved, {counted(len(resolver), 'name')}, "
        f"{counted(len(resolver.entities), 'entity', 'entities')}",
        file=sys.stderr,
    )
    return 0
