"""Name-aware comparison of two person names, with an explanation.

Parts are aligned by role: surname with surname, given name with given name
(its bracketed nicknames and initials count as alternatives), patronymic
with patronymic. Each aligned pair gets a part score and the rule that
fired. A missing part is neutral. Evidence that two names belong to
different people is recorded as a *conflict* and caps the score below the
threshold:

* a different given name (two known names in different equivalence
  groups, or dissimilar names), or a different initial;
* given names of opposite gender (Alexander vs Alexandra);
* a conflicting patronymic (Ivanovich vs Viktorovich), or a middle name
  (or initial) on each side that the other's middle names cannot match
  (Abdullah Ahmed al-Hakim vs Abdullah Yahya al-Hakim); Hebrew spellings of
  middle names are too loose to count;
* opposite gender shown by the names: a given name's gender, or a
  feminine surname form (a masculine form counts only in Cyrillic, since
  Latin and Hebrew renderings often drop the feminine -a). A surname's
  form does not count against a name with the same form of it: Belarusian
  surnames in -a (Skaryna, Latushka) are men's too.

When the surnames differ (similarity below :data:`DIFFERENT_SURNAME`), the
score is the surname similarity and no other part is weighed. Otherwise the
score is the weighted mean of the aligned parts (surname 0.55, given name
0.35, patronymic 0.10), capped at the surname similarity plus
:data:`SURNAME_MARGIN` (a shared given name cannot carry a weak surname) and
scaled by :data:`BARE_SURNAME_FACTOR` when either name lacks a given name.

Score calibration: 0.9 and above, the same name up to romanisation,
script, hypocorism or order; 0.75 (the default threshold) and above, the
same person on the evidence in the two strings; 0.5 to 0.75, related names
(the same surname with one given name missing, or a weak given-name match);
below 0.5, different people.
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from aliaskit import knowledge
from aliaskit._check import require_str
from aliaskit.belarusian import belarusian_name, name_word_reading
from aliaskit.keys import fold
from aliaskit.latin import LatinForms, latin_forms, part_keys
from aliaskit.parse import NamePart, ParsedName, devotional_names, given_endings, parse_name
from aliaskit.similarity import (
    TRANSLIT_SCORE,
    PartMatch,
    _forms,
    _loose,
    part_similarity,
    surname_similarity,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPart",
    "Comparison",
    "Explanation",
    "compare",
    "prepare",
    "score_pair",
]

DEFAULT_THRESHOLD = 0.75
CONFLICT_CAP = 0.45
HYPOCORISM_SCORE = 0.93
INITIAL_SCORE = 0.85
BARE_SURNAME_FACTOR = 0.7
SWAP_PENALTY = 0.02
SECOND_GIVEN_PENALTY = 0.05
MEMO_LARGE = 1 << 17
GENDERED_FORM_FACTOR = 0.97
COMPOUND_PART_FACTOR = 0.9
#: A part of a compound surname matches a surname in another script from this
#: similarity on (in one script, from 0.9).
CROSS_SCRIPT_PART = 0.75
SURNAME_MARGIN = 0.05
#: Below this surname similarity the score is the surname's alone.
DIFFERENT_SURNAME = 0.5
_WEIGHTS = {"surname": 0.55, "given": 0.35, "patronymic": 0.10}
_DIFFERENT_GIVEN = 0.7
_DIFFERENT_GIVEN_HEBREW = 0.6
_DIFFERENT_PATRONYMIC = 0.8


@attrs.frozen
class AlignedPart:
    """One aligned pair of parts (either side may be missing)."""

    role: str
    a: str | None
    b: str | None
    score: float
    rule: str
    detail: str = ""

    def __str__(self) -> str:
        pair = f"{self.a or '-'} ~ {self.b or '-'}"
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.role:<10} {pair:<40} {self.score:.2f}  {self.rule}{extra}"


@attrs.frozen
class Explanation:
    """Why two names got their score: aligned parts, leftovers and conflicts.

    >>> expl = compare("Sasha Trupanov", "Elena Troufanov").explanation
    >>> [(p.role, p.rule) for p in expl.parts]
    [('given', 'fuzzy'), ('surname', 'fuzzy')]
    >>> expl.conflicts
    ('different given name',)
    """

    parts: tuple[AlignedPart, ...]
    unmatched_a: tuple[str, ...] = ()
    unmatched_b: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    order: str = "as written"

    def swapped(self) -> Explanation:
        """The same explanation with the two sides exchanged."""
        parts = tuple(AlignedPart(p.role, p.b, p.a, p.score, p.rule, p.detail) for p in self.parts)
        return Explanation(parts, self.unmatched_b, self.unmatched_a, self.conflicts, self.order)

    def __str__(self) -> str:
        lines = [str(p) for p in self.parts]
        if self.unmatched_a or self.unmatched_b:
            left, right = " ".join(self.unmatched_a), " ".join(self.unmatched_b)
            lines.append(f"unmatched  {left or '-'} | {right or '-'}")
        lines.extend(f"conflict   {c}" for c in self.conflicts)
        if self.order != "as written":
            lines.append(f"order      {self.order}")
        return "\n".join(lines)


@attrs.frozen
class Comparison:
    """The result of :func:`compare`: a score in [0, 1], a verdict and the why.

    >>> result = compare("A. Trufanov", "Alexander Trufanov")
    >>> result.is_match, result.is_conflict, result.threshold
    (True, False, 0.75)
    """

    a: str
    b: str
    score: float
    explanation: Explanation
    threshold: float = DEFAULT_THRESHOLD

    @property
    def is_match(self) -> bool:
        """Whether the score reaches the threshold."""
        return self.score >= self.threshold

    @property
    def is_conflict(self) -> bool:
        """Whether there is positive evidence of two different people."""
        return bool(self.explanation.conflicts)

    def __str__(self) -> str:
        verdict = "match" if self.is_match else "no match"
        return f"{self.a} ~ {self.b}: {self.score:.2f} ({verdict})\n{self.explanation}"


class _TokenInfo:
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
def _token_info(text: str) -> _TokenInfo:
    """Groups and gender of a given-name part, and whether it is a known name."""
    text = text.rstrip(".")
    # One entry per lookup spelling, the part's own text first.
    facts = [knowledge.name_facts(t) for t in _lookups(text, latin_forms(text))]
    groups = frozenset().union(*[f.groups for f in facts])  # as _name_groups(text)
    gender = None
    for found in facts:
        if found.gender:
            gender = found.gender
            break
    if gender and not facts[0].gender and latin_forms(text).method == "hebrew_reading":
        # Hebrew readings are guesses (ג'ן: Jen or Jan): their gender counts
        # only when two of them agree on it.
        genders = [f.gender for f in facts[1:] if f.gender]
        gender = gender if len(genders) >= 2 and len(set(genders)) == 1 else None
    # "Known" means listed as a given name in the curated table, or in the
    # Wikidata-derived groups in its own script (those mix in surnames and
    # have few Hebrew forms, so they say little across scripts).
    known = any(f.is_given for f in facts) or facts[0].is_known
    curated = any(g.startswith(knowledge.CURATED_PREFIX) for g in groups) if groups else False
    return _TokenInfo(groups, gender, known, curated)


@lru_cache(maxsize=MEMO_LARGE)
def _initials(text: str, is_initial: bool) -> frozenset[str]:
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
    if forms.method == "hebrew_reading":
        if not letters:
            letters = {f[:1] for f in forms.forms[:3]}
    else:
        first = forms.forms[0]
        letters |= {first[:1], fold(first)[:1]}
        if not knowledge.is_nickname(text):
            letters |= {h[:1] for h in knowledge.headwords(first)}
    return frozenset(letters - {""})


def _lookups(text: str, forms: LatinForms) -> tuple[str, ...]:
    """The spellings of a given-name part looked up in the name tables."""
    if forms.method == "native":
        return (text,)
    return tuple(dict.fromkeys((text, *forms.forms[:2])))


@lru_cache(maxsize=MEMO_LARGE)
def _name_groups(text: str) -> frozenset[str]:
    """The name groups of a given-name part, under any of its lookup spellings."""
    text = text.rstrip(".")
    groups: set[str] = set()
    for token in _lookups(text, latin_forms(text)):
        groups |= knowledge.name_groups(token)
    return frozenset(groups)


def _script(token: str) -> str:
    return latin_forms(token).script


def _shared_group(x: _TokenInfo, y: _TokenInfo) -> str | None:
    return _shared(x.groups, y.groups)


def _shared(x: frozenset[str], y: frozenset[str]) -> str | None:
    """The group two names share: the first curated one, else the first by id."""
    shared = x & y
    if not shared:
        return None
    curated = [g for g in shared if g.startswith(knowledge.CURATED_PREFIX)]
    return min(curated) if curated else min(shared)


def _gender(token: str) -> str | None:
    return _token_info(token).gender


@lru_cache(maxsize=MEMO_LARGE)
def _given_verdict(xt: str, xi: bool, yt: str, yi: bool) -> tuple[float, str, str, str | None]:
    """(score, rule, detail, conflict) of two given names (cached per pair)."""
    if xi or yi:
        ok = bool(_initials(xt, xi) & _initials(yt, yi))
        return (INITIAL_SCORE if ok else 0.0), "initial", "", None if ok else "different initial"
    x, y = _token_info(xt), _token_info(yt)
    match = part_similarity(xt, yt)
    if x.gender and y.gender and x.gender != y.gender and not _reads_as(match.rule, match.detail):
        return match.score, "gender", f"{x.gender} vs {y.gender}", "given names of opposite gender"
    if match.score >= 0.95:
        return match.score, match.rule, match.detail, None
    group = _shared_group(x, y)
    if group:
        return HYPOCORISM_SCORE, "hypocorism", group, None
    short = _short_form(xt, yt)
    if short:
        return HYPOCORISM_SCORE, "hypocorism", short, None
    same_script = _script(xt) == _script(yt)
    both_known = x.known and y.known and (same_script or (x.curated and y.curated))
    # Hebrew readings of given names are uncertain, so dissimilarity across
    # Hebrew and another script is weaker evidence of a different name.
    hebrew = "Hebr" in (_script(xt), _script(yt)) and not same_script
    floor = _DIFFERENT_GIVEN_HEBREW if hebrew else _DIFFERENT_GIVEN
    different = match.score < floor or (both_known and match.score < 0.85)
    return match.score, match.rule, match.detail, "different given name" if different else None


def _reads_as(rule: str, detail: str) -> bool:
    """Whether a Hebrew word has the other given name among its readings (by
    the rule and detail of their match): its spelling then says nothing of
    gender (דב is Dov, and Deb)."""
    return rule == "hebrew_reading" and detail.startswith("hebrew_reading")


@lru_cache(maxsize=1)
def _endings() -> frozenset[str]:
    return frozenset(fold(e) for e in given_endings())


def _short_form(xt: str, yt: str) -> str:
    """How one given name is the other less the ending of a compound Arabic
    given name (Siraj of Sirajuddin), or ""."""
    fx, fy = fold(latin_forms(xt).forms[0]), fold(latin_forms(yt).forms[0])
    if len(fy) < len(fx):
        fx, fy, xt, yt = fy, fx, yt, xt
    if len(fx) >= 3 and fy.startswith(fx) and fy[len(fx) :] in _endings():
        return f"{xt} is short for {yt}"
    return ""


# Verdict of two given names: (score, rule, detail, conflict).
_Verdict = tuple[float, str, str, str | None]


def _given_of(x: tuple[str, bool], y: tuple[str, bool]) -> _Verdict:
    """The verdict on two given names as (text, is_initial), in a canonical order."""
    return _given_verdict(*x, *y) if x <= y else _given_verdict(*y, *x)


def _given_pair(x: NamePart, y: NamePart) -> tuple[AlignedPart, str | None]:
    """Score two given names; return the aligned part and a conflict, if any."""
    score, rule, detail, conflict = _given_of(
        (x.text, x.role == "initial"), (y.text, y.role == "initial")
    )
    return AlignedPart("given", x.text, y.text, score, rule, detail), conflict


class _Surname:
    """One reading of a name's surname: as shown, joined without hyphens, stem and gender."""

    __slots__ = ("belarusian", "gender", "joined", "shown", "stem")

    def __init__(self, shown: str, joined: str, stem: str, gender: str | None) -> None:
        self.shown = shown
        self.joined = joined
        self.stem = stem
        self.gender = gender
        # A Russian reading of a Belarusian name's surname (belarusian.name_word_reading).
        self.belarusian = False


