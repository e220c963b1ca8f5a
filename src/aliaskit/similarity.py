"""Transliteration-aware similarity of two name parts, in any scripts.

The score is the best of three views of the two parts, each computed on
their Latin forms (romanised Cyrillic, read Hebrew):

1. ``exact`` / ``transliteration``: equal after :func:`aliaskit.keys.fold`,
   which absorbs what romanisation systems disagree on (ou/u, kh/h, ye/e,
   w/v, ks/x, -iy/-y, ...). Such a pair scores 0.95.
2. ``fuzzy``: normalised Levenshtein similarity of the folded forms, and of
   the loose folds (b/v, p/f, g/h/k, sibilants, e/i, o/a merged) less
   :data:`LOOSE_PENALTY`. Against a Hebrew reading, a fuzzy match loses
   :data:`FINAL_CONSONANT_PENALTY` when the Hebrew ends in a consonant the
   Latin spelling lacks: Hebrew guesses no consonants, only vowels.
3. ``hebrew_reading``: when one part is Hebrew, agreement of the consonant
   skeletons (Hebrew writes few vowels), scaled by skeleton length.

Substitutions that only romanisation makes therefore cost little, and those
that change the name cost fully: Trupanov ~ Trufanov scores 0.88, Trufanov
~ Tarasov 0.5.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import attrs
import jellyfish

from aliaskit._check import require_str
from aliaskit._edit import damerau_levenshtein, levenshtein
from aliaskit.hebrew_align import align_score, hebrew_extra, hebrew_pair_score
from aliaskit.keys import fold, loose_fold
from aliaskit.latin import ABJAD_READINGS, latin_forms
from aliaskit.stems import (
    LOOSE_SUFFIX_WEIGHT,
    different_formation,
    shared_suffix,
    stem_similarity,
)
from aliaskit.text import normalize

__all__ = ["LOOSE_PENALTY", "PartMatch", "part_similarity", "similarity", "surname_similarity"]

MEMO_LARGE = 1 << 18
LOOSE_PENALTY = 0.12
#: The loose fold is not used for parts shorter than this.
LOOSE_MIN = 4
TRANSLIT_SCORE = 0.95
#: The most two surnames score that are one stem with suffixes of two
#: formations (Parkhomenko and Parkhomchuk: see :mod:`aliaskit.stems`).
DIFFERENT_FORMATION = 0.5
#: A fuzzy match of a Latin spelling with a Hebrew reading loses this much
#: when the Hebrew ends in a consonant the Latin lacks (Roome and רומר).
FINAL_CONSONANT_PENALTY = 0.1
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
    return 1.0 - levenshtein(a, b) / longest


def _lev_sim_over(a: str, b: str, best: float, penalty: float) -> float | None:
    """``_lev_sim(a, b) - penalty``, or None when it cannot exceed ``best``.

    The edit distance is at least the length gap, which bounds the similarity
    without computing it.
    """
    la, lb = len(a), len(b)
    longest = la if la > lb else lb
    bound = 1.0 - abs(la - lb) / longest if longest else 1.0
    if bound - penalty <= best:
        return None
    if a == b:
        return 1.0 - penalty
    return 1.0 - _typo_distance(a, b) / longest - penalty


def _typo_distance(a: str, b: str) -> int:
    """Levenshtein distance, except that one swap of two neighbouring letters
    (Donlad, Macron ~ Marcon) counts as one slip, as Damerau counted it.

    Only a lone swap: with other edits beside it, a swap is as likely a
    different name (Krasov ~ Karson).
    """
    distance = levenshtein(a, b)
    if distance == 2 and len(a) == len(b) and damerau_levenshtein(a, b) == 1:
        return 1
    return distance


class _Forms:
    """The comparable forms of one part, computed once per token (read-only)."""

    __slots__ = ("fold_set", "folds", "hebrew", "method")

    def __init__(self, method: str, folds: tuple[str, ...], hebrew: bool) -> None:
        self.method = method
        self.folds = folds
        self.hebrew = hebrew
        self.fold_set = frozenset(folds) - {""}  # the non-empty folds


@lru_cache(maxsize=MEMO_LARGE)
def _forms(token: str) -> _Forms:
    latin = latin_forms(token)
    folds = tuple(dict.fromkeys(fold(f) for f in latin.forms))
    return _Forms(latin.method, folds, latin.method in ABJAD_READINGS)


@lru_cache(maxsize=MEMO_LARGE)
def _loose(token: str) -> tuple[str, ...]:
    """The loose folds of a part's first Latin forms (needed only by fuzzy matches)."""
    return tuple(dict.fromkeys(loose_fold(f) for f in latin_forms(token).forms[:3]))


def _skeleton_score(a: str, x: _Forms, b: str, y: _Forms) -> float:
    """Consonant agreement, for pairs with a Hebrew part (Hebrew writes few vowels).

    Two Hebrew parts agree when their skeleton keys meet; a Hebrew part and a
    Latin spelling are aligned consonant by consonant
    (:func:`aliaskit.hebrew_align.align_score`), and the result is capped by
    the number of consonants it rests on.
    """
    if x.hebrew and y.hebrew:
        score, size = hebrew_pair_score(a, b)
        return score * score * _SKELETON_SCORE[min(size, 4)]
    hebrew = a if x.hebrew else b
    best = 0.0
    for form in latin_forms(b if x.hebrew else a).forms[:2]:
        score, size = align_score(hebrew, form)
        # Squared: one consonant in four wrong is a different name more often
        # than a spelling variant.
        best = max(best, score * score * _SKELETON_SCORE[min(size, 4)])
    return best


