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
    # AR-2 0.036 -> 0.038, egypt's own AR-2 0.037 -> 0.039.
    assert by_topic["egypt"].align_r1.f1 >= 0.16  # measured 0.168
    assert by_topic["egypt"].date_f1 >= 0.95  # 1.000
    assert by_topic["mj"].align_r1.f1 >= 0.12  # 0.126
    assert by_topic["mj"].date_f1 >= 0.35  # 0.368
    average = evaluation.average()
    assert average.align_r2.f1 >= 0.042  # 0.0435
    assert "mean over 2 timelines" in evaluation.render()
