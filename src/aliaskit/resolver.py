"""Clustering names into entities, at once (:func:`cluster`) or incrementally.

**Pipeline.** Each distinct input string is parsed once; blocking
(:mod:`aliaskit.blocking`) yields candidate pairs; each pair is scored by
:func:`aliaskit.compare.compare`. A pair *links* when its score reaches the
threshold, and *cannot link* when the comparison found evidence of two
different people (a different given name or initial, opposite gender, a
conflicting patronymic).

**Clustering, without chaining**, in four stages:

1. *Full names* (those with a given name) are clustered in the connected
   components of their links at the threshold. Links are taken strongest
   first (ties by the two strings), and two groups merge only if no member
   of one cannot link with a member of the other, and the compared pairs
   between them score on average at least the threshold less
   :data:`AVERAGE_SLACK` (so a name that links two groups only through
   itself does not pull them together). So ``Alexander Trufanov ~
   A. Trufanov ~ Alexandra Trufanova`` never chains: the two full names
   cannot link.
2. *Weak names*, a bare surname or an initial-only form, are placed next:
   one joins a group only when it is compatible (a link of at least
   :data:`WEAK_LINK`, no cannot-link) with exactly one group. An ambiguous
   weak name (``Trufanov`` beside Alexander and Elena) stays apart, because
   guessing would merge a family.
3. Weak names left alone group among themselves as in stage 1.
4. Must-links (user merges, and identical normalised strings, which always
   share an entity) join the groups they touch.

**Determinism and incremental updates.** Every decision depends only on the
set of names and judgements, never on their order, and each stage only on
its own components and on the stages before. ``Resolver.add`` re-clusters
only what a new name can change: the stage-1 component it joins, the weak
names that link with it, and their stage-3 and must-link neighbourhoods.
So adding names one at a time gives exactly the result of clustering them
all at once, and no stage works on a giant component: conflicts and weak
names never glue components together.
"""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from collections.abc import Iterable

from aliaskit._check import require_str, require_threshold
from aliaskit._cluster import MAX_WORKERS, SkippedNamesWarning, checked_items, cluster
from aliaskit._edges import MUST_SCORE, Edge, ordered_pair
from aliaskit._gc import gc_paused
from aliaskit._progress import CLUSTERING, STAGES, Progress
from aliaskit._resolver_explain import ResolverExplanation
from aliaskit._resolver_file import (
    FORMAT,
    FORMAT_VERSION,
    ResolverFileError,
)
from aliaskit._resolver_graph import KEEP_SCORE, WEAK_LINK
from aliaskit._resolver_ingest import SkippedName
from aliaskit._resolver_persist import PersistLayer
from aliaskit._resolver_records import RecordsLayer
from aliaskit._resolver_search import SearchLayer
from aliaskit._resolver_stages import AVERAGE_SLACK
from aliaskit._resolver_text import TextLayer, TextMention
from aliaskit.blocking import BlockIndex
from aliaskit.compare import DEFAULT_THRESHOLD, compare
from aliaskit.entity import Entity, build_entity
from aliaskit.parse import ParsedName, parse_name
from aliaskit.record import Record

__all__ = [
    "AVERAGE_SLACK",
    "FORMAT",
    "FORMAT_VERSION",
    "KEEP_SCORE",
    "MUST_SCORE",
    "STAGES",
    "WEAK_LINK",
    "Edge",
    "Progress",
    "Resolver",
    "ResolverExplanation",
    "ResolverFileError",
    "SkippedName",
    "SkippedNamesWarning",
    "TextMention",
    "cluster",
    "cluster_scored",
    "greedy_band",
]

_pair = ordered_pair


