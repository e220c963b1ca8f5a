"""The public surface: a small, sorted, documented __all__."""

from __future__ import annotations

import aliaskit

EXPECTED = [
    "BirthDate",
    "Comparison",
    "Entity",
    "Explanation",
    "Hit",
    "Index",
    "Mention",
    "ParsedName",
    "Record",
    "Resolver",
    "cluster",
    "compare",
    "detect_script",
    "extract",
    "extract_one",
    "find_names",
    "normalize",
    "parse_birth_date",
    "parse_name",
    "phonetic_keys",
    "readings",
    "romanizations",
    "romanize",
    "schemes",
    "similarity",
    "transliterate",
]


def test_public_names_are_the_snapshot() -> None:
    """__all__ is exactly the reviewed list (kept sorted by ruff's RUF022)."""
    assert aliaskit.__all__ == EXPECTED


def test_every_public_name_has_a_docstring() -> None:
    """Each public name is documented."""
    for name in aliaskit.__all__:
        assert (getattr(aliaskit, name).__doc__ or "").strip(), name


def test_dir_lists_the_public_names() -> None:
    """dir(aliaskit) shows the public surface."""
    assert set(aliaskit.__all__) <= set(dir(aliaskit))
