"""Pairwise quality of ``aliaskit.compare`` on the dev data (issue 5).

Figures: every seed pair right; precision/recall/F1 on the nomenklatura
labelled pairs at the default threshold; the share of hard negatives scored
as a match; the ROC AUC of ``compare`` on true pairs of ``dev_persons.tsv``
against false pairs drawn from the same blocks. Run
``python benchmarks/compare_report.py``; it writes
``benchmarks/results/compare.json``. The dev data is read from
``../shared/data`` (evaluation only).
"""

from __future__ import annotations

import csv
import itertools
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from aliaskit import compare, parse_name
from aliaskit.blocking import BlockIndex
from aliaskit.evaluation import load_gold, load_pairs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEED = ROOT / "tests" / "vectors" / "seed_gold.tsv"
RESULTS = ROOT / "benchmarks" / "results"
SEED_RANDOM = 20261123


def seed_pairs() -> dict[str, Any]:
    """Every same-entity seed pair must match and every cross-entity pair must not."""
    rows = load_gold(SEED)
    wrong = []
    total = 0
    for a, b in itertools.combinations(rows, 2):
        total += 1
        if compare(a.name, b.name).is_match is not (a.entity_id == b.entity_id):
            wrong.append([a.name, b.name])
    return {"pairs": total, "wrong": wrong}


def nomenklatura() -> dict[str, Any]:
    """P/R/F1 at the default threshold on nomenklatura's labelled person pairs."""
    path = SHARED / "dev_pairs_nomenklatura.tsv"
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    tp = fp = fn = tn = 0
    for row in rows:
        truth = row["is_match"] == "true"
        try:
            predicted = compare(row["name1"], row["name2"]).is_match
        except ValueError:
            predicted = False
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
        tn += not truth and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(rows), "precision": precision, "recall": recall, "f1": f1}


def hard_negatives() -> dict[str, Any]:
    """Share of hard-negative pairs (different people) that compare as a match."""
    pairs = load_pairs(SHARED / "dev_hard_negatives.tsv")
    matched = [p.names for p in pairs if compare(*p.names).is_match]
    return {"pairs": len(pairs), "matched": len(matched), "share": len(matched) / len(pairs)}


def _auc(positives: list[float], negatives: list[float]) -> float:
    """ROC AUC by ranks (ties count one half)."""
    scored = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum = 0.0
    i = 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        average_rank = (i + j + 1) / 2
        rank_sum += average_rank * sum(label for _, label in scored[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def roc_auc(sample: int = 6000) -> dict[str, Any]:
    """AUC of compare on true pairs vs false pairs drawn from the same blocks."""
    rows = load_gold(SHARED / "dev_persons.tsv")
    entity = {r.name: r.entity_id for r in rows}
    by_entity: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_entity[r.entity_id].append(r.name)
    true_pairs = [
        p for names in by_entity.values() for p in itertools.combinations(sorted(set(names)), 2)
    ]
    index = BlockIndex()
    for name in sorted(entity):
        index.add(name, parse_name(name))
    false_pairs = sorted(p for p in index.pairs() if entity[p[0]] != entity[p[1]])
    rng = random.Random(SEED_RANDOM)
    false_pairs = rng.sample(false_pairs, min(sample, len(false_pairs)))
    positives = [compare(a, b).score for a, b in true_pairs]
    negatives = [compare(a, b).score for a, b in false_pairs]
    return {
        "true_pairs": len(positives),
        "false_pairs_from_blocks": len(negatives),
        "auc": _auc(positives, negatives),
    }


def main() -> int:
    """Print and save the figures."""
    report: dict[str, Any] = {"seed": seed_pairs()}
    if SHARED.exists():
        report |= {
            "nomenklatura": nomenklatura(),
            "hard_negatives": hard_negatives(),
            "roc": roc_auc(),
        }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "compare.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
