"""The text modes: ``annotate-text`` and ``cluster --text``, people from articles.

Each FILE is read whole (``--encoding``, ``--errors``, a byte-order mark
winning, as :func:`aliaskit.io.read_text` reads it) and its people's
mentions added to one :class:`~aliaskit.Resolver` as records
(:mod:`aliaskit._resolver_text`: one record per mention, its id
``FILE:START-END``, a short mention holding the name of the person it
stands for in its file), all files in one batch. ``annotate-text`` then
writes each mention (file, offsets into the decoded text, surface, listed
name, roles, entity id and canonical name) as a table (the default when
stdout is a terminal; TSV when piped), CSV, TSV or JSON Lines;
``cluster --text`` writes the entities, as ``cluster`` does. A summary goes
to stderr. A file that cannot be read or decoded stops the command with one
line naming it (exit 1).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from aliaskit._resolver_text import text_records
from aliaskit.cli._args import add_command, encoding_options, threshold
from aliaskit.cli._output import open_output
from aliaskit.cli._progress import FINDING, StageBars, progress_on
from aliaskit.cli._report import counted, encoding_hint
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.io import (
    OUTPUT_FORMATS,
    InputError,
    NameReader,
    read_text,
    write_entities,
    write_rows,
)
from aliaskit.record import Record
from aliaskit.resolver import Resolver
from aliaskit.text_names import Mention

__all__ = ["COLUMNS", "add_annotate_text", "annotate_text_command", "cluster_text_command"]

#: The columns of ``annotate-text``.
COLUMNS = ["file", "start", "end", "surface", "name", "roles", "entity_id", "canonical"]


def add_annotate_text(sub: Any) -> None:
    """The parser of ``annotate-text``."""
    p = add_command(
        sub,
        "annotate-text",
        annotate_text_command,
        "find the people named in articles and print each mention with its entity",
        "aliaskit annotate-text article1.txt article2.txt --format jsonl\n"
        "  aliaskit cluster --text article1.txt article2.txt",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text files (- for stdin)")
    text_options(p)
    p.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="table (the default on a terminal), csv, tsv (the default when piped) or jsonl",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="output file (default: stdout)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, help="show progress")
    p.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD)


def text_options(p: argparse.ArgumentParser) -> None:
    """``--encoding`` and ``--errors`` of the text files."""
    encoding_options(p.add_argument_group("text"), "text file", with_delimiter=False)


def _read(path: str, args: argparse.Namespace) -> tuple[str, NameReader]:
    if path == "-":
        return read_text(sys.stdin.buffer, "<stdin>", encoding=args.encoding, errors=args.errors)
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed below)
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    with stream:
        return read_text(stream, path, encoding=args.encoding, errors=args.errors)


def _resolve(
    args: argparse.Namespace, paths: list[str]
) -> tuple[Resolver, list[tuple[str, Mention, Record]]]:
    """Every file's mentions added to a new Resolver in one batch."""
    resolver = Resolver(threshold=args.threshold)
    found: list[tuple[str, Mention, Record]] = []
    bars = StageBars(progress_on(args))
    with bars:
        for done, path in enumerate(paths):
            text, reader = _read(path, args)
            for line in reader.replaced_lines[:1]:
                print(f"  {reader.label}:{line}: undecodable bytes replaced", file=sys.stderr)
            encoding_hint(reader)
            label = reader.label
            found.extend((label, m, r) for m, r in text_records(text, label))
            bars(FINDING, done + 1, len(paths))
        resolver.add_many([r for _, _, r in found], progress=bars if bars.on else None)
    return resolver, found


def _summary(paths: list[str], mentions: int, entities: int, started: float) -> None:
    print(
        f"{counted(len(paths), 'file')}: {counted(mentions, 'mention')}, "
        f"{counted(entities, 'entity', 'entities')}, {time.perf_counter() - started:.2f}s",
        file=sys.stderr,
    )


def annotate_text_command(args: argparse.Namespace) -> int:
    """``aliaskit annotate-text``: each mention of the files with its entity."""
    started = time.perf_counter()
    resolver, found = _resolve(args, args.files)
    by_record = {key: e for e in resolver.entities for key in e.records}
    fmt = args.format or ("table" if _terminal(args.output) else "tsv")
    rows: list[list[object]] = []
    for path, m, record in found:
        entity = by_record[str(record.id)]
        roles = list(m.roles) if fmt == "jsonl" else "; ".join(m.roles)
        rows.append([path, m.start, m.end, m.surface, m.name, roles, entity.id, entity.canonical])
    with open_output(args.output) as out:
        write_rows(COLUMNS, rows, out, fmt)
    _summary(args.files, len(found), len({row[6] for row in rows}), started)
    return 0


def cluster_text_command(args: argparse.Namespace) -> int:
    """``aliaskit cluster --text``: the people of the files, as entities."""
    if args.file is not None or args.sample:
        raise InputError("give either FILE (a list of names) or --text FILE..., not both")
    if args.annotate:
        raise InputError("--annotate does not apply to --text: use `aliaskit annotate-text`")
    started = time.perf_counter()
    resolver, found = _resolve(args, args.text)
    entities = resolver.entities
    with open_output(args.output) as out:
        write_entities(entities, out, args.format or "table")
    _summary(args.text, len(found), len(entities), started)
    return 0


def _terminal(output: str | None) -> bool:
    if output not in (None, "-"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty is not None and isatty())
