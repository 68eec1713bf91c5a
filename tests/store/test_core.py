"""The corpus store: content-addressed, incremental, and readable while it is written."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from dateline import pipeline, store
from dateline.errors import InputError
from dateline.model import Confidence
from dateline.options import Options
from dateline.pipeline import build_corpus
from dateline.store import cached_build_corpus, corpus_from_store, open_store, search
from tests.builders import SYRIA

SERIAL = Options(workers=1)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SYRIA, folder)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> store.Store:
    with open_store(tmp_path / "store" / "corpus.db") as opened:
        yield opened


def test_corpus_from_store_equals_build_corpus(articles: Path, db: store.Store) -> None:
    db.add([articles], SERIAL)
    got, want = db.corpus(SERIAL), build_corpus([articles], SERIAL)
    assert got.articles == want.articles
    assert [a.offsets for a in got.articles] == [a.offsets for a in want.articles]
    assert got.annotations == want.annotations
    assert got.report == want.report


def test_readding_unchanged_files_does_no_work(
    articles: Path, db: store.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = db.add([articles], SERIAL)
    assert len(first.new) == 5 and first.annotated == 5
    monkeypatch.setattr(store.ingest, "build_article_reported", _must_not_run)  # no cleaning either
    again = db.add([articles], SERIAL)
    assert (again.new, again.changed, again.annotated) == ((), (), 0)
    assert sorted(again.unchanged) == sorted(first.new)


def _must_not_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("cleaned an unchanged file")


def test_a_new_ingest_version_reads_unchanged_files_again(
    articles: Path, db: store.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a release that cleans or dates files differently must reach files already added
    db.add([articles], SERIAL)
    from dateline.store import core

    monkeypatch.setattr(core, "INGEST_VERSION", core.INGEST_VERSION + "-next")
    read: list[object] = []
    real = store.ingest.build_article_reported

    def counting(*args: object, **kwargs: object) -> object:
        read.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.ingest, "build_article_reported", counting)
    again = db.add([articles], SERIAL)
    assert len(read) == 5  # every file read and cleaned again
    assert again.new == () and again.annotated == 0  # the same texts: nothing new
    db.add([articles], SERIAL)
    assert len(read) == 5  # and the next add skips them again


def test_touched_file_is_unchanged(articles: Path, db: store.Store) -> None:
    db.add([articles], SERIAL)
    path = next(articles.glob("*.txt"))
    path.write_bytes(path.read_bytes())  # new mtime, same content
    again = db.add([articles], SERIAL)
    assert again.annotated == 0 and len(again.unchanged) == 5


def test_changed_file_recomputes_only_itself(articles: Path, db: store.Store) -> None:
    db.add([articles], SERIAL)
    path = sorted(articles.glob("*.txt"))[1]
    path.write_text(
        path.read_text(encoding="utf-8") + "\nA closing line was added.\n", encoding="utf-8"
    )
    again = db.add([articles], SERIAL)
    assert again.changed == (path.name,) and again.annotated == 1
    corpus = db.corpus(SERIAL)
    assert len(corpus.articles) == 5  # the old version is no longer part of the corpus
    assert "closing line" in corpus.article(path.name).text


def test_exact_duplicates_are_stored_once_with_both_sources(
    tmp_path: Path, articles: Path, db: store.Store
) -> None:
    other = tmp_path / "mirror"
    other.mkdir()
    source = sorted(articles.glob("*.txt"))[0]
    shutil.copy(source, other / "copy.txt")
    result = db.add([articles, other], SERIAL)
    assert result.duplicates == ("copy.txt",) and result.annotated == 5
    stats = db.stats()
    assert (stats.articles, stats.sources) == (5, 6)
    corpus = db.corpus(SERIAL)
    assert len(corpus.articles) == 5 and len(corpus.report.accepted) == 6


def test_near_duplicates_are_linked(tmp_path: Path, articles: Path, db: store.Store) -> None:
    source = sorted(articles.glob("*.txt"))[0]
    text = source.read_text(encoding="utf-8")
    (articles / "republished.txt").write_text(
        text + "\nUpdated with a late comment.\n", encoding="utf-8"
    )
    db.add([articles], SERIAL)
    pairs = db.near_duplicates()
    assert len(pairs) == 1
    assert {pairs[0][0], pairs[0][1]} == {source.name, "republished.txt"}
    assert pairs[0][2] >= store.NEAR_DUPLICATE


def test_minhash_estimates_jaccard() -> None:
    words = [f"w{i}" for i in range(400)]
    same = store.minhash(" ".join(words))
    assert (same == store.minhash(" ".join(words))).all()
    other = store.minhash(" ".join(f"x{i}" for i in range(400)))
    assert (same == other).mean() < 0.2


def test_annotator_version_change_recomputes_exactly_that(
    articles: Path, db: store.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.add([articles], SERIAL)
    sentences_rows = db.db.execute(
        "SELECT * FROM annotations WHERE versions = ?", (store.stage_keys(["sentences"])[0],)
    ).fetchall()
    bumped = tuple(
        replace(s, version="test-bump") if s.name == "timex" else s for s in pipeline.STAGES
    )
    monkeypatch.setattr(pipeline, "STAGES", bumped)
    again = db.add([articles], SERIAL)
    assert again.annotated == 5 and again.new == ()
    versions = {v for (v,) in db.db.execute("SELECT DISTINCT versions FROM annotations")}
    assert versions == set(store.stage_keys(pipeline.TIMELINE_STAGES))  # stale ones pruned
    assert "timex=test-bump" in versions
    assert (
        db.db.execute(
            "SELECT * FROM annotations WHERE versions = ?", (store.stage_keys(["sentences"])[0],)
        ).fetchall()
        == sentences_rows
    )


def test_rejected_inputs_are_recorded_then_cleared(articles: Path, db: store.Store) -> None:
    bad = articles / "empty.txt"
    bad.write_text("   ", encoding="utf-8")
    result = db.add([articles], SERIAL)
    assert [r.path for r in result.rejected] == [str(bad)]
    assert db.stats().rejected[0][0] == str(bad)
    bad.write_text("Now the file holds a proper article with enough words in it.", encoding="utf-8")
    fixed = db.add([articles], SERIAL)
    assert fixed.rejected == () and fixed.new == ("empty.txt",)
    assert db.stats().rejected == ()


def test_search_finds_articles_by_phrase(articles: Path, db: store.Store) -> None:
    db.add([articles], SERIAL)
    hits = search(db, "chemical weapons")
    assert hits and all(
        "chemical weapons" in db.corpus(SERIAL).article(h).text.lower() for h in hits
    )
    assert search(db, "zzzz-not-a-word") == []
    assert search(db, ' "quoted, odd ') is not None  # punctuation never breaks FTS syntax


def test_prefiltered_corpus_keeps_only_matching_articles(articles: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with open_store(path) as db:
        db.add([articles], SERIAL)
    opts = SERIAL.but(keywords=("chemical weapons",))
    full = corpus_from_store(path, opts)
    some = corpus_from_store(path, opts, prefilter=True)
    assert 0 < len(some.articles) < len(full.articles)
    assert set(some.annotations) == {a.id for a in some.articles}


def test_cached_build_corpus_matches_and_skips_work(articles: Path, tmp_path: Path) -> None:
    want = build_corpus([articles], SERIAL)
    first = cached_build_corpus([articles], SERIAL, tmp_path / "cache.db")
    second = cached_build_corpus([articles], SERIAL, tmp_path / "cache.db")
    assert first.articles == second.articles == want.articles
    assert first.annotations == second.annotations == want.annotations


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="not a dateline store"):
        open_store(path)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(InputError, match="not a dateline store"):
        open_store(other)


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version={store.SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="newer dateline"):
        open_store(path)


def test_readers_work_while_a_writer_adds(tmp_path: Path) -> None:
    folder = make_many_articles(tmp_path / "many", 150)
    path = tmp_path / "c.db"
    open_store(path).close()
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            with open_store(path) as reader:
                while not done.is_set():
                    seen.append(reader.stats().articles)
                    reader.corpus(SERIAL)
        except BaseException as err:
            errors.append(err)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        with open_store(path) as writer:
            writer.add([folder], SERIAL)
    finally:
        done.set()
        thread.join()
    assert errors == []
    assert seen == sorted(seen) and len(seen) > 1  # readers saw whole batches, growing


def make_many_articles(folder: Path, count: int) -> Path:
    """``count`` distinct articles made from the examples (each gets its own line)."""
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SYRIA.glob("*.txt"))]
    for i in range(count):
        (folder / f"a{i:05d}.txt").write_text(
            f"{texts[i % len(texts)]}\nReference {i} was filed with the wire desk.\n",
            encoding="utf-8",
        )
    return folder


def test_a_manifest_added_later_dates_a_text_already_stored(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "The foreign ministers met in Geneva to prepare the peace conference on Syria.\n"
    )
    (folder / "vote.txt").write_text("The council voted on the resolution after a long debate.\n")
    path = tmp_path / "c.db"
    with store.open_store(path) as db:
        db.add([folder], SERIAL)
        (folder / "manifest.csv").write_text(
            "path,date,source,url,title\ntalks.txt,2013-05-07,,,\n"
        )
        again = db.add([folder], SERIAL)
    dated = {Path(a.id).stem: a.pub_date for a in store.corpus_from_store(path, SERIAL).articles}
    assert dated["talks"].value == dt.date(2013, 5, 7) and dated["talks"].source == "manifest"
    assert any("talks" in a for a in again.changed)  # said so: its date changed
    assert dated["vote"].source != "manifest"  # the manifest names only talks.txt


def test_another_anchor_reruns_only_the_stages_that_read_the_date(
    articles: Path, db: store.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.add([articles], SERIAL, stages=pipeline.BRIEFING_STAGES)
    first = db.corpus(SERIAL, stages=pipeline.BRIEFING_STAGES)

    def no_parsing(*args: object) -> list[object]:
        raise RuntimeError("the speech stage ran again")

    # From here on a speech run would be recorded as this failure.
    monkeypatch.setattr(
        pipeline,
        "STAGES",
        tuple(
            replace(s, run=no_parsing, run_many=no_parsing) if s.name == "speech" else s
            for s in pipeline.STAGES
        ),
    )
    # 001, 003 and 004 have inferred dates: with only explicit dates anchoring, their
    # time expressions resolve against nothing and are found again; quotes do not move.
    strict = Options(workers=1, anchor_confidence=Confidence.EXPLICIT)
    corpus = db.corpus(strict, stages=pipeline.BRIEFING_STAGES)
    assert corpus.failures == ()
    timex_dates = {
        dct
        for (dct,) in db.db.execute(
            "SELECT dct FROM annotations WHERE versions = ?", (store.stage_keys(["timex"])[0],)
        )
    }
    assert "" in timex_dates and "2013-10-07" in timex_dates  # both anchors cached
    quotes = {a.id: corpus.annotations[a.id].quotes for a in corpus.articles}
    assert quotes == {a.id: first.annotations[a.id].quotes for a in first.articles}
    assert sum(map(len, quotes.values())) > 10
    timexes = {a.id: corpus.annotations[a.id].timexes for a in corpus.articles}
    assert timexes != {a.id: first.annotations[a.id].timexes for a in first.articles}
