"""Turns what a rule recognised into a :class:`~dateline.model.Timex`.

A :class:`Resolver` is made once per text. It knows the document creation time (dct),
finds the tense around an expression, and builds resolved or unresolved Timex values,
so that the rules only say what they saw.

Anaphoric expressions ("the following year", "that day", "the previous Friday", a bare
"10 p.m.") first resolve against the dct like any relative one, and are noted;
:func:`anchor_anaphors` then re-resolves each against the last date the text mentioned
before it, as HeidelTime does for narratives, when that date is precise enough.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dateline.annotate.timex.calendar import UNKNOWN, Direction, tense_direction
from dateline.annotate.timex.discourse import Frame, Yearless, chronology_days, frame_of, in_frame
from dateline.model import DateInterval, Granularity, Timex, TimexType

FromAnchor = Callable[[DateInterval], DateInterval | None]

# From finest to coarsest: an anaphor needing a month can use a day, never a year.
_FINENESS = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.QUARTER,
             Granularity.YEAR, Granularity.DECADE)  # fmt: skip


@dataclass(frozen=True)
class Anaphor:
    """How to resolve an anaphoric expression once its reference date is known."""

    compute: FromAnchor
    needs: Granularity  # the coarsest reference it can use
    kind: TimexType
    suffix: str


class Resolver:
    """Builds Timex values for one text written on ``dct`` (None when unknown)."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct
        self.anchor = f"dct:{dct.isoformat()}" if dct else "unresolved"
        self._directions: dict[tuple[int, int, bool], Direction] = {}
        self.anaphors: dict[tuple[int, int], Anaphor] = {}
        self.yearless: dict[tuple[int, int], Yearless] = {}
        self._chronology: dict[int, dt.date] | None = None

    def chronology_day(self, end: int) -> dt.date | None:
        """The day of the chronology entry whose date ends at ``end``, if there is one
        (see :func:`~dateline.annotate.timex.discourse.chronology_days`)."""
        if self._chronology is None:
            self._chronology = chronology_days(self.text, self.dct) if self.dct else {}
        return self._chronology.get(end)

    def direction(self, start: int, end: int, plans: bool = False) -> Direction:
        """Past or future, from the tense of the sentence around ``text[start:end]``;
        ``plans``: a planned event's day is ahead (see :func:`tense_direction`)."""
        key = (start, end, plans)
        if key not in self._directions:
            self._directions[key] = tense_direction(self.text, start, end, plans)
        return self._directions[key]

    def absolute(
        self,
        span: tuple[int, int],
        interval: DateInterval,
        kind: TimexType = TimexType.DATE,
        suffix: str = "",
    ) -> Timex:
        """A date that needs no anchor: "30 June 2012", "March 2011"."""
        return Timex(*span, kind, interval.value + suffix, interval)

    def relative(
        self,
        span: tuple[int, int],
        compute: Callable[[dt.date], DateInterval | None],
        placeholder: str,
        kind: TimexType = TimexType.DATE,
        suffix: str = "",
    ) -> Timex | None:
        """A date resolved against the dct; ``placeholder`` (``XXXX-12-21``) without one.

        ``compute`` maps the dct to the interval; it may return None for impossible
        dates, and then nothing is tagged.
        """
        if self.dct is None:
            return Timex(*span, kind, placeholder + suffix, None, self.anchor, True)
        try:
            interval = compute(self.dct)
        except (ValueError, OverflowError):  # "7000 years ago": before the calendar's year 1
            return None
        if interval is None:
            return None
        return Timex(*span, kind, interval.value + suffix, interval, self.anchor, True)

    def anaphoric(
        self,
        span: tuple[int, int],
        compute: FromAnchor,
        needs: Granularity,
        placeholder: str,
        kind: TimexType = TimexType.DATE,
        suffix: str = "",
    ) -> Timex | None:
        """ "the following year": ``compute`` maps the reference date's interval to the
        expression's. Resolved against the dct (as a day) until :func:`anchor_anaphors`
        finds a reference in the text."""
        self.anaphors[span] = Anaphor(compute, needs, kind, suffix)
        return self.relative(span, lambda dct: compute(DateInterval.day(dct)), placeholder,
                             kind, suffix)  # fmt: skip

    def reference(self, span: tuple[int, int], value: str) -> Timex:
        """PRESENT_REF, PAST_REF, FUTURE_REF, or a season or weekend value: relative to
        the dct but with no interval."""
        return Timex(*span, TimexType.DATE, value, None, self.anchor, True)

    def relative_value(
        self, span: tuple[int, int], compute: Callable[[dt.date], str], placeholder: str
    ) -> Timex:
        """A relative date whose value has no interval in the model ("this spring")."""
        value = placeholder if self.dct is None else compute(self.dct)
        return Timex(*span, TimexType.DATE, value, None, self.anchor, True)

    @staticmethod
    def measure(span: tuple[int, int], value: str, kind: TimexType) -> Timex:
        """A duration or a set: needs no anchor."""
        return Timex(*span, kind, value)


def anchor_anaphors(timexes: list[Timex], res: Resolver) -> list[Timex]:
    """``timexes`` (in text order) with each anaphor re-resolved against the last date
    or time before it whose granularity is fine enough, and each yearless month or day
    moved to the year the text is talking about when that is plausible (see
    :func:`~dateline.annotate.timex.discourse.in_frame`); the others keep their dct
    reading. Re-resolved expressions are references for later ones."""
    refs: list[DateInterval] = []
    anchored: list[Timex] = []
    frame: Frame | None = None
    for found in timexes:
        span = (found.start, found.end)
        anaphor, yearless = res.anaphors.get(span), res.yearless.get(span)
        framed = None
        if anaphor is not None:
            timex = _anchored(found, anaphor, refs)
        elif yearless is not None and frame is not None:
            direction = res.direction(*yearless.span) if res.dct else UNKNOWN
            framed = in_frame(found, yearless, frame, res.text, res.dct, direction)
            timex = framed or found
        else:
            timex = found
        if timex.interval is not None and timex.type in (TimexType.DATE, TimexType.TIME):
            refs.append(timex.interval)
        frame = _next_frame(frame, timex, framed, res.text)
        anchored.append(timex)
    return anchored


def _next_frame(frame: Frame | None, timex: Timex, framed: Timex | None, text: str) -> Frame | None:
    """The year the text is about after ``timex``: set by explicit dates, kept by dates
    in it, dropped by other dates (relative to the dct, or anaphors: "the following
    year" is often an aside); durations and sets leave it."""
    if timex.type not in (TimexType.DATE, TimexType.TIME):
        return frame
    if framed is not None and frame is not None:
        return Frame(frame.year, timex.end, frame.month, frame.topical)
    if timex.anchor == "absolute":
        return frame_of(timex, text)
    return None


def _anchored(timex: Timex, anaphor: Anaphor, refs: list[DateInterval]) -> Timex:
    limit = _FINENESS.index(anaphor.needs)
    ref = next((r for r in reversed(refs) if _FINENESS.index(r.granularity) <= limit), None)
    try:
        interval = anaphor.compute(ref) if ref is not None else None
    except (ValueError, OverflowError):  # shifted past the calendar's range
        return timex
    if ref is None or interval is None:
        return timex
    return Timex(timex.start, timex.end, anaphor.kind, interval.value + anaphor.suffix,
                 interval, f"text:{ref.value}", True)  # fmt: skip
