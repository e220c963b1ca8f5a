"""Where the answer of ``cluster`` and ``resolve`` goes: stdout or a file
written safely, as entities (``--format``) or, with ``--annotate``, as the
input rows, every one in its place, with its entity or its error."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import IO

from aliaskit._safe_write import atomic_output
from aliaskit.cli._run import Run, row_key
from aliaskit.entity import Entity
from aliaskit.io import Annotator, InputError, NameReader, json_keys, write_entities

__all__ = ["open_output", "write_results"]


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


def write_results(
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
