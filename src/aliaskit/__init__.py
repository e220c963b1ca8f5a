"""aliaskit: entity alias resolution of person names across scripts.

One person appears as *Alexander Trufanov*, *Sasha Troufanov*,
*Александр Труфанов* and *סשה טרופנוב*; his mother *Yelena Trufanova* is
someone else. aliaskit puts each person's names together, keeps relatives
apart, and says why.

A short tour:

* :func:`normalize`, :func:`detect_script`: the comparable form of a name
  and its script.
* :func:`transliterate`, :func:`romanizations`, :func:`schemes`: Cyrillic
  to Latin under a dozen published systems; :func:`readings`: plausible
  Latin readings of unvocalised Hebrew; :func:`romanize`: the best Latin
  form of a name in any script, saying when it fell back to unidecode.
* :func:`phonetic_keys`, :func:`similarity`: phonetic encoders and a
  transliteration-aware similarity of name parts.
* :func:`parse_name`, :func:`compare`: names as structures (given name,
  patronymic, surname, initials, nicknames) and a comparison that explains
  itself (:class:`Comparison`).
* :func:`cluster`, :class:`Resolver`: names into :class:`Entity` objects
  with stable ids and canonical names, at once or incrementally.
* :class:`Index`, :class:`Hit`, :func:`extract`, :func:`extract_one`:
  search a list for one name (or record), in any script, ranked and
  explained; ``Resolver.search`` does the same over entities.
* :class:`Record`, :class:`BirthDate`, :func:`parse_birth_date`: a listed
  person's names with the evidence a list gives (birth date, countries,
  gender), which :func:`compare` and :func:`cluster` weigh.
* :func:`find_names`, :class:`Mention`: the people named in a text (news
  in English, Russian, Hebrew or Arabic), with roles, possessives, Hebrew
  prefixes and Russian cases taken off.
* :data:`compiled`: True when the compiled core runs, False on the
  pure-Python fallback (same results; ``ALIASKIT_PURE=1`` forces it).

>>> import aliaskit
>>> aliaskit.compare("Sasha Trupanov", "Александр Труфанов").is_match
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# First (as sorted): choose the compiled core or pure Python before any module loads.
from aliaskit import _compiled
from aliaskit._version import __version__ as __version__
from aliaskit.compare import Comparison, Explanation, compare
from aliaskit.dates import BirthDate, parse_birth_date
from aliaskit.entity import Entity
from aliaskit.extract import extract, extract_one
from aliaskit.hebrew import readings
from aliaskit.latin import romanize
from aliaskit.parse import ParsedName, parse_name
from aliaskit.phonetic import phonetic_keys
from aliaskit.record import Record
from aliaskit.similarity import similarity
from aliaskit.text import detect_script, normalize
from aliaskit.text_names import Mention, find_names
from aliaskit.translit import romanizations, schemes, transliterate

if TYPE_CHECKING:
    from aliaskit.index import Hit, Index
    from aliaskit.resolver import Resolver, cluster

#: Public names whose modules load numpy (clustering and search), imported on
#: first use (PEP 562), so that ``import aliaskit`` for compare, parse or
#: transliterate does not pay for numpy and the array paths.
_LAZY = {
    "Hit": "aliaskit.index",
    "Index": "aliaskit.index",
    "Resolver": "aliaskit.resolver",
    "cluster": "aliaskit.resolver",
}

__all__ = [
    "BirthDate",
    "Comparison",
    "Entity",
    "Explanation",
    "Hit",
    "Index",
    "Mention",
    "ParsedName",
    "Record",
    "Resolver",
    "cluster",
    "compare",
    "detect_script",
    "extract",
    "extract_one",
    "find_names",
    "normalize",
    "parse_birth_date",
    "parse_name",
    "phonetic_keys",
    "readings",
    "romanizations",
    "romanize",
    "schemes",
    "similarity",
    "transliterate",
]
#: True when the compiled core runs; False on the pure-Python fallback.
compiled: bool = _compiled.COMPILED


def __getattr__(name: str) -> Any:
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module 'aliaskit' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later lookups find it without this hook
    return value


def __dir__() -> list[str]:
    return [*__all__, "__version__", "compiled"]
