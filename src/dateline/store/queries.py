"""Reading a store back: keyword search, a store as a Corpus, and the per-input-set
cache that ``dateline timeline PATH`` goes through."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from dateline.errors import InputError
from dateline.model import Corpus
from dateline.options import Options
from dateline.pipeline import TIMELINE_STAGES
from dateline.store.core import Store, open_store
from dateline.store.schema import search_hashes


def search(store: Store, query: str) -> list[str]:
    """Article ids whose title or text matches ``query``, best first.

    ``query`` is comma-separated phrases (``"oil spill, BP"``); an article matches when
    it contains any of them. Case and punctuation are ignored.
    """
    names = store._primary_ids()
    return [names[h] for h in search_hashes(store.db, query) if h in names]


def prefilter_query(opts: Options) -> str | None:
    """The full-text query for ``--keywords`` and ``--about``, or None when neither is set."""
    phrases = list(opts.keywords) + ([opts.about] if opts.about else [])
    return ", ".join(phrases) if phrases else None


def corpus_from_store(
    db_path: str | Path,
    opts: Options | None = None,
    prefilter: bool = False,
    stages: Sequence[str] = TIMELINE_STAGES,
) -> Corpus:
    """Everything in the store at ``db_path`` as a Corpus (for ``timeline --store``).

    ``prefilter`` keeps only articles that contain a keyword or the ``--about`` phrase,
    which makes large corpora fast; it also drops those articles' date mentions from
    date ranking, so it is off by default.
    """
    opts = opts or Options()
    path = Path(db_path)
    if not path.is_file():
        raise InputError(
            str(path), "no such store", f"create it with 'dateline add PATH --store {path}'"
        )
    with open_store(path) as store:
        return store.corpus(opts, query=prefilter_query(opts) if prefilter else None, stages=stages)


def cache_path_for(paths: Iterable[str | Path], root: str | Path = ".dateline") -> Path:
    """The default cache of a set of input paths: one store per set, so the corpus-level
    steps (years for yearless datelines) see exactly the articles under those paths."""
    key = "\n".join(sorted(str(Path(p).resolve()) for p in paths))
    return Path(root) / "cache" / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.db"


def cached_build_corpus(
    paths: Iterable[str | Path],
    opts: Options | None = None,
    store_path: str | Path | None = None,
    stages: Sequence[str] = TIMELINE_STAGES,
) -> Corpus:
    """``build_corpus`` through a store used as a cache: unchanged files cost no NLP work
    and no cleaning on a re-run, and a stage cached by another command (the spaCy one, by
    ``quotes``) none either. The corpus holds exactly the articles under ``paths``."""
    opts = opts or Options()
    with open_store(store_path) as store:
        result = store.add(paths, opts, stages=stages)
        return store.corpus(opts, only=result, stages=stages)
