"""Establishing publication dates, with provenance and a confidence level.

Sources, strongest first: the user's manifest, the file's own metadata (JSON fields,
HTML meta), a ``YYYY-MM-DD`` folder, a date line in the header, a wire dateline.
Ambiguous numeric dates (``2/1/2014``) are read by the separator's convention and
checked against weekday words in the text; yearless datelines (``October 7``) get a
year only in a corpus-level step, from the range of the confidently dated articles.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from dateline.model import Article, Confidence, PublicationDate

MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_WORD = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# How often a news story names a weekday that lies N days before its publication day.
WEEKDAY_WEIGHTS = (1.0, 0.8, 0.4, 0.3, 0.2, 0.15, 0.1)
NUMERIC = re.compile(r"(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})")
TIME = re.compile(r"\b(\d{1,2}:\d{2})\b")
WORDY = re.compile(
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4}))|"
    r"(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4}))"
)
MONTH_DAY = re.compile(r"(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})")
# Publication dates outside [EARLIEST_PLAUSIBLE, YEARS_AHEAD years after the present]
# are typos or test data, not news: they are reported and the article kept undated.
EARLIEST_PLAUSIBLE = dt.date(1800, 1, 1)
YEARS_AHEAD = 5


def latest_plausible(today: dt.date | None = None) -> dt.date:
    """The last plausible publication date: the end of the year YEARS_AHEAD from today."""
    return dt.date((today or dt.date.today()).year + YEARS_AHEAD, 12, 31)


def implausible(day: dt.date, latest: dt.date | None = None) -> str | None:
    """Why ``day`` cannot be a news article's publication date, or None when it can."""
    latest = latest or latest_plausible()
    if EARLIEST_PLAUSIBLE <= day <= latest:
        return None
    return (
        f"publication date {day.isoformat()} is implausible for news "
        f"(outside {EARLIEST_PLAUSIBLE.isoformat()} to {latest.isoformat()}); ignored"
    )


def _make_date(year: int, month: int, day: int, two_digit_year: bool = False) -> dt.date | None:
    """A date, or None when there is none; only a two-digit year gets a century."""
    if two_digit_year:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _ymd(match: re.Match[str]) -> dt.date | None:
    year, month, day = (int(g) for g in match.groups())
    return _make_date(year, month, day)


def parse_iso_or_words(value: str) -> dt.date | None:
    """A date given in metadata: ISO 8601 (with or without time) or ``February 1, 2014``."""
    value = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return _ymd(iso)
    match = WORDY.search(value)
    if match:
        month_name = (match.group("m1") or match.group("m2")).lower()
        month = MONTH_NUMBERS.get(month_name)
        day = int(match.group("d1") or match.group("d2"))
        year = int(match.group("y1") or match.group("y2"))
        if month:
            return _make_date(year, month, day)
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value)
    if compact:
        return _ymd(compact)
    return None


def weekday_counts(text: str) -> Counter[int]:
    """How often each weekday (0 = Monday) is named in the text."""
    return Counter(WEEKDAYS.index(m.group(1).lower()) for m in WEEKDAY_WORD.finditer(text))


def weekday_support(candidate: dt.date, counts: Counter[int]) -> float:
    """How well weekday words agree with a publication date; 0 when none are named."""
    score = 0.0
    for weekday, count in counts.items():
        days_back = (candidate.weekday() - weekday) % 7
        score += count * WEEKDAY_WEIGHTS[days_back]
    return score


def corroborates(candidate: dt.date, counts: Counter[int]) -> bool:
    """True when the text names the publication weekday or the day before it."""
    return counts[candidate.weekday()] > 0 or counts[(candidate.weekday() - 1) % 7] > 0


def _named_weekdays(counts: Counter[int]) -> str:
    return ", ".join(WEEKDAYS[d].capitalize() for d in sorted(counts))


