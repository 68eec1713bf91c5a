"""Invariants of the time-expression tagger on arbitrary and on date-laden text."""

from __future__ import annotations

import datetime as dt
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.timex import extract_timexes
from dateline.model import Timex

# Words the rules react to, so random text exercises them rather than only the fast path.
TIME_WORDS = [
    "Monday", "Friday", "night", "May", "March", "Feb.", "10", "2013", "30", "June", "last",
    "next", "this", "week", "weeks", "year", "years", "ago", "day", "days", "today",
    "yesterday", "tomorrow", "the", "of", "in", "on", "early", "mid-", "quarter", "third",
    "second", "now", "recently", "past", "future", "5", "p.m.", "17:00", "2/1/2014",
    "05.07.2013", "every", "daily", "'s", ",", ".", "-LRB-", "$", "%", "1990s", "'90s",
    "said", "will", "spring", "two", "several", "a", "century", "20th", "nineteen", "ninety",
    "following", "previous", "that", "same", "before", "later", "1/2", "half", "current",
]  # fmt: skip

news_like = st.lists(st.one_of(st.sampled_from(TIME_WORDS), st.text(max_size=6)), max_size=30).map(
    " ".join
)
any_text = st.one_of(st.text(max_size=200), news_like)
dcts = st.one_of(
    st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31))
)


def check_spans(text: str, found: list[Timex]) -> None:
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= previous_end  # sorted, non-overlapping
        span = text[timex.start : timex.end]
        assert span == span.strip() and span
        previous_end = timex.end


@settings(max_examples=200, deadline=None)
@given(any_text, dcts)
def test_offsets_slice_back_to_stripped_sorted_spans(text: str, dct: dt.date | None) -> None:
    check_spans(text, extract_timexes(text, dct))


@settings(max_examples=200, deadline=None)
@given(news_like, dcts)
def test_unresolved_exactly_when_relative_without_dct(text: str, dct: dt.date | None) -> None:
    """Relative expressions resolve against the dct, or (anaphors: "the day before",
    "that year") against a date named earlier in the text; without either they stay
    unresolved."""
    for timex in extract_timexes(text, dct):
        if not timex.relative:
            assert timex.anchor == "absolute"
        elif timex.anchor.startswith("text:"):
            assert timex.interval is not None
        elif dct is None:
            assert (timex.anchor, timex.interval) == ("unresolved", None)
        else:
            assert timex.anchor == f"dct:{dct.isoformat()}"


@settings(max_examples=100, deadline=None)
@given(news_like, dcts)
def test_results_are_deterministic_and_picklable(text: str, dct: dt.date | None) -> None:
    first = extract_timexes(text, dct)
    assert extract_timexes(text, dct) == first
    assert pickle.loads(pickle.dumps(first)) == first


@settings(max_examples=200, deadline=None)
@given(news_like, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)))
def test_output_depends_on_the_dct_only_through_relative_values(text: str, dct: dt.date) -> None:
    """Tagging under two dcts finds the same spans; only relative values may differ, and
    absolute ones never do. A tagger that read the clock would break the second half of
    this when the dct moves."""
    other = dct + dt.timedelta(days=400)
    here, there = extract_timexes(text, dct), extract_timexes(text, other)
    assert [(t.start, t.end, t.type) for t in here] == [(t.start, t.end, t.type) for t in there]
    for a, b in zip(here, there, strict=True):
        if not a.relative:
            assert a == b


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)))
def test_yesterday_is_the_day_before_the_dct(dct: dt.date) -> None:
    (timex,) = extract_timexes("It happened yesterday.", dct)
    assert timex.interval is not None
    assert timex.interval.start == dct - dt.timedelta(days=1)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))  # fmt: skip
def test_weekdays_land_within_a_week_of_the_dct(dct: dt.date, weekday: str) -> None:
    for text, lo, hi in [(f"He said on {weekday} it was over.", -6, 0),
                         (f"He will speak on {weekday}.", 0, 6)]:  # fmt: skip
        (timex,) = extract_timexes(text, dct)
        assert timex.interval is not None
        assert lo <= (timex.interval.start - dct).days <= hi
        assert timex.interval.start.strftime("%A") == weekday
