"""What a command says on stderr once an input is read: the summary of rows
read, in error and with warnings, the problems one by one (the first few),
and the exit status that rows in error give (1 unless ``--allow-errors``)."""

from __future__ import annotations

import argparse
import sys

from aliaskit.cli._run import NO_NAME, Run
from aliaskit.io import NameReader

__all__ = [
    "SHOWN_PROBLEMS",
    "counted",
    "encoding_hint",
    "rows_in_error",
    "status",
    "summary",
]

#: Rows in error or with warnings listed one by one in the summary.
SHOWN_PROBLEMS = 10


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` and the word for that many: 1 entity, 2 entities, 0 names."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def rows_in_error(run: Run, reader: NameReader) -> int:
    """The rows of an input from which no name can be read."""
    return run.empty + run.no_letters + reader.malformed


def summary(
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


def status(args: argparse.Namespace, run: Run, reader: NameReader) -> int:
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
