"""The full check of a store: every page, every index, every stored record.

Opening a store runs SQLite's ``quick_check`` (see :mod:`dateline.store.schema`); this is
the thorough one behind ``dateline check``: ``integrity_check`` (every page and index,
the full-text index's tables included) and every compressed record decoded. It opens the
file read-only, so checking never changes what it checks.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.store.schema import APPLICATION_ID

MAX_PROBLEMS = 20  # listed in a report; the first few say what a user needs to know


@dataclass(frozen=True)
class IntegrityReport:
    path: str
    articles: int  # stored records read back whole
    annotations: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(path: str | Path) -> IntegrityReport:
    """Every check there is on the store at ``path``; raises :class:`InputError` when
    the file is missing or is not a dateline store."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such store", "create it with 'dateline add PATH'")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _check(db, path)
    finally:
        db.close()


def _check(db: sqlite3.Connection, path: Path) -> IntegrityReport:
    problems: list[str] = []
    try:
        (app,) = db.execute("PRAGMA application_id").fetchone()
    except sqlite3.DatabaseError as err:
        return IntegrityReport(str(path), 0, 0, (f"the file cannot be read as SQLite: {err}",))
    if app != APPLICATION_ID:
        raise InputError(
            str(path), "is not a dateline store", "give --store a store made by 'dateline add'"
        )
    problems += _sqlite_problems(db)
    articles, bad = _decoded(db, "SELECT hash, data FROM articles")
    problems += [f"article {h}: its record cannot be read ({why})" for h, why in bad]
    annotations, bad = _decoded(db, "SELECT hash, data FROM annotations WHERE data IS NOT NULL")
    problems += [f"annotations of {h}: the record cannot be read ({why})" for h, why in bad]
    return IntegrityReport(str(path), articles, annotations, tuple(problems[:MAX_PROBLEMS]))


def _sqlite_problems(db: sqlite3.Connection) -> list[str]:
    found: list[str] = []
    try:
        rows = [r[0] for r in db.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
        found += [] if rows == ["ok"] else rows
    except sqlite3.DatabaseError as err:
        found.append(f"pages or indexes damaged: {err}")
    return found


def _decoded(db: sqlite3.Connection, sql: str) -> tuple[int, list[tuple[str, str]]]:
    """Records read back whole, and those that do not decompress or parse."""
    good, bad = 0, []
    try:
        for text_hash, blob in db.execute(sql):
            try:
                json.loads(zlib.decompress(blob))
                good += 1
            except (zlib.error, ValueError, TypeError) as err:
                bad.append((str(text_hash)[:12], str(err)))
    except sqlite3.DatabaseError as err:
        bad.append(("(table scan)", str(err)))
    return good, bad
