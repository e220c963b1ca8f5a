"""RapidFuzz-shaped helpers for small lists: :func:`extract` and :func:`extract_one`.

They compare the query with every choice (no index), as RapidFuzz's
``process.extract`` does, and return ``(choice, score, index)`` tuples, or
``(choice, score, key)`` for a mapping of choices. Scores are
:func:`aliaskit.compare` scores, on aliaskit's 0–1 scale: RapidFuzz's
scorers use 0–100, so a ``score_cutoff`` of 80 there is about 0.8 here (the
two scales do not measure the same thing). For long lists, build an
:class:`~aliaskit.Index` once and search it.

>>> extract("Sasha Troufanov", ["Elena Troufanov", "Александр Труфанов", "Sasha Trupanov"], limit=2)
[('Александр Труфанов', 0.9422, 1), ('Sasha Trupanov', 0.9267, 2)]
>>> extract_one("Yelena Trufanova", {"a": "Elena Troufanov", "b": "Vitali Trupanov"})
('Elena Troufanov', 0.9326, 'a')
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from aliaskit._check import require_threshold
from aliaskit.compare import compare
from aliaskit.record import Record

__all__ = ["extract", "extract_one"]


def _pairs(choices: Iterable[Any] | Mapping[Hashable, Any]) -> list[tuple[Any, Any]]:
    if isinstance(choices, str | Record):
        raise TypeError("choices must be a list or a mapping of names, not one name")
    if isinstance(choices, Mapping):
        return list(choices.items())
    return list(enumerate(choices))


def _missing(choice: Any) -> bool:
    """None and NaN (pandas' missing values) are skipped, as RapidFuzz skips None."""
    return choice is None or (isinstance(choice, float) and math.isnan(choice))


def extract(
    query: str | Record,
    choices: Iterable[Any] | Mapping[Hashable, Any],
    *,
    limit: int | None = 5,
    score_cutoff: float | None = None,
) -> list[tuple[Any, float, Any]]:
    """The choices most like ``query``, best first: ``(choice, score, index or
    key)``, at most ``limit`` (None: all), from ``score_cutoff`` up.

    Choices are names or :class:`~aliaskit.Record` values; missing values
    (None, NaN) and names without letters are skipped; ties keep the order
    of the choices.

    >>> extract("Vitali Trupanov", ["Vitaly Troufanov", None, "Elena Troufanov"])
    [('Vitaly Troufanov', 0.9072, 0), ('Elena Troufanov', 0.45, 2)]
    """
    if not isinstance(query, str | Record):
        raise TypeError(f"query must be a str or a Record, not {type(query).__name__}")
    if isinstance(query, str) and not any(c.isalpha() for c in query):
        raise ValueError(f"query has no letters: {query!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise TypeError(f"limit must be an int or None, not {type(limit).__name__}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    cutoff = None if score_cutoff is None else require_threshold(score_cutoff)
    found: list[tuple[float, int, Any, Any]] = []
    for place, (key, choice) in enumerate(_pairs(choices)):
        if _missing(choice):
            continue
        if not isinstance(choice, str | Record):
            raise TypeError(
                f"choices[{key!r}] must be a str or a Record, not {type(choice).__name__}"
            )
        if isinstance(choice, str) and not any(c.isalnum() for c in choice):
            continue
        try:
            score = compare(query, choice).score
        except ValueError:
            continue  # a choice with no name in it
        if cutoff is None or score >= cutoff:
            found.append((score, place, choice, key))
    found.sort(key=lambda f: (-f[0], f[1]))
    if limit is not None:
        found = found[:limit]
    return [(choice, score, key) for score, _, choice, key in found]


def extract_one(
    query: str | Record,
    choices: Iterable[Any] | Mapping[Hashable, Any],
    *,
    score_cutoff: float | None = None,
) -> tuple[Any, float, Any] | None:
    """The choice most like ``query`` (see :func:`extract`), or None.

    >>> extract_one("Trufanov", ["Bogdanov"], score_cutoff=0.75) is None
    True
    """
    best = extract(query, choices, limit=1, score_cutoff=score_cutoff)
    return best[0] if best else None
