"""How a Resolver takes in names: parsing, candidate pairs, scoring and storing edges.

:meth:`~IngestNames._ingest` serves :meth:`aliaskit.Resolver.add_many`: pairs
are tracked by the index, so later batches can change them. :func:`admit`
(parsing, and noting the inputs that hold no name) is shared with
:func:`aliaskit.cluster` (:mod:`aliaskit._batch`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from itertools import islice

import attrs

from aliaskit._block_index import BlockIndex
from aliaskit._edges import ordered_pair
from aliaskit._parallel import scored_pairs
from aliaskit._progress import BLOCKING, CLUSTERING, PREPARING, SCORING, Progress, every
from aliaskit._resolver_graph import KEEP_SCORE, WEAK_LINK
from aliaskit._resolver_stages import ClusterStages
from aliaskit.parse import ParsedName, parse_name

__all__ = ["NO_NAME", "IngestNames", "SkippedName", "admit"]

_pair = ordered_pair
#: The score of a pair a saved Resolver did not keep: below KEEP_SCORE, no conflict.
_UNKEPT = (0.0, False)


#: Why an input was skipped when parsing it gave no name: no letters, or
#: only words that are not names (titles, particles).
NO_NAME = "no name can be read from it"


@attrs.frozen
class SkippedName:
    """An input that was not clustered, where it was, and why."""

    position: int
    value: str
    reason: str


def admit(
    names: list[str], start: int, parsed: dict[str, ParsedName], skipped: list[SkippedName]
) -> list[str]:
    """Parse the names not in ``parsed`` yet into it, note the empty ones in
    ``skipped`` (``start`` is the position of ``names[0]``); return the new ones."""
    new: list[str] = []
    for offset, raw in enumerate(names):
        if raw in parsed:
            continue
        name = parse_name(raw)
        if not name.parts:
            skipped.append(SkippedName(start + offset, raw, NO_NAME))
            continue
        parsed[raw] = name  # also marks repeats within ``names`` as seen
        new.append(raw)
    return new


class IngestNames(ClusterStages):
    """Taking names into a Resolver (state set up by the Resolver)."""

    workers: int
    skipped: list[SkippedName]
    _index: BlockIndex
    _seen: int
    _known: dict[tuple[str, str], tuple[float, bool]] | None

    def _admit(self, names: list[str], start: int, progress: Progress | None) -> list[str]:
        """Parse the names not seen yet; note the empty ones as skipped; return the new ones."""
        total = len(names)
        if progress is None:
            new = admit(names, start, self._parsed, self.skipped)
        else:
            progress(PREPARING, 0, total)
            step = every(total)
            new = []
            for lo in range(0, total, step):
                new += admit(names[lo : lo + step], start + lo, self._parsed, self.skipped)
                progress(PREPARING, min(lo + step, total), total)
        self._seen += total
        self._weak.update(raw for raw in new if self._parsed[raw].is_weak)
        return new

    def _ingest(self, names: list[str], start: int, progress: Progress | None = None) -> int:
        """Take names in: parse, block, score and re-cluster what they touch;
        return the number of names re-clustered. ``progress`` hears of each
        stage (:mod:`aliaskit._progress`) but the end of clustering, which
        the caller reports once its own work is done."""
        new = self._admit(names, start, progress)
        touched: set[str] = set(new)
        same_form: set[tuple[str, str]] = set()
        for raw in sorted(new):
            norm = self._parsed[raw].normalized
            same_form.update(_pair(raw, other) for other in self._by_norm[norm])
            self._by_norm[norm].append(raw)
        blocked = None
        if progress is not None:
            progress(BLOCKING, 0, None)
            blocked = functools.partial(progress, BLOCKING)
        pairs, removed = self._index.add_many(
            ((raw, self._parsed[raw]) for raw in new), progress=blocked
        )
        for p in removed:  # a block that outgrew its limit drops pairs
            touched.update(self._drop_edge(p))
        # Scores are pure, so their order changes nothing downstream; the
        # index's order keeps pairs of one block together (see add_many).
        scored = list(pairs)
        scored += [p for p in same_form if p not in pairs]
        del pairs, same_form  # the list alone, before workers fork
        self._score_all(scored, progress)
        if len(new) < len(self._parsed):  # else every name in a pair is new, so touched
            touched.update(x for p in scored for x in p)
        if progress is not None:
            progress(CLUSTERING, 0, len(touched))
        self._recluster(touched)
        return len(touched)

    def _drop_edge(self, p: tuple[str, str]) -> tuple[str, str]:
        if self._parsed[p[0]].normalized != self._parsed[p[1]].normalized:
            self._edges.pop(p, None)
            self._unlink(*p)
            self._link(*p)  # a user judgement still links the pair
        return p

    def _score_all(self, pairs: list[tuple[str, str]], progress: Progress | None = None) -> None:
        """Score candidate pairs, in worker processes when there are many;
        ``progress`` hears of every :func:`~aliaskit._progress.every` pairs."""
        known = self._known
        results: Iterable[tuple[float, bool]]
        if known is None:
            results = scored_pairs(self._parsed, pairs, self.workers)
        else:  # a saved Resolver: every pair kept or in conflict was saved
            results = [known.get(p, _UNKEPT) for p in pairs]
        edges, adj, cadj = self._edges, self._adj, self._cadj
        judged = self._must or self._cannot
        total = len(pairs)
        step = every(total) if progress is not None else max(total, 1)
        if progress is not None:
            progress(SCORING, 0, total)
        scored = zip(pairs, results, strict=True)
        for lo in range(0, total, step):
            for p, (score, conflict) in islice(scored, step):
                if judged or p in edges:
                    self._unlink(*p)
                    self._store(p, score, conflict)
                    self._link(*p)
                    continue
                a, b = p
                if conflict:
                    cadj[a].add(b)
                    cadj[b].add(a)
                elif score >= KEEP_SCORE:
                    edges[p] = score
                    if score >= WEAK_LINK:
                        adj[a].add(b)
                        adj[b].add(a)
            if progress is not None:
                progress(SCORING, min(lo + step, total), total)
        # Run the strict zip to its end: it checks that both sides ran out, and
        # lets the scoring generator close its worker pool.
        for _ in scored:  # pragma: no cover - nothing is left
            pass
