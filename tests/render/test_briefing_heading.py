"""The briefing's title and coverage line: the story's names and its publication span."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dateline.briefing.actors import Actor
from dateline.model import EntityKind
from dateline.options import Options
from dateline.render.briefing_text import briefing_title, coverage_line, render_briefing_markdown
from dateline.render.html import render_html
from tests.render.test_html import hostile_corpus, make_briefing


def _actor(name: str, kind: EntityKind) -> Actor:
    return Actor(name.lower(), name, kind, ((name, 3),), ("good",), None, None, mentions=3)


def test_title_names_the_leading_place_person_and_organisation() -> None:
    briefing = make_briefing(hostile_corpus())
    actors = (
        _actor("Syria", EntityKind.PLACE),
        _actor("Damascus", EntityKind.PLACE),
        _actor("Bashar al-Assad", EntityKind.PERSON),
        _actor("United Nations", EntityKind.ORG),
    )
    briefing = dataclasses.replace(briefing, actors=actors)
    assert briefing_title(briefing) == "Briefing: Syria, Bashar al-Assad, United Nations"
    about = dataclasses.replace(briefing, options=Options(about="Geneva talks"))
    assert briefing_title(about) == "Briefing: Geneva talks"
    assert briefing_title(dataclasses.replace(briefing, actors=())) == "Briefing"


def test_coverage_gives_the_publication_span_and_what_falls_outside() -> None:
    briefing = make_briefing(hostile_corpus())
    assert coverage_line(briefing) == "2 sources, published 2013-07-05 to 2013-07-09"
    story = briefing.timeline.story
    assert story is not None
    narrowed = dataclasses.replace(story, first=dt.date(2013, 7, 9))
    timeline = dataclasses.replace(briefing.timeline, story=narrowed)
    line = coverage_line(dataclasses.replace(briefing, timeline=timeline))
    assert line == "2 sources, published 2013-07-09 to 2013-07-09 (1 published outside that span)"


def test_markdown_and_html_show_title_and_coverage() -> None:
    briefing = make_briefing(hostile_corpus())
    briefing = dataclasses.replace(briefing, actors=(_actor("Syria", EntityKind.PLACE),))
    md = render_briefing_markdown(briefing)
    assert md.startswith("# Briefing: Syria\n\n2 sources, published 2013-07-05 to 2013-07-09.")
    page = render_html(briefing)
    assert "<title>Briefing: Syria</title>" in page
    assert "2 sources, published 2013-07-05 to 2013-07-09." in page
