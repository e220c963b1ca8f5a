"""The evidence stages of clustering records (:mod:`aliaskit._records_batch`).

After the names are clustered, the records of each entity of names are
**split** where their evidence shows different people
(:func:`split_by_evidence`), then parts are **joined** where a shared full
birth date supports a match of their names (:func:`merged_by_dates`). Both
weigh evidence as :func:`aliaskit.compare` does (:mod:`aliaskit.compare._evidence`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from aliaskit.compare._evidence import SAME_DATE_SUPPORT, SUPPORT_FLOOR, dates_conflict
from aliaskit.dates import BirthDate
from aliaskit.record import Record

__all__ = [
    "DOMINANT_SHARE",
    "Apart",
    "Profile",
    "Support",
    "Unit",
    "joined_by_judgements",
    "merged_by_dates",
    "profile_of",
    "shown",
    "split_by_evidence",
    "support_pairs",
]

#: The share of the uses of a record's names that one part must hold for a
#: record without evidence to join it (else it is left alone, ambiguous): a
#: name most used by one person most likely means that person.
DOMINANT_SHARE = 2 / 3

#: A record's evidence that can tell two people apart: birth date and stated gender.
Profile = tuple[BirthDate | None, str | None]


def profile_of(record: Record) -> Profile | None:
    """A record's profile, or None when it states neither a birth date nor a gender."""
    if record.birth_date is None and record.gender is None:
        return None
    return (record.birth_date, record.gender)


def agree(a: Profile, b: Profile) -> bool:
    """Whether two profiles can be one person's (no conflict, as compare weighs them)."""
    if a[1] is not None and b[1] is not None and a[1] != b[1]:
        return False
    return a[0] is None or b[0] is None or not dates_conflict(a[0], b[0])


def _plain_day(p: Profile) -> tuple[int, int] | None:
    """The month and day of a profile whose date is one full, unhedged date."""
    date = p[0]
    if date is None or date.hedged or len(date.alternatives) != 1:
        return None
    (only,) = date.alternatives
    return None if only.day is None or only.month is None else (only.month, only.day)


def shown(p: Profile) -> str:
    """A profile as text, for ordering and ids."""
    return f"{'' if p[0] is None else p[0]}|{p[1] or ''}"


def _specificity(p: Profile) -> float:
    date = p[0]
    if date is None:
        return 0.0
    parts = max(3 if d.is_full else 2 if d.month is not None else 1 for d in date.alternatives)
    # A hedged date, or one of several alternatives, says less.
    return parts - 0.5 * date.hedged - 0.25 * (len(date.alternatives) > 1)


#: A unit of :func:`split_by_evidence`: a profile, and -1 or the record (when
#: judged apart from others) that the unit is alone.
Unit = tuple[Profile, int]

#: The records that judgements keep apart from each record (by place).
Apart = Mapping[int, set[int]]


def split_by_evidence(
    group: list[int], records: list[Record], apart: Apart | None = None
) -> list[list[int]]:
    """The records of one entity of names, split where their evidence shows
    different people (each part in the order of ``group``).

    The distinct profiles, the most specific and the most common first, each
    join the part with the most records all of whose profiles they
    :func:`agree` with, or start a new part. A record that a judgement keeps
    ``apart`` from others is a unit of its own, which never joins a part
    that holds one of those. A record without a profile joins the part that
    holds :data:`DOMINANT_SHARE` of the uses of its names; if none does, the
    records so left form a part of their own.
    """
    units = [_unit(records[u], u, apart) for u in group]
    count: dict[Unit, int] = defaultdict(int)
    for x in units:
        if x is not None:
            count[x] += 1
    if len(count) < 2:
        return [group]
    part_of = _unit_parts(count, apart or {})
    n_parts = max(part_of.values()) + 1
    if n_parts == 1:
        return [group]
    uses: dict[str, list[int]] = defaultdict(lambda: [0] * n_parts)
    for u, x in zip(group, units, strict=True):
        if x is not None:
            for name in records[u].names:
                uses[name][part_of[x]] += 1
    out: list[list[int]] = [[] for _ in range(n_parts + 1)]  # the last: left alone
    for u, x in zip(group, units, strict=True):
        k = part_of[x] if x is not None else _dominant(records[u].names, uses, n_parts)
        out[k].append(u)
    return [part for part in out if part]


def _unit(record: Record, u: int, apart: Apart | None) -> Unit | None:
    p = profile_of(record)
    if apart and u in apart:
        return (p or (None, None), u)
    return None if p is None else (p, -1)


def _units_agree(x: Unit, y: Unit, apart: Apart) -> bool:
    if x[1] >= 0 and y[1] >= 0 and y[1] in apart[x[1]]:
        return False
    return agree(x[0], y[0])


