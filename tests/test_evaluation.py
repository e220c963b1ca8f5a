"""Tests for aliaskit.evaluation: hand-computed cases, a slow oracle, and gold-file loading."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit.evaluation import (
    GoldPair,
    GoldRow,
    Scores,
    bcubed_scores,
    false_merge_rate,
    gold_by_name,
    gold_by_row,
    load_gold,
    load_pairs,
    pairwise_scores,
    per_group_scores,
    predicted_by_row,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# gold: {a, b} {c} {d, e, f}
GOLD = {"a": "1", "b": "1", "c": "2", "d": "3", "e": "3", "f": "3"}


def close(scores: Scores, precision: float, recall: float) -> bool:
    """True when scores match the expected P and R, and F1 is their harmonic mean."""
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return (
        math.isclose(scores.precision, precision)
        and math.isclose(scores.recall, recall)
        and math.isclose(scores.f1, f1, abs_tol=1e-12)
    )


# --- slow reference implementations (the oracle) ----------------------------


def _same_pred(pred: Mapping[str, str], a: str, b: str) -> bool:
    return a in pred and b in pred and pred[a] == pred[b]


def _harmonic(p: Fraction, r: Fraction) -> tuple[float, float, float]:
    f1 = Fraction(0) if p + r == 0 else 2 * p * r / (p + r)
    return float(p), float(r), float(f1)


def slow_pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 by enumerating every pair of gold items."""
    true = predicted = golden = 0
    for a, b in combinations(gold, 2):
        same_p = _same_pred(pred, a, b)
        same_g = gold[a] == gold[b]
        predicted += same_p
        golden += same_g
        true += same_p and same_g
    p = Fraction(1) if predicted == 0 else Fraction(true, predicted)
    r = Fraction(1) if golden == 0 else Fraction(true, golden)
    return _harmonic(p, r)


def slow_bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed P/R/F1 by building every item's two clusters explicitly."""
    if not gold:
        return 1.0, 1.0, 1.0
    p_sum = r_sum = Fraction(0)
    for x in gold:
        pred_cluster = {y for y in gold if y == x or _same_pred(pred, x, y)}
        gold_cluster = {y for y in gold if gold[y] == gold[x]}
        both = len(pred_cluster & gold_cluster)
        p_sum += Fraction(both, len(pred_cluster))
        r_sum += Fraction(both, len(gold_cluster))
    return _harmonic(p_sum / len(gold), r_sum / len(gold))


def as_tuple(scores: Scores) -> tuple[float, float, float]:
    return scores.precision, scores.recall, scores.f1


def agree(fast: Scores, slow: tuple[float, float, float]) -> bool:
    return all(math.isclose(a, b, abs_tol=1e-12) for a, b in zip(as_tuple(fast), slow, strict=True))


# --- hand-computed cases ----------------------------------------------------


def test_perfect_clustering_scores_one() -> None:
    """A prediction identical to gold (up to label names) scores 1/1/1 on both metrics."""
    pred = {k: "c" + v for k, v in GOLD.items()}
    assert close(pairwise_scores(pred, GOLD), 1.0, 1.0)
    assert close(bcubed_scores(pred, GOLD), 1.0, 1.0)


def test_all_singletons_have_full_precision_and_no_pairwise_recall() -> None:
    """All singletons: pairwise P=1 (no predicted pairs), R=0, F1=0; B-cubed R = clusters/items."""
    pred = {k: k for k in GOLD}
    assert close(pairwise_scores(pred, GOLD), 1.0, 0.0)
    # B-cubed recall: a, b get 1/2; c gets 1; d, e, f get 1/3 -> (1 + 1 + 1) / 6 = 1/2.
    assert close(bcubed_scores(pred, GOLD), 1.0, 0.5)


def test_empty_prediction_counts_gold_items_as_singletons() -> None:
    """Gold items missing from the prediction are scored as singletons."""
    singletons = {k: k for k in GOLD}
    assert pairwise_scores({}, GOLD) == pairwise_scores(singletons, GOLD)
    assert bcubed_scores({}, GOLD) == bcubed_scores(singletons, GOLD)


