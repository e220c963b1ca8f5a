"""The word lists and word shapes that :func:`aliaskit.find_names` reads a text with.

Written by the aliaskit developers for news text in English, Russian,
Ukrainian, Belarusian, Hebrew and Arabic: capitalised words that begin sentences or
headlines (*The*, *During*, *В*), months and weekdays, and the common nouns
that make a capitalised run a place or an organisation (*Post*, *Day*,
*Institute*, *Kibbutz*). Surname shapes are the endings of Slavic, Jewish and
Georgian/Armenian surnames, written in Latin, Cyrillic and Hebrew letters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aliaskit._parse_roles import role_words
from aliaskit._parse_words import pieces
from aliaskit._text_lemma import given_nominative
from aliaskit.knowledge import name_facts


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


__all__ = [
    "ACRONYMS",
    "ARABIC_PARTICLES",
    "CALENDAR",
    "CASELESS_STOP",
    "FUNCTION_WORDS",
    "HEBREW_PREFIXES",
    "HONORIFICS",
    "NOT_NAME",
    "PARTICLES",
    "PLACE_BEFORE",
    "POSSESSIVE",
    "PRONOUNS",
    "QUOTES",
    "arabic_name_word",
    "bare",
    "caseless_name",
    "has_surname_shape",
    "is_role_word",
    "role_vocabulary",
    "script_of",
    "surname_after",
    "word_kind",
]

#: Capitalised words that begin sentences and headlines, and are never names.
FUNCTION_WORDS = _split("""
    a an the and or but if so as at by for from in into of off on onto out over to up
    upon with without within about above after against along amid among around before
    behind below beneath beside besides between beyond despite down during except
    following inside like near since than through throughout till toward towards under
    unlike until via while whether when where which who whom whose why how what yet
    though although because unless once still also even just only not no nor never
    this that these those there here it its he she they we i you him her them us me my
    your his their our ours theirs mine yours some most many much more less few all
    any each every both either neither other others another such one two three four
    five six seven eight nine ten first second third last next new old please thank
    thanks is are was were be been being has have had do does did will would can could
    should may might must shall let lets yes okay ok oh dear hello hi sir madam
    according meanwhile nevertheless however moreover furthermore instead perhaps today
    yesterday tomorrow tonight now then later earlier read join confirm post give
    subscribe connect email phone updated created trending latest opinion blog
    interview global left menu sectors editions links products terms privacy
    disclaimer copyright news desk
    в во на по с со к ко у о об от до из за для при про под над без и а но или что как
    это этот эта эти тот та те он она они мы вы я его ее её их не ни же ли бы уже еще
    ещё также когда где после перед во время между через
    в у на з із до для про при від як що це цей ця ці він вона вони ми ви я не також
    """)

#: Months and weekdays: capitalised, never a person's name in a date.
_CALENDAR = """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля
    август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
"""

#: Common nouns and adjectives that make a capitalised run a place, an event or
#: an organisation, and words of groups and faiths (a run holding one is no name).
_NOT_NAME = """
    post times day days war wars army navy house street road avenue square beach strip
    bank east west north south middle near far institute ministry embassy union party
    cemetery memorial monument candle policy community council court university
    college school agency group company corporation inc ltd llc foundation fund
    organisation organization movement front force forces guard guards brigade command
    home now centre center church mosque synagogue hospital airport station river sea
    ocean lake mountain mount valley city town village province region district state
    states republic kingdom empire federation committee department office bureau
    service services kibbutz moshav tel aviv gaza jerusalem moscow kremlin kyiv kiev
    russia israel ukraine world wide web news network channel tv radio press
    international national global victory holocaust patriotic great red jihad islamic
    nazi nazis soviet jewish jews muslim christian arab arabs western eastern god allah
    jesus christ bible torah quran internet online media reuters afp ap sputnik pool
    credit photo image video getty dpa tass ria ria novosti interfax rt bbc cnn
    linkedin quora youtube rss facebook twitter instagram telegram whatsapp tiktok
    newsletter feedback editions sectors members community benefits
    jazeera arabiya qaeda aqsa quds
    кремля кремлем кремлю москвы москву москвой израилю израилем газы россию россией
    украины украине украину украиной
    gazan israeli israelis palestinian palestinians russian russians american
    ukrainian european iranian lebanese syrian egyptian hamas hezbollah idf un eu us
    usa uk nato covid ceasefire hostages mr mrs ms dr prof
    россия россии москва москве кремль кремле израиль израиля израиле газа газе сектор
    хамас мид рф сша ссср война войны день
