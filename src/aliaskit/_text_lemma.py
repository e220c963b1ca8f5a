"""Russian names in oblique cases brought to the nominative, gender kept.

*встреча с Александром Труфановым* names Александр Труфанов, *матери Елены*
names Елена, and *Труфановой* is a woman (Труфанова). Given names and
patronymics, and surnames it knows, are read with ``pymorphy3`` and its
Russian dictionaries (the optional extra ``aliaskit[text]``), imported when
first needed. Surnames it does not know (it reads Труфановым as an
adjective) are brought back by the declension of Russian surnames in -ов,
-ев, -ин and -ский, in the gender and case of the given name before them.

Without ``pymorphy3`` names are left as written, and a warning says once how
to install the extra.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["MorphologyWarning", "given_nominative", "nominative"]

_NAME_TAGS = ("Name", "Patr", "Surn")
_CASES = ("gent", "datv", "accs", "ablt", "loct", "nomn")

# Endings of surnames in -ов/-ев/-ин (stem kept) by gender and case, then -ский.
_OV = {
    "masc": {"nomn": "", "gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"},
    "femn": {"nomn": "а", "gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"},
}
_SKY = {
    "masc": {"nomn": "ий", "gent": "ого", "datv": "ому", "accs": "ого", "ablt": "им", "loct": "ом"},
    "femn": {"nomn": "ая", "gent": "ой", "datv": "ой", "accs": "ую", "ablt": "ой", "loct": "ой"},
}
#: Men's surnames ending in a consonant (Марзук, Херкин after a man's name) decline as nouns.
_CONSONANT = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_OV_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_SKY_STEMS = ("ск", "цк")


class MorphologyWarning(UserWarning):
    """Russian names in oblique cases are left as written: ``pymorphy3`` is not installed."""


def _caller_level() -> int:
    """The stack level of the first frame outside aliaskit (the user's call)."""
    level = 2
    try:
        frame = sys._getframe(2)
    except ValueError:  # compiled callers have no frames: the stack may be this shallow
        return 1
    while frame.f_back is not None and "aliaskit" in frame.f_code.co_filename:
        frame = frame.f_back
        level += 1
    return level


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    try:
        # import_module, not an import statement: compiled, the statement reads
        # sys.modules without the checks of the import system.
        pymorphy3 = importlib.import_module("pymorphy3")
    except ImportError:
        warnings.warn(
            "aliaskit.find_names leaves Russian names in oblique cases as written "
            "(Александром stays Александром): install the extra with "
            "`pip install 'aliaskit[text]'` (pymorphy3 and its Russian dictionaries)",
            MorphologyWarning,
            stacklevel=_caller_level(),
        )
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


def _restore(lemma: str, written: str) -> str:
    """``lemma`` in the letter case of ``written``."""
    if written.isupper() and len(written) > 1:
        return lemma.upper()
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


@lru_cache(maxsize=1 << 14)
def _given(word: str) -> tuple[str, str | None, str | None] | None:
    """A given name's or patronymic's nominative, gender and case, if pymorphy3 knows it."""
    morph = _analyzer()
    if morph is None:
        return None
    for parse in morph.parse(word.lower()):
        known = parse.is_known and parse.tag.number != "plur"
        if known and ("Name" in parse.tag or "Patr" in parse.tag):
            nominative = parse.inflect({"nomn"}) if parse.tag.case != "nomn" else parse
            gender = parse.tag.gender if parse.tag.gender in ("masc", "femn") else None
            return (nominative or parse).word, gender, parse.tag.case
    return None


def given_nominative(word: str) -> str | None:
    """The nominative of a Russian given name or patronymic in any case, if
    pymorphy3 is installed and knows it (Александром: александр)."""
    given = _given(word)
    return None if given is None else given[0]


def _by_rule(word: str, gender: str, case: str) -> str | None:
    """A surname in -ов/-ев/-ин/-ский in ``gender`` and ``case``, to the nominative."""
    low = word.lower()
    for table, stems in ((_OV, _OV_STEMS), (_SKY, _SKY_STEMS)):
        ending = table[gender][case]
        if not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)] if ending else low
        if stem.endswith(stems) and len(stem) >= 4:
            return stem + table[gender]["nomn"]
    ending = _CONSONANT.get(case, "") if gender == "masc" else ""
    if ending and low.endswith(ending) and len(low) - len(ending) >= 3:
        stem = low[: len(low) - len(ending)]
        if stem[-1] in _CONSONANTS:
            return stem
    return None


@lru_cache(maxsize=1 << 14)
def _surname(word: str, gender: str | None, case: str | None) -> str | None:
    """A surname's nominative, in the gender and case of its given name when known."""
    if gender is not None and case is not None and case in _CASES:
        found = _by_rule(word, gender, case)
        if found is not None:
            return found
    morph = _analyzer()
    if morph is None:
        return None
    for parse in morph.parse(word.lower()):
        tag = parse.tag
        if "Surn" not in tag or tag.number == "plur" or not parse.is_known:
            continue
        if gender is not None and tag.gender not in (gender, "ms-f"):
            continue
        if case is not None and tag.case != case:
            continue
        return str((parse.inflect({"nomn"}) or parse).word)
    if gender is None:  # no given name: the surest endings only
        low = word.lower()
        if low.endswith(("овым", "евым", "иным")):
            return low[:-2]
        if low.endswith(("овой", "евой", "иной")):
            return low[:-2] + "а"
    return None


def nominative(words: Sequence[str], case: str | None = None) -> tuple[str, ...]:
    """The Cyrillic words of one name in the nominative (a word it cannot read stays as written).

    The first given name or patronymic sets the gender and case that the
    surnames are read in: Труфановым after Александром is Труфанов, and
    Труфановой after Елены is Труфанова. ``case`` says the case of a surname
    with no given name (the possessor in *мать Труфанова*: ``"gent"``).
    """
    if not words or _analyzer() is None:
        return tuple(words)
    out = list(words)
    gender: str | None = None
    surnames = []
    for k, word in enumerate(words):
        given = _given(word)
        if given is None:
            surnames.append(k)
            continue
        lemma, g, c = given
        out[k] = _restore(lemma, word)
        if gender is None:
            gender, case = g, c
    for k in surnames:
        lemma2 = None
        if gender is None and case is not None:
            lemma2 = _by_rule(words[k], "masc", case) or _by_rule(words[k], "femn", case)
        lemma2 = lemma2 or _surname(words[k], gender, case)
        if lemma2 is not None:
            out[k] = _restore(lemma2, words[k])
    return tuple(out)
