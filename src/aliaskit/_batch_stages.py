"""The clustering stages of :func:`aliaskit.cluster`, on name ids.

These are the stages of :class:`~aliaskit._resolver_stages.ClusterStages`
for one batch of names, run on integer ids (names numbered in sorted order,
so id order is name order) and the flat :class:`~aliaskit._pair_rows.PairRows`
instead of dictionaries and sets of strings. They give the same groups:
``tests/test_batch_stages.py`` checks them against a Resolver fed in several
batches, which runs the string stages.

1. Full names, strongest link first (links at the threshold, among full
   names): a union needs no cannot-link between the two groups and a mean
   link of the threshold less :data:`AVERAGE_SLACK` (:func:`greedy_roots`).
2. A weak name joins the one full group it links with (from
   :data:`WEAK_LINK`) and has no cannot-link with, if there is exactly one.
3. Weak names left alone group among themselves, as in stage 1.
4. Names with one normalised form share an entity.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from aliaskit._edges import MUST_SCORE
from aliaskit._pair_rows import PairRows, find_pair
from aliaskit._resolver_graph import MAX_CROSS_PAIRS, WEAK_LINK, components
from aliaskit._resolver_stages import AVERAGE_SLACK

__all__ = ["batch_labels", "greedy_roots", "placed_roots"]

Ids = npt.NDArray[np.int64]
#: Scores a pair that blocking never paired: ``(score, conflict)`` of two ids.
ScoreNow = Callable[[int, int], tuple[float, bool]]


def batch_labels(
    rows: PairRows,
    weak: npt.NDArray[np.bool_],
    same_form: tuple[Ids, Ids],
    threshold: float,
    score_now: ScoreNow,
) -> Ids:
    """The entity of each name as a label (the least id among its members)."""
    n = len(weak)
    full = ~weak
    root = greedy_roots(_links(rows, full, threshold), rows, full, threshold, score_now)
    placed = placed_roots(rows, weak, root)
    loose = weak & (placed < 0)
    loose_root = greedy_roots(_links(rows, loose, threshold), rows, loose, threshold, score_now)
    group = np.where(full, root, np.where(loose, loose_root, placed))
    ids = np.arange(n, dtype=np.int64)
    left = np.concatenate((ids, same_form[0]))
    right = np.concatenate((group, same_form[1]))
    return components(n, left, right)


def _links(
    rows: PairRows, units: npt.NDArray[np.bool_], threshold: float
) -> tuple[Ids, Ids, npt.NDArray[np.float64]]:
    """The links among ``units`` (kept scores from the threshold and
    :data:`WEAK_LINK` up), each once, strongest first, ties by ids."""
    n = len(units)
    src = np.repeat(np.arange(n, dtype=np.int64), np.diff(rows.start))
    dst = rows.other
    take = (
        (src < dst)
        & (rows.conflict == 0)
        & (rows.score >= max(threshold, WEAK_LINK))
        & units[src]
        & units[dst]
    )
    a, b, s = src[take], dst[take], rows.score[take]
    order = np.lexsort((b, a, -s))
    return a[order], b[order], s[order]


def greedy_roots(
    links: tuple[Ids, Ids, npt.NDArray[np.float64]],
    rows: PairRows,
    units: npt.NDArray[np.bool_],
    floor: float,
    score_now: ScoreNow,
) -> Ids:
    """The group of each unit after strongest-link-first unions (its root; -1 off units).

    A link joins two groups unless a cannot-link lies between them or their
    mean link (:func:`_mean_link`) is under ``floor`` less :data:`AVERAGE_SLACK`;
    a must-link (:data:`~aliaskit._edges.MUST_SCORE`) always joins.
    """
    n = len(units)
    parent = np.arange(n, dtype=np.int64)
    size = np.ones(n, dtype=np.int64)
    nxt = np.full(n, -1, dtype=np.int64)  # members of a group: a chain from its root
    tail = np.arange(n, dtype=np.int64)
    start, other, score, conflict = rows.start, rows.other, rows.score, rows.conflict
    link_a, link_b, link_s = links
    least = floor - AVERAGE_SLACK
    must = MUST_SCORE
    # Unions refused so far, by the state of the two groups (root and size:
    # groups only grow, and a root that joins another is never a root again).
    refused: set[tuple[int, int, int, int]] = set()
    extra: dict[tuple[int, int], tuple[float, bool]] = {}
    for k in range(len(link_a)):
        ra = _find(parent, link_a[k])
        rb = _find(parent, link_b[k])
        if ra == rb:
            continue
        # Two single names join on their link alone: it is their one pair, kept
        # without a conflict and scoring at least the floor.
        if link_s[k] != must and (size[ra] > 1 or size[rb] > 1):
            if ra > rb:
                ra, rb = rb, ra
            state = (int(ra), int(size[ra]), int(rb), int(size[rb]))
            if state in refused:
                continue
            small, large = (ra, rb) if size[ra] <= size[rb] else (rb, ra)
            if _blocked(parent, nxt, start, other, conflict, small, large) or (
                _mean_link(
                    parent, size, nxt, start, other, score, conflict, small, large, extra, score_now
                )
                < least
            ):
                refused.add(state)
                continue
        _union(parent, size, nxt, tail, ra, rb)
    out = np.full(n, -1, dtype=np.int64)
    roots = out
    for u in np.flatnonzero(units).tolist():
        roots[u] = _find(parent, u)
    return out


def _find(parent: Ids, x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        up = parent[x]
        parent[x] = root
        x = up
    return int(root)


def _union(parent: Ids, size: Ids, nxt: Ids, tail: Ids, ra: int, rb: int) -> None:
    """Join two groups under the larger one's root (ties: the smaller id)."""
    if size[ra] < size[rb] or (size[ra] == size[rb] and rb < ra):
        ra, rb = rb, ra
    parent[rb] = ra
    size[ra] += size[rb]
    nxt[tail[ra]] = rb
    tail[ra] = tail[rb]


