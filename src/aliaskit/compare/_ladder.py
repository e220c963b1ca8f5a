"""The ladder: the rungs of comparison in order, and the one scorer that climbs it.

1. **Surname** (:mod:`._surname`). Below :data:`DIFFERENT_SURNAME` the
   score is the surname's and no other part is weighed: this is where most
   candidate pairs stop.
2. **Given name** (:mod:`._given`) and **patronymic** (:mod:`._patronymic`):
   the score is the weighted mean of the parts both names have, capped at
   the surname score plus :data:`SURNAME_MARGIN` and scaled by
   :data:`BARE_SURNAME_FACTOR` when a name lacks a given name or surname.
3. **Conflicts**: a given name, patronymic or middle names (:mod:`._middles`)
   that show two people; failing those, opposite genders or different
   generations (:mod:`._conflicts`). A conflict caps the score at
   :data:`CONFLICT_CAP`.
4. **Order**: a two-part name may be read the other way round, when its
   given name meets the other's surname; the better reading wins, less
   :data:`SWAP_PENALTY`.

:func:`best` gives the score and whether there is a conflict. Given a
:class:`Trace`, it also records what each rung found in the winning reading
(from which the explanation is built later, only if it is read).
"""

from __future__ import annotations

import attrs

from aliaskit.compare._conflicts import gender_conflict, generation_conflict
from aliaskit.compare._features import Features
from aliaskit.compare._given import GivenVerdict, best_given
from aliaskit.compare._middles import middles_conflict
from aliaskit.compare._patronymic import PatronymicVerdict, patronymic_verdict
from aliaskit.compare._scale import CONFLICT_CAP, DEFAULT_THRESHOLD, SCORE_DIGITS
from aliaskit.compare._surname import SurnameVerdict, surname_verdict

#: Weights of the parts in the mean: surname, given name, patronymic.
SURNAME_WEIGHT = 0.55
GIVEN_WEIGHT = 0.35
PATRONYMIC_WEIGHT = 0.10
#: Below this surname similarity the score is the surname's alone.
DIFFERENT_SURNAME = 0.5
#: A shared given name cannot lift the score more than this above the surname's.
SURNAME_MARGIN = 0.05
#: The score of a name without a given name (or surname) is scaled by this.
BARE_SURNAME_FACTOR = 0.7
#: A reading of a name the other way round loses this much.
SWAP_PENALTY = 0.02

AS_WRITTEN = "as written"
SWAPPED = "given name and surname read the other way round"


@attrs.frozen
class Reading:
    """What the rungs found in one reading of two names.

    Only the parts weighed are set: a pair that stops at the surname rung
    has no given-name or patronymic verdict.
    """

    order: str
    a: Features
    b: Features
    surname: SurnameVerdict | None
    given: GivenVerdict | None = None
    patronymic: PatronymicVerdict | None = None
    conflicts: tuple[str, ...] = ()


class Trace:
    """Where :func:`best` records the reading that won (None until it has run)."""

    __slots__ = ("reading",)

    def __init__(self) -> None:
        self.reading: Reading | None = None


def score_reading(
    a: Features, b: Features, order: str = AS_WRITTEN, trace: Trace | None = None
) -> tuple[float, bool]:
    """The score of two names in one reading, and whether they conflict."""
    surname = surname_verdict(a, b)
    if surname is not None and surname.score < DIFFERENT_SURNAME:
        # Different surnames: the other parts cannot make a match.
        if trace is not None:
            trace.reading = Reading(order, a, b, surname)
        return surname.score, False
    given = best_given(a, b)
    pa, pb = a.patronymic, b.patronymic
    if trace is None and pa is not None and pb is not None and given is not None:
        s = 0.0 if surname is None else surname.score
        if conflict_settled(s, surname is not None, given.score, given.conflict is not None):
            return capped(CONFLICT_CAP, True), True
    patronymic = None if pa is None or pb is None else patronymic_verdict(pa.text, pb.text)
    score = weighed(
        0.0 if surname is None else surname.score,
        0.0 if given is None else given.score,
        0.0 if patronymic is None else patronymic.score,
        surname is not None,
        given is not None,
        patronymic is not None,
    )
    conflicts = _conflicts(a, b, surname, given, patronymic, trace is not None)
    if trace is not None:
        trace.reading = Reading(order, a, b, surname, given, patronymic, tuple(conflicts))
    return capped(score, bool(conflicts)), bool(conflicts)


