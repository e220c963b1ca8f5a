"""Progress on stderr by stage, one bar each, counting items, never bytes.

``cluster`` and ``resolve`` read their input (``reading``, rows), then hand
it to :meth:`aliaskit.Resolver.add_many`, whose stages say how far they
have come (``preparing names``, ``blocking``, ``scoring``, ``clustering``;
see :mod:`aliaskit._progress`). :class:`StageBars` shows each stage as a
tqdm bar named after it. It is on when stderr is a terminal, off when it is
piped; ``--progress`` turns it on anyway and ``--no-progress`` off.
"""

from __future__ import annotations

import argparse
import sys
from types import TracebackType
from typing import Never

from tqdm import tqdm

from aliaskit._progress import BLOCKING, CLUSTERING, PREPARING, SCORING

__all__ = ["FINDING", "READING", "READ_STEP", "UNITS", "StageBars", "progress_on"]

#: The stage of the command line itself, before the Resolver's.
READING = "reading"
#: The stage of the text modes: the names of each file found (files).
FINDING = "finding names"
#: Rows read between two reports of the reading stage.
READ_STEP = 1000
#: What each stage counts.
UNITS = {
    READING: "rows",
    FINDING: "files",
    PREPARING: "names",
    BLOCKING: "blocks",
    SCORING: "pairs",
    CLUSTERING: "names",
}


def progress_on(args: argparse.Namespace) -> bool:
    """Whether to show progress: ``--progress`` / ``--no-progress``, else
    whether stderr is a terminal."""
    chosen: bool | None = getattr(args, "progress", None)
    if chosen is not None:
        return chosen
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty is not None and isatty())


class StageBars:
    """A progress callback (:class:`aliaskit._progress.Progress`) that shows
    one bar per stage on stderr: a new stage closes the bar of the one before.
    With ``on`` false it shows nothing. Use it as a context manager, so that
    the last bar is closed."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.stage: str | None = None
        self._bar: tqdm[Never] | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.on:
            return
        bar = self._bar
        if bar is None or stage != self.stage:
            self.close()
            self.stage = stage
            bar = self._bar = tqdm(
                desc=stage,
                total=total,
                unit=f" {UNITS.get(stage, 'items')}",
                leave=False,
                file=sys.stderr,
            )
        if total != bar.total:
            bar.total = total
        bar.update(done - bar.n)

    def close(self) -> None:
        """Close the bar of the current stage, if any, once it shows its last count."""
        if self._bar is not None:
            self._bar.refresh()
            self._bar.close()
        self._bar = None
        self.stage = None

    def __enter__(self) -> StageBars:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
