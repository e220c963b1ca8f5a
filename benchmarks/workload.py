"""A synthetic, deterministic workload of person-name mentions at any scale.

:func:`generate` returns ``(entity_id, name)`` mentions of made-up people
built from real name parts shipped with aliaskit:

* given names, their hypocorisms and Hebrew spellings from the curated
  table ``data/hypocorisms.tsv``;
* surnames from the Cyrillic forms of ``data/name_groups.tsv.gz`` that look
  like surnames (-ов, -ев, -ин, -ын, -ский, -цкий whose group also holds the
  feminine form; -енко, -ук, -юк);
* patronymics derived from the father's given name.

People come in families: a father, a mother with the feminine surname form,
sons and daughters with the father's name as patronymic; relatives share a
surname but are different entities, which is the hard case for a clusterer.
Surnames are drawn with a skewed frequency, so some blocks are large.

Each person has a small pool of written forms drawn once: Cyrillic in
Western or official order, Latin under several romanisation schemes
(:func:`aliaskit.transliterate`), ``SURNAME Given`` and ``Surname, Given``,
initials, a hypocorism instead of the given name, Hebrew (curated spelling
of the given name, surname by a simple letter mapping). A mention picks a
form from the pool (the first forms more often) and, rarely, gets a typo.
With the default parameters 1,000,000 mentions hold about 300,000 distinct
strings. Everything depends only on ``seed``.

Two different people may happen to get the same name (namesakes), as in
real data. ``python -m benchmarks.workload N [--seed S]`` writes N mentions
as a headered TSV (``entity_id``, ``name``) to stdout.
"""

from __future__ import annotations

import gzip
import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from aliaskit import transliterate
from aliaskit.knowledge import load_table

# People per mention: tuned so that 1,000,000 mentions give ~300,000 distinct strings.
PEOPLE_PER_MENTION = 0.15
TYPO_RATE = 0.01
# Romanisation schemes by the language of a person's names (first ones more common).
SCHEMES = {
    "ru": (
        "ru_icao_9303",
        "ru_bgn_pcgn",
        "ru_wikipedia",
        "ru_mvd_310",
        "ru_german",
        "ru_mvd_310_fr",
        "ru_gost_7_79_b",
        "ru_ala_lc",
        "ru_scholarly",
        "ru_gost_7_79_a",
    ),
    "uk": ("uk_national_2010", "ru_icao_9303", "ru_bgn_pcgn"),
    "be": ("be_national", "ru_icao_9303", "ru_bgn_pcgn"),
}
LANG_WEIGHTS = (("ru", 0.85), ("uk", 0.1), ("be", 0.05))
_MASCULINE_ENDINGS = ("ский", "цкий", "ов", "ев", "ин", "ын")
_INVARIANT_ENDINGS = ("енко", "ук", "юк")
_CYRILLIC_WORD = re.compile(r"[а-щыэюяё]+")  # Russian letters only; no ъ, ь-free not required


@dataclass(frozen=True)
class GivenName:
    """One curated given name: Cyrillic full form per language and its variants."""

    group: str
    gender: str
    cyrillic: dict[str, str]  # lang -> full form
    nicknames_cyrillic: tuple[str, ...]
    nicknames_latin: tuple[str, ...]
    hebrew: tuple[str, ...]  # full forms first, then hypocorisms


@dataclass(frozen=True)
class Person:
    """One made-up person: names in Cyrillic (lower case) and the language they follow."""

    entity_id: str
    lang: str
    given: GivenName
    patronymic: str
    surname: str


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


