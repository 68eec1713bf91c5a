"""Rules for relative dates, durations, sets and past/present/future references.

"yesterday", "last week", "two days ago", "this spring", "the third quarter" resolve
against the document creation time; "three years" and "every week" need no anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.annotate.timex import calendar as cal
from dateline.annotate.timex.lexicon import (
    DAY_PART,
    DAY_PARTS,
    MONTH_FULL,
    NUMBER,
    ORDINALS,
    SEASON,
    SEASON_ORDER,
    SEASONS,
    UNIT,
    UNITS,
    VAGUE,
    WEEKDAY,
    YEAR,
    month_number,
    parse_number,
    weekday_number,
)
from dateline.annotate.timex.resolver import Resolver
from dateline.annotate.timex.rules import (
    FUZZY,
    SPELLED_YEAR,
    Rule,
    compile_rule,
    half_suffix,
    span_of,
    spelled_year,
)
from dateline.model import DateInterval, Timex, TimexType

# -- days relative to the dct -----------------------------------------------------------

_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1, "this": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


_TITLE_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s$")


def _deictic_day(match: re.Match[str], res: Resolver) -> Timex | None:
    word = " ".join(match["word"].lower().split())
    part = (match["part"] or match["part_before"] or "").lower()
    if match["part_before"] and word in {"this", "last"}:
        return None  # "morning last" is not an expression
    if match["word"] == "Today" and _TITLE_BEFORE.search(
        res.text, max(0, match.start() - 30), match.start()
    ):
        return None  # "USA Today", "VOA Today": a title
    if word == "tonight":
        part = "night"
    if word in {"this", "last"} and not part:
        return None
    if word == "last" and part not in {"night", "evening"}:
        return None  # "last morning" is not English; "last night" is
    offset = _DAY_OFFSETS[word]
    suffix = "T" + DAY_PARTS[part] if part else ""
    kind = TimexType.TIME if part else TimexType.DATE

    def compute(dct: dt.date) -> DateInterval:
        return DateInterval.day(dct + dt.timedelta(days=offset))

    return res.relative(span_of(match), compute, "XXXX-XX-XX", kind, suffix)


# -- this week, last month, next year ---------------------------------------------------

_REL_OFFSETS = {
    "this": 0, "current": 0, "the current": 0, "the present": 0, "the": 0,
    "last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1,
    "the previous": -1, "this past": -1, "the latest": -1, "latest": -1,
    "next": 1, "coming": 1, "the coming": 1, "the next": 1, "this coming": 1,
}  # fmt: skip
_PLACEHOLDERS = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX",
                 "Y": "XXXX", "DE": "XXX", "CE": "XX"}  # fmt: skip


def _relative_unit(match: re.Match[str], res: Resolver) -> Timex | None:
    rel = " ".join(match["rel"].lower().split())
    unit_word = match["unit"].lower()
    if rel == "the" and not match["mod"] and unit_word != "weekend":
        return None  # "the year" alone is too vague to tag
    offset = _REL_OFFSETS[rel]
    span = span_of(match)
    if _is_title(res.text, *span):
        return None  # ABC's "This Week": a programme
    if unit_word == "weekend":
        return _weekend(res, span, offset)
    unit = UNITS[unit_word][0]
    if unit == "CE":
        return res.relative_value(span, lambda dct: f"{dct.year // 100 + offset:02d}", "XX")
    suffix = half_suffix(match["mod"] or "") if unit == "Y" else ""
    return res.relative(span, lambda dct: cal.shift(dct, offset, unit), _PLACEHOLDERS[unit],
                        suffix=suffix)  # fmt: skip


def _weekend(res: Resolver, span: tuple[int, int], offset: int) -> Timex:
    """A weekend, as TIMEX3 writes it (``2013-W19-WE``): the model has no interval for it."""

    def compute(dct: dt.date) -> str:
        shift = offset
        if offset == 0 and dct.weekday() < 5 and res.direction(*span) == cal.PAST:
            shift = -1  # "over the weekend", said on a weekday: the one just gone
        week = cal.week_of(dct + dt.timedelta(weeks=shift))
        return week.value + "-WE"

    return res.relative_value(span, compute, "XXXX-WXX-WE")


def _season(match: re.Match[str], res: Resolver) -> Timex | None:
    code = SEASONS[match["season"].lower()]
    span = span_of(match)
    if match["year"] or match["spelled"]:
        year = int(match["year"]) if match["year"] else spelled_year(match["spelled"])
        return None if year is None else Timex(*span, TimexType.DATE, f"{year}-{code}")
    rel = " ".join((match["rel"] or "").lower().split())
    if not rel and not match["mod"]:
        return None

    def compute(dct: dt.date) -> str:
        index, now = SEASON_ORDER.index(code), SEASON_ORDER.index(cal.season_of(dct.month))
        year = dct.year
        if _REL_OFFSETS.get(rel, 0) < 0 and index >= now:
            year -= 1
        elif _REL_OFFSETS.get(rel, 0) > 0 and index <= now:
            year += 1
        return f"{year}-{code}"

    return res.relative_value(span, compute, f"XXXX-{code}")


# -- quarters ---------------------------------------------------------------------------


def _quarter(match: re.Match[str], res: Resolver) -> Timex | None:
    nth = ORDINALS[match["ord"].lower()]
    if nth < 1 or nth > 4:
        return None
    span = span_of(match)
    year = match["year"] or match["qyear"]
    if year:
        return res.absolute(span, cal.quarter_of(int(year), nth))
    owner = (match["owner"] or "").lower()

    def compute(dct: dt.date) -> DateInterval:
        interval = cal.quarter_of(
            dct.year - owner.startswith("last") + owner.startswith("next"), nth
        )
        if not owner and interval.start > dct and res.direction(*span) == cal.PAST:
            return cal.quarter_of(dct.year - 1, nth)  # results for a quarter already over
        return interval

    return res.relative(span, compute, f"XXXX-Q{nth}")


def _relative_quarter(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "this quarter", "last quarter"; in business news "the quarter" and "the latest
    quarter" are the last one reported on, the quarter before the dct's."""
    rel = " ".join(match["rel"].lower().split())
    offset = _REL_OFFSETS[rel] if rel != "the" else -1
    return res.relative(span_of(match), lambda dct: cal.shift(dct, offset, "Q"), "XXXX-QX")


