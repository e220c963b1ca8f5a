"""Reading one input (a file, stdin or the bundled sample) into a Resolver.

The rows are read once (:class:`aliaskit.io.NameReader`), counted into a
:class:`~aliaskit.cli._run.Run`, and their distinct names (or, when the
input has evidence columns or ``--split`` is given, their records) handed to
:meth:`aliaskit.Resolver.add_many` in one batch once the input is read (then
the further rows of each name, which count as its mentions): one batch is
faster than many, and its stages can show their progress
(:mod:`aliaskit.cli._progress`). Only ``--annotate`` keeps the rows, to
write them back with their entity.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from importlib.resources import files
from io import BytesIO
from typing import IO

import aliaskit
from aliaskit.cli._progress import READ_STEP, READING, StageBars, progress_on
from aliaskit.cli._prose import ProseWatch
from aliaskit.cli._run import EMPTY_NAME, NO_NAME, Run, is_blank_line, record_of
from aliaskit.io import InputError, NameReader, Record, format_of_path
from aliaskit.parse import LongNameWarning
from aliaskit.resolver import Resolver

__all__ = ["SAMPLE", "open_input", "read_input", "read_into", "reader_of"]

SAMPLE = "sample_mentions.txt"


def open_input(args: argparse.Namespace) -> tuple[IO[bytes], str, str]:
    """The input stream (closed by the caller, unless it is stdin), its label and its format."""
    if getattr(args, "sample", False):
        data = files("aliaskit").joinpath("data", SAMPLE).read_bytes()
        return BytesIO(data), SAMPLE, "txt"
    path = args.file
    if path is None:
        raise InputError("no input: give a FILE, - for stdin" + (", or --sample" * args.can_sample))
    if path == "-":
        return sys.stdin.buffer, "<stdin>", args.input_format or "txt"
    fmt = args.input_format or format_of_path(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed by the caller)
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    return stream, path, fmt


def reader_of(args: argparse.Namespace, stream: IO[bytes], label: str, fmt: str) -> NameReader:
    """The reader of an input as the options say (encoding, delimiter, columns...)."""
    return NameReader(
        stream,
        label,
        fmt,
        column=args.column,
        header=not args.no_header,
        errors=args.errors,
        strict=args.strict,
        keep=True,  # a malformed row too, with its error: it keeps its place
        encoding=args.encoding,
        delimiter=args.delimiter,
        evidence={
            field: column
            for field in ("id", "birth_date", "countries", "gender")
            if (column := getattr(args, f"{field}_column", None)) is not None
        },
    )


def _take(
    reader: NameReader,
    run: Run,
    record: Record,
    names: list[str],
    records: list[aliaskit.Record],
) -> None:
    """Count one row, and queue its name (or record) for the Resolver."""
    found = run.names_of(record)
    if record.error:
        return
    if not found and is_blank_line(record):
        run.blank += 1
        return
    if not found:
        if run.strict:
            raise InputError(f"{run.label}:{record.line}: {EMPTY_NAME}")
        run.empty += 1
        return
    name = found[0]
    run.occurrences[name] += 1
    if reader.evidence or run.split is not None:
        run.first_line.setdefault(name, record.line)
        made = record_of(record, run, found)
        if made is not None:
            records.append(made)
    elif name not in run.first_line:
        run.first_line[name] = record.line
        names.append(name)


def _add_repeats(resolver: Resolver, run: Run) -> None:
    """Give the Resolver every further row of a name it holds: each row is a
    mention, and the spelling most rows use weighs the canonical name. The
    names are known, so nothing is parsed or scored again."""
    dropped = set(run.no_letter_names)
    repeats = [
        name
        for name, rows in run.occurrences.items()
        if rows > 1 and name not in dropped
        for _ in range(rows - 1)
    ]
    if repeats:
        resolver.add_many(repeats)


def read_into(
    resolver: Resolver, reader: NameReader, run: Run, progress: StageBars | None = None
) -> None:
    """Read every row, then add the distinct names (or, when the input has
    evidence columns or ``--split`` is given, the records) to the Resolver in
    one batch; keep rows for annotation. With ``strict``, a row in error is
    an :class:`InputError`. ``progress`` hears of the reading stage (rows)
    and of the Resolver's stages."""
    names: list[str] = []
    records: list[aliaskit.Record] = []
    watch = ProseWatch(run.label)
    with warnings.catch_warnings():
        # Said once per row below, with its line number, not with the library's path.
        warnings.simplefilter("ignore", LongNameWarning)
        for record in reader:
            run.rows_read += 1
            if run.keep_rows:
                run.records.append(record)
            if record.name:
                watch.see(record.line, record.name)
            _take(reader, run, record, names, records)
            if progress is not None and run.rows_read % READ_STEP == 0:
                progress(READING, run.rows_read, None)
        if progress is not None:
            progress(READING, run.rows_read, run.rows_read)
        if records:  # then no plain names: an input gives one or the other
            resolver.add_many(records, progress=progress)
        else:
            before = len(resolver.skipped)
            resolver.add_many(names, progress=progress)
            run.no_letter_names.extend(s.value for s in resolver.skipped[before:])
            _add_repeats(resolver, run)
    run.warnings[:0] = watch.notes()  # shown after the summary, prose first
    run.no_letters = sum(run.occurrences[n] for n in run.no_letter_names) + len(run.no_name_lines)
    if run.strict and run.no_letters:
        lines = [run.first_line[n] for n in run.no_letter_names] + list(run.no_name_lines)
        raise InputError(f"{run.label}:{min(lines)}: {NO_NAME}")


def read_input(args: argparse.Namespace, resolver: Resolver) -> tuple[Run, NameReader]:
    """Open the input the options name and read it into ``resolver``, with
    progress on stderr when it is a terminal (or with ``--progress``)."""
    stream, label, fmt = open_input(args)
    reader = reader_of(args, stream, label, fmt)
    run = Run(label, keep_rows=args.annotate, split=args.split, strict=args.strict)
    bars = StageBars(progress_on(args))
    try:
        with bars:
            read_into(resolver, reader, run, bars if bars.on else None)
    finally:
        if sys.stdin is None or stream is not sys.stdin.buffer:
            stream.close()
    return run, reader
