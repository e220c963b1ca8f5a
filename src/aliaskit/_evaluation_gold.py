"""Gold sets: labelled names and known different-entity pairs (see :mod:`aliaskit.evaluation`).

A gold TSV has a header line; blank lines and lines starting with ``#`` are
skipped, and every error names the file and the line.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping

import attrs

from aliaskit._evaluation_checks import require_mapping, require_str

__all__ = [
    "GoldPair",
    "GoldRow",
    "gold_by_name",
    "gold_by_row",
    "load_gold",
    "load_pairs",
    "predicted_by_row",
]


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
    require_str(id_column, "id_column")
    require_str(name_column, "name_column")
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
        require_str(column, "column name")
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
    names = require_mapping(predicted_by_name, "predicted_by_name")
    return {row.key: names[row.name] for row in rows if row.name in names}