"""

#: Months and weekdays (May, June, April are also given names).
CALENDAR = _split(_CALENDAR)
NOT_NAME = _split(_NOT_NAME) | CALENDAR

#: Particles written lower-case inside a name (al-Assad, bin Salman, van Gogh, de Gaulle).
PARTICLES = _split(
    "al el bin ibn bint abu abd van von der den de da del della di du le la ben bat ter y"
)

#: Arabic particles inside a name (Musa Abu Marzouk, Mohammed bin Salman).
ARABIC_PARTICLES = _split("أبو ابو بن ابن بنت عبد آل")

#: Acronyms that are never a name in capitals (UN, US), but are one written
#: as a name (Kim Jong Un).
ACRONYMS = _split("un us eu uk idf afp ap rt bbc cnn tass ria nato usa")

#: Pronouns and bare kinship words are no mention (they are lower-case, or in
#: :data:`FUNCTION_WORDS`); listed for the checks of tests.
PRONOUNS = _split("he she him her his hers they them their i you we it")

#: Hebrew and Arabic words that the name tables also hold (של, לא, חיים "life",
#: ישראל "Israel", مع): never a name in running text.
CASELESS_STOP = _split("""
    של לא אבל בן בת יום מים לב את על עם זה זו הוא היא הם הן כי אם גם כל יש אין היה
    אמר שר ראש חיים ישראל שלום אור טוב נס מלך ירושלים עזה רוסיה חמאס שבעה אחד שני
    אל גם רק עוד כבר אחר אחרי לפני בין תחת מול נגד
    في من على إلى عن مع هذا هذه ذلك التي الذي كان قال بعد قبل بين حماس إسرائيل روسيا غزة
    """)

#: One-letter prefixes of Hebrew words (and, the, to, in, from, that), and כש (when).
HEBREW_PREFIXES = ("כש", "ו", "ה", "ל", "ב", "מ", "ש")

_SURNAME = re.compile(
    r"(?:"
    # Latin: Slavic, Jewish, Caucasian and Baltic endings.
    r"[aeiouy]?(?:ov|ova|ev|eva|off|ow|owa|yov|yova|in|ina|yn|yna|sky|skiy|skii|ski|skaya|"
    r"ska|tsky|zky|enko|chuk|czuk|yuk|iuk|uk|vich|vych|wicz|ovych|evich|ich|ych|yan|ian|"
    r"idze|dze|shvili|stein|berg|baum|man|mann|feld|witz|ovitz|ovich)"
    r"|"
    # Cyrillic.
    r"(?:(?:ов|ев|ёв|єв|ин|ын|ін)(?:а|у|ым|им|е|і|ой|ою|ої|ій|ых|ыми)?|"
    r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)|(?:ськ|цьк)(?:ий|ого|ому|им|а|ої|ій|ою)|"
    # Belarusian: Пятроў, Пятровым, Пятровай; Ціханоўскі, Ціханоўскім, Ціханоўскай.
    r"(?:оў|аў|еў)|(?:ов|ав|ев)(?:ым|ай|аю)|(?:ск|цк)(?:і|ім|ага|аму|ай|аю)|"
    r"енко|чук|юк|ук|(?:вич|ич)(?:а|у|ем|е)?|ян|дзе|швили|штейн|берг|ман)"
    r"|"
    # Hebrew.
    r"(?:וב|ובה|ין|ינה|סקי|סקיה|נקו|ביץ'|ביץ׳|ביץ|יאן|מן|ברג|שטיין|וף)"
    r")$"
)


def has_surname_shape(folded: str) -> bool:
    """Whether a lower-case word (at least 4 letters) ends like a surname
    (Trufanov, Sandurskaya, Труфановой's stem, טרופנוב)."""
    return len(folded) >= 4 and _SURNAME.search(folded) is not None


#: Titles before a name, written with or without a full stop.
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "sheikh", "г-н", "г-жа"})
#: Words before a capitalised run that make it a place (Kibbutz Nir Oz).
PLACE_BEFORE = _split("kibbutz moshav village town city mount lake river street avenue fort cape")
#: Quotation marks: a word alone between them is quoted as a word.
QUOTES = frozenset("\"'“”«»‘’„")
POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 16)
def script_of(word: str) -> str:
    ch = word[0]
    if "\u0590" <= ch <= "\u05ff":
        return "Hebr"
    if "\u0600" <= ch <= "\u06ff":
        return "Arab"
    if "\u0400" <= ch <= "\u04ff":
        return "Cyrl"
    return "Latn" if ch.isascii() or "\u00c0" <= ch <= "\u024f" else "Zyyy"


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """A word without its possessive, lower-case."""
    return POSSESSIVE.sub("", word).lower()


