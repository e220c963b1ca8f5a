"""Writing output files (aliaskit._safe_write): links are followed, devices and
pipes are written in place, directories refused, and a regular file is
replaced only by a complete new one, with no temporary file left behind."""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import aliaskit
from aliaskit._safe_write import TEMP_MARK, atomic_output
from tests.test_cli import fails, ok, run

NAMES = ["Sasha Troufanov", "Александр Труфанов", "Elena Troufanov"]


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if TEMP_MARK in p.name or ".tmp" in p.name]


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    """Start a thread that reads everything written to the FIFO ``path``."""

    def read() -> None:
        with open(path, "rb") as fh:
            into.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def _write_then_raise(target: Path, error: BaseException) -> None:
    """Write part of a new ``target``, then fail with ``error``."""
    with atomic_output(target, "w") as out:
        out.write("half of the new")
        raise error


def _save_index(path: Path) -> None:
    aliaskit.Index(NAMES).save(path)


def _save_resolver(path: Path) -> None:
    resolver = aliaskit.Resolver()
    resolver.add_many(NAMES)
    resolver.save(path)


def _load(save: Callable[[Path], None], path: Path) -> int:
    """How many names the file that ``save`` wrote at ``path`` holds, read back."""
    if save is _save_index:
        return len(aliaskit.Index.load(path))
    return len(aliaskit.Resolver.load(path))


SAVES = pytest.mark.parametrize("save", [_save_index, _save_resolver], ids=["index", "resolver"])


# -- atomic_output -------------------------------------------------------------


def test_a_new_file_is_written_whole_with_the_usual_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    with atomic_output(target, "w", encoding="utf-8") as out:
        out.write("Труфанов\n")
        assert not target.exists()  # nothing at the target until the block ends
        [temp] = _temp_files(tmp_path)
        assert temp.startswith(".new.txt" + TEMP_MARK)  # beside it, and plainly aliaskit's
    assert target.read_text(encoding="utf-8") == "Труфанов\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_umask()
    assert _temp_files(tmp_path) == []


def test_an_existing_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "old.bin"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_output(target) as out:
        out.write(b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_target_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "real.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(Path("data") / "real.txt")  # a relative link
    with atomic_output(link, "w") as out:
        out.write("new")
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("data", "real.txt")
    assert real.read_text(encoding="utf-8") == "new"
    assert _temp_files(tmp_path) == []
    assert _temp_files(real.parent) == []


def test_a_dangling_symlink_creates_its_target_and_stays_a_link(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "later.txt")
    with atomic_output(link, "w") as out:
        out.write("made")
    assert link.is_symlink()
    assert (tmp_path / "later.txt").read_text(encoding="utf-8") == "made"


def test_a_fifo_target_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    with atomic_output(fifo) as out:
        out.write(b"through the pipe")
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _temp_files(tmp_path) == []


def test_dev_null_is_written_in_place_and_stays_a_device() -> None:
    if not os.path.exists("/dev/null") or not os.access("/dev/null", os.W_OK):
        pytest.skip("no writable /dev/null")
    with atomic_output("/dev/null", "w") as out:
        out.write("gone")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_writing_to_dev_full_fails_naming_the_path_and_leaves_the_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with pytest.raises(OSError, match="/dev/full") as caught, atomic_output("/dev/full") as out:
        out.write(b"x" * 100_000)
    assert caught.value.filename == "/dev/full"
    assert "No space left" in str(caught.value)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_socket_target_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OSError, match=str(path)), atomic_output(path) as out:
            out.write(b"x")
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_a_directory_target_is_refused_naming_it(tmp_path: Path) -> None:
    with (
        pytest.raises(IsADirectoryError, match="Is a directory") as caught,
        atomic_output(tmp_path) as out,
    ):
        out.write(b"x")
    assert caught.value.filename == str(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.txt"
    with (
        pytest.raises(FileNotFoundError, match="folder does not exist") as caught,
        atomic_output(target) as out,
    ):
        out.write(b"x")
    assert caught.value.filename == str(target)


def test_a_failed_write_leaves_no_temp_file_and_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(ValueError, match="halfway"):
        _write_then_raise(target, ValueError("halfway"))
    assert target.read_text(encoding="utf-8") == "previous"
    assert _temp_files(tmp_path) == []


def test_an_interrupted_write_leaves_no_temp_file_and_no_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt):
        _write_then_raise(target, KeyboardInterrupt())
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_names_the_target_not_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous")

    def refuse(src: str, dst: str) -> None:
        raise OSError(18, "Invalid cross-device link", src, dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="cross-device") as caught, atomic_output(target) as out:
        out.write(b"new")
    assert caught.value.filename == str(target)
    assert TEMP_MARK not in str(caught.value)
    assert target.read_bytes() == b"previous"
    assert _temp_files(tmp_path) == []


def test_an_unknown_mode_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="mode"), atomic_output(tmp_path / "x", "ab"):  # type: ignore[call-overload]
        pass
    assert list(tmp_path.iterdir()) == []


# -- Index.save and Resolver.save ------------------------------------------------


@SAVES
def test_saving_through_a_symlink_writes_its_target_and_stays_a_link(
    save: Callable[[Path], None], tmp_path: Path
) -> None:
    real = tmp_path / "real.file"
    real.write_bytes(b"old")
    link = tmp_path / "link.file"
    link.symlink_to(real)
    save(link)
    assert link.is_symlink()
    assert _load(save, real) == len(NAMES)
    assert _temp_files(tmp_path) == []


@SAVES
def test_saving_to_a_directory_is_refused_naming_it(
    save: Callable[[Path], None], tmp_path: Path
) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        save(tmp_path)
    assert caught.value.filename == str(tmp_path)
    assert list(tmp_path.iterdir()) == []


@SAVES
def test_saving_over_a_file_keeps_its_permission_bits(
    save: Callable[[Path], None], tmp_path: Path
) -> None:
    target = tmp_path / "saved.file"
    target.write_bytes(b"old")
    target.chmod(0o604)
    save(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert _load(save, target) == len(NAMES)


@SAVES
def test_a_failed_save_names_the_target_and_leaves_the_old_file(
    save: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved.file"
    target.write_bytes(b"previous")

    def refuse(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError, match="No space left") as caught:
        save(target)
    assert caught.value.filename == str(target)
    assert TEMP_MARK not in str(caught.value)
    assert target.read_bytes() == b"previous"
    assert _temp_files(tmp_path) == []


@SAVES
def test_saving_to_dev_full_fails_naming_it(save: Callable[[Path], None]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with pytest.raises(OSError, match="/dev/full"):
        save(Path("/dev/full"))
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# -- the command line's -o PATH -----------------------------------------------


def test_cli_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    out, _ = ok("cluster", "--sample", "-o", link)
    assert out == ""
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("id")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_cli_output_to_a_directory_is_refused_naming_it(tmp_path: Path) -> None:
    err = fails(1, "cluster", "--sample", "-o", tmp_path)
    assert f"{tmp_path}: cannot write: Is a directory" in err
    assert TEMP_MARK not in err
    assert ".aliaskit-" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_output_to_dev_full_fails_and_leaves_the_device() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    err = fails(1, "cluster", "--sample", "-o", "/dev/full")
    assert "/dev/full: No space left on device" in err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_cli_output_to_a_fifo_reaches_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    result = run("cluster", "--sample", "-o", fifo)
    assert result.returncode == 0, result.stderr.decode()
    reader.join(timeout=30)
    assert len(got) == 1
    assert got[0].decode("utf-8").startswith("id")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_cli_output_keeps_an_existing_files_permission_bits(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    ok("cluster", "--sample", "-o", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("id")
