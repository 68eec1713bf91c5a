"""Years that a yearless date takes from the text around it, not from the dct alone.

Two cases:

- Chronologies, one event per line ("March 16 - Forces loyal to Gaddafi are near
  Benghazi.\\nMarch 17 - The U.N. Security Council votes ..."), tell past events in the
  historical present, so tense says nothing; the list's order does. Each entry is the
  latest such day on or before the entry after it (before it, for lists that run newest
  first), the newest on or about the dct.
- A yearless month or day soon after an explicit year is in that year when the reading
  is plausible: the same month ("talks in September 2013 ... Early in September, ..."),
  or any month after a year that opened its sentence ("In 2012, ... On March 3, ..."),
  within two sentences or so, not after the dct in the past tense, not before it in the
  future tense. News often names a year in passing and goes back to the present
  ("in 2006, when it acquired Forest Oil. In April, Apache agreed ..."), so everything
  else keeps the dct reading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.lexicon import DAY_NUMBER, MONTH_ANY, WEEKDAY, month_number
from dateline.model import DateInterval, Granularity, Timex, TimexType

# -- chronologies -------------------------------------------------------------------

# An entry opens a line, or a sentence: cleaning may have joined the list's lines.
_ENTRY = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’)] ))[ \t]*(?:[*•·-][ \t]*)?"
    r"(?:" + WEEKDAY + r",?[ \t]+)?"
    r"(?P<date>(?P<month>" + MONTH_ANY + r")[ \t]*(?P<day>" + DAY_NUMBER + r")"
    r"|(?P<day2>" + DAY_NUMBER + r")[ \t]+(?P<month2>" + MONTH_ANY + r"))"
    r"(?:[ \t]*,?[ \t]*(?P<year>\d{4})(?!\d))?[ \t]*[-–—:][ \t]*(?=\S)",
    re.MULTILINE | re.IGNORECASE,
)  # fmt: skip
# A line that announces what will happen ("March 20 - Parliament is to vote") belongs to
# a schedule, not a chronology: it keeps its tense-based reading.
_SCHEDULED = re.compile(
    r"\b(?:will|shall|expected|scheduled|due|slated|planned|(?:is|are|set|plans?)\s+to|"
    r"to\s+be)\b|['’]ll\b",
    re.IGNORECASE,
)
_MIN_ENTRIES = 2  # one line "March 17 - ..." may be a dateline; a list is two or more
# The newest entry may lie past the dct, in a chronology updated after publication,
# by as much as the tense rules let a past event lie ahead (two months).
_NEWEST_AHEAD_DAYS = 60
_YEARS_BACK = 8  # enough to find a February 29


@dataclass(frozen=True)
class _Entry:
    end: int  # where the entry's date (without a year) ends in the text
    month: int
    day: int
    year: int | None
    scheduled: bool


def _entries(text: str) -> list[_Entry]:
    matches = list(_ENTRY.finditer(text))
    if len(matches) < _MIN_ENTRIES:
        return []
    entries = []
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        stop = len(text) if after is None else after.start()
        line_end = text.find("\n", match.end(), stop)
        line = text[match.end() : stop if line_end < 0 else line_end]
        month = month_number(match["month"] or match["month2"])
        day = int((match["day"] or match["day2"]).rstrip("stndrhSTNDRH"))
        year = int(match["year"]) if match["year"] else None
        entries.append(_Entry(match.end("date"), month, day, year,
                              bool(_SCHEDULED.search(line))))  # fmt: skip
    return entries


def chronology_days(text: str, dct: dt.date) -> dict[int, dt.date]:
    """The day of each yearless, unscheduled chronology entry in ``text``, by the end
    offset of its date."""
    entries = _entries(text)
    if not entries:
        return {}
    rising = sum((b.month, b.day) > (a.month, a.day) for a, b in pairwise(entries))
    falling = sum((b.month, b.day) < (a.month, a.day) for a, b in pairwise(entries))
    newest_first = entries if falling > rising else entries[::-1]
    bound = dct + dt.timedelta(days=_NEWEST_AHEAD_DAYS)
    days: dict[int, dt.date] = {}
    for entry in newest_first:
        if entry.scheduled:
            continue
        if entry.year is not None:
            written = cal.safe_date(entry.year, entry.month, entry.day)
            bound = written if written is not None and written <= bound else bound
            continue
        day = _latest_on_or_before(entry.month, entry.day, bound)
        if day is not None:
            days[entry.end] = bound = day
    return days


def _latest_on_or_before(month: int, day: int, bound: dt.date) -> dt.date | None:
    for year in range(bound.year, max(bound.year - _YEARS_BACK, 0), -1):
        date = cal.safe_date(year, month, day)
        if date is not None and date <= bound:
            return date
    return None


# -- the year of the discourse --------------------------------------------------------


@dataclass(frozen=True)
class Yearless:
    """A month or month-day written without a year, and its interval in a given year."""

    at_year: Callable[[int], DateInterval | None]
    span: tuple[int, int]  # the span its tense is read around


# How far after an explicit year a yearless date may be to take it: about two sentences.
_FRAME_CHARS = 300
_FRAME_GRANULARITIES = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH,
                        Granularity.QUARTER, Granularity.YEAR)  # fmt: skip
# "since March 2011", "by 2015": the bound of a span of time, not when the story is;
# "the August 1988 cease-fire", "the Dec. 21, 1988, bombing": the date of one thing.
# A yearless date after these ("through Sept. 29") keeps its dct reading too.
_NOT_FRAME_BEFORE = re.compile(
    r"(?:\b(?:since|until|till|by|from|before|after|through|than|to|between|and|the)|['’]s)"
    r"\s+$",
    re.IGNORECASE,
)
# A bare year frames what follows only as "in 2012", "during 2012", or opening a sentence.
_YEAR_FRAME_BEFORE = re.compile(r"(?:\b(?:in|during|throughout)\s+|^\s*|[.!?\n]\s*)$",
                                re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class Frame:
    """The year the text is talking about, and where it was last confirmed; the month,
    when a date named it; whether the year opened its sentence ("In 2012, ...")."""

    year: int
    end: int
    month: int | None
    topical: bool


# "In 2012, the rebels took the city.": the year of what the next sentences tell.
_TOPICAL_BEFORE = re.compile(r"(?:^|[.!?\n][\"”’)]?\s*)In\s+$")
_TOPICAL_AFTER = re.compile(r"\s*,")
# A topical year is only taken by a date whose dct reading is near it: "In 1989, the
# Exxon Valdez ran aground. In March, BP said ..." is back to the present.
_TOPICAL_YEARS = 2
# "April 20 of last year", "February, March and April this year": the year is given.
_OWN_YEAR_AFTER = re.compile(r"[\w\s,]{0,30}?\b(?:this|last|next)\s+year\b", re.IGNORECASE)


def frame_of(timex: Timex, text: str) -> Frame | None:
    """The frame an explicit date sets ("in September 2013", "In 2012,"), if any."""
    interval = timex.interval
    if interval is None or interval.granularity not in _FRAME_GRANULARITIES:
        return None
    before = text[max(0, timex.start - 20) : timex.start]
    if _NOT_FRAME_BEFORE.search(before):
        return None
    month = interval.start.month if interval.granularity in _MONTH_GRANULARITIES else None
    topical = bool(_TOPICAL_BEFORE.search(before) and _TOPICAL_AFTER.match(text, timex.end))
    if month is None and not topical:
        return None
    return Frame(interval.start.year, timex.end, month, topical)


_MONTH_GRANULARITIES = (Granularity.DAY, Granularity.MONTH)


def in_frame(
    timex: Timex,
    yearless: Yearless,
    frame: Frame,
    text: str,
    dct: dt.date | None,
    direction: cal.Direction,
) -> Timex | None:
    """``timex`` moved to the frame's year, or None when that is implausible: far away
    in the text or across a paragraph, another month than the frame's unless the year
    opened its sentence, after the dct in the past tense or before it in the future
    tense. ``timex`` itself when it is already in that year."""
    if timex.start - frame.end > _FRAME_CHARS or "\n\n" in text[frame.end : timex.start]:
        return None
    if _NOT_FRAME_BEFORE.search(text, max(0, timex.start - 20), timex.start):
        return None
    if _OWN_YEAR_AFTER.match(text, timex.end):
        return None
    if timex.interval is not None and timex.interval.start.year == frame.year:
        return timex
    interval = yearless.at_year(frame.year)
    if interval is None:
        return None
    same_month = frame.month == interval.start.month
    near = timex.interval is None or abs(timex.interval.start.year - frame.year) <= _TOPICAL_YEARS
    if not (same_month or (frame.topical and near)):
        return None
    if dct is not None and (
        (direction == cal.FUTURE and interval.end < dct)
        or (direction != cal.FUTURE and interval.start > dct)
    ):
        return None
    return Timex(timex.start, timex.end, TimexType.DATE, interval.value, interval,
                 f"text:{frame.year:04d}", True)  # fmt: skip
