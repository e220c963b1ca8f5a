"""How many input mentions used each name: the counts that pick an entity's
canonical spelling when the full given names tie (:mod:`aliaskit.entity`).

A mention is one input: a string given to :func:`aliaskit.cluster` or
:meth:`aliaskit.Resolver.add_many`, one record (each of its names once), one
row of a Spark column. A name given twice counts twice. Only names that were
read count (an input that holds no name is skipped, not counted). The counts
depend on the inputs, never on their order.

A saved Resolver (format version 4) keeps the counts that are not 1 in
``mentions``; :func:`checked_mentions` validates them on the way in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Mapping, Sequence
from typing import Any

from aliaskit.record import Record

__all__ = [
    "MentionsError",
    "checked_mentions",
    "mention_counts",
    "saved_mentions",
]


class MentionsError(ValueError):
    """The saved mention counts are not an object of saved names to counts."""


def mention_counts(items: Sequence[str | Record], held: Container[str]) -> dict[str, int]:
    """How many of ``items`` mention each name of ``held``: a string its one
    name, a record each of its names (a name twice in one record counts once).
    Counted at C speed for strings (0.24 s a million)."""
    strings = [x for x in items if isinstance(x, str)]
    counts = Counter(strings)
    if len(strings) < len(items):
        for item in items:
            if isinstance(item, Record):
                counts.update(set(item.names))
    return {name: n for name, n in counts.items() if name in held}


def saved_mentions(counts: Mapping[str, int]) -> dict[str, int]:
    """The counts to save: those that are not 1 (a name read back counts 1), by name."""
    return {name: counts[name] for name in sorted(counts) if counts[name] != 1}


def checked_mentions(data: Any, names: Container[str]) -> dict[str, int]:
    """Saved counts as a dict, or :class:`MentionsError` saying which entry is
    wrong: an object whose keys are saved ``names`` and whose values are
    non-negative integers (not booleans, not floats)."""
    if not isinstance(data, dict):
        raise MentionsError(f"mentions must be an object of names to counts, not {_kind(data)}")
    for name, count in data.items():
        if name not in names:
            raise MentionsError(f"mentions[{name!r}]: not a saved name")
        if type(count) is not int or count < 0:  # not True, not 1.0
            raise MentionsError(f"mentions[{name!r}] must be a non-negative integer, not {count!r}")
    return dict(data)


def _kind(data: Any) -> str:
    return "null" if data is None else type(data).__name__