@cache
def given_names() -> tuple[GivenName, ...]:
    """The curated given names with a Russian Cyrillic full form, in file order."""
    table = load_table(files("aliaskit") / "data" / "hypocorisms.tsv")
    col = {c: table.column(c) for c in ("group", "name", "script", "kind", "gender", "lang")}
    rows: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for row in table.rows:
        rows[row[col["group"]]].append(row)
    out = []
    for group, members in rows.items():
        gender = members[0][col["gender"]]
        cyr: dict[str, str] = {}
        nick_c: list[str] = []
        nick_l: list[str] = []
        heb_full: list[str] = []
        heb_nick: list[str] = []
        for r in members:
            name, script, kind, lang = (
                r[col["name"]],
                r[col["script"]],
                r[col["kind"]],
                r[col["lang"]],
            )
            if script == "Cyrl" and kind == "full" and lang in SCHEMES:
                cyr.setdefault(lang, name)
            elif script == "Cyrl" and kind == "nickname" and lang == "ru":
                nick_c.append(name)
            elif script == "Latn" and kind == "nickname" and lang == "ru":
                nick_l.append(name)
            elif script == "Hebr":
                (heb_full if kind == "full" else heb_nick).append(name)
        if "ru" in cyr and gender in ("m", "f"):
            out.append(
                GivenName(
                    group, gender, cyr, tuple(nick_c), tuple(nick_l), tuple(heb_full + heb_nick)
                )
            )
    return tuple(out)


@cache
def surnames() -> tuple[str, ...]:
    """Masculine Cyrillic surnames from the name groups, sorted."""
    path = files("aliaskit") / "data" / "name_groups.tsv.gz"
    groups: dict[str, set[str]] = defaultdict(set)
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[2] == "Cyrl" and _CYRILLIC_WORD.fullmatch(fields[1]):
                groups[fields[0]].add(fields[1])
    given = {g.cyrillic["ru"] for g in given_names()}
    found: set[str] = set()
    for names in groups.values():
        for n in names:
            if n in given or len(n) < 5:
                continue
            if n.endswith(_INVARIANT_ENDINGS) or (
                n.endswith(_MASCULINE_ENDINGS) and feminine(n) in names
            ):
                found.add(n)
    return tuple(sorted(found))


def feminine(surname: str) -> str:
    """The feminine form of a masculine Russian surname (invariant ones unchanged)."""
    if surname.endswith(("ский", "цкий")):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ев", "ин", "ын")):
        return surname + "а"
    return surname


_PATRONYMIC_STEMS = {"лев": "льв", "павел": "павл", "пётр": "петр"}


def patronymic(father: str, gender: str) -> str:
    """The Russian patronymic from a father's Cyrillic given name."""
    male, female = "вич", "вна"
    if father in _PATRONYMIC_STEMS:
        stem, link = _PATRONYMIC_STEMS[father], "о"
    elif father.endswith("ий"):
        stem, link = father[:-2], ("ие" if father[-3] in "гкх" else "ье")
    elif father.endswith(("ей", "ай", "ь")):
        stem, link = father[:-1], "е"
    elif father.endswith("я"):  # Илья -> Ильич, Ильинична
        return father[:-1] + ("ич" if gender == "m" else "инична")
    elif father.endswith("а"):
        return father[:-1] + ("ич" if gender == "m" else "ична")
    else:
        stem, link = father, ("е" if father[-1] in "жшчщц" else "о")
    return stem + link + (male if gender == "m" else female)


# A simple Cyrillic -> Hebrew letter mapping, close to Israeli usage for Russian names.
_HEBREW = {
    "б": "ב", "в": "ב", "г": "ג", "д": "ד", "ж": "ז'", "з": "ז", "и": "י", "й": "י",
    "к": "ק", "л": "ל", "м": "מ", "н": "נ", "о": "ו", "п": "פ", "р": "ר", "с": "ס",
    "т": "ט", "у": "ו", "ф": "פ", "х": "ח", "ц": "צ", "ч": "צ'", "ш": "ש", "щ": "שצ'",
    "ы": "י", "ю": "יו", "я": "יה", "ё": "יו", "е": "", "а": "", "э": "", "ь": "", "ъ": "",
}  # fmt: skip
_HEBREW_INITIAL = {"а": "א", "о": "או", "у": "או", "и": "אי", "э": "א", "е": "י", "я": "יה"}
_HEBREW_FINAL = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}