def test_one_big_cluster_has_full_recall() -> None:
    """Everything in one cluster: R=1, pairwise P = gold pairs / all pairs = 4/15."""
    pred = dict.fromkeys(GOLD, "all")
    # gold pairs: C(2,2) + C(1,2) + C(3,2) = 1 + 0 + 3 = 4; predicted pairs C(6,2) = 15.
    assert close(pairwise_scores(pred, GOLD), 4 / 15, 1.0)
    # B-cubed precision: each item gets |its gold cluster| / 6 -> (2*2 + 1*1 + 3*3) / 36 = 7/18.
    assert close(bcubed_scores(pred, GOLD), 7 / 18, 1.0)


# Bagga & Baldwin (1998) contrast B-cubed with the MUC score on 12 mentions in
# three true entities {1..5}, {6, 7}, {8, 9, A, B, C}.
BB_GOLD = dict.fromkeys("12345", "e1") | dict.fromkeys("67", "e2") | dict.fromkeys("89ABC", "e3")


def test_bcubed_matches_bagga_baldwin_worked_example() -> None:
    """B-cubed reproduces the two responses of Bagga & Baldwin's example by hand."""
    # Response 1 merges {6, 7} with {8..C} into one cluster of 7.
    #   precision: items 1-5: 5/5 each; 6, 7: 2/7 each; 8-C: 5/7 each
    #   = (5*1 + 2*2/7 + 5*5/7) / 12 = (35/7 + 4/7 + 25/7) / 12 = 64/84 = 16/21 ~ 0.762
    #   recall: every gold cluster lies inside one predicted cluster -> 1
    merge_small = dict.fromkeys("12345", "r1") | dict.fromkeys("6789ABC", "r2")
    assert close(bcubed_scores(merge_small, BB_GOLD), 16 / 21, 1.0)
    # Response 2 merges {1..5} with {8..C} into one cluster of 10.
    #   precision: the 10 merged items 5/10 each, 6 and 7 1 each = (10*1/2 + 2) / 12 = 7/12 ~ 0.583
    merge_big = (
        dict.fromkeys("12345", "r1") | dict.fromkeys("67", "r2") | dict.fromkeys("89ABC", "r1")
    )
    assert close(bcubed_scores(merge_big, BB_GOLD), 7 / 12, 1.0)


def test_pairwise_on_bagga_baldwin_example() -> None:
    """Pairwise scores on the same example: P = 21/31 and 21/46, R = 1."""
    merge_small = dict.fromkeys("12345", "r1") | dict.fromkeys("6789ABC", "r2")
    # gold pairs 10 + 1 + 10 = 21, all kept; predicted pairs C(5,2) + C(7,2) = 10 + 21 = 31.
    assert close(pairwise_scores(merge_small, BB_GOLD), 21 / 31, 1.0)
    merge_big = dict.fromkeys("1234589ABC", "r1") | dict.fromkeys("67", "r2")
    # predicted pairs C(10,2) + C(2,2) = 45 + 1 = 46; true pairs 10 + 10 + 1 = 21 -> 21/46.
    assert close(pairwise_scores(merge_big, BB_GOLD), 21 / 46, 1.0)


def test_items_only_in_prediction_are_ignored() -> None:
    """Predicted items absent from gold do not change any score."""
    pred = {k: "c" + v for k, v in GOLD.items()}
    noisy = pred | {"zz1": "c1", "zz2": "c1", "zz3": "c3"}
    assert pairwise_scores(noisy, GOLD) == pairwise_scores(pred, GOLD)
    assert bcubed_scores(noisy, GOLD) == bcubed_scores(pred, GOLD)


def test_empty_gold_scores_one() -> None:
    """With no gold items there is nothing wrong: every score is 1.0."""
    assert close(pairwise_scores({"a": "x"}, {}), 1.0, 1.0)
    assert close(bcubed_scores({"a": "x"}, {}), 1.0, 1.0)


