"""Split a person name into parts with roles.

Roles: ``given``, ``middle``, ``nickname``, ``patronymic``, ``surname``,
``particle`` (abu, ben, van, von, ... bound to the part after it) and
``initial``. Titles and honorifics are dropped and recorded.

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

import re
import tomllib
import warnings
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

import attrs

from aliaskit import knowledge
from aliaskit._check import require_str
from aliaskit.keys import fold
from aliaskit.latin import latin_forms
from aliaskit.text import _detect, detect_script, join_hebrew_acronyms, normalize

__all__ = [
    "MAX_NAME_CHARS",
    "LongNameWarning",
    "NamePart",
    "ParsedName",
    "given_endings",
    "parse_name",
]

MEMO_LARGE = 1 << 17
#: Longer names are matched on their first this many characters (with a warning):
#: no person name is this long, and it bounds the cost of hostile input.
MAX_NAME_CHARS = 256


class _Words(NamedTuple):
    """The word lists of ``data/name_words.toml``."""

    titles: frozenset[str]
    particles: frozenset[str]
    filiation: frozenset[str]
    theophoric: frozenset[str]
    given_endings: tuple[str, ...]
    given_particles: frozenset[str]
    devotional: frozenset[str]
    generations: Mapping[str, int]
    post_nominals: frozenset[str]
    maiden: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    """Titles, particles, filiation particles, spellings of Arabic ``abd``,
    the endings of compound Arabic given names, the particles that are
    also given names, the devotional first given names, the generational
    suffixes, the post-nominal words and the words before a maiden name,
    from ``data/name_words.toml``."""
    text = files("aliaskit").joinpath("data", "name_words.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return _Words(
        frozenset(data["titles"]),
        frozenset(data["particles"]),
        frozenset(data["filiation"]),
        frozenset(data["theophoric"]),
        tuple(data["given_endings"]),
        frozenset(data["given_particles"]),
        frozenset(data["devotional"]),
        dict(data["generations"]),
        frozenset(data["post_nominals"]),
        frozenset(data["maiden"]),
    )


def devotional_names() -> frozenset[str]:
    """Devotional first given names, after which the second given name is the
    one used alone (José Daniel Ortega ~ Daniel Ortega): see ``data/name_words.toml``."""
    return _words().devotional


def given_endings() -> tuple[str, ...]:
    """Folded endings of compound Arabic given names, often left out
    (Sirajuddin ~ Siraj, Hibatullah ~ Hibat): see ``data/name_words.toml``."""
    return _words().given_endings


_PATRONYMIC_FOLDED = (
    "ovic",
    "evic",
    "ievic",
    "avic",
    "ovna",
    "evna",
    "avna",
    "icna",
    "ivna",
    "auna",
    "euna",
    "iovic",
)
_PATRONYMIC_CYRILLIC = (
    "ович",
    "евич",
    "ьич",
    "овна",
    "евна",
    "ична",
    "івна",
    "ївна",
    "авіч",
    "евіч",
    "аўна",
    "еўна",
    "оўна",
    "івіч",
    # Of given names in -a: Nikita, Foma, Luka, Savva (Никитич, Фомич, Лукич, Саввич).
    "итич",
    "омич",
    "укич",
    "ввич",
)
# The same in Russian romanisations, which write ч as ch or č (Serbian and
# Croatian -ić surnames never do).
_PATRONYMIC_SHORT_LATIN = ("itich", "omich", "ukich", "vvich", "itič", "omič", "ukič", "vvič")
# Belarusian -оўна, which folding would read as -una (ou is u in French spellings).
_PATRONYMIC_OUNA = ("ouna", "oŭna")
_SHORT_PATRONYMIC = re.compile("[а-я]{2,}[бвгджзклмнпрстфхцчшщ]ич")
_BRACKETED = re.compile(r"[\(\[\{«“”\"]([^\)\]\}»“”\"]*)[\)\]\}»“”\"]")
_BRACKET_OPEN = re.compile(r"[\(\[\{«“”\"]")  # what _BRACKETED needs to match
_BRACKET_CHARS = re.compile(r"[\(\)\[\]\{\}«»“”\":;,]")
# Words that introduce another name of the same person inside one string.
_ALIAS = re.compile(
    r"(?:^|[\s,;(\[])(?:a\.?\s?k\.?\s?a\.?|f\.?\s?k\.?\s?a\.?|alias|also\s+known\s+as"
    r"|он\s+же|она\s+же|известн(?:ый|ая)\s+как|הידוע\s+בשם|המכונה)(?=[\s:]+[^\s:])",
    re.IGNORECASE,
)
_INITIAL_RUN = re.compile(r"^(?:\w\.){2,}\w?\.?$")


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
    >>> name.given.text, name.patronymic.text, [p.text for p in name.surname]
    ('alexander', 'vitalievich', ['trufanov'])
    """

    original: str
    normalized: str
    script: str
    parts: tuple[NamePart, ...]
    dropped: tuple[str, ...] = ()
    #: Generational suffixes (Jr., Sr., III), kept out of the parts.
    suffixes: tuple[str, ...] = ()

    @property
    def generation(self) -> int | None:
        """The generation a suffix names (Sr 1, Jr and II 2, III 3, IV 4), if any.

        >>> parse_name("John Smith Jr.").generation, parse_name("John Smith").generation
        (2, None)
        """
        table = _words().generations
        return table[self.suffixes[-1]] if self.suffixes else None

    def role(self, role: str) -> tuple[NamePart, ...]:
        """The parts with one role, in written order."""
        return _by_role(self).get(role, ())

    @property
    def given(self) -> NamePart | None:
        """The first given name, if any."""
        found = self.role("given")
        return found[0] if found else None

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
        found = self.role("patronymic")
        return found[0] if found else None

    @property
    def is_weak(self) -> bool:
        """True for a bare surname or a name whose given part is only an initial."""
        return self.given is None and not self.role("nickname")


