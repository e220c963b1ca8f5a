"""The documentation site: generated pages, the strict mkdocs build, example blocks, docstrings.

The examples of the pages themselves run as doctests (``pytest docs``, through
``--doctest-glob=*.md``); this file checks what doctests cannot.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
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


def _fake_results(folder: Path, *, summary: str | None, plot: bool) -> None:
    folder.mkdir()
    scores = {"precision": 1.0, "recall": 0.5, "f1": 2 / 3}
    quality = {
        "seed": {
            "names": 4,
            "entities": 2,
            "gold_entities": 2,
            "pairwise": scores,
            "bcubed": scores,
            "per_source": {"a": {"pairwise": scores, "bcubed": scores}},
        }
    }
    (folder / "quality.json").write_text(json.dumps(quality), encoding="utf-8")
    if summary is not None:
        (folder / "summary.md").write_text(summary, encoding="utf-8")
    if plot:
        (folder / "clustering_time.png").write_bytes(b"\x89PNG fake")


def test_benchmarks_page_is_built_from_quality_alone(tmp_path: Path) -> None:
    """Without summary or plot the page still has the quality table and no image."""
    gen = _tool("gen_benchmarks_page")
    _fake_results(tmp_path / "results", summary=None, plot=False)
    page = gen.build(tmp_path / "results", tmp_path / "docs")
    assert "| Seed set (bundled) | 4 | 2 (2) | 100.0 | 50.0 | 66.7 |" in page
    assert "![" not in page
    assert "placeholder" not in page.lower()


def test_benchmarks_page_includes_summary_and_copies_plot(tmp_path: Path) -> None:
    """The suite's summary is included once, demoted, with its plot link pointed at docs/img."""
    gen = _tool("gen_benchmarks_page")
    summary = (
        "# Speed\n\n| op | ms |\n| --- | --- |\n| x | 1 |\n\n![t](results/clustering_time.png)\n"
    )
    _fake_results(tmp_path / "results", summary=summary, plot=True)
    page = gen.build(tmp_path / "results", tmp_path / "docs")
    assert "\n## Speed\n" in page
    assert page.count("](img/clustering_time.png)") == 1
    assert (tmp_path / "docs" / "img" / "clustering_time.png").exists()


def test_benchmarks_page_shows_each_stage_breakdown_with_its_commit(tmp_path: Path) -> None:
    """Every stages*.json becomes one row of the stage table, labelled with its commit."""
    gen = _tool("gen_benchmarks_page")
    _fake_results(tmp_path / "results", summary=None, plot=False)
    stages = dict.fromkeys(gen.STAGES, 1.0)
    for commit in ("c9f349f", "abc1234"):
        report = {
            "commit": commit,
            "shape": "family",
            "names": 10,
            "candidate_pairs": 20,
            "seconds": stages,
            "share": dict.fromkeys(gen.STAGES, 1 / 7),
            "per_pair_us": 5.0,
        }
        path = tmp_path / "results" / f"stages_{commit}.json"
        path.write_text(json.dumps(report), encoding="utf-8")
    page = gen.build(tmp_path / "results", tmp_path / "docs")
    assert "## Where the time goes" in page
    assert "| c9f349f | family | 10 | 20 | 1.0 s (14%)" in page
    assert "| abc1234 | family |" in page


def test_benchmarks_page_generator_refuses_to_run_without_quality(tmp_path: Path) -> None:
    """No quality.json, no page: the generator never writes a placeholder."""
    gen = _tool("gen_benchmarks_page")
    with pytest.raises(FileNotFoundError, match=r"quality\.py"):
        gen.build(tmp_path, tmp_path / "docs")


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


def test_benchmarks_page_shows_scale_runs_with_time_ratios(tmp_path: Path) -> None:
    """scale.json, when present, becomes a table with each size's time over the previous one."""
    gen = _tool("gen_benchmarks_page")
    _fake_results(tmp_path / "results", summary=None, plot=False)
    row = {
        "clusterer": "aliaskit",
        "names": 10,
        "largest_entity": 2,
        "peak_rss_gb": 0.1,
        "worker_peak_rss_gb": 0.0,
        "pairwise": {"f1": 0.5},
        "bcubed": {"f1": 0.75},
    }
    rows = [
        {**row, "mentions": 100_000, "seconds": 12.0, "shared_names": 1},
        {**row, "mentions": 10_000, "seconds": 1.5},
    ]
    (tmp_path / "results" / "scale.json").write_text(json.dumps(rows), encoding="utf-8")
    page = gen.build(tmp_path / "results", tmp_path / "docs")
    assert "| family | aliaskit | 10,000 | 10 |  | 1.5 s |  |" in page
    assert (
        "| family | aliaskit | 100,000 | 10 | 10.0% | 12.0 s | 8.0x |  "
        "| 0.10 GB | 50.0 | 75.0 | 2 |" in page
    )