def test_partial_merge_pairwise_by_hand() -> None:
    """A mixed prediction scores as counted by hand from the contingency table."""
    # predicted {a, b, c} {d, e} {f}: predicted pairs 3 + 1 = 4; true pairs (a,b), (d,e) = 2;
    # gold pairs 4 -> P = 2/4, R = 2/4.
    pred = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "z"}
    assert close(pairwise_scores(pred, GOLD), 0.5, 0.5)
    # B-cubed P: a, b 2/3; c 1/3; d, e 1; f 1 -> (4/3 + 1/3 + 3) / 6 = 14/18 = 7/9.
    # B-cubed R: a, b 1; c 1; d, e 2/3; f 1/3 -> (3 + 4/3 + 1/3) / 6 = 14/18 = 7/9.
    assert close(bcubed_scores(pred, GOLD), 7 / 9, 7 / 9)


def test_scores_as_dict_has_three_keys() -> None:
    """Scores.as_dict returns precision, recall and f1."""
    assert Scores(0.5, 1.0, 2 / 3).as_dict() == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3}


# --- per group --------------------------------------------------------------


def test_per_group_restricts_pairs_to_the_group() -> None:
    """A merge across groups is invisible per group; a merge within a group is seen."""
    gold = {"a1": "A", "a2": "A", "b1": "B", "x1": "X", "x2": "Y"}
    groups = {"a1": "eu", "a2": "eu", "b1": "wd", "x1": "wd", "x2": "wd"}
    # a1 (eu) and b1 (wd) are wrongly merged; x1 and x2 (both wd) are wrongly merged.
    pred = {"a1": "p", "a2": "p", "b1": "p", "x1": "q", "x2": "q"}
    out = per_group_scores(pred, gold, groups)
    assert list(out) == ["eu", "wd"]
    eu_pair, eu_b3 = out["eu"]
    assert close(eu_pair, 1.0, 1.0)
    assert close(eu_b3, 1.0, 1.0)
    wd_pair, wd_b3 = out["wd"]
    # wd items b1, x1, x2: predicted pairs (x1, x2) only, which is wrong -> P = 0; no gold pairs.
    assert close(wd_pair, 0.0, 1.0)
    # B-cubed P: b1 1, x1 1/2, x2 1/2 -> 2/3; R = 1.
    assert close(wd_b3, 2 / 3, 1.0)
    # Whole-set precision does see the cross-group merge: 1 true of 3 + 1 predicted pairs.
    assert close(pairwise_scores(pred, gold), 1 / 4, 1.0)


def test_per_group_skips_items_without_group() -> None:
    """Gold items with no group are left out and empty groups are not reported."""
    out = per_group_scores(GOLD, GOLD, {"a": "g", "b": "g", "nowhere": "h"})
    assert list(out) == ["g"]


# --- false merges -----------------------------------------------------------


def test_false_merge_rate_counts_same_label_pairs() -> None:
    """False merge rate is merged pairs / all pairs; missing items are never merged."""
    pred = {"a": "x", "b": "x", "c": "y"}
    assert false_merge_rate(pred, [("a", "b"), ("a", "c"), ("a", "zz"), ("zz", "zy")]) == 0.25
    assert false_merge_rate(pred, []) == 0.0
    assert false_merge_rate(pred, iter([("b", "a")])) == 1.0


def test_false_merge_rate_rejects_non_pairs() -> None:
    """A pair that is not a 2-tuple of str raises TypeError."""
    with pytest.raises(TypeError, match="2-tuple"):
        false_merge_rate({}, [("a", "b", "c")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="must be str"):
        false_merge_rate({}, [("a", 1)])  # type: ignore[list-item]


# --- type errors ------------------------------------------------------------


def test_non_mapping_and_non_str_labels_raise_type_error() -> None:
    """Non-mapping arguments and non-str items or labels raise TypeError."""
    with pytest.raises(TypeError, match="predicted must be a mapping"):
        pairwise_scores([("a", "b")], GOLD)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="gold label"):
        bcubed_scores({}, {"a": 1})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="gold item"):
        bcubed_scores({}, {1: "a"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="predicted label"):
        pairwise_scores({"a": 3}, GOLD)  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="group"):
        per_group_scores(GOLD, GOLD, {"a": 3})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="path"):
        load_gold(3)  # type: ignore[arg-type]