def _blocked(
    parent: Ids,
    nxt: Ids,
    start: Ids,
    other: Ids,
    conflict: npt.NDArray[np.uint8],
    small: int,
    large: int,
) -> bool:
    """Whether a cannot-link joins a member of group ``small`` to group ``large``."""
    x = small
    while x >= 0:
        for pos in range(start[x], start[x + 1]):
            if conflict[pos] and _find(parent, other[pos]) == large:
                return True
        x = nxt[x]
    return False


def _mean_link(
    parent: Ids,
    size: Ids,
    nxt: Ids,
    start: Ids,
    other: Ids,
    score: npt.NDArray[np.float64],
    conflict: npt.NDArray[np.uint8],
    small: int,
    large: int,
    extra: dict[tuple[int, int], tuple[float, bool]],
    score_now: ScoreNow,
) -> float:
    """Mean score between two groups (each score at most 1); -1 on a cannot-link.

    Up to :data:`MAX_CROSS_PAIRS` member pairs, every pair counts, and those
    blocking never paired are scored now; above, only the kept pairs count.
    Summed with :func:`math.fsum`, as the Resolver's stages do, so the order
    of the members is irrelevant.
    """
    if size[small] * size[large] <= MAX_CROSS_PAIRS:
        values = _cross_values(start, other, score, conflict, nxt, small, large, extra, score_now)
    else:
        values = _kept_values(parent, start, other, score, conflict, nxt, small, large)
    if values is None:
        return -1.0
    return math.fsum(values) / len(values) if values else 1.0


def _cross_values(
    start: Ids,
    other: Ids,
    score: npt.NDArray[np.float64],
    conflict: npt.NDArray[np.uint8],
    nxt: Ids,
    small: int,
    large: int,
    extra: dict[tuple[int, int], tuple[float, bool]],
    score_now: ScoreNow,
) -> list[float] | None:
    """The scores (at most 1) of every member pair of two groups, scoring the pairs
    blocking never paired; None on a cannot-link."""
    values: list[float] = []
    x = small
    while x >= 0:
        y = large
        while y >= 0:
            pos = find_pair(start, other, x, y)
            if pos >= 0:
                if conflict[pos]:
                    return None
                values.append(min(float(score[pos]), 1.0))
            else:
                key = (int(x), int(y)) if x < y else (int(y), int(x))
                edge = extra.get(key)
                if edge is None:
                    edge = extra[key] = score_now(key[0], key[1])
                if edge[1]:
                    return None
                values.append(min(edge[0], 1.0))
            y = nxt[y]
        x = nxt[x]
    return values


def _kept_values(
    parent: Ids,
    start: Ids,
    other: Ids,
    score: npt.NDArray[np.float64],
    conflict: npt.NDArray[np.uint8],
    nxt: Ids,
    small: int,
    large: int,
) -> list[float] | None:
    """The kept scores (at most 1) between two groups; None on a cannot-link."""
    values: list[float] = []
    x = small
    while x >= 0:
        for pos in range(start[x], start[x + 1]):
            if _find(parent, other[pos]) == large:
                if conflict[pos]:
                    return None
                values.append(min(float(score[pos]), 1.0))
        x = nxt[x]
    return values


def placed_roots(rows: PairRows, weak: npt.NDArray[np.bool_], root: Ids) -> Ids:
    """Stage 2: the full group (root) each weak name joins, or -1.

    A weak name joins the one group among those it links with (from
    :data:`WEAK_LINK`) that holds none of its cannot-links, if there is one.
    """
    start, other, score, conflict = rows.start, rows.other, rows.score, rows.conflict
    out = np.full(len(weak), -1, dtype=np.int64)
    placed, root_, weak_ = out, root, weak.view(np.uint8)
    for w in np.flatnonzero(weak).tolist():
        linked: set[int] = set()
        barred: set[int] = set()
        for pos in range(start[w], start[w + 1]):
            y = other[pos]
            if weak_[y]:
                continue
            if conflict[pos]:
                barred.add(int(root_[y]))
            elif score[pos] >= WEAK_LINK:
                linked.add(int(root_[y]))
        ok = linked - barred
        if len(ok) == 1:
            placed[w] = ok.pop()
    return out
