"""Kept results of corpus stages: read back under their key only, signed by this user."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dateline import memo
from dateline.memo import corpus_fingerprint, keep, recall
from dateline.model import Annotations, Corpus, Quote, RunReport
from dateline.store import open_memo, open_store
from dateline.store.results import KEPT
from tests.builders import make_article

DAY = dt.date(2013, 5, 7)


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    open_store(path).close()
    return path


def _use_key_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    memo._signing_key.cache_clear()


def test_a_kept_result_is_read_back_under_its_key_only(tmp_path: Path) -> None:
    value = {"actors": ("Ban Ki-moon", "Sergei Lavrov"), "day": DAY}
    kept = open_memo(_store(tmp_path))
    keep(kept, "speakers", "corpus A", value)
    assert recall(kept, "speakers", "corpus A") == value
    assert recall(kept, "speakers", "corpus B") is None
    assert recall(kept, "briefing-parts", "corpus A") is None
    # and through another memo on the same file
    kept = open_memo(tmp_path / "corpus.db")
    assert recall(kept, "speakers", "corpus A") == value


def test_a_result_signed_by_another_user_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    _use_key_home(monkeypatch, tmp_path / "alice")
    kept = open_memo(store)
    keep(kept, "speakers", "corpus", ["Alice's result"])
    assert recall(kept, "speakers", "corpus") == ["Alice's result"]
    _use_key_home(monkeypatch, tmp_path / "bob")
    kept = open_memo(store)
    assert recall(kept, "speakers", "corpus") is None
    memo._signing_key.cache_clear()


def test_a_damaged_result_is_a_miss(tmp_path: Path) -> None:
    store = _store(tmp_path)
    kept = open_memo(store)
    keep(kept, "speakers", "corpus", [1, 2, 3])
    db = sqlite3.connect(store)
    db.execute("UPDATE results SET blob = substr(blob, 1, 40)")
    db.commit()
    db.close()
    kept = open_memo(store)
    assert recall(kept, "speakers", "corpus") is None


def test_a_store_keeps_only_its_most_recently_used_results(tmp_path: Path) -> None:
    store = _store(tmp_path)
    kept = open_memo(store)
    for n in range(KEPT + 3):
        keep(kept, "part", str(n), n)
    assert recall(kept, "part", "0") is None
    assert recall(kept, "part", str(KEPT + 2)) == KEPT + 2
    (rows,) = sqlite3.connect(store).execute("SELECT count(*) FROM results").fetchone()
    assert rows == KEPT


def test_without_a_store_file_nothing_is_kept_or_made(tmp_path: Path) -> None:
    missing = tmp_path / "cache" / "none.db"
    kept = open_memo(missing)
    keep(kept, "part", "key", 1)
    assert recall(kept, "part", "key") is None
    assert not missing.exists()


def test_the_corpus_fingerprint_follows_what_a_stage_can_read() -> None:
    article = make_article("a", "Talks were held in Geneva on Monday.", DAY)

    def corpus(*articles: object, annotations: dict[str, Annotations] | None = None) -> Corpus:
        return Corpus(tuple(articles), annotations or {}, RunReport())  # type: ignore[arg-type]

    base = corpus_fingerprint(corpus(article))
    assert corpus_fingerprint(corpus(make_article("a", article.text, DAY))) == base
    assert corpus_fingerprint(corpus(dataclasses.replace(article, text="Talks ended."))) != base
    later = dataclasses.replace(
        article, pub_date=dataclasses.replace(article.pub_date, value=DAY + dt.timedelta(1))
    )
    assert corpus_fingerprint(corpus(later)) != base
    assert corpus_fingerprint(corpus(dataclasses.replace(article, source="TASS"))) != base
    # the annotations' contents, not only their versions: a curated store drops quotes
    versions = (("speech", "1"),)
    quoted = Annotations("a", quotes=(Quote(0, 5, True),), versions=versions)
    with_quote = corpus_fingerprint(corpus(article, annotations={"a": quoted}))
    without = Annotations("a", versions=versions)
    assert corpus_fingerprint(corpus(article, annotations={"a": without})) != with_quote
