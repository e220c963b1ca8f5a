"""Scored pairs of names: the edge value, and the constants that mark user judgements."""

from __future__ import annotations

import attrs

__all__ = ["CANNOT_EDGE", "MUST_EDGE", "MUST_SCORE", "Edge", "ordered_pair"]

#: The score of a pair that must share an entity: a user merge, or two names
#: with one normalised form. Above every real score (they are at most 1.0).
MUST_SCORE = 2.0


@attrs.frozen(slots=True)
class Edge:
    """What clustering knows of one pair of names: its score, and whether the
    comparison found evidence of two different people (a cannot-link)."""

    score: float
    conflict: bool


#: The edge of a must-link pair.
MUST_EDGE = Edge(MUST_SCORE, False)
#: The edge of a cannot-link pair (a user split, or a conflict whose score is not kept).
CANNOT_EDGE = Edge(0.0, True)


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    """The pair of two names in sorted order, as edges are keyed."""
    return (a, b) if a < b else (b, a)
