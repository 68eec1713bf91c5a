"""The corpus store: cold vs warm runs, and incremental adds to a large store.

Usage::

    .venv/bin/python benchmarks/bench_store.py [ARTICLES_DIR] [--size 5000] [--workers 2]

1. ``cached_build_corpus`` on the topic twice: cold (empty store) and warm (unchanged
   files: no cleaning, no annotation; the corpus is read back from SQLite).
2. A ``--size``-article store generated from the topic (each copy gets its own id line,
   so every text is distinct) in a temporary folder, then 10 new articles added to it:
   the time, and what was recomputed.

Nothing is written to the repository; the generated corpus lives in a temp dir.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from dateline.options import Options
from dateline.store import cached_build_corpus, open_store

DEFAULT_ARTICLES = Path("/work/shared/data/t17-dev/bpoil/articles")


def timed(label: str, func, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = func(*args)
    seconds = time.perf_counter() - started
    print(f"{label:<44}{seconds:9.2f}s   load avg {os.getloadavg()[0]:.1f}")
    return result, seconds


def generate(source: Path, target: Path, count: int, tag: str) -> Path:
    """``count`` distinct articles copied from ``source``, keeping the date folders."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    for i in range(count):
        original = files[i % len(files)]
        folder = target / original.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        text = original.read_text(encoding="utf-8", errors="replace")
        (folder / f"{tag}{i:06d}_{original.name}").write_text(
            f"{text}\nWire reference {tag}-{i} .\n", encoding="utf-8"
        )
    return target


def cold_and_warm(articles: Path, opts: Options, tmp: Path) -> None:
    store_path = tmp / "topic.db"
    cold, cold_s = timed(
        "cold cached_build_corpus", cached_build_corpus, [articles], opts, store_path
    )
    warm, warm_s = timed(
        "warm cached_build_corpus (unchanged files)",
        cached_build_corpus,
        [articles],
        opts,
        store_path,
    )
    assert warm.articles == cold.articles and warm.annotations == cold.annotations
    print(f"  {len(cold.articles)} articles; warm = {100 * warm_s / cold_s:.1f}% of cold")


def incremental(articles: Path, opts: Options, tmp: Path, size: int) -> None:
    corpus = generate(articles, tmp / "big", size, "g")
    with open_store(tmp / "big.db") as store:
        first, seconds = timed(f"add {size} generated articles (cold)", store.add, [corpus], opts)
        print(
            f"  {len(first.new)} new, {first.annotated} annotated, "
            f"{len(first.duplicates)} duplicates, {size / seconds:.1f} articles/s"
        )
        generate(articles, corpus, 10, "n")  # 10 more, beside the others
        more, _ = timed("add 10 new articles to the store", store.add, [corpus], opts)
        print(f"  {len(more.new)} new, {len(more.unchanged)} unchanged, {more.annotated} annotated")
        _, _ = timed("read the whole store back as a Corpus", store.corpus, opts)
        stats = store.stats()
        print(
            f"  store: {stats.articles} articles, {stats.bytes / 1e6:.1f} MB, "
            f"{stats.near_duplicate_pairs} near-duplicate pairs"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    opts = Options(workers=args.workers)
    print(f"{os.cpu_count()} cores, workers={args.workers}")
    with tempfile.TemporaryDirectory() as tmp:
        cold_and_warm(args.articles, opts, Path(tmp))
        incremental(args.articles, opts, Path(tmp), args.size)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
