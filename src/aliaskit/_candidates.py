"""Candidate pairs of one batch as integer arrays, never as a set of string pairs.

Names get integer ids in sorted order, so a pair ``(i, j)`` with ``i < j``
is the pair of names ``(names[i], names[j])`` in the order edges are keyed.
A pair is one int64 code, ``i * n + j``. Blocks are turned into codes in
bounded rounds, each round deduplicated on its own, and the rounds are merged
once at the end: memory is eight bytes per distinct pair plus one round,
where a set of string pairs took about 150 bytes per pair (and ran out of
memory at a million names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

import attrs
import numpy as np
import numpy.typing as npt

from aliaskit._arrays import distinct

__all__ = ["ROUND_CODES", "CandidatePairs", "CodeCollector"]

Codes = npt.NDArray[np.int64]
#: Pair codes gathered before a round is deduplicated.
ROUND_CODES = 1 << 22


@cache
def _upper(size: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Index pairs ``(x, y)`` with ``x < y`` among ``size`` members."""
    return np.triu_indices(size, 1)


class CodeCollector:
    """Gathers pair codes from blocks; :meth:`codes` gives them sorted and distinct."""

    def __init__(
        self,
        n: int,
        *,
        on_round: Callable[[Codes], None] | None = None,
        round_codes: int = ROUND_CODES,
    ) -> None:
        """``on_round``, if given, takes each round's codes (sorted, distinct within
        the round) as soon as it closes, and :meth:`codes` then gives none."""
        self.n = n
        self._whole: dict[int, list[list[int]]] = {}  # whole blocks by size: member ids
        self._pending = 0
        self._loose: list[Codes] = []
        self._rounds: list[Codes] = []
        self._on_round = on_round
        self._round_codes = round_codes

    def add_block(self, member_ids: list[int]) -> None:
        """All pairs of one block's members (ids in any order)."""
        size = len(member_ids)
        if size < 2:
            return
        self._whole.setdefault(size, []).append(member_ids)
        self._pending += size * (size - 1) // 2
        if self._pending >= self._round_codes:
            self._close_round()

    def add_pairs(self, left: Codes | Iterable[int], right: Codes | Iterable[int]) -> None:
        """Some pairs of ids, each pair in any order."""
        if isinstance(left, np.ndarray) and isinstance(right, np.ndarray):
            x, y = left.astype(np.int64, copy=False), right.astype(np.int64, copy=False)
        else:
            x = np.fromiter(left, dtype=np.int64)
            y = np.fromiter(right, dtype=np.int64)
        if not len(x):
            return
        self._loose.append(np.minimum(x, y) * self.n + np.maximum(x, y))
        self._pending += len(x)
        if self._pending >= self._round_codes:
            self._close_round()

    def _close_round(self) -> None:
        parts = self._loose
        for size, blocks in self._whole.items():
            members = np.sort(np.array(blocks, dtype=np.int64), axis=1)
            x, y = _upper(size)
            parts.append((members[:, x] * self.n + members[:, y]).ravel())
        self._whole, self._loose, self._pending = {}, [], 0
        if parts:
            codes = distinct(np.concatenate(parts))
            if self._on_round is None:
                self._rounds.append(codes)
            else:
                self._on_round(codes)

    def codes(self) -> Codes:
        self._close_round()
        rounds, self._rounds = self._rounds, []
        if not rounds:
            return np.empty(0, dtype=np.int64)
        return rounds[0] if len(rounds) == 1 else distinct(np.concatenate(rounds))


@attrs.frozen
class CandidatePairs:
    """The distinct candidate pairs of one batch of names, as sorted codes."""

    names: tuple[str, ...]  # sorted; a name's id is its position
    codes: Codes = attrs.field(eq=False)

    def __len__(self) -> int:
        return len(self.codes)

    def ids(self, codes: Codes | None = None) -> tuple[Codes, Codes]:
        """The two ids of each code (of all pairs by default)."""
        codes = self.codes if codes is None else codes
        n = max(len(self.names), 1)
        return codes // n, codes % n

    def pairs(self, codes: Codes | None = None) -> Iterator[tuple[str, str]]:
        """The pairs of names of ``codes`` (all pairs by default), each sorted."""
        names = self.names
        left, right = self.ids(codes)
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            yield names[i], names[j]
