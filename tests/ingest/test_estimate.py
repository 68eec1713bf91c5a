"""Content-based publication-date estimates: the demo corpus, and invariants."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import load_articles
from dateline.ingest.clues import Clues, read_clues
from dateline.ingest.estimate import DateEstimate, DatingCorpus, estimate_date, estimate_dates
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
    _estimates_within_their_evidence([t for t, _ in pairs], [d for _, d in pairs])


def _estimates_within_their_evidence(
    texts: list[str], dates: list[dt.date | None]
) -> list[tuple[DateEstimate, Clues]]:
    """Each article's estimate with its date hidden, checked: the point lies in its
    interval and is never later than the latest evidence allows (a known date of
    another article plus the neighbour window, or a date the text itself mentions)."""
    corpus = DatingCorpus.of_texts(texts, dates)
    checked = []
    for i, text in enumerate(texts):
        estimate = estimate_date(corpus, i, hidden={i})
        if estimate is None:
            continue
        assert estimate.earliest <= estimate.point <= estimate.latest
        clues = read_clues(text)
        evidence = [d for j, d in enumerate(dates) if d and j != i] + [m.day for m in clues.days]
        assert estimate.point <= max(evidence) + dt.timedelta(days=31)
        checked.append((estimate, clues))
    return checked


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


def test_a_store_re_estimates_when_its_estimates_came_from_another_estimator(
    tmp_path: Path,
) -> None:
    """An upgrade that changes the estimator reaches an existing store at its next add,
    even when no article came in; with the same estimator that add reads no text."""
    import sqlite3

    from dateline.ingest.estimate import ESTIMATOR_VERSION
    from dateline.store import corpus_from_store, open_store

    folder = tmp_path / "articles"
    shutil.copytree(SYRIA, folder)
    # 002 stays undated (year unknown), and an undated article is estimated at every add.
    next(folder.glob("002_*")).unlink()
    opts = Options(workers=1)
    path = tmp_path / "c.db"

    def stored_000() -> tuple[str, str]:
        with sqlite3.connect(path) as raw:
            row = raw.execute(
                "SELECT articles.pub_date, settings.value FROM articles, settings "
                "WHERE articles.pub_source = 'content' AND settings.key = 'estimator'"
            ).fetchone()
        return row[0], row[1]

    def as_an_old_estimator_left_it(version: str) -> None:
        """000 with another estimate, written as the store writes one, and the mark of
        the estimator ``version``."""
        from dataclasses import replace

        from dateline.store import codec
        from dateline.store.core import _write_article_date, unpack

        with sqlite3.connect(path) as raw:
            text_hash, data = raw.execute(
                "SELECT hash, data FROM articles WHERE pub_source = 'content'"
            ).fetchone()
            article = codec.decode_article(unpack(data, path))
            old = replace(article.pub_date, value=dt.date(2001, 1, 1))
            _write_article_date(raw, text_hash, replace(article, pub_date=old))
            raw.execute("UPDATE settings SET value = ? WHERE key = 'estimator'", (version,))

    with open_store(path) as db:
        db.add([folder], opts)
    estimate, version = stored_000()
    assert version == ESTIMATOR_VERSION and estimate.startswith("2013-05")

    as_an_old_estimator_left_it(ESTIMATOR_VERSION)  # same version: left as it is
    with open_store(path) as db:
        db.add([folder], opts)
    assert stored_000() == ("2001-01-01", ESTIMATOR_VERSION)

    as_an_old_estimator_left_it("0")
    with open_store(path) as db:
        db.add([folder], opts)
    assert stored_000() == (estimate, ESTIMATOR_VERSION)

    # A store from before the settings table: its estimates are made again too.
    as_an_old_estimator_left_it(ESTIMATOR_VERSION)
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TABLE settings")
    with open_store(path) as db:
        db.add([folder], opts)
    assert stored_000() == (estimate, ESTIMATOR_VERSION)
    dated = {a.id[:3]: a.pub_date for a in corpus_from_store(path, opts).articles}
    assert dated["000"].value is not None and dated["000"].value.isoformat() == estimate


def test_a_timeline_line_placed_through_an_estimate_says_so() -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    args = ["timeline", str(SYRIA), "--format", "md"]
    default = CliRunner().invoke(main, args)
    let_in = CliRunner().invoke(main, [*args, "--anchor", "estimated"])
    assert default.exit_code == 0 and let_in.exit_code == 0
    assert "publication date estimated]" not in default.output
    assert "## 2013-05-" in let_in.output and "publication date estimated]" in let_in.output


def _yearless_story(folder: Path) -> None:
    """Four articles dated by their folders (July 2013 to February 2014), a wire story
    whose dateline names no year ("October 7", a Monday in 2013, "on Monday" in the
    text), and two undated notes."""
    for day, text in [
        ("2013-07-05", "Ministers said the Geneva conference on Syria might be delayed."),
        ("2013-09-01", "Diplomats prepared the Geneva conference on Syria in New York."),
        ("2013-11-20", "The Geneva conference on Syria was set for January by the UN."),
        ("2014-02-01", "The Geneva talks on Syria ended their first round without a deal."),
    ]:
        (folder / day).mkdir(parents=True)
        (folder / day / f"{day}.txt").write_text(text + "\n")
    (folder / "bali.txt").write_text(
        "Kerry and Lavrov meet in Bali\n\n"
        "BALI, Indonesia, October 7 (Itar-Tass) - U.S. Secretary of State John Kerry met "
        "Russian Foreign Minister Sergei Lavrov in Bali on Monday to discuss the Geneva "
        "conference on Syria.\n"
    )
    (folder / "old.txt").write_text("The opposition council met in Istanbul to elect a leader.\n")
    (folder / "new.txt").write_text("The ceasefire in Aleppo was agreed by both sides.\n")


def test_dating_two_articles_in_a_manifest_keeps_a_third_ones_inferred_year(
    tmp_path: Path,
) -> None:
    """The scenario a user hit: a manifest dated two far-off articles (2011, 2016), the
    corpus range widened to years whose October 7 fits "on Monday" as well (2014 is a
    Tuesday, the day after), and the Bali article lost its year and left the timeline."""
    from click.testing import CliRunner

    from dateline.cli import main

    folder = tmp_path / "articles"
    _yearless_story(folder)

    def bali() -> Article:
        [article] = [a for a in load_articles([folder]).articles if "bali" in a.id]
        return article

    before = bali().pub_date
    assert before.value == dt.date(2013, 10, 7) and before.confidence is Confidence.INFERRED
    (folder / "manifest.csv").write_text(
        "path,date,source,url,title\nold.txt,2011-03-10,,,\nnew.txt,2016-06-01,,,\n"
    )
    loaded = load_articles([folder])
    dated = {Path(a.id).stem: a.pub_date for a in loaded.articles}
    assert dated["old"].value == dt.date(2011, 3, 10) and dated["old"].source == "manifest"
    after = bali().pub_date
    assert after.value == dt.date(2013, 10, 7) and after.confidence is Confidence.INFERRED
    assert "nearest the corpus's dated articles" in after.evidence
    timeline = CliRunner().invoke(main, ["timeline", str(folder), "--format", "md"])
    assert timeline.exit_code == 0, timeline.output
    assert "## 2013-10-07" in timeline.output


def test_the_store_infers_the_year_from_its_dated_articles_not_its_range(
    tmp_path: Path,
) -> None:
    """The store's version: the far-off articles, dated by a manifest, are already
    stored when the Bali article arrives in a later add; it gets the year its
    neighbours settle, as reading the whole folder at once gives it."""
    from dateline.store import corpus_from_store, open_store

    folder = tmp_path / "articles"
    _yearless_story(folder)
    (folder / "manifest.csv").write_text(
        "path,date,source,url,title\nold.txt,2011-03-10,,,\nnew.txt,2016-06-01,,,\n"
    )
    later = tmp_path / "later"
    later.mkdir()
    (folder / "bali.txt").rename(later / "bali.txt")
    opts = Options(workers=1)
    with open_store(tmp_path / "c.db") as db:
        db.add([folder], opts)
        db.add([later], opts)
    articles = corpus_from_store(tmp_path / "c.db", opts).articles
    stored = {Path(a.id).stem: a.pub_date for a in articles}
    assert stored["old"].value == dt.date(2011, 3, 10)
    assert stored["bali"].value == dt.date(2013, 10, 7)
    assert stored["bali"].confidence is Confidence.INFERRED


def test_a_growing_store_re_estimates_and_matches_the_whole_folder_at_once(
    tmp_path: Path,
) -> None:
    """000 (undated) first comes with 001-003 only; 004, which dates the Moscow talks 000
    calls "last week", arrives in a later add. The store's estimate for 000 is made
    again and is then what reading the five articles at once gives; the dated articles
    keep their dates."""
    from dateline.store import corpus_from_store, open_store

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(SYRIA.glob("0*.txt")):
        shutil.copy(path, (second if path.name.startswith("004") else first) / path.name)
    opts = Options(workers=1)
    db_path = tmp_path / "c.db"
    with open_store(db_path) as db:
        db.add([first], opts)
        early = {a.id[:3]: a.pub_date for a in corpus_from_store(db_path, opts).articles}
        db.add([second], opts)
    grown = {a.id[:3]: a.pub_date for a in corpus_from_store(db_path, opts).articles}
    whole = {a.id[:3]: a.pub_date for a in load_articles([first, second]).articles}
    assert grown["000"] == whole["000"]
    assert grown["000"].source == "content" and "2013-05" in grown["000"].evidence
    assert early["000"] != grown["000"]  # 004's events changed the estimate
    for key in ("001", "003", "004"):
        assert grown[key] == whole[key] and grown[key].source != "content"


def test_an_estimate_undone_is_the_date_the_sources_gave(syria: dict) -> None:
    from dateline.ingest.estimate import without_estimate

    loaded = load_articles([SYRIA]).articles
    again = estimate_dates(loaded)  # estimating twice gives the same estimates
    assert [a.pub_date for a in again] == [a.pub_date for a in loaded]
    pub = without_estimate(syria["000"].pub_date)
    assert pub.value is None and pub.confidence is Confidence.UNKNOWN and pub.source == "none"
    assert without_estimate(syria["004"].pub_date) == syria["004"].pub_date


_MONTHS = st.sampled_from(["January", "March", "June", "October", "December"])


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(_MONTHS, st.integers(1, 28), _TEXTS, st.one_of(st.none(), _DAYS)),
        min_size=2,
        max_size=5,
    )
)
def test_with_a_wire_dateline_the_estimate_stays_in_bounds_and_names_its_conflicts(
    rows: list[tuple[str, int, str, dt.date | None]],
) -> None:
    """Texts opening with a yearless wire dateline ("GENEVA, June 3 (Reuters) -"): the
    point lies in its interval and no later than the evidence allows, and an estimate
    placed before a full date the text speaks of as past says so in its evidence."""
    from dateline.annotate.timex.calendar import FUTURE

    texts = [f"GENEVA, {month} {day} (Reuters) - {words}" for month, day, words, _ in rows]
    for estimate, clues in _estimates_within_their_evidence(texts, [d for *_, d in rows]):
        past = [m for m in clues.days if m.direction != FUTURE]
        latest = max(past, key=lambda m: m.day) if past else None
        if latest and estimate.point < latest.day:
            assert f"though it speaks of {latest.day}" in estimate.evidence


def test_a_byline_date_outweighs_reader_comments_dated_later() -> None:
    """A page read weeks later: its byline gives the day, its reader comments carry
    later dates. The byline wins, and the evidence names the later date it outweighs."""
    page = (
        "Richard Cable | 15:13 UK time, Tuesday, 9 June 2009\n\n"
        "The swine flu outbreak has reached Britain, the health agency said.\n\n"
        "Comments: posted 10 Jun 2009. Posted 12 Jun 2009. Posted 28 Jul 2009."
    )
    dated = [
        make_article(
            "a",
            "The swine flu outbreak spread in Mexico and the United States.",
            dt.date(2009, 5, 2),
        ),
        make_article(
            "b",
            "The health agency said the swine flu outbreak reached Britain.",
            dt.date(2009, 6, 8),
        ),
    ]
    out = estimate_dates([*dated, make_article("c", page)])
    pub = out[2].pub_date
    assert pub.value == dt.date(2009, 6, 9)
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= pub.value <= pub.latest
    assert 'its first lines give "Tuesday, 9 June 2009"' in pub.evidence
    assert "though it speaks of 2009-07-28" in pub.evidence


def test_the_sochi_article_s_evidence_names_the_event_and_the_toll(syria: dict) -> None:
    pub = syria["000"].pub_date
    assert pub.earliest is not None and pub.latest is not None
    assert pub.earliest <= dt.date(2013, 5, 17) <= pub.latest  # its real day is inside
    assert 'reports the event a dated article (2013-07-05) dates 2013-05 as "Last week"' in (
        pub.evidence
    )
    assert '"70,000 people" against "93,000 people" dated 2013-07-05' in pub.evidence


def test_a_person_s_date_is_never_re_estimated_as_the_store_grows(tmp_path: Path) -> None:
    """000 is estimated, then a person sets its date (curation, source "user"); an add
    that brings 004 re-estimates the store, and 000 keeps the person's date."""
    from dateline.store import corpus_from_store, open_store
    from dateline.store import curation as cur

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in sorted(SYRIA.glob("0*.txt")):
        shutil.copy(path, (second if path.name.startswith("004") else first) / path.name)
    opts = Options(workers=1)
    db_path = tmp_path / "c.db"
    with open_store(db_path) as db:
        db.add([first], opts)
        hashes = dict(db.db.execute("SELECT article_id, hash FROM sources"))
        [sochi] = [h for article_id, h in hashes.items() if article_id.startswith("000")]
        with db.transaction() as tx:
            cur.set_date(tx, sochi, dt.date(2013, 5, 17), "UN News page, checked")
        db.add([second], opts)
    pub = {a.id[:3]: a.pub_date for a in corpus_from_store(db_path, opts).articles}["000"]
    assert pub.value == dt.date(2013, 5, 17) and pub.source == "user"
    assert pub.confidence is Confidence.EXPLICIT


