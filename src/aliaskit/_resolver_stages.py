"""The four clustering stages of a Resolver (see :mod:`aliaskit.resolver`):
full names strongest link first, weak names placed, weak names among
themselves, then must-links."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from aliaskit._edges import MUST_SCORE
from aliaskit._resolver_graph import WEAK_LINK, EdgeGraph, UnionFind
from aliaskit.entity import Entity

__all__ = ["AVERAGE_SLACK", "ClusterStages"]

#: Two groups merge only if their compared pairs score, on average, at least
#: the threshold less this slack (average linkage on top of the strongest link).
AVERAGE_SLACK = 0.05


class ClusterStages(EdgeGraph):
    """Re-clustering around changed names (state set up by the Resolver)."""

    threshold: float
    _must_adj: dict[str, set[str]]
    _weak: set[str]
    _base: dict[str, tuple[str, ...]]
    _placed: dict[str, tuple[str, ...]]
    _attached: dict[tuple[str, ...], set[str]]
    _by_norm: dict[str, list[str]]
    _cluster: dict[str, tuple[str, ...]]
    _entity_cache: dict[tuple[str, ...], Entity]

    def _spread(self, seeds: Iterable[str], step: Callable[[str], Iterable[str]]) -> set[str]:
        """All names reachable from ``seeds`` through ``step``."""
        seen = set(seeds)
        stack = list(seen)
        while stack:
            for y in step(stack.pop()):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        return seen

    def _recluster(self, touched: set[str]) -> None:
        """Re-cluster what ``touched`` names can affect, in four stages.

        1. Full names, in components of links at the threshold among full
           names: strongest link first, without cannot-links or weak averages.
        2. Each weak name nearby joins the one compatible full group it links
           with, if there is exactly one.
        3. Weak names left alone group among themselves, as in stage 1.
        4. Must-links (user merges, identical normalised forms) force unions.

        Each stage depends only on its own components and the results of the
        stages before, so the outcome is the same however names arrive.
        """
        touched = {t for t in touched if t in self._parsed}
        thr = self.threshold
        weak = self._weak

        def full_step(x: str) -> Iterable[str]:
            return (y for y in self._adj[x] if y not in weak and self._linked(x, y, thr))

        full = self._spread((t for t in touched if t not in weak), full_step)
        for x in full:
            self._attached.pop(self._base.get(x, ()), None)
        for members in self._greedy(full, thr):
            key = tuple(sorted(members))
            for m in key:
                self._base[m] = key
        replace = {t for t in touched if t in weak}
        replace.update(y for x in full for y in self._adj[x] if y in weak)
        for w in sorted(replace):
            self._place(w)

        def weak_step(x: str) -> Iterable[str]:
            return (
                y
                for y in self._adj[x]
                if y in weak and self._placed.get(y) is None and self._linked(x, y, thr)
            )

        loose_seeds = replace | {y for w in replace for y in self._adj[w] if y in weak}
        loose = self._spread((w for w in loose_seeds if self._placed.get(w) is None), weak_step)
        for w in loose_seeds - loose:
            self._base.pop(w, None)  # placed now: its base is its full group's
        for members in self._greedy(loose, thr):
            key = tuple(sorted(members))
            for m in key:
                self._base[m] = key
        changed = full | replace | loose
        self._finalise(changed)

    def _base_group(self, x: str) -> tuple[str, ...]:
        """The stage 1-3 group of ``x``: its full group with the weak names placed in it."""
        placed = self._placed.get(x)
        key = placed if placed is not None else self._base[x]
        extra = self._attached.get(key)
        return key + tuple(extra) if extra else key

    def _finalise(self, changed: set[str]) -> None:
        """Stage 4: join base groups along must-links, for every entity ``changed`` touches."""

        def must_step(x: str) -> Iterable[str]:
            yield from self._base_group(x)
            yield from self._must_adj.get(x, ())
            yield from self._by_norm[self._parsed[x].normalized]
            yield from self._cluster.get(x, ())

        scope = self._spread(changed, must_step)
        for x in scope:
            old = self._cluster.pop(x, None)
            if old is not None:
                self._entity_cache.pop(old, None)
        done: set[str] = set()
        for x in sorted(scope):
            if x in done:
                continue

            def step(y: str) -> Iterable[str]:
                yield from self._base_group(y)
                yield from self._must_adj.get(y, ())
                yield from self._by_norm[self._parsed[y].normalized]

            key = tuple(sorted(self._spread((x,), step)))
            done.update(key)
            for m in key:
                self._cluster[m] = key

    def _greedy(
        self,
        units: set[str],
        floor: float,
        *,
        band: tuple[float, float | None] | None = None,
        start: Iterable[list[str]] = (),
    ) -> list[list[str]]:
        """Strongest links first; a union needs no cannot-link and a good average.

        Links score at least ``floor``, and a union needs a mean link of
        ``floor`` less :data:`AVERAGE_SLACK`. ``band`` and ``start`` run one
        band of the same pass: only links scoring at least ``band[0]`` and
        under ``band[1]`` (None: no bound), from the groups ``start`` (member
        lists as an earlier band returned them, root first).
        Links are taken in one global order and a union depends only on the
        two groups it joins, so running the bands from the strongest down,
        each over the components of its own links, gives exactly the groups
        of one pass (:func:`greedy_band`, used by :mod:`aliaskit.spark`).
        """
        uf = UnionFind(sorted(units))
        blocked = self._group_cannot_links(units, uf, start)
        least, below = band if band is not None else (floor, None)
        links = self._sorted_links(units, max(floor, least), below)
        members = uf.members
        # Unions refused so far, by the state of the two groups: a group is its
        # root and size (groups only grow, and a root that joins another is
        # never a root again), and a refusal depends on nothing else.
        refused: set[tuple[str, int, str, int]] = set()
        for negative, a, b in links:
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb:
                continue
            block_a, block_b = blocked.get(ra), blocked.get(rb)
            if -negative != MUST_SCORE:
                xs, ys = members[ra], members[rb]
                state = (ra, len(xs), rb, len(ys))
                if state in refused:
                    continue
                # A cannot-link between the groups, looked up from the smaller
                # (cannot-links are symmetric).
                if len(ys) <= len(xs):
                    split = block_a is not None and not block_a.isdisjoint(ys)
                else:
                    split = block_b is not None and not block_b.isdisjoint(xs)
                if split or self._mean_link(xs, ys) < floor - AVERAGE_SLACK:
                    refused.add(state)
                    continue
            merged = _merged(block_a, block_b)
            root = uf.union(ra, rb)
            if merged is not None:
                blocked[root] = merged
        return [list(m) for m in uf.members.values()]

    def _group_cannot_links(
        self, units: set[str], uf: UnionFind, start: Iterable[list[str]]
    ) -> dict[str, set[str]]:
        """The cannot-links inside ``units`` of each group (by its root), after
        adopting the groups ``start`` into ``uf``; only groups that have some
        are listed (most names have none)."""
        blocked: dict[str, set[str]] = {}
        for u in units:
            found = {c for c in self._cadj.get(u, ()) if c in units}
            if found:
                blocked[u] = found
        for group in start:
            uf.adopt(group)
            merged = set().union(*(blocked.get(m, ()) for m in group))
            blocked.pop(group[0], None)
            if merged:
                blocked[group[0]] = merged
        return blocked

    def _sorted_links(
        self, units: set[str], least: float, below: float | None
    ) -> list[tuple[float, str, str]]:
        """The links inside ``units`` scoring from ``least`` (and under ``below``)
        as ``(-score, a, b)`` with ``a < b``, sorted: the strongest first, ties by name."""
        links: list[tuple[float, str, str]] = []
        for a in units:
            for b in self._adj[a]:
                if a < b and b in units and self._linked(a, b, least):
                    score = self._score(a, b)
                    if below is None or score < below:
                        links.append((-score, a, b))
        links.sort()
        return links

    def _place(self, w: str) -> None:
        """Stage 2: put weak name ``w`` in its one compatible full group, if any."""
        old = self._placed.pop(w, None)
        if old is not None and old in self._attached:
            self._attached[old].discard(w)
        groups = {
            self._base[f]
            for f in self._adj[w]
            if f not in self._weak and self._linked(w, f, WEAK_LINK)
        }
        ok = [g for g in groups if not self._cadj[w].intersection(g)]
        if len(ok) == 1:
            self._placed[w] = ok[0]
            self._attached.setdefault(ok[0], set()).add(w)


def _merged(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The cannot-links of two groups as one set: the larger takes in the
    smaller, so each name's cannot-links are copied O(log n) times, not at
    every union."""
    if a is None or b is None:
        return a if b is None else b
    larger, smaller = (a, b) if len(a) >= len(b) else (b, a)
    larger |= smaller
    return larger
