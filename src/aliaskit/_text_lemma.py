"""Russian, Ukrainian and Belarusian names in oblique cases brought to the nominative, gender kept.

*встреча с Александром Труфановым* names Александр Труфанов, *матери Елены*
names Елена, and *Труфановой* is a woman (Труфанова); so do Ukrainian
*з Олександром Труфановим* and *Оленою Труфановою*. Given names and
patronymics, and surnames it knows, are read with ``pymorphy3`` and its
Russian and Ukrainian dictionaries (the optional extra ``aliaskit[text]``),
imported when first needed. Surnames it does not know (it reads Труфановым
as an adjective) are brought back by the declension of surnames in -ов,
-ев, -ин and -ский (Ukrainian -ов, -ин, -ський), in the gender and case of
the given name before them. Belarusian has no dictionary for pymorphy3:
its names are read by the rules of :mod:`aliaskit._text_lemma_be`.

The language of a name is the one its letters say
(:func:`aliaskit.translit.cyrillic_language`), or the one the caller gives
(the text around it). Without ``pymorphy3`` (or its Ukrainian dictionary)
Russian (or Ukrainian) names are left as written, and a warning says once
how to install the extra.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from aliaskit._text_lemma_be import be_nominative
from aliaskit.translit import cyrillic_language

__all__ = ["MorphologyWarning", "given_nominative", "name_language", "nominative"]

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
# The same for Ukrainian: -ов/-ев/-ин/-ін (Трофимов, Трофимовим; Труфанова, Труфановою)
# and -ський/-цький (Зеленський, Зеленським; Зеленська, Зеленською). Several
# endings of a case are separated by a space.
_OV_UK = {
    "masc": {"nomn": "", "gent": "а", "datv": "у ові", "accs": "а", "ablt": "им", "loct": "ові і"},
    "femn": {"nomn": "а", "gent": "ої", "datv": "ій", "accs": "у", "ablt": "ою", "loct": "ій"},
}
_SKY_UK = {
    "masc": {
        "nomn": "ий",
        "gent": "ого",
        "datv": "ому",
        "accs": "ого",
        "ablt": "им",
        "loct": "ому ім",
    },
    "femn": {"nomn": "а", "gent": "ої", "datv": "ій", "accs": "у", "ablt": "ою", "loct": "ій"},
}
_CONSONANT_UK = {"gent": "а", "datv": "у ові", "accs": "а", "ablt": "ом", "loct": "і ові у"}
_OV_STEMS_UK = ("ов", "ев", "єв", "ин", "ін", "їн")
_SKY_STEMS_UK = ("ськ", "цьк", "зьк")
_RULES = {
    "ru": (((_OV, _OV_STEMS), (_SKY, _SKY_STEMS)), _CONSONANT),
    "uk": (((_OV_UK, _OV_STEMS_UK), (_SKY_UK, _SKY_STEMS_UK)), _CONSONANT_UK),
}
#: What to install for each language's dictionary.
_DICTIONARY = {"ru": "Russian", "uk": "Ukrainian"}


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


@cache
def _analyzer(lang: str = "ru") -> Any:
    what = _DICTIONARY[lang]
    try:
        # import_module, not an import statement: compiled, the statement reads
        # sys.modules without the checks of the import system.
        pymorphy3 = importlib.import_module("pymorphy3")
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ImportError, ValueError, LookupError, OSError):
        warnings.warn(
            f"aliaskit.find_names leaves {what} names in oblique cases as written "
            "(Александром stays Александром): install the extra with "
            f"`pip install 'aliaskit[text]'` (pymorphy3 and its {what} dictionaries)",
            MorphologyWarning,
            stacklevel=_caller_level(),
        )
        return None


def _parses(morph: Any, word: str) -> list[Any]:
    """pymorphy3's readings of a word; none for a word it fails on (it looks
    up the Unicode name of each letter, and some letters have none)."""
    try:
        return list(morph.parse(word.lower()))
    except ValueError:
        return []


def _restore(lemma: str, written: str) -> str:
    """``lemma`` in the letter case of ``written``."""
    if written.isupper() and len(written) > 1:
        return lemma.upper()
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


@lru_cache(maxsize=1 << 14)
def _given(word: str, lang: str = "ru") -> tuple[str, str | None, str | None] | None:
    """A given name's or patronymic's nominative, gender and case, if pymorphy3 knows it."""
    morph = _analyzer(lang)
    if morph is None:
        return None
    for parse in _parses(morph, word):
        known = parse.is_known and parse.tag.number != "plur"
        if known and ("Name" in parse.tag or "Patr" in parse.tag):
            nominative = parse.inflect({"nomn"}) if parse.tag.case != "nomn" else parse
            gender = str(parse.tag.gender)  # the grammeme compares only with its own values
            gender_kept = gender if gender in ("masc", "femn") else None
            return (nominative or parse).word, gender_kept, str(parse.tag.case)
    return None


def given_nominative(word: str) -> str | None:
    """The nominative of a Russian given name or patronymic in any case, if
    pymorphy3 is installed and knows it (Александром: александр)."""
    given = _given(word)
    return None if given is None else given[0]


def _by_rule(word: str, gender: str, case: str, lang: str = "ru") -> str | None:
    """A surname in -ов/-ев/-ин/-ский in ``gender`` and ``case``, to the nominative."""
    low = word.lower()
    tables, consonant = _RULES[lang]
    for table, stems in tables:
        for ending in table[gender][case].split() or [""]:
            if not low.endswith(ending):
                continue
            stem = low[: len(low) - len(ending)] if ending else low
            if stem.endswith(stems) and len(stem) >= 4:
                return stem + table[gender]["nomn"]
    for ending in consonant.get(case, "").split() if gender == "masc" else ():
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: len(low) - len(ending)]
            if stem[-1] in _CONSONANTS:
                return stem
    return None


@lru_cache(maxsize=1 << 14)
def _surname(word: str, gender: str | None, case: str | None, lang: str = "ru") -> str | None:
    """A surname's nominative, in the gender and case of its given name when known."""
    if gender is not None and case is not None and case in _CASES:
        found = _by_rule(word, gender, case, lang)
        if found is not None:
            return found
    morph = _analyzer(lang)
    if morph is None:
        return None
    for parse in _parses(morph, word):
        tag = parse.tag
        if "Surn" not in tag or tag.number == "plur" or not parse.is_known:
            continue
        if gender is not None and str(tag.gender) not in (gender, "ms-f"):
            continue
        if case is not None and str(tag.case) != case:
            continue
        return str((parse.inflect({"nomn"}) or parse).word)
    if gender is None:  # no given name: the surest endings only
        low = word.lower()
        if low.endswith(("овым", "евым", "иным", "овим", "евим", "иним", "іним")):
            return low[:-2]
        if low.endswith(("овой", "евой", "иной")):
            return low[:-2] + "а"
        if low.endswith(("овою", "евою", "иною", "іною")):
            return low[:-2] + "а"
    return None