@lru_cache(maxsize=MEMO_LARGE)
def _by_role(name: ParsedName) -> dict[str, tuple[NamePart, ...]]:
    """The parts of a name grouped by role (computed once per name)."""
    groups: dict[str, list[NamePart]] = {}
    for part in name.parts:
        groups.setdefault(part.role, []).append(part)
    return {role: tuple(parts) for role, parts in groups.items()}


def is_patronymic_form(token: str) -> bool:
    """Whether a normalised part has the form of a patronymic.

    >>> is_patronymic_form("vitalievich"), is_patronymic_form("витальевна")
    (True, True)
    >>> is_patronymic_form("trufanov")
    False
    """
    if len(token) < 5:
        return False
    if token.endswith(_PATRONYMIC_CYRILLIC) or token.endswith(_PATRONYMIC_SHORT_LATIN):
        return True
    if token.endswith(_PATRONYMIC_OUNA) and len(token) >= 7:
        return True
    script = detect_script(token)
    if script not in ("Latn", "Cyrl"):
        return False
    folded = fold(latin_forms(token).forms[0])
    return len(folded) >= 6 and folded.endswith(_PATRONYMIC_FOLDED)


def _is_suffix(text: str, raw: str) -> bool:
    """Whether a word (normalised ``text``, as written ``raw``) is a generational
    suffix or a post-nominal word; Roman numerals count only in capitals."""
    words = _words()
    if text in words.post_nominals or _as_written(raw) in words.post_nominals:
        return True
    if text not in words.generations:
        return False
    return raw.isupper() or not set(text) <= set("iv")


def _unbracket(match: re.Match[str], nicknames: list[str]) -> str:
    """A bracket that holds a maiden name, kept as words (read below); any
    other, removed, its words added to ``nicknames``."""
    inner = match.group(1)
    words = inner.split()
    if words and normalize(words[0]) in _words().maiden:
        return f" {inner} "
    nicknames.extend(words)
    return " "


_GERSHAYIM = "\u05f4"
_AS_WRITTEN = str.maketrans({'"': _GERSHAYIM, "\u201c": _GERSHAYIM, "\u201d": _GERSHAYIM})


def _as_written(raw: str) -> str:
    """A word as written, for the Hebrew acronyms of the word lists (``סמ״ר``),
    which are matched only with their gershayim: joined, some read as names."""
    return raw.translate(_AS_WRITTEN).strip(".,;:")


def _is_title(token: _Token) -> bool:
    titles = _words().titles
    text = token.text
    return text in titles or text.replace("'", "") in titles or _as_written(token.raw) in titles


def _split_raw(raw: str) -> tuple[list[str], list[str], bool]:
    """Return (main tokens, bracketed nickname tokens, surname_first_by_comma)."""
    nicknames: list[str] = []
    raw = join_hebrew_acronyms(raw, mark=_GERSHAYIM)  # a gershayim is no bracket
    found = _ALIAS.search(raw)
    if found and found.start() > 0 and raw[: found.start()].strip(" ,;([").strip():
        # Alexander Trufanov a.k.a. Sasha: the name after the marker is another
        # name of the person, read as nicknames, as a bracketed one is.
        tail = raw[found.end() :]
        nicknames.extend(_BRACKET_CHARS.sub(" ", tail).split())
        raw = raw[: found.start()]
    main = raw
    if _BRACKET_OPEN.search(raw):
        main = _BRACKETED.sub(lambda m: _unbracket(m, nicknames), raw)
    head, sep, tail = main.rpartition(",")
    if sep and all(_is_suffix(normalize(w), w) or w.strip(".").isdigit() for w in tail.split()):
        main = f"{head} {tail}"  # Smith, John, Jr.: the last comma only sets off the suffix
    comma = main.count(",") == 1 and bool(main.split(",")[1].strip())
    if comma:
        left, right = main.split(",")
        main = left + " , " + right
    tokens: list[str] = []
    for tok in main.split():
        if "." not in tok:
            tokens.extend(_uncameled(tok))
        elif _INITIAL_RUN.match(tok):
            tokens.extend(t + "." for t in tok.split(".") if t)
        elif "." in tok.strip(".") and not tok.endswith("."):
            head, _, tail = tok.partition(".")
            tokens.extend([head + ".", tail])
        else:
            tokens.append(tok)
    if len(tokens) == 1:
        tokens = _unjoined(tokens[0])
    return tokens, nicknames, comma


