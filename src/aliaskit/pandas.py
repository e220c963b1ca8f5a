"""A pandas accessor: ``df.aliaskit.resolve("name")`` adds entity columns to a DataFrame.

Importing this module registers an ``aliaskit`` accessor on pandas DataFrames
and Series; ``import aliaskit`` alone never imports pandas.

Each row becomes one :class:`aliaskit.Record` (its name, and its id, birth
date, countries and gender when those columns are named), the records are
clustered by :func:`aliaskit.cluster`, and the result is a copy of the frame
with two more columns: ``entity_id`` and ``canonical``. A row with no name
(None, NaN, ``pd.NA``, empty or no letters) is skipped: it gets ``<NA>`` in
both columns, and a :class:`UserWarning` says how many rows were skipped.

>>> import pandas as pd
>>> import aliaskit.pandas
>>> df = pd.DataFrame({"name": ["Sasha Troufanov", "Alexander Trufanov", "Александр Труфанов"]})
>>> df.aliaskit.resolve("name")["canonical"].tolist()
['Alexander Trufanov', 'Alexander Trufanov', 'Alexander Trufanov']
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from typing import Any

from aliaskit._records_batch import _profiles_shown
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.entity import Entity, entity_id
from aliaskit.record import Record
from aliaskit.resolver import SkippedNamesWarning, cluster

try:
    # pandas ships no type hints (pandas-stubs is not a dependency): it is Any here.
    import pandas as pd  # type: ignore[import-untyped]
except ImportError as error:  # pragma: no cover - pandas is in the test extra
    raise ImportError(f"aliaskit.pandas needs pandas: pip install pandas ({error})") from error

__all__ = ["AliaskitAccessor", "AliaskitSeriesAccessor"]

#: The columns that resolve adds.
OUTPUT_COLUMNS = ("entity_id", "canonical")

#: How many skipped rows the warning names.
_SHOWN = 5


class AliaskitAccessor:
    """``df.aliaskit``: alias resolution of the rows of a DataFrame."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def resolve(
        self,
        name: Any,
        *,
        id: Any = None,
        birth_date: Any = None,
        countries: Any = None,
        gender: Any = None,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> pd.DataFrame:
        """A copy of the frame with an ``entity_id`` and a ``canonical`` column.

        Each argument is the label of a column: ``name`` holds the names, and
        the optional ``id``, ``birth_date``, ``countries`` and ``gender`` hold
        what :class:`aliaskit.Record` takes of the same name. A missing value
        (None, NaN, ``pd.NA``, ``NaT``) in an evidence column means no
        evidence. The rows are clustered as :func:`aliaskit.cluster` clusters
        their records, with ``threshold``, so the same rows in any order get
        the same entities.

        The copy keeps the index, the row order and every column. Rows with no
        name get ``<NA>`` in both new columns (nullable ``string`` dtype); a
        :class:`UserWarning` counts them, and ``result.attrs["aliaskit_skipped"]``
        lists their index labels.

        Raises :class:`KeyError` for a column that is not in the frame,
        :class:`TypeError` for an argument that cannot be a column label,
        and :class:`ValueError` when the frame already has an ``entity_id`` or
        ``canonical`` column, for a value no record can hold (such as an
        unreadable birth date), naming the column, the row and the value, and
        for two rows of one id whose names or evidence differ.
        """
        evidence = {"id": id, "birth_date": birth_date, "countries": countries, "gender": gender}
        return _resolve(self._frame, name, evidence, threshold)


class AliaskitSeriesAccessor:
    """``series.aliaskit``: alias resolution of a Series of names."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def resolve(self, *, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
        """The names as a one-column frame (named after the Series, else
        ``name``) with ``entity_id`` and ``canonical`` columns, as
        ``DataFrame.aliaskit.resolve`` gives them."""
        column = "name" if self._series.name is None else self._series.name
        return _resolve(self._series.to_frame(column), column, {}, threshold)


pd.api.extensions.register_dataframe_accessor("aliaskit")(AliaskitAccessor)
pd.api.extensions.register_series_accessor("aliaskit")(AliaskitSeriesAccessor)


def _resolve(
    frame: pd.DataFrame, name: Any, evidence: dict[str, Any], threshold: float
) -> pd.DataFrame:
    """The entity columns of ``frame`` (see :meth:`AliaskitAccessor.resolve`)."""
    columns = {"name": _column(frame, name, "name")}
    for field, label in evidence.items():
        if label is not None:
            columns[field] = _column(frame, label, field)
    taken = [c for c in OUTPUT_COLUMNS if c in frame.columns]
    if taken:
        raise ValueError(f"the frame already has column(s) {taken}: rename them first")
    labels = frame.index.tolist()
    values = {field: frame[label].tolist() for field, label in columns.items()}
    records = [_record(values, columns, labels, row) for row in range(len(labels))]
    if "id" in columns:
        _check_ids(records, labels, columns["id"])
    kept = [record for record in records if record is not None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedNamesWarning)  # counted below, by row
        entities = cluster(kept, threshold=threshold)
    found = iter(_entities_of(kept, entities, threshold))
    rows = [None if record is None else next(found) for record in records]
    out = frame.copy()
    out["entity_id"] = pd.array([None if e is None else e.id for e in rows], dtype="string")
    out["canonical"] = pd.array([None if e is None else e.canonical for e in rows], dtype="string")
    skipped = [label for label, entity in zip(labels, rows, strict=True) if entity is None]
    out.attrs["aliaskit_skipped"] = skipped
    if skipped:
        more = ", ..." if len(skipped) > _SHOWN else ""
        first = ", ".join(map(repr, skipped[:_SHOWN])) + more
        message = f"skipped {len(skipped)} rows with no name: index labels [{first}]"
        warnings.warn(message, UserWarning, stacklevel=3)
    return out


def _column(frame: pd.DataFrame, label: Any, argument: str) -> Any:
    """``label`` once it is known to name exactly one column of ``frame``."""
    try:
        hash(label)
    except TypeError:
        raise TypeError(
            f"{argument} must be a column label (such as a str), not {type(label).__name__}"
            " (for a Series of names, use series.aliaskit.resolve())"
        ) from None
    if label not in frame.columns:
        raise KeyError(f"no column {label!r} for {argument}; the columns are {list(frame.columns)}")
    if not isinstance(frame[label], pd.Series):
        raise ValueError(f"column {label!r} ({argument}) appears more than once")
    return label


def _missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, ``pd.NA`` or ``NaT``."""
    return value is None or (bool(pd.api.types.is_scalar(value)) and bool(pd.isna(value)))


