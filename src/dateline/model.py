"""The data model: frozen dataclasses and enums, nothing else.

An :class:`Article` owns its cleaned text. Everything found in it (sentences, time
expressions, entity mentions, quotes) is an offset pair into that text, so every line
of a timeline or briefing points back to the sentence it came from.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = "2.0"


class Granularity(StrEnum):
    """How precise a calendar interval is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"


class Confidence(StrEnum):
    """How a date was established, from strongest to weakest."""

    EXPLICIT = "explicit"  # stated unambiguously (metadata, full date in a header)
    INFERRED = "inferred"  # ambiguous alone, corroborated by evidence in the text or corpus
    ESTIMATED = "estimated"  # a guess with evidence; never anchors a timeline by default
    UNKNOWN = "unknown"  # could not be established

    @property
    def rank(self) -> int:
        return _CONFIDENCE_ORDER.index(self)

    def at_least(self, other: Confidence) -> bool:
        """True when this confidence is as strong as ``other`` or stronger."""
        return self.rank <= other.rank


_CONFIDENCE_ORDER = [
    Confidence.EXPLICIT,
    Confidence.INFERRED,
    Confidence.ESTIMATED,
    Confidence.UNKNOWN,
]


@dataclass(frozen=True, order=True)
class DateInterval:
    """A calendar interval ``[start, end]`` (both inclusive) at a granularity."""

    start: dt.date
    end: dt.date
    granularity: Granularity = field(compare=False)

    @classmethod
    def day(cls, day: dt.date) -> DateInterval:
        return cls(day, day, Granularity.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> DateInterval:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), Granularity.MONTH)

    @classmethod
    def year(cls, year: int) -> DateInterval:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR)

    @property
    def value(self) -> str:
        """The TIMEX3-style value: ``2013-07-01``, ``2013-07``, ``2013-W27``, ``2013-Q3``..."""
        start = self.start
        match self.granularity:
            case Granularity.DAY:
                return start.isoformat()
            case Granularity.WEEK:
                iso_year, iso_week, _ = start.isocalendar()
                return f"{iso_year:04d}-W{iso_week:02d}"
            case Granularity.MONTH:
                return f"{start.year:04d}-{start.month:02d}"
            case Granularity.QUARTER:
                return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
            case Granularity.YEAR:
                return f"{start.year:04d}"
            case Granularity.DECADE:
                return f"{start.year // 10:03d}"
        raise AssertionError(self.granularity)  # pragma: no cover


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published, how we know, and how sure we are."""

    value: dt.date | None
    confidence: Confidence
    source: str  # metadata, manifest, folder, header, dateline, mtime, none
    evidence: str = ""
    time: str | None = None  # "17:00" when the header gave one
    partial: str | None = None  # what is known when the year is not: "XXXX-12-21"
    # For an estimate, the days it may lie between (both inclusive; ``value`` is inside).
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @classmethod
    def unknown(cls, evidence: str = "no date found in metadata, path or text") -> PublicationDate:
        return cls(None, Confidence.UNKNOWN, "none", evidence)

    def anchors(self, minimum: Confidence) -> bool:
        """True when this date is known well enough to anchor a timeline."""
        return self.value is not None and self.confidence.at_least(minimum)


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to offsets in the original text as read.

    Cleaning builds its output from pieces; each piece records where it starts in the
    cleaned text, where its source starts in the original, the source's length, and
    whether it is a verbatim copy. A copy maps character for character; a replacement
    (a newline turned into a space, ``-LRB-`` turned into ``(``) maps its first
    character to the start of its source and its end to the source's end.
    """

    clean_starts: Sequence[int] = ()
    orig_starts: Sequence[int] = ()
    orig_lengths: Sequence[int] = ()
    verbatim: Sequence[int] = ()  # 1 for a verbatim copy, 0 for a replacement
    clean_length: int = 0
    orig_length: int = 0

    def __post_init__(self) -> None:
        # Packed arrays: a map of a detokenized article has thousands of pieces, and as
        # tuples of Python ints they cost several times the article's text in memory.
        for name, code in (
            ("clean_starts", "q"),
            ("orig_starts", "q"),
            ("orig_lengths", "q"),
            ("verbatim", "b"),
        ):
            object.__setattr__(self, name, array(code, getattr(self, name)))

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), (length,), (True,), length, length)

    def _piece(self, offset: int) -> int:
        return bisect.bisect_right(self.clean_starts, offset) - 1

    def to_original(self, offset: int) -> int:
        """The original offset of the cleaned character at ``offset``."""
        if not self.clean_starts or offset >= self.clean_length:
            return self.orig_length
        i = self._piece(offset)
        if self.verbatim[i]:
            return self.orig_starts[i] + offset - self.clean_starts[i]
        return self.orig_starts[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned ``[start, end)`` span to the original text."""
        orig_start = self.to_original(start)
        if end <= start or not self.clean_starts:
            return orig_start, orig_start
        i = self._piece(min(end, self.clean_length) - 1)
        if self.verbatim[i]:
            orig_end = self.orig_starts[i] + end - self.clean_starts[i]
        else:
            orig_end = self.orig_starts[i] + self.orig_lengths[i]
        return orig_start, max(orig_start, orig_end)


@dataclass(frozen=True)
class Article:
    """One news article: its cleaned text and what is known about it."""

    id: str
    path: str  # the file it came from; ``file.jsonl#3`` for the fourth record of a JSONL file
    text: str  # cleaned text; every offset in the model points into it
    pub_date: PublicationDate
    title: str | None = None
    title_span: tuple[int, int] | None = None  # where the headline sits in ``text``
    body_start: int = 0  # offset where the body (after headline, captions, date lines) begins
    source: str | None = None
    url: str | None = None
    author: str | None = None
    place: str | None = None  # from a wire dateline: "BALI, Indonesia"
    encoding: str = "utf-8"
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False, compare=False)
    cleaning: tuple[str, ...] = ()  # what cleaning did, for the run report
    # the earliest stamp of the readers' comments cut from the page: dating evidence
    first_comment: dt.date | None = None


@dataclass(frozen=True, order=True)
class Span:
    """A ``[start, end)`` character span in an article's cleaned text."""

    article_id: str
    start: int
    end: int

    def text(self, article: Article) -> str:
        return article.text[self.start : self.end]


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text, normalised TIMEX3-style.

    ``value`` is the TIMEX3 value (``2013-07-01``, ``2013-05``, ``P3Y``, ``PAST_REF``,
    ``XXXX-12-21`` when the year could not be resolved). ``interval`` is the calendar
    interval for dates that resolved to one, else None. ``anchor`` says what a relative
    expression was resolved against: ``dct:2013-07-05``, ``absolute``, ``unresolved``.
    """

    start: int
    end: int
    type: TimexType
    value: str
    interval: DateInterval | None = None
    anchor: str = "absolute"
    relative: bool = False

    @property
    def granularity(self) -> Granularity | None:
        return self.interval.granularity if self.interval else None


class EntityKind(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"  # GPE, LOC, FAC
    GROUP = "GROUP"  # NORP


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    kind: EntityKind
    text: str  # surface form, kept because alias merging works on strings


@dataclass(frozen=True)
class Quote:
    """A quote (direct) or reported speech (indirect), with its speaker and cue."""

    start: int
    end: int
    direct: bool
    speaker: tuple[int, int] | None = None  # speaker mention span
    speaker_name: str | None = None  # the name it resolved to within the article
    cue: tuple[int, int] | None = None


@dataclass(frozen=True)
class Annotations:
    """Everything the per-article stages found in one article."""

    article_id: str
    sentences: tuple[tuple[int, int], ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    versions: tuple[tuple[str, str], ...] = ()  # (stage, version) that produced this


@dataclass(frozen=True)
class StageFailure:
    """A per-article stage that failed: recorded in the run report, never fatal."""

    stage: str
    article_id: str
    problem: str

    def __str__(self) -> str:
        return f"{self.stage} failed on article {self.article_id}: {self.problem}"


class InputStatus(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class InputRecord:
    """What happened to one input path (or one record of a JSONL file)."""

    path: str
    status: InputStatus
    reason: str = ""
    article_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunReport:
    inputs: tuple[InputRecord, ...] = ()

    @property
    def accepted(self) -> tuple[InputRecord, ...]:
        return tuple(r for r in self.inputs if r.status is InputStatus.ACCEPTED)

    @property
    def rejected(self) -> tuple[InputRecord, ...]:
        return tuple(r for r in self.inputs if r.status is InputStatus.REJECTED)


@dataclass(frozen=True)
class Corpus:
    """Articles, their annotations and the run report: the input of corpus stages."""

    articles: tuple[Article, ...]
    annotations: dict[str, Annotations]
    report: RunReport
    failures: tuple[StageFailure, ...] = ()  # stages that failed, by article (and reported)
    _by_id: dict[str, Article] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {a.id: a for a in self.articles})

    def article(self, article_id: str) -> Article:
        return self._by_id[article_id]


@dataclass(frozen=True)
class Evidence:
    """Why a sentence was chosen for a date."""

    kind: str  # "mentions-date", "published-on-date", "published-after-date"
    timex: tuple[int, int] | None = None  # the mention that ties the sentence to the date


@dataclass(frozen=True)
class TimelineSentence:
    span: Span
    score: float
    evidence: Evidence
    # Who says a sentence that reports speech with a pronoun ("..., he added."): the
    # name the quote finder resolved the pronoun at ``speaker_span`` to.
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None

    def shown(self, article: Article) -> str:
        """The sentence as a reader is shown it, on one line: its text, with the
        speaker's name in brackets after a pronoun ("he [John Kerry] added")."""
        text = self.span.text(article)
        if self.speaker and self.speaker_span:
            at = self.speaker_span[1] - self.span.start
            text = f"{text[:at]} [{self.speaker}]{text[at:]}"
        return " ".join(text.split())


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    sentences: tuple[TimelineSentence, ...]
    score: float  # the date's importance
    articles: int = 0  # articles published on the date
    mentions: int = 0  # mentions of the date in other articles


@dataclass(frozen=True)
class StoryFocus:
    """The story a corpus tells: when it was reported and the names it is told with."""

    first: dt.date | None  # first and last publication dates (trimmed); None: none known
    last: dt.date | None
    names: tuple[str, ...] = ()  # lowercased core names, most widely used first
    articles: int = 0  # articles with an anchoring publication date
    start: dt.date | None = None  # where the main timeline starts when no option says


@dataclass(frozen=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]
    dates_requested: int
    sentences_per_date: int
    # Dates mentioned before the main timeline's start (history, background) and after
    # its end (what was still ahead): labelled apart, never main entries.
    background: tuple[TimelineEntry, ...] = ()
    ahead: tuple[TimelineEntry, ...] = ()
    story: StoryFocus | None = None  # what the corpus was found to be about
    start: dt.date | None = None  # the main timeline's window, as applied
    end: dt.date | None = None
