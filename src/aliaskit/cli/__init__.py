"""The ``aliaskit`` command line.

Commands: ``cluster`` and ``resolve`` (:mod:`aliaskit.cli.names`);
``annotate-text`` and ``cluster --text`` (:mod:`aliaskit.cli.text`);
``search`` and ``index build`` (:mod:`aliaskit.cli.search`);
``compare``, ``translit``, ``readings``, ``keys`` and ``schemes``
(:mod:`aliaskit.cli.tools`). Every ``--help`` ends with an example.

Exit codes: 0 success, 1 a failure in processing (an unreadable input, a
corrupt database, or a row of an input or list in error without
``--allow-errors``), 2 a usage error. Errors name their place:
``path:LINE: problem``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from aliaskit import __version__
from aliaskit.cli._args import Command
from aliaskit.cli._args import add_command as _command
from aliaskit.cli._args import encoding_options as _encoding_options
from aliaskit.cli._args import positive as _positive
from aliaskit.cli._args import threshold as _threshold
from aliaskit.cli.names import cluster_command, resolve_command
from aliaskit.cli.search import index_build_command, search_command
from aliaskit.cli.text import add_annotate_text
from aliaskit.cli.tools import (
    compare_command,
    keys_command,
    readings_command,
    schemes_command,
    translit_command,
)
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.hebrew import DEFAULT_LIMIT
from aliaskit.io import INPUT_FORMATS, OUTPUT_FORMATS, EncodingError, InputError
from aliaskit.translit import schemes

__all__ = ["main"]


def _input_options(p: argparse.ArgumentParser, *, threshold: float | None) -> None:
    """The options shared by ``cluster`` and ``resolve``: input, output, threshold."""
    p.add_argument("file", nargs="?", metavar="FILE", help="input file, or - for stdin")
    i = p.add_argument_group("input")
    i.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        help="input format (default: from the extension .txt .csv .tsv .jsonl .ndjson; "
        "txt for stdin and unknown extensions)",
    )
    i.add_argument(
        "--column",
        help="CSV/TSV column (header name or 0-based index) or JSON Lines key of the names "
        "(default: the first header or key of name, full_name, person, alias, in any case, "
        "else one holding the word name, such as 'Person Name'; with none, exit 1 listing "
        "the headers; without a header, the first column)",
    )
    i.add_argument(
        "--split",
        metavar="SEP",
        help="a cell holds several names of one person, split on SEP ('A; B' with "
        "--split ';'); an annotated row gets the entity of its first name",
    )
    i.add_argument("--no-header", action="store_true", help="the CSV/TSV input has no header")
    e = p.add_argument_group(
        "evidence",
        "CSV/TSV columns or JSON Lines keys read beside the name (default: a column named "
        "id; birth_date, dob, date_of_birth or birthDate; countries, country, nationality "
        "or citizenship, several split on ; or |; gender or sex). With any of them, each "
        "row is a record: birth dates and countries tell namesakes apart. A bad value is "
        "reported with its line number and left empty; the row keeps its place.",
    )
    e.add_argument("--id-column", metavar="COLUMN", help="the record id")
    e.add_argument("--birth-date-column", metavar="COLUMN", help="the birth date")
    e.add_argument("--countries-column", metavar="COLUMN", help="countries or nationalities")
    e.add_argument("--gender-column", metavar="COLUMN", help="gender (m, f, male, female)")
    _encoding_options(i, "input")
    i.add_argument(
        "--allow-errors",
        action="store_true",
        help="exit 0 even if rows are in error. A row is in error when no name can be read "
        "from it (the wrong number of fields, invalid JSON, no name key, an empty name or "
        "one without letters): it is listed on stderr and, with --annotate, kept in its "
        "place with an empty entity and the reason in the error column; without this "
        "option the exit status is then 1 (the output is written all the same). A bad "
        "evidence field is only a warning",
    )
    i.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first row in error instead: exit 1 naming its line, write nothing",
    )
    o = p.add_argument_group("output")
    o.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="table (default for entities), csv, tsv or jsonl; with --annotate, the "
        "default is the input's own format (TSV for TXT)",
    )
    o.add_argument(
        "--annotate",
        action="store_true",
        help="write the input rows instead, every one in its place, with entity_id, "
        "canonical and error added",
    )
    o.add_argument("--output", "-o", metavar="FILE", help="output file (default: stdout)")
    o.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show progress on stderr by stage (reading, preparing names, blocking, "
        "scoring, clustering), counting rows, names, blocks and pairs (default: when "
        "stderr is a terminal)",
    )
    default = f"saved value, or {DEFAULT_THRESHOLD:.2f} for a new database"
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=threshold,
        help=f"match threshold in [0, 1] (default: {threshold if threshold else default})",
    )


def _list_options(p: argparse.ArgumentParser) -> None:
    """How a list is read: the input options of ``cluster`` that apply."""
    i = p.add_argument_group("list")
    i.add_argument("--input-format", choices=INPUT_FORMATS, help="list format (default: by name)")
    i.add_argument("--column", help="CSV/TSV column or JSON Lines key of the names")
    i.add_argument("--no-header", action="store_true", help="the CSV/TSV list has no header")
    i.add_argument("--id-column", metavar="COLUMN", help="the record id")
    i.add_argument("--birth-date-column", metavar="COLUMN", help="the birth date")
    i.add_argument("--countries-column", metavar="COLUMN", help="countries or nationalities")
    i.add_argument("--gender-column", metavar="COLUMN", help="gender")
    _encoding_options(i, "list")
    i.add_argument(
        "--allow-errors",
        action="store_true",
        help="exit 0 even if rows are in error (malformed, or no name with letters or "
        "digits; left out and listed on stderr; else exit 1, the output written all the same)",
    )
    i.add_argument("--strict", action="store_true", help="stop at the first row in error")
    p.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD)
    p.set_defaults(can_sample=False, sample=False)


def _search_commands(sub: Any) -> None:
    s = _command(
        sub,
        "search",
        search_command,
        "search a saved index, or a list, for one name (in any script), best first",
        'aliaskit search watchlist.akindex "Sasha Troufanov" --limit 5 --explain\n'
        '  aliaskit search people.csv "סשה טרופנוב" --birth-date 1995 --format jsonl',
    )
    s.add_argument("file", metavar="INDEX_OR_LIST", help="an index from `index build`, or a list")
    s.add_argument("query", metavar="QUERY", help="one person's name")
    s.add_argument("--limit", type=_positive, default=10, help="hits to print (default: 10)")
    s.add_argument("--score-cutoff", type=_threshold, default=None, help="the least score shown")
    s.add_argument("--birth-date", help="the query's birth date (weighs as compare weighs it)")
    s.add_argument("--countries", help="the query's countries or nationalities")
    s.add_argument("--gender", help="the query's gender")
    s.add_argument("--format", choices=("table", "jsonl"), default="table")
    s.add_argument("--explain", action="store_true", help="print each hit's explanation")
    s.add_argument("--output", "-o", metavar="FILE", help="output file (default: stdout)")
    _list_options(s)

    x = _command(
        sub,
        "index",
        index_build_command,
        "build a search index of a list and save it",
        "aliaskit index build watchlist.csv --id-column uid -o watchlist.akindex",
    )
    x.add_argument("action", choices=("build",), help="build: index a list")
    x.add_argument("file", metavar="LIST", help="the list: names or records, or - for stdin")
    x.add_argument("--output", "-o", metavar="FILE", required=True, help="the index file")
    _list_options(x)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aliaskit",
        description="Resolve person-name aliases across Latin, Cyrillic and Hebrew.",
        epilog="example:\n  aliaskit cluster --sample",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"aliaskit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(
        sub,
        "cluster",
        cluster_command,
        "cluster the names of a file into entities",
        "aliaskit cluster people.csv --column full_name --annotate -o people.resolved.csv\n"
        "  aliaskit cluster --sample --format jsonl",
    )
    _input_options(p, threshold=DEFAULT_THRESHOLD)
    p.add_argument("--sample", action="store_true", help="cluster the bundled sample mentions")
    p.add_argument(
        "--text",
        nargs="+",
        metavar="FILE",
        help="read articles instead: cluster the people they name (aliaskit annotate-text "
        "shows each mention); --encoding, --errors, --format, --output and --threshold apply",
    )
    p.set_defaults(can_sample=True)

    add_annotate_text(sub)

    r = _command(
        sub,
        "resolve",
        resolve_command,
        "add names to a saved resolver database (created if missing) and save it",
        "aliaskit resolve --db people.aliaskit.json new_mentions.txt",
    )
    r.add_argument("--db", required=True, metavar="FILE", help="the resolver database (JSON)")
    _input_options(r, threshold=None)
    r.set_defaults(can_sample=False, sample=False)

    _search_commands(sub)

    c = _command(
        sub,
        "compare",
        compare_command,
        "compare two names and explain the score",
        'aliaskit compare "Alexander Trufanov" "סשה טרופנוב" --json',
    )
    c.add_argument("a", metavar="A")
    c.add_argument("b", metavar="B")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.add_argument("--threshold", type=_threshold, default=DEFAULT_THRESHOLD)

    t = _command(
        sub,
        "translit",
        translit_command,
        "romanise Cyrillic text",
        'aliaskit translit "Александр Труфанов" --scheme ru_icao_9303',
    )
    t.add_argument("text", metavar="TEXT")
    which = t.add_mutually_exclusive_group()
    which.add_argument(
        "--scheme",
        default="auto",
        choices=("auto", *schemes()),
        metavar="SCHEME",
        help="a scheme from `aliaskit schemes`, or auto (by language; the default)",
    )
    which.add_argument("--all", action="store_true", help="print SCHEME<TAB>result for each")

    h = _command(
        sub,
        "readings",
        readings_command,
        "plausible Latin readings of unvocalised Hebrew",
        'aliaskit readings "סשה טרופנוב" --limit 5',
    )
    h.add_argument("text", metavar="HEBREW")
    h.add_argument("--limit", type=_positive, default=DEFAULT_LIMIT, help="readings to print")

    k = _command(
        sub,
        "keys",
        keys_command,
        "show every key of every encoder for each part of a name",
        'aliaskit keys "Александр Труфанов" --json',
    )
    k.add_argument("name", metavar="NAME")
    k.add_argument("--json", action="store_true", help="machine-readable output")

    s = _command(
        sub,
        "schemes",
        schemes_command,
        "list the bundled transliteration schemes with language and source",
        "aliaskit schemes --json",
    )
    s.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _fail(message: str) -> int:
    print(f"aliaskit: error: {message}", file=sys.stderr)
    return 1


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if getattr(args, "sample", False) and args.file is not None:
        parser.error("give either FILE or --sample, not both")
    func: Command = args.func
    try:
        return func(args)
    except EncodingError as err:
        if err.suggestion is not None:
            return _fail(f"{err}: try --encoding {err.suggestion}")
        return _fail(f"{err} (--encoding NAME reads another encoding; --errors replace accepts it)")
    except (InputError, ValueError) as err:  # ResolverFileError is a ValueError
        return _fail(str(err))
    except BrokenPipeError:
        raise
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        return _fail(f"{where}{err.strerror or err}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            errors = "backslashreplace" if stream is sys.stderr else "strict"
            reconfigure(encoding="utf-8", errors=errors)
    if sys.stderr is None:  # started with stderr closed: nowhere to say anything
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)
    parser = _parser()
    args = parser.parse_args(argv)
    if sys.stdout is None and getattr(args, "output", None) in (None, "-"):
        # print() would drop every line without a word.
        return _fail("standard output is closed: nowhere to write (give -o FILE)")
    if sys.stdin is None and getattr(args, "file", None) == "-":
        return _fail("standard input is closed: nothing to read (give a FILE)")
    try:
        return _run(parser, args)
    except KeyboardInterrupt:
        print("aliaskit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