@lru_cache(maxsize=MEMO_LARGE)
def _surname_gender(joined: str) -> tuple[str, str | None]:
    """Stem and gender of a surname's best Latin form."""
    return _stem_gender(latin_forms(joined).forms[0])


@lru_cache(maxsize=MEMO_LARGE)
def _stem_gender(token: str) -> tuple[str, str | None]:
    return knowledge.surname_gender(token)


class _Features:
    """What comparison needs of one parsed name, computed once.

    The parts only some pairs need (the gender evidence, the swapped reading
    and skeleton keys) are computed on first use: most candidate pairs stop
    at the surname.
    """

    __slots__ = (
        "_gender",
        "_keys",
        "_seen",
        "_swap_keys",
        "_swapped",
        "compound",
        "given",
        "given_ids",
        "joined_given",
        "maiden",
        "middle_ids",
        "middles",
        "name",
        "patronymic",
        "pieces",
        "surname_text",
        "surnames",
        "swap_given",
    )

    def __init__(
        self,
        name: ParsedName,
        given: tuple[NamePart, ...],
        surnames: tuple[_Surname, ...],
        middles: tuple[NamePart, ...],
        patronymic: NamePart | None,
        surname_text: str,
        swap_given: NamePart | None,
    ) -> None:
        self.name = name
        self.given = given
        # (text, is_initial) of each given name: the key of its verdicts.
        self.given_ids = tuple([(p.text, p.role == "initial") for p in given])
        self.surnames = surnames
        self.patronymic = patronymic
        # Middle names and initials after the given name, in order.
        self.middles = middles
        self.middle_ids = tuple([(p.text, p.role == "initial") for p in middles])
        # The given name and the first middle name as one (an East Asian given
        # name written syllable by syllable: Kim Yong Chol ~ Kim Yong-chol).
        self.joined_given: tuple[str, str] | None = None
        if given and given[0].role != "initial" and middles and middles[0].role != "initial":
            self.joined_given = (
                given[0].text + middles[0].text,
                f"{given[0].text} {middles[0].text}",
            )
        # The surname parts (not particles) joined, without hyphens.
        self.surname_text = surname_text
        # The given name of a name that may be read the other way round.
        self.swap_given = swap_given
        # The parts of a compound surname: of the last hyphenated word of the
        # surname, else of the reading that joins the last middle name to it
        # (Maduro Moros: Spanish and Portuguese names carry two surnames).
        self.pieces: tuple[str, ...] = ()
        self.compound = surnames[0] if surnames else None
        written = [p.text for p in name.parts if p.role == "surname"] if surnames else []
        maiden = [p.text for p in name.parts if p.role == "maiden"] if surnames else []
        self.maiden = bool(maiden)
        if maiden:  # a maiden name is another surname of hers (Trufanova née Petrova)
            self.pieces = (surname_text, *maiden)
        elif surnames and "-" in surnames[0].shown:
            words = [w for w in surnames[0].shown.split() if "-" in w]
            self.pieces = tuple(words[-1].split("-"))
        elif len(written) > 1:  # two surnames marked by a comma or capitals (GARCIA LOPEZ, Juan)
            self.pieces = tuple(written)
        elif len(surnames) > 1 and middles:
            self.compound = surnames[1]
            self.pieces = (middles[-1].text, surname_text)
        elif surnames and patronymic is not None:
            # An Arabic filiation and family name: bin Salman Al Saud, whose
            # short form is bin Salman.
            at = name.parts.index(patronymic)
            if at and name.parts[at - 1].role == "particle":
                self.compound = _surname_option(name.parts[at - 1 :])
                self.pieces = (patronymic.text, surname_text)
        self._gender: tuple[str | None, bool] | None = None
        self._keys: frozenset[str] | None = None
        self._swap_keys: tuple[frozenset[str] | None] | None = None
        self._swapped: tuple[_Features | None] | None = None
        self._seen = False

    def gender(self) -> str | None:
        """The gender the name shows (see :func:`_gender_evidence`)."""
        return self._gender_found()[0]

    def _gender_found(self) -> tuple[str | None, bool]:
        if self._gender is None:
            self._gender = _gender_evidence(self.name, self.given, self.surname_text)
        return self._gender

    def gender_from_surname(self) -> bool:
        """Whether :meth:`gender` rests on the surname's form alone."""
        return self._gender_found()[1]

    def surname_keys(self) -> frozenset[str]:
        """Skeleton keys of the first surname reading."""
        if self._keys is None:
            self._keys = part_keys(self.surnames[0].joined) if self.surnames else frozenset()
        return self._keys

    def keys_ready(self) -> bool:
        """Whether :meth:`surname_keys` and :meth:`swap_keys` are at hand.

        They are computed when the name comes to a swap check a second time
        (or by :func:`prepare`): for a name met once they cost more than the
        swapped score they would spare.
        """
        if self._keys is None or self._swap_keys is None:
            if not self._seen:
                self._seen = True
                return False
            self.surname_keys()
            self.swap_keys()
        return True

    def swap_keys(self) -> frozenset[str] | None:
        """The surname keys of :meth:`swapped` without building it (None: no swap)."""
        if self._swap_keys is None:
            keys = None
            if self.swap_given is not None:
                # The swapped reading's surname is this given name, alone.
                keys = part_keys(self.swap_given.text.replace("-", ""))
            self._swap_keys = (keys,)
        return self._swap_keys[0]

    def swapped(self) -> _Features | None:
        """The other reading of a two-part name whose order had no marker."""
        if self._swapped is None:
            name = self.name
            found = None
            if self.swap_given is not None:
                parts = tuple(
                    NamePart(p.text, "surname" if p.role == "given" else "given", p.script)
                    for p in name.parts
                )
                found = _features(attrs.evolve(name, parts=parts))
            self._swapped = (found,)
        return self._swapped[0]


