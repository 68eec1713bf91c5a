"""Find time expressions in news text and normalise them, TIMEX3-style.

A pure-Python, rule-based replacement for HeidelTime::

    >>> import datetime as dt
    >>> [t.value for t in extract_timexes("Talks ended on Friday.", dt.date(2014, 2, 1))]
    ['2014-01-31']

Every rule (:mod:`~dateline.annotate.timex.rules`,
:mod:`~dateline.annotate.timex.rules_relative`, :mod:`~dateline.annotate.timex.rules_anaphoric`,
:mod:`~dateline.annotate.timex.rules_fiscal`) scans the text; where matches overlap the
longest wins, then the earliest rule. Relative expressions resolve against the document
creation time (``dct``): weekdays, bare months and month-days without a year by the
tense of their sentence. Anaphoric ones ("the following year", "that same day", "the
previous Friday", a bare "10 p.m.") then move to the last date the text named before
them (anchor ``text:1995-05-22``). Yearless dates in a chronology ("March 17 - The
Council votes ...") run back from the dct in list order, and a yearless month or day
after an explicit year may take that year (anchor ``text:2013``; see
:mod:`~dateline.annotate.timex.discourse`); "the Sept 11 attacks" are 2001's. Without a
dct or such a date they keep ``X``
placeholders (``XXXX-12-21``) and the anchor ``"unresolved"``: the tagger never guesses
a date, and never reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dateline.annotate.timex.lexicon import MONTHS, WEEKDAYS
from dateline.annotate.timex.resolver import Resolver, anchor_anaphors
from dateline.annotate.timex.rules import DATE_RULES, Rule
from dateline.annotate.timex.rules_anaphoric import ANAPHORIC_RULES
from dateline.annotate.timex.rules_fiscal import FISCAL_RULES
from dateline.annotate.timex.rules_holidays import HOLIDAY_RULES
from dateline.annotate.timex.rules_relative import RELATIVE_RULES
from dateline.model import Timex

TIMEX_VERSION = "11"  # bump whenever the output for some input changes (cache key)

RULES: tuple[Rule, ...] = (
    *DATE_RULES,
    *RELATIVE_RULES,
    *ANAPHORIC_RULES,
    *FISCAL_RULES,
    *HOLIDAY_RULES,
)
_RANKS = {rule.name: rank for rank, rule in enumerate(RULES)}

# Every match of a rule contains a key word of one of the rule's families. The text is
# cut into words once and each is looked up in these tables, which costs far less than
# running every rule over the text; text without key words costs only that pass.
_NAME_FAMILIES: dict[str, str] = {
    **{m.capitalize(): "month" for m in MONTHS},
    **{w.capitalize(): "weekday" for w in WEEKDAYS},
    **{w.capitalize() + "s": "weekday" for w in WEEKDAYS},
    **dict.fromkeys("Christmas New Halloween Valentine Independence Thanksgiving Easter Good "
                    "Election Labor Memorial Holy".split(), "holiday"),
}  # fmt: skip
_WORD_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        "second minute hour day week weekend month quarter year decade century centurie".split()
        + "seconds minutes hours days weeks weekends months quarters years decades centuries"
        .split(), "unit"),
    **dict.fromkeys("today tonight yesterday tomorrow morning afternoon evening night noon "
                    "midnight midday".split(), "daypart"),
    **dict.fromkeys("spring summer fall autumn winter".split(), "season"),
    **dict.fromkeys("now current currently present presently nowadays these recently lately "
                    "formerly past future term".split(), "reference"),
    **dict.fromkeys("nineteen thousand".split(), "spelled"),
    "period": "period",
    **dict.fromkeys("twenties thirties forties fifties sixties seventies eighties nineties"
                    .split(), "decade"),
    **dict.fromkeys("daily weekly monthly yearly annually hourly nightly biweekly "
                    "semiannually biannually".split(), "adverb"),
}  # fmt: skip
_WORDS = re.compile(r"'[1-9]0s|[A-Za-z]+|\d+")
_NUMERIC_KEY = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)|(?:19|20)\d{6}(?!\d)")
_CLOCK_KEY = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\b|\d{1,2}:\d\d", re.IGNORECASE)


def _keys(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, family)`` of every key word in ``text``."""
    for word_match in _WORDS.finditer(text):
        word, start = word_match.group(), word_match.start()
        if word[0].isalpha():
            family = _NAME_FAMILIES.get(word) or _WORD_FAMILIES.get(word.lower())
            if family:
                yield start, family
        elif word[0] == "'":
            yield start, "decade"
        else:
            yield from _digit_keys(text, word, start)


def _digit_keys(text: str, digits: str, start: int) -> Iterator[tuple[int, str]]:
    if _NUMERIC_KEY.match(text, start):
        yield start, "numeric"
    if _CLOCK_KEY.match(text, start):
        yield start, "clock"
    if len(digits) == 4 and 1800 <= int(digits) <= 2100:
        yield start, "year"


