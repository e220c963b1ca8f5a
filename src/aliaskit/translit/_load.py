"""Loading and validation of scheme TOML files and the shared fallback table.

A scheme file must contain exactly these keys (``context_mapping`` optional):

- ``name`` (str, equal to the file stem), ``language`` ("ru", "uk" or "be"),
  ``description`` and ``source`` (non-empty str);
- ``samples``: non-empty list of ``[cyrillic, latin]`` string pairs, every one
  of which must transliterate exactly, or the file is rejected;
- ``mapping``: one lower-case letter (or apostrophe) → Latin;
- ``prev_mapping``: previous letter (``^`` = word start) + this letter;
- ``next_mapping``: this letter + next letter (``$`` = word end);
- ``ending_mapping``: word ending of two or more letters → Latin;
- ``context_mapping`` (optional): previous + this + next letter;
- ``classes`` (optional): one upper-case ASCII letter → a string of letters.
  A class letter inside a rule key stands for each of its letters, e.g. with
  ``V = "аеё"`` the key ``"Vе"`` means ``"ае"``, ``"ее"``, ``"ёе"``. Explicit
  keys win over keys expanded from a class.

Any violation raises ``ValueError`` naming the file and the rule broken.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from aliaskit.translit.engine import END, HAS_CYRILLIC_RE, START, CompiledRules

LANGUAGES = ("ru", "uk", "be")
_TEXT_KEYS = ("name", "language", "description", "source")
_TABLE_KEYS = ("mapping", "prev_mapping", "next_mapping", "ending_mapping")
_OPTIONAL_KEYS = ("context_mapping", "classes")
_APOSTROPHES = frozenset("'’ʼ")


@attrs.frozen
class Scheme:
    """A bundled romanisation scheme: metadata, samples and compiled rules.

    >>> from aliaskit.translit import scheme
    >>> scheme("ru_icao_9303").transliterate("Юлия")
    'Iuliia'
    """

    name: str
    language: str
    description: str
    source: str
    samples: tuple[tuple[str, str], ...]
    rules: CompiledRules = attrs.field(eq=False, repr=False)

    def transliterate(self, text: str) -> str:
        """Romanise ``text`` with this scheme; non-Cyrillic text passes through.

        >>> from aliaskit.translit import scheme
        >>> scheme("ru_bgn_pcgn").transliterate("ЩЕГЛОВА, Юлия")
        'SHCHEGLOVA, Yuliya'
        """
        if not isinstance(text, str):
            raise TypeError(f"transliterate() expects str, got {type(text).__name__}")
        return self.rules.text(text)


def _fail(path: Path | str, rule: str) -> ValueError:
    return ValueError(f"{path}: {rule}")


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch in _APOSTROPHES


def _expand(key: str, classes: dict[str, str]) -> list[str]:
    keys = [""]
    for ch in key:
        keys = [k + c for k in keys for c in classes.get(ch, ch)]
    return keys


def _check_table(
    path: Path | str,
    key: str,
    raw: Any,
    key_ok: Callable[[str], bool],
    shape: str,
    classes: dict[str, str] | None = None,
) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _fail(path, f"'{key}' must be a table of strings, got {type(raw).__name__}")
    explicit: dict[str, str] = {}
    expanded: dict[str, str] = {}
    for k, v in raw.items():
        if not isinstance(v, str):
            raise _fail(path, f"'{key}' value for {k!r} must be a string")
        if HAS_CYRILLIC_RE.search(v):
            raise _fail(path, f"'{key}' value for {k!r} contains Cyrillic")
        value = unicodedata.normalize("NFC", v)
        variants = _expand(unicodedata.normalize("NFC", k), classes or {})
        for one in variants:
            if not key_ok(one):
                raise _fail(path, f"'{key}' key {k!r} must be {shape}")
            if one != one.lower():
                raise _fail(path, f"'{key}' key {k!r} must be lower case")
            (explicit if len(variants) == 1 and one == k else expanded)[one] = value
    return {**expanded, **explicit}


def _check_classes(path: Path | str, raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise _fail(path, "'classes' must be a table of strings")
    for k, v in raw.items():
        if not (len(k) == 1 and k.isascii() and k.isupper()):
            raise _fail(path, f"'classes' name {k!r} must be one upper-case ASCII letter")
        if not (isinstance(v, str) and v and all(_is_letter(c) and c == c.lower() for c in v)):
            raise _fail(path, f"'classes' value for {k!r} must be a string of lower-case letters")
    return dict(raw)


def _single(k: str) -> bool:
    return len(k) == 1 and _is_letter(k)


def _prev(k: str) -> bool:
    return len(k) == 2 and (k[0] == START or _is_letter(k[0])) and _is_letter(k[1])


def _next(k: str) -> bool:
    return len(k) == 2 and _is_letter(k[0]) and (k[1] == END or _is_letter(k[1]))


def _ending(k: str) -> bool:
    return len(k) >= 2 and all(_is_letter(c) for c in k)


def _context(k: str) -> bool:
    return len(k) == 3 and _prev(k[:2]) and _next(k[1:])


_TABLE_RULES: dict[str, tuple[Callable[[str], bool], str]] = {
    "mapping": (_single, "a single letter"),
    "prev_mapping": (_prev, "two characters: previous letter or '^', then a letter"),
    "next_mapping": (_next, "two characters: a letter, then next letter or '$'"),
    "ending_mapping": (_ending, "two or more letters"),
    "context_mapping": (_context, "three characters: previous ('^'), letter, next ('$')"),
}


def _check_samples(path: Path | str, raw: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "'samples' must be a non-empty list of [cyrillic, latin] pairs")
    out: list[tuple[str, str]] = []
    for item in raw:
        if not (
            isinstance(item, list) and len(item) == 2 and all(isinstance(s, str) for s in item)
        ):
            raise _fail(path, f"sample {item!r} must be a [cyrillic, latin] pair of strings")
        out.append((item[0], unicodedata.normalize("NFC", item[1])))
    return tuple(out)


def parse_scheme(path: Path | str, data: dict[str, Any], fallback: dict[str, str]) -> Scheme:
    """Validate the parsed TOML ``data`` of ``path`` and build its :class:`Scheme`."""
    allowed = set(_TEXT_KEYS) | set(_TABLE_KEYS) | set(_OPTIONAL_KEYS) | {"samples"}
    for key in (*_TEXT_KEYS, *_TABLE_KEYS, "samples"):
        if key not in data:
            raise _fail(path, f"missing required key '{key}'")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(path, f"unknown key(s) {unknown}")
    for key in _TEXT_KEYS:
        if not isinstance(data[key], str) or not data[key].strip():
            raise _fail(path, f"'{key}' must be a non-empty string")
    if data["language"] not in LANGUAGES:
        raise _fail(path, f"'language' must be one of {LANGUAGES}, got {data['language']!r}")
    stem = Path(path).stem
    if data["name"] != stem:
        raise _fail(path, f"'name' {data['name']!r} must equal the file name {stem!r}")
    classes = _check_classes(path, data.get("classes", {}))
    tables = {
        key: _check_table(path, key, data.get(key, {}), *_TABLE_RULES[key], classes)
        for key in (*_TABLE_KEYS, "context_mapping")
    }
    rules = CompiledRules(fallback=fallback, **tables)
    samples = _check_samples(path, data["samples"])
    for cyr, expected in samples:
        got = rules.text(cyr)
        if got != expected:
            raise _fail(path, f"sample {cyr!r} gives {got!r}, expected {expected!r}")
    return Scheme(
        name=data["name"],
        language=data["language"],
        description=data["description"],
        source=data["source"],
        samples=samples,
        rules=rules,
    )


def parse_fallback(path: Path | str, data: dict[str, Any]) -> dict[str, str]:
    """Validate the shared fallback table file (key ``fallback``: letter → Latin)."""
    if "fallback" not in data:
        raise _fail(path, "missing required key 'fallback'")
    return _check_table(path, "fallback", data["fallback"], _single, "a single letter")


def read_toml(path: Path | str, text: str) -> dict[str, Any]:
    """Parse TOML ``text``; syntax errors become ``ValueError`` naming ``path``."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from exc


def complete_fallback(table: dict[str, str]) -> dict[str, str]:
    """Extend ``table`` to every Cyrillic code point, so output is never Cyrillic.

    Letters missing from the table get unidecode's ASCII rendering; anything
    still non-Latin (e.g. combining Cyrillic marks) is dropped.
    """
    from unidecode import unidecode

    full: dict[str, str] = {}
    for lo, hi in ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            guess = unidecode(ch.lower() if len(ch.lower()) == 1 else ch)
            full[ch] = "".join(c for c in guess.lower() if c.isascii() and c.isalpha())
    full.update(table)
    return full
