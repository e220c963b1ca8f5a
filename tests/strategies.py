"""Hypothesis strategies: person names in three scripts, and hostile Unicode.

Name strategies build names from small pools of real given names,
patronymics and surnames (with spelling noise: case, initials, hyphenated
surnames, niqqud, geresh), so that properties exercise the paths real data
takes. Hostile strategies produce the characters that break naive text code:
controls, bidi overrides, zero-width joiners, lone combining marks, emoji,
unassigned code points, lone surrogates and mixed-script homoglyphs.
"""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import strategies as st

__all__ = [
    "BIDI",
    "CONTROLS",
    "EMOJI",
    "LONE_MARKS",
    "ZERO_WIDTH",
    "any_names",
    "cyrillic_names",
    "hebrew_names",
    "homoglyph_names",
    "hostile_text",
    "latin_names",
    "unassigned_code_points",
]

LATIN_GIVEN = (
    "Alexander", "Sasha", "Elena", "Yelena", "Vitali", "Vitaly", "Mikhail", "Michael",
    "Olga", "Natalia", "Sergei", "Sergey", "Dmitri", "Yulia", "Julia", "Ivan", "Sapir",
    "Roni", "Avraham", "Yosef", "Shira", "Noa", "Jean-Pierre", "Anna-Maria", "Oleksandr",
    "Andrii", "Ales", "Tatsiana",
)  # fmt: skip
LATIN_PATRONYMIC = ("Vitalyevich", "Ivanovich", "Sergeevna", "Mykolaiovych", "Petrovna")
LATIN_SURNAME = (
    "Trufanov", "Troufanov", "Trupanov", "Trufanova", "Ivanov", "Shcheglova", "Cohen",
    "Levi", "Dekel-Hen", "Krivoi", "Kovalenko", "Lukashenka", "O'Brien", "Zhukov",
    "Tkachuk", "Ben-David", "Pinchuk", "Smith",
)  # fmt: skip
CYRILLIC_GIVEN = (
    "Александр", "Саша", "Елена", "Виталий", "Михаил", "Ольга", "Наталья", "Сергей",
    "Юлия", "Иван", "Ёлка", "Олександр", "Андрій", "Євген", "Їжак", "Ґалина", "Алесь",
    "Тацяна", "Ўладзімір", "Анна-Мария",
)  # fmt: skip
CYRILLIC_PATRONYMIC = ("Витальевич", "Иванович", "Сергеевна", "Миколайович", "Пятровіч")
CYRILLIC_SURNAME = (
    "Труфанов", "Труфанова", "Иванов", "Щеглова", "Коваленко", "Лукашэнка", "Пінчук",
    "Жуков", "Ткачук", "Римский-Корсаков", "Підгірна", "Ґудзь", "Мʼякота", "Зʼязь",
)  # fmt: skip
HEBREW_GIVEN = ("סשה", "אלכסנדר", "ספיר", "רוני", "אברהם", "יוסף", "שירה", "נועה", "ג'וליה")
HEBREW_SURNAME = ("טרופנוב", "כהן", "לוי", "דקל-חן", "קריבוי", "בן דוד", "צ'רניאק", "ז'וקוב")
HEBREW_POINTS = (*(chr(c) for c in range(0x05B0, 0x05BD)), "\u05c1", "\u05c2")

CONTROLS = tuple(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
CONTROLS += tuple(chr(c) for c in range(0x80, 0xA0))
BIDI = (
    "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069",
)  # fmt: skip
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e")
LONE_MARKS = ("\u0301", "\u0308", "\u0306", "\u05b8", "\u05bc", "\u0483", "\u20dd", "\u0489")
EMOJI = ("😀", "👨‍👩‍👧", "🇺🇦", "👍🏽", "⭐", "🔥", "1️⃣", "🏳️‍🌈")
# Latin look-alikes of Cyrillic letters and the reverse.
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}
HOMOGLYPHS |= {k.upper(): v.upper() for k, v in HOMOGLYPHS.items()}
HOMOGLYPHS |= {"B": "В", "H": "Н", "K": "К", "M": "М", "T": "Т"}