@pytest.mark.parametrize(
    "opening",
    [
        "MOSCOW, Oct. 6 -- Less than a year ago, one of Russia's richest men was worth billions.",
        "REYKJAVIK, Iceland, Oct. 9 -- The bad news just keeps coming for Iceland.",
        "ROME, April 29 (Reuters) - Egypt's order on Wednesday to cull all pigs drew criticism.",
        "Tim Hanson will be online Thursday, Oct. 16 at noon ET to take your questions.",
    ],
)
def test_a_yearless_date_in_a_dateline_s_form_is_a_lead_date(opening: str) -> None:
    [word] = read_clues(opening).lead_month_days
    assert word.text in opening


@pytest.mark.parametrize(
    "opening",
    [
        "Since BP's Deepwater Horizon oil rig exploded on 20 April, it has been estimated "
        "that 40,000 barrels of oil a day have leaked.",
        "May 5: The crew of a Basler BT-67 fixed wing aircraft releases dispersant over an "
        "oil discharge off the shore of Louisiana.",
        "Egyptian protesters first took to the streets of Egypt on January 25.",
    ],
)
def test_a_yearless_date_in_prose_or_a_caption_is_no_lead_date(opening: str) -> None:
    """An event the opening recalls, or a photo's day: as often not the report's day."""
    clues = read_clues(opening)
    assert clues.lead_month_days == () and len(clues.month_days) == 1


