"""Name knowledge: given-name equivalents, hypocorisms and gendered surname forms.

Three data files in ``aliaskit/data`` are read lazily on first use and cached:

- ``name_groups.tsv.gz``: equivalence groups (``wd:Q…``/``rigour:X…``) derived
  from rigour 1.8.2 ``persons.txt`` (MIT; Wikidata name items, CC0) by
  ``tools/build_name_groups.py``. Groups mix given names, surnames and
  patronymics; they say "same name", never "nickname" or gender.
- ``hypocorisms.tsv``: hand-curated groups (``aliaskit:…``) of one given name
  across languages and scripts, with its hypocorisms, kind and gender.
- ``surname_gender.toml``: masculine/feminine surname suffix rules.

All lookups take one token and compare its folded form exactly: NFC,
lower-case, ``ё`` → ``е``, surrounding whitespace stripped. Fuzzy matching is
not done here.
"""

from __future__ import annotations

import gzip
import os
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, NamedTuple

import attrs
from unidecode import unidecode

from aliaskit.keys import fold as spelling_fold

__all__ = [
    "NameFacts",
    "Table",
    "feminine_forms",
    "full_forms",
    "given_name_gender",
    "headwords",
    "is_given_name",
    "is_known_name",
    "is_nickname",
    "load_table",
    "masculine_form",
    "name_facts",
    "name_groups",
    "same_name",
    "surname_gender",
]

CURATED_PREFIX = "aliaskit:"
_SCRIPTS = frozenset({"Latn", "Cyrl", "Hebr"})
_KINDS = frozenset({"full", "nickname"})
_GENDERS = frozenset({"m", "f", ""})
_CURATED_COLUMNS = ("group", "name", "script", "kind", "gender", "lang", "source")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02b9": "'"})


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


def _read_text(path: str | os.PathLike[str] | Traversable) -> tuple[str, str]:
    if isinstance(path, str | os.PathLike):
        name = os.fspath(path)
        with open(name, "rb") as fh:
            raw = fh.read()
    else:
        name = str(path)
        raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    try:
        return name, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name}: not valid UTF-8 ({exc})") from exc


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


def _malformed(name: str, columns: tuple[str, ...], lines: list[str], first: int) -> ValueError:
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
            raise _malformed(name, columns, lines, first)
        rows.append(fields)
        numbers.append(first + offset)
    return Table(name, columns, tuple(rows), tuple(numbers))


def fold(token: str) -> str:
    """Return the lookup key of ``token``: stripped, NFC, lower-case, ``ё`` → ``е``.

    >>> fold(" Фёдор ")
    'федор'
    """
    if not isinstance(token, str):
        raise TypeError(f"expected a str token, got {type(token).__name__}")
    if token.isascii():
        return token.strip().lower()  # NFC and ё do not apply
    text = unicodedata.normalize("NFC", token.strip()).lower()
    return text.replace("ё", "е")


# --- tables -----------------------------------------------------------------


def _data(name: str) -> Traversable:
    return files("aliaskit") / "data" / name


@attrs.frozen
class _Curated:
    groups: dict[str, frozenset[str]]
    nick_groups: dict[str, frozenset[str]]
    gender: dict[str, str | None]
    fulls: dict[str, frozenset[str]]
    heads: dict[str, str]


_GROUPS_HEADER = ("group", "name", "script")


@cache
def _wikidata_groups() -> dict[str, str | tuple[str, ...]]:
    """Index name -> group id(s); a fast path of ``load_table`` for the large file."""
    name, text = _read_text(_data("name_groups.tsv.gz"))
    columns, lines, first = _body(name, text)
    if columns != _GROUPS_HEADER:
        raise ValueError(f"{name}:{first - 1}: expected header {_GROUPS_HEADER}, got {columns}")
    index: dict[str, str | tuple[str, ...]] = {}
    get = index.get
    prev = ""
    try:
        for line in lines:
            group, form, _script = line.split("\t")
            if group == prev:
                group = prev  # share one string object per group
            prev = group
            found = get(form)
            if found is None:
                index[form] = group
            elif isinstance(found, str):
                index[form] = (found, group)
            else:
                index[form] = (*found, group)
    except ValueError:
        raise _malformed(name, columns, lines, first) from None
    return index


