"""Properties of the public API over generated names and hostile Unicode.

Example counts come from the "ci" profile in ``tests/conftest.py`` (200 per
test) unless a test lowers them with ``@settings`` because one example is
slow (clustering, save/load); those say so in their docstring.
"""

from __future__ import annotations

import random
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

import aliaskit
from aliaskit import Entity, Resolver, cluster, compare, normalize
from aliaskit.blocking import block_keys
from aliaskit.keys import skeleton_keys
from aliaskit.phonetic import encoders, phonetic_keys
from aliaskit.resolver import SkippedNamesWarning
from tests.strategies import any_names, homoglyph_names, hostile_text

# Any str at all: generated names, hostile text, and unrestricted Unicode
# (surrogates included, since st.characters() does not exclude category Cs).
any_text = st.one_of(any_names, hostile_text(), st.text(st.characters(), max_size=30))
pair_names = st.one_of(any_names, homoglyph_names().map(lambda p: p[1]))
# Clustering inputs: a pool of related names, so that examples contain
# matching and conflicting pairs, not only singletons.
name_lists = st.lists(st.one_of(any_names, any_names.map(str.upper)), min_size=1, max_size=12)


# -- normalisation ------------------------------------------------------------


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    """normalize(normalize(x)) == normalize(x) for every str."""
    once = normalize(text)
    assert normalize(once) == once


@given(any_text)
def test_script_and_romanizations_are_stable_after_normalize(text: str) -> None:
    """detect_script and romanizations of a normalised name do not change on a second pass."""
    once = normalize(text)
    twice = normalize(once)
    assert aliaskit.detect_script(twice) == aliaskit.detect_script(once)
    assert aliaskit.romanizations(twice) == aliaskit.romanizations(once)


@given(any_names)
def test_romanizations_are_fixed_points(name: str) -> None:
    """Romanising a romanisation of a normalised name gives it back unchanged."""
    for latin in aliaskit.romanizations(normalize(name)):
        assert aliaskit.romanizations(latin) == {latin}


@given(any_names)
def test_normalize_keeps_the_script_of_a_name(name: str) -> None:
    """A generated name is detected as the same script before and after normalize."""
    assert aliaskit.detect_script(normalize(name)) == aliaskit.detect_script(name)


# -- totality -------------------------------------------------------------------


@given(any_text)
def test_transliterate_readings_and_similarity_are_total(text: str) -> None:
    """transliterate, readings and similarity return a result for every str."""
    assert isinstance(aliaskit.transliterate(text), str)
    assert all(isinstance(r, str) for r in aliaskit.readings(text))
    assert 0.0 <= aliaskit.similarity(text, "trufanov") <= 1.0


@given(any_text)
def test_keys_are_total(text: str) -> None:
    """Every phonetic encoder, skeleton_keys and block_keys return a set for every str."""
    for algorithm in encoders():
        assert isinstance(phonetic_keys(text, algorithm=algorithm), frozenset)
    assert isinstance(skeleton_keys(text), frozenset)
    parsed = aliaskit.parse_name(text)
    if parsed.parts:
        assert isinstance(block_keys(parsed), frozenset)


# -- compare --------------------------------------------------------------------


@given(pair_names, pair_names)
def test_compare_is_symmetric_and_bounded(a: str, b: str) -> None:
    """compare(a, b) and compare(b, a) agree, and the score lies in [0, 1]."""
    ab, ba = compare(a, b), compare(b, a)
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == ba.score
    assert ab.is_match == ba.is_match


@given(any_text, any_text)
def test_compare_is_symmetric_and_bounded_on_any_text(a: str, b: str) -> None:
    """Symmetry and bounds hold for hostile input too (when both hold a name)."""
    if not (aliaskit.parse_name(a).parts and aliaskit.parse_name(b).parts):
        return
    ab, ba = compare(a, b), compare(b, a)
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == ba.score


@given(any_names)
def test_compare_of_identical_names_is_one(name: str) -> None:
    """A name compared with itself scores 1.0."""
    assert compare(name, name).score == 1.0


CASES = (str.lower, str.upper, str.title)


