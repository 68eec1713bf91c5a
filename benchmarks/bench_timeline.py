"""From raw article files to a finished timeline: seconds per stage and peak memory.

    python benchmarks/bench_timeline.py [TOPIC_ARTICLES_DIR ...] [--workers N]

Defaults to every Timeline17 dev topic in ../shared/data/t17-dev. Prints one row per
topic: articles, sentences, seconds to load+clean, to annotate, to build the timeline
(cold, then again with the annotations in memory and only the options changed), and
the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from dateline.ingest import load_articles
from dateline.model import Corpus
from dateline.options import Options
from dateline.pipeline import annotate_all
from dateline.timeline import build_timeline

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "t17-dev"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench(path: Path, workers: int) -> str:
    opts = Options(workers=workers)
    t0 = time.perf_counter()
    loaded = load_articles([path], opts)
    t1 = time.perf_counter()
    annotations, _failures = annotate_all(loaded.articles, opts)
    t2 = time.perf_counter()
    corpus = Corpus(tuple(loaded.articles), annotations, loaded.report)
    timeline = build_timeline(corpus, opts)
    t3 = time.perf_counter()
    build_timeline(corpus, opts.but(dates=20, sentences=2, keywords=("the",)))
    t4 = time.perf_counter()
    sentences = sum(len(a.sentences) for a in annotations.values())
    return (
        f"{path.parent.name if path.name == 'articles' else path.name:<10} "
        f"{len(loaded.articles):>8} {sentences:>9} {t1 - t0:>8.1f} {t2 - t1:>9.1f} "
        f"{t3 - t2:>9.1f} {t3 - t0:>7.1f} {t4 - t3:>10.1f} {peak_mb():>8.0f}  "
        f"({len(timeline.entries)} dates)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=0, help="0: all cores")
    args = parser.parse_args()
    paths = args.paths or sorted(p / "articles" for p in DATA.iterdir() if p.is_dir())
    if not paths:
        print(f"no data: give topic folders, or put Timeline17 in {DATA}")
        return
    print(
        f"{'topic':<10} {'articles':>8} {'sentences':>9} {'load s':>8} {'annotate':>9} "
        f"{'timeline':>9} {'total':>7} {'rerun opt':>10} {'peak MB':>8}"
    )
    for path in paths:
        print(bench(path, args.workers), flush=True)


if __name__ == "__main__":
    main()