def date_from_numeric_line(line: str, text: str) -> PublicationDate | None:
    """Read a header line like ``2/1/2014`` or ``05.07.2013 17:00``.

    Slashes follow the US month/day convention, dots and dashes the day.month one.
    Unambiguous readings are explicit; ambiguous ones are inferred when weekday words
    in the text do not contradict them, and estimated when they do.
    """
    match = NUMERIC.search(line)
    if not match:
        return None
    a, sep, b, c = int(match.group(1)), match.group(2), int(match.group(3)), match.group(4)
    time_match = TIME.search(line[match.end() :])
    clock = time_match.group(1) if time_match else None
    if len(match.group(1)) == 4:  # 2014-02-01 or 2014/02/01: year first, never ambiguous
        day = _make_date(a, b, int(c))
        return _explicit_header(day, line, clock)
    year, short = int(c), len(c) == 2
    month_first = sep == "/"
    readings = [(a, b), (b, a)] if month_first else [(b, a), (a, b)]
    valid = [(m, d, _make_date(year, m, d, short)) for m, d in readings]
    valid = [(m, d, day) for m, d, day in valid if day is not None]
    if not valid:
        return None
    if len(valid) == 1 or valid[0][2] == valid[1][2]:
        return _explicit_header(valid[0][2], line, clock)
    chosen, alternative = valid[0][2], valid[1][2]
    assert chosen is not None and alternative is not None
    return _resolve_ambiguous(chosen, alternative, month_first, line, clock, text)


def _explicit_header(day: dt.date | None, line: str, clock: str | None) -> PublicationDate | None:
    if day is None:
        return None
    return PublicationDate(day, Confidence.EXPLICIT, "header", f"header line '{line}'", clock)


def _resolve_ambiguous(
    chosen: dt.date,
    alternative: dt.date,
    month_first: bool,
    line: str,
    clock: str | None,
    text: str,
) -> PublicationDate:
    convention = "month/day (US slash convention)" if month_first else "day.month convention"
    counts = weekday_counts(text)
    named = _named_weekdays(counts)
    if corroborates(chosen, counts):
        evidence = (
            f"header line '{line}' read as {convention}; weekday words ({named}) agree "
            f"with {chosen:%A %Y-%m-%d}, not {alternative:%A %Y-%m-%d}"
        )
        return PublicationDate(chosen, Confidence.INFERRED, "header", evidence, clock)
    if counts[alternative.weekday()] > 0:
        evidence = (
            f"header line '{line}' is ambiguous; the {convention} gives {chosen}, but "
            f"weekday words ({named}) point to {alternative:%A %Y-%m-%d}"
        )
        return PublicationDate(alternative, Confidence.ESTIMATED, "header", evidence, clock)
    evidence = f"header line '{line}' read as {convention}"
    evidence += f"; weekday words ({named}) do not contradict it" if counts else ""
    return PublicationDate(chosen, Confidence.INFERRED, "header", evidence, clock)


def date_from_header(lines: Sequence[str], text: str) -> PublicationDate | None:
    """The publication date a header date line gives, if any."""
    for line in lines:
        words = parse_iso_or_words(line)
        if words:
            clock = TIME.search(line)
            return PublicationDate(
                words,
                Confidence.EXPLICIT,
                "header",
                f"header line '{line}'",
                clock.group(1) if clock else None,
            )
        numeric = date_from_numeric_line(line, text)
        if numeric:
            return numeric
    return None


def partial_from_dateline(dateline_date: str) -> PublicationDate | None:
    """A wire dateline's ``October 7``: a full date if it has a year, else a partial one."""
    full = parse_iso_or_words(dateline_date)
    if full:
        return PublicationDate(
            full, Confidence.EXPLICIT, "dateline", f"wire dateline '{dateline_date}'"
        )
    match = MONTH_DAY.match(dateline_date)
    month = MONTH_NUMBERS.get(match.group("m").lower()) if match else None
    if not match or not month:
        return None
    day = int(match.group("d"))
    if _make_date(2000, month, day) is None:  # 2000 is a leap year: allows Feb 29
        return None
    return PublicationDate(
        None,
        Confidence.UNKNOWN,
        "dateline",
        f"wire dateline '{dateline_date}' names no year",
        partial=f"XXXX-{month:02d}-{day:02d}",
    )


def from_metadata(value: str, source: str) -> PublicationDate | None:
    day = parse_iso_or_words(value)
    if day is None:
        return None
    return PublicationDate(day, Confidence.EXPLICIT, source, f"{source} date '{value}'")


