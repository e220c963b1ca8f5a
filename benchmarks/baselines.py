"""Peer clusterers that aliaskit is measured against.

Each baseline takes names and returns :class:`aliaskit.Entity` objects, so
that :func:`benchmarks.quality.evaluate` scores it exactly like
:func:`aliaskit.cluster`. They are what a practitioner would write in an
afternoon with common libraries:

* :func:`naive_cluster`: ``unidecode`` to ASCII, lower case, Jaro–Winkler
  similarity of whole strings, link at :data:`NAIVE_THRESHOLD`, union-find.
  All pairs up to :data:`ALL_PAIRS_MAX` distinct names, blocked by first
  letter beyond.
* :func:`rapidfuzz_cluster`: rapidfuzz ``process.cdist`` over all pairs of the
  case-folded strings with ``fuzz.token_sort_ratio`` (word order does not
  matter), link at :data:`RAPIDFUZZ_CUTOFF`, union-find. No transliteration,
  so it cannot match across scripts.
* :func:`dm_jw_cluster`: the naive method of the issue. Daitch–Mokotoff
  Soundex codes of the surname (:func:`aliaskit.daitch_mokotoff.daitch_mokotoff`;
  the surname is the last word, or the first when the name is written
  ``Surname, Given``) are the blocking keys, one block per code; within a
  block, Jaro–Winkler of the whole unidecoded lower-case strings, linked at
  :data:`DM_JW_THRESHOLD`, union-find.

All three compute the pair scores with rapidfuzz's C++ ``cdist`` (row chunks, all
cores), so their speed is the best these simple methods can do in Python.
rapidfuzz and numpy are bench/test-only dependencies.

For search (:mod:`benchmarks.search_report`) the baseline is
:class:`RapidFuzzSearch`: rapidfuzz ``process.extract`` with ``fuzz.WRatio``
over every name, query and names folded by :func:`search_key`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler
from unidecode import unidecode

from aliaskit import Entity
from aliaskit.daitch_mokotoff import daitch_mokotoff
from aliaskit.entity import entity_id

NAIVE_THRESHOLD = 0.94
RAPIDFUZZ_CUTOFF = 85.0
ALL_PAIRS_MAX = 10_000
CHUNK = 2_000
DM_JW_THRESHOLD = 0.82
# Score-matrix cells per cdist call in a block (float32: 4 bytes each), so that
# the block of a very common surname does not need a quadratic amount of memory.
MAX_CELLS = 16_000_000

Scorer = Callable[..., float]


class UnionFind:
    """Disjoint sets over 0..n-1 with path halving."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        """The representative of ``x``'s set."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Merge the sets of ``a`` and ``b`` (the smaller index becomes the root)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def linked_pairs(keys: list[str], scorer: Scorer, cutoff: float) -> Iterator[tuple[int, int]]:
    """Index pairs ``i < j`` of ``keys`` whose score reaches ``cutoff`` (chunked ``cdist``)."""
    for start in range(0, len(keys), CHUNK):
        rows = keys[start : start + CHUNK]
        scores = process.cdist(
            rows, keys, scorer=scorer, score_cutoff=cutoff, dtype=np.float32, workers=-1
        )
        for i, j in zip(*np.nonzero(scores >= cutoff), strict=True):
            if start + int(i) < int(j):
                yield start + int(i), int(j)


def entities_from_groups(names: list[str], uf: UnionFind) -> list[Entity]:
    """One :class:`Entity` per union-find set; canonical name = the first alias."""
    groups: dict[int, list[str]] = defaultdict(list)
    for i, name in enumerate(names):
        groups[uf.find(i)].append(name)
    out = []
    for members in groups.values():
        aliases = tuple(sorted(members))
        out.append(Entity(id=entity_id(aliases[0]), canonical=aliases[0], aliases=aliases))
    return sorted(out, key=lambda e: e.aliases[0])


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n.strip()))


