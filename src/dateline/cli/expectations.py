"""``dateline expectations``: what was expected to happen, when, according to whom, and
how that moved from one report to the next."""

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


@click.command(name="expectations")
@paths_argument
@format_option("json", "md", "csv", help="csv: one row per expectation, chain by chain.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Do not keep annotations in ./.dateline/cache for the next run.",
)
@output_option
@offsets_option()
@input_options
@handle_errors
def expectations_command(
    paths: tuple[Path, ...], fmt: str, output: Path | None, no_cache: bool, **kwargs: Any
) -> None:
    """Expected events (planned, expected, possible, demanded, postponed, cancelled) and
    their expected dates, linked across articles into chains ordered by report date."""
    from dateline.expectations import expectation_chains
    from dateline.pipeline import BRIEFING_STAGES
    from dateline.render.expectations import (
        expectations_document,
        expectations_to_csv,
        render_expectations_markdown,
    )
    from dateline.render.json import to_json
    from dateline.timeline import build_timeline

    opts = make_options(**kwargs)
    corpus = load_corpus(paths, opts, cache=not no_cache, stages=BRIEFING_STAGES)
    chains = expectation_chains(corpus, build_timeline(corpus, opts))
    if fmt == "json":
        text = to_json(expectations_document(chains, corpus, opts))
    elif fmt == "md":
        text = render_expectations_markdown(chains, corpus)
    else:
        text = expectations_to_csv(chains, corpus, opts)
    write_output(text, output)
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles)
    if not chains:
        click.echo(
            "dateline: no expectations found: no sentence says that an event was planned, "
            "expected, demanded, postponed or cancelled",
            err=True,
        )
    report_and_exit(corpus.report, len(corpus.articles), weak, empty=not chains)
