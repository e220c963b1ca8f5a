"""A prior on Latin name spellings, to rank the readings of Hebrew and Arabic words.

The lattice of :mod:`aliaskit.hebrew` gives readings ranked by letter and
vowel costs alone: *masha* before *moshe*, *yatsahek* before *yitzhak*. This
module re-ranks a longer k-best list of a word's lattice paths:

- each path, and spelling variants of the best paths that the lattice never
  writes (*teller*, *jackson*, *yitzhak*: doubled consonants, ck, tz, ...;
  ``data/reading_prior.toml``), is scored by its lattice cost, plus its
  variants' costs, plus a weight times its cost under a character n-gram
  model of Latin name spellings (``data/name_prior.tsv.gz``, learned from
  the Latin forms of the name tables aliaskit ships by
  ``tools/build_name_prior.py``);
- a word that the name tables list in Hebrew letters reads first as its
  usual Latin spelling (משה → moshe), as that file records it.

Both files load on first use. Scoring a reading is a few dict lookups per
character.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files

import attrs

__all__ = [
    "NamePrior",
    "PriorSettings",
    "known_key",
    "known_spellings",
    "name_prior",
    "rerank",
    "settings",
]

Option = tuple[int, str]

#: Cost scale of the settings file (costs are kept in hundredths, as the lattice's).
COST_SCALE = 100
#: The n-gram model's marks for the start and the end of a word.
START, END = "^", "$"
WINDOW_CACHE = 1 << 16
#: The first field of a line of the data file that gives a word's usual spellings.
KNOWN_MARK = "="
_KEY = str.maketrans(
    {"\u05f3": "'", "\u2019": "'", "ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}
    | dict.fromkeys(range(0x0591, 0x05C8))  # points and cantillation
    | {0x05BE: "-"}
)


#: A spelling variant: the letters its pattern needs ("" if none), the
#: pattern, its replacement and its cost.
Rule = tuple[str, re.Pattern[str], str, int]
_LOOKAROUND = re.compile(r"\(\?<?[=!][^)]*\)|[$^]")


def _needle(pattern: str) -> str:
    """The literal letters a pattern matches, once lookarounds and anchors are
    taken off ("" when the rest is no plain literal): a reading without them
    needs no regex search.

    >>> _needle("(?<![st])sh"), _needle("(?<=[aeiou])([bd])$")
    ('sh', '')
    """
    core = _LOOKAROUND.sub("", pattern)
    return core if core.isalpha() else ""


@attrs.frozen
class PriorSettings:
    """The weights and spelling variants of ``data/reading_prior.toml``."""

    lattice_paths: int
    ngram_weight: float
    variant_paths: int
    variant_paths_deep: int
    variants: tuple[Rule, ...]
    source: str


@cache
def settings() -> PriorSettings:
    """The re-ranking settings, read once."""
    text = files("aliaskit").joinpath("data/reading_prior.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    rules = tuple(
        (_needle(str(p)), re.compile(str(p)), str(r), round(float(c) * COST_SCALE))
        for p, r, c in raw["variants"]
    )
    return PriorSettings(
        lattice_paths=int(raw["lattice_paths"]),
        ngram_weight=float(raw["ngram_weight"]),
        variant_paths=int(raw["variant_paths"]),
        variant_paths_deep=int(raw["variant_paths_deep"]),
        variants=rules,
        source=str(raw["source"]),
    )


@attrs.frozen
class NamePrior:
    """The n-gram model of ``data/name_prior.tsv.gz`` (costs: -ln P in hundredths)."""

    order: int
    unknown: int
    cost: dict[str, int]
    backoff: dict[str, int]
    known: dict[str, tuple[str, ...]]
    samples: dict[str, int]
    header: str


@cache
def name_prior() -> NamePrior:
    """The name prior, read once (about 0.2 s)."""
    import gzip  # only when the prior is first needed: import time matters

    raw = files("aliaskit").joinpath("data/name_prior.tsv.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    params: dict[str, str] = {}
    samples: dict[str, int] = {}
    header: list[str] = []
    cost: dict[str, int] = {}
    backoff: dict[str, int] = {}
    known: dict[str, tuple[str, ...]] = {}
    for line in lines:
        if line.startswith("#!"):
            key, _, value = line[2:].strip().partition(" ")
            if key == "sample":
                word, _, c = value.partition(" ")
                samples[word] = int(c)
            else:
                params[key] = value
            continue
        if line.startswith("#"):
            header.append(line[1:].strip())
            continue
        fields = line.split("\t")
        if fields[0] == KNOWN_MARK:
            known[fields[1]] = tuple(fields[2].split(","))
        elif fields[0] != "ngram":
            gram, c, b = fields
            cost[gram] = int(c)
            if b:
                backoff[gram] = int(b)
    return NamePrior(
        order=int(params["order"]),
        unknown=int(params["unknown"]),
        cost=cost,
        backoff=backoff,
        known=known,
        samples=samples,
        header="\n".join(header),
    )


@lru_cache(maxsize=WINDOW_CACHE)
def _char_cost(window: str) -> int:
    """Cost of the last character of ``window`` after the ones before it (backoff form)."""
    prior = name_prior()
    total = 0
    for start in range(len(window)):
        gram = window[start:]
        found = prior.cost.get(gram)
        if found is not None:
            return total + found
        total += prior.backoff.get(gram[:-1], 0)
    return total + prior.unknown


def spelling_cost(text: str) -> int:
    """The n-gram cost of one word's spelling: -ln P times 100, rounded per character.

    >>> spelling_cost("moshe") < spelling_cost("mshhe")
    True
    """
    order = name_prior().order
    padded = START * (order - 1) + text + END
    return sum(_char_cost(padded[i - order + 1 : i + 1]) for i in range(order - 1, len(padded)))


def _variants(text: str, rules: Sequence[Rule]) -> list[Option]:
    """Each spelling variant of ``text`` made by one rule at one place, with its cost."""
    out: list[Option] = []
    for needle, pattern, repl, cost in rules:
        if needle not in text:
            continue
        for m in pattern.finditer(text):
            out.append((cost, text[: m.start()] + m.expand(repl) + text[m.end() :]))
    return out


def _pool(paths: Sequence[Option], conf: PriorSettings) -> dict[str, int]:
    """The paths and their spelling variants (to depth two), each at its cheapest base cost."""
    pool: dict[str, int] = {}
    for c, s in paths:
        if pool.get(s, c + 1) > c:
            pool[s] = c
    frontier = list(paths[: conf.variant_paths])
    for depth_paths in (conf.variant_paths, conf.variant_paths_deep):
        found: list[Option] = []
        for c, s in frontier[:depth_paths]:
            for vc, v in _variants(s, conf.variants):
                if pool.get(v, c + vc + 1) > c + vc:
                    pool[v] = c + vc
                    found.append((c + vc, v))
        frontier = sorted(found)
    return pool


def rerank(paths: Sequence[Option]) -> tuple[Option, ...]:
    """Lattice paths and their spelling variants, by lattice + variant + weighted n-gram cost.

    The result holds every path (and adds variants); scores are integers,
    ties are broken alphabetically.

    >>> rerank([(100, "bargar"), (120, "berger")])[:2]
    ((279, 'berger'), (358, 'bargar'))
    """
    conf = settings()
    weight = conf.ngram_weight
    pool = _pool(paths, conf)
    return tuple(sorted((c + round(weight * spelling_cost(s)), s) for s, c in pool.items()))


def known_spellings(word: str) -> tuple[str, ...]:
    """The usual Latin spellings of a Hebrew word the name tables list, best first.

    >>> known_spellings("משה")[0]
    'moshe'
    """
    return name_prior().known.get(known_key(word), ())


def known_key(word: str) -> str:
    """The form a Hebrew word is looked up by: marks dropped, final letters
    written as plain ones, a geresh as an apostrophe, a maqaf as a hyphen.

    >>> known_key("ג\u05f3ון") == "ג'ונ"
    True
    """
    return word.translate(_KEY)
