"""The evidence rungs: birth dates, countries and gender beside the names.

A careful analyst weighs what a list says of two people besides their names:

* **Birth date.** Two full dates that differ keep two records apart (a
  conflict, which caps the score at :data:`CONFLICT_CAP`), unless one
  alternative of each agrees; so do two different years. A year off by one
  with the same day and month is a known registry error: a mild penalty,
  :data:`YEAR_OFF_BY_ONE_PENALTY`, not a conflict; a hedged date
  (``possibly``) that differs is a penalty too. A partial date (a year, a
  month) is compatible with a full one that agrees. The same full date
  supports a weaker name match (a bare name, an initial, a missing
  patronymic) by :data:`SAME_DATE_SUPPORT`.
* **Countries.** People hold two nationalities, so countries are sets: a
  shared country is compatible, disjoint sets are a mild penalty,
  :data:`DISJOINT_COUNTRIES_PENALTY`, never a conflict by themselves.
* **Gender.** A record's explicit gender overrides the gender its name
  shows (the names' features carry it, so the gender rung of the ladder
  sees it); two explicit genders that differ are a conflict.

Each rung gives an :class:`EvidenceVerdict`; :func:`weigh` applies them to the
name score.
"""

from __future__ import annotations

import attrs

from aliaskit.compare._scale import CONFLICT_CAP, SCORE_DIGITS
from aliaskit.dates import BirthDate, DatePart

__all__ = [
    "DISJOINT_COUNTRIES_PENALTY",
    "HEDGED_DATE_PENALTY",
    "SAME_DATE_SUPPORT",
    "SUPPORT_FLOOR",
    "YEAR_OFF_BY_ONE_PENALTY",
    "EvidenceVerdict",
    "birth_date_verdict",
    "countries_verdict",
    "dates_conflict",
    "gender_verdict",
    "weigh",
]

#: Added to a name score without conflict when two full birth dates agree.
SAME_DATE_SUPPORT = 0.10
#: The name score from which an agreeing birth date supports it: below it the
#: names are not close enough for a date to make them one person.
SUPPORT_FLOOR = 0.55
#: Taken off when the dates agree but for a year off by one (a registry error).
YEAR_OFF_BY_ONE_PENALTY = 0.05
#: Taken off when dates differ and one of them is hedged (``possibly``).
HEDGED_DATE_PENALTY = 0.05
#: Taken off when both records name countries and share none.
DISJOINT_COUNTRIES_PENALTY = 0.05


@attrs.frozen
class EvidenceVerdict:
    """What one piece of evidence says of two records.

    ``score`` is how well the two sides agree (1 the same, 0 different, as a
    name part's), ``adjustment`` what it adds to the name score (negative for
    a penalty), and ``conflict`` the conflict it shows, if any.
    """

    role: str
    a: str
    b: str
    score: float
    rule: str
    adjustment: float = 0.0
    conflict: str | None = None
    supports: bool = False


def birth_date_verdict(a: BirthDate | None, b: BirthDate | None) -> EvidenceVerdict | None:
    """The birth-date rung (None when either record has no date)."""
    if a is None or b is None:
        return None
    shown = (str(a), str(b))
    pairs = [(x, y) for x in sorted(a.alternatives) for y in sorted(b.alternatives)]
    if any(x.is_full and y.is_full and x == y for x, y in pairs):
        return EvidenceVerdict(
            "birth date", *shown, 1.0, "same date", SAME_DATE_SUPPORT, supports=True
        )
    if any(x.agrees(y) for x, y in pairs):
        return EvidenceVerdict("birth date", *shown, 1.0, "compatible")
    if any(_off_by_one(x, y) for x, y in pairs):
        return EvidenceVerdict(
            "birth date", *shown, 0.5, "year off by one", -YEAR_OFF_BY_ONE_PENALTY
        )
    if a.hedged or b.hedged:
        return EvidenceVerdict("birth date", *shown, 0.0, "different, hedged", -HEDGED_DATE_PENALTY)
    conflict = f"different birth date ({shown[0]} vs {shown[1]})"
    return EvidenceVerdict("birth date", *shown, 0.0, "different", conflict=conflict)


def dates_conflict(a: BirthDate, b: BirthDate) -> bool:
    """Whether two birth dates show two people: no alternative of one agrees
    with one of the other (:meth:`DatePart.agrees`), or differs from it in a
    year off by one, and neither is hedged. The conflict of
    :func:`birth_date_verdict`, without building the verdict."""
    if a.hedged or b.hedged:
        return False
    return not any(x.agrees(y) or _off_by_one(x, y) for x in a.alternatives for y in b.alternatives)


def _off_by_one(x: DatePart, y: DatePart) -> bool:
    """Whether two dates differ only in a year off by one (day and month the same where known)."""
    return (
        abs(x.year - y.year) == 1
        and (x.month is None or y.month is None or x.month == y.month)
        and (x.day is None or y.day is None or x.day == y.day)
    )


def countries_verdict(a: frozenset[str], b: frozenset[str]) -> EvidenceVerdict | None:
    """The countries rung (None when either record names none)."""
    if not a or not b:
        return None
    shown = (", ".join(sorted(a)), ", ".join(sorted(b)))
    if a & b:
        return EvidenceVerdict("countries", *shown, 1.0, "shared")
    return EvidenceVerdict("countries", *shown, 0.0, "disjoint", -DISJOINT_COUNTRIES_PENALTY)


def gender_verdict(
    a: str | None, b: str | None, shown_a: str | None, shown_b: str | None
) -> EvidenceVerdict | None:
    """The gender rung: ``a`` and ``b`` are the records' stated genders,
    ``shown_a`` and ``shown_b`` those their names show (None when neither
    record states one, or a side shows none).

    Two stated genders that differ are a conflict. A stated gender against
    one a name shows is weighed by the ladder's gender rung, which sees the
    stated gender in place of the name's (with its exceptions, such as
    Belarusian men's surnames in -a); this verdict then only shows it.
    """
    if a is None and b is None:
        return None
    ga, gb = a or shown_a, b or shown_b
    if ga is None or gb is None:
        return None
    rule = "stated" if a and b else "stated on one side"
    if ga == gb:
        return EvidenceVerdict("gender", ga, gb, 1.0, f"same, {rule}")
    conflict = f"opposite gender ({ga} vs {gb})" if a and b else None
    return EvidenceVerdict("gender", ga, gb, 0.0, f"opposite, {rule}", conflict=conflict)


def weigh(
    score: float, conflict: bool, verdicts: tuple[EvidenceVerdict, ...]
) -> tuple[float, bool]:
    """The score and conflict of two records: their names' score and conflict
    with the evidence verdicts applied.

    A conflict in the evidence caps the score at :data:`CONFLICT_CAP`. Else
    the adjustments are added, a support only to a name score of at least
    :data:`SUPPORT_FLOOR` without conflict, and the sum is kept in [0, 1].
    """
    if any(v.conflict for v in verdicts):
        return min(score, CONFLICT_CAP), True
    total = score
    for verdict in verdicts:
        if verdict.supports and (conflict or score < SUPPORT_FLOOR):
            continue
        total += verdict.adjustment
    if conflict:
        total = min(total, CONFLICT_CAP)
    return round(min(max(total, 0.0), 1.0), SCORE_DIGITS), conflict
