"""Tests for the phonetic encoder registry and ``phonetic_keys``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import phonetic
from aliaskit.phonetic import ENCODERS, TOKEN_CACHE_MAXSIZE, Encoder, encoders, phonetic_keys

NAMES = ("daitch_mokotoff", "match_rating", "metaphone", "nysiis", "soundex")
# Any code point, lone surrogates included.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()))
ODD_STRINGS = (
    "",
    "7",
    "2024",
    "a",
    "Z",
    "\u0301",  # lone combining mark
    "\u200f\u202e",  # bidi marks
    "\u200d",  # zero-width joiner
    "😀",
    "\x00\x1b",
    "\ud800",  # lone surrogate
    "ß",
    "Ⅻ",  # roman numeral: unidecode gives XII
)
NO_LETTERS = ("", "7", "2024", "\u0301", "\u200f\u202e", "\u200d", "😀", "\x00\x1b", "\ud800")


def test_registry_lists_the_five_encoders_sorted() -> None:
    """``encoders()`` returns the registered names, sorted."""
    assert encoders() == NAMES
    assert set(ENCODERS) == set(NAMES)


def test_registry_is_read_only() -> None:
    """The registry mapping cannot be modified."""
    with pytest.raises(TypeError):
        ENCODERS["x"] = phonetic.soundex_codes  # type: ignore[index]


def test_registry_holds_plain_functions() -> None:
    """Each registered encoder is a plain function (compiled or not) with a docstring,
    not a cache wrapper or another callable object."""
    for encoder in ENCODERS.values():
        assert type(encoder).__name__ in ("function", "cython_function_or_method")
        assert not hasattr(encoder, "cache_info")
        assert encoder.__doc__


def test_cache_size_is_a_named_positive_constant() -> None:
    """The per-token cache has a named, positive maxsize."""
    assert TOKEN_CACHE_MAXSIZE > 0


def test_unknown_name_error_lists_known_encoders() -> None:
    """An unknown algorithm name raises ValueError naming every known encoder."""
    with pytest.raises(ValueError, match="unknown phonetic algorithm 'caverphone'") as error:
        phonetic_keys("Trufanov", algorithm="caverphone")
    for name in NAMES:
        assert name in str(error.value)


def test_callable_is_accepted_in_place_of_a_name() -> None:
    """A callable ``str -> frozenset[str]`` works like a registered encoder."""

    def first_letter(token: str) -> frozenset[str]:
        return frozenset({token[:1].upper()})

    assert phonetic_keys("sasha troufanov", algorithm=first_letter) == {"S", "T"}
    assert phonetic_keys("Sasha", algorithm=ENCODERS["soundex"]) == {"S200"}


def test_callable_returning_wrong_type_is_a_type_error() -> None:
    """An encoder that does not return a frozenset is reported, not silently used."""
    with pytest.raises(TypeError, match="expected frozenset"):
        phonetic_keys("Sasha", algorithm=lambda token: {token})  # type: ignore[arg-type,return-value]


def test_bad_algorithm_type_is_a_type_error() -> None:
    """An algorithm that is neither a name nor a callable raises TypeError."""
    with pytest.raises(TypeError, match="algorithm must be"):
        phonetic_keys("Sasha", algorithm=42)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, b"Sasha", 3, ["Sasha"]])
def test_non_str_text_is_a_type_error(value: object) -> None:
    """``phonetic_keys`` and every encoder reject non-str input with TypeError."""
    with pytest.raises(TypeError, match="expects a str"):
        phonetic_keys(value)  # type: ignore[arg-type]
    for encoder in ENCODERS.values():
        with pytest.raises(TypeError, match="expects a str"):
            encoder(value)  # type: ignore[arg-type]


def test_keys_are_the_union_over_tokens() -> None:
    """Tokens split on whitespace and hyphens (incl. the Hebrew maqaf) are unioned."""
    assert phonetic_keys("Sasha Troufanov") == {"SX", "TRFNF"}
    assert phonetic_keys("Ben-Aron", algorithm="daitch_mokotoff") == {"760000", "096000"}
    assert phonetic_keys("Ben\u05beAron\u2013Levi\tKatz", algorithm="soundex") == {
        "B500",
        "A650",
        "L100",
        "K320",
    }


def test_default_algorithm_is_metaphone() -> None:
    """Without ``algorithm`` the metaphone encoder is used."""
    assert phonetic_keys("Trufanov") == ENCODERS["metaphone"]("Trufanov") == {"TRFNF"}


def test_spelling_variants_share_keys() -> None:
    """The motivating romanisations of one surname share a DM and a metaphone key."""
    variants = ("Trufanov", "Troufanov", "Труфанов")
    for algorithm in ("daitch_mokotoff", "metaphone", "match_rating"):
        keys = [phonetic_keys(name, algorithm=algorithm) for name in variants]
        assert keys[0] == keys[1] == keys[2], algorithm
    assert phonetic_keys("Trupanov", algorithm="daitch_mokotoff") == {"397670"}


def test_jellyfish_encoders_get_ascii_letters_only() -> None:
    """Diacritics, digits and punctuation are folded or dropped before jellyfish sees them."""
    assert ENCODERS["soundex"]("Müller") == ENCODERS["soundex"]("Muller") == {"M460"}
    assert ENCODERS["nysiis"]("O'Brien2") == ENCODERS["nysiis"]("OBrien")


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("token", ODD_STRINGS)
def test_odd_tokens_give_defined_results(name: str, token: str) -> None:
    """Empty, digit-only, single-letter and odd Unicode tokens never raise."""
    codes = ENCODERS[name](token)
    assert isinstance(codes, frozenset)
    assert all(isinstance(code, str) and code for code in codes)
    if token in NO_LETTERS:
        assert codes == frozenset()


@pytest.mark.parametrize("name", NAMES)
def test_single_letter_has_a_code(name: str) -> None:
    """A single ASCII letter gets a code from every encoder."""
    assert ENCODERS[name]("B")


def test_to_ascii_is_the_single_replaceable_folding_point(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replacing ``_to_ascii`` changes what every named encoder sees."""

    def fake(token: str) -> str:
        return "Peters" if token == "פטרס" else token

    monkeypatch.setattr(phonetic, "_to_ascii", fake)
    for cached in (phonetic._daitch_mokotoff, phonetic._soundex):
        cached.cache_clear()
    try:
        assert phonetic_keys("פטרס", algorithm="daitch_mokotoff") == {"734000", "739400"}
        assert phonetic_keys("פטרס", algorithm="soundex") == {"P362"}
    finally:
        monkeypatch.undo()
        phonetic._daitch_mokotoff.cache_clear()
        phonetic._soundex.cache_clear()


@pytest.mark.parametrize("name", NAMES)
@given(token=ANY_TEXT)
def test_every_encoder_is_total_and_deterministic(name: str, token: str) -> None:
    """Any str token gives a frozenset of non-empty str codes, the same each time."""
    encoder: Encoder = ENCODERS[name]
    codes = encoder(token)
    assert isinstance(codes, frozenset)
    assert all(isinstance(code, str) and code for code in codes)
    assert encoder(token) == codes


@given(text=ANY_TEXT)
def test_phonetic_keys_is_the_union_of_token_codes(text: str) -> None:
    """``phonetic_keys`` never raises and DM keys are six-digit codes."""
    keys = phonetic_keys(text, algorithm="daitch_mokotoff")
    assert all(len(key) == 6 and key.isdigit() for key in keys)
    assert phonetic_keys(text, algorithm="daitch_mokotoff") == keys
