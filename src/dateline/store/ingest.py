"""The per-file work of ``Store.add``: read, clean, hash, annotate and fingerprint one
document. Pure functions of their inputs, so any executor (serial, processes, Dask) can
run them; the store only writes what comes back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from dateline.engine import annotate_safely
from dateline.errors import InputError
from dateline.ingest import build_article_reported
from dateline.ingest.readers import ManifestEntry, RawDocument
from dateline.model import Annotations, Article, StageFailure
from dateline.options import Options
from dateline.store.fingerprint import content_hash, minhash


@dataclass(frozen=True)
class IngestItem:
    """One raw document on its way to a worker, with where it came from."""

    doc: RawDocument
    article_id: str
    entry: ManifestEntry | None
    key: str
    file: str
    annotate: bool = True  # False for a byte-for-byte copy of a file already stored


@dataclass(frozen=True)
class Ingested:
    """What a worker made of one input: an article (or why not), annotations, MinHash."""

    key: str
    path: str
    file: str
    article_id: str
    warnings: tuple[str, ...]
    article: Article | None = None
    rejection: str = ""
    content_hash: str = ""
    annotations: Annotations | StageFailure | None = None
    signature: bytes | None = None


@dataclass(frozen=True)
class FileScan:
    path: Path
    key: str
    size: int
    mtime_ns: int
    sha256: str


def ingest_one(item: IngestItem | Ingested, opts: Options) -> Ingested:
    """Clean, hash, annotate and fingerprint one document. Pure: runs on any worker.

    An ``Ingested`` (a file rejected while reading) passes through unchanged, so
    rejections reach the store in the same batches, in order, as articles do.
    """
    if isinstance(item, Ingested):
        return item
    base = Ingested(item.key, item.doc.path, item.file, item.article_id, item.doc.warnings)
    try:
        article, warnings = build_article_reported(item.doc, item.article_id, item.entry, opts)
    except InputError as err:
        return replace(base, rejection=f"{err.problem} ({err.fix})" if err.fix else err.problem)
    base = replace(base, warnings=warnings)
    # A yearless dateline waits for the store-wide date range (see Store._infer_years).
    waiting = article.pub_date.value is None and article.pub_date.partial is not None
    # Skipped annotations are not lost: Store._annotate_missing fills in whatever is missing.
    skip = waiting or not item.annotate
    return replace(base, article=article, content_hash=content_hash(article.text),
                   annotations=None if skip else annotate_safely(article, opts),
                   signature=minhash(article.text).tobytes())
