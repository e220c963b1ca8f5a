"""The workload's mentions as records with evidence, as real records carry it.

Each person of :mod:`benchmarks.workload` (either shape) gets a birth date
and one or two countries, drawn once from their entity id. Each mention
becomes an :class:`aliaskit.Record` with its position as id and, as lists and
news pipelines give them:

* a birth date on :data:`DATED` of the mentions, printed in one of the
  usual ways (``27.12.1977``, ``1977-12-27``, ``27 December 1977``); of
  those, :data:`YEAR_ONLY` give the year alone and :data:`OFF_BY_ONE` a
  year off by one (the registry error), the day and month right;
* countries on :data:`WITH_COUNTRIES` of the mentions: the person's, or one
  of them when they have two.

Usage: ``python -m benchmarks.evidence --mentions 1000 --shape distinct``
prints a few records.
"""

from __future__ import annotations

import argparse
import datetime
import random

from aliaskit import Record
from benchmarks.workload import SHAPES, generate

__all__ = ["records"]

#: The share of mentions with a birth date, and of those, with the year alone
#: or a year off by one.
DATED = 0.85
YEAR_ONLY = 0.10
OFF_BY_ONE = 0.02
#: The share of mentions with countries, and of people with two of them.
WITH_COUNTRIES = 0.5
TWO_COUNTRIES = 0.2
#: Where people of the workload hold citizenship, with weights.
COUNTRIES = (("RU", 50), ("UA", 15), ("BY", 8), ("IL", 8), ("KZ", 5), ("US", 4), ("DE", 4),
             ("LV", 2), ("GE", 2), ("MD", 2))  # fmt: skip
FIRST_YEAR, LAST_YEAR = 1930, 2005


def _person(entity_id: str, seed: int) -> tuple[datetime.date, tuple[str, ...]]:
    """A person's birth date and countries, drawn from their id alone."""
    rng = random.Random(f"evidence:{seed}:{entity_id}")
    first = datetime.date(FIRST_YEAR, 1, 1).toordinal()
    last = datetime.date(LAST_YEAR, 12, 31).toordinal()
    born = datetime.date.fromordinal(rng.randint(first, last))
    codes = [c for c, _ in COUNTRIES]
    weights = [w for _, w in COUNTRIES]
    countries = [rng.choices(codes, weights)[0]]
    if rng.random() < TWO_COUNTRIES:
        other = rng.choices(codes, weights)[0]
        if other != countries[0]:
            countries.append(other)
    return born, tuple(countries)


def _printed(rng: random.Random, born: datetime.date) -> str | None:
    if rng.random() >= DATED:
        return None
    draw = rng.random()
    if draw < YEAR_ONLY:
        return str(born.year)
    if draw < YEAR_ONLY + OFF_BY_ONE and not (born.month == 2 and born.day == 29):
        born = born.replace(year=born.year + rng.choice((-1, 1)))
    style = rng.random()
    if style < 0.6:
        return f"{born.day}.{born.month}.{born.year}"
    if style < 0.85:
        return born.isoformat()
    return f"{born.day} {born.strftime('%B')} {born.year}"


def records(n_mentions: int, seed: int = 0, shape: str = "family") -> list[tuple[str, Record]]:
    """``n_mentions`` (entity_id, Record) of ``shape``: the mentions of
    :func:`benchmarks.workload.generate` in the same order, with evidence.

    >>> found = records(200, shape="distinct")
    >>> [r.id for _, r in found[:3]]
    ['0', '1', '2']
    >>> sum(r.birth_date is not None for _, r in found) > 150
    True
    """
    rng = random.Random(f"mentions-evidence:{seed}:{shape}")
    out = []
    for position, (entity_id, name) in enumerate(generate(n_mentions, seed, shape)):
        born, countries = _person(entity_id, seed)
        printed = _printed(rng, born)
        shown: tuple[str, ...] = ()
        if rng.random() < WITH_COUNTRIES:
            shown = (
                countries if len(countries) == 1 or rng.random() < 0.5 else (rng.choice(countries),)
            )
        out.append((entity_id, Record(name, id=str(position), birth_date=printed, countries=shown)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mentions", type=int, default=20)
    parser.add_argument("--shape", choices=SHAPES, default="family")
    args = parser.parse_args(argv)
    for entity_id, record in records(args.mentions, shape=args.shape):
        date = "" if record.birth_date is None else str(record.birth_date)
        print(entity_id, record.name, date, ",".join(sorted(record.countries)), sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
