"""``dateline add``, ``stats`` and ``check``: the corpus store from the command line.

Standalone click commands, registered on the root group in ``cli/app.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from dateline.cli.common import (
    EXIT_NOTHING,
    EXIT_REJECTED,
    NOT_ENGLISH,
    format_option,
    handle_errors,
    input_options,
    make_options,
    paths_argument,
)
from dateline.errors import InputError, StoreDamagedError
from dateline.escaping import safe_for_terminal
from dateline.store import DEFAULT_PATH, AddResult, StoreStats, open_store


def store_option(func: Any) -> Any:
    return click.option(
        "--store",
        type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_PATH,
        show_default=True,
        help="The corpus store (an SQLite file).",
    )(func)


@click.command(name="add")
@paths_argument
@store_option
@input_options
@handle_errors
def add_command(paths: tuple[Path, ...], store: Path, **kwargs: Any) -> None:
    """Add articles to the store: only new or changed ones are cleaned and annotated."""
    opts = make_options(**kwargs)
    with open_store(store) as db:
        result = db.add(paths, opts, progress=True)
    click.echo(render_add(result, store))
    if result.rejected:
        sys.exit(EXIT_REJECTED)


def render_add(result: AddResult, store: Path) -> str:
    lines = [
        f"{store}: {len(result.new)} new, {len(result.changed)} changed, "
        f"{len(result.unchanged)} unchanged, {len(result.duplicates)} duplicates, "
        f"{len(result.rejected)} rejected; {result.annotated} articles annotated",
    ]
    lines += [f"  new {article_id}" for article_id in result.new]
    lines += [f"  changed {article_id}" for article_id in result.changed]
    lines += [f"  duplicate {article_id}" for article_id in result.duplicates]
    lines += [f"  warning {path}: {w}" for path, w in result.warnings if w.startswith(NOT_ENGLISH)]
    lines += [f"  rejected {rec.path}: {rec.reason}" for rec in result.rejected]
    # ids and paths come from file names and records: nothing raw reaches the terminal
    return "\n".join(safe_for_terminal(line) for line in lines)


@click.command(name="check")
@store_option
@handle_errors
def check_command(store: Path) -> None:
    """Check a store thoroughly: every page, index and stored record."""
    from dateline.store.integrity import check_store

    report = check_store(store)
    if report.ok:
        click.echo(
            f"{safe_for_terminal(report.path)}: ok ({report.articles} articles and "
            f"{report.annotations} annotation records read back)"
        )
        return
    click.echo(f"{safe_for_terminal(report.path)}: damaged", err=True)
    for problem in report.problems:
        click.echo(f"  {safe_for_terminal(problem)}", err=True)
    click.echo(f"  fix: {StoreDamagedError.FIX}", err=True)
    sys.exit(EXIT_NOTHING)


@click.command(name="stats")
@store_option
@format_option("text", "json")
@handle_errors
def stats_command(store: Path, fmt: str) -> None:
    """Counts, date range, news sources and rejected inputs of a store."""
    if not store.is_file():
        raise InputError(str(store), "no such store", "create it with 'dateline add PATH'")
    with open_store(store) as db:
        stats = db.stats()
    click.echo(json.dumps(stats_to_dict(stats), indent=2) if fmt == "json" else render_stats(stats))


def stats_to_dict(stats: StoreStats) -> dict[str, Any]:
    return {
        "path": stats.path,
        "articles": stats.articles,
        "sources": stats.sources,
        "annotated": stats.annotated,
        "first_date": stats.first_date.isoformat() if stats.first_date else None,
        "last_date": stats.last_date.isoformat() if stats.last_date else None,
        "undated": stats.undated,
        "near_duplicate_pairs": stats.near_duplicate_pairs,
        "news_sources": dict(stats.news_sources),
        "rejected": [{"path": p, "reason": r} for p, r in stats.rejected],
        "bytes": stats.bytes,
    }


def render_stats(stats: StoreStats) -> str:
    span = f"{stats.first_date} to {stats.last_date}" if stats.first_date else "no dated articles"
    lines = [
        f"store       {stats.path} ({stats.bytes / 1e6:.1f} MB)",
        f"articles    {stats.articles} ({stats.sources} sources, {stats.annotated} annotated, "
        f"{stats.undated} undated)",
        f"dates       {span}",
        f"near-dups   {stats.near_duplicate_pairs} pairs",
        f"rejected    {len(stats.rejected)}",
    ]
    lines += [f"  {path}: {reason}" for path, reason in stats.rejected]
    if stats.news_sources:
        lines.append("news sources")
        lines += [f"  {count:6d}  {source}" for source, count in stats.news_sources]
    return "\n".join(safe_for_terminal(line) for line in lines)