@lru_cache(maxsize=1 << 14)
def name_language(name: str) -> str:
    """The language a Cyrillic name's letters say: ``"uk"``, ``"be"``, else ``"ru"``."""
    return cyrillic_language(name) or "ru"


def nominative(
    words: Sequence[str], case: str | None = None, lang: str | None = None
) -> tuple[str, ...]:
    """The Cyrillic words of one name in the nominative (a word it cannot read stays as written).

    The first given name or patronymic sets the gender and case that the
    surnames are read in: Труфановым after Александром is Труфанов, and
    Труфановой after Елены is Труфанова. ``case`` says the case of a surname
    with no given name (the possessor in *мать Труфанова*: ``"gent"``).
    ``lang`` is ``"ru"``, ``"uk"`` or ``"be"``; None reads the name's letters
    (Russian when they say nothing).
    """
    if not words:
        return tuple(words)
    if lang not in ("ru", "uk", "be"):
        lang = name_language(" ".join(words))
    if lang == "be":
        return tuple(
            _restore(read, word) if read != word else word
            for read, word in zip(be_nominative(words, case), words, strict=True)
        )
    if _analyzer(lang) is None:
        return tuple(words)
    out = list(words)
    gender: str | None = None
    surnames = []
    for k, word in enumerate(words):
        given = _given(word, lang)
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
            lemma2 = _by_rule(words[k], "masc", case, lang) or _by_rule(
                words[k], "femn", case, lang
            )
        lemma2 = lemma2 or _surname(words[k], gender, case, lang)
        if lemma2 is not None:
            out[k] = _restore(lemma2, words[k])
    return tuple(out)
