"""Scoring and ranking the candidates of one query (:class:`aliaskit.Index`).

A query's candidates come from the key table (:mod:`aliaskit._index_table`);
each candidate record is then scored exactly as :func:`aliaskit.compare`
scores the query against it:

* a plain query against a record of one name and no evidence scores as the
  two names do (:func:`~aliaskit.compare.score_pair`, through an
  :class:`~aliaskit.compare.IndexedScorer` that keeps what it learns about
  the indexed names between queries);
* any other pair goes through :func:`~aliaskit.compare.compare` of records,
  whose evidence moves the score.

Hits are ranked best first, ties broken by the record's key (its id, else
its name) and then by the name, so that the order never depends on the
order the index was built in.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Sequence

import attrs

from aliaskit.compare import Comparison, IndexedScorer, compare
from aliaskit.compare._api import INDEXED_MEMO, INDEXED_NAMES
from aliaskit.parse import ParsedName
from aliaskit.record import Record
from aliaskit.text import normalize

__all__ = ["Hit", "QueryScorer", "Scored", "rank", "scorer_for", "tie_key"]


@attrs.frozen(eq=False)
class Hit:
    """One indexed record found for a query: the record's name that scored
    best, the score (as ``compare(query, record).score``), the record's id
    (None for a plain string), the id of its entity (for an index built from
    a :class:`~aliaskit.Resolver`, else None), and the full comparison,
    built when first read.

    >>> from aliaskit import Index
    >>> hit = Index(["Alexander Trufanov"]).search("Sasha Trupanov")[0]
    >>> hit.comparison.is_match, hit.record_id
    (True, None)
    """

    name: str
    score: float
    record_id: str | int | None
    entity_id: str | None
    _query: str | Record = attrs.field(alias="query", repr=False)
    _target: str | Record = attrs.field(alias="target", repr=False)
    _threshold: float = attrs.field(alias="threshold", repr=False)
    _found: list[Comparison] = attrs.field(factory=list, alias="found", repr=False)

    @property
    def comparison(self) -> Comparison:
        """``compare(query, record)``: the score and why (built on first reading)."""
        if not self._found:
            self._found.append(compare(self._query, self._target, threshold=self._threshold))
        return self._found[0]

    @property
    def record(self) -> Record:
        """The indexed record (a plain string as a record of that one name)."""
        target = self._target
        return target if isinstance(target, Record) else Record(target)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.name, self.score, self.record_id, self.entity_id) == (
            other.name,
            other.score,
            other.record_id,
            other.entity_id,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.score, self.record_id, self.entity_id))


#: A scored candidate record: score, the record's key, the record, and the
#: name that scored.
Scored = tuple[float, str, int, str]


def tie_key(key: str, name: str) -> tuple[str, str, str]:
    """The order of hits of one score: the record key's normalised form, the
    key, then the name."""
    return (normalize(key), key, name)


def _order(s: Scored) -> tuple[float, tuple[str, str, str]]:
    return (-s[0], tie_key(s[1], s[3]))


def rank(scored: list[Scored], limit: int | None, cutoff: float | None) -> list[Scored]:
    """The scored records best first, from ``cutoff`` up, at most ``limit``.

    Ties are broken by :func:`tie_key`, read only for the records that can
    be ranked: those scoring at least the ``limit``-th best score."""
    if cutoff is not None:
        scored = [s for s in scored if s[0] >= cutoff]
    if limit is not None and len(scored) > limit:
        floor = heapq.nlargest(limit, [s[0] for s in scored])[-1]
        scored = [s for s in scored if s[0] >= floor]
    scored.sort(key=_order)
    return scored if limit is None else scored[:limit]


#: Memoised word verdicts a scorer keeps per indexed name before it starts afresh.
WARM_MEMO_PER_NAME = 8


class QueryScorer:
    """Scores one query after another against the indexed names ``parsed``
    (one thread only): the indexed names' features and the verdicts on their
    words are kept between queries; the query is name ``-1``."""

    def __init__(self, parsed: Sequence[ParsedName]) -> None:
        self.parsed = parsed
        self.query: ParsedName | None = None
        # Room for every indexed name, and the verdicts on their words, so that
        # a warm index stays warm (about a kilobyte a name).
        self.scorer = IndexedScorer(
            self._name_of,
            max_names=max(INDEXED_NAMES, len(parsed) + 1),
            max_memo=max(INDEXED_MEMO, WARM_MEMO_PER_NAME * len(parsed)),
        )

    def _name_of(self, i: int) -> ParsedName:
        if i < 0:
            assert self.query is not None
            return self.query
        return self.parsed[i]

    def warm(self) -> None:
        """Read every indexed name's features now, not at its first search."""
        self.scorer.read(range(len(self.parsed)))

    def scores(self, query: ParsedName, ids: Sequence[int]) -> list[float]:
        """The scores of ``query`` against the indexed names ``ids``."""
        self.query = query
        self.scorer.seen.pop(-1, None)  # the last query's
        found, _ = self.scorer.score([-1] * len(ids), ids)
        return found.tolist()


class _Local(threading.local):
    scorer: QueryScorer | None = None


_local = _Local()


def scorer_for(parsed: Sequence[ParsedName]) -> QueryScorer:
    """This thread's scorer of the indexed names ``parsed`` (a new one when the
    index changed)."""
    found = _local.scorer
    if found is None or found.parsed is not parsed:
        found = _local.scorer = QueryScorer(parsed)
    return found
