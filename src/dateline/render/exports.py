"""Timelines for the tools journalists publish and share with: Knight Lab's TimelineJS
(its JSON format and its Google Sheets template as CSV) and a plain CSV of entries.

TimelineJS renders an event's ``headline`` and ``text`` as HTML, so every piece of
article text is HTML-escaped and links are kept only for ``http(s)`` URLs. A spreadsheet
runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so such cells are
written as text (a leading apostrophe, the convention spreadsheets read as "this is
text").
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Iterable, Sequence
from typing import Any

from dateline.briefing.build import Briefing
from dateline.briefing.names import DEMONYMS
from dateline.model import Article, Corpus, Span, Timeline, TimelineEntry
from dateline.options import Options
from dateline.render.json import span_offsets
from dateline.timeline.story import shown_names

HEADLINE_WORDS = 12  # an event's headline: the start of its first sentence
STORY, BACKGROUND, AHEAD = "Story", "Background", "Ahead"

# The columns of TimelineJS's Google Sheets template, in its order.
TIMELINEJS_COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
ENTRY_COLUMNS = (
    "part", "date", "sentence", "text", "article_id", "start", "end", "title", "source",
    "url", "pub_date", "pub_date_confidence", "evidence", "speaker",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A spreadsheet cell that is never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def _parts(timeline: Timeline) -> list[tuple[str, TimelineEntry]]:
    return [
        *((BACKGROUND, e) for e in timeline.background),
        *((STORY, e) for e in timeline.entries),
        *((AHEAD, e) for e in timeline.ahead),
    ]


def _web_link(article: Article) -> str | None:
    url = (article.url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _sentence_text(entry: TimelineEntry, corpus: Corpus, i: int) -> tuple[str, Article]:
    sent = entry.sentences[i]
    article = corpus.article(sent.span.article_id)
    return sent.shown(article), article


def _headline(text: str) -> str:
    words = text.split()
    return " ".join(words[:HEADLINE_WORDS]) + (" ..." if len(words) > HEADLINE_WORDS else "")


def _event_html(entry: TimelineEntry, corpus: Corpus) -> str:
    """The entry's sentences as HTML paragraphs, each citing its article (escaped)."""
    paragraphs = []
    for i in range(len(entry.sentences)):
        text, article = _sentence_text(entry, corpus, i)
        name = html.escape(article.title or article.source or article.id)
        link = _web_link(article)
        cited = f'<a href="{html.escape(link)}">{name}</a>' if link else name
        paragraphs.append(f"<p>{html.escape(text)} <em>({cited})</em></p>")
    return "".join(paragraphs)


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _title_slide(timeline: Timeline, corpus: Corpus) -> dict[str, Any]:
    story = timeline.story
    span = ""
    if story and story.first and story.last:
        span = f", published {story.first.isoformat()} to {story.last.isoformat()}"
    names = ""
    if story and story.names:
        shown = shown_names(story.names, corpus, leave_out=DEMONYMS)
        names = f" The story's names: {', '.join(shown)}."
    text = f"{len(corpus.articles)} sources{span}.{names} Every event cites its source."
    return {"text": {"headline": "Timeline", "text": html.escape(text)}}


def timeline_to_timelinejs(timeline: Timeline, corpus: Corpus) -> dict[str, Any]:
    """The JSON TimelineJS3 loads: a title slide, one event per date (background and
    ahead dates in their own groups), and the story's span as an era."""
    events = []
    for part, entry in _parts(timeline):
        if not entry.sentences:
            continue
        first, article = _sentence_text(entry, corpus, 0)
        event: dict[str, Any] = {
            "start_date": _date(entry.date),
            "text": {"headline": html.escape(_headline(first)), "text": _event_html(entry, corpus)},
            "group": part,
            "unique_id": f"{part.lower()}-{entry.date.isoformat()}",
        }
        link = _web_link(article)
        if link:
            event["media"] = {
                "url": link,
                "caption": html.escape(article.title or ""),
                "credit": html.escape(article.source or ""),
            }
        events.append(event)
    data: dict[str, Any] = {"title": _title_slide(timeline, corpus), "events": events}
    if timeline.start and timeline.end and timeline.start < timeline.end:
        data["eras"] = [
            {
                "start_date": _date(timeline.start),
                "end_date": _date(timeline.end),
                "text": {"headline": "The story's span"},
            }
        ]
    return data


