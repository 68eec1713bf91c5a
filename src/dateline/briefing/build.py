"""The briefing: summary, timeline, actors, quotes by speaker, figures and sources.

Actors and quotes come from the speech stage (entities and quotes, spaCy) in the
corpus's annotations: the commands that need them ask for it when they build the corpus
(so the store caches it and every worker runs it), and a corpus built without it gets
it here, through the pipeline. The timeline and summary never pay for it. When the spaCy
model is missing, the briefing is built without actors and quotes and says so in
``notes``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.briefing.actors import Actor, build_actors, resolve_speaker
from dateline.briefing.figures import FigureSeries, figures_over_time
from dateline.briefing.summary import Summary, summarize
from dateline.errors import ModelNotFoundError
from dateline.model import (
    Annotations,
    Article,
    Corpus,
    EntityMention,
    Quote,
    RunReport,
    Span,
    StageFailure,
    Timeline,
)
from dateline.options import Options
from dateline.pipeline import SPEECH_STAGES, with_stages
from dateline.progress import Progress
from dateline.timeline import build_timeline

log = logging.getLogger(__name__)

MAX_ACTORS = 30  # actors kept in a briefing: the most mentioned, plus everyone quoted


@dataclass(frozen=True)
class QuoteEntry:
    """One quote or reported statement, cited by its span."""

    span: Span
    direct: bool
    speaker: str  # the actor's name, or the speaker as written when no actor matched
    actor_id: str | None
    pub_date: dt.date | None


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    actor_id: str | None
    quotes: tuple[QuoteEntry, ...]


@dataclass(frozen=True)
class Briefing:
    """Everything a reader needs about a story, each part traceable to its sources."""

    summary: Summary
    timeline: Timeline
    actors: tuple[Actor, ...]
    quotes: tuple[SpeakerQuotes, ...]  # by speaker, most quoted first
    figures: tuple[FigureSeries, ...]
    sources: tuple[Article, ...]  # with publication dates and their provenance
    report: RunReport
    options: Options
    notes: tuple[str, ...] = ()  # parts that could not be built, and why

    def article(self, article_id: str) -> Article:
        for article in self.sources:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def corpus(self) -> Corpus:
        """The sources as a corpus without annotations, for the timeline renderers."""
        return Corpus(self.sources, {}, self.report)


Annotated = list[tuple[Article, tuple[EntityMention, ...], tuple[Quote, ...]]]


def annotate_speech(corpus: Corpus, opts: Options | None = None) -> Annotated:
    """Entities and quotes per article (see :func:`annotate_speech_reported`)."""
    return annotate_speech_reported(corpus, opts)[0]


def annotate_speech_reported(corpus: Corpus, opts: Options | None = None,
                             ) -> tuple[Annotated, list[StageFailure]]:
    """Entities and quotes per article, from the corpus's annotations (the speech stage
    is run first on the articles that lack it), and the articles it failed on.

    A failure on one article leaves that article without entities and quotes, never
    the others.
    """
    corpus = with_stages(corpus, SPEECH_STAGES, opts)
    annotated: Annotated = []
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id) or Annotations(article.id)
        annotated.append((article, ann.entities, ann.quotes))
    return annotated, [f for f in corpus.failures if f.stage in SPEECH_STAGES]


def quotes_by_speaker(annotated: Annotated, actors: Sequence[Actor]) -> tuple[SpeakerQuotes, ...]:
    """Attributed quotes grouped by the actor they resolve to (or the name as written)."""
    names = {a.id: a.name for a in actors}
    groups: dict[tuple[str | None, str], list[QuoteEntry]] = defaultdict(list)
    for article, _, quotes in annotated:
        for quote in quotes:
            if not quote.speaker_name:
                continue
            actor_id = resolve_speaker(actors, quote.speaker_name, article.id)
            speaker = names[actor_id] if actor_id else quote.speaker_name
            groups[(actor_id, speaker)].append(
                QuoteEntry(
                    Span(article.id, quote.start, quote.end),
                    quote.direct,
                    speaker,
                    actor_id,
                    article.pub_date.value,
                )
            )
    out = [
        SpeakerQuotes(speaker, actor_id, tuple(sorted(entries, key=_quote_order)))
        for (actor_id, speaker), entries in groups.items()
    ]
    out.sort(key=lambda s: (-len(s.quotes), s.speaker))
    return tuple(out)


def _quote_order(entry: QuoteEntry) -> tuple[dt.date, Span]:
    return (entry.pub_date or dt.date.max, entry.span)


def select_actors(actors: Sequence[Actor], quotes: Sequence[SpeakerQuotes]) -> tuple[Actor, ...]:
    """The most mentioned actors, plus every quoted one, in mention order."""
    quoted = {q.actor_id for q in quotes if q.actor_id}
    keep = [a for i, a in enumerate(actors) if i < MAX_ACTORS or a.id in quoted]
    return tuple(keep)


def _speech(
    corpus: Corpus, opts: Options
) -> tuple[tuple[Actor, ...], tuple[SpeakerQuotes, ...], tuple[str, ...]]:
    try:
        annotated, failures = annotate_speech_reported(corpus, opts)
    except ModelNotFoundError as err:
        log.warning("briefing without actors and quotes: %s", err)
        return (), (), (f"actors and quotes left out: {err}",)
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    quotes = quotes_by_speaker(annotated, actors)
    notes = tuple(f"actors and quotes left out for one article: {f}" for f in failures)
    return select_actors(actors, quotes), quotes, notes


def build_briefing(corpus: Corpus, opts: Options | None = None) -> Briefing:
    """Summary, timeline, actors, quotes, figures and sources for one story."""
    opts = opts or Options()
    log.info("briefing: summary, timeline and figures for %d articles", len(corpus.articles))
    with Progress(4, "briefing parts (summary, timeline, figures, actors and quotes)") as bar:
        summary = summarize(corpus, opts)
        bar.advance()
        timeline = build_timeline(corpus, opts)
        bar.advance()
        figures = figures_over_time(corpus, opts)
        bar.advance()
        actors, quotes, notes = _speech(corpus, opts)
        bar.advance()
    return Briefing(
        summary,
        timeline,
        actors,
        quotes,
        figures,
        corpus.articles,
        corpus.report,
        opts,
        notes,
    )
