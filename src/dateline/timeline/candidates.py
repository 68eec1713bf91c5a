"""Candidate sentences for each date, with the evidence that ties them to it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from dateline.model import Annotations, Corpus, Evidence, Granularity, Span, TimexType
from dateline.options import Options
from dateline.timeline.text import (
    TOKEN,
    Vector,
    content_words,
    idf_table,
    tfidf,
    tokens,
    words_contain_keyword,
)

# Sentences from articles published on a date count as candidates for it only near
# the top of the article: the lead reports the news, the rest is background.
LEAD_SENTENCES = 5
# A sentence that mentions a date is a summary candidate for it only when published
# within this many days of it: later retrospectives are background, not the news.
MENTION_WINDOW_DAYS: int | None = None


@dataclass
class SentenceInfo:
    span: Span
    text: str
    tokens: list[str]
    pub_date: dt.date | None
    position: int  # index of the sentence in its article
    on_topic: bool  # passes the keyword filter


@dataclass
class Candidate:
    sentence: int  # index into CandidateIndex.sentences
    evidence: Evidence


@dataclass
class CandidateIndex:
    """Everything the date rankers and sentence selectors need, computed once."""

    sentences: list[SentenceInfo] = field(default_factory=list)
    mentions: dict[dt.date, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    published: dict[dt.date, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    articles_on: dict[dt.date, set[str]] = field(default_factory=lambda: defaultdict(set))
    idf: dict[str, float] = field(default_factory=dict)
    _vectors: dict[int, Vector] = field(default_factory=dict)

    def vector(self, sentence: int) -> Vector:
        """The TF-IDF vector of a sentence, computed once."""
        vec = self._vectors.get(sentence)
        if vec is None:
            vec = self._vectors[sentence] = tfidf(self.sentences[sentence].tokens, self.idf)
        return vec

    def candidates(self, day: dt.date) -> list[Candidate]:
        """Sentences that mention ``day``, then lead sentences published on it."""
        seen: set[int] = set()
        out = []
        for cand in [*self.mentions.get(day, []), *self.published.get(day, [])]:
            if cand.sentence not in seen and self.sentences[cand.sentence].on_topic:
                seen.add(cand.sentence)
                out.append(cand)
        # Input order must not matter: sort by evidence strength, then by source span.
        out.sort(
            key=lambda c: (c.evidence.kind != "mentions-date", self.sentences[c.sentence].span)
        )
        return out


def in_bounds(day: dt.date, opts: Options) -> bool:
    return (opts.start is None or day >= opts.start) and (opts.end is None or day <= opts.end)


def _within_window(day: dt.date, pub: dt.date | None) -> bool:
    if MENTION_WINDOW_DAYS is None or pub is None:
        return True
    return abs((pub - day).days) <= MENTION_WINDOW_DAYS


def build_candidate_index(corpus: Corpus, opts: Options) -> CandidateIndex:
    """Index the sentences that mention a day, or lead an article, by that date.

    Only those sentences can enter a timeline, so only they are tokenised, and they
    are the documents whose frequencies weight TF-IDF.
    """
    index = CandidateIndex()
    query = set(tokens(opts.about)) if opts.about else set()
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        anchored = article.pub_date.anchors(opts.anchor_confidence)
        pub = article.pub_date.value if anchored else None
        if pub is not None and in_bounds(pub, opts):
            index.articles_on[pub].add(article.id)
        by_sentence = _day_mentions(ann)
        for position, (start, end) in enumerate(ann.sentences):
            mentioned = [(d, w) for d, w in by_sentence.get(position, [])
                         if in_bounds(d, opts) and _within_window(d, pub)]
            lead = (pub is not None and position < LEAD_SENTENCES and in_bounds(pub, opts)
                    and not any(d != pub for d, _ in by_sentence.get(position, [])))
            if not mentioned and not lead:
                continue
            sent_id = len(index.sentences)
            index.sentences.append(_sentence_info(article.text, Span(article.id, start, end),
                                                  pub, position, opts, query))
            for day, where in mentioned:
                index.mentions[day].append(Candidate(sent_id, Evidence("mentions-date", where)))
            if lead and pub is not None:
                index.published[pub].append(Candidate(sent_id, Evidence("published-on-date")))
    index.idf = idf_table(s.tokens for s in index.sentences)
    return index


def _day_mentions(ann: Annotations) -> dict[int, list[tuple[dt.date, tuple[int, int]]]]:
    """Day-precise dates mentioned in each sentence, by sentence position."""
    starts = [s for s, _ in ann.sentences]
    by_sentence: dict[int, list[tuple[dt.date, tuple[int, int]]]] = defaultdict(list)
    for timex in ann.timexes:
        interval = timex.interval
        if (timex.type not in (TimexType.DATE, TimexType.TIME) or interval is None
                or interval.granularity is not Granularity.DAY):
            continue
        sent = bisect_left(starts, timex.start + 1) - 1
        if sent >= 0:
            by_sentence[sent].append((interval.start, (timex.start, timex.end)))
    return by_sentence


def _sentence_info(text: str, span: Span, pub: dt.date | None, position: int, opts: Options,
                   query: set[str]) -> SentenceInfo:
    sentence = text[span.start : span.end]
    lowered = sentence.lower()
    all_words = TOKEN.findall(lowered)
    words = content_words(all_words)
    on_topic = words_contain_keyword(set(all_words), lowered, opts.keywords) and (
        not query or not query.isdisjoint(words))
    return SentenceInfo(span, sentence, words, pub, position, on_topic)
