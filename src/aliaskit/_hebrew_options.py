"""The Latin values a Hebrew unit may take, with guessed vowels (see :mod:`aliaskit.hebrew`).

Unpointed, a letter's options depend on its position and, for some letters,
on its neighbours; pointed, on its vowel point and dagesh. Options are
sorted by cost.

Unpointed Hebrew leaves most vowels unwritten: an option read after a
consonant either follows a guessed vowel or, at the cost of the cluster,
the consonant itself. Option lists with guessed vowels are memoised by the
reading's ending, which alone decides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs

from aliaskit._hebrew_letters import BARE, Option, Unit, letter_table

__all__ = ["GapMemo", "consonant_chars", "gap_memo", "gap_slack", "gapped", "options"]

_HOLAMS = frozenset("\u05b9\u05ba")
_I_E_POINTS = frozenset("\u05b4\u05b5\u05b6")
_PATAH = "\u05b7"
_MATRES = frozenset(("ו", "י", "וו", "יי"))
_CARRIERS = frozenset("אע")


def _position(i: int, n: int) -> str:
    return "initial" if i == 0 else "final" if i == n - 1 else "medial"


def _lookup(key: str, *contexts: str) -> tuple[Option, ...]:
    """First option list found among ``contexts`` (then any/medial) for ``key``."""
    entry = letter_table().letters[key]
    for ctx in (*contexts, "any", "medial"):
        if ctx in entry:
            return entry[ctx]
    return ((0, ""),)


# Letters whose unpointed value depends on their neighbours.
_CONTEXTUAL = frozenset("אעיהב")


@cache
def _positional() -> dict[tuple[str, str], tuple[Option, ...]]:
    """The options of each letter (and letter group) by position alone."""
    positions = ("initial", "medial", "final")
    return {(key, pos): _lookup(key, pos) for key in letter_table().letters for pos in positions}


def _plain_options(units: Sequence[Unit], i: int) -> tuple[Option, ...]:
    """Options of unit ``i`` read without vowel points."""
    unit, n = units[i], len(units)
    pos = _position(i, n)
    if unit.key not in _CONTEXTUAL and BARE.get(unit.key) is unit:
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


def _combine(first: tuple[Option, ...], second: tuple[Option, ...]) -> tuple[Option, ...]:
    """All concatenations of two option lists, cheapest cost per string."""
    best: dict[str, int] = {}
    for c1, s1 in first:
        for c2, s2 in second:
            s = s1 + s2
            if s not in best or c1 + c2 < best[s]:
                best[s] = c1 + c2
    return tuple(sorted((c, s) for s, c in best.items()))


def _pointed_mater(units: Sequence[Unit], i: int) -> tuple[Option, ...] | None:
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


def _pointed_options(units: Sequence[Unit], i: int) -> tuple[Option, ...]:
    """Options of unit ``i`` in a word that carries vowel points."""
    unit, n = units[i], len(units)
    voc = letter_table().vocalised
    key = unit.key
    mater = _pointed_mater(units, i)
    if mater is not None:
        return mater
    if key in _CARRIERS:
        cons: tuple[Option, ...] = ((0, ""),)
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


def options(units: Sequence[Unit], i: int, vocalised: bool) -> tuple[tuple[Option, ...], str]:
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


# --------------------------------------------------------------------------- vowel gaps

_VOWEL_LETTERS = frozenset("aeiou")
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
class GapMemo:
    """Gapped lists of one option list at one position, by reading end and by tail.

    ``vowelled`` holds each option with a guessed vowel before it (and the
    options without a consonant head as they are): the part of
    :func:`_with_gaps` that does not depend on the tail.
    """

    opts: tuple[Option, ...]  # held, so the id keying this memo is not reused
    vowelled: dict[str, int]
    heads: tuple[tuple[int, str, str], ...]  # (cost, option, its head) of headed options
    by_end: dict[str, tuple[Option, ...]] = attrs.Factory(dict)
    by_tail: dict[_Tail, tuple[Option, ...]] = attrs.Factory(dict)


def _new_gap_memo(opts: tuple[Option, ...], pos: str) -> GapMemo:
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
    return GapMemo(opts, best, tuple(heads))


def _with_gaps(memo: GapMemo, pos: str, tail: _Tail) -> tuple[Option, ...]:
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


_GAPS: dict[tuple[int, str], GapMemo] = {}


@cache
def consonant_chars() -> str:
    """Every character a reading can hold except the vowels a e i o u."""
    table = letter_table()
    lists = [*table.gaps.values(), *table.points.values(), *table.vocalised.values()]
    lists += [opts for entry in table.letters.values() for opts in entry.values()]
    chars = {ch for opts in lists for _, s in opts for ch in s}
    chars |= set("abcdefghijklmnopqrstuvwxyz0123456789")  # literals are ASCII alphanumerics
    return "".join(sorted(chars - _VOWEL_LETTERS))


@cache
def gap_slack() -> int:
    """A lower bound (<= 0) on what :func:`_with_gaps` adds to an option's cost."""
    clusters = letter_table().clusters
    gap = min((c for opts in letter_table().gaps.values() for c, _ in opts), default=0)
    pair = min(v for name, costs in clusters.items() if name != "triple" for v in costs.values())
    triple = min(0, clusters["triple"]["*"], clusters["triple"]["coda_onset"])
    return min(0, gap, min(0, pair) + triple)


def gap_memo(opts: tuple[Option, ...], pos: str) -> GapMemo:
    """The memo of :func:`gapped` lists of ``opts`` at ``pos``."""
    memo = _GAPS.get((id(opts), pos))
    if memo is None:
        if len(_GAPS) >= _MEMO_SIZE:
            _GAPS.clear()
        memo = _GAPS[id(opts), pos] = _new_gap_memo(opts, pos)
    return memo


def gapped(memo: GapMemo, pos: str, end: str) -> tuple[Option, ...]:
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
