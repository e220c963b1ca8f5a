"""Split a person name into parts with roles.

Roles: ``given``, ``middle``, ``nickname``, ``patronymic``, ``surname``,
``particle`` (abu, ben, van, von, ... bound to the part after it) and
``initial``. Titles and honorifics are dropped and recorded. Roles written
with a name (offices with their nationality or organisation, kinship words:
``Russian President``, ``his mother``, ``ראש הממשלה``) are dropped too, and
kept as written in :attr:`ParsedName.roles`; they are never name parts.

Order is decided, in this order of precedence, by: a comma (``Trufanov,
Alexander`` is surname first); a patronymic in last position (Russian
official order ``Труфанов Александр Витальевич``); an upper-case run among
mixed-case parts (``TRUFANOV Alexander``); a known given name in last
position with an unknown first part; otherwise given names first.
A patronymic is recognised by its ending (-ovich, -evich, -ovna, -evna,
-ichna, Ukrainian -ivna/-ovych, Belarusian -avich/-auna/-euna, and the
Cyrillic forms), and only when at least two other parts remain, so that
``Roman Abramovich`` keeps its surname (or when the one other part is an
upper-case surname: ``Геннадійович АНІКА``).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import attrs

from aliaskit._check import require_str
from aliaskit._parse_roles import could_start_role, role_length, written
from aliaskit._parse_tokens import (
    MEMO_LARGE,
    assign_order,
    mark_nasab,
    mark_particles_and_initials,
    mark_patronymic,
    read_tokens,
)
from aliaskit._parse_words import devotional_names as devotional_names
from aliaskit._parse_words import given_endings, name_words, pieces, split_raw
from aliaskit._parse_words import is_patronymic_form as is_patronymic_form
from aliaskit.keys import fold
from aliaskit.latin import latin_forms
from aliaskit.text import _detect, normalize

__all__ = [
    "MAX_NAME_CHARS",
    "LongNameWarning",
    "NamePart",
    "ParsedName",
    "given_endings",
    "parse_name",
]

#: Longer names are matched on their first this many characters (with a warning):
#: no person name is this long, and it bounds the cost of hostile input.
MAX_NAME_CHARS = 256


@attrs.frozen(cache_hash=True)
class NamePart:
    """One part of a parsed name: its normalised text, role and script."""

    text: str
    role: str
    script: str

    @property
    def folded(self) -> str:
        """The romanisation-invariant form of the part's best Latin form."""
        return fold(latin_forms(self.text).forms[0])


@attrs.frozen(eq=False)
class ParsedName:
    """A name split into roles. Build it with :func:`parse_name`.

    Compared and hashed by identity: :func:`parse_name` returns the same
    object for the same string (it is cached), and every derived form is
    cached per object.

    >>> name = parse_name("Trufanov, Alexander Vitalievich")
    >>> [p.text for p in name.given], name.patronymic.text, [p.text for p in name.surname]
    (['alexander'], 'vitalievich', ['trufanov'])
    >>> [p.text for p in parse_name("John Henry Smith").given]
    ['john', 'henry']
    >>> parse_name("Russian President Vladimir Putin").roles
    ('Russian President',)
    """

    original: str
    normalized: str
    script: str
    parts: tuple[NamePart, ...]
    #: Words taken off the name (titles, role words, post-nominal words,
    #: numbers), normalised, in written order.
    dropped: tuple[str, ...] = ()
    #: Generational suffixes (Jr., Sr., III), kept out of the parts.
    suffixes: tuple[str, ...] = ()
    #: Roles written with the name, as written: an office with its qualifiers
    #: or a kinship word, before the name, after its comma, or in brackets.
    #: Comparison ignores them.
    roles: tuple[str, ...] = ()

    @property
    def generation(self) -> int | None:
        """The generation a suffix names (Sr 1, Jr and II 2, III 3, IV 4), if any.

        >>> parse_name("John Smith Jr.").generation, parse_name("John Smith").generation
        (2, None)
        """
        table = name_words().generations
        return table[self.suffixes[-1]] if self.suffixes else None

    def role(self, role: str) -> tuple[NamePart, ...]:
        """The parts with one role, in written order."""
        return _by_role(self).get(role, ())

    @property
    def given(self) -> tuple[NamePart, ...]:
        """The given names, in written order: the first given name and the
        middle names (empty when the name has none; initials are
        ``role("initial")``), a tuple as :attr:`surname` is."""
        return tuple(part for part in self.parts if part.role in ("given", "middle"))

    @property
    def surname(self) -> tuple[NamePart, ...]:
        """The surname parts, with the particles bound to them, in written order."""
        out: list[NamePart] = []
        pending: list[NamePart] = []
        for part in self.parts:
            if part.role == "particle":
                pending.append(part)
                continue
            if part.role == "surname":
                out.extend(pending)
                out.append(part)
            pending = []
        return tuple(out)

    @property
    def patronymic(self) -> NamePart | None:
        """The patronymic, if any."""
        for part in self.parts:
            if part.role == "patronymic":
                return part
        return None

    @property
    def is_weak(self) -> bool:
        """True for a bare surname or a name whose given part is only an initial."""
        return not any(part.role in ("given", "nickname") for part in self.parts)


