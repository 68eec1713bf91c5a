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
    (read-only, locked, full) keeps nothing and misses: results are only a shortcut."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        if not path.is_file():  # no store there (the cache could not be written)
            return
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=5.0)
            self._db.execute(RESULTS_TABLE)
        except sqlite3.Error as err:
            log.debug("results not kept in %s: %s", path, err)
            self.close()

    def get(self, key: str) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT blob FROM results WHERE key = ?", (key,)).fetchone()
            if row is not None:
                self._db.execute("UPDATE results SET used = ? WHERE key = ?", (_now(), key))
        except sqlite3.Error as err:
            log.debug("kept result not read from %s: %s", self.path, err)
            return None
        return bytes(row[0]) if row is not None else None

    def put(self, key: str, blob: bytes) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, blob, _now()))
            self._db.execute(
                "DELETE FROM results WHERE key NOT IN "
                "(SELECT key FROM results ORDER BY used DESC LIMIT ?)",
                (KEPT,),
            )
            self._db.execute("COMMIT")
        except sqlite3.Error as err:
            log.debug("result not kept in %s: %s", self.path, err)
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def open_memo(path: str | Path) -> closing[StoreMemo]:
    """The results kept in the store at ``path`` (which must exist: it holds the
    corpus), closed at the end of a ``with`` block."""
    return closing(StoreMemo(Path(path)))


def _now() -> str:
    # microseconds: two results kept in one second still have an order
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
