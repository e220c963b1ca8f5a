"""Consonant alignment of a Hebrew name part with a Latin spelling.

Unvocalised Hebrew writes consonants and a few vowel letters, and several
letters have two values. Rather than guess vowels, this module compares the
consonant sequences: each Hebrew letter becomes the set of consonant classes
it can stand for ("" when it may be a vowel letter or silent), each Latin
spelling likewise, and a weighted edit distance aligns the two.

Classes: ``P`` p/f, ``B`` b/v/w, ``G`` g, ``H`` h/kh, ``K`` k/q/hard c,
``S`` s, ``Z`` z, ``C`` ts (ц), ``W`` sh, ``Y`` zh, ``J`` dzh (English j),
``Q`` ch (ч), ``T`` t/th, ``D`` d, ``L M N R``.

Hebrew letters: ב B; ג G, ג׳ J; ד D; ה H or silent (always silent at the
end); ו B or a vowel letter (B at the start and when doubled); ז Z, ז׳ Y;
ח H; ט ת T; י and א ע vowel letters; כ ך K or H; ל מ נ ר as themselves;
ס S; פ ף P; צ ץ C, צ׳ Q; ק K; ש W or S. The second of two equal letters
may also stand for nothing: Latin writes a doubled consonant once here.
The צ׳ of שצ׳ (щ) may also stand for nothing, as Latin *shch* is one sound.

Latin spellings are read through :func:`aliaskit.keys.fold`'s digraph rules,
with the ambiguous ones given several classes: ``ch`` Q, H or K; ``j`` a
glide, J or Y; soft ``c`` S or C; ``z`` Z or C (German); ``h`` after a
vowel and before a consonant may be silent.

``dzh`` and ``ts`` may be spelt with one Hebrew letter or two (ד+ז׳, ט+ס).
Near classes cost half a substitution: P~B, S~Z, S~C, Z~C, C~Q (German
-witz for -вич), S~W, W~Y, Y~J, J~Q, K~G, K~H, G~H, T~D.
"""

from __future__ import annotations

from array import array
from functools import lru_cache

from aliaskit._arabic import as_hebrew
from aliaskit.keys import latin_symbols
from aliaskit.latin import latin_forms

__all__ = ["align_score", "hebrew_classes", "hebrew_extra", "hebrew_pair_score", "latin_classes"]

MEMO_LARGE = 1 << 17
Option = frozenset[str]

