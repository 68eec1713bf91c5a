"""Curation: what a person decided about a store's articles, kept in the store and
honoured by every command that reads it (``timeline --store``, ``brief --store``, the
web app of ``dateline serve``).

Five kinds of record, each keyed by something that survives re-adding the articles and
new annotator versions: the article's text hash (sha256 of its cleaned text, the
store's own key) and the *text* of a sentence or quote, or actor names; never a row id,
an offset or a stage version.

- ``date``: the person's publication date for an article, with their note. It is
  written into the article's row (source ``user``, confidence ``explicit``: it beats
  every other source), so the annotations are computed against it; the date it replaced
  is kept in the record, for the article's provenance and for undoing.
- ``reject-sentence``: a timeline entry's sentence that must not be an entry again.
- ``reject-quote``: a quote that must not be listed again (its words, in whichever
  article they are quoted: wire copies repeat a quote; the hash says where it was seen).
- ``merge-actors``: two actor names that are one actor.
- ``split-actor``: a name that alias merging joined to an actor, to be its own actor.

:func:`attach` is called by :meth:`Store.corpus`: it drops rejected quotes from the
annotations and returns a :class:`CuratedCorpus`, whose rejected sentences the
timeline's candidate index skips and whose actor decisions the briefing applies (both
read through ``dateline.timeline.curated``, which holds the types corpus stages see).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import Any

from dateline.model import Annotations, Confidence, Corpus, PublicationDate
from dateline.store import codec
from dateline.timeline.curated import (
    MIN_CONTAINED,
    CuratedCorpus,
    Curation,
    curate_actors,
    curation_of,
    normal,
)

KINDS = ("date", "reject-sentence", "reject-quote", "merge-actors", "split-actor")
USER_SOURCE = "user"  # PublicationDate.source of a date a person set

TABLE = """
CREATE TABLE IF NOT EXISTS curation (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,             -- one of KINDS
    hash TEXT NOT NULL,             -- the article's text hash; '' for actors
    subject TEXT NOT NULL,          -- ISO date; sentence or quote text; actor name
    other TEXT NOT NULL,            -- date: JSON of the date it replaced; merge/split: a name
    note TEXT NOT NULL,             -- the person's note
    added_at TEXT NOT NULL,
    UNIQUE (kind, hash, subject, other)
)
"""


@dataclass(frozen=True)
class Record:
    """One curation decision, as stored."""

    id: int
    kind: str
    hash: str
    subject: str
    other: str
    note: str
    added_at: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def has_table(db: sqlite3.Connection) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'curation'"
        ).fetchone()
    )


def records(db: sqlite3.Connection, kind: str | None = None) -> list[Record]:
    """Every record (of one kind), oldest first; none in a store never curated."""
    if not has_table(db):
        return []
    where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    return [
        Record(*row)
        for row in db.execute(
            "SELECT id, kind, hash, subject, other, note, added_at FROM curation "
            f"{where} ORDER BY id",
            params,
        )
    ]


def add_record(
    db: sqlite3.Connection, kind: str, text_hash: str, subject: str, other: str = "", note: str = ""
) -> None:
    """Store one decision (inside the caller's write transaction); the same decision
    twice is one record, its note updated."""
    if kind not in KINDS:
        raise ValueError(f"unknown curation kind {kind!r}")
    db.execute(TABLE)
    db.execute(
        "INSERT INTO curation (kind, hash, subject, other, note, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, hash, subject, other) "
        "DO UPDATE SET note = excluded.note, added_at = excluded.added_at",
        (kind, text_hash, subject, other, note, _now()),
    )


# -- dates --------------------------------------------------------------------------------


def _pack(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 1)


def _article_data(db: sqlite3.Connection, text_hash: str) -> dict[str, Any]:
    row = db.execute("SELECT data FROM articles WHERE hash = ?", (text_hash,)).fetchone()
    if row is None:
        raise KeyError(text_hash)
    data: dict[str, Any] = json.loads(zlib.decompress(row[0]))
    return data


def user_date(day: dt.date, note: str, before: dict[str, Any]) -> PublicationDate:
    """The publication date a person set, with what it replaced in the evidence."""
    was = before.get("value") or "no date"
    evidence = f"set by a person: {note}" if note else "set by a person"
    if before.get("source") != USER_SOURCE:
        evidence += f" (was {was}, from {before.get('source', 'none')})"
    return PublicationDate(day, Confidence.EXPLICIT, USER_SOURCE, evidence)


def _write_pub_date(db: sqlite3.Connection, text_hash: str, pub: dict[str, Any]) -> None:
    data = _article_data(db, text_hash)
    data["pub_date"] = pub
    date = codec.decode_pub_date(pub)
    db.execute(
        "UPDATE articles SET data = ?, pub_date = ?, pub_confidence = ?, pub_source = ?, "
        "pub_partial = ? WHERE hash = ?",
        (
            _pack(data),
            date.value.isoformat() if date.value else None,
            date.confidence.value,
            date.source,
            date.partial,
            text_hash,
        ),
    )


def set_date(db: sqlite3.Connection, text_hash: str, day: dt.date, note: str) -> None:
    """Record the person's date for an article and write it into the article's row
    (inside the caller's write transaction). Setting it again replaces it; the date
    first replaced stays in the record."""
    data = _article_data(db, text_hash)
    db.execute(TABLE)
    previous = db.execute(
        "SELECT other FROM curation WHERE kind = 'date' AND hash = ?", (text_hash,)
    ).fetchone()
    before = json.loads(previous[0]) if previous else data["pub_date"]
    db.execute("DELETE FROM curation WHERE kind = 'date' AND hash = ?", (text_hash,))
    add_record(db, "date", text_hash, day.isoformat(), json.dumps(before), note)
    _write_pub_date(db, text_hash, codec.encode_pub_date(user_date(day, note, before)))


def remove(db: sqlite3.Connection, record_id: int) -> Record | None:
    """Undo one decision (inside the caller's write transaction): a date goes back to
    the one it replaced."""
    found = [r for r in records(db) if r.id == record_id]
    if not found:
        return None
    record = found[0]
    if record.kind == "date":
        with suppress(KeyError):  # the article is gone: nothing to restore
            _write_pub_date(db, record.hash, json.loads(record.other))
    db.execute("DELETE FROM curation WHERE id = ?", (record_id,))
    return record


def reapply_dates(db: sqlite3.Connection) -> int:
    """Write the people's dates into article rows that lost them; called at the end of
    every ``add`` so that no re-dating step overrides a person. The number rewritten."""
    done = 0
    for record in records(db, "date"):
        row = db.execute(
            "SELECT pub_source, pub_date FROM articles WHERE hash = ?", (record.hash,)
        ).fetchone()
        if row is None or (row[0] == USER_SOURCE and row[1] == record.subject):
            continue
        before = json.loads(record.other)
        pub = user_date(dt.date.fromisoformat(record.subject), record.note, before)
        _write_pub_date(db, record.hash, codec.encode_pub_date(pub))
        done += 1
    return done


# -- reading a corpus ---------------------------------------------------------------------


def attach(db: sqlite3.Connection, corpus: Corpus, hashes: dict[str, str]) -> Corpus:
    """``corpus`` with the store's curation: rejected quotes left out of the
    annotations, and a :class:`CuratedCorpus` for the rest. ``hashes``: the text hash
    of each article id."""
    found = records(db)
    if not found:
        return corpus
    by_hash: dict[str, list[str]] = {}
    for article_id, text_hash in hashes.items():
        by_hash.setdefault(text_hash, []).append(article_id)
    sentences: dict[str, set[str]] = {}
    everywhere: set[str] = set()
    merges, splits = [], []
    for r in found:
        if r.kind == "reject-sentence":
            for article_id in by_hash.get(r.hash, ()):
                sentences.setdefault(article_id, set()).add(normal(r.subject))
        elif r.kind == "reject-quote":  # in every article: wire copies repeat a quote
            everywhere.add(normal(r.subject))
        elif r.kind == "merge-actors":
            merges.append((r.subject, r.other))
        elif r.kind == "split-actor":
            splits.append((r.subject, r.other))
    annotations = dict(corpus.annotations)
    if everywhere:
        for article in corpus.articles:
            ann = annotations.get(article.id)
            if ann is not None and ann.quotes:
                annotations[article.id] = _without_quotes(ann, article.text, everywhere)
    curation = Curation(
        {k: frozenset(v) for k, v in sentences.items()}, tuple(merges), tuple(splits)
    )
    return CuratedCorpus(
        corpus.articles, annotations, corpus.report, corpus.failures, curation=curation
    )


def _without_quotes(ann: Annotations, text: str, rejected: set[str]) -> Annotations:
    kept = tuple(q for q in ann.quotes if normal(text[q.start : q.end]) not in rejected)
    return replace(ann, quotes=kept)


__all__ = [
    "KINDS",
    "MIN_CONTAINED",
    "USER_SOURCE",
    "CuratedCorpus",
    "Curation",
    "Record",
    "add_record",
    "attach",
    "curate_actors",
    "curation_of",
    "normal",
    "reapply_dates",
    "records",
    "remove",
    "set_date",
]
