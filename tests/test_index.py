"""Index: search a list for one name, ranked as compare scores, without changing it."""

from __future__ import annotations

import hashlib
import io
import json
import random
import threading
import zipfile
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Index, Record, Resolver, cluster, compare, extract, extract_one
from aliaskit._index_file import IndexFileError
from aliaskit._index_search import rank, tie_key
from aliaskit._index_table import _second_meet
from aliaskit.blocking import ANY_GIVEN, BlockIndex, block_keys, given_keys, second_keys
from aliaskit.evaluation import load_gold
from aliaskit.index import _candidates
from aliaskit.parse import ParsedName, parse_name
from tests.conftest import shared_file

SEED = load_gold(Path(__file__).parent / "vectors" / "seed_gold.tsv")
SEED_NAMES = sorted({r.name for r in SEED})
PERSON = {r.name: r.entity_id for r in SEED}


@pytest.fixture(scope="module")
def seed_index() -> Index:
    return Index(SEED_NAMES)


def test_a_query_in_any_script_finds_every_spelling_of_the_seed_person(
    seed_index: Index,
) -> None:
    hits = seed_index.search("Sasha Troufanov", limit=None)
    names = [h.name for h in hits]
    for spelling in ("Alexander Trufanov", "Александр Труфанов", "סשה טרופנוב"):
        assert spelling in names
    sasha = [h for h in hits if PERSON[h.name] == "troufanov_alexander"]
    family = [h for h in hits if PERSON[h.name] in ("troufanov_elena", "trupanov_vitali")]
    assert family, "the family shares the surname: it is found"
    assert min(h.score for h in sasha) > max(h.score for h in family)
    assert all(h.score >= 0.75 for h in sasha)
    assert all(h.score < 0.75 for h in family)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_NAMES))
def test_a_hit_scores_what_compare_scores(query: str) -> None:
    index = Index(SEED_NAMES)
    for hit in index.search(query, limit=None):
        assert hit.score == compare(query, hit.name).score
        assert hit.comparison.score == hit.score


def test_a_record_query_weighs_evidence_as_compare_does() -> None:
    listed = [
        Record("Ivan Petrov", id="p1", birth_date="1.1.1970", countries="RU"),
        Record("Ivan Petrov", id="p2", birth_date="2.2.1980"),
        Record(["Igor STRELKOV", "Igor Vsevolodovich GIRKIN"], id="g"),
    ]
    index = Index(listed)
    query = Record("Иван Петров", birth_date="1970-01-01")
    hits = index.search(query)
    assert [h.record_id for h in hits] == ["p1", "p2"]
    for hit, record in zip(hits, listed, strict=False):
        assert hit.score == compare(query, record).score
    assert hits[0].score > hits[1].score
    alias = index.search("Igor Girkin")[0]
    assert (alias.record_id, alias.name) == ("g", "Igor Vsevolodovich GIRKIN")


@settings(max_examples=15, deadline=None)
@given(st.permutations(SEED_NAMES))
def test_hits_are_the_same_in_any_build_order(names: list[str]) -> None:
    expected = Index(SEED_NAMES).search("Trufanov", limit=None)
    assert Index(names).search("Trufanov", limit=None) == expected


@settings(max_examples=10, deadline=None)
@given(st.integers(1, len(SEED_NAMES) - 1))
def test_an_index_grown_by_add_gives_the_hits_of_one_build(cut: int) -> None:
    grown = Index(SEED_NAMES[:cut])
    grown.add(SEED_NAMES[cut:])
    whole = Index(SEED_NAMES)
    for query in ("Sasha Troufanov", "Putin", "בנימין נתניהו"):
        assert grown.search(query, limit=None) == whole.search(query, limit=None)


