"""The store's SQLite schema: opening a file as a store (version and identity checks,
WAL mode, the tables created on first use), and the full-text query over its index."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from dateline.errors import EnvironmentProblemError, InputError, StoreDamagedError

SCHEMA_VERSION = 1
APPLICATION_ID = 0x444C4E45  # "DLNE": marks a file as a dateline store
DEFAULT_PATH = Path(".dateline") / "corpus.db"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT NOT NULL UNIQUE,      -- sha256 of the cleaned text
    data BLOB NOT NULL,             -- zlib(JSON) of the article as first seen
    title TEXT, source TEXT,
    pub_date TEXT, pub_confidence TEXT NOT NULL, pub_source TEXT NOT NULL, pub_partial TEXT,
    chars INTEGER NOT NULL, signature BLOB, added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY,           -- resolved path; path#n for the n-th JSONL record
    path TEXT NOT NULL,             -- as given
    file TEXT NOT NULL,             -- resolved file the input came from
    article_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL REFERENCES articles(hash),
    pub_date TEXT NOT NULL,         -- JSON: what this input said about the date
    warnings TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_hash ON sources(hash);
CREATE INDEX IF NOT EXISTS sources_file ON sources(file);
CREATE TABLE IF NOT EXISTS annotations (
    hash TEXT NOT NULL, versions TEXT NOT NULL, dct TEXT NOT NULL,  -- '' when none anchors
    data BLOB, problem TEXT,
    PRIMARY KEY (hash, versions, dct)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejected (
    key TEXT PRIMARY KEY, path TEXT NOT NULL, file TEXT NOT NULL, reason TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, context TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS minhash_bands (
    band INTEGER NOT NULL, bucket INTEGER NOT NULL, hash TEXT NOT NULL,
    PRIMARY KEY (band, bucket, hash)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_duplicates (
    a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(title, text, content='');
"""
# What the store's own work (its estimates) was made with. Created on first use too, as
# stores made before it lack it.
SETTINGS_TABLE = "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_SCHEMA += SETTINGS_TABLE + ";\n"


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the store file at ``path``, created with the schema when new."""
    if path.is_dir():
        raise InputError(
            str(path),
            "is a folder, not a store file",
            f"give a file path such as {path / 'corpus.db'}",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise EnvironmentProblemError(
            str(path.parent),
            f"cannot create the store's folder: {err.strerror or err}",
            "give --store a writable place",
        ) from err
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=60.0)
        _check_and_create_patiently(db, path)
        quick_check(db, path)
    except sqlite3.DatabaseError as err:
        if is_environment_error(err):
            raise environment_error(path, err) from err
        if is_damage(err):
            raise StoreDamagedError(str(path), str(err)) from err
        raise InputError(
            str(path),
            f"not a dateline store ({err})",
            "give --store a new file name or a store made by 'dateline add'",
        ) from err
    return db


# quick_check reads every page but not the indexes' agreement with the tables: about
# 50 ms for a 9 MB store on the development machine. Above this size it is left to
# 'dateline check' and to the errors a damaged page raises when it is read.
QUICK_CHECK_MAX_BYTES = 256 * 2**20


def quick_check(db: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`StoreDamagedError` when SQLite finds damaged pages in the store."""
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size == 0 or size > QUICK_CHECK_MAX_BYTES:
        return
    problems = [" ".join(str(row[0]).split()) for row in db.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise StoreDamagedError(str(path), "; ".join(problems))


def is_damage(err: sqlite3.Error) -> bool:
    """True for SQLite's errors about a damaged file (a malformed image, a bad page)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or "malformed" in str(err)


# SQLite result codes that say the machine stands in the way, not that the file is bad.
_ENVIRONMENT_CODES = (
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_PERM",
)


def is_environment_error(err: sqlite3.Error) -> bool:
    """True for a read-only file or folder, a full disk, an I/O error."""
    name = getattr(err, "sqlite_errorname", "") or ""
    return name.startswith(_ENVIRONMENT_CODES)


def environment_error(path: Path, err: sqlite3.Error) -> EnvironmentProblemError:
    """The one-line error, with the fix, for an SQLite failure the machine caused."""
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL"):
        fix = "free disk space and run the command again"
    else:
        fix = (
            "make the store and its folder writable (SQLite writes -wal and -shm files "
            "next to it), or copy the store somewhere writable"
        )
    return EnvironmentProblemError(str(path), f"cannot use the store: {err}", fix)


def _check_and_create_patiently(db: sqlite3.Connection, path: Path) -> None:
    """:func:`_check_and_create`, again while another process holds the new file: the
    switch to WAL takes a lock that SQLite's busy timeout does not wait for."""
    deadline = time.monotonic() + LOCKED_RETRY_SECONDS
    delay = 0.05
    while True:
        try:
            _check_and_create(db, path)
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(1.0, delay * 2)


LOCKED_RETRY_SECONDS = 60.0


def _check_and_create(db: sqlite3.Connection, path: Path) -> None:
    # One statement, one snapshot: another process may be creating the store meanwhile.
    version, app, tables = db.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), "
        "(SELECT application_id FROM pragma_application_id), "
        "(SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if tables and app != APPLICATION_ID:
        raise InputError(
            str(path),
            "is an SQLite database but not a dateline store",
            "give --store a new file name",
        )
    if version > SCHEMA_VERSION:
        raise InputError(
            str(path),
            f"was written by a newer dateline (store schema {version}, "
            f"this version reads {SCHEMA_VERSION})",
            "upgrade dateline",
        )
    db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer, nor it them
    db.execute("PRAGMA synchronous=NORMAL")  # WAL+NORMAL: consistent after any crash
    db.execute("PRAGMA foreign_keys=ON")
    if not tables:
        # IF NOT EXISTS throughout: two processes may race to create the same store
        db.executescript(
            f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA application_id={APPLICATION_ID}; "
            f"PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
        )


def _fts_query(query: str) -> str:
    """Comma-separated phrases, any of which may match: ``oil spill, BP``."""
    phrases = [" ".join(p.split()) for p in query.split(",") if p.strip()]
    return " OR ".join('"' + p.replace('"', '""') + '"' for p in phrases)


def search_hashes(db: sqlite3.Connection, query: str) -> list[str]:
    match = _fts_query(query)
    if not match:
        return []
    return [
        h
        for (h,) in db.execute(
            "SELECT a.hash FROM article_fts AS f JOIN articles AS a ON a.rowid = f.rowid "
            "WHERE article_fts MATCH ? ORDER BY f.rank",
            (match,),
        )
    ]
