"""The whole-name rungs: opposite genders, different generations.

They are weighed only when the parts show no conflict of their own.
"""

from __future__ import annotations

from aliaskit.compare._features import Features, stem_gender
from aliaskit.compare._given import given_verdict, reads_as


def gender_conflict(a: Features, b: Features) -> str | None:
    """The conflict of two names that show opposite genders, if they do.

    A gender read off one name's surname alone does not count against a
    name whose surname has the same form: Belarusian and Ukrainian surnames
    in -a (Skaryna, Latushka, Lukashenka, Kupala) are worn by men too, as
    the other name's given name then shows.
    """
    ga, gb = a.gender(), b.gender()
    if not (ga and gb and ga != gb):
        return None
    if a.given_ids and b.given_ids and not (a.gender_from_surname() or b.gender_from_surname()):
        verdict = given_verdict(a.given_ids[0], b.given_ids[0])
        if reads_as(verdict.rule, verdict.detail):
            return None  # the Hebrew given name reads as the other
    for x, y, gx in ((a, b, ga), (b, a, gb)):
        if x.gender_from_surname() and y.surname_text and stem_gender(y.surname_text)[1] == gx:
            return None
    return f"opposite gender ({ga} vs {gb})"


def generation_conflict(a: Features, b: Features) -> str | None:
    """The conflict of two names with different generational suffixes (Sr and Jr, II and III)."""
    ga, gb = a.name.generation, b.name.generation
    if ga is None or gb is None or ga == gb:
        return None
    return "different generation ({} vs {})".format(*(" ".join(f.name.suffixes) for f in (a, b)))
