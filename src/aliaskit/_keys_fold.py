"""Romanisation-invariant folding of one Latin-script name part (see :mod:`aliaskit.keys`).

:func:`fold` and :func:`loose_fold` give the forms the part similarity
compares; :func:`latin_symbols` gives the intermediate alphabet both folding
and the skeleton keys start from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = [
    "MEMO_LARGE",
    "ascii_letters",
    "fold",
    "latin_symbols",
    "loose_fold",
    "symbols",
    "undouble",
]

MEMO_LARGE = 1 << 17

_PREMAP = str.maketrans(
    {
        "š": "sh",
        "ş": "sh",
        "ŝ": "shch",
        "ś": "s",
        "ș": "sh",
        "ž": "zh",
        "ź": "z",
        "ż": "zh",
        "č": "ch",
        "ć": "ts",
        "ĉ": "ch",
        "ç": "ch",
        "ţ": "ts",
        "ț": "ts",
        "ř": "rzh",
        "ł": "l",
        "ß": "ss",
        "đ": "dj",
        "ŭ": "u",
        "ĭ": "i",
        "ı": "i",
        "ʹ": "",
        "ʺ": "",
        "'": "",
        "’": "",
    }
)

# Digraph rewrites into single class symbols (upper case so they are never
# re-read as letters). Longest alternatives first.
_DIGRAPHS = {
    "schtsch": "S",
    "shtsh": "S",
    "shch": "S",
    "sch": "S",
    "sh": "S",
    "sz": "S",
    "tsch": "C",
    "tch": "C",
    "tsh": "C",
    "ch": "C",
    "cz": "C",
    "dzh": "J",
    "dsch": "J",
    "dj": "J",
    "zh": "Z",
    "kh": "H",
    "ts": "Q",
    "tz": "Q",
    "ph": "f",
    "th": "t",
    "ck": "k",
    "ou": "u",
    "oo": "u",
    "x": "ks",
    "q": "k",
    "w": "v",
    "h": "H",
}
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_SOFT_C = re.compile(r"c(?=[eiy])")
_NON_LETTER = re.compile(r"[^a-zA-Z]")
# Built with chr(): a surrogate in a string literal stops mypyc compiling the module.
_SURROGATES = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
_DOUBLE = re.compile(r"(.)\1+")
_INITIAL_IE = re.compile(r"(^|[aeiou])i(?=e)")


def ascii_letters(token: str) -> str:
    """The lower-case ASCII letters of a spelling, after the premap and unidecode."""
    if isinstance(token, str) and token.isascii():  # unidecode would return it unchanged
        if token.isalpha():  # ASCII letters only: nothing to map or drop
            return token.lower()
        return _NON_LETTER.sub("", token.lower().translate(_PREMAP))
    # Lone surrogates are dropped first: unidecode warns on each one.
    token = _SURROGATES.sub("", token)
    return _NON_LETTER.sub("", unidecode(token.lower().translate(_PREMAP)))


def symbols(token: str) -> str:
    """Rewrite a spelling into lower-case letters plus upper-case digraph symbols."""
    text = ascii_letters(token)
    if text.endswith("ff"):  # final ff is Russian -ov (German -off)
        text = text[:-2] + "v"
    elif text.endswith(("au", "ou")):  # Belarusian -au -ou
        text = text[:-1] + "v"
    if "c" in text:
        text = _SOFT_C.sub("Q", text)
    text = _DIGRAPH_RE.sub(_digraph, text)
    return text.replace("c", "k")


def _digraph(match: re.Match[str]) -> str:
    return _DIGRAPHS[match.group(0)]


def undouble(text: str) -> str:
    """``text`` with each run of one letter cut to one (the search is cheaper than the sub)."""
    return _DOUBLE.sub(r"\1", text) if _DOUBLE.search(text) else text


# Folded alphabet: letters freed by the folding carry the digraph sounds.
_SYMBOL_LETTERS = str.maketrans({"S": "w", "C": "c", "J": "j", "Z": "x", "H": "h", "Q": "q"})


@lru_cache(maxsize=MEMO_LARGE)
def fold(token: str) -> str:
    """Fold one Latin-script name part to its romanisation-invariant form.

    The result is lower-case ASCII in which ``w`` stands for ш/щ, ``x`` for
    ж, ``c`` for ч, ``j`` for дж, ``h`` for х and ``q`` for ц. Non-Latin
    letters are first passed through unidecode; callers that care about
    Cyrillic or Hebrew transliterate before folding.

    >>> fold("Troufanov") == fold("Trufanow") == fold("Trufanov")
    True
    >>> fold("Yelena") == fold("Elena") == fold("Jelena")
    True
    >>> fold("Shcheglova") == fold("Šeglova") == fold("Scheglowa")
    True
    """
    text = undouble(symbols(token).replace("y", "i").replace("j", "i"))
    if "ie" in text:
        text = _INITIAL_IE.sub(r"\1", text)
    if text.endswith("ii"):
        text = text.rstrip("i") + "i"
    return text if text.islower() else text.translate(_SYMBOL_LETTERS)


_LOOSE = str.maketrans(
    {
        "p": "f",
        "b": "v",
        "g": "k",
        "h": "k",
        "z": "s",
        "q": "s",
        "w": "s",
        "x": "s",
        "c": "s",
        "j": "s",
        "y": "i",
        "e": "i",
        "o": "a",
    }
)


@lru_cache(maxsize=MEMO_LARGE)
def loose_fold(token: str) -> str:
    """A coarser fold for cross-language variants: b/v, p/f, g/h/k, all
    sibilants, e/i and o/a are merged (Ukrainian h for g, Belarusian akanye,
    Hebrew b/v and p/f).

    >>> loose_fold("Trupanov") == loose_fold("Trufanov")
    True
    >>> loose_fold("Qadhafi") == loose_fold("Gaddafi")
    True
    """
    text = fold(token)
    if "dh" in text:  # Arabic dh (ð) and Indic aspirated dh are d (Qadhafi, Gandhi)
        text = text.replace("dh", "d")
    return undouble(text.translate(_LOOSE))


def latin_symbols(token: str) -> str:
    """A Latin spelling in fold's intermediate alphabet: lower-case letters,
    with upper-case symbols for digraph sounds (``S`` ш, ``C`` ч, ``J`` дж,
    ``Z`` ж, ``H`` х or h, ``Q`` ц).

    >>> latin_symbols("Shcherbakov")
    'Serbakov'
    """
    return symbols(token)
