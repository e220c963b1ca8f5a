"""Name-aware comparison of two person names, with an explanation.

Parts are aligned by role: surname with surname, given name with given name
(its bracketed nicknames and initials count as alternatives), patronymic
with patronymic. Each aligned pair gets a part score and the rule that
fired. A missing part is neutral. Evidence that two names belong to
different people is recorded as a *conflict* and caps the score below the
threshold:

* a different given name (two known names in different equivalence
  groups, or dissimilar names), or a different initial;
* given names of opposite gender (Alexander vs Alexandra);
* a conflicting patronymic (Ivanovich vs Viktorovich), or a middle name
  (or initial) on each side that the other's middle names cannot match
  (Abdullah Ahmed al-Hakim vs Abdullah Yahya al-Hakim); Hebrew spellings of
  middle names are too loose to count;
* opposite gender shown by the names: a given name's gender, or a
  feminine surname form (a masculine form counts only in Cyrillic, since
  Latin and Hebrew renderings often drop the feminine -a). A surname's
  form does not count against a name with the same form of it: Belarusian
  surnames in -a (Skaryna, Latushka) are men's too.

When the surnames differ (similarity below :data:`DIFFERENT_SURNAME`), the
score is the surname similarity and no other part is weighed. Otherwise the
score is the weighted mean of the aligned parts (surname 0.55, given name
0.35, patronymic 0.10), capped at the surname similarity plus
:data:`SURNAME_MARGIN` (a shared given name cannot carry a weak surname) and
scaled by :data:`BARE_SURNAME_FACTOR` when either name lacks a given name.

Score calibration: 0.9 and above, the same name up to romanisation,
script, hypocorism or order; 0.75 (the default threshold) and above, the
same person on the evidence in the two strings; 0.5 to 0.75, related names
(the same surname with one given name missing, or a weak given-name match);
below 0.5, different people.

The rules are a ladder of modules, each one rung (see ``_ladder``): the
features of one name (``_features``, ``_tokens``), the surname, given-name,
patronymic and middle-name rungs (``_surname``, ``_given``, ``_patronymic``,
``_middles``), the whole-name conflicts (``_conflicts``) and the scorer that
climbs them (``_ladder``). :func:`compare` and :func:`score_pair` climb the
same ladder; ``compare`` also records why, and builds its explanation only
when it is read.
"""

from __future__ import annotations

from aliaskit.compare._api import IndexedScorer, compare, prepare, score_indexed, score_pair
from aliaskit.compare._given import INITIAL_SCORE, SECOND_GIVEN_PENALTY
from aliaskit.compare._ladder import (
    BARE_SURNAME_FACTOR,
    DIFFERENT_SURNAME,
    SURNAME_MARGIN,
    SWAP_PENALTY,
)
from aliaskit.compare._result import AlignedPart, Comparison, Explanation
from aliaskit.compare._scale import CONFLICT_CAP, DEFAULT_THRESHOLD, HYPOCORISM_SCORE, MEMO_LARGE
from aliaskit.compare._surname import (
    COMPOUND_PART_FACTOR,
    CROSS_SCRIPT_PART,
    GENDERED_FORM_FACTOR,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignedPart",
    "Comparison",
    "Explanation",
    "IndexedScorer",
    "compare",
    "prepare",
    "score_indexed",
    "score_pair",
]

# The score constants, importable from here as before the split (not part of __all__).
_CONSTANTS = (
    BARE_SURNAME_FACTOR,
    COMPOUND_PART_FACTOR,
    CONFLICT_CAP,
    CROSS_SCRIPT_PART,
    DIFFERENT_SURNAME,
    GENDERED_FORM_FACTOR,
    HYPOCORISM_SCORE,
    INITIAL_SCORE,
    MEMO_LARGE,
    SECOND_GIVEN_PENALTY,
    SURNAME_MARGIN,
    SWAP_PENALTY,
)
