"""The ``cluster`` and ``resolve`` commands: names from a file into entities.

Both read the input once and add its distinct names (or records) to a
:class:`~aliaskit.resolver.Resolver` (:mod:`aliaskit.cli._read`, with
progress by stage on a terminal), write the entities or the annotated rows
(:mod:`aliaskit.cli._output`), and end with a summary on stderr
(:mod:`aliaskit.cli._report`).

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
import os
import sys
import time

from aliaskit.cli._output import open_output, write_results
from aliaskit.cli._read import read_input
from aliaskit.cli._report import counted, status, summary
from aliaskit.cli.text import cluster_text_command
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.io import InputError
from aliaskit.resolver import Resolver

__all__ = ["cluster_command", "resolve_command"]


def cluster_command(args: argparse.Namespace) -> int:
    """``aliaskit cluster``: cluster the names of one input and write the entities
    (with ``--text``, the people of articles: :mod:`aliaskit.cli.text`)."""
    if args.text:
        return cluster_text_command(args)
    started = time.perf_counter()
    resolver = Resolver(threshold=args.threshold)
    run, reader = read_input(args, resolver)
    entities = resolver.entities
    with open_output(args.output) as out:
        write_results(args, out, run, reader, entities)
    seconds = time.perf_counter() - started
    summary(run, reader, len(resolver), len(entities), seconds, args.annotate)
    return status(args, run, reader)


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
    run, reader = read_input(args, resolver)
    entities = {e.id: e for n in run.added_names() for e in resolver.entities_of(n)}
    ordered = sorted(entities.values(), key=lambda e: (e.canonical, e.id))
    with open_output(args.output) as out:
        write_results(args, out, run, reader, ordered)
        resolver.save(args.db)
    seconds = time.perf_counter() - started
    summary(run, reader, len(run.added_names()), len(ordered), seconds, args.annotate)
    print(
        f"{args.db}: saved, {counted(len(resolver), 'name')}, "
        f"{counted(len(resolver.entities), 'entity', 'entities')}",
        file=sys.stderr,
    )
    return status(args, run, reader)