def _wd_lookup(key: str) -> tuple[str, ...]:
    found = _wikidata_groups().get(key)
    if found is None:
        return ()
    return (found,) if isinstance(found, str) else found


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
    Ksjuša). Soft-sign marks are dropped, as :func:`_key` drops them."""
    keys = {name}
    if script == "Cyrl":
        from aliaskit.translit import romanizations

        for r in romanizations(name):
            k = fold(r).replace("'", "").translate(_SOFT_MARKS)
            if k.isascii() or k.replace("-", "").isalpha():
                keys.add(k)
    return keys


@cache
def _curated() -> _Curated:
    table = load_table(_data("hypocorisms.tsv"))
    cols = [table.column(c) for c in _CURATED_COLUMNS]
    groups: dict[str, set[str]] = {}
    nicks: dict[str, set[str]] = {}
    genders: dict[str, set[str]] = {}
    fulls: dict[str, set[str]] = {}
    heads: dict[str, str] = {}
    for i, raw in enumerate(table.rows):
        row = {k: raw[c] for k, c in zip(_CURATED_COLUMNS, cols, strict=True)}
        _check_curated_row(table, i, row)
        name, group = row["name"], row["group"]
        for key in _lookup_keys(name, row["script"]):
            groups.setdefault(key, set()).add(group)
            genders.setdefault(key, set()).add(row["gender"])
            if row["kind"] == "nickname":
                nicks.setdefault(key, set()).add(group)
        if row["kind"] != "nickname":
            fulls.setdefault(group, set()).add(name)
            if row["script"] == "Latn":
                heads.setdefault(group, name)
    gender = {
        n: (next(iter(g)) if len(g) == 1 and "" not in g else None) for n, g in genders.items()
    }
    return _Curated(
        groups={n: frozenset(g) for n, g in groups.items()},
        nick_groups={n: frozenset(g) for n, g in nicks.items()},
        gender=gender,
        fulls={g: frozenset(n) for g, n in fulls.items()},
        heads=heads,
    )


# --- given names --------------------------------------------------------------


# Marks that stand for the soft sign (or a glottal stop) in romanised names.
_SOFT_MARKS = str.maketrans("", "", "'\u2019\u02bc\u02b9`\u00b4\u02ba")


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """The lookup key of ``token``: :func:`fold`, or for a Latin spelling the
    tables do not know, its plain-ASCII form without soft-sign marks (the
    romanisations of curated names are indexed so: Il'ya, Natal'ja, ISO 9 Liliâ).
    """
    key = fold(token)
    if _known(key) or not key.isprintable() or any(ch >= "\u0370" for ch in key if ch.isalpha()):
        return key  # known, or not a Latin spelling (Hebrew keys keep their geresh)
    bare = key.translate(_SOFT_MARKS)  # ISO 9 Ilʹâ is indexed as ilâ
    if bare != key and _known(bare):
        return bare
    plain = unidecode(key).translate(_SOFT_MARKS)
    if plain != key and _known(plain):
        return plain
    folded = spelling_fold(plain)
    # Short spellings collide: Hebrew קית' reads kith, which folds as Kit does.
    return _curated_spellings().get(folded, key) if len(folded) >= SPELLING_MIN else key


#: Letters a folded spelling needs before it is looked up by its fold.
SPELLING_MIN = 5


@cache
def _curated_spellings() -> dict[str, str]:
    """Curated Latin keys by their romanisation-invariant fold
    (:func:`aliaskit.keys.fold`), where all keys of one fold are in the same
    groups: another spelling of a curated name is found under it (Yauhenia
    under Yauheniya, Aliaksiej under Aliaksei)."""
    groups = _curated().groups
    by_fold: dict[str, set[str]] = {}
    for key in groups:
        if key.isascii() and key.isalpha():
            by_fold.setdefault(spelling_fold(key), set()).add(key)
    return {
        folded: min(keys) for folded, keys in by_fold.items() if len({groups[k] for k in keys}) == 1
    }


def _known(key: str) -> bool:
    return key in _curated().groups or key in _wikidata_groups()


def name_groups(token: str) -> frozenset[str]:
    """Return the ids of all groups (curated and Wikidata-derived) containing ``token``.

    >>> sorted(g for g in name_groups("Sasha") if g.startswith("aliaskit:"))
    ['aliaskit:alexander_m', 'aliaskit:alexandra_f']
    """
    key = _key(token)
    curated = _curated().groups.get(key, frozenset())
    return curated | frozenset(_wd_lookup(key))


def same_name(a: str, b: str) -> str | None:
    """Return a group id shared by ``a`` and ``b`` (curated first, then smallest id), or None.

    >>> same_name("Misha", "Michael")
    'aliaskit:michael_m'
    >>> same_name("Alexander", "Alexandra") is None
    True
    """
    shared = name_groups(a) & name_groups(b)
    if not shared:
        return None
    curated = [g for g in shared if g.startswith(CURATED_PREFIX)]
    return min(curated) if curated else min(shared)


class NameFacts(NamedTuple):
    """What the name tables say about one token (see :func:`name_facts`)."""

    groups: frozenset[str]
    gender: str | None
    is_given: bool
    is_known: bool


def name_facts(token: str) -> NameFacts:
    """:func:`name_groups`, :func:`given_name_gender`, :func:`is_given_name` and
    :func:`is_known_name` of ``token`` at once (it is folded once).

    >>> facts = name_facts("Alexandra")
    >>> facts.gender, facts.is_given, facts.is_known
    ('f', True, True)
    """
    key = _key(token)
    cur = _curated()
    curated = cur.groups.get(key)
    wikidata = _wd_lookup(key)
    groups = (curated or frozenset()) | frozenset(wikidata)
    known = curated is not None or bool(wikidata)
    return NameFacts(groups, cur.gender.get(key), curated is not None, known)


def is_known_name(token: str) -> bool:
    """Tell whether ``token`` appears in any group.

    >>> is_known_name("Oleksandr"), is_known_name("Xqzzy")
    (True, False)
    """
    key = _key(token)
    return key in _curated().groups or key in _wikidata_groups()


def is_nickname(token: str) -> bool:
    """Tell whether ``token`` is a curated hypocorism of at least one name.

    >>> is_nickname("Sasha"), is_nickname("Alexander")
    (True, False)
    """
    return _key(token) in _curated().nick_groups


def given_name_gender(token: str) -> str | None:
    """Return ``"m"`` or ``"f"`` when every curated row of ``token`` agrees, else None.

    >>> given_name_gender("Alexandra"), given_name_gender("Sasha"), given_name_gender("Xqzzy")
    ('f', None, None)
    """
    return _curated().gender.get(_key(token))


def is_given_name(token: str) -> bool:
    """Tell whether ``token`` is in the curated given-name table (full or nickname).

    >>> is_given_name("Sasha"), is_given_name("Trufanov")
    (True, False)
    """
    return _key(token) in _curated().groups


def headwords(token: str) -> frozenset[str]:
    """The headword (first Latin full form) of each curated group of ``token``.

    A nickname gives the names it stands for; a Hebrew or Cyrillic form gives
    its usual Latin spelling.

    >>> sorted(headwords("Саша"))
    ['aleksandr', 'aleksandra']
    """
    cur = _curated()
    return frozenset(cur.heads[g] for g in cur.groups.get(_key(token), ()) if g in cur.heads)


def full_forms(nickname: str) -> frozenset[str]:
    """Return the full names (all scripts) of the groups where ``nickname`` is a hypocorism.

    >>> {"mikhail", "михаил", "michael"} <= full_forms("Миша")
    True
    """
    cur = _curated()
    out: set[str] = set()
    for group in cur.nick_groups.get(fold(nickname), ()):
        out |= cur.fulls.get(group, frozenset())
    return frozenset(out)


# --- surnames -----------------------------------------------------------------


@attrs.frozen
class _Suffix:
    gender: str | None  # "m", "f" or None for invariant endings
    canonical: str
    feminines: tuple[str, ...]


@attrs.frozen
class _SurnameRules:
    min_stem: int
    suffixes: dict[str, _Suffix]
    longest: int


def _str_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return value


def _family_suffixes(fam: dict[str, Any], where: str) -> Iterable[tuple[str, _Suffix]]:
    canonical = fam.get("canonical")
    if not isinstance(canonical, str) or not fam.get("source"):
        raise ValueError(f"{where}: family needs 'canonical' and 'source'")
    pairs = [_str_list(p, where) for p in fam.get("pairs", [])]
    for masc, fem in pairs:
        fems = tuple(f for m, f in pairs if m == masc and f)
        yield masc, _Suffix("m", canonical, fems)
        if fem:
            yield fem, _Suffix("f", canonical, ())


@cache
def _surname_rules() -> _SurnameRules:
    where = str(_data("surname_gender.toml"))
    try:
        doc = tomllib.loads(_data("surname_gender.toml").read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    suffixes: dict[str, _Suffix] = {}
    for n, fam in enumerate(doc.get("family", []), 1):
        for suffix, rule in _family_suffixes(fam, f"{where} family #{n}"):
            suffixes.setdefault(suffix, rule)
    for n, inv in enumerate(doc.get("invariant", []), 1):
        if not inv.get("source"):
            raise ValueError(f"{where} invariant #{n}: missing 'source'")
        for suffix in _str_list(inv.get("suffixes"), f"{where} invariant #{n}"):
            suffixes.setdefault(suffix, _Suffix(None, "", ()))
    min_stem = doc.get("min_stem", 3)
    if not isinstance(min_stem, int) or min_stem < 1:
        raise ValueError(f"{where}: min_stem must be a positive integer")
    return _SurnameRules(min_stem, suffixes, max(map(len, suffixes)))


def _match_surname(token: str) -> tuple[str, str, _Suffix | None]:
    key = fold(token).translate(_APOSTROPHES)
    rules = _surname_rules()
    for size in range(min(rules.longest, len(key) - rules.min_stem), 0, -1):
        rule = rules.suffixes.get(key[-size:])
        if rule is not None:
            return key, key[:-size], rule
    return key, key, None


def surname_gender(token: str) -> tuple[str, str | None]:
    """Return ``(stem, gender)`` for a surname token.

    The longest listed suffix leaving at least 3 characters wins. A masculine
    or feminine suffix is replaced by its family's canonical masculine suffix
    to form the stem; invariant endings and unmatched tokens give
    ``(token, None)``. The token is folded like every lookup here.

    >>> surname_gender("Trufanova"), surname_gender("труфанов"), surname_gender("Pinchuk")
    (('trufanov', 'f'), ('труфанов', 'm'), ('pinchuk', None))
    """
    key, rest, rule = _match_surname(token)
    if rule is None or rule.gender is None:
        return key, None
    return rest + rule.canonical, rule.gender


def masculine_form(token: str) -> str:
    """Return the masculine form: the stem for a feminine surname, else the folded token.

    >>> masculine_form("Tsikhanouskaya"), masculine_form("Ivanov")
    ('tsikhanouski', 'ivanov')
    """
    key, rest, rule = _match_surname(token)
    if rule is not None and rule.gender == "f":
        return rest + rule.canonical
    return key


def feminine_forms(token: str) -> frozenset[str]:
    """Return the feminine forms of a surname (itself if feminine or invariant).

    >>> sorted(feminine_forms("Petrov")), sorted(feminine_forms("Kowalski"))
    (['petrova'], ['kowalska', 'kowalskaya'])
    """
    key, rest, rule = _match_surname(token)
    if rule is None or rule.gender != "m":
        return frozenset({key})
    if not rule.feminines:
        return frozenset({rest + f for f in _canonical_feminines(rule.canonical)})
    return frozenset(rest + f for f in rule.feminines)


def _canonical_feminines(canonical: str) -> tuple[str, ...]:
    rule = _surname_rules().suffixes.get(canonical)
    return rule.feminines if rule is not None else ()
