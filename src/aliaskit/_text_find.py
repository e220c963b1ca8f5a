"""The spans of names in a text, for :func:`aliaskit.find_names`.

The text is read once into words (letters, combining marks, and apostrophes,
hyphens and Hebrew geresh between letters) with their offsets. Words are
grouped into runs: capitalised Latin or Cyrillic words joined by single
spaces (an initial's full stop, a lower-case particle and a nickname in
brackets or quotes between them), or Hebrew or Arabic words joined so. A run
is cut at function words, months and the nouns of places and organisations;
a role at its start (or written before it in lower case) is taken off with
the role lists; what is left is a name when the name knowledge anchors it.
A second pass takes the single words that name a person found in the same
text (Putin after Vladimir Putin, לפוטין after ולדימיר פוטין). Every step
is linear in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from aliaskit._parse_roles import role_length, role_words, written
from aliaskit._parse_words import pieces
from aliaskit._text_lemma import given_nominative, nominative
from aliaskit._text_words import (
    FUNCTION_WORDS,
    HEBREW_PREFIXES,
    NOT_NAME,
    PARTICLES,
    has_surname_shape,
)
from aliaskit.knowledge import name_facts

__all__ = ["Span", "find_spans"]

_L = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670]"
_WORD = re.compile(rf"{_L}(?:{_L}|{_MARK}|['’\-‐׳](?={_L})|\"(?=[\u05d0-\u05ea]))*׳?")
_POSSESSIVE = re.compile(r"['’]s$")
_JOIN = frozenset({" ", "\u00a0"})
_OPEN = frozenset({" (", " “", ' "', " «", " '", " ‘"})
_CLOSE = frozenset({") ", "” ", '" ', "» ", "' ", "’ "})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "г-н", "г-жа"})
_SENTENCE_END = frozenset(".!?:;\n\r\"“”«»|•–—-()[]>")
#: Words of a role run before a name, at most.
_ROLE_BACK = 6


class Span(NamedTuple):
    """A name found: its span, the name as written (roles and affixes off), roles, script."""

    start: int
    end: int
    name: str
    roles: tuple[str, ...]
    script: str


class _Word(NamedTuple):
    start: int
    end: int
    text: str


@lru_cache(maxsize=1 << 16)
def _script(word: str) -> str:
    ch = word[0]
    if "\u0590" <= ch <= "\u05ff":
        return "Hebr"
    if "\u0600" <= ch <= "\u06ff":
        return "Arab"
    if "\u0400" <= ch <= "\u04ff":
        return "Cyrl"
    return "Latn" if ch.isascii() or "\u00c0" <= ch <= "\u024f" else "Zyyy"


@lru_cache(maxsize=1 << 16)
def _core(word: str) -> str:
    """A word without its possessive, lower-case."""
    return _POSSESSIVE.sub("", word).lower()


@lru_cache(maxsize=1 << 16)
def _kind(word: str) -> str:
    """The kind of a word: ``G`` given name, ``K`` known name, ``S`` surname
    shape, ``B`` never a name, ``X`` anything else."""
    core = _core(word)
    if core in FUNCTION_WORDS or core in NOT_NAME:
        return "B"
    facts = name_facts(core)
    if facts.is_given or (_script(word) == "Cyrl" and given_nominative(word) is not None):
        return "G"
    parts = core.split("-")
    if facts.is_known or (len(parts) > 1 and all(name_facts(p).is_known for p in parts)):
        return "K"
    return "S" if has_surname_shape(parts[-1]) else "X"


@lru_cache(maxsize=1 << 12)
def _role_vocabulary() -> frozenset[str]:
    entries = role_words().entries
    return frozenset(w for group in entries.values() for e in group for w in e.words)


def _is_role_word(word: str) -> bool:
    return all(p in _role_vocabulary() for p in pieces(word)) if word else False


def _capital(word: str) -> bool:
    return word[0].isupper()


def _sentence_start(text: str, at: int) -> bool:
    k = at - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _runs(text: str, words: list[_Word]) -> list[tuple[int, int]]:
    """Runs of name-capable words, as [first, last) word indices."""
    runs = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        script = _script(w.text)
        caseless = script in ("Hebr", "Arab")
        if script == "Zyyy" or (not caseless and not _capital(w.text)):
            i += 1
            continue
        j = i + 1
        while j < n and not _POSSESSIVE.search(words[j - 1].text):
            prev, cur = words[j - 1], words[j]
            gap = text[prev.end : cur.start]
            if _script(cur.text) != script:
                break
            if caseless:
                if gap not in _JOIN:
                    break
                j += 1
                continue
            initial = len(prev.text) == 1 and gap in (". ", ".")
            if gap in _JOIN or initial:
                if _capital(cur.text):
                    j += 1
                    continue
                # a particle (bin, van, de) or al-Assad between capitalised words
                nxt = words[j + 1] if j + 1 < n else None
                particle = cur.text.lower() in PARTICLES or cur.text.split("-")[0] in PARTICLES
                if particle and "-" in cur.text and _capital(cur.text.split("-")[-1]):
                    j += 1
                    continue
                if particle and nxt and text[cur.end : nxt.start] in _JOIN and _capital(nxt.text):
                    j += 2
                    continue
                break
            # a nickname: Alexander (Sasha) Troufanov, Alexander “Sasha” Troufanov
            nxt = words[j + 1] if j + 1 < n else None
            if (
                gap in _OPEN
                and nxt is not None
                and _capital(cur.text)
                and text[cur.end : nxt.start] in _CLOSE
                and _capital(nxt.text)
                and _kind(cur.text) == "G"
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _role(text: str, words: list[_Word], first: int, last: int) -> tuple[int, tuple[str, ...]]:
    """Where the name of a run starts after its role, and the role as written."""
    back = first
    while back > 0 and first - back < _ROLE_BACK:
        prev, cur = words[back - 1], words[back]
        if text[prev.end : cur.start] not in _JOIN or not _is_role_word(prev.text.lower()):
            break
        back -= 1
    texts: list[str] = []
    origins: list[int] = []
    for k in range(back, last):
        for piece in pieces(words[k].text):
            texts.append(piece)
            origins.append(k)
    for k in range(back, first + 1):
        at = next((p for p, o in enumerate(origins) if o >= k), None)
        if at is None:
            break
        length = role_length(texts[at:], origins[at:])
        if length and origins[at + length - 1] + 1 >= first:
            end = origins[at + length - 1] + 1
            return end, (written([w.text for w in words[k:end]]),)
    head = words[first].text.lower()
    if head in _HONORIFICS and last - first > 1:
        return first + 1, (words[first].text + ("." if text[words[first].end] == "." else ""),)
    return first, ()


class _Found(NamedTuple):
    start: int
    end: int  # the first word index after the name


def _pieces_of(words: list[_Word], kinds: list[str]) -> list[tuple[int, int]]:
    """The parts of a run between words that are never names."""
    out = []
    start = 0
    for k, kind in enumerate(kinds):
        if kind == "B":
            if k > start:
                out.append((start, k))
            start = k + 1
    if start < len(kinds):
        out.append((start, len(kinds)))
    return out


def _anchored(kinds: list[str], words: list[_Word], role: bool) -> bool:
    """Whether the words of a run (roles off) are a name."""
    if role:
        return True
    if len(kinds) >= 2:  # noqa: PLR2004
        first, last = kinds[0], kinds[-1]
        if first == "G" or (len(words[0].text) == 1 and words[0].text.isupper()):
            return last != "B"
        return "G" in kinds or (first == "K" and last in "KS")
    return False


def _caseless_name(word: str, known: set[str]) -> tuple[int, str] | None:
    """A Hebrew or Arabic word as a name: (prefix length, kind), or None.

    Kinds: ``D`` a name found in the text, ``G`` a given name, ``K`` a known
    name, ``S`` a surname shape (unprefixed words only).
    """
    cuts = [(0, word)]
    if word.startswith("כש") and len(word) > 3:  # noqa: PLR2004
        cuts.append((2, word[2:]))
    if word[0] in _ONE_LETTER and len(word) > 2:  # noqa: PLR2004
        cuts.append((1, word[1:]))
    for cut, rest in cuts:
        if rest in known:
            return cut, "D"
        facts = name_facts(rest)
        if facts.is_given:
            return cut, "G"
        if facts.is_known:
            return cut, "K"
    return (0, "S") if has_surname_shape(word) else None


_ONE_LETTER = frozenset("".join(p for p in HEBREW_PREFIXES if len(p) == 1) + "و")


def find_spans(text: str) -> list[Span]:
    """The name spans of ``text``, in order (see the module's docstring)."""
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    runs = _runs(text, words)
    found: dict[int, Span] = {}
    known: set[str] = set()
    pending: list[tuple[int, int]] = []
    for first, last in runs:
        script = _script(words[first].text)
        if script in ("Hebr", "Arab"):
            pending.append((first, last))
            continue
        name_at, roles = _role(text, words, first, last)
        if name_at >= last:
            continue
        kinds = [_kind(w.text) for w in words[name_at:last]]
        for a, b in _pieces_of(words[name_at:last], kinds) if not roles else [(0, last - name_at)]:
            part = words[name_at + a : name_at + b]
            if not part:
                continue
            role = bool(roles) and a == 0
            if _anchored(kinds[a:b], part, role):
                found[part[0].start] = _span(text, part, roles if role else (), script)
                known.update(_core(w.text) for w in part if len(w.text) > 1)
                if script == "Cyrl":
                    known.update(n.lower() for n in nominative([w.text for w in part]))
            else:
                pending.append((name_at + a, name_at + b))
    _second_pass(text, words, pending, known, found)
    return [found[k] for k in sorted(found)]


def _span(text: str, part: list[_Word], roles: tuple[str, ...], script: str, cut: int = 0) -> Span:
    start, end = part[0].start, part[-1].end
    core = text[start + cut : end]
    core = _POSSESSIVE.sub("", core) if _POSSESSIVE.search(part[-1].text) else core
    return Span(start, end, " ".join(core.split()), roles, script)


def _second_pass(
    text: str,
    words: list[_Word],
    pending: list[tuple[int, int]],
    known: set[str],
    found: dict[int, Span],
) -> None:
    """Single words and caseless runs: names found in the text, the lexicon of Hebrew and Arabic."""
    for first, last in pending:
        script = _script(words[first].text)
        if script in ("Hebr", "Arab"):
            _caseless(text, words, first, last, known, found)
            continue
        for k in range(first, last):
            w = words[k]
            if w.start in found:
                continue
            kind = _kind(w.text)
            core = _core(w.text)
            if kind == "B" or len(core) < 2:  # noqa: PLR2004
                continue
            if (
                core in known
                or (script == "Cyrl" and nominative((w.text,))[0].lower() in known)
                or (kind == "G" and not _sentence_start(text, w.start) and not _is_role_word(core))
                or (kind in "KS" and _POSSESSIVE.search(w.text) and has_surname_shape(core))
            ):
                found[w.start] = _span(text, [w], (), script)


def _caseless(
    text: str, words: list[_Word], first: int, last: int, known: set[str], found: dict[int, Span]
) -> None:
    """The names of a Hebrew or Arabic run: a given name or a name found in
    the text, or a role, with the name words after it."""
    k = first
    while k < last:
        read = _caseless_name(words[k].text, known)
        if read is None:
            k += 1
            continue
        end = k + 1
        while end < last and end - k < 3:  # noqa: PLR2004
            more = _caseless_name(words[end].text, known)
            if more is None or more[0] != 0:
                break
            end += 1
        name_at, roles = _role(text, words, k, end)
        if name_at >= end or (read[1] not in "GD" and not roles):
            k += 1
            continue
        part = words[name_at:end]
        cut = read[0] if name_at == k else 0
        found[part[0].start] = _span(text, part, roles, _script(part[0].text), cut)
        known.update(w.text for w in part[1:])
        known.add(part[0].text[cut:])
        k = end
