"""One batch of records to entities: :func:`aliaskit.cluster` when records
carry ids, aliases or evidence.

The unit of clustering is the record, in two steps:

1. **Names.** Every distinct name is scored and clustered once, exactly as
   plain strings are (:mod:`aliaskit._batch`), with a record's names tied
   together by must-links. Without evidence this is the whole answer: the
   entities are those of the names.
2. **Evidence.** The records of each entity of names are split where their
   evidence shows different people (:func:`split_by_evidence`): birth dates
   that conflict, or stated genders that differ, as
   :func:`aliaskit.compare` weighs them. So the same string in two records
   ends in two entities when their birth dates differ. A record without
   evidence joins the part where its names are most used.

Records of the same content (names and evidence) are taken once.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from typing import Any

import attrs
import numpy as np

from aliaskit._batch import member_scores, scored_labels, scored_names
from aliaskit._pair_rows import PairRows
from aliaskit._resolver_ingest import SkippedName
from aliaskit.compare._evidence import birth_date_verdict
from aliaskit.dates import BirthDate
from aliaskit.entity import Entity, build_entity, entity_id
from aliaskit.parse import ParsedName
from aliaskit.record import Record
from aliaskit.text import normalize

__all__ = ["cluster_records", "distinct_records", "split_by_evidence"]


def distinct_records(items: list[str | Record]) -> tuple[list[Record], list[list[str]], list[int]]:
    """The records of distinct content (names and evidence), in a canonical
    order, with the keys of the records of each and the position of its first.

    Raises :class:`ValueError` for two records with one id and different content.
    """
    by_content: dict[Record, list[int]] = {}
    content_of_id: dict[str, Record] = {}
    for position, item in enumerate(items):
        record = item if isinstance(item, Record) else Record(item)
        content = Record(record.names, None, record.birth_date, record.countries, record.gender)
        if record.id is not None:
            key = str(record.id)
            seen = content_of_id.setdefault(key, content)
            if seen != content:
                raise ValueError(
                    f"names[{position}]: record id {record.id!r} is used by two different records"
                )
        by_content.setdefault(content, []).append(position)
    order = sorted(by_content, key=_content_order)
    keys = []
    for content in order:
        found = {_key(items[i]) for i in by_content[content]}
        keys.append(sorted(found, key=_key_order))
    return order, keys, [by_content[c][0] for c in order]


def _key(item: str | Record) -> str:
    return item if isinstance(item, str) else item.key


def _key_order(key: str) -> tuple[str, str]:
    return (normalize(key), key)


def _parsed_order(key: str, parsed: dict[str, ParsedName]) -> tuple[str, str]:
    """The order of record keys that entity ids take the least of: a name's
    normalised form (as for plain strings), then the key."""
    found = parsed.get(key)
    return (normalize(key) if found is None else found.normalized, key)


def _content_order(record: Record) -> tuple[Any, ...]:
    return (
        [(normalize(n), n) for n in record.names],
        "" if record.birth_date is None else str(record.birth_date),
        sorted(record.countries),
        record.gender or "",
    )


def cluster_records(
    items: list[str | Record], threshold: float, workers: int
) -> tuple[list[Entity], list[SkippedName]]:
    """The entities of ``items`` (sorted by canonical name, then id) and the
    records skipped for holding no name."""
    records, keys, positions = distinct_records(items)
    names = [name for record in records for name in record.names]
    ids, parsed, _, held = scored_names(names, workers)
    index = {name: i for i, name in enumerate(ids)}
    members = [[index[n] for n in dict.fromkeys(r.names) if n in index] for r in records]
    skipped = [
        SkippedName(positions[u], records[u].name, "no letters or digits")
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
    labels, rows = scored_labels(ids, parsed, held, threshold, links)
    by_label: dict[int, list[int]] = defaultdict(list)
    for u, found in enumerate(members):
        by_label[int(labels[found[0]])].append(u)
    groups = [
        part for label in sorted(by_label) for part in split_by_evidence(by_label[label], records)
    ]
    entities = [_entity(group, records, members, keys, ids, parsed, rows) for group in groups]
    profiles = [_profiles_shown(group, records) for group in groups]
    return sorted(_distinct_ids(entities, profiles), key=lambda e: (e.canonical, e.id)), skipped


def split_by_evidence(group: list[int], records: list[Record]) -> list[list[int]]:
    """The records of one entity of names, split where their evidence shows
    different people (each part in the order of ``group``).

    The distinct evidence profiles (birth date and stated gender), the most
    specific and the most common first, each join the part with the most
    records all of whose profiles they agree with (:func:`_agree`), or start
    a new part. A record without either joins the part with the most records
    of its names, else the largest part.
    """
    profile = {u: _profile(records[u]) for u in group}
    distinct = {p for p in profile.values() if p is not None}
    if len(distinct) < 2:
        return [group]
    count: dict[Profile, int] = defaultdict(int)
    for p in profile.values():
        if p is not None:
            count[p] += 1
    parts: list[list[Profile]] = []
    sizes: list[int] = []
    for p in sorted(distinct, key=lambda p: (-_specificity(p), -count[p], _shown(p))):
        fits = [k for k, part in enumerate(parts) if all(_agree(p, q) for q in part)]
        if fits:
            k = max(fits, key=lambda k: (sizes[k], -k))
            parts[k].append(p)
            sizes[k] += count[p]
        else:
            parts.append([p])
            sizes.append(count[p])
    if len(parts) == 1:
        return [group]
    part_of = {p: k for k, part in enumerate(parts) for p in part}
    out: list[list[int]] = [[] for _ in parts]
    named: dict[str, list[int]] = defaultdict(lambda: [0] * len(parts))
    for u in group:
        p = profile[u]
        if p is not None:
            for name in records[u].names:
                named[name][part_of[p]] += 1
    for u in group:
        p = profile[u]
        if p is not None:
            k = part_of[p]
        else:
            votes = [
                sum(named[n][k] for n in records[u].names if n in named) for k in range(len(parts))
            ]
            best = max(votes) if any(votes) else None
            ranked = votes if best else sizes
            k = max(range(len(parts)), key=lambda k: (ranked[k], -k))
        out[k].append(u)
    return [part for part in out if part]


#: A record's evidence that can tell two people apart: birth date and stated gender.
Profile = tuple[BirthDate | None, str | None]


def _profile(record: Record) -> Profile | None:
    if record.birth_date is None and record.gender is None:
        return None
    return (record.birth_date, record.gender)


def _agree(a: Profile, b: Profile) -> bool:
    """Whether two profiles can be one person's (no conflict, as compare weighs them)."""
    if a[1] is not None and b[1] is not None and a[1] != b[1]:
        return False
    verdict = birth_date_verdict(a[0], b[0])
    return verdict is None or verdict.conflict is None


