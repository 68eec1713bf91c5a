"""Chains: the demo corpus's conference (golden), and properties of any chain."""

from __future__ import annotations

import datetime as dt
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.expectations import (
    Chain,
    Modality,
    Openness,
    corpus_expectations,
    expectation_chains,
    extract_expectations,
    link_expectations,
)
from dateline.model import Annotations, Corpus
from dateline.options import Options
from dateline.pipeline import annotate_article
from dateline.timeline import build_timeline
from tests.builders import SYRIA, make_article, make_corpus


@cache
def syria() -> Corpus:
    from dateline.pipeline import build_corpus

    return build_corpus([SYRIA], Options(workers=1))


@cache
def syria_chains() -> tuple[Chain, ...]:
    corpus = syria()
    return expectation_chains(corpus, build_timeline(corpus, Options(workers=1)))


def conference() -> Chain:
    return next(c for c in syria_chains() if "conference" in c.event)


def test_the_demo_conference_chain_moves_as_reported() -> None:
    chain = conference()
    reported = [e.reported for e in chain.expectations]
    assert reported == sorted(reported)  # ordered by report date
    by_day: dict[dt.date, list[tuple[str | None, str, str]]] = {}
    for e in chain.expectations:
        assert e.reported is not None
        by_day.setdefault(e.reported, []).append((e.time.value, e.time.text, e.modality.value))
    # Sochi, May 2013 (000, dated by estimate): as soon as possible, no date
    may = by_day[dt.date(2013, 5, 23)]
    assert (None, "as soon as possible", "demanded") in may
    # July 2013 (004): August or later, and delayed repeatedly
    july = by_day[dt.date(2013, 7, 5)]
    assert ("2013-08/..", "until August or later", "possible") in july
    assert (None, "", "postponed") in july
    # October 2013 (003): the second week of November, mid-November
    october = {v for v, _t, _m in by_day[dt.date(2013, 10, 7)]}
    assert {"2013-W45", "2013-11"} <= october
    # February 2014 (001): to resume on Feb. 10; the talks held in Geneva
    assert "2014-02-10" in {v for v, _t, _m in by_day[dt.date(2014, 2, 1)]}
    assert chain.status == "happened" and chain.outcome is not None
    assert chain.outcome.date == dt.date(2014, 1, 31)
    assert "talks ended in Geneva" in chain.outcome.sentence.text(
        syria().article(chain.outcome.sentence.article_id)
    )


def test_other_events_of_the_demo_are_chains_of_their_own() -> None:
    chains = syria_chains()
    summit = next(c for c in chains if c.event == "summit in Moscow")
    assert summit.status == "cancelled" and summit is not conference()
    assert all("G20" not in e.sentence.text(syria().article(e.sentence.article_id))
               for e in conference().expectations)  # fmt: skip


def test_expectations_never_enter_the_timeline() -> None:
    corpus = syria()
    timeline = build_timeline(corpus, Options(workers=1))
    before = [(e.date, [s.span for s in e.sentences]) for e in timeline.entries]
    expectation_chains(corpus, timeline)
    assert [(e.date, [s.span for s in e.sentences]) for e in timeline.entries] == before


MONTHS = ["August", "September", "October", "November", "December"]
SENTENCES = [
    "The peace conference in Geneva will be held in {m}, officials said.",
    "The peace conference in Geneva might not take place until {m} or later.",
    "The peace conference in Geneva has been postponed until {m}.",
    "Officials expect the peace conference in Geneva to take place by {m}.",
]


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    n = draw(st.integers(1, 5))
    articles, anns = [], []
    for i in range(n):
        day = dt.date(2013, 5, 1) + dt.timedelta(days=draw(st.integers(0, 80)))
        text = draw(st.sampled_from(SENTENCES)).format(m=draw(st.sampled_from(MONTHS)))
        article = make_article(f"a{i}", text, day)
        articles.append(article)
        anns.append(annotate_article(article))
    return make_corpus(articles, anns)


@settings(max_examples=40, deadline=None)
@given(corpora(), st.randoms())
def test_chains_are_ordered_by_report_date_and_independent_of_input_order(
    corpus: Corpus, rnd: object
) -> None:
    chains = link_expectations(corpus_expectations(corpus), corpus)
    for chain in chains:
        days = [e.reported or dt.date.max for e in chain.expectations]
        assert days == sorted(days)
    shuffled = list(corpus.articles)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    again = link_expectations(
        corpus_expectations(Corpus(tuple(shuffled), corpus.annotations, corpus.report)), corpus
    )
    assert sorted(sorted(e.key for e in c.expectations) for c in chains) == sorted(
        sorted(e.key for e in c.expectations) for c in again
    )


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_an_open_interval_never_has_the_end_it_is_open_at(corpus: Corpus) -> None:
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id) or Annotations(article.id)
        for exp in extract_expectations(article, ann):
            time = exp.time
            if time.openness is Openness.AFTER:
                assert time.end is None and time.start is not None
                assert time.value is not None and time.value.endswith("/..")
            elif time.openness is Openness.BEFORE:
                assert time.start is None and time.end is not None
                assert time.value is not None and time.value.startswith("../")
            elif time.openness is Openness.CLOSED:
                assert time.start is not None and time.end is not None
                assert time.start <= time.end
            else:
                assert time.value is None and time.start is None and time.end is None
            assert article.text[exp.event_span.start : exp.event_span.end] == exp.event
            assert exp.sentence.start <= exp.event_span.start < exp.event_span.end
            assert exp.modality in Modality
