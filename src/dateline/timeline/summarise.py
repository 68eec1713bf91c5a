"""Per-date summaries: K central, non-redundant sentences for each chosen date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

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
SHORTLIST = 60  # MMR runs over the most relevant candidates only: it is quadratic

Chosen = dict[dt.date, tuple[TimelineSentence, ...]]
Dense = npt.NDArray[np.float32]
V = TypeVar("V")


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


class MMRSelector(Generic[V]):
    """Centrality to the date's candidates (cosine to their centroid), with maximal
    marginal relevance against everything already chosen in the timeline. Subclasses
    say how sentences become vectors."""

    name = "mmr"

    def vectors(self, index: CandidateIndex, sentences: list[int]) -> list[V]:
        raise NotImplementedError

    def query_vector(self, index: CandidateIndex, query: str) -> V:
        raise NotImplementedError

    def centroid(self, vectors: list[V]) -> V:
        raise NotImplementedError

    def similarity(self, a: V, b: V) -> float:
        raise NotImplementedError

    def select(
        self,
        index: CandidateIndex,
        ranked: list[dt.date],
        n_dates: int,
        n_sentences: int,
        opts: Options,
    ) -> Chosen:
        chosen: Chosen = {}
        picked: list[V] = []
        query = self.query_vector(index, opts.about) if opts.about else None
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

    def _relevance(self, cands: list[Candidate], vectors: list[V], query: V | None,
                   ) -> list[float]:
        center = self.centroid(vectors)
        relevance = []
        for cand, vec in zip(cands, vectors, strict=True):
            score = self.similarity(vec, center)
            if cand.evidence.kind == "mentions-date":
                score += MENTION_BONUS
            if query is not None:
                score += self.similarity(vec, query)
            relevance.append(score)
        return relevance

    def _select_for_date(
        self,
        index: CandidateIndex,
        cands: list[Candidate],
        k: int,
        picked: list[V],
        query: V | None,
    ) -> tuple[TimelineSentence, ...]:
        cands = self.shortlist(index, cands)
        vectors = self.vectors(index, [c.sentence for c in cands])
        relevance = self._relevance(cands, vectors, query)
        remaining = sorted(range(len(cands)), key=lambda i: -relevance[i])[:SHORTLIST]
        redundancy = {i: max((self.similarity(vectors[i], p) for p in picked), default=0.0)
                      for i in remaining}
        out: list[TimelineSentence] = []
        while remaining and len(out) < k:
            best, best_score = None, float("-inf")
            for i in remaining:
                if redundancy[i] > REDUNDANT:
                    continue
                mmr = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy[i]
                if mmr > best_score:
                    best, best_score = i, mmr
            if best is None:
                break
            remaining.remove(best)
            picked.append(vectors[best])
            for i in remaining:
                redundancy[i] = max(redundancy[i], self.similarity(vectors[i], vectors[best]))
            cand = cands[best]
            out.append(TimelineSentence(index.sentences[cand.sentence].span,
                                        round(relevance[best], 4), cand.evidence))
        return tuple(out)

    def shortlist(self, index: CandidateIndex, cands: list[Candidate]) -> list[Candidate]:
        """The candidates worth vectorising; all of them for cheap vectors."""
        return cands


class TfidfMMRSelector(MMRSelector[Vector]):
    """MMR over sparse TF-IDF vectors: fast, and the default."""

    name = "tfidf-mmr"

    def vectors(self, index: CandidateIndex, sentences: list[int]) -> list[Vector]:
        return [index.vector(i) for i in sentences]

    def query_vector(self, index: CandidateIndex, query: str) -> Vector:
        return tfidf(tokens(query), index.idf)

    def centroid(self, vectors: list[Vector]) -> Vector:
        return centroid(vectors)

    def similarity(self, a: Vector, b: Vector) -> float:
        return cosine(a, b)


class EmbeddingMMRSelector(MMRSelector["Dense"]):
    """MMR over MiniLM sentence embeddings. Slower: only the TF-IDF shortlist of each
    date is embedded."""

    name = "minilm-mmr"

    def shortlist(self, index: CandidateIndex, cands: list[Candidate]) -> list[Candidate]:
        vectors = [index.vector(c.sentence) for c in cands]
        center = centroid(vectors)
        scored = sorted(zip(cands, vectors, strict=True),
                        key=lambda cv: -cosine(cv[1], center))
        return [c for c, _ in scored[: 2 * SHORTLIST]]

    def vectors(self, index: CandidateIndex, sentences: list[int]) -> list[Dense]:
        from dateline.embed import get_embedder

        matrix = get_embedder().encode([index.sentences[i].text for i in sentences])
        return list(matrix)

    def query_vector(self, index: CandidateIndex, query: str) -> Dense:
        from dateline.embed import get_embedder

        vec: Dense = get_embedder().encode([query])[0]
        return vec

    def centroid(self, vectors: list[Dense]) -> Dense:
        mean = np.mean(np.stack(vectors), axis=0)
        result: Dense = mean / max(float(np.linalg.norm(mean)), 1e-12)
        return result

    def similarity(self, a: Dense, b: Dense) -> float:
        return float(np.dot(a, b))


# Live-blog stamps, comment bylines, wire headers and links: text around the news, not
# news. ``Thu Apr 30, 2009 5:11 am EDT``, ``(Update 6:56 a.m.)``, ``yellowIda wrote:``.
NOISE = re.compile(
    r"\||\bwrote:|\d{1,2}:\d{2}|^\(|\bUpdate\b|https?:|www\.|@\w|\bclick\b|\bposted\b",
    re.IGNORECASE,
)
FILTER_NOISE = True


def _usable(index: CandidateIndex, cand: Candidate) -> bool:
    sent = index.sentences[cand.sentence]
    if FILTER_NOISE and NOISE.search(sent.text):
        return False
    return len(sent.tokens) >= MIN_TOKENS and len(sent.text.split()) <= MAX_WORDS


SELECTORS: dict[str, type[TfidfMMRSelector] | type[EmbeddingMMRSelector]] = {
    "tfidf-mmr": TfidfMMRSelector,
    "minilm-mmr": EmbeddingMMRSelector,
}


def get_sentence_selector(name: str) -> SentenceSelector:
    try:
        return SELECTORS[name]()
    except KeyError:
        raise ConfigError(
            f"unknown sentence selector '{name}': choose one of {', '.join(sorted(SELECTORS))}"
        ) from None
