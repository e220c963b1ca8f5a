"""The surname rung: the most similar surname readings of two names.

Beside the surname as written, a name may have more readings (with its last
middle name, read as Russian) and parts of a compound surname (hyphenated,
two surnames, a maiden name, an Arabic filiation and family name). Two
gendered forms of one surname (Trufanov, Trufanova) score by their stems.
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from aliaskit.compare._features import Features, SurnameReading, stem_gender
from aliaskit.compare._scale import MEMO_LARGE, SCORE_DIGITS
from aliaskit.latin import latin_forms
from aliaskit.similarity import TRANSLIT_SCORE, PartMatch, surname_similarity

#: The masculine and feminine forms of one surname score this share of their stems' score.
GENDERED_FORM_FACTOR = 0.97
#: A surname that is one part of the other's compound surname scores this share of its match.
COMPOUND_PART_FACTOR = 0.9
#: A part of a compound surname matches a surname in another script from this
#: similarity on (in one script, from :data:`SAME_SCRIPT_PART`).
CROSS_SCRIPT_PART = 0.75
#: A part of a compound surname matches a surname in the same script from this similarity on.
SAME_SCRIPT_PART = 0.9
#: Below this similarity of the whole surnames, the parts of a compound one are tried.
WHOLE_SURNAME = 0.9
#: A later pair of surname readings must beat the best so far by more than this.
READING_MARGIN = 0.05


# Memoised per pair of readings, as the other verdicts (see GivenVerdict in
# aliaskit.compare._given): scoring a pair of names builds none in the usual case.
@attrs.frozen
class SurnameVerdict:
    """Two surnames: the score, the rule that fired, its detail, the surnames
    shown, and their similarity as words (before the rules for gendered
    forms, readings and compound surnames)."""

    score: float
    rule: str
    detail: str
    a: str
    b: str
    similarity: float


@lru_cache(maxsize=MEMO_LARGE)
def surname_gender(joined: str) -> tuple[str, str | None]:
    """Stem and gender of a surname's best Latin form."""
    return stem_gender(latin_forms(joined).forms[0])


@lru_cache(maxsize=MEMO_LARGE)
def _readings_verdict(
    x_joined: str, x_shown: str, x_belarusian: bool, y_joined: str, y_shown: str, y_belarusian: bool
) -> SurnameVerdict:
    """The verdict on two surname readings (joined, shown, a Russian reading?):
    their similarity, as a Russian reading if one is, or as two gendered forms
    of one stem."""
    match = surname_similarity(x_joined, y_joined)
    similarity = match.score
    if x_belarusian or y_belarusian:
        reading = x_joined if x_belarusian else y_joined
        score = min(match.score, TRANSLIT_SCORE)  # a reading, as a transliteration scores
        match = PartMatch(score, "belarusian_reading", f"read as {reading}: {match.rule}")
    (x_stem, x_gender), (y_stem, y_gender) = surname_gender(x_joined), surname_gender(y_joined)
    if x_gender and y_gender and x_gender != y_gender:
        stem_match = surname_similarity(x_stem, y_stem)
        if stem_match.score >= match.score:
            detail = f"{x_gender} vs {y_gender} form of {x_stem}"
            score = round(stem_match.score * GENDERED_FORM_FACTOR, SCORE_DIGITS)
            return SurnameVerdict(score, "gendered_form", detail, x_shown, y_shown, similarity)
    return SurnameVerdict(match.score, match.rule, match.detail, x_shown, y_shown, similarity)


def surname_verdict(a: Features, b: Features) -> SurnameVerdict | None:
    """The verdict on the surnames of two names (None: a name has no surname).

    When the best readings are not similar as words, a surname that is one
    part of the other's compound surname counts instead.
    """
    xs, ys = a.surnames, b.surnames
    if not xs or not ys:
        return None
    if len(xs) == 1 and len(ys) == 1:  # the usual case
        x, y = xs[0], ys[0]
    else:
        x, y = _best_readings(xs, ys)
    found = _readings_verdict(x.joined, x.shown, x.belarusian, y.joined, y.shown, y.belarusian)
    if found.similarity < WHOLE_SURNAME:
        if a.pieces:
            compound = _compound_part(a, b, found.similarity)
            if compound is not None:
                return compound
        if b.pieces:
            compound = _compound_part(b, a, found.similarity)
            if compound is not None:
                return attrs.evolve(compound, a=compound.b, b=compound.a)  # seen from a
    return found


def _best_readings(
    xs: tuple[SurnameReading, ...], ys: tuple[SurnameReading, ...]
) -> tuple[SurnameReading, SurnameReading]:
    """The most similar surname readings of two names, as words (a later pair
    must do clearly better)."""
    chosen: tuple[SurnameReading, SurnameReading] | None = None
    best = 0.0
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if i and j and x.shown.split()[0] == y.shown.split()[0]:
                # Two compound readings with the same first half (Ibrahim
                # al-Mosuli, Ibrahim al-Duri): it would hide that the rest differs.
                continue
            score = surname_similarity(x.joined, y.joined).score
            if chosen is None or score > best + READING_MARGIN:
                chosen, best = (x, y), score
    assert chosen is not None
    return chosen


def _compound_part(a: Features, b: Features, similarity: float) -> SurnameVerdict | None:
    """A compound surname of ``a`` (hyphenated, or a middle name and the
    surname, or two surnames, or a surname and a maiden name) of which ``b``'s
    surname is one part. Across scripts a part needs a lower similarity, as a
    whole surname does (a Hebrew reading rarely reaches 0.9)."""
    whole = a.compound
    assert whole is not None
    if whole is not a.surnames[0] and b.middles:
        return None  # each side keeps a part the other lacks (Kim Jong Un, Kim Yo Jong)
    target = b.surnames[0]
    for i, piece in enumerate(a.pieces):
        match = surname_similarity(piece, target.joined)
        bar = SAME_SCRIPT_PART if a.name.script == b.name.script else CROSS_SCRIPT_PART
        if match.score >= bar:
            score = round(match.score * COMPOUND_PART_FACTOR, SCORE_DIGITS)
            if a.maiden and i:
                detail = f"{piece} is a maiden name"
                return SurnameVerdict(score, "maiden_name", detail, piece, target.shown, similarity)
            detail = f"{target.shown} is part of {whole.shown}"
            return SurnameVerdict(
                score, "compound_part", detail, whole.shown, target.shown, similarity
            )
    return None
