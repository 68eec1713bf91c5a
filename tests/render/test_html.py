"""The HTML report without a browser: self-contained, escaped, and cited."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from dateline.annotate.sentences import split_sentences
from dateline.briefing.build import Briefing
from dateline.briefing.figures import figures_over_time
from dateline.briefing.summary import summarize
from dateline.model import Annotations, Corpus, DateInterval, Timex, TimexType
from dateline.options import Options
from dateline.render.briefing_text import (
    briefing_to_dict,
    render_briefing_markdown,
    render_summary_markdown,
    render_summary_text,
    summary_document,
)
from dateline.render.html import (
    PAGE,
    in_context,
    json_for_script,
    render_html,
    report_asset,
    script_hash,
)
from dateline.timeline import build_timeline
from tests.builders import make_article, make_corpus

HOSTILE = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'
D1, D2 = dt.date(2013, 7, 5), dt.date(2013, 7, 9)


def hostile_corpus() -> Corpus:
    texts = {
        "evil": (
            f"Headline {HOSTILE}\n\nOn July 5 more than 93,000 people have been killed, "
            f"the UN said {HOSTILE_IMG} in Geneva today.\n\nDiplomats met in Geneva "
            "again to prepare the peace conference on Syria.",
            D1,
        ),
        "good": (
            "Talks on Syria resumed in Geneva on July 9 with both delegations present. "
            "More than 100,000 people have been killed since 2011, the UN said.",
            D2,
        ),
    }
    articles, annotations = [], []
    for article_id, (text, pub) in texts.items():
        title = f"Title {HOSTILE}{HOSTILE_IMG}" if article_id == "evil" else "Talks resume"
        article = make_article(article_id, text, pub, title=title, source="Wire </script>")
        timexes = []
        for phrase, day in (("July 5", D1), ("July 9", D2)):
            if phrase in text:
                start = text.index(phrase)
                timexes.append(
                    Timex(
                        start,
                        start + len(phrase),
                        TimexType.DATE,
                        day.isoformat(),
                        DateInterval.day(day),
                    )
                )
        articles.append(article)
        annotations.append(Annotations(article_id, tuple(split_sentences(text)), tuple(timexes)))
    return make_corpus(articles, annotations)


def make_briefing(corpus: Corpus, opts: Options | None = None) -> Briefing:
    """A briefing without the spaCy stages."""
    opts = opts or Options(words=40)
    return Briefing(
        summarize(corpus, opts),
        build_timeline(corpus, opts),
        (),
        (),
        figures_over_time(corpus, opts),
        corpus.articles,
        corpus.report,
        opts,
    )


def test_report_is_self_contained() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    # the hostile article's own "<img src=x", escaped for HTML and for the JSON data block
    quoted = page.replace("&lt;img src=x", "").replace("\\u003cimg src=x", "")
    assert not re.search(r"<link|\ssrc=|https?://|@import|url\(", quoted)
    assert "Content-Security-Policy" in page
    assert page.count("<script") == 2


def test_article_text_is_escaped() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    assert HOSTILE not in page
    assert "<img" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "Wire &lt;/script&gt;" in page


def test_json_data_block_cannot_close_the_script() -> None:
    text = str(json_for_script({"a": "</script><!-- <b>&"}))
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == {"a": "</script><!-- <b>&"}


def test_csp_allows_exactly_the_report_script() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    assert f"script-src '{script_hash(page)}'" in page
    assert "default-src 'none'" in page


def test_entries_show_sources_in_context() -> None:
    corpus = hostile_corpus()
    page = render_html(make_briefing(corpus))
    assert 'id="entry-0"' in page and "<mark>" in page
    assert 'href="#source-1"' in page and 'id="source-1"' in page
    assert "inferred" in page or "explicit" in page


def test_in_context_splits_the_paragraph_around_the_sentence() -> None:
    article = hostile_corpus().articles[1]
    start, end = split_sentences(article.text)[1]
    from dateline.model import Span

    ctx = in_context(article, Span(article.id, start, end))
    assert ctx["text"].startswith("More than 100,000")
    assert ctx["before"].startswith("Talks on Syria") and ctx["after"] == ""


def test_figures_chart_and_actor_filter_render() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    assert "Figures over time" in page and "<polyline" in page
    assert 'id="filter-actor"' in page and 'type="date"' in page


def test_text_markdown_and_json_renderers_cite_sources() -> None:
    corpus = hostile_corpus()
    briefing = make_briefing(corpus)
    text = render_summary_text(briefing.summary, corpus.articles)
    assert re.search(r"\[\d\]", text) and "Sources:" in text
    md = render_summary_markdown(briefing.summary, corpus.articles)
    assert HOSTILE not in md
    doc = summary_document(briefing.summary, corpus.articles)
    for sent in doc["summary"]["sentences"]:
        article = corpus.article(sent["article_id"])
        assert article.text[sent["start"] : sent["end"]] == sent["text"]
    data = briefing_to_dict(briefing)
    assert data["schema"] == "dateline.briefing" and data["figures"]
    json.dumps(data)
    assert "## Figures" in render_briefing_markdown(briefing)


def test_the_style_and_script_are_inlined_once_and_cannot_break_out() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    script, style = report_asset("report.js"), report_asset("report.css")
    assert page.count(script) == 1 and page.count(style) == 1
    assert f"script-src '{script_hash(page)}'" in page
    for text in (script, style):
        assert "</script" not in text.lower() and "</style" not in text.lower()
        assert "<!--" not in text and "innerHTML" not in text and "eval(" not in text
    assert "@media print" in style
    with pytest.raises(ValueError, match=r"report\.css"):
        report_asset("../html.py")


def test_only_web_addresses_become_links() -> None:
    briefing = make_briefing(hostile_corpus())
    evil, good = briefing.sources
    sources = (
        dataclasses.replace(evil, url="javascript:window.__pwned=4"),
        dataclasses.replace(good, url="https://news.example/talks?a=1&b=2"),
    )
    page = render_html(dataclasses.replace(briefing, sources=sources))
    assert 'href="javascript' not in page
    assert "javascript:window.__pwned=4" in page  # shown as text
    assert '<a href="https://news.example/talks?a=1&amp;b=2" rel="noreferrer noopener">' in page


def test_long_lists_start_collapsed_with_their_counts() -> None:
    short = render_html(make_briefing(hostile_corpus()))
    assert '<details class="section" id="source-list" open>' in short
    briefing = make_briefing(hostile_corpus())
    many = tuple(
        dataclasses.replace(briefing.sources[1], id=f"copy-{k}", path=f"copy-{k}.txt")
        for k in range(PAGE["open_sources"] + 1)
    )
    long = render_html(dataclasses.replace(briefing, sources=(*briefing.sources, *many)))
    n = len(many) + 2
    assert '<details class="section" id="source-list">' in long
    assert f"The {n} articles: title" in long
    assert f'Sources <span class="muted">{n} articles</span>' in long
    assert f'<ol class="sources" data-page="{PAGE["sources"]}">' in long
    # every source is still in the page, for search, links and print
    assert long.count('data-search="source"') == n


def test_the_axis_data_names_every_date_with_its_first_sentence() -> None:
    page = render_html(make_briefing(hostile_corpus()))
    block = page.split('id="briefing-data">', 1)[1].split("</script>", 1)[0]
    axis = json.loads(block)["axis"]
    assert [e[1] for e in axis["entries"]] == ["2013-07-05", "2013-07-09"]
    assert all(len(e[2]) <= 121 and e[2] for e in axis["entries"])
    assert sorted(axis["bars"]) == [["2013-07-05", 1], ["2013-07-09", 1]]
