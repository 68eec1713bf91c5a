"""Inputs as they come: .gz files, standard input, URLs (on a loopback server)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import load_articles
from dateline.ingest.fetch import fetch, read_url, read_url_list
from dateline.ingest.readers import discover, read_file, read_stdin, sniff_suffix
from dateline.options import Options
from dateline.store import open_store
from tests.builders import SYRIA
from tests.ingest.webserver import Reply, article_page, demo_pages, serving

AP = SYRIA / "001_a3d8366b8ce0ad3d.txt"  # dated 2/1/2014 in its text


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


# -- .gz -----------------------------------------------------------------------------


def test_gz_of_each_article_kind_reads_as_the_file_it_holds(tmp_path: Path) -> None:
    text = AP.read_text(encoding="utf-8")
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(text.encode()))
    records = [{"id": "r1", "text": text, "date": "2014-02-01"}, {"id": "r2", "text": ""}]
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress("\n".join(json.dumps(r) for r in records).encode())
    )
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "d.tar.gz").write_bytes(gzip.compress(b"not an article"))
    loaded = load_articles([tmp_path])
    ids = sorted(a.id for a in loaded.articles)
    assert ids == ["a.txt.gz", "c.html.gz", "r1"]
    by_id = {a.id: a for a in loaded.articles}
    assert "Syria" in by_id["a.txt.gz"].text and by_id["a.txt.gz"].pub_date.value is not None
    assert by_id["r1"].pub_date.value.isoformat() == "2014-02-01"  # type: ignore[union-attr]
    rejected = {r.path: r.reason for r in loaded.report.rejected}
    assert any(p.endswith("b.jsonl.gz#2") for p in rejected)
    tar = next(reason for path, reason in rejected.items() if path.endswith("d.tar.gz"))
    assert "(.tar.gz)" in tar and "--include" in tar


def test_a_corrupt_gzip_is_rejected_naming_the_file_and_the_problem(tmp_path: Path) -> None:
    whole = gzip.compress(AP.read_bytes())
    (tmp_path / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "plain.txt.gz").write_bytes(AP.read_bytes())  # not compressed at all
    loaded = load_articles([tmp_path])
    assert loaded.articles == []
    reasons = {Path(r.path).name: r.reason for r in loaded.report.rejected}
    assert "corrupt gzip" in reasons["cut.txt.gz"] and "truncated" in reasons["cut.txt.gz"]
    assert "corrupt gzip" in reasons["plain.txt.gz"]
    with pytest.raises(InputError, match=r"cut\.txt\.gz: corrupt gzip"):
        list(read_file(tmp_path / "cut.txt.gz"))


def test_a_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.ingest import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 10_000)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"word " * 100_000))
    with pytest.raises(InputError, match="decompresses to more than 10,000 bytes"):
        list(read_file(tmp_path / "big.txt.gz"))


def test_the_store_fingerprints_gz_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / "a.txt.gz"
    target.write_bytes(gzip.compress(AP.read_bytes()))
    with open_store(tmp_path / "s.db") as db:
        first = db.add([folder])
        again = db.add([folder])
        target.write_bytes(gzip.compress(AP.read_bytes() + b"\nA line added later to the story."))
        edited = db.add([folder])
    assert first.new == ("a.txt.gz",) and again.unchanged == ("a.txt.gz",)
    assert edited.changed == ("a.txt.gz",)


# -- standard input --------------------------------------------------------------------


def test_stdin_is_sniffed_text_html_or_jsonl() -> None:
    assert sniff_suffix(b'  {"text": "x"}\n{"text": "y"}') == ".json"
    assert sniff_suffix(b"\xef\xbb\xbf[{}]") == ".json"
    assert sniff_suffix(b"<!DOCTYPE html><html><body>x</body></html>") == ".html"
    assert sniff_suffix(b"# A title\n\nSome *Markdown* text.") == ".txt"
    (doc,) = read_stdin(io.BytesIO(AP.read_bytes()))
    assert doc.path == "<stdin>" and "Syria" in doc.text
    page = article_page(AP.read_text(encoding="utf-8"), "Talks in Geneva", "2014-02-01")
    (html_doc,) = read_stdin(io.BytesIO(page))
    assert html_doc.path == "<stdin>" and html_doc.title == "Talks in Geneva"
    assert html_doc.date is not None and html_doc.date.startswith("2014-02-01")
    lines = b'{"id": "one", "text": "a"}\n{"text": "b"}\n'
    assert [d.path for d in read_stdin(io.BytesIO(lines))] == ["<stdin>#1", "<stdin>#2"]


def test_dash_is_stdin_and_urls_are_never_paths(tmp_path: Path) -> None:
    found = discover(["-", "https://example.org/a//b", "ftp://example.org/x", Path("http:/x/y")])
    assert found.stdin and found.urls == ["https://example.org/a//b"]
    reasons = dict(found.unusable)
    assert "only web pages" in reasons["ftp://example.org/x"]
    assert "'//' became '/'" in reasons["http:/x/y"]
    assert discover([tmp_path / "-"]).stdin is False  # a Path named '-' is a file name


# -- URLs --------------------------------------------------------------------------------


def test_a_page_is_fetched_and_extracted_with_its_metadata() -> None:
    with serving(demo_pages(SYRIA)) as base:
        doc = read_url(f"{base}/un-conference.html", timeout=5, max_bytes=1_000_000)
        loaded = load_articles([f"{base}/un-conference.html"])
    assert doc.title == "Ban urges Syria conference" and doc.source == "UN News"
    assert "Ban Ki-moon" in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    (article,) = loaded.articles
    assert article.id == f"{base}/un-conference.html" and article.url is not None
    assert article.pub_date.value is not None and article.pub_date.value.isoformat() == "2013-05-13"
    assert article.pub_date.source == "metadata" and "page's metadata" in article.pub_date.evidence


def test_each_failed_url_is_a_rejected_input_and_the_batch_goes_on() -> None:
    with serving(demo_pages(SYRIA)) as base:
        names = ["/missing", "/gone", "/slow", "/report.pdf", "/empty", "/geneva"]
        opts = Options(fetch_timeout=0.5)
        loaded = load_articles([base + n for n in names], opts)
    assert [a.id for a in loaded.articles] == [f"{base}/geneva"]
    reasons = {r.path.removeprefix(base): r.reason for r in loaded.report.rejected}
    assert "HTTP error 404" in reasons["/missing"] and "HTTP error 410" in reasons["/gone"]
    assert "timed out" in reasons["/slow"] and "0.5 s" in reasons["/slow"]
    assert (
        "not an HTML page" in reasons["/report.pdf"] and "application/pdf" in reasons["/report.pdf"]
    )
    assert "no article text extracted" in reasons["/empty"]
    assert loaded.articles[0].source == "Wire"


def test_a_page_over_the_size_limit_is_refused() -> None:
    big = {"/big": Reply(b"<html><body>" + b"x" * 5000 + b"</body></html>")}
    with serving(big) as base, pytest.raises(InputError, match="page too large"):
        fetch(f"{base}/big", timeout=5, max_bytes=1000)
    with pytest.raises(InputError, match="cannot be fetched"):
        fetch("http://127.0.0.1:9/closed", timeout=2, max_bytes=1000)  # the discard port


def test_a_url_list_file(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# my sources\nhttps://a.example/x#top\n\n  http://b.example/y   # AP\n")
    assert read_url_list(listing) == ["https://a.example/x#top", "http://b.example/y"]
    listing.write_text("https://a.example/x\nnot a url\n")
    with pytest.raises(InputError, match=r"urls.txt:2: not an http\(s\) URL"):
        read_url_list(listing)


def test_urls_in_the_store(tmp_path: Path) -> None:
    with serving(demo_pages(SYRIA)) as base, open_store(tmp_path / "s.db") as db:
        first = db.add([f"{base}/un-conference.html", f"{base}/missing"])
        again = db.add([f"{base}/un-conference.html"])
        corpus = db.corpus()
    assert first.new == (f"{base}/un-conference.html",)
    assert [r.path for r in first.rejected] == [f"{base}/missing"]
    assert again.unchanged == (f"{base}/un-conference.html",)
    (article,) = corpus.articles
    assert article.source == "UN News" and str(article.pub_date.value) == "2013-05-13"
