"""compare(): labelled pairs, the seed people, properties and bad input."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aliaskit import compare, parse_name
from aliaskit.compare import DEFAULT_THRESHOLD, prepare, score_indexed, score_pair
from tests.conftest import load_vectors
from tests.strategies import any_names, hostile_text

PAIRS = load_vectors("compare_pairs.tsv")
SEED = load_vectors("seed_gold.tsv")
NAMES = sorted({r["name"] for r in SEED})


@pytest.mark.parametrize("row", PAIRS, ids=[f"{r['a']}~{r['b']}" for r in PAIRS])
def test_labelled_pairs_get_the_right_verdict(row: dict[str, str]) -> None:
    """Every labelled pair is judged as labelled, in both argument orders."""
    expected = row["match"] == "true"
    assert compare(row["a"], row["b"]).is_match is expected
    assert compare(row["b"], row["a"]).is_match is expected


def test_every_seed_pair_is_judged_right() -> None:
    """All same-person seed pairs match and all cross-person pairs do not."""
    entity = {r["name"]: r["entity_id"] for r in SEED}
    wrong = [
        (a, b, compare(a, b).score)
        for a, b in itertools.combinations(NAMES, 2)
        if compare(a, b).is_match is not (entity[a] == entity[b])
    ]
    assert wrong == []


def test_explanation_names_the_rules() -> None:
    """The explanation lists aligned parts with roles and rules, readably."""
    result = compare("Sasha Trupanov", "אלכסנדר טרופנוב")
    roles = {p.role: p.rule for p in result.explanation.parts}
    assert roles["given"] == "hypocorism"
    assert roles["surname"] == "hebrew_reading"
    text = str(result)
    assert "given" in text
    assert "surname" in text
    assert "hypocorism" in text


def test_gender_conflict_is_explained() -> None:
    """Opposite-gender given names are reported as a conflict."""
    result = compare("Alexander Trufanov", "Alexandra Trufanova")
    assert result.is_conflict
    assert any("gender" in c or "given" in c for c in result.explanation.conflicts)


def test_feminine_surname_alone_clashes_with_a_masculine_name() -> None:
    """A feminine surname is gender evidence against a man with the masculine form."""
    assert compare("A. Trufanova", "Alexander Trufanov").is_conflict
    assert compare("Trufanova", "Alexander Trufanov").is_conflict


def test_surname_in_a_worn_by_a_man_is_no_gender_evidence() -> None:
    """Belarusian surnames in -a are men's too: the same form on both sides cannot clash."""
    for a, b in [
        ("Francysk Skaryna", "Францыск Скарына"),
        ("Francysk Skaryna", "Франциск Скорина"),
        ("Pavel Latushka", "Павел Латушка"),
    ]:
        result = compare(a, b)
        assert result.is_match, (a, b, str(result))
        assert not result.is_conflict, (a, b)


def test_names_read_as_their_spelling_tradition_says_them_match() -> None:
    """Hungarian s is sh and sz is s (Szenes ~ סנש), Polish rz is zh (Andrzej ~
    אנדז'יי), English ai, -ay and j as heard (Blair ~ Блэр, Johnson ~ Джонсон);
    a doubled Hebrew letter may be one doubled Latin consonant (Nasrallah ~
    נסראללה, McClelland ~ מקקללנד)."""
    for a, b in [
        ("Hannah Szenes", "חנה סנש"),
        ("Hassan Nasrallah", "חסן נסראללה"),
        ("Charles McClelland", "צ'רלס מקקללנד"),
        ("Andrzej Duda", "אנדז'יי דודה"),
        ("Tony Blair", "Тони Блэр"),
        ("Theresa May", "Тереза Мэй"),
        ("Boris Johnson", "Борис Джонсон"),
        ("Ismail Haniyeh", "Ismail Haniya"),
    ]:
        assert compare(a, b).is_match, (a, b, str(compare(a, b)))


def test_a_spanish_name_matches_its_first_surname_alone() -> None:
    """Given name, father's and mother's surnames ~ given name and father's surname."""
    for a, b in [
        ("Nicolás Maduro Moros", "Nicolás Maduro"),
        ("Hugo Rafael Chávez Frías", "Hugo Chavez"),
        ("Daniel Ortega Saavedra", "Daniel Ortega"),
    ]:
        assert compare(a, b).is_match, (a, b, str(compare(a, b)))


def test_compound_part_needs_the_shorter_name_without_its_own_middle_name() -> None:
    """Kim Yo Jong keeps Yo, which Kim Jong Un lacks: not a part of his name."""
    assert not compare("Kim Jong Un", "Kim Yo Jong").is_match