@cache
def hebrew(word: str) -> str:
    """A plausible unvocalised Hebrew spelling of a lower-case Cyrillic word."""
    out = [_HEBREW_INITIAL.get(word[0], _HEBREW.get(word[0], ""))]
    out += [_HEBREW.get(ch, "") for ch in word[1:-1]]
    last = word[-1] if len(word) > 1 else ""
    out.append("ה" if last in "ая" else _HEBREW.get(last, ""))
    text = "".join(out)
    if text and text[-1] in _HEBREW_FINAL:
        text = text[:-1] + _HEBREW_FINAL[text[-1]]
    return text


@cache
def _latin(word: str, scheme: str) -> str:
    return transliterate(_cap(word), scheme=scheme)


def _pick_lang(rng: random.Random) -> str:
    x = rng.random()
    for lang, w in LANG_WEIGHTS:
        if x < w:
            return lang
        x -= w
    return "ru"


@cache
def _by_gender(gender: str) -> tuple[GivenName, ...]:
    return tuple(g for g in given_names() if g.gender == gender)


def _family(rng: random.Random, surname: str, index: int) -> list[Person]:
    """A family sharing ``surname``: one to five people, parents and children."""
    males, females = _by_gender("m"), _by_gender("f")
    lang = _pick_lang(rng)
    size = rng.choices((1, 2, 3, 4, 5), weights=(45, 25, 15, 10, 5))[0]
    grandfather = rng.choice(males).cyrillic["ru"]
    father = rng.choice(males)
    roles: list[tuple[GivenName, str, str]] = []  # (given, gender, father's name)
    if size == 1:
        g = rng.choice(males if rng.random() < 0.6 else females)
        roles.append((g, g.gender, grandfather))
    else:
        roles.append((father, "m", grandfather))
        roles.append((rng.choice(females), "f", rng.choice(males).cyrillic["ru"]))
        taken = {father.group}
        for _ in range(size - 2):
            # Children differ in given name from their father and from each other.
            child = rng.choice(males if rng.random() < 0.5 else females)
            while child.group in taken:
                child = rng.choice(males if child.gender == "m" else females)
            taken.add(child.group)
            roles.append((child, "", father.cyrillic["ru"]))
    people = []
    for k, (given, gender, dad) in enumerate(roles):
        gender = gender or given.gender
        people.append(
            Person(
                entity_id=f"p{index:07d}-{k}",
                lang=lang,
                given=given,
                patronymic=patronymic(dad, gender) if lang == "ru" else "",
                surname=surname if gender == "m" else feminine(surname),
            )
        )
    return people


def _form(rng: random.Random, p: Person) -> str:
    """One written form of ``p``, drawn at random (see the module docstring)."""
    given = p.given.cyrillic.get(p.lang, p.given.cyrillic["ru"])
    kind = rng.choices(
        ("latin", "latin_patr", "swapped", "cyrillic", "nickname", "hebrew", "initials"),
        weights=(30, 8, 12, 18, 12, 8, 8),
    )[0]
    scheme = rng.choice(SCHEMES[p.lang][:4] if rng.random() < 0.7 else SCHEMES[p.lang])
    patr = p.patronymic
    if kind == "cyrillic":
        parts = [_cap(given), _cap(patr), _cap(p.surname)] if patr and rng.random() < 0.5 else []
        if not parts:
            return f"{_cap(given)} {_cap(p.surname)}"
        return " ".join([parts[2], parts[0], parts[1]] if rng.random() < 0.5 else parts)
    if kind == "hebrew":
        first = rng.choice(p.given.hebrew) if p.given.hebrew else hebrew(given)
        return f"{first} {hebrew(p.surname)}"
    sur = _latin(p.surname, scheme)
    first = _latin(given, scheme)
    if kind == "latin":
        return f"{first} {sur}"
    if kind == "latin_patr" and patr:
        return f"{first} {_latin(patr, scheme)} {sur}"
    if kind == "swapped":
        return f"{sur.upper()} {first}" if rng.random() < 0.5 else f"{sur}, {first}"
    if kind == "nickname" and (p.given.nicknames_latin or p.given.nicknames_cyrillic):
        if p.given.nicknames_latin and rng.random() < 0.5:
            return f"{_cap(rng.choice(p.given.nicknames_latin))} {sur}"
        nick = rng.choice(p.given.nicknames_cyrillic or p.given.nicknames_latin)
        return f"{_latin(nick, scheme)} {sur}"
    if kind == "initials":
        if patr and rng.random() < 0.5:
            return f"{first[0]}. {_latin(patr, scheme)[0]}. {sur}"
        return f"{first[0]}. {sur}"
    return f"{first} {sur}"


