"""The time-expression tagger: one table per family of expressions, the Syria goldens,
behaviour without a publication date, and Penn-Treebank-tokenized text."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.annotate.timex import TIMEX_VERSION, extract_timexes
from dateline.model import DateInterval, Granularity, Timex, TimexType
from tests.builders import SYRIA

DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET


def tag(text: str, dct: dt.date | None) -> list[tuple[str, str, TimexType]]:
    """``(span text, value, type)`` of every expression found."""
    return [(text[t.start : t.end], t.value, t.type) for t in extract_timexes(text, dct)]


def only(text: str, dct: dt.date | None) -> Timex:
    found = extract_timexes(text, dct)
    assert len(found) == 1, [text[t.start : t.end] for t in found]
    return found[0]


D2013 = dt.date(2013, 10, 7)  # a Monday

ABSOLUTE = [
    ("It was issued on 30 June 2012.", "30 June 2012", "2012-06-30"),
    ("It was issued on June 30, 2012.", "June 30, 2012", "2012-06-30"),
    ("Dated 2/1/2014 in the header.", "2/1/2014", "2014-02-01"),
    ("Dated 05.07.2013 in the header.", "05.07.2013", "2013-07-05"),
    ("Dated 2014-02-01 in the header.", "2014-02-01", "2014-02-01"),
    ("Fighting began in March 2011.", "March 2011", "2011-03"),
    ("The law passed in 2013.", "2013", "2013"),
    ("Prices fell in the 1990s.", "the 1990s", "199"),
    ("Prices fell in the '90s.", "the '90s", "199"),
    ("They hope to finish by early 2012.", "early 2012", "2012"),
    ("Born in the 20th century.", "the 20th century", "19"),
]


@pytest.mark.parametrize(("text", "span", "value"), ABSOLUTE)
def test_absolute_dates_need_no_anchor(text: str, span: str, value: str) -> None:
    for dct in (D2013, None):
        timex = only(text, dct)
        assert (text[timex.start : timex.end], timex.value) == (span, value)
        assert timex.anchor == "absolute"
        assert not timex.relative


@pytest.mark.parametrize(
    "text",
    [
        "The toll reached 2,013 people.",
        "It cost $2013 to fix.",
        "Flight 2013 landed late.",
        "Some 2013 troops were sent.",
        "Turnout rose 2013 % overnight.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert [span for span, _, _ in tag(text, D2013) if "2013" in span] == []


RELATIVE = [
    # (text, span, value, type): dct is Monday 2013-10-07
    ("He arrived today.", "today", "2013-10-07", DATE),
    ("He arrived yesterday.", "yesterday", "2013-10-06", DATE),
    ("He arrives tomorrow.", "tomorrow", "2013-10-08", DATE),
    ("He spoke tonight.", "tonight", "2013-10-07TNI", TIME),
    ("He spoke this morning.", "this morning", "2013-10-07TMO", TIME),
    ("They met last week.", "last week", "2013-W40", DATE),
    ("They meet next year.", "next year", "2014", DATE),
    ("Sales rose this month.", "this month", "2013-10", DATE),
    ("Sales fell last month.", "last month", "2013-09", DATE),
    ("It happened two days ago.", "two days ago", "2013-10-05", DATE),
    ("It happened three weeks ago.", "three weeks ago", "2013-W38", DATE),
    ("He resigned earlier this month.", "earlier this month", "2013-10", DATE),
    ("It is due later this year.", "later this year", "2013", DATE),
    ("Talks resume next Tuesday.", "next Tuesday", "2013-10-08", DATE),  # first after the dct
    ("Talks ended last Friday.", "last Friday", "2013-10-04", DATE),
    ("He had arrived the day before.", "the day before", "2013-10-06", DATE),
    ("They met in mid-November.", "mid-November", "2013-11", DATE),
    ("Geneva 2 may be held in the second week of November.", "the second week of November",
     "2013-W45", DATE),
    ("Rent is due at the end of the month.", "the end of the month", "2013-10", DATE),
    ("Sales rose this spring.", "this spring", "2013-SP", DATE),
    ("Sales rose in the first quarter.", "the first quarter", "2013-Q1", DATE),
    ("Third-quarter profit rose.", "Third-quarter", "2013-Q3", DATE),
    ("The vote ends at 5 p.m.", "5 p.m.", "2013-10-07T17:00", TIME),
    ("The vote ends at 17:00 sharp.", "17:00", "2013-10-07T17:00", TIME),
    ("They met at noon Thursday.", "noon Thursday", "2013-10-03T12:00", TIME),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value", "kind"), RELATIVE)
def test_relative_expressions_resolve_against_the_dct(
    text: str, span: str, value: str, kind: TimexType
) -> None:
    timex = only(text, D2013)
    assert (text[timex.start : timex.end], timex.value, timex.type) == (span, value, kind)
    assert timex.relative
    assert timex.anchor == "dct:2013-10-07"


def test_intervals_carry_the_granularity() -> None:
    text = "He left yesterday, last week, last month, in the first quarter and next year."
    intervals = [t.interval for t in extract_timexes(text, D2013)]
    assert intervals == [
        DateInterval.day(dt.date(2013, 10, 6)),
        DateInterval(dt.date(2013, 9, 30), dt.date(2013, 10, 6), Granularity.WEEK),
        DateInterval.month(2013, 9),
        DateInterval(dt.date(2013, 1, 1), dt.date(2013, 3, 31), Granularity.QUARTER),
        DateInterval.year(2014),
    ]


def test_a_time_with_a_date_has_the_interval_of_that_day() -> None:
    timex = only("He met Lavrov Friday night.", dt.date(2014, 2, 1))
    assert (timex.type, timex.value) == (TIME, "2014-01-31TNI")
    assert timex.interval == DateInterval.day(dt.date(2014, 1, 31))


MEASURES = [
    ("He served three years in jail.", "three years", "P3Y", DURATION),
    ("It lasted 10 days.", "10 days", "P10D", DURATION),
    ("A two-week truce began.", "two-week", "P2W", DURATION),
    ("It took several months.", "several months", "PXM", DURATION),
    ("It took 5 hours.", "5 hours", "PT5H", DURATION),
    ("They meet every week.", "every week", "P1W", SET),
    ("They meet weekly.", "weekly", "P1W", SET),
    ("Prices are set annually.", "annually", "P1Y", SET),
    ("They meet every Monday.", "every Monday", "XXXX-WXX-1", SET),
]


@pytest.mark.parametrize(("text", "span", "value", "kind"), MEASURES)
def test_durations_and_sets(text: str, span: str, value: str, kind: TimexType) -> None:
    timex = only(text, D2013)
    assert (text[timex.start : timex.end], timex.value, timex.type) == (span, value, kind)
    assert timex.interval is None
    assert timex.anchor == "absolute"


def test_ages_and_fractions_are_not_durations() -> None:
    assert tag("A 6-year-old boy won three-quarters of the vote.", D2013) == []


REFERENCES = [
    ("Talks are now stalled.", "now", "PRESENT_REF"),
    ("He is currently abroad.", "currently", "PRESENT_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("He was formerly a judge.", "formerly", "PAST_REF"),
    ("Mistakes were made in the past.", "the past", "PAST_REF"),
    ("We hope to meet in the future.", "the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "span", "value"), REFERENCES)
def test_references_have_no_interval(text: str, span: str, value: str) -> None:
    timex = only(text, D2013)
    assert (text[timex.start : timex.end], timex.value, timex.interval) == (span, value, None)


# -- direction from tense ---------------------------------------------------------------

SATURDAY = dt.date(2014, 2, 1)

WEEKDAYS_BY_TENSE = [
    ("Talks ended in Geneva on Friday.", "2014-01-31"),
    ("The minister said Saturday that it was hard.", "2014-02-01"),  # the dct's own weekday
    ("The minister will speak on Saturday.", "2014-02-01"),
    ("The minister will speak on Monday.", "2014-02-03"),
    ("He is expected to wrap up his visit on Sunday.", "2014-02-02"),
    ("He met the envoy on Monday.", "2014-01-27"),
    ("The vote is scheduled for Thursday.", "2014-02-06"),
    ("He arrived Thursday.", "2014-01-30"),
    ("The summit opens next Saturday.", "2014-02-08"),  # "next" excludes the dct
]


@pytest.mark.parametrize(("text", "value"), WEEKDAYS_BY_TENSE)
def test_weekdays_follow_the_tense_of_their_sentence(text: str, value: str) -> None:
    assert only(text, SATURDAY).value == value


MONTHS_BY_TENSE = [
    # dct 2013-07-05
    ("In May, they announced a plan.", "2013-05"),
    ("The meeting might not take place until August.", "2013-08"),
    ("The meeting will take place in May.", "2014-05"),
    ("The talks collapsed in November.", "2012-11"),
    ("They met on December 21.", "2012-12-21"),
    ("They will meet on December 21.", "2013-12-21"),
    ("The talks were postponed to July 20.", "2013-07-20"),  # weeks ahead: still this year
    ("The report came out on Feb. 10.", "2013-02-10"),
]


@pytest.mark.parametrize(("text", "value"), MONTHS_BY_TENSE)
def test_months_and_days_without_a_year_follow_the_tense(text: str, value: str) -> None:
    assert only(text, dt.date(2013, 7, 5)).value == value


def test_a_weekday_names_the_year_of_a_month_day() -> None:
    assert only("It opens on Thursday, April 6.", dt.date(2000, 12, 20)).value == "2000-04-06"


TENSE_CUES = [
    # (text, dct, value): present-tense schedules, plans already past, -ed adjectives
    ("They meet Monday.", SATURDAY, "2014-02-03"),
    ("The offer was due to expire Friday.", SATURDAY, "2014-02-07"),
    ("The offer had been due to expire Friday.", SATURDAY, "2014-01-31"),
    ("The cut is effective Feb. 1.", dt.date(1989, 10, 26), "1990-02-01"),
    ("It would be paid on a still unspecified date in January.", dt.date(1989, 10, 26),
     "1990-01"),
    ("Prices have risen in May.", dt.date(2013, 2, 1), "2013-05"),
    ("Prices have risen since May.", dt.date(2013, 2, 1), "2012-05"),
    ("Thursday 's vote was delayed.", dt.date(2010, 6, 1), "2010-05-27"),  # a noun, not a plan
    # an irregular past tense (bpoil, October 2010)
    ("Corals lie near where the well blew out on April 20.", dt.date(2010, 10, 22), "2010-04-20"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dct", "value"), TENSE_CUES)
def test_tense_cues(text: str, dct: dt.date, value: str) -> None:
    assert extract_timexes(text, dct)[0].value == value


SUNDAY = dt.date(2011, 1, 30)
THURSDAY = dt.date(2011, 2, 3)

PLANS = [
    # (text, dct, value): the day of a planned event is ahead of the plan, whatever its
    # tense; the day of the planning, or of a plan already past, is not (T17 egypt, h1n1)
    ("Opposition groups called for a march of millions on Tuesday.", SUNDAY, "2011-02-01"),
    ("The Brotherhood has called for its followers to demonstrate after Friday prayers.",
     THURSDAY, "2011-02-04"),
    ("Activists urged supporters to rally in Tahrir Square on Tuesday.", SUNDAY, "2011-02-01"),
    ("The opposition had called on people to march on Tuesday.", THURSDAY, "2011-02-01"),
    ("He asked me to call him on Friday.", THURSDAY, "2011-02-04"),
    ("Activists planned a general strike Tuesday.", SUNDAY, "2011-02-01"),
    ("The Brotherhood vowed to hold a rally on Friday.", SUNDAY, "2011-02-04"),
    ("Mass protests planned for Friday as Mubarak holds on.", THURSDAY, "2011-02-04"),
    ("A page devoted to Friday's planned protests had 80,000 followers.", THURSDAY,
     "2011-02-04"),
    ("The group says it plans further street demonstrations Friday.", THURSDAY, "2011-02-04"),
    ("There is talk about staging a big demonstration on Friday.", THURSDAY, "2011-02-04"),
    ("Websites are promoting a rally on Monday.", dt.date(2011, 2, 12), "2011-02-14"),
    ("Britain is sending a charter flight to Cairo on Wednesday.", dt.date(2011, 2, 1),
     "2011-02-02"),
    ("They'll be snacking all Sunday night long.", THURSDAY, "2011-02-06TNI"),
    ('"Areas where people congregate after Friday prayers should be avoided."', THURSDAY,
     "2011-02-04"),
    ('"We will march on Friday," he said.', SUNDAY, "2011-02-04"),
    ("The vote is due to take place on Tuesday.", SUNDAY, "2011-02-01"),
    ("Results are expected to be announced Tuesday.", SUNDAY, "2011-02-01"),
    ("The elections will be held Tuesday.", SUNDAY, "2011-02-01"),
    ("Mubarak stepped down Friday.", SUNDAY, "2011-01-28"),
    ("Protesters staged a march on Tuesday.", THURSDAY, "2011-02-01"),
    ("The opposition had called for a march on Tuesday.", THURSDAY, "2011-02-01"),
    ("Sawiris announced on OTV Sunday that Ghonim would be released.", dt.date(2011, 2, 7),
     "2011-02-06"),
    ("The military announced the election results Sunday.", dt.date(2011, 2, 8), "2011-02-06"),
    ("Leaders called for calm after the protests Tuesday.", THURSDAY, "2011-02-01"),
    ("After Thursday's speech when Mubarak vowed to stay, crowds grew.", dt.date(2011, 2, 11),
     "2011-02-10"),
    ("Sites are being blocked the Thursday ElBaradei returns.", dt.date(2011, 1, 31),
     "2011-01-27"),
    ("Oil prices came down from October to the level we're seeing today.",
     dt.date(1998, 2, 23), "1997-10"),
    ("He set aside vacation plans on Friday.", dt.date(1998, 8, 17), "1998-08-14"),
    ("On Friday, Albright set aside vacation plans.", dt.date(1998, 8, 17), "1998-08-14"),
    # a month-day keeps its nearest year: the plan may be long past
    ("He helped to organize the initial protest on January 25.", dt.date(2011, 2, 10),
     "2011-01-25"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dct", "value"), PLANS)
def test_planned_events_lie_ahead(text: str, dct: dt.date, value: str) -> None:
    assert extract_timexes(text, dct)[0].value == value


# -- narrative anchoring ------------------------------------------------------------------

ANAPHORS = [
    # (text, span, value, anchor): resolved against the last date the text named
    ("On May 22, 1995, he was promoted, and the following year he left.", "the following year",
     "1996", "text:1995-05-22"),
    ("He was arrested on March 3. He had arrived the day before.", "the day before",
     "2013-03-02", "text:2013-03-03"),
    ("She was shot on Oct. 23, 1998. Later that same day police came.", "Later that same day",
     "1998-10-23", "text:1998-10-23"),
    ("Imports fell in 1988, to $1.5 billion that year.", "that year", "1988", "text:1988"),
    ("The index closed Friday, down 4.5% from the previous Friday.", "the previous Friday",
     "2013-09-27", "text:2013-10-04"),
    ("On Oct. 23, 1998, he was shot at 10 p.m. in his kitchen.", "10 p.m.", "1998-10-23T22:00",
     "text:1998-10-23"),
    ("He left at 10 p.m. and slept.", "10 p.m.", "2013-10-07T22:00", "dct:2013-10-07"),
    ("They met on Monday. The next morning he left.", "The next morning", "2013-10-08",
     "text:2013-10-07"),
    ("He had arrived the day before.", "the day before", "2013-10-06", "dct:2013-10-07"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value", "anchor"), ANAPHORS)
def test_anaphors_count_from_the_last_date_named(
    text: str, span: str, value: str, anchor: str
) -> None:
    found = {text[t.start : t.end]: t for t in extract_timexes(text, D2013)}
    assert (found[span].value, found[span].anchor) == (value, anchor)
    assert found[span].relative


def test_anaphors_need_a_fine_enough_reference() -> None:
    # a year cannot anchor "the day before": that falls back to the dct
    text = "In 1995 he left. He had arrived the day before."
    assert tag(text, D2013)[-1] == ("the day before", "2013-10-06", DATE)


def test_anaphors_resolve_without_a_dct_when_the_text_names_a_date() -> None:
    text = "On May 22, 1995, he was promoted, and the following year he left."
    assert [(span, value) for span, value, _ in tag(text, None)] == [
        ("May 22, 1995", "1995-05-22"), ("the following year", "1996"),
    ]  # fmt: skip


@pytest.mark.parametrize("text", [
    "He was last seen Nov. 3, the day before authorities acted.",  # "the day" of a clause
    "Strong redemptions that day hurt.",  # habitual
])  # fmt: skip
def test_not_anaphors(text: str) -> None:
    assert [span for span, _, _ in tag(text, D2013) if "day" in span] == []


# -- business periods, halves, fractions, spelled years ------------------------------------

W1989 = dt.date(1989, 10, 26)

MORE_EXPRESSIONS = [
    # (text, dct, span, value, type)
    ("Last year's results were weak.", D2013, "Last year", "2012", DATE),
    ("It may be effective in next year's first quarter.", D2013, "next year's first quarter",
     "2014-Q1", DATE),
    ("Revenue for the year ended March 31 rose.", W1989, "the year", "P1Y", DURATION),
    ("Sales for the full year were flat.", W1989, "the full year", "1989", DATE),
    ("For the year, volume was flat.", W1989, "the year", "1989", DATE),
    ("It should close by year-end.", W1989, "year-end", "1989-12-31", DATE),
    ("The change is since year-end.", W1989, "year-end", "1988-12-31", DATE),
    ("The deal closes by year end.", W1989, "year end", "1989", DATE),
    ("Sales rose 5% in the latest period.", W1989, "the latest period", "1989-Q3", DATE),
    ("He earned $1 in the 1988 quarter.", W1989, "the 1988 quarter", "1988-Q3", DATE),
    ("The process began in February this year.", D2013, "February this year", "2013-02", DATE),
    ("He was arrested in July last year.", D2013, "July last year", "2012-07", DATE),
    ("Current market conditions are bad.", D2013, "Current", "PRESENT_REF", DATE),
    ("It sold at the then current price.", D2013, "then current", "PAST_REF", DATE),
    ("They lived there for 2 1/2 years.", D2013, "2 1/2 years", "P2Y6M", DURATION),
    ("She spent 5 1/2 hours there.", D2013, "5 1/2 hours", "PT5H30M", DURATION),
    ("It took an hour and a half.", D2013, "an hour and a half", "PT1H30M", DURATION),
    ("It took two and a half days.", D2013, "two and a half days", "P2DT12H", DURATION),
    ("Earnings fell in the second half of 1989.", D2013, "the second half of 1989", "1989-H2",
     DATE),
    ("Earnings rise in the first half of next year.", D2013, "the first half of next year",
     "2014-H1", DATE),
    ("Three days later, the index rose.", D2013, "Three days", "P3D", DURATION),
    ("A few days later, it fell.", D2013, "A few days", "PXD", DURATION),
    ("Eight trading days after the crash, it fell.", D2013, "Eight trading days", "P8D",
     DURATION),
    ("January nineteen ninety-seven was cold.", D2013, "January nineteen ninety-seven",
     "1997-01", DATE),
    ("We saw that in the winter of nineteen ninety-four.", D2013,
     "the winter of nineteen ninety-four", "1994-WI", DATE),
    ("Groups grew through the nineties.", D2013, "the nineties", "199", DATE),
    ("It began in the late sixties.", D2013, "the late sixties", "196", DATE),
    # the second day of a pair is a date of its own, in the first one's month and year
    ("The summit will be on April 24 and 25.", D2013, "25", "2014-04-25", DATE),
    ("The summit was on April 24 and 25, 1999.", D2013, "25, 1999", "1999-04-25", DATE),
    ("Spain lost Cuba in 1898.", D2013, "1898", "1898", DATE),
    ("The March accession will enable it.", D2013, "March", "2014-03", DATE),
    ("They placed buy orders in the morning.", D2013, "the morning", "2013-10-07TMO", TIME),
    ("He will leave at 4 in the morning.", D2013, "4 in the morning", "2013-10-07T04:00", TIME),
    ("It ends at 9 o'clock in the evening.", D2013, "9 o'clock in the evening",
     "2013-10-07T21:00", TIME),
    ("It lost money in the past two quarters.", D2013, "the past two quarters", "P2Q",
     DURATION),
    ("Interest is paid every quarter.", D2013, "every quarter", "P1Q", SET),
    ("They met on Easter Sunday.", dt.date(2013, 4, 10), "Easter Sunday", "2013-03-31", DATE),
    ("The vote is on Election Day.", dt.date(1998, 10, 26), "Election Day", "1998-11-03",
     DATE),
    ("Stores close on Good Friday.", dt.date(2024, 3, 1), "Good Friday", "2024-03-29", DATE),
    ("It reopens after Memorial Day.", dt.date(2026, 5, 1), "Memorial Day", "2026-05-25",
     DATE),
    ("It reopens after Labor Day.", dt.date(2026, 8, 1), "Labor Day", "2026-09-07", DATE),
    ("They eat turkey at Thanksgiving.", dt.date(2026, 11, 1), "Thanksgiving", "2026-11-26",
     DATE),
    ("A hearing is set for the week of March 6.", dt.date(2000, 2, 24), "the week of March 6",
     "2000-W10", DATE),
    ("Relatives were given until 9 a.m. Tuesday.", dt.date(2000, 4, 3), "9 a.m. Tuesday",
     "2000-04-04T09:00", TIME),
    ("Officials postponed until Tuesday morning any action.", dt.date(2000, 4, 3),
     "Tuesday morning", "2000-04-04TMO", TIME),
    ("Islam will one day be the largest religion.", D2013, "one day", "FUTURE_REF", DATE),
    ("Then, a week or so ago, he picked a day.", dt.date(1991, 2, 25), "a week or so ago",
     "1991-W08", DATE),
    ("At mid-afternoon yesterday, shares were up.", W1989, "mid-afternoon yesterday",
     "1989-10-25TAF", TIME),
    ("They prayed as Easter week began.", dt.date(2000, 4, 17), "Easter week", "2000-W16",
     DATE),
    ("It lasted one day.", D2013, "one day", "P1D", DURATION),
    ("For the quarter a year ago, it earned $16.3 million.", W1989, "the quarter a year ago",
     "1988-Q3", DATE),
    ("Third-quarter net rose 5% from the corresponding period last year.", W1989,
     "the corresponding period last year", "1988-Q3", DATE),
    ("U.K. sales for last year's quarter were $3 million.", W1989, "last year's quarter",
     "1988-Q3", DATE),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dct", "span", "value", "kind"), MORE_EXPRESSIONS)
def test_more_expressions(text: str, dct: dt.date, span: str, value: str, kind: TimexType) -> None:
    found = {text[t.start : t.end]: (t.value, t.type) for t in extract_timexes(text, dct)}
    assert found[span] == (value, kind)


def test_this_week_opening_a_sentence_is_a_date() -> None:
    assert tag("He left. This Week, talks resume.", D2013) == [("This Week", "2013-W41", DATE)]


def test_a_number_after_a_date_is_not_always_a_second_day() -> None:
    found = tag("Sales rose on March 3 and 4 percent of the shares traded.", D2013)
    assert [span for span, _, _ in found] == ["March 3"]


def test_a_year_earlier_stays_a_date() -> None:
    assert only("Sales rose from a year earlier.", D2013).value == "2012"


@pytest.mark.parametrize("text", [
    "USA Today reported it.",
    "High noon comes for Poland.",
    'Baker said on ABC\'s "This Week" that the talks were over.',
    "The state-run daily Al-Ahram reported it.",
    "The Communist Party daily Granma compared him to a saint.",
    "It fell sharply. Now, the question is who pays.",
    "Oil. Now, the question is who pays.",
    "The Easter Rising failed.",
    "The March on Washington drew thousands.",
])  # fmt: skip
def test_titles_and_idioms_are_not_times(text: str) -> None:
    assert tag(text, D2013) == []


# -- without a dct ----------------------------------------------------------------------

UNRESOLVED = [
    ("They met on December 21.", "December 21", "XXXX-12-21"),
    ("He arrived yesterday.", "yesterday", "XXXX-XX-XX"),
    ("They met on Monday.", "Monday", "XXXX-WXX-1"),
    ("They met in May.", "May", "XXXX-05"),
    ("They met last week.", "last week", "XXXX-WXX"),
    ("They meet next year.", "next year", "XXXX"),
    ("He spoke Friday night.", "Friday night", "XXXX-WXX-5TNI"),
    ("Sales rose this spring.", "this spring", "XXXX-SP"),
]


@pytest.mark.parametrize(("text", "span", "value"), UNRESOLVED)
def test_without_a_dct_relative_expressions_stay_unresolved(
    text: str, span: str, value: str
) -> None:
    timex = only(text, None)
    assert (text[timex.start : timex.end], timex.value) == (span, value)
    assert (timex.anchor, timex.interval, timex.relative) == ("unresolved", None, True)


# -- Penn Treebank tokens ---------------------------------------------------------------


def test_penn_treebank_tokens() -> None:
    text = (
        "Thursday 's vote was delayed to Feb. 10 , 2014 , officials said -LRB- AP -RRB- .\n"
        "The spill began on April 20 , and BP said it spent $ 2010 million last week .\n"
    )
    assert tag(text, dt.date(2010, 6, 1)) == [
        ("Thursday", "2010-05-27", DATE),
        ("Feb. 10 , 2014", "2014-02-10", DATE),
        ("April 20", "2010-04-20", DATE),
        ("last week", "2010-W21", DATE),
    ]


def test_may_and_march_need_a_preposition_to_be_months() -> None:
    assert tag("Troops may march on the city.", D2013) == []
    assert tag("It happened in May.", D2013) == [("May", "2013-05", DATE)]


def test_text_without_time_words_gives_nothing() -> None:
    assert extract_timexes("The ministers shook hands and left.", D2013) == []
    assert extract_timexes("", D2013) == []


def test_version_is_a_string() -> None:
    assert TIMEX_VERSION.isdigit()


# -- the Syria example articles ---------------------------------------------------------

SYRIA_GOLDENS = [
    ("000", dt.date(2013, 5, 14), [
        ("today", "2013-05-14"), ("Last week", "2013-W19"), ("next year", "2014"),
        ("March 2011", "2011-03"), ("Sunday", "2013-05-19"),
    ]),
    ("001", dt.date(2014, 2, 1), [
        ("Friday", "2014-01-31"), ("Feb. 10", "2014-02-10"), ("Saturday", "2014-02-01"),
        ("Friday night", "2014-01-31TNI"),
    ]),
    ("003", dt.date(2013, 10, 7), [
        ("Monday", "2013-10-07"), ("the second week of November", "2013-W45"),
        ("mid-November", "2013-11"), ("September 4", "2013-09-04"), ("September", "2013-09"),
    ]),
    ("004", dt.date(2013, 7, 5), [
        ("Monday", "2013-07-01"), ("May", "2013-05"), ("30 June\n2012", "2012-06-30"),
        ("March 2011", "2011-03"), ("August", "2013-08"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("prefix", "dct", "expected"), SYRIA_GOLDENS)
def test_syria_goldens(prefix: str, dct: dt.date, expected: list[tuple[str, str]]) -> None:
    (path,) = SYRIA.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    found = {(span, value) for span, value, _ in tag(text, dct)}
    assert set(expected) <= found
    # every value the article yields is consistent: nothing resolves to another year
    years = {value[:4] for _, value in found if value[:1].isdigit()}
    assert years <= {"2011", "2012", "2013", "2014"}


def test_syria_004_in_may_is_the_month_before_publication() -> None:
    text = (SYRIA / "004_39d72fb9e3c2ba65.txt").read_text(encoding="utf-8")
    start = text.index("In May")
    (timex,) = [t for t in extract_timexes(text, dt.date(2013, 7, 5)) if t.start == start + 3]
    assert timex.interval == DateInterval.month(2013, 5)


@pytest.mark.parametrize(
    "text",
    [
        "The April 6 Movement called for protests.",
        "Police fired tear gas on 6 October Bridge.",
        "Veterans of the October 6 War marched.",
        "About 7,000 years ago the river changed course.",
    ],
)
def test_names_and_large_numbers_are_not_dates(text: str) -> None:
    assert extract_timexes(text, dt.date(2011, 1, 27)) == []


@pytest.mark.parametrize("text", ["IT WAS 7000 YEARS AGO", "some 9000 years ago", "in 12000 years"])
def test_expressions_beyond_the_calendar_do_not_crash(text: str) -> None:
    for timex in extract_timexes(text, dt.date(2011, 1, 31)):
        assert timex.interval is None or timex.interval.start.year >= 1


# -- years from the text: chronologies, named events, the discourse's year ----------------


def test_a_chronology_in_the_historical_present_lies_in_the_past() -> None:
    # the second entry's "votes to" read as a plan sent it a year ahead (2012-03-17)
    text = (
        "March 16 - Forces loyal to Gaddafi are near Benghazi.\n"
        "March 17 - The U.N. Security Council votes to authorize a no-fly zone over Libya.\n"
    )
    assert [value for _, value, _ in tag(text, dt.date(2011, 8, 22))] == [
        "2011-03-16", "2011-03-17",
    ]  # fmt: skip


def test_a_chronology_joined_into_one_paragraph_runs_back_across_new_year() -> None:
    # cleaning joins a list's lines; each entry is on or before the one after it
    text = (
        "Dec. 17 - A street vendor sets himself on fire in Sidi Bouzid. Jan. 14 - Ben Ali "
        "flees to Saudi Arabia. Jan. 25 - Egyptians take to the streets."
    )
    assert [value for _, value, _ in tag(text, dt.date(2011, 8, 22))] == [
        "2010-12-17", "2011-01-14", "2011-01-25",
    ]  # fmt: skip


def test_a_schedule_line_in_a_chronology_keeps_its_future() -> None:
    text = (
        "June 9 - Salazar says BP must pay the laid-off workers.\n"
        "Sept. 20 - The relief well is expected to reach the leak.\n"
    )
    assert [value for _, value, _ in tag(text, dt.date(2010, 7, 1))] == [
        "2010-06-09", "2010-09-20",
    ]  # fmt: skip


FRIDAY = dt.date(2010, 1, 15)

PLANS_AHEAD = [
    # dct Friday 2010-01-15: the Saturday after it, not the one before
    ("More food supplies are expected in Haiti on Saturday, officials said.", "2010-01-16"),
    ("A second ship is due in Port-au-Prince on Saturday.", "2010-01-16"),
    ("Aid is set for delivery on Saturday.", "2010-01-16"),
    ("Officials expect the first flights to land on Saturday.", "2010-01-16"),
    # past expectations and reports stay past
    ("The aid was expected on Saturday but never came.", "2010-01-09"),
    ("The tests were due on Saturday but were delayed.", "2010-01-09"),
    ("Rescuers said on Saturday that the toll had risen.", "2010-01-09"),
    ("BP said it collected oil on Saturday, and that more is expected next week.",
     "2010-01-09"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value"), PLANS_AHEAD)
def test_expected_due_and_set_put_a_weekday_ahead(text: str, value: str) -> None:
    assert extract_timexes(text, FRIDAY)[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "Security has tightened since the Sept 11 attacks on New York and Washington.",
        "He led the fund for victims of the September 11 terrorist attacks.",
        "The 11 September hijackers trained in Florida.",
    ],
)
def test_september_11_as_an_event_is_2001(text: str) -> None:
    (timex,) = extract_timexes(text, dt.date(2013, 5, 1))
    assert (timex.value, timex.anchor) == ("2001-09-11", "absolute")


def test_september_11_as_a_day_is_near_the_dct() -> None:
    text = "The Sept. 11 attack on the U.S. consulate in Benghazi killed four Americans."
    assert only(text, dt.date(2013, 5, 1)).value == "2012-09-11"
    assert only("He will speak on September 11 in Geneva.", dt.date(2013, 5, 1)).value == (
        "2013-09-11"
    )
    assert tag("After the 9/11 attacks, he enlisted.", dt.date(2013, 5, 1)) == []


DISCOURSE_YEARS = [
    # (text, dct, span, value): a yearless date after an explicit year in the text
    ("Diplomats held talks in September 2013 in Geneva. Early in September, the envoy met "
     "Lavrov.", dt.date(2014, 11, 20), "Early in September", "2013-09"),
    ("In 2012, the rebels took the city. On March 3, they declared a council.",
     dt.date(2014, 6, 10), "March 3", "2012-03-03"),
    ("In 2012, the rebels took the city. On March 3, they declared a council. On April 5, "
     "they elected a leader.", dt.date(2014, 6, 10), "April 5", "2012-04-05"),
    # not the year of one thing, not a bound, not far back, not in the future tense
    ("Iran had accepted the August 1988 cease-fire. It condemned the invasion on Aug. 2.",
     dt.date(1990, 8, 15), "Aug. 2", "1990-08-02"),
    ("A program was approved in 1987. Nashua had bought shares through Sept. 29.",
     dt.date(1989, 10, 30), "Sept. 29", "1989-09-29"),
    ("In 1989, the Exxon Valdez ran aground. In March, BP said it would drill.",
     dt.date(2010, 6, 1), "March", "2010-03"),
    ("In 2006, a pipeline leaked. On April 20 of last year, the rig exploded.",
     dt.date(2011, 1, 20), "April 20", "2010-04-20"),
    ("In 2012, the rebels took the city. On March 3, they will hold elections.",
     dt.date(2014, 1, 10), "March 3", "2014-03-03"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dct", "span", "value"), DISCOURSE_YEARS)
def test_a_yearless_date_takes_the_year_of_its_discourse(
    text: str, dct: dt.date, span: str, value: str
) -> None:
    found = {text[t.start : t.end]: t.value for t in extract_timexes(text, dct)}
    assert found[span] == value


WRITTEN_YEARS = [
    # (text, span, value): years are kept as written, placeholders are not dates
    ("The lease on the Port-au-Prince depot runs until December 31, 2999.",
     "December 31, 2999", "2999-12-31"),
    ("Robert Owen matriculated at Brasenose College on July 19, 1690, aged 18.",
     "July 19, 1690", "1690-07-19"),
    ("On Oct 26, 1998 per Business Week, the plan was dropped.", "Oct 26, 1998",
     "1998-10-26"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value"), WRITTEN_YEARS)
def test_years_are_kept_as_written(text: str, span: str, value: str) -> None:
    timex = only(text, dt.date(2013, 5, 1))
    assert (text[timex.start : timex.end], timex.value) == (span, value)


@pytest.mark.parametrize(
    "text",
    [
        "The record was dated 12/31/0001 in the export.",
        "The record was dated 1/1/0000 in the export.",
        "The field read December 31, 0000 in every row.",
    ],
)
def test_zero_years_are_not_this_century(text: str) -> None:
    assert tag(text, dt.date(2013, 5, 1)) == []


def test_a_count_after_a_month_day_is_not_its_year() -> None:
    text = "On March 3, 2000 people marched in Cairo."
    assert tag(text, dt.date(2013, 5, 1)) == [("March 3", "2013-03-03", DATE)]
