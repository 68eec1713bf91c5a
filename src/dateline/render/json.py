"""JSON output. The schema is documented in docs/json-schema.md; bump SCHEMA_VERSION
in dateline.model when a field changes meaning or disappears."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dateline.furniture import Furniture
from dateline.model import (
    SCHEMA_VERSION,
    Article,
    Confidence,
    Corpus,
    PublicationDate,
    RunReport,
    Span,
    StoryFocus,
    Timeline,
    TimelineEntry,
    TimelineSentence,
)
from dateline.options import Options
from dateline.version import __version__


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def span_offsets(article: Article, start: int, end: int, offsets: str) -> tuple[int, int]:
    """Offsets in the coordinate system the user asked for."""
    if offsets == "original":
        return article.offsets.span_to_original(start, end)
    return start, end


def pub_date_to_dict(pub: PublicationDate) -> dict[str, Any]:
    """The output shape (docs/json-schema.md, PUB_DATE). It matches the store's codec
    today, but each may change without the other: this one is a documented contract."""
    return {
        "value": pub.value.isoformat() if pub.value else None,
        "confidence": pub.confidence.value,
        "source": pub.source,
        "evidence": pub.evidence,
        "time": pub.time,
        "partial": pub.partial,
        "earliest": pub.earliest.isoformat() if pub.earliest else None,
        "latest": pub.latest.isoformat() if pub.latest else None,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "place": article.place,
        "pub_date": pub_date_to_dict(article.pub_date),
        "encoding": article.encoding,
        "characters": len(article.text),
        "cleaning": list(article.cleaning),
    }


def articles_to_dict(
    articles: tuple[Article, ...] | list[Article], report: RunReport, opts: Options
) -> dict[str, Any]:
    return {
        "schema": "dateline.articles",
        "version": SCHEMA_VERSION,
        "generator": f"dateline {__version__}",
        "articles": [article_to_dict(a) for a in articles],
        "report": report_to_dict(report, articles, opts),
    }


def report_to_dict(
    report: RunReport, articles: tuple[Article, ...] | list[Article], opts: Options
) -> dict[str, Any]:
    not_anchoring = [
        {"article_id": a.id, "path": a.path, **pub_date_to_dict(a.pub_date)}
        for a in articles
        if not a.pub_date.anchors(opts.anchor_confidence)
    ]
    return {
        "accepted": len(report.accepted),
        "rejected": len(report.rejected),
        "inputs": [
            {
                "path": r.path,
                "status": r.status.value,
                "reason": r.reason,
                "article_id": r.article_id,
                "warnings": list(r.warnings),
            }
            for r in report.inputs
        ],
        "anchor_confidence": opts.anchor_confidence.value,
        "dates_not_anchoring": not_anchoring,
        # Articles placed by the content estimate (dateline.ingest.estimate), anchoring or not.
        "dates_estimated": [a.id for a in articles if a.pub_date.source == "content"],
    }


def sentence_to_dict(sent: TimelineSentence, corpus: Corpus, opts: Options) -> dict[str, Any]:
    article = corpus.article(sent.span.article_id)
    start, end = span_offsets(article, sent.span.start, sent.span.end, opts.offsets)
    evidence: dict[str, Any] = {"kind": sent.evidence.kind}
    if sent.evidence.timex:
        evidence["timex"] = _words_at(article, sent.evidence.timex, opts)
    out = {
        "text": sent.span.text(article),
        "article_id": article.id,
        "start": start,
        "end": end,
        "score": sent.score,
        "evidence": evidence,
        "source": article.source,
        "title": article.title,
        "pub_date": article.pub_date.value.isoformat() if article.pub_date.value else None,
    }
    if sent.speaker and sent.speaker_span:
        pronoun = _words_at(article, sent.speaker_span, opts)
        out["speaker"] = {"name": sent.speaker, "pronoun": pronoun}
    return out


def _words_at(article: Article, where: tuple[int, int], opts: Options) -> dict[str, Any]:
    """A few words of a sentence (a date mention, a pronoun): offsets and text."""
    start, end = span_offsets(article, *where, opts.offsets)
    return {"start": start, "end": end, "text": article.text[where[0] : where[1]]}


def timeline_to_dict(timeline: Timeline, corpus: Corpus, opts: Options) -> dict[str, Any]:
    return {
        "schema": "dateline.timeline",
        "version": SCHEMA_VERSION,
        "generator": f"dateline {__version__}",
        "offsets": opts.offsets,
        "options": options_to_dict(opts),
        "timeline": {
            "dates_requested": timeline.dates_requested,
            "sentences_per_date": timeline.sentences_per_date,
            "start": _iso(timeline.start),
            "end": _iso(timeline.end),
            "story": story_to_dict(timeline.story),
            "entries": [entry_to_dict(e, corpus, opts) for e in timeline.entries],
            "background": [entry_to_dict(e, corpus, opts) for e in timeline.background],
            "ahead": [entry_to_dict(e, corpus, opts) for e in timeline.ahead],
        },
        "articles": [article_to_dict(a) for a in corpus.articles],
        "report": report_to_dict(corpus.report, corpus.articles, opts),
    }


def entry_to_dict(entry: TimelineEntry, corpus: Corpus, opts: Options) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "score": entry.score,
        "articles_published": entry.articles,
        "mentions": entry.mentions,
        "sentences": [sentence_to_dict(s, corpus, opts) for s in entry.sentences],
    }


def story_to_dict(story: StoryFocus | None) -> dict[str, Any] | None:
    """What the corpus was found to be about: its publication span and core names."""
    if story is None:
        return None
    return {"first_published": _iso(story.first), "last_published": _iso(story.last),
            "names": list(story.names), "dated_articles": story.articles}  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def options_to_dict(opts: Options) -> dict[str, Any]:
    return {
        "dates": opts.dates,
        "sentences": opts.sentences,
        "keywords": list(opts.keywords),
        "start": opts.start.isoformat() if opts.start else None,
        "end": opts.end.isoformat() if opts.end else None,
        "about": opts.about,
        "anchor_confidence": opts.anchor_confidence.value,
        "date_ranker": opts.date_ranker,
        "sentence_selector": opts.sentence_selector,
    }


TITLE_FROM_TEXT_CHARS = 60


def title_shown(article: Article, furniture: Furniture | None = None) -> str:
    """The article's title, or for one without (research corpora, pasted text) its first
    words, marked as such: a list of thirty "(untitled)" sources tells a reader nothing.
    The words come after the site's furniture the page opens with (a sidebar headline
    that fifty CNN pages of a corpus open with names none of them)."""
    if article.title:
        return " ".join(article.title.split())
    start = article.body_start
    while furniture is not None and (end := article.text.find("\n\n", start)) > 0:
        if not furniture.covers(article.id, start, end):
            break
        start = end + 2
    # The words of the body's start (a few times what is shown, so no long text is split
    # whole), else of the whole body.
    words = " ".join(article.text[start:][: 8 * TITLE_FROM_TEXT_CHARS].split())
    if len(words) <= TITLE_FROM_TEXT_CHARS:
        words = " ".join(article.text[start:].split())
    if not words:
        return "(untitled)"
    if len(words) > TITLE_FROM_TEXT_CHARS:
        cut = words.rfind(" ", 0, TITLE_FROM_TEXT_CHARS)
        words = words[: cut if cut > 0 else TITLE_FROM_TEXT_CHARS] + "…"
    return f"(untitled) “{words}”"


def date_shown(day: dt.date | None, article: Article) -> str:
    """A date as a reader sees it: ``2013-05-23 (estimated)`` when it is the publication
    date of an article dated only by estimate (never shown as if established), ``date
    unknown`` when there is none."""
    if day is None:
        return "date unknown"
    estimated = (
        article.pub_date.confidence is Confidence.ESTIMATED and day == article.pub_date.value
    )
    return f"{day.isoformat()} (estimated)" if estimated else day.isoformat()


def confidence_label(confidence: Confidence) -> str:
    return confidence.value


def span_text(span: Span, corpus: Corpus) -> str:
    return span.text(corpus.article(span.article_id))
