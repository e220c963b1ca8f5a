"""The people of a text as records: :meth:`aliaskit.Resolver.add_text`.

Each mention :func:`aliaskit.find_names` finds becomes one
:class:`~aliaskit.Record` whose id carries the document and the offsets
(``doc:start-end``). A news article names a person in full once and then
by a part (*Trufanov*, *Elena*, *Sasha*), and a part alone is not enough to
tell a family apart across articles. So, inside one text, a short mention
(no given name, or no surname) is given the name of the person it stands
for (in-document coreference), and its record holds that name:

1. The text's full names are grouped into people as :func:`aliaskit.cluster`
   groups them.
2. A short mention stands for the people whose names it matches (a link of
   at least :data:`~aliaskit.resolver.WEAK_LINK`, no conflict; a Slavic
   surname of the other gender is no match: bare *Troufanov* is not *Yelena
   Trufanova*): when there is one, that one; when there are several, the
   one named in full last before it in the same paragraph, else the one the
   text names most (then first). Its record holds that person's name as
   the text first writes it in full.
3. A given name with nobody to stand for, after a kinship word of the
   family, takes the family name of the person it is said of
   (``data/family_kin.toml``): the possessor just before it (*Troufanov's
   father, Vitaly*: Vitaly Troufanov), or the last person of the paragraph
   of the pronoun's gender (*his mother Yelena*), a Slavic feminine surname
   in its masculine form for a man (*Trufanova ... her son Sasha*: Sasha
   Trufanov).

A mention that is none of these keeps its own name. The records of a text
are made in the text's order, so the result does not depend on anything
but the text and ``doc_id``.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files

import attrs

from aliaskit._cluster import cluster
from aliaskit._resolver_graph import WEAK_LINK
from aliaskit._text_words import word_kind
from aliaskit.compare import score_pair
from aliaskit.entity import Entity
from aliaskit.knowledge import given_name_gender, surname_gender
from aliaskit.parse import ParsedName, parse_name
from aliaskit.record import Record
from aliaskit.text_names import Mention, find_names

__all__ = ["TextLayer", "TextMention", "doc_key", "text_records"]

#: Characters that end a paragraph: an antecedent is sought back to one.
_PARAGRAPH = "\n"
#: Mentions looked back at for the person a kinship word is said of, at most.
_KIN_BACK = 20
#: Separators between a possessor and a kinship word and the name after it.
_APPOSITION = " ,\u00a0"


@attrs.frozen
class TextMention:
    """A mention of a text in a Resolver: where it is, its record and its entity.

    ``record_name`` is the name its record holds: the mention's listed name,
    or, for a short mention, the name of the person it stands for in the
    text (*Trufanov* after *Alexander Trufanov*).
    """

    #: The mention, as :func:`aliaskit.find_names` finds it.
    mention: Mention
    #: Its record's id: ``doc:start-end``.
    record_id: str
    #: The name its record holds.
    record_name: str
    #: The entity it belongs to once the text was added.
    entity: Entity


def doc_key(doc_id: object) -> str:
    """A document id as record ids carry it: a str that is not blank, or an int."""
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        raise TypeError(f"doc_id must be a str or an int, not {type(doc_id).__name__}")
    key = str(doc_id)
    if not key.strip():
        raise ValueError("doc_id must not be empty")
    return key


@lru_cache(maxsize=1)
def _family_words() -> tuple[frozenset[str], dict[str, str]]:
    """The family kinship words, and the possessive pronouns with their gender."""
    data = tomllib.loads(files("aliaskit").joinpath("data", "family_kin.toml").read_text("utf-8"))
    kin = frozenset(w for words in data["kin"].values() for w in words)
    pronouns = {w: gender for gender, words in data["pronouns"].items() for w in words}
    return kin, pronouns


def _is_full(name: ParsedName) -> bool:
    return not name.is_weak and bool(name.surname)


def _surname_gender(name: str) -> str | None:
    """The gender a Slavic surname's ending says (Trufanova: ``"f"``), if any."""
    words = name.split()
    return surname_gender(words[-1])[1] if words else None


class _People:
    """The people a text names in full, and where it names them."""

    def __init__(self, mentions: list[Mention], parsed: list[ParsedName]) -> None:
        full = sorted({m.name for m, p in zip(mentions, parsed, strict=True) if _is_full(p)})
        self.person: dict[str, int] = {}
        for k, entity in enumerate(cluster(full) if full else ()):
            for alias in entity.aliases:
                self.person[alias] = k
        self.parsed = {name: parse_name(name) for name in self.person}
        named = [self.person.get(m.name) for m in mentions]
        self.count = Counter(p for p in named if p is not None)
        self.first: dict[int, int] = {}
        self.written: dict[int, str] = {}  # a person's name as the text first writes it
        for k, p in enumerate(named):
            if p is not None and p not in self.first:
                self.first[p] = k
                self.written[p] = mentions[k].name
        self._matches: dict[str, list[int]] = {}

    def matching(self, short: ParsedName, name: str) -> list[int]:
        """The people a short mention's name matches: a link of at least
        WEAK_LINK, no conflict, no Slavic surname of the other gender."""
        found = self._matches.get(name)
        if found is None:
            gender = _surname_gender(name)
            found = sorted(
                {
                    self.person[full]
                    for full, parsed in self.parsed.items()
                    if (score := score_pair(short, parsed))[0] >= WEAK_LINK
                    and not score[1]
                    and (gender is None or _surname_gender(full) in (gender, None))
                }
            )
            self._matches[name] = found
        return found

    def chosen(self, matching: list[int], last_seen: dict[int, int], paragraph: int) -> int:
        """Of several people, the one named last in the paragraph, else the one named most."""
        recent = [(last_seen[p], p) for p in matching if last_seen.get(p, -1) > paragraph]
        if recent:
            return max(recent)[1]
        return min(matching, key=lambda p: (-self.count[p], self.first.get(p, 0)))


