"""Block keys of whole names: which names meet for comparison."""

from __future__ import annotations

import pytest

from aliaskit import _block_keys
from aliaskit.blocking import BlockIndex, block_keys
from aliaskit.parse import parse_name


def _meet(a: str, b: str) -> bool:
    return bool(block_keys(parse_name(a)) & block_keys(parse_name(b)))


def test_names_meet_whatever_order_their_parts_are_read_in() -> None:
    """A name whose given name was read as its surname still meets its other spellings."""
    assert _meet("Wesley Snipes", "סנייפס ווסלי")
    assert _meet("Marion Vernon", "ורנון מריון")


def test_order_free_keys_need_three_classes() -> None:
    """Two one-consonant parts are too common to block on: Ma Jian and Mo Yan stay apart."""
    assert not _meet("Ma Jian", "מו יאן")


def test_hyphenated_given_names_meet_part_by_part() -> None:
    """Jean-Pierre meets ז'אן-פייר through its two halves, even when the surnames differ."""
    assert _meet("Jean-Pierre Rampal", "ז'אן-פייר רמפאל")
    assert any(k.startswith("W:") for k in block_keys(parse_name("Jean-Pierre Leaud")))


def test_a_particle_written_apart_meets_its_fused_spelling() -> None:
    """Ben Aroya meets Benaroya, El Abed meets Elabed."""
    assert _meet("Moshe Benaroya", "משה בן ארויה")
    assert _meet("Karim Elabed", "כרים אל עבד")


def test_candidate_pairs_do_not_depend_on_insertion_order() -> None:
    """The index yields the same pairs in any order of names."""
    names = ["Wesley Snipes", "סנייפס ווסלי", "Ma Jian", "מו יאן", "Mo Yan", "Jean-Pierre Rampal"]
    forward, backward = BlockIndex(), BlockIndex()
    for n in names:
        forward.add(n, parse_name(n))
    for n in reversed(names):
        backward.add(n, parse_name(n))
    assert forward.pairs() == backward.pairs()


def _crowded_pairs(extra: list[str]) -> set[tuple[str, str]]:
    """Pairs of ``extra`` in an oversized block (surname Gal, 30 other given names)."""
    filler = [f"{g} Gal" for g in ("Dan", "Noam", "Tal", "Roni", "Shira", "Yael", "Boaz", "Ofer")]
    filler += [f"{g} Gal" for g in ("Amir", "Eitan", "Lior", "Maya", "Nir", "Oren", "Ronit")]
    filler += [f"{g} Gal" for g in ("Sivan", "Tamar", "Yoav", "Zohar", "Hila", "Idan", "Keren")]
    filler += [f"{g} Gal" for g in ("Merav", "Nadav", "Omri", "Paz", "Ruth", "Sagi", "Tomer")]
    index = BlockIndex()
    for n in filler + extra:
        index.add(n, parse_name(n))
    return {p for p in index.pairs() if p[0] in extra and p[1] in extra}


def test_different_given_names_stay_apart_in_an_oversized_block() -> None:
    """Given names two or more consonants apart are split: Boris and Mikhail."""
    assert not _crowded_pairs(["Boris Gal", "Mikhail Gal"])


def test_near_surnames_need_the_same_given_name() -> None:
    """Near keys are anchored on a whole given-name key or curated group."""
    assert _meet("Aleksandr Karlfeldt", "Aleksandr Karfeldt")
    assert _meet("Sasha Karlfeldt", "Aleksandr Karfeldt")  # one curated group
    assert not _meet("Aleksandr Karlfeldt", "Aleksei Karfeldt")  # LKSNDR and LKS


def test_given_names_that_begin_alike_meet_in_an_oversized_block() -> None:
    """A truncated given name meets its full form: Riz and Rizwan, Mike and Michael."""
    assert _crowded_pairs(["Rizwan Gal", "Riz Gal"])
    assert _crowded_pairs(["Michael Gal", "מייק גל"])


def test_short_surnames_one_consonant_apart_meet_under_one_given_name() -> None:
    """Short surname keys (TLN, KPS) drop a class too, and only when the given names agree."""
    assert _meet("Lukas Ettlin", "לוקס אטין")  # TLN and TN
    assert _meet("Christine Jeffs", "Christine Jeff")  # KPS and KP
    assert not _meet("Lukas Ettlin", "Peter Etin")


def test_an_oversized_near_key_block_yields_no_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its names share a given name already, so given-name keys cannot split it."""
    names = ["Boris Karlfeldt", "Boris Karfeldt", "Boris Karmfeldt", "Boris Karnfeldt"]
    assert _meet(names[0], names[1])
    monkeypatch.setattr(_block_keys, "MAX_BLOCK", 2)
    monkeypatch.setattr(_block_keys, "MAX_SHORT_BLOCK", 2)
    tracked, untracked = BlockIndex(), BlockIndex(track_pairs=False)
    for n in names:
        tracked.add(n, parse_name(n))
    found, _ = untracked.add_many((n, parse_name(n)) for n in names)
    assert ("Boris Karfeldt", "Boris Karlfeldt") not in found
    assert tracked.pairs() == found
