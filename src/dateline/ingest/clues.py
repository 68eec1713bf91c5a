"""What an article's own text says about when it was written, without its date.

Read once per article and kept as plain values, so the corpus-level estimate in
:mod:`dateline.ingest.estimate` can score many candidate days cheaply: the full dates
it mentions (with their tense), yearless month-days, weekday words, the sentences
whose relative expressions ("last week", "yesterday") can be pinned to an event a
dated article reports, cumulative figures ("70,000 people killed"), and a TF-IDF
vector of the whole text. Time expressions are tagged with no reference date, so
nothing here depends on a publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.annotate.timex import extract_timexes
from dateline.annotate.timex.calendar import FUTURE, Direction
from dateline.annotate.timex.calendar import tense_direction as _tense
from dateline.model import Granularity, Timex, TimexType
from dateline.text import tokens

_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
_MONTH_DAY_VALUE = re.compile(r"XXXX-(\d{2})-(\d{2})$")
# A cumulative count: a number (digits, or digits and "million") followed within two
# words by what is counted. Only counts of people, deaths and cases: the series news
# reports grow over a story (death tolls, refugees, infections) and that an article can
# be ordered by. The nouns are ours, chosen from the tolls in news about wars,
# disasters and epidemics (Timeline17's topics, the demo corpus).
_COUNT = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s+million|\d{4,})\s+(?:\w+\s+){0,2}?"
    r"(people|deaths|dead|cases|refugees|civilians|lives)\b",
    re.IGNORECASE,
)
# What a count is a count of, read from the three words before the number or after the
# noun ("killed more than 70,000 people", "93,000 people have been killed"): a count
# with none of these words is no series ("6.8 million people in need").
_SERIES_WORD = re.compile(
    r"\b(killed|died|dead|deaths?|toll|fled|displaced|refugees|infected|confirmed|"
    r"hospitali[sz]ed|arrested|injured|wounded)\b",
    re.IGNORECASE,
)
_SERIES_REACH = re.compile(r"(?:\W+\w+){0,3}")
# A sentence end: . ! ? (and a closing quote) before white space, unless the word
# before the point is a title or an initial ("Mr. Lavrov", "John F. Kennedy").
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bNo)(?<!\b[A-Z])[.!?][\"'”’]?(?=\s)|\n\s*\n"
)
# A byline or wire dateline sits in an article's first lines ("15:13 UK time, Tuesday,
# 9 June 2009", "MEXICO CITY May 19 (Reuters) -"): in Timeline17 a full date there is
# the publication day for 85% of the articles that have one (finan, h1n1, mj).
LEAD_CHARS = 300
# A yearless date there is the day of publication only in a dateline's form: after a
# place in capitals ("MOSCOW, Oct. 6", "REYKJAVIK, Iceland, Oct. 9"), with a weekday
# ("Thursday, Oct. 16"), or before the agency or the dash ("May 19 (Reuters) -",
# "Jan. 15 --"). In running prose ("exploded on April 20") or a photo caption ("May 5:
# The crew of ...") it is as often an event: in the dev topics (bpoil sampled) 75 of 78
# yearless lead dates in these forms are the day or the day before, 100 of 191 of all.
_DATELINE_BEFORE = re.compile(
    r"(?:\b[A-Z][A-Z.'/-]+(?:\s+[A-Z][A-Z.'/-]+)*,(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,)?"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?)\s*$"
)
_WEEKDAY_FIRST = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w.-]*\)|--|[-\u2013\u2014]\s|\|)")
_EVENT_REACH = 120  # characters around an event's date that say what the event is
_SENTENCE_REACH = 400  # characters either side; a sentence is rarely longer


@dataclass(frozen=True)
class MentionedDay:
    """A full date the text names, and whether it is spoken of as past or future."""

    day: dt.date
    direction: Direction
    text: str


@dataclass(frozen=True)
class MonthDay:
    """A yearless date ("June 25"), and its tense."""

    month: int
    day: int
    direction: Direction
    text: str


@dataclass(frozen=True)
class WeekdayWord:
    weekday: int  # 0 = Monday
    direction: Direction
    text: str


@dataclass(frozen=True)
class RelativeSentence:
    """A sentence holding a relative expression, for pinning to a dated event."""

    start: int
    end: int
    timex_start: int  # the expression's offsets within the sentence
    timex_end: int
    terms: frozenset[str]
    day_level: bool = False  # "yesterday", "on Monday", "May 5": names one day


@dataclass(frozen=True)
class CountFigure:
    series: str  # what is counted: "people", "cases"...
    value: float
    text: str


@dataclass(frozen=True)
class Clues:
    days: tuple[MentionedDay, ...]
    month_days: tuple[MonthDay, ...]
    weekdays: tuple[WeekdayWord, ...]
    relative: tuple[RelativeSentence, ...]
    counts: tuple[CountFigure, ...]
    terms: tuple[str, ...]  # content words of the whole text, for TF-IDF
    lead: tuple[MentionedDay, ...] = ()  # full dates in the first LEAD_CHARS characters
    lead_month_days: tuple[MonthDay, ...] = ()  # yearless dates there (a wire dateline)

    def latest_past_day(self) -> MentionedDay | None:
        past = [m for m in self.days if m.direction != FUTURE]
        return max(past, key=lambda m: m.day) if past else None


def read_clues(text: str, with_timexes: bool = True) -> Clues:
    """The dating clues of one article's text. Pure.

    Without ``with_timexes`` only the words and counts are read (what a dated article
    contributes to another's estimate), skipping the time-expression tagger.
    """
    found = extract_timexes(text, None) if with_timexes else []
    timexes = [t for t in found if t.type in (TimexType.DATE, TimexType.TIME)]
    days: list[MentionedDay] = []
    month_days: list[MonthDay] = []
    weekdays: list[WeekdayWord] = []
    relative: list[RelativeSentence] = []
    lead: list[MentionedDay] = []
    lead_month_days: list[MonthDay] = []
    for timex in timexes:
        said = text[timex.start : timex.end]
        if _is_full_day(timex):
            assert timex.interval is not None
            mention = MentionedDay(timex.interval.start, _tense(text, timex.start, timex.end), said)
            days.append(mention)
            if timex.start < LEAD_CHARS:
                lead.append(mention)
            continue
        if timex.anchor != "unresolved":
            continue
        direction = _tense(text, timex.start, timex.end, plans=True)
        if match := _WEEKDAY_VALUE.match(timex.value):
            weekdays.append(WeekdayWord(int(match.group(1)) - 1, direction, said))
        elif match := _MONTH_DAY_VALUE.match(timex.value):
            month_day = MonthDay(int(match.group(1)), int(match.group(2)), direction, said)
            month_days.append(month_day)
            if timex.start < LEAD_CHARS and _in_dateline(text, timex):
                lead_month_days.append(month_day)
        if timex.relative or match:
            relative.append(_relative_sentence(text, timex))
    return Clues(
        tuple(days),
        tuple(month_days),
        tuple(weekdays),
        tuple(relative),
        tuple(_counts(text)),
        tuple(tokens(text)),
        tuple(lead),
        tuple(lead_month_days),
    )


def _in_dateline(text: str, timex: Timex) -> bool:
    before = text[max(0, timex.start - 60) : timex.start]
    return bool(
        _WEEKDAY_FIRST.match(text, timex.start)
        or _DATELINE_BEFORE.search(before)
        or _DATELINE_AFTER.match(text, timex.end)
    )


def _is_full_day(timex: Timex) -> bool:
    return (
        timex.interval is not None
        and timex.interval.granularity is Granularity.DAY
        and timex.anchor == "absolute"
    )


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, at most ``_SENTENCE_REACH`` either side."""
    lo = max(0, start - _SENTENCE_REACH)
    ends = list(_SENTENCE_END.finditer(text, lo, start))
    lo = ends[-1].end() if ends else lo
    stop = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    hi = stop.end() if stop else min(len(text), end + _SENTENCE_REACH)
    return lo, hi


def _relative_sentence(text: str, timex: Timex) -> RelativeSentence:
    lo, hi = sentence_bounds(text, timex.start, timex.end)
    return RelativeSentence(
        lo,
        hi,
        timex.start - lo,
        timex.end - lo,
        frozenset(tokens(text[lo:hi])),
        bool(_DAY_VALUE.match(timex.value)),
    )


def _counts(text: str) -> list[CountFigure]:
    found: list[CountFigure] = []
    for match in _COUNT.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()].split()[-3:]
        after = _SERIES_REACH.match(text, match.end())
        # The words after the noun first: "93,000 people have been killed and 1.5
        # million people have fled" counts the refugees as fled, not killed.
        series = _SERIES_WORD.search(after.group(0) if after else "") or _SERIES_WORD.search(
            " ".join(before)
        )
        if series is None:
            continue
        key = f"{match.group(2).lower()} {_series(series.group(1))}"
        found.append(CountFigure(key, _number(match.group(1)), match.group(0)))
    return found


