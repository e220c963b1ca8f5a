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

:func:`readings` and :func:`word_readings` then rank the readings of each
unpointed word with a prior (:mod:`aliaskit._reading_prior`): a longer
k-best list of lattice paths, with English spelling variants of the best
ones, is re-ranked by lattice cost plus the cost of the spelling under a
character n-gram model of Latin names, and a word the name tables list reads
first as its usual spelling. :func:`lattice_readings` gives the lattice's own
ranking.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import Any

from aliaskit._arabic import as_hebrew
from aliaskit._hebrew_letters import LetterTable as LetterTable
from aliaskit._hebrew_letters import Option, Unit, word_units
from aliaskit._hebrew_letters import letter_table as letter_table
from aliaskit._hebrew_options import consonant_chars, gap_memo, gap_slack, gapped, options
from aliaskit._reading_prior import known_spellings, rerank, settings

__all__ = ["lattice_readings", "lattice_word_readings", "readings", "word_readings"]

DEFAULT_LIMIT = 16
WORD_CACHE_SIZE = 8192
# Bounds of the exact search (no name comes near them): a longer word is read
# in slices of MAX_WORD_CHARS characters, and a text of more than MAX_WORDS
# words, or the slices of a word, are joined rank by rank (the j-th reading of
# each piece) instead of by a k-best merge, which would copy ever longer
# strings and grow quadratically.
MAX_WORD_CHARS = 64
MAX_WORDS = 16
#: Longest word the prior ranks (no name comes near it): a longer word keeps the
#: lattice's order, so hostile input costs no spelling variants.
PRIOR_MAX_CHARS = 40
_HEBREW_LETTER = re.compile("[\u05d0-\u05ea\ufb1d-\ufb4f]")
_POINTS = re.compile("[\u05b0-\u05bc\u05c1\u05c2\u05c7]")


def _floor(opts: tuple[Option, ...], pos: str) -> int:
    """A lower bound on the cost of any option list :func:`_merge` reads for ``opts``."""
    if not opts:
        return 0
    return opts[0][0] + gap_slack() if pos else opts[0][0]


def _merge(
    rows: Iterator[Option], opts: tuple[Option, ...], pos: str, k: int, floor: int
) -> Iterator[Option]:
    """The ``k`` cheapest distinct ``row + option`` strings, cheapest first, on demand.

    Row ``(cost, text)`` is extended with ``opts``, with a guessed vowel gap
    before them at ``pos`` (if any: :func:`gapped` gives the list, which
    depends on how the row ends). Candidates are popped from a heap in
    (cost, text) order, at most ``4 * k + (number of rows)`` of them. Rows
    come in cost order and no option costs less than ``floor``, so the next
    row is read only once the cheapest candidate left costs at least the last
    row's cost plus ``floor``; ``rows`` (often the previous unit's generator)
    is read no further than that, or than the budget needs.
    """
    push, replace, pop = heapq.heappush, heapq.heapreplace, heapq.heappop
    memo = gap_memo(opts, pos) if pos else None
    by_end = memo.by_end if memo is not None else {}
    consonants = consonant_chars()
    heap: list[tuple[int, str, int, int, tuple[Option, ...], Option]] = []
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
                lst = by_end.get(end) or gapped(memo, pos, end)
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


def _part_kbest(units: Sequence[Unit], k: int, take: int | None = None) -> list[Option]:
    """Best readings of one hyphen-free part; with ``take``, only the first ``take``.

    Units are read lazily (:func:`_merge`): a reading is made only if
    a later unit's reading needs it, so a small ``take`` saves work.
    """
    vocalised = any(u.vowel or (u.key == "ו" and u.dagesh) for u in units)
    if not units:
        return []
    # The first unit's merge with the one empty row would yield its options as they are.
    rows: Iterator[Option] = iter(options(units, 0, vocalised)[0][:k])
    for i in range(1, len(units)):
        opts, pos = options(units, i, vocalised)
        rows = _merge(rows, opts, pos, k, _floor(opts, pos))
    return list(islice(filter(itemgetter(1), rows), k if take is None else take))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_kbest(word: str, k: int, take: int | None = None) -> tuple[Option, ...]:
    """Best readings of one whitespace-free word (hyphenated parts kept).

    With ``take``, only the first ``take`` of the ``k`` are made.
    """
    parts = word_units(word)
    beam: list[Option] = []
    for j, units in enumerate(parts):
        last = take if j == len(parts) - 1 else None
        best = _part_kbest(units, k, last if len(parts) == 1 else None)
        if not best:
            continue
        beam = _join(beam, best, "-", k, last) if beam else best
    return tuple(beam)


def _join(
    beam: Sequence[Option], best: Sequence[Option], sep: str, k: int, take: int | None = None
) -> list[Option]:
    """The ``k`` (or first ``take``) cheapest distinct ``reading + sep + reading``."""
    joined = tuple((c, sep + s) for c, s in best)
    merged = _merge(iter(beam), joined, "", k, joined[0][0])
    return list(islice(merged, k if take is None else take))


def _bounded_word_kbest(word: str, k: int) -> tuple[Option, ...]:
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


