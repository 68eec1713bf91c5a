"""The root command group; each command family lives in a module of its own.

Every command: argv -> Options -> one API call -> output and an exit code.

Exit codes: 0 all inputs used; 1 some inputs rejected (output still written);
2 bad usage or options (an -o over an input or a store included); 3 nothing usable
(every input rejected, or a fatal error); 4 an environment error (read-only store or
folder, full disk, unwritable -o, unreachable scheduler).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import click

from dateline.cli.brief import brief_command, summarize_command
from dateline.cli.evaluate import evaluate
from dateline.cli.expectations import expectations_command
from dateline.cli.serve import serve_command
from dateline.cli.speech import actors_command, quotes_command
from dateline.cli.store import add_command, check_command, stats_command
from dateline.cli.timeline import articles_command, dates_command, timeline_command
from dateline.escaping import safe_for_terminal
from dateline.progress import shown
from dateline.version import __version__


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


for command in (
    articles_command,
    timeline_command,
    dates_command,
    quotes_command,
    actors_command,
    summarize_command,
    brief_command,
    expectations_command,
    add_command,
    stats_command,
    check_command,
    serve_command,
):
    main.add_command(command)
main.add_command(evaluate)