# --- hypothesis properties --------------------------------------------------

ITEMS = st.sampled_from([f"i{k}" for k in range(10)])
LABELS = st.sampled_from(["x", "y", "z", "w"])
CLUSTERING = st.dictionaries(ITEMS, LABELS, max_size=10)
ODD_TEXT = st.text(max_size=4)  # any code points, incl. surrogates, controls, bidi marks


@given(CLUSTERING, CLUSTERING)
def test_scores_lie_in_unit_interval(pred: dict[str, str], gold: dict[str, str]) -> None:
    """Every score of every metric is in [0, 1]."""
    for scores in (pairwise_scores(pred, gold), bcubed_scores(pred, gold)):
        assert all(0.0 <= v <= 1.0 for v in as_tuple(scores))


@given(CLUSTERING)
def test_perfect_prediction_scores_one(gold: dict[str, str]) -> None:
    """Predicting the gold clustering itself gives 1.0 everywhere."""
    assert as_tuple(pairwise_scores(gold, gold)) == (1.0, 1.0, 1.0)
    assert as_tuple(bcubed_scores(gold, gold)) == (1.0, 1.0, 1.0)


@given(CLUSTERING, CLUSTERING)
def test_scores_are_invariant_under_label_renaming(
    pred: dict[str, str], gold: dict[str, str]
) -> None:
    """Renaming labels injectively (separately in gold and prediction) changes nothing."""
    renamed_pred = {k: "P" + v * 3 for k, v in pred.items()}
    renamed_gold = {k: v[::-1] + "#" for k, v in gold.items()}
    assert pairwise_scores(renamed_pred, renamed_gold) == pairwise_scores(pred, gold)
    assert bcubed_scores(renamed_pred, renamed_gold) == bcubed_scores(pred, gold)


@given(CLUSTERING, CLUSTERING)
def test_fast_scores_agree_with_slow_oracle(pred: dict[str, str], gold: dict[str, str]) -> None:
    """Contingency-table scores equal the all-pairs / all-items reference implementation."""
    assert agree(pairwise_scores(pred, gold), slow_pairwise(pred, gold))
    assert agree(bcubed_scores(pred, gold), slow_bcubed(pred, gold))


@settings(max_examples=50)
@given(
    st.dictionaries(ODD_TEXT, ODD_TEXT, max_size=30),
    st.dictionaries(ODD_TEXT, ODD_TEXT, max_size=30),
)
def test_fast_scores_agree_with_oracle_on_arbitrary_strings(
    pred: dict[str, str], gold: dict[str, str]
) -> None:
    """Any Unicode items and labels (surrogates, bidi, controls) score like the oracle."""
    pred = pred | dict(list(gold.items())[::2])  # overlap item sets
    assert agree(pairwise_scores(pred, gold), slow_pairwise(pred, gold))
    assert agree(bcubed_scores(pred, gold), slow_bcubed(pred, gold))


@given(CLUSTERING)
def test_swapping_roles_swaps_precision_and_recall(gold: dict[str, str]) -> None:
    """On the same item set, scoring gold against pred swaps P and R."""
    pred = {k: str(len(k) + ord(v[0]) % 2) for k, v in gold.items()}
    for metric in (pairwise_scores, bcubed_scores):
        forward, backward = metric(pred, gold), metric(gold, pred)
        assert math.isclose(forward.precision, backward.recall)
        assert math.isclose(forward.recall, backward.precision)


