"""Arabic script: folded when a name is normalised, read through Hebrew letters.

Arabic and Hebrew are both abjads: they write consonants and a few vowel
letters (ا و ي, א ו י) and leave the short vowels out. aliaskit reads an
Arabic name the way it reads a Hebrew one: each Arabic letter is written as
the Hebrew letter of the same sound (``data/arabic_letters.toml``, after the
Academy of the Hebrew Language's rules for transcribing Arabic), and the
Hebrew reader gives its Latin readings (:func:`aliaskit.readings`), consonant
classes and skeleton keys. So *موسى أبو مرزوق* meets *Musa Abu Marzuk* and
*מוסא אבו מרזוק* by the same rules that match Hebrew to Latin.

Normalisation (:func:`fold_arabic`, called by :func:`aliaskit.normalize`)
removes harakat and tatweel, folds the hamza seats and madda on alef to a
bare alef, ta marbuta to ha, and Persian yeh, keheh and heh to the Arabic
letters, and writes Arabic-Indic digits as ASCII digits. The article *al-*
written on a word (البشير) is set off with a hyphen (ال-بشير), as Latin
writes *al-Bashir*, so the parser reads it as a particle. Only the bare
alef of the article counts: أ and إ start a name (ألبرت Albert, إلياس Elias).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import attrs

__all__ = ["ArabicTable", "arabic_table", "as_hebrew", "fold_arabic", "has_arabic"]

MEMO_LARGE = 1 << 16
#: Letters an attached article must leave for the rest to be read as a word
#: (الله, Allah, is one word; البشير is al-Bashir).
ARTICLE_MIN_REST = 3
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]")
# The presentation forms, which NFKC reads as the letters.
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ARTICLE = re.compile(f"(?<![\\w'-])\u0627\u0644(?=\\w{{{ARTICLE_MIN_REST}}})")
_HEBREW_FINALS = str.maketrans("כמנפצ", "ךםןףץ")
# A word's first alef with a hamza or madda before lam, kept through the fold
# by standing in a private-use character for it.
_HAMZA_LAM = re.compile("(?<![\\w'-])[\u0623\u0625\u0622](?=\u0644)")
_KEEP = {"\u0623": "\ue000", "\u0625": "\ue001", "\u0622": "\ue002"}
_RESTORE = str.maketrans({v: k for k, v in _KEEP.items()})


@attrs.frozen
class ArabicTable:
    """The folds, removals and Hebrew letters of ``data/arabic_letters.toml``."""

    removed: dict[int, str]
    fold: dict[int, str]
    hebrew: dict[str, str]
    digraphs: dict[str, str]
    samples: dict[str, str]
    source: str


@cache
def arabic_table() -> ArabicTable:
    """The Arabic letter table, read once."""
    text = files("aliaskit").joinpath("data/arabic_letters.toml").read_text("utf-8")
    raw: dict[str, Any] = tomllib.loads(text)
    return ArabicTable(
        removed={ord(ch): "" for ch in raw["removed"]},
        fold={ord(ch): to for ch, to in raw["folds"].items()},
        hebrew=dict(raw["hebrew"]),
        digraphs=dict(raw["digraphs"]),
        samples=dict(raw["samples"]),
        source=str(raw["source"]),
    )


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds a letter or mark of the Arabic blocks.

    >>> has_arabic("Musa موسى"), has_arabic("Musa")
    (True, False)
    """
    return _ARABIC.search(text) is not None


def fold_arabic(text: str) -> str:
    """Arabic letters folded for comparison (see the module docstring).

    >>> fold_arabic("أَبُو مَرْزُوق")
    'ابو مرزوق'
    >>> fold_arabic("عمر البشير"), fold_arabic("ألبرت"), fold_arabic("أحمد")
    ('عمر ال-بشير', 'ألبرت', 'احمد')

    A hamza or madda on a word's first alef before lam is kept (ألبرت,
    إلياس, آل): folded, it would read as the article the next time the text
    is normalised, and normalisation must give the same text again.
    """
    if not has_arabic(text):
        return text
    table = arabic_table()
    text = _ARTICLE.sub("\u0627\u0644-", text.translate(table.removed))
    if _HAMZA_LAM.search(text) is None:
        return text.translate(table.fold)
    kept = _HAMZA_LAM.sub(lambda m: _KEEP[m.group()], text)
    return kept.translate(table.fold).translate(_RESTORE)


@lru_cache(maxsize=MEMO_LARGE)
def as_hebrew(token: str) -> str:
    """A token with its Arabic letters folded and written in Hebrew letters.

    Other characters are kept; a Hebrew final form ends each word.

    >>> as_hebrew("موسى"), as_hebrew("ال-حسن")
    ('מוסא', 'אל-חסן')
    >>> as_hebrew("Musa")
    'Musa'
    """
    if not has_arabic(token):
        return token
    table = arabic_table()
    if _PRESENTATION.search(token):
        token = unicodedata.normalize("NFKC", token)
    token = fold_arabic(token).translate(table.fold)  # the kept hamza too
    for pair, letters in table.digraphs.items():
        token = token.replace(pair, letters)
    out = "".join(table.hebrew.get(ch, ch) for ch in token)
    return _finals(out)


def _finals(text: str) -> str:
    """Hebrew final forms at the end of each word or hyphenated piece (before
    a dagesh or geresh, as in ףּ and ץ׳)."""
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in "כמנפצ":
            continue
        j = i + 1
        while j < len(chars) and ("\u0591" <= chars[j] <= "\u05c7" or chars[j] == "'"):
            j += 1  # a dagesh or a geresh
        if j == len(chars) or not "\u05d0" <= chars[j] <= "\u05ea":
            chars[i] = ch.translate(_HEBREW_FINALS)
    return "".join(chars)
