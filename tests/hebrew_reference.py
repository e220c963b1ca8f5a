"""Frozen slow reference of ``aliaskit.hebrew`` readings (test oracle only).

A verbatim copy of the search as it was before the speed-up (commit a2f3927),
so ``tests/test_hebrew_fast.py`` can check the fast code reading for reading.
Only the letter table is shared with the library. Do not optimise this file.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import attrs
from unidecode import unidecode

from aliaskit.hebrew import letter_table

__all__ = ["readings", "word_readings"]

WORD_CACHE_SIZE = 8192
DEFAULT_LIMIT = 16
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
class _Unit:
    """One reading unit: a letter (or letter pair) with its marks, or a literal."""

    key: str
    literal: str = ""
    geresh: bool = False
    dagesh: bool = False
    rafe: bool = False
    dot: str = ""
    vowel: str = ""


# --------------------------------------------------------------------------- parsing


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
    units: list[_Unit] = []
    marks: dict[str, Any] = {}

    def flush() -> None:
        if marks:
            units.append(_Unit(**marks))
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


def _pair_letters(units: list[_Unit]) -> list[_Unit]:
    """Merge bare doubled וו/יי, the clusters כס/קס and final יהו into one unit."""
    out: list[_Unit] = []
    table = letter_table()
    for size in (5, 4, 3, 2):
        last = units[-size:]
        tail = "".join(u.key + "'" * u.geresh for u in last)
        bare = all(u == _Unit(key=u.key, geresh=u.geresh) for u in last)
        if len(units) > size and bare and tail in table.suffixes:
            units = [*units[:-size], _Unit(key=tail)]
            break
    for unit in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (len(out) > 1 or prev.key == unit.key or prev.key + unit.key in table.initial_pairs)
            and prev == _Unit(key=prev.key)
            and unit == _Unit(key=unit.key)
            and prev.key + unit.key in table.pairs
        ):
            out[-1] = _Unit(key=prev.key + unit.key)
        else:
            out.append(unit)
    return out


def _normalise(text: str) -> str:
    """NFKD with Yiddish ligatures split; format/control characters removed."""
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


def _plain_options(units: Sequence[_Unit], i: int) -> tuple[_Option, ...]:
    """Options of unit ``i`` read without vowel points."""
    unit, n = units[i], len(units)
    pos = _position(i, n)
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


def _merge(rows: Sequence[_Option], lists: Sequence[tuple[_Option, ...]], k: int) -> list[_Option]:
    """The ``k`` cheapest distinct ``row + option`` strings (row ``r`` uses ``lists[r]``)."""
    heap = [
        (rc + lst[0][0], rs + lst[0][1], r, 0)
        for r, ((rc, rs), lst) in enumerate(zip(rows, lists, strict=True))
        if lst
    ]
    heapq.heapify(heap)
    out: list[_Option] = []
    seen: set[str] = set()
    budget = 4 * k + len(rows)
    while heap and len(out) < k and budget > 0:
        budget -= 1
        cost, text, r, c = heapq.heappop(heap)
        if text not in seen:
            seen.add(text)
            out.append((cost, text))
        lst = lists[r]
        if c + 1 < len(lst):
            rc, rs = rows[r]
            heapq.heappush(heap, (rc + lst[c + 1][0], rs + lst[c + 1][1], r, c + 1))
    return out


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


def _with_gaps(
    options: tuple[_Option, ...], pos: str, tail: tuple[str, str, bool]
) -> tuple[_Option, ...]:
    """Options after a reading ending in consonant ``tail``, with guessed vowels."""
    vowels = letter_table().gaps[pos]
    best: dict[str, int] = {}
    for c, s in options:
        head = _head(s)
        variants = (*vowels, (_cluster_cost(pos, tail, head), "")) if head else ((0, ""),)
        for gc, g in variants:
            if best.get(g + s, c + gc + 1) > c + gc:
                best[g + s] = c + gc
    return tuple(sorted((c, s) for s, c in best.items()))


def _part_kbest(units: Sequence[_Unit], k: int) -> list[_Option]:
    """Best readings of one hyphen-free part."""
    n = len(units)
    vocalised = any(u.vowel or (u.key == "ו" and u.dagesh) for u in units)
    beam: list[_Option] = [(0, "")]
    for i, unit in enumerate(units):
        if unit.literal:
            opts: tuple[_Option, ...] = ((0, unit.literal),)
        elif vocalised:
            opts = _pointed_options(units, i)
        else:
            opts = _plain_options(units, i)
        lists: list[tuple[_Option, ...]] = [opts] * len(beam)
        if i and not vocalised and not unit.literal and not units[i - 1].literal:
            pos = "final" if i == n - 1 else "initial" if i == 1 else "medial"
            if pos == "final" and len(unit.key) > 1:
                pos = "medial"  # a final letter group is not a closed final syllable
            by_tail: dict[tuple[str, str, bool], tuple[_Option, ...]] = {("", "", False): opts}
            for r, (_, text) in enumerate(beam):
                tail = _tail(text)
                if tail not in by_tail:
                    by_tail[tail] = _with_gaps(opts, pos, tail)
                lists[r] = by_tail[tail]
        beam = _merge(beam, lists, k)
    return [(c, s) for c, s in beam if s]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_kbest(word: str, k: int) -> tuple[_Option, ...]:
    """Best readings of one whitespace-free word (hyphenated parts kept)."""
    parts = [p for p in (_parse_part(x) for x in _HYPHENS.split(_normalise(word))) if p]
    beam: list[_Option] = []
    for units in parts:
        best = _part_kbest(units, k)
        if not best:
            continue
        if not beam:
            beam = best
        else:
            joined = tuple((c, "-" + s) for c, s in best)
            beam = _merge(beam, [joined] * len(beam), k)
    return tuple(beam)


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
    return tuple(s for _, s in _word_kbest(word.strip(), k)[:limit])


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
    words = [b for b in (_bounded_word_kbest(w, k) for w in text.split()) if b]
    if len(words) > MAX_WORDS:
        return tuple(s for _, s in _join_by_rank(words, k, " ")[:limit])
    beam: list[_Option] = []
    for best in words:
        if not beam:
            beam = list(best)
        else:
            joined = tuple((c, " " + s) for c, s in best)
            beam = _merge(beam, [joined] * len(beam), k)
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
