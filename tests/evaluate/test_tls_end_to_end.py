"""dateline on the Timeline17 dev topics: quality floors.

Under the news-tls protocol, cross-validated across topics, and in default mode (the
timeline a user gets with no options). Floors are pinned a little under measured
values; they move up, never silently down. Session 4 lowered the protocol floors on
purpose, with the figures in docs/benchmarks.md: the dev-fitted weighting of late
mentions went (0.147/0.0405 -> 0.145/0.0394), headline run-ons are cut from entries, and
each fortnight of coverage gets its share of the dates so late climaxes stay in
(0.146/0.0384 with publication weight 0.5, while the default timeline's last third went
0.36 -> 0.54 covered). Session 14 lowered the average and cross-validated alignment floors
by 0.001: cutting CNN's readers' comments at ingest took them just under 0.143 and 0.139 (to
0.14300 and 0.1387), while the default mode went 0.0390 -> 0.0394 (R-2) and egypt's
briefing lost a reader's figure and 20 commenter speakers.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from dateline.evaluate.tls import TLSTopic, average_scores
from dateline.evaluate.tls_cv import Variant, cross_validate
from dateline.evaluate.tls_default import score_default_mode
from dateline.evaluate.tls_run import load_topic_corpora, score_topic
from dateline.model import Corpus
from dateline.options import Options, TimelineTuning
from tests.builders import SHARED_DATA

T17 = SHARED_DATA / "t17-dev"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not T17.exists(), reason="needs ../shared/data/t17-dev"),
]

Corpora = Sequence[tuple[TLSTopic, Corpus]]


@pytest.fixture(scope="module")
def corpora() -> Corpora:
    return [(topic, corpus) for topic, corpus, _ in load_topic_corpora(T17)]


def test_egypt_and_mj_stay_above_their_floors(corpora: Corpora) -> None:
    results = [r for t, c in corpora if t.name in ("egypt", "mj")
               for r in score_topic(t, c, Options())]  # fmt: skip
    by_topic = {r.topic: r.scores for r in results}
    assert by_topic["egypt"].align_r1.f1 >= 0.17  # measured 0.178
    assert by_topic["egypt"].date_f1 >= 0.95  # 1.000
    assert by_topic["mj"].align_r1.f1 >= 0.13  # 0.138
    assert by_topic["mj"].date_f1 >= 0.37  # 0.395


def test_all_dev_timelines_stay_above_their_floors(corpora: Corpora) -> None:
    average = average_scores([r.scores for t, c in corpora for r in score_topic(t, c, Options())])
    assert average.align_r1.f1 >= 0.142  # measured 0.1430 (0.146 in session 4)
    assert average.align_r2.f1 >= 0.036  # 0.0384
    assert average.date_f1 >= 0.65  # 0.672


def test_cross_validated_scores_stay_above_their_floors(corpora: Corpora) -> None:
    # Three variants keep this quick; `dateline eval tls DIR --loto` runs the full grid.
    variants = [
        Variant("default", TimelineTuning()),
        Variant("no story centroid", TimelineTuning(topic_weight=0.0)),
        Variant("no date-led bonus", TimelineTuning(date_led_bonus=0.0)),
    ]
    cv = cross_validate(corpora, variants)
    assert set(cv.chosen) == {t.name for t, _ in corpora}
    assert len(cv.held_out) == 11
    # With bpoil held out the other four topics pick "no date-led bonus", which costs
    # bpoil 0.135 -> 0.125: measured 0.142 / 0.0366.
    assert cv.cross_validated().align_r1.f1 >= 0.138  # measured 0.1387
    assert cv.cross_validated().align_r2.f1 >= 0.034


def test_default_mode_stays_on_the_story(corpora: Corpora) -> None:
    # No L, K, keywords or window: what a user gets. Before story focus, 39% of the
    # entries fell outside the corpus's publication span (history, trivia).
    results = [r for t, c in corpora for r in score_default_mode(t, c, Options())]
    outside = sum(r.outside_span for r in results) / len(results)
    assert outside <= 0.05  # measured 0.01
    average = average_scores([r.scores for r in results])
    assert average.align_r1.f1 >= 0.113  # 0.119
    assert average.align_r2.f1 >= 0.037  # 0.0398
    firsts = [r.thirds[0] for r in results if r.thirds[0] is not None]
    assert sum(firsts) / len(firsts) >= 0.45  # 0.52 of the first third's reference dates
    lasts = [r.thirds[2] for r in results if r.thirds[2] is not None]
    assert sum(lasts) / len(lasts) >= 0.45  # 0.54 of the last third's (0.36 without coverage)