def _unassigned() -> tuple[str, ...]:
    """A sample of code points unassigned in this Python's Unicode database."""
    out = [
        chr(c)
        for c in (*range(0x0378, 0x037A), 0x05C8, 0x05EB, 0x0530, 0x2FFC, 0xFFFE, 0xFFFF)
        if unicodedata.category(chr(c)) == "Cn"
    ]
    out += [chr(c) for c in (0xE0080, 0x10FFFF, 0x3FFFD) if c <= sys.maxunicode]
    return tuple(out)


unassigned_code_points = st.sampled_from(_unassigned())
lone_surrogates = st.integers(0xD800, 0xDFFF).map(chr)


@st.composite
def _vary_case(draw: st.DrawFn, word: str) -> str:
    style = draw(st.sampled_from(("keep", "upper", "lower", "title")))
    if style == "upper":
        return word.upper()
    if style == "lower":
        return word.lower()
    return word.title() if style == "title" else word


@st.composite
def _person(
    draw: st.DrawFn,
    given: tuple[str, ...],
    patronymic: tuple[str, ...],
    surname: tuple[str, ...],
) -> str:
    """Given + optional patronymic + surname, with initials, order and case varied."""
    first = draw(st.sampled_from(given))
    if draw(st.integers(0, 5)) == 0:
        first = first[0] + "."
    parts = [first]
    with_patronymic = draw(st.booleans())
    if patronymic and with_patronymic:
        parts.append(draw(st.sampled_from(patronymic)))
    last = draw(st.sampled_from(surname))
    if draw(st.integers(0, 6)) == 0:
        last = f"{last}-{draw(st.sampled_from(surname))}"
    parts.append(last)
    parts = [draw(_vary_case(p)) for p in parts]
    order = draw(st.sampled_from(("western", "surname_first", "comma")))
    if order == "surname_first":
        return " ".join([parts[-1], *parts[:-1]])
    if order == "comma":
        return f"{parts[-1]}, {' '.join(parts[:-1])}"
    return " ".join(parts)


latin_names = _person(LATIN_GIVEN, LATIN_PATRONYMIC, LATIN_SURNAME)
cyrillic_names = _person(CYRILLIC_GIVEN, CYRILLIC_PATRONYMIC, CYRILLIC_SURNAME)


@st.composite
def hebrew_names(draw: st.DrawFn) -> str:
    """A Hebrew given name and surname, sometimes with niqqud or a geresh variant."""
    name = f"{draw(st.sampled_from(HEBREW_GIVEN))} {draw(st.sampled_from(HEBREW_SURNAME))}"
    if draw(st.booleans()):
        name = name.replace("'", draw(st.sampled_from(("\u05f3", "\u2019", "'"))))
    if draw(st.integers(0, 3)) == 0:
        chars = list(name)
        for i in sorted(draw(st.sets(st.integers(0, len(chars) - 1), max_size=3)), reverse=True):
            if "\u05d0" <= chars[i] <= "\u05ea":
                chars.insert(i + 1, draw(st.sampled_from(HEBREW_POINTS)))
        name = "".join(chars)
    return name


@st.composite
def homoglyph_names(draw: st.DrawFn) -> tuple[str, str]:
    """A Latin name and the same name with some in-word letters swapped for Cyrillic twins."""
    name = draw(latin_names)
    # Letters inside words only: a one-letter initial is another case (see test_hostile).
    positions = [
        i
        for i, ch in enumerate(name)
        if ch in HOMOGLYPHS and any(name[j : j + 1].isalpha() for j in (i - 1, i + 1) if j >= 0)
    ]
    chosen = draw(st.sets(st.sampled_from(positions), min_size=1, max_size=2)) if positions else ()
    chars = list(name)
    for i in chosen:
        chars[i] = HOMOGLYPHS[chars[i]]
    return name, "".join(chars)


any_names = st.one_of(latin_names, cyrillic_names, hebrew_names())

_hostile_chars = st.one_of(
    st.sampled_from(CONTROLS + BIDI + ZERO_WIDTH + LONE_MARKS + EMOJI + (" ", "\t", "\n")),
    unassigned_code_points,
    lone_surrogates,
    st.characters(),
)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """A name (or nothing) with hostile characters inserted anywhere, or pure junk."""
    base = draw(st.one_of(st.just(""), any_names, st.text(max_size=20)))
    chars = list(base)
    for _ in range(draw(st.integers(0, 6))):
        chars.insert(draw(st.integers(0, len(chars))), draw(_hostile_chars))
    return "".join(chars)