def _spill_corpus(undated: str, days: tuple[int, int]) -> list[Article]:
    """Two dated reports of the Gulf oil spill, on the given days of 2010, and ``undated``."""
    texts = [
        "BP said the oil spill in the Gulf of Mexico grew as crews laid booms.",
        "Crews laid booms as the oil spill in the Gulf of Mexico reached Louisiana.",
    ]
    dated = [
        make_article(key, text, dt.date(2010, 4, 1) + dt.timedelta(days=day - 1))
        for key, text, day in zip("ab", texts, days, strict=True)
    ]
    return [*dated, make_article("c", undated)]


def test_a_wire_dateline_s_day_places_the_article() -> None:
    opening = (
        "HOUSTON, May 3 (Reuters) - BP said crews laid booms as the oil spill in the "
        "Gulf of Mexico grew."
    )
    pub = estimate_dates(_spill_corpus(opening, (31, 36)))[2].pub_date
    assert pub.value == dt.date(2010, 5, 3)
    assert 'its first lines give "May 3"' in pub.evidence


def test_an_event_day_in_the_opening_prose_does_not_place_the_article() -> None:
    """Reports on April 22 and May 6: the article's "April 20" is the explosion it
    recalls, not its day (read as a dateline, it placed the article on April 20)."""
    opening = (
        "Since the Deepwater Horizon rig exploded on April 20, the oil spill in the Gulf "
        "of Mexico grew and crews laid booms."
    )
    pub = estimate_dates(_spill_corpus(opening, (22, 36)))[2].pub_date
    assert pub.value is not None and pub.value >= dt.date(2010, 4, 22)
    assert "its first lines give" not in pub.evidence


