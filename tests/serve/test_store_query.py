"""What the briefing page relies on: a store's corpus for a query annotates only the
articles the query matches (the spaCy stage on 70 articles, not on the whole store)."""

from __future__ import annotations

from pathlib import Path

from dateline.store import open_store
from dateline.store.core import stage_key
from tests.serve.conftest import SERIAL


def test_a_query_corpus_annotates_only_what_it_matches(store_path: Path) -> None:
    key = stage_key("timex")
    with open_store(store_path) as db:
        with db.transaction() as tx:
            tx.execute("DELETE FROM annotations WHERE versions = ?", (key,))
        corpus = db.corpus(SERIAL, query="market square")
        annotated = {h for (h,) in db.db.execute(
            "SELECT hash FROM annotations WHERE versions = ?", (key,))}  # fmt: skip
        matching = {h for (h,) in db.db.execute(
            "SELECT hash FROM sources WHERE article_id IN (?, ?)",
            ("2021-05-04/flood-2.txt", "2021-05-09/flood-4.txt"))}  # fmt: skip
        assert sorted(a.id for a in corpus.articles) == [
            "2021-05-04/flood-2.txt", "2021-05-09/flood-4.txt"
        ]  # fmt: skip
        assert annotated == matching
        assert all(corpus.annotations[a.id].timexes is not None for a in corpus.articles)
        # the whole store's corpus annotates the rest
        assert len(db.corpus(SERIAL).articles) == 6
        (count,) = db.db.execute(
            "SELECT count(*) FROM annotations WHERE versions = ?", (key,)
        ).fetchone()
        assert count == 6
