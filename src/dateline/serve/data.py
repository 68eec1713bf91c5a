"""What the web app reads from and writes to a store: search with snippets, an
article with its provenance, timelines and briefings built through the public API
(cached while the store does not change), and curation.

One SQLite connection per server thread; timelines and briefings are built with the
same :class:`~dateline.options.Options` the CLI builds, over the same corpus
(:meth:`Store.corpus`), so the page shows what ``dateline timeline --store`` prints.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dateline.briefing.build import Briefing, build_briefing
from dateline.errors import InputError
from dateline.model import Article, Corpus, Timeline
from dateline.options import Options
from dateline.pipeline import BRIEFING_STAGES, TIMELINE_STAGES, without_missing_model
from dateline.store import Store, codec, open_memo, open_store
from dateline.store import curation as cur
from dateline.store.queries import prefilter_query
from dateline.store.schema import _fts_query
from dateline.timeline import build_timeline

T = TypeVar("T")

SNIPPET_CHARS = 260  # the window of text shown around the first match
PAGE_SIZE = 20
CACHE_SIZE = 16  # timelines and briefings kept per process (a few queries' worth)


class NotFoundError(LookupError):
    """No article with this id in the store."""


@dataclass(frozen=True)
class Hit:
    """One search result: the article, and a snippet as (text, matched) pieces."""

    article_id: str
    title: str
    source: str | None
    pub_date: str | None
    pub_confidence: str
    pub_source: str
    snippet: tuple[tuple[str, bool], ...]
    first_match: tuple[int, int] | None  # offsets of the first match in the text


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    offset: int


@dataclass(frozen=True)
class ArticleView:
    """An article as the article page shows it."""

    article: Article
    text_hash: str
    sources: tuple[str, ...]  # every input path that gave this text
    curation: tuple[cur.Record, ...]  # the decisions about it
    replaced: dict[str, Any] | None  # the date a person's date replaced


def phrases(query: str) -> list[str]:
    """The comma-separated phrases of a query, as the full-text index reads it."""
    return [" ".join(p.split()) for p in query.split(",") if p.strip()]


def match_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """A regex for the phrases, words apart by any non-word run, as FTS5 tokenises."""
    parts = []
    for term in terms:
        words = re.findall(r"\w+", term)
        if words:
            parts.append(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def snippet(
    text: str, pattern: re.Pattern[str] | None, start: int = 0
) -> tuple[tuple[tuple[str, bool], ...], tuple[int, int] | None]:
    """About SNIPPET_CHARS of ``text`` around the first match, split into plain and
    matched pieces, and the first match's offsets (None when only the title matched)."""
    matches = list(pattern.finditer(text)) if pattern else []
    first = matches[0] if matches else None
    if first is None:
        lo = start
    else:
        lo = max(0, first.start() - SNIPPET_CHARS // 3)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
    hi = min(len(text), lo + SNIPPET_CHARS)
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    pieces: list[tuple[str, bool]] = []
    at = lo
    for m in matches:
        if m.start() < lo or m.end() > hi:
            continue
        if m.start() > at:
            pieces.append((text[at : m.start()], False))
        pieces.append((text[m.start() : m.end()], True))
        at = m.end()
    if hi > at:
        pieces.append((text[at:hi], False))
    pieces = [(re.sub(r"\s+", " ", p) if not matched else p, matched) for p, matched in pieces]
    if lo > 0:
        pieces.insert(0, ("… ", False))
    if hi < len(text):
        pieces.append((" …", False))
    return tuple(pieces), (first.start(), first.end()) if first else None


class StoreData:
    """The store behind one web app."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise InputError(
                str(path), "no such store", f"create it with 'dateline add PATH --store {path}'"
            )
        with open_store(path):  # checks that it is a store, and its pages
            pass
        self.path = path
        self._local = threading.local()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._key_locks: dict[tuple[Any, ...], threading.Lock] = {}
        self._corpus_lock = threading.Lock()  # one corpus read (and annotation) at a time

    # -- connections ----------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=60.0)
            db.execute("PRAGMA foreign_keys=ON")
            self._local.db = db
        return db

    def store(self) -> Store:
        return Store(self.db, self.path)

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with self.store().transaction() as db:
            yield db

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever the store does: inputs, articles, annotations or curation."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM sources), (SELECT max(rowid) FROM sources), "
            "(SELECT max(rowid) FROM articles), (SELECT count(*) FROM annotations)"
        ).fetchone()
        marks = [(r.id, r.added_at) for r in cur.records(self.db)]
        return (*row, hash(tuple(marks)))

    # -- search ---------------------------------------------------------------------------

    def sources(self) -> list[tuple[str, int]]:
        """News sources with their article counts, most first."""
        return [
            (s, n)
            for s, n in self.db.execute(
                "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL "
                "AND hash IN (SELECT hash FROM sources) GROUP BY 1 ORDER BY n DESC, 1"
            )
        ]

    def span(self) -> tuple[str | None, str | None, int]:
        first, last, n = self.db.execute(
            "SELECT min(pub_date), max(pub_date), count(*) FROM articles "
            "WHERE hash IN (SELECT hash FROM sources)"
        ).fetchone()
        return first, last, n

    def search(
        self,
        query: str,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
        actor: str | None = None,
        offset: int = 0,
    ) -> SearchResult:
        """Articles matching ``query`` (comma-separated phrases, any of which may match)
        and naming ``actor``, best first, with a snippet around the first match."""
        match = _fts_query(query)
        if actor and _fts_query(actor):
            match = f"({match}) AND ({_fts_query(actor)})" if match else _fts_query(actor)
        where, params = ["a.hash IN (SELECT hash FROM sources)"], []
        if start:
            where.append("a.pub_date >= ?")
            params.append(start.isoformat())
        if end:
            where.append("a.pub_date <= ?")
            params.append(end.isoformat())
        if source:
            where.append("a.source = ?")
            params.append(source)
        primary = "(SELECT s.article_id FROM sources AS s WHERE s.hash = a.hash ORDER BY s.rowid)"
        cols = f"{primary}, a.title, a.source, a.pub_date, a.pub_confidence, a.pub_source, a.data"
        if match:
            base = (
                "FROM article_fts AS f JOIN articles AS a ON a.rowid = f.rowid "
                f"WHERE article_fts MATCH ? AND {' AND '.join(where)}"
            )
            args: list[Any] = [match, *params]
            order = "ORDER BY f.rank"
        else:  # filters alone: the articles, latest first
            base = f"FROM articles AS a WHERE {' AND '.join(where)}"
            args = list(params)
            order = "ORDER BY a.pub_date DESC, a.rowid"
        (total,) = self.db.execute(f"SELECT count(*) {base}", args).fetchone()
        rows = self.db.execute(
            f"SELECT {cols} {base} {order} LIMIT ? OFFSET ?", [*args, PAGE_SIZE, offset]
        ).fetchall()
        pattern = match_pattern(phrases(query) + (phrases(actor) if actor else []))
        hits = []
        for article_id, title, news, pub, confidence, pub_source, data in rows:
            stored = json.loads(zlib.decompress(data))  # only the text: no Article needed
            pieces, first = snippet(stored["text"], pattern, stored.get("body_start", 0))
            hits.append(
                Hit(
                    article_id,
                    title or article_id,
                    news,
                    pub,
                    confidence,
                    pub_source,
                    pieces,
                    first,
                )
            )
        return SearchResult(query, total, tuple(hits), offset)

    # -- articles -------------------------------------------------------------------------

    def text_hash(self, article_id: str) -> str:
        row = self.db.execute(
            "SELECT hash FROM sources WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(article_id)
        return str(row[0])

    def article(self, article_id: str) -> ArticleView:
        text_hash = self.text_hash(article_id)
        (data,) = self.db.execute(
            "SELECT data FROM articles WHERE hash = ?", (text_hash,)
        ).fetchone()
        article = codec.decode_article(json.loads(zlib.decompress(data)))
        paths = tuple(
            p
            for (p,) in self.db.execute(
                "SELECT path FROM sources WHERE hash = ? ORDER BY rowid", (text_hash,)
            )
        )
        records = tuple(r for r in cur.records(self.db) if r.hash == text_hash)
        dated = [r for r in records if r.kind == "date"]
        replaced = json.loads(dated[0].other) if dated else None
        return ArticleView(article, text_hash, paths, records, replaced)

    # -- timelines and briefings ----------------------------------------------------------

    def _cached(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        """``build()``, once per key while the store is unchanged; concurrent requests
        for the same key wait for the one build."""
        rest, key = key, (self.fingerprint(), *key)
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]  # type: ignore[no-any-return]
            lock = self._key_locks.setdefault(key, threading.Lock())
        with lock:
            with self._cache_lock:
                if key in self._cache:
                    return self._cache[key]  # type: ignore[no-any-return]
            value = build()
            after = (self.fingerprint(), *rest)  # reading annotated what lacked it
            with self._cache_lock:
                self._cache[key] = self._cache[after] = value
                while len(self._cache) > CACHE_SIZE:
                    old, _ = self._cache.popitem(last=False)
                    self._key_locks.pop(old, None)
            return value

    def corpus(self, opts: Options, briefing: bool = False) -> Corpus:
        """The store as the CLI reads it for ``timeline --store`` (every article) or, for
        a briefing with a query, the articles the query matches (so that the spaCy stage
        runs on those alone)."""
        query = prefilter_query(opts) if briefing else None
        stages = BRIEFING_STAGES if briefing else TIMELINE_STAGES

        def load() -> Corpus:
            with self._corpus_lock:
                return without_missing_model(
                    lambda todo: self.store().corpus(opts, query=query, stages=todo), stages
                )

        return self._cached(("corpus", opts.anchor_confidence, query, stages), load)

    def timeline(self, opts: Options) -> tuple[Timeline, Corpus]:
        corpus = self.corpus(opts)
        return self._cached(("timeline", opts), lambda: (build_timeline(corpus, opts), corpus))

    def briefing(self, opts: Options) -> tuple[Briefing, Corpus]:
        corpus = self.corpus(opts, briefing=True)

        def build() -> tuple[Briefing, Corpus]:
            # kept in the store too: a restarted app reads the briefing back
            return build_briefing(corpus, opts, open_memo(self.path)), corpus

        return self._cached(("briefing", opts), build)

    # -- curation -------------------------------------------------------------------------

    def records(self) -> list[cur.Record]:
        return cur.records(self.db)

    def set_date(self, article_id: str, day: dt.date, note: str) -> None:
        text_hash = self.text_hash(article_id)
        with self.writing() as db:
            cur.set_date(db, text_hash, day, note)

    def reject_span(self, kind: str, article_id: str, start: int, end: int, note: str) -> str:
        """Reject the sentence or quote at these offsets of the article, by its text."""
        view = self.article(article_id)
        text = view.article.text
        if not 0 <= start < end <= len(text):
            raise ValueError(f"offsets {start}-{end} are outside the article")
        subject = cur.normal(text[start:end])
        with self.writing() as db:
            cur.add_record(db, kind, view.text_hash, subject, "", note)
        return subject

    def actors(self, kind: str, first: str, second: str, note: str) -> None:
        first, second = cur.normal(first), cur.normal(second)
        if not first or not second:
            raise ValueError("give both names")
        with self.writing() as db:
            cur.add_record(db, kind, "", first, second, note)

    def undo(self, record_id: int) -> cur.Record | None:
        with self.writing() as db:
            return cur.remove(db, record_id)
