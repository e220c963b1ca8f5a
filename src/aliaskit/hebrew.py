"""Plausible Latin readings of (mostly unvocalised) Hebrew names.

Unvocalised Hebrew leaves most vowels unwritten and gives several letters two
or more values (ב b/v, כ k/kh, פ p/f, ו v/o/u, י y/i/e, ש sh/s, ח h/kh/ch).
Each choice -- a letter value, or a vowel guessed between two consonants --
has a cost taken from ``data/hebrew_letters.toml``; a reading's cost is the
sum of its choices, and readings are ranked by cost, then alphabetically.

Search bound: a word is read left to right with a beam of at most
``max(limit, 16)`` partial readings. Each step merges the beam with the
letter's options (at most about 20, vowel guesses included) lazily through a
heap, popping at most ``4 * beam + beam`` candidates, so one word costs
O(letters * beam * log beam) and never enumerates the full product. The
steps are chained generators, so a partial reading is made only when a later
step needs it: asking for fewer readings than the beam holds (``limit``) does
less work, with the same result. Words of a name are combined the same way (a
k-best merge by summed cost). Option lists with guessed vowels are memoised by
the reading's ending, which alone decides them.

Vowel points (niqqud), dagesh, rafe and shin/sin dots are used when present;
cantillation marks are dropped.
"""

from __future__ import annotations

import heapq
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from itertools import islice
from operator import itemgetter
from typing import Any

import attrs
from unidecode import unidecode

__all__ = ["readings", "word_readings"]

WORD_CACHE_SIZE = 8192
DEFAULT_LIMIT = 16
# Bounds of the exact search (no name comes near them): a longer word is read
# in slices of MAX_WORD_CHARS characters, and a text of more than MAX_WORDS
# words, or the slices of a word, are joined rank by rank (the j-th reading of
# each piece) instead of by a k-best merge, which would copy ever longer
# strings and grow quadratically.
MAX_WORD_CHARS = 64
MAX_WORDS = 16
_COST_SCALE = 100  # costs are kept as integers (hundredths) to avoid float noise

_Option = tuple[int, str]

_GERESH = frozenset("'\u05f3\u2019\u2018\u02bc\u0060\u00b4\u2032")
_GERSHAYIM = frozenset('"\u05f4\u201c\u201d\u2033')
_HYPHENS = re.compile("[-\u05be\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]")
_VOWEL_POINTS = frozenset(chr(c) for c in range(0x05B0, 0x05BC)) | {"\u05c7"}
_DAGESH, _RAFE, _SHIN_DOT, _SIN_DOT = "\u05bc", "\u05bf", "\u05c1", "\u05c2"
_HOLAMS = frozenset("\u05b9\u05ba")
_I_E_POINTS = frozenset("\u05b4\u05b5\u05b6")
_A_POINTS = frozenset("\u05b7\u05b8\u05b2")
_PATAH = "\u05b7"
_MATRES = frozenset(("ו", "י", "וו", "יי"))
_CARRIERS = frozenset("אע")
_VOWEL_LETTERS = frozenset("aeiou")


@attrs.frozen
class LetterTable:
    """The letter table of ``data/hebrew_letters.toml``, costs in hundredths."""

    source: str
    final_forms: dict[str, str]
    ligatures: dict[str, str]
    gaps: dict[str, tuple[_Option, ...]]
    clusters: dict[str, dict[str, int]]
    letters: dict[str, dict[str, tuple[_Option, ...]]]
    pairs: frozenset[str]
    initial_pairs: frozenset[str]
    suffixes: frozenset[str]
    points: dict[str, tuple[_Option, ...]]
    vocalised: dict[str, tuple[_Option, ...]]


@attrs.frozen
class _Unit:
    """One reading unit: a letter (or letter pair) with its marks, or a literal."""

    key: str
    literal: str = ""
    geresh: bool = False
    dagesh: bool = False
    rafe: bool = False
    dot: str = ""
    vowel: str = ""


def _opts(raw: Any) -> tuple[_Option, ...]:
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


# --------------------------------------------------------------------------- parsing


_PLAIN_WORD = re.compile("[\u05d0-\u05ea]+")  # letters only: no normalising, no hyphens
_BARE: dict[str, _Unit] = {}


def _bare(key: str) -> _Unit:
    """The (shared, immutable) unit of letter ``key`` without marks."""
    unit = _BARE.get(key)
    if unit is None:
        unit = _BARE[key] = _Unit(key=key)
    return unit


