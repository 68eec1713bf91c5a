from __future__ import annotations

import datetime as dt
import json

from dateline.model import Annotations
from dateline.options import Options
from dateline.render import render_tilse, render_timeline_markdown, timeline_to_dict, to_json
from dateline.timeline import build_timeline
from tests.builders import day_timex, make_article, make_corpus

DAY = dt.date(2013, 5, 7)


def small():
    text = (
        "Ministers met in Geneva on May 7 to plan a peace conference. "
        "They agreed to meet again on May 7 next year <script>alert(1)</script>."
    )
    article = make_article("a", text, DAY, title="Geneva talks", source="Wire")
    first_end = text.index(".") + 1
    ann = Annotations(
        "a",
        ((0, first_end), (first_end + 1, len(text))),
        (day_timex(text, "May 7", DAY), day_timex(text, "May 7", DAY, 1)),
    )
    corpus = make_corpus([article], [ann])
    return corpus, build_timeline(corpus, Options(dates=1, sentences=1))


def test_tilse_format() -> None:
    corpus, timeline = small()
    lines = render_tilse(timeline, corpus).splitlines()
    assert lines[0] == "2013-05-07"
    assert lines[1].startswith("Ministers met in Geneva")
    assert lines[2] == "-" * 32


def test_json_sentences_slice_back_and_carry_evidence() -> None:
    corpus, timeline = small()
    data = json.loads(to_json(timeline_to_dict(timeline, corpus, Options())))
    assert data["schema"] == "dateline.timeline" and data["version"] == "2.0"
    sent = data["timeline"]["entries"][0]["sentences"][0]
    article = corpus.article(sent["article_id"])
    assert article.text[sent["start"] : sent["end"]] == sent["text"]
    assert sent["evidence"]["kind"] == "mentions-date"
    assert sent["evidence"]["timex"]["text"] == "May 7"
    assert data["articles"][0]["pub_date"]["confidence"] == "explicit"


def test_markdown_cites_and_escapes() -> None:
    corpus, timeline = build_escaping_case()
    md = render_timeline_markdown(timeline, corpus, Options())
    assert "## 2013-05-07 (Tuesday)" in md
    assert "[1]" in md and "## Sources" in md and "## Run report" in md
    assert "<script>" not in md
    assert "&lt;script&gt;" in md


def build_escaping_case():
    corpus, _ = small()
    return corpus, build_timeline(corpus, Options(dates=1, sentences=2))


def test_an_untitled_article_is_shown_by_its_first_words() -> None:
    from dateline.render.json import title_shown
    from tests.builders import make_article

    untitled = make_article(
        "a", "Cairo, Egypt (CNN) -- Wael Ghonim had a message Wednesday for his country's leaders."
    )
    shown = title_shown(untitled)
    assert shown.startswith("(untitled) “Cairo, Egypt (CNN) -- Wael Ghonim")
    assert shown.endswith("…”") and len(shown) < 80
    assert title_shown(make_article("b", "Short one.")) == "(untitled) “Short one.”"
    assert title_shown(make_article("c", "Text.", title="A  real\ntitle")) == "A real title"
