"""`aliaskit annotate-text` and `aliaskit cluster --text`, run end to end in a subprocess."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from aliaskit.cli.text import COLUMNS
from tests.test_cli import fails, jsonl, ok, run, write
from tests.test_text_names import SEEDS

#: Two short articles, written by the aliaskit project.
ONE = (
    "Russian President Vladimir Putin met Alexander Trufanov and his mother "
    "Elena Trufanova.\nTrufanov thanked Putin.\n"
)
TWO = "Putin's spokesman said Sasha Trufanov was freed.\n"


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    return [write(tmp_path / "one.txt", ONE), write(tmp_path / "two.txt", TWO)]


def test_annotate_text_gives_every_mention_with_its_entity(articles: list[Path]) -> None:
    out, err = ok("annotate-text", *articles, "--format", "jsonl")
    rows = jsonl(out)
    assert [list(r) for r in rows] == [COLUMNS] * len(rows)
    texts = {str(p): p.read_text("utf-8") for p in articles}
    for r in rows:
        assert texts[r["file"]][r["start"] : r["end"]] == r["surface"]
    first = rows[0]
    assert (first["name"], first["roles"]) == ("Vladimir Putin", ["Russian President"])
    by_surface = {(Path(r["file"]).name, r["surface"]): r for r in rows}
    assert by_surface[("one.txt", "Trufanov")]["canonical"] == "Alexander Trufanov"
    sasha = by_surface[("two.txt", "Sasha Trufanov")]["entity_id"]
    assert sasha == by_surface[("one.txt", "Alexander Trufanov")]["entity_id"]
    assert by_surface[("two.txt", "Putin's")]["name"] == "Putin"
    assert "2 files: " in err


def test_annotate_text_writes_tsv_when_piped_and_csv_or_a_table_when_asked(
    articles: list[Path],
) -> None:
    tsv, _ = ok("annotate-text", *articles)
    assert tsv.splitlines()[0].split("\t") == COLUMNS
    assert "Russian President" in tsv.splitlines()[1].split("\t")
    rows = list(csv.reader(io.StringIO(ok("annotate-text", *articles, "--format", "csv")[0])))
    assert rows[0] == COLUMNS
    assert len(rows) == len(tsv.splitlines())
    table, _ = ok("annotate-text", *articles, "--format", "table")
    assert table.splitlines()[0].split() == COLUMNS


def test_cluster_text_gives_the_people_of_the_articles(articles: list[Path]) -> None:
    out, _ = ok("cluster", "--text", *articles, "--format", "jsonl")
    canonical = sorted(r["canonical"] for r in jsonl(out))
    assert canonical == ["Alexander Trufanov", "Elena Trufanova", "Vladimir Putin"]


def test_text_files_in_another_encoding_are_read_with_encoding(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Владимир Путин встретился с Сашей.\n".encode("cp1251"))
    err = fails(1, "annotate-text", path)
    assert f"{path}:1: invalid UTF-8" in err
    assert "try --encoding cp1251" in err
    assert "Traceback" not in err
    out, _ = ok("annotate-text", path, "--encoding", "cp1251", "--format", "jsonl")
    assert jsonl(out)[0]["surface"] == "Владимир Путин"


def test_a_missing_file_or_a_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    calls: list[list[str | Path]] = [
        ["annotate-text", tmp_path / "none.txt"],
        ["cluster", "--text", tmp_path],
    ]
    for args in calls:
        err = fails(1, *args)
        assert len(err.strip().splitlines()) == 1
        assert err.startswith("aliaskit: error: ")


def test_cluster_text_with_a_list_or_annotate_is_an_error(articles: list[Path]) -> None:
    assert "not both" in fails(1, "cluster", articles[0], "--text", articles[1])
    assert "annotate-text" in fails(1, "cluster", "--text", articles[0], "--annotate")


def test_annotate_text_reads_stdin() -> None:
    result = run("annotate-text", "-", "--format", "jsonl", stdin=TWO.encode())
    assert result.returncode == 0
    assert [r["file"] for r in jsonl(result.stdout.decode())] == ["<stdin>", "<stdin>"]


def test_a_text_without_names_writes_only_the_header(tmp_path: Path) -> None:
    out, err = ok("annotate-text", write(tmp_path / "empty.txt", "the end.\n"))
    assert out.splitlines() == ["\t".join(COLUMNS)]
    assert "0 mentions" in err


def test_cluster_text_gives_each_seed_person_one_entity() -> None:
    if not SEEDS.is_dir():
        pytest.skip("the seed articles (../shared/seeds) are absent")
    out, _ = ok("cluster", "--text", *sorted(SEEDS.glob("*.txt")), "--format", "jsonl")
    entities = jsonl(out)
    canonical = [e["canonical"] for e in entities]
    for person in ("Vladimir Putin", "Benjamin Netanyahu", "Mikhail Bogdanov"):
        assert canonical.count(person) == 1
    family = [e for e in entities if any("rufanov" in a or "Trupanov" in a for a in e["aliases"])]
    # Canonical names take the spelling most mentions use (Trufanov: the
    # articles write his name in full that way most often).
    assert sorted(e["canonical"] for e in family) == [
        "Alexander Trufanov",
        "Elena Troufanov",
        "Vitali Trupanov",
    ]