@pytest.mark.parametrize(("said", "pinned"), [("Yesterday", False), ("Last week", True)])
def test_a_day_is_never_pinned_to_an_event_dated_by_its_month(said: str, pinned: bool) -> None:
    """ "Yesterday" matched to "in May, ... announced" says only the month, and a month
    of agreeing days outweighed the article's own evidence; a week still pins (the demo's
    "last week, following talks in Moscow" is the May announcement)."""
    from dateline.ingest.estimate import DatingTuning, Scorer

    texts = [
        "In May, Kerry and Lavrov announced in Moscow an international conference on Syria.",
        "Flooding closed schools across Bangladesh as the monsoon rains went on.",
        f"{said}, following talks in Moscow, Kerry and Lavrov announced an international "
        "conference on Syria.",
    ]
    corpus = DatingCorpus.of_texts(texts, [dt.date(2013, 6, 20), dt.date(2013, 6, 2), None])
    (sentence,) = corpus.clues[2].relative
    assert sentence.day_level is not pinned
    scorer = Scorer(corpus, 2, DatingTuning(), ())
    assert [p.event_article for p in scorer.pins] == ([0] if pinned else [])


def test_the_first_reader_comment_places_an_article_without_other_clues() -> None:
    """A comment is posted on its article's day or after (82% of the dev pages with
    comments: that day): the article of ``commented`` is placed on it."""
    articles = _spill_corpus("Crews laid more booms as the spill grew.", (22, 36))
    commented = dataclasses.replace(articles[2], first_comment=dt.date(2010, 5, 4))
    pub = estimate_dates([*articles[:2], commented])[2].pub_date
    assert pub.value == dt.date(2010, 5, 4)
    assert "its first reader comment is dated 2010-05-04" in pub.evidence


