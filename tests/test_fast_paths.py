"""Fast paths give what the general code gives.

Each shortcut taken for the common case (one word of plain letters, a name
whose parts share one script, a one-word transliteration) is checked against
the general computation it skips.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from aliaskit.parse import parse_name
from aliaskit.similarity import LOOSE_PENALTY, _lev_sim_over
from aliaskit.text import _normalize_once, detect_script, normalize
from aliaskit.translit import _auto_word, cyrillic_language, transliterate
from aliaskit.translit.engine import WORD_RE
from tests.strategies import any_names, homoglyph_names, hostile_text

ASCII_WORDS = st.text(st.sampled_from("abcxyzABCXYZ"), min_size=1, max_size=12)
# Basic Cyrillic (Ѐ-џ, Ґ ґ) and letters of the other Cyrillic blocks.
CYRILLIC_WORDS = st.text(
    st.sampled_from("абвгдеёжзийыэъьюяїієґўЁЖЩЇІЄҐЎАБВЯЀЏѐџҒҚӘӨҮ"), min_size=1, max_size=12
)
MIXED_TEXT = st.text(st.sampled_from("abAB абАБ ßĳ אב αβ ́-'’.,ʼ1"), min_size=0, max_size=16)


@given(st.one_of(ASCII_WORDS, CYRILLIC_WORDS))
def test_one_plain_word_normalises_as_the_full_pipeline_does(word: str) -> None:
    """A word of ASCII or Cyrillic letters normalises like one full pass."""
    assert normalize(word) == _normalize_once(word)


@given(
    st.one_of(any_names, homoglyph_names().map(lambda pair: pair[1]), hostile_text(), MIXED_TEXT)
)
def test_name_script_is_the_script_of_its_normalised_form(text: str) -> None:
    """A parsed name's script is the script detected on its normalised text."""
    name = parse_name(text)
    assert name.script == detect_script(name.normalized)


def _by_words(text: str) -> str:
    language = cyrillic_language(text)
    if not language:
        return text
    return WORD_RE.sub(lambda m: _auto_word(m.group(), language), text)


@given(st.one_of(CYRILLIC_WORDS, MIXED_TEXT, any_names))
def test_one_word_transliterates_as_split_into_words(text: str) -> None:
    """The one-word shortcut of transliterate gives the word-by-word result."""
    assert transliterate(text) == _by_words(text)


def _typo_similarity(a: str, b: str) -> float:
    """Slow reference: edit similarity where one lone swap of neighbours is one slip."""
    if a == b:
        return 1.0
    swapped = any(a[:i] + a[i + 1] + a[i] + a[i + 2 :] == b for i in range(len(a) - 1)) and len(
        a
    ) == len(b)
    distance = 1 if swapped else _lev_distance(a, b)
    return 1.0 - distance / max(len(a), len(b))


def _lev_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _length_bound(a: str, b: str) -> float:
    longest = max(len(a), len(b))
    return 1.0 - abs(len(a) - len(b)) / longest if longest else 1.0


SHORT = st.text(st.sampled_from("abcdeé"), max_size=6)


@example("ab", "ba", 0.0, 0.0)  # a lone swap is one slip (hypothesis found it)
@given(SHORT, SHORT, st.floats(0.0, 1.0), st.sampled_from([0.0, LOOSE_PENALTY]))
def test_bounded_edit_similarity_is_the_edit_similarity_when_it_can_win(
    a: str, b: str, best: float, penalty: float
) -> None:
    """_lev_sim_over skips exactly the pairs whose length bound cannot beat ``best``."""
    found = _lev_sim_over(a, b, best, penalty)
    if _length_bound(a, b) - penalty <= best:
        assert found is None
    else:
        assert found == _typo_similarity(a, b) - penalty
