"""Belarusian names in oblique cases brought to the nominative, by rule.

pymorphy3 has no Belarusian dictionary, so Belarusian names are read with
the small table of ``data/be_declension.toml``: the endings of regular given
names and surnames by gender and case (*з Аляксандрам Труфанавым*:
Аляксандр Труфанаў; *з маці Аленай*: Алена; *Святланай Ціханоўскай*:
Святлана Ціханоўская). A given name is read back only to a nominative that
:mod:`aliaskit.knowledge` knows as a given name (its own spelling or its
Russian reading, :func:`aliaskit.belarusian.russian_reading`), and sets the
gender and case its surnames are read in; a surname with no given name is
read only in the instrumental, whose endings are the surest. A word that no
rule reads stays as written.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any

from aliaskit.belarusian import russian_reading
from aliaskit.knowledge import given_name_gender, name_facts

__all__ = ["be_given", "be_nominative"]

_GENDERS = {"m": "masc", "f": "femn"}
#: The case a surname with no given name before it is read in.
_SUREST_CASE = "ablt"
#: Letters a stem keeps at least.
_MIN_STEM = 2


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = files("aliaskit").joinpath("data", "be_declension.toml").read_text("utf-8")
    return tomllib.loads(text)


def _known_given(low: str) -> str | None:
    """The gender of a known given name (``""`` if unknown), None if no given name."""
    reading = russian_reading(low) or low
    for word in (low, reading):
        if name_facts(word).is_given:
            return _GENDERS.get(given_name_gender(word) or "", "")
    return None


@lru_cache(maxsize=1 << 14)
def be_given(word: str) -> tuple[str, str | None, str | None] | None:
    """A Belarusian given name's nominative, gender and case, if a rule reads it."""
    low = word.lower()
    found: list[tuple[int, str, str | None, str]] = []
    known = _known_given(low)
    if known is not None:
        found.append((0, low, known or None, "nomn"))
    for gender, cases in _table()["given"].items():
        for case, rows in cases.items():
            for ending, nominative in rows:
                if not low.endswith(ending) or len(low) - len(ending) < _MIN_STEM:
                    continue
                candidate = low[: len(low) - len(ending)] + nominative
                if _known_given(candidate) is not None:
                    found.append((-len(ending), candidate, gender, case))
    if not found:
        return None
    # The longest ending, first: an oblique form of one given name wins over
    # the nominative of another (Аляксандра: Аляксандр's genitive, as
    # pymorphy3 reads Russian Александра).
    _, nominative, gender, case = min(found, key=lambda f: f[0])
    return nominative, gender, case


def _surname(low: str, gender: str | None, case: str | None) -> str | None:
    if case == "nomn":
        return None
    for kind in _table()["surname"].values():
        stems = tuple(kind["stems"])
        for g in (gender,) if gender else ("masc", "femn"):
            for ending in kind[g].get(case or _SUREST_CASE, ()):
                stem = low[: len(low) - len(ending)]
                if low.endswith(ending) and stem.endswith(stems) and len(stem) >= _MIN_STEM + 1:
                    return stem + str(kind[g]["nomn"][0])
    return None


def be_nominative(words: Sequence[str], case: str | None = None) -> tuple[str, ...]:
    """The Belarusian words of one name in the nominative, lower-case (a word
    no rule reads stays as written). The first given name sets the gender
    and case of the surnames; ``case`` says the case of a surname alone."""
    out = list(words)
    gender: str | None = None
    surnames = []
    for k, word in enumerate(words):
        given = be_given(word)
        if given is None:
            surnames.append(k)
            continue
        out[k] = given[0]
        if gender is None and given[1] is not None:
            gender, case = given[1], given[2]
    for k in surnames:
        out[k] = _surname(words[k].lower(), gender, case) or words[k]
    return tuple(out)
