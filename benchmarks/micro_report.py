"""Turn a pytest-benchmark JSON file into ``summary.md`` and ``clustering_time.png``.

The micro-benchmarks of the ``test_bench_*.py`` files are a developers' tool:
their summary stays in ``benchmarks/results`` and is not on the benchmarks
page (``python -m benchmarks.report`` writes that page). Usage, after the
pytest-benchmark run has written its JSON (see ``benchmarks/README.md``)::

    python -m benchmarks.micro_report [benchmarks/results/bench.json ...] [--out benchmarks/results]

Several JSON files (for example a long clustering run saved separately) are
merged: a benchmark of a later file replaces one with the same full name.

``summary.md`` has the quality of every clusterer on every gold set (from
``extra_info["quality"]`` of the quality benchmarks), clustering time against
size, aliaskit and the naive baseline side by side on both workload shapes
and the cliff inputs, and the speed of every other benchmark with its median, spread
(interquartile range and standard deviation) and number of rounds.
``clustering_time.png`` plots clustering time against the number of names,
log-log, one line per clusterer.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
CLUSTERER_ORDER = ("aliaskit", "naive", "naive_dm_jw", "rapidfuzz", "exact")
# Groups whose inputs are compared clusterer by clusterer (test_bench_shapes, test_bench_cliffs).
SIDE_BY_SIDE_GROUPS = ("clustering-shapes", "cliff-one-surname", "cliff-short-names")
SHAPE_ORDER = ("family", "distinct")


def _labels() -> dict[str, str]:
    try:
        from benchmarks.baselines import LABELS
    except ImportError:  # run as a plain script without the repository on sys.path
        return {}
    return dict(LABELS)


def fmt_time(seconds: float) -> str:
    """A duration with a unit that keeps 3 significant digits."""
    if seconds >= 1000:
        return f"{seconds:,.0f} s"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def _f(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def _order(name: str) -> tuple[int, str]:
    return (CLUSTERER_ORDER.index(name) if name in CLUSTERER_ORDER else 99, name)


def quality_section(benches: list[dict[str, Any]]) -> list[str]:
    """Markdown tables of the quality benchmarks: overall, then per source."""
    rows = [b for b in benches if "quality" in b.get("extra_info", {})]
    if not rows:
        return []
    labels = _labels()
    rows.sort(key=lambda b: (b["extra_info"]["gold"], _order(b["extra_info"]["clusterer"])))
    out = [
        "## Quality",
        "",
        "Pairwise and B-cubed precision / recall / F1 against the gold entities; *false merges*",
        "is the share of hard-negative pairs (different people, near-identical names) put in",
        "one cluster. Time is one clustering run of the whole set.",
        "",
        "| gold set | clusterer | names | entities (gold) | pairwise P | R | F1 "
        "| B³ P | R | F1 | false merges | time |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for b in rows:
        info, q = b["extra_info"], b["extra_info"]["quality"]
        pw, b3 = q["pairwise"], q["bcubed"]
        fm = q.get("hard_negative_false_merge_rate")
        out.append(
            f"| {info['gold']} | {labels.get(info['clusterer'], info['clusterer'])} "
            f"| {q['names']:,} | {q['entities']:,} ({q['gold_entities']:,}) "
            f"| {_f(pw['precision'])} | {_f(pw['recall'])} | **{_f(pw['f1'])}** "
            f"| {_f(b3['precision'])} | {_f(b3['recall'])} | **{_f(b3['f1'])}** "
            f"| {'' if fm is None else f'{fm:.1%}'} | {fmt_time(b['stats']['median'])} |"
        )
    out += ["", "Per source (pairwise F1 / B³ F1):", ""]
    sources = sorted({(b["extra_info"]["gold"], s) for b in rows for s in _per_source(b)})
    clusterers = sorted({b["extra_info"]["clusterer"] for b in rows}, key=_order)
    out.append("| gold set | source | " + " | ".join(clusterers) + " |")
    out.append("|---|---|" + "--:|" * len(clusterers))
    for gold, source in sources:
        cells = []
        for c in clusterers:
            match = [
                b
                for b in rows
                if b["extra_info"]["gold"] == gold and b["extra_info"]["clusterer"] == c
            ]
            s = _per_source(match[0]).get(source) if match else None
            cells.append(f"{s['pairwise']['f1']:.3f} / {s['bcubed']['f1']:.3f}" if s else "")
        out.append(f"| {gold} | {source} | " + " | ".join(cells) + " |")
    return [*out, ""]


def _per_source(bench: dict[str, Any]) -> dict[str, Any]:
    return dict(bench["extra_info"]["quality"].get("per_source", {}))


def clustering_points(benches: list[dict[str, Any]]) -> dict[str, list[tuple[int, float]]]:
    """(names, median seconds) per clusterer from the clustering benchmarks, sorted by size."""
    points: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for b in benches:
        info = b.get("extra_info", {})
        if b.get("group") == "clustering" and "clusterer" in info:
            points[info["clusterer"]].append((int(info["names"]), float(b["stats"]["median"])))
    return {k: sorted(v) for k, v in sorted(points.items(), key=lambda kv: _order(kv[0]))}


def clustering_section(benches: list[dict[str, Any]]) -> list[str]:
    """A table of clustering time by size and clusterer."""
    points = clustering_points(benches)
    if not points:
        return []
    sizes = sorted({n for pts in points.values() for n, _ in pts})
    labels = _labels()
    out = [
        "## Clustering time",
        "",
        "Median wall time to cluster the first *n* distinct names of the synthetic workload",
        "(`benchmarks/workload.py`), caches cleared. ![clustering time](clustering_time.png)",
        "",
        "| clusterer | " + " | ".join(f"{n:,} names" for n in sizes) + " |",
        "|---|" + "--:|" * len(sizes),
    ]
    for name, pts in points.items():
        by_size = dict(pts)
        cells = [fmt_time(by_size[n]) if n in by_size else "" for n in sizes]
        out.append(f"| {labels.get(name, name)} | " + " | ".join(cells) + " |")
    return [*out, ""]


def side_by_side_section(benches: list[dict[str, Any]]) -> list[str]:
    """Per shape and cliff group, a table of median time (entities found) by input and clusterer."""
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in benches:
        info = b.get("extra_info", {})
        if b.get("group") in SIDE_BY_SIDE_GROUPS and "clusterer" in info and "case" in info:
            by_group[b["group"]].append(b)
    if not by_group:
        return []
    labels = _labels()
    out = [
        "## Workload shapes and cliffs",
        "",
        "Median wall time and, in brackets, the entities found, per input (see",
        "`benchmarks/test_bench_shapes.py` and `benchmarks/test_bench_cliffs.py`).",
        "",
    ]
    for group in SIDE_BY_SIDE_GROUPS:
        rows = by_group.get(group, [])
        if not rows:
            continue
        cases: dict[str, tuple[int, int]] = {}
        for b in rows:
            info = b["extra_info"]
            shape = str(info.get("shape", ""))
            rank = SHAPE_ORDER.index(shape) if shape in SHAPE_ORDER else len(SHAPE_ORDER)
            cases[info["case"]] = (rank, int(info.get("mentions", info.get("names", 0))))
        columns = sorted(cases, key=lambda c: cases[c])
        cells: dict[str, dict[str, str]] = defaultdict(dict)
        for b in rows:
            info = b["extra_info"]
            found = f" ({info['entities']:,})" if "entities" in info else ""
            cells[info["clusterer"]][info["case"]] = fmt_time(b["stats"]["median"]) + found
        out += [
            f"### {group}",
            "",
            "| clusterer | " + " | ".join(columns) + " |",
            "|---|" + "--:|" * len(columns),
        ]
        for name in sorted(cells, key=_order):
            row = [cells[name].get(c, "") for c in columns]
            out.append(f"| {labels.get(name, name)} | " + " | ".join(row) + " |")
        out.append("")
    return out


def _rate(info: dict[str, Any]) -> str:
    for key, value in info.items():
        if key.endswith("_per_second"):
            return f"{value:,} {key.removesuffix('_per_second')}/s"
    return ""


# Headings of the benchmarks without a group, by test file (a reader does not know the files).
FILE_TITLES = {
    "test_bench_core.py": "core operations",
    "test_bench_hebrew.py": "Hebrew readings",
    "test_bench_phonetic.py": "phonetic encoders (aliaskit.phonetic, per token batch)",
    "test_bench_translit.py": "transliteration",
}


def speed_section(benches: list[dict[str, Any]]) -> list[str]:
    """Every benchmark that is not a quality run: median, spread, rounds, rate."""
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in benches:
        if "quality" in b.get("extra_info", {}):
            continue
        test_file = b["fullname"].split("::")[0].rsplit("/", 1)[-1]
        group = b.get("group") or FILE_TITLES.get(test_file, test_file)
        by_group[group].append(b)
    out = [
        "## Speed",
        "",
        "Median time per round (a round processes the whole input list), interquartile range",
        "and standard deviation across rounds, number of rounds, the median divided by the",
        "number of items of the list, and the throughput from the mean. Timings were taken on",
        "a shared machine; compare rows of one run, not across runs.",
        "",
    ]
    for group in sorted(by_group):
        out += [
            f"### {group}",
            "",
            "| benchmark | median | IQR | stddev | rounds | per item | throughput |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for b in sorted(by_group[group], key=lambda b: b["stats"]["median"]):
            s = b["stats"]
            name = b["extra_info"].get("library") or b["name"]
            count = b["extra_info"].get("count")
            per_item = fmt_time(s["median"] / count) if count else ""
            out.append(
                f"| {name} | {fmt_time(s['median'])} | {fmt_time(s['iqr'])} "
                f"| {fmt_time(s['stddev'])} | {s['rounds']} | {per_item} "
                f"| {_rate(b['extra_info'])} |"
            )
        out.append("")
    return out


def summary(data: dict[str, Any]) -> str:
    """The whole Markdown summary of one pytest-benchmark JSON document."""
    benches: list[dict[str, Any]] = data.get("benchmarks", [])
    machine = data.get("machine_info", {})
    commit = data.get("commit_info", {})
    head = [
        "# aliaskit benchmark summary",
        "",
        f"Run {data.get('datetime', '?')} on {machine.get('cpu', {}).get('brand_raw', '?')}"
        f" ({machine.get('cpu', {}).get('count', '?')} cores), "
        f"{machine.get('python_implementation', '')} {machine.get('python_version', '')}, "
        f"commit {str(commit.get('id', '?'))[:10]}{' (dirty)' if commit.get('dirty') else ''}.",
        "",
    ]
    body = (
        quality_section(benches)
        + clustering_section(benches)
        + side_by_side_section(benches)
        + speed_section(benches)
    )
    return "\n".join(head + body).rstrip() + "\n"


def plot(points: dict[str, list[tuple[int, float]]], path: Path) -> None:
    """Clustering time against names, log-log, one line per clusterer."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = _labels()
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, pts in points.items():
        xs, ys = zip(*pts, strict=True)
        ax.plot(xs, ys, marker="o", label=labels.get(name, name))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("distinct names")
    ax.set_ylabel("clustering time (s, median)")
    ax.set_title("Clustering time vs number of names")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def merge(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """One document from several: the first one's metadata, benchmarks merged by full name."""
    merged = dict(documents[0])
    by_name: dict[str, dict[str, Any]] = {}
    for doc in documents:
        for b in doc.get("benchmarks", []):
            by_name[b["fullname"]] = b
    merged["benchmarks"] = list(by_name.values())
    return merged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("json", nargs="*", type=Path, default=[RESULTS / "bench.json"])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    data = merge([json.loads(p.read_text(encoding="utf-8")) for p in args.json])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.md").write_text(summary(data), encoding="utf-8")
    points = clustering_points(data.get("benchmarks", []))
    if points:
        plot(points, args.out / "clustering_time.png")
    print(f"wrote {args.out / 'summary.md'}" + (" and clustering_time.png" if points else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
