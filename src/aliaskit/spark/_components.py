"""Connected components on DataFrames: the large-star / small-star iteration.

The algorithm of Kiveris et al., "Connected Components in MapReduce and
Beyond" (SoCC 2014), written from the paper. Edges are directed from a
larger to a smaller vertex (vertices are the name strings themselves).

* *Large star*: every vertex ``u`` links each neighbour larger than itself
  to the smallest vertex of its closed neighbourhood.
* *Small star*: every vertex ``u`` links itself and each neighbour smaller
  than itself to the smallest of those.

Both keep the components and make them shallower; the iteration stops when
every component is a star around its smallest vertex (no vertex is both a
child and a parent, and no child has two parents), which takes
O(log² n) rounds. Each round is checkpointed so the query plan does not grow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["MAX_ROUNDS", "components"]

#: A safety bound; real graphs converge in a handful of rounds.
MAX_ROUNDS = 100


def _large_star(edges: DataFrame) -> DataFrame:
    from pyspark.sql import functions as sf

    both = edges.unionByName(edges.select(sf.col("dst").alias("src"), sf.col("src").alias("dst")))
    low = both.groupBy("src").agg(sf.least(sf.min("dst"), sf.col("src")).alias("low"))
    return (
        both.where(sf.col("dst") > sf.col("src"))
        .join(low, on="src")
        .select(sf.col("dst").alias("src"), sf.col("low").alias("dst"))
        .distinct()
    )


def _small_star(edges: DataFrame) -> DataFrame:
    from pyspark.sql import functions as sf

    low = edges.groupBy("src").agg(sf.min("dst").alias("low"))
    children = edges.join(low, on="src").select(sf.col("dst").alias("src"), "low")
    return (
        children.unionByName(low)
        .where(sf.col("src") != sf.col("low"))
        .select("src", sf.col("low").alias("dst"))
        .distinct()
    )


def _is_star_forest(edges: DataFrame) -> bool:
    from pyspark.sql import functions as sf

    parents = edges.select(sf.col("dst").alias("src")).distinct()
    if not edges.join(parents, on="src", how="left_semi").isEmpty():
        return False
    return edges.groupBy("src").count().where(sf.col("count") > 1).isEmpty()


def components(vertices: DataFrame, links: DataFrame) -> DataFrame:
    """``(name, comp)`` for every vertex ``name``: ``comp`` is its component's smallest name.

    ``vertices`` has a ``name`` column; ``links`` has ``a`` and ``b``.
    """
    from pyspark.sql import functions as sf

    edges = (
        links.where(sf.col("a") != sf.col("b"))
        .select(
            sf.greatest("a", "b").alias("src"),
            sf.least("a", "b").alias("dst"),
        )
        .distinct()
        .localCheckpoint()
    )
    for _ in range(MAX_ROUNDS):
        if _is_star_forest(edges):
            break
        edges = _small_star(_large_star(edges)).localCheckpoint()
    else:
        raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")
    labels = edges.select(sf.col("src").alias("name"), sf.col("dst").alias("comp"))
    return (
        vertices.select("name")
        .join(labels, on="name", how="left")
        .select("name", sf.coalesce("comp", "name").alias("comp"))
    )
