"""The ladder's usual case, for many pairs at once: what :func:`score_indexed` climbs.

Most names are *plain*: one surname reading and no compound surname, at
most one given name (or initial) and no middle names. For two plain names
the ladder (:mod:`._ladder`) reduces to three verdicts (surname readings,
given names, patronymics), the weighing, and two whole-name conflicts that
rarely apply. :func:`climb` takes those verdicts from memos keyed by small
integers (one :class:`Memo` per run of pairs) and calls the rungs' own
functions on a miss, so the rules live in one place; it weighs them with
:func:`._ladder.weighed` and :func:`._ladder.capped`, as the ladder does.

When a reading the other way round may count (a two-part name whose given
name meets the other's surname), :func:`climb` gives up and the caller
climbs the whole ladder (:func:`._ladder.best`). Names that are not plain
always do. The scores are the ladder's exactly: a property test checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aliaskit.compare._conflicts import gender_conflict, generation_conflict
from aliaskit.compare._features import Features
from aliaskit.compare._features import features as features_of
from aliaskit.compare._given import given_verdict
from aliaskit.compare._ladder import DIFFERENT_SURNAME, best, capped, conflict_settled, weighed
from aliaskit.compare._patronymic import patronymic_verdict
from aliaskit.compare._scale import CONFLICT_CAP, DEFAULT_THRESHOLD
from aliaskit.compare._surname import _readings_verdict
from aliaskit.parse import ParsedName

__all__ = ["Memo", "Plain", "Seen", "climb", "plain", "score_run", "seen_of"]

#: The bits of a memo key that hold the second id (ids stay below 2**31).
_SHIFT = 32


class Memo:
    """Ids for the surname readings, given names and patronymics of one run of
    pairs, and the verdicts on pairs of them (keyed ``first << 32 | second``)."""

    def __init__(self) -> None:
        self.ids: dict[object, int] = {}
        self.surnames: dict[int, object] = {}
        self.givens: dict[int, object] = {}
        self.patronymics: dict[int, object] = {}

    def size(self) -> int:
        """How many ids and verdicts it holds."""
        return len(self.ids) + len(self.surnames) + len(self.givens) + len(self.patronymics)

    def id_of(self, value: object) -> int:
        """A small integer for ``value``, the same for equal values."""
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.ids)
        return found


class Plain:
    """What :func:`climb` reads of one plain name (see :func:`plain`)."""

    def __init__(self, features: Features, memo: Memo) -> None:
        self.features = features
        reading = features.surnames[0]
        self.reading = memo.id_of(reading)
        self.reading_args = (reading.joined, reading.shown, reading.belarusian)
        self.given_arg = features.given_ids[0] if features.given_ids else None
        self.given = -1 if self.given_arg is None else memo.id_of(self.given_arg)
        patronymic = features.patronymic
        self.patronymic = -1 if patronymic is None else memo.id_of(patronymic.text)
        self.patronymic_text = "" if patronymic is None else patronymic.text
        self.gender = features.gender()
        self.generation = features.name.generation
        self.surname_keys = features.surname_keys()
        self.swap_keys = None if features.swap_given is None else features.swap_keys()


def plain(features: Features, memo: Memo) -> Plain | None:
    """The plain form of a name's features, or None if the name is not plain."""
    if (
        len(features.surnames) != 1
        or features.pieces
        or len(features.given_ids) > 1
        or features.middle_ids
    ):
        return None
    return Plain(features, memo)


class Seen:
    """What :func:`score_run` reads of one name: its normalised form, its
    features and its plain form (None: not plain)."""

    def __init__(self, normalized: str, features: Features, plain: Plain | None) -> None:
        self.normalized = normalized
        self.features = features
        self.plain = plain


def seen_of(name: ParsedName, memo: Memo) -> Seen:
    """A name as :func:`score_run` reads it."""
    found = features_of(name)
    return Seen(name.normalized, found, plain(found, memo))


