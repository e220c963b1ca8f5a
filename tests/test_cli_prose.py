"""Running text given as a list of names is noticed (issue 25, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aliaskit.cli._prose import looks_like_prose
from tests.test_cli import ok, write

ARTICLE = (
    "Alexander (Sasha) Troufanov was released on Saturday after 498 days in captivity.\n"
    "His mother Elena Troufanov and his grandmother were freed earlier.\n"
    "Александр Труфанов был освобождён в субботу вместе с двумя другими заложниками.\n"
    "סשה טרופנוב שוחרר בשבת לאחר 498 ימים בשבי של החמאס\n"
)


@pytest.mark.parametrize(
    "name",
    [
        "Alexander (Sasha) Troufanov",
        "Abu Bakr al-Baghdadi",
        "Maria do Carmo Silveira",
        "Jamal ad-Din al-Afghani bin Ali",
        "Труфанов Александр Витальевич",
        "SMITH, John Henry, Jr.",
        "José de la Cruz y Martínez",
    ],
)
def test_a_name_is_not_prose(name: str) -> None:
    assert not looks_like_prose(name)


@pytest.mark.parametrize("line", ARTICLE.splitlines())
def test_a_sentence_in_any_script_is_prose(line: str) -> None:
    assert looks_like_prose(line)


def test_an_article_given_as_names_is_warned_about_once_with_its_first_line(
    tmp_path: Path,
) -> None:
    src = write(tmp_path / "article.txt", "Sasha Troufanov\n" + ARTICLE)
    _, err = ok("cluster", src)
    assert f"{src}:2: this looks like prose, not a name (and 3 more rows like it)" in err
    assert err.count("looks like prose") == 1


def test_a_long_line_is_reported_with_its_line_number_not_a_library_path(tmp_path: Path) -> None:
    src = write(tmp_path / "long.txt", "Sasha Troufanov\n" + "Troufanov " * 40 + "\n")
    _, err = ok("cluster", src)
    assert f"{src}:2: a name of 399 characters, matched on its first 256" in err
    assert ".py:" not in err
    assert "LongNameWarning" not in err