def _specificity(p: Profile) -> float:
    date = p[0]
    if date is None:
        return 0.0
    parts = max(3 if d.is_full else 2 if d.month is not None else 1 for d in date.alternatives)
    # A hedged date, or one of several alternatives, says less.
    return parts - 0.5 * date.hedged - 0.25 * (len(date.alternatives) > 1)


def _profiles_shown(group: list[int], records: list[Record]) -> str:
    found = {_profile(records[u]) for u in group}
    return ";".join(sorted(_shown(p) for p in found if p is not None))


def _shown(p: Profile) -> str:
    return f"{'' if p[0] is None else p[0]}|{p[1] or ''}"


def _entity(
    group: list[int],
    records: list[Record],
    members: list[list[int]],
    keys: list[list[str]],
    ids: tuple[str, ...],
    parsed: dict[str, ParsedName],
    rows: PairRows,
) -> Entity:
    """The entity of some records: their distinct names, the canonical name
    chosen as for plain strings, and the records' keys."""
    names = sorted({i for u in group for i in members[u]})
    aliases = [ids[i] for i in names]
    if len(names) == 1:
        entity = build_entity(aliases, parsed, _unscored)
    else:
        scores = member_scores(ids, names, rows)
        entity = build_entity(aliases, parsed, partial(_pair_score, scores))
    found = {k for u in group for k in keys[u]}
    record_keys = tuple(sorted(found, key=lambda k: _parsed_order(k, parsed)))
    return Entity(
        entity_id(record_keys[0]), entity.canonical, entity.aliases, entity.forms, record_keys
    )


def _pair_score(scores: dict[tuple[str, str], float], a: str, b: str) -> float:
    return scores.get((a, b), 0.0)


def _unscored(a: str, b: str) -> float:
    raise AssertionError("an entity of one alias compares no pair")


def _distinct_ids(entities: list[Entity], profiles: list[str]) -> list[Entity]:
    """The entities with distinct ids. Records without ids share their key,
    the primary name, so entities with the same least key (one name, told
    apart by evidence) take an id of that key and their evidence profiles."""
    count: dict[str, int] = defaultdict(int)
    for entity in entities:
        count[entity.id] += 1
    out = []
    for entity, shown in zip(entities, profiles, strict=True):
        if count[entity.id] > 1:
            entity = attrs.evolve(entity, id=entity_id(f"{entity.records[0]}\x1f{shown}"))
        out.append(entity)
    return out