# Surname prefixes written with a capital after them (MacArthur, FitzGerald).
_CAMEL_PREFIXES = frozenset({"mac", "fitz"})


def _uncameled(tok: str) -> list[str]:
    """A word with a capital after a small letter inside it, split there.

    Scraped and keyed data lose spaces: ``SergeiLavrov``, ``PolPot``,
    ``JanDaniel``. Each piece has three letters or more, so ``McDonald``,
    ``DeAndre`` and ``LeBron`` stay whole, as do ``MacArthur`` and
    ``FitzGerald``, whose prefix is part of the surname.
    """
    if tok == tok.lower() or tok.istitle() or tok.isupper():
        return [tok]  # no capital after a small letter (the usual case, cheaply)
    cut = next((i for i in range(3, len(tok) - 2) if tok[i].isupper() and tok[i - 1].islower()), 0)
    head = tok[:cut]
    if not cut or not head.isalpha() or head.lower() in _CAMEL_PREFIXES:
        return [tok]
    return [head, *_uncameled(tok[cut:])]


def _unjoined(tok: str) -> list[str]:
    """A lone hyphenated token that joins a known given name to a surname, split in two.

    ``Alisher-Usmanov`` loses its space to a hyphen. The token is split
    only when its first piece is a known given name and the second is not,
    so that ``Jean-Pierre`` and ``Dekel-Hen`` stay whole.
    """
    if "-" not in tok:
        return [tok]
    head, _, tail = tok.partition("-")
    if len(head) < 3 or len(tail) < 3 or not head.isalpha() or "-" in tail:
        return [tok]
    if _is_given_name(head) and not _is_given_name(tail):
        return [head, tail]
    return [tok]


def _is_given_name(token: str) -> bool:
    return knowledge.is_given_name(token)


class _Token:
    """One normalised word of a name while its role is decided (compared by identity)."""

    __slots__ = ("raw", "role", "text")

    def __init__(self, raw: str, text: str) -> None:
        self.raw = raw
        self.text = text
        self.role = ""


def _surname_first(core: list[_Token], particle_last: bool, runs: tuple[int, int] | None) -> bool:
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
        and _is_given_name(core[-1].text)
        and not _is_given_name(core[0].text)
    )


def _upper_runs(core: list[_Token]) -> tuple[int, int] | None:
    """The lengths of the leading and trailing upper-case runs of a name that
    also has parts in mixed case (None when all or none are upper case)."""
    upper = [_is_upper(t.raw) for t in core]
    if all(upper) or not any(upper):
        return None
    return upper.index(False), upper[::-1].index(False)


def _assign_order(core: list[_Token], comma_at: int | None, particle_last: bool) -> None:
    """Mark given, middle and surname roles on the core tokens in place."""
    n = len(core)
    if n == 1:
        core[0].role = "given" if _is_given_name(core[0].text) else "surname"
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


def _given_or_patronymic(core: list[_Token]) -> None:
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


def _tokens(
    raw_tokens: list[str],
) -> tuple[list[_Token], int | None, list[str], list[str]]:
    """Normalised tokens, the token index of a comma, the dropped titles and
    post-nominal words, and the generational suffixes (in written order)."""
    tokens: list[_Token] = []
    comma_at: int | None = None
    dropped: list[str] = []
    for tok in raw_tokens:
        if tok == ",":
            comma_at = len(tokens)
            continue
        for piece in _pieces(tok):
            if piece.isdigit():
                dropped.append(piece)  # an age or a year: Alexander Trufanov, 28
            else:
                tokens.append(_Token(tok, piece))
    while len(tokens) > 1 and _is_title(tokens[0]):
        dropped.append(tokens.pop(0).text)
        comma_at = comma_at - 1 if comma_at else comma_at
    comma_at = _mark_maiden(tokens, dropped, comma_at)
    suffixes: list[str] = []
    while len(tokens) > 1 and _is_suffix(tokens[-1].text, tokens[-1].raw):
        generational = tokens[-1].text in _words().generations
        if generational and len(tokens) < 3:
            break  # Smith Jr stays two words: too little is left without it
        (suffixes if generational else dropped).append(tokens.pop().text)
    suffixes.reverse()
    if comma_at is not None and comma_at >= len(tokens):
        comma_at = None
    if len(tokens) > 2 and not _words().theophoric.isdisjoint(t.text for t in tokens):
        tokens, comma_at = _joined_theophoric(tokens, comma_at)
    return tokens, comma_at, dropped, suffixes


