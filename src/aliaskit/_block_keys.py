"""Block keys: the surname keys that make names meet, and the given-name and
second-name keys that split oversized blocks (see :mod:`aliaskit.blocking`)."""

from __future__ import annotations

from functools import lru_cache

from aliaskit import knowledge
from aliaskit.belarusian import belarusian_name, name_word_reading
from aliaskit.latin import latin_forms, part_keys
from aliaskit.parse import NamePart, ParsedName, parts_by_role

__all__ = [
    "ANY_GIVEN",
    "INITIAL_ONLY",
    "MAX_BLOCK",
    "MAX_GIVEN_GROUP",
    "MAX_NEAR_SOURCES",
    "MAX_SHORT_BLOCK",
    "MEETS_ONLY",
    "NEAR_PREFIX",
    "PAIR_MIN",
    "block_keys",
    "block_limit",
    "given_keys",
    "meets",
    "partners",
    "second_keys",
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
#: The given-name key of a name without a given part: it meets every name.
ANY_GIVEN = "*"
#: The given-name key marking a name whose given part is only an initial.
INITIAL_ONLY = "!"
#: In a block split by given names, a group of more than this many names met
#: through one given-name key (or one initial) is split again by patronymic
#: and middle names (:func:`second_keys`), so that a common surname with a
#: common given name does not pair every Ivan Ivanov with every other.
MAX_GIVEN_GROUP = 50
#: Keys computed from a name's given names, or its patronymic and middle
#: names, are memoised per those words (they repeat across names): this many.
MEMO_KEYS = 1 << 16


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
    bound, middles, maiden, given = _roles(name)
    surname = [p.text for p in bound if p.role == "surname"]
    if surname:
        keys = set(part_keys("".join(surname)))
        if middles:  # a compound surname written with a space: Dekel Chen
            keys |= part_keys(middles[-1].text + "".join(surname))
        for piece in surname[-1].split("-") if "-" in surname[-1] else ():
            keys |= part_keys(piece)  # one part of a compound: Kuznetsov-Krasovsky
        for piece in surname if len(surname) > 1 else ():
            keys |= part_keys(piece)  # two surnames marked by a comma or capitals
        for part in maiden:
            keys |= part_keys(part.text)  # a maiden name: Trufanova née Petrova
        if len(surname) == 1 and belarusian_name([p.text for p in name.parts]):
            reading = name_word_reading(surname[0])  # Piatrova beside Aliaksandrauna
            keys |= part_keys(reading) if reading is not None else frozenset()
        if len(bound) > len(surname):  # a particle written fused: Benaroya, Elabed
            keys |= part_keys("".join(p.text for p in bound))
        keys |= _filiation_keys(name)
        near = _near_keys(tuple(p.text for p in given), keys)
        return frozenset({"S:" + k for k in keys} | near | _pair_keys(name))
    if given:
        return frozenset({"S:" + k for k in part_keys(given[0].text)} | _pair_keys(name))
    return frozenset("S:" + k for p in name.parts for k in part_keys(p.text))


def _roles(
    name: ParsedName,
) -> tuple[list[NamePart], list[NamePart], list[NamePart], list[NamePart]]:
    """The surname with its particles, the middle names, the maiden names, and
    the given name with the nicknames, from one pass over the parts."""
    roles, bound = parts_by_role(name)
    given = roles.get("given", [])[:1] + roles.get("nickname", [])
    return bound, roles.get("middle", []), roles.get("maiden", []), given


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
            out |= _word_pair_keys(a, b)
    return out


@lru_cache(maxsize=MEMO_KEYS)
def _word_pair_keys(a: str, b: str) -> frozenset[str]:
    """The order-free keys of two words (see :func:`_pair_keys`)."""
    out = set()
    for ka in part_keys(a):
        for kb in part_keys(b):
            if len(ka) + len(kb) >= PAIR_MIN:
                out.add("W:" + "|".join(sorted((ka, kb))))
    return frozenset(out)


def block_limit(key: str) -> int:
    """How many names a block may hold before it is split by given-name keys."""
    core = key.split(":", 1)[-1].split("|", 1)[0]
    return MAX_SHORT_BLOCK if len(core) <= SHORT_KEY else MAX_BLOCK


def _dropped(key: str) -> set[str]:
    """The key and its one-class deletions."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


@lru_cache(maxsize=MEMO_KEYS)
def _given_anchors(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The first :data:`MAX_ANCHORS` of the whole skeleton keys of given names
    (``texts``) and their curated groups, sorted."""
    anchors: set[str] = set()
    for text in texts:
        anchors.update(part_keys(text))
        anchors.update(
            g for g in knowledge.name_groups(text) if g.startswith(knowledge.CURATED_PREFIX)
        )
    return tuple(sorted(anchors)[:MAX_ANCHORS])


def _by_size(key: str) -> tuple[int, str]:
    """Shorter keys first: Hebrew readings with vowel letters read as vowels."""
    return len(key), key


def _near_keys(given_texts: tuple[str, ...], surname_keys: set[str]) -> frozenset[str]:
    """Keys that let surnames one consonant apart meet, anchored on the whole given
    name (``given_texts``: the given name and nicknames)."""
    sources = sorted((k for k in surname_keys if len(k) >= NEAR_MIN), key=_by_size)
    if not sources:
        return frozenset()
    return _anchored(tuple(sources[:MAX_NEAR_SOURCES]), _given_anchors(given_texts))


@lru_cache(maxsize=MEMO_KEYS)
def _anchored(sources: tuple[str, ...], anchors: tuple[str, ...]) -> frozenset[str]:
    """The near keys of surname keys ``sources`` anchored on given-name ``anchors``."""
    near: set[str] = set()
    for key in sources:
        near |= _dropped(key)
    return frozenset(f"{NEAR_PREFIX}{k}|{a}" for k in near for a in anchors)


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
    given: list[NamePart] = []
    nicknames: list[NamePart] = []
    initial: NamePart | None = None
    for part in name.parts:  # one pass: the given name, nicknames, first initial
        role = part.role
        if role == "given":
            if not given:
                given.append(part)
        elif role == "nickname":
            nicknames.append(part)
        elif role == "initial" and initial is None:
            initial = part
    if given or nicknames:
        return _full_given_keys(tuple((p.text, p.script) for p in (*given, *nicknames)))
    if initial is None:
        return frozenset({ANY_GIVEN})
    letter = latin_forms(initial.text.rstrip(".")).forms[0][:1]
    return frozenset({INITIAL_ONLY, "L:" + letter})


@lru_cache(maxsize=MEMO_KEYS)
def _full_given_keys(parts: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """:func:`given_keys` of full given names and nicknames, as (text, script)."""
    keys: set[str] = set()
    for text, script in parts:
        skeletons = part_keys(text)
        keys.update("K:" + k for k in skeletons)
        keys.update("H:" + k[:n] for k in skeletons for n in range(ANCHOR_LEN, len(k)))
        first = "P:" if script in ("Hebr", "Arab") else "Q:"
        keys.update(first + k[:ANCHOR_LEN] for k in skeletons if len(k) >= ANCHOR_LEN)
        keys.add("L:" + latin_forms(text).forms[0][:1])
        for group in knowledge.name_groups(text):
            if group.startswith(knowledge.CURATED_PREFIX):
                keys.add("G:" + group)
                keys.update("L:" + f[:1] for f in knowledge.full_forms(text) if f.isascii())
        keys.update("L:" + h[:1] for h in knowledge.headwords(text))
    return frozenset(keys)


_SECOND_ROLES = frozenset({"patronymic", "middle"})


def second_keys(name: ParsedName) -> frozenset[str]:
    """Keys that split an oversized given-name group by patronymic and middle names.

    Built and met like :func:`given_keys` (:func:`meets`): a full patronymic
    or middle name gives its skeleton keys (``K:``), their beginnings
    (``H:``) and its initial (``L:``); initials after the one that stands
    for the given name give ``L:`` keys and the marker ``"!"``; a name with
    neither gives ``{"*"}``, which meets every name.

    >>> from aliaskit.parse import parse_name
    >>> def second(text: str) -> frozenset[str]:
    ...     return second_keys(parse_name(text))
    >>> meets(second("Ivan Petrovich Ivanov"), second("I. P. Ivanov"))
    True
    >>> meets(second("Ivan Petrovich Ivanov"), second("Ivan Sergeevich Ivanov"))
    False
    """
    full: list[str] = []
    initials: list[str] = []
    has_given = False
    for part in name.parts:  # one pass over the parts
        role = part.role
        if role in _SECOND_ROLES:
            full.append(part.text)
        elif role == "initial":
            initials.append(part.text)
        elif role == "given":
            has_given = True
    if not has_given:
        initials = initials[1:]  # the first stands for the given name
    return _second_keys(tuple(full), tuple(initials))


@lru_cache(maxsize=MEMO_KEYS)
def _second_keys(full: tuple[str, ...], initials: tuple[str, ...]) -> frozenset[str]:
    """:func:`second_keys` of patronymics and middle names ``full`` and ``initials``."""
    if not full and not initials:
        return frozenset({ANY_GIVEN})
    keys = {"L:" + latin_forms(text.rstrip(".")).forms[0][:1] for text in initials}
    if not full:
        return frozenset({INITIAL_ONLY, *keys})
    for text in full:
        skeletons = part_keys(text)
        keys.update("K:" + k for k in skeletons)
        keys.update("H:" + k[:n] for k in skeletons for n in range(ANCHOR_LEN, len(k)))
        keys.add("L:" + latin_forms(text).forms[0][:1])
    return frozenset(keys)


def meets(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names with these given-name keys pair in an oversized block.

    They do when either has no given part, when they share a skeleton or
    group key, when one's skeleton key begins the other's, or when one is
    initial-only and the other can have that initial.
    """
    if ANY_GIVEN in a or ANY_GIVEN in b:
        return True
    if INITIAL_ONLY in a or INITIAL_ONLY in b:
        return bool(a & b)
    return any(p in b for k in a for p in partners(k))


#: Given-name keys that meet only keys of another kind: a beginning (``H:``)
#: meets a whole key (``K:``), and a Latin or Cyrillic name's first two
#: classes (``Q:``) meet a Hebrew name's (``P:``).
MEETS_ONLY = {"H:": "K:", "Q:": "P:"}
MET_BY = {v: k for k, v in MEETS_ONLY.items()}


def partners(key: str) -> tuple[str, ...]:
    """The given-name keys that ``key`` meets (none for an initial key)."""
    kind, rest = key[:2], key[2:]
    if kind in MEETS_ONLY:
        return (MEETS_ONLY[kind] + rest,)
    if kind in MET_BY:
        return key, MET_BY[kind] + rest
    return () if kind == "L:" else (key,)
