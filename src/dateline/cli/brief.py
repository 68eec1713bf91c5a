"""``dateline summarize`` and ``brief``: the summary, and the whole briefing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.common import (
    corpus_memo,
    format_option,
    handle_errors,
    input_options,
    load_corpus,
    make_options,
    output_option,
    paths_argument,
    report_and_exit,
    timeline_options,
    write_output,
)
from dateline.escaping import safe_for_terminal


@click.command(name="summarize")
@paths_argument
@click.option("--words", type=int, default=150, show_default=True, help="Summary length.")
@click.option("--about", help="Summarise what the articles say about this query.")
@format_option("text", "json", "md")
@output_option
@input_options
@handle_errors
def summarize_command(
    paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any
) -> None:
    """A cited, chronological multi-document summary of N words."""
    from dateline.briefing.summary import summarize
    from dateline.pipeline import build_corpus
    from dateline.render.briefing_text import (
        render_summary_markdown,
        render_summary_text,
        summary_document,
    )
    from dateline.render.json import to_json

    opts = make_options(**kwargs)
    corpus = build_corpus(paths, opts)
    summary = summarize(corpus, opts)
    if fmt == "json":
        text = to_json(summary_document(summary, corpus.articles, opts.offsets))
    elif fmt == "md":
        text = render_summary_markdown(summary, corpus.articles)
    else:
        text = render_summary_text(summary, corpus.articles)
    write_output(text, output)
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles)
    report_and_exit(corpus.report, len(corpus.articles), weak)


@click.command(name="brief")
@paths_argument
@click.option(
    "-o",
    "--output",
    "directory",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for briefing.json, briefing.md and report.html.",
)
@click.option("--words", type=int, default=150, show_default=True, help="Summary length.")
@click.option("--about", help="Focus the summary and timeline on this query.")
@timeline_options
@input_options
@handle_errors
def brief_command(paths: tuple[Path, ...], directory: Path, **kwargs: Any) -> None:
    """A briefing: summary, timeline, actors, quotes, figures and an HTML report."""
    from dateline.briefing.build import build_briefing
    from dateline.engine import beside
    from dateline.pipeline import BRIEFING_STAGES
    from dateline.render import exports
    from dateline.render.briefing_text import briefing_to_dict, render_briefing_markdown
    from dateline.render.html import render_html
    from dateline.render.json import to_json

    opts = make_options(**kwargs)
    corpus = load_corpus(paths, opts, cache=True, stages=BRIEFING_STAGES)
    briefing = build_briefing(corpus, opts, corpus_memo(paths, opts))
    directory.mkdir(parents=True, exist_ok=True)
    # The report beside the other outputs: the slowest to render, it takes the other core.
    (json_text, markdown), html = beside(
        lambda: (to_json(briefing_to_dict(briefing)), render_briefing_markdown(briefing)),
        lambda: render_html(briefing),
        opts,
    )
    write_output(json_text, directory / "briefing.json")
    write_output(markdown, directory / "briefing.md")
    write_output(html, directory / "report.html")
    write_output(
        exports.timeline_to_csv(briefing.timeline, corpus, opts), directory / "timeline.csv"
    )
    write_output(exports.quotes_to_csv(briefing), directory / "quotes.csv")
    write_output(exports.figures_to_csv(briefing), directory / "figures.csv")
    click.echo(
        "dateline: wrote briefing.json, briefing.md, report.html and timeline, quotes and "
        "figures CSVs to "
        f"{safe_for_terminal(directory)}",
        err=True,
    )
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles)
    if not briefing.timeline.entries:
        from dateline.cli.empty import why_no_entries

        click.echo(f"dateline: {why_no_entries(corpus, briefing.timeline, opts)}", err=True)
    report_and_exit(corpus.report, len(corpus.articles), weak, empty=not briefing.timeline.entries)