def infer_missing_years(articles: Sequence[Article]) -> list[Article]:
    """Give yearless dateline dates a year from the corpus's confidently dated range.

    Implausible dates (see :func:`implausible`) do not count towards the range.
    Candidate years run one past each end of the range. A candidate inside the range
    (30 days' slack) whose weekday the text names, or names the day before of, is
    inferred; without such words the year stays unknown (a partial date), for
    :func:`dateline.ingest.estimate.estimate_dates` to settle from the content.

    When the weekday words fit several candidates, the one with the most dated
    articles within :data:`YEAR_NEIGHBOURHOOD` days wins if it has more than the
    others together: so dating a few more articles far away (a manifest widening the
    range) never takes the year away from an article whose neighbours settled it.
    """
    latest = latest_plausible()
    anchored = [
        a.pub_date.value
        for a in articles
        if a.pub_date.value
        and a.pub_date.confidence.at_least(Confidence.INFERRED)
        and not implausible(a.pub_date.value, latest)
    ]
    if not anchored:
        return list(articles)
    ordered = sorted(anchored)
    return [
        _infer_year(a, ordered) if a.pub_date.partial and not a.pub_date.value else a
        for a in articles
    ]


YEAR_NEIGHBOURHOOD = 120  # days around a candidate whose dated articles back its year


def _dated_near(day: dt.date, anchored: Sequence[dt.date]) -> int:
    """How many of the sorted ``anchored`` dates lie within the neighbourhood of ``day``."""
    first, last = _widen(day, day, dt.timedelta(days=YEAR_NEIGHBOURHOOD))
    return bisect.bisect_right(anchored, last) - bisect.bisect_left(anchored, first)


def _settled(supported: Sequence[dt.date], anchored: Sequence[dt.date]) -> dt.date | None:
    """The one weekday-supported candidate, or the one the corpus's dates clearly back."""
    if len(supported) == 1:
        return supported[0]
    near = {d: _dated_near(d, anchored) for d in supported}
    best = max(supported, key=lambda d: near[d], default=None)
    if best is not None and near[best] > sum(near.values()) - near[best]:
        return best
    return None


_RANGE_NOTE = "corpus's confidently dated articles run"


def _widen(low: dt.date, high: dt.date, slack: dt.timedelta) -> tuple[dt.date, dt.date]:
    """``low - slack`` and ``high + slack``, stopping at the ends of the calendar."""
    first = low - slack if low - dt.date.min >= slack else dt.date.min
    last = high + slack if dt.date.max - high >= slack else dt.date.max
    return first, last


def _infer_year(article: Article, anchored: Sequence[dt.date]) -> Article:
    assert article.pub_date.partial is not None
    low, high = anchored[0], anchored[-1]
    month, day = (int(p) for p in article.pub_date.partial.split("-")[1:])
    first, last = _widen(low, high, dt.timedelta(days=30))
    counts = weekday_counts(article.text)
    candidates = [
        d
        for y in range(low.year - 1, high.year + 2)
        if (d := _make_date(y, month, day)) and first <= d <= last
    ]
    if not candidates:
        return article
    supported = [d for d in candidates if corroborates(d, counts)]
    range_note = f"{_RANGE_NOTE} {low} to {high}"
    # A store re-runs this as its range grows: drop what an earlier run added.
    base = article.pub_date.evidence.split(f"; the {_RANGE_NOTE}")[0]
    chosen = _settled(supported, anchored)
    if chosen is not None:
        evidence = (
            f"{base}; year from the {range_note}; weekday words "
            f"({_named_weekdays(counts)}) agree with {chosen:%A %Y-%m-%d}"
        )
        if len(supported) > 1:
            evidence += (
                f", nearest the corpus's dated articles "
                f"({_dated_near(chosen, anchored)} within {YEAR_NEIGHBOURHOOD} days)"
            )
        pub = replace(
            article.pub_date, value=chosen, confidence=Confidence.INFERRED, evidence=evidence
        )
    else:
        # No weekday words settle the year: the date stays partial ("year unknown") for
        # the content estimate to settle, or not, rather than a guessed year.
        why = "no weekday words to check it" if not counts else "weekday words do not decide"
        evidence = f"{base}; the {range_note}; year unknown ({why})"
        pub = replace(article.pub_date, evidence=evidence)
    return replace(article, pub_date=pub)
