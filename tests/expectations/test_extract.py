"""Expectations in real sentences: one test per modality and per kind of expected time.

Each sentence is quoted from an article of the demo corpus (examples/syria) or of the
Timeline17 dev topics (t17-dev/<topic>/articles/<date>/<file>), with the date it was
published; the sentences and time expressions come from the real stages.
"""

from __future__ import annotations

import datetime as dt

from dateline.expectations import Expectation, Modality, Openness, extract_expectations
from dateline.model import Granularity
from dateline.pipeline import annotate_article
from tests.builders import make_article


def found(sentence: str, published: dt.date) -> list[Expectation]:
    article = make_article("a", sentence, published)
    return extract_expectations(article, annotate_article(article))


def only(sentence: str, published: dt.date) -> Expectation:
    exps = found(sentence, published)
    assert len(exps) == 1, [(e.event, e.modality) for e in exps]
    return exps[0]


def test_planned_a_day_and_the_setting_of_the_statement_left_out() -> None:
    # examples/syria/001 (AP, 2014-02-01)
    sentence = (
        "U.N. Secretary-General Ban Ki-moon told a conference of global security officials "
        "in Munich that he urged Russian Foreign Minister Sergey Lavrov and U.S. Secretary of "
        "State John Kerry at a meeting on the sidelines “to use their influence to ensure the "
        "talks proceed as scheduled on Feb. 10.”"
    )
    exp = only(sentence, dt.date(2014, 2, 1))
    assert exp.event == "talks"
    assert exp.modality is Modality.PLANNED
    assert exp.time.value == "2014-02-10" and exp.time.granularity is Granularity.DAY
    assert exp.time.text == "Feb. 10"


def test_expected_a_week_and_not_the_day_it_was_said() -> None:
    # examples/syria/003 (TASS, 2013-10-07)
    sentence = (
        "The conference on the Syrian conflict settlement will most likely take place "
        "sometimes in the second week of November, U.S. Secretary of State John Kerry stated "
        "on Monday after talks with Russian Foreign Minister Sergei Lavrov."
    )
    exp = only(sentence, dt.date(2013, 10, 7))
    assert exp.modality is Modality.EXPECTED and exp.cue == "likely"
    assert exp.time.value == "2013-W45" and exp.time.granularity is Granularity.WEEK
    assert exp.time.start == dt.date(2013, 11, 4) and exp.time.end == dt.date(2013, 11, 10)
    assert exp.speaker == "John Kerry"


def test_possible_an_open_interval_has_a_start_and_no_end() -> None:
    # examples/syria/004 (BBC, 2013-07-05)
    exp = only(
        "The meeting in Geneva might not take place until August or later, he added.",
        dt.date(2013, 7, 5),
    )
    assert exp.event == "meeting in Geneva"
    assert exp.modality is Modality.POSSIBLE
    assert exp.time.openness is Openness.AFTER and exp.time.value == "2013-08/.."
    assert exp.time.start == dt.date(2013, 8, 1) and exp.time.end is None
    assert exp.time.text == "until August or later"


def test_demanded_as_soon_as_possible_has_no_date() -> None:
    # examples/syria/000 (UN News, May 2013)
    sentence = (
        "Stressing that a political solution is the only way to end the Syria crisis, "
        "Secretary-General Ban Ki-moon said today that an international conference proposed "
        "by Russia and the United States should be held as soon as possible so as not to lose "
        "momentum."
    )
    exp = only(sentence, dt.date(2013, 5, 23))
    assert exp.event == "international conference"
    assert exp.modality is Modality.DEMANDED
    assert exp.time.openness is Openness.UNDATED and exp.time.value is None
    assert exp.time.text == "as soon as possible"
    assert exp.speaker == "Ban Ki-moon"


def test_postponed_applies_to_its_clause_only() -> None:
    # examples/syria/004 (BBC, 2013-07-05): the talks "are continuing", not delayed
    sentence = (
        "However, the conference has been delayed repeatedly, and talks are continuing on "
        "who should participate, how it should be structured and what should be discussed."
    )
    exp = only(sentence, dt.date(2013, 7, 5))
    assert (exp.event, exp.modality, exp.cue) == ("conference", Modality.POSTPONED, "delayed")


def test_cancelled_keeps_the_date_that_was_past() -> None:
    # examples/syria/003 (TASS, 2013-10-07)
    sentence = (
        "“This agreement (on national centres on reducing nuclear threat) was prepared for a "
        "summit in Moscow on September 4 that unfortunately, did not take place,” he said."
    )
    exp = only(sentence, dt.date(2013, 10, 7))
    assert exp.event == "summit in Moscow" and exp.modality is Modality.CANCELLED
    assert exp.time.value == "2013-09-04"


def test_a_first_schedule_reported_as_superseded_is_postponed() -> None:
    # t17-dev/mj/articles/2009-08-29/MJ_bbc-671.htm.txt
    exp = only(
        "The burial was initially scheduled to take place on Saturday - on what would have "
        "been Jackson's 51st birthday.",
        dt.date(2009, 8, 29),
    )
    assert exp.event == "burial" and exp.modality is Modality.POSTPONED
    assert exp.time.value == "2009-08-29"


def test_an_event_at_a_later_date_without_a_cue_is_planned_at_month_precision() -> None:
    # t17-dev/egypt/articles/2011-01-28/EgyptianProtest_cnn-254.htm.txt
    exp = only(
        "As Egypt heads toward a presidential election in September, two things will shape "
        "its political landscape.",
        dt.date(2011, 1, 28),
    )
    assert exp.event == "presidential election" and exp.modality is Modality.PLANNED
    assert exp.time.value == "2011-09" and exp.time.granularity is Granularity.MONTH


def test_by_a_date_is_open_at_the_start() -> None:
    # t17-dev/h1n1/articles/2009-05-03 (Reuters): "by the autumn" has no calendar value,
    # so the words are kept without a date
    exp = only(
        "The U.S. government said it hoped to have a vaccine ready for the new flu strain by "
        "the autumn.",
        dt.date(2009, 5, 3),
    )
    assert exp.event == "vaccine" and exp.modality is Modality.EXPECTED
    assert exp.time.value is None and "autumn" in exp.time.text


def test_what_happened_and_protests_demanding_something_are_not_expectations() -> None:
    # examples/syria/001 and t17-dev/egypt (CNN, 2011-01-25)
    assert not found(
        "Kerry raised concern over the humanitarian situation, especially in the besieged "
        "areas such as Homs, when he met with Lavrov Friday night.",
        dt.date(2014, 2, 1),
    )
    assert not found(
        "Demonstrators protest in central Cairo, Egypt, on Tuesday, calling for reforms and "
        "the ouster of President Hosni Mubarak.",
        dt.date(2011, 1, 25),
    )


def test_spans_slice_back_to_the_text() -> None:
    sentence = "Russia hopes that an international peace conference on Syria dubbed as Geneva II will be held in mid-November, but composition of delegations has to be coordinated, Foreign Minister Sergei Lavrov said after talks with U.S. Secretary of State John Kerry."  # noqa: E501  examples/syria/003
    exp = only(sentence, dt.date(2013, 10, 7))
    assert sentence[exp.event_span.start : exp.event_span.end] == exp.event
    assert exp.time.span is not None
    assert sentence[exp.time.span[0] : exp.time.span[1]] == exp.time.text == "mid-November"
    assert exp.speaker == "Sergei Lavrov" and exp.time.value == "2013-11"
