"""A date established only by estimate is labelled wherever a quote shows it (issue 15)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.briefing.actors import Actor
from dateline.briefing.quotes import QuoteEntry, SpeakerQuotes
from dateline.model import Confidence, EntityKind, PublicationDate, Span
from dateline.render.briefing_text import render_briefing_markdown
from dateline.render.html import render_html
from dateline.render.json import date_shown
from tests.builders import make_article
from tests.render.test_html import hostile_corpus, make_briefing

DAY = dt.date(2013, 5, 23)


def test_date_shown_labels_an_estimate() -> None:
    article = make_article("a", "Talks went on in Geneva on Monday.", DAY)
    estimated = dataclasses.replace(
        article, pub_date=PublicationDate(DAY, Confidence.ESTIMATED, "content", "why")
    )
    assert date_shown(DAY, article) == "2013-05-23"
    assert date_shown(DAY, estimated) == "2013-05-23 (estimated)"
    assert date_shown(None, estimated) == "date unknown"


def test_briefing_quotes_show_the_estimate_label() -> None:
    briefing = make_briefing(hostile_corpus())
    source = briefing.sources[1]  # "good": "Talks on Syria resumed ..."
    estimated = dataclasses.replace(
        source, pub_date=PublicationDate(DAY, Confidence.ESTIMATED, "content", "why")
    )
    sources = (briefing.sources[0], estimated)
    doe = Actor("person:jane-doe", "Jane Doe", EntityKind.PERSON, (("Jane Doe", 1),),
                (source.id,), DAY, DAY, mentions=1)  # fmt: skip
    entry = QuoteEntry(Span(source.id, 0, 40), True, "Jane Doe", doe.id, DAY)
    quotes = (SpeakerQuotes("Jane Doe", doe.id, (entry,)),)
    briefing = dataclasses.replace(briefing, sources=sources, quotes=quotes, actors=(doe,))
    assert "(2013-05-23 (estimated))" in render_briefing_markdown(briefing)
    assert "2013-05-23 (estimated)" in render_html(briefing)
