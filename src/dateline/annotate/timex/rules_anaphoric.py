"""Rules for anaphoric expressions: dates that count from a date the text has named.

"the following year", "the day before", "that day", "later that year" resolve against
the dct here and are noted as anaphors; :func:`~dateline.annotate.timex.resolver.
anchor_anaphors` moves them to the last date mentioned before them (HeidelTime's
narrative anchoring): "On May 22, 1995, he was promoted, and the following year ..."
is 1996, not the year after publication.
"""

from __future__ import annotations

import re

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.lexicon import DAY_PARTS
from dateline.annotate.timex.resolver import Resolver
from dateline.annotate.timex.rules import Rule, compile_rule, span_of
from dateline.model import DateInterval, Granularity, Timex, TimexType

_OFFSETS = {
    "before": -1, "previous": -1, "preceding": -1, "earlier": -1,
    "after": 1, "next": 1, "following": 1, "later": 1, "subsequent": 1,
}  # fmt: skip
_UNIT_CODES = {
    "day": "D", "morning": "D", "afternoon": "D", "night": "D", "evening": "D", "week": "W",
    "month": "M", "quarter": "Q", "year": "Y",
}  # fmt: skip
_NEEDS = {"D": Granularity.DAY, "W": Granularity.WEEK, "M": Granularity.MONTH,
          "Q": Granularity.QUARTER, "Y": Granularity.YEAR}  # fmt: skip
_PLACEHOLDERS = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX",
                 "Y": "XXXX"}  # fmt: skip


def _shifted(res: Resolver, span: tuple[int, int], offset: int, unit: str) -> Timex | None:
    """The interval ``offset`` units from the reference date, at that unit."""

    def compute(ref: DateInterval) -> DateInterval:
        return cal.shift(ref.start, offset, unit)

    return res.anaphoric(span, compute, _NEEDS[unit], _PLACEHOLDERS[unit])


def _anchored(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "the day before", "the following week": one unit from the reference date."""
    offset = _OFFSETS[(match["dir"] or match["dir2"]).lower()]
    unit = _UNIT_CODES[(match["unit"] or match["unit2"]).lower()]
    return _shifted(res, span_of(match), offset, unit)


def _same(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "that same day", "the same week", "later that year": the reference date's own
    unit. A bare "that day" is as often habitual ("losses made that day") as anaphoric,
    so days need "same", "earlier" or "later"."""
    unit = match["unit"] or match["unit2"]
    return _shifted(res, span_of(match), 0, _UNIT_CODES[unit.lower()])


def _day_part(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "in the morning", "by mid-afternoon": a part of the day the text is about."""
    part = match["part"].lower()
    return res.anaphoric(span_of(match), lambda ref: DateInterval.day(ref.start),
                         Granularity.DAY, "XXXX-XX-XX", TimexType.TIME,
                         "T" + DAY_PARTS[part])  # fmt: skip


# "the day before" ends its clause; "the day before authorities acted" is a different
# construction, whose time expression is "the day" at most.
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)\"'’”]|$)|\s+(?:and|but|or|when|while|in|at)\b)"

ANAPHORIC_RULES: list[Rule] = [
    Rule(
        "anchored_day",
        compile_rule(
            r"the\s+(?:(?P<unit>day|morning|night|evening)\s+(?P<dir>before|after)\b"
            + _CLAUSE_END
            + r"|(?P<dir2>next|following|previous|preceding|subsequent)\s+(?P<unit2>day|morning|"
            r"night|evening|week|month|year)\b)"
        ),
        _anchored,
    ),
    Rule(
        "same_unit",
        compile_rule(
            r"(?:(?:earlier|later)\s+(?:in\s+)?(?:that\s+|the\s+same\s+)(?:same\s+)?|(?:that\s+"
            r"same|the\s+same)\s+)(?P<unit>day|morning|afternoon|evening|night|week|month|quarter"
            r"|year)\b(?![-'’])|that\s+(?P<unit2>week|month|quarter|year)\b(?![-'’])"
        ),
        _same,
    ),
    Rule(
        "day_part",
        compile_rule(
            r"\b(?:in|by|during|until|for)\s+(?P<t>(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?"
            r"(?P<part>morning|afternoon|evening|midday))\b(?!\s+(?:of|after|before)\b|[-'’])"
        ),
        _day_part,
    ),
]