def _unit_parts(count: dict[Unit, int], apart: Apart) -> dict[Unit, int]:
    """The part of each unit: greedily, most specific and most common first.

    A profile of one plain full date is only compared with the parts begun by
    one of the same month and day (any other holds a date it conflicts with)
    and the parts begun by a less specific one, so that an entity of many
    namesakes is not split in quadratic time."""
    parts: list[list[Unit]] = []
    sizes: list[int] = []
    by_day: dict[tuple[int, int], list[int]] = defaultdict(list)
    loose: list[int] = []
    order = sorted(count, key=lambda x: (-_specificity(x[0]), -count[x], shown(x[0]), x[1]))
    for x in order:
        day = _plain_day(x[0])
        near: Iterable[int] = range(len(parts)) if day is None else (*by_day[day], *loose)
        fits = [k for k in near if all(_units_agree(x, y, apart) for y in parts[k])]
        if fits:
            k = max(fits, key=lambda k: (sizes[k], -k))
            parts[k].append(x)
            sizes[k] += count[x]
        else:
            (loose if day is None else by_day[day]).append(len(parts))
            parts.append([x])
            sizes.append(count[x])
    return {x: k for k, part in enumerate(parts) for x in part}


def _dominant(names: tuple[str, ...], uses: dict[str, list[int]], n_parts: int) -> int:
    """The part that holds :data:`DOMINANT_SHARE` of the uses of ``names``, or
    ``n_parts`` (left alone) if none does."""
    votes = [0] * n_parts
    for name in names:
        for k, used in enumerate(uses.get(name, ())):
            votes[k] += used
    top = max(range(n_parts), key=lambda k: (votes[k], -k))
    total = sum(votes)
    return top if total and votes[top] >= DOMINANT_SHARE * total else n_parts


#: Support pairs as arrays: scores, left and right name ids.
Support = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def support_pairs(
    held: list[Any],
    records: list[Record],
    members: list[list[int]],
    n_names: int,
    threshold: float,
) -> Support:
    """The scored pairs of names (``held``: left, right, scores, conflicts)
    that a shared full birth date lifts to a match: no conflict, a score from
    :data:`~aliaskit.compare._evidence.SUPPORT_FLOOR` up that the support
    :data:`~aliaskit.compare._evidence.SAME_DATE_SUPPORT` brings to the
    threshold, and both names on records with one full date in common (a
    name with several dates is checked when joining)."""
    code = np.full(n_names, -1, dtype=np.int64)
    several = np.zeros(n_names, dtype=np.bool_)
    days: dict[int, set[int]] = {}  # the dates of the names with several
    for record, found in zip(records, members, strict=True):
        date = record.birth_date
        if date is None:
            continue
        for value in _day_codes(date):
            for i in found:
                if code[i] < 0:
                    code[i] = value
                elif code[i] != value:
                    several[i] = True
                    days.setdefault(i, {int(code[i])}).add(value)
    left, right, scores, conflicts = held
    floor = max(SUPPORT_FLOOR, threshold - SAME_DATE_SUPPORT)
    cl, cr = code[left], code[right]
    take = np.flatnonzero(
        (cl >= 0)
        & (cr >= 0)
        & ((cl == cr) | several[left] | several[right])
        & (scores >= floor)
        & (scores <= 1.0)
        & ~conflicts
    )
    del cl, cr
    left, right, scores = left[take], right[take], scores[take]
    # A pair with a name of several dates: keep it if the two share one.
    mixed = np.flatnonzero(several[left] | several[right])
    drop = [
        k
        for k, x, y in zip(mixed.tolist(), left[mixed].tolist(), right[mixed].tolist(), strict=True)
        if days.get(x, {int(code[x])}).isdisjoint(days.get(y, {int(code[y])}))
    ]
    keep = np.ones(len(left), dtype=np.bool_)
    keep[drop] = False
    return scores[keep], left[keep], right[keep]


def _day_codes(date: BirthDate) -> list[int]:
    """The full dates of a birth date as integers (YYYYMMDD)."""
    return [
        d.year * 10_000 + d.month * 100 + d.day
        for d in date.alternatives
        if d.day is not None and d.month is not None
    ]


