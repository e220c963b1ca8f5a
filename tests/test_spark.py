"""aliaskit.spark.resolve gives aliaskit.cluster's entities, ids and canonical names.

The Spark tests share one local[2] SparkSession and are skipped when
pyspark, pyarrow, pandas or Java is missing. The 100,000-mention workload
runs only with ``ALIASKIT_SPARK_SCALE=1`` (its in-memory reference alone
takes minutes); CI runs a 5,000-mention workload instead.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import os
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pytest

import aliaskit
from aliaskit import _block_keys, _split, blocking
from aliaskit.blocking import MAX_BLOCK
from aliaskit.resolver import Resolver
from benchmarks import workload
from tests.conftest import load_vectors, shared_file

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = pytest.mark.filterwarnings(
    "ignore:PySpark does not yet fully support pandas:FutureWarning"
)

_MISSING = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
_NO_JAVA = shutil.which("java") is None and "JAVA_HOME" not in os.environ
needs_spark = pytest.mark.skipif(
    bool(_MISSING) or _NO_JAVA,
    reason=f"needs pyspark, pyarrow, pandas and Java (missing: {_MISSING or ['java']})",
)
SCALE = os.environ.get("ALIASKIT_SPARK_SCALE") == "1"

Resolved = dict[str, tuple[str, str]]


def _frame(spark: SparkSession, names: Sequence[str | None]) -> Any:
    return spark.createDataFrame(list(enumerate(names)), "row int, person string")


def _resolve(spark: SparkSession, names: Sequence[str | None], **kwargs: Any) -> Resolved:
    from aliaskit.spark import resolve

    rows = resolve(_frame(spark, names), "person", **kwargs).collect()
    return {r.person: (r.entity_id, r.canonical) for r in rows if r.entity_id is not None}


def _expected(entities: list[aliaskit.Entity]) -> Resolved:
    return {alias: (e.id, e.canonical) for e in entities for alias in e.aliases}


def _assert_same(got: Resolved, want: Resolved) -> None:
    """Same names, ids and canonical names (a short diff on failure)."""
    wrong = sorted(n for n in set(got) | set(want) if got.get(n) != want.get(n))
    shown = [(n, want.get(n), got.get(n)) for n in wrong[:5]]
    assert not wrong, f"{len(wrong)} names differ, e.g. (name, cluster, spark): {shown}"


def _workload_names(mentions: int) -> list[str]:
    return sorted({name for _, name in workload.generate(mentions, seed=0)})


def _oversize_block() -> list[str]:
    """Given names of the workload with one surname, in two scripts: a block over MAX_BLOCK."""
    given = [g.cyrillic["ru"].capitalize() for g in workload.given_names()]
    names = sorted({f"{g} {s}" for g in given for s in ("Иванов", "Ivanov")})
    return [*names, "Ivanov", "I. Ivanov"]


#: A route limit that one_surname_names(300, seed=1) outgrows (its largest route is 39).
SMALL_GIVEN_GROUP = 10


def _small_given_group(mp: pytest.MonkeyPatch) -> None:
    """Lower MAX_GIVEN_GROUP where BlockIndex reads it (aliaskit._split) and where
    Spark's candidate_pairs reads it, on the driver when called (aliaskit.blocking)."""
    mp.setattr(_split, "MAX_GIVEN_GROUP", SMALL_GIVEN_GROUP)
    mp.setattr(blocking, "MAX_GIVEN_GROUP", SMALL_GIVEN_GROUP)


def _same_form_pairs(names: Sequence[str]) -> set[tuple[str, str]]:
    from aliaskit.parse import parse_name

    by_form: dict[str, list[str]] = {}
    for name in sorted(names):
        by_form.setdefault(parse_name(name).normalized, []).append(name)
    return {p for group in by_form.values() for p in itertools.combinations(group, 2)}


