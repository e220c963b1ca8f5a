"""Blocking: which names meet for comparison.

Every name gets surname keys: the cross-script skeleton keys
(:mod:`aliaskit.keys`) of its joined surname (and of the last middle name
joined to it, for compound surnames written with a space, and of each part
of a hyphenated surname, and of the surname with its particles, for a
particle written fused: Ben Aroya and Benaroya, and of a father's name after
a particle: bin Salman Al Saud and bin Salman), keyed through
its Latin forms for Cyrillic and directly for Hebrew. A name without a surname part is keyed
by its given name. Two names are candidates when they share a key.

Surnames one consonant apart (a dropped or changed letter: Karlfeldt and
קרלפלט, Shevtsov and Shautsou, Ettlin and אטין, Jeffs and ג'ף) also meet
when their given names agree, through *near keys*: the surname key with
each one of its classes deleted (for keys of :data:`NEAR_MIN` classes or
more, from the :data:`MAX_NEAR_SOURCES` shortest keys of the surname),
anchored on a whole skeleton key or a curated group of the given name, so
that these blocks stay small; a near-key block that still outgrows its
limit yields no pairs (its names share a given name, and one class of
surname apart is too loose a tie among so many). (Anchors on the first two classes of the
given name, so that Aleksandr Karlfeldt met Aleksei Karfeldt, found one
more true pair on the dev set, Dennis and Daniel Gansel, for 50% more
candidate pairs at 100,000 mentions.)

Names whose parts were given other roles (recorded surname first, or a
given name taken for the surname) meet through *order-free pair keys*: the
keys of two of their full name parts (hyphenated parts split), in either
order, with :data:`PAIR_MIN` classes or more together.

A block with more than :data:`MAX_BLOCK` names (a common surname), or more
than :data:`MAX_SHORT_BLOCK` for a short key, is split by given-name keys
(:func:`given_keys`): the skeleton keys of the given name, their first two
classes (so that a truncated form meets its full name: Riz and Rizwan) and
its curated equivalence groups (so that Sasha still meets Alexander). An initial-only
name meets every given name it can stand for, and a name without a given
part meets every member of its block (:func:`meets`). Blocks are indexed
incrementally, and the set of candidate pairs depends only on the set of
names, never on their order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import combinations

from aliaskit import knowledge
from aliaskit._candidates import CandidatePairs, CodeCollector
from aliaskit.belarusian import belarusian_name, name_word_reading
from aliaskit.latin import latin_forms, part_keys
from aliaskit.parse import NamePart, ParsedName

__all__ = [
    "MAX_BLOCK",
    "MAX_NEAR_SOURCES",
    "MAX_SHORT_BLOCK",
    "NEAR_PREFIX",
    "PAIR_MIN",
    "BlockIndex",
    "block_keys",
    "block_limit",
    "given_keys",
    "meets",
]

MAX_BLOCK = 50
#: Blocks of short keys (three classes or fewer, e.g. Cohen's ``KN``) mix
#: many different surnames, so they are split by given name sooner.
MAX_SHORT_BLOCK = 20
SHORT_KEY = 3
#: Surname keys of this many classes or more also block with one class deleted.
NEAR_MIN = 2
#: Near keys start so. A near-key block over its limit yields no pairs: its
#: members already share a given name, so given-name keys cannot split it.
NEAR_PREFIX = "D:"
#: Near keys are anchored on at most this many given-name keys and groups.
MAX_ANCHORS = 4
#: A given name's key meets the keys it begins, down to this many classes.
ANCHOR_LEN = 2
#: Near keys are made from at most this many of a surname's keys.
MAX_NEAR_SOURCES = 4
#: Order-free pair keys are made from the first this many full name parts.
MAX_PAIR_PARTS = 4
#: ... and only when the two keys have this many classes together (Ma Jian and
#: Mo Yan must not meet on ``M`` and ``N``).
PAIR_MIN = 3
_PAIR_ROLES = frozenset({"given", "middle", "surname", "nickname"})
_ANY_GIVEN = "*"
_INITIAL_ONLY = "!"


def block_keys(name: ParsedName) -> frozenset[str]:
    """The surname keys of a parsed name (given-name keys when it has no surname).

    >>> from aliaskit.parse import parse_name
    >>> shared = block_keys(parse_name("Sasha Trupanov")) & block_keys(parse_name("סשה טרופנוב"))
    >>> sorted(k for k in shared if k.startswith("S:"))
    ['S:TRPNB']
    """
    if not isinstance(name, ParsedName):
        raise TypeError(
            f"block_keys takes a ParsedName (parse_name(text)), not {type(name).__name__}"
        )
    surname = [p.text for p in name.surname if p.role == "surname"]
    if surname:
        keys = set(part_keys("".join(surname)))
        middles = name.role("middle")
        if middles:  # a compound surname written with a space: Dekel Chen
            keys |= part_keys(middles[-1].text + "".join(surname))
        for piece in surname[-1].split("-") if "-" in surname[-1] else ():
            keys |= part_keys(piece)  # one part of a compound: Kuznetsov-Krasovsky
        for piece in surname if len(surname) > 1 else ():
            keys |= part_keys(piece)  # two surnames marked by a comma or capitals
        for part in name.role("maiden"):
            keys |= part_keys(part.text)  # a maiden name: Trufanova née Petrova
        if len(surname) == 1 and belarusian_name([p.text for p in name.parts]):
            reading = name_word_reading(surname[0])  # Piatrova beside Aliaksandrauna
            keys |= part_keys(reading) if reading is not None else frozenset()
        if len(name.surname) > len(surname):  # a particle written fused: Benaroya, Elabed
            keys |= part_keys("".join(p.text for p in name.surname))
        keys |= _filiation_keys(name)
        return frozenset({"S:" + k for k in keys} | _near_keys(name, keys) | _pair_keys(name))
    given = name.given or (name.role("nickname") or (None,))[0]
    if given is not None:
        return frozenset({"S:" + k for k in part_keys(given.text)} | _pair_keys(name))
    return frozenset("S:" + k for p in name.parts for k in part_keys(p.text))


def _filiation_keys(name: ParsedName) -> frozenset[str]:
    """Keys of a father's name after a particle (bin Salman Al Saud), which a
    short form keeps as its surname (bin Salman)."""
    for i, part in enumerate(name.parts):
        if part.role == "patronymic" and i and name.parts[i - 1].role == "particle":
            return part_keys(part.text)
    return frozenset()


def _pair_keys(name: ParsedName) -> set[str]:
    """Order-free keys: two of the full name parts, in either order.

    Names meet through them whatever role each part was given, so that a
    name recorded surname first, or whose given name was taken for its
    surname, still meets its other spellings. Both parts must agree, on
    :data:`PAIR_MIN` consonant classes or more together, which keeps these
    blocks small; like every block they are split when they grow too big.
    """
    parts = [w for p in name.parts if p.role in _PAIR_ROLES for w in p.text.split("-") if w]
    parts = parts[:MAX_PAIR_PARTS]
    out: set[str] = set()
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            for ka in sorted(part_keys(a)):
                for kb in sorted(part_keys(b)):
                    if len(ka) + len(kb) >= PAIR_MIN:
                        out.add("W:" + "|".join(sorted((ka, kb))))
    return out


def block_limit(key: str) -> int:
    """How many names a block may hold before it is split by given-name keys."""
    core = key.split(":", 1)[-1].split("|", 1)[0]
    return MAX_SHORT_BLOCK if len(core) <= SHORT_KEY else MAX_BLOCK


def _dropped(key: str) -> set[str]:
    """The key and its one-class deletions."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _given_anchors(name: ParsedName) -> set[str]:
    """Whole skeleton keys of the given names, and their curated groups."""
    anchors: set[str] = set()
    for part in (name.given, *name.role("nickname")):
        if part is None:
            continue
        anchors.update(part_keys(part.text))
        anchors.update(
            g for g in knowledge.name_groups(part.text) if g.startswith(knowledge.CURATED_PREFIX)
        )
    return anchors


