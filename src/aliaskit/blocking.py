"""Blocking: which names meet for comparison.

Every name gets surname keys: the cross-script skeleton keys
(:mod:`aliaskit.keys`) of its joined surname (and of the last middle name
joined to it, for compound surnames written with a space, and of each part
of a hyphenated surname, and of the surname with its particles, for a
particle written fused: Ben Aroya and Benaroya, and of a father's name after
a particle: bin Salman Al Saud and bin Salman), keyed through
its Latin forms for Cyrillic and directly for Hebrew. A name without a surname part is keyed
by its given name. Two names are candidates when they share a key.

Surnames one consonant apart (a dropped or changed letter: Karlfeldt and
קרלפלט, Shevtsov and Shautsou, Ettlin and אטין, Jeffs and ג'ף) also meet
when their given names agree, through *near keys*: the surname key with
each one of its classes deleted (for keys of :data:`NEAR_MIN` classes or
more, from the :data:`MAX_NEAR_SOURCES` shortest keys of the surname),
anchored on a whole skeleton key or a curated group of the given name, so
that these blocks stay small; a near-key block that still outgrows its
limit yields no pairs (its names share a given name, and one class of
surname apart is too loose a tie among so many). (Anchors on the first two classes of the
given name, so that Aleksandr Karlfeldt met Aleksei Karfeldt, found one
more true pair on the dev set, Dennis and Daniel Gansel, for 50% more
candidate pairs at 100,000 mentions.)

Names whose parts were given other roles (recorded surname first, or a
given name taken for the surname) meet through *order-free pair keys*: the
keys of two of their full name parts (hyphenated parts split), in either
order, with :data:`PAIR_MIN` classes or more together.

A block with more than :data:`MAX_BLOCK` names (a common surname), or more
than :data:`MAX_SHORT_BLOCK` for a short key, is split by given-name keys
(:func:`given_keys`): the skeleton keys of the given name, their first two
classes (so that a truncated form meets its full name: Riz and Rizwan) and
its curated equivalence groups (so that Sasha still meets Alexander). An initial-only
name meets every given name it can stand for, and a name without a given
part meets every member of its block (:func:`meets`). Within such a block, a
group of more than :data:`MAX_GIVEN_GROUP` names met through one given-name
key or initial (a common surname with a common given name) pairs only names
whose patronymic and middle names meet too (:func:`second_keys`), so that it
grows with the number of people, not its square. Blocks are indexed
incrementally, and the set of candidate pairs depends only on the set of
names, never on their order.

The keys live in :mod:`aliaskit._block_keys`, the pairs of an oversized block
in :mod:`aliaskit._split` and the index in :mod:`aliaskit._block_index`; this
module is their public face.
"""

from __future__ import annotations

from aliaskit._block_index import BlockIndex
from aliaskit._block_keys import (
    ANY_GIVEN,
    INITIAL_ONLY,
    MAX_BLOCK,
    MAX_GIVEN_GROUP,
    MAX_NEAR_SOURCES,
    MAX_SHORT_BLOCK,
    MEETS_ONLY,
    NEAR_PREFIX,
    PAIR_MIN,
    block_keys,
    block_limit,
    given_keys,
    meets,
    partners,
    second_keys,
)

__all__ = [
    "ANY_GIVEN",
    "INITIAL_ONLY",
    "MAX_BLOCK",
    "MAX_GIVEN_GROUP",
    "MAX_NEAR_SOURCES",
    "MAX_SHORT_BLOCK",
    "MEETS_ONLY",
    "NEAR_PREFIX",
    "PAIR_MIN",
    "BlockIndex",
    "block_keys",
    "block_limit",
    "given_keys",
    "meets",
    "partners",
    "second_keys",
]