# -- ago, earlier, later ----------------------------------------------------------------


# "three days later", "a week earlier": TimeML tags the length ("three days") as a
# duration and "later" as a signal; years and longer stay dates ("a year earlier").
_SIGNAL_DURATION_UNITS = frozenset("S M H D W".split())


def _ago(match: re.Match[str], res: Resolver) -> Timex | None:
    amount = parse_number(match["num"]) if match["num"] else None
    direction = match["dir"].lower().split()[0]
    forward = direction in {"later", "from", "hence"}
    code = UNITS[match["unit"].lower()][0]
    if direction in {"later", "earlier"} and code in _SIGNAL_DURATION_UNITS:
        span = (match.start(), match.start("dir"))
        return res.measure(span, duration_value(amount, match["unit"].lower()),
                           TimexType.DURATION)  # fmt: skip
    if amount is None:
        return res.reference(span_of(match), "FUTURE_REF" if forward else "PAST_REF")
    unit, is_time = UNITS[match["unit"].lower()]
    if is_time:
        return res.relative(span_of(match), DateInterval.day, "XXXX-XX-XX")
    sign = 1 if forward else -1
    if (unit, amount, sign) == ("Y", 1, -1) and (quarter := _year_ago_quarter(res, span_of(match))):
        return res.relative(span_of(match), lambda dct: quarter, "XXXX-QX")
    if unit in {"DE", "CE"}:
        years = amount * (10 if unit == "DE" else 100) * sign
        return res.relative(span_of(match), lambda dct: cal.shift(dct, years, "Y"), "XXXX")
    return res.relative(
        span_of(match), lambda dct: cal.shift(dct, sign * amount, unit), _PLACEHOLDERS[unit]
    )


