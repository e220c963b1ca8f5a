"""The scored pairs a Resolver keeps: edges, links, cannot-links and user judgements.

Links (scores from :data:`WEAK_LINK` up) and cannot-links (conflicts, user
splits) are adjacency sets; scores from :data:`KEEP_SCORE` up are kept per
pair. Must-links (user merges, one normalised form) score
:data:`~aliaskit._edges.MUST_SCORE`. :class:`EdgeGraph` is the part of
:class:`~aliaskit.resolver.Resolver` that reads and writes them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from aliaskit._arrays import distinct
from aliaskit._edges import CANNOT_EDGE, MUST_EDGE, MUST_SCORE, Edge, ordered_pair
from aliaskit.compare import score_pair
from aliaskit.parse import ParsedName

__all__ = [
    "KEEP_SCORE",
    "MAX_CROSS_PAIRS",
    "WEAK_LINK",
    "EdgeGraph",
    "UnionFind",
    "components",
    "consulted_pairs",
]

#: Links from this score on join names into one component (weak names included).
WEAK_LINK = 0.6
#: Pairs scoring below this (without a conflict) are forgotten once scored:
#: they can neither link nor block, and are most candidate pairs.
KEEP_SCORE = 0.5
#: Up to this many member pairs, merging two groups compares all of them.
MAX_CROSS_PAIRS = 400

_pair = ordered_pair


class UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}
        self.members = {i: [i] for i in self.parent}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def adopt(self, group: list[str]) -> None:
        """Make ``group`` (singletons so far) one group, rooted at its first member."""
        root = group[0]
        for m in group[1:]:
            self.parent[m] = root
            del self.members[m]
        self.members[root] = list(group)

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]) or (
            len(self.members[ra]) == len(self.members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra


def components(
    n: int, left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """A component label for each of ``n`` ids, given the edges ``left[k] -- right[k]``:
    two ids share a label exactly when a path of edges joins them."""
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[left], label[right])
        nxt = label.copy()
        np.minimum.at(nxt, left, low)
        np.minimum.at(nxt, right, low)
        nxt = nxt[nxt]  # follow each label to its own label (pointer jumping)
        if np.array_equal(nxt, label):
            return label
        label = nxt


def consulted_pairs(
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    conflicts: npt.NDArray[np.bool_],
    weak: npt.NDArray[np.bool_],
    threshold: float,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which kept scores and which conflicts of the pairs ``(left[k], right[k])`` a
    clustering stage can consult, when all names arrive in one batch (``weak[i]``:
    name ``i`` is weak).

    The stages read pairs only between names that may end up in one entity
    (see :meth:`aliaskit._resolver_stages.ClusterStages._recluster`):

    1. full names group along links at the threshold (among full names), so
       only a pair inside one component of such links counts;
    2. a weak name joins a full group it links with from :data:`WEAK_LINK`
       on, so its pair with a full name counts when that name's component is
       one such a link reaches;
    3. weak names left alone group along links at the threshold among weak
       names, so their conflicts count inside one component of those. Their
       scores are all kept: two weak names placed in one full group meet in
       its entity, whose canonical name weighs every score among its members;
    4. must-links (one normalised form, so one kind of name) are links.

    Links are kept scores (no conflict) from :data:`WEAK_LINK` and the
    threshold up, as the stages find them in the adjacency sets.
    """
    n = len(weak)
    size = len(left)
    floor = max(threshold, WEAK_LINK)
    # The links among full names and among weak names, for their components.
    full_l, full_r, weak_l, weak_r = [], [], [], []
    for lo, hi in _chunks(size):
        x, y, score = left[lo:hi], right[lo:hi], scores[lo:hi]
        link = ~conflicts[lo:hi] & (score >= KEEP_SCORE) & (score >= floor)
        wx, wy = weak[x], weak[y]
        full = link & ~wx & ~wy
        both_weak = link & wx & wy
        full_l.append(x[full])
        full_r.append(y[full])
        weak_l.append(x[both_weak])
        weak_r.append(y[both_weak])
    full_group = components(n, _joined(full_l), _joined(full_r))
    weak_group = components(n, _joined(weak_l), _joined(weak_r))
    del full_l, full_r, weak_l, weak_r
    # Stage 2: the full components each weak name's links reach, as codes.
    reached = []
    for lo, hi in _chunks(size):
        x, y, score = left[lo:hi], right[lo:hi], scores[lo:hi]
        wx = weak[x]
        reach = ~conflicts[lo:hi] & (score >= KEEP_SCORE) & (score >= WEAK_LINK) & (wx != weak[y])
        w = np.where(wx, x, y)[reach]  # the weak end of a mixed pair
        f = np.where(wx, y, x)[reach]  # and the full end
        reached.append(w * n + full_group[f])
    offers = distinct(_joined(reached))
    del reached
    edges = np.empty(size, dtype=np.bool_)
    counted = np.empty(size, dtype=np.bool_)
    for lo, hi in _chunks(size):
        x, y, score, conflict = left[lo:hi], right[lo:hi], scores[lo:hi], conflicts[lo:hi]
        kept = ~conflict & (score >= KEEP_SCORE)
        wx, wy = weak[x], weak[y]
        mixed = wx != wy
        asked = (kept | conflict) & mixed
        codes = np.where(wx, x, y)[asked] * n + full_group[np.where(wx, y, x)[asked]]
        at = np.minimum(np.searchsorted(offers, codes), max(len(offers) - 1, 0))
        offered = np.zeros(hi - lo, dtype=np.bool_)
        offered[asked] = (offers[at] == codes) if len(offers) else False
        full = ~wx & ~wy
        both_weak = wx & wy
        scope = (full & (full_group[x] == full_group[y])) | offered
        edges[lo:hi] = kept & (scope | both_weak)
        counted[lo:hi] = conflict & (scope | (both_weak & (weak_group[x] == weak_group[y])))
    return edges, counted


