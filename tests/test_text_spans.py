"""Mention.from_spans: another tool's PERSON spans read as find_names reads names.

No NER library is needed: the spans are written here as spaCy, Stanza or
natasha would give them, (start, end) character offsets.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import Mention, find_names
from tests.test_text_names import SEEDS, VECTORS
from tests.test_text_names_properties import texts


def _read(text: str, *spans: tuple[int, int]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.surface, m.name, m.roles) for m in Mention.from_spans(text, spans)]


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_a_role_inside_the_span_goes_to_the_roles() -> None:
    text = "Israeli Prime Minister Benjamin Netanyahu called."
    assert _read(text, _at(text, "Israeli Prime Minister Benjamin Netanyahu")) == [
        ("Benjamin Netanyahu", "Benjamin Netanyahu", ("Israeli Prime Minister",))
    ]


def test_a_role_before_the_span_goes_to_the_roles() -> None:
    text = "Chief Rabbi Berel Lazar spoke."
    assert _read(text, _at(text, "Berel Lazar")) == [
        ("Berel Lazar", "Berel Lazar", ("Chief Rabbi",))
    ]


def test_a_span_without_the_possessive_takes_the_whole_word() -> None:
    """spaCy's PERSON span of "Putin's" is "Putin": the mention is the word, its name Putin."""
    text = "They met Putin's envoy."
    assert _read(text, _at(text, "Putin")) == [("Putin's", "Putin", ())]


def test_a_hebrew_prefix_is_peeled_when_the_rest_is_another_span() -> None:
    text = "ולדימיר פוטין נפגש עם סשה. סשה הודה ולפוטין"
    spans = [_at(text, "ולדימיר פוטין"), _at(text, "ולפוטין")]
    assert [m.name for m in Mention.from_spans(text, spans)] == ["ולדימיר פוטין", "פוטין"]


def test_a_hebrew_word_of_no_span_keeps_its_letters() -> None:
    """A one-letter prefix is peeled only when the rest is a name: ולא is no name."""
    text = "ולא"
    assert [m.name for m in Mention.from_spans(text, [(0, 3)])] == ["ולא"]


def test_a_russian_span_in_an_oblique_case_is_listed_in_the_nominative() -> None:
    pytest.importorskip("pymorphy3")
    text = "встреча с Александром Труфановым и его матерью Еленой Труфановой"
    spans = [_at(text, "Александром Труфановым"), _at(text, "Еленой Труфановой")]
    assert [m.name for m in Mention.from_spans(text, spans)] == [
        "Александр Труфанов",
        "Елена Труфанова",
    ]


def test_a_span_that_is_all_role_keeps_its_words() -> None:
    text = "The President spoke."
    assert _read(text, _at(text, "President")) == [("President", "President", ())]


def test_a_span_of_no_word_gives_no_mention() -> None:
    assert Mention.from_spans("Putin, 72.", [(5, 9), (2, 2)]) == []


@pytest.mark.parametrize(
    ("spans", "error", "message"),
    [
        ([(5, 2)], ValueError, r"span 0 \(5, 2\) is reversed"),
        ([(0, 5), (0, 99)], ValueError, r"span 1 \(0, 99\) is out of 0\.\.14"),
        ([(-1, 3)], ValueError, r"span 0 \(-1, 3\) is out of"),
        ([(0, "5")], TypeError, r"span 0 \(0, '5'\): offsets must be ints"),
        ([(0, 2.0)], TypeError, "offsets must be ints"),
        ([(True, 3)], TypeError, "offsets must be ints, not True"),
        ([(0, 1, 2)], TypeError, r"span 0 must be a \(start, end\) pair"),
        ([7], TypeError, r"span 0 must be a \(start, end\) pair, not 7"),
        ("0,5", TypeError, "spans must be an iterable"),
        (None, TypeError, "spans must be an iterable"),
    ],
)
def test_a_bad_span_is_an_error_naming_it(spans: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        Mention.from_spans("Vladimir Putin", spans)  # type: ignore[arg-type]


def test_text_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        Mention.from_spans(b"Putin", [(0, 5)])  # type: ignore[arg-type]


def test_no_ner_library_is_imported() -> None:
    Mention.from_spans("Vladimir Putin", [(0, 14)])
    assert not {"spacy", "stanza", "natasha"} & set(sys.modules)


def _round_trip(text: str) -> None:
    found = find_names(text)
    assert Mention.from_spans(text, [(m.start, m.end) for m in found]) == found


@settings(max_examples=200, deadline=None)
@given(texts)
def test_find_names_spans_read_back_as_find_names_read_them(text: str) -> None:
    _round_trip(text)


def test_the_seed_articles_and_passages_read_back_as_find_names_read_them() -> None:
    paths = sorted((VECTORS / "text_passages").glob("*.txt"))
    paths += sorted(Path(SEEDS).glob("*.txt")) if SEEDS.is_dir() else []
    for path in paths:
        _round_trip(path.read_text("utf-8"))


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5))
def test_every_span_in_range_gives_mentions_that_slice_the_text(
    text: str, spans: list[tuple[int, int]]
) -> None:
    good = [(a, b) for a, b in spans if a <= b <= len(text)]
    for m in Mention.from_spans(text, good):
        assert text[m.start : m.end] == m.surface
        assert any(a < m.end and m.start < b for a, b in good)
