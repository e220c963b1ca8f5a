"""Alias resolution on Apache Spark: :func:`resolve` adds entity columns to a DataFrame.

The result is the one :func:`aliaskit.cluster` gives for the names of the
column, one per row (same entities, ids and canonical names: a name on three
rows counts three mentions when the canonical spelling is chosen), computed
in the same steps, each distributed:

1. **Parse** each distinct name once (``mapInPandas``): normalised form,
   block keys and given-name keys. Names from which no name can be read are
   skipped and get null columns.
2. **Candidate pairs** (:mod:`aliaskit.spark._pairs`): a self-join on block
   key, on (block key, given-name key) in blocks over their
   :func:`~aliaskit.blocking.block_limit`, and on the normalised form.
3. **Scoring** each pair with :func:`aliaskit.compare.score_pair`
   (``mapInPandas``). User judgements override the score of their pair:
   a must-link scores 2.0, a cannot-link is a conflict.
4. **Clustering in the four stages of** :class:`~aliaskit.Resolver`, each
   stage's components found by large-star / small-star iteration
   (:mod:`aliaskit.spark._components`) and clustered in Python workers
   (``cogroup`` + ``applyInPandas``, components grouped into buckets):

   a. full names, by the strongest-first pass of the Resolver run in three
      score bands (identical forms, links of 0.9 and up, the rest down to
      the threshold), each band over the components of its own links
      between the groups so far, by :func:`aliaskit.resolver.greedy_band`
      with all of a component's scored pairs (conflicts and low scores
      included). The bands give exactly the groups of one pass, and the
      work of a giant component is spread over the small components of the
      strong bands;
   b. each weak name (bare surname, initial-only) joins the one full group
      it links with (:data:`aliaskit.resolver.WEAK_LINK`) and does not
      conflict with, computed with joins and a ``groupBy``;
   c. the other weak names, in components of links at the threshold among
      themselves, clustered like (a);
   d. must-links (user merges and identical normalised forms) join
      groups: components over the groups.
5. **Entities**: id and canonical name of each final cluster, from its
   members, the rows that hold each of them (a ``groupBy`` count) and its
   scored pairs (:func:`aliaskit.entity.build_entity`).

Why these components: the Resolver decides each stage only along these
links and consults a conflict or another score only between two groups it
is about to join, so clustering the components apart gives the same
entities. Taking all links at once (weak names and conflicts included)
would join the relatives and namesakes of whole surname networks into one
giant component: 233,580 of 300,000 names on the 1M-mention workload.

**Records** (:mod:`aliaskit.spark._records`): given an id, birth date,
countries or gender column, each row is an :class:`aliaskit.Record` and the
result is the one :func:`aliaskit.cluster` gives for those records. The
name stages above give each name's cluster and the scored pairs; the name
clusters that a shared full birth date may join are put in one component;
each component's records are then split by evidence, joined by dates and
given ids in a Python worker, by the functions :func:`aliaskit.cluster` uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from aliaskit._check import require_threshold
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.spark._names import BAND_CUTS as BAND_CUTS
from aliaskit.spark._names import STEPS as STEPS
from aliaskit.spark._names import Materialize as Materialize
from aliaskit.spark._names import checkpoint, pipeline
from aliaskit.spark._records import check_record_columns, resolve_records

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["resolve"]

#: The name stages and entities, one step at a time (as benchmarks.spark_report runs them).
_pipeline = pipeline

_EXTRA = 'aliaskit.spark needs pyspark, pyarrow and pandas: pip install "aliaskit[spark]"'


def _require_pyspark() -> None:
    for module in ("pyspark", "pyarrow", "pandas"):
        try:
            importlib.import_module(module)
        except ImportError as err:
            raise ImportError(f"{_EXTRA} ({err})") from err


def _check_args(df: DataFrame, name_col: str, threshold: float, out_cols: list[str]) -> None:
    from pyspark.sql.types import StringType

    require_threshold(threshold)
    if name_col not in df.columns:
        raise ValueError(f"no column {name_col!r} in the DataFrame (columns: {df.columns})")
    if not isinstance(df.schema[name_col].dataType, StringType):
        raise TypeError(f"column {name_col!r} must hold strings, not {df.schema[name_col]}")
    taken = [c for c in out_cols if c in df.columns]
    if taken or len(set(out_cols)) != len(out_cols):
        raise ValueError(f"output columns must be new and distinct: {out_cols}")


def resolve(
    df: DataFrame,
    name_col: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    must_link: DataFrame | Iterable[tuple[str, str]] | None = None,
    cannot_link: DataFrame | Iterable[tuple[str, str]] | None = None,
    entity_col: str = "entity_id",
    canonical_col: str = "canonical",
    id_col: str | None = None,
    birth_date_col: str | None = None,
    countries_col: str | None = None,
    gender_col: str | None = None,
) -> DataFrame:
    """``df`` with ``entity_col`` and ``canonical_col`` added, resolving ``name_col``.

    Equal to :func:`aliaskit.cluster` on the names of the column, one per
    row, so that the spelling most rows use weighs the canonical name (and
    to a :class:`~aliaskit.Resolver` given the same ``merge`` and ``split``
    judgements). Rows whose name is null or holds no letters or
    digits get nulls.

    ``must_link`` and ``cannot_link`` are pairs of names judged the same or
    different people: a DataFrame whose first two columns are the names, or
    an iterable of ``(a, b)`` pairs. Pairs naming a name absent from the
    column are ignored; a pair in both raises ``ValueError``.

    **Records.** Given any of ``id_col`` (strings or integers),
    ``birth_date_col`` (printed dates, dates or years), ``countries_col`` (a
    string, several split on ``;`` or ``|``, or an array of strings) and
    ``gender_col``, each row is the record
    ``Record(name, id=..., birth_date=..., countries=..., gender=...)`` (a
    null is an absent field), and the columns are those of the entity that
    :func:`aliaskit.cluster` gives that record: namesakes told apart by
    their evidence get different ids. A missing column raises
    ``ValueError``, a column of the wrong type ``TypeError``; a value a
    record cannot hold, or one id on two different records, raises
    ``ValueError`` before the names are resolved. Judgements cannot be
    combined with records (``ValueError``).

    The result is lazy, but finding the components runs Spark jobs (and
    checkpoints) when ``resolve`` is called.
    """
    _require_pyspark()
    _check_args(df, name_col, threshold, [entity_col, canonical_col])
    fields = {
        "id": id_col,
        "birth_date": birth_date_col,
        "countries": countries_col,
        "gender": gender_col,
    }
    columns = {field: col for field, col in fields.items() if col is not None}
    if columns:
        check_record_columns(df, columns)
        if must_link is not None or cannot_link is not None:
            raise ValueError("must_link and cannot_link cannot be combined with record columns")
        out = (entity_col, canonical_col)
        return resolve_records(df, name_col, columns, float(threshold), out, checkpoint)
    mapping = pipeline(df, name_col, float(threshold), must_link, cannot_link, checkpoint)
    renamed = mapping.toDF(name_col, entity_col, canonical_col)
    joined = df.join(renamed, on=name_col, how="left")
    return joined.select(*df.columns, entity_col, canonical_col)
