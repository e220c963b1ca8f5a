"""The score scale the rules of comparison share.

A part score, like a name score, is in [0, 1]. The levels below are where
the rules of several modules meet; the constants of one rule live with it.
"""

from __future__ import annotations

#: A name score from which two names are taken for the same person.
DEFAULT_THRESHOLD = 0.75
#: The most a pair of names showing a conflict can score (below the threshold).
CONFLICT_CAP = 0.45
#: Two given names (or two fathers' names) in one group of the name tables:
#: a hypocorism (Sasha, Alexander) or another form of one name.
HYPOCORISM_SCORE = 0.93
#: A part similarity from which two parts are one word up to spelling (a
#: transliteration scores 0.95): the name tables are not consulted.
SAME_WORD = 0.95
#: Scores are rounded to this many decimal places.
SCORE_DIGITS = 4
#: The size of the memo caches per word and per pair of words.
MEMO_LARGE = 1 << 17
