"""The compiled core and the pure-Python fallback: same answers, and a safe choice between them.

The compiled and the pure modules cannot live in one process (they are the
same modules), so the pure side runs in a child process started with
``ALIASKIT_PURE=1``, which answers JSON requests on its standard input.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aliaskit
from aliaskit import _compiled
from tests.strategies import any_names, hostile_text

_SERVER = r"""
import json, sys, warnings
import aliaskit
assert not aliaskit.compiled
warnings.simplefilter("ignore")
def text(points): return "".join(map(chr, points))
def points(value): return [ord(c) for c in value]
for line in sys.stdin:
    request = json.loads(line)
    if request["kind"] == "compare":
        c = aliaskit.compare(text(request["a"]), text(request["b"]))
        answer = [c.score, c.is_conflict, points(str(c))]
    else:
        names = [text(n) for n in request["names"]]
        found = aliaskit.cluster(names)
        answer = [[e.id, points(e.canonical), [points(a) for a in e.aliases]] for e in found]
    print(json.dumps(answer), flush=True)
"""


def _points(value: str) -> list[int]:
    """A string as its code points: JSON would read two escaped surrogates as one character."""
    return [ord(c) for c in value]


class _PureProcess:
    def __init__(self) -> None:
        env = {**os.environ, "ALIASKIT_PURE": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
            errors="surrogatepass",
        )

    def ask(self, request: dict[str, Any]) -> Any:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture(scope="module")
def pure() -> Iterator[_PureProcess]:
    if not aliaskit.compiled:
        pytest.skip(f"this process runs pure Python too ({_compiled.REASON})")
    server = _PureProcess()
    yield server
    server.close()


def _cluster_view(names: list[str]) -> list[list[Any]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [
            [e.id, _points(e.canonical), [_points(a) for a in e.aliases]]
            for e in aliaskit.cluster(names)
        ]


_names = st.one_of(any_names, hostile_text().filter(bool))


@settings(max_examples=150)
@given(_names, _names)
def test_compiled_compare_equals_pure_compare(pure: _PureProcess, a: str, b: str) -> None:
    """Score, conflict and the whole explanation agree between the two paths, on any names."""
    try:
        c = aliaskit.compare(a, b)
    except ValueError:  # no name in it: both paths must refuse alike
        assert pure.ask({"kind": "cluster", "names": []}) == []
        return
    score, conflict, text = pure.ask({"kind": "compare", "a": _points(a), "b": _points(b)})
    assert abs(c.score - score) <= 1e-9
    assert (c.is_conflict, _points(str(c))) == (conflict, text)


@settings(max_examples=40)
@given(st.lists(any_names, min_size=1, max_size=25))
def test_compiled_clustering_equals_pure_clustering(pure: _PureProcess, names: list[str]) -> None:
    """Entities, ids and canonical names agree between the two paths."""
    assert _cluster_view(names) == pure.ask(
        {"kind": "cluster", "names": [_points(n) for n in names]}
    )


def test_compiled_equals_pure_on_the_seed_and_a_workload(pure: _PureProcess) -> None:
    """The same entities on the seed people and on 3,000 workload mentions of each shape."""
    from benchmarks.workload import generate
    from tests.conftest import load_vectors

    lists = [[r["name"] for r in load_vectors("seed_gold.tsv")]]
    lists.append([name for _, name in generate(3_000, seed=5)])
    for names in lists:
        request = {"kind": "cluster", "names": [_points(n) for n in names]}
        assert _cluster_view(names) == pure.ask(request)


def test_the_installed_core_is_compiled_when_ci_requires_it() -> None:
    """After ``pip install`` the compiled core is the default (CI requires it)."""
    if os.environ.get("ALIASKIT_REQUIRE_COMPILED") != "1":
        pytest.skip("ALIASKIT_REQUIRE_COMPILED is not set")
    if os.environ.get("ALIASKIT_PURE") not in (None, "", "0"):
        pytest.skip("ALIASKIT_PURE forces the fallback")
    assert aliaskit.compiled, _compiled.REASON
    similarity = sys.modules["aliaskit.similarity"]
    assert similarity.__spec__ is not None
    assert similarity.__spec__.origin is not None
    assert not similarity.__spec__.origin.endswith(".py")


def test_aliaskit_pure_forces_the_fallback_without_a_warning() -> None:
    """ALIASKIT_PURE=1 loads every module from its source and warns about nothing."""
    code = (
        "import sys, warnings; warnings.simplefilter('error'); import aliaskit; "
        "m = sys.modules['aliaskit.similarity']; "
        "print(aliaskit.compiled, m.__spec__.origin.endswith('.py'))"
    )
    env = {**os.environ, "ALIASKIT_PURE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "True"]


def _fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, digest: str | None) -> None:
    """A package with one module, a compiled file beside it and a manifest (of ``digest``)."""
    (tmp_path / "core.py").write_text("X = 1\n", encoding="utf-8")
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp_path / ("core" + suffix)).write_bytes(b"not really compiled")
    if digest is not None:
        manifest = {"modules": {"aliaskit.core": digest}}
        (tmp_path / "_compiled_manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(_compiled, "PACKAGE_DIR", tmp_path)
    monkeypatch.setattr(_compiled, "MANIFEST", tmp_path / "_compiled_manifest.json")
    monkeypatch.delenv("ALIASKIT_PURE", raising=False)


def test_an_edited_source_is_never_run_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source whose hash differs from the manifest's falls back to pure Python, with a
    warning that names the module, and its compiled file is not loaded."""
    _fake_package(tmp_path, monkeypatch, digest="0" * 64)
    with pytest.warns(_compiled.CompiledCoreWarning, match=r"aliaskit\.core was edited"):
        table, compiled, reason = _compiled._decide()
    assert not compiled
    assert "edited" in reason
    assert table == {"aliaskit.core": (str(tmp_path / "core.py"), None)}


def test_a_matching_build_runs_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the source's own hash in the manifest, the compiled file is chosen, silently."""
    digest = hashlib.sha256(b"X = 1\n").hexdigest()
    _fake_package(tmp_path, monkeypatch, digest=digest)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table, compiled, reason = _compiled._decide()
    assert compiled
    assert reason == ""
    assert table["aliaskit.core"][1] is not None


def test_a_compiled_file_without_a_manifest_is_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stray compiled file (no manifest vouches for it) loses to its source."""
    _fake_package(tmp_path, monkeypatch, digest=None)
    with pytest.warns(_compiled.CompiledCoreWarning, match="not built"):
        table, compiled, _ = _compiled._decide()
    assert not compiled
    assert table == {"aliaskit.core": (str(tmp_path / "core.py"), None)}
