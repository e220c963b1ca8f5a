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
real data.

That is the ``"family"`` shape, the default. ``generate(n, seed,
shape="distinct")`` is the other one (:func:`distinct_mentions`): a long
list of mostly different people with full Russian names (given name,
patronymic, surname) whose surnames are the 250 most common Russian ones,
drawn with a Zipf-like frequency so that the top surnames are shared by
thousands of people; each person is mentioned about 1.18 times, in Cyrillic
or under any Russian romanisation scheme aliaskit ships, in the orders and
cases of real lists (``Иванов Иван Иванович``, ``IVANOV Ivan``, ``Ivanova,
Olga Petrovna``, ``I. I. Ivanov``...). About 96% of the strings of 100,000
mentions are distinct. :func:`one_surname_names` and :func:`short_names`
are the inputs of the cliff benchmarks (one very common surname; two-letter
names).

``python -m benchmarks.workload N [--seed S] [--shape distinct]`` writes N
mentions as a headered TSV (``entity_id``, ``name``) to stdout.
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

# The shapes of :func:`generate`: families (the default) and mostly distinct names.
SHAPES = ("family", "distinct")
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


def generate(n_mentions: int, seed: int = 0, shape: str = "family") -> list[tuple[str, str]]:
    """``n_mentions`` (entity_id, name) mentions of ``shape``, deterministic by ``seed``.

    ``shape`` is one of :data:`SHAPES`: ``"family"`` (families sharing
    surnames, people mentioned many times under a few forms; the default) or
    ``"distinct"`` (mostly distinct full Russian names, see
    :func:`distinct_mentions`).

    >>> generate(3, seed=1) == generate(3, seed=1)
    True
    >>> len(generate(1000))
    1000
    >>> len(generate(1000, shape="distinct"))
    1000
    """
    if shape not in SHAPES:
        raise ValueError(f"unknown workload shape {shape!r}; expected one of {', '.join(SHAPES)}")
    if shape == "distinct":
        return [(m.person.entity_id, m.name) for m in distinct_mentions(n_mentions, seed)]
    return _generate_family(n_mentions, seed)


def _generate_family(n_mentions: int, seed: int) -> list[tuple[str, str]]:
    """The family shape (see the module docstring)."""
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


