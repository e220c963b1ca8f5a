"""The entry points: :func:`compare`, :func:`score_pair`, :func:`score_indexed`
and :func:`prepare`."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial

from aliaskit._check import require_str, require_threshold
from aliaskit.compare._explain import explain
from aliaskit.compare._features import features
from aliaskit.compare._kernel import Memo, Seen, score_run, seen_of
from aliaskit.compare._ladder import best
from aliaskit.compare._records import climb_in_order, compare_records
from aliaskit.compare._result import Comparison, Deferred
from aliaskit.compare._scale import DEFAULT_THRESHOLD
from aliaskit.compare._surname import surname_gender
from aliaskit.compare._tokens import initials, token_info
from aliaskit.parse import NamePart, ParsedName, parse_name
from aliaskit.record import Record, as_record
from aliaskit.similarity import _forms, _loose


def prepare(name: ParsedName) -> None:
    """Compute and cache everything comparison needs of one name.

    Optional: :func:`score_pair` does it on first use. The resolver calls it
    for all names before forking its scoring workers, so that per-name work
    (Latin forms, Hebrew readings, table lookups) is done once, not per worker.

    >>> from aliaskit import parse_name
    >>> prepare(parse_name("Alexander Trufanov"))
    """
    found = features(name)
    found.gender()
    found.surname_keys()
    found.swap_keys()
    for part in (*found.given, *found.middles[:1]):
        _given_part_info(part)
    for surname in found.surnames:
        surname_gender(surname.joined)
        _forms(surname.joined)
        _loose(surname.joined)
    if found.swap_given is not None:
        swapped = found.swapped()
        assert swapped is not None
        swapped.gender()
        swapped.surname_keys()
        for part in swapped.given:
            _given_part_info(part)


def _given_part_info(part: NamePart) -> None:
    """Cache what comparing a given-name part (or initial) needs."""
    is_initial = part.role == "initial"
    initials(part.text, is_initial)
    if not is_initial:
        token_info(part.text)
        _forms(part.text)
        _loose(part.text)


def score_pair(a: ParsedName, b: ParsedName) -> tuple[float, bool]:
    """The score of two parsed names and whether they conflict (the fast path).

    Equal to ``compare(a, b).score`` and ``compare(a, b).is_conflict``: both
    climb the same ladder, this one without recording why.

    >>> from aliaskit import parse_name
    >>> score_pair(parse_name("Alexander Trufanov"), parse_name("Alexandra Trufanova"))
    (0.45, True)
    """
    if b.normalized < a.normalized:
        a, b = b, a
    elif a.normalized == b.normalized:
        return 1.0, False
    return best(features(a), features(b))


def score_indexed(
    name_of: Callable[[int], ParsedName],
    left: Sequence[int],
    right: Sequence[int],
    same_form: float = 1.0,
) -> tuple[array[float], bytearray]:
    """:func:`score_pair` of many pairs of names given by number: the scores of
    ``(name_of(left[k]), name_of(right[k]))`` and a conflict byte each.

    The same scores as :func:`score_pair`, except that two names of one
    normalised form score ``same_form``. See :class:`IndexedScorer`, which
    also keeps what it learnt for later calls.

    >>> from aliaskit import parse_name
    >>> names = [parse_name("Alexander Trufanov"), parse_name("Alexandra Trufanova")]
    >>> scores, conflicts = score_indexed(names.__getitem__, [0], [1])
    >>> list(scores), list(conflicts)
    ([0.45], [1])
    """
    return IndexedScorer(name_of, same_form).score(left, right)


#: An IndexedScorer starts afresh once it holds this many names (their features,
#: about a kilobyte each) ...
INDEXED_NAMES = 1 << 17
#: ... or this many ids and memoised verdicts (about a hundred bytes each).
INDEXED_MEMO = 1 << 20


class IndexedScorer:
    """Scores pairs of names given by number, call after call (one thread only).

    Each name is looked up and its features read once, however many pairs
    it is in; pairs of plain names climb the ladder through
    :func:`._kernel.climb`, with the verdicts on pairs of words memoised.
    It forgets the names once it holds ``max_names`` of them
    (:data:`INDEXED_NAMES`), and everything once it holds ``max_memo``
    memoised entries (:data:`INDEXED_MEMO`): scores never depend on what it
    keeps.
    """

    def __init__(
        self,
        name_of: Callable[[int], ParsedName],
        same_form: float = 1.0,
        *,
        max_names: int = INDEXED_NAMES,
        max_memo: int = INDEXED_MEMO,
    ) -> None:
        self.name_of = name_of
        self.same_form = same_form
        self.max_names = max_names
        self.max_memo = max_memo
        self._fresh()

    def _fresh(self) -> None:
        self.memo = Memo()
        self.seen: dict[int, Seen] = {}

    def read(self, ids: Iterable[int]) -> None:
        """Read the features of the names ``ids`` now, before they are scored."""
        seen, memo = self.seen, self.memo
        for i in ids:
            if i not in seen:
                seen[i] = seen_of(self.name_of(i), memo)

    def score(self, left: Sequence[int], right: Sequence[int]) -> tuple[array[float], bytearray]:
        """The scores and conflict bytes of the pairs ``(left[k], right[k])``."""
        memo = self.memo
        if memo.size() > self.max_memo:
            self._fresh()  # the names' plain forms hold ids of the memo: both go
            memo = self.memo
        elif len(self.seen) > self.max_names:
            self.seen = {}  # the memo's ids stay valid for the names read again
        scores: array[float] = array("d")
        conflicts = bytearray()
        score_run(self.seen, self.name_of, memo, left, right, self.same_form, scores, conflicts)
        return scores, conflicts


def _parsed(value: str | ParsedName, name: str) -> ParsedName:
    if isinstance(value, ParsedName):
        return value
    require_str(value, name)
    parsed = parse_name(value)
    if not parsed.parts:
        raise ValueError(f"{name} has no name in it: {value!r}")
    return parsed


def compare(
    a: str | ParsedName | Record,
    b: str | ParsedName | Record,
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> Comparison:
    """Compare two person names, or records, and explain the score.

    Symmetric: ``compare(a, b).score == compare(b, a).score``.

    Either side may be a :class:`~aliaskit.Record`: its best-scoring name is
    compared, and its evidence (birth date, countries, gender) moves the
    score and joins the explanation (see ``compare._evidence``). A string
    against a record is a record of that one name.

    >>> compare("Alexander Trufanov", "Александр Витальевич Труфанов").is_match
    True
    >>> compare("Alexander Trufanov", "Alexandra Trufanova").is_match
    False
    """
    threshold = require_threshold(threshold)
    if isinstance(a, str) and isinstance(b, str):
        return _compare_strings(a, b, threshold)
    if isinstance(a, Record) or isinstance(b, Record):
        return compare_records(_as_record(a, "a"), _as_record(b, "b"), threshold)
    return _compare(a, b, threshold)


def _as_record(value: str | ParsedName | Record, side: str) -> Record:
    if isinstance(value, ParsedName):
        return Record(value.original)
    return as_record(value, side)


#: Comparisons of two strings kept for when the same pair is compared again.
COMPARE_MEMO = 1 << 15


@lru_cache(maxsize=COMPARE_MEMO)
def _compare_strings(a: str, b: str, threshold: float) -> Comparison:
    """:func:`compare` of two strings, memoised: a Comparison is immutable (its
    explanation, built on first reading, is the same whoever reads it)."""
    return _compare(a, b, threshold)


def _compare(a: str | ParsedName, b: str | ParsedName, threshold: float) -> Comparison:
    pa, pb = _parsed(a, "a"), _parsed(b, "b")
    score, conflict, flip, trace = climb_in_order(pa, pb, features(pa), features(pb))
    first, second = (pb, pa) if flip else (pa, pb)
    if first.normalized == second.normalized:
        score = 1.0
    assert trace.reading is not None
    why = Deferred(conflict, partial(explain, trace.reading, first, second, flip))
    return Comparison(pa.original, pb.original, score, why, threshold)