def _join_by_rank(pieces: Sequence[Sequence[Option]], k: int, sep: str) -> list[Option]:
    """The j-th reading of every piece joined, for j < k: linear in the output size."""
    found: dict[str, int] = {}
    for j in range(min(k, max(len(p) for p in pieces))):
        chosen = [p[min(j, len(p) - 1)] for p in pieces]
        text = sep.join(s for _, s in chosen)
        found.setdefault(text, sum(c for c, _ in chosen))
    return sorted(((c, s) for s, c in found.items()))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _ranked_word(word: str, k: int) -> tuple[Option, ...]:
    """The ``k`` best readings of one word, ranked with the prior.

    A word of unpointed Hebrew letters, at most PRIOR_MAX_CHARS long (points
    say how a word is read, and Latin letters are kept as written), has its lattice paths and their
    spelling variants re-ranked (:func:`aliaskit._reading_prior.rerank`), its
    usual spellings first if the name tables list it; the scores stay in
    ascending order, so words join as lattice paths do.
    """
    paths = _bounded_word_kbest(word, max(k, settings().lattice_paths))
    if len(word) > PRIOR_MAX_CHARS or not _HEBREW_LETTER.search(word) or _POINTS.search(word):
        return paths[:k]
    ranked = rerank(paths)
    known = known_spellings(word)
    if known:
        top = ranked[0][0] if ranked else 0
        first = tuple((top - len(known) + i, s) for i, s in enumerate(known))
        ranked = first + tuple(o for o in ranked if o[1] not in known)
    return ranked[:k]


def _check(text: Any, limit: Any, what: str) -> int:
    if not isinstance(text, str):
        raise TypeError(f"{what}: text must be a str, not {type(text).__name__}")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"{what}: limit must be an int, not {type(limit).__name__}")
    if limit < 1:
        raise ValueError(f"{what}: limit must be >= 1, got {limit}")
    return max(limit, DEFAULT_LIMIT)


def _one_word(word: Any, limit: Any, what: str) -> tuple[str, int]:
    k = _check(word, limit, what)
    if len(word.split()) > 1:
        raise ValueError(f"{what}: expected one word, got whitespace in {word!r}")
    return as_hebrew(word).strip(), k


def word_readings(word: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """Plausible Latin readings of one Hebrew word, most plausible first (with the prior).

    Hyphen and maqaf are kept as ``-`` between parts. ``word`` must not contain
    whitespace (``ValueError``; use :func:`readings` for full names).

    >>> word_readings("טרופנוב", limit=2)
    ('trofanov', 'trufanov')
    >>> word_readings("משה", limit=2)
    ('moshe', 'mosheh')
    """
    word, k = _one_word(word, limit, "word_readings")
    return tuple(s for _, s in _ranked_word(word, k)[:limit])


def _name_readings(text: str, k: int, limit: int, ranked: bool) -> tuple[str, ...]:
    """Readings of a whole name: the words' k-best lists merged by summed cost."""
    split = as_hebrew(text).split()
    if not ranked and len(split) == 1 and len(split[0]) <= MAX_WORD_CHARS:
        return tuple(s for _, s in _word_kbest(split[0], k, limit)[:limit])
    read = _ranked_word if ranked else _bounded_word_kbest
    words = [b for b in (read(w, k) for w in split) if b]
    if len(words) > MAX_WORDS:
        return tuple(s for _, s in _join_by_rank(words, k, " ")[:limit])
    beam = list(words[0]) if words else []
    for j in range(1, len(words)):
        beam = _join(beam, words[j], " ", k, limit if j == len(words) - 1 else None)
    return tuple(s for _, s in beam[:limit])


def readings(text: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """Plausible Latin readings of a Hebrew (or Arabic) name, most plausible first.

    Readings are lowercase ASCII, words joined by one space; Latin letters and
    digits pass through lowercased, other characters are dropped. Each word's
    readings are ranked with the prior of Latin name spellings (see the
    module docstring); :func:`lattice_readings` gives the lattice's order.

    >>> readings("יצחק רבין", limit=2)
    ('yitzhak rabin', 'yitshak rabin')
    >>> readings("שָׁלוֹם")[0]
    'shalom'
    """
    k = _check(text, limit, "readings")
    return _name_readings(text, k, limit, ranked=True)


def lattice_readings(text: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """The readings of :func:`readings` in the lattice's own order, without the prior.

    >>> lattice_readings("סשה טרופנוב", limit=2)
    ('sasha tropanov', 'sesha tropanov')
    """
    k = _check(text, limit, "lattice_readings")
    return _name_readings(text, k, limit, ranked=False)


def lattice_word_readings(word: str, *, limit: int = DEFAULT_LIMIT) -> tuple[str, ...]:
    """The readings of :func:`word_readings` in the lattice's own order.

    >>> lattice_word_readings("טרופנוב", limit=2)
    ('tropanov', 'trofanov')
    """
    word, k = _one_word(word, limit, "lattice_word_readings")
    return tuple(s for _, s in _word_kbest(word, k, limit)[:limit])