# --- The "distinct" shape -----------------------------------------------------
#
# A list of many different people, as a registry, a membership roll, a court
# or sanctions list, or a merge of several such lists is: nearly every person
# is named once or twice, with the full Russian name (given name, patronymic,
# surname), and the strings differ in the conventions of each list rather
# than in nicknames. What makes such a list hard is that Russian surnames are
# few and skewed: the most common ones are shared by thousands of different
# people, who differ only in given name and patronymic.


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The 250 most frequent Russian surnames, most frequent first (after A. F.
# Zhuravlev's ranking of Russian surnames by frequency, 2005).
COMMON_SURNAMES = _words(
    """
    смирнов иванов кузнецов соколов попов лебедев козлов новиков морозов петров волков
    соловьёв васильев зайцев павлов семёнов голубев виноградов богданов воробьёв фёдоров
    михайлов беляев тарасов белов комаров орлов киселёв макаров андреев ковалёв ильин гусев
    титов кузьмин кудрявцев баранов куликов алексеев степанов яковлев сорокин сергеев романов
    захаров борисов королёв герасимов пономарёв григорьев лазарев медведев ершов никитин
    соболев рябов поляков цветков данилов жуков фролов журавлёв николаев крылов максимов
    сидоров осипов белоусов федотов дорофеев егоров матвеев бобров дмитриев калинин анисимов
    петухов антонов тимофеев никифоров веселов филиппов марков большаков суханов миронов
    ширяев александров коновалов шестаков казаков ефимов денисов громов фомин давыдов
    мельников щербаков блинов колесников карпов афанасьев власов маслов исаков тихонов
    аксёнов гаврилов родионов котов горбунов кудряшов быков зуев третьяков савельев панов
    рыбаков суворов абрамов воронов мухин архипов трофимов мартынов емельянов горшков чернов
    овчинников селезнёв панфилов копылов михеев галкин назаров лобанов лукин беляков потапов
    некрасов хохлов жданов наумов шилов воронцов ермаков дроздов игнатьев савин логинов
    сафонов капустин кириллов моисеев елисеев кошелев костин горбачёв орехов ефремов исаев
    евдокимов калашников кабанов носков юдин кулагин лапин прохоров нестеров харитонов
    агафонов муравьёв ларионов федосеев зимин пахомов шубин игнатов филатов крюков рогов
    кулаков терентьев молчанов владимиров артемьев гурьев зиновьев гришин кононов дементьев
    ситников симонов мишин фадеев комиссаров мамонтов носов гуляев шаров устинов вишняков
    евсеев лаврентьев брагин константинов корнилов авдеев зыков бирюков шарапов никонов щукин
    дьячков одинцов сазонов якушев красильников гордеев самойлов князев беспалов уваров
    шашков бобылёв доронин белозёров рожков самсонов мясников лихачёв буров сысоев фомичёв
    русаков стрелков гущин тетерин колобов субботин фокин блохин селиверстов пестов
    кондратьев силин меркушев лыткин туров
    """
)
# Common given names of Russian adults, most frequent first (roughly, for people
# born 1950-2000).
COMMON_MALE_NAMES = _words(
    """
    александр сергей дмитрий андрей алексей владимир михаил евгений игорь николай иван
    максим юрий олег павел виктор роман денис артём вячеслав анатолий константин виталий
    валерий илья антон кирилл владислав никита геннадий василий борис пётр григорий егор
    леонид станислав вадим фёдор георгий руслан тимофей матвей семён аркадий эдуард валентин
    ярослав даниил глеб степан лев марк филипп тимур богдан арсений всеволод захар ефим
    """
)
COMMON_FEMALE_NAMES = _words(
    """
    елена ольга татьяна наталья ирина светлана анна мария екатерина юлия марина галина
    людмила надежда валентина анастасия оксана любовь нина вера дарья алёна ксения виктория
    евгения александра елизавета полина софья лариса тамара раиса зинаида лидия алла инна
    жанна кристина маргарита валерия вероника антонина яна диана алина ангелина варвара
    василиса ульяна кира арина ева милана карина нелли римма клавдия эльвира майя лилия зоя
    """
)
# Zipf-like frequencies: weight 1 / (rank + offset). The surname offset makes the
# most common surname about 26 times as frequent as the 250th, close to real counts.
SURNAME_RANK_OFFSET = 10
GIVEN_RANK_OFFSET = 3
# How often a person of the distinct shape is mentioned again (geometric: mean 1/(1-p)).
REMENTION_RATE = 0.15
# Share of mentions in Cyrillic; the rest are romanised.
CYRILLIC_SHARE = 0.3
# Share of mentions that keep ё (most Russian writing replaces it by е).
YO_KEPT = 0.3
# Relative use of the Russian romanisation schemes in lists (passport schemes
# most often); a Russian scheme aliaskit ships but not listed here gets the default.
SCHEME_WEIGHTS = {
    "ru_icao_9303": 20,
    "ru_bgn_pcgn": 14,
    "ru_wikipedia": 14,
    "ru_mvd_310": 12,
    "ru_german": 6,
    "ru_ala_lc": 6,
    "ru_gost_7_79_b": 5,
    "ru_scholarly": 5,
    "ru_mvd_310_fr": 4,
    "ru_gost_7_79_a": 4,
}
DEFAULT_SCHEME_WEIGHT = 4
# Layouts of a name in lists, with their relative frequency. Fields: G given name,
# P patronymic, S surname (title case); GU, PU, SU the same in capitals; g, p the
# initials. Russian lists put the surname first (Иванов Иван Иванович, ИВАНОВ Иван
# Иванович, Иванов И.И.); romanised lists often drop the patronymic, write the
# surname in capitals (passports, sanctions lists) or put it first with a comma.
CYRILLIC_LAYOUTS = (
    ("{S} {G} {P}", 34),
    ("{SU} {G} {P}", 10),
    ("{G} {P} {S}", 14),
    ("{SU} {GU} {PU}", 5),
    ("{S}, {G} {P}", 4),
    ("{S} {g}.{p}.", 8),
    ("{S} {g}. {p}.", 4),
    ("{g}.{p}. {S}", 3),
    ("{g}. {p}. {S}", 3),
    ("{G} {S}", 7),
    ("{S} {G}", 3),
)
LATIN_LAYOUTS = (
    ("{G} {P} {S}", 22),
    ("{S} {G} {P}", 7),
    ("{SU} {G} {P}", 9),
    ("{SU} {GU} {PU}", 10),
    ("{S}, {G} {P}", 9),
    ("{SU}, {G} {P}", 3),
    ("{G} {S}", 9),
    ("{S}, {G}", 4),
    ("{SU} {G}", 3),
    ("{G} {SU}", 3),
    ("{g}. {p}. {S}", 3),
    ("{S} {g}. {p}.", 2),
    ("{g}. {S}", 2),
)
# Irregular patronymics that :func:`patronymic` gets wrong (kept as it is, so that
# the family shape does not change).
_PATRONYMIC_FIXES = {
    "михаил": ("михайлович", "михайловна"),
    "дмитрий": ("дмитриевич", "дмитриевна"),
}
# Romanised initials that lists often write with two letters (Yu. Ivanov, Zh. Petrova).
_DIGRAPH_INITIALS = ("Yu", "Ya", "Ye", "Yo", "Zh", "Kh", "Ch", "Sh", "Ts", "Ju", "Ja")


@dataclass(frozen=True)
class ListPerson:
    """One person of the distinct shape: Cyrillic names in lower case (with ё)."""

    entity_id: str
    gender: str
    given: str
    patronymic: str
    surname: str


@dataclass(frozen=True)
class ListMention:
    """One mention of the distinct shape and how it was written."""

    person: ListPerson
    name: str
    scheme: str  # "cyrillic" or the romanisation scheme
    layout: str
    typo: bool


@cache
def russian_schemes() -> tuple[str, ...]:
    """The names of the Russian romanisation schemes aliaskit ships, sorted."""
    from aliaskit.translit import scheme, schemes

    return tuple(sorted(s for s in schemes() if scheme(s).language == "ru"))


def russian_patronymic(father: str, gender: str) -> str:
    """:func:`patronymic`, with the irregular forms of :data:`_PATRONYMIC_FIXES`."""
    fixed = _PATRONYMIC_FIXES.get(father.replace("ё", "е"))
    if fixed:
        return fixed[0] if gender == "m" else fixed[1]
    return patronymic(father, gender)


def russian_surname(surname: str, gender: str) -> str:
    """``surname`` for a person of ``gender`` (the feminine form for women, -ёв too)."""
    if gender == "m":
        return surname
    return surname + "а" if surname.endswith("ёв") else feminine(surname)


def _zipf(n: int, offset: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + offset) for rank in range(n)))