def _surname_option(parts: tuple[NamePart, ...]) -> _Surname:
    if len(parts) == 1:  # the usual case
        shown = parts[0].text
        joined = shown.replace("-", "")
    else:
        core = [p.text for p in parts if p.role != "particle"] or [p.text for p in parts]
        joined = "".join(core).replace("-", "")
        shown = " ".join(p.text for p in parts)
    stem, gender = _surname_gender(joined)
    return _Surname(shown, joined, stem, gender)


def _gender_evidence(
    name: ParsedName, given: tuple[NamePart, ...], joined: str
) -> tuple[str | None, bool]:
    """The gender a name shows: its given name's, else a feminine surname form
    (or a masculine one written in Cyrillic, which always inflects; Latin and
    Hebrew renderings often drop the feminine -a); and whether it came from
    the surname."""
    for part in given:
        if part.role != "initial" and (found := _gender(part.text)):
            return found, False
    if not joined:
        return None, False
    _, gender = _stem_gender(joined)
    if gender == "f" or (gender == "m" and name.script == "Cyrl"):
        return gender, True
    return None, False


def _generations_differ(a: _Features, b: _Features) -> bool:
    """Whether the names carry different generational suffixes (Sr and Jr, II and III)."""
    ga, gb = a.name.generation, b.name.generation
    return ga is not None and gb is not None and ga != gb


