"""The command line, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import SHARED_DATA, SYRIA
from tests.builders import run_cli as run


@pytest.fixture(scope="module")
def syria_json() -> dict:
    result = run("timeline", str(SYRIA), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_timeline_json_is_sourced_and_sorted(syria_json: dict) -> None:
    entries = syria_json["timeline"]["entries"]
    days = [e["date"] for e in entries]
    assert days == sorted(set(days)) and len(days) >= 5
    texts = {a["id"]: None for a in syria_json["articles"]}
    for entry in entries:
        for sent in entry["sentences"]:
            assert sent["article_id"] in texts
            assert sent["end"] > sent["start"]


def test_syria_timeline_has_the_key_dates(syria_json: dict) -> None:
    by_day = {
        e["date"]: " ".join(s["text"] for s in e["sentences"])
        for e in syria_json["timeline"]["entries"]
    }
    assert "2013-10-07" in by_day and "Kerry" in by_day["2013-10-07"]
    assert "2013-07-01" in by_day
    # Talks to resume on Feb. 10 were still ahead when the last article (Feb. 1) appeared.
    ahead = {e["date"]: e for e in syria_json["timeline"]["ahead"]}
    assert "2014-02-10" not in by_day and "2014-02-10" in ahead
    assert "Feb. 10" in ahead["2014-02-10"]["sentences"][0]["text"]
    # A June 2012 communique is background to a story reported from July 2013 on.
    background = {e["date"] for e in syria_json["timeline"]["background"]}
    assert "2012-06-30" in background and not any(day < "2013-06" for day in by_day)
    assert syria_json["timeline"]["story"]["last_published"] == "2014-02-01"
    # December 21 has no year: nothing may be dated by guessing it.
    assert not any(day.endswith("-12-21") for day in by_day)
    assert not any(
        s["article_id"].startswith("002") and e["date"] >= "2013-12"
        for e in syria_json["timeline"]["entries"]
        for s in e["sentences"]
        if s["evidence"]["kind"] != "mentions-date"
    )


def test_original_offsets_slice_the_file_as_read() -> None:
    result = run("timeline", str(SYRIA), "--offsets", "original")
    data = json.loads(result.stdout)
    paths = {a["id"]: a["path"] for a in data["articles"]}
    for entry in data["timeline"]["entries"]:
        for sent in entry["sentences"]:
            original = Path(paths[sent["article_id"]]).read_text(encoding="utf-8")
            assert " ".join(original[sent["start"] : sent["end"]].split()) == " ".join(
                sent["text"].split()
            )


def test_markdown_and_tilse_formats(tmp_path: Path) -> None:
    out = tmp_path / "t.md"
    assert run("timeline", str(SYRIA), "--format", "md", "-o", str(out)).returncode == 0
    assert out.read_text().startswith("# Timeline")
    tilse = run("timeline", str(SYRIA), "--format", "tilse", "--dates", "3").stdout
    assert tilse.count("-" * 32) == 3


def test_the_output_extension_names_the_format(tmp_path: Path) -> None:
    """-o timeline.md writes Markdown, .csv CSV; --format, when given, wins."""
    md, csv, forced = tmp_path / "t.md", tmp_path / "t.csv", tmp_path / "forced.md"
    assert run("timeline", str(SYRIA), "-o", str(md)).returncode == 0
    assert md.read_text().startswith("# Timeline")
    assert run("timeline", str(SYRIA), "-o", str(csv)).returncode == 0
    assert csv.read_text().splitlines()[0].startswith("part,date,")
    assert run("timeline", str(SYRIA), "--format", "json", "-o", str(forced)).returncode == 0
    assert json.loads(forced.read_text())["schema"] == "dateline.timeline"


def test_articles_command_reports_dates() -> None:
    data = json.loads(run("articles", str(SYRIA)).stdout)
    dates = {a["id"][:3]: a["pub_date"] for a in data["articles"]}
    assert dates["001"]["value"] == "2014-02-01" and dates["001"]["confidence"] == "inferred"
    # 000 names no date: estimated from its content (issue 15), never silently anchoring.
    assert dates["000"]["confidence"] == "estimated" and dates["000"]["source"] == "content"
    assert [i[:3] for i in data["report"]["dates_estimated"]] == ["000"]
    assert data["report"]["accepted"] == 5


def test_dates_command_uses_original_offsets() -> None:
    path = next(SYRIA.glob("004_*.txt"))
    rows = json.loads(run("dates", str(path)).stdout)
    original = path.read_text(encoding="utf-8")
    monday = next(r for r in rows if r["text"] == "Monday")
    assert monday["value"] == "2013-07-01"
    for row in rows:
        assert original[row["start"] : row["end"]] == row["text"]
    rows = json.loads(run("dates", str(path), "--dct", "2013-07-12").stdout)
    assert next(r for r in rows if r["text"] == "Monday")["value"] == "2013-07-08"


def test_an_empty_timeline_says_why_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministers met in Geneva to discuss the peace plan.")
    result = run("timeline", str(tmp_path), "--format", "md")
    assert result.returncode == 3
    assert "No dated events found" in result.stderr and "No dated events found" in result.stdout


def test_rejected_inputs_set_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(
        "On 5 May 2013 the ministers met in Geneva to discuss the peace plan."
    )
    (tmp_path / "empty.txt").write_text("")
    result = run("timeline", str(tmp_path))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert json.loads(result.stdout)["report"]["rejected"] == 1
    nothing = run("timeline", str(tmp_path / "empty.txt"))
    assert nothing.returncode == 3


def test_bad_options_are_one_line_errors() -> None:
    result = run("timeline", str(SYRIA), "--dates", "0")
    assert result.returncode == 2
    assert "--dates must be at least 1" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("timeline", str(SYRIA), "--start", "2014-13-01")
    assert result.returncode == 2


@pytest.mark.skipif(not (SHARED_DATA / "t17-dev").exists(), reason="needs ../shared/data")
def test_timeline17_topic_runs_in_tilse_format() -> None:
    result = run(
        "timeline",
        str(SHARED_DATA / "t17-dev" / "egypt" / "articles"),
        "--format",
        "tilse",
        "--keywords",
        "egypt,egyptian",
    )
    # Two files of the egypt topic are empty: rejected with a reason, exit code 1.
    assert result.returncode == 1, result.stderr
    assert "EgyptianProtest_cnn-175.htm.txt: the file is empty" in result.stderr
    blocks = result.stdout.strip().split("-" * 32)
    assert len(blocks) > 10
    years = [b.strip()[:4] for b in blocks if b.strip()]
    assert sum(y == "2011" for y in years) >= 0.8 * len(years)
