"""Error messages say what is wrong, in the words of the input (issue 25, item 12)."""

from __future__ import annotations

import pytest

from aliaskit import Index, Record, Resolver, extract


@pytest.mark.parametrize("text", ["123", "42 - 7", "..."])
def test_a_name_without_letters_is_said_to_have_none(text: str) -> None:
    with pytest.raises(ValueError, match=r"name\[0\] has no letters"):
        Record(text)
    with pytest.raises(ValueError, match="query has no letters"):
        extract(text, ["Ivan Petrov"])
    with pytest.raises(ValueError, match="query has no letters"):
        Index(["Ivan Petrov"]).search(text)
    with pytest.raises(ValueError, match="no name can be read from"):
        Resolver().add(text)


def test_a_name_never_added_is_named_in_the_key_error() -> None:
    resolver = Resolver()
    resolver.add("Ivan Petrov")
    with pytest.raises(KeyError, match="name not added to this Resolver: 'Nobody'"):
        resolver.entity_of("Nobody")
    with pytest.raises(KeyError, match="not added to this Resolver: 'Nobody'"):
        resolver.explain("Ivan Petrov", "Nobody")
    with_records = Resolver()
    with_records.add(Record("Ivan Petrov", id="r1"))
    with pytest.raises(KeyError, match="no record or name 'Nobody' in this Resolver"):
        with_records.entity_of("Nobody")


def test_skipped_inputs_say_no_name_can_be_read() -> None:
    resolver = Resolver()
    resolver.add_many(["  ", "123", "Ivan Petrov"])
    assert [(s.position, s.reason) for s in resolver.skipped] == [
        (0, "no name can be read from it"),
        (1, "no name can be read from it"),
    ]
