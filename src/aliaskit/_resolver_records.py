"""Records in a Resolver: ids, aliases and evidence on top of its names.

A Resolver clusters names incrementally (:mod:`aliaskit._resolver_ingest`,
:mod:`aliaskit._resolver_stages`). Once a :class:`~aliaskit.Record` is added,
it also keeps its records: each of distinct content (names and evidence)
once, with the keys of the records that have it (an id, else the primary
name), and a record's names tied by must-links. Its entities are then made
as :func:`aliaskit.cluster` makes those of records: the groups of names,
split and joined by evidence (:mod:`aliaskit._records_evidence`), with the
records' keys. A Resolver that was only ever given strings works on names
alone, as before.

A judgement (``merge``, ``split``) that names a record id is kept by record
key (:meth:`RecordsLayer._judge_records`): it binds those two records only,
not every record of their names, so two namesakes can be told apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from aliaskit._check import require_str
from aliaskit._edges import ordered_pair
from aliaskit._mentions import mention_counts
from aliaskit._progress import Progress
from aliaskit._records_batch import (
    Content,
    content_of,
    content_order,
    key_of,
    keyed_entities,
    names_of,
)
from aliaskit._records_evidence import (
    joined_by_judgements,
    merged_by_dates,
    split_by_evidence,
    support_pairs,
)
from aliaskit._resolver_ingest import IngestNames
from aliaskit.entity import Entity
from aliaskit.parse import ParsedName
from aliaskit.record import Record

__all__ = ["RecordsLayer"]


class RecordsLayer(IngestNames):
    """The records of a Resolver (state set up by :meth:`_init_records`)."""

    threshold: float
    _records_on: bool
    _contents: dict[Content, Record]
    _keys: dict[Content, set[str]]
    _content_of_key: dict[str, Content]
    _alias: set[tuple[str, str]]
    _version: int
    _record_cache: tuple[int, list[Entity], dict[str, Entity]] | None
    _parsed: dict[str, Any]
    _rec_must: set[tuple[str, str]]
    _rec_cannot: set[tuple[str, str]]
    _mentions: dict[str, int]

    def _init_records(self) -> None:
        self._records_on = False
        self._contents = {}
        self._keys = defaultdict(set)
        self._content_of_key = {}
        self._alias = set()
        self._version = 0
        self._record_cache = None
        self._rec_must = set()  # judgements by record key
        self._rec_cannot = set()

    def _add_items(
        self, items: Sequence[str | Record], start: int, progress: Progress | None = None
    ) -> int:
        """Add names or records; records with a taken id and other content raise
        :class:`ValueError` before any state changes. ``progress`` hears of
        each stage (:mod:`aliaskit._progress`) but the end of clustering;
        return the number of names re-clustered, to report it."""
        self._check_ids(items)
        if not self._records_on and any(isinstance(x, Record) for x in items):
            self._records_on = True
            for name in self._parsed:  # the strings added so far are records too
                self._register(name)
        names = [n for x in items for n in names_of(x)]
        touched = self._ingest(names, start, progress)
        self._count_mentions(mention_counts(items, self._parsed))
        self._version += 1
        if self._records_on:
            self._tie_records(items)
        return touched

    def _count_mentions(self, counts: Mapping[str, int], *, reset: bool = False) -> None:
        """Add ``counts`` to each name's mentions (or, with ``reset``, set them:
        the names not in ``counts`` to 1), forgetting the entities they change."""
        if reset:
            counts = {name: counts.get(name, 1) for name in self._parsed}
            self._mentions.clear()
        for name, n in counts.items():
            self._mentions[name] = self._mentions.get(name, 0) + n
            cluster = self._cluster.get(name)
            if cluster is not None:
                self._entity_cache.pop(cluster, None)

    def _tie_records(self, items: Sequence[str | Record]) -> None:
        """Register the records of ``items`` and tie each one's names with must-links."""
        tied: set[str] = set()
        for item in items:
            admitted = [n for n in dict.fromkeys(names_of(item)) if n in self._parsed]
            if not admitted:
                continue
            self._register(item)
            for other in admitted[1:]:
                pair = ordered_pair(admitted[0], other)
                if pair not in self._must:
                    self._alias.add(pair)
                    self._must.add(pair)
                    self._judged(pair, recluster=False)
                    tied.update(pair)
        if tied:
            self._recluster(tied)

    def _check_ids(self, items: Sequence[str | Record]) -> None:
        pending: dict[str, Content] = {}
        for position, item in enumerate(items):
            if isinstance(item, Record) and item.id is not None:
                key, content = str(item.id), content_of(item)
                seen = pending.setdefault(key, self._content_of_key.get(key, content))
                if seen != content:
                    raise ValueError(
                        f"names[{position}]: record id {item.id!r} is used by two different records"
                    )

    def _register(self, item: str | Record) -> None:
        content = content_of(item)
        self._contents.setdefault(content, Record(item) if isinstance(item, str) else item)
        key = key_of(item)
        self._keys[content].add(key)
        self._content_of_key.setdefault(key, content)

    def _record_entities(self) -> tuple[list[Entity], dict[str, Entity]]:
        """The entities of the records, sorted by canonical name then id, and
        the entity of each record key (cached until the Resolver changes).

        Records of one content are clustered as one, except those named by a
        judgement, each of which is clustered alone."""
        cached = self._record_cache
        if cached is not None and cached[0] == self._version:
            return cached[1], cached[2]
        names = sorted(self._parsed)
        index = {name: i for i, name in enumerate(names)}
        records, keys = self._record_units()
        members = [[index[n] for n in dict.fromkeys(r.names) if n in index] for r in records]
        by_group: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for u, found in enumerate(members):
            by_group[self._cluster[names[found[0]]]].append(u)
        must, apart = self._judged_records({k: u for u, ks in enumerate(keys) for k in ks})
        groups = [
            part
            for g in sorted(by_group)
            for part in split_by_evidence(by_group[g], records, apart)
        ]
        arrays = self._edge_arrays(index)
        support = support_pairs(arrays, records, members, len(names), self.threshold)
        groups = merged_by_dates(groups, support, records, members, apart)
        groups = joined_by_judgements(groups, must, apart)

        def base(found: list[int]) -> Entity:
            return self._entity(tuple(names[i] for i in found))

        entities = keyed_entities(groups, records, members, keys, base, self._parsed)
        of_key = {
            k: e for e, group in zip(entities, groups, strict=True) for u in group for k in keys[u]
        }
        ordered = sorted(entities, key=lambda e: (e.canonical, e.id))
        self._record_cache = (self._version, ordered, of_key)
        return ordered, of_key

    def _record_units(self) -> tuple[list[Record], list[list[str]]]:
        """The units clustered, in content order: a record and its keys."""
        judged = {k for pair in self._rec_must | self._rec_cannot for k in pair}
        records: list[Record] = []
        keys: list[list[str]] = []
        for content in sorted(self._contents, key=content_order):
            held = sorted(self._keys[content])
            alone = [[k] for k in held if k in judged]
            rest = [k for k in held if k not in judged]
            for part in ([rest] if rest else []) + alone:
                records.append(self._contents[content])
                keys.append(part)
        return records, keys

    def _judged_records(
        self, u_of: dict[str, int]
    ) -> tuple[list[tuple[int, int]], dict[int, set[int]]]:
        """The record judgements as places among the units clustered (``u_of``
        each key's): the pairs judged the same person, and the units each is
        judged apart from."""
        must = sorted((min(u_of[a], u_of[b]), max(u_of[a], u_of[b])) for a, b in self._rec_must)
        apart: dict[int, set[int]] = defaultdict(set)
        for a, b in self._rec_cannot:
            u, v = u_of[a], u_of[b]
            apart[u].add(v)
            apart[v].add(u)
        return must, apart

    def _judge_records(self, a: str, b: str, *, same: bool) -> bool:
        """Keep a judgement between two records by key and return True when
        ``a`` or ``b`` is a record id; return False for two names (a judgement
        on names, kept by the Resolver).

        A name stands for the one record that holds it (``ValueError`` naming
        the keys when several do). Two records of the same names and evidence
        (namesakes known only to the caller) may be judged apart."""
        if not self._records_on or not (self._is_record_id(a) or self._is_record_id(b)):
            return False
        ka, kb = self._record_key(a), self._record_key(b)
        if ka == kb:
            raise ValueError(f"{a!r} and {b!r} are the same record")
        pair = ordered_pair(ka, kb)
        (self._rec_cannot if same else self._rec_must).discard(pair)
        (self._rec_must if same else self._rec_cannot).add(pair)
        self._version += 1
        return True

    def _record_or_name(self, key: str) -> Record | ParsedName:
        """The record of an id, else the parse of an added name."""
        content = self._content_of_key.get(key)
        if content is not None and key not in self._parsed:
            return self._contents[content]
        parsed: ParsedName = self._parsed[key]
        return parsed

    def _name_of(self, key: str) -> str:
        """The primary name of the record of an id, else ``key`` (a name)."""
        require_str(key, "name")
        content = self._content_of_key.get(key)
        if content is not None and key not in self._parsed:
            return self._contents[content].name
        return key

    def _is_record_id(self, key: str) -> bool:
        return isinstance(key, str) and key in self._content_of_key and key not in self._parsed

    def _record_key(self, key: str) -> str:
        """The key of the record ``key`` names: itself, or the one record holding a name."""
        if not isinstance(key, str):
            raise TypeError(f"a record id or name must be a str, not {type(key).__name__}")
        if key in self._content_of_key:
            return key
        if key not in self._parsed:
            raise KeyError(f"no record or name {key!r} in this Resolver")
        found = sorted(
            k for c, r in self._contents.items() if key in r.names for k in self._keys[c]
        )
        if len(found) != 1:
            keys = ", ".join(repr(k) for k in found)
            raise ValueError(f"{key!r} is held by {len(found)} records; use one of {keys}")
        return found[0]

    def _record_judgements_of(self, a: str, b: str) -> list[str]:
        """The judgements kept between the records of two keys, as explanation lines."""
        if not (self._is_record_id(a) or self._is_record_id(b)):
            return []
        try:
            pair = ordered_pair(self._record_key(a), self._record_key(b))
        except ValueError:
            return []
        if pair in self._rec_must:
            return [f"user judgement: records {pair[0]!r} and {pair[1]!r} must link"]
        if pair in self._rec_cannot:
            return [f"user judgement: records {pair[0]!r} and {pair[1]!r} cannot link"]
        return []

    def _edge_arrays(self, index: dict[str, int]) -> list[Any]:
        """The kept scores as the arrays :func:`support_pairs` reads."""
        pairs = list(self._edges.items())
        left = np.array([index[a] for (a, _), _ in pairs], dtype=np.int64)
        right = np.array([index[b] for (_, b), _ in pairs], dtype=np.int64)
        scores = np.array([s for _, s in pairs], dtype=np.float64)
        return [left, right, scores, np.zeros(len(pairs), dtype=np.bool_)]

    def _saved_names(self) -> list[str]:
        """The names added as strings, as saved (sorted): all of them until a
        record is added, then those not in :meth:`_saved_records`."""
        if not self._records_on:
            return sorted(self._parsed)
        plain = {
            key
            for content, record in self._contents.items()
            if len(record.names) == 1 and not record.has_evidence
            for key in self._keys[content]
            if key == record.name
        }
        return sorted(plain)

    def _saved_records(self) -> list[dict[str, Any]]:
        """The records that say more than a name, as saved (sorted)."""
        out = []
        for content in sorted(self._contents, key=content_order):
            record = self._contents[content]
            plain = len(record.names) == 1 and not record.has_evidence
            for key in sorted(self._keys[content]):
                if plain and key == record.name:
                    continue
                out.append(
                    {
                        "name": list(record.names),
                        "id": None if key == record.name else key,
                        "birth_date": None if record.birth_date is None else str(record.birth_date),
                        "countries": sorted(record.countries),
                        "gender": record.gender,
                    }
                )
        return out

    def _entity(self, members: tuple[str, ...]) -> Entity:
        raise NotImplementedError  # the Resolver's

    def _judged(self, pair: tuple[str, str], *, recluster: bool = True) -> None:
        raise NotImplementedError  # the Resolver's

    def _entities_with(self, key: str) -> list[Entity]:
        """The entities holding a record key, or else a name."""
        entities, _ = self._record_entities()
        found = [e for e in entities if key in e.records]
        return found or [e for e in entities if key in e.aliases]

    def _entity_of_record(self, record: Record) -> Entity:
        return self._record_entities()[1][key_of(record)]

    def _entities_of_items(self, items: Sequence[str | Record]) -> list[Entity]:
        """The entities that added names or records belong to, each once,
        sorted as the Resolver's entities are (canonical name, then id); an
        item skipped for want of a name belongs to none."""
        found: dict[str, Entity] = {}
        if self._records_on:
            of_key = self._record_entities()[1]
            for item in items:
                entity = of_key.get(key_of(item))
                if entity is not None:
                    found.setdefault(entity.id, entity)
        else:
            for cluster in {self._cluster.get(x) for x in items if isinstance(x, str)}:
                if cluster is not None:
                    entity = self._entity(cluster)
                    found.setdefault(entity.id, entity)
        return sorted(found.values(), key=lambda e: (e.canonical, e.id))