def _is_bare(unit: _Unit, geresh: bool = False) -> bool:
    """``unit == _Unit(key=unit.key, geresh=...)``: no marks (a geresh if allowed)."""
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


def _parse_part(part: str) -> list[_Unit]:
    """Split one hyphen-free part into units (letters with marks, literals)."""
    table = letter_table()
    if _PLAIN_WORD.fullmatch(part):
        return _plain_units(part.translate(_final_map()))
    units: list[_Unit] = []
    marks: dict[str, Any] = {}

    def flush() -> None:
        if marks:
            units.append(_bare(marks["key"]) if len(marks) == 1 else _Unit(**marks))
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


def _plain_units(letters: str) -> list[_Unit]:
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


def _pair_letters(units: list[_Unit]) -> list[_Unit]:
    """Merge bare doubled וו/יי, the clusters כס/קס and final יהו into one unit."""
    out: list[_Unit] = []
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


# --------------------------------------------------------------------------- options


def _position(i: int, n: int) -> str:
    return "initial" if i == 0 else "final" if i == n - 1 else "medial"


def _lookup(key: str, *contexts: str) -> tuple[_Option, ...]:
    """First option list found among ``contexts`` (then any/medial) for ``key``."""
    entry = letter_table().letters[key]
    for ctx in (*contexts, "any", "medial"):
        if ctx in entry:
            return entry[ctx]
    return ((0, ""),)


# Letters whose unpointed value depends on their neighbours.
_CONTEXTUAL = frozenset("אעיהב")


@cache
def _positional() -> dict[tuple[str, str], tuple[_Option, ...]]:
    """The options of each letter (and letter group) by position alone."""
    positions = ("initial", "medial", "final")
    return {(key, pos): _lookup(key, pos) for key in letter_table().letters for pos in positions}


def _plain_options(units: Sequence[_Unit], i: int) -> tuple[_Option, ...]:
    """Options of unit ``i`` read without vowel points."""
    unit, n = units[i], len(units)
    pos = _position(i, n)
    if unit.key not in _CONTEXTUAL and _BARE.get(unit.key) is unit:
        return _positional()[unit.key, pos]  # a bare letter needing no context
    nxt = units[i + 1].key if i + 1 < n else ""
    prev = units[i - 1].key if i else ""
    if unit.geresh:
        return _lookup(unit.key, "geresh")
    if unit.dot:
        return _lookup(unit.key, unit.dot, pos)
    if unit.dagesh and unit.key in "בכפה":
        return _lookup(unit.key, "dagesh", pos)
    if unit.key in _CARRIERS and nxt in _MATRES:
        return _lookup(unit.key, "before_mater")
    if unit.key == "י" and pos == "medial" and (nxt in "אעו" or (nxt == "ה" and i + 2 == n)):
        return _lookup(unit.key, "before_vowel")
    if unit.key == "ה" and pos == "final" and prev in ("ו", "א", "ע"):
        return _lookup(unit.key, "after_mater")
    if unit.key == "א" and pos == "final" and prev in ("ו", "י"):
        return _lookup(unit.key, "after_mater")
    after = units[i + 2].key if i + 2 < n else ""
    if (
        unit.key == "ב"
        and prev == "ו"
        and ((nxt, after) == ("ה", "") or (nxt, after) == ("י", "צ"))
    ):
        return _lookup(unit.key, "after_vav")
    return _lookup(unit.key, pos)


def _combine(first: tuple[_Option, ...], second: tuple[_Option, ...]) -> tuple[_Option, ...]:
    """All concatenations of two option lists, cheapest cost per string."""
    best: dict[str, int] = {}
    for c1, s1 in first:
        for c2, s2 in second:
            s = s1 + s2
            if s not in best or c1 + c2 < best[s]:
                best[s] = c1 + c2
    return tuple(sorted((c, s) for s, c in best.items()))


