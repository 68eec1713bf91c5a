"""The briefing: summary, timeline, actors, quotes by speaker, figures and sources.

Actors and quotes come from the speech stage (entities and quotes, spaCy) in the
corpus's annotations: the commands that need them ask for it when they build the corpus
(so the store caches it and every worker runs it), and a corpus built without it gets
it here, through the pipeline. The timeline and summary never pay for it. When the spaCy
model is missing, the briefing is built without actors and quotes and says so in
``notes``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.briefing.actors import Actor, build_actors
from dateline.briefing.figures import FigureSeries, figures_over_time
from dateline.briefing.quotes import (
    Annotated,
    QuoteEntry,
    SpeakerQuotes,
    SpeakerRole,
    quotes_by_speaker,
)
from dateline.briefing.summary import Summary, summarize
from dateline.engine import beside
from dateline.errors import ModelNotFoundError
from dateline.expectations import Chain, expectation_chains
from dateline.memo import Memo, corpus_fingerprint, keep, options_key, recall
from dateline.model import (
    Annotations,
    Article,
    Corpus,
    RunReport,
    StageFailure,
    Timeline,
)
from dateline.options import Options
from dateline.pipeline import SPEECH_STAGES, has_stages, with_stages
from dateline.progress import Progress
from dateline.timeline import build_timeline
from dateline.timeline.curated import curate_actors, curation_of
from dateline.timeline.speakers import Speech, name_speakers

__all__ = [
    "Annotated",
    "Briefing",
    "QuoteEntry",
    "SpeakerQuotes",
    "build_briefing",
    "quotes_by_speaker",
]

log = logging.getLogger(__name__)

MAX_ACTORS = 30  # actors kept in a briefing: the most mentioned, plus everyone quoted


@dataclass(frozen=True)
class Briefing:
    """Everything a reader needs about a story, each part traceable to its sources."""

    summary: Summary
    timeline: Timeline
    actors: tuple[Actor, ...]
    quotes: tuple[SpeakerQuotes, ...]  # every speaker with its role, newsmakers first
    figures: tuple[FigureSeries, ...]
    sources: tuple[Article, ...]  # with publication dates and their provenance
    report: RunReport
    options: Options
    notes: tuple[str, ...] = ()  # parts that could not be built, and why
    expectations: tuple[Chain, ...] = ()  # what was expected to happen: never timeline entries

    def article(self, article_id: str) -> Article:
        for article in self.sources:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def corpus(self) -> Corpus:
        """The sources as a corpus without annotations, for the timeline renderers."""
        return Corpus(self.sources, {}, self.report)


def annotate_speech(corpus: Corpus, opts: Options | None = None) -> Annotated:
    """Entities and quotes per article (see :func:`annotate_speech_reported`)."""
    return annotate_speech_reported(corpus, opts)[0]


def annotate_speech_reported(
    corpus: Corpus,
    opts: Options | None = None,
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


def select_actors(actors: Sequence[Actor], quotes: Sequence[SpeakerQuotes]) -> tuple[Actor, ...]:
    """The most mentioned actors, plus every quoted newsmaker, in mention order."""
    quoted = {q.actor_id for q in quotes if q.actor_id and q.role is SpeakerRole.NEWSMAKER}
    keep = [a for i, a in enumerate(actors) if i < MAX_ACTORS or a.id in quoted]
    return tuple(keep)


SpeechParts = tuple[tuple[Actor, ...], tuple[SpeakerQuotes, ...], tuple[str, ...], Speech]


def _speech(corpus: Corpus, opts: Options) -> SpeechParts:
    """Actors, quotes by speaker, notes, and each article's entities and quotes."""
    try:
        annotated, failures = annotate_speech_reported(corpus, opts)
    except ModelNotFoundError as err:
        log.warning("briefing without actors and quotes: %s", err)
        return (), (), (f"actors and quotes left out: {err}",), {}
    actors = build_actors((a, ents) for a, ents, _ in annotated)
    # a person's merges and splits of actors, when the corpus came from a curated store
    actors = curate_actors(actors, annotated, curation_of(corpus))
    quotes = quotes_by_speaker(annotated, actors)
    notes = tuple(f"actors and quotes left out for one article: {f}" for f in failures)
    speech = {article.id: (ents, found) for article, ents, found in annotated}
    return select_actors(actors, quotes), quotes, notes, speech