def _series(word: str) -> str:
    word = word.lower()
    return "killed" if word in ("died", "dead", "death", "deaths", "toll") else word


def _number(digits: str) -> float:
    if "million" in digits.lower():
        return float(digits.split(maxsplit=1)[0]) * 1_000_000
    return float(digits.replace(",", ""))


def dated_events(text: str, pub: dt.date) -> list[tuple[frozenset[str], Timex]]:
    """The sentences of a dated article that date an event, with the dating expression.

    Expressions are resolved against the article's own date; only those at day, week
    or month granularity and not in the future say when something happened.
    """
    events: list[tuple[frozenset[str], Timex]] = []
    for timex in extract_timexes(text, pub):
        interval = timex.interval
        if interval is None or interval.granularity not in _EVENT_GRANULARITIES:
            continue
        if interval.start > pub or _tense(text, timex.start, timex.end) == FUTURE:
            continue
        lo, hi = sentence_bounds(text, timex.start, timex.end)
        # The words near the expression, not the whole sentence: a long sentence
        # dates several things ("In May, they announced ... the communique of 30 June").
        lo, hi = max(lo, timex.start - _EVENT_REACH), min(hi, timex.end + _EVENT_REACH)
        events.append((frozenset(tokens(text[lo:hi])), timex))
    return events


_EVENT_GRANULARITIES = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH)
# An unresolved expression's value at day precision: XXXX-XX-XX, XXXX-WXX-1, XXXX-05-05.
_DAY_VALUE = re.compile(r"^XXXX-(?:XX-XX|WXX-\d|\d\d-\d\d)$")
__all__ = [
    "Clues",
    "CountFigure",
    "MentionedDay",
    "MonthDay",
    "RelativeSentence",
    "WeekdayWord",
    "dated_events",
    "read_clues",
]
