"""Ukrainian (pymorphy3's Ukrainian dictionary) and Belarusian (rules) oblique cases in find_names.

The sentences are written by the aliaskit project.
"""

from __future__ import annotations

import sys

import pytest

from aliaskit import _text_lemma as lemma
from aliaskit import _text_words, find_names
from aliaskit._text_lemma_be import _table, be_given, be_nominative


def _listed(text: str) -> list[str]:
    return [m.name for m in find_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # instrumental, the son and the mother
        (
            "зустріч з Олександром Труфановим та Оленою Труфановою",
            ["Олександр Труфанов", "Олена Труфанова"],
        ),
        # genitive and dative
        ("батька Віталія Труфанова; Максиму Херкіну", ["Віталій Труфанов", "Максим Херкін"]),
        # -ський, and a surname that does not decline for a woman
        ("з Володимиром Зеленським і Юлією Тимошенко", ["Володимир Зеленський", "Юлія Тимошенко"]),
        # accusative
        ("Він говорив про Олену Труфанову", ["Олена Труфанова"]),
    ],
)
def test_ukrainian_oblique_cases_keep_gender(text: str, names: list[str]) -> None:
    pytest.importorskip("pymorphy3_dicts_uk")
    assert _listed(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "сустрэча з Аляксандрам Труфанавым і Аленай Труфанавай",
            ["Аляксандр Труфанаў", "Алена Труфанава"],
        ),
        (
            "са Святланай Ціханоўскай і Сяргеем Ціханоўскім",
            ["Святлана Ціханоўская", "Сяргей Ціханоўскі"],
        ),
        ("Ціханоўская пісала пра Алену Труфанаву", ["Алена Труфанава"]),
    ],
)
def test_belarusian_oblique_cases_keep_gender_by_rule(text: str, names: list[str]) -> None:
    assert _listed(text) == names


def test_belarusian_rules_read_only_to_known_given_names() -> None:
    assert be_given("Аляксандрам") == ("аляксандр", "masc", "ablt")
    assert be_given("Аленай") == ("алена", "femn", "ablt")
    assert be_given("Мінскам") is None  # Мінск is no given name
    assert be_nominative(["Мінскам"]) == ("Мінскам",)


def test_a_belarusian_surname_alone_is_read_only_in_the_instrumental() -> None:
    assert be_nominative(["Пятровым"]) == ("пятроў",)
    assert be_nominative(["Пятровай"]) == ("пятрова",)
    assert be_nominative(["Пятрова"]) == ("Пятрова",)  # genitive of Пятроў, or Пятрова: left


def test_the_belarusian_table_has_every_ending_with_its_nominative() -> None:
    table = _table()
    for cases in table["given"].values():
        for rows in cases.values():
            assert all(len(row) == 2 and row[0] for row in rows)
    for kind in table["surname"].values():
        assert kind["stems"]
        for gender in ("masc", "femn"):
            assert len(kind[gender]["nomn"]) == 1
            assert set(kind[gender]) <= {"nomn", "gent", "datv", "accs", "ablt", "loct"}


def test_the_language_of_a_name_comes_from_its_letters_or_the_text_around_it() -> None:
    pytest.importorskip("pymorphy3_dicts_uk")
    # no letter of Олександром says Ukrainian; the text around it does
    assert lemma.nominative(["Олександром"], lang="uk") == ("Олександр",)
    assert _listed("Він зустрівся з Олександром Труфановим у Києві.") == ["Олександр Труфанов"]
    # a Russian name in the same text keeps its Russian reading
    assert _listed("встреча с Александром Труфановым") == ["Александр Труфанов"]


def test_without_the_ukrainian_dictionary_names_stay_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import pymorphy3 raises ImportError
    caches = (lemma._analyzer, lemma._given, lemma._surname, _text_words.word_kind)
    for cache in caches:
        cache.cache_clear()
    try:
        with pytest.warns(lemma.MorphologyWarning, match=r"Ukrainian.*aliaskit\[text\]"):
            assert lemma.nominative(["Олександром"], lang="uk") == ("Олександром",)
    finally:
        monkeypatch.undo()
        for cache in caches:
            cache.cache_clear()
