"""The peer systems of ``benchmarks.peers`` and the tuning protocol of ``benchmarks.peers_report``.

Fast (the seed people only); a peer whose package is not installed is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from aliaskit.evaluation import GoldRow
from benchmarks import peers_report
from benchmarks.peers import PEERS, Clusters, Peer, Scored


@pytest.fixture(scope="module")
def rows() -> list[GoldRow]:
    return peers_report.seed_rows()


@pytest.mark.parametrize("key", list(PEERS))
def test_peer_clusters_every_name_once(key: str, rows: list[GoldRow]) -> None:
    """Each peer gives clusters of the input names: every name in exactly one cluster."""
    peer = PEERS[key]
    reason = peer.unavailable()
    if reason is not None:
        pytest.skip(reason)
    names = peers_report.distinct_names(rows)
    clusters = peer.cluster(names, peer.grid[len(peer.grid) // 2])
    assert all(isinstance(c, list) and c for c in clusters)
    flat = [name for c in clusters for name in c]
    assert sorted(flat) == sorted(names)
    sweep = list(peer.sweep(names, peer.grid[:2]))
    assert len(sweep) == 2


@pytest.mark.parametrize("key", list(PEERS))
def test_peer_report_row_has_every_figure(key: str, rows: list[GoldRow]) -> None:
    """run_system gives a threshold from the grid and scores between 0 and 1."""
    peer = PEERS[key]
    if peer.unavailable() is not None:
        pytest.skip(str(peer.unavailable()))
    row = peers_report.run_system(peer, rows)
    assert row["threshold"] in peer.grid
    assert len(row["sweep"]) == len(peer.grid)
    for kind in ("pairwise", "bcubed"):
        assert 0.0 <= row[kind]["f1"] <= 1.0
    assert row["test_names"] > 0
    assert row["names_per_second"] > 0


class Recording(Peer):
    """A peer that links nothing and records the names of every call."""

    key = "recording"
    label = "recording"
    blocking = "none"
    grid = (0.5, 0.9)

    def __init__(self) -> None:
        self.swept: list[list[str]] = []
        self.clustered: list[list[str]] = []

    def sweep(self, names: Sequence[str], thresholds: Sequence[float]) -> Iterator[Clusters]:
        self.swept.append(list(names))
        for _ in thresholds:
            yield [[n] for n in names]

    def cluster(self, names: Sequence[str], threshold: float) -> Clusters:
        self.clustered.append(list(names))
        return [[n] for n in names]


def test_threshold_is_chosen_on_the_other_half_only(rows: list[GoldRow]) -> None:
    """Tuning sees only the tune half's names, scoring only the test half's: no entity in both."""
    peer = Recording()
    row = peers_report.run_system(peer, rows)
    tune_rows, test_rows = peers_report.split(rows)
    assert {r.entity_id for r in tune_rows}.isdisjoint({r.entity_id for r in test_rows})
    assert peer.swept == [peers_report.distinct_names(tune_rows)]
    assert peer.clustered == [peers_report.distinct_names(test_rows)]
    assert set(peer.swept[0]).isdisjoint(peer.clustered[0])
    assert row["tune_names"] + row["test_names"] == len(peers_report.distinct_names(rows))


def test_split_is_fixed_and_by_entity(rows: list[GoldRow]) -> None:
    """The split depends on the seed only, and halves the entities."""
    first, again = peers_report.split(rows), peers_report.split(list(reversed(rows)))
    assert {r.entity_id for r in first[0]} == {r.entity_id for r in again[0]}
    entities = {r.entity_id for r in rows}
    assert len({r.entity_id for r in first[0]}) == len(entities) // 2


def test_sample_keeps_whole_entities_and_enough_names(rows: list[GoldRow]) -> None:
    """A sample holds at least max_names names and every name of each entity drawn."""
    kept = peers_report.sample(rows, 20)
    assert len({r.name for r in kept}) >= 20
    drawn = {r.entity_id for r in kept}
    assert {r.line for r in kept} == {r.line for r in rows if r.entity_id in drawn}
    assert peers_report.sample(rows, None) == rows


def test_scored_pairs_link_above_the_threshold_only() -> None:
    """Union-find over scored pairs: a pair below the threshold stays apart."""
    scored = Scored(["a", "b", "c"], {(0, 1): 0.9, (1, 2): 0.6})
    assert sorted(map(sorted, scored.clusters(0.8))) == [["a", "b"], ["c"]]
    assert sorted(map(sorted, scored.clusters(0.5))) == [["a", "b", "c"]]


def test_markdown_names_every_system_and_skips(rows: list[GoldRow]) -> None:
    """The report's table has a row per system, skipped ones with their reason."""
    row = peers_report.run_system(PEERS["naive_dm_jw"], rows)
    report = {
        "run": peers_report.stamp(),
        "sets": {
            "redistributable": {
                "names": 76,
                "entities": 17,
                "tune_entities": 8,
                "test_entities": 9,
                "systems": [row, {"system": "x", "skipped": "x is not installed"}],
            },
            "eu": {"absent": "not run: absent"},
        },
        "not_run": {"splink": "later"},
    }
    text = peers_report.markdown(report)
    assert "| naive_dm_jw |" in text
    assert "| x | skipped: x is not installed |" in text
    assert "not run: absent" in text
    assert "- splink: later" in text


def test_hard_negatives_count_only_pairs_clustered_together() -> None:
    """merged() counts the pairs in one cluster among those whose two names were clustered."""
    clusters = [["Roy Evans", "Troy Evans"], ["Alfred Roome"]]
    pairs = [("Roy Evans", "Troy Evans"), ("Alfred Roome", "Alfred Romer")]
    assert peers_report.merged(clusters, pairs) == (1, 1)


def test_plots_are_written(rows: list[GoldRow], tmp_path: Path) -> None:
    """The report draws quality against throughput and per-source F1 (matplotlib: bench extra)."""
    pytest.importorskip("matplotlib")
    row = peers_report.run_system(PEERS["naive_dm_jw"], rows)
    report = {"sets": {"redistributable": {"systems": [row, {"system": "x", "skipped": "-"}]}}}
    written = peers_report.plots(report, tmp_path)
    assert written == ["peers_quality_speed.png", "peers_per_source.png"]
    assert all((tmp_path / name).stat().st_size > 0 for name in written)
