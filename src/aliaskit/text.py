"""Text normalisation, tokenisation and script detection.

Everything downstream works on the output of :func:`normalize`: homoglyphs
repaired first (Latin look-alikes inside Cyrillic words and the reverse, see
:mod:`aliaskit.homoglyphs`), then NFKC, case folded, with invisible and
control characters removed, punctuation reduced to the few marks that
carry meaning inside a name (hyphen, apostrophe/geresh) and runs of space
collapsed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from aliaskit._arabic import fold_arabic
from aliaskit._check import require_str
from aliaskit.homoglyphs import repair_homoglyphs

__all__ = ["detect_script", "join_hebrew_acronyms", "normalize", "script_of_char", "tokenize"]

MEMO_LARGE = 1 << 16

# Apostrophe-like marks, including the Hebrew geresh, become ASCII "'".
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u05f3\u2032"
# Dashes and the Hebrew maqaf become an ASCII hyphen.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u05be\u2212\ufe63\uff0d"
_TRANSLATE = str.maketrans(
    {**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DASHES, "-"), "\u05f4": '"'}
)
_SPACE_RUN = re.compile(r"\s+")
_HYPHEN_RUN = re.compile(r"-{2,}")
_LOOSE_HYPHEN = re.compile(r"(?:^|(?<=\s))-+|-+(?=\s|$)")
_APOS_RUN = re.compile(r"'+")
# Hebrew letters (and their points), for deciding where an apostrophe is a geresh.
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
# Gershayim (or a double quote) between Hebrew letters marks an acronym, one
# word: ד"ר (Dr), ז"ל (of blessed memory), רמב"ם.
_HEBREW_ACRONYM = re.compile('(?<=[\u05d0-\u05ea])["\u201c\u201d\u05f4](?=[\u05d0-\u05ea])')


def join_hebrew_acronyms(text: str, mark: str = "") -> str:
    """Replace the gershayim (or double quote) inside Hebrew acronyms with ``mark``.

    >>> join_hebrew_acronyms('ד"ר אלכסנדר טרופנוב ז״ל')
    'דר אלכסנדר טרופנוב זל'
    >>> join_hebrew_acronyms('ד"ר', mark="\u05f4") == "ד\u05f4ר"
    True
    """
    if '"' in text or "\u05f4" in text or "\u201c" in text or "\u201d" in text:
        return _HEBREW_ACRONYM.sub(mark, text)
    return text


def _keep_char(ch: str) -> str:
    """Map one character to what survives normalisation ("" to drop it)."""
    cat = unicodedata.category(ch)
    major = cat[0]
    if major in "LN" or ch in "-'":
        return ch
    if major == "M":
        return ch  # combining marks; lone ones are removed afterwards
    if major == "Z" or ch in "\t\n\r\x0b\x0c":
        return " "
    # Cf (bidi, zero-width), Cc (controls), Cs (surrogates), Cn, Co, and all
    # punctuation and symbols separate words.
    if cat in ("Cf", "Cs", "Cn", "Co"):
        return ""
    return " "


def _drop_lone_marks(text: str) -> str:
    """Remove combining marks that do not follow a letter or digit."""
    out: list[str] = []
    prev_base = False
    for ch in text:
        if unicodedata.category(ch)[0] == "M":
            if prev_base:
                out.append(ch)
            continue
        out.append(ch)
        prev_base = unicodedata.category(ch)[0] in "LN"
    return "".join(out)


def _clean_apostrophes(text: str) -> str:
    """Keep an apostrophe only inside a word or as a Hebrew geresh."""
    if "'" not in text:
        return text
    chars = list(_APOS_RUN.sub("'", text))
    for i, ch in enumerate(chars):
        if ch != "'":
            continue
        before = chars[i - 1] if i > 0 else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        geresh = bool(_HEBREW_LETTER.match(before))
        inner = before.isalpha() and after.isalpha()
        if not (geresh or inner):
            chars[i] = " "
    return "".join(chars)


# Passes of the pipeline at most; in practice the second pass confirms the first.
_MAX_PASSES = 4

# Text that one pass leaves as it is: lower-case words of ASCII letters and
# digits, or of basic Cyrillic letters and digits, joined by single hyphens
# and by apostrophes between letters, or of Hebrew letters, separated by
# single spaces.
_LAT = "[a-z0-9]+(?:(?:-|(?<=[a-z])'(?=[a-z]))[a-z0-9]+)*"
_CYR_LETTERS = "\u0430-\u045f\u0491"  # а-я, ѐ-џ and ґ
_CYR = (
    f"[0-9{_CYR_LETTERS}]+(?:(?:-|(?<=[{_CYR_LETTERS}])'(?=[{_CYR_LETTERS}]))[0-9{_CYR_LETTERS}]+)*"
)
# Hebrew letters (no points), a geresh after any of them, single hyphens
# between them: nothing in a pass changes them.
_HEB = "[\u05d0-\u05ea]+(?:(?:'|'?-)[\u05d0-\u05ea]+)*'?"
_STABLE = re.compile(f"(?:{_LAT}|{_CYR}|{_HEB})(?: (?:{_LAT}|{_CYR}|{_HEB}))*")
# ASCII without letters, and basic Cyrillic letters (Ѐ-џ, Ґ ґ): no homoglyph
# to repair, NFKC changes nothing and casefold is lower.
_SIMPLE_CYRILLIC = re.compile("[\x00-\x40\x5b-\x60\x7b-\x7f\u0400-\u045f\u0490\u0491]*")
# On ASCII, one pass maps the backtick to an apostrophe and every character
# other than letters, digits, hyphen and apostrophe to a space.
_ASCII_PASS = str.maketrans(
    {
        **{chr(i): " " for i in range(128) if not chr(i).isalnum() and chr(i) not in "-'"},
        **{ch: "'" for ch in _APOSTROPHES if ch.isascii()},
    }
)


@lru_cache(maxsize=MEMO_LARGE)
def _normalize(text: str) -> str:
    # One pass is not always idempotent: a dropped invisible or unassigned
    # character can bring a letter and a combining mark together (NFC then
    # composes them), and NFKC or case folding can make a look-alike letter
    # visible to the homoglyph repair. Repeat until nothing changes (text of
    # the _STABLE form is known not to change, and skips the next pass).
    if text.isalpha() and (text.isascii() or _SIMPLE_CYRILLIC.fullmatch(text)):
        return text.lower()  # one word of ASCII or basic Cyrillic letters
    if _STABLE.fullmatch(text):
        return text
    result = _normalize_once(text)
    for _ in range(_MAX_PASSES - 1):
        if _STABLE.fullmatch(result):
            break
        again = _normalize_once(result)
        if again == result:
            break
        result = again
    return result


def _normalize_once(text: str) -> str:
    if text.isascii() or _SIMPLE_CYRILLIC.fullmatch(text):
        # The same steps, on ASCII or basic Cyrillic: no homoglyphs, NFKC
        # changes nothing, casefold is lower, and there are no combining marks.
        text = text.lower().translate(_ASCII_PASS)
    else:
        # Decomposed first, so that a look-alike letter is repaired whether its
        # accent is composed with it or not (Cyrillic Ќ, or К and an acute).
        text = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFKC", repair_homoglyphs(text).translate(_TRANSLATE))
        text = unicodedata.normalize("NFKC", text.casefold())
        text = join_hebrew_acronyms(fold_arabic(text))
        text = "".join(_keep_char(ch) for ch in text)
        text = _drop_lone_marks(text)
    text = _clean_apostrophes(text)
    if "-" in text:
        text = _LOOSE_HYPHEN.sub(" ", _HYPHEN_RUN.sub("-", text))
    return _SPACE_RUN.sub(" ", text).strip()


def normalize(text: str) -> str:
    """Return the comparable form of a name.

    NFKC, case folding, removal of invisible, control and bidi characters,
    punctuation turned into spaces (hyphens and in-word apostrophes kept) and
    whitespace collapsed. The result is idempotent: normalising it again
    changes nothing.

    >>> normalize("  Alexander  “Sasha”  TROUFANOV ")
    'alexander sasha troufanov'
    >>> normalize("Dekel\u2013Hen")
    'dekel-hen'
    """
    require_str(text, "text")
    return _normalize(text)


def tokenize(text: str) -> tuple[str, ...]:
    """Split a name into normalised tokens; hyphenated parts stay one token.

    >>> tokenize("Sagi Dekel-Hen")
    ('sagi', 'dekel-hen')
    """
    return tuple(normalize(text).split())


_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x052F, "Cyrl"),
    (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x10A0, 0x10FF, "Geor"),
    (0x1C80, 0x1C8F, "Cyrl"),
    (0x1E00, 0x1EFF, "Latn"),
    (0x1F00, 0x1FFF, "Grek"),
    (0x2DE0, 0x2DFF, "Cyrl"),
    (0x3040, 0x309F, "Hira"),
    (0x30A0, 0x30FF, "Kana"),
    (0x3400, 0x4DBF, "Hani"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xA640, 0xA69F, "Cyrl"),
    (0xAC00, 0xD7AF, "Hang"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0xFF21, 0xFF5A, "Latn"),
)


@lru_cache(maxsize=4096)
def script_of_char(ch: str) -> str:
    """ISO 15924 code of one letter's script ("Zyyy" for non-letters).

    >>> script_of_char("ж"), script_of_char("ש"), script_of_char("q")
    ('Cyrl', 'Hebr', 'Latn')
    """
    if not ch.isalpha():
        return "Zyyy"
    cp = ord(ch)
    for lo, hi, code in _RANGES:
        if lo <= cp <= hi:
            return code
    return "Zzzz"


_ASCII_LETTER = re.compile("[A-Za-z]")
# Cyrillic letters (U+0482..U+0489 are a sign and marks) and ASCII non-letters.
# Hebrew letters with ASCII spaces, hyphens and apostrophes (no points).
_HEBREW_PLAIN = re.compile("[\u05d0-\u05ea '-]*")
_CYRILLIC_ONLY = re.compile("[\u0400-\u0481\u048a-\u04ff\x00-\x40\x5b-\x60\x7b-\x7f]*")


@lru_cache(maxsize=MEMO_LARGE)
def _detect(text: str) -> str:
    if text.isascii():
        return "Latn" if _ASCII_LETTER.search(text) else "Zyyy"
    if _CYRILLIC_ONLY.fullmatch(text):
        return "Cyrl"  # not ASCII, so it has a Cyrillic letter
    if _HEBREW_PLAIN.fullmatch(text):
        return "Hebr"  # not ASCII, so it has a Hebrew letter
    counts: dict[str, int] = {}
    for ch in text:
        code = script_of_char(ch)
        if code != "Zyyy":
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return "Zyyy"
    # Majority of letters; ties go to the alphabetically first code.
    return min(counts, key=lambda c: (-counts[c], c))


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in.

    ``"Latn"``, ``"Cyrl"``, ``"Hebr"``, ``"Arab"``, ``"Grek"``, ``"Hani"`` and
    others; ``"Zyyy"`` when there is no letter and ``"Zzzz"`` for letters of
    scripts without a code here.

    >>> detect_script("Александр Труфанов"), detect_script("סשה טרופנוב")
    ('Cyrl', 'Hebr')
    """
    require_str(text, "text")
    return _detect(text)
