"""Executors for the per-article stages: serial, a local process pool, or Dask."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from dateline.model import Annotations, Article, StageFailure
from dateline.options import Options

log = logging.getLogger(__name__)
# Below this many articles a process pool costs more to start than it saves.
MIN_ARTICLES_FOR_POOL = 200


def worker_count(opts: Options) -> int:
    return opts.workers or os.cpu_count() or 1


def annotate_safely(article: Article, opts: Options) -> Annotations | StageFailure:
    """Annotate one article; a failure becomes a value, so one article never stops a batch."""
    from dateline.pipeline import annotate_article

    try:
        return annotate_article(article, opts)
    except Exception as err:  # any bug in a stage: record it against the article, go on
        log.warning("annotation failed on %s: %s", article.path, err)
        return StageFailure("annotation", article.id, f"{type(err).__name__}: {err}")


def annotate_all(articles: Sequence[Article],
                 opts: Options) -> tuple[dict[str, Annotations], list[StageFailure]]:
    """Annotate every article with the executor the options ask for."""
    if opts.scheduler:
        results = _annotate_dask(articles, opts)
    elif worker_count(opts) > 1 and len(articles) >= MIN_ARTICLES_FOR_POOL:
        work = partial(annotate_safely, opts=opts)
        chunk = max(1, len(articles) // (worker_count(opts) * 8))
        with ProcessPoolExecutor(worker_count(opts)) as pool:
            results = list(pool.map(work, articles, chunksize=chunk))
    else:
        results = [annotate_safely(a, opts) for a in articles]
    annotations = {r.article_id: r for r in results if isinstance(r, Annotations)}
    return annotations, [r for r in results if isinstance(r, StageFailure)]


def _annotate_dask(articles: Sequence[Article],
                   opts: Options) -> list[Annotations | StageFailure]:
    from distributed import Client

    with Client(opts.scheduler) as client:
        futures = client.map(annotate_safely, list(articles), opts=opts, pure=True)
        return list(client.gather(futures))
