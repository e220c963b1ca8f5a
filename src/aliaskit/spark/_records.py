"""Records with evidence on Spark: :func:`aliaskit.spark.resolve` given record columns.

Each row is the record ``Record(name, id=..., birth_date=..., countries=...,
gender=...)``, and the result is the one :func:`aliaskit.cluster` gives for
the records (:func:`~aliaskit._records_batch.cluster_records`), in these steps:

1. **Records** (``mapInPandas`` on the distinct rows): each is built as a
   :class:`~aliaskit.Record`; a value it cannot hold, or one id on two
   records of different content, raises before any name is resolved.
2. **Names**: the name stages of :mod:`aliaskit.spark._names` give each
   name's cluster (labelled by its least name, as :func:`aliaskit.cluster`
   numbers clusters by their least name) and the scored pairs.
3. **Components of name clusters** that a shared full birth date may join:
   two clusters are linked by a pair of their names that scores, without a
   conflict, from ``max(SUPPORT_FLOOR, threshold - SAME_DATE_SUPPORT)`` up to
   1.0, the two names being on records that share a full birth date (the
   rule of :func:`~aliaskit._records_evidence.support_pairs`). Nothing joins
   records of two components, so each is clustered on its own.
4. **Kept scores**: the canonical name of a group of records weighs the
   scores :func:`aliaskit.cluster` keeps among its names
   (:func:`~aliaskit._resolver_graph.consulted_pairs`): every score from
   ``KEEP_SCORE`` up between two weak names; between two full names, only
   in one component of full-name links; between a weak and a full name, only
   when the weak name links that full name's component.
5. **Record entities** (``cogroup`` + ``applyInPandas`` on buckets of
   components): the records of each name cluster are split by evidence,
   parts are joined by shared dates, and entities take the id of their least
   record key (:mod:`aliaskit.spark._record_rows`). Ids that two entities
   share are then qualified by their evidence, over all components.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from aliaskit.compare._evidence import SAME_DATE_SUPPORT, SUPPORT_FLOOR
from aliaskit.resolver import KEEP_SCORE, WEAK_LINK
from aliaskit.spark import _record_rows
from aliaskit.spark._components import components
from aliaskit.spark._names import Materialize, cogrouped, mentions, name_stages

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame
    from pyspark.sql.types import DataType

__all__ = ["RECORD_STEPS", "check_record_columns", "resolve_records"]

#: The steps of the records path, besides those of the names, as passed to a
#: :data:`~aliaskit.spark._names.Materialize` hook.
RECORD_STEPS = ("records", "name clusters", "record components", "record entities")

#: What each field's column may hold, as said in errors.
_KINDS = {
    "id": "strings or integers",
    "birth_date": "strings, dates or integers (years)",
    "countries": "strings or arrays of strings",
    "gender": "strings",
}


def _accepts(field: str, kind: DataType) -> bool:
    from pyspark.sql import types as st

    if isinstance(kind, st.StringType):
        return True
    integral = isinstance(kind, st.ByteType | st.ShortType | st.IntegerType | st.LongType)
    if field == "id":
        return integral
    if field == "birth_date":
        return integral or isinstance(kind, st.DateType)
    if field == "countries":
        return isinstance(kind, st.ArrayType) and isinstance(kind.elementType, st.StringType)
    return False


def check_record_columns(df: DataFrame, columns: Mapping[str, str]) -> None:
    """Raise ``ValueError`` for a missing column, ``TypeError`` for one of a wrong type."""
    for field, col in columns.items():
        if col not in df.columns:
            raise ValueError(f"no {field} column {col!r} in the DataFrame (columns: {df.columns})")
        kind = df.schema[col].dataType
        if not _accepts(field, kind):
            raise TypeError(
                f"{field} column {col!r} must hold {_KINDS[field]}, not {kind.simpleString()}"
            )


def _evidence(columns: Mapping[str, str]) -> Column:
    """A row's evidence fields as a JSON object (null fields left out)."""
    from pyspark.sql import functions as sf

    return sf.to_json(sf.struct(*(sf.col(c).alias(f) for f, c in columns.items())))


def _fresh(taken: list[str], base: str = "_aliaskit_record") -> str:
    name = base
    while name in taken:
        name = f"_{name}"
    return name


