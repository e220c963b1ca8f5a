"""Latin name parts read as their spelling tradition says them.

Hebrew and Cyrillic write foreign names as they are heard, so *Knight* is
נייט, *Huppert* הופר and *Jiménez* חימנס. A word that shows the marks of a
spelling tradition (English *kn-* or *igh*, a French silent ending, Italian
*gi*, Spanish *ñ*) gets one extra reading per tradition, spelled the way
:func:`aliaskit.keys.fold` reads sounds. The traditions are data, with
their sample pairs, in ``aliaskit/data/spoken_readings.toml``.

>>> spoken_readings("knight"), spoken_readings("giovanni"), spoken_readings("ivanov")
(('nait',), ('jovanni',), ())
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files

import attrs

__all__ = ["Tradition", "spoken_readings", "traditions"]


@attrs.frozen
class Tradition:
    """One spelling tradition: the mark that selects a word, and its rewrites."""

    name: str
    mark: re.Pattern[str]
    min_length: int
    rewrites: tuple[tuple[re.Pattern[str], str], ...]
    samples: tuple[tuple[str, str], ...]

    def read(self, word: str) -> str:
        """The word as this tradition says it (rewrites applied in order)."""
        for pattern, repl in self.rewrites:
            word = pattern.sub(repl, word)
        return word


@cache
def traditions() -> tuple[Tradition, ...]:
    """The bundled traditions, in file order (the order of the readings)."""
    data = tomllib.loads((files("aliaskit") / "data" / "spoken_readings.toml").read_text("utf-8"))
    out = []
    for i, row in enumerate(data["tradition"]):
        where = f"spoken_readings.toml, tradition {i + 1}"
        try:
            out.append(
                Tradition(
                    name=row["name"],
                    mark=re.compile(row["mark"]),
                    min_length=int(row["min_length"]),
                    rewrites=tuple((re.compile(p), r) for p, r in row["rewrites"]),
                    samples=tuple((w, r) for w, r in row["samples"]),
                )
            )
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise ValueError(f"{where}: {exc}") from exc
    return tuple(out)


@cache
def _any_mark() -> re.Pattern[str]:
    """One pattern that finds a word showing any tradition's mark (most show none)."""
    return re.compile("|".join(f"(?:{t.mark.pattern})" for t in traditions()))


def spoken_readings(word: str) -> tuple[str, ...]:
    """The readings of a lower-case Latin word, one per tradition whose mark it shows."""
    if _any_mark().search(word) is None:
        return ()
    return tuple(
        t.read(word) for t in traditions() if len(word) >= t.min_length and t.mark.search(word)
    )
