"""Telling a list of names from running text, row by row, for the command line.

``aliaskit cluster article.txt`` used to make every line of an article an
"entity". A row looks like prose when it has many words and either sentence
punctuation between them, a number among them, or several function words of
English, Russian, Ukrainian, Hebrew or Arabic (words no name is made of:
*the*, *was*, *что*, *של*, *في*), or when it has more words than any name. The watcher notes
the first such row and how many there are, and rows longer than a name may
be (:data:`aliaskit.parse.MAX_NAME_CHARS`), so that the command line warns
once, with line numbers, instead of the library warning with its own path.
"""

from __future__ import annotations

import re

import attrs

from aliaskit.parse import MAX_NAME_CHARS

__all__ = ["ProseWatch", "looks_like_prose"]

#: Fewer words than this are never prose (a long name has five or six).
MIN_WORDS = 6
#: More words than this are prose whatever they are.
MAX_NAME_WORDS = 12
#: Function words, by language, that make a row prose when two of them are in it.
_FUNCTION_WORDS = {
    "en": "the a an and or of to in on at by for from with was were is are has had have "
    "he she it they his her their this that which who said says",
    "ru": "и в во на с со что не он она они был была было были его её их это как по за к из",
    "uk": "та і у що він вона був була",
    "he": "של את על הוא היא הם עם לא כי גם אשר",
    "ar": "في من على إلى أن عن هو هي كان التي الذي",
}
FUNCTION_WORDS = frozenset(w for words in _FUNCTION_WORDS.values() for w in words.split())
_SENTENCE = re.compile(r"\w[.!?;:]\s+\w")


def looks_like_prose(text: str) -> bool:
    """Whether a row reads as a sentence, not a name.

    >>> looks_like_prose("Alexander (Sasha) Troufanov")
    False
    >>> looks_like_prose("Troufanov was released on Saturday after 498 days in captivity.")
    True
    """
    words = text.split()
    if len(words) < MIN_WORDS:
        return False
    if len(words) > MAX_NAME_WORDS or _SENTENCE.search(text):
        return True
    if any(w.isdigit() for w in words):  # a count or a date among words: 498 days
        return True
    found = sum(1 for w in words if w.strip(".,;:!?\"'()«»").casefold() in FUNCTION_WORDS)
    return found >= 2


@attrs.define
class ProseWatch:
    """The rows of one input that look like prose, and those too long for a name."""

    label: str
    prose_lines: int = 0
    first_prose: int | None = None
    long_lines: list[tuple[int, int]] = attrs.field(factory=list)

    def see(self, line: int, text: str) -> None:
        """Look at the row at ``line``."""
        if len(text) > MAX_NAME_CHARS:
            self.long_lines.append((line, len(text)))
        if looks_like_prose(text):
            self.prose_lines += 1
            if self.first_prose is None:
                self.first_prose = line

    def notes(self) -> list[str]:
        """What to say on stderr: the prose, once, and each long row."""
        out = []
        if self.first_prose is not None:
            more = self.prose_lines - 1
            others = f" (and {more} more row{'s' * (more != 1)} like it)" if more else ""
            out.append(
                f"{self.label}:{self.first_prose}: this looks like prose, not a name{others}; "
                "give one name per row"
            )
        out += [
            f"{self.label}:{line}: a name of {size} characters, matched on its first "
            f"{MAX_NAME_CHARS}"
            for line, size in self.long_lines
        ]
        return out