def test_word_pairs_vote_for_the_day_their_articles_agree_on() -> None:
    """A pair ("emergency rate cut") shared with two articles of one day votes for that
    day; one shared with articles months apart ("central bank") or with one article
    alone votes for none."""
    texts = [
        "The central bank announced an emergency rate cut as the markets fell.",
        "An emergency rate cut came from the central bank on a day of panic.",
        "Traders welcomed the emergency rate cut.",
        "The central bank kept its policy unchanged in spring.",
        "Officials of the central bank met in the summer.",
        "Stocks and bonds moved little.",
    ]
    day = dt.date(2008, 10, 8)
    dates = [None, day, day, dt.date(2008, 3, 1), dt.date(2008, 7, 1), dt.date(2008, 12, 1)]
    votes = DatingCorpus.of_texts(texts, dates).term_days(0)
    assert max(votes, key=votes.__getitem__) == day
    assert votes[day + dt.timedelta(days=1)] == pytest.approx(votes[day] / 2)
    assert dt.date(2008, 3, 1) not in votes and dt.date(2008, 7, 1) not in votes
    # Hiding one of the two agreeing articles leaves the pair nothing to agree on.
    assert DatingCorpus.of_texts(texts, dates).term_days(0, hidden={2}).get(day, 0.0) == 0.0
    estimate = estimate_date(DatingCorpus.of_texts(texts, dates), 0)
    assert estimate is not None and estimate.point == day
    assert 'words it shares with articles of those days ("rate cut"' in estimate.evidence