def _pointed_mater(units: Sequence[_Unit], i: int) -> tuple[_Option, ...] | None:
    """Options of unit ``i`` when it is a vowel letter in pointed text, else None."""
    unit, voc = units[i], letter_table().vocalised
    prev_vowel = units[i - 1].vowel if i else ""
    if unit.key == "ו" and unit.vowel in _HOLAMS:
        return voc["holam_male"]
    if unit.vowel:
        return None
    if unit.key == "ו" and unit.dagesh:
        return voc["shuruk"]
    if unit.key in _CARRIERS:
        return voc["mater"]
    if unit.key == "י" and prev_vowel:
        return voc["yod_after_i" if prev_vowel in _I_E_POINTS else "yod_after_a"]
    if unit.key == "ה" and i == len(units) - 1 and not unit.dagesh:
        return voc["final_he"]
    return None


def _pointed_options(units: Sequence[_Unit], i: int) -> tuple[_Option, ...]:
    """Options of unit ``i`` in a word that carries vowel points."""
    unit, n = units[i], len(units)
    voc = letter_table().vocalised
    key = unit.key
    mater = _pointed_mater(units, i)
    if mater is not None:
        return mater
    if key in _CARRIERS:
        cons: tuple[_Option, ...] = ((0, ""),)
    elif key in "בכפ":
        cons = _lookup(key, "dagesh" if unit.dagesh else "rafe")
    elif key == "ו":
        cons = ((0, "v"),)
    elif key == "י":
        cons = ((0, "y"),)
    else:
        cons = _plain_options(units, i) if unit.geresh or unit.dot else _lookup(key, "initial")
    if unit.vowel:
        vowel = letter_table().points[unit.vowel]
    else:
        vowel = ((0, ""),) if i == n - 1 else voc["no_point"]
    if i == n - 1 and unit.vowel == _PATAH and key in "חעה":
        return _combine(vowel, cons)  # patah furtive: the vowel is read first
    return _combine(cons, vowel)


# --------------------------------------------------------------------------- search


_DIGRAPHS = frozenset(("sh", "zh", "ch", "kh", "th", "ph", "gh", "dh", "ts", "tz", "dz", "dj"))
_CLASS = {
    **dict.fromkeys(("p", "t", "k", "c", "q"), "stop"),
    **dict.fromkeys(("b", "d", "g"), "vstop"),
    **dict.fromkeys(("f", "v", "h", "kh", "th", "ph", "gh", "dh"), "fricative"),
    **dict.fromkeys(("s", "z", "x", "sh", "zh"), "sibilant"),
    **dict.fromkeys(("j", "ch", "ts", "tz", "dz", "dj"), "affricate"),
    **dict.fromkeys(("m", "n"), "nasal"),
    **dict.fromkeys(("l", "r"), "liquid"),
    **dict.fromkeys(("w", "y"), "glide"),
}


def _split_tail(text: str) -> tuple[str, str]:
    """Split off the consonant sound ``text`` ends with: (rest, sound)."""
    if not text or text[-1] in _VOWEL_LETTERS:
        return text, ""
    tok = text[-2:] if text[-2:] in _DIGRAPHS else text[-1]
    return text[: -len(tok)], tok


def _tail(text: str) -> tuple[str, str, bool]:
    """The last two consonant sounds of a reading, and whether they start it.

    ``("", "", False)`` after a vowel; ``("", "k", False)`` after one consonant.
    """
    rest, last = _split_tail(text)
    if not last:
        return "", "", False
    rest2, before = _split_tail(rest)
    return before, last, bool(before) and not rest2


def _head(text: str) -> str:
    """The consonant sound a reading starts with ("" for a vowel or nothing)."""
    if not text or text[0] in _VOWEL_LETTERS:
        return ""
    return text[:2] if text[:2] in _DIGRAPHS else text[0]


def _pair_cost(pos: str, first: str, second: str) -> int:
    """Cost of two consonant sounds with no vowel between them."""
    table = letter_table().clusters
    if first == second:
        return table["same"]["*"]
    costs = table[pos]
    a, b = _CLASS.get(first, "other"), _CLASS.get(second, "other")
    for pattern in (f"{a}+{b}", f"{a}+*", f"*+{b}", "*"):
        if pattern in costs:
            return costs[pattern]
    return 0


def _cluster_cost(pos: str, tail: tuple[str, str, bool], second: str) -> int:
    """Cost of adding consonant ``second`` right after ``tail`` (see :func:`_tail`)."""
    before, first, at_start = tail
    cost = _pair_cost(pos, first, second)
    if not before:
        return cost
    triple = letter_table().clusters["triple"]
    coda = _CLASS.get(before) in ("liquid", "nasal", "sibilant")
    if not at_start and coda and _pair_cost("initial", first, second) <= triple["onset_max"]:
        return cost + triple["coda_onset"]
    return cost + triple["*"]


