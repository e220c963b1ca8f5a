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
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

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


def _require_mapping(value: object, what: str) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping of str to str, got {type(value).__name__}")
    return value


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, got {type(value).__name__}: {value!r}")
    return value


def _require_all_str(values: Sequence[object], what: str, allow_none: bool = False) -> None:
    # type() over a list runs in C; only on failure do we look for the culprit.
    allowed = {str, type(None)} if allow_none else {str}
    if set(map(type, values)) <= allowed:
        return
    for value in values:
        if not (isinstance(value, str) or (allow_none and value is None)):
            raise TypeError(f"{what} must be str, got {type(value).__name__}: {value!r}")


def _table(predicted: object, gold: object) -> _Table:
    pred_map = _require_mapping(predicted, "predicted")
    gold_map = _require_mapping(gold, "gold")
    gold_labels = list(gold_map.values())
    pred_labels = list(map(pred_map.get, gold_map.keys()))
    _require_all_str(list(gold_map.keys()), "gold item")
    _require_all_str(gold_labels, "gold label")
    _require_all_str(pred_labels, "predicted label", allow_none=True)
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
    gold_map = _require_mapping(gold, "gold")
    group_map = _require_mapping(groups, "groups")
    buckets: dict[str, dict[str, str]] = {}
    for item, label in gold_map.items():
        group = group_map.get(item)
        if group is None:
            continue
        buckets.setdefault(_require_str(group, f"group of {item!r}"), {})[item] = label
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
    pred_map = _require_mapping(predicted, "predicted")
    total = merged = 0
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"each pair must be a 2-tuple of str, got {pair!r}")
        first = pred_map.get(_require_str(pair[0], "pair item"))
        second = pred_map.get(_require_str(pair[1], "pair item"))
        total += 1
        merged += first is not None and first == second
    return 0.0 if total == 0 else merged / total


# --- gold files -------------------------------------------------------------


@attrs.frozen
class GoldRow:
    """One row of a gold TSV; ``line`` is its 1-based line number in the file."""

    entity_id: str
    name: str
    script: str
    source: str
    line: int

    @property
    def key(self) -> str:
        """Row key for scoring by row (the line number as a string)."""
        return str(self.line)


@attrs.frozen
class GoldPair:
    """One known different-entity pair from a hard-negative TSV."""

    entity_id_a: str
    entity_id_b: str
    name_a: str
    name_b: str
    similarity: float | None
    kind: str
    line: int

    @property
    def names(self) -> tuple[str, str]:
        """The two name strings, as ``false_merge_rate`` expects them."""
        return (self.name_a, self.name_b)


def _fail(where: str, line: int, message: str) -> ValueError:
    return ValueError(f"{where}:{line}: {message}")


