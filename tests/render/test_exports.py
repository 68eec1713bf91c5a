"""TimelineJS (JSON and its Google Sheets CSV) and the entries CSV: the fields TimelineJS3
documents, escaped HTML, and cells a spreadsheet never runs as formulas."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

from dateline.options import Options
from dateline.render.exports import (
    TIMELINEJS_COLUMNS,
    safe_cell,
    timeline_to_csv,
    timeline_to_timelinejs,
    timeline_to_timelinejs_csv,
)
from dateline.timeline import build_timeline
from tests.builders import SYRIA, run_cli
from tests.render.test_html import hostile_corpus

# TimelineJS3's JSON format: a slide has "text" {headline, text}; an event needs
# "start_date" with a "year"; dates are {year, month, day, ...}; "eras" need both dates.
EVENT_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date",
                "background", "autolink", "unique_id"}  # fmt: skip
DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond",
               "display_date"}  # fmt: skip


def _check_date(date: dict[str, int]) -> None:
    assert set(date) <= DATE_FIELDS and isinstance(date["year"], int)
    assert 1 <= date.get("month", 1) <= 12 and 1 <= date.get("day", 1) <= 31


def test_timelinejs_has_the_documented_shape() -> None:
    corpus = hostile_corpus()
    timeline = build_timeline(corpus, Options())
    data = json.loads(json.dumps(timeline_to_timelinejs(timeline, corpus)))
    assert set(data) <= {"title", "events", "eras", "scale"}
    assert data["title"]["text"]["headline"] and data["events"]
    ids = [e["unique_id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    for event in data["events"]:
        assert set(event) <= EVENT_FIELDS
        _check_date(event["start_date"])
        assert event["text"]["headline"] and event["text"]["text"].startswith("<p>")
        assert event["group"] in {"Story", "Background", "Ahead"}
    for era in data.get("eras", []):
        _check_date(era["start_date"])
        _check_date(era["end_date"])


def test_timelinejs_escapes_article_text_and_drops_unsafe_links() -> None:
    corpus = hostile_corpus()
    evil = corpus.article("evil")
    corpus = dataclasses.replace(
        corpus,
        articles=(dataclasses.replace(evil, url="javascript:alert(1)"), *corpus.articles[1:]),
    )
    timeline = build_timeline(corpus, Options())
    page = json.dumps(timeline_to_timelinejs(timeline, corpus))
    csv_text = timeline_to_timelinejs_csv(timeline, corpus)
    for output in (page, csv_text):
        assert "<script" not in output and "<img" not in output
        assert "javascript:" not in output
    assert "&lt;" in page  # the hostile markup is there, as text


def test_timelinejs_csv_has_the_sheet_template_columns() -> None:
    corpus = hostile_corpus()
    timeline = build_timeline(corpus, Options())
    rows = list(csv.reader(io.StringIO(timeline_to_timelinejs_csv(timeline, corpus))))
    assert tuple(rows[0]) == TIMELINEJS_COLUMNS and len(TIMELINEJS_COLUMNS) == 18
    assert all(len(r) == 18 for r in rows)
    kinds = [r[TIMELINEJS_COLUMNS.index("Type")] for r in rows[1:]]
    assert kinds[0] == "title"
    events = [r for r in rows[1:] if r[TIMELINEJS_COLUMNS.index("Type")] == ""]
    assert len(events) == len(timeline.entries) + len(timeline.background) + len(timeline.ahead)
    assert all(re.fullmatch(r"\d{4}", r[0]) for r in events)


def test_cells_that_start_like_formulas_are_text() -> None:
    for formula in ("=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\t=1"):
        assert safe_cell(formula).startswith("'")
    assert safe_cell("Talks resumed") == "Talks resumed" and safe_cell(None) == ""


def test_entries_csv_rows_slice_back_to_their_text() -> None:
    corpus = hostile_corpus()
    timeline = build_timeline(corpus, Options())
    rows = list(csv.DictReader(io.StringIO(timeline_to_csv(timeline, corpus, Options()))))
    assert rows
    for row in rows:
        article = corpus.article(row["article_id"])
        sliced = article.text[int(row["start"]) : int(row["end"])]
        assert " ".join(sliced.split()) == row["text"].lstrip("'")


def test_the_cli_writes_each_export(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("timelinejs", "timelinejs-csv", "csv"):
        out = tmp_path / f"t.{fmt}"
        result = run_cli("timeline", str(SYRIA), "--format", fmt, "-o", str(out), cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        assert out.stat().st_size > 200
    assert json.loads((tmp_path / "t.timelinejs").read_text())["events"]


def test_brief_writes_quotes_figures_and_timeline_csvs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief"
    result = run_cli("brief", str(SYRIA), "-o", str(out), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    briefing = json.loads((out / "briefing.json").read_text())
    texts = {a["id"]: a for a in briefing["articles"]}
    quotes = list(csv.DictReader((out / "quotes.csv").open(encoding="utf-8")))
    assert len(quotes) == sum(len(g["quotes"]) for g in briefing["quotes"]) > 0
    assert {q["role"] for q in quotes} <= {"newsmaker", "journalist", "outlet", "commenter",
                                           "place", "other"}  # fmt: skip
    figures = list(csv.DictReader((out / "figures.csv").open(encoding="utf-8")))
    assert any(f["category"] == "killed" and f["value"] == "93000" for f in figures)
    assert all(f["article_id"] in texts for f in figures)
    assert list(csv.DictReader((out / "timeline.csv").open(encoding="utf-8")))
