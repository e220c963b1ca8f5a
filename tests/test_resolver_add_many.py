"""Resolver.add_many: the entities it returns, and the progress it reports by stage."""

from __future__ import annotations

import pytest

from aliaskit import Record, Resolver
from aliaskit._block_index import BlockIndex
from aliaskit._block_keys import block_keys
from aliaskit._edges import ordered_pair
from aliaskit._progress import REPORTS, STAGES
from aliaskit.entity import Entity
from aliaskit.parse import parse_name
from tests.conftest import load_vectors

SEED = [r["name"] for r in load_vectors("seed_gold.tsv")]
FAMILY = ["Alexander Trufanov", "Sasha Troufanov", "Elena Troufanov", "Yelena Trufanova"]

Call = tuple[str, int, int | None]


def _order(entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (e.canonical, e.id))


def _recorded(resolver: Resolver, names: list[str] | list[Record]) -> list[Call]:
    calls: list[Call] = []

    def hear(stage: str, done: int, total: int | None) -> None:
        calls.append((stage, done, total))

    resolver.add_many(names, progress=hear)
    return calls


def _by_stage(calls: list[Call]) -> dict[str, list[Call]]:
    found: dict[str, list[Call]] = {}
    for call in calls:
        found.setdefault(call[0], []).append(call)
    return found


# -- what add_many returns -------------------------------------------------------


def test_add_many_returns_the_entity_of_each_added_name_once_in_entities_order() -> None:
    resolver = Resolver()
    names = [*FAMILY, "Alexander Trufanov", "  ", "Vitali Trupanov"]
    added = resolver.add_many(names)
    expected = {resolver.entity_of(n).id: resolver.entity_of(n) for n in names if n.strip()}
    assert added == _order(list(expected.values()))
    assert added == resolver.entities  # a fresh Resolver: every entity is touched


def test_add_many_returns_the_entities_of_known_names_but_not_of_skipped_ones() -> None:
    resolver = Resolver()
    resolver.add_many(SEED)
    added = resolver.add_many(["Sasha Troufanov", "!!", "Alexandra Trufanova"])
    assert added == _order(
        [resolver.entity_of("Sasha Troufanov"), resolver.entity_of("Alexandra Trufanova")]
    )
    assert [s.value for s in resolver.skipped] == ["!!"]
    assert resolver.add_many([]) == []
    assert resolver.add_many(["..."]) == []


def test_add_many_returns_the_entities_as_they_stand_after_the_batch() -> None:
    """A later name that joins an entity is in the entity returned."""
    resolver = Resolver()
    first = resolver.add_many(["Alexander Trufanov"])
    second = resolver.add_many(["Sasha Troufanov"])
    assert first[0].aliases == ("Alexander Trufanov",)
    assert second[0].aliases == ("Alexander Trufanov", "Sasha Troufanov")
    assert second == [resolver.entity_of("Alexander Trufanov")]


def test_add_many_of_records_returns_the_entity_of_each_record() -> None:
    resolver = Resolver()
    records = [
        Record("Alexander Trufanov", id="p1", birth_date="1970"),
        Record(["Sasha Troufanov", "Александр Труфанов"], id="p2", birth_date="1970"),
        Record("Alexander Trufanov", id="p3", birth_date="1999"),
    ]
    added = resolver.add_many([*records, "  "])
    expected = {resolver.entity_of(k).id: resolver.entity_of(k) for k in ("p1", "p2", "p3")}
    assert added == _order(list(expected.values()))
    assert len(added) == 2  # one birth date apart from the other two
    assert [s.value for s in resolver.skipped] == ["  "]


# -- progress --------------------------------------------------------------------


def test_add_many_reports_every_stage_in_order_ending_done() -> None:
    calls = _recorded(Resolver(), SEED)
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == list(STAGES)
    for stage, heard in _by_stage(calls).items():
        dones = [done for _, done, _ in heard]
        assert dones == sorted(dones), stage
        assert heard[0][1] == 0, stage
        assert heard[-1][1] == heard[-1][2], stage  # it ends with done == total
        assert all(total in (None, heard[-1][2]) for _, _, total in heard), stage


def test_progress_counts_names_blocks_and_pairs() -> None:
    """Preparing counts the names given (repeats and empties too), blocking the
    blocks of the new names, scoring the candidate pairs and those of one
    normalised form, clustering the names re-clustered."""
    names = [*SEED, SEED[0], "  "]
    ends = {stage: heard[-1][2] for stage, heard in _by_stage(_recorded(Resolver(), names)).items()}
    distinct = list(dict.fromkeys(n for n in names if n.strip()))
    parsed = {n: parse_name(n) for n in distinct}
    blocks = {key for n in distinct for key in block_keys(parsed[n])}
    pairs, _ = BlockIndex().add_many(parsed.items())
    same_form = {
        ordered_pair(a, b)
        for a in distinct
        for b in distinct
        if a != b and parsed[a].normalized == parsed[b].normalized
    }
    assert ends == {
        "preparing names": len(names),
        "blocking": len(blocks),
        "scoring": len(set(pairs) | same_form),
        "clustering": len(distinct),
    }


def test_progress_is_reported_a_bounded_number_of_times_per_stage() -> None:
    names = [f"{given} {surname}" for given in SEED[:40] for surname in ("Cohen", "Levi", "Ivanov")]
    for stage, heard in _by_stage(_recorded(Resolver(), names)).items():
        assert len(heard) <= REPORTS + 2, stage


def test_progress_changes_no_result() -> None:
    plain, heard = Resolver(), Resolver()
    plain.add_many(SEED)
    _recorded(heard, SEED)
    assert heard.entities == plain.entities


def test_a_second_batch_reports_the_blocks_it_touches_before_and_after() -> None:
    """A block that held names already is paired before and after: it counts twice."""
    resolver = Resolver()
    resolver.add_many(["Alexander Trufanov"])
    ends = {s: h[-1][2] for s, h in _by_stage(_recorded(resolver, ["Sasha Troufanov"])).items()}
    mine = block_keys(parse_name("Sasha Troufanov"))
    theirs = block_keys(parse_name("Alexander Trufanov"))
    assert ends["blocking"] == len(mine) + len(mine & theirs)
    assert ends["preparing names"] == 1


def test_records_report_the_same_stages() -> None:
    calls = _recorded(Resolver(), [Record("Alexander Trufanov", id="a"), Record("Sasha Troufanov")])
    assert list(dict.fromkeys(stage for stage, _, _ in calls)) == list(STAGES)


def test_progress_must_be_callable() -> None:
    resolver = Resolver()
    with pytest.raises(TypeError, match="progress must be callable"):
        resolver.add_many(FAMILY, progress=3)  # type: ignore[arg-type]
    assert len(resolver) == 0
