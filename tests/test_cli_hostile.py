"""Hostile and broken inputs through the command line (issue 17): real processes, files
and stores. Each case crashed, lost data or said nothing before its fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BODY = "The council met on Monday and agreed to build a new bridge over the river next year."


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def absurd(tmp_path: Path) -> Path:
    """A record dated 9999-12-31, one dated 2013, a header in 9999, a yearless dateline."""
    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {"id": "far", "date": "9999-12-31", "text": BODY},
        {"id": "near", "date": "2013-10-02", "text": BODY.replace("bridge", "road")},
    ]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (folder / "b.txt").write_text(f"PARIS, October 7 (Reuters) - {BODY.replace('river', 'sea')}\n")
    (folder / "c.txt").write_text(f"December 31, 9999\n\n{BODY.replace('bridge', 'tower')}\n")
    return folder


def test_absurd_dates_are_reported_never_a_crash(absurd: Path) -> None:
    result = run("articles", str(absurd))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    dates = {a["id"]: a["pub_date"]["value"] for a in doc["articles"]}
    assert dates["far"] is None and dates["c.txt"] is None
    assert dates["near"] == "2013-10-02"
    warned = {r["article_id"]: r["warnings"] for r in doc["report"]["inputs"]}
    assert any("9999-12-31 is implausible" in w for w in warned["far"])
    assert any("9999-12-31 is implausible" in w for w in warned["c.txt"])


def test_absurd_dates_do_not_poison_the_store(absurd: Path, tmp_path: Path) -> None:
    store = tmp_path / "corpus.db"
    assert run("add", "--store", str(store), str(absurd)).returncode == 0
    for _ in range(2):  # every later timeline from the store works
        result = run("timeline", "--store", str(store))
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["timeline"] is not None
    brief = run("brief", str(absurd), "-o", str(tmp_path / "brief"))
    assert brief.returncode == 0, brief.stderr