def parts_by_role(name: ParsedName) -> tuple[dict[str, list[NamePart]], list[NamePart]]:
    """In one pass over a name's parts: its parts by role, in written order, and
    its surname parts with the particles bound to them (as :attr:`ParsedName.surname`).

    Not memoised: for code that reads a name once (features, block keys).
    """
    roles: dict[str, list[NamePart]] = {}
    surname: list[NamePart] = []
    pending: list[NamePart] = []
    for part in name.parts:
        role = part.role
        if role in roles:
            roles[role].append(part)
        else:
            roles[role] = [part]
        if role == "particle":
            pending.append(part)
            continue
        if role == "surname":
            surname.extend(pending)
            surname.append(part)
        if pending:
            pending = []
    return roles, surname


@lru_cache(maxsize=MEMO_LARGE)
def _by_role(name: ParsedName) -> dict[str, tuple[NamePart, ...]]:
    """The parts of a name grouped by role (computed once per name)."""
    groups: dict[str, list[NamePart]] = {}
    for part in name.parts:
        groups.setdefault(part.role, []).append(part)
    return {role: tuple(parts) for role, parts in groups.items()}


@lru_cache(maxsize=MEMO_LARGE)
def _parse(raw: str) -> ParsedName:
    raw_tokens, nick_raw, _comma = split_raw(raw)
    tokens, comma_at, dropped, suffixes, roles = read_tokens(raw_tokens)
    if nick_raw and tokens:
        nick_raw = _bracketed_role(nick_raw, dropped, roles)
    has_particle = mark_particles_and_initials(tokens)
    core = [t for t in tokens if not t.role]
    patronymic_last = mark_patronymic(core)
    if len(core) >= 3:
        core = [t for t in core if not t.role]
    if core:
        comma_core = None
        if comma_at is not None:
            comma_core = sum(1 for t in tokens[:comma_at] if not t.role) or None
        if patronymic_last and comma_core is None and len(core) >= 2:
            comma_core = 1
        at = tokens.index(core[-1])
        particle_last = at > 0 and tokens[at - 1].role == "particle"
        assign_order(core, comma_core, particle_last)
    if has_particle:
        mark_nasab(tokens)
    parts = [NamePart(t.text, t.role or "surname", _detect(t.text)) for t in tokens]
    if nick_raw:
        nicknames = [p for n in nick_raw for p in normalize(n).split()]
        parts += [NamePart(p, "nickname", _detect(p)) for p in nicknames]
    if parts and parts[-1].role == "given" and all(p.role == "initial" for p in parts[:-1]):
        parts[-1] = attrs.evolve(parts[-1], role="surname")
    norm = " ".join([p.text for p in parts])
    script = _name_script(norm, parts)
    if suffixes:  # the generation stays in the comparable form: Jr. is not Sr.
        norm = " ".join([norm, *suffixes])
    return ParsedName(
        raw, norm, script, tuple(parts), tuple(dropped), tuple(suffixes), tuple(roles)
    )


def _bracketed_role(nick_raw: list[str], dropped: list[str], roles: list[str]) -> list[str]:
    """Bracketed words that are all a role (Vladimir Putin (Russian President)),
    moved to ``roles``; the nickname words left."""
    first = pieces(nick_raw[0])
    if not first or not could_start_role(first[0]):
        return nick_raw
    texts: list[str] = []
    origins: list[int] = []
    for at, word in enumerate(nick_raw):
        for piece in pieces(word):
            texts.append(piece)
            origins.append(at)
    if not texts or role_length(texts, origins, kept=1) != len(texts):
        return nick_raw
    roles.append(written(nick_raw))
    dropped.extend(texts)
    return []


def _name_script(norm: str, parts: list[NamePart]) -> str:
    """The script of a whole name: the one script its parts have, if they agree.

    Letters are counted across parts, so a script that leads in every part
    (ties going to the same code) leads in the whole.
    """
    scripts = {p.script for p in parts}
    scripts.discard("Zyyy")  # parts without letters
    if len(scripts) == 1:
        return scripts.pop()
    return _detect(norm)


def parse_name(text: str) -> ParsedName:
    """Parse a person name into roles.

    >>> [(p.text, p.role) for p in parse_name("TRUFANOV Alexander").parts]
    [('trufanov', 'surname'), ('alexander', 'given')]
    >>> [(p.text, p.role) for p in parse_name("Alexander (Sasha) Troufanov").parts]
    [('alexander', 'given'), ('troufanov', 'surname'), ('sasha', 'nickname')]
    >>> parse_name("Труфанов Александр Витальевич").patronymic.text
    'витальевич'
    """
    require_str(text, "text")
    if len(text) > MAX_NAME_CHARS:
        parsed = _parse(_truncate(text))
        warnings.warn(
            f"name of {len(text)} characters matched on its first {MAX_NAME_CHARS}: "
            f"{text[:40]!r}...",
            LongNameWarning,
            stacklevel=2,
        )
        return attrs.evolve(parsed, original=text)
    return _parse(text)


class LongNameWarning(UserWarning):
    """A name longer than :data:`MAX_NAME_CHARS` was truncated for matching."""


def _truncate(text: str) -> str:
    """The first MAX_NAME_CHARS characters, cut back to a word boundary."""
    head = text[:MAX_NAME_CHARS]
    cut = head.rfind(" ")
    return head[:cut] if cut > MAX_NAME_CHARS // 2 else head
