"""Name knowledge: given-name equivalents, hypocorisms and gendered surname forms.

Three data files in ``aliaskit/data`` are read lazily on first use and cached:

- ``name_groups.tsv.gz``: equivalence groups (``wd:Q…``/``rigour:X…``) derived
  from rigour 1.8.2 ``persons.txt`` (MIT; Wikidata name items, CC0) by
  ``tools/build_name_groups.py``. Groups mix given names, surnames and
  patronymics; they say "same name", never "nickname" or gender.
- ``hypocorisms.tsv``: hand-curated groups (``aliaskit:…``) of one given name
  across languages and scripts (Latin, Cyrillic, Hebrew, Arabic), with its
  hypocorisms, kind and gender.
- ``surname_gender.toml``: masculine/feminine surname suffix rules.

The first few names looked up in ``name_groups.tsv.gz`` are found by scanning
the file; indexing it all waits until more are asked for.

All lookups take one token and compare its folded form exactly: NFC,
lower-case, ``ё`` → ``е``, surrounding whitespace stripped; Arabic letters
folded as :func:`aliaskit.normalize` folds them, and an attached article
(البشير) taken off, as the parser takes it off. Fuzzy matching is not done
here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from unidecode import unidecode

from aliaskit._knowledge_tables import CURATED_PREFIX as CURATED_PREFIX
from aliaskit._knowledge_tables import SOFT_MARKS as _SOFT_MARKS
from aliaskit._knowledge_tables import Suffix, Table, load_table, surname_rules
from aliaskit._knowledge_tables import curated as _curated
from aliaskit._knowledge_tables import curated_spellings as _curated_spellings
from aliaskit._knowledge_tables import fold as fold
from aliaskit._knowledge_wikidata import GROUPS as _WIKIDATA
from aliaskit.keys import fold as spelling_fold

__all__ = [
    "NameFacts",
    "Table",
    "feminine_forms",
    "full_forms",
    "given_name_gender",
    "headwords",
    "is_given_name",
    "is_known_name",
    "is_nickname",
    "load_table",
    "masculine_form",
    "name_facts",
    "name_groups",
    "same_name",
    "surname_gender",
    "usual_spelling",
]


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """The lookup key of ``token``: :func:`fold`, or for a Latin spelling the
    tables do not know, its plain-ASCII form without soft-sign marks (the
    romanisations of curated names are indexed so: Il'ya, Natal'ja, ISO 9 Liliâ).
    """
    key = fold(token)
    if not key.isprintable() or any(ch >= "\u0370" for ch in key if ch.isalpha()) or _known(key):
        return key  # not a Latin spelling (Hebrew keys keep their geresh), or known
    bare = key.translate(_SOFT_MARKS)  # ISO 9 Ilʹâ is indexed as ilâ
    if bare != key and _known(bare):
        return bare
    plain = unidecode(key).translate(_SOFT_MARKS)
    if plain != key and _known(plain):
        return plain
    folded = spelling_fold(plain)
    # Short spellings collide: Hebrew קית' reads kith, which folds as Kit does.
    return _curated_spellings().get(folded, key) if len(folded) >= SPELLING_MIN else key


#: Letters a folded spelling needs before it is looked up by its fold.
SPELLING_MIN = 5


def _known(key: str) -> bool:
    return key in _curated().groups or key in _WIKIDATA


def name_groups(token: str) -> frozenset[str]:
    """Return the ids of all groups (curated and Wikidata-derived) containing ``token``.

    >>> sorted(g for g in name_groups("Sasha") if g.startswith("aliaskit:"))
    ['aliaskit:alexander_m', 'aliaskit:alexandra_f']
    """
    key = _key(token)
    curated = _curated().groups.get(key, frozenset())
    return curated | frozenset(_WIKIDATA.groups(key))


def same_name(a: str, b: str) -> str | None:
    """Return a group id shared by ``a`` and ``b`` (curated first, then smallest id), or None.

    >>> same_name("Misha", "Michael")
    'aliaskit:michael_m'
    >>> same_name("Alexander", "Alexandra") is None
    True
    """
    shared = name_groups(a) & name_groups(b)
    if not shared:
        return None
    curated = [g for g in shared if g.startswith(CURATED_PREFIX)]
    return min(curated) if curated else min(shared)


class NameFacts(NamedTuple):
    """What the name tables say about one token (see :func:`name_facts`)."""

    groups: frozenset[str]
    gender: str | None
    is_given: bool
    is_known: bool


def name_facts(token: str) -> NameFacts:
    """:func:`name_groups`, :func:`given_name_gender`, :func:`is_given_name` and
    :func:`is_known_name` of ``token`` at once (it is folded once).

    >>> facts = name_facts("Alexandra")
    >>> facts.gender, facts.is_given, facts.is_known
    ('f', True, True)
    """
    key = _key(token)
    cur = _curated()
    curated = cur.groups.get(key)
    wikidata = _WIKIDATA.groups(key)
    groups = (curated or frozenset()) | frozenset(wikidata)
    known = curated is not None or bool(wikidata)
    return NameFacts(groups, cur.gender.get(key), curated is not None, known)


def is_known_name(token: str) -> bool:
    """Tell whether ``token`` appears in any group.

    >>> is_known_name("Oleksandr"), is_known_name("Xqzzy")
    (True, False)
    """
    key = _key(token)
    return key in _curated().groups or key in _WIKIDATA


def is_nickname(token: str) -> bool:
    """Tell whether ``token`` is a curated hypocorism of at least one name.

    >>> is_nickname("Sasha"), is_nickname("Alexander")
    (True, False)
    """
    return _key(token) in _curated().nick_groups


def given_name_gender(token: str) -> str | None:
    """Return ``"m"`` or ``"f"`` when every curated row of ``token`` agrees, else None.

    >>> given_name_gender("Alexandra"), given_name_gender("Sasha"), given_name_gender("Xqzzy")
    ('f', None, None)
    """
    return _curated().gender.get(_key(token))


def is_given_name(token: str) -> bool:
    """Tell whether ``token`` is in the curated given-name table (full or nickname).

    >>> is_given_name("Sasha"), is_given_name("Trufanov")
    (True, False)
    """
    return _key(token) in _curated().groups


def headwords(token: str) -> frozenset[str]:
    """The headword (first Latin full form) of each curated group of ``token``.

    A nickname gives the names it stands for; a Hebrew or Cyrillic form gives
    its usual Latin spelling.

    >>> sorted(headwords("Саша"))
    ['aleksandr', 'aleksandra']
    """
    cur = _curated()
    return frozenset(cur.heads[g] for g in cur.groups.get(_key(token), ()) if g in cur.heads)


def usual_spelling(token: str) -> str | None:
    """The usual Latin spelling of a given name written in Arabic letters: the
    headword of the one curated group that lists it as a full form, or None
    (not listed, listed as a full form in several groups, or not Arabic).

    Hebrew names are left to the ranking of their readings: many Hebrew forms
    write a Russian or English name whose group's headword is another
    language's spelling (דניאל is in the group headed *daniil*).

    >>> usual_spelling("محمد"), usual_spelling("مُوسى"), usual_spelling("משה")
    ('muhammad', 'musa', None)
    """
    return _curated().usual.get(_key(token))


def full_forms(nickname: str) -> frozenset[str]:
    """Return the full names (all scripts) of the groups where ``nickname`` is a hypocorism.

    >>> {"mikhail", "михаил", "michael"} <= full_forms("Миша")
    True
    """
    cur = _curated()
    out: set[str] = set()
    for group in cur.nick_groups.get(fold(nickname), ()):
        out |= cur.fulls.get(group, frozenset())
    return frozenset(out)


# --- surnames -----------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02b9": "'"})


def _match_surname(token: str) -> tuple[str, str, Suffix | None]:
    key = fold(token).translate(_APOSTROPHES)
    rules = surname_rules()
    for size in range(min(rules.longest, len(key) - rules.min_stem), 0, -1):
        rule = rules.suffixes.get(key[-size:])
        if rule is not None:
            return key, key[:-size], rule
    return key, key, None


def surname_gender(token: str) -> tuple[str, str | None]:
    """Return ``(stem, gender)`` for a surname token.

    The longest listed suffix leaving at least 3 characters wins. A masculine
    or feminine suffix is replaced by its family's canonical masculine suffix
    to form the stem; invariant endings and unmatched tokens give
    ``(token, None)``. The token is folded like every lookup here.

    >>> surname_gender("Trufanova"), surname_gender("труфанов"), surname_gender("Pinchuk")
    (('trufanov', 'f'), ('труфанов', 'm'), ('pinchuk', None))
    """
    key, rest, rule = _match_surname(token)
    if rule is None or rule.gender is None:
        return key, None
    return rest + rule.canonical, rule.gender


def masculine_form(token: str) -> str:
    """Return the masculine form: the stem for a feminine surname, else the folded token.

    >>> masculine_form("Tsikhanouskaya"), masculine_form("Ivanov")
    ('tsikhanouski', 'ivanov')
    """
    key, rest, rule = _match_surname(token)
    if rule is not None and rule.gender == "f":
        return rest + rule.canonical
    return key


def feminine_forms(token: str) -> frozenset[str]:
    """Return the feminine forms of a surname (itself if feminine or invariant).

    >>> sorted(feminine_forms("Petrov")), sorted(feminine_forms("Kowalski"))
    (['petrova'], ['kowalska', 'kowalskaya'])
    """
    key, rest, rule = _match_surname(token)
    if rule is None or rule.gender != "m":
        return frozenset({key})
    if not rule.feminines:
        return frozenset({rest + f for f in _canonical_feminines(rule.canonical)})
    return frozenset(rest + f for f in rule.feminines)


def _canonical_feminines(canonical: str) -> tuple[str, ...]:
    rule = surname_rules().suffixes.get(canonical)
    return rule.feminines if rule is not None else ()
