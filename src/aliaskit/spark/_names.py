"""The name stages of :func:`aliaskit.spark.resolve`: parse, pair, score and
cluster the distinct names of a column (see :mod:`aliaskit.spark`).

:func:`name_stages` gives the parses, the scored pairs and each name's
final cluster; :func:`pipeline` adds the entity of each cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from aliaskit.resolver import MUST_SCORE, WEAK_LINK
from aliaskit.spark import _rows
from aliaskit.spark._components import components
from aliaskit.spark._pairs import candidate_pairs

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = [
    "BAND_CUTS",
    "STEPS",
    "Materialize",
    "NameStages",
    "bucketed",
    "checkpoint",
    "cogrouped",
    "mentions",
    "name_stages",
    "pipeline",
    "with_component",
]

_SCORED = ("a", "b", "score", "conflict", "link")


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
        judged.append(must.select("a", "b", sf.lit(MUST_SCORE), sf.lit(False), sf.lit(True)))
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


def with_component(edges: DataFrame, comps: DataFrame) -> DataFrame:
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


#: Called after each step with its name and result; returns what the next step uses.
Materialize = Callable[[str, "DataFrame"], "DataFrame"]
#: The steps, in order, as passed to a :data:`Materialize` hook.
STEPS = (
    "keys",
    "pairs",
    "scores",
    "band 1 components",
    "band 1 groups",
    "band 2 components",
    "band 2 groups",
    "band 3 components",
    "band 3 groups",
    "placement",
    "weak components",
    "weak groups",
    "entities",
)


def checkpoint(step: str, frame: DataFrame) -> DataFrame:
    """Checkpoint the results that are used more than once; leave the rest lazy."""
    return frame if step in ("pairs", "entities") else frame.localCheckpoint()


def bucketed(
    spark: SparkSession,
    comps: DataFrame,
    scored: DataFrame,
    work: Callable[..., object],
    *,
    schema: str = _rows.CLUSTERED_SCHEMA,
    extra: tuple[str, ...] = (),
) -> DataFrame:
    """Run ``work(names, edges)`` on every component, components grouped into buckets.

    ``comps`` holds ``name`` and ``comp`` (and the ``extra`` columns handed on).
    """
    members = comps.select("name", *extra, "comp")
    pairs = with_component(scored, comps.select("name", "comp"))
    edges = pairs.select("a", "b", "score", "conflict", "comp")
    return cogrouped(spark, members, edges, work, schema)


def cogrouped(
    spark: SparkSession,
    members: DataFrame,
    edges: DataFrame,
    work: Callable[..., object],
    schema: str,
) -> DataFrame:
    """Run ``work(members, edges)`` (pandas frames) on buckets of components: both
    frames hold a ``comp`` column, hashed into ``spark.sql.shuffle.partitions`` buckets."""
    from pyspark.sql import functions as sf

    buckets = int(spark.conf.get("spark.sql.shuffle.partitions") or "200")
    bucket = sf.pmod(sf.xxhash64("comp"), sf.lit(buckets)).alias("bucket")
    # Fresh aliases: both sides of the cogroup may descend from one frame.
    left = members.select(*(sf.col(c).alias(c) for c in members.columns), bucket)
    right = edges.select(*edges.columns, bucket)
    return left.groupBy("bucket").cogroup(right.groupBy("bucket")).applyInPandas(work, schema)


#: Score cuts of the first stage's bands (see :func:`_full_groups`).
BAND_CUTS = (1.5, 0.9)


def _bands(threshold: float) -> list[tuple[float, float | None]]:
    """``(floor, below)`` of each band, strongest first, down to ``threshold``."""
    cuts = [c for c in BAND_CUTS if c > threshold]
    floors = [*cuts, threshold]
    return list(zip(floors, [None, *cuts], strict=True))


def _full_groups(
    spark: SparkSession,
    full: DataFrame,
    links: DataFrame,
    scored: DataFrame,
    threshold: float,
    materialize: Materialize,
) -> DataFrame:
    """``(name, group)`` of the full names: the first stage, one score band at a time.

    The strongest-first pass is run on identical forms (2.0) first, then on
    links of 0.9 and up, then on the rest down to the threshold, each band
    over the components of its own links between the groups so far
    (:func:`aliaskit.resolver.greedy_band`). The groups are those of one pass
    over each whole component, but no task holds a giant component's work:
    most of it is done in the small components of the strong bands.
    """
    from pyspark.sql import functions as sf

    groups = full.select("name", sf.col("name").alias("root"), sf.lit(0).alias("pos"))
    for k, (floor, below) in enumerate(_bands(threshold), start=1):
        band = links.where(sf.col("score") >= floor)
        if below is not None:
            band = band.where(sf.col("score") < below)
        roots = groups.select("name", "root")
        between = (
            band.select("a", "b")
            .join(roots.select(sf.col("name").alias("a"), sf.col("root").alias("ra")), on="a")
            .join(roots.select(sf.col("name").alias("b"), sf.col("root").alias("rb")), on="b")
            .where(sf.col("ra") != sf.col("rb"))
            .select(sf.col("ra").alias("a"), sf.col("rb").alias("b"))
        )
        busy = between.select(sf.col("a").alias("name")).union(
            between.select(sf.col("b").alias("name"))
        )
        comps = components(busy.distinct(), between)
        members = groups.join(comps.select(sf.col("name").alias("root"), "comp"), on="root")
        members = materialize(f"band {k} components", members)
        work = partial(_rows.band_bucket, floor=floor, below=below, threshold=threshold)
        banded = bucketed(
            spark, members, scored, work, schema=_rows.BANDED_SCHEMA, extra=("root", "pos")
        )
        rest = groups.join(members.select("name"), on="name", how="left_anti")
        groups = materialize(f"band {k} groups", rest.unionByName(banded))
    return groups.select("name", sf.concat(sf.lit("full:"), sf.col("root")).alias("group"))


def _among(edges: DataFrame, names: DataFrame) -> DataFrame:
    """Edges whose two names are both in ``names``."""
    return edges.join(names.withColumnRenamed("name", "a"), on="a", how="left_semi").join(
        names.withColumnRenamed("name", "b"), on="b", how="left_semi"
    )


def _placement(scored: DataFrame, weak: DataFrame, full_groups: DataFrame) -> DataFrame:
    """``(name, group)`` of each weak name that links one compatible full group only."""
    from pyspark.sql import functions as sf

    sides = []
    for w, f in (("a", "b"), ("b", "a")):
        sides.append(
            scored.join(weak.withColumnRenamed("name", w), on=w, how="left_semi").select(
                sf.col(w).alias("name"), sf.col(f).alias("full"), "score", "conflict"
            )
        )
    touching = (
        sides[0]
        .unionByName(sides[1])
        .join(full_groups.select(sf.col("name").alias("full"), "group"), on="full")
    )
    linked = touching.where(~sf.col("conflict") & (sf.col("score") >= WEAK_LINK))
    blocked = touching.where(sf.col("conflict")).select("name", "group")
    ok = linked.select("name", "group").distinct().join(blocked, ["name", "group"], "left_anti")
    return (
        ok.groupBy("name")
        .agg(sf.count("*").alias("n"), sf.min("group").alias("group"))
        .where(sf.col("n") == 1)
        .select("name", "group")
    )


class NameStages(NamedTuple):
    """What the name stages give: the parsed names (:data:`~aliaskit.spark._rows.PARSED_SCHEMA`),
    their scored pairs (:data:`~aliaskit.spark._rows.SCORED_SCHEMA`) and the final
    cluster of each name (``name``, ``comp``: a label of the cluster)."""

    parsed: DataFrame
    scored: DataFrame
    clusters: DataFrame


def pipeline(
    df: DataFrame,
    name_col: str,
    threshold: float,
    must_link: DataFrame | Iterable[tuple[str, str]] | None,
    cannot_link: DataFrame | Iterable[tuple[str, str]] | None,
    materialize: Materialize,
) -> DataFrame:
    """``(name, entity_id, canonical)`` for every distinct resolvable name of ``name_col``,
    its canonical name weighed by how many rows hold each name (:func:`mentions`)."""
    stages = name_stages(df, name_col, threshold, must_link, cannot_link, materialize)
    members = stages.clusters.join(mentions(df, name_col), on="name")
    entities = bucketed(
        df.sparkSession, members, stages.scored, _rows.entity_bucket, extra=("mentions",)
    )
    return materialize("entities", entities)


def mentions(df: DataFrame, name_col: str) -> DataFrame:
    """``(name, mentions)``: how many rows hold each name of ``name_col`` (not null),
    as :func:`aliaskit.cluster` counts a name given once a row."""
    from pyspark.sql import functions as sf

    names = df.select(sf.col(name_col).alias("name")).where(sf.col("name").isNotNull())
    return names.groupBy("name").agg(sf.count("*").alias("mentions"))


def name_stages(
    df: DataFrame,
    name_col: str,
    threshold: float,
    must_link: DataFrame | Iterable[tuple[str, str]] | None,
    cannot_link: DataFrame | Iterable[tuple[str, str]] | None,
    materialize: Materialize,
) -> NameStages:
    """The parses, scored pairs and final clusters of the distinct names of ``name_col``
    (the steps of :data:`STEPS` up to the entities)."""
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
    group = partial(_rows.cluster_bucket, threshold=threshold)
    strong = scored.where(sf.col("link") & (sf.col("score") >= threshold))
    # Stage 1: full names, in components of links at the threshold.
    full = parsed.where(~sf.col("weak")).select("name")
    full_groups = _full_groups(spark, full, _among(strong, full), scored, threshold, materialize)
    # Stage 2: each weak name joins its one compatible full group, if any.
    weak = parsed.where(sf.col("weak")).select("name")
    placed = materialize("placement", _placement(scored, weak, full_groups))
    # Stage 3: the other weak names group among themselves.
    loose = weak.join(placed, on="name", how="left_anti")
    loose_comps = materialize("weak components", components(loose, _among(strong, loose)))
    loose_groups = bucketed(spark, loose_comps, scored, group)
    loose_groups = materialize(
        "weak groups", loose_groups.select("name", sf.col("entity_id").alias("group"))
    )
    # Stage 4: must-links (user merges, identical normalised forms) join groups.
    base = full_groups.unionByName(placed).unionByName(loose_groups)
    forced = scored.where(sf.col("score") == MUST_SCORE).select("a", "b")
    joins = (
        forced.join(base.select(sf.col("name").alias("a"), sf.col("group").alias("ga")), on="a")
        .join(base.select(sf.col("name").alias("b"), sf.col("group").alias("gb")), on="b")
        .where(sf.col("ga") != sf.col("gb"))
        .select(sf.col("ga").alias("a"), sf.col("gb").alias("b"))
    )
    groups = base.select(sf.col("group").alias("name")).distinct()
    final = components(groups, joins).select(sf.col("name").alias("group"), "comp")
    clusters = base.join(final, on="group").select("name", "comp")
    return NameStages(parsed, scored, clusters)
