"""The store itself: ``Store.add`` (scan, plan, ingest in batches,
write) and reading articles and annotations back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from dateline import pipeline
from dateline.engine import map_chunks
from dateline.errors import InputError, StoreDamagedError
from dateline.ingest import (
    INGEST_VERSION,
    article_id_for,
    input_list,
    manifest_paths,
    read_virtual,
    unique_id,
    virtual_id,
)
from dateline.ingest.estimate import ESTIMATOR_VERSION, estimate_dates
from dateline.ingest.pubdate import infer_missing_years
from dateline.ingest.readers import (
    STDIN_NAME,
    Discovery,
    ManifestEntry,
    RawDocument,
    discover,
    is_virtual,
    read_file,
    read_manifest,
)
from dateline.model import (
    Annotations,
    Article,
    Confidence,
    Corpus,
    InputRecord,
    InputStatus,
    PublicationDate,
    RunReport,
    StageFailure,
)
from dateline.options import Options
from dateline.pipeline import TIMELINE_STAGES, Part, combine, ordered, run_stages
from dateline.progress import Progress
from dateline.store import codec, curation
from dateline.store.fingerprint import NEAR_DUPLICATE, lsh_bands
from dateline.store.ingest import FileScan, Ingested, IngestItem, ingest_many
from dateline.store.schema import (
    DEFAULT_PATH,
    SETTINGS_TABLE,
    connect,
    environment_error,
    is_damage,
    is_environment_error,
    search_hashes,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AddResult:
    """What one ``add`` did. Ids are the store's article ids (one per input)."""

    new: tuple[str, ...] = ()  # inputs whose text the store did not have
    changed: tuple[str, ...] = ()  # known inputs whose text changed
    unchanged: tuple[str, ...] = ()  # known inputs, same text
    duplicates: tuple[str, ...] = ()  # new inputs whose text the store already had
    rejected: tuple[InputRecord, ...] = ()
    annotated: int = 0  # articles the annotators ran on in this add
    sources: tuple[str, ...] = ()  # source keys of every accepted input of this add
    files: tuple[str, ...] = ()  # resolved paths of the files found, in reading order
    warnings: tuple[tuple[str, str], ...] = ()  # (path, warning) of inputs read in this add


@dataclass(frozen=True)
class StoreStats:
    path: str
    articles: int  # distinct texts with at least one source
    sources: int
    annotated: int  # articles with annotations from the current annotator versions
    first_date: dt.date | None
    last_date: dt.date | None
    undated: int  # articles without a publication date
    near_duplicate_pairs: int
    rejected: tuple[tuple[str, str], ...]  # (path, reason)
    news_sources: tuple[tuple[str, int], ...]  # (source, articles), most first
    bytes: int


@dataclass
class _Tally:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[InputRecord] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    annotated: int = 0
    files: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def result(self) -> AddResult:
        return AddResult(
            tuple(self.new),
            tuple(self.changed),
            tuple(self.unchanged),
            tuple(self.duplicates),
            tuple(self.rejected),
            self.annotated,
            tuple(self.sources),
            tuple(self.files),
            tuple(self.warnings),
        )


def _pack(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 1)


def unpack(blob: bytes, path: Path) -> Any:
    """A stored record; a record that does not decompress or parse is damage."""
    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, TypeError) as err:
        raise StoreDamagedError(str(path), f"a stored record cannot be read ({err})") from err


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def stage_key(name: str) -> str:
    """The key one stage's annotations are cached under: ``timex=8``."""
    return f"{name}={pipeline.stage(name).version}"


def stage_keys(stages: Iterable[str] | None = None) -> tuple[str, ...]:
    """The keys of the stages named (default: every stage there is)."""
    names = ordered(stages) if stages is not None else tuple(s.name for s in pipeline.STAGES)
    return tuple(stage_key(name) for name in names)


def _part_stage(part: Part) -> str:
    return part.stage if isinstance(part, StageFailure) else part.versions[0][0]


def _dct(pub: PublicationDate, opts: Options) -> str:
    """The reference date annotation resolves against ('' when none anchors)."""
    return pub.value.isoformat() if pub.value and pub.anchors(opts.anchor_confidence) else ""


def _stage_dct(name: str, pub: PublicationDate, opts: Options) -> str:
    """The date a stage's row is kept under: ``_dct`` for a stage that reads the
    publication date, '' for one that does not (its row serves every date)."""
    return _dct(pub, opts) if pipeline.stage(name).reads_pub_date else ""


