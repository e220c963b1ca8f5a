"""Latin forms of a name part in any script.

A Latin part is its own Latin form. A Cyrillic part is romanised with the
default scheme of its detected language. A Hebrew or Arabic part has several
plausible readings, best first; a known Arabic given name's usual spelling
comes first (:func:`aliaskit.knowledge.usual_spelling`: محمد Muhammad).
Anything else (Greek, CJK, ...) falls back to unidecode, and
:func:`latin_forms` says so through ``method``.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

import attrs
from unidecode import unidecode

from aliaskit.belarusian import latin_russian_reading, russian_reading
from aliaskit.keys import hebrew_skeletons, latin_skeletons
from aliaskit.spoken import spoken_readings
from aliaskit.text import detect_script, normalize

__all__ = [
    "ABJAD_READINGS",
    "HEBREW_READINGS",
    "LatinForms",
    "UnromanisedScriptWarning",
    "latin_forms",
    "latin_spellings",
    "part_keys",
    "romanize",
]

MEMO_LARGE = 1 << 17
_YO = re.compile(r"(?<=[bcdfgklmnprstvwxz])[yj]o")
#: How many Hebrew readings of one part take part in comparison and keys.
HEBREW_READINGS = 6
#: The methods of parts read through the Hebrew reader: Hebrew, and Arabic
#: written in Hebrew letters (see :mod:`aliaskit._arabic`).
ABJAD_READINGS = frozenset({"hebrew_reading", "arabic_reading"})


@attrs.frozen
class LatinForms:
    """The Latin spellings of one name part, best first, and how they were made.

    ``method`` is ``"native"`` (already Latin), ``"transliteration"``
    (Cyrillic through a scheme), ``"hebrew_reading"``, ``"arabic_reading"``
    (Arabic read as Hebrew letters) or ``"unidecode"``
    (a script aliaskit does not handle natively).
    """

    script: str
    method: str
    forms: tuple[str, ...]


def _cyrillic(token: str) -> tuple[str, ...]:
    """The romanisation of the word's language; for a Belarusian word, also
    that of its Russian reading (Ціханоўская: cichanoŭskaja, tikhanovskaya)."""
    from aliaskit.translit import transliterate

    first = transliterate(token).lower().replace("·", "")
    russian = russian_reading(token)
    if russian is None:
        return (first,)
    second = transliterate(russian).lower().replace("·", "")
    return (first, second) if second != first else (first,)


def _hebrew(token: str) -> tuple[str, ...]:
    # The lattice's order: ranking with the prior of Latin name spellings
    # (aliaskit.readings) lowers Hebrew<->Latin precision on dev and costs time.
    from aliaskit.hebrew import lattice_readings

    return lattice_readings(token, limit=HEBREW_READINGS) or (token,)


def _arabic(token: str) -> tuple[str, ...]:
    """The readings of an Arabic word, its usual Latin spelling first when it
    is a known given name (the readings keep their number)."""
    from aliaskit.knowledge import usual_spelling

    found = _hebrew(token)
    usual = usual_spelling(token)
    if usual is None or found[0] == usual:
        return found
    return (usual, *(r for r in found if r != usual))[: len(found)]


def latin_spellings(token: str) -> tuple[str, ...]:
    """The token and its other readings: German/Hebrew-style ``ch`` for х,
    French-style ``j`` for ж in a spelling with French ``ou`` (Joukov),
    ``yo``/``jo`` after a consonant for ё, which passports and GOST-style
    schemes write ``e`` (Alyoshin, Aljoschin ~ Aleshin), and, for a spelling
    with diacritics, the same letters without them, as text typed without
    them has it (Vučić ~ Vucic), the Russian reading of a Belarusian
    spelling (Piatrou ~ Petrov, see :mod:`aliaskit.belarusian`), and the
    word as its spelling tradition says it (Knight ~ נייט, Huppert ~ הופר,
    Giovanni ~ ג'ובאני, Jiménez ~ חימנס; see :mod:`aliaskit.spoken`).

    >>> latin_spellings("vučić")
    ('vučić', 'vucic', 'vučich')
    >>> latin_spellings("tsikhanouskaya")
    ('tsikhanouskaya', 'tikhanovskaya')
    """
    variants = [token]
    if (russian := latin_russian_reading(token)) is not None:
        variants.append(russian)
    if not token.isascii():
        plain = unidecode(token).lower()
        if plain != token and plain.replace("-", "").replace("'", "").isalpha():
            variants.append(plain)
    if "ch" in token and "sch" not in token and "tch" not in token:
        variants.append(token.replace("ch", "kh"))
    if "j" in token and "ou" in token:
        variants.append(token.replace("j", "zh"))
    if ("yo" in token or "jo" in token) and _YO.search(token):
        variants.append(_YO.sub("e", token))
    variants.extend(spoken_readings(token))
    return tuple(dict.fromkeys(variants))  # a reading may repeat the token or another one


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
        return LatinForms(script, "native", latin_spellings(token))
    if script == "Cyrl":
        return LatinForms(script, "transliteration", _cyrillic(token))
    if script == "Hebr":
        return LatinForms(script, "hebrew_reading", _hebrew(token))
    if script == "Arab":
        return LatinForms(script, "arabic_reading", _arabic(token))
    plain = unidecode(token).lower()
    if not any(ch.isalnum() for ch in plain):
        _warn_unromanised(script, token)
    return LatinForms(script, "unidecode", (plain,))


class UnromanisedScriptWarning(UserWarning):
    """A name is written in a script that aliaskit cannot romanise (given once per script)."""


_WARNED_SCRIPTS: set[str] = set()


def _warn_unromanised(script: str, token: str) -> None:
    """Warn once per script that its letters have no Latin reading."""
    if script in _WARNED_SCRIPTS:
        return
    _WARNED_SCRIPTS.add(script)
    warnings.warn(
        f"aliaskit cannot romanise letters of script {script} (as in {token!r}): "
        "such names match only names written the same way",
        UnromanisedScriptWarning,
        stacklevel=2,
    )


@lru_cache(maxsize=MEMO_LARGE)
def part_keys(token: str) -> frozenset[str]:
    """Cross-script skeleton keys of one name part (hyphens ignored).

    Hebrew is keyed from its letters; other scripts through their Latin forms.

    >>> part_keys("труфанов") & part_keys("טרופנוב")
    frozenset({'TRPNB'})
    """
    token = token.replace("-", "")
    if detect_script(token) in ("Hebr", "Arab"):
        return hebrew_skeletons(token)
    keys: set[str] = set()
    for form in latin_forms(token).forms[:2]:
        keys |= latin_skeletons(form)
    return frozenset(keys)


_METHOD_RANK = {
    "native": 0,
    "transliteration": 1,
    "hebrew_reading": 2,
    "arabic_reading": 2,
    "unidecode": 3,
}


def romanize(text: str) -> LatinForms:
    """The best Latin rendering of a whole name, and how it was made.

    Each word is romanised by its own script: Latin kept, Cyrillic through
    the default scheme of its language, Hebrew and Arabic by their best
    reading, and any other script (Greek, CJK, ...) through unidecode. ``method`` is
    the least exact method any word needed, so a result that relied on the
    unidecode fallback says so.

    >>> romanize("Александр Труфанов")
    LatinForms(script='Cyrl', method='transliteration', forms=('aleksandr trufanov',))
    >>> romanize("موسى أبو مرزوق").method
    'arabic_reading'
    """
    words = normalize(text).split()
    if not words:
        return LatinForms(detect_script(text), "native", ("",))
    found = [latin_forms(w) for w in words]
    method = max((f.method for f in found), key=_METHOD_RANK.__getitem__)
    return LatinForms(detect_script(text), method, (" ".join(f.forms[0] for f in found),))
