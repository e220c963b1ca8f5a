"""Pytest configuration for the documentation pages (their examples run as doctests).

A page whose examples need an optional library is skipped when that library
is not installed; the ``docs`` extra installs all of them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_NEEDS = {"pandas.md": "pandas"}


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip a page whose optional library is missing; leave everything else alone."""
    module = _NEEDS.get(collection_path.name)
    if module is not None and importlib.util.find_spec(module) is None:
        return True
    return None
