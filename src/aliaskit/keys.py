"""Romanisation-invariant folding and cross-script skeleton keys of name parts.

Two levels of folding, both on single name parts (tokens):

:func:`fold` keeps vowels and maps the spellings that romanisation systems
disagree on to one form. It is what the part similarity compares. It folds:

* diacritics: ``š ş ŝ → sh``, ``ž ż → zh``, ``č ĉ → ch``; Belarusian
  Łacinka ``ć ź ś`` (soft ц з с) → ``ts z s``; others by unidecode
  (``é → e``, ``ü → u``);
* ``shch sch sh sz schtsch`` → one sibilant (ш/щ); ``ch tch tsch cz`` → ч;
  ``zh`` → ж; ``kh h`` → х; ``ts tz`` and ``c`` before e/i/y → ц;
  ``x → ks``, ``ck q → k``, ``c → k`` elsewhere, ``ph → f``, ``th → t``,
  ``w → v``, word-final ``ff`` → ``v``;
* ``ou oo → u``; ``y j → i``; ``ye je ie`` at the start of a word or after
  a vowel → ``e``; doubled letters → one; word-final ``-ij -iy -yi -ii -y``
  → ``i``; Belarusian word-final ``-au -ou`` → ``-av -ov``.

:func:`skeleton_keys` goes further, for blocking: it drops vowels and maps
consonants to classes, so that Hebrew spellings (which omit vowels and
confuse b/v, p/f, k/kh, s/sh) meet their Latin readings. Classes:
``P``: p f; ``B``: b v w; ``K``: k g h kh q, hard c; ``S``: s z ts, soft c;
``X``: sh zh ch j; ``T``: t; ``D``: d; ``L M N R`` as themselves. Spellings
whose value differs by language give several keys, at most :data:`MAX_KEYS`
per part, the spelling as written first. Latin readings:

* Slavic and German: ``ch`` as ч or х, ``cz`` as ч or ц, ``x`` as ks or х,
  ``dj`` as дж or дь, ``c`` as ц, Polish ``rz`` as ж, ``ć`` as ч (beside
  Belarusian ц), German and Dutch ``dt`` as t, final ``ff`` as f (beside
  Russian -ov) and initial ``v`` as f;
* English: ``j`` and soft ``g``/``gg`` as дж, silent ``h`` after a vowel,
  ``wr kn wh`` as r n w, silent ``gh`` before a consonant or at the end;
* Romance: ``h`` silent (also in ``rh dh lh nh``); French silent final
  ``-t -d -s -x -z -ts -ds -ault`` and ``-ier`` as -ie, ``gn`` as ny,
  ``ll`` and final ``-ail -eil`` as y; Italian ``c``/``cc`` before e, i as ч
  and ``sch`` as sk; Spanish ``j`` as х and ``ll`` as y; ``ç`` as s;
* others: ``u`` before a vowel as w (English qu, pinyin), Hungarian ``sz``
  as s and ``ly`` as y, Polish ``zi`` and ``ź`` as ж (ź, Hebrew ז׳),
  Albanian ``xh`` as дж, initial ``x`` as sh
  (Portuguese, Catalan, pinyin), pinyin ``qi`` as ч, Turkish ``ğ`` silent.

Hebrew readings: ו as a vowel or v (consonant at the start and when
doubled), ש as sh or s, ה as h at the start, silent at the end and either
inside a word, טש as ч and טס as ц beside their letter-by-letter readings.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from aliaskit._arabic import as_hebrew, has_arabic
from aliaskit._keys_fold import (
    MEMO_LARGE,
    ascii_letters,
    fold,
    latin_symbols,
    loose_fold,
    symbols,
    undouble,
)

__all__ = [
    "MAX_KEYS",
    "fold",
    "hebrew_skeletons",
    "latin_skeletons",
    "latin_symbols",
    "loose_fold",
    "skeleton_keys",
]

MAX_KEYS = 8

# Class of each folded symbol for the skeleton; vowels map to "".
_CLASS = {
    "p": "P",
    "f": "P",
    "b": "B",
    "v": "B",
    "k": "K",
    "g": "K",
    "h": "K",
    "s": "S",
    "z": "S",
    "q": "S",
    "t": "T",
    "d": "D",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
}


_LATIN_VARIANTS = (
    # (pattern, replacement): alternative readings of ambiguous spellings,
    # most useful first (a part keeps at most MAX_KEYS keys).
    (re.compile(r"(?<![st])ch"), "kh"),  # German/Hebrew-style ch for х
    (re.compile(r"cz"), "ts"),  # GOST 7.79 System B cz for ц
    (re.compile(r"x"), "kh"),  # GOST 7.79 B and scholarly x for х
    (re.compile(r"dj"), "dy"),  # German dj for дя
    (re.compile(r"j"), "dzh"),  # English j
    (re.compile(r"g+(?=[eiy])"), "dzh"),  # English and Italian soft g, gg
    (re.compile(r"c(?![eiyhz])"), "ts"),  # Slavic c for ц
    (re.compile(r"(?<=[aeiouy])h(?![aeiouy])"), ""),  # English silent h
    # French silent final consonants: -t -d -s -x -z -ts -ds, -ault, -ier
    (re.compile(r"(?<=[aeiouyrn])(?:[dtxz]|[dt]?s)$|(?<=au)lt$|(?<=ie)r$"), ""),
    (re.compile(r"^(?=wr|kn)[wk]|(?<=w)h|gh(?![aeiouy])"), ""),  # English wr kn wh, silent gh
    (re.compile(r"(?<![cgkpstz])h"), ""),  # Romance silent h, and rh dh lh nh
    (re.compile(r"ff$"), "f"),  # German and Dutch final ff is f, not Russian -ov
    (re.compile(r"c+(?=[ei])"), "ch"),  # Italian, Romanian and Turkish c before e, i
    (re.compile(r"j"), "kh"),  # Spanish j
    (re.compile(r"u(?=[aeio])"), "w"),  # u before a vowel: English qu, French oua, pinyin
    (re.compile(r"sch"), "sk"),  # Italian, Dutch and Greek sch
    (re.compile(r"sz"), "s"),  # Hungarian sz
    (re.compile(r"rz"), "zh"),  # Polish rz
    (re.compile(r"zi"), "zhi"),  # Polish zi is ź (Hebrew ז׳): Kazimierz
    (re.compile(r"ll|ly|(?<=[aeou])il$"), "y"),  # Spanish ll, French ill -ail -eil, Hungarian ly
    (re.compile(r"^v"), "f"),  # German and Dutch initial v
    (re.compile(r"(?<=[aeiou])gn"), "ny"),  # French and Italian gn
    (re.compile(r"dt"), "t"),  # German and Dutch dt
    (re.compile(r"xh"), "dzh"),  # Albanian xh
    (re.compile(r"^x"), "sh"),  # Portuguese, Catalan and pinyin x
    (re.compile(r"q(?=i)"), "ch"),  # pinyin q
)
# A literal every match of the same-index variant contains ("" when there is
# none): a cheap substring test skips the regular expression on most spellings.
_VARIANT_LITERALS = (
    "ch", "cz", "x", "dj", "j", "g", "c", "h", "", "", "h", "ff", "c", "j", "u", "sch",
    "sz", "rz", "zi", "l", "v", "gn", "dt", "xh", "x", "qi",
)  # fmt: skip
_VARIANTS = tuple(
    (pattern, repl, literal)
    for (pattern, repl), literal in zip(_LATIN_VARIANTS, _VARIANT_LITERALS, strict=True)
)
#: Spellings tried per part before their keys are capped at MAX_KEYS.
MAX_SPELLINGS = 32
# Letters whose reading differs by language; ASCII folding keeps one reading
# (ç as Turkish ch, ć ź as Belarusian ts z, ğ as g), the variant another
# (Polish ć ź as ч ж).
_DIACRITIC_VARIANTS = str.maketrans({"ç": "s", "ć": "ch", "ź": "zh", "ğ": ""})


# Skeleton class of each letter :func:`symbols` can give (ASCII letters only):
# digraph symbols ш ж ч дж as X, х as K, ц as S; vowels and others dropped.
_SKELETON = str.maketrans(
    {
        **{chr(c): _CLASS.get(chr(c), "") for c in range(ord("a"), ord("z") + 1)},
        **{chr(c): "" for c in range(ord("A"), ord("Z") + 1)},
        **dict.fromkeys("SCJZ", "X"),
        "H": "K",
        "Q": "S",
    }
)


def _skeleton_of_folded(raw: str) -> str:
    """Skeleton of one spelling, keeping ш/ж/ч apart from с/з/ц."""
    return undouble(symbols(raw).translate(_SKELETON))


@lru_cache(maxsize=MEMO_LARGE)
def latin_skeletons(token: str) -> frozenset[str]:
    """Skeleton keys of one Latin-script name part, with ambiguity variants.

    >>> sorted(latin_skeletons("Trufanov"))
    ['TRPNB']
    >>> sorted(latin_skeletons("Chen"))
    ['KN', 'XN']
    """
    low = ascii_letters(token)
    spellings = dict.fromkeys([low, ascii_letters(token.lower().translate(_DIACRITIC_VARIANTS))])
    for pattern, repl, literal in _VARIANTS:
        for s in tuple(spellings) if len(spellings) > 1 else (low,):
            if literal in s:
                if len(spellings) >= MAX_SPELLINGS:
                    break
                # Without a match sub gives s back, which is already there.
                spellings.setdefault(pattern.sub(repl, s))
    keys = dict.fromkeys(_skeleton_of_folded(s) for s in spellings)
    keys.pop("", None)
    return frozenset(list(keys)[:MAX_KEYS])


# Hebrew letters: each maps to the class options it can take ("" = silent or
# vowel). The first option is the most frequent reading.
_HEBREW: dict[str, tuple[str, ...]] = {
    "א": ("",),
    "ב": ("B",),
    "ג": ("K",),
    "ד": ("D",),
    "ה": ("K", ""),
    "ו": ("", "B"),
    "ז": ("S",),
    "ח": ("K",),
    "ט": ("T",),
    "י": ("",),
    "כ": ("K",),
    "ך": ("K",),
    "ל": ("L",),
    "מ": ("M",),
    "ם": ("M",),
    "נ": ("N",),
    "ן": ("N",),
    "ס": ("S",),
    "ע": ("",),
    "פ": ("P",),
    "ף": ("P",),
    "צ": ("S",),
    "ץ": ("S",),
    "ק": ("K",),
    "ר": ("R",),
    "ש": ("X", "S"),
    "ת": ("T",),
}
# ג׳ is j, and g where it spells Arabic ج (Egyptian Arabic g: Gamal ג׳מאל).
# פ׳ is f, and v where it spells Arabic ف in a foreign name (Vladyslav فلاديسلاف).
_GERESH = {
    "ג": ("X", "K"),
    "ז": ("X",),
    "צ": ("X",),
    "ץ": ("X",),
    "ת": ("T",),
    "ח": ("K",),
    "פ": ("P", "B"),
    "ף": ("P", "B"),
}
# בּ (with a dagesh) is b, and p where it spells Arabic ب, which has no p of
# its own: foreign names write p with it (Pompey بومبيوس).
_DAGESH = "\u05bc"
_DAGESH_BET = ("B", "P")
_TET_DIGRAPHS = {"ש": ("TX", "TS", "X"), "ס": ("TS", "S")}


def _hebrew_options(word: str) -> list[tuple[str, ...]]:
    letters = [ch for ch in word if ch in _HEBREW or ch == "'" or ch == _DAGESH]
    options: list[tuple[str, ...]] = []
    i = 0
    while i < len(letters):
        ch = letters[i]
        if ch == "'" or ch == _DAGESH:
            i += 1
            continue
        nxt = letters[i + 1] if i + 1 < len(letters) else ""
        if nxt == "'" and ch in _GERESH:
            options.append(_GERESH[ch])
        elif nxt == _DAGESH and ch == "ב":
            options.append(_DAGESH_BET)
        elif ch == "ו" and (i == 0 or nxt == "ו"):
            options.append(("B",))
            i += 1 if nxt == "ו" else 0
        elif ch == "ט" and nxt in _TET_DIGRAPHS:
            # טש and טס also spell ч and ц (Deutsch דויטש, Betsy בטסי).
            options.append(_TET_DIGRAPHS[nxt])
            i += 1
        elif ch == "ה":
            # Final ה is a vowel letter; elsewhere it is h or silent (a fused
            # particle, a vowel sign, or an h that Romance spellings drop:
            # דהסוטו, אברהם as Avraam, הדד as Adad).
            options.append(("",) if i == len(letters) - 1 else ("K", ""))
        else:
            options.append(_HEBREW[ch])
        i += 1
    return options


@lru_cache(maxsize=MEMO_LARGE)
def hebrew_skeletons(token: str) -> frozenset[str]:
    """Skeleton keys of one Hebrew name part, one per reading of its letters.

    >>> sorted(hebrew_skeletons("טרופנוב"))
    ['TRBPNB', 'TRPNB']
    >>> sorted(hebrew_skeletons("כהן"))
    ['KN']
    """
    keys: set[str] = set()
    token = as_hebrew(token)
    for combo in itertools.islice(itertools.product(*_hebrew_options(token)), 64):
        key = undouble("".join(combo))
        if key:
            keys.add(key)
        if len(keys) >= MAX_KEYS:
            break
    return frozenset(keys)


def skeleton_keys(token: str) -> frozenset[str]:
    """Cross-script skeleton keys of one name part (Latin or Hebrew letters).

    Cyrillic parts are keyed through their romanisation; see
    :func:`aliaskit.latin.latin_forms`.

    >>> skeleton_keys("Trufanov") <= skeleton_keys("טרופנוב")
    True
    """
    if any("\u05d0" <= ch <= "\u05ea" for ch in token) or has_arabic(token):
        return hebrew_skeletons(token)
    return latin_skeletons(token)
