"""Latin forms of a name part in any script.

A Latin part is its own Latin form. A Cyrillic part is romanised with the
default scheme of its detected language. A Hebrew part has several plausible
readings, best first. Anything else (Greek, Arabic, CJK, ...) falls back to
unidecode, and :func:`latin_forms` says so through ``method``.
"""

from __future__ import annotations

from functools import lru_cache

import attrs
from unidecode import unidecode

from aliaskit.keys import hebrew_skeletons, latin_skeletons
from aliaskit.text import detect_script

__all__ = ["HEBREW_READINGS", "LatinForms", "latin_forms", "part_keys"]

MEMO_LARGE = 1 << 17
#: How many Hebrew readings of one part take part in comparison and keys.
HEBREW_READINGS = 6


@attrs.frozen
class LatinForms:
    """The Latin spellings of one name part, best first, and how they were made.

    ``method`` is ``"native"`` (already Latin), ``"transliteration"``
    (Cyrillic through a scheme), ``"hebrew_reading"`` or ``"unidecode"``
    (a script aliaskit does not handle natively).
    """

    script: str
    method: str
    forms: tuple[str, ...]


def _cyrillic(token: str) -> tuple[str, ...]:
    from aliaskit.translit import transliterate

    return (transliterate(token).lower().replace("·", ""),)


def _hebrew(token: str) -> tuple[str, ...]:
    from aliaskit.hebrew import readings

    return readings(token, limit=HEBREW_READINGS) or (token,)


def _latin_variants(token: str) -> tuple[str, ...]:
    """The token and its reading with German/Hebrew-style ``ch`` for х."""
    if "ch" in token and "sch" not in token and "tch" not in token:
        return (token, token.replace("ch", "kh"))
    return (token,)


@lru_cache(maxsize=MEMO_LARGE)
def latin_forms(token: str) -> LatinForms:
    """Latin spellings of one normalised name part.

    >>> latin_forms("труфанов").forms
    ('trufanov',)
    >>> latin_forms("trufanov").method
    'native'
    """
    script = detect_script(token)
    if script in ("Latn", "Zyyy"):
        return LatinForms(script, "native", _latin_variants(token))
    if script == "Cyrl":
        return LatinForms(script, "transliteration", _cyrillic(token))
    if script == "Hebr":
        return LatinForms(script, "hebrew_reading", _hebrew(token))
    return LatinForms(script, "unidecode", (unidecode(token).lower(),))


@lru_cache(maxsize=MEMO_LARGE)
def part_keys(token: str) -> frozenset[str]:
    """Cross-script skeleton keys of one name part (hyphens ignored).

    Hebrew is keyed from its letters; other scripts through their Latin forms.

    >>> part_keys("труфанов") & part_keys("טרופנוב")
    frozenset({'TRPNB'})
    """
    token = token.replace("-", "")
    if detect_script(token) == "Hebr":
        return hebrew_skeletons(token)
    keys: set[str] = set()
    for form in latin_forms(token).forms[:2]:
        keys |= latin_skeletons(form)
    return frozenset(keys)
