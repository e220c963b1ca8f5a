"""Right-to-left names in explanations are isolated; other text is unchanged (issue 25, item 7)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from aliaskit import compare
from aliaskit._bidi import FSI, PDI, isolate


def test_a_hebrew_name_in_an_explanation_is_isolated() -> None:
    text = str(compare("Alexander Trufanov", "סשה טרופנוב"))
    assert text.splitlines()[0].startswith(f"Alexander Trufanov ~ {FSI}סשה טרופנוב{PDI}: ")
    assert f"alexander ~ {FSI}סשה{PDI}" in text


def test_an_explanation_without_right_to_left_text_has_no_isolates() -> None:
    text = str(compare("Alexander Trufanov", "Александр Труфанов"))
    assert FSI not in text
    assert PDI not in text


def test_isolated_parts_keep_the_columns_of_the_explanation() -> None:
    # role (10) + space + the pair padded to 40 + space: the score at column 52
    for part in compare("Sasha Trupanov", "סשה טרופנוב").explanation.parts:
        visible = str(part).replace(FSI, "").replace(PDI, "")
        assert visible.index(f"{part.score:.2f}") == 52


@given(st.text())
def test_isolate_wraps_exactly_the_text_with_a_right_to_left_letter(text: str) -> None:
    right_to_left = any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    assert isolate(text) == (FSI + text + PDI if right_to_left else text)
