"""Writing a file so that a failed write never leaves it half-written or gone.

:func:`atomic_output` is how aliaskit writes every file it is asked to write
(a saved :class:`~aliaskit.Index`, a saved Resolver, the command line's
``-o PATH``). What happens depends on what the path names:

* a symbolic link is followed: the file it points to is written, and the
  link stays a link;
* something that exists but is not a regular file (a device such as
  ``/dev/null`` or ``/dev/full``, a named pipe, a socket) is opened and
  written in place: replacing it would turn a device into a plain file, or
  leave a pipe's reader with nothing;
* a directory is refused with :class:`IsADirectoryError`, and a path whose
  folder does not exist with :class:`FileNotFoundError`;
* anything else is written to a new file beside it, named
  ``.NAME.aliaskit-tmp-XXXXXXXX``, flushed to disk, given the old file's
  permission bits (or, for a new file, the usual ones: 0o666 less the
  umask), then renamed over it. If anything goes wrong, an interrupt
  included, that temporary file is removed and the old file is left as it
  was.

An error names the path the caller gave, never the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import IO, Any, Literal, overload

__all__ = ["TEMP_MARK", "atomic_output"]

#: What the name of every temporary file holds, after ``.NAME``.
TEMP_MARK = ".aliaskit-tmp-"


@overload
def atomic_output(
    path: str | os.PathLike[str], mode: Literal["wb"] = "wb"
) -> AbstractContextManager[IO[bytes]]: ...
@overload
def atomic_output(
    path: str | os.PathLike[str],
    mode: Literal["w"],
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    newline: str | None = None,
) -> AbstractContextManager[IO[str]]: ...
@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str],
    mode: str = "wb",
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """A file object for writing ``path`` (``mode`` ``"wb"`` for bytes, ``"w"``
    for text), in place or through a temporary file as the module says. The
    file is complete at ``path`` only when the ``with`` block ends without
    an error."""
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    text = {"encoding": encoding, "errors": errors, "newline": newline}
    options: dict[str, Any] = text if mode == "w" else {}
    shown = os.fspath(path)
    with _named(shown):
        try:
            found: os.stat_result | None = os.stat(shown)  # follows links
        except FileNotFoundError:
            found = None  # nothing there yet, or a link to nothing yet
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", shown)
    if found is not None and not stat.S_ISREG(found.st_mode):
        with _named(shown):
            out: IO[Any] = open(shown, mode, **options)  # noqa: SIM115 (closed below)
            try:
                yield out
            except BaseException:
                with contextlib.suppress(OSError):
                    out.close()
                raise
            out.close()
        return
    real = os.path.realpath(shown)
    folder, name = os.path.split(real)
    if not os.path.isdir(folder):
        raise FileNotFoundError(
            errno.ENOENT, "No such file or directory (its folder does not exist)", shown
        )
    with _named(shown, real):
        fd, tmp = _temp_file(folder, name, None if found is None else stat.S_IMODE(found.st_mode))
    opened: IO[Any] | None = None
    try:
        with _named(shown, real, tmp):
            opened = open(fd, mode, **options)  # noqa: SIM115 (closed below)
            yield opened
            opened.flush()
            os.fsync(opened.fileno())
            opened.close()
            os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            if opened is None:
                os.close(fd)
            else:
                opened.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _temp_file(folder: str, name: str, keep: int | None) -> tuple[int, str]:
    """A new, empty file in ``folder`` for ``name``, open for writing, and its
    path. It gets the permission bits ``keep`` (the old file's) when given,
    else 0o666 less the umask, as the system gives any new file.

    The file is created here rather than by :func:`tempfile.mkstemp`, which
    makes it private: giving it the usual rights would then need the umask,
    and reading the umask means setting it, for every thread at once.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name[:40]}{TEMP_MARK}{secrets.token_hex(4)}")
        try:
            fd = os.open(tmp, flags, 0o666 if keep is None else 0o600)
        except FileExistsError:
            continue
        if keep is not None:
            # Best effort: some file systems (FAT, some network shares) refuse.
            with contextlib.suppress(OSError):
                os.chmod(tmp, keep)
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)


@contextlib.contextmanager
def _named(shown: str, *internal: str) -> Iterator[None]:
    """Make an :class:`OSError` about the file (one naming no file, or naming
    ``shown`` or one of the ``internal`` paths: the link's target, the
    temporary file) name ``shown``, the path the caller gave."""
    try:
        yield
    except OSError as err:
        if err.errno is not None and err.filename in (None, shown, *internal):
            err.filename = shown
            if err.filename2 in (shown, *internal):
                err.filename2 = None
        raise