def _genders_clash(a: _Features, b: _Features) -> bool:
    """Whether two names show opposite genders.

    A gender read off one name's surname alone does not count against a
    name whose surname has the same form: Belarusian and Ukrainian surnames
    in -a (Skaryna, Latushka, Lukashenka, Kupala) are worn by men too, as
    the other name's given name then shows.
    """
    ga, gb = a.gender(), b.gender()
    if not (ga and gb and ga != gb):
        return False
    if a.given_ids and b.given_ids and not (a.gender_from_surname() or b.gender_from_surname()):
        _, rule, detail, _ = _given_of(a.given_ids[0], b.given_ids[0])
        if _reads_as(rule, detail):
            return False  # the Hebrew given name reads as the other
    for x, y, gx in ((a, b, ga), (b, a, gb)):
        if x.gender_from_surname() and y.surname_text and _stem_gender(y.surname_text)[1] == gx:
            return False
    return True


@lru_cache(maxsize=MEMO_LARGE)
def _features(name: ParsedName) -> _Features:
    # One pass over the parts: the parts of each role, and the surname parts
    # with the particles bound to them (as ParsedName.role and .surname give).
    roles: dict[str, list[NamePart]] = {}
    surname: list[NamePart] = []
    pending: list[NamePart] = []
    for part in name.parts:
        role = part.role
        if role in roles:
            roles[role].append(part)
        else:
            roles[role] = [part]
        if role == "particle":
            pending.append(part)
            continue
        if role == "surname":
            surname.extend(pending)
            surname.append(part)
        if pending:
            pending = []
    given_role = roles.get("given", [])
    initial_role = roles.get("initial", [])
    middles = roles.get("middle", [])
    given = tuple(given_role[:1] + roles.get("nickname", [])) or tuple(initial_role[:1])
    surnames: list[_Surname] = []
    if surname:
        surnames.append(_surname_option(tuple(surname)))
        if middles:  # Sagi Dekel Chen may be the compound surname Dekel-Chen
            surnames.append(_surname_option((middles[-1], *surname)))
        if len(surname) == 1 and belarusian_name([p.text for p in name.parts]):
            reading = name_word_reading(surname[0].text)
            if reading is not None:  # Piatrova beside Aliaksandrauna is Petrova
                option = _surname_option((NamePart(reading, "surname", surname[0].script),))
                option.shown, option.belarusian = surname[0].text, True
                surnames.append(option)
    initials = initial_role if given_role else initial_role[1:]
    between = tuple(p for p in name.parts if p.role == "middle" or p in initials)
    patronymic = roles["patronymic"][0] if "patronymic" in roles else None
    if len(surname) == 1:  # the usual case: the one reading's joined text
        surname_text = surnames[0].joined
    else:
        surname_text = "".join(p.text for p in surname if p.role == "surname").replace("-", "")
    swappable = len(name.parts) == 2 and len(given_role) == 1 and len(roles.get("surname", ())) == 1
    swap_given = given_role[0] if swappable else None
    return _Features(name, given, tuple(surnames), between, patronymic, surname_text, swap_given)


