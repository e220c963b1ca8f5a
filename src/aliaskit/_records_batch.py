"""One batch of records to entities: :func:`aliaskit.cluster` when records
carry ids, aliases or evidence.

The unit of clustering is the record, in two steps:

1. **Names.** Every distinct name is scored and clustered once, exactly as
   plain strings are (:mod:`aliaskit._batch`), with a record's names tied
   together by must-links. Without evidence this is the whole answer: the
   entities are those of the names.
2. **Evidence** (:mod:`aliaskit._records_evidence`). The records of each
   entity of names are split where their evidence shows different people
   (birth dates that conflict, or stated genders that differ, as
   :func:`aliaskit.compare` weighs them), so the same string in two records
   ends in two entities when their birth dates differ; then parts are joined
   where the same full birth date lifts a pair of their names to a match.

Records of the same content (names and evidence) are taken once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

import attrs
import numpy as np

from aliaskit._batch import group_entity, scored_labels, scored_names
from aliaskit._mentions import mention_counts
from aliaskit._records_evidence import (
    merged_by_dates,
    profile_of,
    shown,
    split_by_evidence,
    support_pairs,
)
from aliaskit._resolver_ingest import NO_NAME, SkippedName
from aliaskit.dates import BirthDate
from aliaskit.entity import Entity, entity_id
from aliaskit.parse import ParsedName
from aliaskit.record import Record
from aliaskit.text import normalize

__all__ = [
    "Content",
    "cluster_records",
    "content_of",
    "content_order",
    "distinct_records",
    "key_of",
    "keyed_entities",
    "names_of",
]


#: What makes two records one: their names and evidence (not their ids).
Content = tuple[tuple[str, ...], "BirthDate | None", frozenset[str], "str | None"]
_NONE: frozenset[str] = frozenset()


def distinct_records(items: list[str | Record]) -> tuple[list[Record], list[list[str]], list[int]]:
    """The records of distinct content (names and evidence), in a canonical
    order, with the keys of the records of each and the position of its first.

    Raises :class:`ValueError` for two records with one id and different content.
    """
    by_content: dict[Content, list[int]] = {}
    content_of_id: dict[str, Content] = {}
    for position, item in enumerate(items):
        content = content_of(item)
        if (
            isinstance(item, Record)
            and item.id is not None
            and content_of_id.setdefault(str(item.id), content) != content
        ):
            raise ValueError(
                f"names[{position}]: record id {item.id!r} is used by two different records"
            )
        found = by_content.get(content)
        if found is None:
            by_content[content] = [position]
        else:
            found.append(position)
    order = sorted(by_content, key=content_order)
    records: list[Record] = []
    keys: list[list[str]] = []
    firsts: list[int] = []
    for content in order:
        positions = by_content[content]
        first = items[positions[0]]
        records.append(Record(first) if isinstance(first, str) else first)
        firsts.append(positions[0])
        if len(positions) == 1:  # most records: one key
            keys.append([key_of(first)])
        else:  # in plain order: entities order their keys themselves
            keys.append(sorted({key_of(items[i]) for i in positions}))
    return records, keys, firsts


def content_of(item: str | Record) -> Content:
    """What makes two records one: their names and evidence, not their ids."""
    if isinstance(item, str):
        return ((item,), None, _NONE, None)
    return (item.names, item.birth_date, item.countries, item.gender)


def key_of(item: str | Record) -> str:
    """A record's key: its id, else its primary name (a string's key is itself)."""
    return item if isinstance(item, str) else item.key


def names_of(item: str | Record) -> tuple[str, ...]:
    """A record's names (a string is one)."""
    return (item,) if isinstance(item, str) else item.names


def _parsed_order(key: str, parsed: Mapping[str, ParsedName]) -> tuple[str, str]:
    """The order of record keys that entity ids take the least of: a name's
    normalised form (as for plain strings), then the key."""
    found = parsed.get(key)
    return (normalize(key) if found is None else found.normalized, key)