def _cell(field: str, value: Any) -> Any:
    """A cell's value as Record takes it: None when missing, and a whole float
    (a number column with gaps is float) as an int for an id or a year."""
    if _missing(value):
        return None
    if field in ("id", "birth_date") and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _record(
    values: dict[str, list[Any]], columns: dict[str, Any], labels: list[Any], row: int
) -> Record | None:
    """The record of one row, or None when the row has no name."""
    name = values["name"][row]
    if _missing(name) or (isinstance(name, str) and not any(c.isalpha() for c in name)):
        return None
    fields = {field: _cell(field, cells[row]) for field, cells in values.items()}
    try:
        return Record(**fields)
    except (TypeError, ValueError) as error:
        field = _culprit(fields)
        raise ValueError(
            f"column {columns[field]!r}, row {labels[row]!r}: bad {field} value"
            f" {values[field][row]!r} ({error})"
        ) from error


def _culprit(fields: dict[str, Any]) -> str:
    """The field that a Record of ``fields`` cannot hold (the name, else the first)."""
    for field, value in fields.items():
        try:
            Record(**({"name": value} if field == "name" else {"name": "x", field: value}))
        except (TypeError, ValueError):
            return field
    return "name"


def _check_ids(records: list[Record | None], labels: list[Any], column: Any) -> None:
    """Raise ValueError for two rows of one id whose names or evidence differ."""
    seen: dict[str, tuple[Any, tuple[Any, ...]]] = {}
    for label, r in zip(labels, records, strict=True):
        if r is not None and r.id is not None:
            content = (r.names, r.birth_date, r.countries, r.gender)
            first, known = seen.setdefault(str(r.id), (label, content))
            if known != content:
                raise ValueError(
                    f"column {column!r}: rows {first!r} and {label!r} have the id {r.id!r}"
                    " but different names or evidence"
                )


def _entities_of(
    records: list[Record], entities: list[Entity], threshold: float
) -> list[Entity | None]:
    """The entity of each of ``records`` among ``entities`` (what cluster gave
    them), None for a record cluster skipped (no name could be read).

    A record is found by its key (its id, else its primary name). Records
    without ids share a key when they have the same primary name; when those
    are namesakes in different entities, the records are clustered again,
    each with its position as id (ids change no grouping, only entity ids),
    and each group is matched to its entity by aliases and keys and, between
    namesakes of the same names, by the id cluster gives them (from their
    least key and their evidence).
    """
    by_key: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        for key in entity.records:
            by_key[key].append(entity)
    if all(len(by_key.get(record.key, ())) <= 1 for record in records):
        return [next(iter(by_key.get(record.key, ())), None) for record in records]
    numbered = [
        Record(r.names, id=u, birth_date=r.birth_date, countries=r.countries, gender=r.gender)
        for u, r in enumerate(records)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedNamesWarning)
        groups = cluster(numbered, threshold=threshold)
    alike: dict[tuple[tuple[str, ...], frozenset[str]], list[Entity]] = defaultdict(list)
    for entity in entities:
        alike[(entity.aliases, frozenset(entity.records))].append(entity)
    out: list[Entity | None] = [None] * len(records)
    for group in groups:
        members = [int(key) for key in group.records]
        candidates = alike[(group.aliases, frozenset(records[u].key for u in members))]
        if len(candidates) > 1:  # namesakes told apart: ids of the least key and the evidence
            evidence = _profiles_shown(members, records)  # as cluster names them
            wanted = entity_id(f"{candidates[0].records[0]}\x1f{evidence}")
            candidates = [e for e in candidates if e.id == wanted]
        if not candidates:
            raise RuntimeError("aliaskit.pandas: a group of records matches no entity (a bug)")
        for u in members:
            out[u] = candidates[0]
    return out