def _by_size(key: str) -> tuple[int, str]:
    """Shorter keys first: Hebrew readings with vowel letters read as vowels."""
    return len(key), key


def _near_keys(name: ParsedName, surname_keys: set[str]) -> set[str]:
    """Keys that let surnames one consonant apart meet, anchored on the whole given name."""
    sources = sorted((k for k in surname_keys if len(k) >= NEAR_MIN), key=_by_size)
    if not sources:
        return set()
    anchors = sorted(_given_anchors(name))[:MAX_ANCHORS]
    near: set[str] = set()
    for key in sources[:MAX_NEAR_SOURCES]:
        near |= _dropped(key)
    return {f"{NEAR_PREFIX}{k}|{a}" for k in near for a in anchors}


def _given_part(name: ParsedName) -> NamePart | None:
    if name.given is not None:
        return name.given
    initials = name.role("initial")
    return initials[0] if initials else None


def given_keys(name: ParsedName) -> frozenset[str]:
    """Keys that split an oversized block by given name.

    A full given name (or nickname) gives its skeleton keys (``K:``), their
    proper beginnings of two classes or more (``H:``: a name whose whole key
    is one of them meets it, so that Riz meets Rizwan and Mike Michael), the
    first two classes of a Hebrew given name (``P:``, which meet those of
    any name: Hebrew letters leave vowels and b/v, p/f, v/w open, so that
    סטיבן meets Stephen and וילסום Wilson), its curated equivalence groups
    (``G:``, so that Sasha meets Alexander) and
    the initials it can stand for (``L:``). An initial-only name gives
    ``L:`` keys and the marker ``"!"``; a name with no given part gives
    ``{"*"}``. See :func:`meets` for which names pair.

    Measured and dropped: keys with one class deleted (Vilsom meets Wilson),
    three more true dev pairs for 50% more candidate pairs at a million
    mentions; and the first two classes shared by Latin or Cyrillic names
    (Valerija meets Vladimir, Margarita Marta), 13% of all candidate pairs at
    300,000 mentions, of which 0.2% were the same person and 85% a cannot-link.
    """
    initial = _given_part(name)
    parts = [p for p in (name.given, *name.role("nickname")) if p is not None]
    if not parts:
        if initial is None:
            return frozenset({_ANY_GIVEN})
        letter = latin_forms(initial.text.rstrip(".")).forms[0][:1]
        return frozenset({_INITIAL_ONLY, "L:" + letter})
    keys: set[str] = set()
    for part in parts:
        text = part.text
        skeletons = part_keys(text)
        keys.update("K:" + k for k in skeletons)
        keys.update("H:" + k[:n] for k in skeletons for n in range(ANCHOR_LEN, len(k)))
        first = "P:" if part.script == "Hebr" else "Q:"
        keys.update(first + k[:ANCHOR_LEN] for k in skeletons if len(k) >= ANCHOR_LEN)
        keys.add("L:" + latin_forms(text).forms[0][:1])
        for group in knowledge.name_groups(text):
            if group.startswith(knowledge.CURATED_PREFIX):
                keys.add("G:" + group)
                keys.update("L:" + f[:1] for f in knowledge.full_forms(text) if f.isascii())
        keys.update("L:" + h[:1] for h in knowledge.headwords(text))
    return frozenset(keys)


