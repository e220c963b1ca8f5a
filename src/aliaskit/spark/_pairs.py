"""Candidate pairs on DataFrames, with the semantics of :class:`aliaskit.blocking.BlockIndex`.

Input: the parsed names (``name``, ``norm``, ``bkeys``, ``gkeys``). Two names
are a candidate pair when they share a block key, except in a block of
more than :data:`~aliaskit.blocking.MAX_BLOCK` names, where they must also
share a given-name key (or one of them has the wildcard ``"*"``). Two names
with the same normalised form are always a pair. Pairs come out once, as
``(a, b)`` with ``a < b`` (Spark compares strings by code point, as Python).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aliaskit.blocking import _ANY_GIVEN, MAX_BLOCK

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

__all__ = ["candidate_pairs"]


def _ordered(x: Column, y: Column) -> list[Column]:
    from pyspark.sql import functions as sf

    return [sf.least(x, y).alias("a"), sf.greatest(x, y).alias("b")]


def _self_pairs(rows: DataFrame, on: list[str]) -> DataFrame:
    """Pairs of distinct names that agree on the ``on`` columns."""
    from pyspark.sql import functions as sf

    x = rows.select(*on, sf.col("name").alias("a"))
    y = rows.select(*on, sf.col("name").alias("b"))
    return x.join(y, on=on).where(sf.col("a") < sf.col("b")).select("a", "b")


def candidate_pairs(parsed: DataFrame) -> DataFrame:
    """The distinct candidate pairs ``(a, b)`` of the parsed names."""
    from pyspark.sql import functions as sf

    keyed = parsed.select("name", "gkeys", sf.explode("bkeys").alias("key"))
    sizes = keyed.groupBy("key").agg(sf.count("*").alias("size"))
    keyed = keyed.join(sizes, on="key")
    small = keyed.where(sf.col("size") <= MAX_BLOCK)
    big = keyed.where(sf.col("size") > MAX_BLOCK)
    sub = big.select("key", "name", sf.explode("gkeys").alias("given"))
    wild = sub.where(sf.col("given") == _ANY_GIVEN).select("key", sf.col("name").alias("w"))
    everyone = big.select("key", sf.col("name").alias("m"))
    wild_pairs = (
        wild.join(everyone, on="key")
        .where(sf.col("w") != sf.col("m"))
        .select(*_ordered(sf.col("w"), sf.col("m")))
    )
    return (
        _self_pairs(small, ["key"])
        .unionByName(_self_pairs(sub.where(sf.col("given") != _ANY_GIVEN), ["key", "given"]))
        .unionByName(wild_pairs)
        .unionByName(_self_pairs(parsed, ["norm"]))
        .distinct()
    )