def _raise_bad_rows(checked: DataFrame, columns: Mapping[str, str]) -> None:
    """Raise ``ValueError`` for the first bad value, else for the first id on two
    records of different content (one Spark job)."""
    from pyspark.sql import functions as sf

    by_id = checked.groupBy(sf.when(sf.col("has_id"), sf.col("key")).alias("id")).agg(
        sf.min("error").alias("error"), sf.countDistinct("name", "content").alias("n")
    )
    twice = sf.when(sf.col("id").isNotNull() & (sf.col("n") > 1), sf.col("id"))
    found = by_id.agg(sf.min("error"), sf.min(twice)).first()
    error, shared = (None, None) if found is None else found
    if error is not None:
        raise ValueError(error)
    if shared is not None:
        raise ValueError(
            f"id column {columns['id']!r}: record id {shared!r} is used by two different records"
        )


def _cluster_links(pairs: DataFrame, labels: DataFrame) -> DataFrame:
    """``(a, b)``: the labels of the clusters of two names of ``pairs``, when they differ."""
    from pyspark.sql import functions as sf

    return (
        pairs.join(labels.select(sf.col("name").alias("a"), sf.col("label").alias("la")), on="a")
        .join(labels.select(sf.col("name").alias("b"), sf.col("label").alias("lb")), on="b")
        .where(sf.col("la") != sf.col("lb"))
        .select(sf.col("la").alias("a"), sf.col("lb").alias("b"))
        .distinct()
    )


def _supported(scored: DataFrame, checked: DataFrame, threshold: float) -> DataFrame:
    """``(a, b)`` of the pairs a shared full birth date may lift to a match."""
    from pyspark.sql import functions as sf

    floor = max(SUPPORT_FLOOR, threshold - SAME_DATE_SUPPORT)
    days = checked.select("name", sf.explode("days").alias("day")).distinct()
    near = scored.where(~sf.col("conflict") & (sf.col("score") >= floor) & (sf.col("score") <= 1.0))
    return (
        near.select("a", "b")
        .join(days.withColumnRenamed("name", "a"), on="a")
        .join(days.withColumnRenamed("name", "b"), on=["b", "day"])
        .select("a", "b")
        .distinct()
    )


def _components_of_clusters(
    scored: DataFrame, checked: DataFrame, labels: DataFrame, threshold: float
) -> DataFrame:
    """``(label, comp, fcomp)`` of every cluster: ``comp``, its component of clusters
    a shared date may join (:func:`_supported`); ``fcomp``, the component of links
    between full names (from the threshold and ``WEAK_LINK`` up) that holds its full
    names, as :func:`~aliaskit._resolver_graph.consulted_pairs` finds it.

    A cluster's full names are in one such component (they were grouped along
    those links), so both are found over the clusters, in one run over the two
    graphs (their vertices told apart by a prefix)."""
    from pyspark.sql import functions as sf

    full = labels.where(~sf.col("weak"))
    strong = scored.where(
        ~sf.col("conflict") & (sf.col("score") >= max(threshold, WEAK_LINK, KEEP_SCORE))
    )
    graphs = {
        "s:": (_cluster_links(_supported(scored, checked, threshold), labels), labels),
        "f:": (_cluster_links(strong.select("a", "b"), full), full),
    }
    vertices, links = [], []
    for prefix, (between, members) in graphs.items():
        vertices.append(members.select(sf.concat(sf.lit(prefix), "label").alias("name")))
        links.append(
            between.select(
                sf.concat(sf.lit(prefix), "a").alias("a"), sf.concat(sf.lit(prefix), "b").alias("b")
            )
        )
    found = components(
        vertices[0].unionByName(vertices[1]).distinct(), links[0].unionByName(links[1])
    )
    label, comp = (sf.col(c).substr(sf.lit(3), sf.length(c)) for c in ("name", "comp"))
    kind = sf.col("name").substr(1, 2)
    comps = found.where(kind == "s:").select(label.alias("label"), comp.alias("comp"))
    fcomps = found.where(kind == "f:").select(label.alias("label"), comp.alias("fcomp"))
    return comps.join(fcomps, on="label", how="left").select(
        "label", "comp", sf.coalesce("fcomp", "label").alias("fcomp")
    )


def _side(info: DataFrame, side: str, *more: str) -> DataFrame:
    """A name's ``weak`` and ``fcomp`` (and the ``more`` columns) as one end of a pair:
    ``a`` with ``wa`` and ``fa``, or ``b`` with ``wb`` and ``fb``."""
    from pyspark.sql import functions as sf

    return info.select(
        sf.col("name").alias(side),
        sf.col("weak").alias(f"w{side}"),
        sf.col("fcomp").alias(f"f{side}"),
        *(sf.col(c).alias(f"{c}_{side}") for c in more),
    )


