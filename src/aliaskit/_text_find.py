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
from typing import NamedTuple

from aliaskit._parse_roles import role_length, written
from aliaskit._parse_words import pieces
from aliaskit._text_lemma import nominative
from aliaskit._text_words import (
    ARABIC_PARTICLES,
    CALENDAR,
    HONORIFICS,
    PARTICLES,
    PLACE_BEFORE,
    POSSESSIVE,
    QUOTES,
    arabic_name_word,
    bare,
    caseless_name,
    has_surname_shape,
    is_role_word,
    script_of,
    surname_after,
    word_kind,
)

__all__ = ["Span", "find_spans"]

_L = r"[^\W\d_]"
_MARK = (
    r"[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    r"\u0610-\u061a\u064b-\u065f\u0670]"
)
_WORD = re.compile(rf"{_L}(?:{_L}|{_MARK}|['’\-‐׳](?={_L})|\"(?=[\u05d0-\u05ea]))*׳?")
_JOIN = frozenset({" ", "\u00a0"})
_OPEN = frozenset({" (", " “", ' "', " «", " '", " ‘"})
_CLOSE = frozenset({") ", "” ", '" ', "» ", "' ", "’ "})
_SENTENCE_END = frozenset('.!?:;\n\r"“”«»|•–—-)]>')
#: Words of a role run before a name, at most.
_ROLE_BACK = 6


#: Markup, masked before words are read: HTML/XML tags and comments, entities,
#: URLs and the targets of Markdown links and images.
_MARKUP = re.compile(
    r"<!--[^<>]{0,4000}?-->|<[/!?]?[A-Za-z][^<>]{0,2000}>|&#?\w{1,32};|\]\([^()\s]{0,2000}\)"
    r"|\b(?:https?|ftp|mailto|file):[^\s<>\"]{1,2000}|\bwww\.[^\s<>\"]{1,2000}",
    re.DOTALL,
)


