"""Page furniture a corpus repeats: site boilerplate, sidebars and blurbs on many pages.

Copied web pages carry their site around the article: a sidebar of the site's most
read stories ("2 men charged in death of Chicago teen who performed in inauguration
event." on 58 CNN pages of an Egypt corpus, with a snowstorm's forecasts), comment
rules ("Views expressed in the comments do not represent those of Reuters."), a
newsletter's blurb. A paragraph written word for word in at least
:data:`FURNITURE_ARTICLES` articles published over at least :data:`FURNITURE_DAYS` days
is the site's, not the story's: wire copies of one report appear within days, a site's
furniture for weeks. Its sentences are no timeline entries, summary sentences,
figures, quotes or expectations; the text keeps them, so offsets never move.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

from dateline.model import Article

FURNITURE_ARTICLES = 5
FURNITURE_DAYS = 14
MIN_WORDS = 4  # shorter paragraphs ("Related", "Share") repeat by chance

Spans = tuple[tuple[int, int], ...]


class Furniture:
    """The furniture paragraphs of each article, as ``(start, end)`` offsets."""

    def __init__(self, spans: dict[str, Spans]) -> None:
        self.spans = spans
        self._starts = {i: [s for s, _ in found] for i, found in spans.items()}

    def covers(self, article_id: str, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of the article lies in one furniture paragraph."""
        found = self.spans.get(article_id)
        if not found:
            return False
        i = bisect_right(self._starts[article_id], start) - 1
        return i >= 0 and found[i][0] <= start and end <= found[i][1]


# The last corpus asked about, by its articles (held, so their ids stay theirs).
_CACHE: list[tuple[tuple[int, ...], Sequence[Article], Furniture]] = []


def find_furniture(articles: Sequence[Article]) -> Furniture:
    """The corpus's furniture paragraphs (see the module). Remembered for the last
    corpus asked about: the timeline, summary, figures, quotes and expectations of one
    briefing all ask."""
    key = tuple(map(id, articles))
    for seen, _, found in _CACHE:
        if seen == key:
            return found
    found = _find(articles)
    _CACHE[:] = [(key, tuple(articles), found)]
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while start <= len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        spans.append((start, end))
        start = end + 2
    return spans


def _find(articles: Sequence[Article]) -> Furniture:
    where: dict[str, list[tuple[Article, int, int]]] = defaultdict(list)
    for article in articles:
        for start, end in _paragraphs(article.text):
            words = article.text[start:end].lower().split()
            if len(words) >= MIN_WORDS:
                where[" ".join(words)].append((article, start, end))
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for places in where.values():
        if len({a.id for a, _, _ in places}) < FURNITURE_ARTICLES:
            continue
        days = sorted(a.pub_date.value for a, _, _ in places if a.pub_date.value)
        if not days or (days[-1] - days[0]).days < FURNITURE_DAYS:
            continue
        for article, start, end in places:
            spans[article.id].append((start, end))
    return Furniture({i: tuple(sorted(found)) for i, found in spans.items()})
