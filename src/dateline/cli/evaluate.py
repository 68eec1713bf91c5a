"""``dateline eval ...``: each component measured against reference data."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli.common import handle_errors


@click.group(name="eval")
def evaluate() -> None:
    """Measure dateline against reference data."""


@evaluate.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, path_type=Path))
@click.option("--errors", "kinds", multiple=True,
              type=click.Choice(["value", "type", "span", "missed", "spurious"]),
              help="Also list the errors of this kind (repeatable).")  # fmt: skip
@handle_errors
def eval_timex(directory: Path, kinds: tuple[str, ...]) -> None:
    """Time-expression extraction and normalisation on TimeML files."""
    from dateline.evaluate.timeml import evaluate_timeml, iter_timeml_files, render_timex_scores

    scores = evaluate_timeml(iter_timeml_files(directory))
    click.echo(render_timex_scores(scores, kinds=kinds))


@evaluate.command(name="quotes")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True, help="PolNeAR split to score.")
@handle_errors
def eval_quotes(directory: Path, split: str) -> None:
    """Quote extraction and speaker attribution on PolNeAR-format data."""
    from dateline.evaluate.quotes import evaluate_quotes, render_quote_scores

    click.echo(render_quote_scores(evaluate_quotes(directory, split=split)))


@evaluate.command(name="tls")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--topics", help="Comma-separated topic names (default: all).")
@click.option(
    "--loto",
    is_flag=True,
    help="Leave-one-topic-out cross-validation of the timeline's tuned constants.",
)
@click.option(
    "--default-mode",
    is_flag=True,
    help="Score the timelines a user gets with no options (no L, K, keywords or "
    "window), with the share outside the corpus's span and coverage by third.",
)
@handle_errors
def eval_tls(directory: Path, topics: str | None, loto: bool, default_mode: bool) -> None:
    """Timeline summarization on a Timeline17-style dataset (news-tls protocol)."""
    from dateline.evaluate.tls_report import tls_report

    click.echo(tls_report(directory, topics.split(",") if topics else None, loto, default_mode))


@evaluate.command(name="mds")
@click.argument(
    "directories",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--task",
    type=click.Choice(["main", "update"]),
    default="main",
    show_default=True,
    help="DUC 2007: main task or update task document sets.",
)
@click.option(
    "--words",
    "limit",
    type=int,
    default=100,
    show_default=True,
    help="Summary length; peers are cut to it before scoring.",
)
@click.option(
    "--setting",
    type=click.Choice(["both", "query", "generic"]),
    default="both",
    show_default=True,
    help="Query-focused (topic narrative as --about), generic.",
)
@click.option(
    "--selector",
    type=click.Choice(["concepts", "submodular", "centroid-mmr"]),
    default="concepts",
    show_default=True,
)
@click.option("--topics", type=int, help="Only the first N topics.")
@click.option(
    "--cv",
    is_flag=True,
    help="Cross-validate the selector and the summary's tuned constants: every task of "
    "every folder, each topic held out in turn (generic unless --setting query).",
)
@handle_errors
def eval_mds_command(
    directories: tuple[Path, ...],
    task: str,
    limit: int,
    setting: str,
    selector: str,
    topics: int | None,
    cv: bool,
) -> None:
    """Multi-document summarization on DUC 2006/2007: ROUGE-1/2 recall and F1."""
    from dateline.evaluate.mds import evaluate_mds, load_duc, render_mds

    if cv:
        from dateline.evaluate.mds_cv import cross_validate_mds, default_variants, load_dev_sets

        sets = [(name, loaded[:topics]) for name, loaded in load_dev_sets(directories)]
        result = cross_validate_mds(sets, default_variants(), limit, query=setting == "query")
        click.echo(result.render(), nl=False)
        return
    modes = {"both": (True, False), "query": (True,), "generic": (False,)}[setting]
    results = []
    for directory in directories:
        loaded = load_duc(directory, task)[:topics]
        name = directory.name + ("-update" if task == "update" else "")
        results += [evaluate_mds(loaded, name, limit, query, selector) for query in modes]
    click.echo(render_mds(results), nl=False)


@evaluate.command(name="dating")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--topics", help="Comma-separated topic names (default: all).")
@click.option(
    "--setting",
    "settings",
    type=click.Choice(["leave-one-out", "half"]),
    multiple=True,
    help="Hide one article at a time, or a seeded random half at once (default: both).",
)
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    help="Leave-one-out hides only about N articles per topic, evenly spaced (bpoil has 1,461).",
)
@click.option(
    "--cross-validate",
    is_flag=True,
    help="Fit the estimator's weights leave-one-topic-out and score each topic held out, "
    "beside the shipped and the all-topic weights (leave-one-out).",
)
@click.option(
    "--fixed",
    help="With --cross-validate: comma-separated weights kept as shipped (default: "
    "neighbours,pins,counts,comments; 'neighbours' alone fits every other weight).",
)
@handle_errors
def eval_dating_command(
    directory: Path,
    topics: str | None,
    settings: tuple[str, ...],
    sample: int | None,
    cross_validate: bool,
    fixed: str | None,
) -> None:
    """Hide each article's date in a Timeline17-style DIRECTORY, estimate it back and
    score it (exact, within 1 and 7 days, interval coverage) beside two baselines."""
    from dateline.evaluate import dating
    from dateline.ingest.estimate import DatingTuning

    chosen = topics.split(",") if topics else None
    if cross_validate:
        kept = fixed.split(",") if fixed else dating.FIXED
        known = DatingTuning().weights
        if unknown := [k for k in kept if k not in known]:
            raise click.BadParameter(
                f"no weight named {', '.join(unknown)}; the weights are {', '.join(known)}",
                param_hint="--fixed",
            )
        results, fits = dating.cross_validate(directory, topics=chosen, sample=sample, fixed=kept)
        click.echo(dating.render_dating_scores(results))
        click.echo("")
        click.echo(dating.render_fits(fits))
        return
    results = dating.evaluate_dating(
        directory, settings=settings or ("leave-one-out", "half"), topics=chosen, sample=sample
    )
    click.echo(dating.render_dating_scores(results))


@evaluate.command(name="expectations")
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
