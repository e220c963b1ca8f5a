"""What the name tables say about one given-name word: groups, gender, initials.

Each answer is memoised per word: comparison asks the same few thousand
given names over and over.
"""

from __future__ import annotations

from functools import lru_cache

from aliaskit import knowledge
from aliaskit.compare._scale import MEMO_LARGE
from aliaskit.keys import fold
from aliaskit.latin import ABJAD_READINGS, LatinForms, latin_forms

#: The Latin forms of a romanised word looked up in the name tables, besides the word.
LOOKUP_FORMS = 2
#: The readings of an unknown Hebrew given name whose first letters it may stand for.
HEBREW_INITIAL_READINGS = 3
#: Hebrew readings must agree this many times on a gender for it to count.
HEBREW_GENDER_VOTES = 2


class TokenInfo:
    """What the name tables say about one given-name part (cached per token, read-only)."""

    __slots__ = ("curated", "gender", "groups", "known")

    def __init__(
        self, groups: frozenset[str], gender: str | None, known: bool, curated: bool
    ) -> None:
        self.groups = groups
        self.gender = gender
        self.known = known
        self.curated = curated


@lru_cache(maxsize=MEMO_LARGE)
def token_info(text: str) -> TokenInfo:
    """Groups and gender of a given-name part, and whether it is a known name."""
    text = text.rstrip(".")
    # One entry per lookup spelling, the part's own text first.
    facts = [knowledge.name_facts(t) for t in lookups(text, latin_forms(text))]
    groups = frozenset().union(*[f.groups for f in facts])  # as name_groups(text)
    gender = None
    for found in facts:
        if found.gender:
            gender = found.gender
            break
    if gender and not facts[0].gender and latin_forms(text).method in ABJAD_READINGS:
        # Hebrew readings are guesses (ג'ן: Jen or Jan): their gender counts
        # only when two of them agree on it.
        genders = [f.gender for f in facts[1:] if f.gender]
        agreed = len(genders) >= HEBREW_GENDER_VOTES and len(set(genders)) == 1
        gender = gender if agreed else None
    # "Known" means listed as a given name in the curated table, or in the
    # Wikidata-derived groups in its own script (those mix in surnames and
    # have few Hebrew forms, so they say little across scripts).
    known = any(f.is_given for f in facts) or facts[0].is_known
    curated = any(g.startswith(knowledge.CURATED_PREFIX) for g in groups) if groups else False
    return TokenInfo(groups, gender, known, curated)


@lru_cache(maxsize=MEMO_LARGE)
def initials(text: str, is_initial: bool) -> frozenset[str]:
    """The initials a given-name part (or an initial) may stand for.

    An initial stands for itself. A given name stands for the first letter of
    its own spelling and folded form, and of the headwords of its curated
    groups (Sasha -> A for Alexander). A Hebrew name uses its headwords when
    it is known and the first letters of its best readings otherwise.
    """
    text = text.rstrip(".")
    forms = latin_forms(text)
    if is_initial:
        first = forms.forms[0]  # a Cyrillic Е romanises as "ye": also fold's "e"
        return frozenset({first[:1], fold(first)[:1]} - {""})
    letters = {h[:1] for h in knowledge.headwords(text)}
    if forms.method in ABJAD_READINGS:
        if not letters:
            letters = {f[:1] for f in forms.forms[:HEBREW_INITIAL_READINGS]}
    else:
        first = forms.forms[0]
        letters |= {first[:1], fold(first)[:1]}
        if not knowledge.is_nickname(text):
            letters |= {h[:1] for h in knowledge.headwords(first)}
    return frozenset(letters - {""})


def lookups(text: str, forms: LatinForms) -> tuple[str, ...]:
    """The spellings of a given-name part looked up in the name tables."""
    if forms.method == "native":
        return (text,)
    return tuple(dict.fromkeys((text, *forms.forms[:LOOKUP_FORMS])))


@lru_cache(maxsize=MEMO_LARGE)
def name_groups(text: str) -> frozenset[str]:
    """The name groups of a given-name part, under any of its lookup spellings."""
    text = text.rstrip(".")
    groups: set[str] = set()
    for token in lookups(text, latin_forms(text)):
        groups |= knowledge.name_groups(token)
    return frozenset(groups)


def shared_group(x: frozenset[str], y: frozenset[str]) -> str | None:
    """The group two names share: the first curated one, else the first by id."""
    shared = x & y
    if not shared:
        return None
    curated = [g for g in shared if g.startswith(knowledge.CURATED_PREFIX)]
    return min(curated) if curated else min(shared)


def script(token: str) -> str:
    """The script of a normalised part."""
    return latin_forms(token).script


def given_gender(token: str) -> str | None:
    """The gender of a given-name part, if the name tables say."""
    return token_info(token).gender
