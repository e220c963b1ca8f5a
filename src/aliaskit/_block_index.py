"""The block index: names filed under their block keys, and the candidate pairs
it yields (see :mod:`aliaskit.blocking` for which names meet)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import combinations

import numpy as np

from aliaskit._block_keys import NEAR_PREFIX, block_keys, block_limit, given_keys, second_keys
from aliaskit._candidates import CandidatePairs, CodeCollector, Codes
from aliaskit._progress import every
from aliaskit._split import SetSink, split_block
from aliaskit.parse import ParsedName

#: Pair codes per round when the rounds are streamed (to scoring, which starts
#: on the first round while later ones are found).
STREAM_ROUND_CODES = 1 << 20

__all__ = ["BlockIndex"]


#: A cross of at most this many pairs is expanded in Python into a buffer (most
#: are a handful of pairs, where numpy's per-call cost would dominate) ...
SMALL_CROSS = 256
#: ... which goes to the collector once it holds this many pairs.
CROSS_BUFFER = 1 << 16


class _CodeSink:
    """Sends a block's pairs to a :class:`CodeCollector` as name ids.

    Call :meth:`flush` when the last block is sent.
    """

    def __init__(self, collector: CodeCollector, ids: dict[str, int]) -> None:
        self.collector = collector
        self.ids = ids
        self._left: list[int] = []
        self._right: list[int] = []

    def clique(self, members: Sequence[str]) -> None:
        self.collector.add_block([self.ids[m] for m in members])

    def cross(self, xs: Sequence[str], ys: Sequence[str]) -> None:
        ids = self.ids
        x_ids = [ids[m] for m in xs]
        y_ids = [ids[m] for m in ys]
        if len(x_ids) * len(y_ids) <= SMALL_CROSS:
            left, right = self._left, self._right
            for i in x_ids:
                for j in y_ids:
                    if i < j:
                        left.append(i)
                        right.append(j)
                    elif j < i:
                        left.append(j)
                        right.append(i)
            if len(left) >= CROSS_BUFFER:
                self.flush()
            return
        x = np.array(x_ids, dtype=np.int64)
        y = np.array(y_ids, dtype=np.int64)
        left_ids, right_ids = np.repeat(x, len(y)), np.tile(y, len(x))
        keep = left_ids != right_ids
        self.collector.add_pairs(left_ids[keep], right_ids[keep])

    def flush(self) -> None:
        """Send the buffered pairs of small crosses."""
        if self._left:
            left = np.array(self._left, dtype=np.int64)
            right = np.array(self._right, dtype=np.int64)
            self._left, self._right = [], []
            self.collector.add_pairs(left, right)


def _file_ids(names: Sequence[str], parsed: dict[str, ParsedName]) -> dict[str, int | list[int]]:
    """Name ids by block key: the id of a block's one member, or a list of ids (ascending)."""
    blocks: dict[str, int | list[int]] = {}
    for i, item in enumerate(names):
        for key in block_keys(parsed[item]):
            held = blocks.get(key)
            if held is None:
                blocks[key] = i
            elif isinstance(held, int):
                blocks[key] = [held, i]
            else:
                held.append(i)
    return blocks


class _LazyKeys:
    """Given-name and second keys of names, computed when first asked for."""

    def __init__(self, parsed: dict[str, ParsedName]) -> None:
        self.parsed = parsed
        self._given: dict[str, frozenset[str]] = {}
        self._second: dict[str, frozenset[str]] = {}

    def given(self, item: str) -> frozenset[str]:
        found = self._given.get(item)
        if found is None:
            found = self._given[item] = given_keys(self.parsed[item])
        return found

    def second(self, item: str) -> frozenset[str]:
        found = self._second.get(item)
        if found is None:
            found = self._second[item] = second_keys(self.parsed[item])
        return found


