"""The per-article stages, and the corpus built from them.

``annotate_article`` is a pure function of (article, options): it is what the serial,
process-pool and Dask executors run for each article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from dateline.annotate.sentences import SPLITTER_VERSION, split_sentences
from dateline.annotate.timex import TIMEX_VERSION, extract_timexes
from dateline.ingest import load_articles
from dateline.model import Annotations, Article, Corpus, RunReport
from dateline.options import Options

log = logging.getLogger(__name__)

ANNOTATOR_VERSIONS = (("sentences", SPLITTER_VERSION), ("timex", TIMEX_VERSION))


def annotate_article(article: Article, opts: Options | None = None) -> Annotations:
    """Sentences and time expressions of one article, resolved against its own date.

    Only a publication date that anchors (explicit or inferred by default) resolves
    relative expressions; with a weaker one they stay unresolved rather than guessed.
    """
    opts = opts or Options()
    sentences = tuple(split_sentences(article.text, article.body_start))
    dct = article.pub_date.value if article.pub_date.anchors(opts.anchor_confidence) else None
    timexes = tuple(extract_timexes(article.text, dct))
    return Annotations(article.id, sentences, timexes, versions=ANNOTATOR_VERSIONS)


def build_corpus(paths: Iterable[str | Path], opts: Options | None = None) -> Corpus:
    """Load every article under ``paths`` and annotate it."""
    opts = opts or Options()
    loaded = load_articles(paths, opts)
    from dateline.engine import annotate_all

    annotations, failures = annotate_all(loaded.articles, opts)
    failed = {f.article_id: str(f) for f in failures}
    inputs = tuple(
        replace(r, warnings=(*r.warnings, failed[r.article_id])) if r.article_id in failed else r
        for r in loaded.report.inputs
    )
    return Corpus(tuple(loaded.articles), annotations, RunReport(inputs))
