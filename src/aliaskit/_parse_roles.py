"""Roles written with a person's name: offices with their qualifiers, and kinship words.

``data/roles.toml`` lists, for English, Russian, Ukrainian, Hebrew and
Arabic, five kinds of words: offices and kinship words (*President*,
*mother*, *שר*, *وزير*), words that only come before an office (*deputy*,
*former*, *the*, *his*), qualifiers (*Russian*, *Hamas*, *foreign*,
*России*, *החוץ*, *الروسي*), and linking words (*of*, *של*, *في*).

A role is a run of these words, matched on the normalised words of a name,
that has an office or a kinship word, ends on one or on a qualifier, and
leaves a name: ``Russian President Vladimir Putin``, ``President of Russia
Vladimir Putin``, ``президент России Владимир Путин``, ``ראש הממשלה בנימין
נתניהו``. A word listed as name-like (*King*, *Son*, *Israel*) is no role
when it stands alone as an office, nor a qualifier straight after an office
unless two name words are left: ``Son Heung-min`` and ``Defence Minister
Israel Katz`` keep their names. See :mod:`aliaskit.parse`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from aliaskit._parse_words import pieces
from aliaskit.knowledge import is_given_name

__all__ = [
    "OFFICE",
    "POSSESSIVE",
    "QUALIFIER",
    "RoleEntry",
    "RoleWords",
    "could_start_role",
    "role_length",
    "role_words",
    "written",
]

#: The kinds of role words (kinship words are offices here).
OFFICE = "office"
BEFORE = "before"
QUALIFIER = "qualifier"
LINK = "link"
#: The lists of each language in ``data/roles.toml``, and the kind of their words.
LISTS = {
    "offices": OFFICE,
    "kinship": OFFICE,
    "before": BEFORE,
    "qualifiers": QUALIFIER,
    "links": LINK,
}
#: Kinds a role may end on.
_ENDS = frozenset({OFFICE, QUALIFIER})
#: Name words that must be left for a name-like qualifier after an office to be taken.
NAME_LIKE_REST = 2
#: Marks of a possessive (Russia's), after normalisation.
POSSESSIVE = "'s"


class RoleEntry(NamedTuple):
    """One entry of the role lists: its normalised words, kind and whether it is name-like."""

    words: tuple[str, ...]
    kind: str
    name_like: bool


class RoleWords(NamedTuple):
    """The role lists, ready for matching."""

    #: The first word of every entry: a name whose first word is not here has no role.
    starts: frozenset[str]
    #: The entries by their first word, longest first.
    entries: Mapping[str, tuple[RoleEntry, ...]]


def _words(phrase: str) -> tuple[str, ...]:
    """A phrase's normalised words, as a name's words are normalised."""
    return tuple(piece for raw in phrase.split() for piece in pieces(raw))


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    """The role lists of ``data/roles.toml``, every language together.

    A phrase listed twice keeps its first kind (offices first).
    """
    text = files("aliaskit").joinpath("data", "roles.toml").read_text("utf-8")
    data = tomllib.loads(text)
    found: dict[tuple[str, ...], RoleEntry] = {}
    for lists in data.values():
        if not isinstance(lists, dict):
            continue  # the source line
        name_like = {_words(p) for p in lists.get("name_like", ())}
        for key, kind in LISTS.items():
            for phrase in lists.get(key, ()):
                words = _words(phrase)
                if words and words not in found:
                    found[words] = RoleEntry(words, kind, words in name_like)
                elif words in name_like and not found[words].name_like:
                    found[words] = found[words]._replace(name_like=True)
    by_first: dict[str, list[RoleEntry]] = {}
    for entry in found.values():
        by_first.setdefault(entry.words[0], []).append(entry)
    entries = {
        first: tuple(sorted(group, key=lambda e: -len(e.words)))
        for first, group in by_first.items()
    }
    return RoleWords(frozenset(entries), entries)


def could_start_role(text: str) -> bool:
    """Whether a normalised first word may begin a role: the one check made
    for every name, a set lookup (a hyphenated or possessive word is looked
    at further by :func:`role_length`)."""
    return text in role_words().starts or "-" in text or POSSESSIVE in text


def _single(text: str) -> RoleEntry | None:
    """The one-word entry of a word, if it has one."""
    for entry in role_words().entries.get(text, ()):
        if len(entry.words) == 1:
            return entry
    return None


def _compound(text: str) -> RoleEntry | None:
    """A hyphenated word of role words (ex-President, премьер-министр,
    president-elect) as one word of the kind of its strongest part; a
    possessive qualifier (Russia's) as a qualifier."""
    if text.endswith(POSSESSIVE):
        entry = _single(text[: -len(POSSESSIVE)])
        if entry is not None and entry.kind == QUALIFIER:
            return RoleEntry((text,), QUALIFIER, False)
        return None
    if "-" not in text:
        return None
    kinds = set()
    for part in text.split("-"):
        entry = _single(part)
        if entry is None or entry.kind == LINK:
            return None
        kinds.add(entry.kind)
    kind = next((k for k in (OFFICE, QUALIFIER, BEFORE) if k in kinds), BEFORE)
    return RoleEntry((text,), kind, False)


def _match(texts: Sequence[str], at: int, limit: int) -> RoleEntry | None:
    """The longest entry that the words from ``at`` (before ``limit``) begin with."""
    for entry in role_words().entries.get(texts[at], ()):
        end = at + len(entry.words)
        if end <= limit and tuple(texts[at:end]) == entry.words:
            return entry
    return _compound(texts[at])


def role_length(
    texts: Sequence[str],
    origins: Sequence[int],
    *,
    limit: int | None = None,
    kept: int = 0,
) -> int:
    """The number of words of the longest role at the start of ``texts`` (0 for none).

    ``texts`` are normalised words; ``origins`` say which written word each
    comes from, and a role ends only where a written word does. The role
    stays before ``limit`` (a comma), and leaves at least one name word,
    counting ``kept`` words of the name outside ``texts``.
    """
    end = len(texts) if limit is None else limit
    items: list[tuple[int, RoleEntry]] = []  # (end, entry)
    at = 0
    while at < end:
        entry = _match(texts, at, end)
        if entry is None:
            break
        at += len(entry.words)
        items.append((at, entry))
    for k in range(len(items), 0, -1):
        stop, last = items[k - 1]
        left = kept + len(texts) - stop
        if left < 1 or last.kind not in _ENDS:
            continue
        if stop < len(texts) and origins[stop] == origins[stop - 1]:
            continue  # the role would end inside a written word
        if not kept and all(len(t) == 1 for t in texts[stop:]):
            continue  # initials alone are no name: Папа Е. А., Королева Е. А.
        if _is_role(items[:k], left):
            return stop
    return 0


def _is_role(items: list[tuple[int, RoleEntry]], left: int) -> bool:
    """Whether a run of role words (ending on an office or a qualifier) is a role.

    ``left`` is the number of name words the role leaves.
    """
    if not any(entry.kind == OFFICE for _, entry in items):
        return False
    if len(items) == 1:
        entry = items[0][1]
        return not entry.name_like and not (len(entry.words) == 1 and is_given_name(entry.words[0]))
    if left >= NAME_LIKE_REST:
        return True
    # Defence Minister Israel Katz, שר הביטחון ישראל כ"ץ: a name-like qualifier
    # after an office, and not after a linking word, is the name's when one
    # name word would be left (President of Israel is a role).
    office = False
    previous = ""
    for _, entry in items:
        if entry.kind == QUALIFIER and entry.name_like and office and previous != LINK:
            return False
        office = office or entry.kind == OFFICE
        previous = entry.kind
    return True


def written(raws: Sequence[str]) -> str:
    """A role as written, from the written words it spans."""
    return " ".join(raws).strip(" ,;:")