@given(CLUSTERING, CLUSTERING, st.dictionaries(ITEMS, st.sampled_from(["eu", "wd"])))
def test_per_group_equals_scores_on_restricted_gold(
    pred: dict[str, str], gold: dict[str, str], groups: dict[str, str]
) -> None:
    """Per-group scores equal whole-set scores computed on that group's gold items."""
    out = per_group_scores(pred, gold, groups)
    for group, (pair, b3) in out.items():
        restricted = {k: v for k, v in gold.items() if groups.get(k) == group}
        assert restricted
        assert agree(pair, slow_pairwise(pred, restricted))
        assert agree(b3, slow_bcubed(pred, restricted))
    assert set(out) == {groups[k] for k in gold if k in groups}


@given(CLUSTERING, st.lists(st.tuples(ITEMS, ITEMS), max_size=8))
def test_false_merge_rate_matches_definition(
    pred: dict[str, str], pairs: list[tuple[str, str]]
) -> None:
    """False merge rate equals the share of pairs whose items share a predicted label."""
    merged = sum(_same_pred(pred, a, b) for a, b in pairs)
    expected = merged / len(pairs) if pairs else 0.0
    assert false_merge_rate(pred, pairs) == expected


# --- gold files -------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_gold_skips_blanks_and_comments_and_keeps_line_numbers(tmp_path: Path) -> None:
    """Blank and # lines are skipped; rows carry their 1-based line numbers."""
    path = write(
        tmp_path,
        "g.tsv",
        "# a comment\nentity_id\tname\tscript\tsource\n\nP1\tSasha Troufanov\tLatn\tseed\r\n"
        "# another\nP1\tСаша Труфанов\tCyrl\tseed\n",
    )
    rows = load_gold(path)
    assert rows == [
        GoldRow("P1", "Sasha Troufanov", "Latn", "seed", 4),
        GoldRow("P1", "Саша Труфанов", "Cyrl", "seed", 6),
    ]
    assert [r.key for r in rows] == ["4", "6"]


def test_load_gold_leaves_absent_columns_empty_and_honours_column_names(tmp_path: Path) -> None:
    """Missing script/source columns give empty strings; id and name columns are configurable."""
    path = write(tmp_path, "g.tsv", "name\tnote\tperson\nסשה טרופנוב\tx\tP1\n")
    assert load_gold(path, id_column="person") == [GoldRow("P1", "סשה טרופנוב", "", "", 2)]


def test_load_gold_keeps_odd_unicode_names(tmp_path: Path) -> None:
    """Names with combining marks, bidi marks, ZWJ, emoji and controls load unchanged."""
    odd = "\u0301x\u200f\u200d😀\x07\u2028y"
    path = write(tmp_path, "g.tsv", f"entity_id\tname\nP1\t{odd}\n")
    assert load_gold(path)[0].name == odd


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("entity_id\tname\nP1\tA\n# c\nP2\tB\textra\n", 4, "expected 2"),
        ("entity_id\tname\nP1\n", 2, "expected 2"),
        ("entity_id\tname\n\tSasha\n", 2, "empty entity_id"),
        ("entity_id\tname\nP1\t  \n", 2, "empty name"),
        ("\n# c\nid\tname\nP1\tA\n", 3, "lacks column"),
        ("entity_id\tname\tname\n", 1, "duplicate column"),
        ("", 1, "no header"),
    ],
)
def test_malformed_gold_file_error_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    """A malformed gold file raises ValueError naming the file, the line and the problem."""
    path = write(tmp_path, "bad_gold.tsv", text)
    with pytest.raises(ValueError, match=rf"bad_gold\.tsv:{line}: .*{message}"):
        load_gold(path)


