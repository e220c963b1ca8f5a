"""Edit similarity of name parts that share a surname-forming suffix.

Many surnames are a stem plus a productive suffix: Ukrainian -enko and
-chuk, Russian -ov and -skiy, Georgian -shvili, Yiddish -man and -berg.
Two surnames that end in the same suffix share it by word formation, not by
descent: *Sanchenko* and *Zoshchenko*, *Feldman* and *Fridman* are different
names. Plain normalised edit distance counts the shared suffix as full
agreement and scores such pairs 0.7–0.8. Here the distance is measured
against the stems, with each suffix letter counting half a stem letter and
each slip after the first in the stems counting one and a half: a single
slip still matches, two letters wrong in a short stem do not.

The suffixes are listed, with their sources, in
``aliaskit/data/surname_suffixes.tsv`` and folded the way the compared forms
are (:func:`aliaskit.keys.fold`, :func:`aliaskit.keys.loose_fold`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from importlib.resources import files

from aliaskit._edit import damerau_levenshtein
from aliaskit.keys import fold, loose_fold
from aliaskit.knowledge import load_table

__all__ = [
    "EXTRA_SLIP_COST",
    "LOOSE_SUFFIX_WEIGHT",
    "MIN_STEM",
    "SUFFIX_WEIGHT",
    "different_formation",
    "shared_suffix",
    "stem_similarity",
    "suffixes",
]

#: A suffix counts only when both words keep at least this many letters before it.
MIN_STEM = 2
#: How much each letter of a shared suffix counts towards the length (a letter of a stem: 1).
SUFFIX_WEIGHT = 0.5
#: Each slip in the stems after the first costs this much more: two slips in
#: one short stem (Simonova ~ Samsonova, Sidorenko ~ Fedorenko) are far more
#: often two surnames than one misspelt, as independent slips are rare.
EXTRA_SLIP_COST = 0.5
#: The same in the loose fold, where sibilants and vowels already merge: none.
LOOSE_SUFFIX_WEIGHT = 0.0
_CARRIER = "bar"  # a neutral stem: folding a suffix alone would apply word-initial rules
_MEMO = 1 << 16


def _folded_tail(folder: Callable[[str], str], carrier: str, word: str) -> str | None:
    base, whole = folder(carrier), folder(word)
    if whole.startswith(base) and len(whole) > len(base):
        return whole[len(base) :]
    return None


@cache
def _folded_formations(loose: bool) -> dict[str, frozenset[str]]:
    """Each folded (or loose-folded) spelling of a listed suffix -> its formations.

    Every reading a compared form may take (ch also read as kh) has its suffix.
    """
    from aliaskit.latin import latin_spellings

    table = load_table(files("aliaskit") / "data" / "surname_suffixes.tsv")
    suffix, formation = table.column("suffix"), table.column("formation")
    folder = loose_fold if loose else fold
    found: dict[str, set[str]] = {}
    for row in table.rows:
        for spelling in latin_spellings(_CARRIER + row[suffix]):
            tail = _folded_tail(folder, _CARRIER, spelling)
            if tail:
                found.setdefault(tail, set()).add(row[formation])
    return {tail: frozenset(f) for tail, f in found.items()}


@cache
def suffixes(loose: bool = False) -> tuple[str, ...]:
    """The listed suffixes as folded (or loose-folded) spellings, longest first.

    >>> "enko" in suffixes()
    True
    >>> "ski" in suffixes()  # -sky, -skiy and -ski fold alike
    True
    """
    return tuple(sorted(_folded_formations(loose), key=lambda s: (-len(s), s)))


@cache
def _formations(loose: bool) -> dict[str, str]:
    """Folded suffix -> its formation (a suffix two formations fold to is left out)."""
    found = _folded_formations(loose).items()
    return {tail: next(iter(f)) for tail, f in found if len(f) == 1}


@cache
def _suffix_index(loose: bool) -> tuple[frozenset[str], tuple[int, ...]]:
    """The set of :func:`suffixes` and their lengths, longest first."""
    found = suffixes(loose)
    return frozenset(found), tuple(sorted({len(s) for s in found}, reverse=True))


@lru_cache(maxsize=_MEMO)
def _endings(form: str, loose: bool) -> tuple[str, ...]:
    """The listed suffixes ``form`` ends with, longest first, leaving a stem of MIN_STEM."""
    room = len(form) - MIN_STEM
    listed, lengths = _suffix_index(loose)
    # One ending of each length at most: the order is that of suffixes().
    return tuple(form[-n:] for n in lengths if n <= room and form[-n:] in listed)


def shared_suffix(a: str, b: str, *, loose: bool = False) -> str:
    """The longest listed suffix both folded forms end with ("" when none).

    >>> shared_suffix("sancenko", "zowcenko")
    'cenko'
    >>> shared_suffix("trufanov", "trufanova")
    ''
    """
    ends = _endings(b, loose)
    if not ends:
        return ""
    for suffix in _endings(a, loose):
        if suffix in ends:
            return suffix
    return ""


def different_formation(a: str, b: str, *, loose: bool = False) -> tuple[str, str] | None:
    """The suffixes of two folded forms that are one stem with suffixes of two
    formations (Parkhomenko and Parkhomchuk), or None.

    The stems before each form's longest listed suffix must be equal or one
    slip apart; the formations are the data file's ``formation`` column.

    >>> different_formation("stefancuk", "stefaniuk")
    ('cuk', 'iuk')
    >>> different_formation("lukasenko", "lukasenka") is None  # Belarusian -enka is -enko
    True
    """
    ends_a, ends_b = _endings(a, loose), _endings(b, loose)
    if not ends_a or not ends_b:
        return None
    sa, sb = ends_a[0], ends_b[0]
    kinds = _formations(loose)
    fa, fb = kinds.get(sa), kinds.get(sb)
    if fa is None or fb is None or fa == fb:
        return None
    stem_a, stem_b = a[: len(a) - len(sa)], b[: len(b) - len(sb)]
    if min(len(stem_a), len(stem_b)) < 3:
        return None
    if stem_a != stem_b and (
        # The distance is at least the length gap: the bound spares the programme.
        abs(len(stem_a) - len(stem_b)) > 1 or damerau_levenshtein(stem_a, stem_b) > 1
    ):
        return None
    return sa, sb


def stem_similarity(a: str, b: str, suffix: str, *, weight: float = SUFFIX_WEIGHT) -> float:
    """Edit similarity of ``a`` and ``b`` measured on the stems before a shared ``suffix``.

    The edit distance of the stems is divided by the longer stem's length plus
    ``weight`` per suffix letter (:data:`SUFFIX_WEIGHT`: the suffix is half the
    evidence a stem letter is; the loose fold, which merges close sounds,
    gives it :data:`LOOSE_SUFFIX_WEIGHT`). Two letters swapped count as one
    slip (Damerau), and each slip after the first costs
    :data:`EXTRA_SLIP_COST` more. One slip in a stem still scores high (Putin
    ~ Pudin, 0.75); two letters wrong in a short stem do not (Sanchenko ~
    Zoshchenko, Sidorenko ~ Fedorenko). Callers take the lower of this and
    the whole words' edit similarity.

    >>> stem_similarity("putin", "pudin", "in")
    0.75
    >>> round(stem_similarity("sidorenko", "fedorenko", "enko"), 3)
    0.643
    >>> round(stem_similarity("feldman", "fridman", "man"), 3)
    0.545
    """
    cut = len(suffix)
    sa, sb = a[: len(a) - cut], b[: len(b) - cut]
    if sa == sb:
        return 1.0
    longest = max(len(sa), len(sb)) + weight * cut
    slips = damerau_levenshtein(sa, sb)
    return max(0.0, 1.0 - (slips + EXTRA_SLIP_COST * max(slips - 1, 0)) / longest)