# -- durations and sets -----------------------------------------------------------------

_PER = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent|million|billion|cents?|dollars?)?|"
                  r"\$\s*\S+|once|twice|times)\s*$", re.IGNORECASE)  # fmt: skip


def duration_value(amount: int | None, unit: str, fraction: str = "") -> str:
    """``P3Y``, ``PT5H``, ``PXM``: the TIMEX3 value of ``amount`` units."""
    code, is_time = UNITS[unit]
    if code == "DE":
        code, amount = "Y", None if amount is None else amount * 10
    elif code == "CE":
        code, amount = "Y", None if amount is None else amount * 100
    number = "X" if amount is None else f"{amount}{fraction}"
    return f"P{'T' if is_time else ''}{number}{code}"


def _duration(match: re.Match[str], res: Resolver) -> Timex | None:
    number = " ".join(match["num"].lower().split())
    unit = match["unit"].lower()
    half = bool(match["half"]) or " and a half" in " ".join(match.group().lower().split())
    if number in {"a", "an"} and unit in {"second", "quarter", "minute"} and not half:
        return None  # "a second round", "a quarter of the vote"
    fraction = unit == "quarter" and "-" in match.group()
    if fraction or _AGE.match(res.text, match.end("unit")):
        return None  # "three-quarters", "a 6-year-old"
    amount = parse_number(number)
    if amount is not None and amount > 999 and number.isdigit():
        return None  # "the 1988 quarter" is a date
    start, end = span_of(match)
    modal = _MODAL_BEFORE.search(res.text, max(0, start - 12), start)
    if (number, unit) == ("one", "day") and modal:
        return res.reference((start, end), "FUTURE_REF")  # "Islam will one day be ..."
    if number in {"a", "an"} and _PER.search(res.text[max(0, start - 30) : start]):
        return res.measure((start, end), duration_value(1, unit), TimexType.SET)
    if amount is None and "." in number:
        return res.measure((start, end), f"P{number}{UNITS[unit][0]}", TimexType.DURATION)
    fraction = _FRACTIONS.get(match["frac"] or ("1/2" if half else ""))
    if fraction is not None and amount is not None:
        return res.measure((start, end), fractional_duration(amount, fraction, unit),
                           TimexType.DURATION)  # fmt: skip
    return res.measure((start, end), duration_value(amount, unit), TimexType.DURATION)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|shall|can|to|'ll)\s+$", re.IGNORECASE)
_FRACTIONS = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
# A fraction of a unit, in the next smaller one: "2 1/2 years" is P2Y6M.
_SMALLER = {"year": ("M", 12, False), "month": ("D", 30, False), "day": ("H", 24, True),
            "hour": ("M", 60, True), "minute": ("S", 60, True)}  # fmt: skip


def fractional_duration(amount: int, fraction: float, unit: str) -> str:
    """``P2Y6M`` for 2 1/2 years, ``PT1M30S`` for a minute and a half; a decimal
    (``P2.5W``) where no smaller unit divides evenly."""
    code, is_time = UNITS[unit]
    smaller = _SMALLER.get(unit)
    if smaller is None or (fraction * smaller[1]) % 1:  # a quarter of a week
        return f"P{'T' if is_time else ''}{amount + fraction:g}{code}"
    small_code, per, small_is_time = smaller
    rest = f"{int(fraction * per)}{small_code}"
    if small_is_time and not is_time:
        rest = "T" + rest  # "P2DT12H"
    return f"P{'T' if is_time else ''}{amount}{code}{rest}"


_AGE = re.compile(r"s?(?:-old\b|\s+old\b)")