def _best_given(a: _Features, b: _Features) -> tuple[_Verdict, str, str] | None:
    """The best verdict over the given names of two names, and the parts shown:
    a verdict without conflict first, then the higher score."""
    best: tuple[_Verdict, str, str] | None = None
    if len(a.given_ids) == 1 and len(b.given_ids) == 1:  # the usual case
        best = _given_of(a.given_ids[0], b.given_ids[0]), a.given[0].text, b.given[0].text
    else:
        for i, x in enumerate(a.given_ids):
            for j, y in enumerate(b.given_ids):
                cand = _given_of(x, y)
                if best is None or (cand[3] is None, cand[0]) > (best[0][3] is None, best[0][0]):
                    best = (cand, a.given[i].text, b.given[j].text)
    if best is not None and best[0][3] is not None:
        return _joined_given(a, b) or _second_given(a, b) or best
    return best


def _joined_given(a: _Features, b: _Features) -> tuple[_Verdict, str, str] | None:
    """A given name written in two words on one side and one on the other.

    It counts when the two words joined are the other's given name, as
    written or transliterated, and the other name has no middle name.
    """
    for x, y in ((a, b), (b, a)):
        if x.joined_given is None or y.middles or not y.given_ids:
            continue
        joined, shown = x.joined_given
        cand = _given_of((joined, False), (y.given[0].text.replace("-", ""), False))
        if cand[3] is None and cand[0] >= 0.95:
            rule = cand[1] if cand[1] != "exact" else "joined"
            verdict = (cand[0], rule, f"{shown} written as one word", None)
            return (
                (verdict, shown, y.given[0].text) if x is a else (verdict, y.given[0].text, shown)
            )
    return None


def _second_given(a: _Features, b: _Features) -> tuple[_Verdict, str, str] | None:
    """The other's given name is this name's second given name, after a
    devotional first one (José Daniel Ortega ~ Daniel Ortega). It counts when
    the other name has no middle name.
    """
    for x, y in ((a, b), (b, a)):
        if not x.middles or y.middles or len(y.given_ids) != 1 or y.given_ids[0][1]:
            continue
        if x.middle_ids[0][1] or x.given_ids[0][0] not in devotional_names():
            continue
        cand = _given_of(x.middle_ids[0], y.given_ids[0])
        if cand[3] is None and cand[0] >= HYPOCORISM_SCORE:
            shown = f"{x.given[0].text} {x.middles[0].text}"
            detail = f"{x.given[0].text} is a devotional first name; {cand[1]}"
            verdict = (cand[0] - SECOND_GIVEN_PENALTY, "second_given", detail, None)
            return (
                (verdict, shown, y.given[0].text) if x is a else (verdict, y.given[0].text, shown)
            )
    return None


def _compare_given(a: _Features, b: _Features) -> tuple[AlignedPart | None, str | None]:
    found = _best_given(a, b)
    if found is None:
        return None, None
    (score, rule, detail, conflict), shown_a, shown_b = found
    return AlignedPart("given", shown_a, shown_b, score, rule, detail), conflict


# A surname verdict: (score, rule, detail, shown a, shown b).
_SurnameVerdict = tuple[float, str, str, str, str]


def _best_surnames(a: _Features, b: _Features) -> tuple[PartMatch, _Surname, _Surname]:
    """The most similar surname readings of two names (a later pair must do clearly better)."""
    if len(a.surnames) == 1 and len(b.surnames) == 1:  # the usual case
        sa, sb = a.surnames[0], b.surnames[0]
        return surname_similarity(sa.joined, sb.joined), sa, sb
    best: tuple[PartMatch, _Surname, _Surname] | None = None
    for i, sa in enumerate(a.surnames):
        for j, sb in enumerate(b.surnames):
            if i and j and sa.shown.split()[0] == sb.shown.split()[0]:
                # Two compound readings with the same first half (Ibrahim
                # al-Mosuli, Ibrahim al-Duri): it would hide that the rest differs.
                continue
            cand = surname_similarity(sa.joined, sb.joined)
            if best is None or cand.score > best[0].score + 0.05:
                best = (cand, sa, sb)
    assert best is not None
    return best


def _surname_verdict(a: _Features, b: _Features) -> _SurnameVerdict | None:
    if not a.surnames or not b.surnames:
        return None
    match, sa, sb = _best_surnames(a, b)
    if match.score < 0.9:
        if a.pieces:
            compound = _compound_part(a, b)
            if compound is not None:
                return compound
        if b.pieces:
            compound = _compound_part(b, a)
            if compound is not None:
                score, rule, detail, shown_b, shown_a = compound
                return score, rule, detail, shown_a, shown_b
    if sa.belarusian or sb.belarusian:
        reading = sa.joined if sa.belarusian else sb.joined
        score = min(match.score, TRANSLIT_SCORE)  # a reading, as a transliteration scores
        match = PartMatch(score, "belarusian_reading", f"read as {reading}: {match.rule}")
    if sa.gender and sb.gender and sa.gender != sb.gender:
        stem_match = surname_similarity(sa.stem, sb.stem)
        if stem_match.score >= match.score:
            detail = f"{sa.gender} vs {sb.gender} form of {sa.stem}"
            score = round(stem_match.score * GENDERED_FORM_FACTOR, 4)
            return score, "gendered_form", detail, sa.shown, sb.shown
    return match.score, match.rule, match.detail, sa.shown, sb.shown


def _compare_surname(a: _Features, b: _Features) -> AlignedPart | None:
    found = _surname_verdict(a, b)
    return None if found is None else AlignedPart("surname", found[3], found[4], *found[:3])


