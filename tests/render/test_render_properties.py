"""Every renderer with arbitrary Unicode in every field (issue 17): nothing crashes, JSON
parses and keeps the text, Markdown renders no live HTML, the HTML report runs only its
own script, tilse keeps one sentence per line, and no control character reaches a
terminal-facing line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.annotate.sentences import split_sentences
from dateline.model import Annotations, Corpus
from dateline.options import Options
from dateline.render import render_articles_markdown, render_timeline_markdown
from dateline.render.briefing_text import briefing_to_dict, render_briefing_markdown
from dateline.render.html import render_html
from dateline.render.json import timeline_to_dict, to_json
from dateline.render.tilse import render_tilse
from dateline.timeline import build_timeline
from tests.builders import day_timex, make_article, make_corpus
from tests.render.test_html import make_briefing
from tests.render.test_markdown_escaping import _assert_safe

DAY = dt.date(2013, 7, 5)
# Any character a decoded file can hold (no lone surrogates: decoding never makes them),
# with the ones that break things made likely: markup, quotes, controls, bidi overrides.
HOSTILE = st.sampled_from(list("<>&\"'`[]()*_#|\\\n\r\t\x00\x1b\x07\u202e\u200b\u2028"))
FIELD = st.text(
    st.one_of(HOSTILE, st.characters(exclude_categories=("Cs",))), min_size=0, max_size=40
)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _corpus(title: str, source: str, path: str, before: str, after: str) -> Corpus:
    anchor = "Talks on Syria were held in Geneva on July 5, 2013"
    text = f"{before} {anchor} {after}.\n\nDiplomats met again in Geneva on July 5, 2013."
    article = make_article("a1", text, DAY, title=title or None, source=source or None)
    article = dataclasses.replace(article, path=path or "a1.txt", url=f"https://x/{path}")
    timexes = (day_timex(text, "July 5, 2013", DAY), day_timex(text, "July 5, 2013", DAY, 1))
    other_text = "Geneva talks on Syria went on on July 5, 2013, envoys said."
    other = make_article("a2", other_text, DAY, title="Talks go on")
    return make_corpus(
        [article, other],
        [
            Annotations("a1", tuple(split_sentences(text)), timexes),
            Annotations(
                "a2",
                tuple(split_sentences(other_text)),
                (day_timex(other_text, "July 5, 2013", DAY),),
            ),
        ],
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # The data block (application/json) never runs; count what a browser would run.
        self.scripts += tag == "script" and ("type", "application/json") not in attrs
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


@SETTINGS
@given(title=FIELD, source=FIELD, path=FIELD, before=FIELD, after=FIELD)
def test_timeline_renderers_hold_with_any_text(
    title: str, source: str, path: str, before: str, after: str
) -> None:
    corpus = _corpus(title, source, path, before, after)
    opts = Options(dates=2, sentences=1)
    timeline = build_timeline(corpus, opts)
    assert timeline.entries
    data = json.loads(to_json(timeline_to_dict(timeline, corpus, opts)))
    for entry in data["timeline"]["entries"]:
        for sent in entry["sentences"]:
            article = corpus.article(sent["article_id"])
            assert article.text[sent["start"] : sent["end"]] == sent["text"]
    _assert_safe(render_timeline_markdown(timeline, corpus, opts))
    _assert_safe(render_articles_markdown(corpus.articles, corpus.report, opts))
    tilse = render_tilse(timeline, corpus)
    blocks = [b for b in tilse.split("-" * 32 + "\n") if b.strip()]
    assert len(blocks) == len(timeline.entries)
    for block in blocks:
        date_line, *sentences = block.rstrip("\n").split("\n")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_line)
        assert len(sentences) == len(timeline.entries[0].sentences)


@SETTINGS
@given(title=FIELD, source=FIELD, path=FIELD, before=FIELD, after=FIELD)
def test_briefing_renderers_hold_with_any_text(
    title: str, source: str, path: str, before: str, after: str
) -> None:
    briefing = make_briefing(_corpus(title, source, path, before, after))
    data = json.loads(to_json(briefing_to_dict(briefing)))
    assert data["articles"][0]["title"] == (title or None)
    _assert_safe(render_briefing_markdown(briefing))
    page = render_html(briefing)
    tags = _Tags()
    tags.feed(page)
    assert tags.scripts == 1 and not tags.handlers  # the report's own script, no other


CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]")


@SETTINGS
@given(path=FIELD, article_id=FIELD, reason=FIELD)
def test_what_add_prints_has_no_control_characters(path: str, article_id: str, reason: str) -> None:
    from pathlib import Path

    from dateline.cli.store import render_add
    from dateline.model import InputRecord, InputStatus
    from dateline.store import AddResult

    rejected = (InputRecord(path, InputStatus.REJECTED, reason),)
    result = AddResult((article_id,), (), (), (), rejected, 1, (), ())
    for line in render_add(result, Path(path or "store.db")).split("\n"):
        assert not CONTROLS.search(line), repr(line)
