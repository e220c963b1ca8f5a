"""Inputs that once broke aliaskit (from hypothesis and fuzzing), and the fuzz run itself.

Each regression runs the fuzz target's contract check (``fuzz/fuzz_compare.py``)
on the input that failed, plus the specific expectation. The fuzz target itself
runs for ``ALIASKIT_FUZZ_SECONDS`` seconds only when that variable is set.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

import aliaskit
from aliaskit import compare, normalize, phonetic_keys, readings
from aliaskit.hebrew import MAX_WORD_CHARS, MAX_WORDS, lattice_readings
from aliaskit.keys import fold, skeleton_keys

FUZZ_TARGET = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_compare.py"


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_compare", FUZZ_TARGET)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_module()

CRASHES = [
    # normalize was not idempotent: dropping an unassigned code point brought
    # n and a combining grave together, and NFC composed them on a second pass.
    ("N\u0378\u0300", "Alexander"),
    # the same through a zero-width joiner and a bidi mark.
    ("e\u200d\u0301 Trufanov", "e\u200f\u0308lena"),
    # a tie of look-alikes (Latin T, Cyrillic а) repaired only after case folding.
    ("T\u0430", "Ta"),
]


@pytest.mark.parametrize(("a", "b"), CRASHES)
def test_fuzz_contract_holds_on_past_crashes(a: str, b: str) -> None:
    """The fuzz target's contract check passes on every input that once failed it."""
    FUZZ.check(a, b)


def test_normalize_is_idempotent_across_dropped_characters() -> None:
    """A dropped invisible between a letter and a combining mark does not break idempotence."""
    once = normalize("N\u0378\u0300")
    assert once == "\u01f9"
    assert normalize(once) == once


def test_normalize_is_idempotent_on_a_lookalike_tie() -> None:
    """A word with one Latin and one Cyrillic look-alike normalises to a fixed point."""
    once = normalize("T\u0430")
    assert normalize(once) == once


def test_keys_of_lone_surrogates_do_not_warn() -> None:
    """fold and skeleton_keys drop lone surrogates silently (unidecode used to warn)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fold("Tru\ud800fanov") == fold("Trufanov")
        assert skeleton_keys("Tru\udc00fanov") == skeleton_keys("Trufanov")


def test_a_lone_vowel_point_has_no_phonetic_code() -> None:
    """A Hebrew vowel point with no letter gives no code (unidecode read it as "a")."""
    for algorithm in ("soundex", "daitch_mokotoff", "metaphone", "nysiis", "match_rating"):
        assert phonetic_keys("\u05b8", algorithm=algorithm) == frozenset()
    assert aliaskit.daitch_mokotoff.daitch_mokotoff("\u05b8") == frozenset()


def test_hebrew_readings_of_a_long_word_are_read_in_slices() -> None:
    """A word longer than MAX_WORD_CHARS is read slice by slice (was quadratic);
    the lattice stage, before the prior ranks short words, shows the slices."""
    word = "ש" * (MAX_WORD_CHARS * 3 + 5)
    best = lattice_readings(word, limit=2)
    assert len(best) == 2
    assert best[0].startswith(lattice_readings("ש" * MAX_WORD_CHARS, limit=1)[0])
    assert len(readings(word, limit=2)) == 2


def test_hebrew_readings_of_many_words_are_joined_by_rank() -> None:
    """More than MAX_WORDS words are joined rank by rank; the best reading is still first."""
    text = " ".join(["סשה"] * (MAX_WORDS + 1))
    best = readings(text)
    assert best[0] == " ".join([readings("סשה")[0]] * (MAX_WORDS + 1))
    assert len(set(best)) == len(best)


def test_short_hebrew_names_still_get_the_exact_kbest_readings() -> None:
    """The bounds leave names alone: the lattice still reads sasha tropanov first."""
    assert lattice_readings("סשה טרופנוב", limit=2) == ("sasha tropanov", "sesha tropanov")


def test_compare_accepts_a_surrogate_inside_a_name() -> None:
    """A lone surrogate inside a name is dropped and the name still matches."""
    assert compare("Alex\ud800ander Trufanov", "Alexander Trufanov").score == 1.0


@pytest.mark.skipif(
    not os.environ.get("ALIASKIT_FUZZ_SECONDS"), reason="set ALIASKIT_FUZZ_SECONDS to fuzz"
)
def test_fuzz_target_runs_without_a_crash(tmp_path: Path) -> None:
    """The fuzz target (atheris if installed, else the plain loop) finds no crash."""
    seconds = os.environ["ALIASKIT_FUZZ_SECONDS"]
    if importlib.util.find_spec("atheris") is None:
        cmd = [sys.executable, str(FUZZ_TARGET), "--plain", "--seconds", seconds]
    else:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        cmd = [sys.executable, str(FUZZ_TARGET), f"-max_total_time={seconds}", str(corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-4000:]
