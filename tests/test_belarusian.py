"""Russian readings of Belarusian forms: vectors and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import compare
from aliaskit.belarusian import (
    belarusian_name,
    latin_russian_reading,
    name_word_reading,
    russian_reading,
)
from aliaskit.latin import latin_forms
from tests.conftest import load_vectors

PAIRS = load_vectors("belarusian_russian.tsv")


@pytest.mark.parametrize("row", PAIRS, ids=lambda r: f"{r['a']}~{r['b']}")
def test_belarusian_and_russian_forms_match_and_relatives_do_not(row: dict[str, str]) -> None:
    assert compare(row["a"], row["b"]).is_match is (row["match"] == "true")


@pytest.mark.parametrize(
    ("belarusian", "russian"),
    [("ціханоўская", "тихановская"), ("пятроў", "петров"), ("шаўцоў", "шавцов")],
)
def test_cyrillic_reading_undoes_the_regular_correspondences(belarusian: str, russian: str) -> None:
    assert russian_reading(belarusian) == russian


@pytest.mark.parametrize("word", ["иванов", "казанцев", "гамбачидзе", "кобець", "францівна"])
def test_russian_and_ukrainian_words_get_no_reading(word: str) -> None:
    assert russian_reading(word) is None


@pytest.mark.parametrize("word", ["rousseau", "barlow", "boguslawski", "tsitsishvili", "lau"])
def test_latin_words_without_a_belarusian_mark_get_no_reading(word: str) -> None:
    assert latin_russian_reading(word) is None


def test_a_belarusian_word_is_also_romanised_as_russian() -> None:
    assert latin_forms("ціханоўская").forms[1] == "tikhanovskaya"


@given(st.text(alphabet="абвгдзеёжійклмнопрстуўфхцчшыьэюя", max_size=12))
def test_cyrillic_reading_is_none_or_a_different_word_of_the_same_script(word: str) -> None:
    out = russian_reading(word)
    assert out is None or (out != word and "ў" not in out and "і" not in out)


@given(st.text(alphabet="abcdefghiklmnoprstuvyzŭ", max_size=12))
def test_latin_reading_is_idempotent(word: str) -> None:
    out = latin_russian_reading(word)
    assert out is None or latin_russian_reading(out) in (None, out)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["alena", "aliaksandrauna", "piatrova"], True),
        (["iryna", "piatrouna", "piatrova"], True),
        (["ирина", "пятрова"], False),
        (["вольга", "пятроўна"], True),
        (["irina", "petrova"], False),
        (["mouna", "haddad"], False),
    ],
)
def test_a_name_is_belarusian_when_one_of_its_words_is(words: list[str], expected: bool) -> None:
    assert belarusian_name(words) is expected


def test_a_word_of_a_belarusian_name_gets_the_reading_its_spelling_lacks() -> None:
    assert name_word_reading("piatrova") == "petrova"
    assert name_word_reading("пятрова") == "петрова"
    assert name_word_reading("piatrou") is None  # its own spelling already gives it


@pytest.mark.parametrize(
    ("word", "reading"),
    [("cichanouska", "tikhanovska"), ("cichanoŭskaja", "tikhanovskaja"), ("šaŭcoŭ", "šavtsov")],
)
def test_a_spelling_with_c_for_ts_reads_ch_as_kh(word: str, reading: str) -> None:
    assert latin_russian_reading(word) == reading
