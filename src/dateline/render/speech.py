"""Who said what: quotes and actors of a set of articles, as JSON-able documents.

Quotes are listed per article with spans in the coordinate system the user asked for
(the file as read by default, so a span always slices back to what the user gave), and
grouped by speaker as in the briefing (:mod:`dateline.briefing.quotes`): each speaker
with its role (newsmaker, journalist, outlet, commenter, place, other), one entry per
repeated quote. The Markdown shows what a briefing shows: the most quoted newsmakers
with their most informative quotes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.briefing.actors import Actor, SpeakerResolver, build_actors
from dateline.briefing.build import annotate_speech_reported
from dateline.briefing.quotes import (
    MAX_QUOTES,
    MAX_SPEAKERS,
    QuoteEntry,
    SpeakerQuotes,
    SpeakerRole,
    best_quotes,
    quotes_by_speaker,
)
from dateline.escaping import markdown_text
from dateline.model import SCHEMA_VERSION, Article, Corpus, Quote, Span
from dateline.options import Options
from dateline.render.json import date_shown, span_offsets


def _span(article: Article, span: tuple[int, int] | None, offsets: str) -> dict[str, Any] | None:
    if span is None:
        return None
    start, end = span_offsets(article, span[0], span[1], offsets)
    return {"start": start, "end": end, "text": article.text[span[0] : span[1]]}


Roles = dict[tuple[str, int, int], tuple[str, SpeakerRole]]  # span -> (speaker, role)


def quote_to_dict(
    quote: Quote,
    article: Article,
    resolver: SpeakerResolver,
    offsets: str,
    roles: Roles | None = None,
) -> dict[str, Any]:
    start, end = span_offsets(article, quote.start, quote.end, offsets)
    speaker = _span(article, quote.speaker, offsets)
    if speaker is not None:
        speaker["name"] = quote.speaker_name
        speaker["actor"] = (
            resolver.resolve(quote.speaker_name, article.id) if quote.speaker_name else None
        )
        grouped = (roles or {}).get((article.id, quote.start, quote.end))
        speaker["grouped_as"] = grouped[0] if grouped else None
        speaker["role"] = grouped[1].value if grouped else None
    return {
        "start": start,
        "end": end,
        "text": article.text[quote.start : quote.end],
        "direct": quote.direct,
        "speaker": speaker,
        "cue": _span(article, quote.cue, offsets),
    }


def _entry_to_dict(
    entry: QuoteEntry, index: dict[str, Article], offsets: str, best: bool
) -> dict[str, Any]:
    def cited(span: Span) -> dict[str, Any]:
        article = index[span.article_id]
        start, end = span_offsets(article, span.start, span.end, offsets)
        return {
            "article_id": span.article_id,
            "start": start,
            "end": end,
            "text": span.text(article),
        }

    return {
        **cited(entry.span),
        "direct": entry.direct,
        "pub_date": entry.pub_date.isoformat() if entry.pub_date else None,
        "pub_date_shown": date_shown(entry.pub_date, index[entry.span.article_id]),
        "repeats": [cited(s) for s in entry.repeats],
        "best": best,
    }


def _group_to_dict(
    group: SpeakerQuotes,
    index: dict[str, Article],
    offsets: str,
) -> dict[str, Any]:
    best = set(best_quotes(group, index, MAX_QUOTES))
    return {
        "speaker": group.speaker,
        "actor_id": group.actor_id,
        "role": group.role.value,
        "variants": list(group.variants),
        "quotes": [_entry_to_dict(e, index, offsets, e in best) for e in group.quotes],
    }


def quotes_document(corpus: Corpus, opts: Options) -> dict[str, Any]:
    annotated, failures = annotate_speech_reported(corpus)
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    groups = quotes_by_speaker(annotated, actors)
    resolver = SpeakerResolver(actors)
    index = {article.id: article for article, _, _ in annotated}
    roles: Roles = {
        (span.article_id, span.start, span.end): (group.speaker, group.role)
        for group in groups
        for entry in group.quotes
        for span in entry.spans
    }
    return {
        "schema": "dateline.quotes",
        "version": SCHEMA_VERSION,
        "offsets": opts.offsets,
        "articles": [
            {
                "article_id": article.id,
                "path": article.path,
                "pub_date": article.pub_date.value.isoformat() if article.pub_date.value else None,
                "quotes": [
                    quote_to_dict(q, article, resolver, opts.offsets, roles) for q in quotes
                ],
            }
            for article, _, quotes in annotated
        ],
        "speakers": [_group_to_dict(g, index, opts.offsets) for g in groups],
        "failures": [str(f) for f in failures],
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """One actor as JSON, the same in ``dateline actors`` and in the briefing (see
    docs/json-schema.md, ACTOR)."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "title": actor.title or None,
        "titles": list(actor.titles),
        "aliases": [{"text": text, "count": count} for text, count in actor.aliases],
        "mentions": actor.mentions,
        "article_ids": list(actor.article_ids),
        "first_seen": actor.first_seen.isoformat() if actor.first_seen else None,
        "last_seen": actor.last_seen.isoformat() if actor.last_seen else None,
        "first_seen_shown": seen_shown(actor.first_seen, actor.first_seen_estimated),
        "last_seen_shown": seen_shown(actor.last_seen, actor.last_seen_estimated),
    }


