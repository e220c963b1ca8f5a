"""The ``aliaskit`` command line.

Exit codes: 0 success, 1 a failure in processing (unreadable file,
undecodable line), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from importlib.resources import files
from typing import BinaryIO

from aliaskit.compare import DEFAULT_THRESHOLD, compare
from aliaskit.entity import Entity
from aliaskit.resolver import Resolver

__all__ = ["main"]

SAMPLE = "sample_mentions.txt"


class InputError(Exception):
    """A problem with an input file, with its location."""


def _lines(stream: BinaryIO, label: str) -> Iterator[str]:
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{label}:{number}: invalid UTF-8 ({err.reason})") from None
        if number == 1:
            text = text.removeprefix("\ufeff")
        text = text.rstrip("\r\n")
        if text.lstrip().startswith("#"):
            continue
        yield text


def _read_names(path: str | None, sample: bool) -> tuple[list[str], str]:
    if sample:
        data = files("aliaskit").joinpath("data", SAMPLE).read_bytes()
        import io

        return list(_lines(io.BytesIO(data), SAMPLE)), SAMPLE
    if path is None:
        raise InputError("no input: give a FILE, - for stdin, or --sample")
    if path == "-":
        return list(_lines(sys.stdin.buffer, "<stdin>")), "<stdin>"
    try:
        with open(path, "rb") as fh:
            return list(_lines(fh, path)), path
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None


def _table(entities: list[Entity]) -> str:
    out = []
    width = max((len(e.canonical) for e in entities), default=10)
    for e in entities:
        aliases = " | ".join(e.aliases)
        out.append(f"{e.id}  {e.canonical:<{width}}  {len(e.aliases):>3}  {aliases}")
    return "\n".join(out)


def _cmd_cluster(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    names, label = _read_names(args.file, args.sample)
    resolver = Resolver(threshold=args.threshold)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        resolver.add_many(names)
    entities = resolver.entities
    if args.format == "jsonl":
        for e in entities:
            record = {"id": e.id, "canonical": e.canonical, "aliases": list(e.aliases)}
            print(json.dumps(record, ensure_ascii=False))
    else:
        print(_table(entities))
    elapsed = time.perf_counter() - started
    skipped = len(resolver.skipped)
    print(
        f"{label}: {len(names)} names read, {skipped} skipped (empty), "
        f"{len(resolver)} distinct, {len(entities)} entities, {elapsed:.2f}s",
        file=sys.stderr,
    )
    for s in resolver.skipped[:20]:
        print(f"  skipped line {s.position + 1}: {s.reason}", file=sys.stderr)
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    result = compare(args.a, args.b, threshold=args.threshold)
    if args.json:
        payload = {
            "a": result.a,
            "b": result.b,
            "score": result.score,
            "is_match": result.is_match,
            "conflicts": list(result.explanation.conflicts),
            "parts": [
                {"role": p.role, "a": p.a, "b": p.b, "score": p.score, "rule": p.rule}
                for p in result.explanation.parts
            ],
        }
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(result)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aliaskit",
        description="Resolve person-name aliases across Latin, Cyrillic and Hebrew.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "cluster",
        help="cluster names (one per line) into entities",
        description="Cluster names, one per line, into entities.",
        epilog="example: aliaskit cluster --sample --format jsonl",
    )
    p.add_argument("file", nargs="?", help="input file, or - for stdin")
    p.add_argument("--sample", action="store_true", help="cluster the bundled sample mentions")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    p.set_defaults(func=_cmd_cluster)
    c = sub.add_parser(
        "compare",
        help="compare two names and explain the score",
        epilog='example: aliaskit compare "Alexander Trufanov" "סשה טרופנוב"',
    )
    c.add_argument("a")
    c.add_argument("b")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    c.set_defaults(func=_cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "cluster" and args.file is not None and args.sample:
        parser.error("give either FILE or --sample, not both")
    if not 0.0 <= args.threshold <= 1.0:
        parser.error("--threshold must be in [0, 1]")
    try:
        code: int = args.func(args)
    except InputError as err:
        print(f"aliaskit: error: {err}", file=sys.stderr)
        return 1
    except ValueError as err:
        print(f"aliaskit: error: {err}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
