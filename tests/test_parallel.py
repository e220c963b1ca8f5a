"""Parallel scoring: any number of workers, and any number of threads scoring at once,
give the serial result."""

from __future__ import annotations

import threading
import warnings

import pytest

from aliaskit import Entity, Resolver, _parallel, cluster
from benchmarks.workload import generate


def _names(seed: int, n: int = 1_500) -> list[str]:
    return sorted({name for _, name in generate(n, seed=seed)})


def _view(entities: list[Entity]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.id, e.canonical, e.aliases) for e in entities]


@pytest.fixture
def parallel_from_few_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork scoring workers from 50 candidate pairs on, so small lists use them."""
    monkeypatch.setattr(_parallel, "PARALLEL_MIN_PAIRS", 50)
    monkeypatch.setattr(_parallel, "MIN_CHUNK", 20)


def _serial(names: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    resolver = Resolver(workers=1)
    resolver.add_many(names)
    return _view(resolver.entities)


@pytest.mark.usefixtures("parallel_from_few_pairs")
def test_worker_count_does_not_change_the_entities() -> None:
    """Scoring in two forked workers gives the entities of scoring in one process."""
    names = _names(3)
    resolver = Resolver(workers=2)
    resolver.add_many(names)
    assert _view(resolver.entities) == _serial(names)


@pytest.mark.usefixtures("parallel_from_few_pairs")
def test_threads_clustering_at_once_each_get_their_serial_result() -> None:
    """Two threads with their own lists, each through cluster() and through its own
    Resolver, all at once with forked workers, get exactly their serial results
    (the workers of one call never score the other call's pairs)."""
    lists = [_names(11), _names(12)]
    expected = [_serial(names) for names in lists]
    results: dict[tuple[str, int], list[tuple[str, str, tuple[str, ...]]]] = {}
    errors: list[BaseException] = []

    def run(kind: str, index: int) -> None:
        try:
            names = lists[index]
            if kind == "cluster":
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    results[kind, index] = _view(cluster(names))
            else:
                resolver = Resolver(workers=2)
                resolver.add_many(names)
                results[kind, index] = _view(resolver.entities)
        except BaseException as err:  # reported below, with the thread's result missing
            errors.append(err)

    for _ in range(2):
        results.clear()
        threads = [
            threading.Thread(target=run, args=(kind, i))
            for kind in ("cluster", "resolver")
            for i in (0, 1)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        for (_, index), got in results.items():
            assert got == expected[index]
