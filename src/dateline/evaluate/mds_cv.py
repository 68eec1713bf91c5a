"""Cross-validation of the summary's selector and tuned constants over DUC topics.

The same discipline as the timeline's (evaluate/tls_cv.py): every variant is scored on
every topic; then each topic is held out in turn, the variant that scores best on all
the other topics is chosen, and it is scored on the held-out one. The mean of those
held-out scores is the figure that says how the choice generalises; the in-sample
figures are shown beside it. DUC 2007 update sets A, B and C of one topic share their
story, so they are held out together.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateline.briefing.summary import DEFAULT_SELECTOR, SELECTORS, SummaryTuning
from dateline.evaluate.mds import (
    DucTopic,
    duc_corpus,
    load_duc,
    score_summary,
    summarize_topic,
)
from dateline.model import Corpus


@dataclass(frozen=True)
class MdsVariant:
    """A selector and a tuning to try."""

    name: str
    selector: str
    tuning: SummaryTuning


@dataclass(frozen=True)
class MdsScore:
    dataset: str
    topic: str
    group: str  # what is held out together
    rouge1_recall: float
    rouge1_f1: float
    rouge2_recall: float
    rouge2_f1: float


# Each knob moved a step either way, and the other selectors: a knob whose default
# does not cross-validate better than the step beside it is not earning its place.
DEFAULT_CHANGES: tuple[tuple[str, Any], ...] = (
    ("min_words", 6),
    ("min_words", 10),
    ("concept_min_articles", 2),
    ("concept_min_articles", 4),
    ("unigram_weight", 0.0),
    ("unigram_weight", 0.3),
)


def default_variants(base: SummaryTuning | None = None) -> list[MdsVariant]:
    """The default selector and tuning, one variant per change, then the other
    selectors with the default tuning."""
    base = base or SummaryTuning()
    out = [MdsVariant("default", DEFAULT_SELECTOR, base)]
    for name, value in DEFAULT_CHANGES:
        if getattr(base, name) != value:
            out.append(
                MdsVariant(f"{name}={value}", DEFAULT_SELECTOR, replace(base, **{name: value}))
            )
    out += [MdsVariant(s, s, base) for s in sorted(SELECTORS) if s != DEFAULT_SELECTOR]
    return out


def objective(scores: Sequence[MdsScore]) -> float:
    """What a fold maximises: ROUGE-1 plus ROUGE-2 recall (DUC 2004 reports recall)."""
    return statistics.fmean(s.rouge1_recall + s.rouge2_recall for s in scores) if scores else 0.0


def topic_group(topic_id: str) -> str:
    """DUC topic ids: ``D0601A``, update sets ``D0703A-A``: the part before the dash."""
    return topic_id.split("-", 1)[0]


def _group(dataset: str, topic_id: str) -> str:
    # DUC 2007's update topics are main-task topics too: one year's topic is one group.
    return f"{dataset.split('-', 1)[0]}:{topic_group(topic_id)}"


def load_dev_sets(directories: Sequence[Path]) -> list[tuple[str, list[DucTopic]]]:
    """Every task of each DUC folder: DUC 2006; DUC 2007 main and update."""
    sets: list[tuple[str, list[DucTopic]]] = []
    for directory in directories:
        sets.append((directory.name, load_duc(directory, "main")))
        if (directory / "duc2007_UPDATEtopics.sgml").exists():
            sets.append((f"{directory.name}-update", load_duc(directory, "update")))
    return sets


@dataclass
class MdsCrossValidation:
    variants: list[str]
    scores: dict[str, list[MdsScore]]  # variant -> one score per topic
    chosen: dict[str, str] = field(default_factory=dict)  # held-out group -> variant
    held_out: list[MdsScore] = field(default_factory=list)

    def datasets(self) -> list[str]:
        return list(dict.fromkeys(s.dataset for s in self.scores[self.variants[0]]))

    def best_in_sample(self) -> str:
        return max(
            self.variants, key=lambda v: (objective(self.scores[v]), -self.variants.index(v))
        )

    def render(self) -> str:
        head = f"{'':<34}" + "".join(f" {d + ' R-1/R-2 recall':>28}" for d in self.datasets())
        lines = [head, "-" * len(head)]
        lines.append(f"{'cross-validated (held-out topics)':<34}" + self._row(self.held_out))
        for variant in self.variants:
            lines.append(f"{'in-sample ' + variant:<34}" + self._row(self.scores[variant]))
        counts: dict[str, int] = {}
        for variant in self.chosen.values():
            counts[variant] = counts.get(variant, 0) + 1
        picks = ", ".join(f"{v} {n}" for v, n in sorted(counts.items(), key=lambda x: -x[1]))
        lines += ["", f"chosen on the other topics, per held-out topic: {picks}"]
        lines.append(f"best in-sample: {self.best_in_sample()}")
        lines.append(
            "cross-validated F1 (R-1/R-2): "
            + "  ".join(
                f"{d} {_mean(self.held_out, d, 'rouge1_f1'):.4f}/"
                f"{_mean(self.held_out, d, 'rouge2_f1'):.4f}"
                for d in self.datasets()
            )
        )
        return "\n".join(lines) + "\n"

    def _row(self, scores: Sequence[MdsScore]) -> str:
        return "".join(
            f" {_mean(scores, d, 'rouge1_recall'):>19.4f}/{_mean(scores, d, 'rouge2_recall'):.4f}"
            for d in self.datasets()
        )


def _mean(scores: Sequence[MdsScore], dataset: str, name: str) -> float:
    values = [float(getattr(s, name)) for s in scores if s.dataset == dataset]
    return statistics.fmean(values) if values else 0.0


def cross_validate_mds(
    sets: Sequence[tuple[str, Sequence[DucTopic]]],
    variants: Sequence[MdsVariant],
    limit: int = 100,
    query: bool = False,
) -> MdsCrossValidation:
    """Score every variant on every topic of every set, then hold each topic group
    out in turn."""
    corpora: dict[tuple[str, str], Corpus] = {}
    cv = MdsCrossValidation([v.name for v in variants], {})
    for variant in variants:
        cv.scores[variant.name] = []
        for dataset, topics in sets:
            for topic in topics:
                corpus = corpora.get((dataset, topic.id))
                if corpus is None:
                    corpus = corpora[(dataset, topic.id)] = duc_corpus(topic.documents)
                text = summarize_topic(
                    topic, limit, query, variant.selector, variant.tuning, corpus
                )
                rouge = score_summary(text, topic.references, limit)
                cv.scores[variant.name].append(
                    MdsScore(dataset, topic.id, _group(dataset, topic.id), **rouge)
                )
    groups = list(dict.fromkeys(s.group for s in cv.scores[cv.variants[0]]))
    for group in groups:

        def train(name: str, held: str = group) -> tuple[float, int]:
            rest = [s for s in cv.scores[name] if s.group != held]
            return objective(rest), -cv.variants.index(name)  # ties: the earlier variant

        best = max(cv.variants, key=train)
        cv.chosen[group] = best
        cv.held_out += [s for s in cv.scores[best] if s.group == group]
    return cv