_HEBREW: dict[str, Option] = {
    "ב": frozenset("B"),
    "ג": frozenset("G"),
    "ד": frozenset("D"),
    "ה": frozenset({"H", ""}),
    "ו": frozenset({"B", ""}),
    "ז": frozenset("Z"),
    "ח": frozenset("H"),
    "ט": frozenset("T"),
    "כ": frozenset("KH"),
    "ך": frozenset("KH"),
    "ל": frozenset("L"),
    "מ": frozenset("M"),
    "ם": frozenset("M"),
    "נ": frozenset("N"),
    "ן": frozenset("N"),
    "ס": frozenset("S"),
    "פ": frozenset("P"),
    "ף": frozenset("P"),
    "צ": frozenset("C"),
    "ץ": frozenset("C"),
    "ק": frozenset("K"),
    "ר": frozenset("R"),
    "ש": frozenset("WS"),
    "ת": frozenset("T"),
}
_SILENT = frozenset({"א", "ע", "י"})
_GERESH: dict[str, Option] = {
    "ג": frozenset("J"),
    "ז": frozenset("Y"),
    "צ": frozenset("Q"),
    "ץ": frozenset("Q"),
    "ת": frozenset("T"),
    "ח": frozenset("H"),
    "ד": frozenset("D"),
    "פ": frozenset("PB"),
    "ף": frozenset("PB"),
}
# בּ: b, or p where it spells Arabic ب (see aliaskit._arabic).
_DAGESH = "\u05bc"
_DAGESH_BET = frozenset("BP")
_LATIN: dict[str, Option] = {
    "p": frozenset("P"),
    "f": frozenset("P"),
    "b": frozenset("B"),
    "v": frozenset("B"),
    "g": frozenset("G"),
    "H": frozenset("H"),
    "k": frozenset("K"),
    "s": frozenset("S"),
    "z": frozenset("ZC"),
    "S": frozenset("W"),
    "Z": frozenset("Y"),
    "C": frozenset("QHK"),
    "t": frozenset("T"),
    "d": frozenset("D"),
    "l": frozenset("L"),
    "m": frozenset("M"),
    "n": frozenset("N"),
    "r": frozenset("R"),
    "j": frozenset({"", "J", "Y"}),
}
# Latin digraphs that Hebrew may spell with two letters: дж as ד+ז׳ or ג׳,
# ц as ט+ס or צ.
_SPLIT: dict[str, tuple[Option, Option]] = {
    "J": (frozenset({"D", ""}), frozenset("JY")),
    "Q": (frozenset({"T", ""}), frozenset("CS")),
}
_NEAR = {
    frozenset(p)
    for p in ("PB", "SZ", "SC", "ZC", "CQ", "SW", "WY", "YJ", "JQ", "KG", "KH", "GH", "TD")
}
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=MEMO_LARGE)
def hebrew_classes(token: str) -> tuple[Option, ...]:
    """The consonant-class options of each letter of a Hebrew part.

    >>> ["".join(sorted(o)) for o in hebrew_classes("כהן")]
    ['HK', 'H', 'N']
    """
    letters = [ch for ch in as_hebrew(token) if "\u05d0" <= ch <= "\u05ea" or ch in ("'", _DAGESH)]
    out: list[Option] = []
    final = max((i for i, c in enumerate(letters) if c not in ("'", _DAGESH)), default=-1)
    for i, ch in enumerate(letters):
        if ch == "'" or ch == _DAGESH or ch in _SILENT:
            continue
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        last = i == final
        if nxt == _DAGESH and ch == "ב":
            out.append(_DAGESH_BET)
        elif nxt == "'" and ch in _GERESH:
            if ch in "צץ" and i and letters[i - 1] == "ש":
                # שצ׳ writes щ, which Latin spellings give as one sound (shch, šč).
                out.append(_GERESH[ch] | {""})
            else:
                out.append(_GERESH[ch])
        elif ch == "ו" and (i == 0 or nxt == "ו"):
            out.append(frozenset("B"))
        elif (ch == "ו" and i > 0 and letters[i - 1] == "ו") or (ch == "ה" and last):
            continue
        elif ch == "ה" and i == 0:
            out.append(frozenset("H"))
        elif i and letters[i - 1] == ch:
            # A doubled letter is two consonants (חנניה Hananiah) or one
            # doubled, as Latin writes it once (אללה Allah).
            out.append(_HEBREW[ch] | {""})
        else:
            out.append(_HEBREW[ch])
    return tuple(out)


@lru_cache(maxsize=MEMO_LARGE)
def latin_classes(token: str) -> tuple[Option, ...]:
    """The consonant-class options of a Latin spelling, vowels dropped.

    >>> ["".join(sorted(o)) for o in latin_classes("kohen")]
    ['K', 'H', 'N']
    """
    symbols = latin_symbols(token)
    out: list[Option] = []
    for i, ch in enumerate(symbols):
        if ch in _VOWELS:
            continue
        prev = symbols[i - 1] if i else ""
        nxt = symbols[i + 1] if i + 1 < len(symbols) else ""
        if ch == "H" and prev in _VOWELS and nxt not in _VOWELS:
            out.append(frozenset({"H", ""}))
        elif ch == "x":
            out.extend((frozenset("K"), frozenset("S")))
        elif ch in _SPLIT:
            out.extend(_SPLIT[ch])
        elif ch in _LATIN:
            if out and out[-1] == _LATIN[ch] and prev == ch:
                continue  # doubled letter
            out.append(_LATIN[ch])
    return tuple(out)


_BIT = {c: 1 << i for i, c in enumerate("PBGHKSZCWYJQTDLMNR", start=1)}
_OPTIONAL = 1  # the "" option: the letter may be silent or a vowel
_DOUBLE = array("d").itemsize


def _mask(option: Option) -> int:
    return sum(_BIT[c] if c else _OPTIONAL for c in option)


@lru_cache(maxsize=4096)
def _near_of(mask: int) -> int:
    """The classes one near step away from any class in ``mask``."""
    near = 0
    for pair in _NEAR:
        x, y = sorted(pair)
        if mask & _BIT[x]:
            near |= _BIT[y]
        if mask & _BIT[y]:
            near |= _BIT[x]
    return near


