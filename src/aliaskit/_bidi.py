"""Right-to-left text beside left-to-right text, shown in the right order.

A Hebrew or Arabic name printed beside a Latin one in a terminal line or a
table is reordered by the Unicode bidirectional algorithm with its
neighbours: ``Alexander Trufanov ~ 0.91 ~ סשה טרופנוב`` can come out with
the score on the wrong side. Wrapping each right-to-left piece in a First
Strong Isolate (U+2068) and a Pop Directional Isolate (U+2069) keeps it
apart (Unicode Standard Annex #9, section 2.7). Text with no right-to-left
letter is left as it is, so Latin and Cyrillic output does not change.
"""

from __future__ import annotations

import unicodedata

__all__ = ["FSI", "PDI", "isolate"]

FSI = "\u2068"
PDI = "\u2069"
_RTL = frozenset({"R", "AL"})


def isolate(text: str) -> str:
    """``text`` wrapped in bidi isolates when it holds a right-to-left letter.

    >>> isolate("Sasha Trupanov")
    'Sasha Trupanov'
    >>> isolate("סשה טרופנוב") == FSI + "סשה טרופנוב" + PDI
    True
    """
    if text.isascii() or not any(unicodedata.bidirectional(c) in _RTL for c in text):
        return text
    return FSI + text + PDI
