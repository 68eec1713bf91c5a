"""Expectations and their chains: frozen dataclasses and enums, nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dateline.model import Granularity, Span


class Modality(StrEnum):
    """How an event is anticipated, from the sentence's strongest cue."""

    PLANNED = "planned"  # scheduled, set, due, "will be held"
    EXPECTED = "expected"  # "expected to", "likely", "hopes ... will"
    POSSIBLE = "possible"  # "might", "may", "could"
    DEMANDED = "demanded"  # "calls for", "urged", "should ... as soon as possible"
    POSTPONED = "postponed"  # "delayed", "postponed", "pushed back"
    CANCELLED = "cancelled"  # "called off", "did not take place"


class Openness(StrEnum):
    CLOSED = "closed"  # a date or interval with both ends
    AFTER = "after"  # "August or later", "not until August": a start, no end
    BEFORE = "before"  # "by August", "no later than": an end, no start
    UNDATED = "undated"  # "as soon as possible", "soon", or no time at all


@dataclass(frozen=True)
class ExpectedTime:
    """When an event is expected, at its own precision.

    ``value`` is TIMEX3-style for a closed time (``2013-W45``, ``2013-11``,
    ``2014-02-10``), ISO 8601-2 for an open one (``2013-08/..``, ``../2013-09``), and
    None when no date is given.
    """

    text: str  # the words that say when: "the second week of November", "as soon as possible"
    openness: Openness
    value: str | None = None
    start: dt.date | None = None  # None for an open start
    end: dt.date | None = None  # None for an open end
    granularity: Granularity | None = None
    span: tuple[int, int] | None = None  # the words in the article's text


@dataclass(frozen=True)
class Expectation:
    """One anticipated event, as one sentence of one article reports it."""

    event: str  # the event phrase as written: "international conference"
    event_class: str  # meeting, summit, vote, court...: cues.EVENT_CLASSES
    event_span: Span
    sentence: Span
    modality: Modality
    cue: str  # the words that gave the modality: "most likely", "delayed"
    time: ExpectedTime
    names: tuple[str, ...]  # the names the sentence ties the event to, for linking
    speaker: str | None = None
    reported: dt.date | None = None  # the article's publication date

    @property
    def key(self) -> tuple[str, int, int]:
        return self.event_span.article_id, self.event_span.start, self.event_span.end


@dataclass(frozen=True)
class Outcome:
    """What became of an expected event: a timeline entry that reports it held."""

    date: dt.date
    sentence: Span
    verb: str  # "ended", "was held"


@dataclass(frozen=True)
class Chain:
    """Expectations about one event across articles, ordered by report date."""

    id: str
    event: str  # the label: the chain's most specific event phrase
    event_class: str
    expectations: tuple[Expectation, ...]
    status: str  # happened, cancelled, pending
    outcome: Outcome | None = None