def seen_shown(day: dt.date | None, estimated: bool) -> str | None:
    """An end of an actor's range as a reader sees it: labelled when only articles
    dated by estimate put it there (as :func:`dateline.render.json.date_shown`)."""
    if day is None:
        return None
    return f"{day.isoformat()} (estimated)" if estimated else day.isoformat()


def actors_document(corpus: Corpus) -> dict[str, Any]:
    annotated, failures = annotate_speech_reported(corpus)
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    return {
        "schema": "dateline.actors",
        "version": SCHEMA_VERSION,
        "actors": [actor_to_dict(a) for a in actors],
        "failures": [str(f) for f in failures],
    }


def render_quotes_markdown(doc: dict[str, Any], speakers: int = MAX_SPEAKERS) -> str:
    """The most quoted newsmakers with their best quotes (as a briefing shows them); the
    JSON document has every speaker and every quote."""
    out = ["# Quotes by speaker", ""]
    newsmakers = [g for g in doc["speakers"] if g["role"] == SpeakerRole.NEWSMAKER.value]
    for group in newsmakers[:speakers]:
        out += [f"## {markdown_text(group['speaker'])}", ""]
        for quote in (q for q in group["quotes"] if q["best"]):
            text = " ".join(quote["text"].split())
            # A partial quote comes with its reported clause and carries its own marks.
            marked = any(mark in text for mark in '“”"')
            shown = text if marked else f"“{text}”" if quote["direct"] else f"(reported) {text}"
            cited = sorted({quote["article_id"], *(r["article_id"] for r in quote["repeats"])})
            out.append(
                f"- {markdown_text(shown)} ({quote['pub_date_shown']}; "
                f"{', '.join(markdown_text(c) for c in cited)})"
            )
        out.append("")
    if not newsmakers:
        out += ["*No attributed quotes found.*", ""]
    left = len(doc["speakers"]) - min(len(newsmakers), speakers)
    if left > 0:
        out += [
            f"*{left} more speakers (other newsmakers, journalists, outlets, reader "
            "comments), and every quote, in the JSON output.*",
            "",
        ]
    return "\n".join(out)


def render_actors_markdown(doc: dict[str, Any]) -> str:
    out = [
        "# Actors",
        "",
        "| actor | kind | aliases | title | mentions | seen |",
        "|---|---|---|---|---|---|",
    ]
    for actor in doc["actors"]:
        aliases = ", ".join(f"{a['text']} ({a['count']})" for a in actor["aliases"])
        seen = f"{actor['first_seen_shown'] or '?'} to {actor['last_seen_shown'] or '?'}"
        out.append(
            f"| {actor['name']} | {actor['kind']} | {aliases} | "
            f"{actor['title'] or ''} | {actor['mentions']} | {seen} |"
        )
    return "\n".join(out) + "\n"
