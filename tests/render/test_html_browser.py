"""The HTML report in a real headless Chromium, driven by Playwright.

Skipped when /usr/bin/chromium or the playwright package is missing (``.ci/system-deps``
installs chromium on CI; playwright is a dev dependency). Screenshots at phone and
desktop sizes go to pytest's tmp dir.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.chromium import BROWSER_MARKS, DESKTOP, PHONE
from tests.render.test_html import hostile_corpus, make_briefing

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def syria_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dateline.briefing.build import build_briefing
    from dateline.options import Options
    from dateline.pipeline import build_corpus
    from dateline.render.html import render_html
    from tests.builders import SYRIA

    corpus = build_corpus([SYRIA], Options(workers=1))
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(build_briefing(corpus, Options())), encoding="utf-8")
    return path


class Page:
    """A page with every console message, page error and request recorded."""

    def __init__(self, browser: Any, size: tuple[int, int]) -> None:
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


def test_timeline_entry_opens_to_its_sources(
    browser: Any, syria_report: Path, tmp_path: Path
) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(syria_report)
    entry = p.locator("details.entry").first
    source = entry.locator(".src mark").first
    assert not source.is_visible()
    entry.locator("summary").click()
    assert source.is_visible()
    assert entry.locator(".src a.cite").first.is_visible()
    p.screenshot(path=str(tmp_path / "desktop.png"), full_page=True)
    assert page.console == []
    assert page.requests == [syria_report.as_uri()]


def test_axis_dot_opens_an_entry(browser: Any, syria_report: Path) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(syria_report)
    p.locator(".axis .dot").last.click()
    assert p.locator("details.entry[open]").count() == 1


def test_filter_by_actor_and_date(browser: Any, syria_report: Path, tmp_path: Path) -> None:
    page = Page(browser, PHONE)
    p = page.open(syria_report)
    total = p.locator("details.entry").count()
    options = p.locator("#filter-actor option")
    assert options.count() > 1
    actor_id = options.nth(1).get_attribute("value")
    p.select_option("#filter-actor", actor_id)
    shown = p.locator("details.entry:not(.hidden-by-filter)")
    assert 0 < shown.count() <= total
    for i in range(shown.count()):
        assert actor_id in (shown.nth(i).get_attribute("data-actors") or "").split()
    assert "with" in p.inner_text("#filter-count")
    first = p.locator("details.entry").first.get_attribute("data-date")
    p.select_option("#filter-actor", "")
    p.fill("#filter-from", first or "")
    p.fill("#filter-to", first or "")
    p.locator("#filter-to").dispatch_event("change")
    assert p.locator("details.entry:not(.hidden-by-filter)").count() >= 1
    p.click("#filter-reset")
    assert p.locator("details.entry:not(.hidden-by-filter)").count() == total
    p.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert page.console == []
    assert page.requests == [syria_report.as_uri()]


def test_phone_layout_does_not_scroll_sideways(browser: Any, syria_report: Path) -> None:
    p = Page(browser, PHONE).open(syria_report)
    width = p.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE[0]


def test_hostile_article_runs_nothing(browser: Any, tmp_path: Path) -> None:
    from dateline.render.html import render_html

    path = tmp_path / "hostile.html"
    path.write_text(render_html(make_briefing(hostile_corpus())), encoding="utf-8")
    page = Page(browser, DESKTOP)
    p = page.open(path)
    for entry in p.locator("details.entry summary").all():
        entry.click()
    assert p.evaluate("typeof window.__pwned") == "undefined"
    assert p.locator("img").count() == 0
    assert "window.__pwned=1" in p.inner_text("body")
    assert page.console == []
    assert page.requests == [path.as_uri()]


def test_hostile_markdown_rendered_in_the_browser_runs_nothing(
    browser: Any, tmp_path: Path
) -> None:
    """The Markdown outputs with hostile titles, sources, paths and text, rendered by a
    CommonMark renderer and opened in Chromium: no script runs, no image loads."""
    markdown_it = pytest.importorskip("markdown_it")
    from dateline.options import Options
    from dateline.render import render_articles_markdown, render_timeline_markdown
    from dateline.render.briefing_text import render_briefing_markdown
    from dateline.timeline import build_timeline

    corpus = hostile_corpus()
    outputs = (
        render_timeline_markdown(build_timeline(corpus, Options()), corpus, Options()),
        render_articles_markdown(corpus.articles, corpus.report, Options()),
        render_briefing_markdown(make_briefing(corpus)),
    )
    for i, markdown in enumerate(outputs):
        path = tmp_path / f"md-{i}.html"
        body = markdown_it.MarkdownIt("commonmark").render(markdown)
        path.write_text(f"<!doctype html><meta charset=utf-8><body>{body}</body>", "utf-8")
        page = Page(browser, DESKTOP)
        p = page.open(path)
        assert p.evaluate("typeof window.__pwned") == "undefined"
        assert p.locator("img").count() == 0 and p.locator("script").count() == 0
        assert page.console == []
        assert page.requests == [path.as_uri()]