_FAMILIES: dict[str, tuple[str, ...]] = {
    "numeric": ("iso_date", "compact_date", "slash_date", "dot_date"),
    "clock": ("time",),
    "year": ("year", "decade", "year_period"),
    "decade": ("decade",),
    "unit": ("relative_unit", "quarter", "relative_quarter", "ago", "duration",
             "vague_duration", "set", "anchored_day", "same_unit", "nth_week", "year_earlier",
             "century", "fiscal_year", "year_end"),
    "month": ("month_day", "week_of", "second_day", "day_month", "month_year", "month_alone",
              "nth_week", "set"),
    "weekday": ("weekday", "set", "plural_weekday"),
    "daypart": ("time", "deictic_day", "anchored_day", "same_unit", "set", "day_part"),
    "season": ("season", "set"),
    "reference": ("reference",),
    "adverb": ("set",),
    "holiday": ("holiday",),
    "spelled": ("spelled_year",),
    "period": ("latest_period",),
}  # fmt: skip
_FAMILY_RANKS = {family: [_RANKS[name] for name in names] for family, names in _FAMILIES.items()}

# A match may start this many tokens before its key word ("each of the past three
# years", "the very end of the month"), and no further than this many characters.
_TOKENS_BEFORE_KEY = 7
_CHARS_BEFORE_KEY = 60
_TOKEN = re.compile(r"[\w$'’]+|[^\w\s]")


def extract_timexes(text: str, dct: dt.date | None) -> list[Timex]:
    """The time expressions in ``text``, sorted by start and non-overlapping.

    ``dct`` is the document creation time (publication date) that relative expressions
    ("yesterday", "on Monday", "December 21") resolve against; None leaves them
    unresolved.
    """
    resolver: Resolver | None = None
    candidates: list[tuple[Timex, int]] = []
    seen: set[tuple[int, int, int]] = set()
    for key_start, family in _keys(text):
        starts = _starts_before(text, key_start)
        for rank in _FAMILY_RANKS[family]:
            match = _longest_reaching(RULES[rank].pattern, text, starts, key_start)
            if match is None or (rank, match.start(), match.end()) in seen:
                continue
            seen.add((rank, match.start(), match.end()))
            resolver = resolver or Resolver(text, dct)
            timex = RULES[rank].build(match, resolver)
            if timex is not None and not _is_false_positive(timex, text):
                candidates.append((_stripped(timex, text), rank))
    taken = _longest_first(candidates)
    if resolver and (resolver.anaphors or resolver.yearless):
        return anchor_anaphors(taken, resolver)
    return taken


# A date that names something: "the April 6 Movement", "6 October Bridge", "the
# October 6 War". News about Egypt alone has dozens of these.
_NAMED_AFTER = re.compile(
    r"\s+(?:Movement|Bridge|War|Revolution|Street|St\b|Square|Avenue|Road|City|Stadium|"
    r"Party|Front|Group|Brigade|Uprising|Agreement|Accords?|Declaration|Committee|"
    r"Coalition|Youth|Club|University|Memorial|Commission|Protocol|Massacre|Hospital)\b"
)


def _is_false_positive(timex: Timex, text: str) -> bool:
    """A match that is part of a name or of a larger number ("7,000 years ago")."""
    if _NAMED_AFTER.match(text, timex.end):
        return True
    before = text[max(0, timex.start - 2) : timex.start]
    return len(before) == 2 and before[1] in ",." and before[0].isdigit()


def _starts_before(text: str, key_start: int) -> list[int]:
    """Where a match reaching the key at ``key_start`` may start: the starts of the few
    tokens before it, farthest first, and the key itself."""
    lo = max(0, key_start - _CHARS_BEFORE_KEY)
    starts = [token.start() for token in _TOKEN.finditer(text, lo, key_start)]
    return [*starts[-_TOKENS_BEFORE_KEY:], key_start]


def _longest_reaching(
    pattern: re.Pattern[str], text: str, starts: list[int], key_start: int
) -> re.Match[str] | None:
    """The match starting farthest back that reaches the key: a rule's matches grow
    leftwards only by optional modifiers, so that one is the longest."""
    for start in starts:
        match = pattern.match(text, start)
        if match is not None and match.end() > key_start:
            return match
    return None


def _stripped(timex: Timex, text: str) -> Timex:
    """The timex with surrounding whitespace moved out of its span."""
    span = text[timex.start : timex.end]
    lead = len(span) - len(span.lstrip())
    trail = len(span) - len(span.rstrip())
    if not lead and not trail:
        return timex
    return Timex(timex.start + lead, timex.end - trail, timex.type, timex.value,
                 timex.interval, timex.anchor, timex.relative)  # fmt: skip


def _longest_first(candidates: list[tuple[Timex, int]]) -> list[Timex]:
    """Non-overlapping candidates: longer spans first, then earlier rules, then earlier
    starts; returned in text order."""
    ordered = sorted(candidates, key=lambda c: (c[0].start - c[0].end, c[1], c[0].start))
    # One byte per character, set where a taken span lies: a span is free when none of
    # its bytes is set. Spans are short, so this is linear where comparing every
    # candidate with every taken span was quadratic (issue 17.3).
    occupied = bytearray(max((timex.end for timex, _ in candidates), default=0))
    taken: list[Timex] = []
    for timex, _rank in ordered:
        if timex.end > timex.start and occupied.find(1, timex.start, timex.end) < 0:
            occupied[timex.start : timex.end] = b"\x01" * (timex.end - timex.start)
            taken.append(timex)
    return sorted(taken, key=lambda t: t.start)