def _curation_key(corpus: Corpus) -> str:
    curation = curation_of(corpus)
    rejected = sorted((i, sorted(s)) for i, s in curation.rejected_sentences.items())
    return repr((rejected, curation.merges, curation.splits))


SpeakerParts = tuple[tuple[Actor, ...], tuple[SpeakerQuotes, ...], tuple[str, ...]]
OtherParts = tuple[Summary, Timeline, tuple[FigureSeries, ...], tuple[Chain, ...]]


def build_briefing(
    corpus: Corpus, opts: Options | None = None, memo: Memo | None = None
) -> Briefing:
    """Summary, timeline, actors, quotes, figures and sources for one story.

    With ``memo``, parts computed before for this corpus (and these options) are read
    back (:mod:`dateline.memo`); actors and quotes read no options, so they are kept
    across option changes."""
    opts = opts or Options()
    log.info("briefing: summary, timeline and figures for %d articles", len(corpus.articles))
    corpus_key = corpus_fingerprint(corpus) + _curation_key(corpus) if memo else ""
    parts_key = corpus_key + options_key(opts) if memo else ""
    # Actors and quotes are kept only when the corpus brings its speech annotations (the
    # CLI's always does): the timeline's speakers are named from them.
    speaker_memo = memo if memo and has_stages(corpus, SPEECH_STAGES) else None
    speakers: SpeakerParts | None = recall(speaker_memo, "speakers", corpus_key)
    others: OtherParts | None = recall(memo, "briefing-parts", parts_key)
    speech: Speech = {i: (ann.entities, ann.quotes) for i, ann in corpus.annotations.items()}
    with Progress(
        2, "briefing parts (actors, quotes, summary; timeline, figures, expectations)"
    ) as bar:
        # With actors and quotes read back, the figures move to this side: the two sides
        # then take about as long again.
        figures_here = speakers is not None and others is None

        def speech_and_summary() -> tuple[SpeechParts, Summary, tuple[FigureSeries, ...]]:
            parts = (*speakers, speech) if speakers else _speech(corpus, opts)
            summary = others[0] if others else summarize(corpus, opts)
            figures = figures_over_time(corpus, opts) if figures_here else ()
            bar.advance()
            return parts, summary, figures

        def the_rest() -> tuple[Timeline, tuple[FigureSeries, ...], tuple[Chain, ...]]:
            if others:
                return others[1:]
            timeline = build_timeline(corpus, opts)
            figures = () if figures_here else figures_over_time(corpus, opts)
            return timeline, figures, expectation_chains(corpus, timeline)

        # Independent parts, on two cores when there are two: a briefing's warm run is
        # all corpus-level work, split so that the two sides take about as long
        # (measured on egypt+h1n1: about 3.8 s and 4.1 s). Read back, they cost nothing.
        ((actors, quotes, notes, speech), summary, moved), (timeline, figures, chains) = (
            (speech_and_summary(), the_rest())
            if speakers and others
            else beside(speech_and_summary, the_rest, opts)
        )
        figures = moved if figures_here else figures
        if not speakers and not notes:  # notes: a missing model, a failed article
            keep(speaker_memo, "speakers", corpus_key, (actors, quotes, notes))
        if not others:
            keep(memo, "briefing-parts", parts_key, (summary, timeline, figures, chains))
        # the corpus may have come without the speech stage, which the speech side ran
        timeline = name_speakers(timeline, corpus, speech)
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
        chains,
    )
