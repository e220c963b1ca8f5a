"""The Hebrew letter table, and Hebrew text read into units (see :mod:`aliaskit.hebrew`).

``data/hebrew_letters.toml`` gives each letter (or letter group) option
lists of Latin values by context, each value with a cost, and the costs of
guessed vowels, consonant clusters and vowel points (kept in hundredths).

A word is read into units: letters with their marks (vowel points, dagesh,
rafe, shin/sin dots, geresh; cantillation marks are dropped) or literals
(Latin letters and digits). Doubled vav and yod, the letter pairs of the
table and its listed endings (final יהו) are one unit each.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib.resources import files
from typing import Any

import attrs
from unidecode import unidecode

__all__ = ["BARE", "LetterTable", "Option", "Unit", "letter_table", "word_units"]

_COST_SCALE = 100  # costs are kept as integers (hundredths) to avoid float noise

#: A Latin value and its cost: ``(cost, text)``.
Option = tuple[int, str]


@attrs.frozen
class LetterTable:
    """The letter table of ``data/hebrew_letters.toml``, costs in hundredths."""

    source: str
    final_forms: dict[str, str]
    ligatures: dict[str, str]
    gaps: dict[str, tuple[Option, ...]]
    clusters: dict[str, dict[str, int]]
    letters: dict[str, dict[str, tuple[Option, ...]]]
    pairs: frozenset[str]
    initial_pairs: frozenset[str]
    suffixes: frozenset[str]
    points: dict[str, tuple[Option, ...]]
    vocalised: dict[str, tuple[Option, ...]]


def _opts(raw: Any) -> tuple[Option, ...]:
    """Convert ``[["b", 0.3], ...]`` to sorted integer-cost options."""
    out = {str(s): round(float(c) * _COST_SCALE) for s, c in raw}
    return tuple(sorted((c, s) for s, c in out.items()))


@cache
def letter_table() -> LetterTable:
    """Load the Hebrew letter table (lazily, once).

    >>> letter_table().final_forms["ך"]
    'כ'
    """
    text = files("aliaskit").joinpath("data/hebrew_letters.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    finals = {ord(k): v for k, v in raw["final_forms"].items()}
    suffixes = {k.translate(finals): v for k, v in raw["suffix"].items()}
    letters = {**raw["letter"], **raw["digraph"], **suffixes}
    return LetterTable(
        source=str(raw["source"]),
        final_forms=dict(raw["final_forms"]),
        ligatures=dict(raw["ligatures"]),
        gaps={k: _opts(v) for k, v in raw["gaps"].items()},
        clusters={
            pos: {pat: round(float(c) * _COST_SCALE) for pat, c in table.items()}
            for pos, table in raw["clusters"].items()
        },
        letters={
            k: {ctx: _opts(v) for ctx, v in entry.items() if isinstance(v, list)}
            for k, entry in letters.items()
        },
        pairs=frozenset(k for k in letters if len(k) == 2 and k not in suffixes),
        initial_pairs=frozenset(k for k, v in raw["digraph"].items() if v.get("word_initial")),
        suffixes=frozenset(suffixes),
        points={chr(int(k, 16)): _opts(v) for k, v in raw["points"].items()},
        vocalised={k: _opts(v) for k, v in raw["vocalised"].items()},
    )


# --------------------------------------------------------------------------- units

_GERESH = frozenset("'\u05f3\u2019\u2018\u02bc\u0060\u00b4\u2032")
_HYPHENS = re.compile("[-\u05be\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]")
_VOWEL_POINTS = frozenset(chr(c) for c in range(0x05B0, 0x05BC)) | {"\u05c7"}
_DAGESH, _RAFE, _SHIN_DOT, _SIN_DOT = "\u05bc", "\u05bf", "\u05c1", "\u05c2"


@attrs.frozen
class Unit:
    """One reading unit: a letter (or letter pair) with its marks, or a literal."""

    key: str
    literal: str = ""
    geresh: bool = False
    dagesh: bool = False
    rafe: bool = False
    dot: str = ""
    vowel: str = ""


_PLAIN_WORD = re.compile("[\u05d0-\u05ea]+")  # letters only: no normalising, no hyphens
BARE: dict[str, Unit] = {}


def _bare(key: str) -> Unit:
    """The (shared, immutable) unit of letter ``key`` without marks."""
    unit = BARE.get(key)
    if unit is None:
        unit = BARE[key] = Unit(key=key)
    return unit


def _is_bare(unit: Unit, geresh: bool = False) -> bool:
    """``unit == Unit(key=unit.key, geresh=...)``: no marks (a geresh if allowed)."""
    return not (
        unit.literal
        or unit.dagesh
        or unit.rafe
        or unit.dot
        or unit.vowel
        or (unit.geresh and not geresh)
    )


def _latin_char(ch: str) -> str:
    """Lowercase ASCII for a Latin letter or digit, else ""."""
    if ch.isascii():
        return ch.lower() if ch.isalnum() else ""
    if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
        return "".join(c for c in unidecode(ch).lower() if c.isascii() and c.isalnum())
    return ""


def _add_mark(marks: dict[str, Any], ch: str) -> None:
    """Record point, dagesh, rafe, shin/sin dot or geresh ``ch`` on a letter."""
    if ch in _VOWEL_POINTS:
        marks.setdefault("vowel", ch)
    elif ch == _DAGESH:
        marks["dagesh"] = True
    elif ch == _RAFE:
        marks["rafe"] = True
    elif ch in (_SHIN_DOT, _SIN_DOT):
        marks["dot"] = "shin" if ch == _SHIN_DOT else "sin"
    elif ch in _GERESH:
        marks["geresh"] = "geresh" in letter_table().letters[marks["key"]]


def _parse_part(part: str) -> list[Unit]:
    """Split one hyphen-free part into units (letters with marks, literals)."""
    table = letter_table()
    if _PLAIN_WORD.fullmatch(part):
        return _plain_units(part.translate(_final_map()))
    units: list[Unit] = []
    marks: dict[str, Any] = {}

    def flush() -> None:
        if marks:
            units.append(_bare(marks["key"]) if len(marks) == 1 else Unit(**marks))
            marks.clear()

    for ch in part:
        if "\u05d0" <= ch <= "\u05ea":
            flush()
            marks["key"] = table.final_forms.get(ch, ch)
        elif marks.get("key") and ("\u05b0" <= ch <= "\u05c7" or ch in _GERESH):
            _add_mark(marks, ch)
        elif ch not in _GERESH and (lat := _latin_char(ch)):
            if not marks.get("literal"):
                flush()
                marks.update(key="", literal="")
            marks["literal"] += lat
    flush()
    return _pair_letters(units)


@cache
def _final_map() -> dict[int, str]:
    return {ord(k): v for k, v in letter_table().final_forms.items()}


def _plain_units(letters: str) -> list[Unit]:
    """:func:`_pair_letters` of bare letters (final forms already mapped), on the string."""
    table = letter_table()
    keys = list(letters)
    for size in (5, 4, 3, 2):
        if len(letters) > size and letters[-size:] in table.suffixes:
            keys[-size:] = [letters[-size:]]
            break
    pairs, initial = table.pairs, table.initial_pairs
    out: list[str] = []
    for key in keys:
        if (
            out
            and out[-1] + key in pairs
            and (len(out) > 1 or out[-1] == key or out[-1] + key in initial)
        ):
            out[-1] += key
        else:
            out.append(key)
    return [_bare(key) for key in out]


def _pair_letters(units: list[Unit]) -> list[Unit]:
    """Merge bare doubled וו/יי, the clusters כס/קס and final יהו into one unit."""
    out: list[Unit] = []
    table = letter_table()
    for size in (5, 4, 3, 2):
        if len(units) <= size:
            continue
        last = units[-size:]
        tail = "".join([u.key + "'" * u.geresh for u in last])
        if tail in table.suffixes and all(_is_bare(u, geresh=True) for u in last):
            units = [*units[:-size], _bare(tail)]
            break
    pairs = table.pairs
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.key + unit.key in pairs
            and (len(out) > 1 or prev.key == unit.key or prev.key + unit.key in table.initial_pairs)
            and _is_bare(prev)
            and _is_bare(unit)
        ):
            out[-1] = _bare(prev.key + unit.key)
        else:
            out.append(unit)
    return out


def _normalise(text: str) -> str:
    """NFKD with Yiddish ligatures split; format/control characters removed."""
    if _PLAIN_WORD.fullmatch(text):
        return text  # letters have no decomposition and are kept
    lig = letter_table().ligatures
    text = "".join(lig.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc", "Cs"))


def word_units(word: str) -> list[list[Unit]]:
    """The units of each hyphen-free part of a whitespace-free word (empty parts left out)."""
    if _PLAIN_WORD.fullmatch(word):
        return [_plain_units(word.translate(_final_map()))]
    return [p for p in (_parse_part(x) for x in _HYPHENS.split(_normalise(word))) if p]
