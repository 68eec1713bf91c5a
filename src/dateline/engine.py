"""Executors for the per-article stages: serial, a local process pool, or Dask."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from dateline.model import Annotations, Article
from dateline.options import Options

log = logging.getLogger(__name__)
# Below this many articles a process pool costs more to start than it saves.
MIN_ARTICLES_FOR_POOL = 200


def worker_count(opts: Options) -> int:
    return opts.workers or os.cpu_count() or 1


def annotate_all(articles: Sequence[Article], opts: Options) -> dict[str, Annotations]:
    """Annotate every article with the executor the options ask for."""
    from dateline.pipeline import annotate_article

    if opts.scheduler:
        results = _annotate_dask(articles, opts)
    elif worker_count(opts) > 1 and len(articles) >= MIN_ARTICLES_FOR_POOL:
        work = partial(annotate_article, opts=opts)
        chunk = max(1, len(articles) // (worker_count(opts) * 8))
        with ProcessPoolExecutor(worker_count(opts)) as pool:
            results = list(pool.map(work, articles, chunksize=chunk))
    else:
        results = [annotate_article(a, opts) for a in articles]
    return {a.article_id: a for a in results}


def _annotate_dask(articles: Sequence[Article], opts: Options) -> list[Annotations]:
    from distributed import Client

    from dateline.pipeline import annotate_article

    with Client(opts.scheduler) as client:
        futures = client.map(annotate_article, list(articles), opts=opts, pure=True)
        return list(client.gather(futures))
