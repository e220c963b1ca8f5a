"""Benchmark options: ``--run-scale`` enables the 1,000,000-mention scale runs.

Benchmarks marked ``scale`` are skipped unless ``--run-scale`` is given, so
neither the CI smoke run (``--benchmark-disable``) nor a plain
``pytest benchmarks --benchmark-enable`` pays for them.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-scale",
        action="store_true",
        default=False,
        help="run the scale benchmarks (aliaskit.cluster on 1,000,000 workload mentions)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scale: a scale benchmark, run only with --run-scale")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-scale"):
        return
    skip = pytest.mark.skip(reason="scale benchmark: pass --run-scale to run it")
    for item in items:
        if "scale" in item.keywords:
            item.add_marker(skip)
