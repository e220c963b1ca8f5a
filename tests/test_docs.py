"""The documentation site: generated pages, the strict mkdocs build, example blocks, docstrings.

The examples of the pages themselves run as doctests (``pytest docs``, through
``--doctest-glob=*.md``); this file checks what doctests cannot.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import aliaskit
from aliaskit.translit import scheme, schemes

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FENCE = re.compile(r"^\s*```(\S*)")


def _tool(name: str) -> ModuleType:
    """Import a script of ``tools/`` by path (``tools`` is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def test_scheme_table_page_equals_generator_output() -> None:
    """docs/schemes.md is exactly what tools/gen_scheme_table.py writes today."""
    gen = _tool("gen_scheme_table")
    expected = gen.render(gen.scheme_rows())
    assert (DOCS / "schemes.md").read_text(encoding="utf-8") == expected, (
        "docs/schemes.md is stale: run python tools/gen_scheme_table.py"
    )


def test_scheme_table_lists_every_bundled_scheme_with_its_first_sample() -> None:
    """Every bundled scheme has a row, showing its first sample pair."""
    text = (DOCS / "schemes.md").read_text(encoding="utf-8")
    for name in schemes():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
        cyrillic, latin = scheme(name).samples[0]
        assert cyrillic in row
        assert latin.replace("`", "\\`") in row


def test_committed_benchmarks_page_images_exist() -> None:
    """Every image the committed benchmarks page shows is committed under docs/."""
    text = (DOCS / "benchmarks.md").read_text(encoding="utf-8")
    for target in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text):
        assert (DOCS / target).exists(), target


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_doc_examples_are_pycon_blocks_ending_with_a_blank_line(page: Path) -> None:
    """Every >>> line is in a pycon block, and each pycon block ends with a blank line."""
    language: str | None = None
    previous = ""
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        fence = FENCE.match(line)
        if fence and language is None:
            language = fence.group(1)
        elif fence:
            if language == "pycon":
                assert not previous.strip(), f"{page}:{number}: no blank line before the fence"
            language = None
        elif line.lstrip().startswith(">>>"):
            assert language == "pycon", f"{page}:{number}: example outside a pycon block"
        previous = line
    assert language is None, f"{page}: unclosed code fence"


def test_every_page_is_in_the_navigation() -> None:
    """mkdocs.yml lists every page under docs/."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in _pages():
        assert page.relative_to(DOCS).as_posix() in config, page


def test_mkdocs_build_is_strict_clean(tmp_path: Path) -> None:
    """`mkdocs build --strict` succeeds: no broken link, anchor, reference or docstring."""
    for module in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python"):
        pytest.importorskip(module)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    reference = (site / "reference" / "index.html").read_text(encoding="utf-8")
    assert 'id="aliaskit.cluster"' in reference
    assert "&gt;&gt;&gt;" in reference  # docstring examples are rendered
    assert ":func:" not in reference


def test_every_public_name_has_a_docstring_with_an_example() -> None:
    """Every name of aliaskit.__all__ has a docstring showing a >>> example."""
    missing = [
        name
        for name in aliaskit.__all__
        if ">>>" not in (inspect.getdoc(getattr(aliaskit, name)) or "")
    ]
    assert missing == []


def test_adding_a_known_name_again_returns_its_entity() -> None:
    """Resolver.add of a name already added returns its entity unchanged."""
    resolver = aliaskit.Resolver()
    first = resolver.add("Vladimir Putin")
    assert resolver.add("Vladimir Putin") == first