def timeline_to_timelinejs_csv(timeline: Timeline, corpus: Corpus) -> str:
    """The timeline as rows of TimelineJS's Google Sheets template."""
    empty = dict.fromkeys(TIMELINEJS_COLUMNS, "")
    title = _title_slide(timeline, corpus)["text"]
    rows = [{**empty, "Headline": title["headline"], "Text": title["text"], "Type": "title"}]
    for part, entry in _parts(timeline):
        if not entry.sentences:
            continue
        first, article = _sentence_text(entry, corpus, 0)
        link = _web_link(article) or ""
        rows.append(
            {
                **empty,
                "Year": entry.date.year,
                "Month": entry.date.month,
                "Day": entry.date.day,
                "Display Date": entry.date.isoformat(),
                "Headline": html.escape(_headline(first)),
                "Text": _event_html(entry, corpus),
                "Media": link,
                "Media Credit": html.escape(article.source or "") if link else "",
                "Media Caption": html.escape(article.title or "") if link else "",
                "Group": part,
            }
        )
    if timeline.start and timeline.end and timeline.start < timeline.end:
        start, end = timeline.start, timeline.end
        rows.append(
            {
                **empty,
                "Year": start.year, "Month": start.month, "Day": start.day,
                "End Year": end.year, "End Month": end.month, "End Day": end.day,
                "Headline": "The story's span", "Type": "era",
            }
        )  # fmt: skip
    return _csv([TIMELINEJS_COLUMNS, *([row[c] for c in TIMELINEJS_COLUMNS] for row in rows)])


def _cited(span: Span, article: Article, offsets: str) -> tuple[str, str, int, int]:
    """A cited span's columns: its text on one line, the article, the offsets."""
    start, end = span_offsets(article, span.start, span.end, offsets)
    return " ".join(span.text(article).split()), article.id, start, end


def timeline_to_csv(timeline: Timeline, corpus: Corpus, opts: Options) -> str:
    """One row per entry sentence: date, text, the article and offsets it came from."""
    rows: list[Sequence[object]] = [ENTRY_COLUMNS]
    for part, entry in _parts(timeline):
        for i, sent in enumerate(entry.sentences):
            article = corpus.article(sent.span.article_id)
            pub = article.pub_date
            rows.append(
                (
                    part.lower(), entry.date.isoformat(), i + 1,
                    *_cited(sent.span, article, opts.offsets),
                    article.title, article.source, article.url,
                    pub.value.isoformat() if pub.value else "", pub.confidence.value,
                    sent.evidence.kind, sent.speaker or "",
                )
            )  # fmt: skip
    return _csv(rows)


QUOTE_COLUMNS = (
    "speaker", "role", "actor_id", "direct", "pub_date", "pub_date_confidence", "text",
    "article_id", "start", "end", "title", "source", "repeated_in",
)  # fmt: skip
FIGURE_COLUMNS = (
    "category", "kind", "value", "qualifier", "unit", "given_by", "refers", "dated_by",
    "number", "sentence", "article_id", "start", "end", "title", "source",
)  # fmt: skip


def quotes_to_csv(briefing: Briefing) -> str:
    """One row per distinct quote of every speaker (the full list, as in the JSON)."""
    offsets = briefing.options.offsets
    index = {a.id: a for a in briefing.sources}
    rows: list[Sequence[object]] = [QUOTE_COLUMNS]
    for group in briefing.quotes:
        for entry in group.quotes:
            article = index[entry.span.article_id]
            rows.append(
                (
                    group.speaker, group.role.value, group.actor_id or "", entry.direct,
                    entry.pub_date.isoformat() if entry.pub_date else "",
                    article.pub_date.confidence.value,
                    *_cited(entry.span, article, offsets), article.title, article.source,
                    " ".join(sorted({s.article_id for s in entry.repeats})),
                )
            )  # fmt: skip
    return _csv(rows)


def figures_to_csv(briefing: Briefing) -> str:
    """One row per figure: what it counts, who gives it, its date and its sentence."""
    offsets = briefing.options.offsets
    index = {a.id: a for a in briefing.sources}
    rows: list[Sequence[object]] = [FIGURE_COLUMNS]
    for series in briefing.figures:
        for figure in series.figures:
            article = index[figure.span.article_id]
            rows.append(
                (
                    figure.category, figure.kind, f"{figure.quantity:g}", figure.qualifier,
                    figure.unit, figure.source,
                    figure.refers.isoformat() if figure.refers else "", figure.dated_by,
                    article.text[figure.number[0] : figure.number[1]],
                    *_cited(figure.span, article, offsets), article.title, article.source,
                )
            )  # fmt: skip
    return _csv(rows)
