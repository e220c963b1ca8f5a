"""Spans that another tool found, read as names: :meth:`aliaskit.Mention.from_spans`.

spaCy, Stanza and natasha find PERSON spans, as ``(start, end)`` character
offsets into the text, but leave in them what :func:`aliaskit.find_names`
takes off: a role (*Russian President Vladimir Putin*), a possessive
(*Putin's*), a Hebrew one-letter prefix (*לפוטין*), a Russian oblique case
(*Труфановым*). A span that holds just what find_names finds there (a
role before it may be left out or in) is read as find_names reads it, with
every cue of the text around it (*мать Труфанова Елена*: the mother of a
Trufanov). Any other span is trimmed of the spaces and punctuation around
it, its role (inside it, or written just before it, as find_names reads
one) is taken into the mention's roles and out of its span, and its name is
made as find_names makes one. A Hebrew or Arabic prefix is peeled off the
first word only when the rest is a name of the lexicon or a word of another
span. A span that is all role (*the President*) keeps its words as its name:
the tool said it names a person. A span takes the whole words it touches
(a tool's *Putin* of *Putin's* is the word *Putin's*, whose name is
*Putin*); one that touches no word (or is empty) gives no mention.

A span that is not a pair of ints raises :class:`TypeError`, one out of the
text or reversed :class:`ValueError`, each naming the span by its index.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from aliaskit._text_find import _WORD, Span, _role, _Word, find_spans
from aliaskit._text_words import POSSESSIVE, caseless_name, script_of

__all__ = ["spans_of"]


def _checked(text: str, spans: Any) -> list[tuple[int, int]]:
    if isinstance(spans, str | bytes) or not isinstance(spans, Iterable):
        raise TypeError(f"spans must be an iterable of (start, end), not {type(spans).__name__}")
    out = []
    for k, span in enumerate(spans):
        try:
            start, end = span
        except (TypeError, ValueError):
            raise TypeError(f"span {k} must be a (start, end) pair, not {span!r}") from None
        for value in (start, end):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"span {k} {span!r}: offsets must be ints, not {value!r}")
        if not 0 <= start <= end <= len(text):
            why = "reversed" if 0 <= end < start <= len(text) else f"out of 0..{len(text)}"
            raise ValueError(f"span {k} {span!r} is {why}")
        out.append((start, end))
    return out


def _span(text: str, words: list[_Word], first: int, last: int, known: set[str]) -> Span:
    """The span of ``words[first:last]`` with its role, possessive and prefix off."""
    name_at, roles = _role(text, words, first, last)
    if name_at >= last:  # all role: keep it as the name
        name_at, roles = first, ()
    part = words[name_at:last]
    script = script_of(part[0].text)
    cut = 0
    if script in ("Hebr", "Arab"):
        read = caseless_name(part[0].text, known - {part[0].text})
        cut = read[0] if read is not None and len(part[0].text) - read[0] >= 2 else 0
    start, end = part[0].start, part[-1].end
    core = text[start + cut : end]
    core = POSSESSIVE.sub("", core) if POSSESSIVE.search(part[-1].text) else core
    return Span(start, end, " ".join(core.split()), roles, script)


def spans_of(text: str, spans: Any) -> list[Span]:
    """The name spans of ``spans`` over ``text``, in the order given (see the module)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    checked = _checked(text, spans)
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    ends = [w.end for w in words]
    ranges = []
    for start, end in checked:
        first = last = bisect_right(ends, start)  # the first word ending after start
        while last < len(words) and words[last].start < end and start < end:
            last += 1
        ranges.append((first, last))
    known = {words[i].text for first, last in ranges for i in range(first, last)}
    found = find_spans(text)
    starts = [f.start for f in found]
    out = []
    for first, last in ranges:
        if last > first:
            own = _found_in(found, starts, words[first].start, words[last - 1].end)
            out.append(own or _span(text, words, first, last, known))
    return out


def _found_in(found: list[Span], starts: list[int], start: int, end: int) -> Span | None:
    """The one span find_names finds in ``start..end``, if it ends there."""
    at = bisect_left(starts, start)
    inside = []
    while at < len(found) and found[at].start < end:
        inside.append(found[at])
        at += 1
    return inside[0] if len(inside) == 1 and inside[0].end == end else None