def _mask(text: str) -> str:
    """The text with markup replaced by spaces (offsets kept)."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


class Span(NamedTuple):
    """A name found: its span, the name as written (roles and affixes off), roles, script."""

    start: int
    end: int
    name: str
    roles: tuple[str, ...]
    script: str
    #: The grammatical case of a Russian name when the text says it (a possessor is genitive).
    case: str | None = None


class _Word(NamedTuple):
    start: int
    end: int
    text: str


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
        script = script_of(w.text)
        caseless = script in ("Hebr", "Arab")
        if script == "Zyyy" or (not caseless and not _capital(w.text)):
            i += 1
            continue
        j = i + 1
        while j < n and not POSSESSIVE.search(words[j - 1].text):
            prev, cur = words[j - 1], words[j]
            gap = text[prev.end : cur.start]
            if script_of(cur.text) != script:
                break
            if caseless:
                if gap not in _JOIN:
                    break
                j += 1
                continue
            initial = gap == ". " and (len(prev.text) == 1 or prev.text.lower() in HONORIFICS)
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
                and word_kind(cur.text) == "G"
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
        if text[prev.end : cur.start] not in _JOIN or not is_role_word(prev.text.lower()):
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
            if end + 1 < last and words[end].text.lower() in HONORIFICS:
                end += 1
            return end, (written([w.text for w in words[k:end]]),)
    head = words[first].text.lower()
    if head in HONORIFICS and last - first > 1:
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


def _anchored(kinds: list[str], words: list[_Word], role: bool, known: set[str]) -> int:
    """How many words of a run (roles off) are a name (0: none).

    Two or more words starting with a given name or an initial; with a given
    name in them; a known name and a known name or a surname shape (Yair
    Horn) or a surname in capitals (Amit SHABI), the words after them left
    out (Rory McIlroy Triumphs, in a headline); after a role, any name word.
    """
    if role:
        ok = kinds[0] in "GKS" or bare(words[0].text) in known or len(words[0].text) == 1
        return len(kinds) if ok else 0
    if len(kinds) < 2:
        return 0
    first, last = kinds[0], kinds[-1]
    if first == "G" or (len(words[0].text) == 1 and words[0].text.isupper()):
        return len(kinds) if len(words[-1].text) > 1 else 0
    if "G" in kinds:
        return len(kinds)
    if first == "K":
        capitals = len(words[-1].text) > 2 and words[-1].text.isupper()
        if last in "KS" or (capitals and len(kinds) == 2):
            return len(kinds)
        end = max((k + 1 for k, kind in enumerate(kinds) if kind in "KS" and k > 0), default=0)
        return end if end >= 2 else 0
    return 0


def find_spans(text: str) -> list[Span]:
    """The name spans of ``text``, in order (see the module's docstring)."""
    text = (
        _mask(text)
        if ("<" in text or "&" in text or "](" in text or ":" in text or "www." in text)
        else text
    )
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    runs = _runs(text, words)
    found: dict[int, Span] = {}
    known: set[str] = set()
    pending: list[tuple[int, int]] = []
    for first, last in runs:
        script = script_of(words[first].text)
        if script in ("Hebr", "Arab"):
            pending.append((first, last))
            continue
        name_at, roles = _role(text, words, first, last)
        if name_at >= last:
            continue
        kinds = [word_kind(w.text) for w in words[name_at:last]]
        for k in range(1, len(kinds)):
            if (
                kinds[k] == "B"
                and kinds[k - 1] == "G"
                and bare(words[name_at + k].text) in CALENDAR
            ):
                after = text[words[name_at + k].end : words[name_at + k].end + 2].strip()
                kinds[k] = "B" if after[:1].isdigit() else "K"
        for a, b in _pieces_of(words[name_at:last], kinds) if not roles else [(0, last - name_at)]:
            part = words[name_at + a : name_at + b]
            if not part:
                continue
            role = bool(roles) and a == 0
            size = (
                0
                if _after_place(text, words, name_at + a)
                else _anchored(kinds[a:b], part, role, known)
            )
            if size:
                part = part[:size]
                possessor = size >= 2 and kinds[a] in "KS" and kinds[a + 1] == "G"
                if role and script == "Cyrl" and possessor:
                    # мать Труфанова Елена: the surname after a kinship word is its possessor's
                    found[part[0].start] = _span(text, part[:1], (), script)._replace(case="gent")
                    part = part[1:]
                found[part[0].start] = _span(text, part, roles if role else (), script)
                known.update(bare(w.text) for w in part if len(w.text) > 1)
                if script == "Cyrl":
                    known.update(n.lower() for n in nominative([w.text for w in part]))
            else:
                pending.append((name_at + a, name_at + b))
    _second_pass(text, words, pending, known, found)
    return [found[k] for k in sorted(found)]


def _after_place(text: str, words: list[_Word], at: int) -> bool:
    """Whether the word before a run makes it a place (Kibbutz Nir Oz)."""
    if at == 0 or text[words[at - 1].end : words[at].start] not in _JOIN:
        return False
    return words[at - 1].text.lower() in PLACE_BEFORE


def _quoted(text: str, w: _Word) -> bool:
    """Whether a word stands alone in quotes (a surname quoted as a word), or
    names a family (the Trufanov family)."""
    before = text[w.start - 1] if w.start else ""
    if before in QUOTES and text[w.end : w.end + 1] in QUOTES:
        return True
    family = text[w.end : w.end + 7] in (" family", " семья", " семьи")
    return family and not POSSESSIVE.search(w.text)


def _span(text: str, part: list[_Word], roles: tuple[str, ...], script: str, cut: int = 0) -> Span:
    start, end = part[0].start, part[-1].end
    core = text[start + cut : end]
    core = POSSESSIVE.sub("", core) if POSSESSIVE.search(part[-1].text) else core
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
        script = script_of(words[first].text)
        if script in ("Hebr", "Arab"):
            _caseless(text, words, first, last, known, found)
            continue
        for k in range(first, last):
            w = words[k]
            if w.start in found:
                continue
            kind = word_kind(w.text)
            folded = bare(w.text)
            if kind == "B" or len(folded) < 2 or folded in PARTICLES or _quoted(text, w):
                continue
            if (
                folded in known
                or (script == "Cyrl" and nominative((w.text,))[0].lower() in known)
                or (kind == "G" and not _sentence_start(text, w.start) and not is_role_word(folded))
                or (kind in "KS" and POSSESSIVE.search(w.text) and has_surname_shape(folded))
            ):
                found[w.start] = _span(text, [w], (), script)


def _caseless(
    text: str, words: list[_Word], first: int, last: int, known: set[str], found: dict[int, Span]
) -> None:
    """The names of a Hebrew or Arabic run: a given name or a name found in
    the text, or a role, with the name words after it."""
    k = first
    while k < last:
        read = caseless_name(words[k].text, known)
        if read is None:
            k += 1
            continue
        end = k + 1
        while end < last and end - k < 3:
            more = caseless_name(words[end].text, known)
            after_particle = words[end - 1].text in ARABIC_PARTICLES
            arabic = (end == k + 1 or after_particle) and read[1] in "GK"
            arabic = arabic and arabic_name_word(words[end].text)
            if (more is None or more[0] != 0) and not arabic:
                break
            end += 1
        name_at, roles = _role(text, words, k, end)
        if roles and end == k + 1 < last and read[1] in "GK" and surname_after(words[end].text):
            end += 1
        pair = end - k >= 2 and read[0] == 0 and read[1] == "K"
        if name_at >= end or (read[1] not in "GD" and not roles and not pair):
            k += 1
            continue
        part = words[name_at:end]
        cut = read[0] if name_at == k else 0
        found[part[0].start] = _span(text, part, roles, script_of(part[0].text), cut)
        known.update(w.text for w in part[1:])
        known.add(part[0].text[cut:])
        k = end
