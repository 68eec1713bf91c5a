"""Readers: files and folders in, raw documents (text plus metadata) out.

Every path given is accounted for: a reader either yields documents or raises
:class:`InputError` naming the file and the problem, which the caller records.
"""

from __future__ import annotations

import csv
import datetime as dt
import fnmatch
import gzip
import json
import logging
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from dateline.errors import InputError
from dateline.model import InputRecord, InputStatus

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
MANIFEST_NAMES = (
    "manifest.csv",
    "manifest.jsonl",
    "dateline-manifest.csv",
    "dateline-manifest.jsonl",
)
FOLDER_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MAX_BYTES = 20_000_000
GZIP_SUFFIX = ".gz"
STDIN = "-"  # the input name that reads standard input
STDIN_NAME = "<stdin>"  # its name in outputs
# Anything with a scheme (``http://``, ``ftp://``) is a URL, never a path; only http(s)
# is fetched. ``http:/host`` is what a URL becomes once it went through a Path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_MANGLED_URL = re.compile(r"^(https?|ftp):/[^/]", re.IGNORECASE)


@dataclass(frozen=True)
class RawDocument:
    """One article as read, before cleaning."""

    path: str
    text: str
    encoding: str
    title: str | None = None
    date: str | None = None  # from metadata, as given
    source: str | None = None
    url: str | None = None
    author: str | None = None
    record_id: str | None = None
    folder_date: dt.date | None = None
    mtime: float | None = None
    html: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ManifestEntry:
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class Discovery:
    """Files found under the given paths, and paths that could not be used, with why."""

    files: list[Path] = field(default_factory=list)
    unusable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason and fix)
    urls: list[str] = field(default_factory=list)  # http(s) URLs to fetch, as given
    stdin: bool = False  # "-" was given: read standard input once

    def rejections(self) -> list[InputRecord]:
        """The unusable paths as rejected inputs, for a run report."""
        return [InputRecord(path, InputStatus.REJECTED, why) for path, why in self.unusable]


# What a folder is searched for: article files. Others (a .pdf, a log) are reported with
# the option that reads them; a file given by name is always read.
ARTICLE_SUFFIXES = frozenset({*TEXT_SUFFIXES, ".md", *HTML_SUFFIXES, *JSON_SUFFIXES})


def is_url(value: str | Path) -> bool:
    """True for a string with a scheme (``https://...``): read as a URL, never a path."""
    return isinstance(value, str) and _URL.match(value) is not None


def is_virtual(value: str | Path) -> bool:
    """A URL or ``-`` (standard input): an input that is not a file."""
    return isinstance(value, str) and (value == STDIN or is_url(value))


