"""Content-based publication-date estimates: the demo corpus, and invariants."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import load_articles
from dateline.ingest.clues import read_clues
from dateline.ingest.estimate import DatingCorpus, estimate_date, estimate_dates
from dateline.model import Article, Confidence
from dateline.options import Options
from dateline.render.markdown import render_report
from tests.builders import SYRIA, make_article


@pytest.fixture(scope="module")
def syria() -> dict[str, Article]:
    return {a.id[:3]: a for a in load_articles([SYRIA]).articles}


def test_the_sochi_article_is_placed_in_may_2013_with_its_evidence(syria: dict) -> None:
    pub = syria["000"].pub_date
    assert pub.confidence is Confidence.ESTIMATED and pub.source == "content"
    assert pub.value is not None and (pub.value.year, pub.value.month) == (2013, 5)
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= pub.value <= pub.latest
    # The Moscow announcement that 004 dates "In May" is what 000 calls "last week".
    assert '"Last week"' in pub.evidence and "2013-05" in pub.evidence
    assert not pub.anchors(Confidence.INFERRED)
    assert pub.anchors(Confidence.ESTIMATED)


def test_a_yearless_dateline_keeps_its_year_unknown_without_support(syria: dict) -> None:
    pub = syria["002"].pub_date
    assert pub.value is None and pub.partial == "XXXX-12-21"


def test_the_run_report_says_which_articles_were_placed_by_estimate(syria: dict) -> None:
    loaded = load_articles([SYRIA])
    report = "\n".join(render_report(loaded.report, loaded.articles, Options()))
    assert "Placed by estimate from their content (they do not anchor" in report
    assert "000_09bd92fac073c3ff.txt" in report.split("Placed by estimate")[1]


def test_the_latest_past_date_mentioned_bounds_the_estimate_from_below() -> None:
    dated = make_article(
        "a", "The minister spoke about the budget on the radio.", dt.date(2014, 3, 3)
    )
    undated = make_article("b", "The budget was approved on March 20, 2014, by parliament.")
    out = estimate_dates([dated, undated])
    pub = out[1].pub_date
    assert pub.value is not None and pub.value >= dt.date(2014, 3, 20)
    assert "2014-03-20" in pub.evidence


def test_an_undated_corpus_stays_undated() -> None:
    articles = [make_article("a", "Talks ended on Friday in Geneva without progress.")]
    assert estimate_dates(articles)[0].pub_date.confidence is Confidence.UNKNOWN


def test_dated_articles_are_left_alone(syria: dict) -> None:
    assert syria["004"].pub_date.source == "header"
    assert syria["004"].pub_date.earliest is None


_WORDS = st.sampled_from(
    "talks ended Geneva Kerry Lavrov said ministers agreed conference Syria toll killed "
    "people on Monday Friday last week yesterday March 3, 2014 June 1, 2013 will meet".split()
)
_TEXTS = st.lists(_WORDS, min_size=5, max_size=40).map(" ".join)
_DAYS = st.dates(dt.date(2012, 1, 1), dt.date(2015, 12, 31))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.one_of(st.none(), _DAYS)), min_size=2, max_size=6))
def test_an_estimate_lies_in_its_interval_and_after_no_past_date_it_cannot(
    pairs: list[tuple[str, dt.date | None]],
) -> None:
    texts = [t for t, _ in pairs]
    dates = [d for _, d in pairs]
    corpus = DatingCorpus.of_texts(texts, dates)
    for i, text in enumerate(texts):
        estimate = estimate_date(corpus, i, hidden={i})
        if estimate is None:
            continue
        assert estimate.earliest <= estimate.point <= estimate.latest
        # Never later than the latest evidence allows: a known date of another article
        # (plus the neighbour window), or a date the text itself mentions.
        clues = read_clues(text)
        evidence = [d for j, d in enumerate(dates) if d and j != i] + [m.day for m in clues.days]
        assert estimate.point <= max(evidence) + dt.timedelta(days=31)


def test_the_estimate_and_its_interval_survive_json_and_the_store_codec(syria: dict) -> None:
    from dateline.render.json import pub_date_to_dict, report_to_dict
    from dateline.store.codec import decode_pub_date
    from dateline.store.codec import encode_pub_date as stored

    pub = syria["000"].pub_date
    assert decode_pub_date(stored(pub)) == pub
    shown = pub_date_to_dict(pub)
    assert shown["confidence"] == "estimated" and shown["source"] == "content"
    assert shown["earliest"] <= shown["value"] <= shown["latest"]
    loaded = load_articles([SYRIA])
    report = report_to_dict(loaded.report, loaded.articles, Options())
    assert report["dates_estimated"] == ["000_09bd92fac073c3ff.txt"]


def test_the_store_estimates_too_and_a_second_add_changes_nothing(tmp_path: Path) -> None:
    from dateline.store import corpus_from_store, open_store

    folder = tmp_path / "articles"
    shutil.copytree(SYRIA, folder)
    opts = Options(workers=1)
    with open_store(tmp_path / "c.db") as db:
        db.add([folder], opts)
        first = {a.id[:3]: a.pub_date for a in corpus_from_store(tmp_path / "c.db", opts).articles}
        (folder / "README.md").touch()
        db.add([folder], opts)
    again = {a.id[:3]: a.pub_date for a in corpus_from_store(tmp_path / "c.db", opts).articles}
    assert first["000"].source == "content" and first["000"].value is not None
    assert first["002"].value is None and "year unknown" in first["002"].evidence
    assert again == first


def test_a_timeline_line_placed_through_an_estimate_says_so() -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    args = ["timeline", str(SYRIA), "--format", "md"]
    default = CliRunner().invoke(main, args)
    let_in = CliRunner().invoke(main, [*args, "--anchor", "estimated"])
    assert default.exit_code == 0 and let_in.exit_code == 0
    assert "publication date estimated]" not in default.output
    assert "## 2013-05-" in let_in.output and "publication date estimated]" in let_in.output
