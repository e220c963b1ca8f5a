"""Run the benchmarks and write the benchmarks page from that one run.

Usage, from a clone (the ``peers`` extra installs the peer systems)::

    pip install -e ".[bench,peers]"
    python -m benchmarks.report --out docs/benchmarks.md

runs every part of :func:`benchmarks.run.run`, writes the run's JSON document
to ``benchmarks/results/run.json``, draws the plots into ``img/`` beside the
page (``docs/img``) and renders the page from that document
(:func:`benchmarks.page.render`). ``--from-json`` renders a page from a
document written earlier, without running anything; ``--parts`` runs only
some parts; ``--smoke`` runs every part on small inputs (what CI does, in
``benchmarks/test_run.py``). Two kinds of rows on the page come from
elsewhere, each labelled with its commit: the 1,000,000-mention scale rows of
a separate ``python -m benchmarks.scale_report`` run (``--scale-json``, when
present) and the history table (``benchmarks/history.json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import page, plots
from benchmarks.run import PARTS, SCALE_SIZES, run

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
HISTORY = HERE / "history.json"
SCALE_JSON = RESULTS / "scale.json"


def separate_scale_rows(path: Path, document: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of a separate scale run larger than the run's sizes, for systems the run timed."""
    if not path.exists():
        return []
    timed = {str(r["clusterer"]) for r in document.get("scale", {}).get("rows", [])}
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [
        r
        for r in rows
        if int(r["mentions"]) > max(SCALE_SIZES)
        and r["clusterer"] in timed
        and r.get("scored") == "per mention"
    ]


def write_page(
    document: dict[str, Any], out: Path, scale_json: Path = SCALE_JSON, history: Path = HISTORY
) -> list[str]:
    """Draw the plots into ``img/`` beside ``out`` and write the page; the plots drawn."""
    scale_rows = list(document.get("scale", {}).get("rows", []))
    scale_rows += separate_scale_rows(scale_json, document)
    try:
        images = plots.draw_all(document, scale_rows, out.parent / "img")
    except ImportError as err:  # matplotlib is in the bench extra
        print(f"no plots: {err}", file=sys.stderr)
        images = []
    entries = json.loads(history.read_text(encoding="utf-8")) if history.exists() else []
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page.render(document, scale_rows, entries, set(images)), encoding="utf-8")
    return images


def main(argv: list[str] | None = None) -> int:
    """Run (or read) the benchmark document and write the page."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "benchmarks.md", help="page")
    parser.add_argument("--json", type=Path, default=RESULTS / "run.json", help="run document")
    parser.add_argument("--from-json", action="store_true", help="render --json, run nothing")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--smoke", action="store_true", help="small inputs (CI)")
    parser.add_argument("--scale-json", type=Path, default=SCALE_JSON)
    args = parser.parse_args(argv)
    if args.from_json:
        document = json.loads(args.json.read_text(encoding="utf-8"))
    else:
        document = run(args.parts, smoke=args.smoke)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.json}", file=sys.stderr)
    images = write_page(document, args.out, args.scale_json)
    head = page.headline(document)
    if head is not None:
        print(f"headline: aliaskit pairwise F1 {page.pct(head['pairwise']['f1'])}")
    print(f"wrote {args.out}" + (f" and {', '.join(images)}" if images else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
