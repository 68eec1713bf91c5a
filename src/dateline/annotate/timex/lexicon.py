"""Word tables and regex fragments for the time-expression tagger.

Everything here is data: the names of months, weekdays, seasons and units, the number
words, and the regex fragments built from them. :mod:`dateline.annotate.timex.rules`
assembles the fragments into rules. Rules are compiled case-insensitively; month and
weekday names are wrapped in ``(?-i:...)`` because "may", "march" and "sun" are
ordinary words when written in lower case.
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

# TIMEX3 season codes, and the month each season starts in (northern hemisphere).
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
SEASON_ORDER = ("WI", "SP", "SU", "FA")

# Parts of the day: TIMEX3 codes appended to a date value (``2014-01-31TNI``).
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
}  # fmt: skip

# Duration units: the TIMEX3 unit letter, and whether it belongs after the ``T``.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "week": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "numerous", "a number of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so the regex prefers them."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in ordered)


def parse_number(word: str) -> int | None:
    """``"twenty-four"`` -> 24, ``"10"`` -> 10; None for vague words like "several"."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word.isdigit():
        return int(word)
    if word in SMALL_NUMBERS:
        return SMALL_NUMBERS[word]
    parts = word.split(" ")
    if parts[0] in TENS:
        ones = SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0
        return TENS[parts[0]] + ones
    return None


def month_number(name: str) -> int:
    """``"Sept."`` -> 9."""
    return MONTHS[name.rstrip(".").lower()]


def weekday_number(name: str) -> int:
    """``"Friday"`` -> 4 (Monday is 0, as in :meth:`datetime.date.weekday`)."""
    return WEEKDAYS[name.lower()]


_FULL_MONTHS = [m.capitalize() for m in list(MONTHS)[:12]]
_ABBREVIATIONS = [m.capitalize() for m in list(MONTHS)[12:]]

# A month name that can stand alone ("in August"). "May" and "March" are also a modal
# verb and a noun, so rules only accept them alone after a preposition or determiner.
MONTH_FULL = r"(?-i:" + alternation(_FULL_MONTHS) + r")\b"
# A month name next to a day or year: abbreviations are safe there ("Feb. 10", "Sept 4").
MONTH_ANY = (
    r"(?-i:(?:" + alternation(_FULL_MONTHS) + r")\b|(?:"
    + alternation(_ABBREVIATIONS) + r")(?:\.|\b))"
)  # fmt: skip
WEEKDAY = r"(?-i:" + alternation(w.capitalize() for w in WEEKDAYS) + r")\b"
SEASON = r"(?:" + alternation(SEASONS) + r")\b"
DAY_PART = r"(?:" + alternation(DAY_PARTS) + r")\b"
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))"
UNIT_PLURAL = UNIT + r"s?\b"
_UNITS_WORD = (
    r"(?:"
    + alternation(TENS)
    + r")(?:[- ](?:"
    + alternation([w for w, n in SMALL_NUMBERS.items() if n < 10 and " " not in w and len(w) > 2])
    + r"))?"
)
NUMBER_WORD = (
    r"(?:" + _UNITS_WORD + "|" + alternation(SMALL_NUMBERS) + r")\b"
)  # fmt: skip
NUMBER = r"(?:\d+(?:\.\d+)?|" + NUMBER_WORD + r")"
VAGUE = r"(?:" + alternation(VAGUE_NUMBERS) + r")\b"
ORDINAL = r"(?:" + alternation(ORDINALS) + r")\b"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# Words that make a following four-digit number a count or a code rather than a year.
NOT_YEAR_BEFORE = (
    r"(?<![\w$€£¥#.,/:+-])(?<!No\.\s)(?<!\$\s)(?<!US\$\s)(?<!flight\s)(?<!route\s)(?<!room\s)"
    r"(?<!page\s)(?<!number\s)(?<!bus\s)(?<!highway\s)(?<!model\s)(?<!version\s)"
)
# Nouns that make a number before them a count: "2013 troops", "2000 people".
COUNTED = (
    r"(?:percent|people|persons|men|women|children|troops|soldiers|workers|employees|shares|"
    r"units|tons|tonnes|barrels|km|miles|feet|meters|metres|dollars|euros|pounds|yuan|yen|"
    r"points|votes|cases|deaths|jobs|members|homes|students|acres|hectares|calories|words|"
    r"pages|residents|refugees|civilians)\b"
)
NOT_YEAR_AFTER = r"(?![\w%]|[.,:/-]\d|\s*(?:%|per\b|" + COUNTED + r"))"
TIMEZONE = r"(?:\s+(?-i:[ECMP][SD]?T|GMT|UTC|BST|CET))?"
