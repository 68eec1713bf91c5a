"""The timeline a user gets, scored: no L, K, keywords or window given.

The news-tls protocol hands the system the reference's size, keywords and dates; a
user hands it a folder. This runs ``build_timeline`` with default options on each
topic's whole corpus and reports, beside the tilse metrics against each reference:
the share of main entries dated outside the corpus's publication span, the share of
reference dates found in each third of that span (a story's late climaxes must not be
lost), and entries per thousand articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.evaluate.tls import TLSScores, TLSTopic, average_scores, evaluate_timeline
from dateline.evaluate.tls_run import timeline_texts
from dateline.model import Corpus
from dateline.options import Options


@dataclass(frozen=True)
class DefaultModeResult:
    topic: str
    timeline: str
    scores: TLSScores
    entries: int
    outside_span: float  # share of main entries dated outside the publication span
    thirds: tuple[float | None, float | None, float | None]  # reference dates found, by third
    per_thousand: float  # main entries per thousand articles


def publication_span(corpus: Corpus) -> tuple[dt.date, dt.date] | None:
    days = [a.pub_date.value for a in corpus.articles if a.pub_date.value is not None]
    return (min(days), max(days)) if days else None


def coverage_by_third(
    found: set[dt.date], reference: Sequence[dt.date], first: dt.date, last: dt.date
) -> tuple[float | None, float | None, float | None]:
    """Of the reference dates in each third of ``[first, last]``, the share found
    (None for a third with no reference date)."""
    length = max(1, (last - first).days + 1)
    groups: list[list[dt.date]] = [[], [], []]
    for day in reference:
        if first <= day <= last:
            groups[min(2, 3 * (day - first).days // length)].append(day)
    shares = [sum(d in found for d in g) / len(g) if g else None for g in groups]
    return shares[0], shares[1], shares[2]


def score_default_mode(topic: TLSTopic, corpus: Corpus, base: Options) -> list[DefaultModeResult]:
    from dateline.timeline import build_timeline

    timeline = build_timeline(corpus, base)
    predicted = timeline_texts(timeline, corpus)
    span = publication_span(corpus)
    days = [e.date for e in timeline.entries]
    outside = sum(1 for d in days if span is None or not span[0] <= d <= span[1])
    results = []
    for name, reference in sorted(topic.timelines.items()):
        thirds = (coverage_by_third(set(days), sorted(reference), *span) if span
                  else (None, None, None))  # fmt: skip
        results.append(DefaultModeResult(
            topic.name, name, evaluate_timeline(predicted, reference), len(days),
            outside / len(days) if days else 0.0, thirds,
            1000 * len(days) / max(1, len(corpus.articles)),
        ))  # fmt: skip
    return results


def _share(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def render_default_mode(results: Sequence[DefaultModeResult]) -> str:
    header = (f"{'topic/timeline':<30} {'dates':>5} {'AR-1':>6} {'AR-2':>6} {'DateF1':>6} "
              f"{'out':>5} {'1st/3':>5} {'2nd/3':>5} {'3rd/3':>5} {'/1000':>6}")  # fmt: skip
    lines = [header, "-" * len(header)]
    for r in results:
        s = r.scores
        lines.append(
            f"{(r.topic + '/' + r.timeline)[:30]:<30} {r.entries:>5} {s.align_r1.f1:>6.3f} "
            f"{s.align_r2.f1:>6.4f} {s.date_f1:>6.3f} {r.outside_span:>5.2f} "
            + " ".join(f"{_share(t):>5}" for t in r.thirds)
            + f" {r.per_thousand:>6.1f}"
        )
    if results:
        avg = average_scores([r.scores for r in results])
        thirds = []
        for i in range(3):
            vals = [r.thirds[i] for r in results if r.thirds[i] is not None]
            thirds.append(sum(v for v in vals if v is not None) / len(vals) if vals else None)
        outside = sum(r.outside_span for r in results) / len(results)
        per_k = sum(r.per_thousand for r in results) / len(results)
        lines += ["-" * len(header),
                  f"{'mean over ' + str(len(results)) + ' timelines':<36} {avg.align_r1.f1:>6.3f} "
                  f"{avg.align_r2.f1:>6.4f} {avg.date_f1:>6.3f} {outside:>5.2f} "
                  + " ".join(f"{_share(t):>5}" for t in thirds) + f" {per_k:>6.1f}"]  # fmt: skip
    return "\n".join(lines)
