"""Page furniture: paragraphs a corpus repeats word for word over weeks."""

from __future__ import annotations

import datetime as dt

from dateline.annotate.sentences import split_sentences
from dateline.furniture import FURNITURE_ARTICLES, find_furniture
from dateline.model import Annotations, Article
from dateline.options import Options
from dateline.render.json import title_shown
from dateline.timeline.candidates import build_candidate_index
from tests.builders import make_article, make_corpus

START = dt.date(2011, 1, 25)
# CNN pages of an Egypt corpus open with the site's most read story
SIDEBAR = "2 men charged in death of Chicago teen who performed in inauguration event."
WIRE = "Police fired tear gas at protesters in Cairo on Tuesday, witnesses said."


def _pages(n: int, days_apart: int) -> list[Article]:
    return [
        make_article(
            f"cnn-{i}",
            f"{SIDEBAR}\n\nProtest number {i} filled Tahrir Square again.\n\n{WIRE}",
            START + dt.timedelta(days=i * days_apart),
        )
        for i in range(n)
    ]


def test_a_paragraph_repeated_for_weeks_is_furniture_and_a_wire_copy_is_not() -> None:
    pages = _pages(FURNITURE_ARTICLES, 4)  # over 16 days
    furniture = find_furniture(pages)
    for page in pages:
        assert furniture.covers(page.id, 0, len(SIDEBAR))
        body = page.text.index("Protest")
        assert not furniture.covers(page.id, body, body + 10)  # each page's own
    # on fewer pages, or within days (a wire report copied), it is no furniture
    assert not find_furniture(_pages(FURNITURE_ARTICLES - 1, 5)).covers("cnn-0", 0, 10)
    wire_copies = find_furniture(_pages(FURNITURE_ARTICLES, 1))
    assert not wire_copies.covers("cnn-0", 0, 10)


def test_furniture_is_no_timeline_candidate_and_no_title() -> None:
    pages = _pages(FURNITURE_ARTICLES, 4)
    corpus = make_corpus(pages, [Annotations(p.id, tuple(split_sentences(p.text))) for p in pages])
    index = build_candidate_index(corpus, Options())
    assert index.sentences and all(SIDEBAR not in s.text for s in index.sentences)
    furniture = find_furniture(corpus.articles)
    assert title_shown(pages[0]).startswith("(untitled) “2 men charged")
    assert title_shown(pages[0], furniture).startswith("(untitled) “Protest number 0")
