"""Peer systems, run the way their users run them, behind one interface.

Every system is a :class:`Peer`: a list of distinct names and a threshold
in, clusters (lists of names) out (:meth:`Peer.cluster`). :meth:`Peer.sweep`
gives the clusters at several thresholds; the systems that score candidate
pairs (:class:`PairPeer`) score them once and link them by union-find at each
threshold, so that a threshold can be tuned without scoring again.

* ``aliaskit``: :func:`aliaskit.cluster` at the threshold.
* ``rapidfuzz_wratio``: rapidfuzz ``process.cdist`` with ``fuzz.WRatio``
  (0-100, divided by 100 here) over the names folded by ``unidecode`` and
  ``utils.default_process``; no blocking: all pairs of the names given (the
  report gives it at most :data:`RapidfuzzWRatioPeer.max_names` names);
  union-find above the threshold.
* ``metaphone_jw``: jellyfish ``metaphone`` of the surname (the last word of
  the unidecoded lower-case name, or the word before a comma) is the block;
  within a block, jellyfish ``jaro_winkler_similarity`` of the whole
  unidecoded names; union-find above the threshold.
* ``naive_dm_jw``: the naive baseline of :mod:`benchmarks.baselines`
  (Daitch–Mokotoff codes of the surname as blocks, rapidfuzz Jaro–Winkler of
  the whole unidecoded names, union-find; 0.82 is its own threshold).
* ``nomenklatura``: OpenSanctions' logic-v2 matcher
  (``nomenklatura.matching.get_algorithm("logic-v2").compare``, default
  configuration) of two ``Person`` entities that carry one name each, on
  aliaskit's own candidate pairs (``aliaskit.blocking.BlockIndex``, the
  blocking of :func:`aliaskit.cluster`); union-find above the threshold.
* ``splink``: splink 5 on DuckDB, ``dedupe_only``, the names split into first
  name, middle names and surname (:func:`split_name`, unidecoded), each
  compared with ``NameComparison`` (Jaro–Winkler levels; term-frequency
  adjustment on first name and surname); blocking rules: same surname, same
  first name, or same first three letters of both; trained as its tutorial
  does (probability of a match from exact first name and surname at recall
  0.7, u by random sampling of 10 million pairs, m by EM blocked on surname,
  then on first name); pairs above the lowest threshold of
  ``match_probability``, union-find.

The peers other than aliaskit and the naive baseline are in the optional
extra ``aliaskit[peers]``; :meth:`Peer.unavailable` says why one cannot run.
Nothing here is imported by ``aliaskit`` itself.
"""

from __future__ import annotations

import hashlib
import importlib
import warnings
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from benchmarks.baselines import (
    DM_JW_THRESHOLD,
    UnionFind,
    block_pairs,
    naive_key,
    surname_token,
)

Clusters = list[list[str]]
SPLINK_SEED = 28


def _grid(low: float, high: float, step: float) -> tuple[float, ...]:
    count = round((high - low) / step)
    return tuple(round(low + i * step, 4) for i in range(count + 1))


class Scored:
    """Scored candidate pairs ``(i, j, score)`` of ``names``; clusters at any threshold."""

    def __init__(
        self,
        names: Sequence[str],
        pairs: dict[tuple[int, int], float] | None = None,
        arrays: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]
        | None = None,
    ) -> None:
        self.names = list(names)
        if arrays is not None:
            self.left, self.right, self.score = arrays
            return
        pairs = pairs or {}
        self.left = np.fromiter((p[0] for p in pairs), np.int64, len(pairs))
        self.right = np.fromiter((p[1] for p in pairs), np.int64, len(pairs))
        self.score = np.fromiter(pairs.values(), np.float64, len(pairs))

    def __len__(self) -> int:
        return len(self.score)

    def clusters(self, threshold: float) -> Clusters:
        """Union-find over the pairs scoring at least ``threshold``."""
        uf = UnionFind(len(self.names))
        keep = np.nonzero(self.score >= threshold - 1e-9)[0]
        for a, b in zip(self.left[keep].tolist(), self.right[keep].tolist(), strict=True):
            uf.union(a, b)
        groups: dict[int, list[str]] = defaultdict(list)
        for i, name in enumerate(self.names):
            groups[uf.find(i)].append(name)
        return list(groups.values())


