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
* a conflicting patronymic (Ivanovich vs Viktorovich);
* opposite gender shown by the names: a given name's gender, or a
  feminine surname form (a masculine form counts only in Cyrillic, since
  Latin and Hebrew renderings often drop the feminine -a).

Score calibration: 0.9 and above, the same name up to romanisation,
script, hypocorism or order; 0.75 (the default threshold) and above, the
same person on the evidence in the two strings; 0.5 to 0.75, related names
(the same surname with one given name missing, or a weak given-name match);
below 0.5, different people.
"""

from __future__ import annotations

import attrs

from aliaskit import knowledge
from aliaskit._check import require_str
from aliaskit.keys import fold
from aliaskit.latin import latin_forms
from aliaskit.parse import NamePart, ParsedName, parse_name
from aliaskit.similarity import part_similarity

__all__ = ["DEFAULT_THRESHOLD", "AlignedPart", "Comparison", "Explanation", "compare"]

DEFAULT_THRESHOLD = 0.75
CONFLICT_CAP = 0.45
HYPOCORISM_SCORE = 0.93
INITIAL_SCORE = 0.85
BARE_SURNAME_FACTOR = 0.7
SWAP_PENALTY = 0.02
GENDERED_FORM_FACTOR = 0.97
_WEIGHTS = {"surname": 0.55, "given": 0.35, "patronymic": 0.10}
_DIFFERENT_GIVEN = 0.6
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
    """Why two names got their score: aligned parts, leftovers and conflicts."""

    parts: tuple[AlignedPart, ...]
    unmatched_a: tuple[str, ...] = ()
    unmatched_b: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    order: str = "as written"

    def swapped(self) -> Explanation:
        """The same explanation with the two sides exchanged."""
        parts = tuple(attrs.evolve(p, a=p.b, b=p.a) for p in self.parts)
        return attrs.evolve(
            self, parts=parts, unmatched_a=self.unmatched_b, unmatched_b=self.unmatched_a
        )

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
    """The result of :func:`compare`: a score in [0, 1], a verdict and the why."""

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


def _initials(part: NamePart) -> frozenset[str]:
    """The Latin initials a part can stand for.

    An initial stands for itself; a given name for the first letter of its
    own spelling and folded form, and of the headwords of its curated groups
    (Sasha -> A for Alexander). A Hebrew name uses its headwords when it is
    known and the first letters of its best readings otherwise.
    """
    text = part.text.rstrip(".")
    forms = latin_forms(text)
    if part.role == "initial":
        letter = forms.forms[0][:1]
        return frozenset({letter, fold(letter)[:1]} - {""})
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


def _known_group(x: str, y: str) -> str | None:
    group = knowledge.same_name(x, y)
    if group:
        return group
    for fx in latin_forms(x).forms[:2]:
        for fy in latin_forms(y).forms[:2]:
            group = knowledge.same_name(fx, fy)
            if group:
                return group
    return None


def _gender(token: str) -> str | None:
    found = knowledge.given_name_gender(token)
    if found is None and latin_forms(token).method != "native":
        found = knowledge.given_name_gender(latin_forms(token).forms[0])
    return found


def _given_pair(x: NamePart, y: NamePart) -> tuple[AlignedPart, str | None]:
    """Score two given names; return the aligned part and a conflict, if any."""
    xi, yi = x.role == "initial", y.role == "initial"
    if xi or yi:
        ok = bool(_initials(x) & _initials(y))
        rule = "initial"
        part = AlignedPart("given", x.text, y.text, INITIAL_SCORE if ok else 0.0, rule)
        return part, None if ok else "different initial"
    match = part_similarity(x.text, y.text)
    gx, gy = _gender(x.text), _gender(y.text)
    if gx and gy and gx != gy:
        part = AlignedPart("given", x.text, y.text, match.score, "gender", f"{gx} vs {gy}")
        return part, "given names of opposite gender"
    if match.score >= 0.95:
        return AlignedPart("given", x.text, y.text, match.score, match.rule, match.detail), None
    group = _known_group(x.text, y.text)
    if group:
        return AlignedPart("given", x.text, y.text, HYPOCORISM_SCORE, "hypocorism", group), None
    part = AlignedPart("given", x.text, y.text, match.score, match.rule, match.detail)
    known = knowledge.is_known_name(x.text) and knowledge.is_known_name(y.text)
    if match.score < _DIFFERENT_GIVEN or (known and match.score < 0.85):
        return part, "different given name"
    return part, None


def _given_options(name: ParsedName) -> list[NamePart]:
    opts = list(name.role("given")[:1]) + list(name.role("nickname"))
    if not opts:
        opts = list(name.role("initial")[:1])
    return opts


def _compare_given(a: ParsedName, b: ParsedName) -> tuple[AlignedPart | None, str | None]:
    oa, ob = _given_options(a), _given_options(b)
    if not oa or not ob:
        return None, None
    best: tuple[AlignedPart, str | None] | None = None
    for x in oa:
        for y in ob:
            cand = _given_pair(x, y)
            key = (cand[1] is None, cand[0].score)
            if best is None or key > (best[1] is None, best[0].score):
                best = cand
    assert best is not None
    return best


def _surname_options(name: ParsedName) -> list[tuple[NamePart, ...]]:
    """The surname, and the surname with the last middle name joined to it
    (``Sagi Dekel Chen`` may be the compound surname Dekel-Chen)."""
    options = [name.surname]
    middles = name.role("middle")
    if middles:
        options.append((middles[-1], *name.surname))
    return options


def _joined(parts: tuple[NamePart, ...]) -> str:
    core = [p.text for p in parts if p.role != "particle"] or [p.text for p in parts]
    return "".join(core).replace("-", "")


def _compare_surname(a: ParsedName, b: ParsedName) -> AlignedPart | None:
    if not a.surname or not b.surname:
        return None
    best = None
    for sa in _surname_options(a):
        for sb in _surname_options(b):
            cand = part_similarity(_joined(sa), _joined(sb))
            if best is None or cand.score > best[0].score + 0.05:
                best = (cand, sa, sb)
    assert best is not None
    match, sa, sb = best
    ja, jb = _joined(sa), _joined(sb)
    shown_a, shown_b = " ".join(p.text for p in sa), " ".join(p.text for p in sb)
    part = AlignedPart("surname", shown_a, shown_b, match.score, match.rule, match.detail)
    stem_a, gen_a = knowledge.surname_gender(latin_forms(ja).forms[0])
    stem_b, gen_b = knowledge.surname_gender(latin_forms(jb).forms[0])
    if gen_a and gen_b and gen_a != gen_b:
        stem_match = part_similarity(stem_a, stem_b)
        if stem_match.score >= match.score:
            detail = f"{gen_a} vs {gen_b} form of {stem_a}"
            score = round(stem_match.score * GENDERED_FORM_FACTOR, 4)
            part = AlignedPart("surname", shown_a, shown_b, score, "gendered_form", detail)
    return part


def _gender_evidence(name: ParsedName) -> str | None:
    """The gender a name shows: its given name's, else a feminine surname form
    (or a masculine one written in Cyrillic, which always inflects; Latin and
    Hebrew renderings often drop the feminine -a)."""
    for part in (name.given, *name.role("nickname")):
        if part is not None:
            found = _gender(part.text)
            if found:
                return found
    surname = [p.text for p in name.surname if p.role == "surname"]
    if not surname:
        return None
    joined = "".join(surname).replace("-", "")
    _, gender = knowledge.surname_gender(joined)
    if gender == "f" or (gender == "m" and name.script == "Cyrl"):
        return gender
    return None


def _compare_patronymic(a: ParsedName, b: ParsedName) -> tuple[AlignedPart | None, str | None]:
    pa, pb = a.patronymic, b.patronymic
    if pa is None or pb is None:
        return None, None
    match = part_similarity(pa.text, pb.text)
    part = AlignedPart("patronymic", pa.text, pb.text, match.score, match.rule, match.detail)
    return part, "conflicting patronymic" if match.score < _DIFFERENT_PATRONYMIC else None


def _leftovers(name: ParsedName, used: set[str]) -> tuple[str, ...]:
    return tuple(p.text for p in name.parts if p.text not in used and p.role != "particle")


def _score(a: ParsedName, b: ParsedName, order: str) -> tuple[float, Explanation]:
    surname = _compare_surname(a, b)
    given, g_conflict = _compare_given(a, b)
    patronymic, p_conflict = _compare_patronymic(a, b)
    aligned = [p for p in (given, patronymic, surname) if p is not None]
    conflicts = [c for c in (g_conflict, p_conflict) if c]
    gender_a, gender_b = _gender_evidence(a), _gender_evidence(b)
    if gender_a and gender_b and gender_a != gender_b and not conflicts:
        conflicts.append(f"opposite gender ({gender_a} vs {gender_b})")
    total = weight = 0.0
    for part in aligned:
        total += _WEIGHTS[part.role] * part.score
        weight += _WEIGHTS[part.role]
    score = total / weight if weight else 0.0
    if surname is None or given is None:
        score *= BARE_SURNAME_FACTOR
    if conflicts:
        score = min(score, CONFLICT_CAP)
    used = {t for p in aligned for t in (p.a or "", p.b or "") for t in t.split()}
    expl = Explanation(
        parts=tuple(aligned),
        unmatched_a=_leftovers(a, used),
        unmatched_b=_leftovers(b, used),
        conflicts=tuple(conflicts),
        order=order,
    )
    return round(max(0.0, min(1.0, score)), 4), expl


def _swap(name: ParsedName) -> ParsedName | None:
    """The other reading of a two-part name whose order had no marker."""
    given, surnames = name.role("given"), name.role("surname")
    if len(given) != 1 or len(surnames) != 1 or len(name.parts) != 2:
        return None
    swapped = tuple(
        attrs.evolve(p, role="surname" if p.role == "given" else "given") for p in name.parts
    )
    return attrs.evolve(name, parts=swapped)


def _best(a: ParsedName, b: ParsedName) -> tuple[float, Explanation]:
    best = _score(a, b, "as written")
    for alt_a, alt_b in ((_swap(a), b), (a, _swap(b))):
        if alt_a is None or alt_b is None:
            continue
        score, expl = _score(alt_a, alt_b, "given name and surname read the other way round")
        if score - SWAP_PENALTY > best[0]:
            best = (round(score - SWAP_PENALTY, 4), expl)
    return best


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
    pa, pb = _parsed(a, "a"), _parsed(b, "b")
    flip = (pb.normalized, pb.original) < (pa.normalized, pa.original)
    first, second = (pb, pa) if flip else (pa, pb)
    score, expl = _best(first, second)
    if first.normalized == second.normalized:
        score = 1.0
    if flip:
        expl = expl.swapped()
    return Comparison(pa.original, pb.original, score, expl, threshold)
