"""The patronymic rung: two patronymics, as words and by the father's name behind them.

Ivanovich and Ivanovitch are one word up to spelling; Nikolaevich and
Mykolayovych are patronymics of one name (Nikolai, Mykola) in two languages;
Ivanovich and Viktorovich are a conflict.
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from aliaskit.compare._scale import HYPOCORISM_SCORE, MEMO_LARGE, SAME_WORD
from aliaskit.compare._tokens import name_groups, shared_group
from aliaskit.similarity import part_similarity

#: Below this score two patronymics are a conflict.
DIFFERENT_PATRONYMIC = 0.8
#: The shortest father's name stem left when a patronymic suffix is stripped.
FATHER_STEM_MIN = 2


@attrs.frozen
class PatronymicVerdict:
    """Two patronymics: the score, the rule that fired, its detail, and the
    conflict they show (None: no evidence of two people)."""

    score: float
    rule: str
    detail: str
    conflict: str | None


# Patronymic suffixes (longest first), Latin and Cyrillic, Russian, Ukrainian
# and Belarusian; stripping one leaves the father's name stem.
_PATRONYMIC_SUFFIXES = tuple(
    sorted(
        [
            "ovich",
            "ovych",
            # French, German and Dutch spellings of -ovich/-evich and -ovna/-evna.
            "ovitch",
            "evitch",
            "owitsch",
            "ewitsch",
            "ovitsj",
            "evitsj",
            "owna",
            "ewna",
            "evich",
            "evych",
            "ievich",
            "iyovych",
            "yovych",
            "ovna",
            "evna",
            "ivna",
            "yivna",
            "ichna",
            "ich",
            "avich",
            "avič",
            "evič",
            "avič",
            "aŭna",
            "eŭna",
            "auna",
            "euna",
            "ouna",
            "ovič",
            "ович",
            "евич",
            "ьевич",
            "ьович",
            "йович",
            "овна",
            "евна",
            "івна",
            "ївна",
            "ична",
            "ич",
            "авіч",
            "евіч",
            "аўна",
            "еўна",
            "оўна",
        ],
        key=len,
        reverse=True,
    )
)
# Endings a father's name may have lost in the patronymic (Nikola-evich <- Nikolai).
_FATHER_ENDINGS = ("", "i", "y", "a", "iy", "й", "ь", "а", "ий", "o", "о")


@lru_cache(maxsize=MEMO_LARGE)
def fathers(patronymic: str) -> tuple[str, ...]:
    """Plausible spellings of the father's given name behind a patronymic.

    >>> "nikolai" in fathers("nikolaevich"), "mykola" in fathers("mykolayovych")
    (True, True)
    """
    for suffix in _PATRONYMIC_SUFFIXES:
        if patronymic.endswith(suffix) and len(patronymic) - len(suffix) >= FATHER_STEM_MIN:
            stem = patronymic[: -len(suffix)]
            stems = {stem, stem.rstrip("yiйь")}
            return tuple(sorted({s + e for s in stems for e in _FATHER_ENDINGS}))
    return (patronymic,)


@lru_cache(maxsize=MEMO_LARGE)
def father_groups(patronymic: str) -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """The name groups of each of :func:`fathers`, in order, and all of them together."""
    groups = tuple(name_groups(f) for f in fathers(patronymic))
    return groups, frozenset().union(*groups)


def _verdict(score: float, rule: str, detail: str) -> PatronymicVerdict:
    conflict = "conflicting patronymic" if score < DIFFERENT_PATRONYMIC else None
    return PatronymicVerdict(score, rule, detail, conflict)


@lru_cache(maxsize=MEMO_LARGE)
def _patronymic_verdict(x: str, y: str) -> PatronymicVerdict:
    """The verdict on two patronymics (in canonical order): as words, and by the father's name."""
    match = part_similarity(x, y)
    if match.score >= SAME_WORD:
        return _verdict(match.score, match.rule, match.detail)
    fx, fy = fathers(x), fathers(y)
    groups_x, any_x = father_groups(x)
    groups_y, any_y = father_groups(y)
    if not any_x.isdisjoint(any_y):  # else no father's name of x shares a group with y's
        for groups_a in groups_x:
            if groups_a.isdisjoint(any_y):
                continue
            for groups_b in groups_y:
                group = shared_group(groups_a, groups_b)
                if group:
                    return _verdict(HYPOCORISM_SCORE, "patronymic_of_same_name", group)
    stem = part_similarity(fx[0], fy[0]) if fx[0] != x or fy[0] != y else match
    if stem.score > match.score:
        return _verdict(stem.score, stem.rule, f"father's name {stem.detail}")
    return _verdict(match.score, match.rule, match.detail)


def patronymic_verdict(x: str, y: str) -> PatronymicVerdict:
    """The verdict on two patronymics, in either order."""
    return _patronymic_verdict(x, y) if x <= y else _patronymic_verdict(y, x)
