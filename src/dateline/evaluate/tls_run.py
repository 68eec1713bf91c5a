"""Run dateline on a TLS dataset with the news-tls protocol and score it.

For each reference timeline: L = its number of dates, K = its mean sentences per date
(rounded), only articles published between its first and last date, and summary
sentences must contain a topic keyword. Scores are averaged over timelines.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.evaluate.tls import (
    TLSScores,
    TLSTopic,
    average_scores,
    evaluate_timeline,
    load_tls_dataset,
    reference_constraints,
)
from dateline.model import Corpus, Timeline
from dateline.options import Options

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TimelineResult:
    topic: str
    timeline: str
    scores: TLSScores
    n_dates: int
    n_sents: int
    seconds: float


@dataclass
class TLSEvaluation:
    results: list[TimelineResult] = field(default_factory=list)
    corpus_seconds: dict[str, float] = field(default_factory=dict)

    def average(self) -> TLSScores:
        return average_scores([r.scores for r in self.results])

    def render(self) -> str:
        header = (
            f"{'topic/timeline':<34} {'L':>4} {'K':>2} {'AR-1':>6} {'AR-2':>6} "
            f"{'C-R1':>6} {'C-R2':>6} {'DateF1':>6} {'sec':>6}"
        )
        lines = [header, "-" * len(header)]
        for r in self.results:
            s = r.scores
            lines.append(
                f"{(r.topic + '/' + r.timeline)[:34]:<34} {r.n_dates:>4} {r.n_sents:>2} "
                f"{s.align_r1.f1:>6.3f} {s.align_r2.f1:>6.3f} {s.concat_r1.f1:>6.3f} "
                f"{s.concat_r2.f1:>6.3f} {s.date_f1:>6.3f} {r.seconds:>6.2f}"
            )
        if self.results:
            avg = self.average()
            lines += [
                "-" * len(header),
                f"{'mean over ' + str(len(self.results)) + ' timelines':<42} "
                f"{avg.align_r1.f1:>6.3f} {avg.align_r2.f1:>6.3f} {avg.concat_r1.f1:>6.3f} "
                f"{avg.concat_r2.f1:>6.3f} {avg.date_f1:>6.3f}",
            ]
        for topic, seconds in self.corpus_seconds.items():
            lines.append(f"corpus {topic}: {seconds:.1f} s to read, clean and annotate")
        return "\n".join(lines)


def restrict_corpus(corpus: Corpus, first: dt.date, last: dt.date) -> Corpus:
    """Only the articles published in ``[first, last]``, as the protocol requires."""
    kept = tuple(
        a
        for a in corpus.articles
        if a.pub_date.value is not None and first <= a.pub_date.value <= last
    )
    ids = {a.id for a in kept}
    return Corpus(kept, {k: v for k, v in corpus.annotations.items() if k in ids}, corpus.report)


def timeline_texts(timeline: Timeline, corpus: Corpus) -> dict[dt.date, list[str]]:
    by_id = {a.id: a for a in corpus.articles}
    return {
        e.date: [s.span.text(by_id[s.span.article_id]) for s in e.sentences]
        for e in timeline.entries
    }


CorpusBuilder = Callable[[Path, Options], Corpus]


def _default_builder(path: Path, opts: Options) -> Corpus:
    from dateline.pipeline import build_corpus

    return build_corpus([path], opts)


def run_tls_evaluation(
    directory: Path,
    topics: Sequence[str] | None = None,
    base: Options | None = None,
    corpus_builder: CorpusBuilder = _default_builder,
) -> TLSEvaluation:
    """Build and score a timeline for every reference timeline of every topic."""
    base = base or Options()
    evaluation = TLSEvaluation()
    for topic, corpus, seconds in load_topic_corpora(directory, topics, base, corpus_builder):
        evaluation.corpus_seconds[topic.name] = seconds
        evaluation.results += score_topic(topic, corpus, base)
    return evaluation


def load_topic_corpora(
    directory: Path,
    topics: Sequence[str] | None = None,
    base: Options | None = None,
    corpus_builder: CorpusBuilder = _default_builder,
) -> list[tuple[TLSTopic, Corpus, float]]:
    """Every topic of the dataset (or those named) with its annotated corpus and the
    seconds it took to build."""
    base = base or Options()
    out = []
    for topic in load_tls_dataset(directory):
        if topics and topic.name not in topics:
            continue
        started = time.perf_counter()
        corpus = corpus_builder(topic.articles_dir, base)
        out.append((topic, corpus, time.perf_counter() - started))
    return out


def score_topic(topic: TLSTopic, corpus: Corpus, base: Options) -> list[TimelineResult]:
    """One timeline per reference of ``topic``, built with the news-tls protocol's L, K,
    keywords and window on top of ``base``, and scored against it."""
    from dateline.timeline import build_timeline

    results = []
    for name, reference in sorted(topic.timelines.items()):
        limits = reference_constraints(reference)
        opts = base.but(
            dates=limits.n_dates,
            sentences=limits.sents_per_date,
            keywords=topic.keywords,
            start=limits.first_date,
            end=limits.last_date,
        )
        started = time.perf_counter()
        sub = restrict_corpus(corpus, limits.first_date, limits.last_date)
        predicted = timeline_texts(build_timeline(sub, opts), sub)
        seconds = time.perf_counter() - started
        scores = evaluate_timeline(predicted, reference)
        results.append(
            TimelineResult(topic.name, name, scores, limits.n_dates, limits.sents_per_date, seconds)
        )
        log.info("%s/%s: AR-1 %.3f date F1 %.3f", topic.name, name, scores.align_r1.f1,
                 scores.date_f1)  # fmt: skip
    return results
