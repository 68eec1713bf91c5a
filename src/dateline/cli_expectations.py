"""``dateline expectations``: what was expected to happen, when, according to whom, and
how that moved from one report to the next (issue 15, part B).

A standalone click command; ``dateline.cli`` registers it::

    main.add_command(expectations_command, name="expectations")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dateline.cli_common import (
    handle_errors,
    input_options,
    load_corpus,
    make_options,
    offsets_option,
    output_option,
    report_and_exit,
    write_output,
)


@click.command(name="expectations")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "csv"]),
    default="json",
    show_default=True,
    help="csv: one row per expectation, chain by chain.",
)
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
    from dateline.expectations.render import (
        expectations_document,
        expectations_to_csv,
        render_expectations_markdown,
    )
    from dateline.pipeline import BRIEFING_STAGES
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
    report_and_exit(corpus.report, len(corpus.articles), weak)


@click.command(name="expectations")
@click.argument("annotations", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))  # fmt: skip
@click.option(
    "--data-root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("../shared/data"),
    show_default=True,
    help="The folder the annotated articles' paths are relative to (t17-dev/ is in it); "
    "the demo's paths are relative to the project folder.",
)
@click.option("--errors", "show_errors", is_flag=True, help="Also list every miss, spurious "
              "expectation and wrong time.")  # fmt: skip
@click.option("--tune", "tune_split", metavar="SPLIT", help="First choose the extractor's "
              "constants on this split (e.g. dev), then score every split with them.")  # fmt: skip
@handle_errors
def eval_expectations_command(
    annotations: tuple[Path, ...], data_root: Path, show_errors: bool, tune_split: str | None
) -> None:
    """Expectations (event spans, expected times, modality, speaker) and chain links
    scored against ANNOTATIONS (evaluation/expectations/*.jsonl), split by split."""
    from dateline.evaluate.expectations import (
        evaluate_expectations,
        load_annotations,
        render_expectation_scores,
        tune,
    )

    golds = load_annotations(annotations)
    tuning = None
    if tune_split:
        tuning, _grid = tune(golds, data_root, tune_split)
        click.echo(f"tuned on {tune_split}: max_gap={tuning.max_gap} "
                   f"time_gap={tuning.time_gap} link_names={tuning.link_names}")  # fmt: skip
    results = evaluate_expectations(golds, data_root, tuning)
    click.echo(render_expectation_scores(results, errors=show_errors))
