"""Clustering-quality metrics (pairwise, B-cubed) and gold-set loading.

A clustering is a mapping from an *item* (a name string or a row key) to a
cluster label. Only items present in the gold mapping are scored; a gold item
missing from the prediction counts as a singleton. All scores are computed
from a contingency table (gold label x predicted label -> count), so the cost
is linear in the number of items and no pair is ever enumerated.

Degenerate cases are defined so that no division by zero can happen: with no
predicted pairs precision is 1.0, with no gold pairs recall is 1.0, and F1 is
0.0 when precision + recall is 0. An empty gold set scores 1.0 everywhere.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from aliaskit._evaluation_checks import require_all_str, require_mapping, require_str
from aliaskit._evaluation_gold import (
    GoldPair,
    GoldRow,
    gold_by_name,
    gold_by_row,
    load_gold,
    load_pairs,
    predicted_by_row,
)

__all__ = [
    "GoldPair",
    "GoldRow",
    "Scores",
    "bcubed_scores",
    "false_merge_rate",
    "gold_by_name",
    "gold_by_row",
    "load_gold",
    "load_pairs",
    "pairwise_scores",
    "per_group_scores",
    "predicted_by_row",
]


@attrs.frozen
class Scores:
    """Precision, recall and their harmonic mean, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    def as_dict(self) -> dict[str, float]:
        """Return the scores as a plain dict.

        >>> Scores(1.0, 0.5, 2 / 3).as_dict()["recall"]
        0.5
        """
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _scores(precision: float, recall: float) -> Scores:
    total = precision + recall
    f1 = 0.0 if total == 0 else 2 * precision * recall / total
    return Scores(precision=precision, recall=recall, f1=f1)


# --- contingency table ------------------------------------------------------


@attrs.frozen
class _Table:
    """Counts over gold items.

    ``cells`` maps (gold label, predicted label) to a count; the predicted
    label is None for gold items missing from the prediction, each of which is
    its own singleton cluster. ``pred_sizes`` leaves those out.
    """

    cells: Counter[tuple[str, str | None]]
    gold_sizes: Counter[str]
    pred_sizes: Counter[str | None]
    n_items: int


def _table(predicted: object, gold: object) -> _Table:
    pred_map = require_mapping(predicted, "predicted")
    gold_map = require_mapping(gold, "gold")
    gold_labels = list(gold_map.values())
    pred_labels = list(map(pred_map.get, gold_map.keys()))
    require_all_str(list(gold_map.keys()), "gold item")
    require_all_str(gold_labels, "gold label")
    require_all_str(pred_labels, "predicted label", allow_none=True)
    cells = Counter(zip(gold_labels, pred_labels, strict=True))
    pred_sizes = Counter(pred_labels)
    pred_sizes.pop(None, None)
    return _Table(cells, Counter(gold_labels), pred_sizes, len(gold_labels))


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def _pairwise(table: _Table) -> Scores:
    true_pairs = _pairs(n for (_, p), n in table.cells.items() if p is not None)
    pred_pairs = _pairs(table.pred_sizes.values())
    gold_pairs = _pairs(table.gold_sizes.values())
    precision = 1.0 if pred_pairs == 0 else true_pairs / pred_pairs
    recall = 1.0 if gold_pairs == 0 else true_pairs / gold_pairs
    return _scores(precision, recall)


def _bcubed(table: _Table) -> Scores:
    if table.n_items == 0:
        return _scores(1.0, 1.0)
    # Each of the n items in a cell has precision n/|pred cluster| and recall
    # n/|gold cluster|, so the cell contributes n*n/size to the item sum. The
    # n unpredicted items of a gold cluster are singletons: precision 1 each,
    # recall 1/|gold cluster| each.
    precision_terms = []
    recall_terms = []
    for (gold_label, pred_label), n in table.cells.items():
        size = table.gold_sizes[gold_label]
        if pred_label is None:
            precision_terms.append(float(n))
            recall_terms.append(n / size)
        else:
            precision_terms.append(n * n / table.pred_sizes[pred_label])
            recall_terms.append(n * n / size)
    precision = math.fsum(precision_terms) / table.n_items
    recall = math.fsum(recall_terms) / table.n_items
    return _scores(min(precision, 1.0), min(recall, 1.0))


def pairwise_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Pairwise precision/recall/F1 of a clustering against gold clusters.

    Precision is true same-cluster pairs over predicted same-cluster pairs,
    recall is true same-cluster pairs over gold same-cluster pairs, both among
    gold items only. Linear time (contingency counts, no pair enumeration).

    >>> gold = {"a": "1", "b": "1", "c": "2"}
    >>> pairwise_scores({"a": "x", "b": "x", "c": "x"}, gold).precision
    0.3333333333333333
    """
    return _pairwise(_table(predicted, gold))


def bcubed_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed precision/recall/F1 averaged over gold items.

    Item precision is the share of its predicted cluster that shares its gold
    label, item recall the share of its gold cluster that shares its predicted
    label (Bagga & Baldwin 1998; Amigó et al. 2009). F1 is the harmonic mean
    of the two averages. Linear time.

    >>> gold = {"a": "1", "b": "1", "c": "2"}
    >>> bcubed_scores({"a": "x", "b": "y", "c": "z"}, gold).recall
    0.6666666666666666
    """
    return _bcubed(_table(predicted, gold))


def per_group_scores(
    predicted: Mapping[str, str], gold: Mapping[str, str], groups: Mapping[str, str]
) -> dict[str, tuple[Scores, Scores]]:
    """Pairwise and B-cubed scores restricted to the gold items of each group.

    ``groups`` maps an item to its group (e.g. its data source). Within a group
    only items of that group count, so a predicted merge across two groups is
    invisible to both. Gold items without a group are left out; groups with no
    gold item do not appear. Keys are sorted.

    >>> gold = {"a": "1", "b": "1", "c": "2"}
    >>> out = per_group_scores(gold, gold, {"a": "eu", "b": "eu", "c": "wd"})
    >>> out["eu"][0].f1, sorted(out)
    (1.0, ['eu', 'wd'])
    """
    gold_map = require_mapping(gold, "gold")
    group_map = require_mapping(groups, "groups")
    buckets: dict[str, dict[str, str]] = {}
    for item, label in gold_map.items():
        group = group_map.get(item)
        if group is None:
            continue
        buckets.setdefault(require_str(group, f"group of {item!r}"), {})[item] = label
    result: dict[str, tuple[Scores, Scores]] = {}
    for group in sorted(buckets):
        table = _table(predicted, buckets[group])
        result[group] = (_pairwise(table), _bcubed(table))
    return result


def false_merge_rate(predicted: Mapping[str, str], pairs: Iterable[tuple[str, str]]) -> float:
    """Share of known different-entity pairs that were put in one cluster.

    A pair with an item missing from ``predicted`` is not merged. No pairs
    gives 0.0.

    >>> false_merge_rate({"a": "x", "b": "x", "c": "y"}, [("a", "b"), ("a", "c")])
    0.5
    """
    pred_map = require_mapping(predicted, "predicted")
    total = merged = 0
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"each pair must be a 2-tuple of str, got {pair!r}")
        first = pred_map.get(require_str(pair[0], "pair item"))
        second = pred_map.get(require_str(pair[1], "pair item"))
        total += 1
        merged += first is not None and first == second
    return 0.0 if total == 0 else merged / total
