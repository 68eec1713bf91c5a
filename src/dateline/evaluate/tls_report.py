"""``dateline eval tls``: the news-tls scores, the leave-one-topic-out cross-validation
of the timeline's tuning, and the default-mode timelines, as one report."""

from __future__ import annotations

from pathlib import Path

from dateline.evaluate.tls_run import load_topic_corpora, run_tls_evaluation


def tls_report(
    directory: Path, topics: list[str] | None, loto: bool = False, default_mode: bool = False
) -> str:
    """The news-tls protocol's scores; with ``loto`` its leave-one-topic-out
    cross-validation of the timeline tuning; with ``default_mode`` the timelines a user
    gets with no options, and what they show."""
    if not (loto or default_mode):
        return run_tls_evaluation(directory, topics).render()
    from dateline.options import Options

    corpora = load_topic_corpora(directory, topics)
    parts = []
    if loto:
        from dateline.evaluate.tls_cv import DEFAULT_CHANGES, cross_validate, one_at_a_time

        variants = one_at_a_time(Options().tuning, DEFAULT_CHANGES)
        parts.append(cross_validate([(t, c) for t, c, _ in corpora], variants).render())
    if default_mode:
        from dateline.evaluate.tls_default import render_default_mode, score_default_mode

        results = [r for t, c, _ in corpora for r in score_default_mode(t, c, Options())]
        parts.append(render_default_mode(results))
    return "\n\n".join(parts)