@given(any_names, any_names, st.sampled_from(CASES), st.sampled_from(CASES))
def test_compare_ignores_case(
    a: str, b: str, case_a: Callable[[str], str], case_b: Callable[[str], str]
) -> None:
    """Lower, upper or title case of each whole name does not change the score.

    Only whole-name case changes: an upper-case run inside a mixed-case
    name is read as the surname on purpose (``TRUFANOV Alexander``).
    """
    a, b = a.lower(), b.lower()
    assert compare(case_a(a), case_b(b)).score == compare(a, b).score


@given(any_names, any_names, st.sampled_from(" \t\n\u00a0\u2003\u200b\u200f"))
def test_compare_ignores_surrounding_whitespace(a: str, b: str, space: str) -> None:
    """Whitespace around a name does not change the score."""
    assert compare(f"{space}{a}{space}", b).score == compare(a, b).score


@given(any_names, any_names, st.sampled_from(("NFC", "NFD", "NFKC", "NFKD")))
def test_compare_ignores_normalization_form(a: str, b: str, form: str) -> None:
    """NFC/NFD (and compatibility) forms of a name score the same."""
    assert compare(unicodedata.normalize(form, a), b).score == compare(a, b).score  # type: ignore[arg-type]


@given(homoglyph_names())
def test_cyrillic_homoglyphs_in_a_latin_name_still_match(pair: tuple[str, str]) -> None:
    """A Latin name with Cyrillic look-alike letters matches the Latin name."""
    latin, mixed = pair
    assert compare(latin, mixed).is_match


# -- cluster --------------------------------------------------------------------


def _cluster_quietly(names: list[str]) -> list[Entity]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedNamesWarning)
        return cluster(names)


@given(name_lists)
def test_cluster_is_a_partition_of_distinct_nonempty_inputs(names: list[str]) -> None:
    """Every distinct input with a name is in exactly one entity."""
    aliases = [a for e in _cluster_quietly(names) for a in e.aliases]
    expected = {n for n in names if aliaskit.parse_name(n).parts}
    assert sorted(aliases) == sorted(expected)


@given(name_lists, st.randoms(use_true_random=False))
def test_cluster_ignores_input_order(names: list[str], rnd: random.Random) -> None:
    """Any permutation gives identical entities, ids and canonical names."""
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert _cluster_quietly(shuffled) == _cluster_quietly(names)


@settings(max_examples=100)
@given(st.lists(hostile_text(), max_size=8))
def test_cluster_is_a_partition_on_hostile_input(names: list[str]) -> None:
    """Hostile input still gives a partition of the inputs that hold a name (100 examples)."""
    aliases = [a for e in _cluster_quietly(names) for a in e.aliases]
    expected = {n for n in names if aliaskit.parse_name(n).parts}
    assert sorted(aliases) == sorted(expected)


# -- save / load ----------------------------------------------------------------


def _judged(names: list[str], judgements: list[tuple[bool, int, int]]) -> Resolver:
    resolver = Resolver()
    resolver.add_many(names)
    added = sorted({n for n in names if aliaskit.parse_name(n).parts})
    for must, i, j in judgements:
        if len(added) > 1 and i % len(added) != j % len(added):
            a, b = added[i % len(added)], added[j % len(added)]
            (resolver.merge if must else resolver.split)(a, b)
    return resolver


judgements = st.lists(st.tuples(st.booleans(), st.integers(0, 20), st.integers(0, 20)), max_size=3)


@settings(max_examples=100)
@given(name_lists, judgements, st.lists(any_names, max_size=4))
def test_save_then_load_loses_nothing(
    names: list[str], judged: list[tuple[bool, int, int]], more: list[str]
) -> None:
    """A loaded Resolver has the same state and entities, and evolves alike (100 examples)."""
    original = _judged(names, judged)
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.json"
        original.save(path)
        loaded = Resolver.load(path)
    assert loaded.to_dict() == original.to_dict()
    assert loaded.entities == original.entities
    original.add_many(more)
    loaded.add_many(more)
    assert loaded.entities == original.entities
