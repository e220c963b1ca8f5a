"""The API reference lists every public name of the package."""

from __future__ import annotations

import re
from pathlib import Path

import aliaskit

REFERENCE = Path(__file__).parent.parent / "docs" / "reference.md"
#: Functions that share a name with their module: documented with the module.
WITH_THEIR_MODULE = {"compare", "similarity"}


def test_every_name_in_all_is_in_the_api_reference() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    block = text.split("::: aliaskit\n", 1)[1].split("\n## ", 1)[0]
    members = set(re.findall(r"^ {8}- (\w+)$", block, flags=re.MULTILINE))
    assert set(aliaskit.__all__) - WITH_THEIR_MODULE <= members
    assert members <= set(aliaskit.__all__)
