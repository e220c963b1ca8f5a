"""Spelling traditions read as they sound: every sample of the data file, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit.latin import latin_spellings
from aliaskit.spoken import spoken_readings, traditions

SAMPLES = [(t.name, w, r) for t in traditions() for w, r in t.samples]


@pytest.mark.parametrize(("tradition", "word", "reading"), SAMPLES)
def test_every_sample_of_every_tradition_reads_as_listed(
    tradition: str, word: str, reading: str
) -> None:
    found = {t.name: t for t in traditions()}[tradition]
    assert found.mark.search(word), f"{word} lacks the {tradition} mark"
    assert found.read(word) == reading
    assert reading in spoken_readings(word)


def test_every_tradition_has_samples_and_a_unique_name() -> None:
    names = [t.name for t in traditions()]
    assert len(names) == len(set(names))
    assert all(t.samples for t in traditions())


@pytest.mark.parametrize("word", ["ivanov", "trufanov", "petrova", "abc"])
def test_words_without_a_mark_get_no_reading(word: str) -> None:
    assert spoken_readings(word) == ()


@given(st.text(alphabet="abcdeghijklnoqrstuwzñéáç", max_size=14))
def test_the_written_word_is_always_kept_first_and_readings_are_distinct(word: str) -> None:
    spellings = latin_spellings(word)
    assert spellings[0] == word
    assert len(spellings) == len(set(spellings))
    assert len(spoken_readings(word)) <= len(traditions())
