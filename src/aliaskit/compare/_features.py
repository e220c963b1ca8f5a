"""What comparison needs of one parsed name, computed once per name.

:func:`features` splits a parsed name by role (given names, middle names,
patronymic, surname readings, the parts of a compound surname) and keeps
the result per name. The rules of the other modules read these features;
none of them parses a name again.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import attrs

from aliaskit import knowledge
from aliaskit.belarusian import belarusian_name, name_word_reading
from aliaskit.compare._scale import MEMO_LARGE
from aliaskit.compare._tokens import given_gender
from aliaskit.latin import part_keys
from aliaskit.parse import NamePart, ParsedName, parts_by_role

#: The key of a given name's verdicts: its text and whether it is an initial.
GivenId = tuple[str, bool]


class SurnameReading(NamedTuple):
    """One reading of a name's surname: as shown, and joined without hyphens.

    A value (equal readings of two names are equal): the verdicts on two
    readings are memoised by it.
    """

    shown: str
    joined: str
    #: A Russian reading of a Belarusian name's surname (belarusian.name_word_reading).
    belarusian: bool = False


@lru_cache(maxsize=MEMO_LARGE)
def stem_gender(token: str) -> tuple[str, str | None]:
    """Stem and gender of a surname as written (``knowledge.surname_gender``)."""
    return knowledge.surname_gender(token)


def surname_option(parts: tuple[NamePart, ...]) -> SurnameReading:
    """The surname reading of ``parts`` (a surname with its particles, or more)."""
    if len(parts) == 1:  # the usual case
        shown = parts[0].text
        return SurnameReading(shown, shown.replace("-", ""))
    core = [p.text for p in parts if p.role != "particle"] or [p.text for p in parts]
    return SurnameReading(" ".join(p.text for p in parts), "".join(core).replace("-", ""))


class Features:
    """What comparison needs of one parsed name, computed once.

    The parts only some pairs need (the gender evidence, the swapped reading
    and skeleton keys) are computed on first use: most candidate pairs stop
    at the surname.
    """

    __slots__ = (
        "_gender",
        "_keys",
        "_seen",
        "_swap_keys",
        "_swapped",
        "compound",
        "given",
        "given_ids",
        "joined_given",
        "maiden",
        "middle_ids",
        "middles",
        "name",
        "patronymic",
        "pieces",
        "surname_text",
        "surnames",
        "swap_given",
    )

    def __init__(
        self,
        name: ParsedName,
        given: tuple[NamePart, ...],
        surnames: tuple[SurnameReading, ...],
        middles: tuple[NamePart, ...],
        patronymic: NamePart | None,
        surname_text: str,
        swap_given: NamePart | None,
    ) -> None:
        self.name = name
        self.given = given
        # (text, is_initial) of each given name: the key of its verdicts.
        self.given_ids: tuple[GivenId, ...] = tuple([(p.text, p.role == "initial") for p in given])
        self.surnames = surnames
        self.patronymic = patronymic
        # Middle names and initials after the given name, in order.
        self.middles = middles
        self.middle_ids: tuple[GivenId, ...] = tuple(
            [(p.text, p.role == "initial") for p in middles]
        )
        # The given name and the first middle name as one (an East Asian given
        # name written syllable by syllable: Kim Yong Chol ~ Kim Yong-chol).
        self.joined_given: tuple[str, str] | None = None
        if given and given[0].role != "initial" and middles and middles[0].role != "initial":
            self.joined_given = (
                given[0].text + middles[0].text,
                f"{given[0].text} {middles[0].text}",
            )
        # The surname parts (not particles) joined, without hyphens.
        self.surname_text = surname_text
        # The given name of a name that may be read the other way round.
        self.swap_given = swap_given
        self.compound, self.pieces, self.maiden = _compound(
            name, surnames, middles, patronymic, surname_text
        )
        self._gender: tuple[str | None, bool] | None = None
        self._keys: frozenset[str] | None = None
        self._swap_keys: frozenset[str] | None = None
        self._swapped: tuple[Features | None] | None = None
        self._seen = False

    def gender(self) -> str | None:
        """The gender the name shows (see :func:`gender_evidence`)."""
        return self._gender_found()[0]

    def _gender_found(self) -> tuple[str | None, bool]:
        if self._gender is None:
            self._gender = gender_evidence(self.name, self.given, self.surname_text)
        return self._gender

    def gender_from_surname(self) -> bool:
        """Whether :meth:`gender` rests on the surname's form alone."""
        return self._gender_found()[1]

    def surname_keys(self) -> frozenset[str]:
        """Skeleton keys of the first surname reading."""
        if self._keys is None:
            self._keys = part_keys(self.surnames[0].joined) if self.surnames else frozenset()
        return self._keys

    def keys_ready(self) -> bool:
        """Whether :meth:`surname_keys` and :meth:`swap_keys` are at hand.

        They are computed when the name comes to a swap check a second time
        (or by ``prepare``): for a name met once they cost more than the
        swapped score they would spare.
        """
        if self._keys is None or self._swap_keys is None:
            if not self._seen:
                self._seen = True
                return False
            self.surname_keys()
            self.swap_keys()
        return True

    def swap_keys(self) -> frozenset[str]:
        """The surname keys of :meth:`swapped` without building it (empty: no swap)."""
        if self._swap_keys is None:
            given = self.swap_given
            # The swapped reading's surname is this given name, alone.
            self._swap_keys = (
                frozenset() if given is None else part_keys(given.text.replace("-", ""))
            )
        return self._swap_keys

    def meets(self, other: Features) -> bool:
        """Whether the given name of a name that may be read the other way round
        meets the surname of ``other`` by skeleton keys."""
        return not self.swap_keys().isdisjoint(other.surname_keys())

    def with_gender(self, gender: str, *, swap: bool = True) -> Features:
        """These features with the gender a record states in place of the one
        the name shows (an explicit gender overrides the name's); so too the
        swapped reading's (when ``swap``)."""
        found = Features.__new__(Features)
        for slot in Features.__slots__:
            setattr(found, slot, getattr(self, slot))
        found._gender = (gender, False)
        if swap:
            swapped = self.swapped()
            found._swapped = (None if swapped is None else swapped.with_gender(gender, swap=False),)
        else:
            found._swapped = (None,)
        return found

    def swapped(self) -> Features | None:
        """The other reading of a two-part name whose order had no marker."""
        if self._swapped is None:
            name = self.name
            found = None
            if self.swap_given is not None:
                parts = tuple(
                    NamePart(p.text, "surname" if p.role == "given" else "given", p.script)
                    for p in name.parts
                )
                found = features(attrs.evolve(name, parts=parts))
            self._swapped = (found,)
        return self._swapped[0]