#: Case endings of Russian, Ukrainian and Belarusian given names, and the
#: nominative endings they may replace: Александром, Елены, Сашей, Максиму.
_GIVEN_CASES = (
    ("ом", ""),
    ("ем", ""),
    ("ой", "а"),
    ("ей", "я"),
    ("ей", "а"),
    ("ы", "а"),
    ("и", "я"),
    ("е", "а"),
    ("е", ""),
    ("у", "а"),
    ("у", ""),
    ("ю", "я"),
    ("а", ""),
    ("я", "й"),
    # Ukrainian (Оленою, Юлією, Олександрові) and Belarusian (Аляксандрам, Аленай, Марыяй).
    ("ою", "а"),
    ("єю", "я"),
    ("ові", ""),
    ("ам", ""),
    ("ем", "й"),
    ("ай", "а"),
    ("яй", "я"),
)


def _oblique_given(folded: str) -> bool:
    """Whether a Cyrillic word is a curated given name in an oblique case, by
    its ending (without pymorphy3, the form is kept as written)."""
    return any(
        folded.endswith(ending) and name_facts(folded[: -len(ending)] + nominative).is_given
        for ending, nominative in _GIVEN_CASES
        if len(folded) > len(ending) + 2
    )


@lru_cache(maxsize=1 << 16)
def word_kind(word: str) -> str:
    """The kind of a word: ``G`` given name, ``K`` known name, ``S`` surname
    shape, ``B`` never a name, ``X`` anything else."""
    folded = bare(word)
    acronym = folded in ACRONYMS and not word.isupper()  # Kim Jong Un, not the UN
    if folded in FUNCTION_WORDS or (not acronym and any(p in NOT_NAME for p in folded.split("-"))):
        return "B"
    facts = name_facts(folded)
    cyrillic = script_of(word) == "Cyrl"
    if facts.is_given or (cyrillic and (given_nominative(word) or _oblique_given(folded))):
        return "G"
    parts = folded.split("-")
    if facts.is_known or (len(parts) > 1 and all(name_facts(p).is_known for p in parts)):
        return "K"
    return "S" if has_surname_shape(parts[-1]) else "X"


@lru_cache(maxsize=1 << 12)
def role_vocabulary() -> frozenset[str]:
    entries = role_words().entries
    return frozenset(w for group in entries.values() for e in group for w in e.words)


def is_role_word(word: str) -> bool:
    """Whether every piece of a word is a word of the role lists (Russia's: russia)."""
    return all(p in role_vocabulary() for p in pieces(POSSESSIVE.sub("", word))) if word else False


def caseless_name(word: str, known: set[str]) -> tuple[int, str] | None:
    """A Hebrew or Arabic word as a name: (prefix length, kind), or None.

    Kinds: ``D`` a name found in the text, ``G`` a given name, ``K`` a known
    name, ``S`` a surname shape (unprefixed words only).
    """
    cuts = [(0, word)]
    if word.startswith("כש") and len(word) > 3:
        cuts.append((2, word[2:]))
    if word[0] in _ONE_LETTER and len(word) > 2:
        cuts.append((1, word[1:]))
        if word[0] == "ו" and word[1] in _ONE_LETTER and len(word) > 3:
            cuts.append((2, word[2:]))  # ולפוטין: and + to
    for cut, rest in cuts:
        if rest in CASELESS_STOP or is_role_word(rest):
            continue
        if rest in known:
            return cut, "D"
        facts = name_facts(rest)
        if facts.is_given:
            return cut, "G"
        if facts.is_known:
            return cut, "K"
    stop = word in CASELESS_STOP or is_role_word(word)
    return (0, "S") if not stop and has_surname_shape(word) else None


_ONE_LETTER = frozenset("".join(p for p in HEBREW_PREFIXES if len(p) == 1) + "و")


def surname_after(word: str) -> bool:
    """Whether a Hebrew or Arabic word may be the surname after a role and a given name."""
    return len(word) >= 2 and word not in CASELESS_STOP and not is_role_word(word)


def arabic_name_word(word: str) -> bool:
    """Whether an Arabic word may follow a given name as a name part."""
    return (
        script_of(word) == "Arab"
        and len(word) >= 3
        and word not in CASELESS_STOP
        and not is_role_word(word)
    )
