"""Hostile strings in every Markdown field (issue 17, item 6): no raw HTML, no code span
a file name can close, no ``javascript:`` link; rendered by a CommonMark renderer, no
tag survives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from dateline.briefing.summary import Summary
from dateline.escaping import markdown_code, markdown_text
from dateline.model import Annotations, Corpus
from dateline.options import Options
from dateline.render import render_articles_markdown, render_timeline_markdown
from dateline.render.briefing_text import render_summary_markdown
from dateline.timeline import build_timeline
from tests.builders import day_timex, make_article, make_corpus, run_cli

DAY = dt.date(2013, 5, 7)
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_PATH = "we`ird<img src=x onerror=alert(1)>.txt"
FORBIDDEN = ("<img", "<script", "javascript:")


def _html(markdown: str) -> str:
    """Rendered as a CommonMark renderer would (markdown-it-py comes with rich, not ours)."""
    markdown_it = pytest.importorskip("markdown_it")
    return str(markdown_it.MarkdownIt("commonmark").render(markdown))


def _assert_safe(markdown: str) -> None:
    for bad in FORBIDDEN:
        assert bad not in markdown.lower(), bad
    html = _html(markdown)
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "em", "strong", "code"}, tags
    assert "href=" not in html


def _hostile_corpus() -> Corpus:
    text = f"Ministers met on May 7 {IMG} and [x](javascript:alert(1)) was said."
    article = make_article("a`b", text, DAY, title=f"Talks {IMG}", source=IMG)
    article = dataclasses.replace(
        article, path=HOSTILE_PATH, url="javascript:alert(1)", place="&lt;script&gt;"
    )
    ann = Annotations("a`b", ((0, len(text)),), (day_timex(text, "May 7", DAY),))
    return make_corpus([article], [ann])


def test_markdown_text_keeps_entities_as_text() -> None:
    assert markdown_text("&lt;script&gt;") == "&amp;lt;script&amp;gt;"
    assert "<" not in markdown_text(IMG)
    assert "javascript:" not in markdown_text("javascript:alert(1)")
    assert _html(markdown_text("&lt;script&gt;")).strip() == "<p>&amp;lt;script&amp;gt;</p>"


def test_markdown_code_fence_outlasts_backticks_inside() -> None:
    span = markdown_code("a``b`c.txt")
    assert span == "```a``b`c.txt```"
    assert _html(span).strip() == "<p><code>a``b`c.txt</code></p>"
    assert _html(markdown_code("`x")).strip() == "<p><code>`x</code></p>"


def test_timeline_markdown_with_hostile_fields_has_no_live_html() -> None:
    corpus = _hostile_corpus()
    timeline = build_timeline(corpus, Options(dates=1, sentences=1))
    markdown = render_timeline_markdown(timeline, corpus, Options())
    assert timeline.entries and "Ministers met" in markdown
    _assert_safe(markdown)


def test_articles_and_summary_markdown_with_hostile_fields_have_no_live_html() -> None:
    corpus = _hostile_corpus()
    _assert_safe(render_articles_markdown(corpus.articles, corpus.report, Options()))
    summary = Summary(sentences=(), words=50, about=IMG, selector="tfidf-mmr")
    _assert_safe(render_summary_markdown(summary, corpus.articles))


def test_hostile_inputs_through_the_cli_render_safe_markdown(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "The council met on Monday and agreed to build a new bridge next year."
    record = {"id": "r1", "date": "2013-10-02", "source": IMG, "title": IMG,
              "url": "javascript:alert(1)", "text": body}  # fmt: skip
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n")
    (folder / HOSTILE_PATH).write_text(f"{body}\n")
    (folder / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="&lt;script&gt;">'
        "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head>"
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    result = run_cli("articles", "--format", "md", str(folder))
    assert result.returncode == 0, result.stderr
    assert "feed.jsonl" in result.stdout and "page.html" in result.stdout
    _assert_safe(result.stdout)
