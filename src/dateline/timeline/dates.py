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

from dateline.options import Options, TimelineTuning, pick_strategy
from dateline.timeline.candidates import CandidateIndex


@dataclass(frozen=True)
class RankedDate:
    date: dt.date
    score: float
    published: int  # articles published on the date
    mentioned: int  # on-topic sentences mentioning it
    mentioning_articles: int = 0  # distinct articles those sentences come from


class DateRanker(Protocol):
    name: str

    def rank(self, index: CandidateIndex, opts: Options) -> list[RankedDate]:
        """Candidate dates, best first; ties broken by date so the order is stable."""
        ...


class MentionCountRanker:
    """Score = articles with an on-topic sentence mentioning the date, each by the weight
    of its strongest mention (:func:`mention_weight`), + ``published_weight`` per article
    published on it. An article counts once however often it repeats a date: a live
    blog that stamps every update with the day is one report, not fifty."""

    name = "mentions"

    def rank(self, index: CandidateIndex, opts: Options) -> list[RankedDate]:
        tuning = opts.tuning
        mention_score: dict[dt.date, float] = defaultdict(float)
        mention_count: Counter[dt.date] = Counter()
        mentioning: Counter[dt.date] = Counter()  # distinct articles
        for day, cands in index.mentions.items():
            by_article: dict[str, float] = defaultdict(float)
            for cand in cands:
                sent = index.sentences[cand.sentence]
                if sent.on_topic:
                    weight = mention_weight(day, sent.pub_date, tuning)
                    article = sent.span.article_id
                    by_article[article] = max(by_article[article], weight)
                    mention_count[day] += 1
            if by_article:
                mention_score[day] = sum(by_article.values())
                mentioning[day] = len(by_article)
        published = {
            day: sum(index.sentences[c.sentence].on_topic for c in cands) > 0
            for day, cands in index.published.items()
        }
        days = set(mention_score) | {d for d, ok in published.items() if ok}
        ranked = [
            RankedDate(
                day,
                mention_score[day] + tuning.published_weight * len(index.articles_on[day]),
                len(index.articles_on[day]),
                mention_count[day],
                mentioning[day],
            )
            for day in days
        ]
        ranked.sort(key=lambda r: (-r.score, r.date))
        return ranked


def mention_weight(day: dt.date, published: dt.date | None, tuning: TimelineTuning) -> float:
    """What one mention of ``day`` in an article published on ``published`` weighs: a
    mention on the day itself restates the article's date; earlier and later ones weigh
    the same however far off, so a story's last events are not outweighed by its early
    ones for having had less time to be cited."""
    if published is None:
        return 1.0
    lag = (published - day).days
    return tuning.same_day_weight if lag == 0 else 1.0


def spread_dates(ranked: list[RankedDate], n_dates: int, spread: float) -> list[RankedDate]:
    """Reorder ranked dates so the first ``n_dates`` cover the story's span.

    Greedy: each pick maximises score times a penalty that grows with closeness to
    dates already picked. Dates a short story packs together (every day of a
    three-week uprising) stay untouched, because the window is then under a day.
    """
    if spread <= 0 or len(ranked) <= 1 or n_dates <= 1:
        return ranked
    days = [r.date for r in ranked]
    window = (max(days) - min(days)).days / (spread * n_dates)
    if window <= 1:
        return ranked
    picked: list[RankedDate] = []
    nearest = [float("inf")] * len(ranked)  # days to the nearest date picked so far
    left = set(range(len(ranked)))
    # Pick twice L: the selector skips dates that yield no usable sentence.
    while left and len(picked) < 2 * n_dates:
        best = max(
            left,
            key=lambda i: (
                ranked[i].score * min(1.0, nearest[i] / window),
                -ranked[i].date.toordinal(),
            ),
        )
        left.discard(best)
        picked.append(ranked[best])
        for i in left:
            nearest[i] = min(nearest[i], abs((ranked[i].date - ranked[best].date).days))
    return picked + [r for i, r in enumerate(ranked) if i in left]


def allocate_by_coverage(
    ranked: list[RankedDate],
    n_dates: int,
    published: dict[dt.date, int],
    power: float,
    bin_days: int,
) -> list[RankedDate]:
    """Reorder ranked dates so the first ``n_dates`` follow the story's coverage over
    time: each stretch of ``bin_days`` gets a share of the dates in proportion to the
    articles published in it (to the ``power``), filled with its best dates.

    Mentions pile up on a story's first weeks, which every later article cites; a
    late climax (a capital falls, a leader is killed) is reported by a burst of
    articles but cited by few, having little time left to be. Its share of the
    coverage keeps its place.
    """
    if power <= 0 or not ranked or not published or n_dates <= 1:
        return ranked
    first = min(published)
    weight: dict[int, float] = defaultdict(float)
    for day, count in published.items():
        weight[(day - first).days // bin_days] += count**power
    total = sum(weight.values())
    quota = {b: n_dates * w / total for b, w in weight.items()}
    picked: list[RankedDate] = []
    taken: dict[int, int] = defaultdict(int)
    for r in ranked:  # best first: a bin takes its best dates up to its quota
        b = (r.date - first).days // bin_days
        if taken[b] + 1 <= round(quota.get(b, 0.0)):
            taken[b] += 1
            picked.append(r)
    chosen = {r.date for r in picked}
    return picked + [r for r in ranked if r.date not in chosen]


RANKERS: dict[str, type[MentionCountRanker]] = {"mentions": MentionCountRanker}


def get_date_ranker(name: str) -> DateRanker:
    return pick_strategy(RANKERS, name, "date ranker")
