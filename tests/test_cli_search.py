"""`aliaskit search` and `aliaskit index build`, run end to end in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import fails, ok, write

LIST = "id,name,birth_date\n1,Alexander Trufanov,3.5.1995\n2,Elena Troufanov,\n3,Vitali Trupanov,\n"


def test_a_built_index_finds_the_person_in_another_script(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.csv", LIST)
    index = tmp_path / "list.akindex"
    _, err = ok("index", "build", listed, "-o", index)
    assert "3 records" in err
    out, _ = ok("search", index, "סשה טרופנוב", "--format", "jsonl")
    hits = [json.loads(line) for line in out.splitlines()]
    assert hits[0]["name"] == "Alexander Trufanov"
    assert hits[0]["record_id"] == "1"
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert hits[0]["score"] > max(h["score"] for h in hits[1:])


def test_search_reads_a_list_and_weighs_the_query_evidence(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.csv", LIST)
    out, _ = ok("search", listed, "Sasha Troufanov", "--birth-date", "1995-05-03", "--explain")
    first = out.splitlines()[0]
    assert "Alexander Trufanov  [1]" in first
    assert "birth date" in out


def test_search_refuses_a_bad_query_or_a_corrupt_index(tmp_path: Path) -> None:
    listed = write(tmp_path / "list.txt", "Vladimir Putin\n")
    assert "no letters" in fails(1, "search", listed, "...")
    text = "Putin met Netanyahu in Moscow on Thursday to talk about the hostages and more"
    assert "looks like text" in fails(1, "search", listed, text)
    broken = tmp_path / "broken.akindex"
    index = tmp_path / "ok.akindex"
    ok("index", "build", listed, "-o", index)
    broken.write_bytes(index.read_bytes()[:-40])
    assert "aliaskit index" in fails(1, "search", broken, "Putin")


def test_a_csv_without_a_name_column_is_read_from_its_full_name_column(tmp_path: Path) -> None:
    """Not from its first column (an id): issue 25's `id,full_name` file."""
    text = "id,full_name\n1,Sasha Trupanov\n2,Alexander Trufanov\n"
    listed = write(tmp_path / "people.csv", text)
    out, _ = ok("cluster", listed, "--format", "jsonl")
    entities = [json.loads(line) for line in out.splitlines()]
    assert [sorted(e["aliases"]) for e in entities] == [["Alexander Trufanov", "Sasha Trupanov"]]
