"""Rules for the periods of business news: "the fiscal year", "the year ended Sept. 30",
"year-end", "the latest period".

Results stories name the year they report on without a number ("sales for the full
year", "for the year, volume was flat"): that is the dct's year. "the year ended
March 31" is a length, one year, whichever year it was.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.resolver import Resolver
from dateline.annotate.timex.rules import Rule, compile_rule, span_of
from dateline.model import DateInterval, Timex, TimexType

# A bare "the year" is only this year after these ("for the year", "of the year").
_BARE_YEAR_BEFORE = re.compile(
    r"\b(?:for|of|in|during|through|throughout|over|so\s+far\s+this)\s+$", re.IGNORECASE
)


def _this_year(res: Resolver, span: tuple[int, int]) -> Timex | None:
    return res.relative(span, lambda dct: DateInterval.year(dct.year), "XXXX")


def _fiscal_year(match: re.Match[str], res: Resolver) -> Timex | None:
    span = span_of(match)
    if match["ended"]:
        return res.measure(span, "P1Y", TimexType.DURATION)  # "the year ended March 31"
    if not match["adj"]:
        before = res.text[max(0, span[0] - 20) : span[0]]
        if not _BARE_YEAR_BEFORE.search(before):
            return None
    return _this_year(res, span)


def _year_end(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "year-end" is December 31 (the one before the dct in the past tense: "since
    year-end"); "by year end" and "by year's end" are only the year, as TimeBank has it."""
    span = span_of(match)
    if "-" not in match.group():
        return _this_year(res, span)

    def compute(dct: dt.date) -> DateInterval:
        past = res.direction(*span) == cal.PAST
        return DateInterval.day(dt.date(dct.year - past, 12, 31))

    return res.relative(span, compute, "XXXX-12-31")


def _latest_period(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "the latest period": the quarter before the dct's, the last one reported."""

    def compute(dct: dt.date) -> DateInterval:
        return cal.shift(dct, -1, "Q")

    return res.relative(span_of(match), compute, "XXXX-QX")


FISCAL_RULES: list[Rule] = [
    Rule(
        "fiscal_year",
        compile_rule(
            r"(?P<t>the\s+(?:(?P<adj>full|fiscal|current|current\s+fiscal|full\s+fiscal)\s+)?"
            r"(?-i:year))\b(?!-|['’](?!s\b)|\s+(?:before|after|earlier|ago|later|since|\d))"
            r"(?P<ended>\s+(?:ended|ending|to\s+date)\b)?"
        ),
        _fiscal_year,
    ),
    Rule(
        "year_end",
        compile_rule(r"(?:the\s+)?(?-i:year)(?:[- ]end\b|\s*['’]s\s+end\b)(?!-)"),
        _year_end,
    ),
    Rule(
        "latest_period",
        compile_rule(r"the\s+latest\s+(?:fiscal\s+)?period\b"),
        _latest_period,
    ),
]
