""":func:`compare` of records: their best pair of names, then their evidence.

Two records are compared by the best-scoring pair of their names (each
record may list aliases), climbing the same ladder as two strings, with a
stated gender in place of the one a name shows. The evidence rungs
(:mod:`._evidence`) then move the score, and their verdicts join the
explanation as aligned parts beside the names'.
"""

from __future__ import annotations

from functools import partial

import attrs

from aliaskit.compare._evidence import (
    EvidenceVerdict,
    birth_date_verdict,
    countries_verdict,
    gender_verdict,
    weigh,
)
from aliaskit.compare._explain import explain
from aliaskit.compare._features import Features, features
from aliaskit.compare._ladder import Trace, best
from aliaskit.compare._result import AlignedPart, Comparison, Deferred, Explanation
from aliaskit.parse import ParsedName, parse_name
from aliaskit.record import Record

__all__ = ["climb_in_order", "compare_records", "evidence_verdicts"]


@attrs.frozen
class _NamePair:
    """The winning pair of names of two records, as the ladder scored it."""

    score: float
    conflict: bool
    first: ParsedName
    second: ParsedName
    flip: bool
    trace: Trace
    features_a: Features
    features_b: Features


def compare_records(a: Record, b: Record, threshold: float) -> Comparison:
    """The comparison of two records (see :func:`aliaskit.compare.compare`)."""
    found = _best_pair(a, b)
    verdicts = evidence_verdicts(a, b, found.features_a, found.features_b)
    score, conflict = weigh(found.score, found.conflict, verdicts)
    build = partial(_explanation, found, verdicts)
    first, second = (found.second, found.first) if found.flip else (found.first, found.second)
    return Comparison(first.original, second.original, score, Deferred(conflict, build), threshold)


def evidence_verdicts(
    a: Record, b: Record, features_a: Features, features_b: Features
) -> tuple[EvidenceVerdict, ...]:
    """The verdicts of the evidence two records carry, in the order shown."""
    found = (
        birth_date_verdict(a.birth_date, b.birth_date),
        countries_verdict(a.countries, b.countries),
        gender_verdict(a.gender, b.gender, features_a.gender(), features_b.gender()),
    )
    return tuple(v for v in found if v is not None)


def _best_pair(a: Record, b: Record) -> _NamePair:
    """The pair of names, one of each record, that scores best (the first
    such pair in the records' order on a tie; a pair without conflict first)."""
    winner: _NamePair | None = None
    for x in _parsed_names(a, "a"):
        for y in _parsed_names(b, "b"):
            fx, fy = _with_gender(features(x), a.gender), _with_gender(features(y), b.gender)
            score, conflict, flip, trace = climb_in_order(x, y, fx, fy)
            # One form is one name, unless a stated gender tells two people apart.
            if x.normalized == y.normalized and not conflict:
                score = 1.0
            first, second = (y, x) if flip else (x, y)
            found = _NamePair(score, conflict, first, second, flip, trace, fx, fy)
            if winner is None or (not conflict, score) > (not winner.conflict, winner.score):
                winner = found
    assert winner is not None
    return winner


def climb_in_order(
    x: ParsedName, y: ParsedName, fx: Features, fy: Features
) -> tuple[float, bool, bool, Trace]:
    """The ladder's score and conflict of two names (``fx`` and ``fy`` their
    features), climbed in a canonical order so that the score is symmetric;
    whether that order flips them, and the trace of the winning reading."""
    flip = y.normalized < x.normalized
    trace = Trace()
    score, conflict = best(fy, fx, trace) if flip else best(fx, fy, trace)
    return score, conflict, flip, trace


def _parsed_names(record: Record, side: str) -> list[ParsedName]:
    found = [parsed for parsed in map(parse_name, record.names) if parsed.parts]
    if not found:
        raise ValueError(f"{side} has no name in it: {record.name!r}")
    return found


def _with_gender(found: Features, gender: str | None) -> Features:
    return found if gender is None else found.with_gender(gender)


def _explanation(found: _NamePair, verdicts: tuple[EvidenceVerdict, ...]) -> Explanation:
    reading = found.trace.reading
    assert reading is not None
    names = explain(reading, found.first, found.second, found.flip)
    parts = tuple(AlignedPart(v.role, v.a, v.b, v.score, v.rule, _detail(v)) for v in verdicts)
    # A conflict the names' rungs already show (a stated gender seen by the
    # gender rung) is not repeated.
    shown = {c.split(" (")[0] for c in names.conflicts}
    extra = tuple(
        v.conflict for v in verdicts if v.conflict and v.conflict.split(" (")[0] not in shown
    )
    return attrs.evolve(names, parts=names.parts + parts, conflicts=names.conflicts + extra)


def _detail(verdict: EvidenceVerdict) -> str:
    if verdict.adjustment > 0:
        return f"+{verdict.adjustment:.2f}"
    if verdict.adjustment < 0:
        return f"{verdict.adjustment:.2f}"
    return ""
