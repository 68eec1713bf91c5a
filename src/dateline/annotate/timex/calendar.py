"""Calendar arithmetic and tense cues for resolving time expressions against a date.

Pure functions of their arguments: the reference date is always passed in, nothing
reads the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateline.model import DateInterval, Granularity

Direction = Literal[-1, 0, 1]  # past, unknown, future
PAST: Direction = -1
UNKNOWN: Direction = 0
FUTURE: Direction = 1


# -- intervals ---------------------------------------------------------------------


def week_of(day: dt.date) -> DateInterval:
    """The ISO week (Monday to Sunday) that contains ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return DateInterval(monday, monday + dt.timedelta(days=6), Granularity.WEEK)


def quarter_of(year: int, quarter: int) -> DateInterval:
    first = dt.date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateInterval(first, last, Granularity.QUARTER)


def decade_of(year: int) -> DateInterval:
    start = year - year % 10
    return DateInterval(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Granularity.DECADE)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for impossible ones like February 30 or year 0."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def shift(dct: dt.date, amount: int, unit: str) -> DateInterval:
    """The interval ``amount`` units away from ``dct``, at that unit's granularity."""
    match unit:
        case "D":
            return DateInterval.day(dct + dt.timedelta(days=amount))
        case "W":
            return week_of(dct + dt.timedelta(weeks=amount))
        case "M":
            moved = add_months(dct, amount)
            return DateInterval.month(moved.year, moved.month)
        case "Q":
            moved = add_months(dct, 3 * amount)
            return quarter_of(moved.year, (moved.month - 1) // 3 + 1)
        case "DE":
            return decade_of(dct.year + 10 * amount)
        case _:
            return DateInterval.year(dct.year + amount)


def nth_week_of_month(year: int, month: int, nth: int) -> DateInterval:
    """The ``nth`` week of a month: the ISO week containing day ``7 * (nth - 1) + 1``.

    The first week of a month is the one containing its first day, so "the second week
    of November 2013" is the week containing November 8, 2013-W45.
    """
    if nth < 0:  # "the last week of": the week containing the month's last day
        last = calendar.monthrange(year, month)[1]
        return week_of(dt.date(year, month, last))
    day = min(7 * (nth - 1) + 1, calendar.monthrange(year, month)[1])
    return week_of(dt.date(year, month, day))


# -- choosing among candidate years ------------------------------------------------

# News reports future dates in past-tense sentences ("talks were postponed to Feb. 10",
# "declared a dividend payable Dec. 15"), so tense only overrides the nearest reading
# when that reading lies far on the wrong side of the dct.
_PAST_SLACK_DAYS = 60
_FUTURE_SLACK_DAYS = 7
_PAST_SLACK_MONTHS = 2
_MONTHS_AHEAD = 3


def month_day_year(month: int, day: int, dct: dt.date, direction: Direction) -> int | None:
    """The year for "December 21" written on ``dct``: the nearest, bent by tense."""
    candidates = [
        (abs((d - dct).days), d)
        for y in (dct.year - 1, dct.year, dct.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    if not candidates:
        return None
    best = min(candidates)[1]
    year = best.year
    if direction == PAST and best > dct + dt.timedelta(days=_PAST_SLACK_DAYS):
        year -= 1
    elif direction == FUTURE and best < dct - dt.timedelta(days=_FUTURE_SLACK_DAYS):
        year += 1
    return year if safe_date(year, month, day) else best.year  # February 29


def month_year(month: int, dct: dt.date, direction: Direction) -> int:
    """The year for a bare month ("in May"): the nearest occurrence, within six months
    of the dct; moved a year back in the past tense when that is more than two months
    ahead, a year on in the future tense when it is already over."""
    offset = month - dct.month
    year = dct.year - 1 if offset > 6 else dct.year + 1 if offset < -6 else dct.year
    ahead = (year - dct.year) * 12 + offset  # months from the dct's month
    if direction == PAST and ahead > _PAST_SLACK_MONTHS:
        return year - 1
    if direction == FUTURE and ahead < 0:
        return year + 1
    return year


def weekday_date(weekday: int, dct: dt.date, direction: Direction, strict: bool) -> dt.date:
    """The date of a weekday named on ``dct``: the latest one on or before it in past
    or neutral contexts, the next one on or after it in future contexts. ``strict``
    excludes ``dct`` itself ("last Friday", "next Friday")."""
    if direction == FUTURE:
        ahead = (weekday - dct.weekday()) % 7
        if ahead == 0 and strict:
            ahead = 7
        return dct + dt.timedelta(days=ahead)
    back = (dct.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return dct - dt.timedelta(days=back)


def season_of(month: int) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[month - 1]


# -- tense cues ---------------------------------------------------------------------

_FUTURE_WORDS = frozenset(
    "will 'll wo won't gonna shall might may should upcoming next scheduled slated "
    "tomorrow soon effective payable".split()
)
# Before the expression, these put it ahead: "supplies are expected on Saturday", "aid
# is set for Saturday", "a ship is due Saturday", "officials expect aid Saturday"; not
# "was expected", "were due". After it they are as often another clause ("on Friday,
# and more is expected over the next days").
_PLANNED_PARTICIPLES = frozenset("expected set planned anticipated".split())
_PRESENT_AUX = frozenset("is are 's 're am".split())
_PAST_AUX = frozenset("was were had been".split())
_EXPECT_VERBS = frozenset("expect expects anticipate anticipates".split())
_NEGATED_PAST = frozenset("did didn't".split())  # "didn't expect him to come at Christmas"
# Present-tense verbs of schedules: "they meet Monday", "the offer expires Friday".
_SCHEDULE_VERBS = frozenset(
    "meet meets begin begins start starts open opens resume resumes visit visits arrive "
    "arrives leave leaves travel travels return returns expire expires vote votes "
    "convene convenes".split()
)
_NOT_SCHEDULE_BEFORE = frozenset("did didn't to".split())
# "a reduced dividend", "a still unspecified date": -ed adjectives are not past tense.
_ADJECTIVE_BEFORE = frozenset(
    "a an the this these those its their his her our my your still newly".split()
)
# Verbs that signal the future when "to" follows: "is expected to", "plans to".
_FUTURE_BEFORE_TO = frozenset(
    "is are expected expects expect plans plan planned planning going set due hopes hope "
    "intends aims scheduled slated vow vows vowed pledge pledges pledged promise promises "
    "promised threaten threatens threatened".split()
)
_PAST_WORDS = frozenset(
    "said was were had did met told took gave came went made saw won lost left held "
    "began fell rose sold bought brought thought found got spoke wrote became ran led "
    "kept sent spent paid fought struck stood agreed felt heard knew meant broke chose "
    "drove ate flew forgot froze hid rode rang sang sank shook shot slid stole swore "
    "threw woke wore blew grew drew sought caught taught fled built swept dealt lent "
    "ago last yesterday earlier previously recently since".split()
)
# Lower-case words in -ed that are not past-tense verbs.
_NOT_PAST = frozenset(
    "need indeed speed seed feed proceed exceed succeed bed red shed hundred sacred naked "
    "wicked embed breed creed greed weed heed".split()
)
_CAPITALISED_NAMES = frozenset("may will".split())  # the month, the name
# "will be held", "to be named": a participle after these is not a past-tense cue.
_PASSIVE_AUX = frozenset("be being".split())

_WORD = re.compile(r"[A-Za-z']+(?:-[A-Za-z]+)*")
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bvs)(?<!\bJan)(?<!\bFeb)"
    r"(?<!\bAug)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)[.!?][\"'”’)]*\s|\n\s*\n"
)
_WINDOW = 80  # characters searched on each side for a tense cue: about one clause

# A plan for an event names the event's day, which is ahead of the plan: "called for a
# march of millions on Tuesday", "planned a general strike Tuesday", "Friday's planned
# protests", "protests set for Friday". "had called for" is a plan already past.
_EVENTS = (
    r"(?:march|marches|protests?|demonstrations?|rally|rallies|strikes?|sit-ins?|vote|"
    r"votes|elections?|referendum|meetings?|talks|summit|hearing|trial|session|boycott|"
    r"ceremony|funeral|launch|walkout|day\s+of\s+\w+)"
)
_INTENT = (
    r"(?:call(?:s|ed|ing)?\s+for|plan(?:s|ned|ning)?|vow(?:s|ed|ing)?|threaten(?:s|ed|ing)?"
    r"|urg(?:e|es|ed|ing)|set(?:s|ting)?|schedul(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing)"
    r"|announc(?:e|es|ed|ing)|stag(?:e|es|ing)|holds?)"
)
_CALL = (
    r"(?:call(?:s|ed|ing)?\s+(?:for|on)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|invit(?:e|es|ed|ing))"
)
_PLANNED_BEFORE = re.compile(
    rf"(?<!\bhad )\b(?:{_INTENT}\s+(?:(?!after|since|during|following|over)[\w'-]+\s+){{0,4}}?"
    rf"{_EVENTS}(?:\s+(?:of|in|at|outside|near|across|against)(?:\s+[\w'-]+){{1,3}}){{0,2}}"
    r"|(?:planned|scheduled|set|slated|called|due)\s+for"
    # "called for its followers to demonstrate after Friday prayers", "urged supporters
    # to rally on Friday": what someone is called on to do comes after the call
    rf"|{_CALL}\s+(?:[\w'-]+\s+){{1,4}}?to\s+[a-z]+(?:\s+(?!after|since|during|following|over)[\w'-]+){{0,4}}?"
    r"(?:\s+(?:after|before))?"
    r")\s+(?:on\s+|this\s+)?$",
    re.IGNORECASE,
)
_PLANNED_AFTER = re.compile(r"\s*['’]s\s+(?:planned|scheduled|upcoming|expected|proposed)\b")
# A deadline put off or given "until Tuesday" is ahead, whatever the tense of the verb.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:postpon|delay|extend|defer|adjourn|gave\b|give|given\b|deadline|wait|put\s+off)"
    r"[^.;]*\buntil\s+$",
    re.IGNORECASE,
)
_SUBJECT_PRONOUNS = frozenset("i we you he she it they who which that".split())
_PAST_VOWS = frozenset("vowed pledged promised threatened".split())
_PROGRESSIVE_AUX = frozenset("is are 're we're they're be".split())


@dataclass(frozen=True)
class _Cue:
    distance: int
    direction: Direction


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, looking at most ``_WINDOW`` characters
    either side."""
    lo = max(0, start - _WINDOW)
    ends = list(_SENTENCE_END.finditer(text, lo, start))
    lo = ends[-1].end() if ends else lo
    stop = _SENTENCE_END.search(text, end, end + _WINDOW)
    hi = stop.start() if stop else min(len(text), end + _WINDOW)
    return lo, hi


def tense_direction(text: str, start: int, end: int, plans: bool = False) -> Direction:
    """Past or future, from the tense cue nearest to ``text[start:end]`` in its sentence.

    Cues are past-tense verbs (said, met, -ed forms that are not adjectives), modal and
    future markers (will, 'll, is to, expected to, scheduled, effective, next), and
    present-tense schedule verbs before the expression ("meet Monday"); "had been due
    to" is a plan already past, and "would" is no cue (reported speech is as often
    about the past). The verb governing a time expression
    usually comes before it ("talks ended on Friday", "will meet on Sunday"), so the
    nearest cue before it wins, else the nearest after it ("On Monday, Ban said");
    none gives UNKNOWN.

    With ``plans``, an expression naming the day of a planned event is in the future
    whatever the tense of the plan ("called for a march on Tuesday"); meant for
    weekdays, whose misreading costs a week, not for month-days, where it costs a year.
    """
    lo, hi = sentence_bounds(text, start, end)
    if plans and (
        _PLANNED_AFTER.match(text, end)
        or _PLANNED_BEFORE.search(text[lo:start])
        or _DEADLINE_BEFORE.search(text[lo:start])
    ):
        return FUTURE
    for cues in (_cues(text, lo, start, start, True), _cues(text, end, hi, end, False)):
        if cues:
            return min(cues, key=lambda cue: cue.distance).direction
    return UNKNOWN


def _cues(text: str, lo: int, hi: int, origin: int, governing: bool) -> list[_Cue]:
    """Tense cues among the words of ``text[lo:hi]``, with their distance to ``origin``.
    Present-tense schedule verbs count only when ``governing`` (before the expression:
    "meet Monday"); after it they are as often nouns ("Thursday's vote")."""
    cues: list[_Cue] = []
    words = list(_WORD.finditer(text, lo, hi))
    for i, match in enumerate(words):
        word = match.group().lower()
        after = words[i + 1].group().lower() if i + 1 < len(words) else ""
        before = words[i - 1].group().lower() if i > 0 else ""
        direction = _word_direction(word, before, after, match.group()[0].isupper())
        if governing and _plans_ahead(word, before):
            direction = FUTURE
        if direction == FUTURE and word in _SCHEDULE_VERBS and not governing and after != "to":
            continue
        if direction == FUTURE and word in _PAST_VOWS and not governing:
            direction = PAST  # "On Thursday, Mubarak vowed to stay": the vow's day
        if (
            governing and word.endswith("ing") and word != "being"
            and before in _PROGRESSIVE_AUX
        ):  # fmt: skip
            direction = FUTURE  # "is sending a flight on Wednesday"; not "we're seeing today"
        if direction == FUTURE and before == "been" and i > 1 and words[i - 2].group() == "had":
            direction = PAST  # "had been due to expire Friday": a plan now past
        if direction != UNKNOWN:
            distance = (
                abs(match.start() - origin) if match.start() > origin else origin - match.end()
            )
            cues.append(_Cue(distance, direction))
    return cues


def _plans_ahead(word: str, before: str) -> bool:
    return (
        (word in _EXPECT_VERBS and before not in _NEGATED_PAST)
        or (word == "due" and before not in _PAST_AUX)
        or (word in _PLANNED_PARTICIPLES and before in _PRESENT_AUX)
    )


def _word_direction(word: str, before: str, after: str, capitalised: bool) -> Direction:
    if capitalised and word in _CAPITALISED_NAMES:
        return UNKNOWN
    if word == "next" and after == "to":
        return UNKNOWN  # "next to" is a place
    if before == "as" and word in {"early", "soon"}:
        return FUTURE  # "as early as Tuesday"
    if word in _FUTURE_WORDS or (after == "to" and word in _FUTURE_BEFORE_TO):
        return FUTURE if not (word == "should" and after == "have") else PAST
    if word.endswith("'ll"):
        return FUTURE  # "they'll march Friday"
    if capitalised or before in _PASSIVE_AUX:
        return UNKNOWN  # names ("May", "Will", "Reed"); passives ("will be held")
    if word in _PAST_WORDS:
        return PAST
    if word in {"plan", "plans"}:  # "it plans a strike Friday", not "vacation plans"
        return FUTURE if before in _SUBJECT_PRONOUNS else UNKNOWN
    if (
        word in _SCHEDULE_VERBS and before not in _NOT_SCHEDULE_BEFORE | _ADJECTIVE_BEFORE
        and not before.endswith("ed")
    ):  # fmt: skip
        return FUTURE  # not the noun of "a planned visit", "the delayed vote"
    if (
        "-" not in word and len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST
        and before not in _ADJECTIVE_BEFORE
    ):  # fmt: skip
        return PAST
    return UNKNOWN
