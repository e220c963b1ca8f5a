"""How an entity's canonical name is written: as people wrote it, or title-cased.

A Latin name written in Western order (given names before the surname) and
in mixed case is kept as written, whitespace aside, so that *Musa Abu
Marzuk*, *Ali Al-Bashir*, *Abu Bakr al-Baghdadi* and *Ludwig van der Berg*
keep their particles, hyphens and capitals (:func:`written_form`).

Any other name (all capitals, as EU lists print surnames; all lower case;
surname first; another script) is rendered from its parts
(:func:`aliaskit.entity.render`) and title-cased word by word here
(:func:`display_word`):

* a particle is lower case (*van der*, *bin*, *al*), except the kunya
  words (*Abu*, *Umm*), which are part of the name;
* each piece of a hyphenated word is cased alone, a particle piece staying
  lower case (*al-Bashir*);
* *Mc* is followed by a capital (*McDonald*); an Irish *O'* too (*O'Brien*),
  and a French or Italian elided article stays lower case (*d'Artagnan*).
"""

from __future__ import annotations

import re

from aliaskit._parse_words import name_words
from aliaskit.parse import ParsedName

__all__ = ["display_word", "written_form"]

#: Particles that begin a kunya ("father of", "mother of"): written with a capital.
KUNYA = frozenset({"abu", "abou", "abo", "umm", "um"})
#: Elided articles written lower case before an apostrophe (d'Artagnan, l'Aquila).
_ELIDED = frozenset({"d", "l", "dell", "degl"})
#: Roles of the parts that stand before the surname in Western order.
_BEFORE_SURNAME = frozenset({"given", "middle", "patronymic", "initial"})
_LETTERS = re.compile(r"[^\W\d_]+")


def _letters(text: str) -> str:
    return "".join(_LETTERS.findall(text)).casefold()


def written_form(name: ParsedName) -> str | None:
    """The name as written, whitespace collapsed, when that is how it should
    be shown: Latin, every letter read into a part, nothing dropped, given
    names before the surname, no comma, and mixed case (no word of two
    letters or more in capitals, none in lower case but particles).
    Otherwise None.

    >>> from aliaskit.parse import parse_name
    >>> written_form(parse_name("Ali  Al-Bashir")), written_form(parse_name("ALI AL-BASHIR"))
    ('Ali Al-Bashir', None)
    """
    if name.script != "Latn" or name.dropped or name.suffixes or "," in name.original:
        return None
    text = " ".join(name.original.split())
    if _letters(text) != _letters("".join(p.text for p in name.parts)):
        return None
    surname_seen = False
    for part in name.parts:
        if part.role == "nickname":
            return None
        if part.role == "surname":
            surname_seen = True
        elif surname_seen and part.role in _BEFORE_SURNAME:
            return None
    particles = name_words().particles
    for word in _LETTERS.findall(text):
        if len(word) < 2:
            continue
        if word.isupper() or (word.islower() and word not in particles):
            return None
    return text


def display_word(text: str, role: str) -> str:
    """One word of a rendered name, cased by the rules above."""
    particles = name_words().particles
    if role == "particle" and text not in KUNYA:
        return text.lower()
    pieces = text.split("-")
    cased = [
        piece.lower() if k < len(pieces) - 1 and piece.lower() in particles else _cap(piece)
        for k, piece in enumerate(pieces)
    ]
    return "-".join(cased)


def _cap(word: str) -> str:
    """A word with a capital, and the capital after Mc or O' (McDonald, O'Brien)."""
    lower = word.lower()
    if lower.startswith("mc") and len(lower) > 2:
        return "Mc" + lower[2:3].upper() + lower[3:]
    head, apostrophe, rest = lower.partition("'")
    if apostrophe and rest:
        if head in _ELIDED:
            return head + "'" + rest[:1].upper() + rest[1:]
        if head == "o":
            return "O'" + rest[:1].upper() + rest[1:]
    return lower[:1].upper() + lower[1:]
