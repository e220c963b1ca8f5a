"""Blocking-key figures on the dev set (issue 4): scheme invariance, pair recall, block sizes.

Run ``python benchmarks/keys_report.py``; it prints the figures and writes
``benchmarks/results/keys.json``. The dev set is read from ``../shared/data``
(evaluation only) and the script exits quietly when it is absent.
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from aliaskit import parse_name, schemes, transliterate
from aliaskit.blocking import BlockIndex, block_keys
from aliaskit.compare import DEFAULT_THRESHOLD, score_pair
from aliaskit.evaluation import GoldRow, load_gold
from aliaskit.latin import part_keys
from aliaskit.text import detect_script

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev_persons.tsv"
RESULTS = ROOT / "benchmarks" / "results"


def scheme_invariance(rows: list[GoldRow]) -> dict[str, Any]:
    """Share of Cyrillic names whose surname keys are one set under every scheme."""
    total = same = 0
    for row in rows:
        if detect_script(row.name) != "Cyrl":
            continue
        surname = [p.text for p in parse_name(row.name).surname if p.role == "surname"]
        if not surname:
            continue
        total += 1
        native = part_keys("".join(surname))
        renders = [transliterate(s, scheme=name) for s in surname for name in schemes()]
        if all(part_keys(r.lower()) & native for r in renders):
            same += 1
    return {"cyrillic_names": total, "all_schemes_share_a_key": same / total if total else None}


def _kind(a: str, b: str) -> str:
    scripts = sorted({detect_script(a), detect_script(b)})
    return "-".join(scripts) if len(scripts) == 2 else f"{scripts[0]}-{scripts[0]}"


def pair_recall(rows: list[GoldRow]) -> dict[str, Any]:
    """True pairs sharing a surname key (S:), and candidate-pair recall of the index.

    Recall is given over all true pairs and over the *linkable* ones, those
    that :func:`~aliaskit.compare.score_pair` scores at the threshold without
    a conflict: a true pair compare would not link anyway (a nickname missing
    from the tables, a different surname) cannot be rescued by blocking, so
    this is the recall that decides clustering quality.
    """
    by_entity: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_entity[row.entity_id].append(row.name)
    index = BlockIndex()
    for name in sorted({r.name for r in rows}):
        index.add(name, parse_name(name))
    candidates = index.pairs()
    shared: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    linkable = [0, 0]  # true pairs compare links directly: found, all
    for names in by_entity.values():
        for a, b in itertools.combinations(sorted(set(names)), 2):
            score, conflict = score_pair(parse_name(a), parse_name(b))
            if score >= DEFAULT_THRESHOLD and not conflict:
                linkable[0] += (a, b) in candidates
                linkable[1] += 1
            kind = _kind(a, b)
            ka = {k for k in block_keys(parse_name(a)) if k.startswith("S:")}
            kb = {k for k in block_keys(parse_name(b)) if k.startswith("S:")}
            shared[kind][0] += bool(ka & kb)
            shared[kind][1] += 1
            found[kind][0] += (a, b) in candidates
            found[kind][1] += 1
    n = len({r.name for r in rows})
    all_pairs = n * (n - 1) // 2
    sizes = index.block_sizes()
    total_found = sum(v[0] for v in found.values())
    total_true = sum(v[1] for v in found.values())
    return {
        "surname_key_shared": {k: v[0] / v[1] for k, v in sorted(shared.items())},
        "candidate_recall": {k: v[0] / v[1] for k, v in sorted(found.items())},
        "candidate_recall_all": total_found / total_true if total_true else None,
        "linkable_pairs": linkable[1],
        "candidate_recall_linkable": linkable[0] / linkable[1] if linkable[1] else None,
        "true_pairs": total_true,
        "candidate_pairs": len(candidates),
        "reduction_ratio": 1 - len(candidates) / all_pairs if all_pairs else None,
        "blocks": len(sizes),
        "block_size_mean": statistics.fmean(sizes) if sizes else 0,
        "block_size_max": max(sizes, default=0),
    }


def main() -> int:
    """Print and save the figures."""
    if not DEV.exists():
        print(f"dev set absent: {DEV}")
        return 0
    rows = load_gold(DEV)
    report = {"scheme_invariance": scheme_invariance(rows), "blocking": pair_recall(rows)}
    print(json.dumps(report, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "keys.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