class _ListPeople:
    """Draws people of the distinct shape: Zipf-like surnames, given names, fathers."""

    def __init__(self, rng: random.Random, surnames: tuple[str, ...] = COMMON_SURNAMES) -> None:
        self.rng = rng
        self.surnames = surnames
        self.surname_weights = _zipf(len(surnames), SURNAME_RANK_OFFSET)
        self.male_weights = _zipf(len(COMMON_MALE_NAMES), GIVEN_RANK_OFFSET)
        self.female_weights = _zipf(len(COMMON_FEMALE_NAMES), GIVEN_RANK_OFFSET)

    def male(self) -> str:
        return self.rng.choices(COMMON_MALE_NAMES, cum_weights=self.male_weights)[0]

    def person(self, entity_id: str) -> ListPerson:
        rng = self.rng
        gender = "m" if rng.random() < 0.5 else "f"
        if gender == "m":
            given = self.male()
        else:
            given = rng.choices(COMMON_FEMALE_NAMES, cum_weights=self.female_weights)[0]
        surname = rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        return ListPerson(
            entity_id=entity_id,
            gender=gender,
            given=given,
            patronymic=russian_patronymic(self.male(), gender),
            surname=russian_surname(surname, gender),
        )


@cache
def _scheme_cum_weights() -> tuple[tuple[str, ...], list[float]]:
    names = russian_schemes()
    weights = [SCHEME_WEIGHTS.get(s, DEFAULT_SCHEME_WEIGHT) for s in names]
    return names, list(itertools.accumulate(weights))


def _layout_cum_weights(
    layouts: tuple[tuple[str, int], ...],
) -> tuple[tuple[str, ...], list[float]]:
    return tuple(t for t, _ in layouts), list(itertools.accumulate(w for _, w in layouts))


_CYRILLIC_LAYOUT_CHOICE = _layout_cum_weights(CYRILLIC_LAYOUTS)
_LATIN_LAYOUT_CHOICE = _layout_cum_weights(LATIN_LAYOUTS)


def _latin_initial(rng: random.Random, word: str) -> str:
    if word[:2] in _DIGRAPH_INITIALS and rng.random() < 0.5:
        return word[:2]
    return word[:1]


def list_form(rng: random.Random, person: ListPerson) -> tuple[str, str, str]:
    """One written form of ``person`` as a list would have it: (name, scheme, layout).

    The script (Cyrillic or one of :func:`russian_schemes`), the layout and
    whether ё is kept are drawn independently for each mention.
    """
    words = [person.given, person.patronymic, person.surname]
    if rng.random() >= YO_KEPT:
        words = [w.replace("ё", "е") for w in words]
    if rng.random() < CYRILLIC_SHARE:
        scheme = "cyrillic"
        given, patr, sur = (_cap(w) for w in words)
        layouts, cum = _CYRILLIC_LAYOUT_CHOICE
        layout = rng.choices(layouts, cum_weights=cum)[0]
        g, p = given[:1], patr[:1]
    else:
        names, cum_s = _scheme_cum_weights()
        scheme = rng.choices(names, cum_weights=cum_s)[0]
        given, patr, sur = (_latin(w, scheme) for w in words)
        layouts, cum = _LATIN_LAYOUT_CHOICE
        layout = rng.choices(layouts, cum_weights=cum)[0]
        g, p = _latin_initial(rng, given), _latin_initial(rng, patr)
    name = layout.format(
        G=given, P=patr, S=sur, GU=given.upper(), PU=patr.upper(), SU=sur.upper(), g=g, p=p
    )
    return name, scheme, layout