def _compound_part(a: _Features, b: _Features) -> _SurnameVerdict | None:
    """A compound surname of ``a`` (hyphenated, or a middle name and the
    surname, or two surnames, or a surname and a maiden name) of which ``b``'s
    surname is one part. Across scripts a part needs a lower similarity, as a
    whole surname does (a Hebrew reading rarely reaches 0.9)."""
    whole = a.compound
    assert whole is not None
    if whole is not a.surnames[0] and b.middles:
        return None  # each side keeps a part the other lacks (Kim Jong Un, Kim Yo Jong)
    target = b.surnames[0]
    for i, piece in enumerate(a.pieces):
        match = surname_similarity(piece, target.joined)
        bar = 0.9 if a.name.script == b.name.script else CROSS_SCRIPT_PART
        if match.score >= bar:
            score = round(match.score * COMPOUND_PART_FACTOR, 4)
            if a.maiden and i:
                return score, "maiden_name", f"{piece} is a maiden name", piece, target.shown
            detail = f"{target.shown} is part of {whole.shown}"
            return score, "compound_part", detail, whole.shown, target.shown
    return None


def _patronymic_of(pa: NamePart, pb: NamePart) -> tuple[float, str, str]:
    return (
        _patronymic_verdict(pa.text, pb.text)
        if pa.text <= pb.text
        else _patronymic_verdict(pb.text, pa.text)
    )


def _compare_patronymic(a: _Features, b: _Features) -> tuple[AlignedPart | None, str | None]:
    pa, pb = a.patronymic, b.patronymic
    if pa is None or pb is None:
        return None, None
    score, rule, detail = _patronymic_of(pa, pb)
    part = AlignedPart("patronymic", pa.text, pb.text, score, rule, detail)
    return part, "conflicting patronymic" if score < _DIFFERENT_PATRONYMIC else None


# Patronymic suffixes (longest first), Latin and Cyrillic, Russian, Ukrainian
# and Belarusian; stripping one leaves the father's name stem.
_PATRONYMIC_SUFFIXES = tuple(
    sorted(
        [
            "ovich",
            "ovych",
            # French, German and Dutch spellings of -ovich/-evich and -ovna/-evna.
            "ovitch",
            "evitch",
            "owitsch",
            "ewitsch",
            "ovitsj",
            "evitsj",
            "owna",
            "ewna",
            "evich",
            "evych",
            "ievich",
            "iyovych",
            "yovych",
            "ovna",
            "evna",
            "ivna",
            "yivna",
            "ichna",
            "ich",
            "avich",
            "avič",
            "evič",
            "avič",
            "aŭna",
            "eŭna",
            "auna",
            "euna",
            "ouna",
            "ovič",
            "ович",
            "евич",
            "ьевич",
            "ьович",
            "йович",
            "овна",
            "евна",
            "івна",
            "ївна",
            "ична",
            "ич",
            "авіч",
            "евіч",
            "аўна",
            "еўна",
            "оўна",
        ],
        key=len,
        reverse=True,
    )
)
# Endings a father's name may have lost in the patronymic (Nikola-evich <- Nikolai).
_FATHER_ENDINGS = ("", "i", "y", "a", "iy", "й", "ь", "а", "ий", "o", "о")


@lru_cache(maxsize=MEMO_LARGE)
def _fathers(patronymic: str) -> tuple[str, ...]:
    """Plausible spellings of the father's given name behind a patronymic.

    >>> "nikolai" in _fathers("nikolaevich"), "mykola" in _fathers("mykolayovych")
    (True, True)
    """
    for suffix in _PATRONYMIC_SUFFIXES:
        if patronymic.endswith(suffix) and len(patronymic) - len(suffix) >= 2:
            stem = patronymic[: -len(suffix)]
            stems = {stem, stem.rstrip("yiйь")}
            return tuple(sorted({s + e for s in stems for e in _FATHER_ENDINGS}))
    return (patronymic,)


@lru_cache(maxsize=MEMO_LARGE)
def _patronymic_verdict(x: str, y: str) -> tuple[float, str, str]:
    """(score, rule, detail) of two patronymics: as words, and by the father's name."""
    match = part_similarity(x, y)
    if match.score >= 0.95:
        return match.score, match.rule, match.detail
    fx, fy = _fathers(x), _fathers(y)
    groups_y = [_name_groups(b) for b in fy]
    any_y = frozenset().union(*groups_y)
    for a in fx:
        groups_a = _name_groups(a)
        if not groups_a & any_y:
            continue  # no father's name of y shares a group with a
        for groups_b in groups_y:
            group = _shared(groups_a, groups_b)
            if group:
                return HYPOCORISM_SCORE, "patronymic_of_same_name", group
    stem = part_similarity(fx[0], fy[0]) if fx[0] != x or fy[0] != y else match
    if stem.score > match.score:
        return stem.score, stem.rule, f"father's name {stem.detail}"
    return match.score, match.rule, match.detail


def _middles_differ(xs: tuple[tuple[str, bool], ...], ys: tuple[tuple[str, bool], ...]) -> bool:
    """Whether each name keeps a middle name (or initial) that none of the other's matches.

    A middle name present in one name only is neutral (often dropped), as is
    one that matches: Mohammad Abbas ~ Muhammad Abbas. Two names that each
    keep one the other lacks name different people (Ahmed vs Yahya between
    the same given name and surname; in Arabic and Pashto names they are the
    father's and grandfather's names). A last middle name that may be the
    first half of a compound surname (Sagi Dekel Chen) counts too: read
    either way, the two names differ in it.
    """
    if not xs or not ys:
        return False
    left = list(ys)
    unmatched = False
    for x in xs:
        for k, y in enumerate(left):
            if _middles_match(x[0], y[0]) or _given_of(x, y)[3] is None:
                del left[k]
                break
        else:
            unmatched = True
    return unmatched and bool(left)