def _read_tsv(
    path: object, required: Iterable[str]
) -> tuple[str, dict[str, int], list[tuple[int, list[str]]]]:
    """Read a headered UTF-8 TSV: (display name, column index, [(line, fields)])."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be str or os.PathLike, got {type(path).__name__}")
    where = os.fspath(path)
    if not isinstance(where, str):
        raise TypeError(f"path must be a text path, got {where!r}")
    with open(where, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _fail(where, raw.count(b"\n", 0, err.start) + 1, "not valid UTF-8") from None
    columns: dict[str, int] | None = None
    width = 0
    rows: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip(" ") or line.startswith("#"):
            continue
        fields = line.split("\t")
        if columns is None:
            columns = {name: index for index, name in enumerate(fields)}
            if len(columns) != len(fields):
                raise _fail(where, number, "duplicate column in header")
            missing = [name for name in required if name not in columns]
            if missing:
                raise _fail(where, number, f"header lacks column(s) {', '.join(missing)}")
            width = len(fields)
            continue
        if len(fields) != width:
            raise _fail(
                where, number, f"expected {width} tab-separated fields, found {len(fields)}"
            )
        rows.append((number, fields))
    if columns is None:
        raise _fail(where, 1, "no header line")
    return where, columns, rows


def _field(fields: list[str], columns: Mapping[str, int], name: str) -> str:
    index = columns.get(name)
    return "" if index is None else fields[index]


def _required_field(
    fields: list[str], columns: Mapping[str, int], name: str, where: str, line: int
) -> str:
    value = fields[columns[name]]
    if not value.strip():
        raise _fail(where, line, f"empty {name}")
    return value


def load_gold(
    path: str | os.PathLike[str], *, id_column: str = "entity_id", name_column: str = "name"
) -> list[GoldRow]:
    """Load a gold TSV with a header into rows.

    Blank lines and lines starting with ``#`` are skipped. ``script`` and
    ``source`` are empty when those columns are absent. A line with the wrong
    number of fields or an empty id or name raises ``ValueError`` naming the
    file and line.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.tsv"
    >>> _ = p.write_text("entity_id\\tname\\nP1\\tSasha\\n", encoding="utf-8")
    >>> load_gold(p)[0].line
    2
    """
    _require_str(id_column, "id_column")
    _require_str(name_column, "name_column")
    where, columns, table = _read_tsv(path, (id_column, name_column))
    rows = []
    for line, fields in table:
        rows.append(
            GoldRow(
                entity_id=_required_field(fields, columns, id_column, where, line),
                name=_required_field(fields, columns, name_column, where, line),
                script=_field(fields, columns, "script"),
                source=_field(fields, columns, "source"),
                line=line,
            )
        )
    return rows


def _similarity(text: str, where: str, line: int) -> float | None:
    if not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        raise _fail(where, line, f"similarity is not a number: {text!r}") from None
    if math.isnan(value):
        raise _fail(where, line, "similarity is NaN")
    return value


def load_pairs(
    path: str | os.PathLike[str],
    *,
    id_a_column: str = "entity_id_a",
    id_b_column: str = "entity_id_b",
    name_a_column: str = "name_a",
    name_b_column: str = "name_b",
) -> list[GoldPair]:
    """Load a hard-negative pair TSV (``entity_id_a entity_id_b name_a name_b similarity kind``).

    ``similarity`` (optional column, may be empty) must parse as a number;
    ``kind`` is empty when absent. Errors are reported as in ``load_gold``.
    Use ``[p.names for p in pairs]`` as input to ``false_merge_rate``.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "n.tsv"
    >>> _ = p.write_text("entity_id_a\\tentity_id_b\\tname_a\\tname_b\\nA\\tB\\tRoy\\tTroy\\n")
    >>> load_pairs(p)[0].names
    ('Roy', 'Troy')
    """
    required = (id_a_column, id_b_column, name_a_column, name_b_column)
    for column in required:
        _require_str(column, "column name")
    where, columns, table = _read_tsv(path, required)
    pairs = []
    for line, fields in table:
        ida, idb, namea, nameb = (
            _required_field(fields, columns, c, where, line) for c in required
        )
        similarity = _similarity(_field(fields, columns, "similarity"), where, line)
        pairs.append(
            GoldPair(ida, idb, namea, nameb, similarity, _field(fields, columns, "kind"), line)
        )
    return pairs


def gold_by_name(rows: Iterable[GoldRow]) -> dict[str, str]:
    """Map each distinct name to an entity id, for scoring by name string.

    A name listed under several entities (rare) maps deterministically to the
    smallest entity id in string order; score by row (``gold_by_row``) to keep
    such rows apart.

    >>> rows = [GoldRow("P2", "Sasha", "", "", 2), GoldRow("P1", "Sasha", "", "", 3)]
    >>> gold_by_name(rows)
    {'Sasha': 'P1'}
    """
    result: dict[str, str] = {}
    for row in rows:
        current = result.get(row.name)
        if current is None or row.entity_id < current:
            result[row.name] = row.entity_id
    return result


def gold_by_row(rows: Iterable[GoldRow]) -> dict[str, str]:
    """Map each row key (``row.key``, the line number) to its entity id.

    >>> gold_by_row([GoldRow("P1", "Sasha", "", "", 2)])
    {'2': 'P1'}
    """
    return {row.key: row.entity_id for row in rows}


def predicted_by_row(
    rows: Iterable[GoldRow], predicted_by_name: Mapping[str, str]
) -> dict[str, str]:
    """Turn a name -> label clustering into a row key -> label clustering.

    Rows whose name is not in ``predicted_by_name`` are left out (they then
    score as singletons).

    >>> predicted_by_row([GoldRow("P1", "Sasha", "", "", 2)], {"Sasha": "c0"})
    {'2': 'c0'}
    """
    names = _require_mapping(predicted_by_name, "predicted_by_name")
    return {row.key: names[row.name] for row in rows if row.name in names}
