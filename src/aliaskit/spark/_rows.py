"""The per-partition work of :mod:`aliaskit.spark`, in plain Python.

Each function takes and returns pandas DataFrames (as ``mapInPandas`` and
``applyInPandas`` hand them over) and calls the same pure functions as
:func:`aliaskit.cluster`: :func:`~aliaskit.parse.parse_name`, the blocking
keys, :func:`~aliaskit.compare.score_pair` and
:func:`~aliaskit.resolver.cluster_scored`. They need no Spark, so they are
tested directly. pandas is imported when they run, never at import time.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from aliaskit.blocking import block_keys, block_limit, given_keys, second_keys
from aliaskit.compare import score_pair
from aliaskit.entity import build_entity
from aliaskit.parse import parse_name
from aliaskit.resolver import KEEP_SCORE, MUST_SCORE, WEAK_LINK, cluster_scored, greedy_band

__all__ = [
    "BANDED_SCHEMA",
    "CLUSTERED_SCHEMA",
    "PARSED_SCHEMA",
    "SCORED_SCHEMA",
    "band_bucket",
    "cluster_bucket",
    "entity_bucket",
    "parse_rows",
    "score_rows",
]

#: Spark DDL schemas of what the functions below return.
PARSED_SCHEMA = (
    "name string, norm string, weak boolean, "
    "bkeys array<string>, blimits array<int>, gkeys array<string>, skeys array<string>"
)
SCORED_SCHEMA = "a string, b string, score double, conflict boolean, link boolean"
CLUSTERED_SCHEMA = "name string, entity_id string, canonical string"
#: A first-stage group member: its group's root (first member) and its place in the group.
BANDED_SCHEMA = "name string, root string, pos int"


def _pandas() -> Any:
    return importlib.import_module("pandas")


def parse_rows(frames: Iterable[Any]) -> Iterator[Any]:
    """Parse ``name``: normalised form, weakness, block keys (sorted) and limits, and
    given-name and second keys (patronymic and middle names), sorted.

    Names whose parse has no parts (no name can be read) are dropped, as
    :func:`aliaskit.cluster` skips them.
    """
    pd = _pandas()
    for frame in frames:
        rows = []
        for name in frame["name"]:
            parsed = parse_name(name)
            if parsed.parts:
                bkeys = sorted(block_keys(parsed))
                limits = [block_limit(k) for k in bkeys]
                gkeys = sorted(given_keys(parsed))
                skeys = sorted(second_keys(parsed))
                norm, weak = parsed.normalized, parsed.is_weak
                rows.append((name, norm, weak, bkeys, limits, gkeys, skeys))
        columns = ["name", "norm", "weak", "bkeys", "blimits", "gkeys", "skeys"]
        yield pd.DataFrame(rows, columns=columns)


def score_rows(frames: Iterable[Any], *, threshold: float) -> Iterator[Any]:
    """Score candidate pairs ``(a, b)``; identical normalised forms score 2.0.

    ``link`` marks the pairs that can put two names in one entity: no
    conflict and a score of at least ``threshold``, or of at least
    :data:`~aliaskit.resolver.WEAK_LINK` when either name is weak (a bare
    surname or an initial-only name), as the clustering uses them.
    """
    pd = _pandas()
    for frame in frames:
        scores: list[float] = []
        conflicts: list[bool] = []
        links: list[bool] = []
        for a, b in zip(frame["a"], frame["b"], strict=True):
            pa, pb = parse_name(a), parse_name(b)
            if pa.normalized == pb.normalized:
                score, conflict = MUST_SCORE, False
            else:
                score, conflict = score_pair(pa, pb)
            least = WEAK_LINK if pa.is_weak or pb.is_weak else threshold
            scores.append(score)
            conflicts.append(conflict)
            links.append(not conflict and score >= least)
        yield pd.DataFrame(
            {
                "a": frame["a"],
                "b": frame["b"],
                "score": scores,
                "conflict": conflicts,
                "link": links,
            }
        )


def cluster_bucket(names: Any, edges: Any, *, threshold: float) -> Any:
    """Cluster every component of a bucket: ``names`` (name, comp), ``edges`` (a, b, ..., comp).

    Each component goes through :func:`~aliaskit.resolver.cluster_scored`
    with all of its scored pairs; returns (name, entity_id, canonical).
    """
    members, pairs = _by_comp(names, edges)
    rows: list[tuple[str, str, str]] = []
    for comp in sorted(members):
        for entity in cluster_scored(members[comp], pairs.get(comp, ()), threshold=threshold):
            rows.extend((alias, entity.id, entity.canonical) for alias in entity.aliases)
    return _pandas().DataFrame(rows, columns=["name", "entity_id", "canonical"])


def band_bucket(
    names: Any, edges: Any, *, floor: float, below: float | None, threshold: float
) -> Any:
    """Run one score band of the first stage on every component of a bucket.

    ``names`` (name, root, pos, comp) are the members of the groups so far,
    ``edges`` (a, b, score, conflict, comp) the scored pairs inside each
    component; returns (name, root, pos) of the groups after the band
    (:func:`~aliaskit.resolver.greedy_band`).
    """
    groups: dict[str, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    columns = (names[c] for c in ("name", "root", "pos", "comp"))
    for name, root, pos, comp in zip(*columns, strict=True):
        groups[comp][root].append((int(pos), name))
    pairs = _pairs_by_comp(edges)
    rows: list[tuple[str, str, int]] = []
    for comp in sorted(groups):
        start = [[n for _, n in sorted(members)] for members in groups[comp].values()]
        members = [n for group in start for n in group]
        for group in greedy_band(
            members,
            pairs.get(comp, ()),
            floor=floor,
            below=below,
            start=[g for g in start if len(g) > 1],
            threshold=threshold,
        ):
            rows.extend((name, group[0], pos) for pos, name in enumerate(group))
    return _pandas().DataFrame(rows, columns=["name", "root", "pos"])


def _by_comp(names: Any, edges: Any) -> tuple[dict[str, list[str]], dict[str, list[Any]]]:
    members: dict[str, list[str]] = defaultdict(list)
    for name, comp in zip(names["name"], names["comp"], strict=True):
        members[comp].append(name)
    return members, _pairs_by_comp(edges)


def _pairs_by_comp(edges: Any) -> dict[str, list[Any]]:
    pairs: dict[str, list[Any]] = defaultdict(list)
    columns = (edges[c] for c in ("a", "b", "score", "conflict", "comp"))
    for a, b, score, conflict, comp in zip(*columns, strict=True):
        pairs[comp].append((a, b, float(score), bool(conflict)))
    return pairs


def entity_bucket(names: Any, edges: Any) -> Any:
    """Build the entity of every final cluster of a bucket, as :func:`aliaskit.cluster` does.

    ``names`` (name, comp, and ``mentions``: the rows that hold the name, 1
    when absent) lists each cluster's members and ``edges`` (a, b, score,
    conflict, comp) its scored pairs; returns (name, entity_id, canonical).
    """
    members, pairs = _by_comp(names, edges)
    counts: dict[str, int] = {}
    if "mentions" in names:
        counts = dict(zip(names["name"], map(int, names["mentions"]), strict=True))
    rows: list[tuple[str, str, str]] = []
    for comp in sorted(members):
        scores = {
            (a, b): 0.0 if c or score < KEEP_SCORE else min(score, 1.0)
            for a, b, score, c in pairs[comp]
        }

        def score(x: str, y: str, scores: dict[tuple[str, str], float] = scores) -> float:
            return scores.get((x, y) if x < y else (y, x), 0.0)

        parsed = {m: parse_name(m) for m in members[comp]}
        entity = build_entity(members[comp], parsed, score, counts)
        rows.extend((alias, entity.id, entity.canonical) for alias in entity.aliases)
    return _pandas().DataFrame(rows, columns=["name", "entity_id", "canonical"])
