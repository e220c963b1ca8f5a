"""The data files of :mod:`aliaskit.knowledge`, read lazily on first use and cached.

Headered TSV tables (:func:`load_table`), the curated given-name table
``hypocorisms.tsv`` indexed by lookup key (a Cyrillic name also under its
romanisations), and the surname suffix rules of ``surname_gender.toml``.
Every lookup compares a token's :func:`fold` exactly; an Arabic token is
folded as :func:`aliaskit.normalize` folds it, without an attached article.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import attrs

from aliaskit._arabic import fold_arabic, has_arabic
from aliaskit.keys import fold as spelling_fold

__all__ = [
    "ARABIC_ARTICLE",
    "CURATED_PREFIX",
    "SOFT_MARKS",
    "Curated",
    "Suffix",
    "SurnameRules",
    "Table",
    "curated",
    "curated_spellings",
    "data_file",
    "decode",
    "fold",
    "load_table",
    "malformed",
    "read_bytes",
    "surname_rules",
]


@attrs.frozen
class Table:
    """A headered TSV table: column names, rows and their 1-based line numbers."""

    path: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]

    def column(self, name: str) -> int:
        """Return the index of column ``name`` or raise ``ValueError``."""
        if name not in self.columns:
            raise ValueError(f"{self.path}: missing column {name!r}")
        return self.columns.index(name)


def read_bytes(path: str | os.PathLike[str] | Traversable) -> tuple[str, bytes]:
    """The name and the bytes of a file, decompressed if its name ends in ``.gz``."""
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        with open(name, "rb") as fh:
            raw = fh.read()
    else:
        name = str(path)
        raw = path.read_bytes()
    if name.endswith(".gz"):
        import gzip  # only when a .gz table is read

        raw = gzip.decompress(raw)
    return name, raw


def decode(name: str, raw: bytes) -> str:
    """``raw`` as UTF-8 text; ``ValueError`` naming file ``name`` if it is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: not valid UTF-8 ({exc})") from exc


def _read_text(path: str | os.PathLike[str] | Traversable) -> tuple[str, str]:
    name, raw = read_bytes(path)
    return name, decode(name, raw)


