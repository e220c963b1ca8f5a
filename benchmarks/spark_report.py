"""Timings of :func:`aliaskit.spark.resolve` on the synthetic workload, and of ``cluster``.

``python -m benchmarks.spark_report [--mentions 100000] [--seed 0] [--master local[2]]``
generates the mentions (:mod:`benchmarks.workload`), resolves them on Spark
with every step materialised in turn, and prints the time of each step:

* ``keys``: distinct names, parsing, block and given-name keys;
* ``pairs``: block sizes and the candidate-pair self-joins;
* ``scores``: :func:`aliaskit.compare.score_pair` on every pair;
* ``band k components``: for each score band of the first stage, the
  large-star / small-star iteration over its links between the groups so far;
* ``band k groups``: :func:`aliaskit.resolver.greedy_band` per component;
* ``placement``, ``weak components``, ``weak groups``: the weak names;
* ``entities``: ids and canonical names per final cluster;
* ``attach``: joining entity columns back onto the mention rows;

then the component sizes (untimed), and (unless ``--no-memory``) the time of
:func:`aliaskit.cluster` on the same distinct names and whether the two
results agree. Not a pytest module: the run takes minutes.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import Counter
from typing import TYPE_CHECKING, Any

import aliaskit
from aliaskit.compare import DEFAULT_THRESHOLD
from aliaskit.spark import STEPS, _pipeline
from benchmarks.workload import generate

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def _session(master: str, partitions: int) -> SparkSession:
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master(master)
        .appName("aliaskit-spark-report")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "8g")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.default.parallelism", str(partitions))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


class _Clock:
    """A materialise hook: checkpoint each step, count it, and time it."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.times: dict[str, float] = {}
        self.rows: dict[str, int] = {}
        self.frames: dict[str, DataFrame] = {}

    def __call__(self, step: str, frame: DataFrame) -> DataFrame:
        out = frame.localCheckpoint()
        self.rows[step] = out.count()
        now = time.perf_counter()
        self.times[step] = now - self.last
        self.last = now
        self.frames[step] = out
        return out


def run_spark(spark: SparkSession, mentions: list[tuple[str, str]]) -> dict[str, Any]:
    """Resolve the mentions step by step; times, row counts, component sizes and the mapping."""
    from pyspark.sql import functions as sf

    df = spark.createDataFrame(mentions, "truth string, name string").repartition(
        spark.sparkContext.defaultParallelism
    )
    df = df.localCheckpoint()
    clock = _Clock()
    mapping = _pipeline(df, "name", DEFAULT_THRESHOLD, None, None, clock)
    start = time.perf_counter()
    attached = df.join(mapping, on="name", how="left").localCheckpoint()
    attached.count()
    clock.times["attach"] = time.perf_counter() - start
    largest = mapping.groupBy("entity_id").count().agg(sf.max("count")).first()
    sizes: dict[str, Counter[int]] = {}
    for step in (*(s for s in STEPS if s.endswith("components")),):
        if step not in clock.frames:
            continue
        comps = clock.frames[step].groupBy("comp").count()
        sizes[step] = Counter(dict(comps.groupBy("count").agg(sf.count("*")).collect()))
    return {
        "times": clock.times,
        "rows": clock.rows,
        "largest_entity": largest[0] if largest else 0,
        "component_sizes": sizes,
        "mapping": {r.name: (r.entity_id, r.canonical) for r in mapping.collect()},
    }


def main(argv: list[str] | None = None) -> int:
    """Print the Spark step timings and the in-memory comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--no-memory", action="store_true", help="skip aliaskit.cluster")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")

    mentions = generate(args.mentions, args.seed)
    names = sorted({name for _, name in mentions})
    print(f"{args.mentions:,} mentions, {len(names):,} distinct names, master {args.master}")
    spark = _session(args.master, args.partitions)
    result = run_spark(spark, mentions)
    total = sum(result["times"].values())
    for step in (*STEPS, "attach"):
        if step not in result["times"]:
            continue
        rows = result["rows"].get(step)
        note = f"{rows:>12,} rows" if rows is not None else ""
        print(f"  {step:<16} {result['times'][step]:8.1f} s  {note}")
    print(f"  {'total':<16} {total:8.1f} s")
    for step, sizes in result["component_sizes"].items():
        print(f"{step}: {sum(sizes.values()):,}; largest {max(sizes, default=0)} names")
        print("  size: count " + ", ".join(f"{s}: {n:,}" for s, n in sorted(sizes.items())[-8:]))
    print(f"largest entity: {result['largest_entity']} names")
    if not args.no_memory:
        start = time.perf_counter()
        entities = aliaskit.cluster(names)
        elapsed = time.perf_counter() - start
        want = {a: (e.id, e.canonical) for e in entities for a in e.aliases}
        got = result["mapping"]
        differ = sorted(n for n in set(want) | set(got) if want.get(n) != got.get(n))
        print(f"aliaskit.cluster: {elapsed:.1f} s; names resolved differently: {len(differ)}")
        for name in differ[:5]:
            print(f"  {name!r}: cluster {want.get(name)}, spark {got.get(name)}")
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
