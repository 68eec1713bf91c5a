"""Progress: drawn on a terminal only when an application asks, silent in pipes and CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.progress import Progress, shown
from tests.builders import SYRIA


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)


@pytest.mark.usefixtures("outside_ci")
def test_the_library_draws_only_inside_shown() -> None:
    quiet, drawn = FakeTerminal(), FakeTerminal()
    with Progress(3, stream=quiet, quiet_for_s=0) as bar:
        bar.advance(3)
    with shown(), Progress(3, stream=drawn, quiet_for_s=0) as bar:
        bar.advance(3)
    assert quiet.getvalue() == ""
    assert "3/3 articles" in drawn.getvalue()


@pytest.mark.usefixtures("outside_ci")
def test_a_quick_step_leaves_no_trace() -> None:
    stream = FakeTerminal()
    with shown(), Progress(3, stream=stream, quiet_for_s=60) as bar:
        bar.advance(3)
    assert stream.getvalue() == ""


def _run_on_a_terminal(args: list[str], cwd: Path) -> str:
    """stderr of ``dateline args`` run in a real process on a pseudo-terminal."""
    main, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["DATELINE_PROGRESS_AFTER"] = "0"  # draw however fast this machine is
    proc = subprocess.Popen(
        [sys.executable, "-c", "from dateline.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        cwd=cwd,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert proc.wait(timeout=300) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_command_shows_a_bar_on_a_terminal_and_none_in_a_pipe(tmp_path: Path) -> None:
    args = ["brief", str(SYRIA), "-o", str(tmp_path / "out"), "--workers", "1"]
    on_terminal = _run_on_a_terminal(args, tmp_path)
    assert "\r[" in on_terminal and "5/5 articles" in on_terminal
    piped = subprocess.run(
        [sys.executable, "-c", "from dateline.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "CI"},
        check=True,
    )
    assert "\r" not in piped.stderr and "[=" not in piped.stderr
