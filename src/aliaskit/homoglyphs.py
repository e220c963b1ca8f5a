"""Repair of Latin/Cyrillic homoglyphs inside words (e.g. "ПIНЧУК" with a Latin I).

Real data often mixes scripts inside one word: Ukrainian і typed as Latin i,
Latin O/B/P in a Cyrillic surname, or a stress mark typed as Latin á.
``repair_homoglyphs`` decides a target script per word and replaces the
look-alike letters of the other script.

Rule for each word (a run of letters and combining marks): count Cyrillic and
Latin letters. If the word can be written entirely in one script by swapping
look-alikes but not in the other, that script wins; otherwise the majority
wins, and a tie leaves the word unchanged. Letters without a look-alike in the
target script are left as they are. Latin i/I become Ukrainian і/І.
"""

from __future__ import annotations

import re

__all__ = ["repair_homoglyphs"]

_ACUTE = "\u0301"

# Latin letter -> Cyrillic look-alike (accented vowels keep the accent as a mark).
_LATIN_TO_CYRILLIC: dict[str, str] = {
    **dict(zip("aAB", "аАВ", strict=True)),
    **dict(zip("CcEeHiIKkMOoPpTXxyYĸ", "СсЕеНіІКкМОоРрТХхуУк", strict=True)),
    "ë": "ё",
    "Ë": "Ё",
    "ï": "ї",
    "Ï": "Ї",
    "á": "а" + _ACUTE,
    "Á": "А" + _ACUTE,
    "é": "е" + _ACUTE,
    "É": "Е" + _ACUTE,
    "ó": "о" + _ACUTE,
    "Ó": "О" + _ACUTE,
    "ý": "у" + _ACUTE,
    "Ý": "У" + _ACUTE,
}

# Cyrillic letter -> Latin look-alike.
_CYRILLIC_TO_LATIN: dict[str, str] = {
    **dict(zip("аАВСсЕеНіІКкМОоРрТХхуУ", "aABCcEeHiIKkMOoPpTXxyY", strict=True)),
    **dict(zip("ѕЅјЈԁһԛԜԝёЁїЇ", "sSjJdhqWwëËïÏ", strict=True)),
}

_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)

_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_CYRILLIC_RE = re.compile("[\u0400-\u052f\u1c80-\u1c8f\ua640-\ua69f]")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")


def _repair_word(match: re.Match[str]) -> str:
    word = match.group()
    cyr = _CYRILLIC_RE.findall(word)
    if not cyr:
        return word
    lat = _LATIN_RE.findall(word)
    if not lat:
        return word
    can_cyr = all(ch in _LATIN_TO_CYRILLIC for ch in lat)
    can_lat = all(ch in _CYRILLIC_TO_LATIN for ch in cyr)
    if can_cyr != can_lat:
        to_cyrillic = can_cyr
    elif len(cyr) != len(lat):
        to_cyrillic = len(cyr) > len(lat)
    else:
        return word
    return word.translate(_TO_CYRILLIC if to_cyrillic else _TO_LATIN)


def repair_homoglyphs(text: str) -> str:
    """Replace look-alike letters so that each word is in a single script.

    >>> repair_homoglyphs("Андрiй Юрiйович ПIНЧУК")
    'Андрій Юрійович ПІНЧУК'
    >>> repair_homoglyphs("Ruslan ROMASHKІN")
    'Ruslan ROMASHKIN'
    """
    if not isinstance(text, str):
        raise TypeError(f"repair_homoglyphs() expects str, got {type(text).__name__}")
    if text.isascii() or not _CYRILLIC_RE.search(text):
        return text
    return _WORD_RE.sub(_repair_word, text)
