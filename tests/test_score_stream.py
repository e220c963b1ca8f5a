"""Scoring pairs while they are found (aliaskit._score_stream): every distinct pair
once, scored as in one process, whatever the rounds and the number of workers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import _score_stream
from aliaskit._parallel import score_ids
from aliaskit._score_stream import ScoreStream, Unseen
from aliaskit.parse import parse_name
from benchmarks.workload import generate


@given(st.lists(st.lists(st.integers(0, 60), max_size=25), max_size=12))
def test_unseen_gives_each_code_once_across_rounds(rounds: list[list[int]]) -> None:
    seen = Unseen()
    met: set[int] = set()
    for round_ in rounds:
        codes = np.array(sorted(set(round_)), dtype=np.int64)
        fresh = seen.fresh(codes).tolist()
        assert fresh == sorted(set(round_) - met)
        met.update(round_)


@pytest.mark.parametrize("workers", [1, 2])
def test_stream_scores_every_distinct_pair_as_one_process_does(
    workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_score_stream, "PARALLEL_MIN_PAIRS", 500)  # a pool from 500 pairs
    names = tuple(sorted({x for _, x in generate(400, seed=3, shape="distinct")}))
    parsed = {x: parse_name(x) for x in names}
    n = len(names)
    rng = np.random.default_rng(5)
    rounds = []
    for _ in range(6):  # overlapping rounds, as blocks sharing pairs give them
        i, j = rng.integers(0, n, 900), rng.integers(0, n, 900)
        keep = i != j
        rounds.append(np.unique(np.minimum(i, j)[keep] * n + np.maximum(i, j)[keep]))
    with ScoreStream(parsed, names, workers) as stream:
        for codes in rounds:
            stream.submit(codes)
        codes, scores, conflicts = stream.finish()
    expected = np.unique(np.concatenate(rounds))
    order = np.argsort(codes)  # each pair once, in any order
    codes, scores, conflicts = codes[order], scores[order], conflicts[order]
    assert codes.tolist() == expected.tolist()
    want_scores, want_conflicts = score_ids(parsed, names, expected // n, expected % n)
    assert scores.tolist() == want_scores.tolist()
    assert conflicts.tolist() == want_conflicts.tolist()
