"""The web app in a real headless Chromium, driven by Playwright, against a real
uvicorn on a loopback port: search, open an article from a timeline entry, correct a
date, reject an entry; no console error and no request to any host but the app's.

Skipped when /usr/bin/chromium or the playwright package is missing (as the report's
browser tests are)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.chromium import BROWSER_MARKS, DESKTOP, PHONE
from tests.serve.conftest import Served, serve

pytestmark = BROWSER_MARKS


class Tab:
    """A page with every console message, page error and request recorded."""

    def __init__(self, browser: Any, app: Served, size: tuple[int, int] = DESKTOP) -> None:
        self.app = app
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str) -> Any:
        self.page.goto(self.app.base + path)
        self.page.wait_for_load_state("load")
        return self.page

    def foreign(self) -> list[str]:
        """Requests to anywhere but the app's own origin."""
        own = urlsplit(self.app.base).netloc
        return [u for u in self.requests if urlsplit(u).netloc != own]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def tab(browser: Any, app: Served) -> Iterator[Tab]:
    opened = Tab(browser, app)
    yield opened
    assert opened.console == []
    assert opened.foreign() == []
    opened.close()


def test_search_shows_highlighted_matches(tab: Tab) -> None:
    page = tab.open("/")
    page.fill("input[name=q]", "levee broke")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert page.inner_text("#count").startswith("1 article")
    assert page.inner_text(".hit mark").lower() == "levee broke"
    page.click(".hit a.title")
    page.wait_for_load_state("load")
    assert page.inner_text("mark#cited").lower() == "levee broke"


def test_open_an_article_from_a_timeline_entry(tab: Tab) -> None:
    page = tab.open("/timeline")
    entry = page.locator(".entry").nth(1)
    sentence = entry.locator(".sentence .text").first.inner_text()
    entry.locator("a.source").first.click()
    page.wait_for_load_state("load")
    cited = page.locator("mark#cited")
    assert cited.inner_text() == sentence
    assert cited.is_visible()
    assert page.inner_text("#pub-source") == "folder"


def test_correct_a_date_and_see_the_timeline_change(tab: Tab) -> None:
    page = tab.open("/timeline")
    dates = page.eval_on_selector_all(".entry", "els => els.map(e => e.dataset.date)")
    assert "2021-05-12" in dates and "2021-05-20" not in dates
    link = page.locator(".entry[data-date='2021-05-12'] a.source").first
    link.click()
    page.wait_for_load_state("load")
    page.fill("#date-form input[name=date]", "2021-05-20")
    page.fill("#date-form input[name=note]", "announced on the 20th, says the state's site")
    page.click("#date-form button")
    page.wait_for_load_state("load")
    assert page.inner_text("#pub-date") == "2021-05-20"
    assert page.inner_text("#pub-source") == "user"
    assert "announced on the 20th" in page.inner_text("#provenance")
    page = tab.open("/timeline")
    dates = page.eval_on_selector_all(".entry", "els => els.map(e => e.dataset.date)")
    assert "2021-05-20" in dates and "2021-05-12" not in dates


def test_reject_an_entry_and_see_it_gone(tab: Tab) -> None:
    page = tab.open("/timeline")
    first = page.locator(".sentence").first
    text = first.locator(".text").inner_text()
    first.locator("button.reject").click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == "/timeline"
    texts = page.locator(".sentence .text").all_inner_texts()
    assert texts and text not in texts
    page = tab.open("/curation")
    assert page.locator(".record").count() == 1
    assert "reject-sentence" in page.inner_text(".record")


def test_hostile_text_runs_nothing_and_pages_fit_a_phone(browser: Any, app: Served) -> None:
    tab = Tab(browser, app, PHONE)
    try:
        for path in ("/search?q=resident", "/article?id=2021-05-14%2Fflood-6.txt", "/timeline"):
            page = tab.open(path)
            assert page.evaluate("document.scripts.length") == 0
            assert page.evaluate("document.querySelectorAll('img').length") == 0
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE[0], path
        assert tab.console == []
        assert tab.foreign() == []
    finally:
        tab.close()


def test_read_only_offers_no_forms_and_refuses_a_post(browser: Any, store_path: Path) -> None:
    served = serve(store_path, read_only=True)
    tab = Tab(browser, served)
    try:
        page = tab.open("/article?id=2021-05-03%2Fflood-1.txt")
        assert page.locator("form[method=post]").count() == 0
        assert "read-only" in page.inner_text("header")
        reply = page.request.post(
            served.base + "/curate/date",
            form={"id": "2021-05-03/flood-1.txt", "date": "2021-06-01"},
        )
        assert reply.status == 403
        assert re.search(r"started with --read-only", reply.text())
    finally:
        tab.close()
        served.stop()
