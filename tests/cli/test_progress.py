"""Every long command draws progress on a terminal and nothing in a pipe."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import SYRIA
from tests.evaluate.test_timeml import TINY
from tests.test_progress import _run_on_a_terminal

DAYS = ["2013-05-13", "2014-02-01", "2013-12-21", "2013-10-07", "2013-07-05"]


def _args(command: str, tmp_path: Path) -> tuple[list[str], str]:
    """The command line, and what its bar counts."""
    if command == "eval timex":
        (tmp_path / "tml").mkdir()
        for n in range(3):
            (tmp_path / "tml" / f"d{n}.tml").write_text(TINY, encoding="utf-8")
        return ["eval", "timex", str(tmp_path / "tml")], "3/3 TimeML documents"
    if command == "eval dating":
        for path, day in zip(sorted(SYRIA.glob("*.txt")), DAYS, strict=True):
            folder = tmp_path / "t17" / "syria" / "articles" / day
            folder.mkdir(parents=True)
            shutil.copy(path, folder)
        return ["eval", "dating", str(tmp_path / "t17")], "1/1 topics dated"
    extra = ["--store", str(tmp_path / "s.db")] if command == "add" else ["--no-cache"]
    if command in ("quotes", "actors"):
        extra = []
    return [command, str(SYRIA), "--workers", "1", *extra], "5/5 "


@pytest.mark.parametrize("command", ["add", "timeline", "quotes", "actors", "eval timex",
                                     "eval dating"])  # fmt: skip
def test_progress_on_a_terminal_none_in_a_pipe(tmp_path: Path, command: str) -> None:
    args, counted = _args(command, tmp_path)
    on_terminal = _run_on_a_terminal(args, tmp_path)
    assert "\r" in on_terminal and counted in on_terminal, on_terminal
    if command == "add":
        (tmp_path / "s.db").unlink()
    piped = subprocess.run(
        [sys.executable, "-c", "from dateline.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**{k: v for k, v in os.environ.items() if k != "CI"}, "DATELINE_PROGRESS_AFTER": "0"},
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert "\r" not in piped.stderr and "[=" not in piped.stderr and counted not in piped.stderr
