"""Per-date summaries: K central, non-redundant sentences for each chosen date."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from dateline.errors import ConfigError
from dateline.model import TimelineSentence
from dateline.options import Options
from dateline.timeline.candidates import Candidate, CandidateIndex
from dateline.timeline.text import Vector, centroid, cosine, tfidf, tokens

MIN_TOKENS = 5
MAX_WORDS = 80
REDUNDANT = 0.6  # cosine above which a sentence repeats one already chosen
MMR_LAMBDA = 0.7
MENTION_BONUS = 0.15  # prefer sentences that state what happened on the date

Chosen = dict[dt.date, tuple[TimelineSentence, ...]]


class SentenceSelector(Protocol):
    name: str

    def select(
        self,
        index: CandidateIndex,
        ranked: list[dt.date],
        n_dates: int,
        n_sentences: int,
        opts: Options,
    ) -> Chosen:
        """Walk the ranked dates, keep the first ``n_dates`` that yield sentences."""
        ...


class TfidfMMRSelector:
    """Centrality to the date's candidates (TF-IDF cosine to their centroid), with
    maximal marginal relevance against everything already chosen in the timeline."""

    name = "tfidf-mmr"

    def select(
        self,
        index: CandidateIndex,
        ranked: list[dt.date],
        n_dates: int,
        n_sentences: int,
        opts: Options,
    ) -> Chosen:
        chosen: Chosen = {}
        picked: list[Vector] = []
        query = tfidf(tokens(opts.about), index.idf) if opts.about else None
        for day in ranked:
            if len(chosen) >= n_dates:
                break
            cands = [c for c in index.candidates(day) if _usable(index, c)]
            if not cands:
                continue
            sents = self._select_for_date(index, cands, n_sentences, picked, query)
            if sents:
                chosen[day] = sents
        return chosen

    def _select_for_date(
        self,
        index: CandidateIndex,
        cands: list[Candidate],
        k: int,
        picked: list[Vector],
        query: Vector | None,
    ) -> tuple[TimelineSentence, ...]:
        vectors = [tfidf(index.sentences[c.sentence].tokens, index.idf) for c in cands]
        center = centroid(vectors)
        relevance = []
        for cand, vec in zip(cands, vectors, strict=True):
            score = cosine(vec, center)
            if cand.evidence.kind == "mentions-date":
                score += MENTION_BONUS
            if query is not None:
                score += cosine(vec, query)
            relevance.append(score)
        out: list[TimelineSentence] = []
        remaining = list(range(len(cands)))
        while remaining and len(out) < k:
            best, best_score = None, float("-inf")
            for i in remaining:
                redundancy = max((cosine(vectors[i], p) for p in picked), default=0.0)
                if redundancy > REDUNDANT:
                    continue
                mmr = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy
                if mmr > best_score:
                    best, best_score = i, mmr
            if best is None:
                break
            remaining.remove(best)
            picked.append(vectors[best])
            cand = cands[best]
            out.append(
                TimelineSentence(
                    index.sentences[cand.sentence].span, round(relevance[best], 4), cand.evidence
                )
            )
        return tuple(out)


def _usable(index: CandidateIndex, cand: Candidate) -> bool:
    sent = index.sentences[cand.sentence]
    return len(sent.tokens) >= MIN_TOKENS and len(sent.text.split()) <= MAX_WORDS


SELECTORS: dict[str, type[TfidfMMRSelector]] = {"tfidf-mmr": TfidfMMRSelector}


def get_sentence_selector(name: str) -> SentenceSelector:
    try:
        return SELECTORS[name]()
    except KeyError:
        raise ConfigError(
            f"unknown sentence selector '{name}': choose one of {', '.join(sorted(SELECTORS))}"
        ) from None
