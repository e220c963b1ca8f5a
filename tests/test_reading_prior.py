"""The prior that ranks the readings of Hebrew and Arabic words (issue 26).

:func:`aliaskit.readings` re-ranks a word's lattice paths, with spelling
variants, by lattice cost plus a weighted character n-gram cost of Latin
name spellings (``data/name_prior.tsv.gz``, built by
``tools/build_name_prior.py`` from the shipped name tables only), and reads
a word the tables list as its usual spelling first.
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import _reading_prior as prior
from aliaskit import hebrew
from aliaskit.hebrew import lattice_readings, readings, word_readings
from tests.conftest import shared_file

ROOT = Path(__file__).resolve().parents[1]
# Dev figures measured when the prior was added (top-1, top-10 exact match of
# the readings against any English spelling, case and diacritics folded),
# less a small margin for harmless changes.
DEV_HEBREW_TOP1_FLOOR = 0.18
DEV_HEBREW_TOP10_FLOOR = 0.41
DEV_ARABIC_TOP1_FLOOR = 0.11
DEV_ARABIC_TOP10_FLOOR = 0.26
DEV_TOP_K = 10


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_name_prior", ROOT / "tools/build_name_prior.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ known names


@pytest.mark.parametrize(
    ("hebrew_word", "spellings"),
    [
        ("משה", {"moshe"}),
        ("יצחק", {"yitzhak"}),
        ("בנימין", {"binyamin", "benjamin"}),
        ("יאיר", {"yair"}),
        ("אביגדור", {"avigdor"}),
        ("ספיר", {"sapir"}),
        ("כהן", {"cohen"}),
    ],
)
def test_known_names_read_first_as_their_usual_spelling(
    hebrew_word: str, spellings: set[str]
) -> None:
    """A word the name tables list reads first as its usual Latin spelling."""
    assert readings(hebrew_word)[0] in spellings
    assert word_readings(hebrew_word)[0] in spellings


def test_known_names_are_found_whatever_their_marks() -> None:
    """Final letters, cantillation and a maqaf do not hide a known word."""
    assert readings("משה\u0591")[0] == "moshe"
    assert readings("כהנ")[0] == readings("כהן")[0]
    assert readings("בנימין נתניהו")[0] == "binyamin netanyahu"


def test_pointed_and_latin_words_keep_the_lattice_order() -> None:
    """Vowel points say how a word reads; Latin letters are kept as written."""
    for text in ("שָׁלוֹם", "מֹשֶׁה", "Ivan 2", "Žofie"):
        assert readings(text) == lattice_readings(text)


# ------------------------------------------------------------------ the data file


def test_data_file_samples_cost_what_the_model_says() -> None:
    """The sample costs written by the build are what the loaded model computes."""
    model = prior.name_prior()
    assert len(model.samples) >= 4
    for word, cost in model.samples.items():
        assert prior.spelling_cost(word) == cost, word
    assert prior.spelling_cost("yitzhak") < prior.spelling_cost("yatsahek")
    assert prior.spelling_cost("berger") < prior.spelling_cost("bargar")


def test_data_file_names_its_sources() -> None:
    """The model says what it was learned from, and from nothing else."""
    header = prior.name_prior().header
    for needed in ("name_groups.tsv.gz", "hypocorisms.tsv", "rigour", "sha256"):
        assert needed in header
    assert "dev_" not in header


def test_build_is_deterministic() -> None:
    """The same forms give the same model and the same file text."""
    tool = _tool()
    forms = ["moshe", "moses", "yitzhak", "isaac", "berger", "bergmann", "avigdor"]
    first = tool.build_model(forms, 4, 1)
    assert first == tool.build_model(list(reversed(forms)), 4, 1)
    text = tool.render(first, {"moshe": ["moshe"]}, {"x": "0"}, 4, len(forms))
    assert text == tool.render(first, {"moshe": ["moshe"]}, {"x": "0"}, 4, len(forms))
    assert tool.cost(first, "moshe", 4) < tool.cost(first, "mhsoe", 4)


def test_model_loads_lazily() -> None:
    """Importing aliaskit reads neither the model nor the settings."""
    code = (
        "import aliaskit, aliaskit._reading_prior as p;"
        "print(p.name_prior.cache_info().currsize, p.settings.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["0", "0"]


# ------------------------------------------------------------------ re-ranking

_PATH = st.tuples(st.integers(0, 2000), st.text("abcdefhiklmnoprstuvyz", min_size=1, max_size=9))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PATH, max_size=30))
def test_rerank_is_a_superset_ordered_by_its_scores(paths: list[tuple[int, str]]) -> None:
    """Every path is kept (variants may be added), each once, ordered by score;
    a path's score is at most its lattice cost plus its weighted n-gram cost."""
    paths.sort()
    out = prior.rerank(paths)
    texts = [s for _, s in out]
    assert len(texts) == len(set(texts))
    assert {s for _, s in paths} <= set(texts)
    assert list(out) == sorted(out)
    weight = prior.settings().ngram_weight
    score = {s: c for c, s in out}
    for cost, text in paths:
        assert score[text] <= cost + round(weight * prior.spelling_cost(text))


def test_readings_are_deterministic_and_a_limit_is_a_prefix() -> None:
    """The same text gives the same readings after the caches are cleared, and
    ``limit=k`` gives the first k readings."""
    text = "אלכסנדר טרופנוב"
    first = readings(text)
    hebrew._ranked_word.cache_clear()
    prior._char_cost.cache_clear()
    assert readings(text) == first
    assert readings(text, limit=5) == first[:5]
    assert len(set(first)) == len(first) == hebrew.DEFAULT_LIMIT


# ------------------------------------------------------------------ dev figures


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _top_k(name: str, column: str) -> tuple[float, float]:
    gold: dict[str, set[str]] = defaultdict(set)
    with shared_file(name).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            gold[row[column]].add(_fold(row["latin"]))
    top1 = top10 = 0
    for word, spellings in gold.items():
        found = readings(word, limit=DEV_TOP_K)
        top1 += bool(found) and found[0] in spellings
        top10 += any(r in spellings for r in found)
    return top1 / len(gold), top10 / len(gold)


def test_dev_token_readings_do_not_regress() -> None:
    """Top-1 and top-10 exact match on the (evaluation-only) dev token files."""
    he1, he10 = _top_k("dev_hebrew_tokens.tsv", "hebrew")
    ar1, ar10 = _top_k("dev_arabic_tokens.tsv", "arabic")
    print(f"\nhebrew top-1 {he1:.3f} top-10 {he10:.3f}; arabic top-1 {ar1:.3f} top-10 {ar10:.3f}")
    assert he1 >= DEV_HEBREW_TOP1_FLOOR
    assert he10 >= DEV_HEBREW_TOP10_FLOOR
    assert ar1 >= DEV_ARABIC_TOP1_FLOOR
    assert ar10 >= DEV_ARABIC_TOP10_FLOOR
