"""Entities: a cluster of aliases with a stable id and a canonical name.

**Canonical name.** Among the aliases that have a given name and a surname
(not initial-only or bare forms), the medoid is chosen, in this order of
preference: Latin script; a formal given name over a hypocorism (Alexander
over Sasha); a generational suffix (it tells relatives apart); then the
spelling that most input mentions use (:mod:`aliaskit._mentions`: a name
given three times counts three; a spelling is a normalised form, so
*ALEKSANDR TRUFANOV* and *Aleksandr Trufanov* count together), then the
casing most of them use; then the highest summed comparison score to the
other members, more parts, and the shorter and lexicographically first
string. A Latin medoid whose given name is a hypocorism gives way to a
Cyrillic alias with a full name of it, the one of the most mentioned
spelling (*Александр Труфанов*, shown as *Aleksandr Trufanov*, over *Sasha
Trupanov*). It is shown as written when written in Western order and mixed
case (*Musa Abu Marzuk*, *Ali Al-Bashir*), or as the most mentioned of the
other aliases of the same normalised form that is written so; else
rendered in Western order (given, patronymic, surname), title-cased by the
particle rules of :mod:`aliaskit._display` (*al-Bashir*, *van der Berg*,
*McDonald*), without brackets or titles. An entity with no Latin alias
takes the romanisation of its best Cyrillic alias, or the first reading of
its best Hebrew alias. ``forms`` gives the medoid alias per script.

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
from aliaskit._display import display_word, written_form
from aliaskit._parse_words import name_words
from aliaskit._reading_prior import known_spellings
from aliaskit.latin import latin_forms
from aliaskit.parse import ParsedName
from aliaskit.similarity import part_similarity

__all__ = ["Entity", "build_entity", "entity_id", "render"]

#: A given name this similar to a hypocorism is a spelling of it, not its full form.
SPELLING_OF_IT = 0.85
#: The Arabic article as normalised (البشير is ال-بشير, al-Bashir).
_ARABIC_ARTICLE = "\u0627\u0644"
#: The scripts an entity names its most representative alias in (``Entity.forms``).
_FORM_SCRIPTS = ("Latn", "Cyrl", "Hebr", "Arab")


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
        """The most representative alias in a script (``"Latn"``, ``"Cyrl"``,
        ``"Hebr"``, ``"Arab"``)."""
        return dict(self.forms).get(script)


def entity_id(first_alias: str) -> str:
    """The content-derived id for an entity whose smallest alias is given."""
    digest = hashlib.blake2b(first_alias.encode("utf-8", "surrogatepass"), digest_size=6)
    return "ak-" + digest.hexdigest()


def render(name: ParsedName) -> str:
    """A display form of a parsed name: as written when it is written in
    Western order and mixed case (:func:`aliaskit._display.written_form`),
    else given, patronymic, surname, title-cased by the particle rules of
    :func:`aliaskit._display.display_word`, and a generational suffix.

    >>> from aliaskit.parse import parse_name
    >>> render(parse_name("SMITH, John Henry, Jr.")), render(parse_name("Труфанов Александр"))
    ('John Henry Smith Jr.', 'Aleksandr Trufanov')
    >>> render(parse_name("Abu Bakr al-Baghdadi")), render(parse_name("MCDONALD, Sean O'BRIEN"))
    ('Abu Bakr al-Baghdadi', "Sean O'Brien McDonald")
    >>> render(parse_name("Omar AL-BASHIR")), render(parse_name("VAN DER BERG Ludwig"))
    ('Omar al-Bashir', 'Ludwig van der Berg')
    """
    written = written_form(name)
    if written is not None:
        return written
    order = ("given", "middle", "nickname", "initial", "patronymic", "particle", "surname")
    parts = [p for role in order for p in name.parts if p.role == role and role != "nickname"]
    if not parts:
        parts = list(name.parts)
    written = name.original.casefold()
    out = ""
    for k, p in enumerate(parts):
        text = p.text
        if p.script in ("Hebr", "Arab"):
            text = name_words().particle_spellings.get(text) or _best_reading(text)
        elif p.script not in ("Latn", "Zyyy"):
            text = latin_forms(text).forms[0]
        word = text[:1].upper() + "." if p.role == "initial" else display_word(text, p.role)
        out += word
        # al-Bashir as written, and the Arabic article (ال, not the family's آل).
        hyphened = p.role == "particle" and (f"{p.text}-" in written or p.text == _ARABIC_ARTICLE)
        out += "-" if hyphened and k + 1 < len(parts) else " "
    return (out + " ".join(_suffix_display(s) for s in name.suffixes)).strip()


def _best_reading(word: str) -> str:
    """The Latin reading of a Hebrew or Arabic word shown in a name: the usual
    spelling of a name the tables list (an Arabic given name's curated
    headword, a Hebrew word's spelling in the name prior's table: משה Moshe),
    else its first reading, as matching reads it.

    Ranking every word's readings with the prior of Latin name spellings
    (:func:`aliaskit.hebrew.word_readings`) showed 46 of the 319 words of
    dev's Hebrew-only entities as the person's own Latin spelling, this 44
    (the first reading alone 24), at a quarter of the cost (1.75 ms a word)."""
    usual = knowledge.usual_spelling(word)
    if usual is not None:
        return usual
    known = known_spellings(word)
    return known[0] if known else latin_forms(word).forms[0]


def _suffix_display(suffix: str) -> str:
    """Jr. and Sr. abbreviated with a dot, Roman numerals in capitals."""
    if set(suffix) <= set("iv"):
        return suffix.upper()
    return display_word(suffix, "suffix") + ("." if len(suffix) <= 3 else "")


def _rank(name: ParsedName, centrality: float, spelling: int, written: int) -> tuple[float, ...]:
    """The order of an entity's aliases as its canonical name, best first:
    ``spelling`` counts the mentions of the alias's normalised form,
    ``written`` those of the alias itself (its casing)."""
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
        -spelling,
        -written,
        -round(centrality, 6),
        -len(name.parts),
        len(name.original),
    )


def _given_text(name: ParsedName) -> str | None:
    return next((p.text for p in name.parts if p.role == "given"), None)


def _full_form_instead(
    medoid: str, order: list[str], parsed: Mapping[str, ParsedName], spelling: Mapping[str, int]
) -> str:
    """The alias to show instead of a Latin medoid whose given name is a
    hypocorism (Sasha Trupanov): of the Cyrillic aliases whose given name is
    a full name of that hypocorism's group (Александр Труфанов), not merely
    a spelling of it, the one whose spelling most mentions use, the first
    of ``order`` on a tie; else the medoid. Hebrew spellings are not taken:
    their readings guess the vowels, and the Latin spelling is the one people wrote."""
    nickname = _given_text(parsed[medoid])
    if parsed[medoid].script != "Latn" or nickname is None or not knowledge.is_nickname(nickname):
        return medoid
    found: list[str] = []
    for alias in order:
        name = parsed[alias]
        given = _given_text(name)
        if name.script != "Cyrl" or given is None or knowledge.is_nickname(given):
            continue
        if not any(p.role == "surname" for p in name.parts):
            continue
        spelling_of_it = part_similarity(nickname, given).score >= SPELLING_OF_IT  # Yulia, Юлия
        if knowledge.same_name(nickname, given) and not spelling_of_it:
            found.append(alias)
    return min(found, key=lambda a: -spelling[a]) if found else medoid


def build_entity(
    aliases: list[str],
    parsed: Mapping[str, ParsedName],
    score: Callable[[str, str], float],
    mentions: Mapping[str, int] | None = None,
) -> Entity:
    """Build an :class:`Entity` from raw aliases (``parsed`` maps each to its
    parse); ``mentions`` counts the inputs that used each alias (1 when absent)."""
    if len(aliases) == 1:  # most entities: the one alias is every choice
        (alias,) = aliases
        script = parsed[alias].script
        only: tuple[tuple[str, str], ...] = ((script, alias),) if script in _FORM_SCRIPTS else ()
        return Entity(entity_id(alias), render(parsed[alias]), (alias,), only)
    order = sorted(aliases, key=lambda s: (parsed[s].normalized, s))
    written = {a: 1 if mentions is None else mentions.get(a, 1) for a in order}
    by_form: dict[str, int] = {}
    for a in order:
        by_form[parsed[a].normalized] = by_form.get(parsed[a].normalized, 0) + written[a]
    spelling = {a: by_form[parsed[a].normalized] for a in order}
    sample = order[:40]
    rank = {
        a: (
            *_rank(parsed[a], sum(score(a, b) for b in sample if b != a), spelling[a], written[a]),
            a,
        )
        for a in order
    }
    best: dict[str, str] = {}
    for script in _FORM_SCRIPTS:
        members = [a for a in order if parsed[a].script == script]
        if members:
            best[script] = min(members, key=rank.__getitem__)
    medoid = _full_form_instead(min(order, key=rank.__getitem__), order, parsed, spelling)
    canonical = render(parsed[medoid])
    if written_form(parsed[medoid]) is None:  # another casing of it may be well written
        same = parsed[medoid].normalized
        shown = [a for a in order if parsed[a].normalized == same and written_form(parsed[a])]
        if shown:  # the casing most mentions use, the first on a tie
            canonical = str(written_form(parsed[min(shown, key=lambda a: -written[a])]))
    forms = tuple(sorted(best.items()))
    return Entity(entity_id(order[0]), canonical, tuple(order), forms)
