"""Alias resolution on Apache Spark: :func:`resolve` adds entity columns to a DataFrame.

The result is the one :func:`aliaskit.cluster` gives for the distinct
names of the column (same entities, ids and canonical names), computed in
the same steps, each distributed:

1. **Parse** each distinct name once (``mapInPandas``): normalised form,
   block keys and given-name keys. Names with no letters or digits are
   skipped and get null columns.
2. **Candidate pairs** (:mod:`aliaskit.spark._pairs`): a self-join on block
   key, on (block key, given-name key) in blocks over their
   :func:`~aliaskit.blocking.block_limit`, and on the normalised form.
3. **Scoring** each pair with :func:`aliaskit.compare.score_pair`
   (``mapInPandas``). User judgements override the score of their pair:
   a must-link scores 2.0, a cannot-link is a conflict.
4. **Connected components** of the links that can put two names in one
   entity (no conflict and a score of at least the threshold, or of at
   least :data:`aliaskit.resolver.WEAK_LINK` when one name is weak, or a
   must-link), by large-star / small-star iteration
   (:mod:`aliaskit.spark._components`).
5. **Clustering** each component with all of its scored pairs (conflicts
   and low scores included) by :func:`aliaskit.resolver.cluster_scored`,
   components grouped into buckets (``cogroup`` + ``applyInPandas``).

Why these links only: :class:`~aliaskit.Resolver` joins names only along
them (full names through a link of at least the threshold, a weak name
through a link of at least ``WEAK_LINK``, must-links scored 2.0), and
consults a conflict or another score only between two groups it is about
to join, which are then in one component. Clustering the components apart
therefore gives the same entities. Counting conflicts as links would join
the relatives and namesakes of whole surname networks into one giant
component (most of the names of the synthetic workload). Each component
is clustered in one Python worker.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.resolver import _MUST
from aliaskit.spark import _rows
from aliaskit.spark._components import components
from aliaskit.spark._pairs import candidate_pairs

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["resolve"]

_SCORED = ("a", "b", "score", "conflict", "link")

_EXTRA = 'aliaskit.spark needs pyspark, pyarrow and pandas: pip install "aliaskit[spark]"'


def _require_pyspark() -> None:
    for module in ("pyspark", "pyarrow", "pandas"):
        try:
            importlib.import_module(module)
        except ImportError as err:
            raise ImportError(f"{_EXTRA} ({err})") from err


def _judgement_pairs(
    spark: SparkSession, given: DataFrame | Iterable[tuple[str, str]], known: DataFrame
) -> DataFrame:
    """Distinct ``(a, b)``, ``a < b``, of two different names that were resolved."""
    from pyspark.sql import DataFrame
    from pyspark.sql import functions as sf

    if isinstance(given, DataFrame):
        first, second = given.columns[:2]
        frame = given.select(sf.col(first).alias("x"), sf.col(second).alias("y"))
    else:
        frame = spark.createDataFrame([tuple(p) for p in given], "x string, y string")
    pairs = frame.where(sf.col("x") != sf.col("y")).select(
        sf.least("x", "y").alias("a"), sf.greatest("x", "y").alias("b")
    )
    names = known.select("name")
    return (
        pairs.join(names.withColumnRenamed("name", "a"), on="a", how="left_semi")
        .join(names.withColumnRenamed("name", "b"), on="b", how="left_semi")
        .distinct()
    )


def _apply_judgements(
    scored: DataFrame, must: DataFrame | None, cannot: DataFrame | None
) -> DataFrame:
    """Override the scores of judged pairs (and add judged pairs blocking missed)."""
    from pyspark.sql import functions as sf

    judged = []
    if must is not None:
        judged.append(must.select("a", "b", sf.lit(_MUST), sf.lit(False), sf.lit(True)))
    if cannot is not None:
        judged.append(cannot.select("a", "b", sf.lit(0.0), sf.lit(True), sf.lit(False)))
    if not judged:
        return scored
    if must is not None and cannot is not None:
        both = must.join(cannot, on=["a", "b"]).limit(1).collect()
        if both:
            a, b = both[0]
            raise ValueError(f"pair is both a must-link and a cannot-link: {a!r}, {b!r}")
    overrides = judged[0].toDF(*_SCORED)
    for more in judged[1:]:
        overrides = overrides.unionByName(more.toDF(*_SCORED))
    return scored.join(overrides, on=["a", "b"], how="left_anti").unionByName(overrides)


def _with_component(edges: DataFrame, comps: DataFrame) -> DataFrame:
    """Edges whose two names are in one component, with its ``comp``."""
    from pyspark.sql import functions as sf

    ca = comps.select(sf.col("name").alias("a"), sf.col("comp"))
    cb = comps.select(sf.col("name").alias("b"), sf.col("comp").alias("comp_b"))
    return (
        edges.join(ca, on="a")
        .join(cb, on="b")
        .where(sf.col("comp") == sf.col("comp_b"))
        .drop("comp_b")
    )


def _check_args(df: DataFrame, name_col: str, threshold: float, out_cols: list[str]) -> None:
    from pyspark.sql.types import StringType

    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
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
) -> DataFrame:
    """``df`` with ``entity_col`` and ``canonical_col`` added, resolving ``name_col``.

    Equal to :func:`aliaskit.cluster` on the distinct names of the column
    (and to a :class:`~aliaskit.Resolver` given the same ``merge`` and
    ``split`` judgements). Rows whose name is null or holds no letters or
    digits get nulls.

    ``must_link`` and ``cannot_link`` are pairs of names judged the same or
    different people: a DataFrame whose first two columns are the names, or
    an iterable of ``(a, b)`` pairs. Pairs naming a name absent from the
    column are ignored; a pair in both raises ``ValueError``.

    The result is lazy, but finding the components runs Spark jobs (and
    checkpoints) when ``resolve`` is called.
    """
    _require_pyspark()
    _check_args(df, name_col, threshold, [entity_col, canonical_col])
    mapping = _pipeline(df, name_col, float(threshold), must_link, cannot_link, _checkpoint)
    renamed = mapping.toDF(name_col, entity_col, canonical_col)
    joined = df.join(renamed, on=name_col, how="left")
    return joined.select(*df.columns, entity_col, canonical_col)


#: Called after each step with its name and result; returns what the next step uses.
Materialize = Callable[[str, "DataFrame"], "DataFrame"]
#: The steps, in order, as passed to a :data:`Materialize` hook.
STEPS = ("keys", "pairs", "scores", "components", "clusters")


def _checkpoint(step: str, frame: DataFrame) -> DataFrame:
    """Checkpoint the results that are used more than once; leave the rest lazy."""
    return frame if step in ("pairs", "clusters") else frame.localCheckpoint()


def _pipeline(
    df: DataFrame,
    name_col: str,
    threshold: float,
    must_link: DataFrame | Iterable[tuple[str, str]] | None,
    cannot_link: DataFrame | Iterable[tuple[str, str]] | None,
    materialize: Materialize,
) -> DataFrame:
    """``(name, entity_id, canonical)`` for every distinct resolvable name of ``name_col``."""
    from pyspark.sql import functions as sf

    spark = df.sparkSession
    names = df.select(sf.col(name_col).alias("name")).where(sf.col("name").isNotNull()).distinct()
    parsed = materialize("keys", names.mapInPandas(_rows.parse_rows, _rows.PARSED_SCHEMA))
    pairs = materialize("pairs", candidate_pairs(parsed))
    scoring = partial(_rows.score_rows, threshold=threshold)
    scored = pairs.mapInPandas(scoring, _rows.SCORED_SCHEMA)
    must = None if must_link is None else _judgement_pairs(spark, must_link, parsed)
    cannot = None if cannot_link is None else _judgement_pairs(spark, cannot_link, parsed)
    scored = materialize("scores", _apply_judgements(scored, must, cannot))
    links = scored.where(sf.col("link"))
    comps = materialize("components", components(parsed, links))
    buckets = int(spark.conf.get("spark.sql.shuffle.partitions") or "200")
    bucket = sf.pmod(sf.xxhash64("comp"), sf.lit(buckets)).alias("bucket")
    # Fresh aliases: both sides of the cogroup descend from ``comps``.
    members = comps.select(sf.col("name").alias("name"), sf.col("comp").alias("comp"), bucket)
    edges = _with_component(scored, comps).select("a", "b", "score", "conflict", "comp", bucket)
    clustered = (
        members.groupBy("bucket")
        .cogroup(edges.groupBy("bucket"))
        .applyInPandas(partial(_rows.cluster_bucket, threshold=threshold), _rows.CLUSTERED_SCHEMA)
    )
    return materialize("clusters", clustered)
