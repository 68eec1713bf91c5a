"""``dateline articles``, ``timeline`` and ``dates``: read articles, build the timeline,
list the time expressions of one file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from dateline.cli.common import (
    InputPath,
    format_option,
    handle_errors,
    input_options,
    load_corpus,
    make_options,
    offsets_option,
    output_option,
    parse_day,
    paths_argument,
    report_and_exit,
    timeline_options,
    write_output,
)
from dateline.cli.empty import why_no_entries
from dateline.model import Timex


@click.command(name="articles")
@paths_argument
@format_option("json", "md")
@output_option
@input_options
@handle_errors
def articles_command(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """Read, clean and date articles; list them with the run report."""
    from dateline.ingest import load_articles
    from dateline.render import articles_to_dict, render_articles_markdown, to_json

    opts = make_options(**kwargs)
    loaded = load_articles(paths, opts)
    if fmt == "json":
        text = to_json(articles_to_dict(loaded.articles, loaded.report, opts))
    else:
        text = render_articles_markdown(loaded.articles, loaded.report, opts)
    write_output(text, output)
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in loaded.articles)
    report_and_exit(loaded.report, len(loaded.articles), weak)


@click.command(name="timeline")
@click.argument("paths", nargs=-1, type=InputPath())
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Build from a store made by 'dateline add' instead of PATHS.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Do not keep annotations in ./.dateline/cache for the next run.",
)
@timeline_options
@click.option("--about", help="Focus the timeline on an entity or topic.")
@click.option(
    "--selector",
    "sentence_selector",
    type=click.Choice(["tfidf-mmr", "minilm-mmr"]),
    default="tfidf-mmr",
    show_default=True,
    help="How sentences are chosen.",
)
@format_option(
    "json",
    "md",
    "tilse",
    "timelinejs",
    "timelinejs-csv",
    "csv",
    help="timelinejs: the JSON TimelineJS3 loads; timelinejs-csv: its Google Sheets "
    "template; csv: one row per entry sentence.",
)
@output_option
@offsets_option()
@input_options
@handle_errors
def timeline_command(
    paths: tuple[Path, ...], fmt: str, output: Path | None, no_cache: bool, **kwargs: Any
) -> None:
    """Build a dated, sourced timeline from articles (or from a store)."""
    from dateline.render import (
        exports,
        render_tilse,
        render_timeline_markdown,
        timeline_to_dict,
        to_json,
    )
    from dateline.timeline import build_timeline

    opts = make_options(**kwargs)
    if opts.store is not None and paths:
        raise click.UsageError("give PATHS or --store, not both")
    if opts.store is None and not paths and opts.urls_file is None:
        raise click.UsageError("give PATHS to read ('-' for standard input, URLs), --urls FILE "
                               "or --store DB")  # fmt: skip
    corpus = load_corpus(paths, opts, cache=not no_cache)
    result = build_timeline(corpus, opts)
    if fmt == "json":
        text = to_json(timeline_to_dict(result, corpus, opts))
    elif fmt == "md":
        text = render_timeline_markdown(result, corpus, opts)
    elif fmt == "tilse":
        text = render_tilse(result, corpus)
    elif fmt == "timelinejs":
        text = to_json(exports.timeline_to_timelinejs(result, corpus))
    elif fmt == "timelinejs-csv":
        text = exports.timeline_to_timelinejs_csv(result, corpus)
    else:
        text = exports.timeline_to_csv(result, corpus, opts)
    write_output(text, output)
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles)
    if not result.entries:
        click.echo(f"dateline: {why_no_entries(corpus, result, opts)}", err=True)
        report_and_exit(corpus.report, len(corpus.articles), weak, empty=True)
    report_and_exit(corpus.report, len(corpus.articles), weak)


@click.command(name="dates")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=parse_day, help="Publication date to resolve against.")
@format_option("json", "text")
@offsets_option("original")
@output_option
@handle_errors
def dates_command(
    file: Path, dct: dt.date | None, fmt: str, offsets: str, output: Path | None
) -> None:
    """Find every time expression in FILE, resolved against its publication date."""
    write_output(_dates_text(file, dct, fmt, offsets), output)


def _dates_text(path: Path, dct: dt.date | None, fmt: str, offsets: str) -> str:
    """Every time expression in one file, as JSON or one line per expression."""
    from dateline.annotate.timex import extract_timexes
    from dateline.errors import InputError
    from dateline.ingest import build_article
    from dateline.ingest.readers import read_file

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
