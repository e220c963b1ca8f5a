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
-owski, where w is not ў. A word without a trait of its own in a name that
has one (a Belarusian patronymic in -аўна, -еўна, -оўна, or another
plainly Belarusian word) is Belarusian too: *Piatrova* beside
*Aliaksandrauna* reads *Petrova* (:func:`belarusian_name`). The readings
also undo passport *dze* for дзе, a soft дз before в (*Miadzvedzeu* ~
*Medvedev*) and *io* for ё (*Siamion* ~ *Semen*).

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

__all__ = ["belarusian_name", "latin_russian_reading", "name_word_reading", "russian_reading"]

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
    # Passport spellings write дзе as dze (Miadzvedzeu); дз is soft before в
    # that is (Мядзведзеў ~ Медведев).
    (re.compile(r"dz(?=i|e|v[ie])"), "d"),
    # ё after a consonant, io in Belarusian spellings, e in Russian passports:
    # Сямён, Siamion ~ Semen.
    (re.compile(r"(?<=[bdfklmnprstvz])io"), "e"),
)
_LATIN_C = re.compile(r"c(?![hz])")
_LATIN_YA = re.compile(f"(?<=[{_LATIN_CONSONANT}])[iy]a(?=[{_LATIN_CONSONANT}])")


def russian_reading(token: str, *, belarusian: bool = False) -> str | None:
    """The Russian spelling of a lower-case Belarusian Cyrillic word, or None
    when the word shows no Belarusian trait (or reads the same). With
    ``belarusian`` the word is known to be Belarusian (another part of its
    name shows it) and needs no trait of its own."""
    if not belarusian and not _cyrillic_trait(token):
        return None
    out = token
    for pattern, repl in _CYRL_RULES:
        out = pattern.sub(repl, out)
    out = _CYRL_YA.sub("е", out, count=1).translate(_CYRL_LETTERS)
    return out if out != token else None


def _cyrillic_trait(token: str) -> bool:
    """Whether a Cyrillic word is plainly Belarusian (ў, or і beside ы or э)."""
    return "ў" in token or ("і" in token and ("ы" in token or "э" in token))


def latin_russian_reading(token: str, *, belarusian: bool = False) -> str | None:
    """The Russian-style romanisation of a lower-case Latin spelling of a
    Belarusian word, or None when it shows no Belarusian trait (see
    :func:`russian_reading` for ``belarusian``)."""
    if len(token) < 5 or not (belarusian or _LATIN_TRAIT.search(token)):
        return None
    out = token
    if "ŭ" in token or _LATIN_C.search(token):
        # c is ц, ch is х and cz is ч: the national system, Łacinka and Polish
        # spellings (Šaŭcoŭ ~ Shevtsov, Cichanouska ~ Tikhanovskaya).
        out = _LATIN_C.sub("ts", out.replace("ch", "kh").replace("cz", "ch"))
    for pattern, repl in _LATIN_RULES:
        out = pattern.sub(repl, out)
    out = _LATIN_YA.sub("e", out, count=1)
    return out if out != token else None


# Belarusian patronymic endings (-аўна, -еўна, -оўна), plainly Belarusian in any spelling.
_PATRONYMIC_TRAIT = re.compile("(?:[aeo][uŭ]na|[аеэо]ўна)$")


def belarusian_name(words: list[str]) -> bool:
    """Whether a name is plainly Belarusian: one of its lower-case words is
    (a Belarusian trait, or a patronymic in -auna/-аўна). Its other words
    are then Belarusian too, and get a Russian reading without a trait of
    their own (Alena Aliaksandrauna Piatrova ~ Elena Aleksandrovna Petrova).

    >>> belarusian_name(["alena", "aliaksandrauna", "piatrova"])
    True
    >>> belarusian_name(["irina", "petrova"])
    False
    """
    for word in words:
        if (len(word) >= 7 and _PATRONYMIC_TRAIT.search(word)) or _cyrillic_trait(word):
            return True
        if word.isascii() and len(word) >= 5 and _LATIN_TRAIT.search(word):
            return True
    return False


def name_word_reading(word: str) -> str | None:
    """The Russian reading of a word of a Belarusian name (:func:`belarusian_name`)
    that its own spelling does not give, or None.

    >>> name_word_reading("piatrova"), name_word_reading("piatrou")
    ('petrova', None)
    """
    own = russian_reading(word) or latin_russian_reading(word)
    forced = russian_reading(word, belarusian=True) or latin_russian_reading(word, belarusian=True)
    return None if forced is None or forced == own else forced
