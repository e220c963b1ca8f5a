"""Tests of benchmarks/micro_report.py on a small hand-made pytest-benchmark document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import micro_report as report


def _bench(name: str, median: float, group: str | None, **extra: Any) -> dict[str, Any]:
    stats = {"median": median, "iqr": median / 10, "stddev": median / 5, "rounds": 3}
    return {
        "name": name,
        "fullname": f"benchmarks/test_x.py::{name}",
        "group": group,
        "stats": stats,
        "extra_info": extra,
    }


def _quality(f1: float) -> dict[str, Any]:
    s = {"precision": f1, "recall": f1, "f1": f1}
    return {
        "names": 10,
        "entities": 4,
        "gold_entities": 5,
        "pairwise": s,
        "bcubed": s,
        "per_source": {"eu": {"pairwise": s, "bcubed": s}},
        "hard_negative_false_merge_rate": 0.25,
    }


DOC: dict[str, Any] = {
    "datetime": "2026-11-23T00:00:00",
    "machine_info": {"cpu": {"brand_raw": "test cpu", "count": 2}},
    "commit_info": {"id": "abcdef1234567", "dirty": False},
    "benchmarks": [
        _bench(
            "test_q[a]", 2.0, "quality", clusterer="aliaskit", gold="seed", quality=_quality(0.9)
        ),
        _bench("test_q[n]", 0.5, "quality", clusterer="naive", gold="seed", quality=_quality(0.4)),
        _bench("test_c[a-1]", 0.2, "clustering", clusterer="aliaskit", names=1000),
        _bench("test_c[a-10]", 3.0, "clustering", clusterer="aliaskit", names=10000),
        _bench("test_c[n-1]", 0.05, "clustering", clusterer="naive", names=1000),
        _bench("test_norm", 0.0002, None, names_per_second=5_000_000),
        _bench(
            "test_s[a-distinct-1000]",
            1.5,
            "clustering-shapes",
            clusterer="aliaskit",
            shape="distinct",
            case="distinct 1,000 mentions",
            names=990,
            entities=870,
        ),
        _bench(
            "test_s[n-distinct-1000]",
            0.25,
            "clustering-shapes",
            clusterer="naive_dm_jw",
            shape="distinct",
            case="distinct 1,000 mentions",
            names=990,
            entities=700,
        ),
        _bench(
            "test_s[a-family-1000]",
            0.5,
            "clustering-shapes",
            clusterer="aliaskit",
            shape="family",
            case="family 1,000 mentions",
            names=300,
            entities=150,
        ),
    ],
}


def test_summary_has_quality_clustering_and_speed_tables() -> None:
    """Every section appears, with the clusterers' F1 and the medians."""
    text = report.summary(DOC)
    for fragment in (
        "## Quality",
        "**0.900**",
        "**0.400**",
        "25.0%",
        "## Clustering time",
        "| 1,000 names | 10,000 names |",
        "## Workload shapes and cliffs",
        "| clusterer | family 1,000 mentions | distinct 1,000 mentions |",
        "| aliaskit.cluster | 500 ms (150) | 1.5 s (870) |",
        "250 ms (700) |",
        "## Speed",
        "200 µs",
        "5,000,000 names/s",
    ):
        assert fragment in text


def test_clustering_points_are_grouped_and_sorted() -> None:
    """Points are (names, median) per clusterer, aliaskit first, by size."""
    points = report.clustering_points(DOC["benchmarks"])
    assert list(points) == ["aliaskit", "naive"]
    assert points["aliaskit"] == [(1000, 0.2), (10000, 3.0)]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(1987.4, "1,987 s"), (2.5, "2.5 s"), (0.0123, "12.3 ms"), (4.2e-6, "4.2 µs"), (3e-9, "3 ns")],
)
def test_fmt_time_picks_a_unit(seconds: float, text: str) -> None:
    """Durations keep three significant digits with a fitting unit."""
    assert report.fmt_time(seconds) == text


def test_main_writes_summary_and_plot(tmp_path: Path) -> None:
    """The command writes summary.md and clustering_time.png into --out."""
    import json

    src = tmp_path / "bench.json"
    src.write_text(json.dumps(DOC), encoding="utf-8")
    assert report.main([str(src), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("# aliaskit")
    assert (tmp_path / "clustering_time.png").stat().st_size > 1000


def test_merge_replaces_benchmarks_by_full_name() -> None:
    """Merging keeps every benchmark once, the later file winning."""
    later = {"benchmarks": [_bench("test_norm", 0.1, None), _bench("test_new", 1.0, None)]}
    merged = report.merge([DOC, later])
    medians = {b["name"]: b["stats"]["median"] for b in merged["benchmarks"]}
    assert medians["test_norm"] == 0.1
    assert medians["test_new"] == 1.0
    assert len(merged["benchmarks"]) == len(DOC["benchmarks"]) + 1
    assert merged["machine_info"] == DOC["machine_info"]