_MEMO_SIZE = 1 << 14
_Tail = tuple[str, str, bool]


@attrs.define(slots=True)
class _GapMemo:
    """Gapped lists of one option list at one position, by reading end and by tail.

    ``vowelled`` holds each option with a guessed vowel before it (and the
    options without a consonant head as they are): the part of
    :func:`_with_gaps` that does not depend on the tail.
    """

    opts: tuple[_Option, ...]  # held, so the id keying this memo is not reused
    vowelled: dict[str, int]
    heads: tuple[tuple[int, str, str], ...]  # (cost, option, its head) of headed options
    by_end: dict[str, tuple[_Option, ...]] = attrs.Factory(dict)
    by_tail: dict[_Tail, tuple[_Option, ...]] = attrs.Factory(dict)


def _new_gap_memo(opts: tuple[_Option, ...], pos: str) -> _GapMemo:
    vowels = letter_table().gaps[pos]
    best: dict[str, int] = {}
    heads = []
    for c, s in opts:
        head = _head(s)
        if head:
            heads.append((c, s, head))
        for gc, g in vowels if head else ((0, ""),):
            if best.get(g + s, c + gc + 1) > c + gc:
                best[g + s] = c + gc
    return _GapMemo(opts, best, tuple(heads))


def _with_gaps(memo: _GapMemo, pos: str, tail: _Tail) -> tuple[_Option, ...]:
    """Options after a reading ending in consonant ``tail``, with guessed vowels.

    Each option with a consonant head is read after a guessed vowel or, at the
    cost of the cluster, right after the tail; a string reached both ways keeps
    its cheapest cost.
    """
    best = memo.vowelled.copy()
    for c, s, head in memo.heads:
        cost = c + _cluster_cost(pos, tail, head)
        if best.get(s, cost + 1) > cost:
            best[s] = cost
    return tuple(sorted((c, s) for s, c in best.items()))


_GAPS: dict[tuple[int, str], _GapMemo] = {}


@cache
def _consonants() -> str:
    """Every character a reading can hold except the vowels a e i o u."""
    table = letter_table()
    lists = [*table.gaps.values(), *table.points.values(), *table.vocalised.values()]
    lists += [opts for entry in table.letters.values() for opts in entry.values()]
    chars = {ch for opts in lists for _, s in opts for ch in s}
    chars |= set("abcdefghijklmnopqrstuvwxyz0123456789")  # literals are ASCII alphanumerics
    return "".join(sorted(chars - _VOWEL_LETTERS))


@cache
def _gap_slack() -> int:
    """A lower bound (<= 0) on what :func:`_with_gaps` adds to an option's cost."""
    clusters = letter_table().clusters
    gap = min((c for opts in letter_table().gaps.values() for c, _ in opts), default=0)
    pair = min(v for name, costs in clusters.items() if name != "triple" for v in costs.values())
    triple = min(0, clusters["triple"]["*"], clusters["triple"]["coda_onset"])
    return min(0, gap, min(0, pair) + triple)


def _gap_memo(opts: tuple[_Option, ...], pos: str) -> _GapMemo:
    """The memo of :func:`_gapped` lists of ``opts`` at ``pos``."""
    memo = _GAPS.get((id(opts), pos))
    if memo is None:
        if len(_GAPS) >= _MEMO_SIZE:
            _GAPS.clear()
        memo = _GAPS[id(opts), pos] = _new_gap_memo(opts, pos)
    return memo


def _gapped(memo: _GapMemo, pos: str, end: str) -> tuple[_Option, ...]:
    """``memo.opts`` after a reading that ends in ``end``, memoised.

    ``end`` is the reading's final consonants with the vowel before them (the
    whole reading if it has no vowel): :func:`_tail` never looks further.
    """
    if len(memo.by_end) >= _MEMO_SIZE:
        memo.by_end.clear()
    tail = _tail(end)
    found = memo.opts if tail == ("", "", False) else memo.by_tail.get(tail)
    if found is None:
        if len(memo.by_tail) >= _MEMO_SIZE:
            memo.by_tail.clear()
        found = memo.by_tail[tail] = _with_gaps(memo, pos, tail)
    memo.by_end[end] = found
    return found


