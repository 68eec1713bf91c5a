"""The text format of timeline-summarization research (tilse): a date line, one
sentence per line, then a line of 32 dashes; entries in date order."""

from __future__ import annotations

from dateline.model import Corpus, Timeline

SEPARATOR = "-" * 32


def render_tilse(timeline: Timeline, corpus: Corpus) -> str:
    blocks = []
    for entry in sorted(timeline.entries, key=lambda e: e.date):
        lines = [entry.date.isoformat()]
        for sent in entry.sentences:
            lines.append(" ".join(sent.span.text(corpus.article(sent.span.article_id)).split()))
        lines.append(SEPARATOR)
        blocks.append("\n".join(lines))
    return "\n".join(blocks) + ("\n" if blocks else "")
