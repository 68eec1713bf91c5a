"""The per-file work of ``Store.add``: read, clean, hash, annotate and fingerprint a few
documents. Pure functions of their inputs, so any executor (serial, processes, Dask) can
run them; the store only writes what comes back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import build_article_reported
from dateline.ingest.readers import ManifestEntry, RawDocument
from dateline.model import Article
from dateline.options import Options
from dateline.pipeline import Part, run_stages
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
    parts: tuple[Part, ...] = ()  # one per stage run; none when annotating waits
    signature: bytes | None = None


@dataclass(frozen=True)
class FileScan:
    path: Path
    key: str
    size: int
    mtime_ns: int
    sha256: str


def ingest_many(
    items: list[IngestItem | Ingested], opts: Options, stages: Sequence[str]
) -> list[Ingested]:
    """Clean, hash and fingerprint a few documents, then run the stages on them together
    (a model stage parses them in one batch). Pure: runs on any worker.

    An ``Ingested`` (a file rejected while reading) passes through unchanged, so
    rejections reach the store in the same batches, in order, as articles do.
    """
    done = [item if isinstance(item, Ingested) else ingest_one(item, opts) for item in items]
    todo = [
        d.article
        for d, item in zip(done, items, strict=True)
        if d.article is not None and _annotates(item, d.article)
    ]
    parts = dict(run_stages(todo, opts, stages)) if todo else {}
    return [replace(d, parts=parts[d.article_id]) if d.article_id in parts else d for d in done]


def _annotates(item: IngestItem | Ingested, article: Article) -> bool:
    """Skipped annotations are not lost: Store._annotate_missing fills in whatever is
    missing. A yearless dateline waits for the store-wide date range (Store._infer_years)."""
    waiting = article.pub_date.value is None and article.pub_date.partial is not None
    return isinstance(item, IngestItem) and item.annotate and not waiting


def ingest_one(item: IngestItem, opts: Options) -> Ingested:
    """Clean, hash and fingerprint one document (annotating is left to the caller)."""
    base = Ingested(item.key, item.doc.path, item.file, item.article_id, item.doc.warnings)
    try:
        article, warnings = build_article_reported(item.doc, item.article_id, item.entry, opts)
    except InputError as err:
        return replace(base, rejection=f"{err.problem} ({err.fix})" if err.fix else err.problem)
    return replace(
        base,
        warnings=warnings,
        article=article,
        content_hash=content_hash(article.text),
        signature=minhash(article.text).tobytes(),
    )
