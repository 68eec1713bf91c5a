"""Turns what a rule recognised into a :class:`~dateline.model.Timex`.

A :class:`Resolver` is made once per text. It knows the document creation time (dct),
finds the tense around an expression, and builds resolved or unresolved Timex values,
so that the rules only say what they saw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateline.annotate.timex_calendar import Direction, tense_direction
from dateline.model import DateInterval, Timex, TimexType


class Resolver:
    """Builds Timex values for one text written on ``dct`` (None when unknown)."""

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.text = text
        self.dct = dct
        self.anchor = f"dct:{dct.isoformat()}" if dct else "unresolved"
        self._directions: dict[tuple[int, int], Direction] = {}

    def direction(self, start: int, end: int) -> Direction:
        """Past or future, from the tense of the sentence around ``text[start:end]``."""
        key = (start, end)
        if key not in self._directions:
            self._directions[key] = tense_direction(self.text, start, end)
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
        interval = compute(self.dct)
        if interval is None:
            return None
        return Timex(*span, kind, interval.value + suffix, interval, self.anchor, True)

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
