"""dateline on Timeline17 dev topics under the news-tls protocol: quality floors.

Floors are pinned a little under measured values (see the issue notes); they move up,
never silently down.
"""

from __future__ import annotations

import pytest

from dateline.evaluate.tls_run import run_tls_evaluation
from tests.builders import SHARED_DATA

T17 = SHARED_DATA / "t17-dev"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not T17.exists(), reason="needs ../shared/data/t17-dev")]


def test_egypt_and_mj_stay_above_their_floors() -> None:
    evaluation = run_tls_evaluation(T17, ["egypt", "mj"])
    by_topic = {r.topic: r.scores for r in evaluation.results}
    # egypt AR-1 0.176 -> 0.168 (floor 0.17 -> 0.16) with the date-led bonus counting
    # "On Friday, ...": the trade raised the 11-timeline mean AR-1 0.139 -> 0.142 and
    # AR-2 0.036 -> 0.038, egypt's own AR-2 0.037 -> 0.039. Entries without their
    # leading date then took egypt to 0.172 / 0.042.
    assert by_topic["egypt"].align_r1.f1 >= 0.165  # measured 0.172
    assert by_topic["egypt"].date_f1 >= 0.95  # 1.000
    assert by_topic["mj"].align_r1.f1 >= 0.12  # 0.126
    assert by_topic["mj"].date_f1 >= 0.35  # 0.368
    average = evaluation.average()
    assert average.align_r2.f1 >= 0.044  # 0.0448
    assert "mean over 2 timelines" in evaluation.render()


def test_all_dev_timelines_stay_above_their_floors() -> None:
    # The goals on these 11 timelines: AR-1 0.13, AR-2 0.040, date F1 0.60.
    average = run_tls_evaluation(T17).average()
    assert average.align_r1.f1 >= 0.143  # measured 0.1472
    assert average.align_r2.f1 >= 0.039  # 0.0405
    assert average.date_f1 >= 0.66  # 0.681