def discover(
    paths: Sequence[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Discovery:
    """Expand folders recursively (sorted, hidden files and folders skipped, folder links
    followed once); keep files as given. In a folder, article files are taken
    (:data:`ARTICLE_SUFFIXES`, their ``.gz``, and names matching ``include``), names
    matching ``exclude`` are left out, and dateline's own outputs are never read back. A
    path that cannot be read (missing, a broken link, a folder that cannot be listed, a
    file of another type) is reported, never skipped in silence. A string ``-`` is
    standard input and a string with a scheme is a URL (only http and https are
    fetched): neither is ever read as a path."""
    found = Discovery()
    for given in paths:
        if isinstance(given, str) and given == STDIN:
            if found.stdin:
                found.unusable.append((STDIN_NAME, "standard input ('-') given twice"))
            found.stdin = True
            continue
        if is_url(given):
            url = str(given)
            if url.lower().startswith(("http://", "https://")):
                found.urls.append(url)
            else:
                found.unusable.append((url, "not an http:// or https:// URL; only web "
                                             "pages are fetched"))  # fmt: skip
            continue
        path = Path(given)
        if _MANGLED_URL.match(str(path)) and not path.exists():
            found.unusable.append((str(path), "a URL given as a path (its '//' became '/'): "
                                              "give the URL itself, as a string"))  # fmt: skip
            continue
        if path.is_dir():
            _walk(path, found, _Filter(tuple(include), tuple(exclude)))
        elif path.is_file():
            found.files.append(path)
        elif path.is_symlink():
            found.unusable.append((str(path), BROKEN_LINK))
        else:
            found.unusable.append((str(path), "no such file or folder"))
    return found


BROKEN_LINK = "a broken link: its target does not exist (fix or remove the link)"


@dataclass(frozen=True)
class _Filter:
    include: tuple[str, ...]
    exclude: tuple[str, ...]

    def why_not(self, path: Path) -> str | None:
        """None for an article file to read; "" to leave out quietly; else the reason."""
        name = path.name
        if any(fnmatch.fnmatch(name, glob) for glob in self.exclude):
            return ""
        if any(fnmatch.fnmatch(name, glob) for glob in self.include):
            return None
        suffix = article_suffix(path)
        if suffix == ".csv" and _csv_output(path):
            log.info("not read back: %s is an output of dateline", path)
            return ""
        if suffix not in ARTICLE_SUFFIXES:
            kinds = ", ".join(sorted(s for s in ARTICLE_SUFFIXES if s))
            shown = "".join(path.suffixes[-2:]).lower() if path.suffix.lower() == ".gz" else suffix
            return (f"not an article file ({shown or 'no extension'}): folders are read for "
                    f"{kinds} and their .gz; --include '*{shown}' reads it anyway")  # fmt: skip
        if suffix in {".json", ".html", ".htm", ".md"} and dateline_output(path):
            log.info("not read back: %s is an output of dateline", path)
            return ""
        return None


def article_suffix(path: Path) -> str:
    """The suffix that says how a file is read: ``.txt`` for ``a.txt`` and ``a.txt.gz``."""
    suffix = path.suffix.lower()
    if suffix == GZIP_SUFFIX:
        return Path(path.stem).suffix.lower()
    return suffix


_OUTPUT_MARKS = ('"schema": "dateline.', '<meta name="generator" content="dateline')


# The header rows of the CSVs dateline writes (render/exports.py), as they start.
_CSV_HEADERS = ("part,date,sentence,text,", "speaker,role,actor_id,", "category,kind,value,",
                "Year,Month,Day,Time,End Year,")  # fmt: skip


def _csv_output(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            first = f.readline(400).decode("utf-8", "replace")
    except OSError:
        return False
    return first.startswith(_CSV_HEADERS)


def dateline_output(path: Path) -> bool:
    """True for a file dateline wrote: its JSON documents, its HTML report, its Markdown
    timelines and briefings (a title line, then its Sources and Run report sections)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
            if any(mark in head for mark in _OUTPUT_MARKS):
                return True
            if path.suffix.lower() != ".md" or not head.startswith(("# Timeline", "# Briefing")):
                return False
            f.seek(max(0, path.stat().st_size - 200_000))
            tail = f.read().decode("utf-8", "replace")
    except OSError:
        return False
    return "\n## Sources\n" in tail and "\n## Run report\n" in tail


def _walk(root: Path, found: Discovery, rules: _Filter) -> None:
    seen: set[str] = set()

    def unreadable(err: OSError) -> None:
        name = err.filename or root
        found.unusable.append(
            (str(name), f"folder cannot be read ({err.strerror}); check its permissions")
        )

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link back into a folder already read: read it once
            dirs.clear()
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            child = Path(folder) / name
            if name.startswith(".") or name in MANIFEST_NAMES or name.lower() == "readme.md":
                continue
            if child.is_file():
                why = rules.why_not(child)
                if why is None:
                    found.files.append(child)
                elif why:
                    found.unusable.append((str(child), why))
            elif child.is_symlink():
                found.unusable.append((str(child), BROKEN_LINK))


def decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Bytes to text: UTF-8 (BOM or not), then cp1252, then latin-1, the fallback recorded."""
    if not data.strip():
        raise InputError(path, "the file is empty", "remove it or give it some text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            path, "binary file (NUL bytes), not text", "give dateline .txt, .html or .jsonl files"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", ()
    try:
        return data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError as err:
        first_bad = err.start
    mixed = _decode_per_line(data, first_bad)
    if mixed is not None:
        return mixed
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        warning = f"not valid UTF-8 (first bad byte at {first_bad}); decoded as {encoding}"
        return text, encoding, (warning,)
    raise InputError(
        path,
        "undecodable: neither UTF-8 nor cp1252 nor readable latin-1 text",
        "convert the file to UTF-8",
    )


def _decode_per_line(data: bytes, first_bad: int) -> tuple[str, str, tuple[str, ...]] | None:
    """Text whose lines are UTF-8 and cp1252 by turns (pasted together from two sources):
    each line decoded on its own. None when no line needs UTF-8 (plain cp1252 text)."""
    lines = data.splitlines(keepends=True)
    parts: list[str] = []
    fallback: list[int] = []
    utf8_non_ascii = False
    for number, line in enumerate(lines, start=1):
        try:
            parts.append(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        except UnicodeDecodeError:
            try:
                parts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                return None
            fallback.append(number)
    if not utf8_non_ascii:
        return None
    text = "".join(parts)
    if _looks_binary(text):
        return None
    shown = ", ".join(map(str, fallback[:5])) + (" ..." if len(fallback) > 5 else "")
    warning = (
        f"mixed encodings: not valid UTF-8 (first bad byte at {first_bad}); "
        f"{len(fallback)} of {len(lines)} lines decoded as cp1252 (lines {shown})"
    )
    return text, "utf-8+cp1252", (warning,)


def _looks_binary(text: str) -> bool:
    control = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
    return control > 0.05 * min(len(text), 4096)


def folder_date(path: Path) -> dt.date | None:
    """The publication date a ``YYYY-MM-DD`` folder above the file gives (Timeline17)."""
    for parent in path.parents:
        match = FOLDER_DATE.match(parent.name)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return None
    return None


def read_bytes(path: Path) -> bytes:
    """A file's bytes; a ``.gz`` file's decompressed bytes (the size limit applies to
    what it holds, so a small file that inflates without end is refused)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                str(path),
                f"file too large ({size:,} bytes)",
                f"split it; the limit is {MAX_BYTES:,} bytes",
            )
        if path.suffix.lower() != GZIP_SUFFIX:
            return path.read_bytes()
        with gzip.open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        if isinstance(err, gzip.BadGzipFile) or not err.strerror:
            raise _corrupt_gzip(path, err) from err
        raise InputError(str(path), f"cannot be read: {err.strerror}") from err
    except (EOFError, zlib.error) as err:
        raise _corrupt_gzip(path, err) from err
    if len(data) > MAX_BYTES:
        raise InputError(
            str(path),
            f"decompresses to more than {MAX_BYTES:,} bytes",
            "split the article file before compressing it",
        )
    return data


def _corrupt_gzip(path: Path, err: BaseException) -> InputError:
    detail = str(err) or type(err).__name__
    if isinstance(err, EOFError):
        detail = "it ends before the compressed data does (truncated)"
    return InputError(
        str(path),
        f"corrupt gzip file: {detail}",
        "compress it again, or give the uncompressed file",
    )


def read_file(path: Path) -> Iterator[RawDocument]:
    """Yield the documents in one file; raise InputError when the file is unusable.

    A JSONL file yields one document per record; a bad record is reported by a
    document with ``text=""`` and a warning, so the caller can record it and go on.
    A ``.gz`` file is read as the file it holds (``a.jsonl.gz`` as JSONL).
    """
    data = read_bytes(path)
    yield from read_data(
        str(path), data, article_suffix(path), folder_date(path), path.stat().st_mtime
    )


def read_data(
    name: str,
    data: bytes,
    suffix: str,
    day: dt.date | None = None,
    mtime: float | None = None,
    url: str | None = None,
) -> Iterator[RawDocument]:
    """The documents in ``data``, read as a file with ``suffix`` would be; ``name`` is
    the input's name in outputs and errors, ``url`` the page it was fetched from."""
    text, encoding, warnings = decode(data, name)
    common: dict[str, Any] = {
        "encoding": encoding,
        "warnings": warnings,
        "folder_date": day,
        "mtime": mtime,
    }
    if suffix in JSON_SUFFIXES:
        yield from read_json_records(name, text, common, whole=suffix == ".json")
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_html(text)):
        yield read_html(name, text, common, url=url)
    else:
        yield RawDocument(path=name, text=text, **common)


def sniff_suffix(data: bytes) -> str:
    """How to read bytes that come without a file name (standard input): JSON when they
    open with ``{`` or ``[`` (one record, a list, or JSONL), HTML when they look like a
    page, else text (Markdown included)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return ".json"
    if _looks_html(head.decode("utf-8", "replace")):
        return ".html"
    return ".txt"


def read_stdin(stream: BinaryIO) -> list[RawDocument]:
    """One article (text, Markdown or HTML) or JSON/JSONL records from ``stream``,
    named ``<stdin>``; its date comes from its content and metadata like any article."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(STDIN_NAME, f"more than {MAX_BYTES:,} bytes", "give a file instead")
    return list(read_data(STDIN_NAME, data, sniff_suffix(data)))


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def read_html(
    path: str | Path, text: str, common: dict[str, Any], url: str | None = None
) -> RawDocument:
    """A page's article: text, title, date, site and author, as trafilatura extracts them
    (``url``: the address it was fetched from, which names the site when the page
    does not)."""
    import trafilatura  # lazy: HTML support costs ~0.5 s of imports

    try:
        result = trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False
        )
    except Exception as err:  # trafilatura raises assorted lxml/parser errors
        raise InputError(str(path), f"unparseable HTML: {err}") from err
    doc: dict[str, Any] = {}
    if isinstance(result, dict):
        doc = result
    elif result is not None:
        doc = result.as_dict()
    if not doc or not (doc.get("text") or "").strip():
        raise InputError(
            str(path),
            "HTML with no article text found",
            "check that the page contains the article, not only navigation",
        )
    return RawDocument(
        path=str(path),
        text=doc["text"],
        title=doc.get("title"),
        date=doc.get("date"),
        source=doc.get("sitename") or doc.get("hostname"),
        url=doc.get("url") or url,
        author=doc.get("author"),
        html=True,
        **common,
    )


def read_json_records(
    path: str | Path, text: str, common: dict[str, Any], whole: bool | None = None
) -> Iterator[RawDocument]:
    """Records with ``text`` plus optional id, title, date or time, url, source.
    ``whole``: the text may be one JSON document (default: for a ``.json`` name)."""
    stripped = text.lstrip()
    if whole is None:
        whole = str(path).lower().endswith(".json")
    if whole and stripped.startswith(("[", "{")):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as err:
            if stripped.startswith("["):
                raise InputError(str(path), f"invalid JSON: {err}") from err
            records = None  # perhaps one record per line after all
        if isinstance(records, dict):  # one (pretty-printed) record
            records = [records]
    else:
        records = None
    if isinstance(records, list):
        items: list[tuple[int, Any]] = list(enumerate(records, start=1))
    else:
        items = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except json.JSONDecodeError as err:
                items.append((lineno, InputError(f"{path}:{lineno}", f"invalid JSON: {err.msg}")))
    if not items:
        raise InputError(str(path), "no JSON records found")
    for number, record in items:
        yield _record_document(path, number, record, common)


def _record_document(
    path: str | Path, number: int, record: Any, common: dict[str, Any]
) -> RawDocument:
    where = f"{path}#{number}"
    if isinstance(record, InputError):
        return RawDocument(
            path=where, text="", encoding=common["encoding"], warnings=(record.problem,)
        )
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return RawDocument(
            path=where,
            text="",
            encoding=common["encoding"],
            warnings=("record has no string field 'text'",),
        )
    date = record.get("date") or record.get("time") or record.get("published")
    return RawDocument(
        path=where,
        text=record["text"],
        encoding=common["encoding"],
        title=_str_or_none(record.get("title")),
        date=_str_or_none(date),
        source=_str_or_none(record.get("source")),
        url=_str_or_none(record.get("url")),
        record_id=_str_or_none(record.get("id")),
        warnings=common["warnings"],
        mtime=common["mtime"],
    )


def _str_or_none(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """A CSV or JSONL manifest: path, date, source, url, title. Keys are resolved paths."""
    text, _, _ = decode(read_bytes(path), str(path))
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
    else:
        try:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"invalid JSON line in manifest: {err.msg}") from err
    entries: dict[str, ManifestEntry] = {}
    for number, row in enumerate(rows, start=1):
        if not row.get("path"):
            raise InputError(
                f"{path}:{number}",
                "manifest row has no 'path'",
                "each row needs path plus any of date, source, url, title",
            )
        key = str((path.parent / str(row["path"])).resolve())
        entries[key] = ManifestEntry(
            date=_str_or_none(row.get("date")),
            source=_str_or_none(row.get("source")),
            url=_str_or_none(row.get("url")),
            title=_str_or_none(row.get("title")),
        )
    return entries


def find_manifests(paths: list[Path]) -> list[Path]:
    """Manifests sitting at the top of the folders given."""
    return [
        p / name for p in paths if p.is_dir() for name in MANIFEST_NAMES if (p / name).is_file()
    ]
