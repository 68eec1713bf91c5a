"""Speed and memory of the time-expression tagger on a Timeline17 topic.

Usage::

    .venv/bin/python benchmarks/bench_timex.py [ARTICLES_DIR]

``ARTICLES_DIR`` defaults to the bpoil development topic, laid out as
``articles/<YYYY-MM-DD>/<file>``: the folder name is each file's publication date, and
files hold one PTB-tokenized sentence per line. Each file's whole text is tagged in one
call, with its folder date as the document creation time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

from dateline.annotate.timex import extract_timexes

DEFAULT_ARTICLES = Path("/work/shared/data/t17-dev/bpoil/articles")


def read_articles(root: Path) -> list[tuple[str, dt.date]]:
    """``(text, dct)`` for every file under ``root/<YYYY-MM-DD>/``."""
    articles = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        try:
            dct = dt.date.fromisoformat(folder.name)
        except ValueError:
            continue  # not a date folder
        for path in sorted(folder.iterdir()):
            if path.is_file():
                articles.append((path.read_text(encoding="utf-8", errors="replace"), dct))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--repeat", type=int, default=3, help="passes; the fastest is reported")
    args = parser.parse_args(argv)
    if not args.articles.is_dir():
        print(f"no data at {args.articles}: nothing to benchmark")
        return 0
    articles = read_articles(args.articles)
    sentences = sum(text.count("\n") + (not text.endswith("\n")) for text, _ in articles)
    best = best_cpu = float("inf")
    timexes = 0
    for _ in range(args.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        timexes = sum(len(extract_timexes(text, dct)) for text, dct in articles)
        best = min(best, time.perf_counter() - started)
        # CPU time of this process: what "per core" means, and steadier than wall time
        # on a shared machine
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    rows = [
        ("data", str(args.articles)),
        ("files", f"{len(articles)}"),
        ("sentences (lines)", f"{sentences}"),
        ("characters", f"{sum(len(text) for text, _ in articles)}"),
        ("time expressions", f"{timexes}"),
        (f"seconds (best of {args.repeat})", f"{best:.3f}"),
        ("sentences/second", f"{sentences / best:,.0f}"),
        ("CPU seconds (best)", f"{best_cpu:.3f}"),
        ("sentences/CPU-second", f"{sentences / best_cpu:,.0f}"),
        ("peak RSS (MiB)", f"{peak_mib:.1f}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
