"""Publication dates estimated from content, for articles the sources leave undated.

A corpus-level step: an undated article is compared with the dated articles of the
same corpus, and candidate days are scored by these kinds of evidence, each in [0, 1]:

- neighbours: dated articles whose words overlap most (TF-IDF cosine) report the
  same events; in a news corpus those are published within days of each other;
- shared word pairs: a pair the article shares with dated articles published within
  a day of each other ("emergency rate cut") votes for their day; a pair they use all
  year votes for none (a temporal language model, after de Jong, Rode and Hiemstra,
  "Temporal language models for the disclosure of historical text", 2005);
- pinned events: a sentence with a relative expression ("last week, following talks
  in Moscow") that matches a dated article's sentence dating the same event ("in May,
  Kerry and Lavrov announced") holds for the days on which the expression, resolved
  against that day, overlaps the event;
- mentioned dates: an article is published on or after the latest full date it speaks
  of as past, usually soon after; a later past date rules a day out;
- weekday and month-day words, by their tense ("on Sunday" said of the past lies 0-6
  days back);
- cumulative counts: a toll lower than a dated neighbour's toll of the same series
  comes before it;
- readers' comments cut from the page: the first is posted on the article's day or
  soon after, never before.

The best day is the point estimate; the interval spans the candidate days that score
nearly as well. Estimates are ``Confidence.ESTIMATED`` and never anchor a timeline
unless asked for (``--anchor estimated``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from dateline.annotate.timex import extract_timexes
from dateline.annotate.timex.calendar import FUTURE, PAST
from dateline.ingest.clues import Clues, CountFigure, RelativeSentence, dated_events, read_clues
from dateline.ingest.pubdate import WEEKDAY_WEIGHTS
from dateline.model import (
    Article,
    Confidence,
    DateInterval,
    Granularity,
    PublicationDate,
    Timex,
)

# Bump whenever an estimate for some corpus changes (this module, ingest/clues.py, the
# fitted DatingTuning): a store re-estimates its undated articles when its estimates
# were made by another version.
ESTIMATOR_VERSION = "6"
DAY = dt.timedelta(days=1)
_QUERY_TERMS = 100  # an article's heaviest terms, enough to find its neighbours
_TERM_ARTICLES = 50  # a pair in more dated articles than this says nothing of a day
_TERM_CANDIDATES = 5  # the days the pairs vote for most are candidates
_TERM_EVIDENCE = 0.05  # a share of the pairs' votes worth naming in the evidence
_DEICTIC = frozenset({"today", "now", "this morning", "tonight", "this evening"})


@dataclass(frozen=True)
class DatingTuning:
    """The estimator's constants. The weights and the interval ratio are fitted on the
    five Timeline17 dev topics (``dateline eval dating --cross-validate``: coordinate
    ascent on within 1 day + within 7 days + interval coverage up to 90%); the held-out,
    leave-one-topic-out figures are in docs/benchmarks.md. The other constants were set
    by hand on the same topics."""

    neighbours: int = 10  # dated articles compared with an undated one
    min_similarity: float = 0.02  # cosine below which an article is not a neighbour
    strong_similarity: float = 0.1  # cosine from which a neighbour is fully trusted
    window_days: int = 7  # how far from a neighbour's date a day still gets support
    pin_similarity: float = 0.25  # weighted word overlap for two sentences to be one event
    recent_days: int = 7  # how soon after its latest past date an article usually is
    lead_next_day: float = 0.5  # support for the day after a date in the first lines
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "neighbours": 1.0,  # the scale: not fitted
            # Pins and counts are not fitted either (evaluate.dating.FIXED): left free,
            # coordinate ascent drops them to 0.1 and 0, which scores worse held out.
            "pins": 0.5,
            "recent": 0.3,
            "weekdays": 0.5,
            "month_days": 0.1,
            "counts": 0.3,
            "violations": 0.3,
            "lead": 0.8,
            # Not fitted either: few pages keep their comments (set by hand, as "lead")
            "comments": 0.8,
            "terms": 2.0,
        }
    )
    interval_ratio: float = 0.1  # days scoring at least this share of the best are in


@dataclass(frozen=True)
class DateEstimate:
    point: dt.date
    earliest: dt.date
    latest: dt.date
    evidence: str


@dataclass(frozen=True)
class _Pin:
    sentence: RelativeSentence
    event: Timex
    event_article: int
    similarity: float


class DatingCorpus:
    """The articles of a corpus as the estimator needs them: clues, vectors, dates.

    ``dates`` holds each article's known publication day or None; an estimate for
    article ``i`` reads only the dates of the others, and never those in ``hidden``.
    """

    def __init__(
        self,
        texts: Sequence[str],
        dates: Sequence[dt.date | None],
        clues: Sequence[Clues],
        commented: Sequence[dt.date | None] | None = None,
    ) -> None:
        self.texts, self.dates, self.clues = texts, dates, clues
        # each article's earliest reader comment, from its page (Article.first_comment)
        self.commented = commented if commented is not None else [None] * len(texts)
        df: Counter[str] = Counter()
        for c in clues:
            df.update(set(c.terms))
        n = len(clues)
        self.idf = {t: math.log((1 + n) / (1 + k)) + 1.0 for t, k in df.items()}
        # Articles are compared on word pairs ("tahrir square", "swine flu"): in
        # Timeline17 the nearest article by pairs is within a day of the hidden one's
        # date for 64% of egypt's articles, by single words for 55% (docs/benchmarks.md).
        pairs = [Counter(_pairs(c.terms)) for c in clues]
        pair_df: Counter[str] = Counter()
        for counts in pairs:
            pair_df.update(counts.keys())
        self.vectors = [_unit(counts, pair_df, n) for counts in pairs]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for j, vec in enumerate(self.vectors):
            for term, weight in vec.items():
                self.postings[term].append((j, weight))
        self._events: dict[int, list[tuple[frozenset[str], Timex]]] = {}

    @classmethod
    def of_texts(
        cls,
        texts: Sequence[str],
        dates: Sequence[dt.date | None],
        commented: Sequence[dt.date | None] | None = None,
    ) -> DatingCorpus:
        return cls(texts, dates, [read_clues(t) for t in texts], commented)

    def neighbours(
        self, i: int, tuning: DatingTuning, hidden: Collection[int] = ()
    ) -> list[tuple[int, float]]:
        """The dated articles most like article ``i``, most similar first."""
        vec = self.vectors[i]
        top = sorted(vec.items(), key=lambda kv: -kv[1])[:_QUERY_TERMS]
        scores: defaultdict[int, float] = defaultdict(float)
        for term, weight in top:
            for j, other in self.postings[term]:
                scores[j] += weight * other
        ranked = [
            (j, s)
            for j, s in sorted(scores.items(), key=lambda js: -js[1])
            if j != i
            and j not in hidden
            and self.dates[j] is not None
            and s >= tuning.min_similarity
        ]
        return ranked[: tuning.neighbours]

    def _shared_pairs(
        self, i: int, hidden: Collection[int]
    ) -> Iterator[tuple[str, float, list[dt.date]]]:
        """Article ``i``'s word pairs with their weights and the days of the other
        dated articles that have them: pairs of 2 to ``_TERM_ARTICLES`` such articles."""
        for term, weight in self.vectors[i].items():
            days = [
                day
                for j, _ in self.postings[term]
                if j != i and j not in hidden and (day := self.dates[j]) is not None
            ]
            if 2 <= len(days) <= _TERM_ARTICLES:
                yield term, weight, days

    def term_days(self, i: int, hidden: Collection[int] = ()) -> dict[dt.date, float]:
        """Each day's share of the votes of article ``i``'s word pairs, a pair weighted
        as in ``i``'s vector. A pair votes for the days on which the dated articles that
        share it agree (published within a day of another of them): a pair seen only
        around one day ("777 points") votes for that day in full, one seen all year, or
        in a single other article, votes for none. The days beside a voted day get half."""
        votes: defaultdict[dt.date, float] = defaultdict(float)
        mass = 0.0
        for _, weight, days in self._shared_pairs(i, hidden):
            mass += weight
            share = weight / (len(days) * (len(days) - 1))
            for day in days:
                agreeing = sum(abs((other - day).days) <= 1 for other in days) - 1
                if agreeing:
                    votes[day] += share * agreeing
        if not mass:
            return {}
        spread: defaultdict[dt.date, float] = defaultdict(float)
        for day, v in votes.items():
            spread[day] += v / mass
            spread[day - DAY] += v / mass / 2
            spread[day + DAY] += v / mass / 2
        return spread

    def pairs_of_day(
        self, i: int, day: dt.date, hidden: Collection[int] = (), limit: int = 3
    ) -> list[str]:
        """The heaviest of article ``i``'s word pairs that vote for ``day`` or a day
        beside it (for the evidence)."""
        voting = [
            (weight, term)
            for term, weight, days in self._shared_pairs(i, hidden)
            if sum(abs((d - day).days) <= 2 for d in days) >= 2
        ]
        return [term for _, term in sorted(voting, reverse=True)[:limit]]

    def events(self, j: int) -> list[tuple[frozenset[str], Timex]]:
        if j not in self._events:
            day = self.dates[j]
            self._events[j] = dated_events(self.texts[j], day) if day else []
        return self._events[j]

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted overlap of two sentences' words (a cosine of binary vectors)."""
        shared = sum(self.idf.get(t, 1.0) ** 2 for t in a & b)
        norm_a = sum(self.idf.get(t, 1.0) ** 2 for t in a)
        norm_b = sum(self.idf.get(t, 1.0) ** 2 for t in b)
        return shared / math.sqrt(norm_a * norm_b) if norm_a and norm_b else 0.0


