"""The roles of a name's words, as tokens (see :mod:`aliaskit.parse`).

Roles (:mod:`aliaskit._parse_roles`), titles, post-nominal words and
generational suffixes are taken off, a maiden
name is marked, ``abd`` names are joined, and particles, initials, a nasab
and a patronymic are marked by the words themselves. The core parts left
are ordered: which is the given name, which the surname.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aliaskit._parse_roles import POSSESSIVE, could_start_role, role_length, role_words, written
from aliaskit._parse_words import (
    MEMO_LARGE,
    SHORT_PATRONYMIC,
    as_written,
    is_patronymic_form,
    is_suffix,
    name_words,
    pieces,
)
from aliaskit.knowledge import is_given_name

__all__ = [
    "MEMO_LARGE",
    "Token",
    "assign_order",
    "mark_nasab",
    "mark_particles_and_initials",
    "mark_patronymic",
    "read_tokens",
]


class Token:
    """One normalised word of a name while its role is decided (compared by identity)."""

    __slots__ = ("at", "raw", "role", "text")

    def __init__(self, raw: str, text: str, at: int = -1) -> None:
        self.raw = raw
        self.text = text
        self.role = ""
        #: The index of the written word the token comes from.
        self.at = at


def _is_title(token: Token) -> bool:
    titles = name_words().titles
    text = token.text
    return text in titles or text.replace("'", "") in titles or as_written(token.raw) in titles


def read_tokens(
    raw_tokens: list[str],
) -> tuple[list[Token], int | None, list[str], list[str], list[str]]:
    """Normalised tokens, the token index of a comma, the dropped words
    (titles, role words, post-nominal words, numbers: normalised), the
    generational suffixes, and the roles as written, each in written order.

    A plain tuple: this runs once per name, and a named tuple costs more."""
    tokens: list[Token] = []
    comma_at: int | None = None
    dropped: list[str] = []
    for at, tok in enumerate(raw_tokens):
        if tok == ",":
            comma_at = len(tokens)
            continue
        for piece in pieces(tok):
            if piece.isdigit():
                dropped.append(piece)  # an age or a year: Alexander Trufanov, 28
            else:
                tokens.append(Token(tok, piece, at))
    roles: list[str] = []
    comma_at = _take_leading(tokens, comma_at, dropped, roles)
    if comma_at and comma_at < len(tokens) and could_start_role(tokens[comma_at].text):
        comma_at = _take_trailing(tokens, comma_at, dropped, roles)
    comma_at = _mark_maiden(tokens, dropped, comma_at)
    suffixes: list[str] = []
    while len(tokens) > 1 and is_suffix(tokens[-1].text, tokens[-1].raw):
        generational = tokens[-1].text in name_words().generations
        if generational and len(tokens) < 3:
            break  # Smith Jr stays two words: too little is left without it
        (suffixes if generational else dropped).append(tokens.pop().text)
    suffixes.reverse()
    if comma_at is not None and comma_at >= len(tokens):
        comma_at = None
    if len(tokens) > 2 and not name_words().theophoric.isdisjoint(t.text for t in tokens):
        tokens, comma_at = _joined_theophoric(tokens, comma_at)
    return tokens, comma_at, dropped, suffixes, roles


def _take_leading(
    tokens: list[Token], comma_at: int | None, dropped: list[str], roles: list[str]
) -> int | None:
    """Take the roles and titles off the start of a name, leaving a word;
    return the comma's new index. A role is looked for only when the first
    word may begin one (one set lookup for most names)."""
    starts = role_words().starts
    while len(tokens) > 1:
        first = tokens[0].text
        taken = 0
        if first in starts or "-" in first or POSSESSIVE in first:
            texts = [t.text for t in tokens]
            taken = role_length(texts, [t.at for t in tokens], limit=comma_at or None)
        if taken:
            roles.append(written(_written_words(tokens[:taken])))
        elif comma_at != 1 and _is_title(tokens[0]):
            taken = 1  # alone before a comma, a title word is a surname (KING, Martin Luther)
        else:
            break
        dropped.extend([t.text for t in tokens[:taken]])
        del tokens[:taken]
        if comma_at:
            comma_at = max(comma_at - taken, 0)
    return comma_at


def _take_trailing(
    tokens: list[Token], comma_at: int, dropped: list[str], roles: list[str]
) -> int | None:
    """Take off a role that is all of a name after its comma (Vladimir Putin,
    Russian President); return the comma's index (None once taken)."""
    tail = tokens[comma_at:]
    texts = [t.text for t in tail]
    if role_length(texts, [t.at for t in tail], kept=comma_at) != len(tail):
        return comma_at
    roles.append(written(_written_words(tail)))
    dropped.extend(texts)
    del tokens[comma_at:]
    return None


