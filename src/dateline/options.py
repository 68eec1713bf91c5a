"""One options object, shared by the CLI and the Python API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from dateline.errors import ConfigError
from dateline.model import Confidence

OFFSET_SYSTEMS = ("cleaned", "original")
T = TypeVar("T")


@dataclass(frozen=True)
class TimelineTuning:
    """The timeline engine's tuned constants, in one place.

    Each was chosen by leave-one-topic-out cross-validation over the Timeline17 dev
    topics (``dateline eval tls DIR --loto``); docs/benchmarks.md has the figures.
    Tests and experiments pass another one in through :class:`Options`.
    """

    # Date ranking: each article that mentions a date counts once, by the weight of its
    # strongest mention; articles published on the date add ``published_weight`` each.
    published_weight: float = 0.5
    same_day_weight: float = 0.5  # "today" restates the article's own date
    future_weight: float = 1.0  # a mention published before the date: an expectation
    # Spreading: a date within ``span / (spread * L)`` days of one chosen is scaled down.
    spread: float = 4.0
    # Coverage: each fortnight gets a share of the dates in proportion to the articles
    # published in it (to this power), so a late climax is not crowded out by the
    # early weeks that every later article cites.
    coverage_power: float = 1.0
    coverage_bin_days: int = 14
    # Candidate sentences: the lead of an article stands for its publication date.
    lead_sentences: int = 5
    few_candidates: int = 5  # below this, a date also gets the next day's leads
    same_event: float = 0.1  # ... that far alike (cosine) its own candidates
    # Sentence selection (MMR).
    redundant: float = 0.6  # cosine above which a sentence repeats one chosen
    mmr_lambda: float = 0.7
    date_led_bonus: float = 0.3  # "April 29 - Obama pledges ...": an entry in itself
    topic_weight: float = 1.0  # pull towards the story's centroid
    dangling_penalty: float = 0.1  # a sentence opening on "It", "But", ... leans on another

    def __post_init__(self) -> None:
        if self.lead_sentences < 1 or self.few_candidates < 0:
            raise ConfigError("timeline tuning: lead_sentences >= 1 and few_candidates >= 0")
        if not 0.0 <= self.mmr_lambda <= 1.0:
            raise ConfigError(f"timeline tuning: mmr_lambda {self.mmr_lambda} is not in [0, 1]")


@dataclass(frozen=True)
class Options:
    """Everything that changes what dateline produces. Validated on construction."""

    dates: int | None = None  # L: number of timeline dates; None chooses from the corpus
    sentences: int | None = None  # K: sentences per date; None chooses from the corpus
    keywords: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    about: str | None = None  # a query that focuses the timeline or briefing
    anchor_confidence: Confidence = Confidence.INFERRED  # weakest pub date that anchors
    use_mtime: bool = False  # fall back to the file's mtime as an *estimated* date
    manifest: Path | None = None
    include: tuple[str, ...] = ()  # file-name globs read besides the article types
    exclude: tuple[str, ...] = ()  # file-name globs never read
    urls_file: Path | None = None  # --urls: a file of URLs to fetch, one a line
    fetch_timeout: float = 20.0  # seconds a URL may take to answer (connect, each read)
    fetch_max_bytes: int = 10_000_000  # a fetched page larger than this is refused
    offsets: str = "cleaned"
    date_ranker: str = "mentions"
    sentence_selector: str = "tfidf-mmr"
    workers: int = 1
    scheduler: str | None = None
    store: Path | None = None
    words: int = 150  # briefing summary length
    story_focus: bool = True  # keep the timeline to the corpus's own span and names
    tuning: TimelineTuning = field(default_factory=TimelineTuning)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.dates is not None and self.dates < 1:
            raise ConfigError(f"--dates must be at least 1, got {self.dates}")
        if self.sentences is not None and self.sentences < 1:
            raise ConfigError(f"--sentences must be at least 1, got {self.sentences}")
        if self.start and self.end and self.start > self.end:
            raise ConfigError(
                f"--start {self.start} is after --end {self.end}: swap them or drop one"
            )
        if self.offsets not in OFFSET_SYSTEMS:
            raise ConfigError(f"--offsets must be one of {', '.join(OFFSET_SYSTEMS)}")
        if self.workers < 0:
            raise ConfigError("--workers must be 0 (all cores) or more")
        if self.fetch_timeout <= 0 or self.fetch_max_bytes < 1:
            raise ConfigError("--fetch-timeout must be above 0 and fetch_max_bytes at least 1")
        if self.words < 10:
            raise ConfigError(f"--words must be at least 10, got {self.words}")
        cleaned = tuple(k.strip().lower() for k in self.keywords if k.strip())
        object.__setattr__(self, "keywords", cleaned)

    def but(self, **changes: Any) -> Options:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)


def pick_strategy(registry: Mapping[str, Callable[[], T]], name: str, what: str) -> T:
    """A new instance of the strategy ``name`` names; a ConfigError listing the choices
    when there is none (date rankers, sentence selectors, summary selectors)."""
    try:
        factory = registry[name]
    except KeyError:
        raise ConfigError(
            f"unknown {what} '{name}': choose one of {', '.join(sorted(registry))}"
        ) from None
    return factory()