class Peer(ABC):
    """A clustering system: distinct names and a threshold in, clusters out."""

    key: ClassVar[str]
    label: ClassVar[str]
    blocking: ClassVar[str]
    grid: ClassVar[tuple[float, ...]]
    default: ClassVar[float | None] = None
    # The most names the report gives it (a random sample of entities beyond), or None.
    max_names: ClassVar[int | None] = None

    def unavailable(self) -> str | None:
        """Why this system cannot run here (a missing package), or None."""
        return None

    @abstractmethod
    def sweep(self, names: Sequence[str], thresholds: Sequence[float]) -> Iterator[Clusters]:
        """The clusters of ``names`` at each threshold, in order."""

    def cluster(self, names: Sequence[str], threshold: float) -> Clusters:
        """The clusters of ``names`` at ``threshold``."""
        return next(iter(self.sweep(names, [threshold])))


class AliaskitPeer(Peer):
    """:func:`aliaskit.cluster` at the threshold."""

    key = "aliaskit"
    label = "aliaskit.cluster"
    blocking = "aliaskit's own (phonetic, romanised and given-name keys)"
    grid = _grid(0.55, 0.95, 0.05)
    default = 0.75

    def sweep(self, names: Sequence[str], thresholds: Sequence[float]) -> Iterator[Clusters]:
        from aliaskit import cluster

        for threshold in thresholds:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                entities = cluster(list(names), threshold=threshold)
            yield [list(e.aliases) for e in entities]


class PairPeer(Peer):
    """A system that scores candidate pairs, then links them by union-find."""

    @abstractmethod
    def score(self, names: Sequence[str]) -> Scored:
        """The candidate pairs of ``names`` scoring at least the lowest threshold of the grid."""

    def sweep(self, names: Sequence[str], thresholds: Sequence[float]) -> Iterator[Clusters]:
        scored = self.score(names)
        for threshold in thresholds:
            yield scored.clusters(threshold)


def _missing(*modules: str) -> str | None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as err:
            return f"{module} is not installed ({err}); pip install -e '.[peers]'"
    return None


class RapidfuzzWRatioPeer(PairPeer):
    """rapidfuzz ``cdist`` with ``WRatio`` over all pairs of unidecoded names."""

    key = "rapidfuzz_wratio"
    label = "RapidFuzz cdist WRatio (unidecode) + union-find"
    blocking = "none: all pairs of the names given"
    grid = _grid(0.70, 1.0, 0.02)
    max_names = 8_000
    rows = 1_000

    def unavailable(self) -> str | None:
        return _missing("rapidfuzz", "unidecode")

    def score(self, names: Sequence[str]) -> Scored:
        from rapidfuzz import fuzz, process, utils
        from unidecode import unidecode

        keys = [utils.default_process(unidecode(n)) for n in names]
        cutoff = 100 * min(self.grid)
        lefts, rights, scores = [], [], []
        for start in range(0, len(keys), self.rows):
            block = process.cdist(
                keys[start : start + self.rows],
                keys,
                scorer=fuzz.WRatio,
                processor=None,
                score_cutoff=cutoff,
                dtype=np.float32,
                workers=-1,
            )
            rows, cols = np.nonzero(block >= cutoff)
            upper = rows + start < cols
            rows, cols = rows[upper], cols[upper]
            lefts.append(rows.astype(np.int64) + start)
            rights.append(cols.astype(np.int64))
            scores.append(block[rows, cols].astype(np.float64) / 100)
        if not lefts:
            return Scored(names)
        return Scored(
            names, arrays=(np.concatenate(lefts), np.concatenate(rights), np.concatenate(scores))
        )