def _middles_match(x: str, y: str) -> bool:
    """Middle names across Hebrew and another script are not told apart.

    They are often second surnames, patronymics or Latin nomina whose Hebrew
    spelling (vowels left out, consonants ambiguous) is too loose to show a
    difference: Pieterszoon ~ פיטרסזון, Aurelius ~ אורליו.
    """
    return _hebrew(x) != _hebrew(y)


def _hebrew(token: str) -> bool:
    """Whether a normalised part is written in Hebrew letters (by its first letter)."""
    return "\u0590" <= token[:1] <= "\u05ff"


def _free_middles(f: _Features, shown: str | None) -> tuple[tuple[str, bool], ...]:
    """The middle names of ``f`` less the one a compound surname reading took (Yar Adua)."""
    if shown is None or not f.surnames or shown == f.surnames[0].shown:
        return f.middle_ids
    return f.middle_ids[:-1]


def _middles_conflict(a: _Features, b: _Features, sa: str | None, sb: str | None) -> bool:
    """A middle name on each side that the other cannot match, given the surname
    readings shown (``sa``, ``sb``) that the comparison chose (see :func:`_middles_differ`)."""
    if not a.middle_ids or not b.middle_ids:
        return False
    return _middles_differ(_free_middles(a, sa), _free_middles(b, sb))


@attrs.frozen
class _Outcome:
    score: float
    parts: tuple[AlignedPart, ...]
    conflicts: tuple[str, ...]
    order: str


def _score(a: _Features, b: _Features, order: str) -> _Outcome:
    """The score of two names in one reading, with its explanation.

    :func:`_quick_score` computes the same score and conflict flag without the
    explanation; the two must stay in step.
    """
    surname = _compare_surname(a, b)
    if surname is not None and surname.score < DIFFERENT_SURNAME:
        # Different surnames: the other parts cannot make a match, so they are
        # not weighed (this is most candidate pairs, and the fast path).
        return _Outcome(surname.score, (surname,), (), order)
    given, g_conflict = _compare_given(a, b)
    patronymic, p_conflict = _compare_patronymic(a, b)
    sa, sb = (None, None) if surname is None else (surname.a, surname.b)
    m_conflict = "different middle name" if _middles_conflict(a, b, sa, sb) else None
    aligned = tuple(p for p in (given, patronymic, surname) if p is not None)
    conflicts = [c for c in (g_conflict, p_conflict, m_conflict) if c]
    if not conflicts and _genders_clash(a, b):
        conflicts.append(f"opposite gender ({a.gender()} vs {b.gender()})")
    if not conflicts and _generations_differ(a, b):
        shown = (" ".join(f.name.suffixes) for f in (a, b))
        conflicts.append("different generation ({} vs {})".format(*shown))
    total = weight = 0.0
    for part in aligned:
        total += _WEIGHTS[part.role] * part.score
        weight += _WEIGHTS[part.role]
    score = total / weight if weight else 0.0
    if surname is not None:
        # A shared given name is common; it cannot carry a weak surname match.
        score = min(score, surname.score + SURNAME_MARGIN)
    if surname is None or given is None:
        score *= BARE_SURNAME_FACTOR
    if conflicts:
        score = min(score, CONFLICT_CAP)
    return _Outcome(round(max(0.0, min(1.0, score)), 4), aligned, tuple(conflicts), order)


_W_GIVEN, _W_PATRONYMIC, _W_SURNAME = _WEIGHTS["given"], _WEIGHTS["patronymic"], _WEIGHTS["surname"]


def _quick_score(a: _Features, b: _Features) -> tuple[float, bool]:
    """``_score(a, b).score`` and whether it has conflicts, without the explanation."""
    surname = _surname_verdict(a, b)
    if surname is not None and surname[0] < DIFFERENT_SURNAME:
        return surname[0], False
    # The same sums in the same order as _score (given, patronymic, surname).
    total = weight = 0.0
    conflict = False
    given = _best_given(a, b)
    if given is not None:
        total += _W_GIVEN * given[0][0]
        weight += _W_GIVEN
        conflict = given[0][3] is not None
    pa, pb = a.patronymic, b.patronymic
    if pa is not None and pb is not None:
        p_score = _patronymic_of(pa, pb)[0]
        total += _W_PATRONYMIC * p_score
        weight += _W_PATRONYMIC
        conflict = conflict or p_score < _DIFFERENT_PATRONYMIC
    if surname is not None:
        total += _W_SURNAME * surname[0]
        weight += _W_SURNAME
    if not conflict:
        sa, sb = (None, None) if surname is None else (surname[3], surname[4])
        conflict = _middles_conflict(a, b, sa, sb)
    if not conflict:
        conflict = _genders_clash(a, b) or _generations_differ(a, b)
    score = total / weight if weight else 0.0
    if surname is not None:
        score = min(score, surname[0] + SURNAME_MARGIN)
    if surname is None or given is None:
        score *= BARE_SURNAME_FACTOR
    if conflict:
        score = min(score, CONFLICT_CAP)
    return round(max(0.0, min(1.0, score)), 4), conflict


_SWAP_ORDER = "given name and surname read the other way round"


def _swap_candidates(a: _Features, b: _Features) -> list[tuple[_Features, _Features]]:
    """The swapped readings worth scoring: a given name meets the other's surname."""
    out: list[tuple[_Features, _Features]] = []
    keys = a.swap_keys()
    if keys is not None and keys & b.surname_keys():
        swapped = a.swapped()
        assert swapped is not None
        out.append((swapped, b))
    keys = b.swap_keys()
    if keys is not None and keys & a.surname_keys():
        swapped = b.swapped()
        assert swapped is not None
        out.append((a, swapped))
    return out


