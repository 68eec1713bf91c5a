"""Markdown output: readable on its own, every sentence cited to its article."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.briefing.names import DEMONYMS
from dateline.escaping import markdown_code, markdown_text
from dateline.furniture import find_furniture
from dateline.model import Article, Confidence, Corpus, RunReport, Timeline, TimelineEntry
from dateline.options import Options
from dateline.render.json import title_shown
from dateline.timeline.story import shown_names


def _cite(article: Article) -> str:
    label = markdown_text(article.source) if article.source else "source unknown"
    date = article.pub_date.value.isoformat() if article.pub_date.value else "date unknown"
    return f"{label}, {date}"


def pub_date_line(article: Article) -> str:
    pub = article.pub_date
    value = pub.value.isoformat() if pub.value else (pub.partial or "unknown")
    return f"{value} ({pub.confidence.value}, from {pub.source}: {pub.evidence})"


def render_timeline_markdown(timeline: Timeline, corpus: Corpus, opts: Options) -> str:
    out = ["# Timeline", ""]
    if timeline.story is not None and timeline.story.names:
        shown = shown_names(timeline.story.names, corpus, leave_out=DEMONYMS)
        names = ", ".join(map(markdown_text, shown))
        out += [f"*The story, as the articles tell it: {names}.*", ""]
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


def _entries_markdown(
    entries: Sequence[TimelineEntry], corpus: Corpus, numbers: dict[str, int], heading: str
) -> list[str]:
    out = []
    for entry in entries:
        out += [f"{heading} {entry.date:%Y-%m-%d} ({entry.date:%A})", ""]
        for sent in entry.sentences:
            article = corpus.article(sent.span.article_id)
            text = markdown_text(sent.shown(article))
            # A line placed through an estimated publication date says so (issue 15).
            estimated = ", publication date estimated" if _estimated(article) else ""
            out.append(f"- {text} [{numbers[article.id]}{estimated}]")
        out.append("")
    return out


def _estimated(article: Article) -> bool:
    return article.pub_date.confidence is Confidence.ESTIMATED


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
    furniture = find_furniture(articles)
    for article in articles:
        title = markdown_text(title_shown(article, furniture))
        out.append(
            f"{numbers[article.id]}. **{title}**: {_cite(article)}; "
            f"{markdown_code(str(article.path))}; published {markdown_text(pub_date_line(article))}"
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
        out.append(f"- rejected {markdown_code(str(rec.path))}: {markdown_text(rec.reason)}")
    for rec in report.inputs:
        for warning in rec.warnings:
            out.append(f"- warning {markdown_code(str(rec.path))}: {markdown_text(warning)}")
    weak = [a for a in articles if not a.pub_date.anchors(opts.anchor_confidence)]
    if weak:
        out += [
            "",
            f"Publication dates that do not anchor the timeline "
            f"(weaker than {opts.anchor_confidence.value}):",
            "",
        ]
        out += [f"- {markdown_code(a.id)}: {markdown_text(pub_date_line(a))}" for a in weak]
    estimated = [a for a in articles if a.pub_date.source == "content"]
    if estimated:
        anchoring = Confidence.ESTIMATED.at_least(opts.anchor_confidence)
        note = "they anchor the timeline" if anchoring else "they do not anchor the timeline"
        out += ["", f"Placed by estimate from their content ({note}; "
                "`--anchor estimated` decides):", ""]  # fmt: skip
        out += [f"- {markdown_code(a.id)}: {_estimate_span(a)}" for a in estimated]
    return [*out, ""]


def _estimate_span(article: Article) -> str:
    pub = article.pub_date
    if pub.earliest and pub.latest and pub.earliest != pub.latest:
        return f"{pub.value} (between {pub.earliest} and {pub.latest})"
    return str(pub.value)


def render_articles_markdown(articles: Sequence[Article], report: RunReport, opts: Options) -> str:
    numbers = {a.id: i for i, a in enumerate(articles, start=1)}
    out = ["# Articles", ""]
    furniture = find_furniture(articles)
    for article in articles:
        title = markdown_text(title_shown(article, furniture))
        out += [
            f"## {numbers[article.id]}. {title}",
            "",
            f"- id: {markdown_code(article.id)}",
            f"- path: {markdown_code(str(article.path))}",
            f"- published: {markdown_text(pub_date_line(article))}",
            f"- source: {markdown_text(article.source or 'unknown')}",
            f"- place: {markdown_text(article.place or 'unknown')}",
            f"- length: {len(article.text):,} characters",
            "",
        ]
        if article.cleaning:
            out += ["Cleaning:", ""] + [f"- {markdown_text(a)}" for a in article.cleaning] + [""]
    out += render_report(report, articles, opts)
    return "\n".join(out)