def _cluster_keys(names: list[str], keys: list[str], scorer: Scorer, cutoff: float) -> UnionFind:
    """Union-find over ``names`` linking pairs of ``keys``; blocked by first letter if large."""
    uf = UnionFind(len(names))
    if len(keys) <= ALL_PAIRS_MAX:
        blocks = [list(range(len(keys)))]
    else:
        by_letter: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(keys):
            by_letter[k[:1]].append(i)
        blocks = list(by_letter.values())
    for block in blocks:
        block_keys = [keys[i] for i in block]
        for i, j in linked_pairs(block_keys, scorer, cutoff):
            uf.union(block[i], block[j])
    return uf


def naive_key(name: str) -> str:
    """ASCII, lower case, single spaces: the naive comparable form."""
    return " ".join(unidecode(name).lower().split())


def naive_cluster(names: Iterable[str]) -> list[Entity]:
    """unidecode + Jaro–Winkler + union-find (all pairs up to 10k names, then by first letter)."""
    distinct = _distinct(names)
    keys = [naive_key(n) for n in distinct]
    uf = _cluster_keys(distinct, keys, JaroWinkler.normalized_similarity, NAIVE_THRESHOLD)
    return entities_from_groups(distinct, uf)


def rapidfuzz_cluster(names: Iterable[str]) -> list[Entity]:
    """rapidfuzz cdist token-sort ratio on case-folded strings + union-find."""
    distinct = _distinct(names)
    keys = [" ".join(n.casefold().split()) for n in distinct]
    uf = _cluster_keys(distinct, keys, fuzz.token_sort_ratio, RAPIDFUZZ_CUTOFF)
    return entities_from_groups(distinct, uf)


def exact_cluster(names: Iterable[str]) -> list[Entity]:
    """Names equal after the naive key share an entity: the floor any method should beat."""
    distinct = _distinct(names)
    first: dict[str, int] = {}
    uf = UnionFind(len(distinct))
    for i, n in enumerate(distinct):
        uf.union(first.setdefault(naive_key(n), i), i)
    return entities_from_groups(distinct, uf)


def surname_token(key: str) -> str:
    """The surname of a naive key: the first word before a comma if any, else the last word.

    >>> surname_token("ivanov, ivan ivanovich"), surname_token("ivan ivanov")
    ('ivanov', 'ivanov')
    """
    before_comma = key.partition(",")[0].split()
    if "," in key and before_comma:
        return before_comma[0]
    words = key.replace(",", " ").split()
    return words[-1] if words else ""


