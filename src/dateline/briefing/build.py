"""The briefing: summary, timeline, actors, quotes by speaker, figures and sources.

``build_briefing`` is the one place that runs the spaCy-based stages (entities and
quotes): they are slow, so the timeline and summary commands never pay for them. When
the spaCy model is missing, the briefing is built without actors and quotes and says
so in ``notes``.
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


def annotate_speech(corpus: Corpus) -> Annotated:
    """Entities and quotes per article (see :func:`annotate_speech_reported`)."""
    return annotate_speech_reported(corpus)[0]


def annotate_speech_reported(corpus: Corpus) -> tuple[Annotated, list[StageFailure]]:
    """Entities and quotes per article: from the corpus when a stage already found them,
    else from the spaCy pipeline (batched), and the articles it failed on.

    A failure on one article leaves that article without entities and quotes, never
    the others: a batch that fails is redone one article at a time.
    """
    anns = [corpus.annotations.get(a.id) for a in corpus.articles]
    if any(ann is not None and (ann.entities or ann.quotes) for ann in anns):
        return [
            (a, ann.entities if ann else (), ann.quotes if ann else ())
            for a, ann in zip(corpus.articles, anns, strict=True)
        ], []
    from dateline.annotate.nlp import DEFAULT_BATCH_SIZE

    annotated: Annotated = []
    failures: list[StageFailure] = []
    articles = list(corpus.articles)
    for first in range(0, len(articles), DEFAULT_BATCH_SIZE):
        batch = articles[first : first + DEFAULT_BATCH_SIZE]
        try:
            annotated += _speech_batch(batch)
        except ModelNotFoundError:
            raise
        except Exception:  # a bug or a resource limit in spaCy or a stage: isolate it
            for article in batch:
                annotated.append(_speech_alone(article, failures))
    return annotated, failures


def _speech_batch(articles: Sequence[Article]) -> Annotated:
    from dateline.annotate.quotes import extract_quotes_many

    found = extract_quotes_many(a.text for a in articles)
    return [(a, ents, quotes) for a, (ents, quotes) in zip(articles, found, strict=True)]


def _speech_alone(
    article: Article, failures: list[StageFailure]
) -> tuple[Article, tuple[EntityMention, ...], tuple[Quote, ...]]:
    try:
        return _speech_batch([article])[0]
    except ModelNotFoundError:
        raise
    except Exception as err:  # recorded against the article; the others go on
        log.warning("entities and quotes failed on %s: %s", article.path, err)
        failures.append(StageFailure("quotes", article.id, f"{type(err).__name__}: {err}"))
        return article, (), ()


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
    corpus: Corpus,
) -> tuple[tuple[Actor, ...], tuple[SpeakerQuotes, ...], tuple[str, ...]]:
    try:
        annotated, failures = annotate_speech_reported(corpus)
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
    summary = summarize(corpus, opts)
    timeline = build_timeline(corpus, opts)
    figures = figures_over_time(corpus, opts)
    actors, quotes, notes = _speech(corpus)
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
