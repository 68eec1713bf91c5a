"""Per-date summaries: K central, non-redundant sentences for each chosen date."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from dateline.model import Span, TimelineSentence
from dateline.options import Options, TimelineTuning, pick_strategy
from dateline.text import Vector, centroid, cosine, tfidf, tokens
from dateline.timeline.candidates import Candidate, CandidateIndex, leads_sentence

MIN_TOKENS = 5
MAX_WORDS = 80
# Sentences this far into an article are the comments under it or the page's tail, not
# its news.
LAST_POSITION = 300
# Relevance of a candidate: cosine to its date's centroid, plus ``topic_weight`` times
# the cosine to the story's centroid (a date's candidates drift to side stories; the
# story pulls them back), plus ``date_led_bonus`` when the sentence opens with its date
# and a separator ("April 29 - Obama pledges ...", "On Friday, the WHO said ..."): it
# says what happened that day, as a reference entry does.
# A sentence that opens on a pronoun or a linking word leans on the one before it:
# "It has long given military support ...", "But for all the assurances ...".
DANGLING_OPENER = re.compile(
    r"[\"“‘']?(?:He|She|It|They|We|I|His|Her|Its|Their|This|That|These|Those|But|And|So|Yet"
    r"|However|Still|Instead|Also(?! on\b| in\b))\b(?!-)"  # "Also on Monday, ..." leads its day
)
# Words that lead a broadcast's talk ("Tonight, ...", "Today, ...") rather than an
# entry of a timeline ("April 29 - ...", "On Friday, ...").
DEICTIC_LEADS = frozenset(
    {"today", "tonight", "now", "right now", "this morning", "this afternoon", "this evening"}
)
SHORTLIST = 60  # MMR runs over the most relevant candidates only: it is quadratic

Chosen = dict[dt.date, tuple[TimelineSentence, ...]]
Dense = npt.NDArray[np.float32]
V = TypeVar("V")
V_contra = TypeVar("V_contra", contravariant=True)


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


class Picked(Protocol[V_contra]):
    def add(self, vector: V_contra) -> None: ...

    def max_similarity(self, vector: V_contra) -> float: ...


class PickedList(Generic[V]):
    """Chosen vectors in a list: each check compares with every one of them."""

    def __init__(self, similarity: Callable[[V, V], float]) -> None:
        self._vectors: list[V] = []
        self._similarity = similarity

    def add(self, vector: V) -> None:
        self._vectors.append(vector)

    def max_similarity(self, vector: V) -> float:
        return max((self._similarity(vector, p) for p in self._vectors), default=0.0)


class PickedTerms:
    """Chosen sparse vectors behind an inverted index: a check touches only the chosen
    sentences that share a term with the candidate, not all of them."""

    def __init__(self) -> None:
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._count = 0

    def add(self, vector: Vector) -> None:
        for term, weight in vector.items():
            self._postings[term].append((self._count, weight))
        self._count += 1

    def max_similarity(self, vector: Vector) -> float:
        dots: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for picked, other in self._postings.get(term, ()):
                dots[picked] += weight * other
        return max(dots.values(), default=0.0)


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

    def new_picked(self) -> Picked[V]:
        """Where the sentences chosen so far are kept, for redundancy checks."""
        return PickedList(self.similarity)

    def select(
        self,
        index: CandidateIndex,
        ranked: list[dt.date],
        n_dates: int,
        n_sentences: int,
        opts: Options,
    ) -> Chosen:
        chosen: Chosen = {}
        picked = self.new_picked()
        query = self.query_vector(index, opts.about) if opts.about else None
        usable: dict[int, bool] = {}  # the noise pattern is slow: test each sentence once
        # The dates the summaries will come from: the selector skips a few, so twice L.
        pools = {day: _pool(index, day, usable) for day in ranked[: 2 * n_dates]}
        tuning = opts.tuning
        topic = self.topic_vector(index, pools) if tuning.topic_weight else None
        for day in ranked:
            if len(chosen) >= n_dates:
                break
            cands = pools[day] if day in pools else _pool(index, day, usable)
            if not cands:
                continue
            sents = self._select_for_date(index, cands, n_sentences, picked, query, topic, tuning)
            if sents:
                chosen[day] = sents
        return chosen

    def topic_vector(
        self, index: CandidateIndex, pools: dict[dt.date, list[Candidate]]
    ) -> V | None:
        """What the story of these dates' candidates is about, or None where that costs
        too much to know."""
        return None

    def _relevance(
        self,
        index: CandidateIndex,
        cands: list[Candidate],
        vectors: list[V],
        query: V | None,
        topic: V | None,
        tuning: TimelineTuning,
    ) -> list[float]:
        center = self.centroid(vectors)
        relevance = []
        for cand, vec in zip(cands, vectors, strict=True):
            score = self.similarity(vec, center)
            if topic is not None:
                score += tuning.topic_weight * self.similarity(vec, topic)
            sent_text = index.sentences[cand.sentence].text
            # "Tonight, ..." leads a broadcast's talk, not an entry of its own
            if (
                tuning.date_led_bonus
                and is_date_led(index, cand)
                and not _deictic_lead(index, cand)
            ):
                score += tuning.date_led_bonus
            if tuning.dangling_penalty and DANGLING_OPENER.match(sent_text):
                score -= tuning.dangling_penalty
            if query is not None:
                score += self.similarity(vec, query)
            relevance.append(score)
        return relevance

    def _select_for_date(
        self,
        index: CandidateIndex,
        cands: list[Candidate],
        k: int,
        picked: Picked[V],
        query: V | None,
        topic: V | None,
        tuning: TimelineTuning,
    ) -> tuple[TimelineSentence, ...]:
        cands = self.shortlist(index, cands)
        vectors = self.vectors(index, [c.sentence for c in cands])
        relevance = self._relevance(index, cands, vectors, query, topic, tuning)
        remaining = sorted(range(len(cands)), key=lambda i: -relevance[i])[:SHORTLIST]
        redundancy = {i: picked.max_similarity(vectors[i]) for i in remaining}
        out: list[TimelineSentence] = []
        while remaining and len(out) < k:
            best, best_score = None, float("-inf")
            for i in remaining:
                if redundancy[i] > tuning.redundant:
                    continue
                mmr = tuning.mmr_lambda * relevance[i] - (1 - tuning.mmr_lambda) * redundancy[i]
                if mmr > best_score:
                    best, best_score = i, mmr
            if best is None:
                break
            remaining.remove(best)
            picked.add(vectors[best])
            for i in remaining:
                redundancy[i] = max(redundancy[i], self.similarity(vectors[i], vectors[best]))
            cand = cands[best]
            out.append(
                TimelineSentence(entry_span(index, cand), round(relevance[best], 4), cand.evidence)
            )
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

    def new_picked(self) -> Picked[Vector]:
        return PickedTerms()

    def topic_vector(
        self, index: CandidateIndex, pools: dict[dt.date, list[Candidate]]
    ) -> Vector | None:
        """The centroid of the dates' centroids: each date counts once, so the days with
        hundreds of candidates do not decide alone what the story is about."""
        centers = [
            centroid([index.vector(c.sentence) for c in pools[day]])
            for day in sorted(pools)  # fixed order: float sums independent of input
            if pools[day]
        ]
        return centroid(centers) if centers else None


class EmbeddingMMRSelector(MMRSelector["Dense"]):
    """MMR over MiniLM sentence embeddings. Slower: only the TF-IDF shortlist of each
    date is embedded, and there is no story centroid, which would embed every date's
    candidates."""

    name = "minilm-mmr"

    def shortlist(self, index: CandidateIndex, cands: list[Candidate]) -> list[Candidate]:
        vectors = [index.vector(c.sentence) for c in cands]
        center = centroid(vectors)
        scored = sorted(zip(cands, vectors, strict=True), key=lambda cv: -cosine(cv[1], center))
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
# Every alternative of NOISE needs one of these substrings (of the lowercased text), or
# a leading "(": most sentences have none and skip the regex, which is eight times slower.
NOISE_HINTS = ("|", ":", "update", "www.", "@", "click", "posted")
# Photo and video captions describe a picture, not an event: "Oil is seen on the
# surface ...", "In this image made from video provided by BP, ...", "(L-R)". "Seen as"
# and "seen to" are left: "the meeting is seen as a test".
CAPTION = re.compile(
    r"\b(?:is|are) (?:seen|pictured|shown)\b(?! (?:as|to)\b)"
    r"|^(?:In )?(?:[Tt]his|[Aa]n?) (?:image|photo|picture|handout photo|file photo|photograph)\b"
    r"|\bphoto(?:graph)? (?:taken|made|released|provided)\b"
    r"|\((?:L-R|R-L|left|right|center|centre|C)\)|\bimage (?:made |taken )?from video\b"
)


def is_date_led(index: CandidateIndex, cand: Candidate) -> bool:
    """Whether the candidate opens with the date it mentions, then a separator."""
    return _date_lead_end(index, cand) is not None


def _deictic_lead(index: CandidateIndex, cand: Candidate) -> bool:
    """Whether the date the candidate mentions is a word like "tonight"."""
    where = cand.evidence.timex
    if where is None:
        return False
    sent = index.sentences[cand.sentence]
    said = sent.text[where[0] - sent.span.start : where[1] - sent.span.start]
    return said.strip().lower() in DEICTIC_LEADS


def _date_lead_end(index: CandidateIndex, cand: Candidate) -> int | None:
    """Where the date and separator that lead the candidate's sentence end (an offset
    into the sentence), or None when the sentence is not led by its date."""
    where = cand.evidence.timex
    if cand.evidence.kind != "mentions-date" or where is None:
        return None
    sent = index.sentences[cand.sentence]
    return leads_sentence(sent.text, 0, (where[0] - sent.span.start, where[1] - sent.span.start))


# An entry shows its sentence without the date that leads it, which the entry's date
# already says ("April 29 - Obama pledges ..." -> "Obama pledges ..."), and without a
# leading bullet or dash, as the entries of a journalist's timeline read.
LEADING_MARKS = " -–—*•\\"
MIN_ENTRY_CHARS = 20
# CNN's dateline is kept in the candidate sentence (timeline/candidates.py: its place
# is often the sentence's topic word), so it is cut from what the entry shows; the wire
# agencies' are cut from the sentence already.
SHOWN_DATELINE = re.compile(r"\(CNN\)\s*(?:--|[-—–])\s*")
DATELINE_WITHIN = 120  # characters from the sentence's start


def entry_span(index: CandidateIndex, cand: Candidate) -> Span:
    """The part of the candidate's sentence that its timeline entry shows."""
    sent = index.sentences[cand.sentence]
    start = _date_lead_end(index, cand) or 0
    # "during Mubarak speech Cairo, Egypt (CNN) -- Major ...": a caption and a dateline
    if dateline := SHOWN_DATELINE.search(sent.text, 0, DATELINE_WITHIN):
        start = max(start, dateline.end())
    start = len(sent.text) - len(sent.text[start:].lstrip(LEADING_MARKS))
    if len(sent.text) - start < MIN_ENTRY_CHARS or not _opens_entry(sent.text[start]):
        return sent.span
    return Span(sent.span.article_id, sent.span.start + start, sent.span.end)