def block_pairs(
    keys: list[str], scorer: Scorer, cutoff: float, max_cells: int = MAX_CELLS
) -> Iterator[tuple[int, int]]:
    """Index pairs ``i < j`` of ``keys`` scoring at least ``cutoff``.

    ``cdist`` of a band of rows against the keys from the band's first row
    on (the upper triangle and the band's own square), with bands sized so
    that one call holds at most ``max_cells`` scores.
    """
    n = len(keys)
    start = 0
    while start < n - 1:
        rows = max(1, min(n - start, max_cells // (n - start)))
        scores: npt.NDArray[np.float32] = process.cdist(
            keys[start : start + rows],
            keys[start:],
            scorer=scorer,
            score_cutoff=cutoff,
            dtype=np.float32,
            workers=-1,
        )
        for i, j in zip(*np.nonzero(scores >= cutoff), strict=True):
            if int(i) < int(j):
                yield start + int(i), start + int(j)
        start += rows


def dm_jw_cluster(names: Iterable[str]) -> list[Entity]:
    """Daitch–Mokotoff blocking on the surname + Jaro–Winkler >= 0.82 + union-find.

    Every Daitch–Mokotoff code of the surname word (:func:`surname_token`
    of the naive key) is a block; within each block all pairs are scored
    with rapidfuzz's Jaro–Winkler on the whole naive keys (:func:`naive_key`)
    and linked at :data:`DM_JW_THRESHOLD`. A name without a code is alone.
    """
    distinct = _distinct(names)
    keys = [naive_key(n) for n in distinct]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        for code in daitch_mokotoff(surname_token(key)):
            blocks[code].append(i)
    uf = UnionFind(len(distinct))
    for block in blocks.values():
        if len(block) < 2:
            continue
        block_keys = [keys[i] for i in block]
        for i, j in block_pairs(block_keys, JaroWinkler.normalized_similarity, DM_JW_THRESHOLD):
            uf.union(block[i], block[j])
    return entities_from_groups(distinct, uf)


CLUSTERERS: dict[str, Callable[[Iterable[str]], list[Entity]]] = {
    "naive": naive_cluster,
    "rapidfuzz": rapidfuzz_cluster,
    "exact": exact_cluster,
    "naive_dm_jw": dm_jw_cluster,
}
LABELS = {
    "aliaskit": "aliaskit.cluster",
    "naive": f"unidecode + Jaro-Winkler >= {NAIVE_THRESHOLD} + union-find",
    "rapidfuzz": f"rapidfuzz cdist token_sort_ratio >= {RAPIDFUZZ_CUTOFF:g} + union-find",
    "exact": "exact match after unidecode + lower case",
    "naive_dm_jw": f"naive: Daitch–Mokotoff blocking + Jaro–Winkler ≥ {DM_JW_THRESHOLD}",
}


# --- Search -------------------------------------------------------------------


def search_key(name: str) -> str:
    """The RapidFuzz search baseline's form of a name: ``unidecode``, then rapidfuzz's
    ``utils.default_process`` (lower case, every character but letters and digits to a
    space, trimmed).

    >>> search_key("ИВАНОВ, Иван"), search_key("Jean-Luc O'Neil")
    ('ivanov  ivan', 'jean luc o neil')
    """
    folded: str = utils.default_process(unidecode(name))
    return folded


class RapidFuzzSearch:
    """The search baseline: ``process.extract(query, names, scorer=fuzz.WRatio)``.

    Every distinct name is folded once by :func:`search_key` (the "index");
    a query is folded the same way and scored with ``fuzz.WRatio`` (0-100)
    against every folded name; ties are ranked by the name's place, as
    ``process.extract`` ranks them. No transliteration beyond ``unidecode``,
    no blocking: a query costs one score per indexed name.

    >>> baseline = RapidFuzzSearch(["Ivan Petrov", "Иван Петров", "Olga Sidorova"])
    >>> found = baseline.search("ivan petrov", limit=2)
    >>> [(name, round(score)) for name, score, _ in found]
    [('Ivan Petrov', 100), ('Иван Петров', 100)]
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = list(dict.fromkeys(names))
        self.keys = [search_key(n) for n in self.names]

    def __len__(self) -> int:
        return len(self.names)

    def search(self, query: str, limit: int = 10) -> list[tuple[str, float, int]]:
        """The ``limit`` best names for ``query``: (name, WRatio score, place), best first."""
        found = process.extract(
            search_key(query), self.keys, scorer=fuzz.WRatio, processor=None, limit=limit
        )
        return [(self.names[i], float(score), int(i)) for _, score, i in found]

    def search_all(
        self, queries: Sequence[str], limit: int = 10, rows: int = 500
    ) -> list[list[tuple[str, float, int]]]:
        """:meth:`search` of every query, through ``process.cdist`` on every core.

        Scores are computed ``rows`` queries at a time (float64, as ``extract``
        returns them) and ranked as ``extract`` ranks them: score down, then
        place up. Same results as :meth:`search`, much faster for many queries.
        """
        out: list[list[tuple[str, float, int]]] = []
        keys = [search_key(q) for q in queries]
        for start in range(0, len(keys), rows):
            scores: npt.NDArray[np.float64] = process.cdist(
                keys[start : start + rows],
                self.keys,
                scorer=fuzz.WRatio,
                processor=None,
                dtype=np.float64,
                workers=-1,
            )
            for row in scores:
                out.append(self._top(row, limit))
        return out

    def _top(self, row: npt.NDArray[np.float64], limit: int) -> list[tuple[str, float, int]]:
        if len(row) > limit:
            kth = np.partition(row, len(row) - limit)[len(row) - limit]
            candidates = np.nonzero(row >= kth)[0]
        else:
            candidates = np.arange(len(row))
        order = candidates[np.lexsort((candidates, -row[candidates]))][:limit]
        return [(self.names[i], float(row[i]), int(i)) for i in order]


SEARCH_LABEL = "rapidfuzz process.extract, fuzz.WRatio, unidecode + default_process"
