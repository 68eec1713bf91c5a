"""Figures over time: numbers with their qualifier, what they count and when."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.briefing.figures import (
    Figure,
    extract_figures,
    figures_in_sentence,
    group_figures,
    parse_quantity,
)
from dateline.model import Span
from dateline.options import Options
from tests.builders import SHARED_DATA, SYRIA


def figures(text: str) -> list[tuple[str, float, str, str]]:
    found = figures_in_sentence(text, Span("x", 0, len(text)), None)
    return [(text[f.number[0] : f.number[1]], f.quantity, f.qualifier, f.category) for f in found]


@pytest.mark.parametrize(
    ("num", "scale", "value"),
    [
        ("70,000", None, 70000.0),
        ("1.5", "million", 1.5e6),
        ("302", None, 302.0),
        ("three", None, 3.0),
        ("a", "million", 1e6),
        ("a", None, None),
    ],
)
def test_parse_quantity(num: str, scale: str | None, value: float | None) -> None:
    assert parse_quantity(num, scale) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighting has killed more than 70,000 people, and left 6.8 million people in need.",
            [
                ("more than 70,000", 70000.0, "more than", "killed"),
                ("6.8 million", 6.8e6, "", "in need"),
            ],
        ),
        (
            "The UN says more than 93,000 people have been killed and 1.5 million people have fled "
            "to neighbouring countries since March 2011.",
            [
                ("more than 93,000", 93000.0, "more than", "killed"),
                ("1.5 million", 1.5e6, "", "refugees"),
            ],
        ),
        (
            "At least 31 people have been killed in the blast.",
            [("At least 31", 31.0, "at least", "killed")],
        ),
        (
            "The number of people killed in the protests has reached 302 - 232 in Cairo, "
            "52 in Alexandria and 18 in Suez.",
            [("302", 302.0, "", "killed")],
        ),
        (
            "The violence killed three people and injured more than 600, the minister said.",
            [("three", 3.0, "", "killed"), ("more than 600", 600.0, "more than", "wounded")],
        ),
        (
            "Nearly 1,000 people have been injured in clashes in Tahrir Square.",
            [("Nearly 1,000", 1000.0, "nearly", "wounded")],
        ),
        (
            "The Brotherhood said about 149 of its members were arrested on Wednesday.",
            [("about 149", 149.0, "about", "arrested")],
        ),
        (
            "Over 2,000 people have been displaced by the floods.",
            [("Over 2,000", 2000.0, "over", "displaced")],
        ),
    ],
)
def test_figures_in_sentences(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2011, the talks were killed off by the government.",
        "He was killed on February 2, 2011 at 6:18 pm.",
        "A 28-year-old man was arrested near the square.",
        "The strike cost $5 million and 30% of staff were hurt.",
        "Police arrested the janitor, 44, after a dispute.",
        "Troops killed the leader of the group on the 22nd day of the siege.",
    ],
)
def test_years_dates_ages_money_and_percentages_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_grouping_orders_by_reporting_date() -> None:
    span = Span("a", 0, 1)
    late = Figure(
        span, (0, 1), 93000.0, "more than", "killed", "killed", "people", dt.date(2013, 7, 5)
    )
    undated = Figure(span, (0, 1), 70000.0, "more than", "killed", "killed", "people", None)
    fled = Figure(span, (0, 1), 1.5e6, "", "refugees", "fled", "people", dt.date(2013, 7, 5))
    series = group_figures([late, fled, undated])
    assert [s.category for s in series] == ["killed", "refugees"]
    assert series[0].figures == (undated, late)
    assert series[0].latest is late


def test_syria_death_toll_goes_from_70000_to_93000() -> None:
    from dateline.pipeline import build_corpus

    corpus = build_corpus([SYRIA], Options(workers=1))
    found = extract_figures(corpus)
    for figure in found:
        article = corpus.article(figure.span.article_id)
        assert figure.span.start <= figure.number[0] < figure.number[1] <= figure.span.end
        assert article.text[figure.number[0] : figure.number[1]].strip()
    killed = [
        (f.quantity, f.qualifier, f.reported, f.span.article_id[:3])
        for f in found
        if f.category == "killed"
    ]
    assert (70000.0, "more than", None, "000") in killed
    assert (93000.0, "more than", dt.date(2013, 7, 5), "004") in killed
    fled = [(f.quantity, f.reported) for f in found if f.category == "refugees"]
    assert (1.5e6, dt.date(2013, 7, 5)) in fled
    series = {s.category: s for s in group_figures(found)}
    assert [f.quantity for f in series["killed"].figures] == [70000.0, 93000.0]


EGYPT = SHARED_DATA / "t17-dev" / "egypt" / "articles"


@pytest.mark.skipif(not EGYPT.is_dir(), reason="Timeline17 dev data not in /work/shared/data")
def test_timeline17_egypt_figures() -> None:
    from dateline.pipeline import build_corpus

    days = [
        EGYPT / d
        for d in ("2011-02-02", "2011-02-03", "2011-02-08", "2011-02-09")
        if (EGYPT / d).is_dir()
    ]
    corpus = build_corpus(days, Options(workers=1))
    found = extract_figures(corpus)
    killed = {f.quantity for f in found if f.category == "killed"}
    wounded = {f.quantity for f in found if f.category == "wounded"}
    assert 302.0 in killed
    assert wounded
    assert all(f.reported is not None for f in found)
