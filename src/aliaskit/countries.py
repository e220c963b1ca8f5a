"""Countries as ISO 3166 alpha-2 codes, from codes, names and demonyms.

Codes and English names come from ``pycountry`` (the ISO 3166 tables, with
former countries such as the Soviet Union, ``SU``). Demonyms (*Russian*,
*Israeli*), everyday short names (*Russia*, *UK*) and names in Russian,
Ukrainian, Belarusian, Hebrew and Arabic come from
``data/country_words.tsv``, whose header names its sources.

>>> country_code("Russian")
'RU'
>>> sorted(country_codes("Russia; Israel"))
['IL', 'RU']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

__all__ = ["INTERNED_SETS", "country_code", "country_codes", "interned"]

#: Separators between several countries written in one field.
_SEPARATORS = (";", "|")


@cache
def _words() -> dict[str, str]:
    """Every word of the table, case-folded, to its code."""
    found: dict[str, str] = {}
    text = resources.files("aliaskit.data").joinpath("country_words.tsv").read_text("utf-8")
    header = True
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise ValueError(
                f"country_words.tsv line {number}: expected 5 fields, found {len(fields)}"
            )
        word, code = " ".join(fields[0].split()).casefold(), fields[1]
        if found.setdefault(word, code) != code:
            raise ValueError(f"country_words.tsv line {number}: {fields[0]!r} names two countries")
    return found


@lru_cache(maxsize=4096)
def country_code(value: str) -> str:
    """The ISO 3166 alpha-2 code of a country written as a code, a name or a demonym.

    Raises :class:`TypeError` for a non-string and :class:`ValueError` for a
    country it does not know.

    >>> country_code("ISR"), country_code("il"), country_code("Soviet Union")
    ('IL', 'IL', 'SU')
    """
    if not isinstance(value, str):
        raise TypeError(f"a country must be a str, not {type(value).__name__}")
    import pycountry  # loaded on first use: import aliaskit stays fast

    text = " ".join(value.split())
    if not text:
        raise ValueError("a country must not be empty")
    key = text.casefold()
    if key in _words():
        return _words()[key]
    for table in (pycountry.countries, pycountry.historic_countries):
        try:
            return str(table.lookup(text).alpha_2)
        except LookupError:
            continue
    raise ValueError(f"unknown country {value!r}")


def country_codes(value: str | Iterable[str]) -> frozenset[str]:
    """The codes of one country, several in one string split on ``;`` or ``|``,
    or an iterable of them.

    >>> sorted(country_codes(["Russian Federation", "Israeli"]))
    ['IL', 'RU']
    """
    if isinstance(value, str):
        items: list[str] = [value]
        for separator in _SEPARATORS:
            items = [piece for item in items for piece in item.split(separator)]
        items = [item for item in items if item.strip()]
    elif isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        items = list(value)
    else:
        raise TypeError(
            f"countries must be a str or an iterable of str, not {type(value).__name__}"
        )
    return interned(frozenset(country_code(item) for item in items))


#: Sets of codes shared by every record that holds them (a record keeps one
#: set; a million records hold a few hundred distinct ones). Bounded: past
#: this many, new sets are kept as they come.
INTERNED_SETS = 1 << 14
_SETS: dict[frozenset[str], frozenset[str]] = {}


def interned(codes: frozenset[str]) -> frozenset[str]:
    """The one shared copy of a set of country codes."""
    found = _SETS.get(codes)
    if found is not None:
        return found
    if len(_SETS) < INTERNED_SETS:
        _SETS[codes] = codes
    return codes
