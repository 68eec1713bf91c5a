"""``dateline add`` / ``stats`` as real processes, including one killed with SIGKILL."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.pipeline import TIMELINE_STAGES
from tests.builders import SYRIA
from tests.store.test_core import make_many_articles

COMMAND = [sys.executable, "-m", "dateline.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, timeout=600, check=False
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = ("articles", "sources", "annotations", "files", "minhash_bands", "rejected")
        found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        found["fts"] = conn.execute("SELECT count(*) FROM article_fts").fetchone()[0]
        return found


def test_add_then_stats(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = run("add", str(SYRIA), "--store", str(db), "--workers", "1")
    assert first.returncode == 0, first.stderr
    assert "5 new, 0 changed, 0 unchanged" in first.stdout
    second = run("add", str(SYRIA), str(tmp_path / "missing"), "--store", str(db))
    assert second.returncode == 1  # an input was rejected
    assert "0 new, 0 changed, 5 unchanged" in second.stdout
    assert "rejected" in second.stdout and "no such file" in second.stdout
    assert second.stderr == ""  # no progress bar in a pipe
    stats = run("stats", "--store", str(db), "--format", "json")
    data = json.loads(stats.stdout)
    assert data["articles"] == 5 and data["annotated"] == 5
    assert data["first_date"] <= data["last_date"]


def test_stats_on_a_missing_store_names_the_fix(tmp_path: Path) -> None:
    result = run("stats", "--store", str(tmp_path / "none.db"))
    assert result.returncode == 3 and "dateline add" in result.stderr


def test_sigkill_mid_add_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = make_many_articles(tmp_path / "many", 250)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    args = ["add", str(folder), "--workers", "1", "--store"]
    proc = subprocess.Popen(
        [*COMMAND, *args, str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        rows_before_kill = wait_for_rows(killed, proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert 0 < rows_before_kill < 250, "the kill should land mid-run"
    at_kill = counts(killed)
    # Each file is recorded done with its last article's batch: the two agree after a kill.
    assert at_kill["files"] == at_kill["sources"] > 0
    rerun = run(*args, str(killed))
    assert rerun.returncode == 0, rerun.stderr
    # The re-run goes on where the killed one stopped: the files done are not read again.
    assert f"{250 - at_kill['files']} new" in rerun.stdout
    assert f"{at_kill['files']} unchanged" in rerun.stdout
    assert run(*args, str(clean)).returncode == 0
    assert counts(killed) == counts(clean)
    assert counts(clean)["articles"] == 250
    assert counts(clean)["annotations"] == 250 * len(TIMELINE_STAGES)  # a row per stage


def wait_for_rows(db: Path, proc: subprocess.Popen[bytes]) -> int:
    """Wait until the writer has committed some batches; return how many sources exist."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                rows: int = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        except sqlite3.Error:  # not created yet
            rows = 0
        if rows >= 64:
            return rows
        time.sleep(0.02)
    raise AssertionError("the writer finished or stalled before it could be killed")


def test_concurrent_adds_with_colliding_ids_both_succeed(tmp_path: Path) -> None:
    """Two folders whose files have the same names (so the same planned ids), added to
    one store by two processes at once: both finish, every input is stored once."""
    n = 150
    for side in ("left", "right"):
        folder = tmp_path / side
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:03d}.txt").write_text(
                f"January {i % 28 + 1}, 2013\n\nThe council of {side} town {i} met on Monday "
                f"and agreed to build a new bridge over river {i}.\n",
                encoding="utf-8",
            )
    db = tmp_path / "corpus.db"
    procs = [
        subprocess.Popen(
            [*COMMAND, "add", str(tmp_path / side), "--workers", "1", "--store", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for side in ("left", "right")
    ]
    outs = [proc.communicate(timeout=600) for proc in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-1500:] for _, err in outs]
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT article_id FROM sources")]
        files = {r[0] for r in conn.execute("SELECT file FROM sources")}
    assert len(ids) == len(set(ids)) == 2 * n
    assert len(files) == 2 * n
    assert counts(db)["articles"] == 2 * n
    assert counts(db)["annotations"] == 2 * n * len(TIMELINE_STAGES)
