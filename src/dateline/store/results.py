"""Corpus stages' results kept in a store (:mod:`dateline.memo`): a ``results`` table of
signed blobs, the most recently used few kept."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

__all__ = ["RESULTS_TABLE", "StoreMemo", "open_memo"]

log = logging.getLogger(__name__)

RESULTS_TABLE = (
    "CREATE TABLE IF NOT EXISTS results "
    "(key TEXT PRIMARY KEY, blob BLOB NOT NULL, used TEXT NOT NULL)"
)
KEPT = 12  # results kept per store: a few option sets of one corpus's briefing parts


class StoreMemo:
    """A :class:`dateline.memo.Memo` over a store file. A store that cannot be written
    (read-only, locked, full) keeps nothing and misses: results are only a shortcut.

    Each call opens its own connection: none is open while a briefing forks a worker
    (SQLite connections must not cross a fork)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection | None:
        if not self.path.is_file():  # no store there (the cache could not be written)
            return None
        return sqlite3.connect(self.path, isolation_level=None, timeout=5.0)

    def get(self, key: str) -> bytes | None:
        try:
            db = self._connect()
            if db is None:
                return None
            with closing(db):
                row = db.execute("SELECT blob FROM results WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    db.execute("UPDATE results SET used = ? WHERE key = ?", (_now(), key))
        except sqlite3.Error as err:  # no table yet, a read-only store: a miss
            log.debug("kept result not read from %s: %s", self.path, err)
            return None
        return bytes(row[0]) if row is not None else None

    def put(self, key: str, blob: bytes) -> None:
        try:
            db = self._connect()
            if db is None:
                return
            with closing(db):
                db.execute(RESULTS_TABLE)
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, blob, _now()))
                db.execute(
                    "DELETE FROM results WHERE key NOT IN "
                    "(SELECT key FROM results ORDER BY used DESC LIMIT ?)",
                    (KEPT,),
                )
                db.execute("COMMIT")
        except sqlite3.Error as err:  # closing the connection rolls an open write back
            log.debug("result not kept in %s: %s", self.path, err)


def open_memo(path: str | Path) -> StoreMemo:
    """The results kept in the store at ``path`` (which must exist: it holds the corpus)."""
    return StoreMemo(Path(path))


def _now() -> str:
    # microseconds: two results kept in one second still have an order
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