def _distance(xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
    """Weighted edit distance over class bit masks (see the module docstring).

    Row by row, in arrays of doubles (C arrays in the compiled build): the
    same additions and comparisons in the same order either way.
    """
    n = len(ys)
    masks = array("q", ys)
    skips = array("d", bytes(_DOUBLE * n))
    prev = array("d", bytes(_DOUBLE * (n + 1)))
    row = array("d", bytes(_DOUBLE * (n + 1)))
    for j in range(n):
        skips[j] = 0.0 if masks[j] & _OPTIONAL else 1.0
        prev[j + 1] = prev[j] + skips[j]
    for x in xs:
        skip_x = 0.0 if x & _OPTIONAL else 1.0
        near_x = _near_of(x)
        classes = x & ~_OPTIONAL
        diag = prev[0]
        left = diag + skip_x
        row[0] = left
        for j in range(n):
            y = masks[j]
            up = prev[j + 1]
            best = diag + (0.0 if classes & y else (0.5 if near_x & y else 1.0))
            if up + skip_x < best:
                best = up + skip_x
            if left + skips[j] < best:
                best = left + skips[j]
            row[j + 1] = best
            left, diag = best, up
        prev, row = row, prev
    return float(prev[n])


@lru_cache(maxsize=MEMO_LARGE)
def _full_distance(xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
    """:func:`_distance`, memoised: align_score and hebrew_extra align the same pairs."""
    return _distance(xs, ys)


@lru_cache(maxsize=MEMO_LARGE)
def _hebrew_masks(token: str) -> tuple[int, ...]:
    return tuple(_mask(o) for o in hebrew_classes(token))


@lru_cache(maxsize=MEMO_LARGE)
def _latin_masks(token: str) -> tuple[int, ...]:
    return tuple(_mask(o) for o in latin_classes(token))


@lru_cache(maxsize=MEMO_LARGE)
def align_score(hebrew: str, latin: str) -> tuple[float, int]:
    """Similarity in [0, 1] of a Hebrew part and a Latin spelling, and the
    number of consonants it rests on (fewer consonants, weaker evidence).

    >>> align_score("טרופנוב", "trufanov")
    (1.0, 5)
    >>> align_score("האריס", "garcia")[0] < 1.0
    True
    """
    return _aligned(_hebrew_masks(hebrew), _latin_masks(latin))


def _aligned(xs: tuple[int, ...], ys: tuple[int, ...]) -> tuple[float, int]:
    """Similarity of two class sequences and the consonants it rests on."""
    size = max(sum(1 for m in xs if not m & _OPTIONAL), sum(1 for m in ys if not m & _OPTIONAL), 1)
    return max(0.0, 1.0 - _full_distance(xs, ys) / size), size


@lru_cache(maxsize=MEMO_LARGE)
def hebrew_extra(hebrew: str, latin: str) -> int:
    """1 when a Hebrew part ends in a consonant that a Latin spelling lacks, else 0.

    Hebrew transcription drops letters that Latin spellings write but do
    not sound (Jeffs as ג'ף); it seldom adds a final consonant, so one that
    aligns with nothing in either of the first two Latin forms marks another
    name (Roome and רומר, Romer).

    >>> hebrew_extra("רומר", "roome"), hebrew_extra("ג'ף", "jeffs")
    (1, 0)
    >>> hebrew_extra("ברננגן", "brannigan")
    0
    """
    xs = _hebrew_masks(hebrew)
    last = max((i for i, m in enumerate(xs) if not m & _OPTIONAL), default=-1)
    if last < 0:
        return 0
    shorter = xs[:last] + xs[last + 1 :]
    for form in latin_forms(latin).forms[:2]:
        ys = _latin_masks(form)
        if _distance(shorter, ys) + 1.0 > _full_distance(xs, ys):
            return 0
    return 1


@lru_cache(maxsize=MEMO_LARGE)
def _hebrew_pair(a: str, b: str) -> tuple[float, int]:
    return _aligned(_hebrew_masks(a), _hebrew_masks(b))


def hebrew_pair_score(a: str, b: str) -> tuple[float, int]:
    """Similarity in [0, 1] of two Hebrew spellings, and the consonants it rests on.

    Both are read as consonant classes (:func:`hebrew_classes`) and aligned
    with the same weighted edit distance as :func:`align_score`, so spellings
    with and without vowel letters agree, and near letters (ג/ק, צ/ס) cost half.

    >>> hebrew_pair_score("טרופנוב", "טרופנב")
    (1.0, 5)
    >>> hebrew_pair_score("גריצוק", "קרשוק")[0]
    0.75
    """
    return _hebrew_pair(a, b) if a <= b else _hebrew_pair(b, a)
