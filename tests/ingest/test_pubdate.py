from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest import build_article_reported
from dateline.ingest.pubdate import (
    EARLIEST_PLAUSIBLE,
    date_from_header,
    date_from_numeric_line,
    implausible,
    infer_missing_years,
    latest_plausible,
    parse_iso_or_words,
    partial_from_dateline,
    weekday_counts,
)
from dateline.ingest.readers import RawDocument
from dateline.model import Confidence, PublicationDate
from tests.builders import make_article

BODY = "The council met and agreed to build a new bridge over the river next year."


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


def test_year_without_weekday_evidence_stays_unknown() -> None:
    dated = [
        make_article("a", "text", dt.date(2013, 7, 5)),
        make_article("b", "text", dt.date(2014, 2, 1)),
    ]
    un = _with_partial("c", "Ban said the failure was collective.", "XXXX-12-21")
    out = infer_missing_years([*dated, un])  # type: ignore[list-item]
    assert out[2].pub_date.value is None
    assert out[2].pub_date.partial == "XXXX-12-21"
    assert "year unknown" in out[2].pub_date.evidence
    assert not out[2].pub_date.anchors(Confidence.ESTIMATED)


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


def _plausible(day: dt.date) -> bool:
    return EARLIEST_PLAUSIBLE <= day <= latest_plausible()


@given(st.dates())
def test_any_metadata_date_is_used_or_reported_never_a_crash(day: dt.date) -> None:
    for given_as in (day.isoformat(), f"{day:%B} {day.day}, {day.year:04d}"):
        doc = RawDocument(path="a.jsonl#1", text=BODY, encoding="utf-8", date=given_as)
        article, warnings = build_article_reported(doc, "a")
        if _plausible(day):
            assert article.pub_date.value == day and not warnings
        else:
            assert article.pub_date.value is None
            assert article.pub_date.confidence is Confidence.UNKNOWN
            assert warnings and "implausible" in warnings[0]


@given(st.dates())
def test_any_header_date_is_used_or_reported_never_a_crash(day: dt.date) -> None:
    text = f"{day:%B} {day.day}, {day.year:04d}\n\n{BODY}"
    article, warnings = build_article_reported(RawDocument("a.txt", text, "utf-8"), "a")
    assert article.pub_date.value is None or _plausible(article.pub_date.value)
    assert bool(warnings) == (not _plausible(day))


def test_years_0000_and_0001_are_not_2000_and_2001() -> None:
    assert parse_iso_or_words("0000-01-01") is None
    assert parse_iso_or_words("0001-01-01") == dt.date(1, 1, 1)
    assert implausible(dt.date(1, 1, 1)) is not None
    for line, want in (("01.01.0001", dt.date(1, 1, 1)), ("2/1/14", dt.date(2014, 2, 1))):
        pub = date_from_numeric_line(line, "")
        assert pub is not None and pub.value == want
    doc = RawDocument("a.jsonl#1", BODY, "utf-8", date="0001-01-01")
    assert build_article_reported(doc, "a")[0].pub_date.value is None


def test_a_date_in_2999_is_not_explicit() -> None:
    doc = RawDocument("a.jsonl#1", BODY, "utf-8", date="2999-12-31")
    article, warnings = build_article_reported(doc, "a")
    assert article.pub_date.value is None and "2999-12-31" in warnings[0]


def test_conflicting_dates_are_recorded_in_the_evidence() -> None:
    text = f"January 5, 1999\n\n{BODY}"
    doc = RawDocument(
        "2015-03-01/a.txt", text, "utf-8", date="2013-06-01", folder_date=dt.date(2015, 3, 1)
    )
    article, _ = build_article_reported(doc, "a")
    pub = article.pub_date
    assert pub.value == dt.date(2013, 6, 1) and pub.source == "metadata"
    assert "folder says 2015-03-01" in pub.evidence
    assert "header says 1999-01-05" in pub.evidence


def test_agreeing_dates_report_no_conflict() -> None:
    doc = RawDocument("a.txt", BODY, "utf-8", date="2013-06-01", folder_date=dt.date(2013, 6, 1))
    assert "conflict" not in build_article_reported(doc, "a")[0].pub_date.evidence


@given(
    st.lists(st.dates(), min_size=1, max_size=4),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)),
)
def test_infer_missing_years_never_crashes(anchors: list[dt.date], month_day: dt.date) -> None:
    dated = [make_article(f"a{i}", "text", day) for i, day in enumerate(anchors)]
    partial = f"XXXX-{month_day.month:02d}-{month_day.day:02d}"
    undated = _with_partial("u", "It happened on Monday.", partial)
    out = infer_missing_years([*dated, undated])  # type: ignore[list-item]
    assert len(out) == len(anchors) + 1
    got = out[-1].pub_date.value
    if got is not None:
        assert (got.month, got.day) == (month_day.month, month_day.day)
        usable = [d for d in anchors if _plausible(d)]
        assert min(usable) - dt.timedelta(days=31) <= got <= max(usable) + dt.timedelta(days=31)
