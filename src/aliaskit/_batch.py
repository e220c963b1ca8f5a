"""One batch of names to entities: the path of :func:`aliaskit.cluster`.

The names are parsed once, numbered in sorted order, paired by the block
index as integer codes, scored into arrays, and clustered on ids
(:mod:`aliaskit._batch_stages`). No per-pair Python object is made on the
way, apart from pairs scored during clustering. The entities are those a
:class:`~aliaskit.resolver.Resolver` gives for the same names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from aliaskit._batch_stages import batch_labels
from aliaskit._block_index import BlockIndex
from aliaskit._candidates import CodeCollector
from aliaskit._pair_rows import PairRows
from aliaskit._resolver_graph import consulted_pairs
from aliaskit._resolver_ingest import SkippedName, admit
from aliaskit._score_stream import ScoreStream
from aliaskit.compare import IndexedScorer
from aliaskit.entity import Entity, build_entity
from aliaskit.parse import ParsedName

__all__ = [
    "cluster_batch",
    "group_entity",
    "member_scores",
    "scored_entities",
    "scored_labels",
    "scored_names",
]

Ids = npt.NDArray[np.int64]


def cluster_batch(
    names: list[str], threshold: float, workers: int
) -> tuple[list[Entity], list[SkippedName]]:
    """The entities of ``names`` (sorted by canonical name, then id) and the
    skipped inputs; a name given twice counts twice for the canonical name."""
    ids, parsed, skipped, held = scored_names(names, workers)
    return _scored_entities(ids, parsed, held, threshold, Counter(names)), skipped


def scored_names(
    names: list[str], workers: int
) -> tuple[tuple[str, ...], dict[str, ParsedName], list[SkippedName], list[Any]]:
    """The distinct names (sorted: a name's id is its place), their parses, the
    skipped inputs, and the scored candidate pairs in a list that the
    clustering stages empty: ``[left, right, scores, conflicts]``, each pair
    once with ``left < right``, every pair of one normalised form scoring
    :data:`~aliaskit._edges.MUST_SCORE`."""
    parsed: dict[str, ParsedName] = {}
    skipped: list[SkippedName] = []
    new = admit(names, 0, parsed, skipped)
    ids = tuple(sorted(new))
    n = max(len(ids), 1)
    # Candidate pairs are scored in workers while the index goes on finding them.
    with ScoreStream(parsed, ids, workers) as stream:
        index = BlockIndex(track_pairs=False)
        index.candidates(((raw, parsed[raw]) for raw in ids), on_round=stream.submit)
        index.release()
        stream.submit(_same_form(ids, parsed))
        codes, scores, conflicts = stream.finish()
    left = codes // n
    right = np.remainder(codes, n, out=codes)  # in place: no third array of every pair
    del codes
    # Handed over in a list that the callee empties, so that every scored pair
    # can be freed once the pairs a stage consults are taken from them.
    held = [left, right, scores, conflicts]
    del left, right, scores, conflicts
    return ids, parsed, skipped, held


def scored_entities(
    ids: tuple[str, ...],
    parsed: dict[str, ParsedName],
    left: Ids,
    right: Ids,
    scores: npt.NDArray[np.float64],
    conflicts: npt.NDArray[np.bool_],
    threshold: float,
    mentions: Mapping[str, int] | None = None,
) -> list[Entity]:
    """The entities of the names ``ids`` (sorted, distinct) given their scored
    pairs ``(ids[left[k]], ids[right[k]])``, each once with ``left < right``, in
    any order, every pair of one normalised form among them scoring
    :data:`~aliaskit._edges.MUST_SCORE`; ``mentions`` counts the inputs of
    each name (1 when absent)."""
    held = [left, right, scores, conflicts]
    return _scored_entities(ids, parsed, held, threshold, mentions)


def _scored_entities(
    ids: tuple[str, ...],
    parsed: dict[str, ParsedName],
    held: list[Any],
    threshold: float,
    mentions: Mapping[str, int] | None,
) -> list[Entity]:
    """:func:`scored_entities` of the arrays in ``held`` (left, right, scores,
    conflicts), which it empties: once the consulted pairs are taken, the rest
    is freed unless the caller keeps a reference."""
    labels, rows = scored_labels(ids, parsed, held, threshold)
    return _entities(ids, labels, rows, parsed, mentions)


def scored_labels(
    ids: tuple[str, ...],
    parsed: dict[str, ParsedName],
    held: list[Any],
    threshold: float,
    links: tuple[Ids, Ids] | None = None,
) -> tuple[Ids, PairRows]:
    """The entity of each name as a label, and the pairs kept for its
    canonical name, from the arrays in ``held`` (emptied, as
    :func:`_scored_entities` says). ``links`` are more must-links (pairs of
    ids) beside those of one normalised form."""
    n = len(ids)
    left: Ids = held[0]
    right: Ids = held[1]
    scores: npt.NDArray[np.float64] = held[2]
    conflicts: npt.NDArray[np.bool_] = held[3]
    held.clear()
    weak = np.fromiter((parsed[x].is_weak for x in ids), np.bool_, n)
    kept, counted = consulted_pairs(left, right, scores, conflicts, weak, threshold)
    keep = kept | counted
    del kept, counted
    kept_left, kept_right = left[keep], right[keep]
    kept_scores, kept_conflicts = scores[keep], conflicts[keep]
    del left, right, scores, conflicts, keep
    rows = PairRows.build(n, kept_left, kept_right, kept_scores, kept_conflicts)
    del kept_left, kept_right, kept_scores, kept_conflicts

    # Pairs blocking never paired, scored when a merge weighs them (score_pair's
    # scores, one normalised form 1.0), through one scorer that keeps its memos.
    scorer = IndexedScorer([parsed[x] for x in ids].__getitem__)

    def score_now(x: int, y: int) -> tuple[float, bool]:
        scores, conflicts = scorer.score((x,), (y,))
        return scores[0], bool(conflicts[0])

    same_form = _form_links(ids, parsed)
    if links is not None:
        same_form = (
            np.concatenate((same_form[0], links[0])),
            np.concatenate((same_form[1], links[1])),
        )
    labels = batch_labels(rows, weak, same_form, threshold, score_now)
    return labels, rows


def _same_form(ids: tuple[str, ...], parsed: dict[str, ParsedName]) -> Ids:
    """Every pair of names with one normalised form (a must-link), as codes."""
    same = CodeCollector(len(ids))
    for group in _by_form(ids, parsed):
        same.add_block(group)
    return same.codes()


def _form_links(ids: tuple[str, ...], parsed: dict[str, ParsedName]) -> tuple[Ids, Ids]:
    """Each name tied to the first name of its normalised form."""
    left: list[int] = []
    right: list[int] = []
    for group in _by_form(ids, parsed):
        left.extend(group[1:])
        right.extend([group[0]] * (len(group) - 1))
    return np.array(left, dtype=np.int64), np.array(right, dtype=np.int64)


def _by_form(ids: tuple[str, ...], parsed: dict[str, ParsedName]) -> list[list[int]]:
    """The ids of the names of each normalised form shared by more than one name."""
    by_norm: dict[str, list[int]] = defaultdict(list)
    for i, raw in enumerate(ids):
        by_norm[parsed[raw].normalized].append(i)
    return [group for group in by_norm.values() if len(group) > 1]


def _entities(
    ids: tuple[str, ...],
    labels: Ids,
    rows: PairRows,
    parsed: dict[str, ParsedName],
    mentions: Mapping[str, int] | None,
) -> list[Entity]:
    """One entity per label, sorted by canonical name, then id."""
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    out = []
    for group in np.split(order, bounds):
        members = group.tolist()
        if members:  # no names at all: np.split gives one empty group
            out.append(group_entity(ids, members, parsed, rows, mentions))
    return sorted(out, key=lambda e: (e.canonical, e.id))


def group_entity(
    ids: tuple[str, ...],
    members: list[int],
    parsed: Mapping[str, ParsedName],
    rows: PairRows,
    mentions: Mapping[str, int] | None = None,
) -> Entity:
    """The entity of some names (ids, ascending), its canonical name weighed
    by their mentions (:func:`~aliaskit.entity.build_entity`) and kept scores."""
    if len(members) == 1:
        return build_entity([ids[members[0]]], parsed, _unscored)
    score = partial(_pair_score, member_scores(ids, members, rows))
    return build_entity([ids[i] for i in members], parsed, score, mentions)


def _pair_score(scores: dict[tuple[str, str], float], a: str, b: str) -> float:
    return scores.get((a, b), 0.0)


def _unscored(a: str, b: str) -> float:
    raise AssertionError("an entity of one alias compares no pair")


def member_scores(
    ids: tuple[str, ...], members: list[int], rows: PairRows
) -> dict[tuple[str, str], float]:
    """The kept scores (at most 1) among an entity's members, keyed by both orders
    of their names; a pair not kept, or a cannot-link, is absent (it counts 0)."""
    inside = set(members)
    found: dict[tuple[str, str], float] = {}
    for x in members:
        lo, hi = int(rows.start[x]), int(rows.start[x + 1])
        partners = rows.other[lo:hi].tolist()
        scores = rows.score[lo:hi].tolist()
        conflicts = rows.conflict[lo:hi].tolist()
        for y, score, conflict in zip(partners, scores, conflicts, strict=True):
            if y in inside and not conflict:
                found[ids[x], ids[y]] = min(score, 1.0)
    return found