def _anchoring(opts: Options) -> list[str]:
    """The confidences that anchor, padded to four for the ``?2..?5`` of _MISSING_SQL."""
    anchoring = [c.value for c in Confidence if c.at_least(opts.anchor_confidence)]
    return anchoring + ["-"] * (len(Confidence) - len(anchoring))


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` (default ``./.dateline/corpus.db``)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    return Store(connect(path), path)


class Store:
    """A corpus store. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        err: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a read-only store or a full disk becomes an
        :class:`EnvironmentProblemError` naming the store and the fix."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as err:
            if is_environment_error(err):
                raise environment_error(self.path, err) from err
            if is_damage(err):
                raise StoreDamagedError(str(self.path), str(err)) from err
            raise

    # -- adding -------------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[str | Path],
        opts: Options | None = None,
        progress: bool | None = None,
        stages: Sequence[str] = TIMELINE_STAGES,
    ) -> AddResult:
        """Ingest every article under ``paths`` not already stored, and run the stages
        named on every stored article that has no annotations from them yet."""
        opts = opts or Options()
        given = input_list(paths, opts)
        roots = [Path(p) for p in given if not is_virtual(p)]
        tally = _Tally()
        found = discover(given, opts.include, opts.exclude)
        tally.files = [str(f.resolve()) for f in found.files]
        tally.rejected += found.rejections()
        manifest, context = _load_manifests(roots, opts)
        todo = self._scan(found.files, context, tally)
        virtual = self._scan_virtual(found, opts, context, tally, todo)
        files = _FilesInFlight({scan.key: scan for scan in todo}, context)
        items = self._plan(todo, roots, manifest, files, virtual)
        work = partial(ingest_many, opts=opts, stages=ordered(stages))
        total = (
            None
            if any(s.path.suffix.lower() in {".jsonl", ".json", ".ndjson"} for s in todo)
            else len(todo)
        )
        with Progress(total, "articles", show=progress) as bar:
            for batch in map_chunks(work, items, opts, n_items=len(todo)):
                self._write_batch(batch, opts, tally, files)
                bar.advance(len(batch))
        self._remember_files(files.unrecorded(), context)
        self._infer_years()
        self._estimate_dates(grown=bool(tally.new or tally.changed))
        if curation.has_table(self.db):  # no re-dating overrides a person's date
            with self.transaction() as db:
                curation.reapply_dates(db)
        tally.annotated += self._annotate_missing(opts, stages, progress)
        log.info(
            "added: %d new, %d changed, %d unchanged, %d duplicates, %d rejected",
            len(tally.new),
            len(tally.changed),
            len(tally.unchanged),
            len(tally.duplicates),
            len(tally.rejected),
        )
        return tally.result()

    def _scan(self, files: Sequence[Path], context: str, tally: _Tally) -> list[FileScan]:
        """Files that need reading; inputs of unchanged files go straight to the tally."""
        cache = {row[0]: row[1:] for row in self.db.execute("SELECT * FROM files")}
        todo: list[FileScan] = []
        seen: set[str] = set()
        for path in files:
            key = str(path.resolve())
            if key in seen:  # the same file under two of the paths given
                continue
            seen.add(key)
            stat = path.stat()
            cached = cache.get(key)
            if cached and cached[:2] == (stat.st_size, stat.st_mtime_ns) and cached[3] == context:
                self._tally_unchanged(key, tally)
                continue
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            scan = FileScan(path, key, stat.st_size, stat.st_mtime_ns, sha)
            if cached and cached[2] == sha and cached[3] == context:
                self._tally_unchanged(key, tally)  # touched, not edited
                self._remember_files([scan], context)
                continue
            todo.append(scan)
        return todo

    def _scan_virtual(
        self, found: Discovery, opts: Options, context: str, tally: _Tally, todo: list[FileScan]
    ) -> dict[str, list[RawDocument]]:
        """Standard input and URLs, read now: each is a "file" keyed by its URL (or, for
        standard input, by its content), and unchanged when its text is."""
        groups: dict[str, list[RawDocument]] = {}
        for doc in read_virtual(found, opts):
            if isinstance(doc, InputError):
                reason = f"{doc.problem} ({doc.fix})" if doc.fix else doc.problem
                tally.rejected.append(InputRecord(doc.path, InputStatus.REJECTED, reason))
            else:
                name = STDIN_NAME if doc.path.startswith(STDIN_NAME) else doc.path
                groups.setdefault(name, []).append(doc)
        cache = {row[0]: row[1:] for row in self.db.execute("SELECT * FROM files")}
        virtual: dict[str, list[RawDocument]] = {}
        for name, docs in groups.items():
            text = "\x00".join(d.text for d in docs).encode()
            sha = hashlib.sha256(text).hexdigest()
            key = f"{name}@{sha[:16]}" if name == STDIN_NAME else name
            tally.files.append(key)
            cached = cache.get(key)
            scan = FileScan(Path(name), key, len(text), 0, sha)
            if cached and cached[2] == sha and cached[3] == context:
                self._tally_unchanged(key, tally)
                continue
            virtual[key] = docs
            todo.append(scan)
        return virtual

    def _tally_unchanged(self, file: str, tally: _Tally) -> None:
        for key, article_id in self.db.execute(
            "SELECT key, article_id FROM sources WHERE file = ?", (file,)
        ):
            tally.unchanged.append(article_id)
            tally.sources.append(key)
        tally.rejected += [
            InputRecord(path, InputStatus.REJECTED, reason)
            for path, reason in self.db.execute(
                "SELECT path, reason FROM rejected WHERE file = ?", (file,)
            )
        ]

    def _plan(
        self,
        todo: Sequence[FileScan],
        roots: Sequence[Path],
        manifest: dict[str, ManifestEntry],
        files: _FilesInFlight,
        virtual: dict[str, list[RawDocument]],
    ) -> Iterator[IngestItem | Ingested]:
        """Documents to send to workers, each with a store-wide unique article id."""
        known = dict(self.db.execute("SELECT key, article_id FROM sources").fetchall())
        used = set(known.values())
        # Same bytes, same cleaned text: a copy of a known file needs no annotating.
        known_bytes = {sha for (sha,) in self.db.execute("SELECT sha256 FROM files")}
        for scan in todo:
            annotate = scan.sha256 not in known_bytes
            known_bytes.add(scan.sha256)
            root = next((r for r in roots if r in scan.path.parents), scan.path.parent)
            try:
                docs = virtual[scan.key] if scan.key in virtual else list(read_file(scan.path))
            except InputError as err:
                reason = f"{err.problem} ({err.fix})" if err.fix else err.problem
                files.pending[scan.key] = 1
                yield Ingested(scan.key, str(scan.path), scan.key, "", (), rejection=reason)
                continue
            files.pending[scan.key] = len(docs)
            for doc in docs:
                key = scan.key + ("#" + doc.path.rsplit("#", 1)[1] if "#" in doc.path else "")
                name = (
                    virtual_id(doc) if scan.key in virtual else article_id_for(doc, scan.path, root)
                )
                article_id = known.get(key) or unique_id(name, used)
                used.add(article_id)
                entry = manifest.get(str(Path(doc.path.split("#")[0]).resolve()))
                yield IngestItem(doc, article_id, entry, key, scan.key, annotate)

    def _write_batch(
        self, batch: Sequence[Ingested], opts: Options, tally: _Tally, files: _FilesInFlight
    ) -> None:
        with self.transaction() as db:
            for done in batch:
                if done.article is None:
                    self._write_rejection(db, done, tally)
                else:
                    self._write_accepted(db, done, tally)
                    if done.parts:
                        self._write_annotations(
                            db, done.content_hash, done.article.pub_date, opts, done.parts
                        )
                        tally.annotated += 1
            # A file whose every document is in this transaction is done: a killed run
            # resumes after it instead of reading and cleaning it again.
            finished = files.finish(done.file for done in batch)
            db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                [(s.key, s.size, s.mtime_ns, s.sha256, files.context) for s in finished],
            )

    def _write_rejection(self, db: sqlite3.Connection, done: Ingested, tally: _Tally) -> None:
        db.execute("DELETE FROM sources WHERE key = ?", (done.key,))
        db.execute(
            "INSERT OR REPLACE INTO rejected VALUES (?, ?, ?, ?, ?)",
            (done.key, done.path, done.file, done.rejection, _now()),
        )
        tally.rejected.append(
            InputRecord(done.path, InputStatus.REJECTED, done.rejection, warnings=done.warnings)
        )

    @staticmethod
    def _claim_id(db: sqlite3.Connection, done: Ingested) -> Ingested:
        """``done`` with an article id that is its own in the store, checked inside the
        write transaction: a concurrent ``add`` may have taken the id planned from the
        earlier snapshot (then the next free ``~N`` is used) or stored this very input."""
        assert done.article is not None
        (mine,) = db.execute(
            "SELECT article_id FROM sources WHERE key = ?", (done.key,)
        ).fetchone() or (None,)
        article_id = mine or done.article_id
        base, n = article_id, 2
        while (
            mine is None
            and db.execute("SELECT 1 FROM sources WHERE article_id = ?", (article_id,)).fetchone()
        ):
            article_id, n = f"{base}~{n}", n + 1
        if article_id == done.article_id:
            return done
        return replace(done, article_id=article_id, article=replace(done.article, id=article_id))

    def _write_accepted(self, db: sqlite3.Connection, done: Ingested, tally: _Tally) -> None:
        done = self._claim_id(db, done)
        assert done.article is not None
        tally.warnings += [(done.path, w) for w in done.warnings]
        row = db.execute("SELECT hash FROM sources WHERE key = ?", (done.key,)).fetchone()
        stored = db.execute(
            "SELECT 1 FROM articles WHERE hash = ?", (done.content_hash,)
        ).fetchone()
        if not stored:
            self._insert_article(db, done)
        redated = bool(stored) and self._take_explicit_date(db, done)
        if row and row[0] == done.content_hash and not redated:
            tally.unchanged.append(done.article_id)
        elif row:
            tally.changed.append(done.article_id)
        else:
            (tally.duplicates if stored else tally.new).append(done.article_id)
        db.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE "
            "SET hash = excluded.hash, pub_date = excluded.pub_date, "
            "warnings = excluded.warnings, path = excluded.path",
            (
                done.key,
                done.path,
                done.file,
                done.article_id,
                done.content_hash,
                json.dumps(codec.encode_pub_date(done.article.pub_date)),
                json.dumps(done.warnings),
                _now(),
            ),
        )
        db.execute("DELETE FROM rejected WHERE key = ?", (done.key,))
        tally.sources.append(done.key)

    def _take_explicit_date(self, db: sqlite3.Connection, done: Ingested) -> bool:
        """A stored text whose input now gives an explicit date it did not have (a
        manifest added or corrected, metadata fixed) takes that date: the article row
        keeps the text as first seen, and before this a manifest never reached a text
        already stored. Inferred and estimated dates are the store's own work, made
        again after the add; a person's date is re-applied by the curation after it."""
        pub = done.article.pub_date if done.article else None
        if pub is None or pub.confidence is not Confidence.EXPLICIT:
            return False
        (data,) = db.execute(
            "SELECT data FROM articles WHERE hash = ?", (done.content_hash,)
        ).fetchone()
        article = codec.decode_article(unpack(data, self.path))
        if article.pub_date == pub or article.pub_date.source == curation.USER_SOURCE:
            return False
        _write_article_date(db, done.content_hash, replace(article, pub_date=pub))
        return True

    def _insert_article(self, db: sqlite3.Connection, done: Ingested) -> None:
        article = done.article
        assert article is not None
        pub = article.pub_date
        cursor = db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                done.content_hash,
                _pack(codec.encode_article(article)),
                article.title,
                article.source,
                pub.value.isoformat() if pub.value else None,
                pub.confidence.value,
                pub.source,
                pub.partial,
                len(article.text),
                done.signature,
                _now(),
            ),
        )
        db.execute(
            "INSERT INTO article_fts(rowid, title, text) VALUES (?, ?, ?)",
            (cursor.lastrowid, article.title or "", article.text),
        )
        if done.signature:
            self._link_near_duplicates(db, done.content_hash, done.signature)

    def _link_near_duplicates(
        self, db: sqlite3.Connection, text_hash: str, signature: bytes
    ) -> None:
        bands = lsh_bands(signature)
        candidates: set[str] = set()
        for band, bucket in bands:
            candidates.update(
                h
                for (h,) in db.execute(
                    "SELECT hash FROM minhash_bands WHERE band = ? AND bucket = ?", (band, bucket)
                )
            )
        mine = np.frombuffer(signature, np.uint64)
        for other in sorted(candidates - {text_hash}):
            (blob,) = db.execute(
                "SELECT signature FROM articles WHERE hash = ?", (other,)
            ).fetchone()
            similarity = float(np.mean(np.frombuffer(blob, np.uint64) == mine))
            if similarity >= NEAR_DUPLICATE:
                pair = sorted((text_hash, other))
                db.execute(
                    "INSERT OR IGNORE INTO near_duplicates VALUES (?, ?, ?)", (*pair, similarity)
                )
        db.executemany(
            "INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
            [(band, bucket, text_hash) for band, bucket in bands],
        )

    @staticmethod
    def _write_annotations(
        db: sqlite3.Connection,
        text_hash: str,
        pub: PublicationDate,
        opts: Options,
        parts: Iterable[Part],
    ) -> None:
        """One row per stage, under the stage's own key."""
        for part in parts:
            name = _part_stage(part)
            if isinstance(part, Annotations):
                data: bytes | None = _pack(codec.encode_annotations(part))
                problem = None
            else:
                data, problem = None, part.problem  # recorded so a re-run does not retry it
            db.execute(
                "INSERT OR REPLACE INTO annotations VALUES (?, ?, ?, ?, ?)",
                (text_hash, stage_key(name), _stage_dct(name, pub, opts), data, problem),
            )

    def _remember_files(self, scans: Sequence[FileScan], context: str) -> None:
        """Record files as done; only after their articles are committed (crash safety)."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                [(s.key, s.size, s.mtime_ns, s.sha256, context) for s in scans],
            )

    def _infer_years(self) -> None:
        """Give yearless dateline dates a year from the whole store's confidently dated articles."""
        dates = [
            d
            for (d,) in self.db.execute(
                "SELECT pub_date FROM articles WHERE pub_confidence IN (?, ?) "
                "AND pub_date IS NOT NULL",
                (Confidence.EXPLICIT.value, Confidence.INFERRED.value),
            )
        ]
        rows = self.db.execute(
            "SELECT hash, data FROM articles WHERE pub_date IS NULL AND pub_partial IS NOT NULL"
        ).fetchall()
        if not dates or not rows:
            return
        # infer_missing_years reads the range and the neighbourhoods off anchored
        # articles: one text-less marker per dated article stands for it.
        markers = [
            Article(
                "", "", "", PublicationDate(dt.date.fromisoformat(d), Confidence.EXPLICIT, "store")
            )
            for d in dates
        ]
        partial_ones = [codec.decode_article(unpack(data, self.path)) for _, data in rows]
        inferred = infer_missing_years(markers + partial_ones)[len(markers) :]
        with self.transaction() as db:
            for (text_hash, _), before, article in zip(rows, partial_ones, inferred, strict=True):
                pub = article.pub_date
                if pub == before.pub_date:  # a year unknown still changes the evidence
                    continue
                _write_article_date(db, text_hash, article)

    def _estimate_dates(self, grown: bool = True) -> None:
        """Date the store's undated articles from their content and the dated ones, as
        load_articles does; earlier estimates are made again, so the store gets what
        estimating its whole contents at once gives. An established date (explicit,
        inferred, a user's) is never touched."""
        # Estimates are made again only when articles came in or the estimator changed
        # (an add of nothing new leaves them, and skips reading every stored text).
        current = self._setting("estimator") == ESTIMATOR_VERSION
        grown = grown or not current
        which = "pub_date IS NULL OR pub_source = 'content'" if grown else "pub_date IS NULL"
        if not self.db.execute(f"SELECT 1 FROM articles WHERE {which} LIMIT 1").fetchone():
            if not current:
                self._record_estimator()
            return
        rows = self.db.execute("SELECT hash, data FROM articles ORDER BY rowid").fetchall()
        articles = [codec.decode_article(unpack(data, self.path)) for _, data in rows]
        estimated = estimate_dates(articles)
        with self.transaction() as db:
            for (text_hash, _), before, article in zip(rows, articles, estimated, strict=True):
                pub = article.pub_date
                if pub == before.pub_date:
                    continue
                _write_article_date(db, text_hash, article)
        if not current:
            self._record_estimator()

    def _setting(self, key: str) -> str | None:
        """A value of the settings table; None when unset or the store predates the table."""
        if not self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
        ).fetchone():
            return None
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _record_estimator(self) -> None:
        with self.transaction() as db:
            db.execute(SETTINGS_TABLE)  # a store made before the table has none yet
            db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('estimator', ?)",
                (ESTIMATOR_VERSION,),
            )

    def _annotate_missing(
        self,
        opts: Options,
        stages: Sequence[str] = TIMELINE_STAGES,
        progress: bool | None = None,
        prune: bool = True,
        within: Collection[str] | None = None,
    ) -> int:
        """Run the stages named on stored articles with no annotations from them for the
        current versions and date; the number of articles that needed it.

        Catches what a batch did not annotate: a killed run, yearless dates inferred
        afterwards, new stage versions, a different ``anchor_confidence``, a stage asked
        for the first time. Stale versions are deleted afterwards. ``within``: only
        these content hashes.
        """
        missing: dict[str, list[str]] = {}
        for name in ordered(stages):
            if pipeline.stage(name).reads_pub_date:
                rows = self.db.execute(_MISSING_SQL, (stage_key(name), *_anchoring(opts)))
            else:
                rows = self.db.execute(_MISSING_ANY_DATE_SQL, (stage_key(name),))
            for (text_hash,) in rows:
                if within is None or text_hash in within:
                    missing.setdefault(text_hash, []).append(name)
        groups: dict[tuple[str, ...], list[str]] = {}
        for text_hash, names in missing.items():
            groups.setdefault(tuple(names), []).append(text_hash)
        with Progress(len(missing), "articles annotated", show=progress) as bar:
            for todo, hashes in groups.items():
                articles = (self._article(h) for h in hashes)
                work = partial(run_stages, opts=opts, stages=todo)
                for batch in map_chunks(work, articles, opts, n_items=len(hashes)):
                    self._write_annotation_batch(batch, opts)
                    bar.advance(len(batch))
        if prune:
            keys = stage_keys()
            with self.transaction() as db:
                db.execute(
                    f"DELETE FROM annotations WHERE versions NOT IN ({', '.join('?' * len(keys))})",
                    keys,
                )
        return len(missing)

    def _write_annotation_batch(
        self, batch: Sequence[tuple[str, tuple[Part, ...]]], opts: Options
    ) -> None:
        with self.transaction() as db:
            # _article() sets the article id to the content hash, so it comes back here
            for text_hash, parts in batch:
                (data,) = db.execute(
                    "SELECT data FROM articles WHERE hash = ?", (text_hash,)
                ).fetchone()
                pub = codec.decode_pub_date(unpack(data, self.path)["pub_date"])
                self._write_annotations(db, text_hash, pub, opts, parts)

    def _article(self, text_hash: str) -> Article:
        (data,) = self.db.execute(
            "SELECT data FROM articles WHERE hash = ?", (text_hash,)
        ).fetchone()
        return replace(codec.decode_article(unpack(data, self.path)), id=text_hash)

    # -- reading ------------------------------------------------------------------------

    def corpus(
        self,
        opts: Options | None = None,
        only: AddResult | None = None,
        query: str | None = None,
        stages: Sequence[str] = TIMELINE_STAGES,
    ) -> Corpus:
        """The stored articles with the annotations of the stages named, as a :class:`Corpus`.

        ``only`` restricts it to the inputs of one add; ``query`` to articles the
        full-text index matches (see :func:`search`). Articles stored without
        annotations from these stages for these options (another ``anchor_confidence``)
        are annotated now.
        """
        opts = opts or Options()
        matching = set(search_hashes(self.db, query)) if query is not None else None
        # a query's corpus needs annotating only where it matches (a briefing's spaCy stage)
        self._annotate_missing(opts, stages, prune=False, within=matching)
        keys = set(only.sources) if only is not None else None
        sources = [
            row
            for row in self.db.execute(
                "SELECT key, path, article_id, hash, warnings FROM sources ORDER BY rowid"
            )
            if keys is None or row[0] in keys
        ]
        if matching is not None:
            sources = [row for row in sources if row[3] in matching]
        primary: dict[str, tuple[str, str]] = {}
        for _, path, article_id, text_hash, _ in sources:
            primary.setdefault(text_hash, (article_id, path))
        articles = self._load_articles(primary)
        annotations, failures = self._load_annotations(primary, articles, opts, stages)
        records = [
            InputRecord(
                path,
                InputStatus.ACCEPTED,
                article_id=primary[text_hash][0],
                warnings=(
                    *(json.loads(warnings) if warnings != "[]" else ()),
                    *map(str, failures.get(text_hash, ())),
                ),
            )
            for _, path, _, text_hash, warnings in sources
        ]
        if only is not None:  # in reading order, as build_corpus reports them
            position = {file: i for i, file in enumerate(only.files)}
            records = sorted(
                [*records, *only.rejected], key=lambda r: _input_order(r.path, position)
            )
        else:
            records += self._rejected_records()
        by_id = sorted(articles.items(), key=lambda item: item[1].id)
        lost = tuple(f for text_hash, _ in by_id for f in failures.get(text_hash, ()))
        corpus = Corpus(tuple(a for _, a in by_id), annotations, RunReport(tuple(records)), lost)
        return curation.attach(self.db, corpus, {aid: h for h, (aid, _) in primary.items()})

    def _load_articles(self, primary: dict[str, tuple[str, str]]) -> dict[str, Article]:
        articles = {}
        for text_hash, data in self._rows_by_hash("SELECT hash, data FROM articles", primary):
            article_id, path = primary[text_hash]
            articles[text_hash] = replace(
                codec.decode_article(unpack(data, self.path)), id=article_id, path=path
            )
        return articles

    def _load_annotations(
        self,
        primary: dict[str, tuple[str, str]],
        articles: dict[str, Article],
        opts: Options,
        stages: Sequence[str],
    ) -> tuple[dict[str, Annotations], dict[str, list[StageFailure]]]:
        """Annotations by article id, and failures by content hash, in stage order."""
        keys = stage_keys(stages)
        found: dict[str, Annotations] = {}
        failures: dict[str, list[StageFailure]] = {}
        rows = sorted(
            self._rows_by_hash(
                "SELECT hash, dct, data, problem, versions FROM annotations",
                primary,
                f"versions IN ({', '.join('?' * len(keys))})",
                keys,
            ),
            key=lambda row: keys.index(row[4]),
        )
        seen: set[tuple[str, str]] = set()
        for text_hash, dct, data, problem, key in rows:
            article = articles[text_hash]
            name = key.split("=", 1)[0]
            # A stage that reads no date is good under any: stores written before such
            # rows were kept under '' may hold one per date, the first will do.
            if pipeline.stage(name).reads_pub_date:
                if dct != _dct(article.pub_date, opts):
                    continue
            elif (text_hash, key) in seen:
                continue
            seen.add((text_hash, key))
            if data is None:
                failure = StageFailure(name, article.id, problem)
                failures.setdefault(text_hash, []).append(failure)
            else:
                part = codec.decode_annotations(unpack(data, self.path), article.id)
                found[article.id] = combine(found.get(article.id), part)
        return found, failures

    def _rows_by_hash(
        self, select: str, wanted: Collection[str], where: str = "", params: tuple[Any, ...] = ()
    ) -> Iterator[tuple[Any, ...]]:
        """Rows for the wanted hashes; a full scan when most are wanted, else by key."""
        condition = f" WHERE {where}" if where else ""
        if len(wanted) > 500:
            yield from (r for r in self.db.execute(select + condition, params) if r[0] in wanted)
            return
        joiner = " AND " if where else ""
        for text_hash in wanted:
            yield from self.db.execute(
                f"{select} WHERE {where}{joiner}hash = ?", (*params, text_hash)
            )

    def _rejected_records(self) -> list[InputRecord]:
        return [
            InputRecord(path, InputStatus.REJECTED, reason)
            for path, reason in self.db.execute("SELECT path, reason FROM rejected ORDER BY path")
        ]

    def near_duplicates(self) -> list[tuple[str, str, float]]:
        """(article id, article id, estimated Jaccard) for every near-duplicate pair."""
        names = self._primary_ids()
        return [
            (names[a], names[b], sim)
            for a, b, sim in self.db.execute("SELECT a, b, similarity FROM near_duplicates")
            if a in names and b in names
        ]

    def _primary_ids(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for text_hash, article_id in self.db.execute(
            "SELECT hash, article_id FROM sources ORDER BY rowid"
        ):
            names.setdefault(text_hash, article_id)
        return names

    def stats(self) -> StoreStats:
        one = self._one
        live = "hash IN (SELECT hash FROM sources)"
        first, last = self.db.execute(
            f"SELECT min(pub_date), max(pub_date) FROM articles WHERE {live}"
        ).fetchone()
        news = self.db.execute(
            f"SELECT coalesce(source, '(unknown)'), count(*) AS n FROM articles WHERE {live} "
            "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 20"
        ).fetchall()
        page_size, pages = one("PRAGMA page_size"), one("PRAGMA page_count")
        return StoreStats(
            path=str(self.path),
            articles=one(f"SELECT count(*) FROM articles WHERE {live}"),
            sources=one("SELECT count(*) FROM sources"),
            annotated=self._annotated(),
            first_date=dt.date.fromisoformat(first) if first else None,
            last_date=dt.date.fromisoformat(last) if last else None,
            undated=one(f"SELECT count(*) FROM articles WHERE pub_date IS NULL AND {live}"),
            near_duplicate_pairs=one("SELECT count(*) FROM near_duplicates"),
            rejected=tuple(self.db.execute("SELECT path, reason FROM rejected ORDER BY path")),
            news_sources=tuple((s, n) for s, n in news),
            bytes=page_size * pages,
        )

    def _annotated(self) -> int:
        """Articles with the annotations of every model-free stage from its current version."""
        keys = stage_keys(TIMELINE_STAGES)
        return int(
            self._one(
                "SELECT count(*) FROM (SELECT hash FROM annotations WHERE versions IN "
                f"({', '.join('?' * len(keys))}) AND data IS NOT NULL GROUP BY hash "
                "HAVING count(DISTINCT versions) = ?)",
                (*keys, len(keys)),
            )
        )

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.db.execute(sql, params).fetchone()[0]


_MISSING_SQL = """
SELECT a.hash FROM articles AS a
WHERE a.hash IN (SELECT hash FROM sources)
  AND NOT EXISTS (
    SELECT 1 FROM annotations AS n WHERE n.hash = a.hash AND n.versions = ?1
      AND n.dct = CASE WHEN a.pub_date IS NOT NULL AND a.pub_confidence IN ({anchoring})
                       THEN a.pub_date ELSE '' END)
"""
_MISSING_SQL = _MISSING_SQL.replace("{anchoring}", ", ".join(f"?{i}" for i in range(2, 6)))
# For a stage that reads no publication date: a row under any date will do.
_MISSING_ANY_DATE_SQL = """
SELECT a.hash FROM articles AS a
WHERE a.hash IN (SELECT hash FROM sources)
  AND NOT EXISTS (SELECT 1 FROM annotations AS n WHERE n.hash = a.hash AND n.versions = ?1)
"""


def _write_article_date(db: sqlite3.Connection, text_hash: str, article: Article) -> None:
    """The stored article and its date columns, after its publication date changed."""
    pub = article.pub_date
    db.execute(
        "UPDATE articles SET data = ?, pub_date = ?, pub_confidence = ?, pub_source = ?, "
        "pub_partial = ? WHERE hash = ?",
        (
            _pack(codec.encode_article(article)),
            pub.value.isoformat() if pub.value else None,
            pub.confidence.value,
            pub.source,
            pub.partial,
            text_hash,
        ),
    )


@dataclass
class _FilesInFlight:
    """Files being added, and how many of their documents are not yet committed."""

    scans: dict[str, FileScan]
    context: str
    pending: dict[str, int] = field(default_factory=dict)
    recorded: set[str] = field(default_factory=set)

    def finish(self, file_keys: Iterable[str]) -> list[FileScan]:
        """Count one committed document per key; the files with none left."""
        done = []
        for key in file_keys:
            if key not in self.pending:
                continue
            self.pending[key] -= 1
            if self.pending[key] <= 0:
                del self.pending[key]
                self.recorded.add(key)
                done.append(self.scans[key])
        return done

    def unrecorded(self) -> list[FileScan]:
        """The files not recorded with a batch (those that gave no document at all)."""
        return [scan for key, scan in self.scans.items() if key not in self.recorded]


def _input_order(path: str, position: dict[str, int]) -> tuple[int, int]:
    """Where an input came in reading order: its file's place, then its record's."""
    file, _, record = path.partition("#")
    return position.get(str(Path(file).resolve()), -1), int(record) if record.isdigit() else -1


def _load_manifests(roots: list[Path], opts: Options) -> tuple[dict[str, ManifestEntry], str]:
    """Manifest entries, and a fingerprint of everything besides a file that shapes its
    articles: when it changes, cached files are read again."""
    entries: dict[str, ManifestEntry] = {}
    fingerprint = hashlib.sha256(f"use_mtime={opts.use_mtime} ingest={INGEST_VERSION}".encode())
    for manifest in manifest_paths(roots, opts):
        entries.update(read_manifest(manifest))
        fingerprint.update(manifest.read_bytes())
    return entries, fingerprint.hexdigest()[:16]
