"""The command line: argv -> Options -> one API call -> output and an exit code.

Exit codes: 0 all inputs used; 1 some inputs rejected (output still written);
2 bad usage or options (an -o over an input or a store included); 3 nothing usable
(every input rejected, or a fatal error); 4 an environment error (read-only store or
folder, full disk, unwritable -o, unreachable scheduler).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any

import click

from dateline import __version__
from dateline.cli_brief import brief_command, eval_mds_command, summarize_command
from dateline.cli_common import (
    handle_errors,
    input_options,
    load_corpus,
    make_options,
    offsets_option,
    output_option,
    parse_day,
    report_and_exit,
    timeline_options,
    write_output,
)
from dateline.cli_dating import eval_dating_command
from dateline.cli_serve import serve_command
from dateline.cli_store import add_command, check_command, stats_command
from dateline.escaping import safe_for_terminal
from dateline.progress import shown


class SafeGroup(click.Group):
    """click's own errors name the paths and values given ("Path '...' does not exist"):
    shown with control characters neutralised, like everything dateline prints."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("standalone_mode", True) is False:
            return super().main(*args, **kwargs)
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.ClickException as err:
            err.message = safe_for_terminal(err.message)  # type: ignore[misc]  # Final in stubs
            err.show()
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=SafeGroup)
@click.version_option(__version__, prog_name="dateline")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress to stderr.")
@click.pass_context
def main(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Turn a pile of news articles into a dated, sourced timeline and briefing."""
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # Bars on stderr for the long steps of every command (only on a terminal, not in CI).
    ctx.with_resource(shown())


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
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "tilse", "timelinejs", "timelinejs-csv", "csv"]),
    default="json",
    show_default=True,
    help="timelinejs: the JSON TimelineJS3 loads; timelinejs-csv: its Google Sheets "
    "template; csv: one row per entry sentence.",
)
@output_option
@offsets_option()
@input_options
@handle_errors
def timeline(
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
    from dateline.render.markdown import empty_timeline_reason
    from dateline.timeline import build_timeline

    opts = make_options(**kwargs)
    if opts.store is not None and paths:
        raise click.UsageError("give PATHS or --store, not both")
    if opts.store is None and not paths:
        raise click.UsageError("give PATHS to read, or --store DB")
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
    if corpus.articles and not result.entries:
        click.echo(f"dateline: {empty_timeline_reason(result, opts)}", err=True)
        report_and_exit(corpus.report, len(corpus.articles), weak, empty=True)
    report_and_exit(corpus.report, len(corpus.articles), weak)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=parse_day, help="Publication date to resolve against.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True
)
@offsets_option("original")
@output_option
@handle_errors
def dates(file: Path, dct: dt.date | None, fmt: str, offsets: str, output: Path | None) -> None:
    """Find every time expression in FILE, resolved against its publication date."""
    from dateline.commands import dates_command

    write_output(dates_command(file, dct, fmt, offsets), output)


def _people_corpus(paths: tuple[Path, ...], kwargs: dict[str, Any]) -> Any:
    from dateline.pipeline import SPEECH_STAGES

    opts = make_options(**kwargs)
    return opts, load_corpus(paths, opts, cache=True, stages=SPEECH_STAGES)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True
)
@offsets_option("original")
@output_option
@input_options
@handle_errors
def quotes(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """Every quote with its speaker and cue, per article."""
    from dateline.people import quotes_document, render_quotes_markdown
    from dateline.render import to_json

    opts, corpus = _people_corpus(paths, kwargs)
    doc = quotes_document(corpus, opts)
    write_output(to_json(doc) if fmt == "json" else render_quotes_markdown(doc), output)
    report_and_exit(corpus.report, len(corpus.articles), 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md"]), default="json", show_default=True
)
@output_option
@input_options
@handle_errors
def actors(paths: tuple[Path, ...], fmt: str, output: Path | None, **kwargs: Any) -> None:
    """The people and organisations of the story, aliases merged across articles."""
    from dateline.people import actors_document, render_actors_markdown
    from dateline.render import to_json

    _opts, corpus = _people_corpus(paths, kwargs)
    doc = actors_document(corpus)
    write_output(to_json(doc) if fmt == "json" else render_actors_markdown(doc), output)
    report_and_exit(corpus.report, len(corpus.articles), 0)


@main.group(name="eval")
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
    from dateline.commands import eval_tls_command

    click.echo(eval_tls_command(directory, topics.split(",") if topics else None, loto,
                                default_mode))  # fmt: skip


main.add_command(summarize_command, name="summarize")
main.add_command(add_command)
main.add_command(stats_command)
main.add_command(check_command)
main.add_command(brief_command, name="brief")
main.add_command(serve_command)
evaluate.add_command(eval_mds_command, name="mds")
evaluate.add_command(eval_dating_command, name="dating")

if __name__ == "__main__":  # pragma: no cover
    main()
