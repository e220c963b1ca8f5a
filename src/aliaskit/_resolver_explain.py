"""What :meth:`aliaskit.Resolver.explain` returns: a structured answer, as
:func:`aliaskit.compare` gives one, whose text is the explanation."""

from __future__ import annotations

import attrs

from aliaskit.compare import Comparison

__all__ = ["ResolverExplanation"]

#: The cannot-links a text explanation lists, at most.
SHOWN_BLOCKERS = 5


@attrs.frozen
class ResolverExplanation:
    """Why two added names (or records) are, or are not, in one entity.

    ``same_entity`` and the two ``entity_ids``; ``comparison``, the
    :class:`~aliaskit.Comparison` of the two (with the records' evidence);
    ``judgements``, the user's must-link and cannot-link judgements on the
    pair, as lines of text; and ``blockers``, the cannot-link pairs that keep
    their entities apart. ``str()`` gives the whole explanation as text.

    >>> from aliaskit import Resolver
    >>> resolver = Resolver()
    >>> added = resolver.add_many(["Sasha Troufanov", "Alexander Trufanov", "Elena Troufanov"])
    >>> [e.canonical for e in added]
    ['Alexander Trufanov', 'Elena Troufanov']
    >>> why = resolver.explain("Sasha Troufanov", "Alexander Trufanov")
    >>> why.same_entity, why.comparison.is_match
    (True, True)
    >>> str(why).splitlines()[0].startswith("same entity ak-")
    True
    """

    same_entity: bool
    entity_ids: tuple[str, str]
    comparison: Comparison
    judgements: tuple[str, ...] = ()
    blockers: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        first, second = self.entity_ids
        apart = f"different entities {first} / {second}"
        head = f"same entity {first}" if self.same_entity else apart
        lines = [head, str(self.comparison), *self.judgements]
        lines.extend(f"cannot-link {x} | {y}" for x, y in self.blockers[:SHOWN_BLOCKERS])
        return "\n".join(lines)
