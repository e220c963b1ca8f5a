"""The pandas accessor (aliaskit.pandas): ``df.aliaskit.resolve``."""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from typing import Any

import pytest

pd = pytest.importorskip("pandas")

import aliaskit  # noqa: E402 - after the skip: these tests need pandas
import aliaskit.pandas  # noqa: E402 - registers the accessor
from aliaskit import Record  # noqa: E402
from aliaskit.entity import entity_id  # noqa: E402

SEED = [
    "Sasha Troufanov",
    "Александр Труфанов",
    "סשה טרופנוב",
    "Elena Troufanov",
    "Vitali Trupanov",
]


def _resolve(frame: Any, *args: Any, **kwargs: Any) -> Any:
    """``frame.aliaskit.resolve`` with its skipped-rows warning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return frame.aliaskit.resolve(*args, **kwargs)


def _namesakes() -> Any:
    """Rows of one name that evidence tells apart, an undated one, and a gap."""
    return pd.DataFrame(
        {
            "name": [
                "Ivan Petrov",
                "Ivan Petrov",
                "Иван Петров",
                "Ivan Petrov",
                None,
                "I. Petrov",
                *SEED,
                "Ivan Petrov",
            ],
            "born": [
                "2.1.1970",
                "4.3.1981",
                "1970-01-02",
                None,
                "1990",
                math.nan,
                *[None] * len(SEED),
                "1981-03-04",
            ],
            "sex": ["m", "m", None, None, None, "male", *[None] * len(SEED), "m"],
        },
        index=[f"r{i}" for i in range(12)],
    )


def _cell(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def test_resolve_keeps_the_index_order_and_columns() -> None:
    frame = pd.DataFrame(
        {"person": [*SEED, SEED[0]], "article": [10, 11, 12, 13, 14, 15]},
        index=pd.Index(["z", "y", "x", "x", "w", "v"], name="row"),
    )
    before = frame.copy()
    out = frame.aliaskit.resolve("person")
    pd.testing.assert_frame_equal(frame, before)  # the frame itself is not changed
    assert out is not frame
    assert list(out.columns) == ["person", "article", "entity_id", "canonical"]
    pd.testing.assert_index_equal(out.index, frame.index)
    pd.testing.assert_frame_equal(out[["person", "article"]], frame)
    assert str(out["entity_id"].dtype) == str(out["canonical"].dtype) == "string"
    ids = out["entity_id"].tolist()
    assert ids[0] == ids[1] == ids[2] == ids[5]  # Sasha in three scripts, twice
    assert len({ids[0], ids[3], ids[4]}) == 3  # his mother and father are apart
    assert out.attrs["aliaskit_skipped"] == []


def test_missing_names_are_skipped_counted_and_na() -> None:
    names = [SEED[0], None, math.nan, pd.NA, "", "...", SEED[1], "  "]
    frame = pd.DataFrame({"name": pd.Series(names, dtype=object)})
    frame.index = [5, 4, 3, 2, 1, 0, 9, 8]
    with pytest.warns(
        UserWarning, match=r"skipped 6 rows with no name: index labels \[4, 3, 2, 1, 0, \.\.\.\]"
    ):
        out = frame.aliaskit.resolve("name")
    assert out.attrs["aliaskit_skipped"] == [4, 3, 2, 1, 0, 8]
    for label in out.attrs["aliaskit_skipped"]:
        assert out.loc[label, "entity_id"] is pd.NA
        assert out.loc[label, "canonical"] is pd.NA
    assert out.loc[5, "entity_id"] == out.loc[9, "entity_id"]
    assert out.loc[5, "canonical"] == "Aleksandr Trufanov"
    # the same names in pandas' own string dtypes, where a gap is NaN or NA
    for dtype in ("str", "string"):
        typed = pd.DataFrame({"name": pd.Series([SEED[0], None, SEED[1]], dtype=dtype)})
        with pytest.warns(UserWarning, match=r"skipped 1 rows with no name: index labels \[1\]"):
            out = typed.aliaskit.resolve("name")
        assert out["entity_id"].isna().tolist() == [False, True, False]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning when no row is skipped
        pd.DataFrame({"name": SEED}).aliaskit.resolve("name")


def test_rows_in_any_order_get_the_same_entities() -> None:
    frame = _namesakes()
    expected = _resolve(frame, "name", birth_date="born", gender="sex")
    for seed in range(5):
        shuffled = frame.sample(frac=1, random_state=seed)
        out = _resolve(shuffled, "name", birth_date="born", gender="sex")
        assert list(out.index) == list(shuffled.index)
        pd.testing.assert_frame_equal(out.loc[expected.index], expected)


def test_resolve_equals_cluster_of_the_same_records() -> None:
    frame = _namesakes()
    out = _resolve(frame, "name", birth_date="born", gender="sex")
    records = {
        label: Record(name, birth_date=_cell(born), gender=_cell(sex))
        for label, name, born, sex in zip(
            frame.index, frame["name"], frame["born"], frame["sex"], strict=True
        )
        if isinstance(name, str)
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = aliaskit.cluster(list(records.values()))
    # the namesakes make one key (the name) stand for several entities
    assert len([e for e in entities if "Ivan Petrov" in e.records]) > 1
    assert set(zip(out["entity_id"].dropna(), out["canonical"].dropna(), strict=True)) == {
        (e.id, e.canonical) for e in entities
    }
    for entity in entities:
        rows = out.index[out["entity_id"] == entity.id]
        assert {records[label].key for label in rows} == set(entity.records)
        assert {n for label in rows for n in records[label].names} == set(entity.aliases)
    # the rows are grouped as cluster groups them when each record has an id of its own
    labels = list(records)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        numbered = aliaskit.cluster(
            [
                Record(r.names, id=u, birth_date=r.birth_date, gender=r.gender)
                for u, r in enumerate(records.values())
            ]
        )
    by_rows = {frozenset(labels[int(k)] for k in e.records) for e in numbered}
    assert by_rows == {frozenset(rows) for rows in out.groupby("entity_id").groups.values()}
    # two entities of the name "Ivan Petrov" alone, told apart by the id cluster
    # gives namesakes: their least key and their evidence
    assert out.loc["r1", "entity_id"] == out.loc["r11", "entity_id"] != out.loc["r3", "entity_id"]
    assert out.loc["r1", "entity_id"] == entity_id("Ivan Petrov\x1f1981-03-04|m")
    assert out.loc["r3", "entity_id"] == entity_id("Ivan Petrov\x1f")
    # with an id column, each row is the entity that lists its id
    frame["ref"] = range(len(frame))
    out = _resolve(frame, "name", id="ref", birth_date="born", gender="sex")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        entities = aliaskit.cluster(
            [
                Record(r.name, id=r.ref, birth_date=_cell(r.born), gender=_cell(r.sex))
                for r in frame.itertuples()
                if isinstance(r.name, str)
            ]
        )
    by_id = {key: entity for entity in entities for key in entity.records}
    for label, ref in zip(frame.index, frame["ref"], strict=True):
        if label in out.attrs["aliaskit_skipped"]:
            continue
        assert out.loc[label, "entity_id"] == by_id[str(ref)].id
        assert out.loc[label, "canonical"] == by_id[str(ref)].canonical


def test_evidence_columns_keep_namesakes_apart() -> None:
    frame = pd.DataFrame(
        {"name": ["Ivan Petrov", "Ivan Petrov"], "born": ["12.03.1970", "1981-07-04"]}
    )
    apart = frame.aliaskit.resolve("name", birth_date="born")
    assert apart.loc[0, "entity_id"] != apart.loc[1, "entity_id"]
    assert apart.loc[0, "canonical"] == apart.loc[1, "canonical"] == "Ivan Petrov"
    together = frame.aliaskit.resolve("name")
    assert together.loc[0, "entity_id"] == together.loc[1, "entity_id"]


def test_missing_evidence_means_no_evidence() -> None:
    names = ["Ivan Petrov", "Иван Петров"]
    plain = pd.DataFrame({"name": names}).aliaskit.resolve("name")
    gaps = pd.DataFrame(
        {
            "name": names,
            "born": [math.nan, pd.NA],
            "when": pd.to_datetime(["1970-01-02", None]),
            "countries": [None, math.nan],
            "sex": [pd.NA, None],
            "ref": [1.0, math.nan],  # an int column with a gap is float
        }
    )
    for columns in (
        {"birth_date": "born", "countries": "countries", "gender": "sex"},
        {"birth_date": "when", "id": "ref"},
    ):
        out = gaps.aliaskit.resolve("name", **columns)
        assert out["entity_id"].nunique() == 1
        assert out.loc[0, "canonical"] == plain.loc[0, "canonical"]
    evidence = gaps.aliaskit.resolve("name", countries="countries", gender="sex")
    assert evidence["entity_id"].tolist() == plain["entity_id"].tolist()


def test_a_series_of_names_resolves_too() -> None:
    series = pd.Series([*SEED, None], name="person", index=list("abcdef"))
    with pytest.warns(UserWarning, match=r"index labels \['f'\]"):
        out = series.aliaskit.resolve()
    expected = _resolve(series.to_frame(), "person")
    pd.testing.assert_frame_equal(out, expected)
    unnamed = pd.Series(SEED).aliaskit.resolve()
    assert list(unnamed.columns) == ["name", "entity_id", "canonical"]


def test_a_missing_column_or_bad_value_is_a_clear_error() -> None:
    frame = pd.DataFrame({"name": ["Ivan Petrov", "Anna Petrova"], "born": ["1970", "1975"]})
    with pytest.raises(
        KeyError, match=r"no column 'person' for name; the columns are \['name', 'born'\]"
    ):
        frame.aliaskit.resolve("person")
    with pytest.raises(KeyError, match="no column 'birth' for birth_date"):
        frame.aliaskit.resolve("name", birth_date="birth")
    with pytest.raises(TypeError, match="name must be a column label"):
        frame.aliaskit.resolve(["name"])
    with pytest.raises(TypeError, match=r"series\.aliaskit\.resolve\(\)"):
        frame.aliaskit.resolve(frame["name"])
    with pytest.raises(TypeError, match="gender must be a column label"):
        frame.aliaskit.resolve("name", gender={"sex": 1})
    taken = frame.assign(canonical="x")
    with pytest.raises(ValueError, match=r"already has column\(s\) \['canonical'\]"):
        taken.aliaskit.resolve("name")
    bad = pd.DataFrame({"name": ["Ivan Petrov", "Anna Petrova"], "born": ["1970", "31.02.1975"]})
    bad.index = ["ok", "row-7"]
    with pytest.raises(
        ValueError, match=r"column 'born', row 'row-7': bad birth_date value '31\.02\.1975'"
    ):
        bad.aliaskit.resolve("name", birth_date="born")
    odd = pd.DataFrame({"who": ["Ivan Petrov", 42], "sex": ["m", "x"]})
    with pytest.raises(ValueError, match=r"column 'who', row 1: bad name value 42"):
        odd.aliaskit.resolve("who")
    with pytest.raises(ValueError, match=r"column 'sex', row 1: bad gender value 'x'"):
        odd.iloc[[1]].assign(who="Anna").aliaskit.resolve("who", gender="sex")
    ids = pd.DataFrame({"name": ["Ivan Petrov", "Anna Petrova"], "ref": [7, 7]}, index=["a", "b"])
    with pytest.raises(ValueError, match=r"column 'ref': rows 'a' and 'b' have the id 7"):
        ids.aliaskit.resolve("name", id="ref")
    twice = pd.DataFrame([["Ivan Petrov", "Anna Petrova"]], columns=["name", "name"])
    with pytest.raises(ValueError, match="appears more than once"):
        twice.aliaskit.resolve("name")
    with pytest.raises(ValueError, match="threshold"):
        frame.aliaskit.resolve("name", threshold=2.0)


def test_importing_aliaskit_does_not_import_pandas() -> None:
    code = "import aliaskit, sys; assert 'pandas' not in sys.modules, 'pandas imported'"
    subprocess.run([sys.executable, "-W", "ignore", "-c", code], check=True)


def test_without_pandas_the_import_error_says_to_install_it() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "try:\n    import aliaskit.pandas\n"
        "except ImportError as error:\n    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], check=True, capture_output=True, text=True
    )
    assert "pip install pandas" in done.stdout