def test_search_never_changes_the_index(seed_index: Index) -> None:
    state = seed_index.state
    before = len(seed_index)
    seed_index.search("Someone Never Indexed")
    seed_index.search(Record("Sasha Trupanov", birth_date="1995"))
    assert seed_index.state is state
    assert len(seed_index) == before
    assert "Someone Never Indexed" not in state.name_id


def test_two_threads_searching_at_once_get_the_serial_hits(seed_index: Index) -> None:
    queries = SEED_NAMES * 3
    serial = [seed_index.search(q) for q in queries]
    results: dict[int, list[list[object]]] = defaultdict(list)

    def run(k: int) -> None:
        for q in queries:
            results[k].append(seed_index.search(q))  # type: ignore[arg-type]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[0] == serial
    assert results[1] == serial


def test_search_many_in_workers_equals_search(seed_index: Index) -> None:
    queries = SEED_NAMES * 4  # over PARALLEL_MIN_QUERIES: forked workers
    many = seed_index.search_many(queries, limit=3, workers=2)
    assert many == [seed_index.search(q, limit=3) for q in queries]


def test_limit_and_score_cutoff(seed_index: Index) -> None:
    every = seed_index.search("Alexander Trufanov", limit=None)
    assert seed_index.search("Alexander Trufanov", limit=2) == every[:2]
    cut = seed_index.search("Alexander Trufanov", limit=None, score_cutoff=0.75)
    assert cut == [h for h in every if h.score >= 0.75]
    assert [h.score for h in every] == sorted((h.score for h in every), reverse=True)


@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.5, 0.75, 0.9, 1.0]),
            st.sampled_from(["a", "B", "b", "Ä", "c"]),
            st.sampled_from(["x", "y"]),
        ),
        max_size=30,
    ),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.sampled_from([0.6, 0.9])),
)
def test_rank_equals_a_full_sort_by_score_then_tie_key(
    rows: list[tuple[float, str, str]], limit: int | None, cutoff: float | None
) -> None:
    scored = [(score, key, r, name) for r, (score, key, name) in enumerate(rows)]
    full = sorted(
        (s for s in scored if cutoff is None or s[0] >= cutoff),
        key=lambda s: (-s[0], tie_key(s[1], s[3])),
    )
    # Rows of one score, key and name are interchangeable: compare what a hit shows.
    shown = [(s[0], s[1], s[3]) for s in rank(list(scored), limit, cutoff)]
    assert shown == [(s[0], s[1], s[3]) for s in full][:limit]


def test_candidates_hold_every_clustering_partner_and_equal_a_per_name_filter() -> None:
    # Hundreds of one given name and surname: oversized blocks whose given-name
    # groups are narrowed by patronymics and middle initials.
    rng = random.Random(3)
    given_names = ["Ivan", "Иван", "I.", "Ivan I.", "Iwan", "Vanya", "Ivana", "Igor", "Ilya"]
    second = ["Petrovich", "Петрович", "P.", "Sergeevich", "Sergeyevich", "Сергеевич", "S."]
    second += ["Ivanovich", "Ivanovitch", "", "", "Nikolaevich", "N.", "Олегович", "Olegovich"]
    surnames = ["Ivanov", "Иванов", "Ivanova", "Iwanow", "Ivanoff", "Ivanovs"]
    drawn = [[rng.choice(words) for words in (given_names, second, surnames)] for _ in range(3000)]
    names = sorted({" ".join(w for w in words if w) for words in drawn})
    state = Index(names).state
    blocks = BlockIndex(track_pairs=False)
    blocks.fill((n, parse_name(n)) for n in names)
    for query in names[::5]:
        parsed = parse_name(query)
        found = _candidates(state, parsed)
        assert blocks.partners(query) <= {state.names[i] for i in found}
        query_keys = second_keys(parsed)

        def one_by_one(group: npt.NDArray[np.int32], keys: frozenset[str] = query_keys) -> Any:
            kept = [i for i in group.tolist() if _second_meet(keys, second_keys(state.parsed[i]))]
            return group if ANY_GIVEN in keys else np.array(kept, dtype=np.int32)

        def given_of(p: ParsedName = parsed) -> frozenset[str]:
            return given_keys(p)

        slow = state.table.candidates(block_keys(parsed), given_of, one_by_one).tolist()
        assert slow == found
    assert (state.second.ids >= 0).sum() > 100  # groups were narrowed