def merged_by_dates(
    groups: list[list[int]],
    support: Support,
    records: list[Record],
    members: list[list[int]],
    apart: Apart | None = None,
) -> list[list[int]]:
    """The parts, with two joined where a pair of their names, one in each,
    is a support pair (:func:`support_pairs`) on records of the two parts
    with the same full birth date, and neither evidence nor a judgement
    (``apart``) of the two parts conflicts. The strongest pairs first."""
    scores, left, right = support
    if not len(scores):
        return groups
    kept_apart = _ApartParts(groups, apart or {})
    order = np.lexsort((right, left, -scores))
    pairs = list(zip(left[order].tolist(), right[order].tolist(), strict=True))
    dated = _dated_parts(groups, pairs, records, members)
    parent = list(range(len(groups)))
    profiles: list[set[Profile] | None] = [None] * len(groups)

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def held(k: int) -> set[Profile]:
        found = profiles[k]
        if found is None:
            found = profiles[k] = {p for u in groups[k] if (p := profile_of(records[u]))}
        return found

    for x, y in pairs:
        for kx, ky in _same_day_parts(dated.get(x), dated.get(y)):
            a, b = find(kx), find(ky)
            if (
                a != b
                and all(agree(p, q) for p in held(a) for q in held(b))
                and not kept_apart.blocks(a, b, find)
            ):
                parent[b] = a
                held(a).update(held(b))
                kept_apart.joined(a, b)
    joined: dict[int, list[int]] = defaultdict(list)
    for k, group in enumerate(groups):
        joined[find(k)].extend(group)
    return [sorted(group) for group in joined.values()]


def _same_day_parts(
    dx: dict[int, list[int]] | None, dy: dict[int, list[int]] | None
) -> list[tuple[int, int]]:
    """The pairs of parts where two names are on records of one full date."""
    if not dx or not dy:
        return []
    return [(kx, ky) for day in sorted(dx.keys() & dy.keys()) for kx in dx[day] for ky in dy[day]]


def _dated_parts(
    groups: list[list[int]],
    pairs: list[tuple[int, int]],
    records: list[Record],
    members: list[list[int]],
) -> dict[int, dict[int, list[int]]]:
    """For each name of ``pairs``: each full date of its records (YYYYMMDD),
    with the parts (ascending) that hold the name on a record of that date."""
    wanted = {i for pair in pairs for i in pair}
    found: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for k, group in enumerate(groups):
        for u in group:
            date = records[u].birth_date
            if date is None:
                continue
            days = _day_codes(date)
            for i in members[u]:
                if i in wanted:
                    for day in days:
                        held = found[i][day]
                        if not held or held[-1] != k:
                            held.append(k)
    return found


class _ApartParts:
    """The judged-apart records of parts being joined, to refuse a join that
    would put two of them in one part."""

    def __init__(self, groups: list[list[int]], apart: Apart) -> None:
        self.apart = apart
        self.part_of = {u: k for k, g in enumerate(groups) for u in g if u in apart}
        self.held: dict[int, list[int]] = defaultdict(list)
        for u, k in self.part_of.items():
            self.held[k].append(u)

    def blocks(self, a: int, b: int, find: Callable[[int], int]) -> bool:
        """Whether parts ``a`` and ``b`` (roots) hold two records judged apart."""
        small, other = (a, b) if len(self.held[a]) <= len(self.held[b]) else (b, a)
        return any(
            find(self.part_of[v]) == other
            for u in self.held.get(small, ())
            for v in self.apart[u]
            if v in self.part_of
        )

    def joined(self, a: int, b: int) -> None:
        """Part ``b`` joined part ``a``."""
        if self.held.get(b):
            self.held[a].extend(self.held.pop(b))


def joined_by_judgements(
    groups: list[list[int]], must: list[tuple[int, int]], apart: Apart
) -> list[list[int]]:
    """The parts, changed so that two records judged the same person share
    one (the pairs in the order of ``must``), judgements beating evidence:
    their parts are joined; when that would put two records judged apart in
    one part, the second record (else the first) moves alone to the other's
    part, unless it is itself judged apart from a record there or an earlier
    pair already placed it; else the pair is left apart."""
    if not must:
        return groups
    parts = [set(g) for g in groups]
    where = {u: k for k, g in enumerate(groups) for u in g}
    pinned: set[int] = set()

    def clash(us: Iterable[int], part: set[int]) -> bool:
        return any(w in part for x in us if x in apart for w in apart[x])

    for u, v in must:
        a, b = where[u], where[v]
        if a != b and not clash(parts[b], parts[a]):
            a, b = min(a, b), max(a, b)
            for w in parts[b]:
                where[w] = a
            parts[a] |= parts[b]
            parts[b] = set()
        elif a != b:
            for x, y in ((v, u), (u, v)):
                if x not in pinned and not clash((x,), parts[where[y]]):
                    parts[where[x]].discard(x)
                    where[x] = where[y]
                    parts[where[y]].add(x)
                    break
            else:
                continue
        pinned.update((u, v))
    return [sorted(part) for part in parts if part]
