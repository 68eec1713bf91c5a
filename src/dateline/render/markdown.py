"""Markdown output: readable on its own, every sentence cited to its article."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.model import Article, Corpus, RunReport, Timeline
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
    if not timeline.entries:
        out += ["*No dated events found.*", ""]
    numbers = {a.id: i for i, a in enumerate(corpus.articles, start=1)}
    for entry in timeline.entries:
        out += [f"## {entry.date:%Y-%m-%d} ({entry.date:%A})", ""]
        for sent in entry.sentences:
            article = corpus.article(sent.span.article_id)
            text = _escape(sent.span.text(article))
            out.append(f"- {text} [{numbers[article.id]}]")
        out.append("")
    out += render_sources(corpus.articles, numbers)
    out += render_report(corpus.report, corpus.articles, opts)
    return "\n".join(out)


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
