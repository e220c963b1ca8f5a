"""Quality guard: clustering F1 on the gold sets must not drop below measured floors.

The floors are the figures measured when they were set (recorded in
``benchmarks/quality.py`` runs) less a small margin for harmless changes.
"""

from __future__ import annotations

from aliaskit.evaluation import load_gold, load_pairs
from benchmarks.quality import evaluate
from tests.conftest import VECTORS, shared_file

SEED_BCUBED_F1_FLOOR = 1.0
# Measured 2026-11-23: pairwise F1 0.940 overall, 0.985 EU, 0.921 Wikidata-Hebrew,
# B-cubed F1 0.97; 0.76% of hard negatives merged.
DEV_PAIRWISE_F1_FLOOR = 0.93
DEV_BCUBED_F1_FLOOR = 0.965
DEV_HARD_NEGATIVE_CEILING = 0.01


def test_seed_set_bcubed_f1_does_not_regress() -> None:
    """The seed set clusters to its gold entities (B-cubed F1 1.0)."""
    report = evaluate(load_gold(VECTORS / "seed_gold.tsv"))
    assert report["bcubed"]["f1"] >= SEED_BCUBED_F1_FLOOR


def test_dev_set_f1_does_not_regress() -> None:
    """dev_persons.tsv pairwise and B-cubed F1 stay above their floors."""
    rows = load_gold(shared_file("dev_persons.tsv"))
    pairs = [p.names for p in load_pairs(shared_file("dev_hard_negatives.tsv"))]
    report = evaluate(rows, hard_negative_pairs=pairs)
    assert report["pairwise"]["f1"] >= DEV_PAIRWISE_F1_FLOOR
    assert report["bcubed"]["f1"] >= DEV_BCUBED_F1_FLOOR
    assert report["hard_negative_false_merge_rate"] <= DEV_HARD_NEGATIVE_CEILING
