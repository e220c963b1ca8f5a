"""The per-partition work of :mod:`aliaskit.spark._records`, in plain Python.

A row's record travels as its name and its evidence fields as a JSON object
(``raw``: the columns' values under the names of :class:`aliaskit.Record`'s
fields, absent when null), and is rebuilt in the worker that needs it.
:func:`records_bucket` runs the record stages of :func:`aliaskit.cluster`
(:func:`~aliaskit._records_batch.cluster_records`) on each component of name
clusters, calling the same functions in the same order. Like
:mod:`aliaskit.spark._rows`, these functions take and return pandas frames
and need no Spark.
"""

from __future__ import annotations

import importlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from aliaskit._batch import group_entity
from aliaskit._pair_rows import PairRows
from aliaskit._records_batch import (
    _profiles_shown,
    content_of,
    content_order,
    distinct_records,
    keyed_entities,
)
from aliaskit._records_evidence import _day_codes, merged_by_dates, split_by_evidence, support_pairs
from aliaskit.entity import Entity, entity_id
from aliaskit.parse import ParsedName, parse_name
from aliaskit.record import Record

__all__ = [
    "RECORDS_SCHEMA",
    "RECORD_ENTITY_SCHEMA",
    "content_text",
    "record_of",
    "record_rows",
    "records_bucket",
]

#: A distinct (name, raw) row checked: its record's key, whether that is an
#: id, its content as text, the full birth dates (YYYYMMDD), or an error.
RECORDS_SCHEMA = (
    "name string, raw string, key string, has_id boolean, content string, "
    "days array<int>, error string"
)
#: A record (name and content) and its entity: ``tag`` tells the entities of
#: all components apart; ``qualified_id`` is the id it takes when another
#: entity has the same ``base_id``.
RECORD_ENTITY_SCHEMA = (
    "name string, content string, tag string, base_id string, qualified_id string, canonical string"
)


def _pandas() -> Any:
    return importlib.import_module("pandas")


def record_of(name: str, raw: str) -> Record:
    """The record of a row: its name, and the evidence fields of ``raw`` (JSON)."""
    return Record(name, **json.loads(raw))


def content_text(record: Record) -> str:
    """A record's content (names and evidence) as one string: with the name,
    it tells records of different content apart (:func:`content_order`)."""
    return content_order(content_of(record))[0]


def _bad_field(name: str, fields: Mapping[str, Any], columns: Mapping[str, str]) -> str:
    """What is wrong with a row's fields, naming the column and the value."""
    for field, value in fields.items():
        try:
            Record(name, **{field: value})
        except (TypeError, ValueError) as err:
            return f"{field} column {columns[field]!r}: bad value {value!r} ({err})"
    return f"bad record: {name!r} with {dict(fields)!r}"  # pragma: no cover - one field fails


def record_rows(frames: Iterable[Any], *, columns: Mapping[str, str]) -> Iterator[Any]:
    """Check each distinct row (``name``, ``raw``) as a record; ``columns`` maps each
    field to its column, for the error. Rows from whose names no name can be read
    are no records and are dropped (their rows get nulls)."""
    pd = _pandas()
    for frame in frames:
        rows: list[tuple[str, str, str | None, bool, str | None, list[int], str | None]] = []
        for name, raw in zip(frame["name"], frame["raw"], strict=True):
            if not any(c.isalnum() for c in name):
                continue
            fields = json.loads(raw)
            try:
                record = Record(name, **fields)
            except (TypeError, ValueError):
                error = _bad_field(name, fields, columns)
                rows.append((name, raw, None, False, None, [], error))
                continue
            date = record.birth_date
            days = [] if date is None else _day_codes(date)
            has_id = record.id is not None
            rows.append((name, raw, record.key, has_id, content_text(record), days, None))
        names = ["name", "raw", "key", "has_id", "content", "days", "error"]
        yield pd.DataFrame(rows, columns=names)