def _mark_maiden(tokens: list[_Token], dropped: list[str], comma_at: int | None) -> int | None:
    """Drop a word such as née inside a name, and mark the part after it as
    the maiden name (Elena Trufanova née Petrova); return the comma's index."""
    maiden = _words().maiden
    i = 1
    while i < len(tokens) - 1:
        if tokens[i].text in maiden and not tokens[i + 1].role:
            dropped.append(tokens.pop(i).text)
            tokens[i].role = "maiden"
            if comma_at is not None and comma_at > i:
                comma_at -= 1
        i += 1
    return comma_at


def _joined_theophoric(
    tokens: list[_Token], comma_at: int | None
) -> tuple[list[_Token], int | None]:
    """Join ``abd`` (any spelling), an article and the next word into one given
    name (Abd al-Aziz, Abdul Aziz: abdalaziz, abdulaziz), when a surname is
    left (after it, or before a comma) and no comma falls inside."""
    words = _words()
    particles, heads = words.particles, words.theophoric
    out: list[_Token] = []
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
        out.append(_Token(" ".join(t.raw for t in group), "".join(t.text for t in group)))
        if comma_at is not None and end <= comma_at:
            comma_at -= end - i - 1
        i = end
    return out, comma_at


@lru_cache(maxsize=MEMO_LARGE)
def _pieces(raw: str) -> tuple[str, ...]:
    """The normalised words of one raw token, a particle split off (al-Assad, ben-Gurion)."""
    particles = _words().particles
    out: list[str] = []
    for piece in normalize(raw).split():
        head, sep, rest = piece.partition("-")
        if sep and rest and head in particles:
            out.extend((head, rest))
        else:
            out.append(piece)
    return tuple(out)


def _mark_particles_and_initials(tokens: list[_Token]) -> bool:
    """Mark particles and initials; return whether there is a particle."""
    particles = _words().particles
    last = tokens[-1] if tokens else None
    # Bar Refaeli: of two parts, a first that is also a given name is one.
    given = (
        tokens[0].text if len(tokens) == 2 and tokens[0].text in _words().given_particles else None
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


def _mark_nasab(tokens: list[_Token]) -> None:
    """``ben``/``bin``/``ibn``/``bar`` + a name that is not the last part is a
    patronymic (Habib ben Mohamed al-Loubiri); before the last part it is the
    surname's particle (David Ben-Gurion, Mohammed bin Salman)."""
    roles = {t.role for t in tokens}
    if "patronymic" in roles or "particle" not in roles:
        return
    filiation = _words().filiation
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        nasab = tok.role == "particle" and tok.text in filiation and i > 0
        if nasab and nxt.role in ("middle", "given") and nxt is not tokens[-1]:
            nxt.role = "patronymic"
            return


def _mark_patronymic(core: list[_Token]) -> bool:
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
        if _SHORT_PATRONYMIC.fullmatch(tok.text):
            tok.role = "patronymic"
            return tok is core[-1]
    return False


@lru_cache(maxsize=MEMO_LARGE)
def _parse(raw: str) -> ParsedName:
    raw_tokens, nick_raw, _comma = _split_raw(raw)
    tokens, comma_at, dropped, suffixes = _tokens(raw_tokens)
    has_particle = _mark_particles_and_initials(tokens)
    core = [t for t in tokens if not t.role]
    patronymic_last = _mark_patronymic(core)
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
        _assign_order(core, comma_core, particle_last)
    if has_particle:
        _mark_nasab(tokens)
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
    return ParsedName(raw, norm, script, tuple(parts), tuple(dropped), tuple(suffixes))


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


# ASCII and basic Cyrillic (no Latin letters): every letter has a case, and
# str.isupper() tells whether all of them are upper case.
_CASED_SIMPLE = re.compile("[\x00-\x40\x5b-\x60\x7b-\x7f\u0400-\u045f\u0490\u0491]*")


@lru_cache(maxsize=MEMO_LARGE)
def _is_upper(raw: str) -> bool:
    if raw.isascii() or _CASED_SIMPLE.fullmatch(raw):
        return raw.isupper() and sum(c.isalpha() for c in raw) >= 2
    letters = [c for c in raw if c.isalpha() and c.lower() != c.upper()]  # cased letters only
    return len(letters) >= 2 and all(c.isupper() for c in letters)


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
