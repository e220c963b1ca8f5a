"""Daitch–Mokotoff Soundex: six-digit codes, branching on ambiguous letters.

The coding chart lives in ``data/daitch_mokotoff.tsv`` (one row per letter
sequence). A name is folded to ASCII with unidecode, reduced to the letters
A–Z and coded left to right, always taking the longest sequence in the chart.
Each sequence has a code for three positions: the start of the name, before a
vowel (A E I O U J Y), and any other situation. Ambiguous sequences (C, CH,
CK, J, RS, RZ) have an alternate code; every combination becomes a branch, so
a name yields one or more codes. Sounds with the same code that are adjacent
(nothing, not even a not-coded letter, between them) are coded once. Codes are
padded with zeros or cut to six digits.
"""

from __future__ import annotations

import functools
import re
from importlib.resources import files
from typing import Final

import attrs
from unidecode import unidecode

__all__ = ["CODE_LENGTH", "daitch_mokotoff"]

CODE_LENGTH: Final = 6
_TABLE_FILE: Final = "daitch_mokotoff.tsv"
_VOWELS: Final = frozenset("AEIOUJY")
_NOT_CODED: Final = "NC"
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
_COLUMNS: Final = (
    "letters",
    "code_at_start",
    "code_before_vowel",
    "code_otherwise",
    "alternate",
    "source",
)


@attrs.frozen
class _Rule:
    """Code options (one, or two for a branch) for one letter sequence."""

    at_start: tuple[str, ...]
    before_vowel: tuple[str, ...]
    otherwise: tuple[str, ...]


@attrs.frozen
class _Table:
    """The parsed chart: rules by letter sequence, longest sequence per first letter."""

    rules: dict[str, _Rule]
    longest: dict[str, int]


def _parse_code(text: str, where: str) -> str:
    """Turn a chart cell into a digit string ('' for not coded)."""
    if text == _NOT_CODED:
        return ""
    if not text.isdigit() or not text.isascii():
        raise ValueError(f"{where}: bad code {text!r} (digits or {_NOT_CODED} expected)")
    return text


def _parse_row(fields: list[str], where: str) -> tuple[str, _Rule]:
    """Parse one data row of the chart."""
    if len(fields) != len(_COLUMNS):
        raise ValueError(f"{where}: expected {len(_COLUMNS)} columns, got {len(fields)}")
    letters, start, vowel, other, alternate, _source = fields
    if not (letters.isascii() and letters.isalpha() and letters.isupper()):
        raise ValueError(f"{where}: bad letter sequence {letters!r}")
    main = [_parse_code(cell, where) for cell in (start, vowel, other)]
    if not alternate:
        return letters, _Rule((main[0],), (main[1],), (main[2],))
    alt = [_parse_code(cell, where) for cell in alternate.split(",")]
    if len(alt) != len(main):
        raise ValueError(f"{where}: alternate {alternate!r} needs three codes")
    return letters, _Rule(*((m, a) for m, a in zip(main, alt, strict=True)))


@functools.cache
def _table() -> _Table:
    """Load the chart from the package data (once)."""
    text = files("aliaskit").joinpath("data", _TABLE_FILE).read_text(encoding="utf-8")
    rules: dict[str, _Rule] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{_TABLE_FILE} line {number}"
        if not header_seen:
            if tuple(fields) != _COLUMNS:
                raise ValueError(f"{where}: unexpected header {fields!r}")
            header_seen = True
            continue
        letters, rule = _parse_row(fields, where)
        if letters in rules:
            raise ValueError(f"{where}: duplicate letter sequence {letters!r}")
        rules[letters] = rule
    missing = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") - rules.keys()
    if missing:
        raise ValueError(f"{_TABLE_FILE}: no rule for single letters {sorted(missing)}")
    longest: dict[str, int] = {}
    for letters in rules:
        longest[letters[0]] = max(longest.get(letters[0], 0), len(letters))
    return _Table(rules, longest)


def _letters(name: str) -> str:
    """Fold to ASCII and keep only the letters A–Z, upper-cased."""
    if not name.isascii():
        if not any(ch.isalpha() for ch in name):
            return ""  # lone marks (a Hebrew vowel point unidecodes to "a") are no name
        name = unidecode(_SURROGATES.sub("", name), errors="ignore")
    return "".join(ch for ch in name.upper() if "A" <= ch <= "Z")


def _append(branch: tuple[str, str], code: str) -> tuple[str, str]:
    """Add one sound's code to a branch (digits, previous code)."""
    digits, previous = branch
    if not code:
        return digits, ""  # a not-coded letter separates equal codes
    # The same sound as the previous one, adjacent to it, is coded once.
    added = code[1:] if previous and previous[-1] == code[0] else code
    return (digits + added)[:CODE_LENGTH], code


def _options(rule: _Rule, letters: str, position: int, after: int) -> tuple[str, ...]:
    """The rule's codes for its position: start, before a vowel, or otherwise."""
    if position == 0:
        return rule.at_start
    if after < len(letters) and letters[after] in _VOWELS:
        return rule.before_vowel
    return rule.otherwise


def _encode(letters: str) -> frozenset[str]:
    """Code a non-empty string of the letters A–Z."""
    table = _table()
    rules, longest = table.rules, table.longest
    branches = [("", "")]  # (digits so far, code of the previous sound)
    position, end = 0, len(letters)
    while position < end:
        size = min(longest[letters[position]], end - position)
        while letters[position : position + size] not in rules:
            size -= 1  # every single letter has a rule, so this stops at 1
        after = position + size
        options = _options(rules[letters[position:after]], letters, position, after)
        if len(branches) == 1 and len(options) == 1:
            branches = [_append(branches[0], options[0])]
        else:
            branches = list({_append(branch, code) for branch in branches for code in options})
        if all(len(digits) == CODE_LENGTH for digits, _ in branches):
            break
        position = after
    return frozenset(digits.ljust(CODE_LENGTH, "0") for digits, _ in branches)


def daitch_mokotoff(name: str) -> frozenset[str]:
    """Return the Daitch–Mokotoff Soundex codes of ``name`` (empty if it has no letters).

    >>> sorted(daitch_mokotoff("Peters"))
    ['734000', '739400']
    >>> sorted(daitch_mokotoff("Moskowitz"))
    ['645740']
    """
    if not isinstance(name, str):
        raise TypeError(f"daitch_mokotoff() expects a str, got {type(name).__name__}")
    letters = _letters(name)
    if not letters:
        return frozenset()
    return _encode(letters)