def _owner(k: int, mentions: list[Mention], records: list[str], text: str) -> int | None:
    """The mention a kinship word before mention ``k`` is said of: a possessor
    just before it (*Troufanov's father, Vitaly*), or the last person of its
    paragraph with a family name, of the pronoun's gender (*his mother Yelena*)."""
    m, before = mentions[k], mentions[k - 1]
    kin, pronouns = _family_words()
    gap = text[before.end : m.start].strip(_APPOSITION)
    if before.surface != before.name and gap.lower() in kin:
        return k - 1
    words = m.roles[-1].lower().split() if m.roles else []
    if not words or words[-1] not in kin:
        return None
    wanted = next((pronouns[w] for w in words if w in pronouns), None)
    paragraph = text.rfind(_PARAGRAPH, 0, m.start)
    for j in range(k - 1, max(-1, k - 1 - _KIN_BACK), -1):
        if mentions[j].start < paragraph:
            break
        words = records[j].split()
        named = len(words) > 1 and bool(parse_name(records[j]).surname)
        if named and (wanted is None or given_name_gender(words[0]) in (wanted, None)):
            return j
    return None


def _family_name(owner: str, given: str) -> str:
    """The family name of ``owner`` as ``given`` bears it: a Slavic feminine
    surname in its masculine form for a man (Trufanova: Vitaly Trufanov)."""
    word = owner.split()[-1]
    stem, gender = surname_gender(word)
    if gender == "f" and given_name_gender(given) == "m" and stem != word.lower():
        return word[:1] + stem[1:] if word[:1].isupper() else stem
    return word


def _kin_surname(k: int, mentions: list[Mention], records: list[str], text: str) -> str | None:
    """The family name a bare given name takes after a kinship word, if any."""
    owner = _owner(k, mentions, records, text) if k else None
    if owner is None or not parse_name(records[owner]).surname:
        return None
    return _family_name(records[owner], mentions[k].name)


def text_records(text: str, doc_id: str | int) -> list[tuple[Mention, Record]]:
    """The mentions of ``text`` with the records that :meth:`Resolver.add_text` adds."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    doc = doc_key(doc_id)
    mentions = find_names(text)
    parsed = [parse_name(m.name) for m in mentions]
    people = _People(mentions, parsed)
    last_seen: dict[int, int] = {}  # each person's last full mention, by its start
    names: list[str] = []
    for k, (m, p) in enumerate(zip(mentions, parsed, strict=True)):
        name = m.name
        if m.name in people.person:
            last_seen[people.person[m.name]] = m.start
        elif p.parts and not _is_full(p):
            matching = people.matching(p, m.name)
            if matching:
                paragraph = text.rfind(_PARAGRAPH, 0, m.start)
                name = people.written[people.chosen(matching, last_seen, paragraph)]
            elif len(p.parts) == 1 and word_kind(m.name) == "G":
                surname = _kin_surname(k, mentions, names, text)
                name = f"{m.name} {surname}" if surname else name
        names.append(name)
    return [
        (m, Record(name, id=f"{doc}:{m.start}-{m.end}"))
        for m, name in zip(mentions, names, strict=True)
        if any(c.isalpha() for c in name)
    ]


class TextLayer:
    """:meth:`add_text` of a Resolver (whose :meth:`add_many` and
    :meth:`entity_of` it calls)."""

    add_many: Callable[..., list[Entity]]
    entity_of: Callable[[str], Entity]

    def add_text(self, text: str, *, doc_id: str | int) -> list[TextMention]:
        """Add the people that ``text`` names, one record per mention, whose id
        is ``f"{doc_id}:{start}-{end}"``; return the mentions with their
        entities, in the text's order. A short mention's record holds the
        name of the person it stands for in the text
        (:mod:`aliaskit._resolver_text`).

        >>> from aliaskit import Resolver
        >>> r = Resolver()
        >>> text = "Alexander Trufanov met Vladimir Putin. Trufanov thanked him."
        >>> found = r.add_text(text, doc_id="a1")
        >>> [(t.record_id, t.mention.name, t.entity.canonical) for t in found]
        [('a1:0-18', 'Alexander Trufanov', 'Alexander Trufanov'), \
('a1:23-37', 'Vladimir Putin', 'Vladimir Putin'), ('a1:39-47', 'Trufanov', 'Alexander Trufanov')]
        """
        pairs = text_records(text, doc_id)
        self.add_many([record for _, record in pairs])
        return [TextMention(m, str(r.id), r.name, self.entity_of(str(r.id))) for m, r in pairs]
