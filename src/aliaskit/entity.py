"""Entities: a cluster of aliases with a stable id and a canonical name.

**Canonical name.** Among the aliases that have a given name and a surname
(not initial-only or bare forms), the medoid is chosen: the alias with the
highest summed comparison score to the other members, preferring Latin
script and a formal given name over a hypocorism (Alexander over Sasha),
then more parts, then the shorter and lexicographically first string.
It is rendered in Western order (given, patronymic, surname) in title
case, without brackets or titles. An entity with no Latin alias takes
the romanisation of its best Cyrillic alias, or the first reading of its
best Hebrew alias. ``forms`` gives the medoid alias per script.

**Id.** ``"ak-"`` and 12 hex digits of a BLAKE2b hash of the entity's
smallest alias (by normalised form, then the raw string): derived from
content only, so it is the same for any input order, and it stays the same
when names are added unless the new alias sorts first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

import attrs

from aliaskit import knowledge
from aliaskit.latin import latin_forms
from aliaskit.parse import ParsedName

__all__ = ["Entity", "build_entity", "entity_id", "render"]

#: The scripts an entity names its most representative alias in (``Entity.forms``).
_FORM_SCRIPTS = ("Latn", "Cyrl", "Hebr")


@attrs.frozen
class Entity:
    """A resolved person: stable ``id``, ``canonical`` name and its ``aliases``.

    >>> from aliaskit import cluster
    >>> (entity,) = cluster(["Sapir Cohen", "ספיר כהן"])
    >>> entity.canonical, entity.aliases, entity.form("Hebr")
    ('Sapir Cohen', ('Sapir Cohen', 'ספיר כהן'), 'ספיר כהן')
    """

    id: str
    canonical: str
    aliases: tuple[str, ...]
    forms: tuple[tuple[str, str], ...] = ()
    #: The keys of the entity's records (a record's id, or the name of a
    #: record without one), sorted; the aliases when plain strings were clustered.
    records: tuple[str, ...] = attrs.field()

    @records.default
    def _records_of_aliases(self) -> tuple[str, ...]:
        return self.aliases

    def form(self, script: str) -> str | None:
        """The most representative alias in a script (``"Latn"``, ``"Cyrl"``, ``"Hebr"``)."""
        return dict(self.forms).get(script)


def entity_id(first_alias: str) -> str:
    """The content-derived id for an entity whose smallest alias is given."""
    digest = hashlib.blake2b(first_alias.encode("utf-8", "surrogatepass"), digest_size=6)
    return "ak-" + digest.hexdigest()


def _title(token: str) -> str:
    return "-".join(w[:1].upper() + w[1:] for w in token.split("-"))


def render(name: ParsedName) -> str:
    """A display form of a parsed name: given, patronymic, surname, in title case,
    and a generational suffix.

    >>> from aliaskit.parse import parse_name
    >>> render(parse_name("SMITH, John Henry, Jr.")), render(parse_name("Труфанов Александр"))
    ('John Henry Smith Jr.', 'Aleksandr Trufanov')
    """
    order = ("given", "middle", "nickname", "initial", "patronymic", "particle", "surname")
    parts = [p for role in order for p in name.parts if p.role == role and role != "nickname"]
    if not parts:
        parts = list(name.parts)
    words = []
    for p in parts:
        text = p.text
        if p.script not in ("Latn", "Zyyy"):
            text = latin_forms(text).forms[0]
        if p.role == "initial":
            words.append(text[:1].upper() + ".")
        elif p.role == "particle":
            words.append(text)
        else:
            words.append(_title(text))
    words.extend(_suffix_display(s) for s in name.suffixes)
    return " ".join(words)


def _suffix_display(suffix: str) -> str:
    """Jr. and Sr. abbreviated with a dot, Roman numerals in capitals."""
    if set(suffix) <= set("iv"):
        return suffix.upper()
    return _title(suffix) + ("." if len(suffix) <= 3 else "")


def _rank(name: ParsedName, centrality: float) -> tuple[float, ...]:
    # One pass over the parts (name.given and name.surname, without the per-name
    # memo of roles, which a million names would cycle through).
    given = next((p for p in name.parts if p.role == "given"), None)
    full = given is not None and any(p.role == "surname" for p in name.parts)
    formal = given is not None and not knowledge.is_nickname(given.text)
    latin = name.script == "Latn"
    return (
        -float(full),
        -float(latin),
        -float(formal),
        -float(bool(name.suffixes)),  # the generation tells relatives apart
        -round(centrality, 6),
        -len(name.parts),
        len(name.original),
    )


def build_entity(
    aliases: list[str],
    parsed: Mapping[str, ParsedName],
    score: Callable[[str, str], float],
) -> Entity:
    """Build an :class:`Entity` from raw aliases (``parsed`` maps each to its parse)."""
    if len(aliases) == 1:  # most entities: the one alias is every choice
        (alias,) = aliases
        script = parsed[alias].script
        only: tuple[tuple[str, str], ...] = ((script, alias),) if script in _FORM_SCRIPTS else ()
        return Entity(entity_id(alias), render(parsed[alias]), (alias,), only)
    order = sorted(aliases, key=lambda s: (parsed[s].normalized, s))
    sample = order[:40]
    rank = {a: (*_rank(parsed[a], sum(score(a, b) for b in sample if b != a)), a) for a in order}
    best: dict[str, str] = {}
    for script in _FORM_SCRIPTS:
        members = [a for a in order if parsed[a].script == script]
        if members:
            best[script] = min(members, key=rank.__getitem__)
    medoid = min(order, key=rank.__getitem__)
    canonical = render(parsed[medoid])
    forms = tuple(sorted(best.items()))
    return Entity(entity_id(order[0]), canonical, tuple(order), forms)
