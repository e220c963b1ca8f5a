"""The middle-name rung: a middle name (or initial) on each side that the other lacks.

A middle name present in one name only is neutral (often dropped), as is
one that matches: Mohammad Abbas ~ Muhammad Abbas. Two names that each keep
one the other lacks name different people (Ahmed vs Yahya between the same
given name and surname; in Arabic and Pashto names they are the father's
and grandfather's names).
"""

from __future__ import annotations

from aliaskit.compare._features import Features, GivenId
from aliaskit.compare._given import given_verdict
from aliaskit.compare._surname import SurnameVerdict

#: The conflict this rung reports.
DIFFERENT_MIDDLE = "different middle name"


def middles_conflict(a: Features, b: Features, surname: SurnameVerdict | None) -> str | None:
    """A middle name on each side that the other cannot match, given the
    surname readings the surname verdict chose (see :func:`_middles_differ`)."""
    if not a.middle_ids or not b.middle_ids:
        return None
    sa, sb = (None, None) if surname is None else (surname.a, surname.b)
    if _middles_differ(_free_middles(a, sa), _free_middles(b, sb)):
        return DIFFERENT_MIDDLE
    return None


def _middles_differ(xs: tuple[GivenId, ...], ys: tuple[GivenId, ...]) -> bool:
    """Whether each name keeps a middle name (or initial) that none of the other's matches.

    A last middle name that may be the first half of a compound surname
    (Sagi Dekel Chen) counts too: read either way, the two names differ in it.
    """
    if not xs or not ys:
        return False
    left = list(ys)
    unmatched = False
    for x in xs:
        for k, y in enumerate(left):
            if _middles_match(x[0], y[0]) or given_verdict(x, y).conflict is None:
                del left[k]
                break
        else:
            unmatched = True
    return unmatched and bool(left)


def _middles_match(x: str, y: str) -> bool:
    """Middle names across Hebrew and another script are not told apart.

    They are often second surnames, patronymics or Latin nomina whose Hebrew
    spelling (vowels left out, consonants ambiguous) is too loose to show a
    difference: Pieterszoon ~ פיטרסזון, Aurelius ~ אורליו.
    """
    return _hebrew(x) != _hebrew(y)


def _hebrew(token: str) -> bool:
    """Whether a normalised part is written in Hebrew or Arabic letters (by its
    first letter): Arabic is read through Hebrew letters (:mod:`aliaskit._arabic`)."""
    return "\u0590" <= token[:1] <= "\u06ff"


def _free_middles(f: Features, shown: str | None) -> tuple[GivenId, ...]:
    """The middle names of ``f`` less the one a compound surname reading took (Yar Adua)."""
    if shown is None or not f.surnames or shown == f.surnames[0].shown:
        return f.middle_ids
    return f.middle_ids[:-1]
