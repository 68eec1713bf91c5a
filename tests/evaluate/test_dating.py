"""``dateline eval dating``: hiding known dates and estimating them back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate.dating import (
    FIXED,
    NEUTRAL_WEIGHT,
    evaluate_dating,
    neutral_start,
    render_dating_scores,
)
from tests.builders import SHARED_DATA, SYRIA

# The demo articles' real publication days, as their texts and sources establish them.
DEMO_DAYS = {
    "000": "2013-05-17",
    "001": "2014-02-01",
    "002": "2016-12-21",
    "003": "2013-10-07",
    "004": "2013-07-05",
}


@pytest.fixture
def demo_topic(tmp_path: Path) -> Path:
    """The demo corpus in the Timeline17 layout: articles/<date>/<file>."""
    topic = tmp_path / "syria"
    for path in SYRIA.glob("0*.txt"):
        folder = topic / "articles" / DEMO_DAYS[path.name[:3]]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)
    return tmp_path


def test_every_method_is_scored_on_every_article(demo_topic: Path) -> None:
    [(name, rows)] = evaluate_dating(demo_topic, settings=("leave-one-out",))
    assert name == "syria"
    assert [r.method for r in rows] == [
        "content estimate",
        "latest date mentioned",
        "corpus median",
    ]
    for row in rows:
        assert row.articles == 5
        assert row.exact <= row.within_1 <= row.within_7 <= row.estimated <= row.articles
        assert row.covered <= row.estimated
    assert rows[2].estimated == 5  # the median always answers


def test_half_hidden_scores_half_the_articles(demo_topic: Path) -> None:
    [(_, rows)] = evaluate_dating(demo_topic, settings=("half",))
    assert {r.articles for r in rows} == {2}


def test_the_command_prints_a_table_with_both_settings(demo_topic: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "dating", str(demo_topic)])
    assert result.exit_code == 0, result.output
    assert "leave-one-out" in result.output and "half" in result.output
    assert "latest date mentioned" in result.output and "corpus median" in result.output


@pytest.mark.skipif(not (SHARED_DATA / "t17-dev").exists(), reason="needs ../shared/data")
def test_the_estimate_beats_both_baselines_on_timeline17_mj() -> None:
    [(_, rows)] = evaluate_dating(SHARED_DATA / "t17-dev", settings=("leave-one-out",),
                                  topics=["mj"])  # fmt: skip
    ours, latest, median = rows
    assert ours.within_7 > max(latest.within_7, median.within_7)
    assert ours.within_1 > max(latest.within_1, median.within_1)
    assert "content estimate" in render_dating_scores([("mj", rows)])


@pytest.fixture
def two_topics(tmp_path: Path) -> Path:
    """The demo corpus twice over, as two Timeline17 topics (one dated 1,000 days later)."""
    import datetime as dt

    for name, shift in (("syria", 0), ("later", 1000)):
        for path in SYRIA.glob("0*.txt"):
            day = dt.date.fromisoformat(DEMO_DAYS[path.name[:3]]) + dt.timedelta(days=shift)
            folder = tmp_path / name / "articles" / day.isoformat()
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, folder / path.name)
    return tmp_path


def test_cross_validation_scores_each_topic_with_weights_fitted_on_the_others(
    two_topics: Path,
) -> None:
    from dateline.evaluate.dating import cross_validate

    results, fits = cross_validate(two_topics)
    assert [name for name, _ in results] == ["later", "syria"]
    assert [name for name, _ in fits] == ["without later", "without syria", "all topics"]
    for (name, rows), (_, fold) in zip(results, fits[:-1], strict=True):
        held, shipped, dev, latest, median = rows
        assert (held.method, shipped.method, dev.method) == (
            "held out (LOTO)",
            "as shipped",
            "fitted on all (dev)",
        )
        assert (latest.method, median.method) == ("latest date mentioned", "corpus median")
        # The fit's arithmetic is the estimator's: scoring the topic with the fold's
        # tuning through estimate_date gives the same counts.
        [(_, [direct, *_])] = evaluate_dating(two_topics, fold, ("leave-one-out",), [name])
        assert (held.estimated, held.exact, held.within_1, held.within_7, held.covered) == (
            direct.estimated,
            direct.exact,
            direct.within_1,
            direct.within_7,
            direct.covered,
        )


def test_the_command_cross_validates_and_samples(two_topics: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "dating", str(two_topics), "--cross-validate"])
    assert result.exit_code == 0, result.output
    assert "held out (LOTO)" in result.output and "all topics:" in result.output
    sampled = CliRunner().invoke(
        main, ["eval", "dating", str(two_topics), "--setting", "leave-one-out", "--sample", "2"]
    )
    assert sampled.exit_code == 0, sampled.output
    assert " 2 " in sampled.output.splitlines()[2]  # two articles hidden per topic


def test_an_unknown_weight_to_keep_fixed_is_a_clear_error(two_topics: Path) -> None:
    args = ["eval", "dating", str(two_topics), "--cross-validate", "--fixed", "pins,tolls"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "no weight named tolls" in result.output and "counts" in result.output


def test_a_fold_starts_from_neutral_weights_not_the_shipped_fit() -> None:
    """The shipped weights are fitted on every topic: a fold starting from them would
    start from its held-out topic's fit."""
    from dateline.ingest.estimate import DatingTuning

    shipped = DatingTuning()
    start = neutral_start(shipped)
    for key, value in start.weights.items():
        if key in FIXED or key == "neighbours":
            assert value == shipped.weights[key]
        else:
            assert value == NEUTRAL_WEIGHT
    assert start.weights != shipped.weights
    assert start.weights.keys() == shipped.weights.keys()
