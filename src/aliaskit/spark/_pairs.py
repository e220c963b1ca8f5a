"""Candidate pairs on DataFrames, with the semantics of :class:`aliaskit.blocking.BlockIndex`.

Input: the parsed names (``name``, ``norm``, ``bkeys``, ``blimits``,
``gkeys``). Two names are a candidate pair when they share a block key,
except in a block of more than :func:`~aliaskit.blocking.block_limit` names
(computed per key while parsing, in ``blimits``), where they must also
share a given-name key (or one of them has the wildcard ``"*"``). Two names
with the same normalised form are always a pair. Pairs come out once, as
``(a, b)`` with ``a < b`` (Spark compares strings by code point, as Python).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aliaskit.blocking import _ANY_GIVEN

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

    block = sf.explode(sf.arrays_zip("bkeys", "blimits")).alias("block")
    keyed = parsed.select("name", "gkeys", block).select(
        "name", "gkeys", sf.col("block.bkeys").alias("key"), sf.col("block.blimits").alias("limit")
    )
    sizes = keyed.groupBy("key").agg(sf.count("*").alias("size"))
    keyed = keyed.join(sizes, on="key")
    small = keyed.where(sf.col("size") <= sf.col("limit"))
    big = keyed.where(sf.col("size") > sf.col("limit"))
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
