"""Who said what: quotes and actors of a set of articles, as JSON-able documents.

Quotes are listed per article with spans in the coordinate system the user asked for
(the file as read by default, so a span always slices back to what the user gave).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.briefing.actors import Actor, build_actors, resolve_speaker
from dateline.briefing.build import annotate_speech_reported
from dateline.model import SCHEMA_VERSION, Article, Corpus, Quote
from dateline.options import Options
from dateline.render.json import span_offsets


def _span(article: Article, span: tuple[int, int] | None, offsets: str) -> dict[str, Any] | None:
    if span is None:
        return None
    start, end = span_offsets(article, span[0], span[1], offsets)
    return {"start": start, "end": end, "text": article.text[span[0] : span[1]]}


def quote_to_dict(quote: Quote, article: Article, actors: Sequence[Actor],
                  offsets: str) -> dict[str, Any]:
    start, end = span_offsets(article, quote.start, quote.end, offsets)
    speaker = _span(article, quote.speaker, offsets)
    if speaker is not None:
        speaker["name"] = quote.speaker_name
        speaker["actor"] = (resolve_speaker(actors, quote.speaker_name, article.id)
                            if quote.speaker_name else None)
    return {"start": start, "end": end, "text": article.text[quote.start : quote.end],
            "direct": quote.direct, "speaker": speaker,
            "cue": _span(article, quote.cue, offsets)}


def quotes_document(corpus: Corpus, opts: Options) -> dict[str, Any]:
    annotated, failures = annotate_speech_reported(corpus)
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    return {
        "schema": "dateline.quotes",
        "version": SCHEMA_VERSION,
        "offsets": opts.offsets,
        "articles": [
            {"article_id": article.id, "path": article.path,
             "pub_date": article.pub_date.value.isoformat() if article.pub_date.value else None,
             "quotes": [quote_to_dict(q, article, actors, opts.offsets) for q in quotes]}
            for article, _, quotes in annotated
        ],
        "failures": [str(f) for f in failures],
    }


def actor_to_dict(actor: Actor) -> dict[str, Any]:
    """One actor as JSON, the same in ``dateline actors`` and in the briefing (see
    docs/json-schema.md, ACTOR)."""
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind.value,
        "title": actor.title or None, "titles": list(actor.titles),
        "aliases": [{"text": text, "count": count} for text, count in actor.aliases],
        "mentions": actor.mentions,
        "article_ids": list(actor.article_ids),
        "first_seen": actor.first_seen.isoformat() if actor.first_seen else None,
        "last_seen": actor.last_seen.isoformat() if actor.last_seen else None,
    }


def actors_document(corpus: Corpus) -> dict[str, Any]:
    annotated, failures = annotate_speech_reported(corpus)
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    return {"schema": "dateline.actors", "version": SCHEMA_VERSION,
            "actors": [actor_to_dict(a) for a in actors],
            "failures": [str(f) for f in failures]}


def render_quotes_markdown(doc: dict[str, Any]) -> str:
    out = ["# Quotes", ""]
    for article in doc["articles"]:
        if not article["quotes"]:
            continue
        out += [f"## {article['article_id']} ({article['pub_date'] or 'date unknown'})", ""]
        for quote in article["quotes"]:
            who = (quote["speaker"] or {}).get("name") or "unattributed"
            text = " ".join(quote["text"].split())
            # A partial quote comes with its reported clause and carries its own marks.
            marked = any(mark in text for mark in "“”\"")
            shown = text if marked else f"“{text}”" if quote["direct"] else f"(reported) {text}"
            out.append(f"- **{who}**: {shown}")
        out.append("")
    return "\n".join(out)


def render_actors_markdown(doc: dict[str, Any]) -> str:
    out = ["# Actors", "", "| actor | kind | aliases | title | mentions | seen |",
           "|---|---|---|---|---|---|"]
    for actor in doc["actors"]:
        aliases = ", ".join(f"{a['text']} ({a['count']})" for a in actor["aliases"])
        seen = f"{actor['first_seen'] or '?'} to {actor['last_seen'] or '?'}"
        out.append(f"| {actor['name']} | {actor['kind']} | {aliases} | "
                   f"{actor['title'] or ''} | {actor['mentions']} | {seen} |")
    return "\n".join(out) + "\n"
