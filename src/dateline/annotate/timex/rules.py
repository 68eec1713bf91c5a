"""Rules for calendar dates and clock times: what they match and how they resolve.

A rule is a compiled regex and a function that turns its match into a Timex (or None
to reject it). When a rule needs context it does not want in the span ("in May"), the
span is the named group ``t``. Relative expressions, durations and sets are in
:mod:`dateline.annotate.timex.rules_relative`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.discourse import Yearless
from dateline.annotate.timex.lexicon import (
    COUNTED,
    DAY_NUMBER,
    DAY_PART,
    DAY_PARTS,
    MONTH_ANY,
    MONTH_FULL,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    NUMBER_WORD,
    ORDINAL,
    ORDINALS,
    TENS,
    TIMEZONE,
    WEEKDAY,
    YEAR,
    month_number,
    parse_number,
    weekday_number,
)
from dateline.annotate.timex.resolver import Resolver
from dateline.model import DateInterval, Granularity, Timex, TimexType

Build = Callable[[re.Match[str], Resolver], Timex | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Build


def compile_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def span_of(match: re.Match[str]) -> tuple[int, int]:
    """The expression's span: the ``t`` group when the rule has one, else the match."""
    if "t" in match.re.groupindex and match.start("t") >= 0:
        return match.start("t"), match.end("t")
    return match.start(), match.end()


def day_number(text: str) -> int:
    return int(text.rstrip("stndrhSTNDRH"))


# Modifiers that narrow a month or year without changing its TIMEX3 value ("early
# 2012" is 2012 with mod="START", which the model does not carry).
FUZZY = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|mid|middle|late)(?:\s+in)?[\s-]+|the\s+(?:very\s+)?"
    r"(?:end|beginning|start|middle|turn|rest|remainder|(?:first|second|last|latter)\s+half|"
    r"first\s+part|latter\s+part|last\s+part)\s+of\s+(?:the\s+)?)"
)
# Any four digits after a month and day are its year, kept as written ("December 31,
# 2999" is not a December 31 near the dct); counts ("March 3, 2000 people") are not.
_YEAR_TAIL = r"(?:\s*,?\s*(?P<year>\d{4})(?![\w%]|\s*(?:%|" + COUNTED + r")))?"
# Years written with leading zeros ("0000", "0001") are placeholders, not dates.
_FIRST_WRITTEN_YEAR = 1000


# -- numeric dates ----------------------------------------------------------------------


def _iso(match: re.Match[str], res: Resolver) -> Timex | None:
    day = cal.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    hour = match.groupdict().get("hh")
    if hour:
        suffix = f"T{hour}:{match['mm']}"
        return res.absolute(span_of(match), DateInterval.day(day), TimexType.TIME, suffix)
    return res.absolute(span_of(match), DateInterval.day(day))


def _numeric(order: str) -> Build:
    """Slash and dot dates: ``order`` says which of the first two numbers is the month."""

    def build(match: re.Match[str], res: Resolver) -> Timex | None:
        first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
        month, day = (first, second) if order == "MD" else (second, first)
        if month > 12 >= day:  # "13/02/2014" can only be day first
            month, day = day, month
        if len(match["y"]) == 2:  # "1/2/14"; a written "0001" keeps its century
            year += 2000 if year < 50 else 1900
        elif year < _FIRST_WRITTEN_YEAR:
            return None
        date = cal.safe_date(year, month, day)
        return None if date is None else res.absolute(span_of(match), DateInterval.day(date))

    return build


# -- dates with month names -------------------------------------------------------------


def _month_day(match: re.Match[str], res: Resolver) -> Timex | None:
    weekday = weekday_number(match["wd"]) if match["wd"] else None
    return _day_of_month(match, day_number(match["day"]), weekday, res)


def _second_day(match: re.Match[str], res: Resolver) -> Timex | None:
    """The second day of "April 24 and 25": a date of its own, in the first one's month."""
    return _day_of_month(match, day_number(match["day2"]), None, res)


