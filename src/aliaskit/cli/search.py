"""The ``search`` and ``index build`` commands: screen a name against a list.

``aliaskit index build LIST -o FILE`` reads a list (names, or records with
evidence columns, as ``cluster`` reads them) into an :class:`~aliaskit.Index`
and saves it. ``aliaskit search INDEX_OR_LIST QUERY`` loads a saved index, or
reads a list and indexes it on the fly, and prints the hits best first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import IO

import aliaskit
from aliaskit.cli._output import open_output
from aliaskit.cli._read import open_input, reader_of
from aliaskit.cli._report import SHOWN_PROBLEMS, counted, encoding_hint
from aliaskit.cli._run import EMPTY_NAME, NO_NAME, Run, is_blank_line, record_of
from aliaskit.index import Hit, Index
from aliaskit.io import InputError, NameReader, shown

__all__ = ["index_build_command", "list_status", "read_items", "search_command"]


def read_items(args: argparse.Namespace) -> tuple[list[str | aliaskit.Record], Run, NameReader]:
    """The names (or records) of a list, its reading run and its reader.

    A row from which no name can be read (malformed, an empty name, one
    without letters or digits) is in error: it is left out and listed on
    stderr; with ``--strict`` the first one stops the command. A blank line
    of a text file is neither data nor an error."""
    stream, label, fmt = open_input(args)
    reader = reader_of(args, stream, label, fmt)
    run = Run(label, strict=args.strict)
    items: list[str | aliaskit.Record] = []
    try:
        for row in reader:
            run.rows_read += 1
            if row.error:  # malformed: counted by the reader
                continue
            if not row.name and is_blank_line(row):
                run.blank += 1
            elif not row.name or not any(c.isalnum() for c in row.name):
                why = EMPTY_NAME if not row.name else f"{NO_NAME}: {row.name!r}"
                if args.strict:
                    raise InputError(f"{label}:{row.line}: {why}")
                run.empty += not row.name
                run.no_letters += bool(row.name)
                run.warnings.append(f"{label}:{row.line}: {why} (skipped)")
            elif reader.evidence:
                found = record_of(row, run)
                if found is not None:
                    items.append(found)
                elif args.strict:
                    raise InputError(f"{label}:{row.line}: {NO_NAME}")
            else:
                items.append(row.name)
    finally:
        if sys.stdin is None or stream is not sys.stdin.buffer:
            stream.close()
    notes = [f"{p} (skipped)" for p in reader.problems] + run.warnings
    notes += [f"{label}:{n}: {NO_NAME} (skipped)" for n in sorted(run.no_name_lines)]
    for note in (notes + run.bad_fields)[:SHOWN_PROBLEMS]:
        print(f"  {note}", file=sys.stderr)
    if reader.replaced_lines:
        lines = counted(len(reader.replaced_lines), "line")
        print(f"  {label}: {lines} with undecodable bytes replaced", file=sys.stderr)
        encoding_hint(reader)
    return items, run, reader


def list_errors(run: Run, reader: NameReader) -> int:
    """The rows of a list from which no name can be read."""
    return run.empty + run.no_letters + len(run.no_name_lines) + reader.malformed


def list_status(args: argparse.Namespace, run: Run, reader: NameReader) -> int:
    """0, or 1 when a row of the list is in error and ``--allow-errors`` was
    not given (the index is built, and the hits written, all the same)."""
    errors = list_errors(run, reader)
    if not errors or args.allow_errors:
        return 0
    print(
        f"aliaskit: {counted(errors, 'row')} of {run.label} in error: exit status 1 "
        "(--allow-errors accepts them)",
        file=sys.stderr,
    )
    return 1


def index_build_command(args: argparse.Namespace) -> int:
    """``aliaskit index build``: index a list and save the index."""
    started = time.perf_counter()
    items, run, reader = read_items(args)
    index = Index(items, threshold=args.threshold)
    index.save(args.output)
    blank = f", {counted(run.blank, 'blank line')}" if run.blank else ""
    print(
        f"{run.label}: {counted(run.rows_read, 'row')} read{blank}, "
        f"{list_errors(run, reader)} in error, {counted(len(index), 'record')}, "
        f"{counted(len(index.state.names), 'distinct name')} indexed in {args.output}, "
        f"{time.perf_counter() - started:.2f}s",
        file=sys.stderr,
    )
    return list_status(args, run, reader)


def _query(args: argparse.Namespace) -> str | aliaskit.Record:
    evidence = {
        "birth_date": args.birth_date,
        "countries": args.countries,
        "gender": args.gender,
    }
    if all(v is None for v in evidence.values()):
        return str(args.query)
    return aliaskit.Record(args.query, **evidence)


def _looks_like_index(path: str) -> bool:
    """Whether a file is a zip archive, as index files are (even a truncated one)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # reading it as a list reports the problem


def _index(args: argparse.Namespace) -> tuple[Index, int]:
    """The index to search (a saved one, or one of a list), and the exit
    status its list gives (:func:`list_status`)."""
    path = args.file
    if path != "-" and _looks_like_index(path):
        return Index.load(path), 0
    items, run, reader = read_items(args)
    return Index(items, threshold=args.threshold), list_status(args, run, reader)


def _write_hits(hits: list[Hit], out: IO[str], fmt: str, explain: bool) -> None:
    if fmt == "jsonl":
        for rank, hit in enumerate(hits, start=1):
            row = {
                "rank": rank,
                "score": hit.score,
                "name": hit.name,
                "record_id": hit.record_id,
                "entity_id": hit.entity_id,
            }
            if explain:
                row["explanation"] = str(hit.comparison)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if not hits:
        out.write("no hits\n")
        return
    for rank, hit in enumerate(hits, start=1):
        ident = "" if hit.record_id is None else f"  [{hit.record_id}]"
        out.write(f"{rank:>3}  {hit.score:.2f}  {shown(hit.name)}{ident}\n")
        if explain:
            for line in str(hit.comparison).splitlines()[1:]:
                out.write(f"           {line}\n")


def search_command(args: argparse.Namespace) -> int:
    """``aliaskit search``: the hits of one query in an index or a list."""
    query = _query(args)
    index, code = _index(args)
    hits = index.search(query, limit=args.limit, score_cutoff=args.score_cutoff)
    with open_output(args.output) as out:
        _write_hits(hits, out, args.format, args.explain)
    return code
