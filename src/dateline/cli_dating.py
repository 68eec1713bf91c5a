"""``dateline eval dating``: publication-date estimation scored on a dated corpus."""

from __future__ import annotations

from pathlib import Path

import click

from dateline.cli_common import handle_errors


@click.command(name="dating")
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
    "neighbours,pins,counts; 'neighbours' alone fits every other weight).",
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