# -- without Spark -----------------------------------------------------------


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyspark, resolve raises ImportError naming the aliaskit[spark] extra."""
    from aliaskit.spark import resolve

    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(ImportError, match=r"aliaskit\[spark\]"):
        resolve(None, "name")  # type: ignore[arg-type]


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="needs pandas")
def test_cluster_bucket_equals_cluster() -> None:
    """The per-bucket step alone, fed every scored pair, equals aliaskit.cluster."""
    pd = importlib.import_module("pandas")

    from aliaskit.compare import score_pair
    from aliaskit.parse import parse_name
    from aliaskit.spark._rows import cluster_bucket

    names = [r["name"] for r in load_vectors("seed_gold.tsv")]
    unique = sorted(set(names))
    edges = [
        (a, b, *score_pair(parse_name(a), parse_name(b)), "c")
        for i, a in enumerate(unique)
        for b in unique[i + 1 :]
        if parse_name(a).normalized != parse_name(b).normalized
    ]
    edges += [
        (a, b, 2.0, False, "c")
        for i, a in enumerate(unique)
        for b in unique[i + 1 :]
        if parse_name(a).normalized == parse_name(b).normalized
    ]
    frame = pd.DataFrame(edges, columns=["a", "b", "score", "conflict", "comp"])
    out = cluster_bucket(pd.DataFrame({"name": unique, "comp": "c"}), frame, threshold=0.75)
    got = {r.name: (r.entity_id, r.canonical) for r in out.itertuples()}
    # All pairs scored is more than blocking gives, so compare the partition only.
    want = _expected(aliaskit.cluster(names))
    assert {frozenset(n for n in got if got[n][0] == i) for i, _ in got.values()} == {
        frozenset(n for n in want if want[n][0] == i) for i, _ in want.values()
    }


def test_cluster_scores_only_final_candidate_pairs() -> None:
    """After add_many, the scored pairs are the blocking pairs plus identical forms."""
    names = _oversize_block()
    resolver = Resolver()
    resolver.add_many(names)
    same_form = {
        (a, b) for group in resolver._by_norm.values() for a in group for b in group if a < b
    }
    assert set(resolver._edges) <= resolver._index.pairs() | same_form


# -- on Spark ----------------------------------------------------------------


@needs_spark
def test_seed_gold_equals_cluster(spark: SparkSession) -> None:
    """On the seed set: same partition, ids and canonical names as aliaskit.cluster."""
    names = [r["name"] for r in load_vectors("seed_gold.tsv")]
    _assert_same(_resolve(spark, names), _expected(aliaskit.cluster(names)))


@needs_spark
def test_dev_persons_equals_cluster_on_blocking_pairs(spark: SparkSession) -> None:
    """On the evaluation dev set: the same entities as aliaskit.cluster."""
    path = shared_file("dev_persons.tsv")
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        column = header.index("name")
        names = [line.rstrip("\n").split("\t")[column] for line in fh if line.strip()]
    _assert_same(_resolve(spark, names), _expected(aliaskit.cluster(names)))


@needs_spark
def test_generated_workload_equals_cluster(spark: SparkSession) -> None:
    """On 5,000 generated mentions (families sharing surnames): the same entities."""
    names = _workload_names(5_000)
    _assert_same(_resolve(spark, names), _expected(aliaskit.cluster(names)))


@needs_spark
@pytest.mark.slow
@pytest.mark.skipif(not SCALE, reason="scale run: set ALIASKIT_SPARK_SCALE=1")
def test_100k_workload_equals_cluster(spark: SparkSession) -> None:
    """On 100,000 generated mentions (32,106 names): the same entities as aliaskit.cluster."""
    names = _workload_names(100_000)
    _assert_same(_resolve(spark, names), _expected(aliaskit.cluster(names)))


@needs_spark
def test_oversize_block_pairs_are_the_block_index_pairs(spark: SparkSession) -> None:
    """In a block over MAX_BLOCK, candidate pairs are BlockIndex's (shared given-name key)."""
    from aliaskit.blocking import BlockIndex
    from aliaskit.parse import parse_name
    from aliaskit.spark._pairs import candidate_pairs
    from aliaskit.spark._rows import PARSED_SCHEMA, parse_rows

    names = _oversize_block()
    assert len(names) > MAX_BLOCK
    index = BlockIndex()
    for name in names:
        index.add(name, parse_name(name))
    frame = spark.createDataFrame([(n,) for n in names], "name string")
    parsed = frame.mapInPandas(parse_rows, PARSED_SCHEMA)
    got = {(r.a, r.b) for r in candidate_pairs(parsed).collect()}
    assert got == index.pairs()


