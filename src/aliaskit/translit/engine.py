"""Rule engine: compiled lookup tables and the word-by-word transliteration loop.

A *word* is a maximal run of letters (any script), combining marks and
characters of the Cyrillic blocks, with apostrophes allowed between letters.
Words without Cyrillic, and everything between words, pass through unchanged.

Inside a word each Cyrillic letter is looked up case-folded. Context keys use
``^`` for "word start" (before the first letter) and ``$`` for "word end".
Resolution for a word:

1. ``ending_mapping``: if the word is longer than an ending key and ends with
   it, that tail is rendered as a whole (longest ending first).
2. For every other letter, the first hit of ``context_mapping`` (previous +
   this + next letter), ``prev_mapping`` (previous + this), ``next_mapping``
   (this + next), ``mapping`` (this), the shared fallback table, else the
   character itself (non-Cyrillic letters inside the word).

Case: a word of two or more letters that is entirely upper case comes out
upper case (ЩЕГЛОВА → SHCHEGLOVA); otherwise the rendering of each upper-case
Cyrillic letter is capitalised (Щеглова → Shcheglova).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

CYRILLIC_RANGES = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"
"""Unicode blocks treated as Cyrillic (base, supplement, extended A/B/C)."""

_LETTERISH = rf"(?:[^\W\d_]|[\u0300-\u036f{CYRILLIC_RANGES}])"
WORD_RE = re.compile(rf"{_LETTERISH}+(?:['’ʼ]{_LETTERISH}+)*")
"""A word: letters/marks/Cyrillic characters, apostrophes allowed inside."""

HAS_CYRILLIC_RE = re.compile(f"[{CYRILLIC_RANGES}]")

START = "^"
END = "$"
_CACHE_LIMIT = 65536


def _cyrillic_lower_table() -> dict[int, int]:
    """Map each upper-case Cyrillic code point to its one-character lower case."""
    table: dict[int, int] = {}
    for lo, hi in ((0x400, 0x52F), (0x1C80, 0x1C8F), (0xA640, 0xA69F)):
        for cp in range(lo, hi + 1):
            low = chr(cp).lower()
            if len(low) == 1 and ord(low) != cp:
                table[cp] = ord(low)
    return table


CYRILLIC_LOWER = _cyrillic_lower_table()


class CompiledRules:
    """Precompiled rule tables of one scheme with a bounded per-word cache."""

    __slots__ = (
        "_cache",
        "_context",
        "_endings",
        "_next",
        "_prev",
        "_sensitive",
        "_simple",
    )

    def __init__(
        self,
        mapping: Mapping[str, str],
        prev_mapping: Mapping[str, str],
        next_mapping: Mapping[str, str],
        ending_mapping: Mapping[str, str],
        context_mapping: Mapping[str, str],
        fallback: Mapping[str, str],
    ) -> None:
        """Merge fallback and mapping into one single-letter dict and index contexts."""
        self._simple: dict[str, str] = {**fallback, **mapping}
        self._prev = dict(prev_mapping)
        self._next = dict(next_mapping)
        self._context = dict(context_mapping)
        lengths = sorted({len(k) for k in ending_mapping}, reverse=True)
        self._endings: tuple[tuple[int, dict[str, str]], ...] = tuple(
            (n, {k: v for k, v in ending_mapping.items() if len(k) == n}) for n in lengths
        )
        # Letters that need a context lookup; all others take the fast path.
        sensitive = {k[1] for k in self._prev} | {k[0] for k in self._next}
        sensitive |= {k[1] for k in self._context}
        self._sensitive = frozenset(sensitive)
        self._cache: dict[str, str] = {}

    def _letter(self, low: str, i: int) -> str:
        """Render the letter at index ``i`` of the lower-cased word ``low``."""
        c = low[i]
        prev = low[i - 1] if i else START
        nxt = low[i + 1] if i + 1 < len(low) else END
        if self._context:
            hit = self._context.get(prev + c + nxt)
            if hit is not None:
                return hit
        hit = self._prev.get(prev + c)
        if hit is not None:
            return hit
        hit = self._next.get(c + nxt)
        if hit is not None:
            return hit
        return self._simple.get(c, c)

    def _render(self, word: str) -> str:
        # A lower-case word has no upper-case Cyrillic letter to map.
        low = word if word.islower() else word.translate(CYRILLIC_LOWER)
        n = len(low)
        stem_end = n
        tail = ""
        for size, table in self._endings:
            if n > size:
                hit = table.get(low[n - size :])
                if hit is not None:
                    stem_end, tail = n - size, hit
                    break
        simple = self._simple
        sensitive = self._sensitive
        pieces = [
            self._letter(low, i) if c in sensitive else simple.get(c, c)
            for i, c in enumerate(low[:stem_end])
        ]
        pieces.append(tail)
        if low == word:
            return "".join(pieces)
        if n > 1 and word.isupper():
            return "".join(pieces).upper()
        for i in range(stem_end + 1):
            if i < n and word[i] != low[i]:
                pieces[i] = pieces[i].capitalize()
        return "".join(pieces)

    def word(self, word: str) -> str:
        """Transliterate one word (memoised; the cache is cleared when full)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if not HAS_CYRILLIC_RE.search(word):
            result = word
        else:
            norm = (
                word
                if unicodedata.is_normalized("NFC", word)
                else unicodedata.normalize("NFC", word)
            )
            result = unicodedata.normalize("NFC", self._render(norm))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = result
        return result

    def text(self, text: str) -> str:
        """Transliterate every word of ``text``; other characters pass through."""
        if not HAS_CYRILLIC_RE.search(text):
            return text
        word = self.word
        return WORD_RE.sub(lambda m: word(m.group()), text)
