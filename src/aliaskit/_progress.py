"""Progress of a batch of names through a Resolver, stage by stage.

:meth:`aliaskit.Resolver.add_many` takes a ``progress`` callback (any
callable matching :class:`Progress`) and calls it as each stage starts,
as it goes, and when it ends, with the items done and the items in all
(``None`` while not known yet). Each stage counts its own items:

=================  =========================================================
stage              items
=================  =========================================================
preparing names    the names given, parsed (repeats included)
blocking           the blocks of names whose candidate pairs are listed
scoring            the candidate pairs scored
clustering         the names re-clustered (reported as it starts and ends)
=================  =========================================================

Calls are bounded: a stage reports at its start, its end, and about
:data:`REPORTS` times between, never once per item. The command line adds
its own stage before these, ``reading`` (the rows read), and shows one
progress bar per stage.
"""

from __future__ import annotations

from typing import Protocol

__all__ = [
    "BLOCKING",
    "CLUSTERING",
    "PREPARING",
    "REPORTS",
    "SCORING",
    "STAGES",
    "Progress",
    "every",
]

PREPARING = "preparing names"
BLOCKING = "blocking"
SCORING = "scoring"
CLUSTERING = "clustering"
#: The stages of :meth:`aliaskit.Resolver.add_many`, in order.
STAGES = (PREPARING, BLOCKING, SCORING, CLUSTERING)
#: A stage reports about this many times between its start and its end, at most.
REPORTS = 100


class Progress(Protocol):
    """A callback told how far a stage has come: ``done`` of ``total`` items
    (``total`` is ``None`` while not known yet)."""

    def __call__(self, stage: str, done: int, total: int | None) -> None: ...


def every(total: int) -> int:
    """The items between two reports of a stage of ``total`` items (at least one)."""
    return max(1, -(-total // REPORTS))
