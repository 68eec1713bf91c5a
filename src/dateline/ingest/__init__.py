"""Ingest: paths in, cleaned and dated articles out, with a record for every input."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import pubdate
from dateline.ingest.clean import agency_credited, clean_text
from dateline.ingest.estimate import estimate_dates
from dateline.ingest.language import detect as detect_language
from dateline.ingest.language import not_english_warning
from dateline.ingest.readers import (
    STDIN_NAME,
    Discovery,
    ManifestEntry,
    RawDocument,
    discover,
    find_manifests,
    is_url,
    is_virtual,
    read_file,
    read_manifest,
    read_stdin,
)
from dateline.model import (
    Article,
    Confidence,
    InputRecord,
    InputStatus,
    PublicationDate,
    RunReport,
)
from dateline.options import Options
from dateline.progress import Progress

log = logging.getLogger(__name__)
# Bump whenever reading, cleaning or dating a file can give other articles: the store's
# file cache (which skips reading an unchanged file) is keyed by it.
INGEST_VERSION = "6"
MIN_WORDS = 5

__all__ = [
    "article_id_for",
    "build_article",
    "build_article_reported",
    "load_articles",
    "unique_id",
]


@dataclass(frozen=True)
class Loaded:
    articles: list[Article]
    report: RunReport


def load_articles(paths: Iterable[str | Path], opts: Options | None = None) -> Loaded:
    """Read, clean and date every article under ``paths``.

    Never raises for a bad file: each input ends up in the report, accepted or
    rejected with its reason. Publication dates without a year get one from the
    corpus range afterwards; articles still undated get an estimate from their
    content and the dated articles (``Confidence.ESTIMATED``, source ``content``).
    """
    opts = opts or Options()
    given = input_list(paths, opts)
    roots = [Path(p) for p in given if not is_virtual(p)]
    manifest = _load_manifests(roots, opts)
    found = discover(given, opts.include, opts.exclude)
    records = found.rejections()
    articles: list[Article] = []
    used_ids: set[str] = set()

    def take(doc_or_error: RawDocument | InputError, article_id: str) -> None:
        if isinstance(doc_or_error, InputError):
            records.append(
                InputRecord(doc_or_error.path, InputStatus.REJECTED, _reason(doc_or_error))
            )
            return
        entry = manifest.get(str(Path(doc_or_error.path.split("#")[0]).resolve()))
        article_id = unique_id(article_id, used_ids)
        try:
            article, warnings = build_article_reported(doc_or_error, article_id, entry, opts)
        except InputError as err:
            records.append(
                InputRecord(
                    err.path, InputStatus.REJECTED, _reason(err), warnings=doc_or_error.warnings
                )
            )
            return
        used_ids.add(article_id)
        articles.append(article)
        records.append(
            InputRecord(
                doc_or_error.path, InputStatus.ACCEPTED, article_id=article_id, warnings=warnings
            )
        )

    with Progress(len(found.files), "files read") as bar:
        for path in found.files:
            root = next((r for r in roots if r in path.parents), path.parent)
            for doc in _read(path):
                take(doc, article_id_for(doc, path, root) if isinstance(doc, RawDocument) else "")
            bar.advance()
    for doc in read_virtual(found, opts):
        take(doc, virtual_id(doc) if isinstance(doc, RawDocument) else "")
    articles = estimate_dates(pubdate.infer_missing_years(articles))
    log.info(
        "loaded %d articles, rejected %d inputs",
        len(articles),
        sum(r.status is InputStatus.REJECTED for r in records),
    )
    return Loaded(articles, RunReport(tuple(records)))


def input_list(paths: Iterable[str | Path], opts: Options) -> list[str | Path]:
    """The inputs given, then the URLs of the ``--urls`` file (``Options.urls_file``)."""
    from dateline.ingest.fetch import read_url_list

    given: list[str | Path] = list(paths)
    if opts.urls_file is not None:
        given += read_url_list(opts.urls_file)
    return given


def read_virtual(found: Discovery, opts: Options) -> Iterator[RawDocument | InputError]:
    """The inputs that are not files: standard input (when ``-`` was given), then each
    URL's page; a failure is yielded as an error, never raised."""
    if found.stdin:
        try:
            yield from read_stdin(sys.stdin.buffer)
        except InputError as err:
            yield err
    if found.urls:
        from dateline.ingest.fetch import read_urls

        yield from read_urls(found.urls, opts.fetch_timeout, opts.fetch_max_bytes)


def virtual_id(doc: RawDocument) -> str:
    """The id of an article read from standard input or a URL: its name (``<stdin>``,
    the URL), or its record's id, or ``<stdin>#N``."""
    if "#" in doc.path and doc.path.startswith(STDIN_NAME):
        return doc.record_id or doc.path
    return doc.path


def _reason(err: InputError) -> str:
    return f"{err.problem} ({err.fix})" if err.fix else err.problem


def _read(path: Path) -> Iterator[RawDocument | InputError]:
    try:
        yield from read_file(path)
    except InputError as err:
        yield err


def _load_manifests(roots: list[Path], opts: Options) -> dict[str, ManifestEntry]:
    entries: dict[str, ManifestEntry] = {}
    for manifest in manifest_paths(roots, opts):
        entries.update(read_manifest(manifest))
    return entries


def manifest_paths(roots: list[Path], opts: Options) -> list[Path]:
    """Manifests at the top of the folders given, then the one the options name."""
    return find_manifests(roots) + ([opts.manifest] if opts.manifest else [])


def article_id_for(doc: RawDocument, path: Path, root: Path) -> str:
    """An article's id: its path below the root the user gave (``#N`` for a record)."""
    base = path.name if path == root else path.relative_to(root).as_posix()
    if "#" in doc.path:
        return doc.record_id or f"{base}#{doc.path.rsplit('#', 1)[1]}"
    return base


