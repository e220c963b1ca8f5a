"""Arabic name knowledge (issue 26): the Wikidata/rigour groups and the curated
given names hold Arabic-script forms, so a known Arabic name meets its Latin,
Hebrew and Cyrillic forms as the same name and is shown in its usual spelling."""

from __future__ import annotations

import gzip
import unicodedata
from importlib.resources import files

import pytest

import aliaskit
from aliaskit import knowledge as kn
from aliaskit._arabic import as_hebrew
from aliaskit.compare._scale import DEFAULT_THRESHOLD
from aliaskit.latin import latin_forms

DATA = files("aliaskit") / "data"

#: One given name in Arabic, Latin, Cyrillic and Hebrew script.
EQUIVALENT = [
    ("موسى", ["Musa", "Moussa", "Moshe", "Moses", "Муса", "מוסא", "משה"]),
    ("محمد", ["Muhammad", "Mohammed", "Mohamed", "Мухаммед", "Мухаммад", "מוחמד"]),
    ("يوسف", ["Yusuf", "Youssef", "Yosef", "Joseph"]),
    ("إبراهيم", ["Ibrahim", "Abraham", "Avraham"]),
    ("عيسى", ["Isa", "Issa", "Иса", "עיסא"]),
    ("أحمد", ["Ahmed", "Ahmad", "Ахмед", "אחמד"]),
    ("علي", ["Ali", "Али", "עלי"]),
    ("حسن", ["Hassan", "Hasan", "Хасан", "חסן"]),
    ("حسين", ["Hussein", "Husayn", "Хусейн", "חוסיין"]),
    ("عمر", ["Omar", "Umar", "Омар"]),
    ("خالد", ["Khaled", "Khalid", "Халид", "ח'אלד"]),
    ("مصطفى", ["Mustafa", "Moustafa", "Мустафа", "מוסטפא"]),
    ("عبدالله", ["Abdullah", "Abdallah", "Абдулла", "עבדאללה"]),
    ("إسماعيل", ["Ismail", "Исмаил", "איסמאעיל"]),
    ("فاطمة", ["Fatima", "Фатима", "פאטמה"]),
    ("عثمان", ["Uthman", "Osman", "עות'מאן"]),
    ("أسامة", ["Osama", "Usama", "אוסאמה"]),
]

#: Arabic given name, a Latin given name and a surname written in each script.
FULL_NAMES = [
    ("محمد مرسي", "Mohamed Morsi"),
    ("محمد مرسي", "Muhammad Mursi"),
    ("يوسف حداد", "Yosef Haddad"),
    ("يوسف حداد", "Youssef Haddad"),
    ("موسى حداد", "Moussa Haddad"),
    ("إبراهيم حداد", "Ibrahim Haddad"),
    ("عيسى حداد", "Issa Haddad"),
    ("أحمد حداد", "Ahmad Haddad"),
    ("حسين حداد", "Husayn Haddad"),
    ("عمر حداد", "Umar Haddad"),
    ("خالد حداد", "Khaled Haddad"),
    ("مصطفى حداد", "Moustafa Haddad"),
    ("عبد الله حداد", "Abdallah Haddad"),
    ("إسماعيل حداد", "Ismail Haddad"),
    ("أسامة حداد", "Usama Haddad"),
    ("محمد حداد", "Мухаммед Хаддад"),
    ("محمد حداد", "מוחמד חדאד"),
    ("موسى حداد", "מוסא חדאד"),
]

#: Different given names with the same surname.
DIFFERENT = [
    ("محمد حداد", "Ahmed Haddad"),
    ("محمد حداد", "Mahmoud Haddad"),
    ("حسن حداد", "Hussein Haddad"),
    ("عمر حداد", "Ali Haddad"),
    ("يوسف حداد", "Ismail Haddad"),
    ("موسى حداد", "Isa Haddad"),
]


@pytest.mark.parametrize(("arabic", "others"), EQUIVALENT)
def test_an_arabic_given_name_shares_a_group_with_its_forms_in_other_scripts(
    arabic: str, others: list[str]
) -> None:
    for other in others:
        assert kn.same_name(arabic, other) is not None, (arabic, other)


def test_different_arabic_given_names_share_no_curated_group() -> None:
    for a, b in [("محمد", "Ahmed"), ("محمد", "أحمد"), ("حسن", "Hussein"), ("عمر", "Ali")]:
        shared = kn.name_groups(a) & kn.name_groups(b)
        assert not {g for g in shared if g.startswith(kn.CURATED_PREFIX)}, (a, b)


def test_latin_musa_and_moshe_stay_apart_while_arabic_musa_meets_both() -> None:
    """Arabic writes Musa and Moses alike; Latin spellings keep the traditions apart."""
    assert kn.same_name("Musa", "Moshe") is None
    assert kn.same_name("מוסא", "משה") is None
    assert kn.same_name("موسى", "Musa") == "aliaskit:musa_m"
    assert kn.same_name("موسى", "Moshe") == "aliaskit:moshe_m"


