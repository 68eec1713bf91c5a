"""The concept-coverage summary selector (Gillick & Favre 2009, the ICSI DUC system).

A summary is scored by the concepts it covers, each counted once however many of its
sentences carry it: here a concept is a pair of adjacent stemmed words that are not both
stopwords ("tahrir squar", "vice presid"), weighted by the number of articles that use
it. Pairs that few articles share are left out: what one reporter wrote is not what the
story is about. Coverage counted once rewards saying more things, so redundancy needs
no separate penalty.

The original solves an integer linear programme exactly. Here a budgeted greedy pass
(best new weight per word), a pass that keeps the best single sentence when it beats
the greedy set (Khuller et al. 1999), and one round of swaps (take one sentence out,
put the best fitting one in) come close to it on news clusters of 10-25 articles, with
no solver to install.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.text import STOPWORDS

if TYPE_CHECKING:
    from dateline.briefing.summary import Problem

_WORD = re.compile(r"[a-z0-9]+")
# A pair of words like "the first" or "he said" says nothing about the story.
_FUNCTION = STOPWORDS | frozenset("one two first new last year years like get".split())


@lru_cache(maxsize=1)
def _porter() -> Any:
    # nltk comes with rouge-score, a dependency; loaded on first use, not at import.
    from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_porter().stem(word))


def sentence_concepts(text: str, unigrams: bool = False) -> set[tuple[str, str]]:
    """The adjacent stemmed word pairs of a sentence, less pairs of two function words;
    with ``unigrams``, its stemmed content words too, as ``(word, "")``."""
    words = _WORD.findall(text.lower())
    stems = [_stem(w) for w in words]  # each word once: a pair shares its words
    out = {
        (stems[i], stems[i + 1])
        for i in range(len(words) - 1)
        if not (words[i] in _FUNCTION and words[i + 1] in _FUNCTION)
    }
    if unigrams:
        out |= {(stem, "") for w, stem in zip(words, stems, strict=True) if w not in _FUNCTION}
    return out


@dataclass
class ConceptSelector:
    """Maximise the summed weight of the concepts covered, within the word budget."""

    name: str = "concepts"
    # A concept that fewer than ``problem.tuning.concept_min_articles`` articles, or
    # fewer than this share of them, use still counts ``rare_weight`` of its weight:
    # enough to fill the budget once the shared concepts are covered, too little to
    # outweigh one of them.
    min_share: float = 0.02
    rare_weight: float = 0.01
    query_weight: float = 1.0  # a concept sharing a word with the query counts 1 + this
    max_pool: int = 400  # the densest candidates a large corpus is searched over

    def select(self, problem: Problem) -> list[tuple[int, float]]:
        if not problem.candidates:
            return []
        concepts, weights = self._concepts(problem)
        costs = [c.words for c in problem.candidates]
        pool = self._pool(concepts, weights, costs)
        chosen = self._greedy(pool, concepts, weights, costs, problem.budget)
        chosen = self._swap(pool, chosen, concepts, weights, costs, problem.budget)
        covered: set[int] = set()
        out = []
        for i in sorted(chosen, key=lambda i: -_gain(concepts[i], covered, weights)):
            out.append((i, _gain(concepts[i], covered, weights)))
            covered |= concepts[i]
        return out

    def _concepts(self, problem: Problem) -> tuple[list[set[int]], dict[int, float]]:
        """Each candidate's concepts as ids, and the weight of each id."""
        unigram_weight = problem.tuning.unigram_weight
        per_sentence = [sentence_concepts(c.text, unigram_weight > 0) for c in problem.candidates]
        articles: dict[tuple[str, str], set[str]] = defaultdict(set)
        for cand, pairs in zip(problem.candidates, per_sentence, strict=True):
            for pair in pairs:
                articles[pair].add(cand.span.article_id)
        n_articles = len({c.span.article_id for c in problem.candidates})
        needed = max(problem.tuning.concept_min_articles, math.ceil(self.min_share * n_articles))
        needed = min(needed, max(1, n_articles // 2))  # a small corpus keeps its concepts
        query = {_stem(w) for w in _WORD.findall((problem.about or "").lower())} - {
            _stem(w) for w in STOPWORDS
        }
        ids: dict[tuple[str, str], int] = {}
        weights: dict[int, float] = {}
        for pair, where in sorted(articles.items()):  # ids, hence ties, by value: no hash order
            ids[pair] = len(ids)
            asked = bool(query & set(pair))
            boost = 1.0 + self.query_weight * asked
            # What the query asks about counts, however few articles say it.
            share = 1.0 if len(where) >= needed or asked else self.rare_weight
            if not pair[1]:
                share *= unigram_weight
            weights[ids[pair]] = len(where) * boost * share
        return [{ids[p] for p in pairs} for pairs in per_sentence], weights

    def _pool(
        self, concepts: list[set[int]], weights: dict[int, float], costs: list[int]
    ) -> list[int]:
        density = [
            sum(weights[c] for c in cs) / cost for cs, cost in zip(concepts, costs, strict=True)
        ]
        ranked = sorted((i for i in range(len(costs)) if concepts[i]), key=lambda i: -density[i])
        return ranked[: self.max_pool]

    def _greedy(
        self,
        pool: list[int],
        concepts: list[set[int]],
        weights: dict[int, float],
        costs: list[int],
        budget: int,
    ) -> list[int]:
        chosen: list[int] = []
        covered: set[int] = set()
        used = 0
        open_ = [i for i in pool if costs[i] <= budget]
        while open_:
            best = max(open_, key=lambda i: (_gain(concepts[i], covered, weights) / costs[i], -i))
            if _gain(concepts[best], covered, weights) <= 0:
                break
            chosen.append(best)
            covered |= concepts[best]
            used += costs[best]
            open_ = [i for i in open_ if i != best and used + costs[i] <= budget]
        single = max(
            open_ + pool,
            key=lambda i: (_weight(concepts[i], weights) if costs[i] <= budget else -1.0, -i),
        )
        if costs[single] <= budget and _weight(concepts[single], weights) > _cover(
            chosen, concepts, weights
        ):
            return [single]
        return chosen

    def _swap(
        self,
        pool: list[int],
        chosen: list[int],
        concepts: list[set[int]],
        weights: dict[int, float],
        costs: list[int],
        budget: int,
    ) -> list[int]:
        """One pass of single swaps, each kept when it covers more."""
        best = _cover(chosen, concepts, weights)
        for out in list(chosen):
            rest = [i for i in chosen if i != out]
            room = budget - sum(costs[i] for i in rest)
            for add in pool:
                if add in chosen or costs[add] > room:
                    continue
                score = _cover([*rest, add], concepts, weights)
                if score > best + 1e-9:
                    best, chosen = score, [*rest, add]
                    break
        return chosen


def _gain(concepts: set[int], covered: set[int], weights: dict[int, float]) -> float:
    return sum(weights[c] for c in concepts - covered)


def _weight(concepts: set[int], weights: dict[int, float]) -> float:
    return sum(weights[c] for c in concepts)


def _cover(chosen: list[int], concepts: list[set[int]], weights: dict[int, float]) -> float:
    covered: set[int] = set()
    for i in chosen:
        covered |= concepts[i]
    return _weight(covered, weights)