def test_invalid_utf8_error_names_the_line(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 raise ValueError naming the line they are on."""
    path = tmp_path / "bin.tsv"
    path.write_bytes(b"entity_id\tname\nP1\tA\nP2\t\xff\xfe\n")
    with pytest.raises(ValueError, match=r"bin\.tsv:3: not valid UTF-8"):
        load_gold(path)


PAIRS_HEADER = "entity_id_a\tentity_id_b\tname_a\tname_b\tsimilarity\tkind\n"


def test_load_pairs_reads_hard_negative_format(tmp_path: Path) -> None:
    """Hard-negative rows become GoldPair values with parsed similarity and names."""
    path = write(
        tmp_path,
        "neg.tsv",
        PAIRS_HEADER + "E1\tE2\tElena Troufanov\tAlexander Troufanov\t0.71\tfamily\n"
        "E3\tE4\tRoy Evans\tTroy Evans\t\tnamesake\n",
    )
    pairs = load_pairs(path)
    assert pairs[0] == GoldPair(
        "E1", "E2", "Elena Troufanov", "Alexander Troufanov", 0.71, "family", 2
    )
    assert pairs[1].similarity is None
    assert [p.names for p in pairs] == [
        ("Elena Troufanov", "Alexander Troufanov"),
        ("Roy Evans", "Troy Evans"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (PAIRS_HEADER + "E1\tE2\tA\tB\tnope\tk\n", 2, "similarity is not a number"),
        (PAIRS_HEADER + "E1\tE2\tA\tB\tnan\tk\n", 2, "NaN"),
        (PAIRS_HEADER + "E1\tE2\t\tB\t0.5\tk\n", 2, "empty name_a"),
        (PAIRS_HEADER + "E1\tE2\tA\tB\t0.5\n", 2, "expected 6"),
        ("entity_id_a\tname_a\tname_b\nE1\tA\tB\n", 1, "entity_id_b"),
    ],
)
def test_malformed_pairs_file_error_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    """A malformed pair file raises ValueError naming the file, the line and the problem."""
    path = write(tmp_path, "bad_pairs.tsv", text)
    with pytest.raises(ValueError, match=rf"bad_pairs\.tsv:{line}: .*{message}"):
        load_pairs(path)


def test_gold_by_name_picks_smallest_entity_id() -> None:
    """A name under several entities maps to the smallest id, whatever the row order."""
    rows = [
        GoldRow("P2", "Sasha", "", "", 2),
        GoldRow("P1", "Sasha", "", "", 3),
        GoldRow("P3", "Elena", "", "", 4),
    ]
    assert gold_by_name(rows) == {"Sasha": "P1", "Elena": "P3"}
    assert gold_by_name(reversed(rows)) == {"Sasha": "P1", "Elena": "P3"}


def test_scoring_by_row_keeps_shared_names_apart() -> None:
    """Row keys let a name shared by two entities be scored against both."""
    rows = [
        GoldRow("P1", "Sasha", "", "", 2),
        GoldRow("P1", "Alexander", "", "", 3),
        GoldRow("P2", "Sasha", "", "", 4),
    ]
    gold = gold_by_row(rows)
    assert gold == {"2": "P1", "3": "P1", "4": "P2"}
    pred = predicted_by_row(rows, {"Sasha": "c", "Alexander": "c"})
    assert pred == {"2": "c", "3": "c", "4": "c"}
    # predicted pairs 3, true pairs 1 (rows 2, 3); gold pairs 1.
    assert close(pairwise_scores(pred, gold), 1 / 3, 1.0)


# --- shared evaluation data (skipped when absent) ---------------------------


def _data_file(name: str) -> Path:
    path = DATA / name
    if not path.is_file():
        pytest.skip(f"evaluation data {path} not present")
    return path


def test_dev_persons_loads_all_rows() -> None:
    """load_gold reads all 10,702 rows of dev_persons.tsv with script and source."""
    rows = load_gold(_data_file("dev_persons.tsv"))
    assert len(rows) == 10_702
    assert all(r.script in {"Latn", "Cyrl", "Hebr"} and r.source for r in rows)
    gold = gold_by_row(rows)
    assert close(pairwise_scores(gold, gold), 1.0, 1.0)


def test_dev_hard_negatives_load_and_are_unmerged_by_gold() -> None:
    """All 395 hard-negative pairs load, and the gold clustering merges none of them."""
    pairs = load_pairs(_data_file("dev_hard_negatives.tsv"))
    assert len(pairs) == 395
    gold = gold_by_name(load_gold(_data_file("dev_persons.tsv")))
    assert false_merge_rate(gold, [p.names for p in pairs]) == 0.0