def _best(a: _Features, b: _Features) -> _Outcome:
    best = _score(a, b, "as written")
    if best.score >= DEFAULT_THRESHOLD and not best.conflicts:
        return best
    # A reordering can only help when a given name meets the other's surname.
    for alt_a, alt_b in _swap_candidates(a, b):
        cand = _score(alt_a, alt_b, _SWAP_ORDER)
        if cand.score - SWAP_PENALTY > best.score:
            best = attrs.evolve(cand, score=round(cand.score - SWAP_PENALTY, 4))
    return best


def _keys_met(side: _Features, other: _Features) -> bool:
    """Whether the given name of ``side`` meets the surname of ``other`` by keys."""
    keys = side.swap_keys()
    return keys is not None and bool(keys & other.surname_keys())


def _quick_best(a: _Features, b: _Features) -> tuple[float, bool]:
    """``_best(a, b)``'s score and conflict flag (the scoring hot path).

    A swapped reading counts when its keys meet (as in :func:`_swap_candidates`)
    and its score wins. Unless the keys are at hand (:meth:`_Features.keys_ready`)
    the score, which rarely wins, is tried first: the outcome is the same.
    """
    score, conflict = _quick_score(a, b)
    if score >= DEFAULT_THRESHOLD and not conflict:
        return score, conflict
    if a.keys_ready() & b.keys_ready():  # both marked as seen
        for alt_a, alt_b in _swap_candidates(a, b):
            cand, cand_conflict = _quick_score(alt_a, alt_b)
            if cand - SWAP_PENALTY > score:
                score, conflict = round(cand - SWAP_PENALTY, 4), cand_conflict
        return score, conflict
    for side, other in ((a, b), (b, a)):
        swapped = side.swapped()
        if swapped is None:
            continue
        alt = (swapped, other) if side is a else (other, swapped)
        cand, cand_conflict = _quick_score(*alt)
        if cand - SWAP_PENALTY > score and _keys_met(side, other):
            score, conflict = round(cand - SWAP_PENALTY, 4), cand_conflict
    return score, conflict


def _leftovers(name: ParsedName, used: set[str]) -> tuple[str, ...]:
    return tuple(p.text for p in name.parts if p.text not in used and p.role != "particle")


def _ordered(a: ParsedName, b: ParsedName) -> tuple[ParsedName, ParsedName, bool]:
    flip = b.normalized < a.normalized
    return (b, a, True) if flip else (a, b, False)


def prepare(name: ParsedName) -> None:
    """Compute and cache everything comparison needs of one name.

    Optional: :func:`score_pair` does it on first use. The resolver calls it
    for all names before forking its scoring workers, so that per-name work
    (Latin forms, Hebrew readings, table lookups) is done once, not per worker.
    """
    features = _features(name)
    features.gender()
    features.surname_keys()
    for part in (*features.given, *features.middles[:1]):
        _given_part_info(part)
    for surname in features.surnames:
        _forms(surname.joined)
        _loose(surname.joined)
    if features.swap_keys() is not None:
        swapped = features.swapped()
        assert swapped is not None
        swapped.gender()
        swapped.surname_keys()
        for part in swapped.given:
            _given_part_info(part)


def _given_part_info(part: NamePart) -> None:
    """Cache what comparing a given-name part (or initial) needs."""
    is_initial = part.role == "initial"
    _initials(part.text, is_initial)
    if not is_initial:
        _token_info(part.text)
        _forms(part.text)
        _loose(part.text)


def score_pair(a: ParsedName, b: ParsedName) -> tuple[float, bool]:
    """The score of two parsed names and whether they conflict (the fast path).

    Equal to ``compare(a, b).score`` and ``compare(a, b).is_conflict``.
    """
    if b.normalized < a.normalized:
        a, b = b, a
    elif a.normalized == b.normalized:
        return 1.0, False
    return _quick_best(_features(a), _features(b))


def _check_threshold(threshold: object) -> None:
    """Raise unless ``threshold`` is a real number in [0, 1]."""
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")


def _parsed(value: str | ParsedName, name: str) -> ParsedName:
    if isinstance(value, ParsedName):
        return value
    require_str(value, name)
    parsed = parse_name(value)
    if not parsed.parts:
        raise ValueError(f"{name} has no name in it: {value!r}")
    return parsed


def compare(
    a: str | ParsedName, b: str | ParsedName, *, threshold: float = DEFAULT_THRESHOLD
) -> Comparison:
    """Compare two person names and explain the score.

    Symmetric: ``compare(a, b).score == compare(b, a).score``.

    >>> compare("Alexander Trufanov", "Александр Витальевич Труфанов").is_match
    True
    >>> compare("Alexander Trufanov", "Alexandra Trufanova").is_match
    False
    """
    _check_threshold(threshold)
    pa, pb = _parsed(a, "a"), _parsed(b, "b")
    first, second, flip = _ordered(pa, pb)
    outcome = _best(_features(first), _features(second))
    score = 1.0 if first.normalized == second.normalized else outcome.score
    used = {t for p in outcome.parts for t in (p.a or "", p.b or "") for t in t.split()}
    expl = Explanation(
        parts=outcome.parts,
        unmatched_a=_leftovers(first, used),
        unmatched_b=_leftovers(second, used),
        conflicts=outcome.conflicts,
        order=outcome.order,
    )
    if flip:
        expl = expl.swapped()
    return Comparison(pa.original, pb.original, score, expl, threshold)
