"""Leave-one-topic-out cross-validation of the timeline engine's tuned constants.

Tuning on the same timelines one reports fits those timelines, not the task. Here each
topic is held out in turn: the variant of :class:`~dateline.options.TimelineTuning`
that scores best on the other topics is the one scored on it. The cross-validated mean
(over every held-out timeline) is the figure that says how the tuning generalises; the
in-sample figures are printed beside it for comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.evaluate.tls import TLSScores, TLSTopic, average_scores
from dateline.evaluate.tls_run import TimelineResult, score_topic
from dateline.model import Corpus
from dateline.options import Options, TimelineTuning


@dataclass(frozen=True)
class Variant:
    """A named tuning to try."""

    name: str
    tuning: TimelineTuning


def one_at_a_time(base: TimelineTuning, changes: Sequence[tuple[str, Any]]) -> list[Variant]:
    """The base tuning, then one variant for each ``(field, value)`` change."""
    variants = [Variant("default", base)]
    for name, value in changes:
        variants.append(Variant(f"{name}={value}", replace(base, **{name: value})))
    return variants


# Each knob moved one step either way, and switched off where it can be: a knob whose
# "off" variant cross-validates as well as the default is not earning its place.
DEFAULT_CHANGES: tuple[tuple[str, Any], ...] = (
    ("published_weight", 0.0),
    ("published_weight", 0.25),
    ("published_weight", 1.0),
    ("same_day_weight", 1.0),
    ("coverage_power", 0.0),
    ("coverage_power", 0.5),
    ("spread", 0.0),
    ("spread", 8.0),
    ("few_candidates", 0),
    ("lead_sentences", 3),
    ("lead_sentences", 8),
    ("mmr_lambda", 0.5),
    ("date_led_bonus", 0.0),
    ("topic_weight", 0.0),
    ("topic_weight", 2.0),
)


def objective(scores: TLSScores) -> float:
    """What a fold maximises: align+ m:1 ROUGE-1 and ROUGE-2 F1, equally."""
    return scores.align_r1.f1 + scores.align_r2.f1


@dataclass
class CrossValidation:
    variants: list[str]
    results: dict[str, list[TimelineResult]]  # variant -> one result per timeline
    chosen: dict[str, str] = field(default_factory=dict)  # held-out topic -> variant
    held_out: list[TimelineResult] = field(default_factory=list)

    def in_sample(self, variant: str) -> TLSScores:
        return average_scores([r.scores for r in self.results[variant]])

    def cross_validated(self) -> TLSScores:
        return average_scores([r.scores for r in self.held_out])

    def best_in_sample(self) -> str:
        return max(
            self.variants, key=lambda v: (objective(self.in_sample(v)), -self.variants.index(v))
        )

    def render(self) -> str:
        header = (
            f"{'held-out topic':<12} {'variant chosen on the others':<30} "
            f"{'AR-1':>6} {'AR-2':>6} {'DateF1':>6}"
        )
        lines = [header, "-" * len(header)]
        for topic, variant in self.chosen.items():
            scores = average_scores([r.scores for r in self.held_out if r.topic == topic])
            lines.append(f"{topic:<12} {variant:<30} " + _figures(scores))
        lines += ["-" * len(header), f"{'cross-validated mean (all timelines)':<43} "
                  + _figures(self.cross_validated())]  # fmt: skip
        lines += ["", f"{'in-sample, variant':<43} {'AR-1':>6} {'AR-2':>6} {'DateF1':>6}"]
        for variant in self.variants:
            lines.append(f"{variant:<43} " + _figures(self.in_sample(variant)))
        lines.append(f"best in-sample: {self.best_in_sample()}")
        return "\n".join(lines)


def _figures(scores: TLSScores) -> str:
    return f"{scores.align_r1.f1:>6.3f} {scores.align_r2.f1:>6.4f} {scores.date_f1:>6.3f}"


def cross_validate(
    corpora: Sequence[tuple[TLSTopic, Corpus]],
    variants: Sequence[Variant],
    base: Options | None = None,
) -> CrossValidation:
    """Score every variant on every timeline, then hold each topic out in turn."""
    base = base or Options()
    cv = CrossValidation([v.name for v in variants], {})
    for variant in variants:
        opts = base.but(tuning=variant.tuning)
        cv.results[variant.name] = [r for topic, corpus in corpora
                                    for r in score_topic(topic, corpus, opts)]  # fmt: skip
    for topic, _corpus in corpora:

        def train_score(name: str, held: str = topic.name) -> tuple[float, int]:
            train = [r.scores for r in cv.results[name] if r.topic != held]
            # Ties go to the earlier variant: the default comes first.
            return objective(average_scores(train)) if train else 0.0, -cv.variants.index(name)

        best = max(cv.variants, key=train_score)
        cv.chosen[topic.name] = best
        cv.held_out += [r for r in cv.results[best] if r.topic == topic.name]
    return cv
