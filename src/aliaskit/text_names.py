"""Find the people named in a text: :func:`find_names` and :class:`Mention`.

A mention is a span that names a person by at least one name part. In
Latin and Cyrillic text it is a run of capitalised words (with initials,
particles such as *al-*, *bin*, *van*, and hyphenated parts) that the name
knowledge of :mod:`aliaskit.knowledge` anchors: a given name, a known name
or a surname shape (Trufanov, Sandurskaya), or a role before it (*Russian
President*), or a name part already found in the same text. Sentence-initial
words, months, places and organisations are not names. In Hebrew and Arabic,
which have no capitals, a name is a word of the name lexicon, with the name
words next to it; a one-letter prefix (ו ה ל ב מ ש, and כש) is peeled off
only when the rest is a name. Roles before a name are taken into
:attr:`Mention.roles` (see :mod:`aliaskit._parse_roles`); a possessive *'s*
stays in the surface and leaves the name; Russian names in oblique cases are
brought to the nominative (:mod:`aliaskit._text_lemma`, the extra
``aliaskit[text]``).

>>> found = find_names("Russian President Vladimir Putin met Sasha.")
>>> [(m.surface, m.name, m.roles) for m in found]
[('Vladimir Putin', 'Vladimir Putin', ('Russian President',)), ('Sasha', 'Sasha', ())]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from aliaskit._text_find import Span, find_spans
from aliaskit._text_lemma import name_language, nominative
from aliaskit._text_spans import spans_of
from aliaskit.translit import cyrillic_language

__all__ = ["Mention", "find_names"]


@attrs.frozen
class Mention:
    """One person's name in a text, where it is written.

    ``text[start:end] == surface`` always. ``name`` is the name as it would be
    listed: roles, a possessive *'s* and a Hebrew or Arabic one-letter prefix
    removed, and a Russian name in the nominative.

    >>> text = "Chief Rabbi Berel Lazar met Putin's envoy."
    >>> lazar, putin = find_names(text)
    >>> lazar.start, lazar.end, lazar.surface, lazar.roles, lazar.script
    (12, 23, 'Berel Lazar', ('Chief Rabbi',), 'Latn')
    >>> text[putin.start : putin.end], putin.name
    ("Putin's", 'Putin')
    """

    #: Offset of the first character in the text.
    start: int
    #: Offset after the last character.
    end: int
    #: The text of the span, as written.
    surface: str
    #: The name as it would be listed.
    name: str
    #: The roles written before the name (*Russian President*, *הרב הראשי*).
    roles: tuple[str, ...] = ()
    #: The span's script: ``"Latn"``, ``"Cyrl"``, ``"Hebr"`` or ``"Arab"``.
    script: str = "Latn"

    @classmethod
    def from_spans(cls, text: str, spans: Iterable[tuple[int, int]]) -> list[Mention]:
        """The mentions of PERSON spans that another tool (spaCy, Stanza,
        natasha) found in ``text``, as ``(start, end)`` character offsets, in
        the order given: roles, possessives, Hebrew prefixes and Russian
        cases are taken off as :func:`find_names` takes them
        (:mod:`aliaskit._text_spans`). A span that is not a pair of ints
        raises :class:`TypeError`; one out of the text, or reversed,
        :class:`ValueError`; both name the span's index.

        >>> text = "Russian President Vladimir Putin thanked Putin's guests."
        >>> [(m.surface, m.name, m.roles) for m in Mention.from_spans(text, [(0, 32), (40, 47)])]
        [('Vladimir Putin', 'Vladimir Putin', ('Russian President',)), ("Putin's", 'Putin', ())]
        """
        return [
            cls(s.start, s.end, text[s.start : s.end], _listed(s, None, text), s.roles, s.script)
            for s in spans_of(text, spans)
        ]


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\u0300-\u036f]*")


#: Characters either side of a name whose letters say its language, when its own do not.
_CONTEXT = 120
#: Letters that Ukrainian or Belarusian write and Russian does not.
_NOT_RUSSIAN = re.compile("[іїєґўІЇЄҐЎ]")
#: Letters Russian (and Belarusian) write and Ukrainian does not.
_RUSSIAN_LETTERS = frozenset("ыэъё")


def _language(text: str, span: Span) -> str:
    """The language of a Cyrillic name: its own letters', else the text's around
    it (Belarusian shares ы and э with Russian; Ukrainian has neither)."""
    own = name_language(span.name)
    if own != "ru":
        return own
    window = text[max(0, span.start - _CONTEXT) : span.end + _CONTEXT]
    if _NOT_RUSSIAN.search(window) is None:
        return "ru"
    around = cyrillic_language(window)
    if around == "be" or (around == "uk" and _RUSSIAN_LETTERS.isdisjoint(span.name.lower())):
        return around
    return "ru"


def _listed(span: Span, lang: str | None, text: str = "") -> str:
    """The listed name of a span: Cyrillic words in the nominative."""
    if span.script != "Cyrl" or lang not in (None, "ru", "uk", "be"):
        return span.name
    words = span.name.split(" ")
    cyrillic = [w for w in words if _CYRILLIC_WORD.fullmatch(w) and len(w) > 1]
    if not cyrillic:
        return span.name
    read = iter(nominative(cyrillic, span.case, lang or _language(text, span)))
    return " ".join(next(read) if _CYRILLIC_WORD.fullmatch(w) and len(w) > 1 else w for w in words)


def find_names(text: str, *, lang: str | None = None) -> list[Mention]:
    """The mentions of people in ``text``, in the order they are written.

    ``lang`` (an ISO 639-1 code) says the language of inflected Cyrillic
    names: ``"ru"``, ``"uk"`` or ``"be"`` reads them so, another code leaves
    them as written; left as None, a name's letters (or the text's around
    it) tell Russian, Ukrainian and Belarusian apart. Every script is read.

    >>> [m.name for m in find_names("Trufanov's mother Elena met Putin's envoy.")]
    ['Trufanov', 'Elena', 'Putin']
    >>> m = find_names("נשיא רוסיה ולדימיר פוטין נפגש עם סשה טרופנוב")[0]
    >>> m.name, m.roles
    ('ולדימיר פוטין', ('נשיא רוסיה',))
    """
    if not isinstance(text, str):
        raise TypeError(f"find_names takes a str, not {type(text).__name__}")
    spans: Sequence[Span] = find_spans(text)
    return [
        Mention(s.start, s.end, text[s.start : s.end], _listed(s, lang, text), s.roles, s.script)
        for s in spans
    ]
