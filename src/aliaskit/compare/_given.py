"""The given-name rung: two given names (or initials), and the best pair of two names.

A verdict on two given names is memoised per pair of words. Across two
names, every given name (with its bracketed nicknames) meets every given
name of the other; a verdict without conflict wins, then the higher score.
A conflicting best pair may still be saved by a given name written in two
words (Kim Yong Chol ~ Kim Yong-chol) or by a second given name after a
devotional first one (José Daniel Ortega ~ Daniel Ortega).
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from aliaskit import knowledge
from aliaskit.compare._features import Features, GivenId
from aliaskit.compare._scale import HYPOCORISM_SCORE, MEMO_LARGE, SAME_WORD
from aliaskit.compare._tokens import initials, script, shared_group, token_info
from aliaskit.keys import fold
from aliaskit.latin import ABJAD_READINGS, latin_forms
from aliaskit.parse import devotional_names, given_endings
from aliaskit.similarity import part_similarity

#: An initial that may stand for the other given name (or initial).
INITIAL_SCORE = 0.85
#: Two initials (or an initial and a name) with no letter in common.
DIFFERENT_INITIAL_SCORE = 0.0
#: Below this similarity two given names are different names...
DIFFERENT_GIVEN = 0.7
#: ... or below this one across Hebrew and another script (Hebrew readings are guesses) ...
DIFFERENT_GIVEN_HEBREW = 0.6
#: ... or below this one when both are known given names.
DIFFERENT_KNOWN_GIVEN = 0.85
#: A second given name matched after a devotional first one loses this much.
SECOND_GIVEN_PENALTY = 0.05
#: Scripts whose given names are read through the Hebrew reader (guesses).
_ABJADS = frozenset({"Hebr", "Arab"})
#: The shortest first element of a compound Arabic given name (Siraj of Sirajuddin).
SHORT_FORM_MIN = 3


# The verdicts are attrs classes, memoised per pair of words (or of surname
# readings), so that scoring a pair of names builds none in the usual case:
# building an attrs.frozen instance of six fields costs about 460 ns (a
# NamedTuple 220 ns, a plain tuple 30 ns), but reading a field of one is
# faster than a NamedTuple's. A pair that needs a verdict of its own (a given
# name written in two words, a part of a compound surname) is rare.
@attrs.frozen
class GivenVerdict:
    """Two given names (or initials): the score, the rule that fired, its
    detail, the names shown, and the conflict they show (None: no evidence
    of two people)."""

    score: float
    rule: str
    detail: str
    a: str
    b: str
    conflict: str | None


@lru_cache(maxsize=MEMO_LARGE)
def given_verdict(x: GivenId, y: GivenId) -> GivenVerdict:
    """The verdict on two given names as (text, is_initial), shown in this order."""
    first, second = (x, y) if x <= y else (y, x)  # judged in one order, either way round
    score, rule, detail, conflict = _judge(*first, *second)
    return GivenVerdict(score, rule, detail, x[0], y[0], conflict)


def _judge(xt: str, xi: bool, yt: str, yi: bool) -> tuple[float, str, str, str | None]:
    """The score, rule, detail and conflict of two given names (text, is_initial)."""
    if xi or yi:
        if initials(xt, xi) & initials(yt, yi):
            return INITIAL_SCORE, "initial", "", None
        return DIFFERENT_INITIAL_SCORE, "initial", "", "different initial"
    x, y = token_info(xt), token_info(yt)
    match = part_similarity(xt, yt)
    if x.gender and y.gender and x.gender != y.gender and not reads_as(match.rule, match.detail):
        return match.score, "gender", f"{x.gender} vs {y.gender}", "given names of opposite gender"
    if match.score >= SAME_WORD:
        return match.score, match.rule, match.detail, None
    group = shared_group(x.groups, y.groups)
    if group:
        return HYPOCORISM_SCORE, "hypocorism", group, None
    short = _short_form(xt, yt)
    if short:
        return HYPOCORISM_SCORE, "hypocorism", short, None
    if _listed_apart(xt, yt):
        return match.score, match.rule, match.detail, "different given name"
    same_script = script(xt) == script(yt)
    both_known = x.known and y.known and (same_script or (x.curated and y.curated))
    # Hebrew readings of given names are uncertain, so dissimilarity across
    # Hebrew and another script is weaker evidence of a different name.
    hebrew = bool(_ABJADS.intersection((script(xt), script(yt)))) and not same_script
    floor = DIFFERENT_GIVEN_HEBREW if hebrew else DIFFERENT_GIVEN
    different = match.score < floor or (both_known and match.score < DIFFERENT_KNOWN_GIVEN)
    return match.score, match.rule, match.detail, "different given name" if different else None


def _listed_apart(xt: str, yt: str) -> bool:
    """Whether an Arabic given name of the curated table meets another listed
    given name with no group in common (the caller has checked the groups).

    The Arabic spelling is known exactly, and it writes the long vowels that
    its readings' consonant skeleton loses: محمد is Muhammad, not Mahmoud
    (محمود), and حسن is Hasan, not Hussein (حسين).
    """
    for a, b in ((xt, yt), (yt, xt)):
        if script(a) == "Arab" and knowledge.is_given_name(a) and knowledge.is_given_name(b):
            return True
    return False


def reads_as(rule: str, detail: str) -> bool:
    """Whether a Hebrew word has the other given name among its readings (by
    the rule and detail of their match): its spelling then says nothing of
    gender (דב is Dov, and Deb)."""
    return rule in ABJAD_READINGS and detail.startswith(rule)


@lru_cache(maxsize=1)
def _endings() -> frozenset[str]:
    return frozenset(fold(e) for e in given_endings())


def _short_form(xt: str, yt: str) -> str:
    """How one given name is the other less the ending of a compound Arabic
    given name (Siraj of Sirajuddin), or ""."""
    fx, fy = fold(latin_forms(xt).forms[0]), fold(latin_forms(yt).forms[0])
    if len(fy) < len(fx):
        fx, fy, xt, yt = fy, fx, yt, xt
    if len(fx) >= SHORT_FORM_MIN and fy.startswith(fx) and fy[len(fx) :] in _endings():
        return f"{xt} is short for {yt}"
    return ""


def best_given(a: Features, b: Features) -> GivenVerdict | None:
    """The best verdict over the given names of two names: one without
    conflict first, then the higher score (None: a name has no given name)."""
    best: GivenVerdict | None = None
    if len(a.given_ids) == 1 and len(b.given_ids) == 1:  # the usual case
        best = given_verdict(a.given_ids[0], b.given_ids[0])
    else:
        for x in a.given_ids:
            for y in b.given_ids:
                cand = given_verdict(x, y)
                if best is None or (cand.conflict is None, cand.score) > (
                    best.conflict is None,
                    best.score,
                ):
                    best = cand
    if best is not None and best.conflict is not None:
        return _joined_given(a, b) or _second_given(a, b) or best
    return best


def _joined_given(a: Features, b: Features) -> GivenVerdict | None:
    """A given name written in two words on one side and one on the other.

    It counts when the two words joined are the other's given name, as
    written or transliterated, and the other name has no middle name.
    """
    for x, y in ((a, b), (b, a)):
        if x.joined_given is None or y.middles or not y.given_ids:
            continue
        joined, shown = x.joined_given
        cand = given_verdict((joined, False), (y.given[0].text.replace("-", ""), False))
        if cand.conflict is None and cand.score >= SAME_WORD:
            rule = cand.rule if cand.rule != "exact" else "joined"
            detail = f"{shown} written as one word"
            other = y.given[0].text
            a_shown, b_shown = (shown, other) if x is a else (other, shown)
            return GivenVerdict(cand.score, rule, detail, a_shown, b_shown, None)
    return None


def _second_given(a: Features, b: Features) -> GivenVerdict | None:
    """The other's given name is this name's second given name, after a
    devotional first one (José Daniel Ortega ~ Daniel Ortega). It counts when
    the other name has no middle name.
    """
    for x, y in ((a, b), (b, a)):
        if not x.middles or y.middles or len(y.given_ids) != 1 or y.given_ids[0][1]:
            continue
        if x.middle_ids[0][1] or x.given_ids[0][0] not in devotional_names():
            continue
        cand = given_verdict(x.middle_ids[0], y.given_ids[0])
        if cand.conflict is None and cand.score >= HYPOCORISM_SCORE:
            shown = f"{x.given[0].text} {x.middles[0].text}"
            detail = f"{x.given[0].text} is a devotional first name; {cand.rule}"
            score = cand.score - SECOND_GIVEN_PENALTY
            other = y.given[0].text
            a_shown, b_shown = (shown, other) if x is a else (other, shown)
            return GivenVerdict(score, "second_given", detail, a_shown, b_shown, None)
    return None
