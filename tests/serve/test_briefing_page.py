"""The briefing page and its downloads over the demo corpus (spaCy's speech stage: the
one module of these tests that needs the model)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest

from dateline.pipeline import BRIEFING_STAGES
from dateline.render.exports import FIGURE_COLUMNS, QUOTE_COLUMNS
from dateline.store import open_store
from tests.builders import SYRIA
from tests.serve.conftest import SERIAL, Served, serve

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    path = tmp_path_factory.mktemp("demo") / "store.db"
    with open_store(path) as db:
        db.add([SYRIA], SERIAL, stages=BRIEFING_STAGES)
    served = serve(path)
    yield served
    served.stop()


def quotes_shown(body: str) -> list[str]:
    return re.findall(r"<q>(.*?)</q>", body, re.S)


def test_briefing_page_and_downloads(demo: Served) -> None:
    reply = demo.get("/briefing")
    assert reply.status == 200
    assert "<h2>Quotes by speaker</h2>" in reply.body and quotes_shown(reply.body)
    assert re.search(r'<li class="actor"><strong>[^<]+</strong>', reply.body)
    for name, columns in (("quotes.csv", QUOTE_COLUMNS), ("figures.csv", FIGURE_COLUMNS)):
        got = demo.get(f"/export/{name}")
        assert got.status == 200 and got.headers["content-type"].startswith("text/csv")
        assert tuple(next(csv.reader(io.StringIO(got.body)))) == columns


def test_rejecting_a_quote_and_merging_actors(demo: Served) -> None:
    body = demo.get("/briefing").body
    before = quotes_shown(body)
    form = re.search(r'<form[^>]*action="/curate/reject-quote"[^>]*>(.*?)</form>', body, re.S)
    assert form
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(1)))
    assert demo.post("/curate/reject-quote", fields).status == 303
    after = quotes_shown(demo.get("/briefing").body)
    assert before[0] not in after  # the first quote shown is the one its form rejects
    # merge the first two actors: one name fewer, mentions added up
    names = re.findall(r'<li class="actor"><strong>([^<]+)</strong>', body)
    token = fields["csrf"]
    reply = demo.post("/curate/merge", {"csrf": token, "first": names[0], "second": names[1],
                                        "back": "/briefing"})  # fmt: skip
    assert reply.status == 303
    merged = re.findall(r'<li class="actor"><strong>([^<]+)</strong>', demo.get("/briefing").body)
    assert names[0] in merged and names[1] not in merged


def test_the_briefing_page_shows_the_conference_chain(demo: Served) -> None:
    body = demo.get("/briefing").body
    section = body[body.index("<h2>Expectations</h2>") : body.index("<h2>Figures</h2>")]
    assert re.search(r'<h3 class="chain">[^<]*conference', section)
    assert "2013-W45" in section and "as soon as possible" in section  # Kerry, Ban
    assert "(estimated)" in section  # 000's report date is an estimate, and says so
    assert 'class="outcome"' in section  # the talks held in Geneva
