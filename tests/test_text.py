"""Normalisation, tokenisation and script detection."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from aliaskit import detect_script, normalize
from aliaskit.text import tokenize
from tests.conftest import load_vectors

VECTORS = load_vectors("normalize.tsv")


@pytest.mark.parametrize("row", VECTORS, ids=[r["input"] for r in VECTORS])
def test_normalize_vectors(row: dict[str, str]) -> None:
    """Every normalisation vector gives its expected form."""
    assert normalize(row["input"]) == row["expected"]


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    """Normalising a normalised string changes nothing."""
    once = normalize(text)
    assert normalize(once) == once


@given(st.text())
def test_normalize_output_is_clean(text: str) -> None:
    """The output has no control, format or surrogate characters and no edge spaces."""
    out = normalize(text)
    assert out == out.strip()
    assert "  " not in out
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in out)


@example("QЌ")  # a look-alike letter with an accent, composed or not (found by CI)
@given(st.text())
def test_normalize_ignores_unicode_form(text: str) -> None:
    """NFD and NFC forms of a string normalise alike."""
    assert normalize(unicodedata.normalize("NFD", text)) == normalize(
        unicodedata.normalize("NFC", text)
    )


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Alexander Trufanov", "Latn"),
        ("Александр Труфанов", "Cyrl"),
        ("סשה טרופנוב", "Hebr"),
        ("موسى أبو مرزوق", "Arab"),
        ("Αλέξανδρος", "Grek"),
        ("习近平", "Hani"),
        ("123 --", "Zyyy"),
        ("", "Zyyy"),
    ],
)
def test_detect_script_by_majority(text: str, script: str) -> None:
    """The script of most letters is reported, Zyyy when there is none."""
    assert detect_script(text) == script


def test_tokenize_keeps_hyphenated_parts() -> None:
    """A hyphenated surname stays one token."""
    assert tokenize("Sagi Dekel-Hen") == ("sagi", "dekel-hen")


@pytest.mark.parametrize("bad", [None, b"Trufanov", 42, ["x"]])
def test_non_str_raises_type_error(bad: object) -> None:
    """Wrong types raise TypeError naming the argument."""
    with pytest.raises(TypeError, match="text must be a str"):
        normalize(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        detect_script(bad)  # type: ignore[arg-type]
