"""Candidate pairs on DataFrames, with the semantics of :class:`aliaskit.blocking.BlockIndex`.

Input: the parsed names (``name``, ``norm``, ``bkeys``, ``blimits``,
``gkeys``, ``skeys``). Two names are a candidate pair when they share a
block key. A block of more than :func:`~aliaskit.blocking.block_limit` names
(computed per key while parsing, in ``blimits``) pairs only names joined by a
*route* of their given-name keys (``gkeys``), as :mod:`aliaskit.blocking`
splits it:

1. a shared key other than an initial (``L:``), of a kind that meets itself
   (the initial-only marker ``"!"`` included, so initial-only names meet each
   other); the route holds the members with that key;
2. a key that meets only another kind (:data:`~aliaskit.blocking.MEETS_ONLY`:
   ``H:`` begins ``K:``, ``Q:`` meets ``P:``) and its partner; the route holds
   the members with either key, counted once per key;
3. an initial-only name and a member with its initial (``L:``); the route
   holds the members with that initial.

A route of at most :data:`~aliaskit.blocking.MAX_GIVEN_GROUP` names pairs
all its pairs; a larger one only those whose second keys (``skeys``:
patronymic and middle names) meet too, by the rule of
:func:`~aliaskit.blocking.meets` except that two initial-only second names
meet only through the same initial (:func:`_meets_second`, a column
expression). A pair is a candidate when any route admits it. A name with no
given part (``"*"``) pairs with every member of the block. An oversized
near-key block (``NEAR_PREFIX``) yields no pairs. Two names with the same
normalised form are always a pair. Pairs come out once, as ``(a, b)`` with
``a < b`` (Spark compares strings by code point, as Python).

The route limit is read on the driver when :func:`candidate_pairs` is called
(``aliaskit.blocking.MAX_GIVEN_GROUP`` unless given) and goes to Spark as a
literal; the block limits come with the parsed rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aliaskit import blocking
from aliaskit.blocking import ANY_GIVEN, INITIAL_ONLY, MEETS_ONLY, NEAR_PREFIX

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

__all__ = ["candidate_pairs"]

#: Both directions of MEETS_ONLY: the kind of key each kind meets besides its own.
_OTHER_KIND = [*MEETS_ONLY.items(), *((v, k) for k, v in MEETS_ONLY.items())]


def _ordered(x: Column, y: Column) -> list[Column]:
    from pyspark.sql import functions as sf

    return [sf.least(x, y).alias("a"), sf.greatest(x, y).alias("b")]


def _other_kind(key: Column) -> Column:
    """The key of the other kind that ``key`` meets (``H:x`` and ``K:x``, ``Q:x`` and
    ``P:x``, either way), or null for a key of any other kind."""
    from pyspark.sql import functions as sf

    kind, rest = key.substr(1, 2), key.substr(sf.lit(3), sf.length(key))
    (first, to), *others = _OTHER_KIND
    out = sf.when(kind == first, sf.concat(sf.lit(to), rest))
    for kind_from, kind_to in others:
        out = out.when(kind == kind_from, sf.concat(sf.lit(kind_to), rest))
    return out


def _meets_second(a: Column, b: Column) -> Column:
    """:func:`aliaskit.blocking.meets` on two array columns of second keys, except that
    two initial-only names meet only through a shared initial, not the ``"!"`` marker."""
    from pyspark.sql import functions as sf

    anyone = sf.array_contains(a, ANY_GIVEN) | sf.array_contains(b, ANY_GIVEN)
    initial_only = sf.array_contains(a, INITIAL_ONLY) | sf.array_contains(b, INITIAL_ONLY)
    shared_initial = sf.exists(sf.array_intersect(a, b), lambda k: k != INITIAL_ONLY)

    def partner_in_b(k: Column) -> Column:  # aliaskit.blocking.partners(k) meets b
        same = ~k.startswith("L:") & ~k.substr(1, 2).isin(*MEETS_ONLY) & sf.array_contains(b, k)
        return same | sf.coalesce(sf.array_contains(b, _other_kind(k)), sf.lit(False))

    return anyone | sf.when(initial_only, shared_initial).otherwise(sf.exists(a, partner_in_b))


def _self_pairs(rows: DataFrame, on: list[str], *keep: str) -> DataFrame:
    """Pairs of distinct names that agree on the ``on`` columns (with ``keep`` columns)."""
    from pyspark.sql import functions as sf

    x = rows.select(*on, *keep, sf.col("name").alias("a"))
    y = rows.select(*on, sf.col("name").alias("b"))
    return x.join(y, on=on).where(sf.col("a") < sf.col("b")).select("a", "b", *keep)


def _routed_pairs(big: DataFrame) -> DataFrame:
    """``(a, b, size)`` for every route joining two members of an oversized block.

    ``big`` holds ``(key, name, gkeys)`` for the members of oversized blocks;
    names with no given part are left out (they pair with everyone).
    """
    from pyspark.sql import functions as sf

    given = big.select(
        "key",
        "name",
        sf.array_contains("gkeys", INITIAL_ONLY).alias("initial_only"),
        sf.explode("gkeys").alias("given"),
    ).where(sf.col("given") != ANY_GIVEN)
    counts = given.groupBy("key", "given").agg(sf.count("*").alias("n"))
    given = given.join(counts, on=["key", "given"])
    kind = sf.substring("given", 1, 2)
    initial = sf.col("given").startswith("L:")
    one_way = kind.isin(*MEETS_ONLY)
    # 1. A shared key that meets itself ("!" too): the route is its members.
    shared = _self_pairs(given.where(~initial & ~one_way), ["key", "given"], "n")
    shared = shared.select("a", "b", sf.col("n").alias("size"))
    # 2. A key that meets only its partner of another kind: members with either.
    starts = given.where(one_way).select(
        "key",
        sf.col("name").alias("x"),
        _other_kind(sf.col("given")).alias("given"),
        sf.col("n").alias("nx"),
    )
    ends = given.select("key", sf.col("name").alias("y"), "given", sf.col("n").alias("ny"))
    crossed = (
        starts.join(ends, on=["key", "given"])
        .where(sf.col("x") != sf.col("y"))
        .select(*_ordered(sf.col("x"), sf.col("y")), (sf.col("nx") + sf.col("ny")).alias("size"))
    )
    # 3. An initial-only name and every member with its initial: members with it.
    letters = given.where(initial)
    lone = letters.where(sf.col("initial_only")).withColumnRenamed("name", "w")
    others = letters.select("key", "given", sf.col("name").alias("m"))
    by_initial = (
        lone.join(others, on=["key", "given"])
        .where(sf.col("w") != sf.col("m"))
        .select(*_ordered(sf.col("w"), sf.col("m")), sf.col("n").alias("size"))
    )
    return shared.unionByName(crossed).unionByName(by_initial)


def candidate_pairs(parsed: DataFrame, *, max_given_group: int | None = None) -> DataFrame:
    """The distinct candidate pairs ``(a, b)`` of the parsed names.

    ``max_given_group`` is the largest route of an oversized block that pairs
    whole (default: :data:`aliaskit.blocking.MAX_GIVEN_GROUP`, read now).
    """
    from pyspark.sql import functions as sf

    group_limit = blocking.MAX_GIVEN_GROUP if max_given_group is None else max_given_group
    block = sf.explode(sf.arrays_zip("bkeys", "blimits")).alias("block")
    keyed = parsed.select("name", "gkeys", block).select(
        "name", "gkeys", sf.col("block.bkeys").alias("key"), sf.col("block.blimits").alias("limit")
    )
    sizes = keyed.groupBy("key").agg(sf.count("*").alias("size"))
    keyed = keyed.join(sizes, on="key")
    small = keyed.where(sf.col("size") <= sf.col("limit"))
    # An oversized near-key block yields no pairs (aliaskit.blocking.NEAR_PREFIX).
    big = keyed.where((sf.col("size") > sf.col("limit")) & ~sf.col("key").startswith(NEAR_PREFIX))
    big = big.select("key", "name", "gkeys")
    # A name with no given part pairs with every member of its block.
    bare = big.where(sf.array_contains("gkeys", ANY_GIVEN)).select("key", sf.col("name").alias("w"))
    everyone = big.select("key", sf.col("name").alias("m"))
    bare_pairs = (
        bare.join(everyone, on="key")
        .where(sf.col("w") != sf.col("m"))
        .select(*_ordered(sf.col("w"), sf.col("m")))
    )
    # Each pair by its smallest route: whole if that is small, else by second keys.
    routed = _routed_pairs(big).groupBy("a", "b").agg(sf.min("size").alias("size"))
    whole = routed.where(sf.col("size") <= group_limit).select("a", "b")
    second = parsed.select("name", "skeys")
    split = (
        routed.where(sf.col("size") > group_limit)
        .join(second.select(sf.col("name").alias("a"), sf.col("skeys").alias("sa")), on="a")
        .join(second.select(sf.col("name").alias("b"), sf.col("skeys").alias("sb")), on="b")
        .where(_meets_second(sf.col("sa"), sf.col("sb")))
        .select("a", "b")
    )
    return (
        _self_pairs(small, ["key"])
        .unionByName(whole)
        .unionByName(split)
        .unionByName(bare_pairs)
        .unionByName(_self_pairs(parsed, ["norm"]))
        .distinct()
    )