def _pairs(words: Sequence[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(words)]


def _unit(counts: Counter[str], df: Counter[str], n: int) -> dict[str, float]:
    """A sublinear TF-IDF vector, L2-normalised; terms of one article only are dropped
    (they cannot match another)."""
    vec = {
        t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]))
        for t, c in counts.items()
        if df[t] > 1
    }
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


@lru_cache(maxsize=1 << 16)  # bounded: the web app runs estimates for as long as it lives
def _resolved(sentence: str, timex_start: int, day: dt.date) -> DateInterval | None:
    """What the expression at ``timex_start`` in ``sentence`` means if written on ``day``."""
    for timex in extract_timexes(sentence, day):
        if timex.start <= timex_start < timex.end:
            return timex.interval
    return None


class Scorer:
    """Scores candidate days for one article; built once per estimate."""

    def __init__(
        self,
        corpus: DatingCorpus,
        i: int,
        tuning: DatingTuning,
        hidden: Collection[int],
    ) -> None:
        self.corpus, self.i, self.tuning, self.hidden = corpus, i, tuning, hidden
        self.clues = corpus.clues[i]
        self.near = corpus.neighbours(i, tuning, hidden)
        self.pins = self._pins()
        self.latest = self.clues.latest_past_day()
        self.counts = self._count_pairs()
        self.commented = corpus.commented[i]
        self.term_days = corpus.term_days(i, hidden)

    def _pins(self) -> list[_Pin]:
        pins: list[_Pin] = []
        text = self.corpus.texts[self.i]
        for sent in self.clues.relative:
            best: _Pin | None = None
            said = text[sent.start + sent.timex_start : sent.start + sent.timex_end].lower()
            # "said today" statements recur day after day (an official repeats a call),
            # so pinning the article's own day to one asks for more overlap.
            needed = self.tuning.pin_similarity + (0.1 if said in _DEICTIC else 0.0)
            for j, _ in self.near:
                for terms, event in self.corpus.events(j):
                    # "yesterday" matched to an event dated "in October" says only the
                    # month, and a month of days agreeing outweighs the day's evidence
                    if sent.day_level and _coarse(event):
                        continue
                    sim = self.corpus.overlap(sent.terms, terms)
                    if sim >= needed and (best is None or sim > best.similarity):
                        best = _Pin(sent, event, j, sim)
            if best:
                pins.append(best)
        return pins

    def _count_pairs(self) -> list[tuple[CountFigure, CountFigure, dt.date]]:
        pairs = []
        for j, _ in self.near:
            day = self.corpus.dates[j]
            assert day is not None
            for theirs in self.corpus.clues[j].counts:
                for ours in self.clues.counts:
                    ratio = ours.value / theirs.value if theirs.value else 0.0
                    if ours.series == theirs.series and 0.2 <= ratio <= 5 and abs(ratio - 1) > 0.05:
                        pairs.append((ours, theirs, day))
        return pairs

    def candidates(self) -> set[dt.date]:
        days: set[dt.date] = set()
        for j, _ in self.near:
            day = self.corpus.dates[j]
            assert day is not None
            days.update(day + k * DAY for k in range(-2, 4))
        if self.latest:
            days.update(self.latest.day + k * DAY for k in range(4))
        for mention in self.clues.lead:
            days.update((mention.day, mention.day + DAY))
        if self.commented:
            days.update(self.commented - k * DAY for k in range(3))
        voted = sorted(self.term_days, key=lambda d: -self.term_days[d])[:_TERM_CANDIDATES]
        days.update(voted)
        # A dateline's "May 19" in a year the other candidates reach (within 31 days).
        if days:
            low, high = min(days) - 31 * DAY, max(days) + 31 * DAY
            for word in self.clues.lead_month_days:
                for year in range(low.year, high.year + 1):
                    occurrence = _day_or_none(year, word.month, word.day)
                    if occurrence and low <= occurrence <= high:
                        days.update((occurrence, occurrence + DAY))
        for pin in self.pins:
            interval = pin.event.interval
            assert interval is not None
            if (interval.end - interval.start).days <= 45:
                span = (interval.end - interval.start).days + 15
                days.update(interval.start + k * DAY for k in range(-1, span))
        return days

    def parts(self, day: dt.date) -> dict[str, float]:
        return {
            "neighbours": self._neighbours(day),
            "pins": self._pinned(day),
            "recent": self._recent(day),
            "weekdays": self._weekdays(day),
            "month_days": self._month_days(day),
            "counts": self._counts(day),
            "violations": -self._violations(day),
            "lead": self._lead(day),
            "comments": self._comments(day),
            "terms": self.term_days.get(day, 0.0),
        }

    def score(self, day: dt.date) -> float:
        weights = self.tuning.weights
        return sum(weights[k] * v for k, v in self.parts(day).items())

    def _neighbours(self, day: dt.date) -> float:
        total = sum(s for _, s in self.near)
        if not total:
            return 0.0
        window = self.tuning.window_days
        support = 0.0
        for j, s in self.near:
            their = self.corpus.dates[j]
            assert their is not None
            support += s * max(0.0, 1 - abs((day - their).days) / window)
        # Weak neighbours (a shared name or two) say less than close ones.
        best = self.near[0][1]
        return support / total * min(1.0, best / self.tuning.strong_similarity)

    def _pinned(self, day: dt.date) -> float:
        total = sum(p.similarity for p in self.pins)
        if not total:
            return 0.0
        text = self.corpus.texts[self.i]
        agree = 0.0
        for pin in self.pins:
            sentence = text[pin.sentence.start : pin.sentence.end]
            meant = _resolved(sentence, pin.sentence.timex_start, day)
            event = pin.event.interval
            assert event is not None
            if meant and meant.start <= event.end and event.start <= meant.end:
                agree += pin.similarity
        return agree / total

    def _recent(self, day: dt.date) -> float:
        if not self.latest or day < self.latest.day:
            return 0.0
        return max(0.0, 1 - (day - self.latest.day).days / self.tuning.recent_days)

    def _violations(self, day: dt.date) -> float:
        """The share of the dates the text speaks of that ``day`` contradicts (a past
        date after it, a future one before it, at half weight). A share, not a count: a
        page whose reader comments carry fifty later dates still has its byline."""
        if not self.clues.days:
            return 0.0
        past = sum(m.day > day for m in self.clues.days if m.direction == PAST)
        future = sum(m.day < day for m in self.clues.days if m.direction == FUTURE)
        return (past + 0.5 * future) / len(self.clues.days)

    def _lead(self, day: dt.date) -> float:
        """A date in the first lines (a byline, a wire dateline) is usually the day of
        publication, or the day before it (a dateline of yesterday's events)."""
        best = 0.0
        for mention in self.clues.lead:
            if day == mention.day:
                return 1.0
            if day == mention.day + DAY:
                best = self.tuning.lead_next_day
        before = day - DAY
        for word in self.clues.lead_month_days:
            if (word.month, word.day) == (day.month, day.day):
                return 1.0
            if (word.month, word.day) == (before.month, before.day):
                best = self.tuning.lead_next_day
        return best

    def _comments(self, day: dt.date) -> float:
        """Readers comment on the day an article appears or soon after, never before
        (a negative share for a day after the first comment: soft, as a stamp's year
        can be misread like any other)."""
        if not self.commented:
            return 0.0
        back = (self.commented - day).days
        if back < 0:
            return -1.0
        return (1.0, 0.5, 0.25)[back] if back < 3 else 0.0

    def _weekdays(self, day: dt.date) -> float:
        words = self.clues.weekdays
        if not words:
            return 0.0
        total = 0.0
        for word in words:
            back = (day.weekday() - word.weekday) % 7
            if word.direction == FUTURE:
                total += 0.6 if back else 0.1
            else:
                total += WEEKDAY_WEIGHTS[back]
        return total / len(words)

    def _month_days(self, day: dt.date) -> float:
        words = [m for m in self.clues.month_days if m.direction != FUTURE]
        if not words:
            return 0.0
        total = 0.0
        for word in words:
            occurrence = _latest_on_or_before(word.month, word.day, day)
            if occurrence:
                total += max(0.0, 1 - (day - occurrence).days / 30)
        return total / len(words)

    def _counts(self, day: dt.date) -> float:
        if not self.counts:
            return 0.0
        agree = 0
        for ours, theirs, their_day in self.counts:
            earlier = ours.value < theirs.value
            if day != their_day:
                agree += 1 if (day < their_day) == earlier else -1
        return agree / len(self.counts)