class Resolver(RecordsLayer, SearchLayer, PersistLayer, TextLayer):
    """Incremental alias resolution.

    Mutation methods (:meth:`add`, :meth:`add_many`, :meth:`merge`,
    :meth:`split`) take an internal lock, so one Resolver may be shared by
    threads; reads return immutable snapshots.

    >>> r = Resolver()
    >>> r.add("Alexander Trufanov").canonical
    'Alexander Trufanov'
    >>> r.add("Александр Труфанов").aliases
    ('Alexander Trufanov', 'Александр Труфанов')
    """

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, workers: int | None = None) -> None:
        threshold = require_threshold(threshold)
        if workers is not None and (
            isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
        ):
            raise ValueError(f"workers must be a positive int or None, got {workers!r}")
        self.threshold = threshold
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
        self._lock = threading.RLock()
        self._parsed: dict[str, ParsedName] = {}
        self._index = BlockIndex()
        # Scores of the pairs that may link (from KEEP_SCORE up, no conflict):
        # the bulk of memory. Conflicts are kept as cannot-links in _cadj only.
        self._edges: dict[tuple[str, str], float] = {}
        self._adj: dict[str, set[str]] = defaultdict(set)  # links >= WEAK_LINK
        self._cadj: dict[str, set[str]] = defaultdict(set)  # cannot-links
        self._must_adj: dict[str, set[str]] = defaultdict(set)
        self._weak: set[str] = set()
        self._base: dict[str, tuple[str, ...]] = {}  # full or loose-weak group
        self._placed: dict[str, tuple[str, ...]] = {}  # weak name -> full group
        self._attached: dict[tuple[str, ...], set[str]] = {}
        self._by_norm: dict[str, list[str]] = defaultdict(list)
        self._must: set[tuple[str, str]] = set()
        self._cannot: set[tuple[str, str]] = set()
        self._cluster: dict[str, tuple[str, ...]] = {}
        self._entity_cache: dict[tuple[str, ...], Entity] = {}
        self._extra: dict[tuple[str, str], Edge] = {}
        self._mentions: dict[str, int] = {}  # inputs that used each name
        # While loading a saved Resolver: the saved scores, read instead of scoring.
        self._known: dict[tuple[str, str], tuple[float, bool]] | None = None
        self.skipped: list[SkippedName] = []
        self._seen = 0
        self._init_records()

    # -- reading -------------------------------------------------------------

    @property
    def entities(self) -> list[Entity]:
        """All entities, sorted by canonical name then id."""
        with self._lock, gc_paused():
            if self._records_on:
                return list(self._record_entities()[0])
            clusters = set(self._cluster.values())
            ents = [self._entity(c) for c in clusters]
        return sorted(ents, key=lambda e: (e.canonical, e.id))

    def entity_of(self, name: str) -> Entity:
        """The entity of a record id, or of a previously added name (``KeyError``
        if unknown). A name that records of two entities hold (namesakes told
        apart by evidence) raises ``ValueError`` naming the record keys to use;
        :meth:`entities_of` gives them all."""
        require_str(name, "name")
        with self._lock:
            if not self._records_on:
                cluster = self._cluster.get(name)
                if cluster is None:
                    raise KeyError(f"name not added to this Resolver: {name!r}")
                return self._entity(cluster)
            found = self.entities_of(name)
            if not found:
                raise KeyError(f"no record or name {name!r} in this Resolver")
            if len(found) > 1:
                keys = ", ".join(repr(k) for e in found for k in e.records)
                raise ValueError(
                    f"{name!r} is in {len(found)} entities; ask by one of the record keys {keys}"
                )
            return found[0]

    def entities_of(self, name: str) -> list[Entity]:
        """The entities that hold a record id or a name (none if unknown)."""
        require_str(name, "name")
        with self._lock:
            if not self._records_on:
                return [self._entity(self._cluster[name])] if name in self._cluster else []
            return self._entities_with(name)

    def __len__(self) -> int:
        return len(self._parsed)

    def explain(self, a: str, b: str) -> ResolverExplanation:
        """Why two added names (or records, by id) are, or are not, in the same
        entity: the comparison, with the records' evidence, and the judgements
        (a :class:`~aliaskit._resolver_explain.ResolverExplanation`; ``str()``
        of it is the text)."""
        with self._lock:
            ea, eb = self.entity_of(a), self.entity_of(b)
            same = ea.id == eb.id
            ra, rb = self._record_or_name(a), self._record_or_name(b)
            comp = compare(ra, rb, threshold=self.threshold)
            pair = _pair(self._name_of(a), self._name_of(b))
            judgements: list[str] = []
            if pair in self._must and pair not in self._alias:
                judgements.append("user judgement: must link")
            if pair in self._cannot:
                judgements.append("user judgement: cannot link")
            judgements.extend(self._record_judgements_of(a, b))
            blockers = self._blockers(ea.aliases, eb.aliases) if not same else []
        return ResolverExplanation(same, (ea.id, eb.id), comp, tuple(judgements), tuple(blockers))

    # -- writing -------------------------------------------------------------

    def add(self, name: str | Record) -> Entity:
        """Add one name or record and return its entity. A name without letters
        raises ``ValueError``."""
        if isinstance(name, Record):
            with self._lock, gc_paused():
                before = len(self.skipped)
                self._add_items([name], start=self._seen)
                if len(self.skipped) - before == len(name.names):
                    del self.skipped[before:]
                    raise ValueError(f"no name can be read from the record's names {name.names!r}")
                return self._entity_of_record(name)
        require_str(name, "name")
        key = name
        with self._lock:
            self._add_items([key], start=self._seen)
            if key not in self._cluster:
                self.skipped.pop()
                raise ValueError(f"no name can be read from {name!r}")
            if self._records_on:
                return self._entity_of_record(Record(key))
            return self._entity(self._cluster[key])

    def add_many(
        self, names: Iterable[str | Record], *, progress: Progress | None = None
    ) -> list[Entity]:
        """Add many names or records; return the entities they now belong to,
        each once, in the order of :attr:`entities` (canonical name, then id).
        Empty names are skipped, listed in :attr:`skipped`, and belong to none.
        Once the Resolver holds records, making them reads every record, as
        :attr:`entities` does: add records in large batches, not a few at a time.

        ``progress``, a callable ``(stage, done, total)``, hears how far each
        stage has come: ``"preparing names"``, ``"blocking"``, ``"scoring"``
        and ``"clustering"`` (:mod:`aliaskit._progress` says what each counts),
        a bounded number of times per stage, never once per name or pair.

        Every item is type-checked (and every record id checked against the
        records held) before any state changes. Python's cyclic garbage
        collector is paused while the names are added (see
        :func:`~aliaskit._gc.gc_paused`).

        >>> r = Resolver()
        >>> [e.aliases for e in r.add_many(["Sasha Troufanov", "Alexander Trufanov", "  "])]
        [('Alexander Trufanov', 'Sasha Troufanov')]
        """
        items = checked_items(names)
        if progress is not None and not callable(progress):
            raise TypeError(f"progress must be callable or None, not {type(progress).__name__}")
        with self._lock, gc_paused():
            touched = self._add_items(items, self._seen, progress)
            entities = self._entities_of_items(items)
        if progress is not None:
            progress(CLUSTERING, touched, touched)
        return entities

    def merge(self, a: str, b: str) -> None:
        """Record that two added names, or two records, are the same person (a
        must-link). A judgement naming a record id is kept by record key and
        binds those records only (see :meth:`RecordsLayer._judge_records`)."""
        with self._lock:
            if self._judge_records(a, b, same=True):
                return
            pair = self._known_pair(self._name_of(a), self._name_of(b))
            self._version += 1
            self._cannot.discard(pair)
            self._must.add(pair)
            self._judged(pair)

    def split(self, a: str, b: str) -> None:
        """Record that two added names, or two records, are different people (a
        cannot-link). A judgement naming a record id is kept by record key, so
        two namesakes can be told apart."""
        with self._lock:
            if self._judge_records(a, b, same=False):
                return
            pair = self._known_pair(self._name_of(a), self._name_of(b))
            self._version += 1
            self._must.discard(pair)
            self._cannot.add(pair)
            self._judged(pair)

    # -- internals -----------------------------------------------------------

    def _known_pair(self, a: str, b: str) -> tuple[str, str]:
        require_str(a, "a")
        require_str(b, "b")
        for x in (a, b):
            if x not in self._parsed:
                raise KeyError(f"name not added to this Resolver: {x!r}")
        if a == b:
            raise ValueError("a and b are the same name")
        return _pair(a, b)

    def _judged(self, pair: tuple[str, str], *, recluster: bool = True) -> None:
        """Re-index a pair after a user judgement changed, then re-cluster around it."""
        a, b = pair
        self._unlink(a, b)
        self._link(a, b)
        if pair in self._must:
            self._must_adj[a].add(b)
            self._must_adj[b].add(a)
        else:
            self._must_adj[a].discard(b)
            self._must_adj[b].discard(a)
        if recluster:
            self._recluster(set(pair))

    def _entity(self, members: tuple[str, ...]) -> Entity:
        cached = self._entity_cache.get(members)
        if cached is None:

            def score(a: str, b: str) -> float:
                linked = self._link_score(a, b)
                return 0.0 if linked is None else min(linked, 1.0)

            cached = build_entity(list(members), self._parsed, score, self._mentions)
            self._entity_cache[members] = cached
        return cached