@needs_spark
def test_oversize_block_equals_cluster(spark: SparkSession) -> None:
    """With a block over MAX_BLOCK, resolve still equals aliaskit.cluster."""
    names = _oversize_block()
    _assert_same(_resolve(spark, names), _expected(aliaskit.cluster(names)))


@needs_spark
def test_pairs_of_routes_over_max_given_group_are_the_block_index_pairs(
    spark: SparkSession,
) -> None:
    """With routes over MAX_GIVEN_GROUP (small limits, one common surname), Spark's
    candidate pairs are BlockIndex's, and the large routes lost pairs to second keys."""
    pd = importlib.import_module("pandas")

    from aliaskit.blocking import BlockIndex
    from aliaskit.parse import parse_name
    from aliaskit.spark._pairs import candidate_pairs
    from aliaskit.spark._rows import PARSED_SCHEMA, parse_rows

    names = workload.one_surname_names(300, seed=1)
    items = [(n, parse_name(n)) for n in names]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_block_keys, "MAX_BLOCK", 20)
        mp.setattr(_block_keys, "MAX_SHORT_BLOCK", 10)
        _small_given_group(mp)
        want = set(BlockIndex(track_pairs=False).candidates(items).pairs())
        # Parsed here, on the driver: Python workers would not see the block limits patched.
        rows = pd.concat(list(parse_rows([pd.DataFrame({"name": names})])))
        parsed = spark.createDataFrame(rows, PARSED_SCHEMA)
        got = {(r.a, r.b) for r in candidate_pairs(parsed).collect()}
        mp.setattr(_split, "MAX_GIVEN_GROUP", len(names))
        unsplit = set(BlockIndex(track_pairs=False).candidates(items).pairs())
    assert got == want | _same_form_pairs(names)
    assert want < unsplit


@needs_spark
def test_resolve_with_routes_over_max_given_group_equals_cluster(spark: SparkSession) -> None:
    """With routes over a small MAX_GIVEN_GROUP, resolve still equals aliaskit.cluster."""
    from aliaskit.parse import parse_name

    names = workload.one_surname_names(300, seed=1)
    # The block limits are read in Spark's Python workers, which no patch reaches;
    # at their defaults the block of the surname is already oversized.
    # Nearly all share the surname's block (a name whose patronymic the parser
    # does not know, IVANOV VITALY YAKHYICH, is read in the other order).
    shared = Counter(k for n in names for k in blocking.block_keys(parse_name(n)))
    assert shared.most_common(1)[0][1] > MAX_BLOCK
    with pytest.MonkeyPatch.context() as mp:
        _small_given_group(mp)
        want = _expected(aliaskit.cluster(names))
        got = _resolve(spark, names)
    _assert_same(got, want)


@needs_spark
def test_judgements_equal_resolver_merge_and_split(spark: SparkSession) -> None:
    """must_link / cannot_link act as Resolver.merge / split; pairs of unknown names are ignored."""
    names = [r["name"] for r in load_vectors("seed_gold.tsv")]
    plain = _expected(aliaskit.cluster(names))
    by_id: dict[str, list[str]] = {}
    for name, (eid, _) in sorted(plain.items()):
        by_id.setdefault(eid, []).append(name)
    groups = sorted(g for g in by_id.values() if len(g) >= 2)
    must = [(groups[0][0], groups[1][0])]  # two different people, joined
    cannot = [(groups[2][0], groups[2][1])]  # one person, split apart
    ignored = [(groups[3][0], "Nobody Here"), (groups[3][0], groups[3][0])]
    reference = Resolver()
    reference.add_many(names)
    reference.merge(*must[0])
    reference.split(*cannot[0])
    must_frame = spark.createDataFrame(must, "left string, right string")
    got = _resolve(spark, names, must_link=must_frame, cannot_link=cannot + ignored)
    _assert_same(got, _expected(reference.entities))
    assert got[must[0][0]][0] == got[must[0][1]][0]
    assert got[cannot[0][0]][0] != got[cannot[0][1]][0]