def score_run(
    seen: dict[int, Seen],
    name_of: Callable[[int], ParsedName],
    memo: Memo,
    left: Any,
    right: Any,
    same_form: float,
    scores: Any,
    conflicts: bytearray,
) -> None:
    """Append the scores and conflict bytes of the pairs ``(left[k], right[k])``
    of names given by number to ``scores`` (an ``array("d")``) and ``conflicts``.

    A name is read (:func:`seen_of`) the first time it is met and kept in
    ``seen``. Two names of one normalised form score ``same_form``; others
    climb in :func:`aliaskit.compare.score_pair`'s order, plain pairs through
    :func:`climb`, the rest up the whole ladder.
    """
    n = len(left)
    if len(right) != n:
        raise ValueError(f"left has {n} names and right {len(right)}: pairs need one of each")
    for k in range(n):
        i = left[k]
        j = right[k]
        x = seen.get(i)
        if x is None:
            x = seen[i] = seen_of(name_of(i), memo)
        y = seen.get(j)
        if y is None:
            y = seen[j] = seen_of(name_of(j), memo)
        if x.normalized == y.normalized:
            scores.append(same_form)
            conflicts.append(0)
            continue
        if y.normalized < x.normalized:  # in score_pair's order
            x, y = y, x
        px, py = x.plain, y.plain
        found = None if px is None or py is None else climb(px, py, memo)
        if found is None:
            found = best(x.features, y.features)
        scores.append(found[0])
        conflicts.append(1 if found[1] else 0)


def climb(a: Plain, b: Plain, memo: Memo) -> tuple[float, bool] | None:
    """``best(a.features, b.features)``, or None when the whole ladder must decide
    (a reading the other way round may win)."""
    key = (a.reading << _SHIFT) | b.reading
    surname = memo.surnames.get(key)
    if surname is None:
        surname = memo.surnames[key] = _readings_verdict(*a.reading_args, *b.reading_args)
    score = surname.score  # type: ignore[attr-defined]
    conflict = False
    if score >= DIFFERENT_SURNAME:
        # The weighed rungs (as score_reading climbs them): given name, patronymic, surname.
        given = _given(a, b, memo)
        if (
            given is not None
            and a.patronymic >= 0
            and b.patronymic >= 0
            and conflict_settled(score, True, given.score, given.conflict is not None)  # type: ignore[attr-defined]
        ):
            # The patronymics cannot change the score (see conflict_settled).
            conflict = True
            score = capped(CONFLICT_CAP, True)
        else:
            patronymic = _patronymic(a, b, memo)
            weight = weighed(
                score,
                0.0 if given is None else given.score,  # type: ignore[attr-defined]
                0.0 if patronymic is None else patronymic.score,  # type: ignore[attr-defined]
                True,
                given is not None,
                patronymic is not None,
            )
            conflict = (
                (given is not None and given.conflict is not None)  # type: ignore[attr-defined]
                or (patronymic is not None and patronymic.conflict is not None)  # type: ignore[attr-defined]
                or _whole_name_conflict(a, b)  # plain names have no middle names
            )
            score = capped(weight, conflict)
    if score >= DEFAULT_THRESHOLD and not conflict:
        return score, conflict
    # A reading the other way round counts only if its given name meets the other's surname.
    if a.swap_keys is not None and not a.swap_keys.isdisjoint(b.surname_keys):
        return None
    if b.swap_keys is not None and not b.swap_keys.isdisjoint(a.surname_keys):
        return None
    return score, conflict


def _given(a: Plain, b: Plain, memo: Memo) -> object:
    """The verdict on the given names of two plain names (None: one has none)."""
    return _memoised(memo.givens, a.given, b.given, given_verdict, a.given_arg, b.given_arg)


def _patronymic(a: Plain, b: Plain, memo: Memo) -> object:
    """The verdict on the patronymics of two plain names (None: one has none)."""
    return _memoised(
        memo.patronymics,
        a.patronymic,
        b.patronymic,
        patronymic_verdict,
        a.patronymic_text,
        b.patronymic_text,
    )


def _memoised(
    table: dict[int, object],
    x: int,
    y: int,
    verdict: Callable[[Any, Any], object],
    x_arg: object,
    y_arg: object,
) -> object:
    """``verdict(x_arg, y_arg)`` memoised in ``table`` by the ids ``x`` and ``y``
    (None when either is -1: a name without that part)."""
    if x < 0 or y < 0:
        return None
    key = (x << _SHIFT) | y
    found = table.get(key)
    if found is None:
        found = table[key] = verdict(x_arg, y_arg)
    return found


def _whole_name_conflict(a: Plain, b: Plain) -> bool:
    """Opposite genders, else different generations (the ladder's last conflicts)."""
    ga, gb = a.gender, b.gender
    opposite = ga is not None and gb is not None and ga != gb
    if opposite and gender_conflict(a.features, b.features) is not None:
        return True
    if a.generation is not None and b.generation is not None:
        return generation_conflict(a.features, b.features) is not None
    return False
