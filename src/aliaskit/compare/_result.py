"""What :func:`aliaskit.compare.compare` returns: a score, a verdict and, when read, the why."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from aliaskit._bidi import isolate
from aliaskit.compare._scale import DEFAULT_THRESHOLD


@attrs.frozen
class AlignedPart:
    """One aligned pair of parts (either side may be missing)."""

    role: str
    a: str | None
    b: str | None
    score: float
    rule: str
    detail: str = ""

    def __str__(self) -> str:
        a, b = self.a or "-", self.b or "-"
        pair = f"{isolate(a)} ~ {isolate(b)}"  # Hebrew beside Latin keeps its place
        pad = " " * max(0, 40 - len(a) - len(b) - 3)  # isolates take no room
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.role:<10} {pair}{pad} {self.score:.2f}  {self.rule}{extra}"


@attrs.frozen
class Explanation:
    """Why two names got their score: aligned parts, leftovers and conflicts.

    >>> from aliaskit.compare import compare
    >>> expl = compare("Sasha Trupanov", "Elena Troufanov").explanation
    >>> [(p.role, p.rule) for p in expl.parts]
    [('given', 'fuzzy'), ('surname', 'fuzzy')]
    >>> expl.conflicts
    ('different given name',)
    """

    parts: tuple[AlignedPart, ...]
    unmatched_a: tuple[str, ...] = ()
    unmatched_b: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    order: str = "as written"

    def swapped(self) -> Explanation:
        """The same explanation with the two sides exchanged."""
        parts = tuple(AlignedPart(p.role, p.b, p.a, p.score, p.rule, p.detail) for p in self.parts)
        return Explanation(parts, self.unmatched_b, self.unmatched_a, self.conflicts, self.order)

    def __str__(self) -> str:
        lines = [str(p) for p in self.parts]
        if self.unmatched_a or self.unmatched_b:
            left, right = " ".join(self.unmatched_a), " ".join(self.unmatched_b)
            lines.append(f"unmatched  {isolate(left or '-')} | {isolate(right or '-')}")
        lines.extend(f"conflict   {c}" for c in self.conflicts)
        if self.order != "as written":
            lines.append(f"order      {self.order}")
        return "\n".join(lines)


class Deferred:
    """An explanation built on first read, and whether it shows a conflict.

    Scoring gives the conflict flag at once; the explanation (aligned parts,
    leftovers) is built by ``build`` only when asked for. Two are equal when
    their explanations are.
    """

    __slots__ = ("_build", "_built", "conflict")

    def __init__(self, conflict: bool, build: Callable[[], Explanation]) -> None:
        self.conflict = conflict
        self._build: Callable[[], Explanation] | None = build
        self._built: Explanation | None = None

    @classmethod
    def of(cls, explanation: Explanation) -> Deferred:
        """An explanation already built."""
        found = cls(bool(explanation.conflicts), lambda: explanation)
        found.get()
        return found

    def get(self) -> Explanation:
        """The explanation, built on the first call."""
        if self._built is None:
            assert self._build is not None
            self._built = self._build()
            self._build = None  # the trace it holds is no longer needed
        return self._built

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deferred):
            return NotImplemented
        return self.get() == other.get()

    def __hash__(self) -> int:
        return hash(self.get())


def _deferred(value: Explanation | Deferred) -> Deferred:
    return value if isinstance(value, Deferred) else Deferred.of(value)


@attrs.frozen(repr=False)
class Comparison:
    """The result of :func:`compare`: a score in [0, 1], a verdict and the why.

    The explanation is built when first read: a caller who wants the score
    alone does not pay for it.

    >>> from aliaskit.compare import compare
    >>> result = compare("A. Trufanov", "Alexander Trufanov")
    >>> result.is_match, result.is_conflict, result.threshold
    (True, False, 0.75)
    """

    a: str
    b: str
    score: float
    _explanation: Deferred = attrs.field(alias="explanation", converter=_deferred)
    threshold: float = DEFAULT_THRESHOLD

    @property
    def explanation(self) -> Explanation:
        """Why the two names got their score (:class:`Explanation`)."""
        return self._explanation.get()

    @property
    def is_match(self) -> bool:
        """Whether the score reaches the threshold."""
        return self.score >= self.threshold

    @property
    def is_conflict(self) -> bool:
        """Whether there is positive evidence of two different people."""
        return self._explanation.conflict

    def __repr__(self) -> str:
        return (
            f"Comparison(a={self.a!r}, b={self.b!r}, score={self.score!r}, "
            f"explanation={self.explanation!r}, threshold={self.threshold!r})"
        )

    def __str__(self) -> str:
        verdict = "match" if self.is_match else "no match"
        head = f"{isolate(self.a)} ~ {isolate(self.b)}: {self.score:.2f} ({verdict})"
        return f"{head}\n{self.explanation}"