def unique_id(candidate: str, used: set[str]) -> str:
    """``candidate``, or ``candidate~2``, ``~3``... when it is taken."""
    article_id, n = candidate, 2
    while article_id in used:
        article_id = f"{candidate}~{n}"
        n += 1
    return article_id


def build_article(
    doc: RawDocument,
    article_id: str,
    entry: ManifestEntry | None = None,
    opts: Options | None = None,
) -> Article:
    """Clean one raw document and establish what is known about it. Pure."""
    return build_article_reported(doc, article_id, entry, opts)[0]


def build_article_reported(
    doc: RawDocument,
    article_id: str,
    entry: ManifestEntry | None = None,
    opts: Options | None = None,
) -> tuple[Article, tuple[str, ...]]:
    """:func:`build_article`, and the warnings for the run report (the document's own,
    then any about its publication date)."""
    opts = opts or Options()
    if not doc.text.strip():
        problem = doc.warnings[-1] if doc.warnings else "no text"
        raise InputError(doc.path, problem, "give each record a non-empty 'text'")
    cleaned = clean_text(doc.text)
    body = cleaned.text[cleaned.body_start :]
    if len(body.split()) < MIN_WORDS:
        raise InputError(
            doc.path,
            f"fewer than {MIN_WORDS} words of text after cleaning",
            "check that the file holds an article",
        )
    header = cleaned.header
    title = (entry and entry.title) or doc.title or header.title
    source = (
        (entry and entry.source)
        or doc.source
        or (header.agencies[0] if header.agencies else None)
        or agency_credited(cleaned.text)
    )
    pub, date_warnings = establish_pub_date(
        doc, entry, header.date_lines, header.dateline_date, cleaned.text, opts
    )
    article = Article(
        id=article_id,
        path=doc.path,
        text=cleaned.text,
        pub_date=pub,
        title=title,
        title_span=cleaned.title_span,
        body_start=cleaned.body_start,
        source=source,
        url=(entry and entry.url) or doc.url,
        author=doc.author,
        place=header.place,
        encoding=doc.encoding,
        offsets=cleaned.offsets,
        cleaning=cleaned.actions,
        first_comment=header.first_comment,
    )
    language = detect_language(body)
    if not language.english:
        log.info("%s: %s", doc.path, not_english_warning(language))
        date_warnings = (*date_warnings, not_english_warning(language))
    return article, (*doc.warnings, *date_warnings)


def establish_pub_date(
    doc: RawDocument,
    entry: ManifestEntry | None,
    date_lines: list[str],
    dateline_date: str | None,
    text: str,
    opts: Options,
) -> tuple[PublicationDate, tuple[str, ...]]:
    """The strongest plausible publication date the sources give, and warnings.

    Implausible dates (year 9999, year 1) are dropped with a warning. When the sources
    name different dates, the chosen one's evidence says which disagree.
    """
    candidates: list[PublicationDate | None] = []
    if entry and entry.date:
        candidates.append(pubdate.from_metadata(entry.date, "manifest"))
    if doc.date:
        meta = pubdate.from_metadata(doc.date, "metadata")
        if meta is not None and is_url(doc.path):
            meta = replace(meta, evidence=f"the page's metadata date '{doc.date}' ({doc.path})")
        candidates.append(meta)
    if doc.folder_date:
        candidates.append(
            PublicationDate(
                doc.folder_date,
                Confidence.EXPLICIT,
                "folder",
                f"folder named {doc.folder_date.isoformat()}",
            )
        )
    candidates.append(pubdate.date_from_header(date_lines, text))
    if dateline_date:
        candidates.append(pubdate.partial_from_dateline(dateline_date))
    if opts.use_mtime and doc.mtime is not None:
        candidates.append(_mtime_date(doc.mtime))
    latest = pubdate.latest_plausible()
    found: list[PublicationDate] = []
    warnings: list[str] = []
    for pub in filter(None, candidates):
        why = pubdate.implausible(pub.value, latest) if pub.value else None
        if why:
            warnings.append(f"{pub.source}: {why}")
        else:
            found.append(pub)
    # A yearless dateline beats the file's mtime: the corpus settles its year later (with
    # the weekday words), and a copy date would otherwise silently replace it.
    partial = next((pub for pub in found if pub.value is None and pub.partial), None)
    dated = [pub for pub in found if pub.value is not None]
    if partial is not None and all(pub.source == "mtime" for pub in dated):
        return partial, tuple(warnings)
    if dated:
        return _with_conflicts(dated[0], dated[1:]), tuple(warnings)
    if found:
        return found[0], tuple(warnings)
    if warnings:
        return PublicationDate.unknown("; ".join(warnings)), tuple(warnings)
    return PublicationDate.unknown(), ()


def _mtime_date(mtime: float) -> PublicationDate | None:
    try:
        day = dt.datetime.fromtimestamp(mtime, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):  # a timestamp outside the platform's range
        return None
    return PublicationDate(
        day, Confidence.ESTIMATED, "mtime", "file modification time (asked for with --use-mtime)"
    )


def _with_conflicts(chosen: PublicationDate, others: list[PublicationDate]) -> PublicationDate:
    """``chosen``, its evidence naming the weaker sources that give another date."""
    disagree = [p for p in others if p.value != chosen.value and p.source != "mtime"]
    if not disagree:
        return chosen
    named = ", ".join(f"{p.source} says {p.value}" for p in disagree)
    note = f"; conflicting dates: {named} (the {chosen.source} date is used)"
    return replace(chosen, evidence=chosen.evidence + note)


def with_pub_date(article: Article, pub: PublicationDate) -> Article:
    return replace(article, pub_date=pub)
