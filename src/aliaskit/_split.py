"""The pairs of an oversized block: names whose given names meet, and within a
large group met through one given-name key, names whose patronymic and middle
names meet too.

A block with more names than its limit (:func:`~aliaskit._block_keys.block_limit`)
pairs only names whose given-name keys meet (:func:`~aliaskit._block_keys.meets`),
through *routes*: a shared key (a skeleton, a group, the initial-only marker),
a beginning and the whole key it begins, a name without a given part (which
meets everyone), and an initial-only name with each name that can have its
initial. A route of more than :data:`~aliaskit._block_keys.MAX_GIVEN_GROUP`
names (a thousand Ivan Ivanovs) pairs only those whose second keys
(:func:`~aliaskit._block_keys.second_keys`: patronymic and middle names) meet
as well, by the same rule, except that two patronymic initials meet only when
they are the same letter. Routes of that size or under pair as before, so
the pairs of ordinary blocks do not change.

Pairs go to a sink as *cliques* (every pair among some names) and *crosses*
(every pair of a name from one list with a different name from another), so
that an array sink can expand them without building string pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Protocol

from aliaskit._block_keys import ANY_GIVEN, INITIAL_ONLY, MAX_GIVEN_GROUP, MEETS_ONLY

__all__ = ["PairSink", "SetSink", "split_block"]

Keys = Callable[[str], frozenset[str]]


class PairSink(Protocol):
    """Where the pairs of a block go."""

    def clique(self, members: Sequence[str]) -> None:
        """Every pair of two different names among ``members``."""

    def cross(self, xs: Sequence[str], ys: Sequence[str]) -> None:
        """Every pair of a name of ``xs`` with a different name of ``ys``."""


class SetSink:
    """Collects the pairs as sorted string pairs."""

    def __init__(self) -> None:
        self.pairs: set[tuple[str, str]] = set()

    def clique(self, members: Sequence[str]) -> None:
        self.pairs.update(combinations(sorted(members), 2))

    def cross(self, xs: Sequence[str], ys: Sequence[str]) -> None:
        self.pairs.update((x, y) if x < y else (y, x) for x in xs for y in ys if x != y)


#: How a route's pairs are sent: ``(xs, ys or None for xs among themselves, size, sink)``.
Route = Callable[[Sequence[str], "Sequence[str] | None", int, "PairSink"], None]


class _Across:
    """Passes on only the pairs with one name in ``xs`` and the other in ``ys``."""

    def __init__(self, xs: Sequence[str], ys: Sequence[str], inner: PairSink) -> None:
        self.xs, self.ys, self.inner = frozenset(xs), frozenset(ys), inner

    def clique(self, members: Sequence[str]) -> None:
        self.cross(members, members)

    def cross(self, xs: Sequence[str], ys: Sequence[str]) -> None:
        left = [x for x in xs if x in self.xs]
        right = [y for y in ys if y in self.ys]
        if left and right:
            self.inner.cross(left, right)
        left = [x for x in xs if x in self.ys]
        right = [y for y in ys if y in self.xs]
        if left and right:
            self.inner.cross(left, right)


def _routes(
    members: Sequence[str], keys: Keys, sink: PairSink, route: Route, *, initials_meet: bool
) -> None:
    """Pair ``members`` whose ``keys`` meet, route by route (see the module docstring).

    With ``initials_meet``, names that are only initials all meet each other
    (as :func:`~aliaskit._block_keys.meets` has it for given names); else they
    meet only names that can have their initials.
    """
    sub: dict[str, list[str]] = defaultdict(list)  # by shared key other than an initial
    letters: dict[str, list[str]] = defaultdict(list)  # by the initials a name allows
    bare: list[str] = []  # no given part: pairs with every member
    initial_only: dict[str, list[str]] = defaultdict(list)  # by their initial keys
    for m in members:
        gk = keys(m)
        if ANY_GIVEN in gk:
            bare.append(m)
            continue
        for k in gk:
            if k == INITIAL_ONLY and not initials_meet:
                continue
            (letters if k.startswith("L:") else sub)[k].append(m)
            if INITIAL_ONLY in gk and k.startswith("L:"):
                initial_only[k].append(m)
    for key, group in sub.items():  # initial-only names meet each other under "!"
        kind = key[:2]
        if kind not in MEETS_ONLY:
            route(group, None, len(group), sink)
        elif others := sub.get(MEETS_ONLY[kind] + key[2:]):
            route(group, others, len(group) + len(others), sink)
    if bare:
        sink.cross(bare, members)
    for key, ws in initial_only.items():
        route(ws, letters[key], len(letters[key]), sink)


def split_block(
    members: Sequence[str],
    given: Keys,
    second: Keys,
    sink: PairSink,
    routed: set[object] | None = None,
) -> None:
    """Send the pairs of an oversized block to ``sink``.

    ``given`` and ``second`` give each member's given-name and second keys.
    With ``routed`` (a set kept across the blocks of one batch, whose pairs
    all go to one sink as a union), a large group split by second keys is
    routed once: the blocks of one common surname and its variants hold the
    same thousand Ivan Ivanovs again and again.
    """

    def seen_before(xs: Sequence[str], ys: Sequence[str] | None) -> bool:
        if routed is None:
            return False
        key = frozenset(xs) if ys is None else (frozenset(xs), frozenset(ys))
        if key in routed:
            return True
        routed.add(key)
        return False

    def second_route(xs: Sequence[str], ys: Sequence[str] | None, size: int, out: PairSink) -> None:
        # The second level never splits further: its routes pair whole.
        if ys is None:
            out.clique(xs)
        else:
            out.cross(xs, ys)

    def given_route(xs: Sequence[str], ys: Sequence[str] | None, size: int, out: PairSink) -> None:
        if size <= MAX_GIVEN_GROUP:
            second_route(xs, ys, size, out)
        elif seen_before(xs, ys):
            return  # routed whole for an earlier block: the same pairs
        elif ys is None:
            _routes(xs, second, out, second_route, initials_meet=False)
        else:
            union = list(dict.fromkeys([*xs, *ys]))
            _routes(union, second, _Across(xs, ys, out), second_route, initials_meet=False)

    _routes(members, given, sink, given_route, initials_meet=True)
