"""``dateline quotes`` and ``actors``: who said what, and who the story is about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli.common import (
    format_option,
    handle_errors,
    input_options,
    load_corpus,
    make_options,
    offsets_option,
    output_option,
    paths_argument,
    report_and_exit,
    write_output,
)
from dateline.cli.empty import why_no_actors, why_no_quotes


def _people_corpus(paths: tuple[Path, ...], kwargs: dict[str, Any]) -> Any:
    from dateline.pipeline import SPEECH_STAGES

    opts = make_options(**kwargs)
    return opts, load_corpus(paths, opts, cache=True, stages=SPEECH_STAGES)


@click.command(name="quotes")
@paths_argument
@format_option("json", "md")
@offsets_option("original")
@output_option
@input_options
@handle_errors
def quotes_command(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """Every quote with its speaker and cue, per article."""
    from dateline.render import to_json
    from dateline.render.speech import quotes_document, render_quotes_markdown

    opts, corpus = _people_corpus(paths, kwargs)
    doc = quotes_document(corpus, opts)
    write_output(to_json(doc) if fmt == "json" else render_quotes_markdown(doc), output)
    empty = not any(a["quotes"] for a in doc["articles"])
    if empty:
        click.echo(f"dateline: {why_no_quotes(corpus)}", err=True)
    report_and_exit(corpus.report, len(corpus.articles), 0, empty=empty)


@click.command(name="actors")
@paths_argument
@format_option("json", "md")
@output_option
@input_options
@handle_errors
def actors_command(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """The people and organisations of the story, aliases merged across articles."""
    from dateline.render import to_json
    from dateline.render.speech import actors_document, render_actors_markdown

    _opts, corpus = _people_corpus(paths, kwargs)
    doc = actors_document(corpus)
    write_output(to_json(doc) if fmt == "json" else render_actors_markdown(doc), output)
    if not doc["actors"]:
        click.echo(f"dateline: {why_no_actors(corpus)}", err=True)
    report_and_exit(corpus.report, len(corpus.articles), 0, empty=not doc["actors"])
