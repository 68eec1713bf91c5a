"""The command line: argv -> Options -> one API call -> output and an exit code.

Exit codes: 0 all inputs used; 1 some inputs rejected (output still written);
2 bad usage or options; 3 nothing usable (every input rejected, or a fatal error).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from dateline import __version__
from dateline.errors import DatelineError
from dateline.model import Confidence, RunReport
from dateline.options import Options

F = TypeVar("F", bound=Callable[..., Any])
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3


def parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD") from None


def output_option(func: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE instead of standard output.",
    )(func)


def offsets_option(func: F) -> F:
    return click.option(
        "--offsets",
        type=click.Choice(["cleaned", "original"]),
        default="cleaned",
        show_default=True,
        help="Report spans in the cleaned text or the file as read.",
    )(func)


def input_options(func: F) -> F:
    func = click.option(
        "--manifest",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="CSV or JSONL with path, date, source, url, title.",
    )(func)
    func = click.option(
        "--use-mtime", is_flag=True, help="Use file modification times as estimated dates."
    )(func)
    func = click.option(
        "--anchor",
        "anchor",
        default="inferred",
        show_default=True,
        type=click.Choice(["explicit", "inferred", "estimated"]),
        help="Weakest publication date that anchors the timeline.",
    )(func)
    func = click.option(
        "--workers",
        type=int,
        default=0,
        show_default=True,
        help="Processes for annotation (0: all cores).",
    )(func)
    return click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786) for scale-out.",
    )(func)


def handle_errors(func: F) -> F:
    """Map dateline's errors to one line on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatelineError as err:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"dateline: error: {err}", err=True)
            sys.exit(EXIT_USAGE if "Config" in type(err).__name__ else EXIT_NOTHING)

    return wrapper  # type: ignore[return-value]


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")


def report_and_exit(report: RunReport, n_articles: int, weak: int) -> None:
    """Summarise the run report on stderr and exit with the code it calls for."""
    parts = [f"{len(report.accepted)} accepted", f"{len(report.rejected)} rejected"]
    if weak:
        parts.append(f"{weak} without an anchoring publication date")
    click.echo(f"dateline: {', '.join(parts)}", err=True)
    for rec in report.rejected:
        click.echo(f"  rejected {rec.path}: {rec.reason}", err=True)
    if n_articles == 0:
        sys.exit(EXIT_NOTHING)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def make_options(**kwargs: Any) -> Options:
    anchor = kwargs.pop("anchor", None)
    if anchor:
        kwargs["anchor_confidence"] = Confidence(anchor)
    keywords = kwargs.pop("keywords", None)
    if keywords:
        kwargs["keywords"] = tuple(k for k in keywords.split(",") if k.strip())
    return Options(**{k: v for k, v in kwargs.items() if v is not None})


@click.group()
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
def main(debug: bool, verbose: bool) -> None:
    """Turn a pile of news articles into a dated, sourced timeline and briefing."""
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True
)
@output_option
@input_options
@handle_errors
def articles(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dates", type=int, help="Number of dates L (default: chosen from the corpus).")
@click.option("--sentences", type=int, help="Sentences per date K (default: chosen).")
@click.option("--keywords", help="Comma-separated; summary sentences must contain one.")
@click.option("--about", help="Focus the timeline on an entity or topic.")
@click.option("--start", callback=parse_day, help="First date (YYYY-MM-DD).")
@click.option("--end", callback=parse_day, help="Last date (YYYY-MM-DD).")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md", "tilse"]), default="json", show_default=True
)
@output_option
@offsets_option
@input_options
@handle_errors
def timeline(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """Build a dated, sourced timeline from articles."""
    from dateline.pipeline import build_corpus
    from dateline.render import render_tilse, render_timeline_markdown, timeline_to_dict, to_json
    from dateline.timeline import build_timeline

    opts = make_options(**kwargs)
    corpus = build_corpus(paths, opts)
    result = build_timeline(corpus, opts)
    if fmt == "json":
        text = to_json(timeline_to_dict(result, corpus, opts))
    elif fmt == "md":
        text = render_timeline_markdown(result, corpus, opts)
    else:
        text = render_tilse(result, corpus)
    write_output(text, output)
    weak = sum(not a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles)
    report_and_exit(corpus.report, len(corpus.articles), weak)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=parse_day, help="Publication date to resolve against.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
@click.option(
    "--offsets",
    type=click.Choice(["cleaned", "original"]),
    default="original",
    show_default=True,
    help="Offsets into the file as read, or the cleaned text.",
)
@output_option
@handle_errors
def dates(file: Path, dct: dt.date | None, fmt: str, offsets: str, output: Path | None) -> None:
    """Find every time expression in FILE, resolved against its publication date."""
    from dateline.commands import dates_command

    write_output(dates_command(file, dct, fmt, offsets), output)


@main.group(name="eval")
def evaluate() -> None:
    """Measure dateline against reference data."""


@evaluate.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, path_type=Path))
@handle_errors
def eval_timex(directory: Path) -> None:
    """Time-expression extraction and normalisation on TimeML files."""
    from dateline.evaluate.timeml import evaluate_timeml, iter_timeml_files, render_timex_scores

    scores = evaluate_timeml(iter_timeml_files(directory))
    click.echo(render_timex_scores(scores))


@evaluate.command(name="tls")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--topics", help="Comma-separated topic names (default: all).")
@handle_errors
def eval_tls(directory: Path, topics: str | None) -> None:
    """Timeline summarization on a Timeline17-style dataset (news-tls protocol)."""
    from dateline.commands import eval_tls_command

    click.echo(eval_tls_command(directory, topics.split(",") if topics else None))


# Command groups that live in their own modules import helpers from this one, so they
# are registered after it is defined.
from dateline.cli_brief import brief_command, eval_mds_command, summarize_command  # noqa: E402

main.add_command(summarize_command, name="summarize")
main.add_command(brief_command, name="brief")
evaluate.add_command(eval_mds_command, name="mds")

if __name__ == "__main__":  # pragma: no cover
    main()
