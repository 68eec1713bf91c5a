"""Annotation throughput (articles/s) per executor on a Timeline17 topic.

Usage::

    .venv/bin/python benchmarks/bench_engine.py [ARTICLES_DIR] [--limit N]

Articles are loaded (read, cleaned, dated) once; then every executor annotates the
same articles: serial, a 2-process pool, and Dask with 2 local single-threaded worker
processes. Prints a table with throughput and speed-up over serial.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from dateline.ingest import load_articles
from dateline.model import Article
from dateline.options import Options
from dateline.pipeline import annotate_all

DEFAULT_ARTICLES = Path("/work/shared/data/t17-dev/bpoil/articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    articles = load_articles([args.articles]).articles
    if args.limit:
        articles = articles[: args.limit]
    print(
        f"{len(articles)} articles loaded in {time.perf_counter() - started:.1f}s "
        f"on {os.cpu_count()} cores"
    )
    runs = [
        ("serial", Options(workers=1)),
        ("processes x2", Options(workers=2)),
        ("dask local x2", Options(workers=2, scheduler="local")),
    ]
    base = 0.0
    print(f"{'executor':<16}{'seconds':>9}{'art/s':>9}{'speed-up':>10}")
    for name, opts in runs:
        started = time.perf_counter()
        found, failures = annotate_all(articles, opts)
        seconds = time.perf_counter() - started
        assert len(found) + len(failures) == len(articles)
        base = base or seconds
        print(f"{name:<16}{seconds:9.2f}{len(articles) / seconds:9.1f}{base / seconds:9.2f}x")
    print(f"{'dask, warm x2':<16}", end="", flush=True)
    seconds = time_warm_dask(articles)
    print(
        f"{seconds:9.2f}{len(articles) / seconds:9.1f}{base / seconds:9.2f}x  "
        "(cluster started before timing, as with a long-running cluster)"
    )


def time_warm_dask(articles: list[Article]) -> float:
    """Dask through a cluster that is already up: what a real deployment pays per run."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        opts = Options(workers=2, scheduler=cluster.scheduler_address)
        annotate_all(articles[:20], opts)  # workers import dateline once
        started = time.perf_counter()
        annotate_all(articles, opts)
        return time.perf_counter() - started


if __name__ == "__main__":
    main()
