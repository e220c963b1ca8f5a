"""find_names: people in text, with roles, possessives, Hebrew prefixes and Russian cases."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import NamedTuple

import pytest

import aliaskit
from aliaskit import Mention, _text_words, find_names
from aliaskit import _text_lemma as lemma

VECTORS = Path(__file__).parent / "vectors"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
#: Targets of issue 27 on the seed articles: person-mention recall and precision.
RECALL, PRECISION = 0.95, 0.90


class Scores(NamedTuple):
    recall: float
    precision: float
    misses: list[str]


def _gold(path: Path) -> dict[tuple[str, int, int], tuple[str, str]]:
    rows = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith(("#", "article\t")):
            continue
        article, start, end, surface, name, _person = line.split("\t")
        rows[(article, int(start), int(end))] = (surface, name)
    return rows


def _score(gold: dict[tuple[str, int, int], tuple[str, str]], texts: dict[str, str]) -> Scores:
    """Mention recall and precision, a mention being right when its span and listed name are."""
    found = {
        (article, m.start, m.end): m.name
        for article, text in texts.items()
        for m in find_names(text)
    }
    right = sum(1 for key, name in found.items() if key in gold and gold[key][1] == name)
    misses = [f"{k}: {gold.get(k)} / {found.get(k)}" for k in sorted(set(gold) ^ set(found))]
    misses += [
        f"{k}: {gold[k]} / {found[k]}" for k in gold if k in found and gold[k][1] != found[k]
    ]
    return Scores(right / len(gold), right / max(len(found), 1), misses)


def test_seed_articles_gold() -> None:
    if not SEEDS.is_dir():
        pytest.skip("the seed articles (../shared/seeds) are absent")
    gold = _gold(VECTORS / "text_mentions.tsv")
    texts = {p.stem: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    for (article, start, end), (surface, _) in gold.items():
        assert texts[article][start:end] == surface
    scores = _score(gold, texts)
    print(f"seed articles: recall {scores.recall:.3f}, precision {scores.precision:.3f}")
    assert scores.recall >= RECALL, scores.misses
    assert scores.precision >= PRECISION, scores.misses


def test_project_passages_gold() -> None:
    """The Russian and Ukrainian passages need pymorphy3 (and its dictionary) for
    their oblique cases; the Belarusian (read by rule) and Hebrew ones do not."""
    gold = _gold(VECTORS / "text_passages.tsv")
    texts = {
        p.stem: p.read_text("utf-8") for p in sorted((VECTORS / "text_passages").glob("*.txt"))
    }
    for (article, start, end), (surface, _) in gold.items():
        assert texts[article][start:end] == surface
    hebrew = {k: v for k, v in gold.items() if k[0].startswith("he_")}
    scores = _score(hebrew, {k: v for k, v in texts.items() if k.startswith("he_")})
    print(f"Hebrew passages: recall {scores.recall:.3f}, precision {scores.precision:.3f}")
    assert scores.recall >= RECALL, scores.misses
    assert scores.precision >= PRECISION, scores.misses
    _passages_score(gold, texts, "be_", "Belarusian")  # by rule: no dictionary
    pytest.importorskip("pymorphy3")
    _passages_score(gold, texts, "ru_", "Russian")
    pytest.importorskip("pymorphy3_dicts_uk")
    _passages_score(gold, texts, "uk_", "Ukrainian")


def _passages_score(
    gold: dict[tuple[str, int, int], tuple[str, str]], texts: dict[str, str], prefix: str, what: str
) -> None:
    """The passages of one language reach the targets, every listed name right."""
    own = {k: v for k, v in gold.items() if k[0].startswith(prefix)}
    assert own, prefix
    scores = _score(own, {k: v for k, v in texts.items() if k.startswith(prefix)})
    print(f"{what} passages: recall {scores.recall:.3f}, precision {scores.precision:.3f}")
    assert scores.recall >= RECALL, scores.misses
    assert scores.precision >= PRECISION, scores.misses


def _names(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.surface, m.name, m.roles) for m in find_names(text)]


def test_mention_is_a_frozen_value() -> None:
    m = find_names("Chief Rabbi Berel Lazar spoke.")[0]
    assert m == Mention(12, 23, "Berel Lazar", "Berel Lazar", ("Chief Rabbi",), "Latn")
    with pytest.raises(AttributeError):
        m.name = "x"  # type: ignore[misc]
    assert {"find_names", "Mention"} <= set(aliaskit.__all__)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian President Vladimir Putin met him.",
            [("Vladimir Putin", "Vladimir Putin", ("Russian President",))],
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu called.",
            [("Benjamin Netanyahu", "Benjamin Netanyahu", ("Israeli Prime Minister",))],
        ),
        ("Putin's envoy came.", [("Putin's", "Putin", ())]),
        (
            "freed hostage Sasha Troufanov",
            [("Sasha Troufanov", "Sasha Troufanov", ("freed hostage",))],
        ),
        ("He met his mother and her brother.", []),
        ("Alexander (Sasha) Troufanov", [("Alexander (Sasha) Troufanov",) * 2 + ((),)]),
        (
            "Mohammed bin Salman and Bashar al-Assad",
            [
                ("Mohammed bin Salman", "Mohammed bin Salman", ()),
                ("Bashar al-Assad", "Bashar al-Assad", ()),
            ],
        ),
        ("On April 16 the Kremlin in Moscow said so.", []),
        ("Theresa May met him on May 9.", [("Theresa May", "Theresa May", ())]),
        ("The UN told Al Jazeera that Kim Jong Un", [("Kim Jong Un", "Kim Jong Un", ())]),
        (
            "Qatar's Prime Minister Sheikh Mohammed Al Thani",
            [("Mohammed Al Thani", "Mohammed Al Thani", ("Qatar's Prime Minister Sheikh",))],
        ),
        ("The Trufanov family lives in Kibbutz Nir Oz.", []),
    ],
)
def test_latin(text: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert _names(text) == expected


def test_a_surname_found_in_the_text_is_a_name_alone() -> None:
    names = _names("Vladimir Putin spoke. Putin said Trufanov's release mattered.")
    assert [n for _, n, _ in names] == ["Vladimir Putin", "Putin", "Trufanov"]


def test_hebrew_prefixes_are_peeled_only_off_names() -> None:
    text = "נשיא רוסיה ולדימיר פוטין נפגש עם סשה טרופנוב. פוטין אמר לסשה ולפוטין"
    found = find_names(text)
    assert [(m.name, m.roles) for m in found] == [
        ("ולדימיר פוטין", ("נשיא רוסיה",)),
        ("סשה טרופנוב", ()),
        ("פוטין", ()),
        ("סשה", ()),
        ("פוטין", ()),
    ]
    assert all(m.script == "Hebr" and text[m.start : m.end] == m.surface for m in found)
    assert find_names("הלך לבית הספר ושמע מהמורה") == []
    found = find_names("שר הביטחון יואב גלנט אמר")
    assert [(m.name, m.roles) for m in found] == [("יואב גלנט", ("שר הביטחון",))]


def test_arabic_names_from_the_lexicon() -> None:
    found = find_names("التقى الرئيس فلاديمير بوتين مع محمد")
    assert [m.name for m in found] == ["فلاديمير بوتين", "محمد"]
    assert found[0].script == "Arab"
    found = find_names("وقال موسى أبو مرزوق إن الرئيس الروسي فلاديمير بوتين استقبل")
    assert [(m.name, m.roles) for m in found] == [
        ("موسى أبو مرزوق", ()),
        ("فلاديمير بوتين", ("الرئيس الروسي",)),
    ]


def test_russian_oblique_cases_keep_gender() -> None:
    pytest.importorskip("pymorphy3")
    names = [
        m.name for m in find_names("встреча с Александром Труфановым и матери Елены Труфановой")
    ]
    assert names == ["Александр Труфанов", "Елена Труфанова"]
    names = [m.name for m in find_names("О Владимире Путине. Путину сказали, Богданову тоже.")]
    assert names[:2] == ["Владимир Путин", "Путин"]
    assert [m.roles for m in find_names("Президент России Владимир Путин")] == [
        ("Президент России",)
    ]


def test_without_pymorphy3_names_stay_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import pymorphy3 raises ImportError
    lemma._analyzer.cache_clear()
    lemma._given.cache_clear()
    lemma._surname.cache_clear()
    _text_words.word_kind.cache_clear()
    try:
        with pytest.warns(lemma.MorphologyWarning, match=r"aliaskit\[text\]"):
            found = find_names("Владимир Путин встретился с Александром Труфановым.")
        assert found[0].name == "Владимир Путин"
        assert found[1].surface == found[1].name == "Александром Труфановым"  # as written
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            find_names("Владимир Путин встретился с Александром Труфановым.")  # once only
    finally:
        monkeypatch.undo()
        lemma._analyzer.cache_clear()
        lemma._given.cache_clear()
        lemma._surname.cache_clear()
        _text_words.word_kind.cache_clear()


def test_not_a_str() -> None:
    with pytest.raises(TypeError, match="str"):
        find_names(b"Putin")  # type: ignore[arg-type]
