"""The words of a person name: word lists, and the raw string split into words.

``data/name_words.toml`` lists titles, particles, filiation particles,
spellings of Arabic ``abd``, the endings of compound Arabic given names,
particles that are also given names, devotional first given names,
generational suffixes, post-nominal words and the words before a maiden
name; a patronymic is told by its ending. In the raw string, brackets and
alias markers set off nicknames, a comma marks surname-first order, and
words joined by a capital, a dot or a hyphen are split. See
:mod:`aliaskit.parse`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from aliaskit.keys import fold
from aliaskit.knowledge import is_given_name
from aliaskit.latin import latin_forms
from aliaskit.text import detect_script, join_hebrew_acronyms, normalize

__all__ = [
    "MEMO_LARGE",
    "SHORT_PATRONYMIC",
    "NameWords",
    "as_written",
    "devotional_names",
    "given_endings",
    "is_patronymic_form",
    "is_suffix",
    "name_words",
    "pieces",
    "split_raw",
]

#: Entries kept by the memos of words and tokens.
MEMO_LARGE = 1 << 17


class NameWords(NamedTuple):
    """The word lists of ``data/name_words.toml``."""

    titles: frozenset[str]
    particles: frozenset[str]
    filiation: frozenset[str]
    theophoric: frozenset[str]
    given_endings: tuple[str, ...]
    given_particles: frozenset[str]
    devotional: frozenset[str]
    generations: Mapping[str, int]
    post_nominals: frozenset[str]
    maiden: frozenset[str]
    particle_spellings: Mapping[str, str]


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """Titles, particles, filiation particles, spellings of Arabic ``abd``,
    the endings of compound Arabic given names, the particles that are
    also given names, the devotional first given names, the generational
    suffixes, the post-nominal words and the words before a maiden name,
    from ``data/name_words.toml``."""
    text = files("aliaskit").joinpath("data", "name_words.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return NameWords(
        frozenset(data["titles"]),
        frozenset(data["particles"]),
        frozenset(data["filiation"]),
        frozenset(data["theophoric"]),
        tuple(data["given_endings"]),
        frozenset(data["given_particles"]),
        frozenset(data["devotional"]),
        dict(data["generations"]),
        frozenset(data["post_nominals"]),
        frozenset(data["maiden"]),
        dict(data["particle_spellings"]),
    )


def devotional_names() -> frozenset[str]:
    """Devotional first given names, after which the second given name is the
    one used alone (José Daniel Ortega ~ Daniel Ortega): see ``data/name_words.toml``."""
    return name_words().devotional


def given_endings() -> tuple[str, ...]:
    """Folded endings of compound Arabic given names, often left out
    (Sirajuddin ~ Siraj, Hibatullah ~ Hibat): see ``data/name_words.toml``."""
    return name_words().given_endings


_PATRONYMIC_FOLDED = (
    "ovic",
    "evic",
    "ievic",
    "avic",
    "ovna",
    "evna",
    "avna",
    "icna",
    "ivna",
    "auna",
    "euna",
    "iovic",
)
_PATRONYMIC_CYRILLIC = (
    "ович",
    "евич",
    "ьич",
    "овна",
    "евна",
    "ична",
    "івна",
    "ївна",
    "авіч",
    "евіч",
    "аўна",
    "еўна",
    "оўна",
    "івіч",
    # Of given names in -a: Nikita, Foma, Luka, Savva (Никитич, Фомич, Лукич, Саввич).
    "итич",
    "омич",
    "укич",
    "ввич",
)
# The same in Russian romanisations, which write ч as ch or č (Serbian and
# Croatian -ić surnames never do).
_PATRONYMIC_SHORT_LATIN = (
    # Nikitich, Fomich, Lukich, Savvich (Никитич, Фомич, Лукич, Саввич) ...
    "itich",
    "omich",
    "ukich",
    "vvich",
    "itič",
    "omič",
    "ukič",
    "vvič",
    # ... and Ilyich and Kuzmich (Ильич, Кузьмич), whose soft sign the
    # romanisations write as ', ʹ, y, j or nothing (BGN/PCGN, ISO 9, GOST,
    # German and French spellings).
    "ilich",
    "ilyich",
    "il'ich",
    "ilʹich",
    "ilič",
    "il'ič",
    "ilʹič",
    "iljič",
    "ilitch",
    "iljitsch",
    "zmich",
    "z'mich",
    "zʹmich",
    "zmič",
    "zʹmič",
    "zmitch",
)
# Belarusian -оўна, which folding would read as -una (ou is u in French spellings).
_PATRONYMIC_OUNA = ("ouna", "oŭna")
SHORT_PATRONYMIC = re.compile("[а-я]{2,}[бвгджзклмнпрстфхцчшщ]ич")


def is_patronymic_form(token: str) -> bool:
    """Whether a normalised part has the form of a patronymic.

    >>> is_patronymic_form("vitalievich"), is_patronymic_form("витальевна")
    (True, True)
    >>> is_patronymic_form("trufanov")
    False
    """
    if len(token) < 5:
        return False
    if token.endswith(_PATRONYMIC_CYRILLIC) or token.endswith(_PATRONYMIC_SHORT_LATIN):
        return True
    if token.endswith(_PATRONYMIC_OUNA) and len(token) >= 7:
        return True
    script = detect_script(token)
    if script not in ("Latn", "Cyrl"):
        return False
    folded = fold(latin_forms(token).forms[0])
    return len(folded) >= 6 and folded.endswith(_PATRONYMIC_FOLDED)


_GERSHAYIM = "\u05f4"
_AS_WRITTEN = str.maketrans({'"': _GERSHAYIM, "\u201c": _GERSHAYIM, "\u201d": _GERSHAYIM})


def as_written(raw: str) -> str:
    """A word as written, for the Hebrew acronyms of the word lists (``סמ״ר``),
    which are matched only with their gershayim: joined, some read as names."""
    return raw.translate(_AS_WRITTEN).strip(".,;:")


def is_suffix(text: str, raw: str) -> bool:
    """Whether a word (normalised ``text``, as written ``raw``) is a generational
    suffix or a post-nominal word; Roman numerals count only in capitals."""
    words = name_words()
    if text in words.post_nominals or as_written(raw) in words.post_nominals:
        return True
    if text not in words.generations:
        return False
    return raw.isupper() or not set(text) <= set("iv")


# --------------------------------------------------------------------------- splitting


@lru_cache(maxsize=MEMO_LARGE)
def pieces(raw: str) -> tuple[str, ...]:
    """The normalised words of one raw token, a particle split off (al-Assad, ben-Gurion)."""
    particles = name_words().particles
    out: list[str] = []
    for piece in normalize(raw).split():
        head, sep, rest = piece.partition("-")
        if sep and rest and head in particles:
            out.extend((head, rest))
        else:
            out.append(piece)
    return tuple(out)


_BRACKETED = re.compile(r"[\(\[\{«“”\"]([^\)\]\}»“”\"]*)[\)\]\}»“”\"]")
_BRACKET_OPEN = re.compile(r"[\(\[\{«“”\"]")  # what _BRACKETED needs to match
_BRACKET_CHARS = re.compile(r"[\(\)\[\]\{\}«»“”\":;,]")
# Words that introduce another name of the same person inside one string.
_ALIAS = re.compile(
    r"(?:^|[\s,;(\[])(?:a\.?\s?k\.?\s?a\.?|f\.?\s?k\.?\s?a\.?|alias|also\s+known\s+as"
    r"|он\s+же|она\s+же|известн(?:ый|ая)\s+как|הידוע\s+בשם|המכונה)(?=[\s:]+[^\s:])",
    re.IGNORECASE,
)
_INITIAL_RUN = re.compile(r"^(?:\w\.){2,}\w?\.?$")


def _unbracket(match: re.Match[str], nicknames: list[str]) -> str:
    """A bracket that holds a maiden name, kept as words (read below); any
    other, removed, its words added to ``nicknames``."""
    inner = match.group(1)
    words = inner.split()
    if words and normalize(words[0]) in name_words().maiden:
        return f" {inner} "
    nicknames.extend(words)
    return " "


def split_raw(raw: str) -> tuple[list[str], list[str], bool]:
    """Return (main tokens, bracketed nickname tokens, surname_first_by_comma)."""
    nicknames: list[str] = []
    raw = join_hebrew_acronyms(raw, mark=_GERSHAYIM)  # a gershayim is no bracket
    found = _ALIAS.search(raw)
    if found and found.start() > 0 and raw[: found.start()].strip(" ,;([").strip():
        # Alexander Trufanov a.k.a. Sasha: the name after the marker is another
        # name of the person, read as nicknames, as a bracketed one is.
        tail = raw[found.end() :]
        nicknames.extend(_BRACKET_CHARS.sub(" ", tail).split())
        raw = raw[: found.start()]
    main = raw
    if _BRACKET_OPEN.search(raw):
        main = _BRACKETED.sub(lambda m: _unbracket(m, nicknames), raw)
    head, sep, tail = main.rpartition(",")
    if sep and all(is_suffix(normalize(w), w) or w.strip(".").isdigit() for w in tail.split()):
        main = f"{head} {tail}"  # Smith, John, Jr.: the last comma only sets off the suffix
    comma = main.count(",") == 1 and bool(main.split(",")[1].strip())
    if comma:
        left, right = main.split(",")
        main = left + " , " + right
    tokens: list[str] = []
    for tok in main.split():
        if "." not in tok:
            tokens.extend(_uncameled(tok))
        elif _INITIAL_RUN.match(tok):
            tokens.extend(t + "." for t in tok.split(".") if t)
        elif "." in tok.strip(".") and not tok.endswith("."):
            head, _, tail = tok.partition(".")
            tokens.extend([head + ".", tail])
        else:
            tokens.append(tok)
    if len(tokens) == 1:
        tokens = _unjoined(tokens[0])
    return tokens, nicknames, comma


# Surname prefixes written with a capital after them (MacArthur, FitzGerald).
_CAMEL_PREFIXES = frozenset({"mac", "fitz"})


def _uncameled(tok: str) -> list[str]:
    """A word with a capital after a small letter inside it, split there.

    Scraped and keyed data lose spaces: ``SergeiLavrov``, ``PolPot``,
    ``JanDaniel``. Each piece has three letters or more, so ``McDonald``,
    ``DeAndre`` and ``LeBron`` stay whole, as do ``MacArthur`` and
    ``FitzGerald``, whose prefix is part of the surname.
    """
    if tok == tok.lower() or tok.istitle() or tok.isupper():
        return [tok]  # no capital after a small letter (the usual case, cheaply)
    cut = next((i for i in range(3, len(tok) - 2) if tok[i].isupper() and tok[i - 1].islower()), 0)
    head = tok[:cut]
    if not cut or not head.isalpha() or head.lower() in _CAMEL_PREFIXES:
        return [tok]
    return [head, *_uncameled(tok[cut:])]


def _unjoined(tok: str) -> list[str]:
    """A lone hyphenated token that joins a known given name to a surname, split in two.

    ``Alisher-Usmanov`` loses its space to a hyphen. The token is split
    only when its first piece is a known given name and the second is not,
    so that ``Jean-Pierre`` and ``Dekel-Hen`` stay whole.
    """
    if "-" not in tok:
        return [tok]
    head, _, tail = tok.partition("-")
    if len(head) < 3 or len(tail) < 3 or not head.isalpha() or "-" in tail:
        return [tok]
    if is_given_name(head) and not is_given_name(tail):
        return [head, tail]
    return [tok]
