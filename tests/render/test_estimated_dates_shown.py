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
    html = render_html(briefing)
    assert "2013-05-23 (estimated)" in html
    # The HTML run report names the article placed by estimate.
    run_report = html.split('id="run-report"')[1]
    assert "placed by estimate from its content" in run_report and source.id in run_report


def test_an_actor_range_says_which_end_only_an_estimate_sets() -> None:
    from dateline.briefing.actors import build_actors
    from dateline.model import EntityMention
    from dateline.render.speech import actor_to_dict, render_actors_markdown

    text = "Sergei Lavrov met John Kerry in Moscow to prepare the conference on Syria."
    first = make_article("a", text, dt.date(2013, 5, 7))
    guessed = make_article("b", text, dt.date(2013, 5, 17))
    guessed = dataclasses.replace(
        guessed,
        pub_date=PublicationDate(dt.date(2013, 5, 17), Confidence.ESTIMATED, "content", "why"),
    )
    lavrov = [EntityMention(0, 13, EntityKind.PERSON, "Sergei Lavrov")]
    [actor] = [a for a in build_actors([(first, lavrov), (guessed, lavrov)]) if "Lavrov" in a.name]
    assert (actor.first_seen, actor.last_seen) == (dt.date(2013, 5, 7), dt.date(2013, 5, 17))
    assert not actor.first_seen_estimated and actor.last_seen_estimated
    shown = actor_to_dict(actor)
    assert shown["first_seen_shown"] == "2013-05-07"
    assert shown["last_seen_shown"] == "2013-05-17 (estimated)"
    assert shown["last_seen"] == "2013-05-17"  # the plain field stays a date
    markdown = render_actors_markdown({"actors": [shown]})
    assert "2013-05-07 to 2013-05-17 (estimated)" in markdown
    # The same day also given by a dated article is established, not an estimate.
    again = make_article("c", text, dt.date(2013, 5, 17))
    [both] = [
        a
        for a in build_actors([(first, lavrov), (guessed, lavrov), (again, lavrov)])
        if "Lavrov" in a.name
    ]
    assert not both.last_seen_estimated