def _options(units: Sequence[_Unit], i: int, vocalised: bool) -> tuple[tuple[_Option, ...], str]:
    """The options of unit ``i``, and the position of the vowel gap before it ("" if none)."""
    unit = units[i]
    if unit.literal:
        return ((0, unit.literal),), ""
    if vocalised:
        return _pointed_options(units, i), ""
    opts = _plain_options(units, i)
    if not i or units[i - 1].literal:
        return opts, ""
    n = len(units)
    pos = "final" if i == n - 1 else "initial" if i == 1 else "medial"
    if pos == "final" and len(unit.key) > 1:
        pos = "medial"  # a final letter group is not a closed final syllable
    return opts, pos


def _floor(opts: tuple[_Option, ...], pos: str) -> int:
    """A lower bound on the cost of any option list :func:`_merge` reads for ``opts``."""
    if not opts:
        return 0
    return opts[0][0] + _gap_slack() if pos else opts[0][0]


def _merge(
    rows: Iterator[_Option], opts: tuple[_Option, ...], pos: str, k: int, floor: int
) -> Iterator[_Option]:
    """The ``k`` cheapest distinct ``row + option`` strings, cheapest first, on demand.

    Row ``(cost, text)`` is extended with ``opts``, with a guessed vowel gap
    before them at ``pos`` (if any: :func:`_gapped` gives the list, which
    depends on how the row ends). Candidates are popped from a heap in
    (cost, text) order, at most ``4 * k + (number of rows)`` of them. Rows
    come in cost order and no option costs less than ``floor``, so the next
    row is read only once the cheapest candidate left costs at least the last
    row's cost plus ``floor``; ``rows`` (often the previous unit's generator)
    is read no further than that, or than the budget needs.
    """
    push, replace, pop = heapq.heappush, heapq.heapreplace, heapq.heappop
    memo = _gap_memo(opts, pos) if pos else None
    by_end = memo.by_end if memo is not None else {}
    consonants = _consonants()
    heap: list[tuple[int, str, int, int, tuple[_Option, ...], _Option]] = []
    seen: set[str] = set()
    budget = 4 * k  # candidates still to examine; every row read adds one
    bound = floor  # no row not yet read has a candidate cheaper than this
    n = 0  # rows read (a row's index breaks ties between equal candidates)
    more = True  # whether ``rows`` may hold another row
    while True:
        while more and (not heap or not budget or bound <= heap[0][0]):
            row = next(rows, None)
            if row is None:
                more = False
                break
            rc, rs = row
            bound = rc + floor
            budget += 1
            lst = opts
            if memo is not None:
                # The row's last vowel and the consonants after it fix the list.
                cut = len(rs.rstrip(consonants))
                end = rs[cut - 1 :] if cut else rs
                lst = by_end.get(end) or _gapped(memo, pos, end)
            if lst:
                oc, os = lst[0]
                push(heap, (rc + oc, rs + os, n, 0, lst, row))
            n += 1
        if not heap or not budget:
            return
        budget -= 1
        cost, text, r, c, lst, row = heap[0]
        if text not in seen:
            seen.add(text)
            yield cost, text
            if len(seen) == k:
                return
        c += 1
        if c < len(lst):
            oc, os = lst[c]
            replace(heap, (row[0] + oc, row[1] + os, r, c, lst, row))
        else:
            pop(heap)


def _part_kbest(units: Sequence[_Unit], k: int, take: int | None = None) -> list[_Option]:
    """Best readings of one hyphen-free part; with ``take``, only the first ``take``.

    Units are read lazily (:func:`_merge`): a reading is made only if
    a later unit's reading needs it, so a small ``take`` saves work.
    """
    vocalised = any(u.vowel or (u.key == "ו" and u.dagesh) for u in units)
    if not units:
        return []
    # The first unit's merge with the one empty row would yield its options as they are.
    rows: Iterator[_Option] = iter(_options(units, 0, vocalised)[0][:k])
    for i in range(1, len(units)):
        opts, pos = _options(units, i, vocalised)
        rows = _merge(rows, opts, pos, k, _floor(opts, pos))
    return list(islice(filter(itemgetter(1), rows), k if take is None else take))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_kbest(word: str, k: int, take: int | None = None) -> tuple[_Option, ...]:
    """Best readings of one whitespace-free word (hyphenated parts kept).

    With ``take``, only the first ``take`` of the ``k`` are made.
    """
    if _PLAIN_WORD.fullmatch(word):
        parts = [_plain_units(word.translate(_final_map()))]
    else:
        parts = [p for p in (_parse_part(x) for x in _HYPHENS.split(_normalise(word))) if p]
    beam: list[_Option] = []
    for j, units in enumerate(parts):
        last = take if j == len(parts) - 1 else None
        best = _part_kbest(units, k, last if len(parts) == 1 else None)
        if not best:
            continue
        beam = _join(beam, best, "-", k, last) if beam else best
    return tuple(beam)


