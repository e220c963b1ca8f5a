"""The aliaskit console script, run end to end in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import aliaskit
from aliaskit.phonetic import ENCODERS
from tests.conftest import shared_file

EXE = shutil.which("aliaskit")
COMMANDS = (
    "cluster",
    "annotate-text",
    "resolve",
    "search",
    "index",
    "compare",
    "translit",
    "readings",
    "keys",
    "schemes",
)
FAMILY = "Sasha Troufanov\nАлександр Труфанов\nElena Troufanov\n"


def run(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script (or python -m aliaskit) with arguments."""
    cmd = [EXE] if EXE else [sys.executable, "-m", "aliaskit"]
    return subprocess.run(
        [*cmd, *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def ok(*args: str | Path, stdin: bytes | None = None) -> tuple[str, str]:
    """Run, assert exit code 0, and return (stdout, stderr) as text."""
    result = run(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode(), result.stderr.decode()


def fails(code: int, *args: str | Path, stdin: bytes | None = None) -> str:
    """Run, assert the exit code, and return stderr as text."""
    result = run(*args, stdin=stdin)
    assert result.returncode == code, (result.stdout.decode(), result.stderr.decode())
    return result.stderr.decode()


def write(path: Path, text: str) -> Path:
    """Write UTF-8 text to a file and return its path."""
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines text."""
    return [json.loads(line) for line in text.splitlines()]


# -- cluster: input ------------------------------------------------------------


def test_cluster_sample_prints_a_table() -> None:
    """`aliaskit cluster --sample` prints a headed table of entities and a summary."""
    out, err = ok("cluster", "--sample")
    assert out.splitlines()[0].split() == ["id", "canonical", "n", "aliases"]
    assert "Alexander" in out
    assert "Труфанов" in out
    assert "entities" in err


def test_cluster_jsonl_has_one_entity_per_line(tmp_path: Path) -> None:
    """JSON Lines output has id, canonical and aliases per entity."""
    out, _ = ok("cluster", write(tmp_path / "names.txt", FAMILY), "--format", "jsonl")
    records = jsonl(out)
    assert sorted(len(r["aliases"]) for r in records) == [1, 2]
    assert all(set(r) == {"id", "canonical", "aliases"} for r in records)


def test_cluster_csv_output_has_one_row_per_alias(tmp_path: Path) -> None:
    """--format csv writes id, canonical, alias rows."""
    out, _ = ok("cluster", write(tmp_path / "names.txt", FAMILY), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "canonical", "alias"]
    assert sorted(r[2] for r in rows[1:]) == sorted(FAMILY.split("\n")[:3])
    assert len({r[0] for r in rows[1:]}) == 2


def test_cluster_reads_stdin() -> None:
    """`-` reads names from standard input, as TXT by default."""
    out, _ = ok("cluster", "-", "--format", "jsonl", stdin="Sapir Cohen\nספיר כהן\n".encode())
    assert len(out.splitlines()) == 1


def test_cluster_reads_stdin_in_another_format() -> None:
    """--input-format applies to stdin."""
    data = '{"name": "Sapir Cohen"}\n{"name": "ספיר כהן"}\n'.encode()
    out, _ = ok("cluster", "-", "--input-format", "jsonl", "--format", "jsonl", stdin=data)
    assert len(jsonl(out)[0]["aliases"]) == 2


def test_cluster_csv_by_column_name(tmp_path: Path) -> None:
    """A CSV file's name column is chosen with --column."""
    src = write(tmp_path / "p.csv", "id,full_name\n1,Sasha Troufanov\n2,Александр Труфанов\n")
    out, _ = ok("cluster", src, "--column", "full_name", "--format", "jsonl")
    assert [len(r["aliases"]) for r in jsonl(out)] == [2]


def test_cluster_tsv_by_column_index(tmp_path: Path) -> None:
    """A TSV file's column may be a 0-based index."""
    src = write(tmp_path / "p.tsv", "id\twho\n1\tSasha Troufanov\n2\tElena Troufanov\n")
    out, _ = ok("cluster", src, "--column", "1", "--format", "jsonl")
    assert sorted(r["canonical"] for r in jsonl(out)) == ["Elena Troufanov", "Sasha Troufanov"]


def test_cluster_input_format_overrides_the_extension(tmp_path: Path) -> None:
    """--input-format wins over the extension (.ndjson is JSON Lines anyway)."""
    src = write(tmp_path / "p.data", '{"n": "Sasha Troufanov"}\n')
    out, _ = ok("cluster", src, "--input-format", "jsonl", "--column", "n", "--format", "jsonl")
    assert jsonl(out)[0]["aliases"] == ["Sasha Troufanov"]
    nd = write(tmp_path / "p.ndjson", '{"name": "Sasha Troufanov"}\n')
    assert jsonl(ok("cluster", nd, "--format", "jsonl")[0])[0]["aliases"] == ["Sasha Troufanov"]


def test_cluster_threshold_changes_the_result(tmp_path: Path) -> None:
    """A threshold of 1 keeps apart names that the default threshold joins."""
    src = write(tmp_path / "n.txt", "Sasha Trupanov\nסשה טרופנוב\n")
    default, _ = ok("cluster", src, "--format", "jsonl")
    strict, _ = ok("cluster", src, "--format", "jsonl", "--threshold", "1")
    assert (len(default.splitlines()), len(strict.splitlines())) == (1, 2)


def test_cluster_matches_the_library_on_a_large_input(tmp_path: Path) -> None:
    """Streaming in batches gives exactly aliaskit.cluster() on the same names."""
    with open(shared_file("dev_persons.tsv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))[:2500]
    src = tmp_path / "persons.tsv"
    src.write_text("".join(f"{i}\t{r['name']}\n" for i, r in enumerate(rows)), encoding="utf-8")
    out, err = ok("cluster", src, "--no-header", "--column", "1", "--format", "jsonl")
    expected = {(e.id, e.canonical, e.aliases) for e in aliaskit.cluster(r["name"] for r in rows)}
    got = {(r["id"], r["canonical"], tuple(r["aliases"])) for r in jsonl(out)}
    assert got == expected
    assert "2500 rows read" in err


# -- cluster: annotate and output ------------------------------------------------


def test_annotate_csv_adds_entity_columns(tmp_path: Path) -> None:
    """--annotate writes the CSV rows back with entity_id and canonical."""
    src = write(tmp_path / "p.csv", 'id,name\n1,"Troufanov, Sasha"\n2,Александр Труфанов\n3,\n')
    out, _ = ok("cluster", src, "--annotate", "--allow-errors")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "name", "entity_id", "canonical", "error"]
    assert [r[:2] for r in rows[1:]] == [
        ["1", "Troufanov, Sasha"],
        ["2", "Александр Труфанов"],
        ["3", ""],
    ]
    assert rows[1][2] == rows[2][2] != ""
    assert rows[1][4] == rows[2][4] == ""
    assert rows[3][2:] == ["", "", "empty name"]


def test_annotate_tsv_keeps_the_delimiter(tmp_path: Path) -> None:
    """Annotated TSV stays tab-separated with its header."""
    src = write(tmp_path / "p.tsv", "name\tsource\nSasha Troufanov\tynet\n")
    out, _ = ok("cluster", src, "--annotate")
    header, row = out.splitlines()
    assert header == "name\tsource\tentity_id\tcanonical\terror"
    assert row.split("\t")[:2] == ["Sasha Troufanov", "ynet"]


def test_annotate_jsonl_adds_two_keys(tmp_path: Path) -> None:
    """Annotated JSON Lines records keep their keys and gain entity_id and canonical."""
    src = write(
        tmp_path / "p.jsonl", '{"name": "Sasha Trupanov", "doc": 7}\n{"name": "סשה טרופנוב"}\n'
    )
    records = jsonl(ok("cluster", src, "--annotate")[0])
    assert records[0]["doc"] == 7
    assert records[0]["entity_id"] == records[1]["entity_id"]
    assert set(records[1]) == {"name", "entity_id", "canonical", "error"}
    assert records[1]["error"] is None


def test_annotate_txt_becomes_tsv(tmp_path: Path) -> None:
    """Annotated TXT is TSV name, entity_id, canonical, one row per input line."""
    out, _ = ok("cluster", write(tmp_path / "n.txt", FAMILY + "\n"), "--annotate", "--allow-errors")
    lines = out.splitlines()
    assert lines[0] == "name\tentity_id\tcanonical\terror"
    assert [line.split("\t")[0] for line in lines[1:]] == [*FAMILY.split("\n")[:3], ""]
    assert lines[1].split("\t")[1] == lines[2].split("\t")[1]


def test_output_goes_to_a_file(tmp_path: Path) -> None:
    """--output writes the result to a file and nothing to stdout."""
    target = tmp_path / "out.jsonl"
    out, _ = ok("cluster", write(tmp_path / "n.txt", FAMILY), "--format", "jsonl", "-o", target)
    assert out == ""
    assert len(jsonl(target.read_text(encoding="utf-8"))) == 2
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_output_may_replace_the_input(tmp_path: Path) -> None:
    """Input is read completely before the output replaces it."""
    src = write(tmp_path / "p.csv", "name\nSasha Troufanov\n")
    ok("cluster", src, "--annotate", "--output", src)
    assert src.read_text(encoding="utf-8").startswith(
        "name,entity_id,canonical,error\nSasha Troufanov,ak-"
    )


def test_summary_reports_counts_and_time(tmp_path: Path) -> None:
    """The stderr summary gives rows read, in error, with warnings, distinct names,
    entities and seconds; rows in error make the exit status 1."""
    src = write(tmp_path / "n.txt", FAMILY + "Sasha Troufanov\n\n...\n")
    err = fails(1, "cluster", src)
    first = err.splitlines()[0]
    assert first.startswith(
        f"{src}: 6 rows read, 1 blank line, 1 in error (1 no name), 0 with warnings, "
        "3 distinct names, 2 entities"
    )
    assert first.endswith("s")
    assert f"{src}:6: no name can be read: '...'" in err


def test_blank_lines_of_a_text_file_are_counted_not_errors(tmp_path: Path) -> None:
    """Blank lines space a list: counted, kept in place when annotating, never errors;
    an empty name cell of a CSV row is an error."""
    src = write(tmp_path / "names.txt", "Sapir Cohen\n\n   \nYair Horn\n")
    err = ok("cluster", src)[1]
    assert "4 rows read, 2 blank lines, 0 in error" in err
    out, _ = ok("cluster", src, "--annotate")
    rows = [line.split("\t")[0] for line in out.splitlines()[1:]]
    assert rows == ["Sapir Cohen", "", "   ", "Yair Horn"]
    csv_src = write(tmp_path / "names.csv", "id,name\n1,Sapir Cohen\n2,\n")
    assert "1 in error (1 empty)" in fails(1, "cluster", csv_src)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Piped stderr holds the summary only: no progress bar."""
    src = write(tmp_path / "n.txt", FAMILY * 200)
    _, err = ok("cluster", src)
    assert "\r" not in err
    assert "%|" not in err
    assert len(err.splitlines()) == 1


def test_empty_file_is_fine(tmp_path: Path) -> None:
    """An empty file gives no entities, a zero summary and exit 0."""
    for name in ("e.txt", "e.csv", "e.jsonl"):
        out, err = ok("cluster", write(tmp_path / name, ""), "--format", "jsonl")
        assert out == ""
        assert "0 rows read" in err


# -- cluster: errors -------------------------------------------------------------


def test_undecodable_line_is_reported_with_its_number(tmp_path: Path) -> None:
    """Invalid UTF-8 fails with exit 1 and names the file and line."""
    src = tmp_path / "bad.txt"
    src.write_bytes(b"Sapir Cohen\nTrufanov \xff\xfe\n")
    assert f"{src}:2: invalid UTF-8" in fails(1, "cluster", src)


def test_undecodable_bytes_are_replaced_on_request(tmp_path: Path) -> None:
    """--errors replace goes on and counts the line in the summary."""
    src = tmp_path / "bad.csv"
    src.write_bytes(b"name\nSapir Cohen\nTrufanov \xff\xfe\n")
    out, err = ok("cluster", src, "--errors", "replace", "--format", "jsonl")
    assert len(jsonl(out)) == 2
    assert "1 line with undecodable bytes replaced" in err
    assert f"{src}:3: undecodable bytes replaced" in err


def test_ragged_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    """A CSV row with the wrong number of fields is reported by line, is in error,
    and gives no name."""
    src = write(tmp_path / "p.csv", "id,name\n1,Sasha Troufanov\n2\n3,Elena Troufanov,x\n")
    out, err = ok("cluster", src, "--format", "jsonl", "--allow-errors")
    assert [r["aliases"] for r in jsonl(out)] == [["Sasha Troufanov"]]
    assert "2 in error (2 malformed)" in err
    assert f"{src}:3: expected 2 fields, found 1" in err
    assert f"{src}:4: expected 2 fields, found 3" in err


def test_ragged_row_fails_with_strict(tmp_path: Path) -> None:
    """--strict turns a ragged row into exit 1 naming its line."""
    src = write(tmp_path / "p.tsv", "id\tname\n1\tSasha\n2\n")
    assert f"{src}:3: expected 2 fields, found 1" in fails(1, "cluster", src, "--strict")


def test_missing_column_fails(tmp_path: Path) -> None:
    """A --column not in the header fails with exit 1 and lists the columns."""
    src = write(tmp_path / "p.csv", "id,name\n1,Sasha\n")
    err = fails(1, "cluster", src, "--column", "full_name")
    assert f"{src}:1: no column 'full_name' (columns: 'id', 'name')" in err


def test_truncated_jsonl_is_skipped_or_fails_with_strict(tmp_path: Path) -> None:
    """A truncated JSON line is reported and in error, or stops the run with --strict."""
    src = write(tmp_path / "p.jsonl", '{"name": "Sasha Troufanov"}\n{"name": "Elena Tr')
    out, err = ok("cluster", src, "--format", "jsonl", "--allow-errors")
    assert len(jsonl(out)) == 1
    assert f"{src}:2: invalid JSON" in err
    assert f"{src}:2: invalid JSON" in fails(1, "cluster", src, "--strict")


def test_column_of_a_txt_file_fails(tmp_path: Path) -> None:
    """--column on a file read as TXT fails (a forgotten --input-format)."""
    src = write(tmp_path / "names.dat", "name,id\nSasha,1\n")
    assert "read as txt" in fails(1, "cluster", src, "--column", "name")


def test_jsonl_without_the_key_fails(tmp_path: Path) -> None:
    """A JSON Lines key missing from the first record fails with exit 1."""
    src = write(tmp_path / "p.jsonl", '{"who": "Sasha Troufanov"}\n')
    err = fails(1, "cluster", src)
    assert (
        f"{src}:1: no name key: none is called name, full_name, person, alias (keys: 'who')" in err
    )


def test_unreadable_file_fails_cleanly(tmp_path: Path) -> None:
    """A missing file or a directory fails with exit 1 and a message naming it."""
    assert "missing.txt" in fails(1, "cluster", tmp_path / "missing.txt")
    assert str(tmp_path) in fails(1, "cluster", tmp_path)


def test_failed_run_leaves_the_output_untouched(tmp_path: Path) -> None:
    """On failure, an existing --output file is not replaced or truncated."""
    target = write(tmp_path / "out.txt", "previous\n")
    src = write(tmp_path / "p.csv", "id,name\n1,Sasha\n")
    fails(1, "cluster", src, "--column", "nope", "-o", target)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] != []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "p.csv"]


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("nope",),
        ("cluster", "--threshold", "2", "--sample"),
        ("cluster", "--threshold", "x", "--sample"),
        ("cluster", "--sample", "names.txt"),
        ("cluster", "--sample", "--format", "xml"),
        ("cluster", "--sample", "--errors", "ignore"),
        ("resolve", "names.txt"),
        ("compare", "Sasha"),
        ("translit", "Юлия", "--scheme", "nope"),
        ("translit", "Юлия", "--scheme", "ru_icao_9303", "--all"),
        ("readings", "סשה", "--limit", "0"),
        ("keys",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    """Usage errors exit with code 2."""
    assert run(*args).returncode == 2


# -- resolve ---------------------------------------------------------------------


def test_resolve_creates_then_extends_a_database(tmp_path: Path) -> None:
    """resolve starts a new database, saves it, and later runs add to it."""
    db = tmp_path / "people.json"
    out, err = ok("resolve", "--db", db, "-", "--format", "jsonl", stdin=b"Sasha Trupanov\n")
    assert db.exists()
    first = jsonl(out)
    assert [r["aliases"] for r in first] == [["Sasha Trupanov"]]
    assert f"{db}: saved, 1 name, 1 entity" in err
    out, _ = ok("resolve", "--db", db, write(tmp_path / "n.txt", "סשה טרופנוב\nElena Troufanov\n"))
    assert "Sasha Trupanov | \u2068סשה טרופנוב\u2069" in out
    assert aliaskit.Resolver.load(db).entity_of("Sasha Trupanov").aliases == (
        "Sasha Trupanov",
        "סשה טרופנוב",
    )


def test_resolve_prints_only_the_entities_of_added_names(tmp_path: Path) -> None:
    """The output holds the entities of this input's names, not the whole database."""
    db = tmp_path / "db.json"
    ok("resolve", "--db", db, "-", stdin=b"Vladimir Putin\nSasha Trupanov\n")
    out, _ = ok("resolve", "--db", db, "-", "--format", "jsonl", stdin=b"Sasha Troufanov\n")
    assert [r["aliases"] for r in jsonl(out)] == [["Sasha Troufanov", "Sasha Trupanov"]]


def test_resolve_annotates(tmp_path: Path) -> None:
    """resolve --annotate writes the rows with the database's entity ids."""
    db = tmp_path / "db.json"
    ok("resolve", "--db", db, "-", stdin=b"Sasha Trupanov\n")
    src = write(tmp_path / "p.csv", "name\nסשה טרופנוב\n")
    out, _ = ok("resolve", "--db", db, src, "--annotate")
    entity = aliaskit.Resolver.load(db).entity_of("Sasha Trupanov")
    assert out.splitlines()[1] == f"סשה טרופנוב,{entity.id},{entity.canonical},"


def test_resolve_never_overwrites_a_corrupt_database(tmp_path: Path) -> None:
    """A database that fails to load gives exit 1 and stays as it was."""
    db = write(tmp_path / "db.json", '{"format": "aliaskit-resolver", "version": 1')
    before = db.read_bytes()
    err = fails(1, "resolve", "--db", db, "-", stdin=b"Sasha Trupanov\n")
    assert str(db) in err
    assert db.read_bytes() == before


def test_resolve_keeps_the_database_when_input_fails(tmp_path: Path) -> None:
    """A failure in the input (bad UTF-8, a ragged row with --strict) saves nothing."""
    db = tmp_path / "db.json"
    ok("resolve", "--db", db, "-", stdin=b"Sasha Trupanov\n")
    before = db.read_bytes()
    fails(1, "resolve", "--db", db, "-", stdin=b"Elena Troufanov\n\xff\n")
    ragged = write(tmp_path / "p.csv", "id,name\n1,Yair Horn\n2\n")
    fails(1, "resolve", "--db", db, ragged, "--strict")
    assert db.read_bytes() == before
    fails(1, "resolve", "--db", tmp_path / "new.json", "-", stdin=b"\xff\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json", "p.csv"]


def test_resolve_refuses_a_different_threshold(tmp_path: Path) -> None:
    """--threshold sets a new database's threshold and must not contradict a saved one."""
    db = tmp_path / "db.json"
    ok("resolve", "--db", db, "-", "--threshold", "0.8", stdin=b"Sasha Trupanov\n")
    assert aliaskit.Resolver.load(db).threshold == 0.8
    assert "threshold" in fails(1, "resolve", "--db", db, "-", "--threshold", "0.9", stdin=b"")
    ok("resolve", "--db", db, "-", "--threshold", "0.8", stdin=b"")


# -- the single-name commands ----------------------------------------------------


def test_compare_explains_in_text() -> None:
    """compare prints the score, verdict and aligned parts."""
    out, _ = ok("compare", "Alexander Trufanov", "סשה טרופנוב")
    assert out.strip() == str(aliaskit.compare("Alexander Trufanov", "סשה טרופנוב"))


def test_compare_json_is_machine_readable() -> None:
    """compare --json gives score, verdict, threshold, conflicts, parts and unmatched."""
    out, _ = ok("compare", "Sasha Trupanov", "Elena Troufanov", "--json", "--threshold", "0.7")
    data = json.loads(out)
    assert data["is_match"] is False
    assert data["threshold"] == 0.7
    assert data["conflicts"] == ["different given name"]
    assert {p["role"] for p in data["parts"]} == {"given", "surname"}
    assert set(data["parts"][0]) == {"role", "a", "b", "score", "rule", "detail"}
    assert data["unmatched"] == {"a": [], "b": []}


def test_python_dash_m_works() -> None:
    """`python -m aliaskit` is the same program."""
    result = subprocess.run(
        [sys.executable, "-m", "aliaskit", "compare", "Sasha Trupanov", "סשה טרופנוב", "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["is_match"] is True


def test_translit_with_a_scheme_and_with_all() -> None:
    """translit uses auto by default, a named scheme, or prints every scheme."""
    assert ok("translit", "Юлия")[0] == "Yuliya\n"
    assert ok("translit", "Юлия", "--scheme", "ru_icao_9303")[0] == "Iuliia\n"
    lines = ok("translit", "Юлия", "--all")[0].splitlines()
    assert [line.split("\t")[0] for line in lines] == list(aliaskit.schemes())
    assert "ru_mvd_310_fr\tIouliia" in lines


def test_readings_are_limited() -> None:
    """readings prints the most plausible readings, at most --limit."""
    out, _ = ok("readings", "סשה טרופנוב", "--limit", "2")
    assert out.splitlines() == list(aliaskit.readings("סשה טרופנוב", limit=2))


def test_keys_lists_every_encoder_per_part() -> None:
    """keys --json gives, per part, folds, skeletons and every phonetic encoder."""
    data = json.loads(ok("keys", "Александр Труфанов", "--json")[0])
    assert [p["role"] for p in data["parts"]] == ["given", "surname"]
    surname = data["parts"][1]
    assert surname["latin_forms"] == ["trufanov"]
    assert set(surname["keys"]) == {"fold", "skeleton", *ENCODERS}
    assert surname["keys"]["skeleton"] == ["TRPNB"]
    assert "S:TRPNB" in data["block_keys"]


def test_keys_in_text_shows_the_hebrew_skeleton() -> None:
    """keys in text names each part and its keys, Hebrew letters' skeletons included."""
    out, _ = ok("keys", "סשה טרופנוב")
    assert "surname    טרופנוב  (Hebr, hebrew_reading)" in out
    assert "skeleton_hebrew" in out
    assert "S:TRPNB" in out


def test_keys_of_no_name_fails() -> None:
    """keys of a string without letters exits 1."""
    assert "no name can be read from" in fails(1, "keys", "...")


def test_schemes_lists_language_and_source() -> None:
    """schemes names each bundled scheme with its language and source."""
    out, _ = ok("schemes")
    for name in aliaskit.schemes():
        assert name in out
    assert "source: ICAO Doc 9303" in out
    data = json.loads(ok("schemes", "--json")[0])
    assert [s["name"] for s in data] == list(aliaskit.schemes())
    assert {s["name"] for s in data if s["default"]} == {
        "ru_bgn_pcgn",
        "uk_national_2010",
        "be_national",
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    """`--help` of every command ends with an example."""
    out, _ = ok(command, "--help")
    assert "example:\n  aliaskit " + command in out


def test_version() -> None:
    """--version prints the package version."""
    assert ok("--version")[0].strip() == f"aliaskit {aliaskit.__version__}"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("cluster - <&-", "standard input is closed"),
        ("cluster --sample >&-", "standard output is closed"),
        ("schemes >&-", "standard output is closed"),
    ],
)
def test_a_closed_stdin_or_stdout_is_a_clear_error_not_a_traceback(
    command: str, message: str
) -> None:
    exe = " ".join(shlex.quote(c) for c in ([EXE] if EXE else [sys.executable, "-m", "aliaskit"]))
    done = subprocess.run(
        ["sh", "-c", f"{exe} {command}"], capture_output=True, timeout=120, check=False
    )
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert message in err
    assert "Traceback" not in err