def content_order(content: Content) -> tuple[str, tuple[str, ...]]:
    """A canonical order of contents: names, then the printed evidence, as one
    string (separators below every printable character); then the names,
    which alone may hold a separator (the evidence is printed in ASCII)."""
    names, birth_date, countries, gender = content
    text = "\x1e".join(
        (
            "\x1f".join(names),
            "" if birth_date is None else str(birth_date),
            ",".join(sorted(countries)) if len(countries) > 1 else "".join(countries),
            gender or "",
        )
    )
    return text, names


def cluster_records(
    items: list[str | Record], threshold: float, workers: int
) -> tuple[list[Entity], list[SkippedName]]:
    """The entities of ``items`` (sorted by canonical name, then id) and the
    records skipped for holding no name. Each item counts one mention of
    each of its names (:mod:`aliaskit._mentions`)."""
    # The names are scored first: the scoring workers, forked from this
    # process, then do not carry the records' bookkeeping below.
    names = [n for item in items for n in names_of(item)]
    ids, parsed, _, held = scored_names(names, workers)
    del names
    mentions = mention_counts(items, parsed)
    records, keys, positions = distinct_records(items)
    index = {name: i for i, name in enumerate(ids)}
    members = [[index[n] for n in dict.fromkeys(r.names) if n in index] for r in records]
    skipped = [
        SkippedName(positions[u], records[u].name, NO_NAME)
        for u, found in enumerate(members)
        if not found
    ]
    kept = [u for u, found in enumerate(members) if found]
    records = [records[u] for u in kept]
    keys = [keys[u] for u in kept]
    members = [members[u] for u in kept]
    # A record's names are one person's: must-links beside those of one form.
    first = [m[0] for m in members for _ in m[1:]]
    rest = [i for m in members for i in m[1:]]
    links = (np.array(rest, dtype=np.int64), np.array(first, dtype=np.int64))
    support = support_pairs(held, records, members, len(ids), threshold)
    labels, rows = scored_labels(ids, parsed, held, threshold, links)
    by_label: dict[int, list[int]] = defaultdict(list)
    for u, found in enumerate(members):
        by_label[int(labels[found[0]])].append(u)
    groups = [
        part for label in sorted(by_label) for part in split_by_evidence(by_label[label], records)
    ]
    groups = merged_by_dates(groups, support, records, members)

    built: dict[tuple[int, ...], Entity] = {}  # namesakes told apart share their names

    def base(names: list[int]) -> Entity:
        found = built.get(tuple(names))
        if found is None:
            found = built[tuple(names)] = group_entity(ids, names, parsed, rows, mentions)
        return found

    entities = keyed_entities(groups, records, members, keys, base, parsed)
    return sorted(entities, key=lambda e: (e.canonical, e.id)), skipped


def keyed_entities(
    groups: list[list[int]],
    records: list[Record],
    members: list[list[int]],
    keys: list[list[str]],
    base: Callable[[list[int]], Entity],
    parsed: Mapping[str, ParsedName],
) -> list[Entity]:
    """The entities of groups of records (in the order of ``groups``):
    ``base`` gives the entity of their distinct names (ids in ``members``),
    to which the records' keys and an id of the least key are given.

    Records without ids share their key, the primary name, so entities with
    the same least key (one name told apart by evidence) take an id of that
    key and their evidence instead."""
    out = []
    for group in groups:
        entity = base(sorted({i for u in group for i in members[u]}))
        found = {k for u in group for k in keys[u]}
        record_keys = tuple(sorted(found, key=lambda k: _parsed_order(k, parsed)))
        out.append(
            Entity(
                entity_id(record_keys[0]),
                entity.canonical,
                entity.aliases,
                entity.forms,
                record_keys,
            )
        )
    count: dict[str, int] = defaultdict(int)
    for entity in out:
        count[entity.id] += 1
    for k, (entity, group) in enumerate(zip(out, groups, strict=True)):
        if count[entity.id] > 1:
            evidence = _profiles_shown(group, records)
            out[k] = attrs.evolve(entity, id=entity_id(f"{entity.records[0]}\x1f{evidence}"))
    return out


def _profiles_shown(group: list[int], records: list[Record]) -> str:
    found = {profile_of(records[u]) for u in group}
    return ";".join(sorted(shown(p) for p in found if p is not None))