def _body(name: str, text: str) -> tuple[tuple[str, ...], list[str], int]:
    """Split ``text`` into (header fields, data lines, line number of the first data line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    start = 0
    while start < len(lines) and (not lines[start].strip() or lines[start].startswith("#")):
        start += 1
    if start == len(lines):
        raise ValueError(f"{name}: no header line")
    return tuple(lines[start].rstrip("\r").split("\t")), lines[start + 1 :], start + 2


def malformed(name: str, columns: tuple[str, ...], lines: list[str], first: int) -> ValueError:
    """The error naming the first data line (numbered from ``first``) with the wrong field count."""
    for offset, line in enumerate(lines):
        count = len(line.split("\t"))
        if line.strip() and not line.startswith("#") and count != len(columns):
            return ValueError(
                f"{name}:{first + offset}: expected {len(columns)} fields, got {count}"
            )
    return ValueError(f"{name}: malformed table")


def load_table(path: str | os.PathLike[str] | Traversable) -> Table:
    """Read a headered TSV file (``.gz`` allowed); ``#`` lines and blank lines are skipped.

    A row whose field count differs from the header's raises ``ValueError``
    naming the file and the line number.

    >>> t = load_table(files("aliaskit") / "data" / "hypocorisms.tsv")
    >>> t.columns[:3]
    ('group', 'name', 'script')
    """
    name, text = _read_text(path)
    columns, lines, first = _body(name, text)
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    for offset, line in enumerate(lines):
        line = line.removesuffix("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if len(fields) != len(columns):
            raise malformed(name, columns, lines, first)
        rows.append(fields)
        numbers.append(first + offset)
    return Table(name, columns, tuple(rows), tuple(numbers))


#: The attached Arabic article as :func:`aliaskit.normalize` sets it off (ال-).
ARABIC_ARTICLE = "\u0627\u0644-"


def fold(token: str) -> str:
    """Return the lookup key of ``token``: stripped, NFC, lower-case, ``ё`` → ``е``.

    Arabic letters are folded as :func:`aliaskit.normalize` folds them
    (presentation forms read as letters, harakat and tatweel removed, alef
    forms, ta marbuta and Persian letters folded), and an attached article
    is taken off, as the parser reads it as a particle: the name tables list
    the word after it.

    >>> fold(" Фёдор ")
    'федор'
    >>> fold("أَحْمَد"), fold("البشير")
    ('احمد', 'بشير')
    """
    if not isinstance(token, str):
        raise TypeError(f"expected a str token, got {type(token).__name__}")
    if token.isascii():
        return token.strip().lower()  # NFC and ё do not apply
    text = unicodedata.normalize("NFC", token.strip()).lower()
    if has_arabic(text):
        return _fold_arabic_key(text)
    return text.replace("ё", "е")


def _fold_arabic_key(text: str) -> str:
    """An Arabic token folded to a fixed point, as ``normalize`` repeats its
    passes, without an attached article."""
    text = unicodedata.normalize("NFKC", text)
    once = fold_arabic(text)
    while once != text:
        text, once = once, fold_arabic(once)
    return unicodedata.normalize("NFC", text).removeprefix(ARABIC_ARTICLE)


def data_file(name: str) -> Traversable:
    """The data file ``name`` of the package."""
    return files("aliaskit") / "data" / name


# --- the curated given names ---------------------------------------------------

CURATED_PREFIX = "aliaskit:"
_SCRIPTS = frozenset({"Latn", "Cyrl", "Hebr", "Arab"})
_KINDS = frozenset({"full", "nickname", "cognate"})
_GENDERS = frozenset({"m", "f", ""})
_CURATED_COLUMNS = ("group", "name", "script", "kind", "gender", "lang", "source")
# Marks that stand for the soft sign (or a glottal stop) in romanised names.
SOFT_MARKS = str.maketrans("", "", "'\u2019\u02bc\u02b9`\u00b4\u02ba")


@attrs.frozen
class Curated:
    """The curated table indexed by lookup key (groups, nickname groups, gender),
    by group (full forms, Latin headword) and by Arabic name (the headword of
    the one group it is a full form of: its usual Latin spelling)."""

    groups: dict[str, frozenset[str]]
    nick_groups: dict[str, frozenset[str]]
    gender: dict[str, str | None]
    fulls: dict[str, frozenset[str]]
    heads: dict[str, str]
    usual: dict[str, str]


def _check_curated_row(table: Table, i: int, row: dict[str, str]) -> None:
    where = f"{table.path}:{table.lines[i]}"
    if not row["group"].startswith(CURATED_PREFIX):
        raise ValueError(f"{where}: group must start with {CURATED_PREFIX!r}")
    if not row["name"] or fold(row["name"]) != row["name"]:
        raise ValueError(f"{where}: name {row['name']!r} is empty or not folded")
    if row["script"] not in _SCRIPTS or row["kind"] not in _KINDS:
        raise ValueError(f"{where}: bad script {row['script']!r} or kind {row['kind']!r}")
    if row["gender"] not in _GENDERS or not row["source"] or not row["lang"]:
        raise ValueError(f"{where}: bad gender {row['gender']!r} or empty lang/source")


def _lookup_keys(name: str, script: str) -> set[str]:
    """``name`` and, for Cyrillic, its romanisations under every bundled scheme
    (Моня is also found as Monya, Monia and Monja, Ксюша as the scholarly
    Ksjuša). Soft-sign marks are dropped, as the lookup key drops them."""
    keys = {name}
    if script == "Cyrl":
        from aliaskit.translit import romanizations

        for r in romanizations(name):
            k = fold(r).replace("'", "").translate(SOFT_MARKS)
            if k.isascii() or k.replace("-", "").isalpha():
                keys.add(k)
    return keys


@cache
def curated() -> Curated:
    """Load the curated table (lazily, once); a bad row raises ``ValueError``."""
    table = load_table(data_file("hypocorisms.tsv"))
    cols = [table.column(c) for c in _CURATED_COLUMNS]
    groups: dict[str, set[str]] = {}
    nicks: dict[str, set[str]] = {}
    genders: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    heads: dict[str, str] = {}
    arabic: dict[str, set[str]] = {}  # an Arabic full form -> its groups
    for i, raw in enumerate(table.rows):
        row = {k: raw[c] for k, c in zip(_CURATED_COLUMNS, cols, strict=True)}
        _check_curated_row(table, i, row)
        name, group = row["name"], row["group"]
        for key in _lookup_keys(name, row["script"]):
            groups.setdefault(key, set()).add(group)
            genders.setdefault(key, set()).add(row["gender"])
            if row["kind"] == "nickname":
                nicks.setdefault(key, set()).add(group)
        if row["kind"] == "full":
            fulls.setdefault(group, set()).add(name)
            if row["script"] == "Latn":
                heads.setdefault(group, name)
            elif row["script"] == "Arab":
                arabic.setdefault(name, set()).add(group)
    gender = {
        n: (next(iter(g)) if len(g) == 1 and "" not in g else None) for n, g in genders.items()
    }
    return Curated(
        groups={n: frozenset(g) for n, g in groups.items()},
        nick_groups={n: frozenset(g) for n, g in nicks.items()},
        gender=gender,
        fulls={g: frozenset(n) for g, n in fulls.items()},
        heads=heads,
        usual={
            name: heads[group]
            for name, (group, *more) in ((n, sorted(g)) for n, g in arabic.items())
            if not more and group in heads
        },
    )


@cache
def curated_spellings() -> dict[str, str]:
    """Curated Latin keys by their romanisation-invariant fold
    (:func:`aliaskit.keys.fold`), where all keys of one fold are in the same
    groups: another spelling of a curated name is found under it (Yauhenia
    under Yauheniya, Aliaksiej under Aliaksei)."""
    groups = curated().groups
    by_fold: dict[str, set[str]] = {}
    for key in groups:
        if key.isascii() and key.isalpha():
            by_fold.setdefault(spelling_fold(key), set()).add(key)
    return {
        folded: min(keys) for folded, keys in by_fold.items() if len({groups[k] for k in keys}) == 1
    }


# --- the surname suffix rules ----------------------------------------------------


@attrs.frozen
class Suffix:
    """One surname suffix: its gender, its family's masculine suffix, its feminine forms."""

    gender: str | None  # "m", "f" or None for invariant endings
    canonical: str
    feminines: tuple[str, ...]