def _opens_entry(char: str) -> bool:
    """An entry opens as a sentence does: "On Friday, the WHO said ..." stays whole
    rather than show "the WHO said ..."."""
    return char.isupper() or char.isdigit() or char in "\"“‘'"


def _pool(index: CandidateIndex, day: dt.date, usable: dict[int, bool]) -> list[Candidate]:
    """The date's candidates fit to be summary sentences; ``usable`` memoises the test."""
    out = []
    for cand in index.candidates(day):
        ok = usable.get(cand.sentence)
        if ok is None:
            ok = usable[cand.sentence] = _usable(index, cand)
        if ok:
            out.append(cand)
    return out


def _noisy(text: str) -> bool:
    lowered = text.lower()
    return (
        lowered.startswith("(") or any(hint in lowered for hint in NOISE_HINTS)
    ) and NOISE.search(text) is not None


def _usable(index: CandidateIndex, cand: Candidate) -> bool:
    sent = index.sentences[cand.sentence]
    if _noisy(sent.text) or CAPTION.search(sent.text):
        return False
    if not sent.text.rstrip().endswith(SENTENCE_END):
        return False  # a standfirst or heading fragment, not a sentence
    if sent.position >= LAST_POSITION:
        return False  # reader comments and page tails, far below any news
    return len(sent.tokens) >= MIN_TOKENS and len(sent.text.split()) <= MAX_WORDS


SENTENCE_END = tuple(".!?\"'”’)…")


SELECTORS: dict[str, Callable[[], SentenceSelector]] = {
    "tfidf-mmr": TfidfMMRSelector,
    "minilm-mmr": EmbeddingMMRSelector,
}


def get_sentence_selector(name: str) -> SentenceSelector:
    return pick_strategy(SELECTORS, name, "sentence selector")