def _suffix_rule(fx: str, fy: str, sim: float, *, loose: bool) -> tuple[float, str]:
    """``sim`` of two different folded surnames, bounded by their suffixes, with a note.

    One stem with suffixes of two formations is two surnames; two stems
    before one shared suffix score as the stems do (:mod:`aliaskit.stems`).
    """
    pair = different_formation(fx, fy, loose=loose)
    if pair is not None:
        return min(sim, DIFFERENT_FORMATION), f", one stem with -{pair[0]} and -{pair[1]}"
    suffix = shared_suffix(fx, fy, loose=loose)
    if not suffix:
        return sim, ""
    if loose:
        stem = stem_similarity(fx, fy, suffix, weight=LOOSE_SUFFIX_WEIGHT) - LOOSE_PENALTY
    else:
        stem = stem_similarity(fx, fy, suffix)
    return min(sim, stem), f", stems before shared -{suffix}"


def _fuzzy(a: str, x: _Forms, b: str, y: _Forms, *, stems: bool = False) -> tuple[float, str]:
    """Best edit-distance similarity of the folds, then of the loose folds (penalised).

    With ``stems``, two forms that end in one surname suffix score no more
    than their stems do (:mod:`aliaskit.stems`); that is never above the
    whole words' similarity, so the length bound still prunes.
    """
    best, detail = 0.0, ""
    for fx in x.folds[:3]:
        for fy in y.folds[:3]:
            sim = _lev_sim_over(fx, fy, best, 0.0)
            if sim is None or sim <= best:
                continue  # the suffix rule only lowers a score: this pair cannot win
            note = ""
            if stems and fx != fy:
                sim, note = _suffix_rule(fx, fy, sim, loose=False)
            if sim > best:
                best, detail = sim, f"{fx}~{fy}{note}"
    loose_y = _loose(b)
    for lx in _loose(a):
        for ly in loose_y:
            if min(len(lx), len(ly)) < LOOSE_MIN:
                continue  # Mo and Ma are different names
            sim = _lev_sim_over(lx, ly, best, LOOSE_PENALTY)
            if sim is None or sim <= best:
                continue
            note = ""
            if stems and lx != ly:
                sim, note = _suffix_rule(lx, ly, sim, loose=True)
            if sim > best:
                best, detail = sim, f"loose {lx}~{ly}{note}"
    return best, detail


@lru_cache(maxsize=MEMO_LARGE)
def _part_match(a: str, b: str) -> PartMatch:
    if a == b:
        return PartMatch(1.0, "exact")
    x, y = _forms(a), _forms(b)
    hebrew = x.hebrew or y.hebrew
    # Hebrew, or Arabic read through Hebrew letters: the rule says which.
    via = (x.method if x.hebrew else y.method) if hebrew else "transliteration"
    shared = x.fold_set & y.fold_set
    if shared:
        rank = min(x.folds.index(f) + y.folds.index(f) for f in shared)
        penalty = 0.01 * rank if hebrew else 0.0
        method = x.method if x.method != "native" else y.method
        return PartMatch(TRANSLIT_SCORE - penalty, via, f"{method}: {min(shared)}")
    rule = "fuzzy"
    # Two Hebrew spellings are compared letter by letter, not by guessed readings.
    best, detail = (0.0, "") if x.hebrew and y.hebrew else _fuzzy(a, x, b, y)
    if hebrew:
        sim = _skeleton_score(a, x, b, y)
        # The final-consonant penalty matters only when the fuzzy score wins.
        mixed = x.hebrew != y.hebrew
        if mixed and 0.0 < best >= sim and hebrew_extra(*((a, b) if x.hebrew else (b, a))):
            best -= FINAL_CONSONANT_PENALTY
            detail += ", Hebrew final consonant unmatched"
        if sim > best:
            best, rule, detail = sim, via, "consonant skeleton"
    return PartMatch(round(max(best, 0.0), 4), rule, detail)


def part_similarity(a: str, b: str) -> PartMatch:
    """Similarity of two normalised name parts, with the rule that fired.

    Symmetric, 1.0 on identical parts, in [0, 1].

    >>> part_similarity("trufanov", "труфанов").rule
    'transliteration'
    >>> part_similarity("trupanov", "trufanov").score > 0.85
    True
    >>> part_similarity("trufanov", "tarasov").score < 0.6
    True
    """
    return _part_match(a, b) if a <= b else _part_match(b, a)


@lru_cache(maxsize=MEMO_LARGE)
def _surname_match(a: str, b: str) -> PartMatch:
    if a == b:
        return _part_match(a, b)
    x, y = _forms(a), _forms(b)
    if x.hebrew or y.hebrew or x.fold_set & y.fold_set:
        # Not a plain fuzzy match (Hebrew readings guess the vowels: their
        # stems are not firm): as part_similarity gives it.
        return _part_match(a, b)
    # _part_match would be a plain fuzzy match: the stems decide instead.
    best, detail = _fuzzy(a, x, b, y, stems=True)
    return PartMatch(round(max(best, 0.0), 4), "fuzzy", detail)


def surname_similarity(a: str, b: str) -> PartMatch:
    """:func:`part_similarity` for two surnames: a shared suffix is not agreement.

    Surnames that end in one productive suffix (-enko, -chuk, -ov, -skiy,
    -shvili, -man, -berg: see :mod:`aliaskit.stems`) are fuzzy-matched by the
    stems before it, so one letter wrong in a short stem costs what it should.
    Exact, transliteration and Hebrew-reading matches are as
    :func:`part_similarity` gives them.

    >>> part_similarity("sanchenko", "zoshchenko").score
    0.755
    >>> surname_similarity("sanchenko", "zoshchenko").score
    0.5467
    >>> surname_similarity("trupanov", "trufanov").score
    0.88
    """
    return _surname_match(a, b) if a <= b else _surname_match(b, a)


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

    >>> similarity("Troufanov", "Трупанов") > 0.85
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