def cluster_scored(
    names: Iterable[str],
    edges: Iterable[tuple[str, str, float, bool]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[Entity]:
    """Cluster names whose candidate pairs were found and scored elsewhere.

    ``edges`` holds ``(a, b, score, conflict)`` for every candidate pair
    among ``names`` (as :func:`aliaskit.compare.score_pair` gives them;
    identical normalised forms score 2.0). This is the last step of
    :func:`cluster`, for engines that do blocking and scoring themselves
    (:mod:`aliaskit.spark`): given the same candidate pairs it returns
    exactly what :func:`cluster` returns for the same names.

    >>> from aliaskit.compare import score_pair
    >>> from aliaskit.parse import parse_name
    >>> a, b = "Sasha Troufanov", "Alexander Trufanov"
    >>> score, conflict = score_pair(parse_name(a), parse_name(b))
    >>> cluster_scored([a, b], [(a, b, score, conflict)]) == cluster([a, b])
    True
    """
    resolver = _loaded(names, edges, threshold)
    with resolver._lock:
        resolver._recluster(set(resolver._parsed))
    return resolver.entities


def greedy_band(
    names: Iterable[str],
    edges: Iterable[tuple[str, str, float, bool]],
    *,
    floor: float,
    below: float | None,
    start: Iterable[list[str]] = (),
    threshold: float = DEFAULT_THRESHOLD,
) -> list[list[str]]:
    """One band of the first clustering stage, for full names found and scored elsewhere.

    Runs the strongest-first pass of :meth:`Resolver._greedy` over the links
    of ``edges`` scoring at least ``floor`` and under ``below`` (None: no
    bound), starting from the groups ``start`` (member lists as an earlier
    band returned them). Running the bands from the strongest down, each on
    the components of its own links, gives the groups of one pass, so an
    engine never has to hand a whole giant component to one task.
    """
    resolver = _loaded(names, edges, threshold)
    with resolver._lock:
        units = set(resolver._parsed)
        return resolver._greedy(units, threshold, band=(floor, below), start=start)


def _loaded(
    names: Iterable[str], edges: Iterable[tuple[str, str, float, bool]], threshold: float
) -> Resolver:
    """A Resolver holding ``names`` and their scored pairs, not yet clustered."""
    resolver = Resolver(threshold=threshold)
    with resolver._lock:
        for name in names:
            parsed = parse_name(name)
            if parsed.parts:  # a name given twice counts twice, as in cluster
                resolver._mentions[name] = resolver._mentions.get(name, 0) + 1
            if parsed.parts and name not in resolver._parsed:
                resolver._parsed[name] = parsed
                resolver._by_norm[parsed.normalized].append(name)
                if parsed.is_weak:
                    resolver._weak.add(name)
        for a, b, score, conflict in edges:
            if a not in resolver._parsed or b not in resolver._parsed or a == b:
                continue
            resolver._store(_pair(a, b), score, conflict)
            resolver._link(a, b)
    return resolver
