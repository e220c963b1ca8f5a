"""The explanation of a comparison, built from the reading the ladder traced."""

from __future__ import annotations

from aliaskit.compare._ladder import Reading
from aliaskit.compare._result import AlignedPart, Explanation
from aliaskit.parse import ParsedName


def aligned_parts(reading: Reading) -> tuple[AlignedPart, ...]:
    """The parts the ladder weighed, as shown: given name, patronymic, surname."""
    parts: list[AlignedPart] = []
    given = reading.given
    if given is not None:
        parts.append(AlignedPart("given", given.a, given.b, given.score, given.rule, given.detail))
    patronymic = reading.patronymic
    pa, pb = reading.a.patronymic, reading.b.patronymic
    if patronymic is not None and pa is not None and pb is not None:
        parts.append(
            AlignedPart(
                "patronymic", pa.text, pb.text, patronymic.score, patronymic.rule, patronymic.detail
            )
        )
    surname = reading.surname
    if surname is not None:
        parts.append(
            AlignedPart(
                "surname", surname.a, surname.b, surname.score, surname.rule, surname.detail
            )
        )
    return tuple(parts)


def explain(reading: Reading, first: ParsedName, second: ParsedName, flip: bool) -> Explanation:
    """The explanation of ``reading`` of ``first`` and ``second`` (sides exchanged if ``flip``)."""
    parts = aligned_parts(reading)
    used = {t for p in parts for t in (p.a or "", p.b or "") for t in t.split()}
    found = Explanation(
        parts=parts,
        unmatched_a=_leftovers(first, used),
        unmatched_b=_leftovers(second, used),
        conflicts=reading.conflicts,
        order=reading.order,
    )
    return found.swapped() if flip else found


def _leftovers(name: ParsedName, used: set[str]) -> tuple[str, ...]:
    return tuple(p.text for p in name.parts if p.text not in used and p.role != "particle")