def test_bad_queries_and_options_raise(seed_index: Index) -> None:
    with pytest.raises(TypeError, match="query must be a str or a Record"):
        seed_index.search(7)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no letters"):
        seed_index.search("  ")
    with pytest.raises(ValueError, match="looks like text"):
        seed_index.search("Putin met Netanyahu in Moscow on Thursday to talk " * 3)
    with pytest.raises(ValueError, match="limit"):
        seed_index.search("Putin", limit=0)
    with pytest.raises(TypeError, match="limit"):
        seed_index.search("Putin", limit=True)
    with pytest.raises(ValueError, match="threshold"):
        seed_index.search("Putin", score_cutoff=1.5)
    with pytest.raises(TypeError, match=r"items\[1\]"):
        Index(["Putin", 3])  # type: ignore[list-item]


def test_one_id_for_two_records_raises_and_changes_nothing() -> None:
    index = Index([Record("Ivan Petrov", id="x")])
    state = index.state
    with pytest.raises(ValueError, match="record id 'x' is used by two different records"):
        index.add([Record("Oleg Sidorov", id="y"), Record("Petr Ivanov", id="x")])
    assert index.state is state
    index.add([Record("Ivan Petrov", id="x")])  # the same record again: kept once
    assert len(index) == 1


def test_an_index_saved_and_loaded_gives_the_same_hits(tmp_path: Path) -> None:
    items: list[str | Record] = [*SEED_NAMES, Record("Ivan Petrov", id=7, birth_date="1970")]
    index = Index(items)
    path = tmp_path / "seed.akindex"
    index.save(path)
    loaded = Index.load(path)
    assert len(loaded) == len(index)
    for query in ("Sasha Troufanov", "Иван Петров", "נתניהו"):
        assert loaded.search(query, limit=None) == index.search(query, limit=None)
    loaded.add(["Vladimir Putin"])
    assert loaded.search("Putin")[0].name == "Vladimir Putin"
    # What was loaded is still known: adding it again adds nothing.
    held = len(loaded)
    loaded.add([SEED_NAMES[0], Record("Ivan Petrov", id=7, birth_date="1970")])
    assert len(loaded) == held


def _rewritten(path: Path, target: Path, member: str, old: bytes, new: bytes) -> Path:
    """A copy of an index file with ``old`` replaced by ``new`` in one member."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            out.writestr(name, data.replace(old, new) if name == member else data)
    return target


def test_a_corrupt_truncated_or_newer_index_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seed.akindex"
    Index(SEED_NAMES).save(path)
    blob = path.read_bytes()
    truncated = tmp_path / "truncated.akindex"
    truncated.write_bytes(blob[: len(blob) // 2])
    with pytest.raises(IndexFileError, match="not a whole aliaskit index file"):
        Index.load(truncated)
    edited = _rewritten(path, tmp_path / "edited.akindex", "names.json", b"Trufanov", b"Trufanow")
    with pytest.raises(IndexFileError, match="checksum"):
        Index.load(edited)
    newer = _rewritten(
        path, tmp_path / "newer.akindex", "header.json", b'"version":2', b'"version":3'
    )
    with pytest.raises(IndexFileError, match="version 3 is not supported"):
        Index.load(newer)
    with pytest.raises(IndexFileError, match="cannot read"):
        Index.load(tmp_path / "absent.akindex")


def _resigned(path: Path, target: Path, members: Mapping[str, bytes | None], **header: Any) -> Path:
    """A copy of an index file with ``members`` replaced (None: dropped) and
    the header's checksums signed again, as a careless tool would."""
    with zipfile.ZipFile(path) as src:
        data: dict[str, bytes | None] = {name: src.read(name) for name in src.namelist()}
    data.update(members)
    head = json.loads(data.pop("header.json") or b"")
    body = {k: v for k, v in data.items() if v is not None}
    head.update(header, sha256={k: hashlib.sha256(v).hexdigest() for k, v in body.items()})
    with zipfile.ZipFile(target, "w") as out:
        out.writestr("header.json", json.dumps(head))
        for name, blob in body.items():
            out.writestr(name, blob)
    return target


