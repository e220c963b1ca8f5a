"""Searching a Resolver without changing it: :meth:`SearchLayer.search`.

The search runs on an :class:`~aliaskit.Index` snapshot of the Resolver's
records (or names), made on the first search after a change and kept until
the next one, and gives one hit per entity: the best of its records.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs

from aliaskit._records_batch import Content, content_order
from aliaskit.entity import Entity
from aliaskit.record import Record

__all__ = ["SearchLayer"]


class SearchLayer:
    """The search of a Resolver (its state read through the attributes below)."""

    threshold: float
    _lock: threading.RLock
    _version: int
    _records_on: bool
    _contents: dict[Content, Record]
    _keys: dict[Content, set[str]]
    _search_cache: tuple[int, Any] | None = None

    @property
    def entities(self) -> list[Entity]:
        raise NotImplementedError  # the Resolver's

    def _record_entities(self) -> tuple[list[Entity], dict[str, Entity]]:
        raise NotImplementedError  # the records layer's

    def search(
        self, query: str | Record, *, limit: int | None = 10, score_cutoff: float | None = None
    ) -> list[Any]:
        """The entities that may be the person ``query`` names, best first: one
        :class:`~aliaskit.Hit` per entity (its best record), scored as
        :func:`~aliaskit.compare` scores the query against that record. The
        query is never added. See :meth:`aliaskit.Index.search`."""
        from aliaskit.index import _check_options

        _check_options(limit, score_cutoff)
        index = self._search_index()
        out = []
        seen: set[str | None] = set()
        for hit in index.search(query, limit=None, score_cutoff=score_cutoff):
            if hit.entity_id in seen:
                continue
            seen.add(hit.entity_id)
            out.append(hit)
            if limit is not None and len(out) == limit:
                break
        return out

    def _search_index(self) -> Any:
        from aliaskit.index import Index

        with self._lock:
            cached = self._search_cache
            if cached is not None and cached[0] == self._version:
                return cached[1]
            items, entity_ids = self._index_items()
            index = Index(threshold=self.threshold)
            index.add(items, entity_ids=entity_ids)
            self._search_cache = (self._version, index)
            return index

    def _index_items(self) -> tuple[list[str | Record], list[str | None]]:
        """The records (names, for a Resolver of names) and their entity ids."""
        with self._lock:
            if not self._records_on:
                pairs = [(a, e.id) for e in self.entities for a in e.aliases]
                return [a for a, _ in pairs], [i for _, i in pairs]
            _, of_key = self._record_entities()
            items: list[str | Record] = []
            ids: list[str | None] = []
            for content in sorted(self._contents, key=content_order):
                record = self._contents[content]
                for key in sorted(self._keys[content]):
                    items.append(_keyed(record, key))
                    ids.append(of_key[key].id)
            return items, ids


def _keyed(record: Record, key: str) -> str | Record:
    """The record of one key: its id, or, keyed by its name, without id."""
    if key == record.name and (record.id is None or str(record.id) != key):
        if len(record.names) == 1 and not record.has_evidence:
            return record.name
        return attrs.evolve(record, id=None)
    if record.id is not None and str(record.id) == key:
        return record
    return attrs.evolve(record, id=key)
