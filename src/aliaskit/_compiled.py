"""Which path aliaskit runs on: the compiled core, or pure Python.

``pip install`` compiles the hot modules with Cython from their own Python
source (see ``setup.py``), so both paths run the same code and give the same
results. At import, before any other module of the package, this module
decides, once per process:

* ``ALIASKIT_PURE=1`` in the environment forces pure Python;
* a build whose manifest (``_compiled_manifest.json``) is missing or empty,
  or a compiled module missing for this Python, means pure Python, said once
  with a :class:`CompiledCoreWarning` (unless forced);
* a source file edited since it was compiled (its SHA-256 differs from the
  manifest's, as after an edit in an editable install) means pure Python for
  the whole package, with a warning naming the module: a stale compiled
  module never runs. Reinstall (``pip install -e .``) to rebuild.

A meta-path finder then loads every module of the manifest from the chosen
file. A compiled module's ``__file__`` names its Python source (the code it
was compiled from, which tools such as doctest read); its ``__spec__.origin``
names the compiled file.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["COMPILED", "REASON", "CompiledCoreWarning", "install", "source_digest"]

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_compiled_manifest.json"
PURE_VARIABLE = "ALIASKIT_PURE"


class CompiledCoreWarning(RuntimeWarning):
    """aliaskit runs as pure Python although a compiled core was expected."""


class _CompiledLoader(importlib.machinery.ExtensionFileLoader):
    """Loads a compiled module and points its ``__file__`` at its Python source."""

    def __init__(self, fullname: str, path: str, source: str) -> None:
        super().__init__(fullname, path)
        self.source = source

    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        module.__file__ = self.source


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the modules of the manifest, compiled or as source."""

    def __init__(self, modules: dict[str, tuple[str, str | None]]) -> None:
        self.modules = modules  # name -> (source, compiled file or None for source)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        source, binary = entry
        if binary is None:
            return importlib.util.spec_from_file_location(fullname, source)
        loader = _CompiledLoader(fullname, binary, source)
        return importlib.util.spec_from_file_location(fullname, binary, loader=loader)


def _source_of(name: str) -> Path:
    return PACKAGE_DIR.joinpath(*name.split(".")[1:]).with_suffix(".py")


def source_digest(source: Path) -> str:
    """SHA-256 of a module's source and, if it has one, its ``.pxd`` (as setup.py records it)."""
    digest = hashlib.sha256(source.read_bytes())
    pxd = source.with_suffix(".pxd")
    if pxd.exists():
        digest.update(b"\0" + pxd.read_bytes())
    return digest.hexdigest()


def _binaries() -> dict[str, Path]:
    """Compiled modules for this Python found in the package, by module name."""
    out: dict[str, Path] = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in PACKAGE_DIR.rglob("*" + suffix):
            rel = path.relative_to(PACKAGE_DIR).as_posix()[: -len(suffix)]
            out.setdefault(".".join(("aliaskit", *rel.split("/"))), path)
    return out


def _read_manifest() -> dict[str, str]:
    try:
        data = json.loads(MANIFEST.read_text(encoding="utf-8"))
        modules = data["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(modules, dict):
        return {}
    return {str(k): str(v) for k, v in modules.items()}


def _problem(manifest: dict[str, str], binaries: dict[str, Path]) -> str:
    """Why the compiled modules cannot run ("" when they can)."""
    if not manifest:
        return "the compiled core was not built (no manifest)"
    for name, digest in sorted(manifest.items()):
        source = _source_of(name)
        if name not in binaries:
            return f"{name} is not compiled for this Python"
        if not source.exists():
            return f"the source of {name} is missing (reinstall to rebuild)"
        if source_digest(source) != digest:
            return f"{name} was edited after it was compiled (reinstall to rebuild)"
    return ""


def _decide() -> tuple[dict[str, tuple[str, str | None]], bool, str]:
    """The finder's table, whether the core is compiled, and why not.

    Every module with a compiled file beside its source is in the table, so a
    compiled file that the manifest does not vouch for is never imported.
    """
    manifest = _read_manifest()
    binaries = _binaries()
    forced = os.environ.get(PURE_VARIABLE, "") not in ("", "0")
    problem = _problem(manifest, binaries)
    compiled = not forced and not problem
    table: dict[str, tuple[str, str | None]] = {}
    for name in sorted(set(binaries) | set(manifest)):
        source = _source_of(name)
        if compiled and name in manifest:
            table[name] = (str(source), str(binaries[name]))
        elif source.exists():
            table[name] = (str(source), None)
    if forced:
        return table, False, f"{PURE_VARIABLE} is set"
    if problem:
        warnings.warn(
            f"aliaskit runs as pure Python (slower, same results): {problem}",
            CompiledCoreWarning,
            stacklevel=2,
        )
    return table, compiled, problem


def install() -> tuple[bool, str]:
    """Put the finder first on ``sys.meta_path`` (once); return (compiled, reason)."""
    for finder in sys.meta_path:
        if isinstance(finder, _Finder):
            return _state
    table, compiled, reason = _decide()
    if table:
        sys.meta_path.insert(0, _Finder(table))
    return compiled, reason


_state: tuple[bool, str] = (False, "")
_state = install()
#: True when the compiled core is loaded; False on the pure-Python fallback.
COMPILED: bool = _state[0]
#: Why the fallback is in use ("" when compiled).
REASON: str = _state[1]
