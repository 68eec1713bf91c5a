"""The timex package's calendar arithmetic and year choice, tested directly (the
rules build on these; their own tests go through ``extract_timexes``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate.timex import calendar as cal
from dateline.model import Granularity

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@given(days)
def test_a_week_runs_monday_to_sunday_and_holds_its_day(day: dt.date) -> None:
    week = cal.week_of(day)
    assert week.start.weekday() == 0 and week.end.weekday() == 6
    assert week.start <= day <= week.end and week.granularity is Granularity.WEEK


@given(days, st.integers(min_value=-240, max_value=240))
def test_moving_by_months_keeps_the_day_or_clamps_to_the_month_end(
    day: dt.date, months: int
) -> None:
    moved = cal.add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (moved.day < day.day and cal.add_months(moved, 0) == moved)
    assert cal.safe_date(moved.year, moved.month, moved.day + 1) is None or moved.day == day.day


def test_impossible_dates_are_none() -> None:
    assert cal.safe_date(2013, 2, 29) is None and cal.safe_date(2012, 2, 29)
    assert cal.safe_date(0, 1, 1) is None and cal.safe_date(2013, 13, 1) is None


def test_the_second_week_of_november_2013_is_the_one_holding_november_8() -> None:
    week = cal.nth_week_of_month(2013, 11, 2)
    assert week.start == dt.date(2013, 11, 4) and week.end == dt.date(2013, 11, 10)
    last = cal.nth_week_of_month(2013, 11, -1)
    assert last.start <= dt.date(2013, 11, 30) <= last.end


@given(days, st.integers(min_value=0, max_value=6), st.booleans())
def test_a_weekday_lies_on_the_side_the_tense_says(
    dct: dt.date, weekday: int, strict: bool
) -> None:
    past = cal.weekday_date(weekday, dct, cal.PAST, strict)
    future = cal.weekday_date(weekday, dct, cal.FUTURE, strict)
    assert past.weekday() == weekday == future.weekday()
    assert dct - dt.timedelta(days=7) <= past <= dct <= future <= dct + dt.timedelta(days=7)
    if strict:
        assert dct not in (past, future)


def test_a_yearless_month_day_takes_the_nearest_year_bent_by_tense() -> None:
    written = dt.date(2014, 1, 10)
    assert cal.month_day_year(12, 21, written, cal.PAST) == 2013  # "on December 21"
    assert cal.month_day_year(2, 10, written, cal.FUTURE) == 2014  # "resume on Feb. 10"
    # past tense, yet only a few weeks ahead: news reports schedules in the past tense
    assert cal.month_day_year(2, 10, written, cal.PAST) == 2014
    assert cal.month_day_year(2, 29, dt.date(2013, 3, 1), cal.PAST) in (2012, 2016)


def test_tense_direction_reads_the_clause_around_the_expression() -> None:
    text = "The talks will resume on Monday. The army attacked the town on Monday."
    first = text.index("Monday")
    second = text.rindex("Monday")
    assert cal.tense_direction(text, first, first + 6) == cal.FUTURE
    assert cal.tense_direction(text, second, second + 6) == cal.PAST


def test_a_schedule_word_after_a_participle_is_a_noun_not_a_future_verb() -> None:
    # demo 004 (TASS, 2013-10-07): the visit was planned for September 2013, not 2014
    text = (
        "The agreement was being prepared for adoption within the framework of a planned "
        "visit to Moscow by US President Barack Obama early in September."
    )
    at = text.index("early")
    assert cal.tense_direction(text, at, len(text) - 1) != cal.FUTURE
    said = "The ministers will visit Moscow early in September."
    at = said.index("early")
    assert cal.tense_direction(said, at, len(said) - 1) == cal.FUTURE
