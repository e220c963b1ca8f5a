"""Birth dates as lists print them: a set of alternatives, each a year with an
optional month and day.

Sanctions annexes and registries print a birth date in many ways:
``27.12.1977``, ``1.1.1961``, a year alone, ``24.6.1964 or 25.6.1964``,
``10.2.1983 (or 10.3.1983)``, ``possibly 23.7.1981``, ``March 1978``, ISO
``1977-12-27``. :func:`parse_birth_date` reads each into a
:class:`BirthDate`, and raises :class:`ValueError` saying what it could not
read, rather than guess.

>>> parse_birth_date("24.6.1964 or 25.6.1964")
BirthDate('1964-06-24 or 1964-06-25')
>>> parse_birth_date("possibly 23.7.1981").hedged
True
>>> str(parse_birth_date("March 1978"))
'1978-03'
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

import attrs

__all__ = ["BirthDate", "DatePart", "parse_birth_date"]

#: The years a birth date may name.
MIN_YEAR = 1000
MAX_YEAR = 2999

#: Written where no date is known: read as no date at all.
_UNKNOWN = frozenset(
    {"", "-", "–", "—", "?", "n/a", "n/d", "na", "nd", "none", "unknown", "not known"}
)
#: Words before a date that make it uncertain.
_HEDGES = (
    "possibly",
    "probably",
    "approximately",
    "approx.",
    "approx",
    "circa",
    "ca.",
    "c.",
    "about",
    "around",
    "presumably",
    "около",
    "примерно",
    "предположительно",
    "приблизительно",
)
#: Labels before a date that say nothing about it.
_LABELS = (
    "date of birth:",
    "date of birth",
    "dob:",
    "dob",
    "born:",
    "born",
    "b.",
    "дата рождения:",
    "родился",
    "родилась",
    "р.",
)
#: Written after a year in Russian, Ukrainian and Belarusian ("1977 г.", "1977 года", "1977 р.").
_YEAR_WORDS = re.compile(r"\s*(?:г\.?\s*р\.?|гг?\.?|года|году|рік|року|р\.|год)$")

#: Month names and their usual abbreviations: English, and Russian, Ukrainian
#: and Belarusian in the nominative and the genitive a date uses.
_MONTHS: dict[str, int] = {}
for _number, _words in enumerate(
    (
        "january jan январь января янв січень січня студзень студзеня",
        "february feb февраль февраля фев лютий лютого люты лютага",
        "march mar март марта мар березень березня сакавік сакавіка",
        "april apr апрель апреля апр квітень квітня красавік красавіка",
        "may май мая травень травня травень траўня",
        "june jun июнь июня червень червня чэрвень чэрвеня",
        "july jul июль июля липень липня ліпень ліпеня",
        "august aug август августа авг серпень серпня жнівень жніўня",
        "september sep sept сентябрь сентября сен сент вересень вересня верасень верасня",
        "october oct октябрь октября окт жовтень жовтня кастрычнік кастрычніка",
        "november nov ноябрь ноября ноя нояб листопад листопада лістапад лістапада",
        "december dec декабрь декабря дек грудень грудня снежань снежня",
    ),
    start=1,
):
    for _word in _words.split():
        _MONTHS[_word] = _number

_SPLIT = re.compile(r"\s*(?:\bor\b|\bили\b|\bабо\b|;|\|)\s*")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DAY_FIRST = re.compile(r"(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[./]\s*(\d{4})")
_YEAR_RANGE = re.compile(r"(?:between\s+)?(\d{4})\s*(?:-|–|—|and|to)\s*(\d{4})")
_NEXT_FIELD = re.compile(r"(?<=\d)[\s.,;]+[^\W\d_]+(?: [^\W\d_]+){0,3}:")
#: The longest span of years a range may give as alternatives.
MAX_RANGE = 10
_WORDS = re.compile(r"(\d{1,2})?\s*([^\W\d_]+\.?)\s*(\d{1,2})?,?\s*(\d{4})")


def _known_first(value: int | None) -> int:
    return 0 if value is None else value


@attrs.frozen(order=True, cache_hash=True)
class DatePart:
    """One alternative of a birth date: a year, with a month, with a day.

    >>> DatePart(1977, 12, 27).is_full
    True
    >>> DatePart(1977).agrees(DatePart(1977, 12, 27))
    True
    """

    year: int
    # Ordered with an unknown month or day first (1977 < 1977-01 < 1977-01-01).
    month: int | None = attrs.field(default=None, order=_known_first)
    day: int | None = attrs.field(default=None, order=_known_first)

    def __attrs_post_init__(self) -> None:
        for field in ("year", "month", "day"):
            value = getattr(self, field)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"{field} must be an int, not {type(value).__name__}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} is not between {MIN_YEAR} and {MAX_YEAR}")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            try:
                datetime.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"{self.year}-{self.month:02d}-{self.day:02d} is not a date"
                ) from None

    @property
    def is_full(self) -> bool:
        """Whether the day, month and year are all known."""
        return self.day is not None

    def agrees(self, other: DatePart) -> bool:
        """Whether the two can be one date: equal in every part both know."""
        return (
            self.year == other.year
            and (self.month is None or other.month is None or self.month == other.month)
            and (self.day is None or other.day is None or self.day == other.day)
        )

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _alternatives(value: Any) -> frozenset[DatePart]:
    found = frozenset(value)
    if not found:
        raise ValueError("a birth date needs at least one alternative")
    for part in found:
        if not isinstance(part, DatePart):
            raise TypeError(f"alternatives must be DatePart values, not {type(part).__name__}")
    return found


@attrs.frozen(repr=False, cache_hash=True)
class BirthDate:
    """A birth date: a non-empty set of alternatives, and whether it is hedged
    (``possibly``, ``circa``).

    >>> BirthDate.of("1977-12-27") == BirthDate.of(datetime.date(1977, 12, 27))
    True
    """

    alternatives: frozenset[DatePart] = attrs.field(converter=_alternatives)
    hedged: bool = False
    # The printed form, computed once: records are grouped and ordered by it.
    _text: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        text = " or ".join(str(part) for part in sorted(self.alternatives))
        object.__setattr__(self, "_text", f"possibly {text}" if self.hedged else text)

    @classmethod
    def of(cls, value: str | int | datetime.date | BirthDate) -> BirthDate:
        """A birth date from a printed string, a year, a ``datetime.date`` or a BirthDate.

        A string that says no date is known (``""``, ``N/D``, ``unknown``)
        raises :class:`ValueError` here; :func:`parse_birth_date` reads it as None.
        """
        if isinstance(value, BirthDate):
            return value
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return cls(frozenset({DatePart(value.year, value.month, value.day)}))
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(frozenset({DatePart(value)}))
        if isinstance(value, str):
            found = parse_birth_date(value)
            if found is None:
                raise ValueError(f"no birth date in {value!r}")
            return found
        raise TypeError(
            f"a birth date must be a str, int, date or BirthDate, not {type(value).__name__}"
        )

    @property
    def is_full(self) -> bool:
        """Whether every alternative is a full date."""
        return all(part.is_full for part in self.alternatives)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"BirthDate({str(self)!r})"


def parse_birth_date(text: str) -> BirthDate | None:
    """The birth date printed in ``text``, or None when it says none is known.

    Reads day-first dates (``27.12.1977``, ``1.1.1961``, ``27/12/1977``,
    ``7.8. 1978``), ISO dates (``1977``, ``1977-12``, ``1977-12-27``),
    month names (``March 1978``, ``27 December 1977``, ``December 27, 1977``,
    ``27 декабря 1977 г.``), alternatives (``or``, ``(or ...)``, ``;``), year
    ranges (``between 1960 and 1962``) and hedges (``possibly``, ``circa``).
    A label after a date (``8.5.1967 Gender: female``, ``POB: ...``) starts
    the next field of a transcribed entry, which is not read.

    Raises :class:`TypeError` for a non-string and :class:`ValueError`,
    naming the text, for anything it cannot read.

    >>> str(parse_birth_date("10.2.1983 (or 10.3.1983)"))
    '1983-02-10 or 1983-03-10'
    >>> parse_birth_date("N/D") is None
    True
    >>> parse_birth_date("1985-13-45")
    Traceback (most recent call last):
    ...
    ValueError: cannot read a birth date in '1985-13-45': month 13 is not between 1 and 12
    """
    if not isinstance(text, str):
        raise TypeError(f"a birth date must be a str, not {type(text).__name__}")
    return _parsed(text)


#: Printed dates whose reading is kept: lists print the same dates many times.
DATE_MEMO = 1 << 16


@lru_cache(maxsize=DATE_MEMO)
def _parsed(text: str) -> BirthDate | None:
    """:func:`parse_birth_date` of a string (a BirthDate is immutable, so shared)."""
    cleaned = " ".join(text.split()).casefold()
    if cleaned.rstrip(".") in _UNKNOWN:
        return None
    # A label after the date starts the next field of a transcribed entry
    # ("8.5.1967 Gender: female", "20.8.1963 POB: Tokmak"): not read.
    if found := _NEXT_FIELD.search(cleaned):
        cleaned = cleaned[: found.start()]
    cleaned = cleaned.replace("(", " ").replace(")", " ").strip()
    parts: set[DatePart] = set()
    hedged = False
    for alternative in _SPLIT.split(cleaned):
        alternative, hedge = _unlabelled(alternative)
        hedged = hedged or hedge
        if not alternative:
            continue
        try:
            parts.update(_read_listed(alternative))
        except ValueError as error:
            raise ValueError(f"cannot read a birth date in {text!r}: {error}") from None
    if not parts:
        raise ValueError(f"cannot read a birth date in {text!r}: no date in it")
    return BirthDate(frozenset(parts), hedged)


def _unlabelled(text: str) -> tuple[str, bool]:
    """``text`` without labels, hedges and year words, and whether it had a hedge."""
    hedged = False
    changed = True
    while changed:
        changed = False
        text = text.strip(" ,:")
        for words, hedge in ((_HEDGES, True), (_LABELS, False)):
            for word in words:
                if text.startswith(word) and (
                    word.endswith((".", ":"))
                    or len(text) == len(word)
                    or not text[len(word)].isalnum()
                ):
                    text = text[len(word) :]
                    hedged = hedged or hedge
                    changed = True
    text = _YEAR_WORDS.sub("", text).strip(" ,")
    return text.rstrip("."), hedged


def _read_listed(text: str) -> list[DatePart]:
    """The alternatives of one expression, or of a list of them split on commas
    (``1.1.1970, 2.2.1971``) when it is not one date (``December 27, 1977``)."""
    try:
        return _read(text)
    except ValueError:
        if "," not in text:
            raise
        pieces = [_unlabelled(piece)[0] for piece in text.split(",")]
        return [part for piece in pieces if piece for part in _read(piece)]


def _read(text: str) -> list[DatePart]:
    """The alternatives one date expression gives (a range gives several)."""
    if found := _ISO.fullmatch(text):
        year, month, day = found.groups()
        return [DatePart(int(year), _int(month), _int(day))]
    if found := _DAY_FIRST.fullmatch(text):
        day, _, month, year = found.groups()
        return [_day_first(int(day), int(month), int(year))]
    if found := _YEAR_FIRST.fullmatch(text):
        year, month, day = found.groups()
        return [DatePart(int(year), int(month), int(day))]
    if found := _MONTH_YEAR.fullmatch(text):
        month, year = found.groups()
        return [DatePart(int(year), int(month))]
    if found := _YEAR_RANGE.fullmatch(text):
        first, last = int(found.group(1)), int(found.group(2))
        if not 0 < last - first <= MAX_RANGE:
            raise ValueError(f"{text!r} is not a range of at most {MAX_RANGE} years")
        return [DatePart(year) for year in range(first, last + 1)]
    if found := _WORDS.fullmatch(text):
        before, word, after, year = found.groups()
        month = _MONTHS.get(word.rstrip("."))
        if month is None:
            raise ValueError(f"{word!r} is not a month")
        if before and after:
            raise ValueError(f"{text!r} has two days")
        day = before or after
        return [DatePart(int(year), month, _int(day))]
    raise ValueError(f"{text!r} is not a date")


def _day_first(day: int, month: int, year: int) -> DatePart:
    """A date written day first, or month first where day first cannot be a date (12/27/1977)."""
    if month > 12 >= day:
        return DatePart(year, day, month)
    return DatePart(year, month, day)


def _int(text: str | None) -> int | None:
    return None if text is None else int(text)