_KEYBOARD_NEIGHBOURS = "qwertyuiopasdfghjklzxcvbnm"


def typo(rng: random.Random, name: str) -> str:
    """``name`` with one random edit (swap, drop, double or replace a letter) inside a word."""
    spots = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i + 1].isalpha()]
    if not spots:
        return name
    i = rng.choice(spots)
    op = rng.randrange(4)
    if op == 0:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if op == 1:
        return name[:i] + name[i + 1 :]
    if op == 2:
        return name[:i] + name[i] + name[i:]
    repl = rng.choice(_KEYBOARD_NEIGHBOURS) if name[i].isascii() else name[i - 1]
    return name[:i] + repl + name[i + 1 :]


def people(n_people: int, seed: int = 0) -> list[Person]:
    """``n_people`` people (rounded up to whole families), deterministic by ``seed``."""
    rng = random.Random(f"people:{seed}")
    names = surnames()
    # Skewed surname frequency: a few very common surnames, a long tail.
    cum_weights = list(itertools.accumulate(1.0 / (i + 20) for i in range(len(names))))
    order = list(names)
    rng.shuffle(order)
    out: list[Person] = []
    family = 0
    while len(out) < n_people:
        surname = rng.choices(order, cum_weights=cum_weights)[0]
        out.extend(_family(rng, surname, family))
        family += 1
    return out[: max(n_people, 0)]


def generate(n_mentions: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n_mentions`` (entity_id, name) mentions, deterministic by ``seed``.

    >>> generate(3, seed=1) == generate(3, seed=1)
    True
    >>> len(generate(1000))
    1000
    """
    if n_mentions <= 0:
        return []
    rng = random.Random(f"mentions:{seed}")
    crowd = people(max(1, round(n_mentions * PEOPLE_PER_MENTION)), seed)
    # Popularity: heavy-tailed, so a few people are mentioned very often.
    weights = [rng.paretovariate(2.0) for _ in crowd]
    pools: dict[int, list[str]] = {}
    out: list[tuple[str, str]] = []
    picks = rng.choices(range(len(crowd)), weights=weights, k=n_mentions)
    for idx in picks:
        person = crowd[idx]
        pool = pools.get(idx)
        if pool is None:
            size = 1 + min(int(rng.expovariate(0.25)), 15)
            pool = pools[idx] = [_form(rng, person) for _ in range(size)]
        # Earlier forms of the pool are more common (roughly Zipf).
        name = pool[min(int(rng.expovariate(0.4)), len(pool) - 1)]
        if rng.random() < TYPO_RATE:
            name = typo(rng, name)
        out.append((person.entity_id, name))
    return out


def main(argv: list[str] | None = None) -> int:
    """Write ``entity_id<TAB>name`` mentions to stdout (``python -m benchmarks.workload N``)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Write a synthetic workload as TSV.")
    parser.add_argument("mentions", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out = sys.stdout
    out.write("entity_id\tname\n")
    out.writelines(f"{eid}\t{name}\n" for eid, name in generate(args.mentions, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