def _week_of(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "the week of March 6": the (ISO) week that holds the day."""
    day = _day_of_month(match, day_number(match["day"]), None, res)
    if day is None or day.interval is None:
        return day if day is None else replace(day, value="XXXX-WXX")
    week = cal.week_of(day.interval.start)
    return replace(day, value=week.value, interval=week)


def _day_of_month(
    match: re.Match[str], day: int, weekday: int | None, res: Resolver
) -> Timex | None:
    month = month_number(match["month"])
    span = span_of(match)
    if match["year"]:
        year = int(match["year"])
        date = cal.safe_date(year, month, day) if year >= _FIRST_WRITTEN_YEAR else None
        return None if date is None else res.absolute(span, DateInterval.day(date))
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: allows Feb. 29
        return None
    if (event := _event_day(month, day, res, span[1])) is not None:
        return res.absolute(span, DateInterval.day(event))
    if weekday is None and res.chronology_day(span[1]) is None:
        res.yearless[span] = Yearless(lambda year: _day_in(year, month, day), span)

    def compute(dct: dt.date) -> DateInterval | None:
        year = _year_with_weekday(month, day, weekday, dct)
        if year is None and (listed := res.chronology_day(span[1])) is not None:
            return DateInterval.day(listed)
        if year is None:
            year = cal.month_day_year(month, day, dct, res.direction(*span))
        date = cal.safe_date(year, month, day) if year else None
        return DateInterval.day(date) if date else None

    return res.relative(span, compute, f"XXXX-{month:02d}-{day:02d}")


# Days that name an event of one year: "the Sept 11 attacks" are 2001's whenever the
# article was written. (month, day) -> (year, the words after the date that name it).
_EVENT_DAYS: dict[tuple[int, int], tuple[tuple[int, re.Pattern[str]], ...]] = {
    (9, 11): ((2001, re.compile(
        r"\s*(?:(?:terror(?:ist)?|suicide)\s+)?(?:attacks|hijack(?:ing|er)s|terrorists|"
        r"plot(?:ters)?|mastermind|commission|victims|era|strikes)\b", re.IGNORECASE)),),
    (3, 11): (
        (2004, re.compile(r"\s*(?:train\s+|Madrid\s+)?bombings\b", re.IGNORECASE)),
        (2011, re.compile(r"\s*(?:earthquake|quake|tsunami|disaster)\b", re.IGNORECASE)),
    ),
    (7, 7): ((2005, re.compile(r"\s*(?:London\s+)?(?:bombings|attacks)\b", re.IGNORECASE)),),
}  # fmt: skip


def _event_day(month: int, day: int, res: Resolver, end: int) -> dt.date | None:
    """The day of the event that ``text[:end]`` names with a month and day ("the Sept 11
    attacks"), when the event is not after the dct."""
    for year, names in _EVENT_DAYS.get((month, day), ()):
        date = dt.date(year, month, day)
        if names.match(res.text, end) and (res.dct is None or date <= res.dct):
            return date
    return None


def _day_in(year: int, month: int, day: int) -> DateInterval | None:
    date = cal.safe_date(year, month, day)
    return None if date is None else DateInterval.day(date)


def _year_with_weekday(month: int, day: int, weekday: int | None, dct: dt.date) -> int | None:
    """For "Thursday, April 6": the year near the dct in which April 6 is a Thursday."""
    if weekday is None:
        return None
    for year in (dct.year, dct.year - 1, dct.year + 1):
        date = cal.safe_date(year, month, day)
        if date is not None and date.weekday() == weekday:
            return year
    return None


def _month_year(match: re.Match[str], res: Resolver) -> Timex | None:
    year = int(match["year"]) if match["year"] else spelled_year(match["spelled"])
    if year is None:
        return None
    return res.absolute(span_of(match), DateInterval.month(year, month_number(match["month"])))


# "nineteen ninety-four" after a month or season: the year of broadcast transcripts.
SPELLED_YEAR = r"(?:nineteen|twenty)[\s-]+(?:" + NUMBER_WORD + r")"


def spelled_year(text: str) -> int | None:
    """``"nineteen ninety-four"`` -> 1994; None for "nineteen one" and the like."""
    century, _, rest = " ".join(text.lower().replace("-", " ").split()).partition(" ")
    tail = parse_number(rest)
    if tail is None or not 10 <= tail <= 99:
        return None
    return _CENTURIES[century] + tail


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|"
    r"mid|last|next|this|that|each|every|between|and|or|around|for|on|as\s+of)|[-,])\s*$",
    re.IGNORECASE,
)


# "the May elections", "The March accession": the month modifies the noun after it;
# not "The March on Washington", a name.
_THE_MONTH_NOUN = re.compile(r"\bthe\s+$", re.IGNORECASE)
_MONTH_MODIFIES = re.compile(
    r"\s+(?!(?:on|of|to|for|from|in|into|through|across|against|and|or|was|is)\b)[a-z]{3,}\b"
)
_OF_YEAR = {"this": 0, "last": -1, "next": 1}


def _month_alone(match: re.Match[str], res: Resolver) -> Timex | None:
    name = match["month"]
    start, end = span_of(match)
    if name in {"May", "March"} and not match["mod"] and not match["rel"]:
        # "may" the verb and "march" the noun: only accept after a preposition
        before = res.text[max(0, start - 12) : start]
        the_noun = _THE_MONTH_NOUN.search(before) and _MONTH_MODIFIES.match(res.text, end)
        if not (_MONTH_CONTEXT.search(before) or the_noun):
            return None
    month = month_number(name)
    rel = (match["rel"] or "").lower()
    of_year = _OF_YEAR.get((match["of"] or "").lower())
    if of_year is None and rel in {"", "early", "late"}:
        res.yearless[(start, end)] = Yearless(lambda year: DateInterval.month(year, month),
                                              (start, end))  # fmt: skip

    def compute(dct: dt.date) -> DateInterval:
        if of_year is not None:  # "February this year", "July last year"
            year = dct.year + of_year
        elif rel == "last":
            year = dct.year if month < dct.month else dct.year - 1
        elif rel == "next":
            year = dct.year if month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            year = cal.month_year(month, dct, res.direction(start, end))
        return DateInterval.month(year, month)

    return res.relative((start, end), compute, f"XXXX-{month:02d}")


def _nth_week(match: re.Match[str], res: Resolver) -> Timex | None:
    nth = ORDINALS[match["ord"].lower()]
    month = month_number(match["month"])
    span = span_of(match)
    if match["year"]:
        year = int(match["year"])
        if year < _FIRST_WRITTEN_YEAR:
            return None
        return res.absolute(span, cal.nth_week_of_month(year, month, nth))

    res.yearless[span] = Yearless(lambda year: cal.nth_week_of_month(year, month, nth), span)

    def compute(dct: dt.date) -> DateInterval:
        year = cal.month_year(month, dct, res.direction(*span))
        return cal.nth_week_of_month(year, month, nth)

    return res.relative(span, compute, "XXXX-WXX")


# -- years, decades, centuries ----------------------------------------------------------


def _year(match: re.Match[str], res: Resolver) -> Timex | None:
    interval = DateInterval.year(int(match["year"]))
    return res.absolute(span_of(match), interval, suffix=half_suffix(match.group()))


_HALF = re.compile(r"\b(?:(?P<first>first)|second|last|latter)\s+half\b", re.IGNORECASE)


def half_suffix(text: str) -> str:
    """``-H1`` for "the first half of 2012", ``-H2`` for the second; else empty. The
    interval stays the whole year: the model has no half-years."""
    half = _HALF.search(text)
    return "" if half is None else "-H1" if half["first"] else "-H2"


_CENTURIES = {"nineteen": 1900, "twenty": 2000}


def _spelled_year(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "nineteen ninety-four", "the year two thousand" (broadcast transcripts)."""
    rest = (match["rest"] or match["after"] or "").lower()
    tail = 0 if rest in {"", "hundred"} else parse_number(rest)
    if tail is None or tail > 99 or (match["century"] and rest != "hundred" and tail < 10):
        return None
    year = _CENTURIES[match["century"].lower()] if match["century"] else 2000
    return res.absolute(span_of(match), DateInterval.year(year + tail))


def _decade(match: re.Match[str], res: Resolver) -> Timex | None:
    # "the '90s" and "the nineties" are the 20th century's
    if match["word"]:
        year = 1900 + TENS[match["word"].lower()[:-3] + "y"]
    else:
        year = 1900 + int(match["short"]) if match["short"] else int(match["dec"])
    return res.absolute(span_of(match), cal.decade_of(year))


def _century(match: re.Match[str], res: Resolver) -> Timex | None:
    number = int(match["n"])
    if not 1 <= number <= 22:
        return None
    return Timex(*span_of(match), TimexType.DATE, f"{number - 1:02d}")


# -- weekdays and clock times -----------------------------------------------------------


_ANAPHORIC_WEEKDAY: dict[str, cal.Direction] = {
    "the previous": cal.PAST, "the preceding": cal.PAST, "the following": cal.FUTURE,
}  # fmt: skip


def resolve_weekday(
    res: Resolver, span: tuple[int, int], weekday: int, rel: str, suffix: str = ""
) -> Timex | None:
    """A weekday, "last Friday", "next Tuesday", "Friday night", resolved by tense."""
    kind = TimexType.TIME if suffix else TimexType.DATE
    placeholder = f"XXXX-WXX-{weekday + 1}"
    if rel in _ANAPHORIC_WEEKDAY:  # "the previous Friday": the one before the last date named
        direction = _ANAPHORIC_WEEKDAY[rel]

        def from_anchor(ref: DateInterval) -> DateInterval:
            return DateInterval.day(cal.weekday_date(weekday, ref.start, direction, strict=True))

        return res.anaphoric(span, from_anchor, Granularity.DAY, placeholder, kind, suffix)

    def compute(dct: dt.date) -> DateInterval:
        if rel in {"last", "past", "previous"}:
            return DateInterval.day(cal.weekday_date(weekday, dct, cal.PAST, strict=True))
        if rel in {"next", "coming", "this coming"}:
            return DateInterval.day(cal.weekday_date(weekday, dct, cal.FUTURE, strict=True))
        if rel == "this":
            return DateInterval.day(cal.weekday_date(weekday, dct, cal.FUTURE, strict=False))
        direction = res.direction(*span, plans=True)
        return DateInterval.day(cal.weekday_date(weekday, dct, direction, strict=False))

    return res.relative(span, compute, placeholder, kind, suffix)


def _weekday(match: re.Match[str], res: Resolver) -> Timex | None:
    rel = " ".join((match["rel"] or "").lower().split())
    suffix = "T" + DAY_PARTS[match["part"].lower()] if match["part"] else ""
    return resolve_weekday(res, span_of(match), weekday_number(match["wd"]), rel, suffix)


def _clock(match: re.Match[str]) -> str | None:
    """``"5 p.m."`` -> ``"17:00"``; None for impossible times."""
    if match["word"]:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[match["word"].lower()]
    if match["h24"]:
        hour, minute = int(match["h24"]), int(match["min24"])
    else:
        hour, minute = int(match["h"]), int(match["min"] or 0)
    if match["ampm"] or match["half"]:
        if not 1 <= hour <= 12:
            return None
        if match["half"]:  # "4 in the morning", "9 in the evening", "11 at night"
            half = match["half"].lower()
            is_pm = half in {"afternoon", "evening"} or (half == "night" and hour >= 6)
        else:
            is_pm = match["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if is_pm else 0)
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_DEICTIC_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


_HIGH_NOON = re.compile(r"\bhigh\s$", re.IGNORECASE)


def _time(match: re.Match[str], res: Resolver) -> Timex | None:
    clock = _clock(match)
    if clock is None or _HIGH_NOON.search(res.text, max(0, match.start() - 6), match.start()):
        return None  # "High Noon", the film and the idiom
    span = span_of(match)
    suffix = "T" + clock
    if match["wd"]:
        return resolve_weekday(res, span, weekday_number(match["wd"]), "", suffix)
    if match["month"]:
        month, day = month_number(match["month"]), day_number(match["day"])

        def on_month_day(dct: dt.date) -> DateInterval | None:
            year = cal.month_day_year(month, day, dct, res.direction(*span))
            date = cal.safe_date(year, month, day) if year else None
            return DateInterval.day(date) if date else None

        return res.relative(span, on_month_day, f"XXXX-{month:02d}-{day:02d}",
                            TimexType.TIME, suffix)  # fmt: skip
    if not match["deictic"]:  # "at 10 p.m.": on the day last named
        return res.anaphoric(span, lambda ref: DateInterval.day(ref.start), Granularity.DAY,
                             "XXXX-XX-XX", TimexType.TIME, suffix)  # fmt: skip
    offset = _DEICTIC_DAY_OFFSETS[match["deictic"].lower()]
    return res.relative(span, lambda dct: DateInterval.day(dct + dt.timedelta(days=offset)),
                        "XXXX-XX-XX", TimexType.TIME, suffix)  # fmt: skip


_CLOCK = (
    r"(?:(?<![\d.,$])(?P<h>\d{1,2})(?:[:.](?P<min>[0-5]\d))?\s*(?:(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)"
    r"|(?:o['’]clock\s+)?in\s+the\s+(?P<half>morning|afternoon|evening|night)\b)"
    r"|(?<![\d:.,$])(?P<h24>[01]?\d|2[0-4]):(?P<min24>[0-5]\d)(?![\d:])"
    r"|(?P<word>noon|midnight|midday))"
)
_DAY_TAIL = (
    r"(?:,?\s+(?:on\s+|of\s+)?(?:(?P<wd>" + WEEKDAY + r")|(?P<deictic>today|tonight|yesterday|"
    r"tomorrow)\b|(?P<month>" + MONTH_ANY + r")\s+(?P<day>" + DAY_NUMBER + r")))?"
)


DATE_RULES: list[Rule] = [
    Rule(
        "iso_date",
        compile_rule(
            r"(?<![\d-])(?P<y>" + YEAR + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?(?![\d-])"
        ),
        _iso,
    ),
    Rule(
        "compact_date",
        compile_rule(r"(?<![\w.,$])(?P<y>19\d\d|20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\w.,])"),
        _iso,
    ),
    Rule(
        "slash_date",
        compile_rule(r"(?<![\w/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/])"),
        _numeric("MD"),
    ),
    Rule(
        "dot_date",
        compile_rule(
            r"(?<![\w.])(?P<a>[0-3]?\d)\.(?P<b>[01]?\d)\.(?P<y>" + YEAR + r")(?![\w]|\.\d)"
        ),
        _numeric("DM"),
    ),
    Rule(
        "month_day",
        compile_rule(
            r"(?:(?P<wd>"
            + WEEKDAY
            + r")\s*,?\s+)?(?P<month>"
            + MONTH_ANY
            + r")\s*(?:the\s+)?(?P<day>"
            + DAY_NUMBER
            + r")(?![,.]?\d|:\d|\s*(?:%|percent)\b)"
            + _YEAR_TAIL
        ),
        _month_day,
    ),
    Rule(
        "week_of",
        compile_rule(
            r"the\s+week\s+of\s+(?P<month>"
            + MONTH_ANY
            + r")\s*(?P<day>"
            + DAY_NUMBER
            + r")"
            + _YEAR_TAIL
        ),
        _week_of,
    ),
    Rule(
        "second_day",
        compile_rule(
            r"(?P<month>" + MONTH_ANY + r")\s*(?P<day>" + DAY_NUMBER + r")\s*(?:,\s*)?(?:and|or|&)"
            r"\s+(?P<t>(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%]|[.,]\d|\s*(?:percent|people))"
            + _YEAR_TAIL
            + ")"
        ),
        _second_day,
    ),
    Rule(
        "day_month",
        compile_rule(
            r"(?:(?P<wd>"
            + WEEKDAY
            + r")\s*,?\s+)?(?:the\s+)?(?<![\d.,])(?P<day>"
            + DAY_NUMBER
            + r")\s+(?:of\s+)?(?P<month>"
            + MONTH_ANY
            + r")"
            + _YEAR_TAIL
        ),
        _month_day,
    ),
    Rule(
        "month_year",
        compile_rule(
            r"(?:"
            + FUZZY
            + r")?(?P<month>"
            + MONTH_ANY
            + r")\s*,?\s+(?:of\s+)?(?:(?P<year>"
            + YEAR
            + r")(?!\d)|(?P<spelled>"
            + SPELLED_YEAR
            + r"))"
        ),
        _month_year,
    ),
    Rule(
        "month_alone",
        compile_rule(
            r"(?P<t>(?P<mod>"
            + FUZZY
            + r")?(?:(?P<rel>last|next|this|early|late)\s+)?(?P<month>"
            + MONTH_FULL
            + r")(?:\s+(?P<of>this|last|next)\s+year\b(?!-|['’]s))?)(?!\s*\d)"
        ),
        _month_alone,
    ),
    Rule(
        "nth_week",
        compile_rule(
            r"(?:the\s+)?(?P<ord>"
            + ORDINAL
            + r")\s+week\s+(?:of|in)\s+(?P<month>"
            + MONTH_ANY
            + r")"
            + _YEAR_TAIL
        ),
        _nth_week,
    ),
    Rule(
        "year",
        compile_rule(
            r"(?:"
            + FUZZY
            + r"|(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year)\s+|"
            + NOT_YEAR_BEFORE
            + r")(?P<year>"
            + YEAR
            + r")"
            + NOT_YEAR_AFTER
        ),
        _year,
    ),
    Rule(
        "spelled_year",
        compile_rule(
            r"(?:the\s+year\s+)?(?P<century>nineteen|twenty)[\s-]+(?P<rest>hundred|"
            + NUMBER_WORD
            + r")|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<after>"
            + NUMBER_WORD
            + r"))?"
        ),
        _spelled_year,
    ),
    Rule(
        "decade",
        compile_rule(
            r"(?:(?:the\s+)?(?:early|mid|late)[\s-]+|the\s+)?(?:(?:(?P<dec>(?:1[89]|20)\d0)|'(?P<short>"
            r"[1-9]0))'?s\b|(?:(?<=the\s)|(?<=early\s)|(?<=late\s)|(?<=mid[-\s]))(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
            r"eighties|nineties)\b)"
        ),
        _decade,
    ),
    Rule(
        "century",
        compile_rule(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b"),
        _century,
    ),
    Rule(
        "weekday",
        compile_rule(
            r"(?:(?P<rel>last|next|this\s+coming|this|coming|past|previous|the\s+(?:previous|preceding|"
            r"following))\s+|(?:early|late)\s+)?"
            r"(?P<wd>" + WEEKDAY + r")(?:\s+(?P<part>" + DAY_PART + r"))?"
        ),
        _weekday,
    ),
    Rule("time", compile_rule(_CLOCK + TIMEZONE + _DAY_TAIL), _time),
]