def distinct_mentions(n_mentions: int, seed: int = 0) -> list[ListMention]:
    """``n_mentions`` mentions of the distinct shape, deterministic by ``seed``.

    People have a full Russian name: a given name and their father's given
    name as patronymic, both drawn with Zipf-like frequencies from
    :data:`COMMON_MALE_NAMES` and :data:`COMMON_FEMALE_NAMES`, and one of
    the 250 :data:`COMMON_SURNAMES` (Zipf-like, so the top surnames are
    shared by thousands of people at 100,000 mentions), feminine for women.
    Each person is mentioned once, and again with probability
    :data:`REMENTION_RATE` each time (about 1.18 mentions per person); each
    mention is written by :func:`list_form`, in Cyrillic or any Russian
    romanisation scheme, in one of the layouts of :data:`CYRILLIC_LAYOUTS`
    or :data:`LATIN_LAYOUTS`; 1% get a typo. Mentions are shuffled. About
    96% of the strings of 100,000 mentions are distinct; namesakes (two
    people with the same name) occur, as in real lists.

    >>> [m.person.entity_id for m in distinct_mentions(3, seed=1)] == [
    ...     m.person.entity_id for m in distinct_mentions(3, seed=1)
    ... ]
    True
    """
    if n_mentions <= 0:
        return []
    rng = random.Random(f"distinct:{seed}")
    crowd = _ListPeople(rng)
    out: list[ListMention] = []
    index = 0
    while len(out) < n_mentions:
        person = crowd.person(f"d{index:07d}")
        index += 1
        while True:
            name, scheme, layout = list_form(rng, person)
            mistyped = rng.random() < TYPO_RATE
            if mistyped:
                name = typo(rng, name)
            out.append(ListMention(person, name, scheme, layout, mistyped))
            if rng.random() >= REMENTION_RATE:
                break
    del out[n_mentions:]
    rng.shuffle(out)
    return out


# --- Cliff inputs ---------------------------------------------------------------


def one_surname_names(n_names: int, seed: int = 0, surname: str = "иванов") -> list[str]:
    """``n_names`` distinct names of different people who share one surname.

    Given names come from the whole curated table (:func:`given_names`),
    patronymics from a father drawn from it, and each name is written by
    :func:`list_form` (Cyrillic or any Russian scheme, any layout), e.g.
    ``Ivan Petrovich Ivanov``, ``Иванов Иван``, ``IVANOVA Olga``. This is
    one block of a very common surname, the worst case of surname blocking.

    >>> len(set(one_surname_names(50)))
    50
    """
    rng = random.Random(f"one-surname:{seed}:{surname}")
    males, females = _by_gender("m"), _by_gender("f")
    out: dict[str, None] = {}
    index = 0
    while len(out) < n_names:
        given = rng.choice(males if rng.random() < 0.5 else females)
        father = rng.choice(males).cyrillic["ru"]
        person = ListPerson(
            entity_id=f"s{index:07d}",
            gender=given.gender,
            given=given.cyrillic["ru"],
            patronymic=russian_patronymic(father, given.gender),
            surname=russian_surname(surname, given.gender),
        )
        index += 1
        out[list_form(rng, person)[0]] = None
    return list(out)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def short_names(n_names: int, seed: int = 0) -> list[str]:
    """``n_names`` distinct two-word names of two random Latin letters each (``Qi Na``).

    Very short names are the other worst case: edit-based similarities of
    two-letter words are coarse, and such names share every short key.

    >>> short_names(3, seed=1) == short_names(3, seed=1)
    True
    """
    rng = random.Random(f"short:{seed}")
    out: dict[str, None] = {}
    while len(out) < n_names:
        given = rng.choice(_LETTERS).upper() + rng.choice(_LETTERS)
        sur = rng.choice(_LETTERS).upper() + rng.choice(_LETTERS)
        out[f"{given} {sur}"] = None
    return list(out)


def main(argv: list[str] | None = None) -> int:
    """Write ``entity_id<TAB>name`` mentions to stdout (``python -m benchmarks.workload N``)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Write a synthetic workload as TSV.")
    parser.add_argument("mentions", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shape", choices=SHAPES, default="family")
    args = parser.parse_args(argv)
    out = sys.stdout
    out.write("entity_id\tname\n")
    mentions = generate(args.mentions, args.seed, args.shape)
    out.writelines(f"{eid}\t{name}\n" for eid, name in mentions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
