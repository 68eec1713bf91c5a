from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.pubdate import (
    date_from_header,
    date_from_numeric_line,
    infer_missing_years,
    parse_iso_or_words,
    partial_from_dateline,
    weekday_counts,
)
from dateline.model import Confidence, PublicationDate
from tests.builders import make_article


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2011-01-25", dt.date(2011, 1, 25)),
        ("2011-01-25 00:00:00", dt.date(2011, 1, 25)),
        ("2014-02-01T10:00:00+00:00", dt.date(2014, 2, 1)),
        ("February 1, 2014", dt.date(2014, 2, 1)),
        ("Sat Feb 1, 2014", dt.date(2014, 2, 1)),
        ("1 February 2014", dt.date(2014, 2, 1)),
        ("20140201", dt.date(2014, 2, 1)),
        ("not a date", None),
        ("2014-02-30", None),
    ],
)
def test_metadata_dates(value: str, expected: dt.date | None) -> None:
    assert parse_iso_or_words(value) == expected


def test_unambiguous_numeric_dates_are_explicit() -> None:
    pub = date_from_numeric_line("13/05/2013", "")
    assert pub is not None and pub.value == dt.date(2013, 5, 13)
    assert pub.confidence is Confidence.EXPLICIT


def test_us_slash_date_corroborated_by_weekdays_is_inferred() -> None:
    text = "Lavrov said Saturday it was difficult. Talks ended on Friday."
    pub = date_from_numeric_line("2/1/2014", text)
    assert pub is not None and pub.value == dt.date(2014, 2, 1)
    assert pub.confidence is Confidence.INFERRED
    assert "Saturday" in pub.evidence


def test_dotted_date_is_day_first_with_its_time() -> None:
    pub = date_from_numeric_line("05.07.2013 17:00", "On Monday, Ban said it was essential.")
    assert pub is not None and pub.value == dt.date(2013, 7, 5)
    assert pub.time == "17:00"
    assert pub.confidence is Confidence.INFERRED


def test_weekday_words_contradicting_the_convention_lower_confidence() -> None:
    # 3/4/2015 read US-style is Wed 4 March; the text names Friday, the weekday of 3 April.
    pub = date_from_numeric_line("3/4/2015", "The minister spoke on Friday.")
    assert pub is not None and pub.value == dt.date(2015, 4, 3)
    assert pub.confidence is Confidence.ESTIMATED


def test_header_lines_in_words() -> None:
    pub = date_from_header(["Published: March 3, 2015 at 10:30"], "")
    assert pub is not None and pub.value == dt.date(2015, 3, 3) and pub.time == "10:30"


def test_yearless_dateline_is_partial_and_unknown() -> None:
    pub = partial_from_dateline("October 7")
    assert pub is not None and pub.value is None and pub.partial == "XXXX-10-07"
    assert pub.confidence is Confidence.UNKNOWN
    assert partial_from_dateline("February 30") is None


def _with_partial(article_id: str, text: str, partial: str) -> object:
    article = make_article(article_id, text)
    pub = PublicationDate(None, Confidence.UNKNOWN, "dateline", "no year", partial=partial)
    from dataclasses import replace

    return replace(article, pub_date=pub)


def test_year_inferred_from_corpus_range_and_weekday() -> None:
    dated = [
        make_article("a", "text", dt.date(2013, 7, 5)),
        make_article("b", "text", dt.date(2014, 2, 1)),
    ]
    bali = _with_partial("c", "Kerry stated on Monday that talks would go on.", "XXXX-10-07")
    out = infer_missing_years([*dated, bali])  # type: ignore[list-item]
    assert out[2].pub_date.value == dt.date(2013, 10, 7)
    assert out[2].pub_date.confidence is Confidence.INFERRED


def test_year_without_weekday_evidence_is_only_estimated() -> None:
    dated = [
        make_article("a", "text", dt.date(2013, 7, 5)),
        make_article("b", "text", dt.date(2014, 2, 1)),
    ]
    un = _with_partial("c", "Ban said the failure was collective.", "XXXX-12-21")
    out = infer_missing_years([*dated, un])  # type: ignore[list-item]
    assert out[2].pub_date.confidence is Confidence.ESTIMATED
    assert not out[2].pub_date.anchors(Confidence.INFERRED)


def test_year_is_not_inferred_without_dated_articles() -> None:
    alone = _with_partial("c", "Kerry stated on Monday.", "XXXX-10-07")
    out = infer_missing_years([alone])  # type: ignore[list-item]
    assert out[0].pub_date.value is None


def test_weekday_counts() -> None:
    assert weekday_counts("On Monday and Friday, then Monday again") == {0: 2, 4: 1}


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31)))
def test_numeric_dates_round_trip(day: dt.date) -> None:
    for line, day_first in (
        (f"{day.month}/{day.day}/{day.year}", False),
        (f"{day.day:02d}.{day.month:02d}.{day.year}", True),
    ):
        pub = date_from_numeric_line(line, "")
        assert pub is not None
        assert pub.value == day, (line, day_first)
        assert pub.confidence in (Confidence.EXPLICIT, Confidence.INFERRED)
