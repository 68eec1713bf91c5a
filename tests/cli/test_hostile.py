"""Hostile and broken inputs through the command line (issue 17): real processes, files
and stores. Each case crashed, lost data or said nothing before its fix."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders import run_cli as run

BODY = "The council met on Monday and agreed to build a new bridge over the river next year."


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
    pubs = {a["id"]: a["pub_date"] for a in doc["articles"]}
    dates = {key: pub["value"] for key, pub in pubs.items()}
    # The 9999 dates are dropped; the content may still place the article (issue 15).
    for key in ("far", "c.txt"):
        assert dates[key] is None or pubs[key]["source"] == "content", pubs[key]
        assert dates[key] is None or dates[key] < "2014"
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


@pytest.mark.slow
def test_an_article_over_a_million_chars_leaves_quotes_for_everyone(tmp_path: Path) -> None:
    para = '"We will rebuild bridge {}," said Mayor John Smith on Monday in Springfield.'
    paras = [para.format(i) for i in range(1_050_000 // len(para))]  # cleaning drops repeats
    (tmp_path / "long.txt").write_text("January 5, 2013\n\n" + "\n\n".join(paras) + "\n")
    (tmp_path / "short.txt").write_text(
        'January 6, 2013\n\n"It is over," said Jane Doe of the UN on Monday in Geneva.\n'
    )
    out = tmp_path / "quotes.json"
    result = run("quotes", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), "-o", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    doc = json.loads(out.read_text())
    found = {a["path"].rsplit("/", 1)[-1]: a["quotes"] for a in doc["articles"]}
    assert len(found["long.txt"]) > 1000 and found["short.txt"]
    assert doc["failures"] == []


# -- outputs never destroy inputs (item 9) ---------------------------------------------


def test_output_over_an_input_file_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"January 5, 2013\n\n{BODY}\n")
    before = article.read_bytes()
    result = run("articles", str(article), "-o", str(article))
    assert result.returncode == 2
    assert "is an input of this run" in result.stderr and "Traceback" not in result.stderr
    assert article.read_bytes() == before


def test_timeline_output_over_its_store_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(f"January 5, 2013\n\n{BODY}\n")
    store = tmp_path / "corpus.db"
    assert run("add", "--store", str(store), str(article.parent)).returncode == 0
    before = store.read_bytes()
    for args in (["--store", str(store)], [str(article.parent)]):  # as the store, as SQLite
        result = run("timeline", *args, "-o", str(store))
        assert result.returncode == 2, result.stderr
        assert store.read_bytes() == before


def test_outputs_are_written_atomically(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"January 5, 2013\n\n{BODY}\n")
    out = tmp_path / "out" / "articles.json"
    assert run("articles", str(article), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["articles"]
    assert [p.name for p in out.parent.iterdir()] == ["articles.json"]  # no temporary left


# -- environment errors: one line, the fix, exit 4 (item 14) -----------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="dateline-env-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o777)
    shutil.rmtree(folder)


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """As ``run``, but as a user without root's power to write anywhere."""
    drop = (
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    )
    if drop and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return subprocess.run(
        [*drop, sys.executable, "-m", "dateline.cli", *args],
        capture_output=True, text=True, timeout=600, check=False, cwd=cwd,
    )  # fmt: skip


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 4, result.stderr
    assert "Traceback" not in result.stderr
    line = next(x for x in result.stderr.splitlines() if x.startswith("dateline: error:"))
    assert all(w in line for w in words), line


def test_read_only_store_is_an_environment_error(shared_tmp: Path) -> None:
    (shared_tmp / "a.txt").write_text(f"January 5, 2013\n\n{BODY}\n")
    (shared_tmp / "b.txt").write_text(f"January 6, 2013\n\n{BODY.replace('bridge', 'road')}\n")
    store = shared_tmp / "corpus.db"
    assert run("add", "--store", str(store), str(shared_tmp / "a.txt")).returncode == 0
    store.chmod(0o444)
    added = run_unprivileged("add", "--store", str(store), str(shared_tmp / "b.txt"),
                             cwd=shared_tmp)  # fmt: skip
    _one_line_error(added, "corpus.db", "writable")
    folder = shared_tmp / "ro"
    folder.mkdir()
    shutil.copy(store, folder / "corpus.db")
    folder.chmod(0o555)
    read = run_unprivileged("timeline", "--store", str(folder / "corpus.db"), cwd=shared_tmp)
    _one_line_error(read, "corpus.db", "writable")
    assert "not a dateline store" not in read.stderr


def test_unwritable_output_is_an_environment_error(shared_tmp: Path) -> None:
    (shared_tmp / "a.txt").write_text(f"January 5, 2013\n\n{BODY}\n")
    folder = shared_tmp / "ro"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    result = run_unprivileged("articles", "a.txt", "-o", str(folder / "x.json"), cwd=shared_tmp)
    _one_line_error(result, "x.json", "cannot be written")


def test_read_only_cache_folder_is_skipped(shared_tmp: Path) -> None:
    (shared_tmp / "a.txt").write_text(f"January 5, 2013\n\n{BODY}\n")
    assert run("timeline", "a.txt", cwd=shared_tmp).returncode in (0, 3)  # makes the cache
    for path in (shared_tmp / ".dateline").rglob("*"):
        path.chmod(0o555 if path.is_dir() else 0o444)
    (shared_tmp / ".dateline").chmod(0o555)
    result = run_unprivileged("timeline", "a.txt", cwd=shared_tmp)
    assert result.returncode in (0, 3) and "Traceback" not in result.stderr, result.stderr
    assert "error" not in result.stderr
    assert json.loads(result.stdout)["articles"]


def test_unreachable_scheduler_is_an_environment_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"January 5, 2013\n\n{BODY}\n")
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    result = subprocess.run(
        [sys.executable, "-m", "dateline.cli", "timeline", str(tmp_path / "a.txt"),
         "--no-cache", "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, timeout=300, check=False, env=env,
    )  # fmt: skip
    _one_line_error(result, "tcp://127.0.0.1:9", "scheduler")


EVIL = "x\x1b]0;pwned\x07\u202eevil"
TERMINAL_BAD = ("\x1b", "\x07", "\u202e")


def test_file_names_and_titles_reach_stderr_without_escapes(tmp_path: Path) -> None:
    """An OSC sequence that sets the window title and a right-to-left override, in a file
    name, an id and a title: stderr shows them as ``\\xNN`` and ``\\uNNNN``, never raw."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{EVIL}.txt").write_text("")  # rejected: named in the run report
    records = [
        {"id": EVIL, "title": EVIL, "date": "2013-10-02", "text": ""},
        {"id": f"{EVIL}2", "title": EVIL, "date": "2013-10-02", "text": BODY},
    ]
    (folder / f"{EVIL}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run("articles", str(folder))
    assert result.returncode == 1
    assert "rejected" in result.stderr and "\\x1b]0;pwned\\x07\\u202eevil.txt" in result.stderr
    for bad in TERMINAL_BAD:
        assert bad not in result.stderr, repr(bad)
    clobber = folder / f"{EVIL}.txt"  # an error message naming the file
    refused = run("articles", str(clobber), "-o", str(clobber))
    assert refused.returncode == 2 and "is an input of this run" in refused.stderr
    for bad in TERMINAL_BAD:
        assert bad not in refused.stderr, repr(bad)


def test_click_errors_naming_a_path_carry_no_escape_sequences() -> None:
    hostile = "/nope\x1b]0;pwned\x07\u202e.txt"
    result = run("eval", "mds", hostile)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\u202e" not in result.stderr
    assert run("--version").returncode == 0
    assert run("timeline").returncode == 2
