"""``kill -9`` at random points during ``dateline add``: nothing lost, nothing doubled,
and every re-run goes on from where the killed one stopped.

Usage::

    .venv/bin/python benchmarks/bench_kill.py [ARTICLES_DIR] [--size 2000] [--kills 100]
                                              [--workers 1] [--seed 0]

A ``--size``-article corpus is generated from ``ARTICLES_DIR`` (each copy gets its own
line, so every text is distinct) in a temporary folder. One store is built without
interruption; then chains of runs on a second store: each run is killed with SIGKILL at a
random moment (up to the time an uninterrupted run takes), the store is checked (opens,
passes ``dateline check``, holds no more sources than the corpus, and holds at least as
many as before the run), and the next run starts; a chain ends with a run left to finish,
whose store must equal the uninterrupted one (articles, sources, annotations, files,
full-text rows). Chains repeat until ``--kills`` kills have been made.

Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_store import generate  # type: ignore[import-not-found]

DEFAULT_ARTICLES = Path("/work/shared/data/t17-dev/bpoil/articles")
COMMAND = [sys.executable, "-c", "from dateline.cli import main; main()"]
DONE = (0, 1)  # finished; 1: some inputs rejected (empty files in the source corpus)


def add(folder: Path, store: Path, workers: int) -> subprocess.Popen[bytes]:
    args = ["add", str(folder), "--store", str(store), "--workers", str(workers)]
    return subprocess.Popen([*COMMAND, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def content(store: Path) -> dict[str, object]:
    """What a store holds, without the times it was written at."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        return {
            "articles": sorted(r[0] for r in db.execute("SELECT hash FROM articles")),
            "sources": sorted(db.execute("SELECT key, article_id, hash FROM sources")),
            "annotations": sorted(
                db.execute("SELECT hash, versions, dct, problem IS NULL FROM annotations")
            ),
            "files": sorted(db.execute("SELECT path, size, sha256 FROM files")),
            "fts": db.execute("SELECT count(*) FROM article_fts").fetchone()[0],
        }


def sources(store: Path) -> int:
    if not store.exists():
        return 0
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        try:
            return int(db.execute("SELECT count(*) FROM sources").fetchone()[0])
        except sqlite3.OperationalError:  # killed before the schema was committed
            return 0


def checked(store: Path) -> bool:
    if not store.exists():
        return True
    result = subprocess.run(
        [*COMMAND, "check", "--store", str(store)], capture_output=True, text=True, check=False
    )
    return result.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = generate(args.articles, tmp / "corpus", args.size, "k")
        started = time.perf_counter()
        clean = tmp / "clean.db"
        assert add(corpus, clean, args.workers).wait() in DONE
        full_s = time.perf_counter() - started
        expected = content(clean)
        print(f"uninterrupted add of {args.size} articles: {full_s:.1f}s")
        kills = chains = 0
        gains: list[int] = []
        while kills < args.kills:
            chains += 1
            store = tmp / f"killed-{chains}.db"
            before = 0
            while kills < args.kills:
                proc = add(corpus, store, args.workers)
                time.sleep(rng.uniform(0.2, full_s))
                if proc.poll() is not None:  # finished before the kill point
                    break
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
                now = sources(store)
                assert checked(store), f"kill {kills}: the store fails its check"
                assert before <= now <= args.size, f"kill {kills}: {before} -> {now} sources"
                gains.append(now - before)
                before = now
            assert add(corpus, store, args.workers).wait() in DONE
            assert content(store) == expected, f"chain {chains}: the store differs"
            print(f"chain {chains}: {kills} kills so far, store equals the uninterrupted one")
        stalled = sum(g == 0 for g in gains)
        print(f"{kills} kills in {chains} chains; every store checked and equal at the end")
        print(
            f"sources gained per killed run: mean {sum(gains) / len(gains):.1f}, "
            f"none gained in {stalled} runs (killed before their first commit)"
        )


if __name__ == "__main__":
    main()
