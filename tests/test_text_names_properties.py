"""Properties of find_names: offsets slice the text exactly, no crash, no letters no names,
markup no name."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import find_names

#: Pieces that make texts near names: names in three scripts, roles, combining
#: marks, bidi controls, line ends, markup and quotes.
PIECES = [
    "Vladimir Putin",
    "Putin's",
    "Russian President ",
    "Alexander (Sasha) Troufanov",
    "V. ",
    "al-",
    "Александром Труфановым",
    "Путину",
    "ולדימיר פוטין",
    "לסשה",
    "כשסשה",
    "فلاديمير بوتين",
    "\u0301",
    "\u05b8",
    "\u200f",
    "\u202e",
    "\u2066",
    "\r\n",
    "\n",
    " ",
    ". ",
    "’s",
    "“",
    "<b>",
    "**",
    "&amp;",
    "\ufeff",
    "Ｍark",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_slice_the_text_exactly(text: str) -> None:
    end = 0
    for m in find_names(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.surface
        assert m.start >= end  # in order, not overlapping
        end = m.end
        assert m.name
        assert m.script in {"Latn", "Cyrl", "Hebr", "Arab"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_no_crash(text: str) -> None:
    for m in find_names(text):
        assert text[m.start : m.end] == m.surface


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Lu", "Ll", "Lt", "Lm", "Lo"))))
def test_no_letters_no_names(text: str) -> None:
    assert not any(unicodedata.category(c).startswith("L") for c in text)
    assert find_names(text) == []


TAGS = ["div", "Mark", "Sasha", "Elena", "Vladimir", "Span", "A", "Strong", "Victoria"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TAGS), min_size=1, max_size=6), st.sampled_from(TAGS))
def test_markup_is_not_a_name(tags: list[str], attribute: str) -> None:
    html = "".join(f'<{t} class="{attribute}" title="{attribute} {t}"></{t}>' for t in tags)
    markdown = f"[{'x'}](https://example.org/{attribute}/{tags[0]}) ![](/{attribute}.png)"
    for text in (html, markdown, f"<!-- {attribute} {tags[0]} -->", f"&{attribute};"):
        assert find_names(text) == [], text


def test_markup_around_a_name_keeps_the_name() -> None:
    text = "<p><b>Russian President Vladimir Putin</b> met <i>Sasha Troufanov</i>.</p>"
    assert [(m.surface, m.roles) for m in find_names(text)] == [
        ("Vladimir Putin", ("Russian President",)),
        ("Sasha Troufanov", ()),
    ]
    assert [m.name for m in find_names("**Vladimir Putin** met [Sasha](https://x.org/Sasha)")] == [
        "Vladimir Putin",
        "Sasha",
    ]


def test_a_letter_without_a_unicode_name_in_a_cyrillic_word_is_no_crash() -> None:
    """pymorphy3 looks up the Unicode name of each letter; U+17000 (Tangut) has none."""
    found = find_names("Александром Труфановым-\U00017000")
    assert [m.surface for m in found] == ["Александром Труфановым-\U00017000"]