def _blocked_pairs(keys: Sequence[Sequence[str]]) -> Iterator[tuple[int, int]]:
    """Index pairs ``i < j`` sharing a block key (each pair once)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, codes in enumerate(keys):
        for code in codes:
            blocks[code].append(i)
    seen: set[tuple[int, int]] = set()
    for block in blocks.values():
        for a in range(len(block)):
            for b in range(a + 1, len(block)):
                pair = (block[a], block[b])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


class MetaphoneJaroWinklerPeer(PairPeer):
    """jellyfish Metaphone of the surname as the block, jellyfish Jaro–Winkler within."""

    key = "metaphone_jw"
    label = "jellyfish Metaphone surname blocking + Jaro-Winkler + union-find"
    blocking = "jellyfish metaphone of the surname word (unidecoded)"
    grid = _grid(0.70, 1.0, 0.02)

    def unavailable(self) -> str | None:
        return _missing("jellyfish", "unidecode")

    def score(self, names: Sequence[str]) -> Scored:
        import jellyfish

        keys = [naive_key(n) for n in names]
        codes = []
        for key in keys:
            code = jellyfish.metaphone(surname_token(key)) if key else ""
            codes.append([code] if code else [])
        low = min(self.grid)
        pairs: dict[tuple[int, int], float] = {}
        for i, j in _blocked_pairs(codes):
            similarity = jellyfish.jaro_winkler_similarity(keys[i], keys[j])
            if similarity >= low:
                pairs[i, j] = similarity
        return Scored(names, pairs)


class NaiveDMJaroWinklerPeer(PairPeer):
    """The naive baseline of :func:`benchmarks.baselines.dm_jw_cluster`, with scores kept."""

    key = "naive_dm_jw"
    label = "naive: Daitch-Mokotoff surname blocking + Jaro-Winkler + union-find"
    blocking = "Daitch-Mokotoff codes of the surname word (unidecoded)"
    grid = _grid(0.70, 1.0, 0.02)
    default = DM_JW_THRESHOLD

    def score(self, names: Sequence[str]) -> Scored:
        from rapidfuzz.distance import JaroWinkler

        from aliaskit.daitch_mokotoff import daitch_mokotoff

        keys = [naive_key(n) for n in names]
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(keys):
            for code in daitch_mokotoff(surname_token(key)):
                blocks[code].append(i)
        similarity = JaroWinkler.normalized_similarity
        pairs: dict[tuple[int, int], float] = {}
        for block in blocks.values():
            if len(block) < 2:
                continue
            block_keys = [keys[i] for i in block]
            for a, b in block_pairs(block_keys, similarity, min(self.grid)):
                i, j = sorted((block[a], block[b]))
                pairs[i, j] = float(similarity(keys[i], keys[j]))
        return Scored(names, pairs)


def aliaskit_candidate_pairs(names: Sequence[str]) -> list[tuple[int, int]]:
    """The candidate pairs of aliaskit's blocking (:class:`aliaskit.blocking.BlockIndex`)."""
    from aliaskit import blocking
    from aliaskit.parse import parse_name

    place = {name: i for i, name in enumerate(names)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        items = [(n, p) for n in names if (p := parse_name(n)).parts]
        found = blocking.BlockIndex(track_pairs=False).add_many(items)[0]
    out = {tuple(sorted((place[a], place[b]))) for a, b in found if a in place and b in place}
    return sorted((i, j) for i, j in out if i != j)


class NomenklaturaPeer(PairPeer):
    """nomenklatura logic-v2 on aliaskit's candidate pairs."""

    key = "nomenklatura"
    label = "nomenklatura logic-v2 on aliaskit's candidate pairs + union-find"
    blocking = "aliaskit's candidate pairs (BlockIndex)"
    grid = _grid(0.50, 1.0, 0.05)
    default = 0.7  # logic-v2's usual match threshold in OpenSanctions screening

    def unavailable(self) -> str | None:
        return _missing("nomenklatura", "followthemoney")

    def score(self, names: Sequence[str]) -> Scored:
        matching: Any = importlib.import_module("nomenklatura.matching")
        ftm: Any = importlib.import_module("followthemoney")
        algorithm = matching.get_algorithm("logic-v2")
        config = algorithm.default_config()
        entities: list[Any] = []
        for name in names:
            entity = ftm.model.make_entity("Person")
            # nomenklatura caches a name analysis by entity id: one id per name string.
            entity.id = "n" + hashlib.sha1(name.encode("utf-8")).hexdigest()
            entity.add("name", name)
            entities.append(entity)
        low = min(self.grid)
        pairs: dict[tuple[int, int], float] = {}
        for i, j in aliaskit_candidate_pairs(names):
            score = float(algorithm.compare(entities[i], entities[j], config).score)
            if score >= low:
                pairs[i, j] = score
        return Scored(names, pairs)


def split_name(name: str) -> tuple[str, str, str]:
    """(first name, middle names, surname) of the unidecoded lower-case name, as splink wants them.

    >>> split_name("Ivan Ivanovich PETROV"), split_name("Petrov, Ivan")
    (('ivan', 'ivanovich', 'petrov'), ('ivan', '', 'petrov'))
    """
    key = naive_key(name).replace(".", " ")
    surname = surname_token(key)
    words = key.replace(",", " ").split()
    if surname in words:
        words.remove(surname)
    return (words[0] if words else "", " ".join(words[1:]), surname)


class SplinkPeer(PairPeer):
    """splink on DuckDB: name comparisons with term frequencies, trained as its docs say."""

    key = "splink"
    label = "splink (DuckDB) Fellegi-Sunter, NameComparison + TF, EM-trained + union-find"
    blocking = "splink rules: same surname, or same first name, or same first 3 letters of both"
    grid = (*_grid(0.05, 0.95, 0.05), 0.99)

    def unavailable(self) -> str | None:
        return _missing("splink", "duckdb", "pandas")

    def score(self, names: Sequence[str]) -> Scored:
        import logging

        pandas: Any = importlib.import_module("pandas")
        splink: Any = importlib.import_module("splink")
        cl: Any = importlib.import_module("splink.comparison_library")
        block_on = splink.block_on
        parts = [split_name(n) for n in names]
        table = pandas.DataFrame(
            {
                "unique_id": range(len(names)),
                "first_name": [p[0] or None for p in parts],
                "middle_names": [p[1] or None for p in parts],
                "surname": [p[2] or None for p in parts],
            }
        )
        settings = splink.SettingsCreator(
            link_type="dedupe_only",
            comparisons=[
                cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
                cl.NameComparison("middle_names"),
                cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            ],
            blocking_rules_to_generate_predictions=[
                block_on("surname"),
                block_on("first_name"),
                block_on("substr(first_name, 1, 3)", "substr(surname, 1, 3)"),
            ],
        )
        api = splink.DuckDBAPI()
        linker = splink.Linker(api.register(table), settings, log_level=logging.WARNING)
        training = linker.training
        training.estimate_probability_two_random_records_match(
            [block_on("first_name", "surname")], recall=0.7
        )
        training.estimate_u_using_random_sampling(max_pairs=1e7, seed=SPLINK_SEED)
        for rule in (block_on("surname"), block_on("first_name")):
            training.estimate_parameters_using_expectation_maximisation(
                rule, record_sample_proportion=1.0
            )
        found = linker.inference.predict(
            threshold_match_probability=min(self.grid)
        ).as_pandas_dataframe()
        pairs: dict[tuple[int, int], float] = {}
        for a, b, p in zip(
            found["unique_id_l"], found["unique_id_r"], found["match_probability"], strict=True
        ):
            i, j = sorted((int(a), int(b)))
            pairs[i, j] = max(float(p), pairs.get((i, j), 0.0))
        return Scored(names, pairs)


PEERS: dict[str, Peer] = {
    peer.key: peer
    for peer in (
        AliaskitPeer(),
        RapidfuzzWRatioPeer(),
        MetaphoneJaroWinklerPeer(),
        NaiveDMJaroWinklerPeer(),
        NomenklaturaPeer(),
        SplinkPeer(),
    )
}
# Systems of issue 28 not run, and why (the report prints these).
NOT_RUN: dict[str, str] = {}
