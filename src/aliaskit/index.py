"""Search a list of names or records for one name: :class:`Index`.

Screening is the commonest job in this field: one name (*Sasha Troufanov*,
*סשה טרופנוב*), sometimes a birth date, against a watch-list, and the people
on it who may be that person, ranked and explained.

An index parses each distinct name once and files it under its block keys
(:mod:`aliaskit._index_table`), as clustering blocks names, so a query in
any script reaches names in every script: Latin, Cyrillic and Hebrew
spellings, hypocorisms, initials, surname first. Each candidate record is
then scored exactly as :func:`aliaskit.compare` scores the query against it
(evidence included), and the hits are ranked best first
(:mod:`aliaskit._index_search`).

Searching never changes the index; :meth:`Index.add` builds the new state
aside and swaps it in, so searches running meanwhile see the old one whole.

>>> index = Index(["Alexander Trufanov", "Елена Труфанова", "Vitali Trupanov"])
>>> [(h.name, round(h.score, 2)) for h in index.search("Sasha Troufanov", limit=2)]
[('Alexander Trufanov', 0.94), ('Vitali Trupanov', 0.45)]
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import numpy as np

from aliaskit._check import require_threshold
from aliaskit._gc import gc_paused
from aliaskit._index_names import LazyNames, Row, parse_texts
from aliaskit._index_search import Hit, Scored, rank, scorer_for
from aliaskit._index_table import KeyTable, SecondKeys, build_table, second_filter, table_of
from aliaskit._records_batch import content_of
from aliaskit._resolver_ingest import NO_NAME, SkippedName
from aliaskit._version import __version__
from aliaskit.blocking import block_keys, given_keys, second_keys
from aliaskit.compare import DEFAULT_THRESHOLD, compare
from aliaskit.parse import MAX_NAME_CHARS, ParsedName, parse_name
from aliaskit.record import Record

__all__ = ["MAX_QUERY_WORDS", "Hit", "Index", "IndexState"]

#: A query of more words than this is text, not a name, and is refused.
MAX_QUERY_WORDS = 12


@attrs.frozen(eq=False)
class IndexState:
    """What an :class:`Index` holds, never changed once built: the distinct
    names (a name's id is its place) and their parses, the records (a plain
    string kept as itself) with their keys and entity ids, the records that
    hold each name, and the key table."""

    names: list[str]
    parsed: LazyNames
    name_id: dict[str, int]
    records: list[str | Record]
    keys: list[str]
    entity_ids: list[str | None]
    name_records: list[tuple[int, ...]]
    table: KeyTable
    second: SecondKeys


def _empty() -> IndexState:
    parsed = LazyNames.of_rows([], [])
    return IndexState([], parsed, {}, [], [], [], [], table_of({}), SecondKeys(parsed))


class Index:
    """A searchable list of names or records (see the module docstring).

    ``Index(items)`` takes strings and :class:`~aliaskit.Record` values. A
    plain string is one record (each distinct string once); records with one
    id must have one content (else ``ValueError``); a string without letters
    or digits is skipped and listed in :attr:`skipped`.

    >>> index = Index(["Александр Труфанов", "Elena Troufanov"])
    >>> hit = index.search("Sasha Troufanov")[0]
    >>> hit.name, hit.score
    ('Александр Труфанов', 0.9422)
    """

    def __init__(
        self,
        items: Iterable[str | Record] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        workers: int | None = None,
    ) -> None:
        self.threshold = require_threshold(threshold)
        self.workers = _workers(workers)
        self._lock = threading.Lock()
        self._state = _empty()
        # Record content or id -> record index; None until add needs it.
        self._contents: dict[Any, int] | None = {}
        self.skipped: list[SkippedName] = []
        self.add(items)

    def __len__(self) -> int:
        """The number of records held."""
        return len(self._state.records)

    @property
    def state(self) -> IndexState:
        """The current state (immutable; :meth:`add` replaces it)."""
        return self._state

    def add(self, items: Iterable[str | Record], *, entity_ids: Sequence[str | None] = ()) -> None:
        """Add names or records (every item is checked before anything changes).
        Searches see the index before or after, never between."""
        found = _checked(items)
        with self._lock, gc_paused():
            self._state = self._grown(found, list(entity_ids))

    def _grown(self, items: list[str | Record], entity_ids: list[str | None]) -> IndexState:
        old = self._state
        if self._contents is None:
            self._contents = {_content_key(item): r for r, item in enumerate(old.records)}
        contents = dict(self._contents)
        records, keys, entities = list(old.records), list(old.keys), list(old.entity_ids)
        fresh, skipped = _admit(items, entity_ids, contents, records, keys, entities)
        names, name_id = list(old.names), dict(old.name_id)
        texts = list(dict.fromkeys(t for _, held in fresh for t in held if t not in name_id))
        found, built = parse_texts(texts, self.workers)
        rows: list[Row] = []
        filed = old.table.blocks() if found else {}
        given: dict[int, tuple[str, ...]] = {}
        for k, row, block, given_at in found:
            i = name_id[texts[k]] = len(names)
            names.append(texts[k])
            rows.append(row)
            given[i] = given_at
            for key in block:
                filed.setdefault(key, []).append(i)
        parsed = old.parsed.extended(
            LazyNames.of_rows(rows, list(built) if built is not None else [None] * len(rows))
        )
        name_records = list(old.name_records) + [()] * len(rows)
        holders: dict[int, list[int]] = {}
        for r, held in fresh:
            for text in dict.fromkeys(held):
                at = name_id.get(text)
                if at is not None:
                    holders.setdefault(at, []).append(r)
        for i, rs in holders.items():
            name_records[i] = tuple(sorted({*name_records[i], *rs}))
        table = old.table
        if found:

            def given_of(i: int) -> frozenset[str]:
                held = given.get(i)
                return frozenset(held) if held is not None else given_keys(parsed[i])

            table = build_table(filed, given_of)
        self._contents = contents
        self.skipped.extend(skipped)
        if skipped:
            warnings.warn(f"skipped {len(skipped)} empty name(s)", UserWarning, stacklevel=4)
        second = SecondKeys(parsed, old.second)
        return IndexState(
            names, parsed, name_id, records, keys, entities, name_records, table, second
        )

    # -- persistence -----------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` (format: :mod:`aliaskit._index_file`),
        atomically; :meth:`load` reads it back without parsing a name."""
        from aliaskit._index_file import write_index

        write_index(self._state, self.threshold, __version__, path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Index:
        """Read an index written by :meth:`save`. A corrupt, truncated, edited
        or newer file raises :class:`~aliaskit._index_file.IndexFileError`."""

        with gc_paused():
            return cls._read(path)

    @classmethod
    def _read(cls, path: str | os.PathLike[str]) -> Index:
        from aliaskit._index_file import read_index

        header, parsed, records, entity_ids, table = read_index(path, __version__)
        index = cls(threshold=header["threshold"])
        if parsed is None or table is None:  # another version's keys: key again
            index.add(records, entity_ids=entity_ids)
            return index
        names = list(parsed.original)
        name_id = {text: i for i, text in enumerate(names)}
        index._state = IndexState(
            names,
            parsed,
            name_id,
            records,
            [item if isinstance(item, str) else item.key for item in records],
            entity_ids,
            _holders(records, name_id),
            table,
            SecondKeys(parsed),
        )
        index._contents = None  # made when first needed (by add)
        return index

    @classmethod
    def from_resolver(cls, resolver: Any) -> Index:
        """A snapshot of a :class:`~aliaskit.Resolver`'s records (or names), each
        hit carrying the id of its entity there."""
        items, entity_ids = resolver._index_items()
        index = cls(threshold=resolver.threshold)
        index.add(items, entity_ids=entity_ids)
        return index

    def warm(self) -> None:
        """Read every indexed name's comparison features and second keys now
        (in this thread's scorer), so that no search pays for reading a name
        the first time: 4.4 s for 289,560 names, 10.2 s for 827,650 (two
        cores, docs/benchmarks.md). Searches give the same hits, warm or not."""
        state = self._state
        with gc_paused():
            scorer_for(state.parsed).warm()
            state.second.of(np.arange(len(state.names), dtype=np.int32))

    # -- searching -------------------------------------------------------------

    def search(
        self, query: str | Record, *, limit: int | None = 10, score_cutoff: float | None = None
    ) -> list[Hit]:
        """The indexed records that may be the person ``query`` names, best first.

        ``query`` is a name or a :class:`~aliaskit.Record` (its evidence
        weighs as in :func:`~aliaskit.compare`): each hit's score is
        ``compare(query, record).score``. At most ``limit`` hits (None: all
        candidates), and only those scoring ``score_cutoff`` or more (None:
        whatever they score). Ties are broken by the record's key, then name.
        """
        _check_options(limit, score_cutoff)
        state = self._state
        with gc_paused():
            scored = _scored(state, _query(query), self.threshold)
        return [_hit(state, query, s, self.threshold) for s in rank(scored, limit, score_cutoff)]

    def search_many(
        self,
        queries: Iterable[str | Record],
        *,
        limit: int | None = 10,
        score_cutoff: float | None = None,
        workers: int | None = None,
    ) -> list[list[Hit]]:
        """:meth:`search` of each query, in order, over ``workers`` processes
        (None: every core)."""
        from aliaskit._index_many import search_many

        _check_options(limit, score_cutoff)
        found = [_query(q) for q in queries]
        count = _workers(workers)
        state = self._state
        with gc_paused():
            ranked = search_many(state, found, self.threshold, limit, score_cutoff, count)
        return [
            [_hit(state, q, s, self.threshold) for s in hits]
            for q, hits in zip(found, ranked, strict=True)
        ]


def _admit(
    items: list[str | Record],
    entity_ids: list[str | None],
    contents: dict[Any, int],
    records: list[str | Record],
    keys: list[str],
    entities: list[str | None],
) -> tuple[list[tuple[int, tuple[str, ...]]], list[SkippedName]]:
    """Append the new records of ``items`` (one per id, else per content) to
    the lists given; return each new record's place and names, and the
    items skipped for holding no name. A record plain in all but its type is
    kept as its name."""
    fresh: list[tuple[int, tuple[str, ...]]] = []
    skipped: list[SkippedName] = []
    for position, item in enumerate(items):
        if isinstance(item, str) and not any(c.isalnum() for c in item):
            skipped.append(SkippedName(position, item, NO_NAME))
            continue
        rid = item.id if isinstance(item, Record) else None
        where = contents.get(_content_key(item))
        if where is not None:
            if rid is not None and content_of(records[where]) != content_of(item):
                raise ValueError(
                    f"items[{position}]: record id {rid!r} is used by two different records"
                )
            continue
        contents[_content_key(item)] = len(records)
        if isinstance(item, str):
            fresh.append((len(records), (item,)))
            records.append(item)
            keys.append(item)
        else:
            fresh.append((len(records), item.names))
            plain = rid is None and len(item.names) == 1 and not item.has_evidence
            records.append(item.name if plain else item)
            keys.append(item.key)
        entities.append(entity_ids[position] if entity_ids else None)
    return fresh, skipped


def _workers(workers: int | None) -> int:
    """The worker processes to use: ``workers``, or every core (None)."""
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise ValueError(f"workers must be a positive int or None, got {workers!r}")
    return workers if workers is not None else (os.cpu_count() or 1)


def _holders(records: Sequence[str | Record], name_id: dict[str, int]) -> list[tuple[int, ...]]:
    """The records that hold each name, ascending."""
    holders: list[tuple[int, ...]] = [()] * len(name_id)
    more: dict[int, list[int]] = {}  # names held by two records or more
    for r, item in enumerate(records):
        for text in (item,) if isinstance(item, str) else dict.fromkeys(item.names):
            i = name_id.get(text)
            if i is None:
                continue
            if i in more:
                more[i].append(r)
            elif holders[i]:
                more[i] = [*holders[i], r]
            else:
                holders[i] = (r,)
    for i, rs in more.items():
        holders[i] = tuple(rs)
    return holders


def _content_key(item: str | Record) -> Any:
    """What makes two items one record: an id, else the content."""
    if isinstance(item, Record) and item.id is not None:
        return ("id", str(item.id))
    return content_of(item)


def _checked(items: Iterable[str | Record]) -> list[str | Record]:
    if isinstance(items, str | Record):
        raise TypeError("items must be an iterable of names or records, not one name")
    found = list(items)
    for position, item in enumerate(found):
        if not isinstance(item, str | Record):
            kind = type(item).__name__
            raise TypeError(f"items[{position}] must be a str or a Record, not {kind}")
    return found


def _parse(text: str) -> ParsedName:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a long name is matched on its start
        return parse_name(text)


def _check_options(limit: int | None, cutoff: float | None) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise TypeError(f"limit must be an int or None, not {type(limit).__name__}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if cutoff is not None:
        require_threshold(cutoff)


def _query(query: Any) -> str | Record:
    """A query checked: a name of letters, not a paragraph; or a record."""
    if isinstance(query, Record):
        return query
    if not isinstance(query, str):
        raise TypeError(f"query must be a str or a Record, not {type(query).__name__}")
    if not any(c.isalpha() for c in query):
        raise ValueError(f"query has no letters: {query!r}")
    words = len(query.split())
    if len(query) > MAX_NAME_CHARS or words > MAX_QUERY_WORDS or "\n" in query.strip():
        raise ValueError(
            f"query looks like text, not a name ({len(query)} characters, {words} words): "
            "search takes one person's name"
        )
    return query


def _candidates(state: IndexState, name: ParsedName) -> list[int]:
    """The ids of the indexed names that a query name meets."""

    def given() -> frozenset[str]:
        return given_keys(name)

    second = second_filter(second_keys(name), state.second)
    found: list[int] = state.table.candidates(block_keys(name), given, second).tolist()
    return found


def _scored(state: IndexState, query: str | Record, threshold: float) -> list[Scored]:
    """Every candidate record of ``query``, scored (not yet ranked)."""
    texts = (query,) if isinstance(query, str) else query.names
    candidates: set[int] = set()
    queries: list[ParsedName] = []
    for text in dict.fromkeys(texts):
        parsed = _parse(text)
        if parsed.parts:
            queries.append(parsed)
            candidates.update(_candidates(state, parsed))
    if not queries:
        raise ValueError(f"query has no name in it: {query!r}")
    plain_query = isinstance(query, str)
    plain: dict[int, int] = {}  # record (a plain string) to its name's id
    others: set[int] = set()
    for i in candidates:
        for r in state.name_records[i]:
            if plain_query and isinstance(state.records[r], str):
                plain[r] = i
            else:
                others.add(r)
    out: list[Scored] = []
    if plain:
        scores = scorer_for(state.parsed).scores(queries[0], list(plain.values()))
        for (r, i), score in zip(plain.items(), scores, strict=True):
            out.append((score, state.keys[r], r, state.names[i]))
    for r in sorted(others):
        comparison = compare(query, state.records[r], threshold=threshold)
        out.append((comparison.score, state.keys[r], r, comparison.b))
    return out


def _hit(state: IndexState, query: str | Record, scored: Scored, threshold: float) -> Hit:
    score, _, r, name = scored
    target = state.records[r]
    rid = target.id if isinstance(target, Record) else None
    return Hit(name, score, rid, state.entity_ids[r], query, target, threshold)