def _npy(array: np.ndarray[Any, Any]) -> bytes:
    out = io.BytesIO()
    np.save(out, array)
    return out.getvalue()


def test_a_version_1_index_file_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "seed.akindex"
    index = Index(SEED_NAMES)
    index.save(path)
    npz = io.BytesIO()
    np.savez(npz, starts=index.state.table.starts, ids=index.state.table.ids)
    old = {"table_starts.npy": None, "table_ids.npy": None, "table.npz": npz.getvalue()}
    loaded = Index.load(_resigned(path, tmp_path / "v1.akindex", old, version=1))
    assert loaded.search("Sasha Troufanov", limit=None) == index.search(
        "Sasha Troufanov", limit=None
    )


def test_a_signed_index_file_with_bad_arrays_or_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seed.akindex"
    index = Index(SEED_NAMES)
    index.save(path)
    ids = index.state.table.ids.copy()
    ids[0] = len(index.state.names)  # no such name
    beyond = _resigned(path, tmp_path / "ids.akindex", {"table_ids.npy": _npy(ids)})
    with pytest.raises(IndexFileError, match="name no stored name"):
        Index.load(beyond)
    floats = {"table_ids.npy": _npy(ids.astype(np.float64))}
    with pytest.raises(IndexFileError, match="wrong kind"):
        Index.load(_resigned(path, tmp_path / "floats.akindex", floats))
    for version in (True, 2.0, 0):
        odd = _resigned(path, tmp_path / "odd.akindex", {}, version=version)
        with pytest.raises(IndexFileError, match="is not supported"):
            Index.load(odd)


def test_resolver_search_gives_one_hit_per_entity_and_never_adds() -> None:
    resolver = Resolver()
    resolver.add_many(SEED_NAMES)
    before = resolver.entities
    hits = resolver.search("Sasha Troufanoff", limit=None)
    ids = [h.entity_id for h in hits]
    assert len(ids) == len(set(ids))
    assert hits[0].entity_id == resolver.entity_of("Alexander Trufanov").id
    assert resolver.entities == before
    assert "Sasha Troufanoff" not in {a for e in resolver.entities for a in e.aliases}


def test_an_index_of_a_resolver_carries_its_entity_ids() -> None:
    items: list[str | Record] = [
        Record("Ivan Petrov", id="a", birth_date="1.1.1970"),
        Record("Ivan Petrov", id="b", birth_date="2.2.1980"),
        "Sasha Trupanov",
    ]
    resolver = Resolver()
    resolver.add_many(items)
    index = Index.from_resolver(resolver)
    of_record = {k: e.id for e in cluster(items) for k in e.records}
    for hit in index.search("Ivan Petrov", limit=None):
        assert hit.entity_id == of_record[str(hit.record_id)]
    assert index.search("Sasha Trupanov")[0].entity_id == of_record["Sasha Trupanov"]


