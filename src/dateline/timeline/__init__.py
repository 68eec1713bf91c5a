"""The timeline engine: choose the dates that matter, then summarise each.

The main timeline keeps to the story's own span (the options' ``start`` and ``end``,
or the corpus's publication span); dates mentioned before it are the story's
background, and dates after it what was still ahead. Both are kept apart, labelled,
and never mixed into the main entries.
"""

from __future__ import annotations

import datetime as dt
import math

from dateline.model import Corpus, StoryFocus, Timeline, TimelineEntry
from dateline.options import Options
from dateline.timeline.candidates import CandidateIndex, build_candidate_index
from dateline.timeline.dates import (
    DateRanker,
    RankedDate,
    allocate_by_coverage,
    get_date_ranker,
    spread_dates,
)
from dateline.timeline.speakers import name_speakers
from dateline.timeline.story import find_story_focus
from dateline.timeline.summarise import SentenceSelector, get_sentence_selector

__all__ = [
    "CandidateIndex",
    "DateRanker",
    "SentenceSelector",
    "StoryFocus",
    "build_timeline",
    "default_sizes",
    "find_story_focus",
]

# Background and "ahead" parts: a few dates, one sentence each, and in a large corpus
# only dates that several articles mention (one passing mention is trivia).
BACKGROUND_SHARE = 0.25  # of the main timeline's dates
BACKGROUND_MAX = 12
BACKGROUND_MIN_ARTICLES = 3
ARTICLES_PER_REQUIRED_MENTION = 50  # 1 article for a small corpus, 3 from 150 articles


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
    # Keywords or a query say what the story is; otherwise its core names do.
    by_names = not (opts.keywords or opts.about)
    focus = (find_story_focus(corpus, opts, with_names=by_names) if opts.story_focus
             else StoryFocus(None, None))  # fmt: skip
    start = opts.start or focus.start
    end = opts.end or focus.last
    names = frozenset(focus.names)
    index = build_candidate_index(corpus, opts, names)
    ranked = get_date_ranker(opts.date_ranker).rank(index, opts)
    main = [r for r in ranked if _within(r.date, start, end)]
    before = [r for r in ranked if start is not None and r.date < start]
    after = [r for r in ranked if end is not None and r.date > end]
    n_dates, n_sents = default_sizes(corpus, opts, len(main))
    selector = get_sentence_selector(opts.sentence_selector)
    tuning = opts.tuning
    published = {day: len(ids) for day, ids in index.articles_on.items()
                 if _within(day, start, end)}  # fmt: skip
    main = allocate_by_coverage(
        main, n_dates, published, tuning.coverage_power, tuning.coverage_bin_days
    )
    entries = _entries(index, selector, spread_dates(main, n_dates, tuning.spread),
                       n_dates, n_sents, opts)  # fmt: skip
    n_side = min(BACKGROUND_MAX, max(1, round(BACKGROUND_SHARE * n_dates)))
    needed = max(
        1, min(BACKGROUND_MIN_ARTICLES, round(len(corpus.articles) / ARTICLES_PER_REQUIRED_MENTION))
    )
    background = _entries(index, selector, _side(before, needed), n_side, 1, opts)
    ahead = _entries(index, selector, _side(after, needed), n_side, 1, opts)
    timeline = Timeline(entries, n_dates, n_sents, background, ahead, focus, start, end)
    return name_speakers(timeline, corpus)


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _side(ranked: list[RankedDate], needed: int) -> list[RankedDate]:
    return [r for r in ranked if r.mentioning_articles >= needed]


def _entries(
    index: CandidateIndex,
    selector: SentenceSelector,
    ranked: list[RankedDate],
    n_dates: int,
    n_sents: int,
    opts: Options,
) -> tuple[TimelineEntry, ...]:
    chosen = selector.select(index, [d.date for d in ranked], n_dates, n_sents, opts)
    scores = {d.date: d for d in ranked}
    return tuple(
        TimelineEntry(
            day, sents, round(scores[day].score, 4), scores[day].published, scores[day].mentioned
        )
        for day, sents in sorted(chosen.items())
        if sents
    )
