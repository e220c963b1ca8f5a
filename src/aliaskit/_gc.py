"""Pausing Python's cyclic garbage collector while aliaskit builds or reads
its long-lived data (a Resolver's batch, an Index's build, load and searches).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one batch (or one search),
    then restore it.

    A batch builds millions of long-lived objects (parsed names, keys, pairs,
    cached part forms); each full collection walks all of them again and
    finds nothing, as aliaskit's data holds no reference cycles (reference
    counting frees it). At 100,000 mentions that walking took a quarter of
    the run. Other threads' cyclic garbage waits until the batch ends.

    On the way out, everything the batch made is moved to the oldest
    generation unexamined (``gc.freeze()`` then ``gc.unfreeze()``): else the
    first collection after the batch would walk all of it as young objects
    (9 s after a million mentions). It stays collectable, by full collections.

    A search pauses it too: the verdicts it memoises would otherwise bring
    full collections that walk the whole index (0.56 s at 100,000 names,
    once in every few hundred queries).

    Threads may overlap their pauses: the pause that found the collector
    enabled enables it again when it ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