def test_a_given_name_written_in_two_words_matches_it_in_one() -> None:
    """East Asian given names are written syllable by syllable, hyphenated or fused."""
    for a, b in [
        ("KIM Yong Chol", "Kim Yong-chol"),
        ("KIM Yong Chol", "Kim Yongchol"),
        ("Xi Jinping", "XI Jin Ping"),
    ]:
        result = compare(a, b)
        assert result.is_match, (a, b, str(result))
        assert any(p.rule == "joined" for p in result.explanation.parts), str(result)
    assert not compare("KIM Yong Chol", "KIM Yong Nam").is_match


def test_a_compound_arabic_given_name_matches_its_first_element() -> None:
    """Sirajuddin is Siraj; Jalaluddin, his father, is not."""
    result = compare("Sirajuddin Haqqani", "Siraj Haqqani")
    assert result.is_match, str(result)
    assert "siraj is short for sirajuddin" in str(result)
    assert compare("Sirajuddin Haqqani", "Jalaluddin Haqqani").is_conflict


def test_an_arabic_name_matches_its_filiation_without_the_family_name() -> None:
    """Mohammed bin Rashid Al Maktoum ~ Mohammed bin Rashid; not his son Hamdan."""
    assert compare("Mohammed bin Rashid Al Maktoum", "Mohammed bin Rashid").is_match
    assert compare("Mohammad bin Salman Al Saud", "Mohammed bin Salman").is_match
    assert not compare("Mohammed bin Rashid Al Maktoum", "Hamdan bin Mohammed Al Maktoum").is_match


def test_patronymic_conflict_is_explained() -> None:
    """A conflicting patronymic is reported."""
    result = compare("Sergey Ivanovich Lavrov", "Sergey Viktorovich Lavrov")
    assert "conflicting patronymic" in result.explanation.conflicts


@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_compare_is_symmetric(a: str, b: str) -> None:
    """compare(a, b) and compare(b, a) give the same score and verdict."""
    ab, ba = compare(a, b), compare(b, a)
    assert ab.score == ba.score
    assert ab.is_match == ba.is_match


@given(st.sampled_from(NAMES))
def test_identical_names_score_one(name: str) -> None:
    """A name compared with itself scores 1.0."""
    assert compare(name, name).score == 1.0


@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_score_is_bounded(a: str, b: str) -> None:
    """Scores lie in [0, 1]."""
    assert 0.0 <= compare(a, b).score <= 1.0


@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_case_and_whitespace_do_not_matter(a: str, b: str) -> None:
    """Surrounding whitespace and lower case do not change the score."""
    assert compare(f"  {a.lower()} ", b).score == compare(a.lower(), b).score


@pytest.mark.parametrize("bad", [None, b"Trufanov", 3, 2.5])
def test_wrong_types_raise_type_error(bad: object) -> None:
    """Non-str input raises TypeError."""
    with pytest.raises(TypeError):
        compare(bad, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        compare("x", bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "   ", "--", "?!"])
def test_empty_names_raise_value_error(bad: str) -> None:
    """Empty or punctuation-only input raises ValueError."""
    with pytest.raises(ValueError, match="no name"):
        compare(bad, "Alexander Trufanov")


@pytest.mark.parametrize(("a", "b"), [("A. B.", "A. B."), ("A.", "B."), ("van der", "de la")])
def test_initials_and_particles_only_compare_with_low_confidence(a: str, b: str) -> None:
    """Initial-only or particle-only names compare without error, below a full match."""
    result = compare(a, b)
    assert 0.0 <= result.score <= 1.0
    if a != b:
        assert not result.is_match


def test_threshold_is_the_documented_default() -> None:
    """The default threshold is the documented 0.75."""
    assert compare("a b", "a b").threshold == DEFAULT_THRESHOLD == 0.75


