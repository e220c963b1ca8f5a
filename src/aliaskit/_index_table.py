"""The key table of an :class:`~aliaskit.Index`: name ids filed under keys, and
the candidates of a query.

A name is filed under each of its block keys (:func:`~aliaskit.blocking.block_keys`),
as clustering blocks it. The members of a block over its limit
(:func:`~aliaskit.blocking.block_limit`: a common surname) are filed again
under the block key and each of their given-name keys
(:func:`~aliaskit.blocking.given_keys`), so that a query meets only the
members its given name meets (:func:`~aliaskit.blocking.meets`), as in an
oversized block of clustering:

* a member without a given part (``*``) meets every query, and a query
  without one meets every member;
* an initial-only member (filed under ``!`` and its keys) meets a query
  that shares a key with it (the initial it can stand for);
* a member with a full given name meets a full query through the keys that
  :func:`~aliaskit.blocking.partners` pairs, and an initial-only query
  through a shared initial.

Within the members that one given-name key reaches, more than
:data:`~aliaskit.blocking.MAX_GIVEN_GROUP` of them (a thousand Ivan
Ivanovs) are narrowed by their patronymic and middle names
(:func:`~aliaskit.blocking.second_keys`), as clustering narrows them.

The table is three arrays and a dict (key to row), so that it is saved and
loaded as arrays (:mod:`aliaskit._index_file`).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from aliaskit.blocking import (
    ANY_GIVEN,
    INITIAL_ONLY,
    MAX_GIVEN_GROUP,
    block_limit,
    meets,
    partners,
    second_keys,
)
from aliaskit.parse import ParsedName

__all__ = ["SEPARATOR", "KeyTable", "SecondKeys", "build_table", "second_filter", "table_of"]

#: Between a block key and a given-name key in the key of a sub-block.
SEPARATOR = "\x1f"
#: Marks the given-name keys of initial-only members in a sub-block key.
_INITIAL_MARK = "!"

Ids = npt.NDArray[np.int32]
_EMPTY: Ids = np.zeros(0, dtype=np.int32)


class KeyTable:
    """Name ids (ascending) by key: ``ids[starts[row]:starts[row + 1]]``."""

    __slots__ = ("ids", "keys", "rows", "starts")

    def __init__(self, keys: list[str], starts: npt.NDArray[np.int64], ids: Ids) -> None:
        self.keys = keys
        self.starts = starts
        self.ids = ids
        self.rows = {key: row for row, key in enumerate(keys)}

    def __len__(self) -> int:
        return len(self.keys)

    def blocks(self) -> dict[str, list[int]]:
        """The ids by block key (not the sub-blocks), as lists to grow."""
        starts = self.starts.tolist()
        ids = self.ids
        return {
            key: ids[starts[row] : starts[row + 1]].tolist()
            for row, key in enumerate(self.keys)
            if SEPARATOR not in key
        }

    def get(self, key: str) -> Ids:
        row = self.rows.get(key)
        if row is None:
            return _EMPTY
        return self.ids[int(self.starts[row]) : int(self.starts[row + 1])]

    def candidates(
        self,
        blocks: frozenset[str],
        given: Callable[[], frozenset[str]],
        second_meets: Callable[[Ids], Ids],
    ) -> Ids:
        """The ids of the names a query with these block keys meets (ascending,
        distinct): ``given`` gives its given-name keys and ``second_meets``
        keeps the members of a large group whose second keys meet its own."""
        found: list[Ids] = []
        narrow: list[Ids] = []  # given-name groups to narrow by second keys
        query_given: frozenset[str] | None = None
        for key in sorted(blocks):
            members = self.get(key)
            if not len(members):
                continue
            if len(members) <= block_limit(key):
                found.append(members)
                continue
            if query_given is None:
                query_given = given()
            kept, reached = self._routes(key, members, query_given)
            found.extend(kept)
            for group in reached:
                (narrow if len(group) > MAX_GIVEN_GROUP else found).append(group)
        if narrow:
            # One name sits in many of a query's groups: narrow each once.
            found.append(second_meets(np.unique(np.concatenate(narrow))))
        if not found:
            return _EMPTY
        return np.unique(np.concatenate(found)) if len(found) > 1 else found[0]

    def _routes(
        self,
        key: str,
        members: Ids,
        query: frozenset[str],
    ) -> tuple[list[Ids], list[Ids]]:
        """The members of an oversized block that a query's given name meets:
        those kept whole, and the groups its full given name reaches (a
        group over :data:`MAX_GIVEN_GROUP` is still to be narrowed by second
        keys)."""
        if ANY_GIVEN in query:
            return [members], []
        prefix = key + SEPARATOR
        out = [self.get(prefix + ANY_GIVEN)]
        initials = [self.get(prefix + _INITIAL_MARK + k) for k in sorted(query)]
        out.extend(initials)  # initial-only members sharing a key with the query
        if INITIAL_ONLY in query:
            reached = [self.get(prefix + k) for k in sorted(query) if k != INITIAL_ONLY]
        else:
            routes = sorted({p for k in query for p in partners(k)})
            reached = [self.get(prefix + p) for p in routes]
        return out, reached


def build_table(filed: dict[str, list[int]], given: Callable[[int], frozenset[str]]) -> KeyTable:
    """The table of names filed by block key (``filed``: key to ids, each list
    ascending); ``given`` gives a name's given-name keys, asked only for the
    members of oversized blocks, which are filed again by them."""
    filed = defaultdict(list, filed)
    for key in [k for k, members in filed.items() if len(members) > block_limit(k)]:
        prefix = key + SEPARATOR
        for i in filed[key]:
            keys = given(i)
            if ANY_GIVEN in keys:
                filed[prefix + ANY_GIVEN].append(i)
            elif INITIAL_ONLY in keys:
                for k in keys:
                    filed[prefix + _INITIAL_MARK + k].append(i)
            else:
                for k in keys:
                    filed[prefix + k].append(i)
    return table_of(filed)


def table_of(filed: dict[str, list[int]]) -> KeyTable:
    """A table of ids (each list ascending) by key, keys sorted."""
    keys = sorted(filed)
    sizes = np.fromiter((len(filed[k]) for k in keys), dtype=np.int64, count=len(keys))
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    ids = np.empty(int(starts[-1]), dtype=np.int32)
    for row, key in enumerate(keys):
        ids[int(starts[row]) : int(starts[row + 1])] = filed[key]
    return KeyTable(keys, starts, ids)


class SecondKeys:
    """The second keys (:func:`~aliaskit.blocking.second_keys`) of indexed
    names, by name id, each read when a search first needs it: a cache that
    never changes what a search finds. Names share a few thousand distinct
    key sets; each is stored once and a name holds its set's number. Reading
    is locked: two threads searching at once must never give two sets one
    number."""

    __slots__ = ("by_set", "ids", "lock", "parsed", "sets")

    def __init__(self, parsed: Sequence[ParsedName], before: SecondKeys | None = None) -> None:
        self.parsed = parsed
        self.ids = np.full(len(parsed), -1, dtype=np.int32)  # -1: not read yet
        if before is None:
            self.sets: list[frozenset[str]] = []
            self.by_set: dict[frozenset[str], int] = {}
            self.lock = threading.Lock()
        else:  # an index grown by add: what the smaller one read still holds
            self.ids[: len(before.ids)] = before.ids
            self.sets, self.by_set, self.lock = before.sets, before.by_set, before.lock

    def of(self, group: Ids) -> Ids:
        """The numbers of the key sets of the names ``group``."""
        found = self.ids[group]
        missing = group[found < 0]
        if len(missing):
            read = [second_keys(self.parsed[i]) for i in missing.tolist()]
            with self.lock:  # the sets shared with an index grown from this one too
                for i, keys in zip(missing.tolist(), read, strict=True):
                    number = self.by_set.get(keys)
                    if number is None:
                        number = self.by_set[keys] = len(self.sets)
                        self.sets.append(keys)
                    self.ids[i] = number
            found = self.ids[group]
        return found


def second_filter(query: frozenset[str], second: SecondKeys) -> Callable[[Ids], Ids]:
    """Keeps the ids whose second keys (``second``) meet the query's ``query``:
    each distinct key set among them is met once."""

    def keep(group: Ids) -> Ids:
        if ANY_GIVEN in query:
            return group
        numbers, at = np.unique(second.of(group), return_inverse=True)
        sets = second.sets
        met = np.fromiter(
            (_second_meet(query, sets[n]) for n in numbers.tolist()), dtype=bool, count=len(numbers)
        )
        kept: Ids = group[met[at]]
        return kept

    return keep


def _second_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Second keys meet as given-name keys do, except that two sets of initials
    meet only through one same letter (see :mod:`aliaskit._split`)."""
    if INITIAL_ONLY in a and INITIAL_ONLY in b:
        return bool((a & b) - {INITIAL_ONLY})
    return meets(a, b)
