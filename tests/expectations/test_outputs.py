"""The expectations part in every output: the command (json, md, csv), the briefing's
JSON, Markdown and HTML lane, and the evaluation against the annotated set."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import InputError
from dateline.evaluate.expectations import (
    evaluate_expectations,
    load_annotations,
    render_expectation_scores,
)
from tests.builders import ROOT, SYRIA, run_cli
from tests.render.test_json_documented import _documented, _fields

ANNOTATIONS = ROOT / "evaluation" / "expectations"


@pytest.fixture(scope="module")
def briefing_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief")
    result = run_cli("brief", str(SYRIA), "-o", str(out / "b"), cwd=out)
    assert result.returncode in (0, 1), result.stderr
    return out / "b"


def test_the_command_writes_json_with_every_field_documented(tmp_path: Path) -> None:
    result = run_cli("expectations", str(SYRIA), "--format", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "dateline.expectations" and _documented(doc["schema"])
    found: dict[str, set[str]] = {}
    _fields(doc, found)
    assert not [k for k in found if not _documented(k)]
    assert not [v for vs in found.values() for v in vs if not _documented(v)]
    first = doc["expectations"][0]
    assert first["status"] == "happened" and first["articles"] == 4
    exp = first["expectations"][0]
    article = next(a for a in doc["articles"] if a["id"] == exp["article_id"])
    assert article["pub_date"]["confidence"] == exp["reported_confidence"] == "estimated"


def test_the_command_writes_markdown_and_formula_safe_csv(tmp_path: Path) -> None:
    md = run_cli("expectations", str(SYRIA), "--format", "md", cwd=tmp_path)
    assert md.returncode in (0, 1), md.stderr
    assert md.stdout.startswith("# Expectations")
    assert "**2013-08 or later** (possible, John Kerry)" in md.stdout
    assert "reported 2013-05-23 (estimated)" in md.stdout  # an estimated date says so
    assert "**Happened** (2014-01-31, timeline)" in md.stdout
    out = tmp_path / "x.csv"
    result = run_cli("expectations", str(SYRIA), "--format", "csv", "-o", str(out), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {"2013-W45", "2013-08/..", "2014-02-10"} <= {r["time_value"] for r in rows}
    assert all(not r["sentence"].startswith(("=", "+", "-", "@")) for r in rows)


def test_the_briefing_carries_the_chains_apart_from_the_timeline(briefing_dir: Path) -> None:
    doc: dict[str, Any] = json.loads((briefing_dir / "briefing.json").read_text("utf-8"))
    values = [e["time"]["value"] for e in doc["expectations"][0]["expectations"]]
    assert "2013-W45" in values and "2014-02-10" in values
    assert "expectations" not in doc["timeline"]
    md = (briefing_dir / "briefing.md").read_text("utf-8")
    assert md.index("## Timeline") < md.index("## Expectations") < md.index("## Sources")
    html = (briefing_dir / "report.html").read_text("utf-8")
    lane = html[html.index('<section id="expectations">') :]
    lane = lane[: lane.index("</section>")]
    assert "<polyline" in lane and "2013-W45" in lane and "held 2014-01-31" in lane


def test_the_demo_annotations_score_as_measured() -> None:
    golds = load_annotations([ANNOTATIONS / "demo.jsonl"])
    assert len(golds) == 5 and sum(len(g.expectations) for g in golds) >= 20
    counts = evaluate_expectations(golds, ROOT)[("demo", "demo")]
    # Floors from docs/expectations.md; they move up, never silently down.
    assert counts.matched / counts.gold >= 0.85
    assert counts.matched / counts.predicted >= 0.85
    assert counts.links_correct == counts.links_gold == counts.links_predicted > 50
    table = render_expectation_scores({("demo", "demo"): counts})
    assert table.splitlines()[0].split()[:3] == ["split", "corpus", "gold"]


def test_a_broken_annotation_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "dev.jsonl"
    bad.write_text('{"corpus": "demo", "path": "x.txt"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"dev.jsonl, line 1"):
        load_annotations([bad])


def test_every_annotation_slices_back_to_its_sentence() -> None:
    for gold in load_annotations([ANNOTATIONS]):
        for exp in gold.expectations:
            assert exp.event in exp.sentence and exp.modality in {
                "planned", "expected", "possible", "demanded", "postponed", "cancelled"
            }  # fmt: skip
            assert exp.end - exp.start == len(exp.event)
