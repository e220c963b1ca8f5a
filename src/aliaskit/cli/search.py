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
from aliaskit.cli.names import (
    Run,
    _open_input,
    _reader,
    _record,
    counted,
    encoding_hint,
    open_output,
)
from aliaskit.index import Hit, Index
from aliaskit.io import shown

__all__ = ["index_build_command", "search_command"]


def read_items(args: argparse.Namespace) -> tuple[list[str | aliaskit.Record], Run, int]:
    """The names (or records) of a list, its reading run, and its malformed rows."""
    stream, label, fmt, _ = _open_input(args)
    reader = _reader(args, stream, label, fmt)
    run = Run(label)
    items: list[str | aliaskit.Record] = []
    try:
        for row in reader:
            run.rows_read += 1
            if not row.name:
                run.empty += 1
            elif reader.evidence:
                found = _record(row, run)
                if found is not None:
                    items.append(found)
            elif any(c.isalnum() for c in row.name):
                items.append(row.name)
            else:
                run.no_letters += 1
    finally:
        if sys.stdin is None or stream is not sys.stdin.buffer:
            stream.close()
    for note in [str(p) + " (skipped)" for p in reader.problems][:10] + run.bad_fields[:10]:
        print(f"  {note}", file=sys.stderr)
    if reader.replaced_lines:
        lines = counted(len(reader.replaced_lines), "line")
        print(f"  {label}: {lines} with undecodable bytes replaced", file=sys.stderr)
        encoding_hint(reader)
    return items, run, reader.malformed


def index_build_command(args: argparse.Namespace) -> int:
    """``aliaskit index build``: index a list and save the index."""
    started = time.perf_counter()
    items, run, malformed = read_items(args)
    index = Index(items, threshold=args.threshold)
    index.save(args.output)
    print(
        f"{run.label}: {run.rows_read + malformed} rows read, {len(index)} records, "
        f"{len(index.state.names)} distinct names indexed in {args.output}, "
        f"{time.perf_counter() - started:.2f}s",
        file=sys.stderr,
    )
    return 0


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


def _index(args: argparse.Namespace) -> Index:
    path = args.file
    if path != "-" and _looks_like_index(path):
        return Index.load(path)
    items, _, _ = read_items(args)
    return Index(items, threshold=args.threshold)


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
    index = _index(args)
    hits = index.search(query, limit=args.limit, score_cutoff=args.score_cutoff)
    with open_output(args.output) as out:
        _write_hits(hits, out, args.format, args.explain)
    return 0