def weighed(
    surname: float,
    given: float,
    patronymic: float,
    has_surname: bool,
    has_given: bool,
    has_patronymic: bool,
) -> float:
    """The weighted mean of the parts both names have (``has_*``), capped at the
    surname score plus :data:`SURNAME_MARGIN`, and scaled by
    :data:`BARE_SURNAME_FACTOR` without a given name or surname."""
    # Summed in the order the parts are shown: given, patronymic, surname.
    total = weight = 0.0
    if has_given:
        total += GIVEN_WEIGHT * given
        weight += GIVEN_WEIGHT
    if has_patronymic:
        total += PATRONYMIC_WEIGHT * patronymic
        weight += PATRONYMIC_WEIGHT
    if has_surname:
        total += SURNAME_WEIGHT * surname
        weight += SURNAME_WEIGHT
    score = total / weight if weight else 0.0
    if has_surname:
        score = min(score, surname + SURNAME_MARGIN)
    if not has_surname or not has_given:
        score *= BARE_SURNAME_FACTOR
    return score


def conflict_settled(surname: float, has_surname: bool, given: float, conflict: bool) -> bool:
    """Whether two names with patronymics score :data:`CONFLICT_CAP` with a
    conflict whatever their patronymics: the given names conflict, and the
    weighed score with the patronymics scoring 0 already reaches the cap. The
    weighed score never falls as the patronymic score rises (its weight is
    positive, and floating-point sums are monotone), so the capped score is
    the cap and the patronymic verdict, the costliest, need not be made."""
    return conflict and weighed(surname, given, 0.0, has_surname, True, True) >= CONFLICT_CAP


def capped(score: float, conflict: bool) -> float:
    """A weighed score capped at :data:`CONFLICT_CAP` by a conflict, in [0, 1], rounded."""
    if conflict:
        score = min(score, CONFLICT_CAP)
    return round(max(0.0, min(1.0, score)), SCORE_DIGITS)


def _conflicts(
    a: Features,
    b: Features,
    surname: SurnameVerdict | None,
    given: GivenVerdict | None,
    patronymic: PatronymicVerdict | None,
    every: bool,
) -> list[str]:
    """The conflicts of two names: of the given name, patronymic and middle
    names; failing those, of gender, then of generation. Unless ``every``,
    the first found is enough (the score is capped all the same)."""
    found: list[str] = []
    if given is not None and given.conflict is not None:
        found.append(given.conflict)
    if patronymic is not None and patronymic.conflict is not None:
        found.append(patronymic.conflict)
    if every or not found:
        middle = middles_conflict(a, b, surname)
        if middle is not None:
            found.append(middle)
    if not found:
        gender = gender_conflict(a, b)
        if gender is not None:
            found.append(gender)
        else:
            generation = generation_conflict(a, b)
            if generation is not None:
                found.append(generation)
    return found


def best(a: Features, b: Features, trace: Trace | None = None) -> tuple[float, bool]:
    """The score of two names in their best reading, and whether it conflicts.

    A reading the other way round counts when a name has one (two parts, no
    marker of order), its given name meets the other's surname by skeleton
    keys, and it scores better. Unless the keys are at hand
    (:meth:`Features.keys_ready`) the swapped score, which rarely wins, is
    computed first and the keys only if it does: the outcome is the same.
    """
    score, conflict = score_reading(a, b, AS_WRITTEN, trace)
    if score >= DEFAULT_THRESHOLD and not conflict:
        return score, conflict
    keys_first = a.keys_ready() & b.keys_ready()  # both marked as seen
    for side_is_a in (True, False):
        side, other = (a, b) if side_is_a else (b, a)
        if side.swap_given is None:
            continue
        if keys_first and side.swap_keys().isdisjoint(other.surname_keys()):
            continue  # its given name does not meet the other's surname
        swapped = side.swapped()
        assert swapped is not None
        alt_a, alt_b = (swapped, other) if side_is_a else (other, swapped)
        probe = None if trace is None else Trace()
        cand, cand_conflict = score_reading(alt_a, alt_b, SWAPPED, probe)
        if cand - SWAP_PENALTY > score and (keys_first or side.meets(other)):
            score, conflict = round(cand - SWAP_PENALTY, SCORE_DIGITS), cand_conflict
            if trace is not None and probe is not None:
                trace.reading = probe.reading
    return score, conflict
