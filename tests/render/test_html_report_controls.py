"""The report's controls in a real headless Chromium: search, the zoomable time axis,
print, "show more", and a long briefing that stays short on screen.

Skipped like tests/render/test_html_browser.py when chromium or playwright is missing.
The long briefing is built by hand (650 articles over 300 days, no model needed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from dateline.annotate.sentences import split_sentences
from dateline.briefing.actors import Actor
from dateline.briefing.build import Briefing
from dateline.briefing.quotes import QuoteEntry, SpeakerQuotes
from dateline.model import Annotations, DateInterval, EntityKind, Span, Timex, TimexType
from dateline.options import Options
from tests.builders import make_article, make_corpus
from tests.chromium import BROWSER_MARKS, DESKTOP, PHONE
from tests.render.test_html import HOSTILE_IMG, hostile_corpus, make_briefing
from tests.render.test_html_browser import Page

pytestmark = BROWSER_MARKS

LONG_ARTICLES, LONG_DAYS = 650, 300
START = dt.date(2020, 1, 6)
# The long briefing measured 5,450 px tall at 1280 px wide (41,900 px before its long
# lists were collapsed and paged); its 51 timeline dates are most of it. The bound
# leaves room for small changes, not for a list shown in full again.
LONG_HEIGHT_BOUND = 8_000
CITIES = ("Aleppo", "Homs", "Daraa", "Idlib", "Hama", "Raqqa", "Latakia", "Deir ez-Zor")


def long_briefing() -> Briefing:
    """650 short wire reports, each dating an event on its own day and giving a toll."""
    articles, annotations = [], []
    for k in range(LONG_ARTICLES):
        day = START + dt.timedelta(days=k * LONG_DAYS // LONG_ARTICLES)
        event = day - dt.timedelta(days=1)
        phrase = f"{event:%B} {event.day}"
        city = CITIES[k % len(CITIES)]
        text = (
            f"Shelling in {city} report {k}\n\nOn {phrase} at least {10 + k} people have "
            f"been killed in {city}, the monitoring group said. Residents of {city} "
            f"described a night of heavy shelling.\n\nAid convoys waited at the border "
            f"for a second day while talks went on in Geneva."
        )
        article = make_article(f"a{k:03d}", text, day, title=f"Shelling in {city} ({k})")
        article = dataclasses.replace(article, url=f"https://news.example/{k}")
        start = text.index(phrase)
        timex = Timex(
            start,
            start + len(phrase),
            TimexType.DATE,
            event.isoformat(),
            DateInterval.day(event),
        )
        articles.append(article)
        annotations.append(Annotations(article.id, tuple(split_sentences(text)), (timex,)))
    return make_briefing(make_corpus(articles, annotations), Options(words=120))


def hostile_quote_briefing() -> Briefing:
    """The hostile corpus with a hostile speaker quoting its hostile sentence."""
    briefing = make_briefing(hostile_corpus())
    evil = briefing.sources[0]
    start = evil.text.index("On July 5")
    end = evil.text.index("today.") + len("today.")
    name = "Doe <b onmouseover=window.__pwned=3>"
    doe = Actor("person:doe", name, EntityKind.PERSON, ((name, 2),), (evil.id,),
                evil.pub_date.value, evil.pub_date.value, mentions=2)  # fmt: skip
    quote = QuoteEntry(Span(evil.id, start, end), False, name, doe.id, evil.pub_date.value)
    sources = (
        dataclasses.replace(evil, url="javascript:window.__pwned=4"),
        dataclasses.replace(briefing.sources[1], url="https://news.example/talks"),
    )
    return dataclasses.replace(
        briefing,
        actors=(doe,),
        quotes=(SpeakerQuotes(name, doe.id, (quote,)),),
        sources=sources,
    )


def write(path: Path, briefing: Briefing) -> Path:
    from dateline.render.html import render_html

    path.write_text(render_html(briefing), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("long") / "report.html", long_briefing())


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("hostile") / "report.html", hostile_quote_briefing())


def span_days(p: Any) -> int:
    svg = p.locator("#axis-svg")
    lo = dt.date.fromisoformat(svg.get_attribute("data-from") or "")
    hi = dt.date.fromisoformat(svg.get_attribute("data-to") or "")
    return (hi - lo).days


def search(p: Any, text: str) -> tuple[int, int]:
    """Type ``text`` in the search box; the "n of m" it then shows."""
    p.fill("#search", text)
    p.wait_for_function(
        "text => document.getElementById('search-count').getAttribute('data-for') === text",
        arg=text,
    )
    match = re.match(r"(\d+) of (\d+) match", p.inner_text("#search-count"))
    assert match, p.inner_text("#search-count")
    return int(match.group(1)), int(match.group(2))


def frames(p: Any) -> None:
    """Wait two animation frames (media query changes reach the script at a frame)."""
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def assert_clean(page: Page, path: Path) -> None:
    assert page.console == []
    assert page.requests == [path.as_uri()]


def test_search_filters_highlights_and_counts(browser: Any, long_report: Path) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(long_report)
    entries = p.locator("details.entry")
    total = entries.count()
    p.keyboard.press("/")
    assert p.evaluate("document.activeElement.id") == "search"
    n, m = search(p, "Aleppo")
    shown = p.locator("details.entry:not(.hidden-by-search)")
    aleppo_dates = shown.count()
    assert 0 < aleppo_dates < total
    assert 0 < n < m
    for i in range(shown.count()):
        assert "aleppo" in shown.nth(i).inner_text().lower()
    assert entries.filter(has_not_text="Aleppo").first.is_hidden()
    hits = p.locator("mark.hit")
    assert hits.count() >= n
    assert {h.lower() for h in hits.all_inner_texts()} == {"aleppo"}
    # the sources list is collapsed and paged: matches in it are opened and shown
    sources = p.locator("ol.sources li:not(.hidden-by-search)")
    assert sources.count() > 25  # more than a page of the list
    assert sources.last.is_visible()
    assert sources.last.locator("mark.hit").count() > 0
    assert re.search(r"\d+ dates?, .*\d+ sources?", p.inner_text("#search-count"))
    # every word must match, in any order ("killed" is in the sentences, not the sources)
    n2, _ = search(p, "killed aleppo")
    assert 0 < n2 < n
    assert "source" not in p.inner_text("#search-count")
    assert p.locator("ol.sources li:not(.hidden-by-search)").count() == 0
    assert p.locator("#sources .no-match").is_visible()
    assert 0 < p.locator("details.entry:not(.hidden-by-search)").count() <= aleppo_dates
    # Enter walks the matches, Escape clears the search
    p.keyboard.press("Enter")
    current = p.locator("mark.hit.current")
    assert current.count() == 1 and current.is_visible()
    p.keyboard.press("Escape")
    assert p.inner_text("#search-count") == ""
    assert p.locator("mark.hit").count() == 0
    assert p.locator("details.entry:not(.hidden-by-search)").count() == total
    assert not p.locator("#source-list").evaluate("d => d.open")
    n3, _ = search(p, "no such word anywhere")
    assert n3 == 0 and p.locator("details.entry:not(.hidden-by-search)").count() == 0
    assert p.locator("#timeline .no-match").is_visible()
    assert_clean(page, long_report)


def test_search_finds_quotes_and_keeps_hostile_text_inert(
    browser: Any, hostile_report: Path
) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(hostile_report)
    quote = p.locator("blockquote.quote")
    assert quote.count() == 1 and not quote.is_visible()  # in its collapsed card
    n, _ = search(p, "onerror")
    assert n >= 2  # the entry and the quote carrying the hostile sentence
    assert quote.is_visible()
    assert quote.locator("mark.hit").inner_text() == "onerror"
    assert HOSTILE_IMG in quote.inner_text()  # still text, never markup
    search(p, "onmouseover")  # the hostile speaker's name
    p.locator(".actor h3").hover()
    for word in ("script", "pwned", "img", "Doe"):
        search(p, word)
        assert p.locator("mark.hit").count() > 0
    assert p.evaluate("typeof window.__pwned") == "undefined"
    assert p.locator("img, b").count() == 0
    assert p.locator("#sources a[href^='javascript']").count() == 0
    assert p.locator("#sources a[href='https://news.example/talks']").count() == 1
    assert_clean(page, hostile_report)


def test_zoom_changes_the_visible_range_and_a_date_scrolls_to_its_entry(
    browser: Any, long_report: Path
) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(long_report)
    whole = span_days(p)
    assert whole >= LONG_DAYS - 5
    assert p.locator("#zoom-reset").is_disabled()
    p.click("#zoom-in")
    assert span_days(p) < whole * 0.6
    p.click("#zoom-reset")
    assert span_days(p) == whole
    # keyboard: + and - on the focused axis, arrows move, 0 shows the whole story
    p.focus("#axis-svg")
    p.keyboard.press("+")
    p.keyboard.press("+")
    quarter = span_days(p)
    assert quarter < whole / 3
    before = p.locator("#axis-svg").get_attribute("data-from")
    p.keyboard.press("ArrowRight")
    assert (p.locator("#axis-svg").get_attribute("data-from") or "") > (before or "")
    p.keyboard.press("-")
    assert span_days(p) > quarter
    p.keyboard.press("0")
    assert span_days(p) == whole
    # the wheel zooms around the pointer, down to days
    box = p.locator("#axis-svg").bounding_box()
    p.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(20):
        p.mouse.wheel(0, -100)
    p.wait_for_function("() => document.getElementById('zoom-in').disabled")
    assert span_days(p) <= 7
    ticks = p.locator("#axis-svg text").all_text_contents()
    assert len(ticks) >= 4 and all(re.match(r"\d{1,2} [A-Z][a-z]{2}", t) for t in ticks)
    # a date on the axis opens its entry and brings it into view, below the toolbar
    dot = p.locator("#axis-svg a.date-link").first
    entry = p.locator(f"#entry-{dot.get_attribute('data-entry')}")
    assert not entry.evaluate("e => e.open")
    dot.click()
    assert entry.evaluate("e => e.open")
    top = entry.evaluate("e => e.getBoundingClientRect().top")
    toolbar = p.locator(".toolbar").evaluate("e => e.getBoundingClientRect().bottom")
    assert toolbar <= top < DESKTOP[1] / 2
    # and from the keyboard: Tab to a date, Enter
    last = p.locator("#axis-svg a.date-link").last
    other = p.locator(f"#entry-{last.get_attribute('data-entry')}")
    last.focus()
    p.keyboard.press("Enter")
    assert other.evaluate("e => e.open")
    assert 0 <= other.evaluate("e => e.getBoundingClientRect().top") < DESKTOP[1] / 2
    assert_clean(page, long_report)


def test_drag_moves_the_axis(browser: Any, long_report: Path) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(long_report)
    p.click("#zoom-in")
    p.click("#zoom-in")
    before = p.locator("#axis-svg").get_attribute("data-from") or ""
    box = p.locator("#axis-svg").bounding_box()
    y = box["y"] + box["height"] - 20
    p.mouse.move(box["x"] + box["width"] * 0.7, y)
    p.mouse.down()
    p.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    p.mouse.up()
    assert (p.locator("#axis-svg").get_attribute("data-from") or "") > before
    assert p.locator("details.entry[open]").count() == 0  # a drag is not a click
    assert_clean(page, long_report)


def test_print_opens_every_entry_and_quote_and_hides_controls(
    browser: Any, hostile_report: Path, long_report: Path
) -> None:
    for path in (hostile_report, long_report):
        page = Page(browser, DESKTOP)
        p = page.open(path)
        assert p.locator("#search").is_visible()
        p.emulate_media(media="print")
        for selector in ("#search", "#zoom-in", "#filter-actor", "#filter-reset", ".more"):
            assert p.locator(selector).first.is_hidden(), selector
        for src in p.locator("details.entry .src mark:not(.hit)").all():
            assert src.is_visible()
        assert p.locator("blockquote.quote:visible").count() == p.locator("blockquote").count()
        assert p.locator("ol.sources li:visible").count() == p.locator("ol.sources li").count()
        assert p.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        assert p.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
        link = p.locator("ol.sources a[href^='https://']").first
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert link.get_attribute("href") in after
        p.emulate_media(media="screen")
        frames(p)
        assert p.locator("details.entry[open]").count() == 0
        assert p.locator("#search").is_visible()
        assert_clean(page, path)


def test_without_javascript_the_report_is_a_plain_list(browser: Any, long_report: Path) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": DESKTOP[0], "height": DESKTOP[1]}
    )
    p = context.new_page()
    p.goto(long_report.as_uri())
    assert p.locator("#search").is_hidden() and p.locator("#zoom-in").is_hidden()
    entries = p.locator("details.entry")
    assert entries.count() == p.locator("#axis-svg a.date-link").count() > 10
    p.locator("#axis-svg a.date-link").last.click()
    assert p.evaluate("location.hash") == "#" + (entries.last.get_attribute("id") or "")
    assert p.locator("ol.sources li").count() == LONG_ARTICLES  # every source, in a <details>
    p.click("#source-list > summary")
    assert p.locator("ol.sources li").last.is_visible()
    p.emulate_media(media="print")
    assert entries.first.locator(".src").first.is_visible()  # open by the print style alone
    context.close()


def test_a_long_briefing_stays_short_and_its_lists_open_on_demand(
    browser: Any, long_report: Path
) -> None:
    page = Page(browser, DESKTOP)
    p = page.open(long_report)
    height = p.evaluate("document.documentElement.scrollHeight")
    assert height < LONG_HEIGHT_BOUND
    for selector in ("h1", "#summary h2", "#summary li", "#timeline h2", "#axis-svg"):
        assert p.locator(selector).first.is_visible()
        top = p.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")
        assert top < DESKTOP[1], selector
    assert f"{LONG_ARTICLES} articles" in p.inner_text("#sources h2")
    # "show more" pages the next ones in
    visible = p.locator("ol.sources li:visible")
    p.click("#source-list > summary")
    assert visible.count() == 25
    p.locator("#source-list .more button").first.click()
    assert visible.count() == 50
    p.click("#source-list > summary")
    # a citation of a source beyond those opens the list at that source
    cites = p.locator("details.entry a.cite")
    hrefs = cites.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    n = max(int(h.rsplit("-", 1)[1]) for h in hrefs)
    assert n > 50
    target = p.locator(f"#source-{n}")
    assert target.is_hidden()
    cite = p.locator(f"details.entry a.cite[href='#source-{n}']").first
    cite.evaluate("a => { a.closest('details').open = true; }")
    cite.click()
    assert target.is_visible()
    assert 0 <= target.evaluate("e => e.getBoundingClientRect().top") < DESKTOP[1]
    assert visible.count() == n
    if n < LONG_ARTICLES:
        p.locator("#source-list .more button").last.click()  # "show all"
    assert visible.count() == LONG_ARTICLES
    assert_clean(page, long_report)


def test_phone_toolbar_fits(browser: Any, long_report: Path) -> None:
    p = Page(browser, PHONE).open(long_report)
    assert p.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    assert p.locator("#search").is_visible()


def test_a_link_to_a_paged_out_source_opens_it(browser: Any, long_report: Path) -> None:
    page = Page(browser, DESKTOP)
    p = page.page
    p.goto(f"{long_report.as_uri()}#source-{LONG_ARTICLES - 1}")
    target = p.locator(f"#source-{LONG_ARTICLES - 1}")
    assert target.is_visible()
    assert 0 <= target.evaluate("e => e.getBoundingClientRect().top") < DESKTOP[1]
    assert page.console == []