def _written_words(tokens: list[Token]) -> list[str]:
    """The written words that tokens come from, each once, in order."""
    out: list[str] = []
    last = -1
    for tok in tokens:
        if tok.at != last:
            out.append(tok.raw)
            last = tok.at
    return out


def _mark_maiden(tokens: list[Token], dropped: list[str], comma_at: int | None) -> int | None:
    """Drop a word such as née inside a name, and mark the part after it as
    the maiden name (Elena Trufanova née Petrova); return the comma's index."""
    maiden = name_words().maiden
    i = 1
    while i < len(tokens) - 1:
        if tokens[i].text in maiden and not tokens[i + 1].role:
            dropped.append(tokens.pop(i).text)
            tokens[i].role = "maiden"
            if comma_at is not None and comma_at > i:
                comma_at -= 1
        i += 1
    return comma_at


def _joined_theophoric(tokens: list[Token], comma_at: int | None) -> tuple[list[Token], int | None]:
    """Join ``abd`` (any spelling), an article and the next word into one given
    name (Abd al-Aziz, Abdul Aziz: abdalaziz, abdulaziz), when a surname is
    left (after it, or before a comma) and no comma falls inside."""
    words = name_words()
    particles, heads = words.particles, words.theophoric
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        end = i + 1
        if tokens[i].text in heads:
            if end < len(tokens) - 1 and tokens[end].text in particles:
                end += 1
            end += 1  # the name after it
        inside = comma_at is not None and i < comma_at < end
        # A word must follow, unless a comma put the surname first (SALEM, Abdul Rahman).
        room = end < len(tokens) or (comma_at is not None and comma_at <= i)
        if end - i < 2 or end > len(tokens) or not room or inside:
            out.append(tokens[i])
            i += 1
            continue
        group = tokens[i:end]
        out.append(Token(" ".join(t.raw for t in group), "".join(t.text for t in group)))
        if comma_at is not None and end <= comma_at:
            comma_at -= end - i - 1
        i = end
    return out, comma_at


def mark_particles_and_initials(tokens: list[Token]) -> bool:
    """Mark particles and initials; return whether there is a particle."""
    particles = name_words().particles
    last = tokens[-1] if tokens else None
    # Bar Refaeli: of two parts, a first that is also a given name is one.
    given = (
        tokens[0].text
        if len(tokens) == 2 and tokens[0].text in name_words().given_particles
        else None
    )
    found = False
    for tok in tokens:
        bare = tok.text.rstrip(".")
        if tok.text in particles and tok is not last and tok.text != given:
            tok.role = "particle"
            found = True
        elif len(bare) == 1 or (tok.raw.endswith(".") and len(bare) <= 2):
            tok.role = "initial"
    return found


def mark_nasab(tokens: list[Token]) -> None:
    """``ben``/``bin``/``ibn``/``bar`` + a name that is not the last part is a
    patronymic (Habib ben Mohamed al-Loubiri); before the last part it is the
    surname's particle (David Ben-Gurion, Mohammed bin Salman)."""
    roles = {t.role for t in tokens}
    if "patronymic" in roles or "particle" not in roles:
        return
    filiation = name_words().filiation
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        nasab = tok.role == "particle" and tok.text in filiation and i > 0
        if nasab and nxt.role in ("middle", "given") and nxt is not tokens[-1]:
            nxt.role = "patronymic"
            return