def _kept_edges(scored: DataFrame, info: DataFrame) -> DataFrame:
    """The scored pairs inside each component (``a, b, score, conflict, kept, comp``),
    ``kept`` marking the scores :func:`aliaskit.cluster` keeps for canonical names
    (:func:`~aliaskit._resolver_graph.consulted_pairs`). ``info`` holds each name's
    ``comp``, ``weak`` and ``fcomp`` (:func:`_components_of_clusters`)."""
    from pyspark.sql import functions as sf

    wa, wb = sf.col("wa"), sf.col("wb")
    weak_end = sf.when(wa, sf.col("a")).otherwise(sf.col("b")).alias("w")
    full_comp = sf.when(wa, sf.col("fb")).otherwise(sf.col("fa")).alias("fc")
    # A weak name reaches the full components it links from WEAK_LINK up.
    links = scored.where(~sf.col("conflict") & (sf.col("score") >= max(WEAK_LINK, KEEP_SCORE)))
    reach = (
        links.join(_side(info, "a"), on="a")
        .join(_side(info, "b"), on="b")
        .where(wa != wb)
        .select(weak_end, full_comp, sf.lit(True).alias("offered"))
        .distinct()
    )
    inside = (
        scored.join(_side(info, "a", "comp"), on="a")
        .join(_side(info, "b", "comp"), on="b")
        .where(sf.col("comp_a") == sf.col("comp_b"))
        .select("*", weak_end, full_comp)
        .join(reach, on=["w", "fc"], how="left")
    )
    scope = (
        (wa & wb)
        | (~wa & ~wb & (sf.col("fa") == sf.col("fb")))
        | ((wa != wb) & sf.coalesce(sf.col("offered"), sf.lit(False)))
    )
    kept = ~sf.col("conflict") & (sf.col("score") >= KEEP_SCORE) & scope
    return inside.select(
        "a", "b", "score", "conflict", kept.alias("kept"), sf.col("comp_a").alias("comp")
    )


def resolve_records(
    df: DataFrame,
    name_col: str,
    columns: Mapping[str, str],
    threshold: float,
    out: tuple[str, str],
    materialize: Materialize,
) -> DataFrame:
    """``df`` with the entity columns ``out`` of each row's record (see the module)."""
    from pyspark.sql import functions as sf

    spark = df.sparkSession
    raw_col = _fresh(df.columns)
    rows = (
        df.select(sf.col(name_col).alias("name"), _evidence(columns).alias("raw"))
        .where(sf.col("name").isNotNull())
        .distinct()
    )
    work = partial(_record_rows.record_rows, columns=dict(columns))
    checked = materialize("records", rows.mapInPandas(work, _record_rows.RECORDS_SCHEMA))
    _raise_bad_rows(checked, columns)

    parsed, scored, clusters = name_stages(df, name_col, threshold, None, None, materialize)
    least = clusters.groupBy("comp").agg(sf.min("name").alias("label"))
    labels = clusters.join(least, on="comp").join(parsed.select("name", "weak"), on="name")
    labels = materialize("name clusters", labels.select("name", "label", "weak"))
    # Clusters that a shared date may join, and the full components of kept scores.
    comps = _components_of_clusters(scored, checked, labels, threshold)
    info = labels.join(comps, on="label")
    info = materialize("record components", info.select("name", "label", "weak", "comp", "fcomp"))

    ids = parsed.select(sf.col("name").alias("key"), sf.lit(True).alias("is_name"))
    members = (
        checked.select("name", "raw", "key", "has_id")
        .join(info.select("name", "label", "comp"), on="name")
        .join(ids, on="key", how="left")
        .join(mentions(df, name_col), on="name")
        .select(
            "name",
            "raw",
            "label",
            (sf.col("has_id") & sf.coalesce(sf.col("is_name"), sf.lit(False))).alias("key_named"),
            "mentions",
            "comp",
        )
    )
    edges = _kept_edges(scored, info)
    bucket = partial(_record_rows.records_bucket, threshold=threshold)
    schema = _record_rows.RECORD_ENTITY_SCHEMA
    entities = materialize("record entities", cogrouped(spark, members, edges, bucket, schema))
    # An id two entities share (their least record key) is qualified by evidence.
    shared = entities.select("base_id", "tag").distinct().groupBy("base_id").count()
    final_id = sf.when(sf.col("count") > 1, sf.col("qualified_id")).otherwise(sf.col("base_id"))
    final = entities.join(shared, on="base_id").select(
        "name", "content", final_id.alias("entity_id"), "canonical"
    )
    mapping = (
        checked.select("name", "raw", "content")
        .join(final, on=["name", "content"])
        .select("name", "raw", "entity_id", "canonical")
        .toDF(name_col, raw_col, *out)
    )
    keyed = df.withColumn(raw_col, _evidence(columns))
    return keyed.join(mapping, on=[name_col, raw_col], how="left").select(*df.columns, *out)
