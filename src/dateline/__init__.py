"""dateline: a pile of news articles in, a dated, sourced timeline and briefing out.

The public API is imported lazily, so ``import dateline`` stays cheap and the CLI
starts fast; ``from dateline import build_timeline`` works as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dateline.version import __version__

_API = {
    "Article": "dateline.model",
    "Confidence": "dateline.model",
    "Corpus": "dateline.model",
    "PublicationDate": "dateline.model",
    "Timeline": "dateline.model",
    "ConfigError": "dateline.errors",
    "DatelineError": "dateline.errors",
    "InputError": "dateline.errors",
    "StageError": "dateline.errors",
    "Options": "dateline.options",
    "load_articles": "dateline.ingest",
    "annotate_article": "dateline.pipeline",
    "build_corpus": "dateline.pipeline",
    "build_timeline": "dateline.timeline",
    "build_briefing": "dateline.briefing.build",
    "summarize": "dateline.briefing.summary",
    "expectation_chains": "dateline.expectations",
    "open_store": "dateline.store",
}

__all__ = [
    "Article",
    "Confidence",
    "ConfigError",
    "Corpus",
    "DatelineError",
    "InputError",
    "Options",
    "PublicationDate",
    "StageError",
    "Timeline",
    "__version__",
    "annotate_article",
    "build_briefing",
    "build_corpus",
    "build_timeline",
    "expectation_chains",
    "load_articles",
    "open_store",
    "summarize",
]

if TYPE_CHECKING:
    from dateline.briefing.build import build_briefing
    from dateline.briefing.summary import summarize
    from dateline.errors import ConfigError, DatelineError, InputError, StageError
    from dateline.expectations import expectation_chains
    from dateline.ingest import load_articles
    from dateline.model import Article, Confidence, Corpus, PublicationDate, Timeline
    from dateline.options import Options
    from dateline.pipeline import annotate_article, build_corpus
    from dateline.store import open_store
    from dateline.timeline import build_timeline


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
