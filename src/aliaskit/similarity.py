"""Transliteration-aware similarity of two name parts, in any scripts.

The score is the best of three views of the two parts, each computed on
their Latin forms (romanised Cyrillic, read Hebrew):

1. ``exact`` / ``transliteration``: equal after :func:`aliaskit.keys.fold`,
   which absorbs what romanisation systems disagree on (ou/u, kh/h, ye/e,
   w/v, ks/x, -iy/-y, ...). Such a pair scores 0.95.
2. ``fuzzy``: normalised Levenshtein similarity of the folded forms, and of
   the loose folds (b/v, p/f, g/h/k, sibilants, e/i, o/a merged) less
   :data:`LOOSE_PENALTY`.
3. ``hebrew_reading``: when one part is Hebrew, agreement of the consonant
   skeletons (Hebrew writes few vowels), scaled by skeleton length.

Substitutions that only romanisation makes therefore cost little, and those
that change the name cost fully: Trupanov ~ Trufanov scores 0.92, Trufanov
~ Tarasov 0.5.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import attrs
import jellyfish

from aliaskit._check import require_str
from aliaskit.keys import fold, latin_skeletons, loose_fold, skeleton_keys
from aliaskit.latin import latin_forms
from aliaskit.text import normalize

__all__ = ["LOOSE_PENALTY", "PartMatch", "part_similarity", "similarity"]

MEMO_LARGE = 1 << 18
LOOSE_PENALTY = 0.08
TRANSLIT_SCORE = 0.95
#: Skeleton agreement with a Hebrew part, by skeleton length (1, 2, 3, 4+).
_SKELETON_SCORE = (0.0, 0.6, 0.78, 0.86, 0.9)


@attrs.frozen
class PartMatch:
    """Similarity of two parts and the rule that produced it."""

    score: float
    rule: str
    detail: str = ""


def _lev_sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    if not longest:
        return 0.0
    return 1.0 - jellyfish.levenshtein_distance(a, b) / longest


def _skeleton_score(hebrew: str, other_forms: tuple[str, ...]) -> float:
    keys = skeleton_keys(hebrew)
    other: set[str] = set()
    for form in other_forms:
        other |= latin_skeletons(form)
    shared = keys & other
    if not shared:
        return 0.0
    length = max(len(k) for k in shared)
    return _SKELETON_SCORE[min(length, 4)]


def _hebrew_vs(a: str, a_forms: tuple[str, ...], b: str, b_forms: tuple[str, ...]) -> float:
    """Skeleton view for pairs where at least one part is Hebrew."""
    a_heb = any("\u05d0" <= ch <= "\u05ea" for ch in a)
    b_heb = any("\u05d0" <= ch <= "\u05ea" for ch in b)
    if a_heb and b_heb:
        return 0.9 if skeleton_keys(a) & skeleton_keys(b) else 0.0
    if a_heb:
        return _skeleton_score(a, b_forms)
    if b_heb:
        return _skeleton_score(b, a_forms)
    return 0.0


@lru_cache(maxsize=MEMO_LARGE)
def _part_match(a: str, b: str) -> PartMatch:
    if a == b:
        return PartMatch(1.0, "exact")
    la, lb = latin_forms(a), latin_forms(b)
    fa = [fold(f) for f in la.forms]
    fb = [fold(f) for f in lb.forms]
    via = "hebrew_reading" if "hebrew_reading" in (la.method, lb.method) else "transliteration"
    method = la.method if la.method != "native" else lb.method
    for i, x in enumerate(fa):
        for j, y in enumerate(fb):
            if x == y and x:
                penalty = 0.01 * (i + j) if via == "hebrew_reading" else 0.0
                return PartMatch(TRANSLIT_SCORE - penalty, via, f"{method}: {x}")
    best, rule, detail = 0.0, "fuzzy", ""
    for x in fa[:3]:
        for y in fb[:3]:
            s = _lev_sim(x, y)
            if s > best:
                best, detail = s, f"{x}~{y}"
            s = _lev_sim(loose_fold(x), loose_fold(y)) - LOOSE_PENALTY
            if s > best:
                best, detail = s, f"loose {loose_fold(x)}~{loose_fold(y)}"
    if via == "hebrew_reading":
        s = _hebrew_vs(a, la.forms, b, lb.forms)
        if s > best:
            best, rule, detail = s, "hebrew_reading", "consonant skeleton"
    return PartMatch(round(max(best, 0.0), 4), rule, detail)


def part_similarity(a: str, b: str) -> PartMatch:
    """Similarity of two normalised name parts, with the rule that fired.

    Symmetric, 1.0 on identical parts, in [0, 1].

    >>> part_similarity("trufanov", "труфанов").rule
    'transliteration'
    >>> part_similarity("trupanov", "trufanov").score > 0.9
    True
    >>> part_similarity("trufanov", "tarasov").score < 0.6
    True
    """
    return _part_match(a, b) if a <= b else _part_match(b, a)


Scorer = Callable[[str, str], float]


def _aliaskit(a: str, b: str) -> float:
    return part_similarity(a, b).score


def _jaro_winkler(a: str, b: str) -> float:
    return float(jellyfish.jaro_winkler_similarity(a, b))


def _levenshtein(a: str, b: str) -> float:
    return _lev_sim(a, b)


SCORERS: dict[str, Scorer] = {
    "aliaskit": _aliaskit,
    "jaro_winkler": _jaro_winkler,
    "levenshtein": _levenshtein,
}


def similarity(a: str, b: str, *, scorer: str | Scorer = "aliaskit") -> float:
    """Similarity in [0, 1] of two name parts under a named or given scorer.

    The inputs are normalised first. Any callable ``(str, str) -> float`` is
    accepted as ``scorer``.

    >>> similarity("Troufanov", "Трупанов") > 0.9
    True
    >>> similarity("Trufanov", "Trufanow", scorer="levenshtein")
    0.875
    """
    require_str(a, "a")
    require_str(b, "b")
    if callable(scorer):
        fn = scorer
    elif scorer in SCORERS:
        fn = SCORERS[scorer]
    else:
        raise ValueError(f"unknown scorer {scorer!r}; known scorers: {', '.join(sorted(SCORERS))}")
    return max(0.0, min(1.0, float(fn(normalize(a), normalize(b)))))