def _compound(
    name: ParsedName,
    surnames: tuple[SurnameReading, ...],
    middles: tuple[NamePart, ...],
    patronymic: NamePart | None,
    surname_text: str,
) -> tuple[SurnameReading | None, tuple[str, ...], bool]:
    """The compound surname of a name, its parts, and whether one is a maiden name.

    The parts are those of the last hyphenated word of the surname, else of
    the reading that joins the last middle name to it (Maduro Moros: Spanish
    and Portuguese names carry two surnames).
    """
    pieces: tuple[str, ...] = ()
    compound = surnames[0] if surnames else None
    written = [p.text for p in name.parts if p.role == "surname"] if surnames else []
    maiden = [p.text for p in name.parts if p.role == "maiden"] if surnames else []
    if maiden:  # a maiden name is another surname of hers (Trufanova née Petrova)
        pieces = (surname_text, *maiden)
    elif surnames and "-" in surnames[0].shown:
        words = [w for w in surnames[0].shown.split() if "-" in w]
        pieces = tuple(words[-1].split("-"))
    elif len(written) > 1:  # two surnames marked by a comma or capitals (GARCIA LOPEZ, Juan)
        pieces = tuple(written)
    elif len(surnames) > 1 and middles:
        compound = surnames[1]
        pieces = (middles[-1].text, surname_text)
    elif surnames and patronymic is not None:
        # An Arabic filiation and family name: bin Salman Al Saud, whose
        # short form is bin Salman.
        at = name.parts.index(patronymic)
        if at and name.parts[at - 1].role == "particle":
            compound = surname_option(name.parts[at - 1 :])
            pieces = (patronymic.text, surname_text)
    return compound, pieces, bool(maiden)


def gender_evidence(
    name: ParsedName, given: tuple[NamePart, ...], joined: str
) -> tuple[str | None, bool]:
    """The gender a name shows: its given name's, else a feminine surname form
    (or a masculine one written in Cyrillic, which always inflects; Latin and
    Hebrew renderings often drop the feminine -a); and whether it came from
    the surname."""
    for part in given:
        if part.role != "initial" and (found := given_gender(part.text)):
            return found, False
    if not joined:
        return None, False
    _, gender = stem_gender(joined)
    if gender == "f" or (gender == "m" and name.script == "Cyrl"):
        return gender, True
    return None, False


@lru_cache(maxsize=MEMO_LARGE)
def features(name: ParsedName) -> Features:
    """The features of a parsed name (memoised per name)."""
    roles, surname = parts_by_role(name)
    given_role = roles.get("given", [])
    initial_role = roles.get("initial", [])
    middles = roles.get("middle", [])
    given = tuple(given_role[:1] + roles.get("nickname", [])) or tuple(initial_role[:1])
    surnames = _surname_readings(name, surname, middles)
    initials = initial_role if given_role else initial_role[1:]
    between = tuple(p for p in name.parts if p.role == "middle" or p in initials)
    patronymic = roles["patronymic"][0] if "patronymic" in roles else None
    if len(surname) == 1:  # the usual case: the one reading's joined text
        surname_text = surnames[0].joined
    else:
        surname_text = "".join(p.text for p in surname if p.role == "surname").replace("-", "")
    swappable = len(name.parts) == 2 and len(given_role) == 1 and len(roles.get("surname", ())) == 1
    swap_given = given_role[0] if swappable else None
    return Features(name, given, surnames, between, patronymic, surname_text, swap_given)


def _surname_readings(
    name: ParsedName, surname: list[NamePart], middles: list[NamePart]
) -> tuple[SurnameReading, ...]:
    """The readings of a name's surname (its parts with their particles): as
    written; with the last middle name (Sagi Dekel Chen may be the compound
    surname Dekel-Chen); read as Russian, in a plainly Belarusian name."""
    if not surname:
        return ()
    surnames = [surname_option(tuple(surname))]
    if middles:
        surnames.append(surname_option((middles[-1], *surname)))
    if len(surname) == 1 and belarusian_name([p.text for p in name.parts]):
        reading = name_word_reading(surname[0].text)
        if reading is not None:  # Piatrova beside Aliaksandrauna is Petrova
            surnames.append(SurnameReading(surname[0].text, reading.replace("-", ""), True))
    return tuple(surnames)
