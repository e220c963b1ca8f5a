"""Folding and cross-script skeleton keys of name parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.keys import MAX_KEYS, fold, hebrew_skeletons, latin_skeletons, loose_fold
from aliaskit.latin import latin_forms
from tests.conftest import load_vectors

PAIRS = load_vectors("cross_script_parts.tsv")
SAME = [r for r in PAIRS if r["relation"] == "same"]


def _keys(token: str) -> frozenset[str]:
    token = token.lower()
    forms = latin_forms(token)
    if forms.method == "hebrew_reading":
        return hebrew_skeletons(token)
    out: set[str] = set()
    for form in forms.forms:
        out |= latin_skeletons(form)
    return frozenset(out)


@pytest.mark.parametrize("row", SAME, ids=[f"{r['a']}-{r['b']}" for r in SAME])
def test_same_name_shares_a_skeleton_key(row: dict[str, str]) -> None:
    """Romanisations and script forms of one name meet in at least one key."""
    assert _keys(row["a"]) & _keys(row["b"])


@pytest.mark.parametrize(
    ("a", "b"),
    [("Troufanov", "Trufanow"), ("Yelena", "Jelena"), ("Iouliia", "Yuliya"), ("Vitaliy", "Vitaly")],
)
def test_fold_collapses_romanisation_variants(a: str, b: str) -> None:
    """fold() maps scheme variants of one name to one form."""
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Sasha", "Sasa"), ("Trufanov", "Tarasov"), ("Zhukov", "Sukov")]
)
def test_fold_keeps_distinct_sounds_apart(a: str, b: str) -> None:
    """fold() does not merge sounds that tell names apart."""
    assert fold(a) != fold(b)


@given(st.text())
def test_keys_are_total_and_bounded(text: str) -> None:
    """Every string gives a bounded set of keys and ASCII folds, never an error."""
    assert len(latin_skeletons(text)) <= MAX_KEYS
    assert len(hebrew_skeletons(text)) <= MAX_KEYS
    assert fold(text).isascii()
    assert loose_fold(text).isascii()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_fold_is_case_insensitive(text: str) -> None:
    """Upper, title and lower case fold alike."""
    assert fold(text) == fold(text.upper()) == fold(text.title())
