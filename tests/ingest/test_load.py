"""Golden tests on the Syria example, and behaviour on bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from dateline.ingest import load_articles
from dateline.model import Confidence, InputStatus
from dateline.options import Options
from tests.builders import SHARED_DATA, SYRIA


@pytest.fixture(scope="module")
def syria() -> dict[str, object]:
    loaded = load_articles([SYRIA])
    return {a.id[:3]: a for a in loaded.articles}


def test_syria_publication_dates_match_what_the_texts_establish(syria: dict) -> None:
    # 000 names no date at all: placed by its content, estimated, in May 2013.
    assert syria["000"].pub_date.confidence is Confidence.ESTIMATED
    assert syria["000"].pub_date.source == "content"
    assert syria["001"].pub_date.value == dt.date(2014, 2, 1)
    assert syria["001"].pub_date.confidence is Confidence.INFERRED
    assert syria["004"].pub_date.value == dt.date(2013, 7, 5)
    assert syria["004"].pub_date.time == "17:00"
    assert syria["003"].pub_date.value == dt.date(2013, 10, 7)
    assert syria["003"].pub_date.confidence is Confidence.INFERRED
    # December 21 names no year and no weekday, and no dated article settles one:
    # the year stays unknown rather than guessed from the corpus's range.
    assert not syria["002"].pub_date.anchors(Confidence.INFERRED)
    assert syria["002"].pub_date.partial == "XXXX-12-21"
    assert syria["002"].pub_date.value is None


def test_syria_titles_sources_and_places(syria: dict) -> None:
    assert syria["001"].title.startswith("UN chief Ban presses US, Russia")
    assert syria["001"].source == "Associated Press"
    assert syria["003"].source == "TASS" and syria["003"].place == "BALI, Indonesia"
    assert syria["002"].place == "UNITED NATIONS"
    assert syria["004"].title == "US and Russia 'making progress' on Syria peace talks"


def test_bad_files_are_rejected_with_reasons_and_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "BERLIN - The talks ended on Friday with no progress at all."
    )
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 20)
    (tmp_path / "short.txt").write_text("Hi there")
    (tmp_path / "latin.txt").write_bytes(
        "Caf\xe9 owners in Paris said the strike was over now.".encode("cp1252")
    )
    (tmp_path / "records.jsonl").write_text(
        json.dumps(
            {
                "id": "r1",
                "text": "The ministers met in Geneva to discuss the plan.",
                "time": "2013-05-07 00:00:00",
                "title": "Geneva",
            }
        )
        + "\n"
        + "{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
    )
    loaded = load_articles([tmp_path, tmp_path / "missing.txt"])
    by_path = {
        Path(r.path.split("#")[0]).name + ("#" + r.path.split("#")[1] if "#" in r.path else ""): r
        for r in loaded.report.inputs
    }
    assert by_path["good.txt"].status is InputStatus.ACCEPTED
    assert "empty" in by_path["empty.txt"].reason
    assert "binary" in by_path["binary.txt"].reason
    assert "fewer than" in by_path["short.txt"].reason
    assert by_path["latin.txt"].status is InputStatus.ACCEPTED
    assert "cp1252" in by_path["latin.txt"].warnings[0]
    assert by_path["records.jsonl#1"].status is InputStatus.ACCEPTED
    assert "invalid JSON" in by_path["records.jsonl#2"].reason
    assert "text" in by_path["records.jsonl#3"].reason
    assert by_path["missing.txt"].reason == "no such file or folder"
    record = next(a for a in loaded.articles if a.id == "r1")
    assert record.pub_date.value == dt.date(2013, 5, 7) and record.title == "Geneva"
    assert len(loaded.report.inputs) == 9


def test_html_is_read_with_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["The foreign ministers met in Geneva on Tuesday to discuss a ceasefire."] * 5)
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks in Geneva</title>"
        '<meta property="article:published_time" content="2013-05-07T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Talks in Geneva</h1><p>{body}</p>"
        f"<p>{body}</p></article></body></html>"
    )
    loaded = load_articles([tmp_path])
    assert len(loaded.articles) == 1
    article = loaded.articles[0]
    assert "foreign ministers met in Geneva" in article.text
    assert "Home | World" not in article.text
    assert article.pub_date.value == dt.date(2013, 5, 7)
    assert article.pub_date.source == "metadata"


def test_manifest_supplies_dates_and_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministers met in Geneva to discuss the plan for peace.")
    (tmp_path / "manifest.csv").write_text(
        "path,date,source,url,title\na.txt,2013-05-07,Reuters,,Geneva\n"
    )
    loaded = load_articles([tmp_path])
    assert len(loaded.report.inputs) == 1  # the manifest is not an article
    article = loaded.articles[0]
    assert article.pub_date.value == dt.date(2013, 5, 7)
    assert article.pub_date.source == "manifest" and article.source == "Reuters"


def test_no_date_is_unknown_never_today_or_mtime(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministers met in Geneva to discuss the plan for peace.")
    article = load_articles([tmp_path]).articles[0]
    assert article.pub_date.value is None
    estimated = load_articles([tmp_path], Options(use_mtime=True)).articles[0]
    assert estimated.pub_date.confidence is Confidence.ESTIMATED
    assert estimated.pub_date.source == "mtime"


@pytest.mark.skipif(not (SHARED_DATA / "t17-dev").exists(), reason="needs ../shared/data")
def test_timeline17_folder_dates_and_detokenization() -> None:
    folder = SHARED_DATA / "t17-dev" / "egypt" / "articles" / "2011-02-09"
    loaded = load_articles([folder])
    assert loaded.articles and not loaded.report.rejected
    for article in loaded.articles:
        assert article.pub_date.value == dt.date(2011, 2, 9)
        assert article.pub_date.source == "folder"
        assert "-LRB-" not in article.text and " 's " not in article.text


def test_pretty_printed_json_object_is_one_record(tmp_path: Path) -> None:
    record = {
        "id": "one",
        "date": "2013-05-02",
        "title": "Bridge",
        "text": "The council met on Monday and agreed to build a new bridge.",
    }
    (tmp_path / "a.json").write_text(json.dumps(record, indent=2))
    loaded = load_articles([tmp_path / "a.json"])
    assert [a.id for a in loaded.articles] == ["one"] and not loaded.report.rejected
    assert loaded.articles[0].pub_date.value == dt.date(2013, 5, 2)


def test_mixed_utf8_and_cp1252_lines_are_decoded_per_line(tmp_path: Path) -> None:
    utf8 = "Le ministre a déclaré lundi que la réunion aurait lieu à Genève.\n".encode()
    cp1252 = "The minister’s aide said the talks would resume.\n".encode("cp1252")
    (tmp_path / "a.txt").write_bytes(b"January 5, 2013\n\n" + utf8 + b"\n" + cp1252)
    loaded = load_articles([tmp_path / "a.txt"])
    (article,) = loaded.articles
    assert "déclaré" in article.text and "Genève" in article.text
    assert "minister’s" in article.text
    (warning,) = loaded.report.inputs[0].warnings
    assert "mixed encodings" in warning and "1 of" in warning


ARTICLE = "Talks on Syria were held in Geneva on Monday, July 8, 2013, diplomats said.\n"


def _linked_tree(root: Path) -> Path:
    """A folder with a broken link, a link to another folder and a link back to itself."""
    (root / "real").mkdir()
    (root / "real" / "linked.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "plain.txt").write_text(ARTICLE.replace("Monday", "that Monday"))
    (corpus / "gone.txt").symlink_to(root / "nowhere.txt")
    (corpus / "other").symlink_to(root / "real", target_is_directory=True)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    return corpus


def test_links_are_followed_once_and_broken_ones_reported(tmp_path: Path) -> None:
    loaded = load_articles([_linked_tree(tmp_path)])
    names = sorted(Path(a.path).name for a in loaded.articles)
    assert names == ["linked.txt", "plain.txt"]  # the loop back is not read twice
    rejected = {Path(r.path).name: r.reason for r in loaded.report.rejected}
    assert rejected == {"gone.txt": rejected["gone.txt"]}
    assert "broken link" in rejected["gone.txt"]


def test_a_broken_link_given_as_a_path_is_reported(tmp_path: Path) -> None:
    link = tmp_path / "article.txt"
    link.symlink_to(tmp_path / "missing.txt")
    loaded = load_articles([link, tmp_path / "nothing-here"])
    reasons = sorted(r.reason for r in loaded.report.rejected)
    assert "broken link" in reasons[0] and reasons[1] == "no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        loaded = load_articles([tmp_path])
    finally:
        locked.chmod(0o755)
    assert any("cannot be read" in r.reason for r in loaded.report.rejected)


def test_the_store_reports_what_discovery_could_not_use(tmp_path: Path) -> None:
    from dateline.store import open_store

    with open_store(tmp_path / "store.db") as store:
        result = store.add([_linked_tree(tmp_path)], Options(workers=1))
    assert any("broken link" in r.reason for r in result.rejected)


def test_use_mtime_never_replaces_a_dateline_the_corpus_dates(tmp_path: Path) -> None:
    """Issue 15: ``--use-mtime`` replaced the weekday-confirmed 2013-10-07 of the Bali
    dateline ("October 7") with the copy date."""
    import shutil

    copy = tmp_path / "syria"
    shutil.copytree(SYRIA, copy)  # every file's mtime is now today
    plain = {a.id[:3]: a.pub_date for a in load_articles([copy]).articles}
    with_mtime = {
        a.id[:3]: a.pub_date for a in load_articles([copy], Options(use_mtime=True)).articles
    }
    assert plain["003"].value == with_mtime["003"].value == dt.date(2013, 10, 7)
    assert with_mtime["003"].source != "mtime"


def test_a_folder_is_read_for_article_files_and_never_for_dateline_outputs(
    tmp_path: Path,
) -> None:
    """Issue 16: a .pdf was read as text, a log file was an article, and a second run read
    the first run's outputs back."""
    import shutil

    from tests.builders import run_cli

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(SYRIA.glob("001_*.txt")), folder)
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4 a b c d e f g h i j k l m n\n")
    (folder / "run.log").write_text("2026-12-01 INFO the job started and ran to its end\n")
    run_cli("brief", str(folder), "-o", str(folder / "out"), cwd=tmp_path)
    run_cli("timeline", str(folder), "--format", "md", "-o", str(folder / "timeline.md"))
    assert (folder / "out" / "briefing.md").exists() and (folder / "timeline.md").exists()
    loaded = load_articles([folder])
    assert [Path(a.path).name for a in loaded.articles] == [next(SYRIA.glob("001_*.txt")).name]
    rejected = {Path(r.path).name: r.reason for r in loaded.report.rejected}
    assert set(rejected) == {"paper.pdf", "run.log"}
    assert "--include '*.pdf'" in rejected["paper.pdf"]
    chosen = load_articles([folder], Options(include=("*.log",), exclude=("*.pdf",)))
    assert {Path(a.path).name for a in chosen.articles} >= {"run.log"}
    assert not chosen.report.rejected
    named = load_articles([folder / "paper.pdf"])  # a file given by name is read
    assert not any("not an article file" in r.reason for r in named.report.rejected)
