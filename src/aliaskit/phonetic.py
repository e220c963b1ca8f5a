"""A registry of phonetic encoders that map one name token to a set of codes.

Every encoder has the shape ``Encoder``: ``str -> frozenset[str]``. Most give
one code; Daitch–Mokotoff may give several (one per branch). Tokens are folded
to ASCII letters by ``_to_ascii`` first, the single place where a proper
transliteration can later be plugged in. Results are cached per token.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Mapping
from typing import Final, TypeAlias

import jellyfish
from unidecode import unidecode

from aliaskit.daitch_mokotoff import daitch_mokotoff

__all__ = [
    "ENCODERS",
    "TOKEN_CACHE_MAXSIZE",
    "Encoder",
    "daitch_mokotoff_codes",
    "encoders",
    "match_rating_codes",
    "metaphone_codes",
    "nysiis_codes",
    "phonetic_keys",
    "soundex_codes",
]

Encoder: TypeAlias = Callable[[str], frozenset[str]]

TOKEN_CACHE_MAXSIZE: Final = 65_536
"""Entries kept per encoder in the per-token LRU cache."""

_SURROGATES: Final = re.compile("[\ud800-\udfff]")
# Whitespace, ASCII hyphen, Unicode hyphens and dashes, minus, Hebrew maqaf.
_TOKEN_SEPARATORS: Final = re.compile("[\\s\\-\u2010-\u2015\u2212\u05be\ufe58\ufe63\uff0d]+")


def _to_ascii(token: str) -> str:
    """Fold a token to ASCII (replace this function to plug in real transliteration)."""
    if token.isascii():
        return token
    if not any(ch.isalpha() for ch in token):
        return ""  # lone marks (a Hebrew vowel point unidecodes to "a") are no name
    return unidecode(_SURROGATES.sub("", token), errors="ignore")


def _ascii_letters(token: str) -> str:
    """The ASCII letters of a token, upper-cased, after folding."""
    return "".join(ch for ch in _to_ascii(token).upper() if "A" <= ch <= "Z")


def _one_code(code: str) -> frozenset[str]:
    """A frozenset holding ``code``, or empty when the code is empty."""
    return frozenset((code,)) if code else frozenset()


def _require_str(token: object, encoder: str) -> None:
    """Raise TypeError unless ``token`` is a str."""
    if not isinstance(token, str):
        raise TypeError(f"{encoder}() expects a str token, got {type(token).__name__}")


@functools.lru_cache(maxsize=TOKEN_CACHE_MAXSIZE)
def _soundex(token: str) -> frozenset[str]:
    letters = _ascii_letters(token)
    return _one_code(jellyfish.soundex(letters)) if letters else frozenset()


@functools.lru_cache(maxsize=TOKEN_CACHE_MAXSIZE)
def _metaphone(token: str) -> frozenset[str]:
    letters = _ascii_letters(token)
    return _one_code(jellyfish.metaphone(letters)) if letters else frozenset()


@functools.lru_cache(maxsize=TOKEN_CACHE_MAXSIZE)
def _nysiis(token: str) -> frozenset[str]:
    letters = _ascii_letters(token)
    return _one_code(jellyfish.nysiis(letters)) if letters else frozenset()


@functools.lru_cache(maxsize=TOKEN_CACHE_MAXSIZE)
def _match_rating(token: str) -> frozenset[str]:
    letters = _ascii_letters(token)
    return _one_code(jellyfish.match_rating_codex(letters)) if letters else frozenset()


@functools.lru_cache(maxsize=TOKEN_CACHE_MAXSIZE)
def _daitch_mokotoff(token: str) -> frozenset[str]:
    letters = _ascii_letters(token)
    return daitch_mokotoff(letters) if letters else frozenset()


def soundex_codes(token: str) -> frozenset[str]:
    """American Soundex (jellyfish) of one token.

    >>> soundex_codes("Trufanov")
    frozenset({'T615'})
    """
    _require_str(token, "soundex_codes")
    return _soundex(token)


def metaphone_codes(token: str) -> frozenset[str]:
    """Metaphone (jellyfish) of one token.

    >>> metaphone_codes("Troufanov")
    frozenset({'TRFNF'})
    """
    _require_str(token, "metaphone_codes")
    return _metaphone(token)


def nysiis_codes(token: str) -> frozenset[str]:
    """NYSIIS (jellyfish) of one token.

    >>> nysiis_codes("Trufanov")
    frozenset({'TRAFANAV'})
    """
    _require_str(token, "nysiis_codes")
    return _nysiis(token)


def match_rating_codes(token: str) -> frozenset[str]:
    """Match Rating Approach codex (jellyfish) of one token.

    >>> match_rating_codes("Trufanov")
    frozenset({'TRFNV'})
    """
    _require_str(token, "match_rating_codes")
    return _match_rating(token)


def daitch_mokotoff_codes(token: str) -> frozenset[str]:
    """Daitch–Mokotoff Soundex codes of one token (several when it branches).

    >>> sorted(daitch_mokotoff_codes("Peters"))
    ['734000', '739400']
    """
    _require_str(token, "daitch_mokotoff_codes")
    return _daitch_mokotoff(token)


ENCODERS: Final[Mapping[str, Encoder]] = types.MappingProxyType(
    {
        "daitch_mokotoff": daitch_mokotoff_codes,
        "match_rating": match_rating_codes,
        "metaphone": metaphone_codes,
        "nysiis": nysiis_codes,
        "soundex": soundex_codes,
    }
)


def encoders() -> tuple[str, ...]:
    """Names of the registered encoders, sorted.

    >>> encoders()
    ('daitch_mokotoff', 'match_rating', 'metaphone', 'nysiis', 'soundex')
    """
    return tuple(sorted(ENCODERS))


def _resolve(algorithm: object) -> Encoder:
    """Look up an encoder by name, or accept a callable encoder as is."""
    if isinstance(algorithm, str):
        try:
            return ENCODERS[algorithm]
        except KeyError:
            known = ", ".join(encoders())
            raise ValueError(
                f"unknown phonetic algorithm {algorithm!r}; known encoders: {known}"
            ) from None
    if callable(algorithm):
        return algorithm
    raise TypeError(
        f"algorithm must be an encoder name or a callable, got {type(algorithm).__name__}"
    )


def phonetic_keys(text: str, *, algorithm: str | Encoder = "metaphone") -> frozenset[str]:
    """Union of the codes of every token of ``text`` (split on whitespace and hyphens).

    ``algorithm`` is a name from ``encoders()`` or a callable ``str -> frozenset[str]``.

    >>> sorted(phonetic_keys("Sasha Troufanov"))
    ['SX', 'TRFNF']
    >>> sorted(phonetic_keys("Ben-Aron", algorithm="daitch_mokotoff"))
    ['096000', '760000']
    """
    if not isinstance(text, str):
        raise TypeError(f"phonetic_keys() expects a str, got {type(text).__name__}")
    encoder = _resolve(algorithm)
    keys: set[str] = set()
    for token in _TOKEN_SEPARATORS.split(text):
        if not token:
            continue
        codes = encoder(token)
        if not isinstance(codes, frozenset):
            raise TypeError(
                f"encoder {algorithm!r} returned {type(codes).__name__} for {token!r}, "
                "expected frozenset[str]"
            )
        keys.update(codes)
    return frozenset(keys)
