"""``dateline serve`` as a user runs it: a real process on a loopback port."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.builders import run_cli


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_missing_store_is_one_line_with_the_fix(tmp_path: Path) -> None:
    done = run_cli("serve", "--store", str(tmp_path / "none.db"))
    assert done.returncode == 3
    assert "no such store" in done.stderr and "dateline add PATH --store" in done.stderr
    assert not (tmp_path / "none.db").exists()  # nothing created


def test_serve_read_only_on_loopback(store_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "serve", "--store", str(store_path),
         "--port", str(port), "--read-only"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=30) as reply:
                    assert reply.status == 200
                    assert "6 articles" in reply.read().decode()
                break
            except urllib.error.URLError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        request = urllib.request.Request(
            base + "/curate/date", data=b"id=x&date=2021-01-01", method="POST"
        )
        try:
            urllib.request.urlopen(request, timeout=30)
            raise AssertionError("a POST was accepted by a --read-only server")
        except urllib.error.HTTPError as err:
            assert err.code == 403
            assert "--read-only" in err.read().decode()
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert f"serving {store_path} at http://127.0.0.1:{port}/" in err