class BlockIndex:
    """An incremental index from block keys to names, yielding candidate pairs.

    Not thread-safe; the :class:`~aliaskit.resolver.Resolver` guards it.

    With ``track_pairs=False`` the index keeps no per-pair counts (the bulk of
    its memory at scale): it then takes a single batch (:meth:`candidates`,
    or :meth:`add_many` or :meth:`fill`), as :func:`aliaskit.cluster` needs,
    and refuses later additions.
    """

    def __init__(self, *, track_pairs: bool = True) -> None:
        self._track = track_pairs
        self._blocks: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, frozenset[str]] = {}
        self._given: dict[str, frozenset[str]] = {}
        self._second: dict[str, frozenset[str]] = {}
        self._support: dict[tuple[str, str], int] = defaultdict(int)
        self._released = False

    def release(self) -> None:
        """Free the blocks of an untracked index once its one batch is paired.

        :func:`aliaskit.cluster` does so before scoring: at a million names
        the blocks are the largest structure it would otherwise keep. A
        released index answers no more queries.
        """
        if self._track:
            raise RuntimeError("only a track_pairs=False index can be released")
        self._released = True
        self._blocks = defaultdict(set)
        self._keys, self._given, self._second = {}, {}, {}

    def _check_live(self) -> None:
        if self._released:
            raise RuntimeError("this BlockIndex was released after its one batch")

    def __contains__(self, item: str) -> bool:
        self._check_live()
        return item in self._keys

    def __len__(self) -> int:
        self._check_live()
        return len(self._keys)

    def block_sizes(self) -> list[int]:
        """Sizes of all blocks."""
        self._check_live()
        return [len(v) for v in self._blocks.values()]

    def _block_pairs(self, key: str) -> Iterator[tuple[str, str]]:
        members = sorted(self._blocks[key])
        if len(members) <= block_limit(key):
            yield from combinations(members, 2)  # (a, b) with a < b, in order
            return
        if key.startswith(NEAR_PREFIX):
            return  # its members share a given name: splitting would not narrow it
        sink = SetSink()
        split_block(members, self._given.__getitem__, self._second.__getitem__, sink)
        yield from sink.pairs

    def add(self, item: str, name: ParsedName) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """Index one name; return the candidate pairs (added, removed)."""
        added, removed = self.add_many([(item, name)])
        return set(added), removed

    def add_many(
        self,
        items: Iterable[tuple[str, ParsedName]],
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[AbstractSet[tuple[str, str]], set[tuple[str, str]]]:
        """Index many names at once; return the candidate pairs (added, removed).

        Each block touched is paired before and after its new members are in;
        the pairs whose support (the number of blocks that pair them) rises
        from nothing are added, and those whose support falls to nothing (a
        block that outgrew its limit) are removed. An untracked index takes
        one batch and returns its pairs as :meth:`candidates` does.

        ``progress``, if given, is called with the blocks paired so far and
        the blocks to pair (a touched block that existed counts twice: before
        and after), every :func:`~aliaskit._progress.every` blocks and at the
        end (a tracked index only).
        """
        self._check_live()
        if not self._track:
            if self._keys:
                raise RuntimeError("a BlockIndex built with track_pairs=False takes one batch only")
            self.fill(items)
            return self.pairs(), set()
        fresh, touched = self._take(items)
        before = [key for key in touched if key in self._blocks]
        total = len(before) + len(touched)
        step = every(total)
        delta: dict[tuple[str, str], int] = defaultdict(int)
        done = 0
        for key in before:
            for p in self._block_pairs(key):
                delta[p] -= 1
            done += 1
            if progress is not None and done % step == 0:
                progress(done, total)
        self._file(fresh)
        for key in touched:
            for p in self._block_pairs(key):
                delta[p] += 1
            done += 1
            if progress is not None and done % step == 0:
                progress(done, total)
        if progress is not None and (total == 0 or done % step):
            progress(total, total)
        return self._apply(delta)

    def _take(
        self, items: Iterable[tuple[str, ParsedName]]
    ) -> tuple[dict[str, ParsedName], set[str]]:
        """Key the names not indexed yet; return them and the block keys they touch."""
        fresh: dict[str, ParsedName] = {}
        for item, name in items:
            if item not in self._keys and item not in fresh:
                fresh[item] = name
        touched: set[str] = set()
        for item, name in fresh.items():
            self._keys[item] = block_keys(name)
            self._given[item] = given_keys(name)
            self._second[item] = second_keys(name)
            touched |= self._keys[item]
        return fresh, touched

    def fill(self, items: Iterable[tuple[str, ParsedName]]) -> None:
        """Index names without listing their pairs (untracked index, one batch).

        Read the pairs one name at a time with :meth:`partners`: this holds
        the index only, never all the pairs.
        """
        if self._track or self._keys:
            raise RuntimeError("fill() takes one batch into an empty track_pairs=False index")
        fresh, _ = self._take(items)
        self._file(fresh)

    def _file(self, fresh: dict[str, ParsedName]) -> None:
        for item in fresh:
            for key in self._keys[item]:
                self._blocks[key].add(item)

    def candidates(
        self,
        items: Iterable[tuple[str, ParsedName]],
        *,
        on_round: Callable[[Codes], None] | None = None,
    ) -> CandidatePairs:
        """Index one batch into an empty untracked index; return its candidate pairs
        as integer arrays (:class:`~aliaskit._candidates.CandidatePairs`).

        The same pairs as a tracked index lists, never held as string pairs.
        Lean on memory: names are filed under their block keys without keeping
        each name's key set, a block of one name holds just that name, and
        given-name and second keys are computed only for the members of
        oversized blocks. The index is released afterwards.

        With ``on_round``, the pairs are handed to it in rounds as they are
        found (sorted codes, distinct within a round but not across rounds),
        and the result holds no codes.
        """
        self._check_live()
        if self._track or self._keys:
            raise RuntimeError("candidates() takes one batch into an empty track_pairs=False index")
        fresh: dict[str, ParsedName] = {}
        for item, name in items:
            fresh.setdefault(item, name)
        names = tuple(sorted(fresh))
        blocks = _file_ids(names, fresh)
        if on_round is None:
            out = CodeCollector(len(names))
        else:
            out = CodeCollector(len(names), on_round=on_round, round_codes=STREAM_ROUND_CODES)
        ids = {name: i for i, name in enumerate(names)}
        sink = _CodeSink(out, ids)
        keys = _LazyKeys(fresh)
        # Blocks with the same members give the same pairs when they are all
        # paired, or all split: the near keys of one surname mostly do.
        done: set[tuple[bool, tuple[int, ...]]] = set()
        routed: set[object] = set()  # large given-name groups already split (split_block)
        for key, held in blocks.items():
            if isinstance(held, int):  # most blocks hold one name and give no pairs
                continue
            whole = len(held) <= block_limit(key)
            if not whole and key.startswith(NEAR_PREFIX):
                continue  # no pairs (see _block_pairs)
            seen = (whole, tuple(held))  # ids in filing order: ascending
            if seen in done:
                continue
            done.add(seen)
            if whole:
                out.add_block(held)
            else:
                split_block([names[i] for i in held], keys.given, keys.second, sink, routed)
        sink.flush()
        del blocks, done, routed
        self._released = True
        return CandidatePairs(names, out.codes())

    def _apply(
        self, delta: dict[tuple[str, str], int]
    ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """Change pair support by ``delta``; return the pairs that appeared and vanished."""
        added: set[tuple[str, str]] = set()
        removed: set[tuple[str, str]] = set()
        for p, change in delta.items():
            if not change:
                continue
            old = self._support.get(p, 0)
            new = old + change
            if new:
                self._support[p] = new
            else:
                del self._support[p]
            if not old:
                added.add(p)
            elif not new:
                removed.add(p)
        return added, removed

    def partners(self, item: str) -> set[str]:
        """The names ``item`` is a candidate pair with, as the index stands.

        The same pairs as :meth:`pairs`, one name at a time, so that all
        pairs can be streamed without holding them.
        """
        self._check_live()
        found: set[str] = set()
        for key in self._keys[item]:
            members = self._blocks[key]
            if len(members) <= block_limit(key):
                found.update(members)
            else:
                found.update(x for p in self._block_pairs(key) if item in p for x in p)
        found.discard(item)
        return found

    def pairs(self) -> set[tuple[str, str]]:
        """All current candidate pairs."""
        self._check_live()
        found: set[tuple[str, str]] = set()
        for key in self._blocks:
            found.update(self._block_pairs(key))
        return found