def test_arabic_lookups_fold_as_normalize_does() -> None:
    """Harakat, hamza seats, ta marbuta and an attached article do not change the key."""
    assert kn.name_groups("مُوسَى") == kn.name_groups("موسى") != frozenset()
    assert kn.name_groups("إبراهيم") == kn.name_groups("ابراهيم") != frozenset()
    assert kn.name_groups("فاطمة") == kn.name_groups("فاطمه") != frozenset()
    assert kn.fold("البشير") == "بشير"
    assert kn.name_groups("البشير") == kn.name_groups("بشير") != frozenset()
    assert kn.given_name_gender("فاطمة") == "f"
    assert kn.given_name_gender("محمد") == "m"


@pytest.mark.parametrize(("arabic", "latin"), FULL_NAMES)
def test_a_known_arabic_given_name_matches_its_spellings_in_other_scripts(
    arabic: str, latin: str
) -> None:
    assert aliaskit.compare(arabic, latin).score >= DEFAULT_THRESHOLD, (arabic, latin)
    assert aliaskit.compare(latin, arabic).score >= DEFAULT_THRESHOLD, (latin, arabic)


def test_morsi_in_arabic_matches_his_latin_names_well() -> None:
    assert aliaskit.compare("محمد مرسي", "Mohamed Morsi").score >= 0.75
    assert aliaskit.compare("يوسف حداد", "Yosef Haddad").score >= 0.75


@pytest.mark.parametrize(("arabic", "latin"), DIFFERENT)
def test_different_arabic_and_latin_given_names_stay_different(arabic: str, latin: str) -> None:
    assert aliaskit.compare(arabic, latin).score < DEFAULT_THRESHOLD, (arabic, latin)


def _hebrew_letter_forms(word: str) -> tuple[str, ...]:
    """The readings of an Arabic word as the Hebrew reader gives them."""
    return latin_forms(as_hebrew(word)).forms


def test_a_known_arabic_name_reads_first_as_its_usual_spelling() -> None:
    """The headword of its curated group, then its readings, as many as before."""
    for word, usual in [("محمد", "muhammad"), ("مُوسى", "musa"), ("يوسف", "yusuf")]:
        forms = latin_forms(aliaskit.normalize(word)).forms
        readings = _hebrew_letter_forms(aliaskit.normalize(word))
        assert forms[0] == usual, word
        assert len(forms) == len(readings)
        assert forms[1:] == tuple(r for r in readings if r != usual)[: len(forms) - 1]


def test_an_unknown_arabic_name_and_hebrew_names_keep_their_readings() -> None:
    assert kn.usual_spelling("مرزوق") is None
    assert latin_forms("مرزوق").forms == _hebrew_letter_forms("مرزوق")
    assert kn.usual_spelling("משה") is None  # Hebrew is left to the ranking of readings


def test_an_arabic_only_entity_is_named_by_the_usual_spelling_of_its_given_name() -> None:
    """The given name's curated headword, the surname's first reading (as
    matching reads it), in title case."""
    (entity,) = aliaskit.cluster(["محمد مرسي"])
    assert entity.canonical == "Muhammad " + latin_forms("مرسي").forms[0].title()
    assert entity.form("Arab") == "محمد مرسي"


def test_curated_arabic_rows_are_normalised_and_sourced() -> None:
    """Each Arabic row is written as normalize writes it, without the article,
    and names a Wikidata item or the convention it follows."""
    table = kn.load_table(DATA / "hypocorisms.tsv")
    arabic = [r for r in table.rows if r[2] == "Arab"]
    assert len(arabic) >= 60
    for row in arabic:
        assert aliaskit.normalize(row[1]) == row[1] == kn.fold(row[1]), row
        assert not row[1].startswith("\u0627\u0644-"), row
        assert all(unicodedata.name(c).startswith("ARABIC") for c in row[1]), row
    new = [r for r in table.rows if "[wd]" in r[6] or "[ahl-ar]" in r[6]]
    assert {r[2] for r in new} == {"Latn", "Cyrl", "Hebr", "Arab"}
    assert all(r[6].startswith("aliaskit-curated; [") for r in new)


def test_cognate_rows_link_but_are_not_full_forms() -> None:
    assert "موسى" not in kn.full_forms("Мойше")
    assert kn.usual_spelling("موسى") == "musa"
    assert kn.usual_spelling("ساره") is None  # a cognate row only


def test_groups_file_holds_arabic_forms_after_each_groups_other_rows() -> None:
    text = gzip.decompress((DATA / "name_groups.tsv.gz").read_bytes()).decode("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"][1:]
    arabic = [r for r in rows if r[2] == "Arab"]
    assert len(arabic) >= 13000
    assert all(aliaskit.normalize(r[1]) == r[1] and " " not in r[1] for r in arabic)
    assert not any(r[1].startswith("\u0627\u0644-") for r in arabic)
    seen: dict[str, bool] = {}
    for group, _, script in rows:
        if script == "Arab":
            seen[group] = True
        else:
            assert not seen.get(group), group  # no other row after an Arabic one
    assert "wd:Q19914398" in kn.name_groups("موسى")  # moussa, mussa, муса, מוסא, موسى
