"""The timex lexicon: number words, month and weekday names."""

from __future__ import annotations

import re

import pytest

from dateline.annotate.timex import lexicon


@pytest.mark.parametrize(
    ("word", "number"),
    [("10", 10), ("three", 3), ("twenty-four", 24), ("Twenty four", 24), ("ninety", 90)],
)
def test_number_words(word: str, number: int) -> None:
    assert lexicon.parse_number(word) == number


@pytest.mark.parametrize("word", ["several", "a few", "many"])
def test_vague_numbers_have_no_value(word: str) -> None:
    assert lexicon.parse_number(word) is None


def test_month_and_weekday_names() -> None:
    assert lexicon.month_number("Sept.") == 9 and lexicon.month_number("february") == 2
    assert lexicon.weekday_number("Friday") == 4


def test_month_patterns_want_a_capital_so_the_verb_may_is_not_a_month() -> None:
    pattern = re.compile(lexicon.MONTH_FULL, re.IGNORECASE)
    assert pattern.search("in May 2013")
    assert not pattern.search("it may rain")


def test_alternation_prefers_the_longer_word() -> None:
    assert re.match(lexicon.alternation(["Sept", "Sept."]), "Sept.").group() == "Sept."
