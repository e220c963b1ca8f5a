"""Candidate pairs on DataFrames, with the semantics of :class:`aliaskit.blocking.BlockIndex`.

Input: the parsed names (``name``, ``norm``, ``bkeys``, ``blimits``,
``gkeys``). Two names are a candidate pair when they share a block key,
except in a block of more than :func:`~aliaskit.blocking.block_limit` names
(computed per key while parsing, in ``blimits``), where their given-name
keys must also *meet* (:func:`aliaskit.blocking.meets`, written here as a
column expression): a shared key other than an initial (``L:``) or, for
keys that meet only another kind (``H:`` begins ``K:``, ``Q:`` meets ``P:``),
its partner; or, for a
name with no given part (``"*"``) or only an initial (``"!"``), the rule of
``meets`` against every member of the block. An oversized near-key block
(``NEAR_PREFIX``) yields no pairs. Two names
with the same normalised form are always a pair. Pairs come out once, as
``(a, b)`` with ``a < b`` (Spark compares strings by code point, as Python).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aliaskit.blocking import _ANY_GIVEN, _INITIAL_ONLY, _MEETS_ONLY, NEAR_PREFIX

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

__all__ = ["candidate_pairs"]


def _ordered(x: Column, y: Column) -> list[Column]:
    from pyspark.sql import functions as sf

    return [sf.least(x, y).alias("a"), sf.greatest(x, y).alias("b")]


def _meets(a: Column, b: Column) -> Column:
    """:func:`aliaskit.blocking.meets` on two array columns of given-name keys."""
    from pyspark.sql import functions as sf

    shared = sf.array_intersect(a, b)
    full_key = sf.exists(shared, lambda k: ~k.startswith("L:"))
    initial_only = sf.array_contains(a, _INITIAL_ONLY) | sf.array_contains(b, _INITIAL_ONLY)
    anyone = sf.array_contains(a, _ANY_GIVEN) | sf.array_contains(b, _ANY_GIVEN)
    return anyone | ((sf.size(shared) > 0) & (initial_only | full_key))


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
    # An oversized near-key block yields no pairs (aliaskit.blocking.NEAR_PREFIX).
    big = keyed.where((sf.col("size") > sf.col("limit")) & ~sf.col("key").startswith(NEAR_PREFIX))
    loose_given = sf.array_contains("gkeys", _ANY_GIVEN) | sf.array_contains("gkeys", _INITIAL_ONLY)
    sub = (
        big.where(~loose_given)
        .select("key", "name", sf.explode("gkeys").alias("given"))
        .where(~sf.col("given").startswith("L:"))
    )
    loose = big.where(loose_given).select(
        "key", sf.col("name").alias("w"), sf.col("gkeys").alias("gw")
    )
    everyone = big.select("key", sf.col("name").alias("m"), sf.col("gkeys").alias("gm"))
    loose_pairs = (
        loose.join(everyone, on="key")
        .where((sf.col("w") != sf.col("m")) & _meets(sf.col("gw"), sf.col("gm")))
        .select(*_ordered(sf.col("w"), sf.col("m")))
    )
    # Keys that meet only another kind (aliaskit.blocking._MEETS_ONLY): H:x meets K:x.
    kind = sf.substring("given", 1, 2)
    one_way = kind.isin(*_MEETS_ONLY)
    target = sf.concat(
        sf.create_map(*[sf.lit(v) for kv in _MEETS_ONLY.items() for v in kv])[kind],
        sf.expr("substring(given, 3)"),
    )
    starts = sub.where(one_way).select("key", sf.col("name").alias("x"), target.alias("given"))
    ends = sub.select("key", sf.col("name").alias("y"), "given")
    one_way_pairs = (
        starts.join(ends, on=["key", "given"])
        .where(sf.col("x") != sf.col("y"))
        .select(*_ordered(sf.col("x"), sf.col("y")))
    )
    return (
        _self_pairs(small, ["key"])
        .unionByName(_self_pairs(sub.where(~one_way), ["key", "given"]))
        .unionByName(one_way_pairs)
        .unionByName(loose_pairs)
        .unionByName(_self_pairs(parsed, ["norm"]))
        .distinct()
    )