# Pairs for each rule of the scoring: opposite gender shown by an initial and
# a feminine surname, patronymics (conflicting, of the same father's name),
# middle names, swapped order, compound and gendered surnames.
FAST_PATH_PAIRS = [
    ("A. Trufanova", "Alexander Trufanov"),
    ("Trufanova", "Alexander Trufanov"),
    ("Сергей Иванович Лавров", "Сергей Викторович Лавров"),
    ("Mikhail Nikolaevich Petrov", "Михаил Николаевич Петров"),
    ("Ivan Mykolayovych Petrenko", "Ivan Nikolaevich Petrenko"),
    ("Abdikadir Hassan Mohamed", "Abdikadir Ali Mohamed"),
    ("John A. Smith", "John B. Smith"),
    ("Trufanov Alexander", "Alexander Trufanov"),
    ("Petrov Ivan", "Ivan Petrov"),
    ("Zorbat Quenlin", "Quenlin Zorbat"),
    ("Zorbat Quenlin", "Quenlin Zorbatova"),
    ("Sagi Dekel Chen", "Sagi Dekel-Chen"),
    ("Sagi Chen", "Sagi Dekel-Chen"),
    ("Elena Tsikhanouskaya", "Elena Tsikhanouski"),
    ("Anna Ivanova", "Анна Иванова"),
    ("Sasha Trupanov", "אלכסנדר טרופנוב"),
    ("Francysk Skaryna", "Францыск Скарына"),
    ("Skaryna", "Francysk Skaryna"),
    ("Nicolás Maduro Moros", "Nicolás Maduro"),
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Sagi Dekel", "Sagi Dekel Chen"),
    ("KIM Yong Chol", "Kim Yong-chol"),
    ("Xi Jinping", "XI Jin Ping"),
    ("Sirajuddin Haqqani", "Siraj Haqqani"),
    ("Mohammed bin Rashid Al Maktoum", "Mohammed bin Rashid"),
]


def test_score_pair_equals_compare() -> None:
    """score_pair, the clustering fast path, gives compare's score and conflict flag.

    Both climb one ladder (compare records why as it goes), so this guards the
    ladder against a shortcut taken on one path only: on every seed pair and
    every labelled pair, in both orders, with and without prepare.
    """
    pairs = list(itertools.combinations(NAMES, 2)) + [(r["a"], r["b"]) for r in PAIRS]
    pairs += FAST_PATH_PAIRS
    for a, b in pairs:
        pa, pb = parse_name(a), parse_name(b)
        if a == NAMES[0]:
            prepare(pa)
        expected = compare(a, b)
        assert score_pair(pa, pb) == (expected.score, expected.is_conflict), (a, b)
        assert score_pair(pb, pa) == (expected.score, expected.is_conflict), (b, a)


def test_comparing_the_same_strings_again_gives_the_same_comparison() -> None:
    """compare() of two strings is memoised: the same pair again is the same immutable
    Comparison, equal to one computed afresh from parsed names."""
    first = compare("Sasha Trupanov", "סשה טרופנוב")
    again = compare("Sasha Trupanov", "סשה טרופנוב")
    assert again is first
    fresh = compare(parse_name("Sasha Trupanov"), parse_name("סשה טרופנוב"))
    assert (fresh.score, fresh.is_conflict, str(fresh)) == (
        again.score,
        again.is_conflict,
        str(again),
    )
    assert compare("Sasha Trupanov", "סשה טרופנוב", threshold=0.95) is not first


@given(st.one_of(any_names, hostile_text()), st.one_of(any_names, hostile_text()))
def test_score_pair_is_compare_score_and_conflict(a: str, b: str) -> None:
    """score_pair(a, b) == (compare(a, b).score, compare(a, b).is_conflict) for any names.

    True by construction (one scorer, an optional trace); kept as a guard.
    One exception, as before the scorers were one: two names with the same
    normalised text score 1.0 without scoring, and score_pair reports no
    conflict, while compare still explains (and flags) the conflict of two
    different parses of it (Ivanov A. Ivanovich, Ivanov, A. Ivanovich).
    """
    pa, pb = parse_name(a), parse_name(b)
    if not (pa.parts and pb.parts):
        return
    expected = compare(pa, pb)
    assert expected.is_conflict == bool(expected.explanation.conflicts)
    if pa.normalized == pb.normalized:
        assert score_pair(pa, pb) == (1.0, False) == (expected.score, False)
        return
    assert score_pair(pa, pb) == (expected.score, expected.is_conflict)
    assert score_pair(pb, pa) == (expected.score, expected.is_conflict)


@given(st.lists(st.one_of(any_names, st.sampled_from(NAMES)), min_size=2, max_size=6), st.data())
def test_score_indexed_is_score_pair_on_every_pair(texts: list[str], data: st.DataObject) -> None:
    """score_indexed (the clustering workers' loop) gives score_pair's score and
    conflict for each pair, in either order, and ``same_form`` for one normalised form."""
    names = [p for p in (parse_name(t) for t in texts) if p.parts]
    if len(names) < 2:
        return
    index = st.integers(0, len(names) - 1)
    pairs = data.draw(st.lists(st.tuples(index, index), min_size=1, max_size=12))
    left, right = [i for i, _ in pairs], [j for _, j in pairs]
    scores, conflicts = score_indexed(names.__getitem__, left, right, same_form=2.0)
    for (i, j), score, conflict in zip(pairs, scores, conflicts, strict=True):
        if names[i].normalized == names[j].normalized:
            assert (score, conflict) == (2.0, 0)
        else:
            assert (score, bool(conflict)) == score_pair(names[i], names[j])
