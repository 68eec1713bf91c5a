"""The command line on inputs as they come: '-' (standard input), URLs, --urls, .gz."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.builders import SYRIA
from tests.ingest.webserver import demo_pages, serving

AP = SYRIA / "001_a3d8366b8ce0ad3d.txt"  # "2/1/2014" in its text


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "no_proxy": "127.0.0.1,localhost"}
    done = subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=600,
        check=False,
        cwd=cwd,
        env=env,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def test_timeline_reads_one_article_from_stdin() -> None:
    result = run("timeline", "-", "--format", "json", stdin=AP.read_bytes())
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    (article,) = doc["articles"]
    assert article["id"] == "<stdin>" and article["path"] == "<stdin>"
    assert article["pub_date"]["value"] == "2014-02-01"  # from its text, as for a file
    entries = doc["timeline"]["entries"]
    assert entries and all(s["article_id"] == "<stdin>" for e in entries for s in e["sentences"])


def test_articles_reads_jsonl_from_stdin_and_add_stores_it(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": name.stem, "text": name.read_text(encoding="utf-8"), "date": day})
        for name, day in zip(
            sorted(SYRIA.glob("*.txt"))[:2], ["2013-05-13", "2014-02-01"], strict=True
        )
    ]
    data = ("\n".join(lines) + "\n").encode()
    listed = run("articles", "-", stdin=data)
    assert listed.returncode == 0, listed.stderr
    got = {a["id"]: a["pub_date"]["value"] for a in json.loads(listed.stdout)["articles"]}
    assert got == {"000_09bd92fac073c3ff": "2013-05-13", "001_a3d8366b8ce0ad3d": "2014-02-01"}
    store = str(tmp_path / "s.db")
    added = run("add", "-", "--store", store, stdin=data)
    assert added.returncode == 0 and "2 new" in added.stdout, added.stdout + added.stderr
    again = run("add", "-", "--store", store, stdin=data)
    assert "0 new" in again.stdout and "2 unchanged" in again.stdout
    brief = run("timeline", "--store", store, "--format", "md")
    assert brief.returncode == 0 and "2014" in brief.stdout


def test_markdown_from_stdin_for_brief(tmp_path: Path) -> None:
    text = "# Talks on Syria\n\n" + AP.read_text(encoding="utf-8")
    result = run("brief", "-", "-o", str(tmp_path / "out"), stdin=text.encode())
    assert result.returncode == 0, result.stderr
    briefing = json.loads((tmp_path / "out" / "briefing.json").read_text())
    assert "<stdin>" in json.dumps(briefing)


def test_add_urls_and_a_urls_file(tmp_path: Path) -> None:
    store = str(tmp_path / "s.db")
    with serving(demo_pages(SYRIA)) as base:
        added = run("add", f"{base}/un-conference.html", f"{base}/missing", "--store", store)
        listing = tmp_path / "urls.txt"
        listing.write_text(f"# pages\n{base}/geneva\n{base}/report.pdf  # a PDF\n")
        timeline = run("timeline", "--urls", str(listing), "--format", "md")
    assert added.returncode == 1, added.stderr
    assert "1 new" in added.stdout and f"rejected {base}/missing: HTTP error 404" in added.stdout
    assert timeline.returncode == 1
    assert f"rejected {base}/report.pdf: not an HTML page" in timeline.stderr
    assert "Syria" in timeline.stdout
    stats = json.loads(run("stats", "--store", store, "--format", "json").stdout)
    assert stats["articles"] == 1 and stats["news_sources"] == {"UN News": 1}


def test_a_url_is_never_read_as_a_path() -> None:
    result = run("articles", "ftp://example.org/a.txt")
    assert result.returncode == 3
    assert "ftp://example.org/a.txt: not an http:// or https:// URL" in result.stderr
    nothing = run("articles")
    assert nothing.returncode == 2 and "--urls FILE" in nothing.stderr


def test_a_folder_of_gz_articles(tmp_path: Path) -> None:
    for path in sorted(SYRIA.glob("*.txt")):
        (tmp_path / (path.name + ".gz")).write_bytes(gzip.compress(path.read_bytes()))
    result = run("articles", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 5