def test_extract_is_shaped_like_rapidfuzz() -> None:
    choices = ["Elena Troufanov", None, float("nan"), "Александр Труфанов", "Sasha Trupanov"]
    found = extract("Sasha Troufanov", choices, limit=None)
    assert [index for _, _, index in found] == [3, 4, 0]
    assert all(isinstance(score, float) and 0 <= score <= 1 for _, score, _ in found)
    best = extract_one("Sasha Troufanov", {"x": "Vitali Trupanov", "y": "Alexander Trufanov"})
    assert best is not None
    assert best[2] == "y"
    assert extract_one("Sasha Troufanov", ["Vitali Trupanov"], score_cutoff=0.9) is None
    tied = extract("Ivan Petrov", ["Ivan Petrov", "Ivan Petrov"])
    assert [i for _, _, i in tied] == [0, 1]
    with pytest.raises(TypeError, match="not one name"):
        extract("Ivan Petrov", "Ivan Petrov")


def test_dev_recall_at_10_and_mrr_reach_the_targets() -> None:
    """Each dev name finds another name of its person in its top 10 (itself aside)."""
    rows = load_gold(shared_file("dev_persons.tsv"))
    person = {r.name: r.entity_id for r in rows}
    names = sorted(person)
    index = Index(names)
    by_person: dict[str, set[str]] = defaultdict(set)
    for name in names:
        by_person[person[name]].add(name)
    queries = [n for n in names if len(by_person[person[n]]) > 1]
    found = reciprocal = 0.0
    for query, hits in zip(queries, index.search_many(queries, limit=11), strict=True):
        ranked = [h.name for h in hits if h.name != query][:10]
        same = [k for k, name in enumerate(ranked) if person[name] == person[query]]
        if same:
            found += 1
            reciprocal += 1 / (same[0] + 1)
    assert found / len(queries) >= 0.98
    assert reciprocal / len(queries) >= 0.95


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_query_gives_hits_or_a_clear_error_and_changes_nothing(query: str) -> None:
    index = _SHARED
    state = index.state
    message = ""
    try:
        hits = index.search(query, limit=5)
    except ValueError as err:
        message, hits = str(err), []
    assert not message or "query" in message
    assert all(0.0 <= h.score <= 1.0 for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)
    assert index.state is state


_SHARED = Index(SEED_NAMES)


def test_an_index_parsed_in_workers_equals_one_parsed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    here = Index(SEED_NAMES, workers=1)
    monkeypatch.setattr("aliaskit._index_names.PARALLEL_MIN_NAMES", 10)
    monkeypatch.setattr("aliaskit._index_names.CHUNK", 7)
    forked = Index(SEED_NAMES, workers=2)
    assert forked.state.parsed.built == [None] * len(SEED_NAMES)  # built when read
    assert forked.state.table.keys == here.state.table.keys
    assert forked.state.table.ids.tolist() == here.state.table.ids.tolist()
    for query in ("Sasha Troufanov", "Netanyahu", "Berel Lazar"):
        assert forked.search(query, limit=None) == here.search(query, limit=None)


def test_a_warm_index_gives_the_hits_of_a_cold_one() -> None:
    cold = Index(SEED_NAMES)
    warm = Index(SEED_NAMES)
    warm.warm()
    for query in ("Sasha Troufanov", "בנימין נתניהו", "Lazar"):
        assert warm.search(query, limit=None) == cold.search(query, limit=None)


def test_second_key_numbers_read_by_many_threads_name_one_set_each() -> None:
    names = [f"Ivan {p} Ivanov" for p in ("Petrovich", "P.", "Sergeevich", "S.", "Olegovich")] * 40
    names += [f"Ivan {chr(65 + k)}. {chr(66 + k)}. Ivanov" for k in range(20)]
    state = Index(sorted(set(names))).state
    ids = np.arange(len(state.names), dtype=np.int32)
    barrier = threading.Barrier(4)

    def read(part: npt.NDArray[np.int32]) -> None:
        barrier.wait()
        for i in part.tolist():
            state.second.of(np.array([i], dtype=np.int32))

    threads = [threading.Thread(target=read, args=(ids[k::4],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    second = state.second
    assert len(second.sets) == len(set(second.sets))
    for i in ids.tolist():
        assert second.sets[second.ids[i]] == second_keys(state.parsed[i])
