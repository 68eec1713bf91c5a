"""Expectations, and how they moved: what was expected to happen, when, according to
whom, and how that changed from one report to the next (issue 15, part B).

Never mixed into the factual timeline: expectations are their own briefing part.
"""

from __future__ import annotations

from dateline.expectations.chains import link_expectations
from dateline.expectations.extract import ExpectationTuning, extract_expectations
from dateline.expectations.model import (
    Chain,
    Expectation,
    ExpectedTime,
    Modality,
    Openness,
    Outcome,
)
from dateline.furniture import find_furniture
from dateline.model import Annotations, Corpus, Timeline

__all__ = [
    "Chain",
    "Expectation",
    "ExpectationTuning",
    "ExpectedTime",
    "Modality",
    "Openness",
    "Outcome",
    "corpus_expectations",
    "expectation_chains",
    "extract_expectations",
    "link_expectations",
]


def corpus_expectations(
    corpus: Corpus, tuning: ExpectationTuning | None = None
) -> list[Expectation]:
    """Every expectation in every article of the corpus, article by article."""
    found: list[Expectation] = []
    furniture = find_furniture(corpus.articles)
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id) or Annotations(article.id)
        found.extend(
            e
            for e in extract_expectations(article, ann, tuning)
            if not furniture.covers(article.id, e.sentence.start, e.sentence.end)
        )
    return found


def expectation_chains(
    corpus: Corpus, timeline: Timeline | None = None, tuning: ExpectationTuning | None = None
) -> tuple[Chain, ...]:
    """The corpus's expectations linked into chains, with outcomes from ``timeline``."""
    return link_expectations(corpus_expectations(corpus, tuning), corpus, timeline, tuning)
