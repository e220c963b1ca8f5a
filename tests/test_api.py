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


def test_importing_aliaskit_loads_no_numpy_until_clustering_or_search() -> None:
    """``import aliaskit`` (and compare) stays light; Resolver, cluster, Index
    and Hit load their modules, and numpy, on first use, as the same objects."""
    import subprocess
    import sys

    code = (
        "import sys, aliaskit\n"
        "aliaskit.compare('Sasha Trupanov', 'Alexander Trufanov')\n"
        "print('numpy' in sys.modules)\n"
        "from aliaskit import Resolver\n"
        "import aliaskit.resolver as r, aliaskit.index as i\n"
        "print(Resolver is r.Resolver, aliaskit.cluster is r.cluster, aliaskit.Index is i.Index)\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:3] == ["False", "True True True", "True"]


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    """The lazy loader raises AttributeError for names that are not public."""
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'Nobody'"):
        _ = aliaskit.Nobody