def mark_patronymic(core: list[Token]) -> bool:
    """Mark a patronymic among 3+ core parts; return whether it is the last part."""
    if len(core) < 3:
        return False
    for tok in core[1:]:
        if is_patronymic_form(tok.text):
            tok.role = "patronymic"
            return tok is core[-1]
    # Of a given name in -a (Кузьма: Кузьмич): a Russian name has no other
    # part in -ич after its first, where Serbian writes -ић.
    for tok in core[1:]:
        if SHORT_PATRONYMIC.fullmatch(tok.text):
            tok.role = "patronymic"
            return tok is core[-1]
    return False


# --------------------------------------------------------------------------- order


def _surname_first(core: list[Token], particle_last: bool, runs: tuple[int, int] | None) -> bool:
    """Whether core parts without a comma are written surname first.

    Upper case marks the surname when only some parts have it (``runs``, see
    :func:`_upper_runs`). A particle before the last part binds it as the
    surname (Franco Di Giacomo), even when that part is also a known given name.
    """
    if runs is not None:
        return runs[0] > 0 and runs[1] == 0
    return (
        len(core) == 2
        and not particle_last
        and is_given_name(core[-1].text)
        and not is_given_name(core[0].text)
    )


def _upper_runs(core: list[Token]) -> tuple[int, int] | None:
    """The lengths of the leading and trailing upper-case runs of a name that
    also has parts in mixed case (None when all or none are upper case)."""
    upper = [_is_upper(t.raw) for t in core]
    if all(upper) or not any(upper):
        return None
    return upper.index(False), upper[::-1].index(False)


def assign_order(core: list[Token], comma_at: int | None, particle_last: bool) -> None:
    """Mark given, middle and surname roles on the core tokens in place."""
    n = len(core)
    if n == 1:
        core[0].role = "given" if is_given_name(core[0].text) else "surname"
        return
    runs = _upper_runs(core)
    surname_first = comma_at is not None or _surname_first(core, particle_last, runs)
    # An upper-case run of several parts is a compound surname (GARCIA LOPEZ Juan).
    lead, trail = runs or (0, 0)
    if surname_first:
        split = comma_at if comma_at else max(lead, 1)
        for i, tok in enumerate(core):
            tok.role = "surname" if i < split else ("given" if i == split else "middle")
    else:
        start = n - max(trail, 1)
        for i, tok in enumerate(core):
            tok.role = "given" if i == 0 else ("surname" if i >= start else "middle")
    if n == 2:
        _given_or_patronymic(core)


def _given_or_patronymic(core: list[Token]) -> None:
    """In a two-part name whose surname is marked by upper case, a part of
    patronymic form is the patronymic (``Геннадійович АНІКА``), not a given name."""
    given = core[0] if core[0].role == "given" else core[1]
    surname = core[1] if given is core[0] else core[0]
    if (
        _is_upper(surname.raw)
        and not _is_upper(given.raw)
        and is_patronymic_form(given.text)
        and not is_patronymic_form(surname.text)
    ):
        given.role = "patronymic"


# ASCII and basic Cyrillic (no Latin letters): every letter has a case, and
# str.isupper() tells whether all of them are upper case.
_CASED_SIMPLE = re.compile("[\x00-\x40\x5b-\x60\x7b-\x7f\u0400-\u045f\u0490\u0491]*")


@lru_cache(maxsize=MEMO_LARGE)
def _is_upper(raw: str) -> bool:
    if raw.isascii() or _CASED_SIMPLE.fullmatch(raw):
        return raw.isupper() and sum(c.isalpha() for c in raw) >= 2
    letters = [c for c in raw if c.isalpha() and c.lower() != c.upper()]  # cased letters only
    return len(letters) >= 2 and all(c.isupper() for c in letters)
