"""A synthetic 100,000-article corpus: ingest time, store size, peak memory, and the time
of a keyword timeline query against the store.

    python benchmarks/bench_scale.py [ARTICLES_DIR] [--size 100000] [--workers 2]

The corpus is generated in a temporary folder from the Timeline17 dev articles (all topics;
each copy with its own id line and its publication date moved by a few years, so texts and dates
vary) and removed afterwards; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import tempfile
import time
from pathlib import Path

from dateline.options import Options
from dateline.store import corpus_from_store, open_store
from dateline.timeline import build_timeline

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared/data/t17-dev"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(source: Path, target: Path, count: int) -> None:
    """``count`` distinct articles in ``YYYY-MM-DD`` folders, dates shifted by 0-9 years."""
    files = sorted(
        p
        for p in source.rglob("*")
        if p.is_file() and p.stat().st_size and p.parent.parent.name == "articles"
    )
    texts = [
        (p.parent.name, p.name, p.read_text(encoding="utf-8", errors="replace")) for p in files
    ]
    for i in range(count):
        folder_name, name, text = texts[i % len(texts)]
        day = dt.date.fromisoformat(folder_name)
        shifted = (
            day.replace(year=day.year + (i // len(texts)) % 10)
            if not (day.month == 2 and day.day == 29)
            else day
        )
        folder = target / shifted.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"s{i:06d}_{name}").write_text(
            f"{text}\nSynthetic copy {i} .\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.articles.exists():
        print(f"no data at {args.articles}")
        return
    tmp = Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    try:
        run(args.articles, args.size, args.workers, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(articles: Path, size: int, workers: int, tmp: Path) -> None:
    started = time.perf_counter()
    generate(articles, tmp / "corpus", size)
    print(f"generated {size:,} articles in {time.perf_counter() - started:.0f} s")
    opts = Options(workers=workers)
    db = tmp / "scale.db"
    started = time.perf_counter()
    with open_store(db) as store:
        result = store.add([tmp / "corpus"], opts)
    ingest = time.perf_counter() - started
    print(
        f"ingest: {len(result.new):,} new, {len(result.rejected)} rejected in {ingest:.0f} s "
        f"({size / ingest:.0f} articles/s); store {db.stat().st_size / 1e6:.0f} MB; "
        f"peak memory so far {peak_mb():.0f} MB"
    )
    query = opts.but(keywords=("egypt", "egyptian"), dates=30, sentences=2)
    started = time.perf_counter()
    corpus = corpus_from_store(db, query, prefilter=True)
    timeline = build_timeline(corpus, query)
    seconds = time.perf_counter() - started
    print(
        f"keyword timeline query: {len(corpus.articles):,} articles matched, "
        f"{len(timeline.entries)} dates, {seconds:.1f} s; peak memory {peak_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
