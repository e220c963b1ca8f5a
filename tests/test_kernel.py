"""The ladder's usual case for many pairs (compare._kernel) against the ladder itself."""

from __future__ import annotations

import importlib
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aliaskit import parse_name
from aliaskit.compare import DEFAULT_THRESHOLD, IndexedScorer, score_pair
from tests.strategies import cyrillic_names, hebrew_names, latin_names

_kernel = importlib.import_module("aliaskit.compare._kernel")
_features = importlib.import_module("aliaskit.compare._features")
_ladder = importlib.import_module("aliaskit.compare._ladder")

#: Plain names that reach the rarer rungs: opposite genders, gendered surname
#: forms, generations, a bare surname, an initial, names read either way round.
RARE_RUNGS = (
    "John Smith Jr.",
    "John Smith Sr.",
    "John Smith",
    "Alexandra Trufanova",
    "Alexander Trufanov",
    "Trufanov",
    "A. Trufanov",
    "Cohen Noa",
    "Noa Cohen",
    "Yelena Trufanova",
    "Елена Труфанова",
    "Олег Труфанов",
    "Piatrova Aliaksandra",
    "Саша Труфанова",
    "Саша Труфанов",
    "Женя Иванова",
)

names = st.one_of(latin_names, cyrillic_names, hebrew_names(), st.sampled_from(RARE_RUNGS))


def _ordered(a: str, b: str) -> tuple[Any, Any] | None:
    """The features of two names in score_pair's order (None: one normalised form)."""
    pa, pb = parse_name(a), parse_name(b)
    if not pa.parts or not pb.parts or pa.normalized == pb.normalized:
        return None
    if pb.normalized < pa.normalized:
        pa, pb = pb, pa
    return _features.features(pa), _features.features(pb)


def _climbed(a: str, b: str) -> tuple[Any, Any, tuple[float, bool] | None]:
    """The features of two plain names in score_pair's order, and what climb gives."""
    found = _ordered(a, b)
    assert found is not None
    fa, fb = found
    memo = _kernel.Memo()
    pa, pb = _kernel.plain(fa, memo), _kernel.plain(fb, memo)
    assert pa is not None
    assert pb is not None
    return fa, fb, _kernel.climb(pa, pb, memo)


@settings(max_examples=300)
@given(st.lists(names, min_size=2, max_size=8, unique=True), st.randoms(use_true_random=False))
def test_climb_gives_the_ladders_score_or_defers(texts: list[str], random: object) -> None:
    """On two plain names, climb gives best()'s score and conflict, or None (the
    ladder decides); one memo serves all the pairs, met in any order."""
    memo = _kernel.Memo()
    pairs = list(itertools.combinations(texts, 2))
    random.shuffle(pairs)  # type: ignore[attr-defined]
    for a, b in pairs:
        found = _ordered(a, b)
        if found is None:
            continue
        fa, fb = found
        pa, pb = _kernel.plain(fa, memo), _kernel.plain(fb, memo)
        if pa is None or pb is None:
            continue
        climbed = _kernel.climb(pa, pb, memo)
        if climbed is not None:
            assert climbed == _ladder.best(fa, fb), (a, b)


@pytest.mark.parametrize(
    ("text", "is_plain"),
    [
        ("Ivan Petrovich Ivanov", True),
        ("Sasha Trupanov", True),
        ("סשה טרופנוב", True),
        ("Trupanov", True),
        ("Kim Yong Chol", False),  # a middle name
        ("I. P. Ivanov", False),  # a second initial
        ("Anna Kuznetsova-Krasovskaya", False),  # a compound surname
        ("Elena Troufanov (née Petrova)", False),  # a maiden name
        ("Sasha (Alexander) Trupanov", False),  # a nickname beside the given name
    ],
)
def test_the_usual_names_are_plain(text: str, is_plain: bool) -> None:
    """Names with one surname reading, at most one given name and no middle
    names take the kernel; the others always climb the whole ladder."""
    found = _kernel.plain(_features.features(parse_name(text)), _kernel.Memo())
    assert (found is not None) is is_plain


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ivan Petrovich Ivanov", "Иван Петрович Иванов"),
        ("Ivan Petrovich Ivanov", "Ivan Sergeevich Ivanov"),
        ("Alexander Trufanov", "Alexandra Trufanova"),
        ("Саша Труфанова", "Саша Труфанов"),  # opposite genders shown by the surnames
        ("John Smith Jr.", "John Smith Sr."),
        ("Sasha Trupanov", "Elena Troufanov"),
        ("Sasha Trupanov", "Trupanov"),
        ("Sasha Trupanov", "Vitali Tarasov"),
    ],
)
def test_climb_answers_the_usual_pairs_itself(a: str, b: str) -> None:
    """The usual pairs (a match, a patronymic, gender or generation conflict,
    a bare surname, different surnames) do not fall back to the ladder."""
    fa, fb, climbed = _climbed(a, b)
    assert climbed == _ladder.best(fa, fb) == score_pair(fa.name, fb.name)


