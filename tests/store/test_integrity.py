"""A damaged store is found on open, never written into, and reported with the fix."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from dateline.errors import StoreDamagedError
from dateline.options import Options
from dateline.store import open_store
from dateline.store.integrity import check_store
from tests.builders import SYRIA, run_cli


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "healthy.db"
    with open_store(path) as store:
        store.add([SYRIA], Options(workers=1))
    # Large enough that damage in the middle lands on article and annotation pages.
    assert path.stat().st_size > 16 * 1024
    return path


def _damaged_copy(healthy: Path, where: Path, seed: int) -> Path:
    """The store with 8 KB of random bytes written over its middle."""
    copy = where / f"damaged-{seed}.db"
    shutil.copy(healthy, copy)
    size = copy.stat().st_size
    with copy.open("r+b") as f:
        f.seek(size // 2 - 4096)
        f.write(random.Random(seed).randbytes(8192))
    return copy


def test_a_healthy_store_checks_ok(healthy: Path) -> None:
    report = check_store(healthy)
    assert report.ok and report.articles == 5 and report.annotations >= 10
    result = run_cli("check", "--store", str(healthy))
    assert result.returncode == 0 and "ok (5 articles" in result.stdout


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_damage_is_found_on_open_and_nothing_is_written(
    healthy: Path, tmp_path: Path, seed: int
) -> None:
    damaged = _damaged_copy(healthy, tmp_path, seed)
    before = damaged.read_bytes()
    with pytest.raises(StoreDamagedError, match="restore it from a backup"):
        open_store(damaged)
    for args in (["stats"], ["add", str(SYRIA)], ["timeline"]):
        result = run_cli(*args, "--store", str(damaged))
        assert result.returncode == 3, (args, result.stderr)
        assert "the store is damaged" in result.stderr and "Traceback" not in result.stderr
    assert damaged.read_bytes() == before  # never written into
    checked = run_cli("check", "--store", str(damaged))
    assert checked.returncode == 3 and "damaged" in checked.stderr and "fix:" in checked.stderr


def test_a_record_that_does_not_decompress_is_damage(healthy: Path, tmp_path: Path) -> None:
    """Bytes changed inside a record pass SQLite's page checks; reading it still fails
    with the store's error, and the full check names the record."""
    copy = tmp_path / "bad-record.db"
    shutil.copy(healthy, copy)
    with sqlite3.connect(copy) as db:
        (text_hash,) = db.execute("SELECT hash FROM articles LIMIT 1").fetchone()
        db.execute("UPDATE articles SET data = ? WHERE hash = ?", (b"not zlib", text_hash))
    report = check_store(copy)
    assert not report.ok and text_hash[:12] in report.problems[0]
    with open_store(copy) as store, pytest.raises(StoreDamagedError, match="cannot be read"):
        store.corpus(Options(workers=1))


def test_check_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    result = run_cli("check", "--store", str(other))
    assert result.returncode == 3 and "not a dateline store" in result.stderr
    missing = run_cli("check", "--store", str(tmp_path / "none.db"))
    assert missing.returncode == 3 and "no such store" in missing.stderr
    assert not (tmp_path / "none.db").exists()
