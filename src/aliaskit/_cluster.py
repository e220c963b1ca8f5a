"""Names, or records, clustered at once: :func:`cluster`, the checks on its
input, and the warning about inputs that hold no name.

The work is :mod:`aliaskit._batch` (names) or :mod:`aliaskit._records_batch`
(records); :class:`~aliaskit.resolver.Resolver` gives the same entities for
the same inputs, however they arrive.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable

from aliaskit._batch import cluster_batch
from aliaskit._check import require_threshold
from aliaskit._gc import gc_paused
from aliaskit._records_batch import cluster_records
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.entity import Entity
from aliaskit.record import Record

__all__ = ["MAX_WORKERS", "SkippedNamesWarning", "checked_items", "cluster"]

#: Worker processes that score pairs, at most (and no more than the CPUs).
MAX_WORKERS = 2


class SkippedNamesWarning(UserWarning):
    """Some inputs held no name (empty or only punctuation) and were skipped."""


def cluster(names: Iterable[str | Record], *, threshold: float = DEFAULT_THRESHOLD) -> list[Entity]:
    """Cluster names, or records, into entities.

    Every distinct non-empty input string belongs to exactly one entity.
    A string given more than once is one alias, but each time counts as a
    mention: the spelling most mentions use weighs the canonical name
    (after a full given name over a hypocorism; see :mod:`aliaskit.entity`).
    Empty or punctuation-only names are skipped with a
    :class:`SkippedNamesWarning` that says how many and where.

    Items may be :class:`~aliaskit.Record` values: the unit of clustering is
    then the record. Its names stay together, its evidence (birth date,
    countries, gender) weighs as in :func:`~aliaskit.compare.compare`, and
    ``Entity.records`` lists the records' keys (an id, else the primary
    name). The same string in two records may end in two entities when their
    evidence separates them; without evidence, the entities are those of the
    names. Two records with one id and different content raise
    :class:`ValueError`.

    >>> [e.canonical for e in cluster(["Sasha Troufanov", "Alexander Trufanov", "Elena Troufanov"])]
    ['Alexander Trufanov', 'Elena Troufanov']
    """
    threshold = require_threshold(threshold)
    items = checked_items(names)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    with gc_paused():
        if any(isinstance(item, Record) for item in items):
            entities, skipped = cluster_records(items, threshold, workers)
        else:
            entities, skipped = cluster_batch(items, threshold, workers)  # type: ignore[arg-type]
    if skipped:
        where = ", ".join(str(s.position) for s in skipped[:10])
        more = "" if len(skipped) <= 10 else ", ..."
        warnings.warn(
            f"skipped {len(skipped)} empty name(s) at position(s) {where}{more}",
            SkippedNamesWarning,
            stacklevel=2,
        )
    return entities


def checked_items(names: Iterable[str | Record]) -> list[str | Record]:
    """The names or records as a list, once each item is known to be one (else ``TypeError``)."""
    if isinstance(names, str | bytes | Record):
        raise TypeError(
            "names must be an iterable of str or Record, not a single one (wrap it in a list)"
        )
    items = list(names)
    for i, item in enumerate(items):
        if not isinstance(item, str | Record):
            raise TypeError(f"names[{i}] must be a str or a Record, not {type(item).__name__}")
    return items
