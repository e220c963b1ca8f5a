"""Russian readings of Belarusian name forms.

Belarusian and Russian names are parallel native forms, not romanisations
of each other: Ціханоўская ~ Тихановская, Пятроў ~ Петров, Сцяпан ~
Степан. Their spellings differ by a few regular sound correspondences,
which this module undoes to give one extra reading of a Belarusian word,
spelt as Russian would spell it:

* ў (u non-syllabic) after a vowel, where Russian has в: -оў ~ -ов;
* tsekanne and dzekanne: ц and дз before a soft vowel, where Russian has
  т and д (Ціхан ~ Тихон, Дзмітрый ~ Дмитрий);
* yakanne: я after a consonant before the stress, where Russian has е
  (Пятроў ~ Петров, Сяргей ~ Сергей); the stress is not written, so only
  the first such я is read as е;
* і and э, where Russian writes и and е.

Akanye (unstressed о written а: Калеснікава ~ Колесникова) is left to the
loose fold of :mod:`aliaskit.keys`, which reads a and o alike.

A word gets the extra reading only when it is plainly Belarusian, so that
other words keep their one reading: a Cyrillic word with ў, or with і
beside ы or э (as :func:`aliaskit.translit.cyrillic_language` reads
Belarusian; Ukrainian -ець and Russian Казанцев keep their ц). A Latin
spelling (passport style: Tsikhanouskaya, Piatrou, Niakliaeu) needs
-ou/-au/-eu, the usual romanisation of -оў/-аў/-еў, at the end of the word
or before -sk; French -eau is not one, nor are English -ow and Polish
-owski, where w is not ў.

Sources (facts): the Belarusian orthography law of 2008 (Правілы беларускай
арфаграфіі і пунктуацыі), and A. McMillin's and P. Mayo's descriptions of
Belarusian in *The Slavonic Languages* (Comrie and Corbett, 1993).

>>> russian_reading("ціханоўская"), russian_reading("пятроў"), russian_reading("иванов")
('тихановская', 'петров', None)
>>> latin_russian_reading("tsikhanouskaya"), latin_russian_reading("piatrou")
('tikhanovskaya', 'petrov')
"""

from __future__ import annotations

import re

__all__ = ["latin_russian_reading", "russian_reading"]

_SOFT = "іеяюёь"
_CYRL_CONSONANT = "бвгджзйклмнпрстфхцчшщ"
_CYRL_RULES = (
    (re.compile(r"(?<=[аеёіоуыэюя])ў"), "в"),
    (re.compile(f"ц(?=[{_SOFT}])"), "т"),
    (re.compile(f"дз(?=[{_SOFT}])"), "д"),
    (re.compile("ў"), "у"),  # ў elsewhere (after a consonant, rare) is a u
)
_CYRL_YA = re.compile(f"(?<=[{_CYRL_CONSONANT}])я(?=[{_CYRL_CONSONANT}])")
_CYRL_LETTERS = str.maketrans({"і": "и", "э": "е"})

_LATIN_TRAIT = re.compile(r"(?:(?<!e)a|o|e)[uŭ](?:$|sk)")
_LATIN_CONSONANT = "bcdfghklmnprstvz"
_LATIN_RULES = (
    (re.compile(r"(?<=[aeiouy])[uŭ](?=[^aeiouy]|$)"), "v"),
    (re.compile(r"ts(?=i)"), "t"),
    (re.compile(r"dz(?=i)"), "d"),
)
_LATIN_C = re.compile(r"c(?!h)")
_LATIN_YA = re.compile(f"(?<=[{_LATIN_CONSONANT}])[iy]a(?=[{_LATIN_CONSONANT}])")


def russian_reading(token: str) -> str | None:
    """The Russian spelling of a lower-case Belarusian Cyrillic word, or None
    when the word shows no Belarusian trait (or reads the same)."""
    if "ў" not in token and ("і" not in token or ("ы" not in token and "э" not in token)):
        return None
    out = token
    for pattern, repl in _CYRL_RULES:
        out = pattern.sub(repl, out)
    out = _CYRL_YA.sub("е", out, count=1).translate(_CYRL_LETTERS)
    return out if out != token else None


def latin_russian_reading(token: str) -> str | None:
    """The Russian-style romanisation of a lower-case Latin spelling of a
    Belarusian word, or None when it shows no Belarusian trait."""
    if len(token) < 5 or not _LATIN_TRAIT.search(token):
        return None
    out = token
    for pattern, repl in _LATIN_RULES:
        out = pattern.sub(repl, out)
    out = _LATIN_YA.sub("e", out, count=1)
    if "ŭ" in token:  # the national system, where c is ц (Šaŭcoŭ ~ Shevtsov)
        out = _LATIN_C.sub("ts", out)
    return out if out != token else None
