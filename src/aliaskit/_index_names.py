"""The parsed names of an :class:`~aliaskit.Index`: kept in columns of strings,
each built into a :class:`~aliaskit.ParsedName` when a search first reads it.

A name is parsed once, when it is indexed: in forked worker processes for a
large batch (:func:`parse_texts`), which send back its columns, its block
keys and its given-name keys; the index file stores the same columns
(:mod:`aliaskit._index_file`). A search reads a few dozen names, so neither
building nor loading an index builds the others.
"""

from __future__ import annotations

import multiprocessing
import warnings
from collections.abc import Sequence
from typing import overload

from aliaskit.blocking import block_keys, given_keys
from aliaskit.parse import NamePart, ParsedName, parse_name

__all__ = ["COLUMNS", "PARALLEL_MIN_NAMES", "LazyNames", "Parsed", "parse_texts"]

#: Between the parts of a name, and between the fields of a part (no name
#: holds either: they are control characters that normalisation drops).
UNIT = "\x1e"
FIELD = "\x1f"
#: The columns of a name, in order.
COLUMNS = ("original", "normalized", "script", "parts", "dropped", "suffixes")
#: Names are parsed in worker processes from this many on.
PARALLEL_MIN_NAMES = 20_000
#: Names per task sent to a worker.
CHUNK = 5_000

Row = tuple[str, str, str, str, str, str]


def row_of(name: ParsedName) -> Row:
    """A parsed name as its columns."""
    return (
        name.original,
        name.normalized,
        name.script,
        UNIT.join(FIELD.join((p.text, p.role, p.script)) for p in name.parts),
        UNIT.join(name.dropped),
        UNIT.join(name.suffixes),
    )


class LazyNames(Sequence[ParsedName]):
    """Parsed names kept as columns, each built when first read."""

    def __init__(self, columns: dict[str, list[str]], built: list[ParsedName | None]) -> None:
        if set(columns) != set(COLUMNS):
            raise ValueError(f"name columns must be {COLUMNS}")
        self.columns = columns
        self.original = columns["original"]
        if any(len(v) != len(self.original) for v in columns.values()):
            raise ValueError("the name columns differ in length")
        if len(built) != len(self.original):
            raise ValueError("one built name (or None) per name")
        self.built = built
        self.parts: dict[str, NamePart] = {}  # one NamePart per distinct part

    @classmethod
    def of_rows(cls, rows: Sequence[Row], built: list[ParsedName | None]) -> LazyNames:
        columns = {c: [row[k] for row in rows] for k, c in enumerate(COLUMNS)}
        return cls(columns, built)

    def extended(self, more: LazyNames) -> LazyNames:
        """These names and then ``more``, as a new sequence (this one unchanged)."""
        columns = {c: self.columns[c] + more.columns[c] for c in COLUMNS}
        joined = LazyNames(columns, self.built + more.built)
        joined.parts = self.parts
        return joined

    def __len__(self) -> int:
        return len(self.original)

    @overload
    def __getitem__(self, i: int) -> ParsedName: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[ParsedName]: ...
    def __getitem__(self, i: int | slice) -> ParsedName | Sequence[ParsedName]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        found = self.built[i]
        if found is None:
            found = self.built[i] = self._build(i)
        return found

    def _part(self, text: str) -> NamePart:
        found = self.parts.get(text)
        if found is None:
            word, role, script = text.split(FIELD)
            found = self.parts[text] = NamePart(word, role, script)
        return found

    def _build(self, i: int) -> ParsedName:
        c = self.columns
        parts, dropped, suffixes = c["parts"][i], c["dropped"][i], c["suffixes"][i]
        return ParsedName(
            c["original"][i],
            c["normalized"][i],
            c["script"][i],
            tuple(self._part(p) for p in parts.split(UNIT)) if parts else (),
            tuple(dropped.split(UNIT)) if dropped else (),
            tuple(suffixes.split(UNIT)) if suffixes else (),
        )


#: What parsing a batch of names gives: for each name with parts, its place in
#: the batch, its columns, its block keys and its given-name keys.
Parsed = list[tuple[int, Row, tuple[str, ...], tuple[str, ...]]]


def _parse_range(texts: Sequence[str], start: int, end: int) -> Parsed:
    out: Parsed = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a long name is matched on its start
        for k in range(start, end):
            name = parse_name(texts[k])
            if name.parts:
                out.append((k, row_of(name), tuple(block_keys(name)), tuple(given_keys(name))))
    return out


#: The texts of the pool this process serves: set only in a forked worker.
_inherited: list[Sequence[str]] = []


def _adopt(texts: Sequence[str]) -> None:
    _inherited.append(texts)


def _chunk(bounds: tuple[int, int]) -> Parsed:
    return _parse_range(_inherited[-1], *bounds)


def parse_texts(texts: Sequence[str], workers: int) -> tuple[Parsed, list[ParsedName] | None]:
    """Parse ``texts``, in ``workers`` forked processes for a large batch; the
    parsed names themselves too when parsed here (else None: built later)."""
    if workers < 2 or len(texts) < PARALLEL_MIN_NAMES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            names = [parse_name(t) for t in texts]
        found: Parsed = [
            (k, row_of(n), tuple(block_keys(n)), tuple(given_keys(n)))
            for k, n in enumerate(names)
            if n.parts
        ]
        return found, [names[k] for k, *_ in found]
    bounds = [(s, min(s + CHUNK, len(texts))) for s in range(0, len(texts), CHUNK)]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_adopt, initargs=(texts,)) as pool:
        parts = pool.map(_chunk, bounds, chunksize=1)
    return [item for part in parts for item in part], None
