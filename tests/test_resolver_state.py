"""Stateful test: a Resolver fed step by step equals one built in a single batch.

The machine adds names one at a time or in batches, in any order, and
records must-link / cannot-link judgements (merge / split) between added
names. After every step the incremental Resolver must equal a reference
built from scratch: all names so far added (as often as they were added,
for the mentions that weigh canonical names) in one ``add_many`` call, then
the same judgements applied. Judgements commute except on the same pair,
where the last one wins, so they are replayed in order.

Runs 100 state-machine examples of up to 30 steps (about 10 s) (each step rebuilds the
reference, which is the slow part).
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import aliaskit
from aliaskit import Resolver
from tests.conftest import load_vectors
from tests.strategies import any_names

SEED_NAMES = sorted({r["name"] for r in load_vectors("seed_gold.tsv")})
names = st.one_of(st.sampled_from(SEED_NAMES), any_names, st.sampled_from(("", "  -- ")))


class IncrementalResolver(RuleBasedStateMachine):
    """Adds, batches and judgements applied incrementally vs. all at once."""

    def __init__(self) -> None:
        super().__init__()
        self.resolver = Resolver()
        self.added: list[str] = []
        self.judgements: list[tuple[str, str, str]] = []

    def _has_name(self, name: str) -> bool:
        return bool(aliaskit.parse_name(name).parts)

    @rule(name=names)
    def add(self, name: str) -> None:
        """Add one name; a name without letters raises ValueError and changes nothing."""
        if self._has_name(name):
            entity = self.resolver.add(name)
            assert name in entity.aliases
            self.added.append(name)
        else:
            before = self.resolver.to_dict()
            try:
                self.resolver.add(name)
            except ValueError:
                pass
            else:
                raise AssertionError(f"add({name!r}) should raise ValueError")
            assert self.resolver.to_dict() == before

    @rule(batch=st.lists(names, max_size=6))
    def add_many(self, batch: list[str]) -> None:
        """Add a batch (with repeats and empty names)."""
        self.resolver.add_many(batch)
        self.added.extend(n for n in batch if self._has_name(n))

    @precondition(lambda self: len(set(self.added)) >= 2)
    @rule(data=st.data(), must=st.booleans())
    def judge(self, data: st.DataObject, must: bool) -> None:
        """Merge or split two distinct added names."""
        pool = sorted(set(self.added))
        a = data.draw(st.sampled_from(pool))
        b = data.draw(st.sampled_from([n for n in pool if n != a]))
        (self.resolver.merge if must else self.resolver.split)(a, b)
        self.judgements.append(("merge" if must else "split", a, b))

    @invariant()
    def equals_one_batch(self) -> None:
        """The incremental Resolver equals the one-batch reference with the same judgements."""
        reference = Resolver()
        # Every name as often as it was added: each mention counts (canonical names).
        reference.add_many(sorted(self.added, reverse=True))
        for kind, a, b in self.judgements:
            getattr(reference, kind)(a, b)
        assert self.resolver.to_dict() == reference.to_dict()
        assert self.resolver.entities == reference.entities
        if not self.judgements:
            assert self.resolver.entities == aliaskit.cluster(self.added)

    @invariant()
    def every_name_has_one_entity(self) -> None:
        """Each added name is an alias of exactly the entity entity_of returns."""
        entities = self.resolver.entities
        aliases = [a for e in entities for a in e.aliases]
        assert sorted(aliases) == sorted(set(self.added))
        for e in entities:
            for alias in e.aliases:
                assert self.resolver.entity_of(alias) == e


IncrementalResolver.TestCase.settings = settings(max_examples=100, stateful_step_count=30)
test_incremental_resolver_equals_one_batch = IncrementalResolver.TestCase
