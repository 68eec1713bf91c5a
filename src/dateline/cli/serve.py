"""``dateline serve``: the local web app over a store (see dateline/serve/ and
docs/web-app.md). Registered on the main group in cli/app.py."""

from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path

import click

from dateline.cli.common import handle_errors
from dateline.errors import InputError
from dateline.store import DEFAULT_PATH


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


SWITCH_INTERVAL_S = 0.0005  # Python's default is 0.005


@click.command(name="serve")
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_PATH,
    show_default=True,
    help="The corpus store to serve (made by 'dateline add').",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback lets other machines in.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on (0: any free port).")  # fmt: skip
@click.option(
    "--read-only",
    is_flag=True,
    help="Refuse every change (curation) with 403; search, read and export only.",
)
@handle_errors
def serve_command(store: Path, host: str, port: int, read_only: bool) -> None:
    """Serve a local web app over a store: search, timelines, briefings, articles with
    their date provenance, CSV downloads and curation."""
    import uvicorn

    from dateline.serve import create_app

    if not store.is_file():
        raise InputError(
            str(store), "no such store", f"create it with 'dateline add PATH --store {store}'"
        )
    app = create_app(store, read_only=read_only, host=host)
    if not _is_loopback(host):
        click.echo(
            f"dateline: warning: serving on {host}: other machines can reach this app "
            "(and, without --read-only, change the store)",
            err=True,
        )
    if port == 0:  # a free port, named in the message below
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.bind((host, 0))
            port = int(sock.getsockname()[1])
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dateline: serving {store} at http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    # Timeline builds are CPU-bound Python in worker threads; a finer GIL switch lets a
    # search (milliseconds of work) through between their slices instead of queueing.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
