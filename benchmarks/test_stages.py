"""The stage breakdown runs on a small workload of each shape and accounts for every stage."""

from __future__ import annotations

import warnings

import pytest

from benchmarks.stages import run
from benchmarks.workload import SHAPES


@pytest.mark.parametrize("shape", SHAPES)
def test_stage_breakdown_covers_every_stage_and_its_shares_sum_to_one(shape: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = run(400, shape)
    assert set(report["seconds"]) == {
        "parse",
        "block keys",
        "pair generation",
        "prepare",
        "scoring",
        "clustering",
        "entities",
    }
    assert report["candidate_pairs"] > 0
    assert report["entities"] <= report["names"]
    assert abs(sum(report["share"].values()) - 1.0) < 0.01