@needs_spark
def test_contradictory_judgements_raise(spark: SparkSession) -> None:
    """A pair that is both a must-link and a cannot-link raises ValueError."""
    from aliaskit.spark import resolve

    pair = [("Sasha Troufanov", "Alexander Trufanov")]
    frame = _frame(spark, ["Alexander Trufanov", "Sasha Troufanov"])
    with pytest.raises(ValueError, match="both"):
        resolve(frame, "person", must_link=pair, cannot_link=pair)


@needs_spark
def test_rows_and_columns_are_kept_and_empty_names_get_nulls(spark: SparkSession) -> None:
    """Every input row comes back once, in its columns; empty and null names get nulls."""
    from aliaskit.spark import resolve

    names = ["Alexander Trufanov", "Sasha Troufanov", "", " ... ", None, "Alexander Trufanov"]
    out = resolve(_frame(spark, names), "person", entity_col="who", canonical_col="as").collect()
    assert sorted(r.row for r in out) == list(range(len(names)))
    assert out[0].__fields__ == ["row", "person", "who", "as"]
    by_row = {r.row: r for r in out}
    assert [by_row[i].who is None for i in range(len(names))] == [0, 0, 1, 1, 1, 0]
    assert by_row[0].who == by_row[1].who == by_row[5].who
    assert by_row[1]["as"] == "Alexander Trufanov"


@needs_spark
def test_bad_arguments_raise(spark: SparkSession) -> None:
    """A missing or non-string name column, a taken output column or a bad threshold raise."""
    from aliaskit.spark import resolve

    frame = _frame(spark, ["Alexander Trufanov"])
    with pytest.raises(ValueError, match="no column"):
        resolve(frame, "name")
    with pytest.raises(TypeError, match="strings"):
        resolve(frame, "row")
    with pytest.raises(ValueError, match="new and distinct"):
        resolve(frame, "person", entity_col="row")
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        resolve(frame, "person", threshold=1.5)


@needs_spark
def test_components_label_each_name_with_its_smallest_name(spark: SparkSession) -> None:
    """Connected components of a long path, a star and isolated vertices, by smallest vertex."""
    from aliaskit.spark._components import components

    path = [f"p{i:03d}" for i in range(60)]
    shuffled = path[::2] + path[1::2]  # a path that zigzags through the order
    links = list(itertools.pairwise(shuffled))
    links += [("s0", f"s{i}") for i in range(1, 6)] + [("x", "x")]
    vertices = [*path, *(f"s{i}" for i in range(6)), "x", "y"]
    got = components(
        spark.createDataFrame([(v,) for v in vertices], "name string"),
        spark.createDataFrame(links, "a string, b string"),
    ).collect()
    want = dict.fromkeys(path, "p000") | {f"s{i}": "s0" for i in range(6)} | {"x": "x", "y": "y"}
    assert {r.name: r.comp for r in got} == want


@needs_spark
@pytest.mark.parametrize(
    ("names", "want"),
    [
        (["Aleksandr Trufanov"] * 3 + ["Alexander Trufanov"], "Aleksandr Trufanov"),
        (["Alexander Trufanov"] + ["Aleksandr Trufanov"] * 3, "Aleksandr Trufanov"),
        (["Alexander Trufanov"] * 3 + ["Aleksandr Trufanov"], "Alexander Trufanov"),
        (["Sasha Trupanov", "Александр Труфанов"], "Aleksandr Trufanov"),
        (["Sasha Trupanov"] * 3 + ["Александр Труфанов"], "Aleksandr Trufanov"),
    ],
)
def test_the_spelling_most_rows_use_is_canonical_as_in_cluster(
    spark: SparkSession, names: list[str], want: str
) -> None:
    """Spark counts the rows of each name, as cluster counts its mentions."""
    got = _resolve(spark, names)
    assert {canonical for _, canonical in got.values()} == {want}
    _assert_same(got, _expected(aliaskit.cluster(names)))