def _vague_duration(match: re.Match[str], res: Resolver) -> Timex | None:
    if match["recent"]:
        return res.reference(span_of(match), "PAST_REF")  # "in recent weeks"
    return res.measure(span_of(match), duration_value(None, match["unit"].lower()),
                       TimexType.DURATION)  # fmt: skip


_ADVERB_SETS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
    "semiannually": "P6M", "biannually": "P6M",
}  # fmt: skip


def _set(match: re.Match[str], res: Resolver) -> Timex | None:
    span = span_of(match)
    if match["adverb"]:
        if _NAME_AFTER.match(res.text, span[1]):
            return None  # "the state-run daily Al-Ahram": a newspaper
        return res.measure(span, _ADVERB_SETS[match["adverb"].lower()], TimexType.SET)
    step = 2 if match["other"] else 1
    if match["wd"]:
        return res.measure(span, f"XXXX-WXX-{weekday_number(match['wd']) + 1}", TimexType.SET)
    if match["month"]:
        return res.measure(span, f"XXXX-{month_number(match['month']):02d}", TimexType.SET)
    if match["season"]:
        return res.measure(span, f"XXXX-{SEASONS[match['season'].lower()]}", TimexType.SET)
    if match["part"]:
        return res.measure(span, f"XXXX-XX-XXT{DAY_PARTS[match['part'].lower()]}", TimexType.SET)
    return res.measure(span, duration_value(step, match["unit"].lower()), TimexType.SET)


def _plural_weekday(match: re.Match[str], res: Resolver) -> Timex | None:
    return res.measure(span_of(match), f"XXXX-WXX-{weekday_number(match['wd']) + 1}",
                       TimexType.SET)  # fmt: skip


# -- past, present, future --------------------------------------------------------------

_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the distant past": "PAST_REF",
    "the recent past": "PAST_REF", "the distant future": "FUTURE_REF",
    "current": "PRESENT_REF", "then current": "PAST_REF",  # "current market conditions"
}  # fmt: skip


def _reference(match: re.Match[str], res: Resolver) -> Timex | None:
    words = " ".join(match["ref"].lower().split())
    start, end = span_of(match)
    if words == "now" and _DISCOURSE_NOW.match(res.text, end) and _opens_sentence(res.text, start):
        return None  # "Now, the question is ...": a discourse marker, not a time
    return res.reference((start, end), _REFERENCES[words])


_NAME_AFTER = re.compile(r"\s+(?!(?:" + WEEKDAY + "|" + MONTH_FULL + r")\b)[A-Z]")


def _is_title(text: str, start: int, end: int) -> bool:
    """Every word capitalised, and not at the start of a sentence: a name or title."""
    words = text[start:end].split()
    return all(word[:1].isupper() for word in words) and not _opens_sentence(text, start)


