"""Golden test: the default timeline of the five demo articles, checked by hand.

Each expectation below was read against the articles in examples/syria:
* 004 (5 July 2013, a Friday) reports a regime offensive on Homs "on Saturday" (29 June)
  and, for Monday 1 July, "On Monday, UN Secretary General Ban Ki-moon said it was
  essential ..." and "Also on Monday, Gulf Arab states called for an urgent meeting ...".
* 003 (TASS, Monday 7 October 2013): Kerry "stated on Monday" that Geneva 2 would most
  likely be held in the second week of November.
* 001 (AP, Saturday 1 February 2014): a week of talks "ended in Geneva on Friday" (31
  January); the envoys were to return "on Feb. 10", after the last article: ahead.
* 004 recalls the Geneva communique of 30 June 2012: background to a story reported
  from July 2013 on.
* 002's dateline "December 21" names no year; nothing may be dated by guessing it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.model import Corpus, Timeline
from dateline.pipeline import build_corpus
from dateline.timeline import build_timeline
from tests.builders import SYRIA


@pytest.fixture(scope="module")
def demo() -> tuple[Corpus, Timeline]:
    corpus = build_corpus([SYRIA])
    return corpus, build_timeline(corpus)


def _texts(corpus: Corpus, timeline: Timeline, part: str = "entries") -> dict[str, str]:
    return {
        e.date.isoformat(): " ".join(s.span.text(corpus.article(s.span.article_id))
                                     for s in e.sentences)
        for e in getattr(timeline, part)
    }  # fmt: skip


def test_the_main_timeline_has_the_stories_dates_with_their_events(
    demo: tuple[Corpus, Timeline],
) -> None:
    corpus, timeline = demo
    main = _texts(corpus, timeline)
    assert {"2013-06-29", "2013-07-01", "2013-07-05", "2013-10-07", "2014-01-31"} <= set(main)
    assert "offensive on rebels in Homs on Saturday" in main["2013-06-29"]
    # Both of 004's Monday events are right for 1 July.
    assert main["2013-07-01"].startswith(
        (
            "UN Secretary General Ban Ki-moon said it was essential",
            "Gulf Arab states called for an urgent meeting",
        )
    )
    assert "Kerry" in main["2013-10-07"] and "second week of November" in main["2013-10-07"]
    assert "peace talks ended in Geneva on Friday" in main["2014-01-31"]


def test_the_main_timeline_keeps_to_the_storys_span(demo: tuple[Corpus, Timeline]) -> None:
    corpus, timeline = demo
    assert timeline.story is not None and timeline.story.last == dt.date(2014, 2, 1)
    assert timeline.start == dt.date(2013, 6, 28)  # a week before the first article
    assert all(timeline.start <= e.date <= dt.date(2014, 2, 1) for e in timeline.entries)
    assert "2012-06-30" in _texts(corpus, timeline, "background")
    ahead = _texts(corpus, timeline, "ahead")
    assert "Feb. 10" in ahead["2014-02-10"]
    every = [e.date for part in (timeline.entries, timeline.background, timeline.ahead)
             for e in part]  # fmt: skip
    assert not any(day.month == 12 and day.day == 21 for day in every)


def test_entries_open_as_sentences_and_slice_back(demo: tuple[Corpus, Timeline]) -> None:
    corpus, timeline = demo
    for entry in (*timeline.entries, *timeline.background, *timeline.ahead):
        for sent in entry.sentences:
            article = corpus.article(sent.span.article_id)
            text = sent.span.text(article)
            assert text == article.text[sent.span.start : sent.span.end]
            assert text[0].isupper() or text[0] in "\"“‘'", text