def meets(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names with these given-name keys pair in an oversized block.

    They do when either has no given part, when they share a skeleton or
    group key, when one's skeleton key begins the other's, or when one is
    initial-only and the other can have that initial.
    """
    if _ANY_GIVEN in a or _ANY_GIVEN in b:
        return True
    if _INITIAL_ONLY in a or _INITIAL_ONLY in b:
        return bool(a & b)
    return any(p in b for k in a for p in _partners(k))


#: Given-name keys that meet only keys of another kind: a beginning (``H:``)
#: meets a whole key (``K:``), and a Latin or Cyrillic name's first two
#: classes (``Q:``) meet a Hebrew name's (``P:``).
_MEETS_ONLY = {"H:": "K:", "Q:": "P:"}
_MET_BY = {v: k for k, v in _MEETS_ONLY.items()}


def _partners(key: str) -> tuple[str, ...]:
    """The given-name keys that ``key`` meets (none for an initial key)."""
    kind, rest = key[:2], key[2:]
    if kind in _MEETS_ONLY:
        return (_MEETS_ONLY[kind] + rest,)
    if kind in _MET_BY:
        return key, _MET_BY[kind] + rest
    return () if kind == "L:" else (key,)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


class BlockIndex:
    """An incremental index from block keys to names, yielding candidate pairs.

    Not thread-safe; the :class:`~aliaskit.resolver.Resolver` guards it.

    With ``track_pairs=False`` the index keeps no per-pair counts (the bulk of
    its memory at scale): it then takes a single :meth:`add_many` batch, as
    :func:`aliaskit.cluster` needs, and refuses later additions.
    """

    def __init__(self, *, track_pairs: bool = True) -> None:
        self._track = track_pairs
        self._blocks: dict[str, set[str]] = defaultdict(set)
        self._keys: dict[str, frozenset[str]] = {}
        self._given: dict[str, frozenset[str]] = {}
        self._support: dict[tuple[str, str], int] = defaultdict(int)
        # Per block: members by given-name key, and members without a full given name.
        self._sub: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._loose: dict[str, set[str]] = defaultdict(set)
        self._indexed: set[str] = set()  # blocks whose given-key index is built
        self._released = False

    def release(self) -> None:
        """Free the blocks of an untracked index once its one batch is paired.

        :func:`aliaskit.cluster` does so before scoring: at a million names
        the blocks are the largest structure it would otherwise keep. A
        released index answers no more queries.
        """
        if self._track:
            raise RuntimeError("only a track_pairs=False index can be released")
        self._released = True
        self._blocks = defaultdict(set)
        self._keys = {}
        self._given = {}

    def _check_live(self) -> None:
        if self._released:
            raise RuntimeError("this BlockIndex was released after its one batch")

    def __contains__(self, item: str) -> bool:
        self._check_live()
        return item in self._keys

    def __len__(self) -> int:
        self._check_live()
        return len(self._keys)

    def block_sizes(self) -> list[int]:
        """Sizes of all blocks."""
        self._check_live()
        return [len(v) for v in self._blocks.values()]

    def _block_pairs(self, key: str) -> Iterator[tuple[str, str]]:
        members = sorted(self._blocks[key])
        if len(members) <= block_limit(key):
            yield from combinations(members, 2)  # (a, b) with a < b, in order
            return
        if key.startswith(NEAR_PREFIX):
            return  # its members share a given name: splitting would not narrow it
        yield from self._split_pairs(members)

    def _split_pairs(self, members: list[str]) -> set[tuple[str, str]]:
        """Pairs of an oversized block: members whose given names meet."""
        sub: dict[str, list[str]] = defaultdict(list)
        letters: dict[str, list[str]] = defaultdict(list)  # members by the initials they allow
        bare: list[str] = []  # no given part: pairs with every member
        initial_only: list[str] = []  # pairs with the members that allow its initial
        for m in members:
            gk = self._given[m]
            if _ANY_GIVEN in gk:
                bare.append(m)
                continue
            for k in gk:
                (letters if k.startswith("L:") else sub)[k].append(m)
            if _INITIAL_ONLY in gk:
                initial_only.append(m)
        seen: set[tuple[str, str]] = set()
        for key, group in sub.items():  # initial-only names meet each other under "!"
            kind = key[:2]
            if kind not in _MEETS_ONLY:
                seen.update(combinations(group, 2))  # members are sorted, so is each group
            elif others := sub.get(_MEETS_ONLY[kind] + key[2:]):
                seen.update(_pair(x, y) for x in group for y in others if x != y)
        for w in bare:
            seen.update(_pair(w, m) for m in members if m != w)
        for w in initial_only:  # as meets(): a shared initial key
            for k in self._given[w]:
                if k.startswith("L:"):
                    seen.update(_pair(w, m) for m in letters[k] if m != w)
        return seen

    def add(self, item: str, name: ParsedName) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """Index one name; return the candidate pairs (added, removed)."""
        self._check_live()
        if item in self._keys:
            return set(), set()
        if not self._track:
            pairs, gone = self.add_many([(item, name)])
            return set(pairs), gone
        keys = block_keys(name)
        self._keys[item] = keys
        self._given[item] = given_keys(name)
        added: set[tuple[str, str]] = set()
        removed: set[tuple[str, str]] = set()
        for key in sorted(keys):
            crossing = len(self._blocks[key]) == block_limit(key)
            before = set(self._block_pairs(key)) if crossing else None
            self._blocks[key].add(item)
            self._index_given(key, item)
            if before is not None:
                after = set(self._block_pairs(key))
                for p in before - after:
                    self._support[p] -= 1
                    if self._support[p] == 0:
                        del self._support[p]
                        removed.add(p)
                for p in after - before:
                    self._new_support(p, added)
            else:
                for p in self._pairs_with(key, item):
                    self._new_support(p, added)
        return added - removed, removed - added

    def add_many(
        self, items: Iterable[tuple[str, ParsedName]]
    ) -> tuple[AbstractSet[tuple[str, str]], set[tuple[str, str]]]:
        """Index many names at once; return the candidate pairs (added, removed).

        The same as calling :meth:`add` for each, but each block touched is
        paired once, after all its new members are in. An untracked index
        lists its pairs block by block, so that pairs sharing names come
        together (scoring them in that order ran 40% faster than in hash
        order, and as fast as sorted, without the sort).
        """
        self._check_live()
        if not self._track and self._keys:
            raise RuntimeError("a BlockIndex built with track_pairs=False takes one batch only")
        fresh, touched = self._take(items)
        if not self._track:
            return self._first_batch(fresh, touched), set()
        delta: dict[tuple[str, str], int] = defaultdict(int)
        for key in touched:
            if key in self._blocks:
                for p in self._block_pairs(key):
                    delta[p] -= 1
        for item in fresh:
            for key in self._keys[item]:
                self._blocks[key].add(item)
                self._index_given(key, item)
        for key in touched:
            for p in self._block_pairs(key):
                delta[p] += 1
        return self._apply(delta)

    def _take(
        self, items: Iterable[tuple[str, ParsedName]]
    ) -> tuple[dict[str, ParsedName], set[str]]:
        """Key the names not indexed yet; return them and the block keys they touch."""
        fresh: dict[str, ParsedName] = {}
        for item, name in items:
            if item not in self._keys and item not in fresh:
                fresh[item] = name
        touched: set[str] = set()
        for item, name in fresh.items():
            self._keys[item] = block_keys(name)
            self._given[item] = given_keys(name)
            touched |= self._keys[item]
        return fresh, touched

    def fill(self, items: Iterable[tuple[str, ParsedName]]) -> None:
        """Index names without listing their pairs (untracked index, one batch).

        Read the pairs one name at a time with :meth:`partners`: this holds
        the index only, never all the pairs.
        """
        if self._track or self._keys:
            raise RuntimeError("fill() takes one batch into an empty track_pairs=False index")
        fresh, _ = self._take(items)
        self._file(fresh)

    def _file(self, fresh: dict[str, ParsedName]) -> None:
        for item in fresh:
            for key in self._keys[item]:
                self._blocks[key].add(item)

    def _first_batch(
        self, fresh: dict[str, ParsedName], touched: set[str]
    ) -> AbstractSet[tuple[str, str]]:
        """Fill an empty untracked index; return its pairs (as :meth:`candidates`)."""
        found = self._paired(fresh, touched)
        return set(found.pairs())

    def candidates(self, items: Iterable[tuple[str, ParsedName]]) -> CandidatePairs:
        """Index one batch into an empty untracked index; return its candidate pairs
        as integer arrays (:class:`~aliaskit._candidates.CandidatePairs`).

        The same pairs as :meth:`add_many` gives, without ever holding them as
        a set of string pairs.
        """
        self._check_live()
        if self._track or self._keys:
            raise RuntimeError("candidates() takes one batch into an empty track_pairs=False index")
        fresh, touched = self._take(items)
        return self._paired(fresh, touched)

    def _paired(self, fresh: dict[str, ParsedName], touched: set[str]) -> CandidatePairs:
        self._file(fresh)
        names = tuple(sorted(fresh))
        ids = {name: i for i, name in enumerate(names)}
        out = CodeCollector(len(names))
        blocks = self._blocks
        # Blocks with the same members give the same pairs when they are all
        # paired, or all split: the near keys of one surname mostly do.
        done: set[tuple[bool, frozenset[str]]] = set()
        for key in touched:
            members = blocks[key]
            if len(members) < 2:  # most blocks hold one name and give no pairs
                continue
            whole = len(members) <= block_limit(key)
            if not whole and key.startswith(NEAR_PREFIX):
                continue  # no pairs (see _block_pairs)
            seen = (whole, frozenset(members))
            if seen in done:
                continue
            done.add(seen)
            if whole:
                out.add_block([ids[m] for m in members])
            else:
                pairs = self._split_pairs(sorted(members))
                out.add_pairs((ids[a] for a, _ in pairs), (ids[b] for _, b in pairs))
        return CandidatePairs(names, out.codes())

    def _apply(
        self, delta: dict[tuple[str, str], int]
    ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """Change pair support by ``delta``; return the pairs that appeared and vanished."""
        added: set[tuple[str, str]] = set()
        removed: set[tuple[str, str]] = set()
        for p, change in delta.items():
            if not change:
                continue
            old = self._support.get(p, 0)
            new = old + change
            if new:
                self._support[p] = new
            else:
                del self._support[p]
            if not old:
                added.add(p)
            elif not new:
                removed.add(p)
        return added, removed

    def _new_support(self, p: tuple[str, str], added: set[tuple[str, str]]) -> None:
        self._support[p] += 1
        if self._support[p] == 1:
            added.add(p)

    def _pairs_with(self, key: str, item: str) -> Iterable[tuple[str, str]]:
        members = self._blocks[key]
        if len(members) <= block_limit(key):
            return (_pair(item, m) for m in members if m != item)
        if key.startswith(NEAR_PREFIX):
            return ()
        gk = self._given[item]
        if _ANY_GIVEN in gk or _INITIAL_ONLY in gk:
            return [_pair(item, m) for m in members if m != item and meets(gk, self._given[m])]
        if key not in self._indexed:  # built when the block first outgrows its limit
            self._indexed.add(key)
            for member in members:
                self._index_given(key, member)
        sub = self._sub[key]
        found: set[str] = set()
        for k in gk:
            for p in _partners(k):
                found |= sub.get(p, set())
        found.update(m for m in self._loose[key] if meets(gk, self._given[m]))
        found.discard(item)
        return [_pair(item, m) for m in found]

    def _index_given(self, key: str, item: str) -> None:
        if key not in self._indexed:
            return
        gk = self._given[item]
        if _ANY_GIVEN in gk or _INITIAL_ONLY in gk:
            self._loose[key].add(item)
            return
        sub = self._sub[key]
        for k in gk:
            if not k.startswith("L:"):
                sub[k].add(item)

    def partners(self, item: str) -> set[str]:
        """The names ``item`` is a candidate pair with, as the index stands.

        The same pairs as :meth:`pairs`, one name at a time, so that all
        pairs can be streamed without holding them.
        """
        self._check_live()
        found: set[str] = set()
        for key in self._keys[item]:
            for a, b in self._pairs_with(key, item):
                found.add(b if a == item else a)
        return found

    def pairs(self) -> set[tuple[str, str]]:
        """All current candidate pairs."""
        self._check_live()
        found: set[tuple[str, str]] = set()
        for key in self._blocks:
            found.update(self._block_pairs(key))
        return found
