"""Progress by stage on stderr: on a terminal by default, off when piped, --progress
forcing it; and --allow-errors for the lists of `search` and `index build`."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

from aliaskit._progress import STAGES
from tests.test_cli import EXE, FAMILY, fails, ok, run, write

STAGE_NAMES = ("reading", *STAGES)


def _bars(err: str) -> dict[str, str]:
    """The last state of each stage's bar: ``stage: ... done/total`` (tqdm's text)."""
    found: dict[str, str] = {}
    for piece in re.split(r"[\r\n]", err):
        match = re.match(r"\s*(reading|preparing names|blocking|scoring|clustering): (.*)", piece)
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_progress_forced_shows_every_stage_by_name_counting_items(tmp_path: Path) -> None:
    src = write(tmp_path / "n.txt", FAMILY * 200)
    _, err = ok("cluster", src, "--progress")
    bars = _bars(err)
    assert list(bars) == list(STAGE_NAMES)
    assert "600/600" in bars["reading"]  # rows, not bytes
    assert "rows" in bars["reading"]
    assert "3/3" in bars["preparing names"]  # the distinct names
    assert "names" in bars["preparing names"]
    assert "pairs" in bars["scoring"]
    assert "blocks" in bars["blocking"]
    assert "B/s" not in err


def test_progress_of_records_counts_the_records_names(tmp_path: Path) -> None:
    text = "id,name,birth_date\n1,Alexander Trufanov,1970\n2,Sasha Troufanov,1970\n3,Ann Lee,\n"
    src = write(tmp_path / "people.csv", text)
    _, err = ok("cluster", src, "--progress", "--annotate")
    bars = _bars(err)
    assert list(bars) == list(STAGE_NAMES)
    assert "3/3" in bars["reading"]
    assert "3/3" in bars["preparing names"]


def test_no_progress_when_piped_or_with_no_progress(tmp_path: Path) -> None:
    src = write(tmp_path / "n.txt", FAMILY * 200)
    for args in ((), ("--no-progress",)):
        _, err = ok("cluster", src, *args)
        assert "\r" not in err
        assert not _bars(err)
        assert len(err.splitlines()) == 1


def test_progress_is_on_by_default_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    """A terminal on stderr shows the stages; --no-progress hides them."""
    src = write(tmp_path / "n.txt", FAMILY * 200)
    cmd = [EXE] if EXE else [sys.executable, "-m", "aliaskit"]

    def stderr_on_a_terminal(*args: str) -> str:
        main, other = pty.openpty()
        # 24 rows of 100 columns: tqdm draws nothing on a terminal without a width.
        fcntl.ioctl(other, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        with subprocess.Popen(
            [*cmd, "cluster", str(src), *args], stdout=subprocess.DEVNULL, stderr=other
        ) as proc:
            os.close(other)
            chunks = []
            while True:
                try:
                    chunk = os.read(main, 1 << 16)
                except OSError:  # the terminal closed with the process
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            assert proc.wait(timeout=120) == 0
        os.close(main)
        return b"".join(chunks).decode("utf-8", "replace")

    shown = stderr_on_a_terminal()
    assert "reading" in shown
    assert "scoring" in shown
    hidden = stderr_on_a_terminal("--no-progress")
    assert not _bars(hidden)
    assert "rows read" in hidden


# -- --allow-errors for the lists of search and index build ----------------------

LIST = 'id,name\n1,Alexander Trufanov\n2,\n3,"Vitali, Trupanov",extra\n4,!!\n5,Elena Troufanov\n'


def test_a_list_row_in_error_makes_index_build_exit_1_unless_allow_errors(tmp_path: Path) -> None:
    """The index is built all the same; the rows in error are listed with their lines."""
    listed = write(tmp_path / "list.csv", LIST)
    index = tmp_path / "list.akindex"
    err = fails(1, "index", "build", listed, "-o", index)
    assert "3 in error" in err
    assert "list.csv:3: empty name" in err
    assert "list.csv:4:" in err  # the row of the wrong width
    assert "list.csv:5: no name can be read" in err
    assert "exit status 1 (--allow-errors accepts them)" in err
    assert index.exists()
    out, _ = ok("search", index, "Alexander Trufanov", "--format", "jsonl")
    assert '"record_id": "1"' in out.splitlines()[0]
    _, err = ok("index", "build", listed, "-o", index, "--allow-errors")
    assert "3 in error" in err
    assert "exit status" not in err


def test_a_list_row_in_error_makes_search_exit_1_unless_allow_errors(tmp_path: Path) -> None:
    """The hits are written all the same."""
    listed = write(tmp_path / "list.csv", LIST)
    result = run("search", listed, "Sasha Troufanov")
    assert result.returncode == 1
    assert "Alexander Trufanov" in result.stdout.decode()
    out, _ = ok("search", listed, "Sasha Troufanov", "--allow-errors")
    assert "Alexander Trufanov" in out


def test_strict_stops_a_list_at_its_first_row_in_error(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.csv", LIST)
    err = fails(1, "index", "build", listed, "-o", tmp_path / "x.akindex", "--strict")
    assert "list.csv:3: empty name" in err
    assert not (tmp_path / "x.akindex").exists()


def test_blank_lines_of_a_text_list_are_no_error(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.txt", "Alexander Trufanov\n\nElena Troufanov\n\n")
    _, err = ok("index", "build", listed, "-o", tmp_path / "list.akindex")
    assert "4 rows read, 2 blank lines, 0 in error, 2 records" in err
