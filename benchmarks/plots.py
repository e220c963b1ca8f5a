"""The plots of the benchmarks page, drawn from the run's JSON document (matplotlib).

Each function draws one figure from the document written by
:func:`benchmarks.run.run` and saves it as PNG in a folder; it returns the
file name, or None when the document has nothing for it. :func:`draw_all`
draws every one.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

SYSTEM_ORDER = (
    "aliaskit",
    "nomenklatura",
    "splink",
    "naive_dm_jw",
    "metaphone_jw",
    "rapidfuzz_wratio",
)
SET_MARKERS = {"redistributable": "o", "eu": "s"}
SET_LABELS = {"redistributable": "redistributable set", "eu": "EU part (CC BY-NC data)"}
SHAPE_STYLES = {"family": "-", "distinct": "--"}
STAGES = ("parse", "block keys", "pair generation", "prepare", "scoring", "clustering", "entities")
WIDTH, HEIGHT, DPI = 7.0, 4.2, 110


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def colour(system: str) -> str:
    """One colour per system, the same on every plot."""
    order = list(SYSTEM_ORDER)
    return f"C{order.index(system) if system in order else len(order)}"


def ran(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a set's systems that ran (not skipped)."""
    return [r for r in result.get("systems", []) if "skipped" not in r]


def quality_speed(document: dict[str, Any], folder: Path) -> str | None:
    """Pairwise F1 against names per second (log scale), every system on every set."""
    sets = {k: v for k, v in document.get("peers", {}).get("sets", {}).items() if ran(v)}
    if not sets:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    for name, result in sets.items():
        marker = SET_MARKERS.get(name, "^")
        for row in ran(result):
            if not row.get("names_per_second"):
                continue
            x, y = row["names_per_second"], 100 * row["pairwise"]["f1"]
            ax.scatter(x, y, marker=marker, s=45, color=colour(row["system"]))
            offset = (5, 3) if name == "redistributable" else (5, -10)  # labels apart
            ax.annotate(row["system"], (x, y), textcoords="offset points", xytext=offset, size=8)
        ax.scatter([], [], marker=marker, color="grey", label=SET_LABELS.get(name, name))
    ax.set_xscale("log")
    ax.set_xlabel("names per second (test half, log scale)")
    ax.set_ylabel("pairwise F1 (%)")
    ax.set_ylim(0, 104)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    ax.set_title("Quality against throughput (threshold tuned on the other half)")
    return _save(plt, fig, folder / "quality_speed.png")


def per_source(document: dict[str, Any], folder: Path) -> str | None:
    """Pairwise F1 per source of the redistributable set, one bar per system."""
    rows = ran(document.get("peers", {}).get("sets", {}).get("redistributable", {}))
    if not rows:
        return None
    plt = _pyplot()
    sources = sorted({s for r in rows for s in r["per_source"]})
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT))
    width = 0.8 / len(rows)
    for k, row in enumerate(rows):
        values = [
            100 * row["per_source"].get(s, {}).get("pairwise", {}).get("f1", 0.0) for s in sources
        ]
        xs = [i + k * width for i in range(len(sources))]
        ax.bar(xs, values, width, label=row["system"], color=colour(row["system"]))
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(sources))])
    ax.set_xticklabels([s.split("/")[0] for s in sources], fontsize=8)
    ax.set_ylabel("pairwise F1 (%)")
    ax.set_ylim(0, 130)
    ax.set_yticks(range(0, 101, 20))
    ax.legend(fontsize=7, ncol=3, loc="upper center")
    ax.set_title("Pairwise F1 per source, redistributable set (test half)")
    return _save(plt, fig, folder / "per_source.png")


def scale(rows: list[dict[str, Any]], folder: Path) -> str | None:
    """Time and peak memory against workload mentions, log-log, per system and shape."""
    if not rows:
        return None
    lines: dict[tuple[str, str], list[tuple[int, float, float]]] = defaultdict(list)
    for row in rows:
        memory = float(row.get("peak_memory_gb", row.get("peak_rss_gb", 0.0)))
        point = (int(row["mentions"]), float(row["seconds"]), memory)
        lines[str(row["clusterer"]), str(row["shape"])].append(point)
    plt = _pyplot()
    fig, (left, right) = plt.subplots(1, 2, figsize=(WIDTH * 1.4, HEIGHT))
    for (system, shape), points in sorted(lines.items()):
        points.sort()
        xs = [p[0] for p in points]
        style = {
            "color": colour(system),
            "linestyle": SHAPE_STYLES.get(shape, ":"),
            "marker": "o",
            "label": f"{system} ({shape})",
        }
        left.plot(xs, [max(p[1], 0.01) for p in points], **style)
        right.plot(xs, [p[2] for p in points], **style)
    for ax, label in ((left, "seconds"), (right, "peak memory (GB)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("workload mentions")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
    left.set_title("Clustering time")
    right.set_title("Peak memory (process + largest worker)")
    right.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1.0))
    return _save(plt, fig, folder / "scale.png")


def stages(document: dict[str, Any], folder: Path) -> str | None:
    """aliaskit's seconds per stage, one stacked bar per workload shape."""
    reports = document.get("stages", {})
    if not reports:
        return None
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT * 0.75))
    labels = [f"{shape}\n{int(r['names']):,} names" for shape, r in reports.items()]
    starts = [0.0] * len(reports)
    for k, stage in enumerate(STAGES):
        widths = [float(r["seconds"].get(stage, 0.0)) for r in reports.values()]
        ax.barh(labels, widths, left=starts, color=f"C{k}", label=stage)
        starts = [s + w for s, w in zip(starts, widths, strict=True)]
    ax.set_xlabel("seconds, one process and one worker")
    ax.legend(fontsize=7, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.3))
    ax.xaxis.set_label_position("top")
    ax.set_title("Where aliaskit's clustering time goes")
    return _save(plt, fig, folder / "stages.png")


def _save(plt: Any, fig: Any, path: Path) -> str:
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return path.name


def draw_all(document: dict[str, Any], scale_rows: list[dict[str, Any]], folder: Path) -> list[str]:
    """Every plot of the page; the names of the files written."""
    drawn = [
        quality_speed(document, folder),
        per_source(document, folder),
        scale(scale_rows, folder),
        stages(document, folder),
    ]
    return [name for name in drawn if name is not None]