#: consulted_pairs reads the pairs this many at a time, so that its temporary
#: arrays stay a few times this size (at a million names, tens of millions of pairs).
CONSULT_CHUNK = 1 << 22


def _chunks(size: int) -> list[tuple[int, int]]:
    return [(lo, min(lo + CONSULT_CHUNK, size)) for lo in range(0, size, CONSULT_CHUNK)]


def _joined(parts: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


class EdgeGraph:
    """The edges of a Resolver's names (state set up by the Resolver)."""

    _parsed: dict[str, ParsedName]
    _edges: dict[tuple[str, str], float]
    _adj: dict[str, set[str]]
    _cadj: dict[str, set[str]]
    _must: set[tuple[str, str]]
    _cannot: set[tuple[str, str]]
    _extra: dict[tuple[str, str], Edge]

    def _store(self, p: tuple[str, str], score: float, conflict: bool) -> None:
        """Keep a scored pair: a conflict as a cannot-link, a score from KEEP_SCORE up."""
        if conflict:
            if p not in self._must:  # a user merge overrides the conflict
                self._cadj[p[0]].add(p[1])
                self._cadj[p[1]].add(p[0])
        elif score >= KEEP_SCORE:
            self._edges[p] = score

    def _link(self, a: str, b: str) -> None:
        """Index the pair under the adjacency its current edge calls for."""
        edge = self._edge(a, b)
        if edge is None:
            return
        if edge.conflict:
            self._cadj[a].add(b)
            self._cadj[b].add(a)
        elif edge.score >= WEAK_LINK:
            self._adj[a].add(b)
            self._adj[b].add(a)

    def _unlink(self, a: str, b: str) -> None:
        for adj in (self._adj, self._cadj):
            adj[a].discard(b)
            adj[b].discard(a)

    def _link_score(self, a: str, b: str) -> float | None:
        """The score of a pair that can link (no conflict), user judgements first;
        None for a pair that was not kept or cannot link."""
        p = (a, b) if a < b else (b, a)
        if self._must and p in self._must:
            return MUST_SCORE
        if self._cannot and p in self._cannot:
            return None
        return self._edges.get(p)  # a kept score never has a conflict

    def _linked(self, a: str, b: str, floor: float) -> bool:
        score = self._link_score(a, b)
        return score is not None and score >= floor

    def _score(self, a: str, b: str) -> float:
        score = self._link_score(a, b)
        return 0.0 if score is None else score

    def _edge(self, a: str, b: str) -> Edge | None:
        """The edge of a pair as clustering sees it, user judgements first."""
        p = (a, b) if a < b else (b, a)
        if self._must and p in self._must:
            return MUST_EDGE
        if self._cannot and p in self._cannot:
            return CANNOT_EDGE
        score = self._edges.get(p)
        if score is not None:
            return Edge(score, False)
        return CANNOT_EDGE if b in self._cadj.get(a, ()) else None  # a conflict's score

    def _cross_edge(self, x: str, y: str) -> Edge:
        """The edge of a pair, scoring it now if blocking never paired it."""
        edge = self._edge(x, y)
        if edge is None:
            pair = _pair(x, y)
            edge = self._extra.get(pair)
            if edge is None:
                score, conflict = score_pair(self._parsed[x], self._parsed[y])
                edge = self._extra[pair] = Edge(score, conflict)
        return edge

    def _mean_link(self, xs: list[str], ys: list[str]) -> float:
        """Mean score between two groups; -1 if any pair is a cannot-link.

        Pairs that blocking did not pair are scored now (up to
        :data:`MAX_CROSS_PAIRS`), so that two groups joined by a third name
        are still checked against each other.
        """
        if len(xs) > len(ys):
            xs, ys = ys, xs
        exhaustive = len(xs) * len(ys) <= MAX_CROSS_PAIRS
        found: list[float] = []
        for x in xs:
            for y in ys:
                edge = self._cross_edge(x, y) if exhaustive else self._edge(x, y)
                if edge is None:
                    continue
                if edge.conflict:
                    return -1.0
                found.append(min(edge.score, 1.0))
        # math.fsum: the exact sum, whatever the order of the members.
        return math.fsum(found) / len(found) if found else 1.0

    def _blockers(self, xs: tuple[str, ...], ys: tuple[str, ...]) -> list[tuple[str, str]]:
        out = []
        for x in xs:
            for y in ys:
                edge = self._edge(x, y)
                if edge is not None and edge.conflict:
                    out.append((x, y))
        return out
