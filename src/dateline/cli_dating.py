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
@handle_errors
def eval_dating_command(directory: Path, topics: str | None, settings: tuple[str, ...]) -> None:
    """Hide each article's date in a Timeline17-style DIRECTORY, estimate it back and
    score it (exact, within 1 and 7 days, interval coverage) beside two baselines."""
    from dateline.evaluate.dating import evaluate_dating, render_dating_scores

    chosen = topics.split(",") if topics else None
    results = evaluate_dating(directory, settings=settings or ("leave-one-out", "half"),
                              topics=chosen)  # fmt: skip
    click.echo(render_dating_scores(results))
