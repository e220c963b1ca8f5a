"""A record: one listed person's names and the evidence a list gives about them.

A sanctions list gives a birth date and nationalities; a news pipeline gives
a document id. :class:`Record` holds them beside the names, and
:func:`aliaskit.compare` and clustering weigh them (:mod:`aliaskit.compare`).
A plain string is a record with one name and nothing else.

>>> r = Record(["Alexander Trufanov", "Александр Труфанов"], id="r1",
...            birth_date="3.5.1995", countries="Russia; Israel", gender="male")
>>> r.name, r.birth_date, sorted(r.countries), r.gender
('Alexander Trufanov', BirthDate('1995-05-03'), ['IL', 'RU'], 'm')
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs

from aliaskit.countries import country_codes
from aliaskit.dates import BirthDate, parse_birth_date

__all__ = ["Record", "as_record"]

#: How a gender may be written, to the value kept.
_GENDERS = {"m": "m", "male": "m", "man": "m", "f": "f", "female": "f", "woman": "f"}


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        items: tuple[Any, ...] = (value,)
    elif isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        items = tuple(value)
    else:
        raise TypeError(f"name must be a str or an iterable of str, not {type(value).__name__}")
    if not items:
        raise ValueError("a record needs at least one name")
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise TypeError(f"name[{i}] must be a str, not {type(item).__name__}")
        if not any(c.isalpha() for c in item):
            raise ValueError(f"name[{i}] has no letters: {item!r}")
    return items


def _record_id(value: Any) -> str | int | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"id must be a str, an int or None, not {type(value).__name__}")


def _birth_date(value: Any) -> BirthDate | None:
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return parse_birth_date(value)
        if isinstance(value, BirthDate | datetime.date | int) and not isinstance(value, bool):
            return BirthDate.of(value)
    except ValueError as error:
        raise ValueError(f"birth_date: {error}") from None
    raise TypeError(f"birth_date must be a str, a date or a BirthDate, not {type(value).__name__}")


_NO_COUNTRIES: frozenset[str] = frozenset()


def _countries(value: Any) -> frozenset[str]:
    if value is None:
        return _NO_COUNTRIES
    try:
        return country_codes(value)
    except TypeError as error:
        raise TypeError(f"countries: {error}") from None
    except ValueError as error:
        raise ValueError(f"countries: {error}") from None


def _gender(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"gender must be a str or None, not {type(value).__name__}")
    found = _GENDERS.get(value.strip().casefold())
    if found is None:
        raise ValueError(f"gender must be 'm' or 'f' (or male, female), not {value!r}")
    return found


@attrs.frozen
class Record:
    """One listed person: names (the first primary), a caller's id, and evidence.

    ``name`` is one string or several (aliases of one person), kept as the
    tuple :attr:`names`. ``birth_date`` is a printed string
    (:func:`~aliaskit.parse_birth_date`), a ``datetime.date``, a year or a
    :class:`~aliaskit.BirthDate`. ``countries`` is a code, name or demonym,
    several split on ``;`` or ``|``, or an iterable of them, kept as ISO 3166
    alpha-2 codes. ``gender`` is ``"m"``, ``"f"`` (``male``, ``female``) or None.

    A wrong type raises :class:`TypeError`; a bad value raises
    :class:`ValueError` naming the field.

    >>> record = Record(["Igor STRELKOV", "Igor GIRKIN"], id="eu-7", countries="Russian")
    >>> record.name, record.key, record.countries
    ('Igor STRELKOV', 'eu-7', frozenset({'RU'}))
    """

    names: tuple[str, ...] = attrs.field(alias="name", converter=_names)
    id: str | int | None = attrs.field(default=None, converter=_record_id)
    birth_date: BirthDate | None = attrs.field(default=None, converter=_birth_date)
    countries: frozenset[str] = attrs.field(default=None, converter=_countries)
    gender: str | None = attrs.field(default=None, converter=_gender)

    @property
    def name(self) -> str:
        """The primary name."""
        return self.names[0]

    @property
    def key(self) -> str:
        """What identifies the record: its id if it has one, else its primary name."""
        return self.name if self.id is None else str(self.id)

    @property
    def has_evidence(self) -> bool:
        """Whether the record says more of the person than names."""
        return self.birth_date is not None or bool(self.countries) or self.gender is not None


def as_record(value: str | Record, where: str = "value") -> Record:
    """A record of ``value``: a Record as it is, a string as a record of that one name."""
    if isinstance(value, Record):
        return value
    if isinstance(value, str):
        return Record(value)
    raise TypeError(f"{where} must be a str or a Record, not {type(value).__name__}")