def test_climb_defers_a_name_read_the_other_way_round() -> None:
    """When a two-part name's given name meets the other's surname, the reading
    the other way round may win: climb leaves the pair to the ladder."""
    fa, fb, climbed = _climbed("Cohen Noa", "Noa Cohen")
    assert climbed is None
    assert _ladder.best(fa, fb)[0] >= DEFAULT_THRESHOLD


@settings(max_examples=200)
@given(
    st.lists(names, min_size=2, max_size=8, unique=True),
    st.data(),
    st.sampled_from((0, 3, 1 << 20)),
)
def test_an_indexed_scorer_scores_call_after_call_as_score_pair(
    texts: list[str], data: st.DataObject, limit: int
) -> None:
    """An IndexedScorer kept across calls (as a scoring worker keeps one), and
    started afresh whenever it holds more than ``limit`` entries, gives
    score_pair's scores in every call."""
    parsed = [p for p in (parse_name(t) for t in texts) if p.parts]
    if len(parsed) < 2:
        return
    index = st.integers(0, len(parsed) - 1)
    calls = data.draw(
        st.lists(st.lists(st.tuples(index, index), min_size=1, max_size=10), min_size=2, max_size=5)
    )
    api: Any = importlib.import_module("aliaskit.compare._api")
    saved = api.INDEXED_NAMES, api.INDEXED_MEMO
    api.INDEXED_NAMES = api.INDEXED_MEMO = limit
    try:
        scorer = IndexedScorer(parsed.__getitem__, same_form=2.0)
        for pairs in calls:
            scores, conflicts = scorer.score([i for i, _ in pairs], [j for _, j in pairs])
            for (i, j), score, conflict in zip(pairs, scores, conflicts, strict=True):
                if parsed[i].normalized == parsed[j].normalized:
                    assert (score, conflict) == (2.0, 0)
                else:
                    assert (score, bool(conflict)) == score_pair(parsed[i], parsed[j])
    finally:
        api.INDEXED_NAMES, api.INDEXED_MEMO = saved


_GIVEN = (
    "Ivan",
    "Ivo",
    "Iwan",
    "Igor",
    "Pyotr",
    "Petr",
    "Oleg",
    "Olga",
    "Sergei",
    "Sergey",
    "Иван",
)
_PATRONYMIC = (
    "Ivanovich",
    "Ivanovitch",
    "Petrovich",
    "Sergeevich",
    "Olegovna",
    "Иванович",
    "Ilyich",
)
_SURNAME = ("Ivanov", "Ivanova", "Iwanow", "Ivanenko", "Иванов")
russian_names = st.builds(
    "{} {} {}".format,
    st.sampled_from(_GIVEN),
    st.sampled_from(_PATRONYMIC),
    st.sampled_from(_SURNAME),
)


@settings(max_examples=300)
@given(russian_names, russian_names)
def test_a_settled_conflict_scores_as_the_patronymic_verdict_would(a: str, b: str) -> None:
    """Where the given names conflict and the patronymics could not lift the
    capped score, the patronymic verdict is skipped (conflict_settled): the
    untraced score and conflict equal the traced ladder's, which judges every
    rung, and climb's."""
    found = _ordered(a, b)
    if found is None:
        return
    fa, fb = found
    traced = _ladder.best(fa, fb, _ladder.Trace())
    assert _ladder.best(fa, fb) == traced, (a, b)
    memo = _kernel.Memo()
    pa, pb = _kernel.plain(fa, memo), _kernel.plain(fb, memo)
    if pa is not None and pb is not None:
        climbed = _kernel.climb(pa, pb, memo)
        assert climbed is None or climbed == traced, (a, b)


def test_conflict_settled_only_when_the_cap_is_reached() -> None:
    assert _ladder.conflict_settled(1.0, True, 0.5, True)
    assert not _ladder.conflict_settled(1.0, True, 0.5, False)  # no conflict
    assert not _ladder.conflict_settled(0.5, True, 0.0, True)  # 0.275: the patronymic counts
