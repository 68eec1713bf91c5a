"""Curation kept in the store: honoured by every command that reads it, and never lost
when the articles are added again or the annotators change version."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from dateline.briefing.actors import Actor
from dateline.model import Annotations, EntityKind, EntityMention, Quote
from dateline.store import curation as cur
from dateline.store import open_store, stage_keys
from dateline.store.core import stage_key
from dateline.timeline import build_timeline
from tests.builders import make_article
from tests.serve.conftest import SERIAL, write_articles

REJECTED = "The Riverton levee broke before dawn and water reached the market square."


def shown(corpus, timeline) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        corpus.article(s.span.article_id).text[s.span.start : s.span.end]
        for e in (*timeline.entries, *timeline.background, *timeline.ahead)
        for s in e.sentences
    ]


@pytest.fixture
def curated(tmp_path: Path) -> tuple[Path, Path]:
    """A store with a corrected date and a rejected entry, and its article folder."""
    folder = write_articles(tmp_path / "articles")
    path = tmp_path / "store.db"
    with open_store(path) as db:
        db.add([folder], SERIAL)
        corpus = db.corpus(SERIAL)
        before = build_timeline(corpus, SERIAL)
        assert REJECTED in shown(corpus, before)
        hashes = dict(db.db.execute("SELECT article_id, hash FROM sources"))
        with db.transaction() as tx:
            cur.set_date(tx, hashes["2021-05-12/flood-5.txt"], dt.date(2021, 5, 20), "checked")
            cur.add_record(tx, "reject-sentence", hashes["2021-05-04/flood-2.txt"], REJECTED)
    return path, folder


def check_honoured(path: Path) -> None:
    with open_store(path) as db:
        corpus = db.corpus(SERIAL)
    article = corpus.article("2021-05-12/flood-5.txt")
    assert article.pub_date.value == dt.date(2021, 5, 20)
    assert article.pub_date.source == "user"
    assert "checked" in article.pub_date.evidence
    assert "was 2021-05-12, from folder" in article.pub_date.evidence
    timeline = build_timeline(corpus, SERIAL)
    assert REJECTED not in shown(corpus, timeline)
    assert dt.date(2021, 5, 20) in [e.date for e in timeline.entries]
    assert dt.date(2021, 5, 12) not in [e.date for e in timeline.entries]
    # relative dates resolve against the person's date: annotations for it exist
    with open_store(path) as db:
        (text_hash,) = db.db.execute(
            "SELECT hash FROM sources WHERE article_id = ?", ("2021-05-12/flood-5.txt",)
        ).fetchone()
        dcts = {d for (d,) in db.db.execute(
            "SELECT dct FROM annotations WHERE hash = ? AND versions = ?",
            (text_hash, stage_key("timex")))}  # fmt: skip
    assert "2021-05-20" in dcts


def test_curation_is_honoured_by_a_later_read(curated: tuple[Path, Path]) -> None:
    check_honoured(curated[0])


def test_nothing_curated_is_lost_when_the_articles_are_added_again(
    curated: tuple[Path, Path], tmp_path: Path
) -> None:
    path, folder = curated
    with open_store(path) as db:
        db.add([folder], SERIAL)  # unchanged files
    check_honoured(path)
    # touched files are read again; the same text is the same article
    for f in folder.rglob("*.txt"):
        os.utime(f, (1e9, 1e9))
    # and a copy of the folder elsewhere adds new sources for the same texts
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    with open_store(path) as db:
        result = db.add([folder, copy], SERIAL)
    assert len(result.duplicates) == len(list(folder.rglob("*.txt")))
    check_honoured(path)


def test_nothing_curated_is_lost_when_the_annotators_change_version(
    curated: tuple[Path, Path],
) -> None:
    path, _ = curated
    # every annotation as if an older version of each stage had made it
    with open_store(path) as db, db.transaction() as tx:
        for key in stage_keys(("sentences", "timex")):
            name = key.split("=")[0]
            tx.execute("UPDATE annotations SET versions = ? WHERE versions = ?",
                       (f"{name}=0", key))  # fmt: skip
        assert not tx.execute(
            "SELECT 1 FROM annotations WHERE versions = ?", (stage_key("timex"),)
        ).fetchone()
    check_honoured(path)  # a read annotates again, for the current versions


def test_undoing_a_date_restores_the_one_it_replaced(curated: tuple[Path, Path]) -> None:
    path, _ = curated
    with open_store(path) as db:
        (record,) = cur.records(db.db, "date")
        with db.transaction() as tx:
            cur.remove(tx, record.id)
        article = db.corpus(SERIAL).article("2021-05-12/flood-5.txt")
    assert article.pub_date.value == dt.date(2021, 5, 12)
    assert article.pub_date.source == "folder"


def test_a_rejected_quote_is_left_out_by_its_text() -> None:
    text = 'Ms Ray said: "The water came in the night." Then she left. "We stay," he said.'
    article = make_article("a", text)
    first = text.index('"The')
    second = text.index('"We')
    quotes = (Quote(first, text.index("night.") + 7, True, speaker_name="Ray"),
              Quote(second, second + 10, True, speaker_name="Lee"))  # fmt: skip
    from dateline.model import Corpus, RunReport

    corpus = Corpus((article,), {"a": Annotations("a", quotes=quotes)}, RunReport())
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (hash TEXT)")
    cur.add_record(db, "reject-quote", "h1", cur.normal(text[quotes[0].start : quotes[0].end]))
    got = cur.attach(db, corpus, {"a": "h1"})
    assert [q.start for q in got.annotations["a"].quotes] == [second]
    # the same words quoted in another article (a wire copy) are left out there too
    other = Corpus((make_article("b", text),), {"b": Annotations("b", quotes=quotes)}, RunReport())
    assert [q.start for q in cur.attach(db, other, {"b": "h2"}).annotations["b"].quotes] == [second]


def actor(name: str, aliases: list[tuple[str, int]], ids: list[str], mentions: int) -> Actor:
    return Actor(
        id=f"person:{name.lower().replace(' ', '-')}", name=name, kind=EntityKind.PERSON,
        aliases=tuple(aliases), article_ids=tuple(ids), first_seen=None, last_seen=None,
        mentions=mentions,
    )  # fmt: skip


def test_merging_two_actors_joins_their_names_and_articles() -> None:
    actors = [
        actor("Dana Whitfield", [("Dana Whitfield", 5)], ["a", "b"], 5),
        actor("Mayor Whitfield", [("Mayor Whitfield", 2)], ["c"], 2),
        actor("Lee Chan", [("Lee Chan", 3)], ["a"], 3),
    ]
    merged = cur.curate_actors(
        actors, [], cur.Curation(merges=(("mayor whitfield", "Dana Whitfield"),))
    )
    assert [a.name for a in merged] == ["Dana Whitfield", "Lee Chan"]
    assert merged[0].mentions == 7 and merged[0].article_ids == ("a", "b", "c")
    assert dict(merged[0].aliases) == {"Dana Whitfield": 5, "Mayor Whitfield": 2}
    # an unknown name changes nothing
    same = cur.curate_actors(actors, [], cur.Curation(merges=(("Nobody", "Lee Chan"),)))
    assert same == sorted(actors, key=lambda a: (-a.mentions, a.name))


def test_splitting_an_alias_off_makes_it_an_actor_of_its_own() -> None:
    a = make_article("a", "Jordan Lee spoke. Jordan spoke again.")
    b = make_article("b", "Jordan said no.")
    ents_a = [EntityMention(0, 10, EntityKind.PERSON, "Jordan Lee")]
    ents_b = [EntityMention(0, 6, EntityKind.PERSON, "Jordan")]
    joined = actor("Jordan Lee", [("Jordan Lee", 1), ("Jordan", 2)], ["a", "b"], 3)
    out = cur.curate_actors([joined], [(a, ents_a, ()), (b, ents_b, ())],
                            cur.Curation(splits=(("Jordan Lee", "Jordan"),)))  # fmt: skip
    by_name = {x.name: x for x in out}
    assert set(by_name) == {"Jordan Lee", "Jordan"}
    assert by_name["Jordan"].article_ids == ("b",) and by_name["Jordan"].mentions == 2
    assert by_name["Jordan Lee"].aliases == (("Jordan Lee", 1),)
    assert by_name["Jordan Lee"].id != by_name["Jordan"].id


def test_brief_over_a_store_leaves_a_rejected_quote_out(tmp_path: Path) -> None:
    """The briefing (spaCy's speech stage) of the demo corpus, before and after."""
    pytest.importorskip("spacy")
    from dateline.briefing.build import build_briefing
    from dateline.pipeline import BRIEFING_STAGES
    from tests.builders import SYRIA

    path = tmp_path / "store.db"
    with open_store(path) as db:
        db.add([SYRIA], SERIAL, stages=BRIEFING_STAGES)
        corpus = db.corpus(SERIAL, stages=BRIEFING_STAGES)
    quotes = [q for g in build_briefing(corpus, SERIAL).quotes for q in g.quotes]
    assert quotes, "the demo corpus has quotes"
    target = quotes[0].span
    text = corpus.article(target.article_id).text[target.start : target.end]
    with open_store(path) as db:
        (text_hash,) = db.db.execute(
            "SELECT hash FROM sources WHERE article_id = ?", (target.article_id,)
        ).fetchone()
        with db.transaction() as tx:
            cur.add_record(tx, "reject-quote", text_hash, cur.normal(text))
        corpus = db.corpus(SERIAL, stages=BRIEFING_STAGES)
    after = [q for g in build_briefing(corpus, SERIAL).quotes for q in g.quotes]
    texts = [cur.normal(corpus.article(q.span.article_id).text[q.span.start : q.span.end])
             for q in after]  # fmt: skip
    assert cur.normal(text) not in texts
    assert len(after) == len(quotes) - 1
