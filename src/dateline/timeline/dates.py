"""Date rankers: which dates of the story matter most.

Mentions of a date in articles are the strongest unsupervised signal known for
timeline dates (Tran et al. 2015; Gholipour Ghalandari & Ifrim 2020); publication
counts add the days the story broke. Rankers sit behind a small protocol and are
chosen by name in :class:`~dateline.options.Options`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Protocol

from dateline.options import Options, pick_strategy
from dateline.timeline.candidates import CandidateIndex

PUBLISHED_WEIGHT = 0.25
# What a mention weighs by how many days after the date its article appeared: "today"
# restates the article's own date (0.5); a date still cited days or weeks later has
# lasted (Tran et al. 2015 count such references too). Earlier mentions and those of
# the next two days weigh 1. T17 dev AR-1/AR-2/date F1 (with the date-led bonus of
# summarise.py): all 1 -> 0.138/0.0348/0.667, these -> 0.139/0.0353/0.672.
SAME_DAY_WEIGHT = 0.5
LATER_WEIGHTS = ((14, 2.0), (2, 1.5))  # (more than this many days later, weight)


@dataclass(frozen=True)
class RankedDate:
    date: dt.date
    score: float
    published: int  # articles published on the date
    mentioned: int  # on-topic sentences mentioning it


class DateRanker(Protocol):
    name: str

    def rank(self, index: CandidateIndex, opts: Options) -> list[RankedDate]:
        """Candidate dates, best first; ties broken by date so the order is stable."""
        ...


class MentionCountRanker:
    """Score = on-topic sentences mentioning the date, weighted by how long after the
    date they were published, + PUBLISHED_WEIGHT per article published on it."""

    name = "mentions"

    def rank(self, index: CandidateIndex, opts: Options) -> list[RankedDate]:
        mention_score: dict[dt.date, float] = defaultdict(float)
        mention_count: Counter[dt.date] = Counter()
        for day, cands in index.mentions.items():
            for cand in cands:
                sent = index.sentences[cand.sentence]
                if sent.on_topic:
                    mention_score[day] += mention_weight(day, sent.pub_date)
                    mention_count[day] += 1
        published = {
            day: sum(index.sentences[c.sentence].on_topic for c in cands) > 0
            for day, cands in index.published.items()
        }
        days = set(mention_score) | {d for d, ok in published.items() if ok}
        ranked = [
            RankedDate(
                day,
                mention_score[day] + PUBLISHED_WEIGHT * len(index.articles_on[day]),
                len(index.articles_on[day]),
                mention_count[day],
            )
            for day in days
        ]
        ranked.sort(key=lambda r: (-r.score, r.date))
        return ranked


def mention_weight(day: dt.date, published: dt.date | None) -> float:
    """What one mention of ``day`` in an article published on ``published`` weighs."""
    if published is None:
        return 1.0
    lag = (published - day).days
    if lag == 0:
        return SAME_DAY_WEIGHT
    return next((weight for days, weight in LATER_WEIGHTS if lag > days), 1.0)


# Spreading: a date within ``span / (SPREAD * L)`` days of one already chosen has its
# score scaled down by distance, so a long story is not summarised only at its peak.
SPREAD: float | None = 4.0


def spread_dates(ranked: list[RankedDate], n_dates: int) -> list[RankedDate]:
    """Reorder ranked dates so the first ``n_dates`` cover the story's span.

    Greedy: each pick maximises score times a penalty that grows with closeness to
    dates already picked. Dates a short story packs together (every day of a
    three-week uprising) stay untouched, because the window is then under a day.
    """
    if SPREAD is None or len(ranked) <= 1 or n_dates <= 1:
        return ranked
    days = [r.date for r in ranked]
    window = (max(days) - min(days)).days / (SPREAD * n_dates)
    if window <= 1:
        return ranked
    picked: list[RankedDate] = []
    nearest = [float("inf")] * len(ranked)  # days to the nearest date picked so far
    left = set(range(len(ranked)))
    # Pick twice L: the selector skips dates that yield no usable sentence.
    while left and len(picked) < 2 * n_dates:
        best = max(left, key=lambda i: (ranked[i].score * min(1.0, nearest[i] / window),
                                        -ranked[i].date.toordinal()))
        left.discard(best)
        picked.append(ranked[best])
        for i in left:
            nearest[i] = min(nearest[i], abs((ranked[i].date - ranked[best].date).days))
    return picked + [r for i, r in enumerate(ranked) if i in left]


RANKERS: dict[str, type[MentionCountRanker]] = {"mentions": MentionCountRanker}


def get_date_ranker(name: str) -> DateRanker:
    return pick_strategy(RANKERS, name, "date ranker")