def _coarse(event: Timex) -> bool:
    return event.interval is not None and event.interval.granularity is Granularity.MONTH


def _latest_on_or_before(month: int, day: int, bound: dt.date) -> dt.date | None:
    for year in (bound.year, bound.year - 1):
        try:
            occurrence = dt.date(year, month, day)
        except ValueError:
            continue
        if occurrence <= bound:
            return occurrence
    return None


def estimate_date(
    corpus: DatingCorpus,
    i: int,
    tuning: DatingTuning | None = None,
    hidden: Collection[int] = (),
    month_day: tuple[int, int] | None = None,
) -> DateEstimate | None:
    """The content-based estimate of article ``i``'s date, or None with no evidence.

    With ``month_day`` (a yearless dateline) only that day of some year is a candidate,
    and an estimate needs support from the corpus or the text, not weekday words alone.
    """
    tuning = tuning or DatingTuning()
    scorer = Scorer(corpus, i, tuning, hidden)
    days = scorer.candidates()
    if month_day:
        years = {d.year for d in days}
        days = {d for y in years if (d := _day_or_none(y, *month_day))}
    if not days:
        return None
    scored = {d: scorer.score(d) for d in days}
    best = max(scored.values())
    # Among days that score the same, the middle one is off by the least.
    tied = sorted(d for d, s in scored.items() if s >= best - 1e-9)
    point = tied[len(tied) // 2]
    parts = scorer.parts(point)
    if month_day and parts["neighbours"] + parts["pins"] + parts["recent"] <= 0:
        return None
    close = [d for d, s in scored.items() if best > 0 and s >= tuning.interval_ratio * best]
    earliest, latest = min([point, *close]), max([point, *close])
    if month_day:
        earliest = latest = point
    return DateEstimate(point, earliest, latest, _evidence(scorer, point, earliest, latest))


def _day_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _evidence(scorer: Scorer, point: dt.date, earliest: dt.date, latest: dt.date) -> str:
    """The estimate and its reasons, in words."""
    head = f"between {earliest} and {latest}, most likely {point}"
    if earliest == latest:
        head = f"{point}"
    reasons: list[str] = []
    text = scorer.corpus.texts[scorer.i]
    parts = scorer.parts(point)
    for pin in scorer.pins:
        if parts["pins"] > 0:
            said = text[
                pin.sentence.start + pin.sentence.timex_start : pin.sentence.start
                + pin.sentence.timex_end
            ]
            assert pin.event.interval is not None
            reasons.append(
                f"reports the event a dated article ({_article_day(scorer, pin.event_article)}) "
                f'dates {pin.event.interval.value} as "{said}"'
            )
    if scorer.near:
        dates = sorted({str(scorer.corpus.dates[j]) for j, _ in scorer.near[:3]})
        reasons.append(
            f"{len(scorer.near)} dated articles report the same events (the most alike dated "
            f"{', '.join(dates)})"
        )
    if parts["terms"] >= _TERM_EVIDENCE:
        pairs = scorer.corpus.pairs_of_day(scorer.i, point, scorer.hidden)
        if pairs:
            named = ", ".join(f'"{p}"' for p in pairs)
            reasons.append(f"words it shares with articles of those days ({named})")
    if scorer.latest and point < scorer.latest.day:
        # Soft on purpose: reader comments and misread tenses put a "past" date after
        # the true day in 23% of the mj, finan and h1n1 articles that name one; as a
        # hard bound it costs 5.6 points within 1 day and 12 of interval coverage on
        # the dev topics (docs/benchmarks.md).
        reasons.append(
            f'though it speaks of {scorer.latest.day} ("{scorer.latest.text}") as past: '
            "the other evidence outweighs it"
        )
    elif scorer.latest:
        reasons.append(
            f'latest date it speaks of as past is {scorer.latest.day} ("{scorer.latest.text}")'
        )
    if parts["lead"] > 0:
        first_lines = [m.text for m in scorer.clues.lead]
        first_lines += [m.text for m in scorer.clues.lead_month_days]
        named = ", ".join(f'"{text}"' for text in first_lines)
        reasons.insert(0, f"its first lines give {named}")
    if parts["comments"] > 0:
        reasons.insert(0, f"its first reader comment is dated {scorer.commented}")
    if parts["counts"] > 0:
        ours, theirs, day = scorer.counts[0]
        reasons.append(f'its figure "{ours.text}" against "{theirs.text}" dated {day}')
    # Only words that name the day itself or the day before ("on Monday" said on a
    # Monday or Tuesday) are cited: a weekday ahead fits almost any day.
    agreeing = sorted(
        {
            w.text
            for w in scorer.clues.weekdays
            if w.direction != FUTURE and (point.weekday() - w.weekday) % 7 <= 1
        }
    )
    if agreeing:
        reasons.append(f"weekday words ({', '.join(agreeing)}) fit a {point:%A}")
    return f"{head}: " + "; ".join(reasons) if reasons else head


def _article_day(scorer: Scorer, j: int) -> str:
    return str(scorer.corpus.dates[j])


def estimate_dates(
    articles: Sequence[Article], tuning: DatingTuning | None = None
) -> list[Article]:
    """Articles without a date get one estimated from their content and the corpus.

    An article with no date and no year (a yearless dateline) keeps its partial date
    unless the content supports one year. Articles with an established date are
    returned as given; an earlier estimate is made again over these articles (a store
    that grows re-estimates, and gets what estimating the whole folder at once gives).
    """
    articles = [
        a if a.pub_date.source != "content" else replace(a, pub_date=without_estimate(a.pub_date))
        for a in articles
    ]
    undated = [i for i, a in enumerate(articles) if a.pub_date.value is None]
    if not undated:
        return list(articles)
    dates = [
        a.pub_date.value if a.pub_date.anchors(Confidence.INFERRED) else None for a in articles
    ]
    if not any(dates):
        return list(articles)
    clues = [read_clues(a.text, with_timexes=i in undated) for i, a in enumerate(articles)]
    corpus = DatingCorpus(
        [a.text for a in articles], dates, clues, [a.first_comment for a in articles]
    )
    out = list(articles)
    for i in undated:
        out[i] = _with_estimate(
            articles[i], estimate_date(corpus, i, tuning, month_day=_month_day(articles[i]))
        )
    return out


_NOTE = "estimated from content "


def without_estimate(pub: PublicationDate) -> PublicationDate:
    """The date as the sources gave it, before a content estimate (the inverse of
    :func:`_with_estimate`): unknown, or a partial date of a yearless dateline."""
    if pub.source != "content":
        return pub
    before = pub.evidence.split(f"; {_NOTE}")[0] if f"; {_NOTE}" in pub.evidence else ""
    if pub.partial:
        return PublicationDate(None, Confidence.UNKNOWN, "dateline", before, pub.time, pub.partial)
    return PublicationDate.unknown(before) if before else PublicationDate.unknown()


def _month_day(article: Article) -> tuple[int, int] | None:
    partial = article.pub_date.partial
    if not partial:
        return None
    month, day = (int(p) for p in partial.split("-")[1:])
    return month, day


def _with_estimate(article: Article, estimate: DateEstimate | None) -> Article:
    if estimate is None:
        return article
    pub = article.pub_date
    # What the sources said is kept ahead of the estimate, unless it is the plain
    # "no date found" (so the estimate can be undone, see without_estimate).
    base = f"{pub.evidence}; " if pub.partial or pub != PublicationDate.unknown() else ""
    return replace(
        article,
        pub_date=PublicationDate(
            estimate.point,
            Confidence.ESTIMATED,
            "content",
            base + _NOTE + estimate.evidence,
            pub.time,
            pub.partial,
            earliest=estimate.earliest,
            latest=estimate.latest,
        ),
    )
