"""Cyrillic → Latin transliteration driven by bundled scheme files.

Each scheme lives in ``schemes/<name>.toml`` (rules, source standard and
samples that are checked at load time). ``_fallback.toml`` in the same folder
is the table shared by all schemes for Cyrillic letters a scheme does not
cover (e.g. Ukrainian і in a Russian scheme); any Cyrillic code point missing
from it too is rendered by unidecode, so output never contains Cyrillic.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path
from typing import Any

from aliaskit.translit._load import (
    Scheme,
    complete_fallback,
    parse_fallback,
    parse_scheme,
    read_toml,
)
from aliaskit.translit.engine import HAS_CYRILLIC_RE, WORD_RE

__all__ = [
    "DEFAULT_SCHEMES",
    "Scheme",
    "cyrillic_language",
    "load_scheme_file",
    "romanizations",
    "scheme",
    "schemes",
    "transliterate",
]

DEFAULT_SCHEMES = {"ru": "ru_bgn_pcgn", "uk": "uk_national_2010", "be": "be_national"}
"""Scheme used by ``transliterate(..., "auto")`` for each detected language."""

_FALLBACK_FILE = "_fallback.toml"
_UK_ONLY = frozenset("іїєґІЇЄҐ")
_NOT_UK = frozenset("ыэъўЫЭЪЎ")
_BE_WITH_I = frozenset("ыэЫЭ")
# Letters of only some of ru/uk/be: a word without them is read in the text's language.
_DISTINCTIVE = frozenset("іїєґўыэъёІЇЄҐЎЫЭЪЁ")


def _require_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be str, got {type(value).__name__}")
    return value


@functools.cache
def _fallback() -> dict[str, str]:
    res = files("aliaskit") / "translit" / "schemes" / _FALLBACK_FILE
    return complete_fallback(
        parse_fallback(_FALLBACK_FILE, read_toml(_FALLBACK_FILE, res.read_text("utf-8")))
    )


@functools.cache
def _registry() -> dict[str, Scheme]:
    folder = files("aliaskit") / "translit" / "schemes"
    found: dict[str, Scheme] = {}
    for res in sorted(folder.iterdir(), key=lambda r: r.name):
        if not res.name.endswith(".toml") or res.name.startswith("_"):
            continue
        data = read_toml(res.name, res.read_text("utf-8"))
        found[Path(res.name).stem] = parse_scheme(res.name, data, _fallback())
    return found


def load_scheme_file(path: str | Path) -> Scheme:
    """Load and validate one scheme TOML file; a broken file raises ``ValueError``.

    >>> import aliaskit.translit as t, pathlib
    >>> p = pathlib.Path(t.__file__).parent / "schemes" / "ru_icao_9303.toml"
    >>> load_scheme_file(p).name
    'ru_icao_9303'
    """
    if not isinstance(path, str | Path):
        raise TypeError(f"path must be str or Path, got {type(path).__name__}")
    p = Path(path)
    return parse_scheme(p, read_toml(p, p.read_text(encoding="utf-8")), _fallback())


def schemes() -> tuple[str, ...]:
    """Sorted names of all bundled schemes.

    >>> "ru_bgn_pcgn" in schemes()
    True
    """
    return tuple(sorted(_registry()))


def _lookup(name: str) -> Scheme:
    _require_str(name, "scheme name")
    found = _registry().get(name)
    if found is None:
        known = ", ".join(["auto", *schemes()])
        raise ValueError(f"unknown scheme {name!r}; known schemes: {known}")
    return found


def scheme(name: str) -> Scheme:
    """The bundled scheme called ``name``; unknown names raise ``ValueError``.

    >>> scheme("uk_national_2010").language
    'uk'
    """
    return _lookup(name)


def cyrillic_language(text: str) -> str:
    """Guess the language of Cyrillic ``text`` from its letters.

    Rule: no Cyrillic → ""; ў, or і together with ы/э → "be"; any of і ї є ґ
    (without ы э ъ ў) → "uk"; otherwise (ы э ъ ё or only common letters) → "ru".

    >>> cyrillic_language("Андрій"), cyrillic_language("Лукашэнка"), cyrillic_language("Магілёў")
    ('uk', 'ru', 'be')
    """
    _require_str(text, "text")
    if not HAS_CYRILLIC_RE.search(text):
        return ""
    if _DISTINCTIVE.isdisjoint(text):
        return "ru"  # common letters only
    letters = set(text)
    if "ў" in letters or "Ў" in letters:
        return "be"
    has_i = "і" in letters or "І" in letters
    if has_i and letters & _BE_WITH_I:
        return "be"
    if letters & _UK_ONLY and not letters & _NOT_UK:
        return "uk"
    return "ru"


def _auto_word(word: str, text_language: str) -> str:
    if not HAS_CYRILLIC_RE.search(word):
        return word
    lang = cyrillic_language(word) if _DISTINCTIVE.intersection(word) else text_language
    return _registry()[DEFAULT_SCHEMES[lang]].rules.word(word)


def transliterate(text: str, scheme: str = "auto") -> str:
    """Romanise Cyrillic in ``text``; ``"auto"`` picks ru/uk/be per word.

    With ``"auto"`` a word containing a distinctive letter (і ї є ґ ў ы э ъ ё)
    uses the scheme of its own language (see :func:`cyrillic_language`); a
    word of common letters only uses the language of the whole text.

    >>> transliterate("Александр Витальевич Труфанов")
    'Aleksandr Vital’yevich Trufanov'
    >>> transliterate("Юлия", "ru_mvd_310_fr")
    'Iouliia'
    >>> transliterate("Андрій Юрійович ПІНЧУК")
    'Andrii Yuriiovych PINCHUK'
    """
    _require_str(text, "text")
    _require_str(scheme, "scheme")
    if scheme != "auto":
        return _lookup(scheme).rules.text(text)
    language = cyrillic_language(text)
    if not language:
        return text
    if text.isalpha():  # one word (a name part): its language is the text's
        return _registry()[DEFAULT_SCHEMES[language]].rules.word(text)
    return WORD_RE.sub(lambda m: _auto_word(m.group(), language), text)


def romanizations(text: str) -> frozenset[str]:
    """All distinct Latin renderings of ``text`` across the bundled schemes.

    >>> sorted(romanizations("Юлия"))
    ['Iouliia', 'Iuliia', 'I͡ulii͡a', 'Julija', 'Yuliya', 'Yulyia', 'Ûliâ']
    >>> romanizations("Anna")
    frozenset({'Anna'})
    """
    _require_str(text, "text")
    if not HAS_CYRILLIC_RE.search(text):
        return frozenset({text})
    return frozenset(s.rules.text(text) for s in _registry().values())
