"""Markdown output: readable on its own, every sentence cited to its article."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Article, Corpus, RunReport, Timeline, TimelineEntry
from dateline.options import Options


def _cite(article: Article) -> str:
    label = article.source or "source unknown"
    date = article.pub_date.value.isoformat() if article.pub_date.value else "date unknown"
    return f"{label}, {date}"


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def pub_date_line(article: Article) -> str:
    pub = article.pub_date
    value = pub.value.isoformat() if pub.value else (pub.partial or "unknown")
    return f"{value} ({pub.confidence.value}, from {pub.source}: {pub.evidence})"


def render_timeline_markdown(timeline: Timeline, corpus: Corpus, opts: Options) -> str:
    out = ["# Timeline", ""]
    if timeline.story is not None and timeline.story.names:
        out += [f"*The story, as the articles tell it: {', '.join(timeline.story.names[:8])}.*",
                ""]  # fmt: skip
    if not timeline.entries:
        out += [f"*{empty_timeline_reason(timeline, opts)}*", ""]
    numbers = {a.id: i for i, a in enumerate(corpus.articles, start=1)}
    out += _entries_markdown(timeline.entries, corpus, numbers, "##")
    if timeline.background and timeline.start:
        out += [f"## Background: dates before {timeline.start:%Y-%m-%d}", "",
                "*Mentioned in passing; not events of the story's own span.*", ""]  # fmt: skip
        out += _entries_markdown(timeline.background, corpus, numbers, "###")
    if timeline.ahead and timeline.end:
        out += [f"## Ahead: dates after {timeline.end:%Y-%m-%d}", "",
                "*Still to come when the articles were written: expected, not reported.*",
                ""]  # fmt: skip
        out += _entries_markdown(timeline.ahead, corpus, numbers, "###")
    out += render_sources(corpus.articles, numbers)
    out += render_report(corpus.report, corpus.articles, opts)
    return "\n".join(out)


def _entries_markdown(entries: Sequence[TimelineEntry], corpus: Corpus,
                      numbers: dict[str, int], heading: str) -> list[str]:
    out = []
    for entry in entries:
        out += [f"{heading} {entry.date:%Y-%m-%d} ({entry.date:%A})", ""]
        for sent in entry.sentences:
            article = corpus.article(sent.span.article_id)
            text = _escape(sent.span.text(article))
            out.append(f"- {text} [{numbers[article.id]}]")
        out.append("")
    return out


def empty_timeline_reason(timeline: Timeline, opts: Options) -> str:
    """Why a timeline has no entries, and how to widen it."""
    window = (f" between {timeline.start or 'the start'} and {timeline.end or 'the end'}"
              if timeline.start or timeline.end else "")  # fmt: skip
    hints = []
    if opts.keywords or opts.about:
        hints.append("drop --keywords/--about")
    if opts.start or opts.end:
        hints.append("widen --start/--end")
    elif timeline.background or timeline.ahead:
        hints.append("give --start/--end to include the dates outside the story's span")
    if not hints:
        hints.append("check that the articles have publication dates and mention dates")
    return f"No dated events found{window}: {'; '.join(hints)}."


def render_sources(articles: Sequence[Article], numbers: dict[str, int]) -> list[str]:
    out = ["## Sources", ""]
    for article in articles:
        title = _escape(article.title) if article.title else "(untitled)"
        out.append(
            f"{numbers[article.id]}. **{title}**: {_cite(article)}; `{article.path}`; "
            f"published {pub_date_line(article)}"
        )
    return [*out, ""]


def render_report(report: RunReport, articles: Sequence[Article], opts: Options) -> list[str]:
    out = [
        "## Run report",
        "",
        f"{len(report.accepted)} inputs accepted, {len(report.rejected)} rejected.",
        "",
    ]
    for rec in report.rejected:
        out.append(f"- rejected `{rec.path}`: {rec.reason}")
    for rec in report.inputs:
        for warning in rec.warnings:
            out.append(f"- warning `{rec.path}`: {warning}")
    weak = [a for a in articles if not a.pub_date.anchors(opts.anchor_confidence)]
    if weak:
        out += [
            "",
            f"Publication dates that do not anchor the timeline "
            f"(weaker than {opts.anchor_confidence.value}):",
            "",
        ]
        out += [f"- `{a.id}`: {pub_date_line(a)}" for a in weak]
    return [*out, ""]


def render_articles_markdown(articles: Sequence[Article], report: RunReport, opts: Options) -> str:
    numbers = {a.id: i for i, a in enumerate(articles, start=1)}
    out = ["# Articles", ""]
    for article in articles:
        title = _escape(article.title) if article.title else "(untitled)"
        out += [
            f"## {numbers[article.id]}. {title}",
            "",
            f"- id: `{article.id}`",
            f"- path: `{article.path}`",
            f"- published: {pub_date_line(article)}",
            f"- source: {article.source or 'unknown'}",
            f"- place: {article.place or 'unknown'}",
            f"- length: {len(article.text):,} characters",
            "",
        ]
        if article.cleaning:
            out += ["Cleaning:", ""] + [f"- {_escape(a)}" for a in article.cleaning] + [""]
    out += render_report(report, articles, opts)
    return "\n".join(out)