def _join(
    beam: Sequence[_Option], best: Sequence[_Option], sep: str, k: int, take: int | None = None
) -> list[_Option]:
    """The ``k`` (or first ``take``) cheapest distinct ``reading + sep + reading``."""
    joined = tuple((c, sep + s) for c, s in best)
    merged = _merge(iter(beam), joined, "", k, joined[0][0])
    return list(islice(merged, k if take is None else take))


def _check(text: Any, limit: Any, what: str) -> int:
    if not isinstance(text, str):
        raise TypeError(f"{what}: text must be a str, not {type(text).__name__}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"{what}: limit must be an int, not {type(limit).__name__}")
    if limit < 1:
        raise ValueError(f"{what}: limit must be >= 1, got {limit}")
    return max(limit, DEFAULT_LIMIT)


def word_readings(word: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """Plausible Latin readings of one Hebrew word, most plausible first.

    Hyphen and maqaf are kept as ``-`` between parts. ``word`` must not contain
    whitespace (``ValueError``; use :func:`readings` for full names).

    >>> word_readings("טרופנוב", limit=2)
    ('tropanov', 'trofanov')
    >>> "trufanov" in word_readings("טרופנוב")
    True
    """
    k = _check(word, limit, "word_readings")
    if len(word.split()) > 1:
        raise ValueError(f"word_readings: expected one word, got whitespace in {word!r}")
    return tuple(s for _, s in _word_kbest(word.strip(), k, limit)[:limit])


def readings(text: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """Plausible Latin readings of a Hebrew name, most plausible first.

    Readings are lowercase ASCII, words joined by one space; Latin letters and
    digits pass through lowercased, other characters are dropped.

    >>> readings("סשה טרופנוב", limit=2)
    ('sasha tropanov', 'sesha tropanov')
    >>> readings("שָׁלוֹם")[0]
    'shalom'
    """
    k = _check(text, limit, "readings")
    split = text.split()
    if len(split) == 1 and len(split[0]) <= MAX_WORD_CHARS:
        return tuple(s for _, s in _word_kbest(split[0], k, limit)[:limit])
    words = [b for b in (_bounded_word_kbest(w, k) for w in split) if b]
    if len(words) > MAX_WORDS:
        return tuple(s for _, s in _join_by_rank(words, k, " ")[:limit])
    beam = list(words[0]) if words else []
    for j in range(1, len(words)):
        beam = _join(beam, words[j], " ", k, limit if j == len(words) - 1 else None)
    return tuple(s for _, s in beam[:limit])


def _bounded_word_kbest(word: str, k: int) -> tuple[_Option, ...]:
    """:func:`_word_kbest`, read slice by slice for a word over MAX_WORD_CHARS."""
    if len(word) <= MAX_WORD_CHARS:
        return _word_kbest(word, k)
    pieces = [b for b in (_word_kbest(p, k) for p in _slices(word)) if b]
    return tuple(_join_by_rank(pieces, k, "")) if pieces else ()


def _slices(word: str) -> list[str]:
    """Cut ``word`` into slices of about MAX_WORD_CHARS, never before a combining mark."""
    out: list[str] = []
    start = 0
    while start < len(word):
        end = min(start + MAX_WORD_CHARS, len(word))
        while end < len(word) and unicodedata.category(word[end])[0] == "M":
            end += 1
        out.append(word[start:end])
        start = end
    return out


def _join_by_rank(pieces: Sequence[Sequence[_Option]], k: int, sep: str) -> list[_Option]:
    """The j-th reading of every piece joined, for j < k: linear in the output size."""
    found: dict[str, int] = {}
    for j in range(min(k, max(len(p) for p in pieces))):
        chosen = [p[min(j, len(p) - 1)] for p in pieces]
        text = sep.join(s for _, s in chosen)
        found.setdefault(text, sum(c for c, _ in chosen))
    return sorted(((c, s) for s, c in found.items()))
