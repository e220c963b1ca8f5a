"""The aliaskit console script, run end to end in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("aliaskit")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script (or python -m aliaskit) with arguments."""
    cmd = [EXE] if EXE else [sys.executable, "-m", "aliaskit"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=120, check=False)


def test_cluster_sample_prints_a_table() -> None:
    """`aliaskit cluster --sample` prints the entities and a summary."""
    result = run("cluster", "--sample")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Alexander" in out
    assert "Труфанов" in out
    assert "entities" in result.stderr.decode()


def test_cluster_jsonl_has_one_entity_per_line(tmp_path: Path) -> None:
    """JSON Lines output has id, canonical and aliases per entity."""
    src = tmp_path / "names.txt"
    src.write_text("Sasha Troufanov\nАлександр Труфанов\nElena Troufanov\n", encoding="utf-8")
    result = run("cluster", str(src), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {len(r["aliases"]) for r in records} == {1, 2}
    assert all(set(r) == {"id", "canonical", "aliases"} for r in records)


def test_cluster_reads_stdin() -> None:
    """`-` reads names from standard input."""
    result = run("cluster", "-", "--format", "jsonl", stdin="Sapir Cohen\nספיר כהן\n".encode())
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 1


def test_python_dash_m_works() -> None:
    """`python -m aliaskit` is the same program."""
    result = subprocess.run(
        [sys.executable, "-m", "aliaskit", "compare", "Sasha Trupanov", "סשה טרופנוב", "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["is_match"] is True


def test_undecodable_line_is_reported_with_its_number(tmp_path: Path) -> None:
    """Invalid UTF-8 fails with exit 1 and names the file and line."""
    src = tmp_path / "bad.txt"
    src.write_bytes(b"Sapir Cohen\nTrufanov \xff\xfe\n")
    result = run("cluster", str(src))
    assert result.returncode == 1
    assert f"{src}:2: invalid UTF-8" in result.stderr.decode()


def test_unreadable_file_fails_cleanly(tmp_path: Path) -> None:
    """A missing file fails with exit 1 and a message naming it."""
    result = run("cluster", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr.decode()


@pytest.mark.parametrize("args", [(), ("cluster", "--threshold", "2", "--sample"), ("nope",)])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    """Usage errors exit with code 2."""
    assert run(*args).returncode == 2


def test_empty_lines_are_counted_as_skipped(tmp_path: Path) -> None:
    """Empty lines are skipped and the summary says so."""
    src = tmp_path / "names.txt"
    src.write_text("Sapir Cohen\n\n   \nYair Horn\n", encoding="utf-8")
    result = run("cluster", str(src))
    assert result.returncode == 0
    assert "2 skipped" in result.stderr.decode()
