"""Who says a timeline sentence that reports speech with a pronoun.

"The meeting in Geneva might not take place until August or later, he added." reads
alone in a timeline, away from the sentence that named "he". The quote finder resolves
the pronoun within its article; the entry shows that name beside it, in brackets as an
editor would ("he [John Kerry] added"), while the text stays verbatim in the JSON with
the name and the pronoun's offsets beside it.

A wrong name is worse than none, so a name is shown only where two readings agree: the
pronoun resolves to the speaker of the article's quote just before, and nobody else is
named between that quote's sentence and this one. On the dev corpora the resolution
alone named ElBaradei's "he urged the Egyptian president to leave" as Mubarak (the
speaker before, but ElBaradei is named in between) and Obama's "the buck stops with me"
as another senator.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import replace

from dateline.model import (
    Article,
    Corpus,
    EntityKind,
    EntityMention,
    Quote,
    Timeline,
    TimelineEntry,
    TimelineSentence,
)

PRONOUNS = frozenset("he she they we i".split())
# An article's entities and quotes, by article id.
Speech = Mapping[str, tuple[Sequence[EntityMention], Sequence[Quote]]]


def pronoun_speaker(
    article: Article,
    entities: Sequence[EntityMention],
    quotes: Sequence[Quote],
    sentences: Sequence[tuple[int, int]],
    sent: TimelineSentence,
) -> tuple[str, tuple[int, int]] | None:
    """(name, pronoun span) of the speech the sentence attributes to a pronoun, when its
    cue and pronoun lie in the sentence and the name is sure (see the module); else None."""
    span = sent.span
    ordered = sorted(quotes, key=lambda q: q.start)
    for quote in ordered:
        if not (quote.speaker and quote.speaker_name and quote.cue):
            continue
        lo, hi = quote.speaker
        if not (span.start <= lo and hi <= span.end and span.start <= quote.cue[0] < span.end):
            continue
        if article.text[lo:hi].lower() not in PRONOUNS:
            continue
        name = quote.speaker_name
        if name.lower() in PRONOUNS or not _said_just_before(
            name, ordered, entities, sentences, span.start
        ):
            continue
        return name, (lo, hi)
    return None


def _said_just_before(
    name: str,
    quotes: Sequence[Quote],
    entities: Sequence[EntityMention],
    sentences: Sequence[tuple[int, int]],
    at: int,
) -> bool:
    """Whether the last attributed quote before ``at`` is ``name``'s, with no other
    person named between that quote's sentence and ``at``."""
    before = [q for q in quotes if q.start < at and q.speaker and q.speaker[1] <= at]
    if not before or before[-1].speaker_name != name:
        return False
    assert before[-1].speaker is not None
    starts = [s for s, _ in sentences]
    i = max(0, bisect_left(starts, before[-1].speaker[1] + 1) - 1)
    after = sentences[i][1] if sentences else before[-1].speaker[1]
    words = set(name.lower().split())
    return not any(
        m.kind is EntityKind.PERSON
        and after <= m.start < at
        and not words & set(m.text.lower().split())
        for m in entities
    )


def name_speakers(timeline: Timeline, corpus: Corpus, speech: Speech | None = None) -> Timeline:
    """The timeline with each pronoun speaker named (:func:`pronoun_speaker`), from the
    articles' ``speech``, by default the corpus's annotations'."""
    if speech is None:
        speech = {i: (ann.entities, ann.quotes) for i, ann in corpus.annotations.items()}

    def named(entries: tuple[TimelineEntry, ...]) -> tuple[TimelineEntry, ...]:
        return tuple(replace(e, sentences=tuple(map(_named, e.sentences))) for e in entries)

    def _named(sent: TimelineSentence) -> TimelineSentence:
        entities, quotes = speech.get(sent.span.article_id, ((), ()))
        ann = corpus.annotations.get(sent.span.article_id)
        if not quotes or ann is None:
            return sent
        article = corpus.article(sent.span.article_id)
        found = pronoun_speaker(article, entities, quotes, ann.sentences, sent)
        if found is None:
            return sent
        return replace(sent, speaker=found[0], speaker_span=found[1])

    return replace(
        timeline,
        entries=named(timeline.entries),
        background=named(timeline.background),
        ahead=named(timeline.ahead),
    )
