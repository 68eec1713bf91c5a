"""Command bodies that are more than one API call, kept out of the thin CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dateline.annotate.timex import extract_timexes
from dateline.errors import InputError
from dateline.ingest import build_article
from dateline.ingest.readers import read_file
from dateline.model import Timex


def dates_command(path: Path, dct: dt.date | None, fmt: str, offsets: str) -> str:
    """Every time expression in one file, as JSON or one line per expression."""
    docs = list(read_file(path))
    if not docs:
        raise InputError(str(path), "no article in the file")
    doc = docs[0]
    article = build_article(doc, path.name)
    anchor = dct or article.pub_date.value
    timexes = extract_timexes(article.text, anchor)
    original = doc.text
    rows = []
    for timex in timexes:
        start, end = timex.start, timex.end
        text = article.text[start:end]
        if offsets == "original":
            start, end = article.offsets.span_to_original(start, end)
            text = original[start:end]
        rows.append(_timex_row(timex, start, end, text))
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    header = f"# {path}: publication date {anchor.isoformat() if anchor else 'unknown'}\n"
    return header + "".join(
        f"{r['start']}\t{r['end']}\t{r['type']}\t{r['value']}\t{r['text']}\n" for r in rows
    )


def _timex_row(timex: Timex, start: int, end: int, text: str) -> dict[str, object]:
    return {
        "start": start,
        "end": end,
        "text": text,
        "type": timex.type.value,
        "value": timex.value,
        "granularity": timex.granularity.value if timex.granularity else None,
        "anchor": timex.anchor,
    }


def eval_tls_command(
    directory: Path, topics: list[str] | None, loto: bool = False, default_mode: bool = False
) -> str:
    """The news-tls protocol's scores; with ``loto`` its leave-one-topic-out
    cross-validation of the timeline tuning; with ``default_mode`` the timelines a user
    gets with no options, and what they show."""
    from dateline.evaluate.tls_run import load_topic_corpora, run_tls_evaluation

    if not (loto or default_mode):
        return run_tls_evaluation(directory, topics).render()
    from dateline.options import Options

    corpora = load_topic_corpora(directory, topics)
    parts = []
    if loto:
        from dateline.evaluate.tls_cv import DEFAULT_CHANGES, cross_validate, one_at_a_time

        variants = one_at_a_time(Options().tuning, DEFAULT_CHANGES)
        parts.append(cross_validate([(t, c) for t, c, _ in corpora], variants).render())
    if default_mode:
        from dateline.evaluate.tls_default import render_default_mode, score_default_mode

        results = [r for t, c, _ in corpora for r in score_default_mode(t, c, Options())]
        parts.append(render_default_mode(results))
    return "\n\n".join(parts)