_DISCOURSE_NOW = re.compile(r",(?!\s*(?:more|less|after|than)\b)")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence: only spaces and quotation marks between it and
    the start of the text or a sentence end."""
    before = text[max(0, start - 10) : start].rstrip(" \t\"'`“‘")
    return not before or before[-1] in ".!?\n"


_QUARTER_MENTION = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth)[\s-]+)?quarter", re.IGNORECASE
)


# How far back a results story's quarter is looked for.
_QUARTER_CONTEXT = 2000


def _reported_quarter(res: Resolver, span: tuple[int, int]) -> int | None:
    """The quarter a results story is about: the one last named up to the end of the
    sentence, or, when the text only says "the quarter", the last one before the dct.
    None when no quarter is mentioned nearby."""
    if res.dct is None:
        return None
    _, hi = cal.sentence_bounds(res.text, *span)
    mentions = list(_QUARTER_MENTION.finditer(res.text, max(0, span[0] - _QUARTER_CONTEXT), hi))
    if not mentions:
        return None
    named = [m for m in mentions if m["ord"]]
    if named:
        return ORDINALS[named[-1]["ord"].lower()]
    return (cal.shift(res.dct, -1, "Q").start.month - 1) // 3 + 1


def _year_ago_quarter(res: Resolver, span: tuple[int, int]) -> DateInterval | None:
    """In results news "a year earlier" is the quarter being reported, a year before."""
    quarter = _reported_quarter(res, span)
    if quarter is None or res.dct is None:
        return None
    year = res.dct.year - 1
    if cal.quarter_of(res.dct.year, quarter).start > res.dct:
        year -= 1  # the fourth quarter reported in January is last year's
    return cal.quarter_of(year, quarter)


def _year_period(match: re.Match[str], res: Resolver) -> Timex | None:
    """ "the 1988 period": the reported quarter, in that year."""
    span = span_of(match)
    quarter = _reported_quarter(res, span)
    if quarter is None:
        return res.absolute(span, DateInterval.year(int(match["year"])))
    return res.absolute(span, cal.quarter_of(int(match["year"]), quarter))


def _year_earlier(match: re.Match[str], res: Resolver) -> Timex | None:
    span = span_of(match)
    quarter = _year_ago_quarter(res, span)
    if quarter is not None:
        return res.relative(span, lambda dct: quarter, "XXXX-QX")
    return res.relative(span, lambda dct: cal.shift(dct, -1, "Y"), "XXXX")


# Modifiers kept in a duration's span; "about", "over", "only" and the like are not,
# as in TimeBank ("about [two weeks]", "nearly [three years]").
_MODIFIER = (
    r"(?:nearly|at\s+least|at\s+most|more\s+than|no\s+more\s+than|less\s+than|fewer\s+than"
    r"|up\s+to|another|an\s+additional|"
    r"the\s+(?:past|last|next|first|previous|coming|following|final|remaining|better\s+part"
    r"\s+of\s+the|full|entire|whole)|the|past|last|next|first|all|each\s+of\s+the\s+past)"
)
_REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|past|coming|current|the\s+current|"
    r"the\s+present|the\s+past|the\s+last|the\s+previous|previous|the\s+coming|the\s+next|"
    r"the\s+latest|the)"
)
# "last year-end", "the year-ago quarter" are other expressions; "last year's" is this one.
_NOT_COMPOUND = r"(?!-|['’](?!s\b))"
_NUMBER_OR_VAGUE = r"(?:" + NUMBER + r"|" + VAGUE + r")"

RELATIVE_RULES: list[Rule] = [
    Rule(
        "deictic_day",
        compile_rule(
            r"(?:(?:early|late|earlier|later)\s+|(?:(?:early|late|mid)[\s-]*)?(?P<part_before>"
            r"morning|afternoon|evening)\s+(?=yesterday|today|tomorrow))?"
            r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day"
            r"\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this|last)\b(?:\s+(?P<part>"
            + DAY_PART
            + r"))?"
        ),
        _deictic_day,
    ),
    Rule(
        "relative_unit",
        compile_rule(
            r"(?P<mod>(?:earlier|later|early|late)\s+(?:in\s+)?|"
            + FUZZY
            + r")?(?P<rel>"
            + _REL
            + r")\s+(?P<unit>week(?:end)?|month|year|decade|century)\b"
            + _NOT_COMPOUND
        ),
        _relative_unit,
    ),
    Rule(
        "season",
        compile_rule(
            r"(?P<mod>"
            + FUZZY
            + r")?(?:(?P<rel>"
            + _REL
            + r")\s+)?(?P<season>"
            + SEASON
            + r")(?:\s+(?:of\s+)?(?:(?P<year>"
            + YEAR
            + r")(?!\d)|(?P<spelled>"
            + SPELLED_YEAR
            + r")))?"
        ),
        _season,
    ),
    Rule(
        "quarter",
        compile_rule(
            r"(?:(?:(?P<owner>(?:this|last|next)\s+year\s*'s|the)|(?:the\s+)?(?P<qyear>"
            + YEAR
            + r")(?:\s*'s)?)\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd"
            r"|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<year>" + YEAR + r"))?"
        ),
        _quarter,
    ),
    Rule(
        "relative_quarter",
        compile_rule(r"(?P<rel>" + _REL + r")\s+quarter\b" + _NOT_COMPOUND),
        _relative_quarter,
    ),
    Rule(
        "ago",
        compile_rule(
            r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|roughly|around|approximately"
            r"|only|just|over)\s+)?(?:(?P<num>"
            + _NUMBER_OR_VAGUE
            + r")[\s-]+)?(?P<unit>"
            + UNIT
            + r")s?\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b"
        ),
        _ago,
    ),
    Rule(
        "duration",
        compile_rule(
            r"(?:" + _MODIFIER + r"\s+)?(?P<num>" + _NUMBER_OR_VAGUE + r"|\d+\.\d+)(?:\s+(?P<frac>"
            r"[13]/[24])|\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight|consecutive|long|trading|business|working)"
            r")?[\s-]+(?P<unit>" + UNIT + r")(?:s\b|\b)(?:-long)?(?P<half>\s+and\s+a\s+half\b)?"
        ),
        _duration,
    ),
    Rule(
        "vague_duration",
        compile_rule(
            r"(?:(?P<recent>recent\s+)|(?:the\s+)?(?:past|last|next|coming|previous|following|"
            r"ensuing)\s+|"
            r"(?<=\bfor\s)|(?<=\bin\s)(?=\w+\s+(?:to\s+come|past)))(?P<unit>" + UNIT + r")s\b"
        ),
        _vague_duration,
    ),
    Rule(
        "set",
        compile_rule(
            r"(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<wd>"
            + WEEKDAY
            + r")|(?P<month>"
            + MONTH_FULL
            + r")|(?P<season>"
            + SEASON
            + r")|(?P<part>"
            + DAY_PART
            + r")|(?P<unit>"
            + UNIT
            + r")\b)|(?P<adverb>daily|weekly|monthly|yearly|annually|"
            r"hourly|nightly|biweekly|semiannually|biannually)\b"
        ),
        _set,
    ),
    Rule(
        "plural_weekday",
        compile_rule(r"(?<=\bon\s)(?P<wd>" + WEEKDAY.replace(r")\b", r")") + r")s\b"),
        _plural_weekday,
    ),
    Rule(
        "reference",
        compile_rule(
            r"(?:(?<=\bin\s)|(?<=\bfor\s)|(?<=\buntil\s)|\b)(?P<ref>right\s+now|now|currently|at\s+"
            r"present|presently|nowadays|these\s+days|recently|lately|formerly|the\s+(?:near\s+|"
            r"distant\s+)?future|the\s+(?:distant\s+|recent\s+)?past|the\s+(?:near|short)\s+term|"
            r"(?:then\s+)?current(?=\s+(?-i:[a-z]))(?!\s+(?:year|quarter|month|week|fiscal|period"
            r"|account)))\b(?!\s+that\b)"
        ),
        _reference,
    ),
    Rule(
        "year_period",
        compile_rule(r"the\s+(?P<year>" + YEAR + r")\s+(?:fiscal\s+)?(?:period|quarter)\b"),
        _year_period,
    ),
    Rule(
        "year_earlier",
        compile_rule(
            r"(?:the\s+)?(?:comparable\s+|corresponding\s+)?year-(?:earlier|ago)\b(?:\s+(?:(?:first|"
            r"second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|period)\b)?"
            # "the quarter a year ago", "the corresponding period last year"
            r"|the\s+(?:comparable\s+|corresponding\s+|same\s+)?(?:fiscal\s+)?(?:quarter|period)"
            r"\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b(?!['’])"
            r"|last\s+year['’]s\s+(?:fiscal\s+)?(?:quarter|period)\b"
        ),
        _year_earlier,
    ),
]
