"""The timeline engine: choose the dates that matter, then summarise each."""

from __future__ import annotations

import math

from dateline.model import Corpus, Timeline, TimelineEntry
from dateline.options import Options
from dateline.timeline.candidates import CandidateIndex, build_candidate_index
from dateline.timeline.dates import DateRanker, get_date_ranker, spread_dates
from dateline.timeline.summarise import SentenceSelector, get_sentence_selector

__all__ = [
    "CandidateIndex",
    "DateRanker",
    "SentenceSelector",
    "build_timeline",
    "default_sizes",
]


def default_sizes(corpus: Corpus, opts: Options, candidate_dates: int) -> tuple[int, int]:
    """L and K chosen from the corpus when the options leave them open.

    L grows with the square root of the number of articles (at least 6; a story of
    500 articles gets about 45 dates), never more than the dates available.
    """
    n_articles = max(1, len(corpus.articles))
    dates = opts.dates or max(6, min(100, round(2 * math.sqrt(n_articles))))
    dates = min(dates, max(1, candidate_dates))
    sentences = opts.sentences or (1 if n_articles < 20 else 2)
    return dates, sentences


def build_timeline(corpus: Corpus, opts: Options | None = None) -> Timeline:
    """Rank dates, pick L of them, and choose K sentences for each. Deterministic."""
    opts = opts or Options()
    index = build_candidate_index(corpus, opts)
    ranked = get_date_ranker(opts.date_ranker).rank(index, opts)
    n_dates, n_sents = default_sizes(corpus, opts, len(ranked))
    ranked = spread_dates(ranked, n_dates)
    selector = get_sentence_selector(opts.sentence_selector)
    chosen = selector.select(index, [d.date for d in ranked], n_dates, n_sents, opts)
    scores = {d.date: d for d in ranked}
    entries = tuple(
        TimelineEntry(
            day, sents, round(scores[day].score, 4), scores[day].published, scores[day].mentioned
        )
        for day, sents in sorted(chosen.items())
        if sents
    )
    return Timeline(entries, n_dates, n_sents)
