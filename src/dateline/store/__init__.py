"""The corpus store: SQLite, content-addressed, incremental, safe to kill.

An article is stored once per *content* (sha256 of its cleaned text), with every input
(file path, or ``file.jsonl#n`` record) that produced it as a source. Annotations are
keyed by (content hash, ``stage=version``, reference date), one row per stage, so
re-adding unchanged files does no NLP work, a new stage version recomputes exactly what
that stage made, and a stage asked for the first time (the spaCy one, by ``brief``) runs
only on what lacks it.

Crash safety: each batch of articles, sources and annotations is one transaction, and
the file cache (path, size, mtime_ns, sha256) that lets a re-run skip reading and
cleaning is written only after every batch is in. A killed ``add`` leaves whole batches;
re-running it finds what is already stored and adds only the rest.

Near-duplicates (the same wire story republished with small edits) are found with
MinHash over word 5-grams and LSH banding, and linked in ``near_duplicates``. An FTS5
index over titles and texts answers :func:`search` for keyword prefiltering.
"""

from dateline.store.core import (
    AddResult,
    Store,
    StoreStats,
    open_store,
    stage_keys,
)
from dateline.store.fingerprint import NEAR_DUPLICATE, content_hash, minhash
from dateline.store.queries import cache_path_for, cached_build_corpus, corpus_from_store, search
from dateline.store.results import StoreMemo, open_memo
from dateline.store.schema import DEFAULT_PATH, SCHEMA_VERSION

__all__ = [
    "DEFAULT_PATH",
    "NEAR_DUPLICATE",
    "SCHEMA_VERSION",
    "AddResult",
    "Store",
    "StoreMemo",
    "StoreStats",
    "cache_path_for",
    "cached_build_corpus",
    "content_hash",
    "corpus_from_store",
    "minhash",
    "open_memo",
    "open_store",
    "search",
    "stage_keys",
]
