"""Build aliaskit's compiled core.

The modules below are compiled by Cython from their own Python source
(pure-Python mode, annotations not used as C types), so the compiled path
and the pure-Python fallback run the same code and give the same results.
The build writes ``aliaskit/_compiled_manifest.json``: the SHA-256 of each
compiled module's source, which :mod:`aliaskit._compiled` checks at import
so that an edited source never runs through a stale compiled module.

A module that fails to compile is skipped with a warning (the extensions
are optional), and aliaskit then runs as pure Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "aliaskit"
MANIFEST = "_compiled_manifest.json"
#: Modules (relative to the package) that stay pure Python: start-up, I/O, the
#: command line, Spark and pandas, file writing, process handling, and the
#: loader itself.
PURE = {
    "__init__.py",
    "__main__.py",
    "_check.py",
    "_compiled.py",
    "_edges.py",
    "_parallel.py",
    "_score_stream.py",
    "_evaluation_checks.py",
    "_evaluation_gold.py",
    "evaluation.py",
    "io.py",
    "_io_base.py",
    "_io_encoding.py",
    "_io_read.py",
    "_io_write.py",
    "pandas.py",
    "_safe_write.py",
    "translit/_load.py",
}
PURE_DIRS = ("cli/", "spark/")


def compiled_sources() -> list[Path]:
    """The package's modules to compile, in a stable order."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in PURE or rel.startswith(PURE_DIRS) or path.name == "__init__.py":
            continue
        out.append(path)
    return out


def module_name(path: Path) -> str:
    return ".".join(("aliaskit", *path.relative_to(PACKAGE).with_suffix("").parts))


def source_hash(path: Path) -> str:
    """SHA-256 of a module's source and, if it has one, its C-type declarations
    (the ``.pxd`` beside it); ``aliaskit._compiled.source_digest`` computes the same."""
    digest = hashlib.sha256(path.read_bytes())
    pxd = path.with_suffix(".pxd")
    if pxd.exists():
        digest.update(b"\0" + pxd.read_bytes())
    return digest.hexdigest()


#: The hash of each module's source as Cython read it: taken before
#: cythonize runs and checked after it, so that a source edited during the
#: build is never recorded as compiled (aliaskit then runs it as pure Python).
SOURCE_HASHES: dict[str, str] = {}


def extensions() -> list[Extension]:
    if os.environ.get("ALIASKIT_NO_COMPILE") == "1":
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:  # pragma: no cover - Cython is a build requirement
        print("aliaskit: Cython not available; installing pure Python", file=sys.stderr)
        return []
    exts = [
        Extension(
            module_name(path),
            [str(path.relative_to(ROOT))],
            extra_compile_args=["-O2", "-g0"],
            optional=True,
        )
        for path in compiled_sources()
    ]
    before = {module_name(path): source_hash(path) for path in compiled_sources()}
    built = list(
        cythonize(
            exts,
            build_dir="build/cython",
            language_level=3,
            quiet=True,
            compiler_directives={
                # Annotations are documentation here, never C types: the
                # compiled module keeps Python's semantics exactly.
                "annotation_typing": False,
                "binding": True,
                "autotestdict": False,
                "embedsignature": True,
            },
        )
    )
    after = {module_name(path): source_hash(path) for path in compiled_sources()}
    SOURCE_HASHES.update({name: h for name, h in before.items() if after.get(name) == h})
    return built


class BuildCompiledCore(build_ext):
    """build_ext that compiles in parallel and records the compiled sources' hashes."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        super().run()
        built = {
            ext.name: SOURCE_HASHES[ext.name]
            for ext in self.extensions
            if ext.name in SOURCE_HASHES and os.path.exists(self.get_ext_fullpath(ext.name))
        }
        complete = len(built) == len(self.extensions)
        if self.extensions and not complete:
            print("aliaskit: some modules did not compile; aliaskit runs as pure Python")
        manifest = json.dumps({"modules": built if complete else {}}, indent=1, sort_keys=True)
        targets = {Path(self.build_lib) / "aliaskit"}
        if self.inplace or getattr(self, "editable_mode", False):
            targets.add(PACKAGE)
        for target in targets:
            target.mkdir(parents=True, exist_ok=True)
            (target / MANIFEST).write_text(manifest + "\n", encoding="utf-8")


setup(ext_modules=extensions(), cmdclass={"build_ext": BuildCompiledCore})
