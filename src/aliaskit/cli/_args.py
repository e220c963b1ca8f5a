"""Argument types and option groups shared by the commands' parsers."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from aliaskit.io import ERROR_MODES

__all__ = ["Command", "add_command", "delimiter", "encoding_options", "positive", "threshold"]

Command = Callable[[argparse.Namespace], int]


def threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in [0, 1], got {text}")
    return value


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def delimiter(text: str) -> str:
    """A field separator: one character; ``\\t`` or ``tab`` is a tab."""
    if text == "\\t" or text.lower() == "tab":
        return "\t"
    if len(text) != 1 or text in '\r\n"\0':
        raise argparse.ArgumentTypeError(
            f"one character (\\t or tab for a tab), not a quote or a newline: {text!r}"
        )
    return text


def encoding_options(i: Any, what: str, *, with_delimiter: bool = True) -> None:
    """``--encoding``, ``--errors`` and ``--delimiter`` in group ``i``."""
    i.add_argument(
        "--encoding",
        metavar="NAME",
        default="utf-8",
        help=f"the {what}'s encoding, any Python knows: utf-8 (default), cp1251, koi8-r, "
        "utf-16, latin-1, ... A byte-order mark (UTF-8, UTF-16, UTF-32) wins over it",
    )
    i.add_argument(
        "--errors",
        choices=ERROR_MODES,
        default="strict",
        help="bytes not valid in the encoding: fail (strict, default; the message "
        "names the line and byte offset, and a likelier --encoding) or replace them "
        "and count the line",
    )
    if not with_delimiter:
        return
    i.add_argument(
        "--delimiter",
        type=delimiter,
        metavar="CHAR",
        help="the CSV/TSV field separator (\\t or tab for a tab; default: sniffed among "
        ", ; tab | for CSV, tab for TSV)",
    )


def add_command(
    sub: Any, name: str, func: Command, summary: str, example: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=summary[:1].upper() + summary[1:] + ".",
        epilog="example:\n  " + example,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    return parser