def records_bucket(members: Any, edges: Any, *, threshold: float) -> Any:
    """Cluster the records of every component of a bucket as :func:`aliaskit.cluster` does.

    ``members`` (name, raw, label, key_named, mentions, comp) are the
    component's distinct rows, each with its name cluster's label (its least
    name), whether its key is an id that is also a name somewhere, and how
    many rows hold its name (which weighs canonical names); ``edges`` (a, b,
    score, conflict, kept, comp) are the scored pairs of the component's
    names, ``kept`` marking the scores :func:`aliaskit.cluster` keeps for
    canonical names. Returns one row per record (:data:`RECORD_ENTITY_SCHEMA`).
    """
    items: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
    counts: dict[str, int] = {}
    columns = (members[c] for c in ("name", "raw", "label", "key_named", "mentions", "comp"))
    for name, raw, label, named, mentions, comp in zip(*columns, strict=True):
        items[comp].append((name, raw, label, bool(named)))
        counts[name] = int(mentions)
    pairs: dict[str, list[tuple[str, str, float, bool, bool]]] = defaultdict(list)
    columns = (edges[c] for c in ("a", "b", "score", "conflict", "kept", "comp"))
    for a, b, score, conflict, kept, comp in zip(*columns, strict=True):
        pairs[comp].append((a, b, float(score), bool(conflict), bool(kept)))
    rows: list[tuple[str, str, str, str, str, str]] = []
    for comp in sorted(items):
        rows.extend(_component(comp, items[comp], pairs.get(comp, []), threshold, counts))
    names = ["name", "content", "tag", "base_id", "qualified_id", "canonical"]
    return _pandas().DataFrame(rows, columns=names)


def _component(
    comp: str,
    items: list[tuple[str, str, str, bool]],
    pairs: list[tuple[str, str, float, bool, bool]],
    threshold: float,
    mentions: Mapping[str, int],
) -> list[tuple[str, str, str, str, str, str]]:
    """The steps of :func:`~aliaskit._records_batch.cluster_records` after the
    names are clustered, on one component (its names numbered in sorted order,
    as :func:`aliaskit.cluster` numbers all names, so orders agree)."""
    given = [record_of(name, raw) for name, raw, _, _ in items]
    label_of = {name: label for name, _, label, _ in items}
    named_keys = {r.key for r, item in zip(given, items, strict=True) if item[3]}
    records, keys, _ = distinct_records(list[str | Record](given))
    ids = tuple(sorted(label_of))
    index = {name: i for i, name in enumerate(ids)}
    parsed = {name: parse_name(name) for name in ids}
    members = [[index[r.name]] for r in records]  # one name a row
    left = np.array([index[p[0]] for p in pairs], dtype=np.int64)
    right = np.array([index[p[1]] for p in pairs], dtype=np.int64)
    scores = np.array([p[2] for p in pairs], dtype=np.float64)
    conflicts = np.array([p[3] for p in pairs], dtype=np.bool_)
    kept = np.array([p[4] for p in pairs], dtype=np.bool_)
    support = support_pairs([left, right, scores, conflicts], records, members, len(ids), threshold)
    by_label: dict[str, list[int]] = defaultdict(list)
    for u, record in enumerate(records):
        by_label[label_of[record.name]].append(u)
    groups = [
        part for label in sorted(by_label) for part in split_by_evidence(by_label[label], records)
    ]
    groups = merged_by_dates(groups, support, records, members)
    rows = PairRows.build(len(ids), left[kept], right[kept], scores[kept], conflicts[kept])
    built: dict[tuple[int, ...], Entity] = {}

    def base(names: list[int]) -> Entity:
        found = built.get(tuple(names))
        if found is None:
            found = built[tuple(names)] = group_entity(ids, names, parsed, rows, mentions)
        return found

    # Ids that are names elsewhere order as those names do (cluster parses every name).
    ordered: dict[str, ParsedName] = {k: parse_name(k) for k in named_keys - parsed.keys()}
    ordered.update(parsed)
    entities = keyed_entities(groups, records, members, keys, base, ordered)
    out = []
    for k, (entity, group) in enumerate(zip(entities, groups, strict=True)):
        least = entity.records[0]
        base_id = entity_id(least)
        qualified = entity_id(f"{least}\x1f{_profiles_shown(group, records)}")
        tag = f"{comp}\x1f{k}"
        for u in group:
            record = records[u]
            out.append(
                (record.name, content_text(record), tag, base_id, qualified, entity.canonical)
            )
    return out
