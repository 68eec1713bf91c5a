"""Holidays: fixed ones ("Christmas", "Independence Day") and movable ones ("Easter",
"Thanksgiving", "Election Day"), in the year that the tense of the sentence points to."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.resolver import Resolver
from dateline.annotate.timex.rules import Rule, compile_rule, span_of
from dateline.model import DateInterval, Timex

_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "valentine's day": (2, 14), "independence day": (7, 4)}  # fmt: skip


def _easter(year: int) -> dt.date:
    """Western Easter Sunday: the Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 the last) ``weekday`` of a month."""
    if nth < 0:
        last = cal.shift(dt.date(year, month, 1), 1, "M").start - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


# Holidays whose day moves: (the month it falls in, the day in a given year).
_MOVABLE: dict[str, tuple[int, Callable[[int], dt.date]]] = {
    "easter": (4, _easter),
    "easter sunday": (4, _easter),
    "good friday": (4, lambda y: _easter(y) - dt.timedelta(days=2)),
    "thanksgiving": (11, lambda y: _nth_weekday(y, 11, 3, 4)),
    "thanksgiving day": (11, lambda y: _nth_weekday(y, 11, 3, 4)),
    # US: the Tuesday after the first Monday of November
    "election day": (11, lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)),
    "labor day": (9, lambda y: _nth_weekday(y, 9, 0, 1)),
    "memorial day": (5, lambda y: _nth_weekday(y, 5, 0, -1)),
}


def _holiday(match: re.Match[str], res: Resolver) -> Timex | None:
    name = " ".join(match["holiday"].lower().replace("’", "'").replace(" 's", "'s").split())
    span = span_of(match)
    if name in {"easter week", "holy week"}:  # the week that ends on Easter Sunday

        def holy_week(dct: dt.date) -> DateInterval:
            return cal.week_of(_easter(cal.month_year(4, dct, res.direction(*span))))

        return res.relative(span, holy_week, "XXXX-WXX")
    if name in _MOVABLE:
        month, day_in = _MOVABLE[name]

        def movable(dct: dt.date) -> DateInterval:
            return DateInterval.day(day_in(cal.month_year(month, dct, res.direction(*span))))

        return res.relative(span, movable, f"XXXX-{month:02d}-XX")
    month, day = _HOLIDAYS[name]

    def compute(dct: dt.date) -> DateInterval:
        year = cal.month_day_year(month, day, dct, res.direction(*span)) or dct.year
        return DateInterval.day(dt.date(year, month, day))

    return res.relative(span, compute, f"XXXX-{month:02d}-{day:02d}")


HOLIDAY_RULES: list[Rule] = [
    Rule(
        "holiday",
        compile_rule(
            r"(?-i:(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year\s*'s\s+(?:Day|Eve)|Halloween"
            r"|Valentine\s*'s\s+Day|Independence\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|week))?|Holy\s+Week"
            r"|Good\s+Friday|Election\s+Day|Labor\s+Day|Memorial\s+Day))\b(?!\s+(?:Rising|Island))"
        ),
        _holiday,
    ),
]