@attrs.frozen
class SurnameRules:
    """The surname suffixes by suffix, the shortest stem they leave and the longest suffix."""

    min_stem: int
    suffixes: dict[str, Suffix]
    longest: int


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return value


def _family_suffixes(fam: dict[str, Any], where: str) -> Iterable[tuple[str, Suffix]]:
    canonical = fam.get("canonical")
    if not isinstance(canonical, str) or not fam.get("source"):
        raise ValueError(f"{where}: family needs 'canonical' and 'source'")
    pairs = [_str_list(p, where) for p in fam.get("pairs", [])]
    for masc, fem in pairs:
        fems = tuple(f for m, f in pairs if m == masc and f)
        yield masc, Suffix("m", canonical, fems)
        if fem:
            yield fem, Suffix("f", canonical, ())


@cache
def surname_rules() -> SurnameRules:
    """Load the surname suffix rules (lazily, once); a bad rule raises ``ValueError``."""
    where = str(data_file("surname_gender.toml"))
    try:
        doc = tomllib.loads(data_file("surname_gender.toml").read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    suffixes: dict[str, Suffix] = {}
    for n, fam in enumerate(doc.get("family", []), 1):
        for suffix, rule in _family_suffixes(fam, f"{where} family #{n}"):
            suffixes.setdefault(suffix, rule)
    for n, inv in enumerate(doc.get("invariant", []), 1):
        if not inv.get("source"):
            raise ValueError(f"{where} invariant #{n}: missing 'source'")
        for suffix in _str_list(inv.get("suffixes"), f"{where} invariant #{n}"):
            suffixes.setdefault(suffix, Suffix(None, "", ()))
    min_stem = doc.get("min_stem", 3)
    if not isinstance(min_stem, int) or min_stem < 1:
        raise ValueError(f"{where}: min_stem must be a positive integer")
    return SurnameRules(min_stem, suffixes, max(map(len, suffixes)))
