"""The web app's routes through a real uvicorn server on a loopback port."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from dateline.render.exports import ENTRY_COLUMNS
from dateline.store import corpus_from_store
from dateline.timeline import build_timeline
from tests.serve.conftest import SERIAL, Served, serve


def entry_texts(body: str) -> list[str]:
    return re.findall(r'<span class="text">(.*?)</span>', body, re.S)


def entry_dates(body: str) -> list[str]:
    return re.findall(r'data-date="([\d-]+)"', body)


def test_every_page_has_the_security_headers(app: Served) -> None:
    for path in ("/", "/search?q=levee", "/timeline", "/curation", "/nowhere"):
        reply = app.request("GET", path)
        csp = reply.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["x-frame-options"] == "DENY"


def test_a_foreign_host_name_is_refused(app: Served) -> None:
    # a page of evil.example that resolves its name to 127.0.0.1 (DNS rebinding)
    reply = app.request("GET", "/", headers={"Host": "evil.example"})
    assert reply.status == 421
    assert app.request("GET", "/", headers={"Host": f"localhost:{app.port}"}).status == 200


def test_search_highlights_matches_and_filters(app: Served) -> None:
    reply = app.get("/search", q="levee broke")
    assert reply.status == 200
    assert '<p class="count" id="count">1 article match levee broke' in reply.body
    assert "<mark>levee broke</mark>" in reply.body
    # any of several phrases; the link opens the article at the first match
    reply = app.get("/search", q="market square, inquiry")
    assert "3 articles" in reply.body
    assert re.search(r'href="/article\?id=[^"]*&amp;start=\d+&amp;end=\d+#cited"', reply.body)
    # a date range and an actor narrow it
    assert "1 article " in app.get("/search", q="market square", start="2021-05-05").body
    assert "0 articles" in app.get("/search", q="levee", end="2021-05-02").body
    assert "1 article " in app.get("/search", q="levee", actor="Dana Whitfield").body


def test_article_text_is_always_escaped(app: Served) -> None:
    body = app.get("/search", q="resident").body
    assert "<script>" not in body and "<img src=x" not in body
    assert "&lt;script&gt;" in body or "&lt;img src=x" in body
    body = app.get("/article", id="2021-05-14/flood-6.txt", start=0, end=20).body
    assert "<script>" not in body and "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_article_view_highlights_the_cited_span_with_its_date_provenance(app: Served) -> None:
    body = app.get("/article", id="2021-05-04/flood-2.txt").body
    text_start = body.index("The Riverton levee broke")  # noqa: F841  (present)
    page = app.get("/article", id="2021-05-04/flood-2.txt", start=25, end=49).body
    marked = re.search(r'<mark id="cited" class="cited">(.*?)</mark>', page, re.S)
    assert marked and marked.group(1).strip()
    assert '<dd id="pub-date">2021-05-04</dd>' in page
    assert '<span id="pub-source">folder</span>' in page
    assert app.get("/article", id="no/such.txt").status == 404


def test_bad_parameters_say_what_is_wrong(app: Served) -> None:
    reply = app.get("/timeline", start="May 3")
    assert reply.status == 400
    assert "start: &#39;May 3&#39; is not a date (YYYY-MM-DD)" in reply.body
    assert app.get("/timeline", dates="0").status == 400


def test_timeline_page_is_the_cli_timeline(app: Served, store_path: Path) -> None:
    body = app.get("/timeline").body
    want = build_timeline(corpus_from_store(store_path, SERIAL), SERIAL)
    assert entry_dates(body) == [
        e.date.isoformat() for e in (*want.entries, *want.background, *want.ahead)
    ]
    assert len(entry_texts(body)) == sum(len(e.sentences) for e in want.entries) + sum(
        len(e.sentences) for e in (*want.background, *want.ahead)
    )


def test_timeline_csv_download(app: Served) -> None:
    reply = app.get("/export/timeline.csv", q="Riverton")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert 'filename="timeline.csv"' in reply.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(reply.body)))
    assert tuple(rows[0]) == ENTRY_COLUMNS
    page = app.get("/timeline", q="Riverton").body
    assert len(rows) - 1 == len(entry_texts(page))


def form_fields(body: str, action: str) -> list[dict[str, str]]:
    forms = re.findall(rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', body, re.S)
    return [dict(re.findall(r'name="(\w+)" value="([^"]*)"', f)) for f in forms]


def test_rejecting_an_entry_removes_it_here_and_from_the_cli(app: Served, store_path: Path) -> None:
    body = app.get("/timeline").body
    forms = form_fields(body, "/curate/reject-sentence")
    target = forms[0]
    rejected_text = entry_texts(body)[0]
    reply = app.post("/curate/reject-sentence", {**target, "back": "/timeline"})
    assert reply.status == 303 and reply.headers["location"] == "/timeline"
    after = app.get("/timeline").body
    assert rejected_text not in entry_texts(after)
    # the CLI's `timeline --store` honours it too
    corpus = corpus_from_store(store_path, SERIAL)
    timeline = build_timeline(corpus, SERIAL)
    shown = [
        corpus.article(s.span.article_id).text[s.span.start : s.span.end]
        for e in (*timeline.entries, *timeline.background, *timeline.ahead)
        for s in e.sentences
    ]
    assert all(rejected_text.replace("&#39;", "'") not in t for t in shown)
    # and undoing it brings it back
    record = form_fields(app.get("/curation").body, "/curate/undo")[0]
    assert app.post("/curate/undo", record).status == 303
    assert rejected_text in entry_texts(app.get("/timeline").body)


def test_correcting_a_date_moves_its_entry(app: Served) -> None:
    before = entry_dates(app.get("/timeline").body)
    assert "2021-05-20" not in before
    token = app.csrf()
    reply = app.post(
        "/curate/date",
        {"csrf": token, "id": "2021-05-12/flood-5.txt", "date": "2021-05-20",
         "note": "the inquiry was announced on the 20th", "back": "/timeline"},
    )  # fmt: skip
    assert reply.status == 303
    page = app.get("/article", id="2021-05-12/flood-5.txt").body
    assert '<dd id="pub-date">2021-05-20</dd>' in page
    assert '<span id="pub-source">user</span>' in page
    assert "the inquiry was announced on the 20th" in page
    assert "was 2021-05-12, from folder" in page  # what it replaced stays in the provenance
    after = entry_dates(app.get("/timeline").body)
    assert "2021-05-20" in after
    assert "2021-05-12" not in after


def test_a_post_without_the_csrf_token_is_refused(app: Served) -> None:
    form = {"id": "2021-05-12/flood-5.txt", "date": "2021-05-20"}
    assert app.post("/curate/date", form).status == 403
    assert app.post("/curate/date", {**form, "csrf": "guess"}).status == 403
    token = app.csrf()
    cross = app.post("/curate/date", {**form, "csrf": token},
                     {"Origin": "http://evil.example"})  # fmt: skip
    assert cross.status == 403
    assert "Nothing yet" in app.get("/curation").body


def test_a_form_never_redirects_off_the_app(app: Served) -> None:
    token = app.csrf()
    for back in ("//evil.example/x", "http://evil.example/", "/\\evil.example"):
        reply = app.post(
            "/curate/date",
            {"csrf": token, "id": "2021-05-03/flood-1.txt", "date": "2021-05-03", "back": back},
        )
        assert reply.status == 303 and reply.headers["location"] == "/"


def test_read_only_refuses_every_change(store_path: Path) -> None:
    served = serve(store_path, read_only=True)
    try:
        page = served.get("/timeline").body
        assert "/curate/" not in page  # no forms offered
        reply = served.post("/curate/date", {"id": "2021-05-03/flood-1.txt", "date": "2021-06-01"})
        assert reply.status == 403
        assert "started with --read-only" in reply.body
    finally:
        served.stop()
