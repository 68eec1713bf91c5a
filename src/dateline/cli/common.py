"""Options, output and error handling shared by every command of the CLI."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dateline.cli.output import inputs_of, refuse_overwrite, write_atomically
from dateline.errors import ConfigError, DatelineError, EnvironmentProblemError, OutputError
from dateline.escaping import safe_for_terminal
from dateline.model import Confidence, Corpus, RunReport
from dateline.options import Options

if TYPE_CHECKING:
    from dateline.store.results import StoreMemo

F = TypeVar("F", bound=Callable[..., Any])
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_NOTHING = 3
EXIT_ENVIRONMENT = 4  # read-only store or folder, full disk, unreachable scheduler
NOT_ENGLISH = "not English:"  # how dateline.ingest.language's warning starts
BRIEF_FILES = ("briefing.json", "briefing.md", "report.html")


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


# What an output file's extension asks for, when --format is not given.
FORMAT_OF_SUFFIX = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}


def format_for(output: Path | None, formats: Sequence[str]) -> str:
    """The format ``-o FILE``'s extension names, if it is one of ``formats``; else the
    first of them (``-o timeline.md`` writes Markdown, as a user expects)."""
    if output is not None:
        named = FORMAT_OF_SUFFIX.get(output.suffix.lower())
        if named is not None and named in formats:
            return named
    return formats[0]


def format_option(*formats: str, help: str | None = None) -> Callable[[F], F]:
    """``--format``: when it is not given, the one ``-o``'s extension names, else the
    first of ``formats``."""
    known = sorted(s for s, f in FORMAT_OF_SUFFIX.items() if f in formats)
    default = f"from -o's extension ({', '.join(known)}), else {formats[0]}"

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def with_format(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("fmt") is None:
                kwargs["fmt"] = format_for(kwargs.get("output"), formats)
            return func(*args, **kwargs)

        option = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(formats)),
            default=None,
            help=f"{help + ' ' if help else ''}Default: {default}.",
        )
        return option(with_format)  # type: ignore[return-value]

    return decorate


def offsets_option(default: str = "cleaned") -> Callable[[F], F]:
    """``--offsets``: spans in the cleaned text, or in the file as read."""
    return click.option(
        "--offsets",
        type=click.Choice(["cleaned", "original"]),
        default=default,
        show_default=True,
        help="Report spans in the cleaned text or the file as read.",
    )


def timeline_options(func: F) -> F:
    """What shapes a timeline, the same on every command that builds one."""
    for option in reversed((
        click.option("--dates", type=int, help="Number of dates L (default: from the corpus)."),
        click.option("--sentences", type=int, help="Sentences per date K (default: chosen)."),
        click.option("--keywords", help="Comma-separated; summary sentences must contain one."),
        click.option("--start", callback=parse_day, help="First date (YYYY-MM-DD); default: the "
                     "week before the first article."),
        click.option("--end", callback=parse_day, help="Last date (YYYY-MM-DD); default: the "
                     "last article's date."),
        click.option("--no-focus", "story_focus", flag_value=False, default=None,
                     help="Keep every dated mention in the main timeline, history and "
                          "off-story items included."),
    )):  # fmt: skip
        func = option(func)
    return func


class InputPath(click.ParamType[Any]):
    """An input as given: ``-`` (standard input) and URLs stay strings, so a URL is
    never read as a path (a Path would turn its ``//`` into ``/``); the rest are paths."""

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from dateline.ingest.readers import is_virtual

        if isinstance(value, Path) or is_virtual(value):
            return value
        return Path(value)


def paths_argument(func: F) -> F:
    """``PATHS...``: files, folders, ``-`` for standard input, URLs; PATHS or ``--urls``
    must name at least one input."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("paths") and kwargs.get("urls_file") is None:
            raise click.UsageError(
                "give PATHS to read (files, folders, '-' for standard input, URLs) or --urls FILE"
            )
        return func(*args, **kwargs)

    return click.argument("paths", nargs=-1, type=InputPath())(wrapper)  # type: ignore[return-value]


def input_options(func: F) -> F:
    func = click.option(
        "--urls",
        "urls_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Also fetch the web pages this file lists (one URL a line, # comments).",
    )(func)
    func = click.option(
        "--fetch-timeout",
        type=click.FloatRange(min=0, min_open=True),
        help="Seconds a URL may take to answer (default: 20).",
    )(func)
    func = click.option(
        "--manifest",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="CSV or JSONL with path, date, source, url, title.",
    )(func)
    func = click.option(
        "--use-mtime", is_flag=True, help="Use file modification times as estimated dates."
    )(func)
    func = click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        help="Also read files matching this name pattern (repeatable), e.g. '*.log'.",
    )(func)
    func = click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Never read files matching this name pattern (repeatable), e.g. 'draft-*'.",
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
            check_outputs(kwargs)
            return func(*args, **kwargs)
        except DatelineError as err:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"dateline: error: {safe_for_terminal(err, keep_lines=True)}", err=True)
            sys.exit(exit_code_for(err))

    return wrapper  # type: ignore[return-value]


def exit_code_for(err: DatelineError) -> int:
    if isinstance(err, ConfigError | OutputError):
        return EXIT_USAGE
    if isinstance(err, EnvironmentProblemError):
        return EXIT_ENVIRONMENT
    return EXIT_NOTHING


def check_outputs(params: dict[str, Any]) -> None:
    """Before any work: refuse an ``-o`` that would replace an input or a store."""
    inputs = inputs_of(params)
    output = params.get("output")
    if isinstance(output, Path):
        refuse_overwrite(output, inputs)
    folder = params.get("directory")
    if isinstance(folder, Path) and "paths" in params:  # brief -o FOLDER
        for name in BRIEF_FILES:
            refuse_overwrite(folder / name, inputs)


def write_output(text: str, output: Path | None) -> None:
    """To stdout, or to ``output`` atomically, never over an input of the command."""
    if output is None:
        click.echo(text, nl=False)
        return
    ctx = click.get_current_context(silent=True)
    refuse_overwrite(output, inputs_of(ctx.params) if ctx else ())
    write_atomically(text, output)


def report_and_exit(report: RunReport, n_articles: int, weak: int, empty: bool = False) -> None:
    """Summarise the run report on stderr and exit with the code it calls for; ``empty``:
    the articles were read but the result has nothing in it (exit 3, as for no input)."""
    parts = [f"{len(report.accepted)} accepted", f"{len(report.rejected)} rejected"]
    if weak:
        parts.append(f"{weak} without an anchoring publication date")
    foreign = [(r.path, w) for r in report.inputs for w in r.warnings if w.startswith(NOT_ENGLISH)]
    if foreign:
        parts.append(f"{len(foreign)} not in English (kept; dates in the text and quotes not read)")
    click.echo(f"dateline: {', '.join(parts)}", err=True)
    for path, warning in foreign:
        click.echo(f"  warning {safe_for_terminal(path)}: {safe_for_terminal(warning)}", err=True)
    for rec in report.rejected:
        click.echo(
            f"  rejected {safe_for_terminal(rec.path)}: {safe_for_terminal(rec.reason)}", err=True
        )
    if n_articles == 0 or empty:
        sys.exit(EXIT_NOTHING)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def make_options(**kwargs: Any) -> Options:
    """Options from a command's parameters (those left unset keep their defaults)."""
    anchor = kwargs.pop("anchor", None)
    if anchor:
        kwargs["anchor_confidence"] = Confidence(anchor)
    keywords = kwargs.pop("keywords", None)
    if keywords:
        kwargs["keywords"] = tuple(k for k in keywords.split(",") if k.strip())
    return Options(**{k: v for k, v in kwargs.items() if v is not None})


def load_corpus(
    paths: Sequence[Path], opts: Options, cache: bool, stages: Sequence[str] | None = None
) -> Corpus:
    """From a store, through the default cache, or straight from the files, with the
    stages named (default: the model-free ones a timeline needs). Without the spaCy
    model, the stages that need it are left out (a briefing says so)."""
    from dateline.pipeline import TIMELINE_STAGES, without_missing_model

    return without_missing_model(
        lambda todo: _load_corpus(paths, opts, cache, todo),
        TIMELINE_STAGES if stages is None else stages,
    )


def _load_corpus(
    paths: Sequence[Path], opts: Options, cache: bool, stages: Sequence[str]
) -> Corpus:
    from dateline.pipeline import build_corpus
    from dateline.store import cache_path_for, cached_build_corpus, corpus_from_store

    if opts.store is not None:
        return corpus_from_store(opts.store, opts, stages=stages)
    if cache:
        try:
            return cached_build_corpus(paths, opts, cache_path_for(paths), stages)
        except (OSError, sqlite3.Error, EnvironmentProblemError) as err:  # read-only: no cache
            logging.getLogger(__name__).warning("cache not used: %s", safe_for_terminal(err))
    return build_corpus(paths, opts, stages)


def corpus_memo(paths: Sequence[Path], opts: Options) -> StoreMemo:
    """Where a command keeps its corpus stages' results: the store it read the corpus
    from, or the default cache of these paths (:mod:`dateline.memo`)."""
    from dateline.store import cache_path_for, open_memo

    return open_memo(opts.store if opts.store is not None else cache_path_for(paths))
