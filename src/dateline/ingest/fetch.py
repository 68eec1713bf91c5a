"""Web pages as inputs: fetch a URL, extract its article with trafilatura.

Every failure is an :class:`InputError` naming the URL and what went wrong (the HTTP
status, a timeout, a page that is not HTML, a page with no article text), so the caller
records it as a rejected input and goes on with the next URL. Only ``http`` and
``https`` are fetched, with a time limit and a size limit (``Options.fetch_timeout``,
``Options.fetch_max_bytes``). Nothing here runs unless the user gives a URL.
"""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from dateline.errors import InputError
from dateline.ingest.readers import RawDocument, read_data
from dateline.version import __version__

HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_WORDS = 5  # as for any article (dateline.ingest.MIN_WORDS)
USER_AGENT = f"dateline/{__version__} (news timeline tool)"


@dataclass(frozen=True)
class Page:
    """What a URL answered: the address reached (after redirects) and the body."""

    url: str
    final_url: str
    data: bytes
    content_type: str


def fetch(url: str, timeout: float, max_bytes: int) -> Page:
    """GET ``url``; raise InputError for an HTTP error, a timeout, an unreachable host,
    a body over ``max_bytes`` or a page that is not HTML."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html"}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer: Message = response.headers
            content_type = answer.get_content_type()
            if content_type not in HTML_TYPES:
                raise InputError(
                    url,
                    f"not an HTML page (the server says {content_type})",
                    "give dateline web pages; save other documents as text files",
                )
            length = answer.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise _too_large(url, int(length), max_bytes)
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(
            url, f"HTTP error {err.code} ({err.reason})", "check the address in a browser"
        ) from err
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError | socket.timeout):
            raise _timed_out(url, timeout) from err
        raise InputError(
            url, f"cannot be fetched: {err.reason}", "check the address and the network"
        ) from err
    except TimeoutError as err:  # a timeout while reading the body
        raise _timed_out(url, timeout) from err
    except (OSError, ValueError) as err:  # a connection reset, a malformed address
        raise InputError(url, f"cannot be fetched: {err}", "check the address") from err
    if len(data) > max_bytes:
        raise _too_large(url, len(data), max_bytes)
    return Page(url, final_url, data, content_type)


def _timed_out(url: str, timeout: float) -> InputError:
    return InputError(
        url,
        f"no answer within {timeout:g} s (timed out)",
        "try again later, or allow more time with --fetch-timeout",
    )


def _too_large(url: str, size: int, limit: int) -> InputError:
    return InputError(
        url,
        f"page too large (more than {limit:,} bytes; at least {size:,})",
        "raise the limit (Options.fetch_max_bytes) or save the article as a file",
    )


def read_url(url: str, timeout: float, max_bytes: int) -> RawDocument:
    """The article of the page at ``url``: text, title, date (from the page's metadata),
    author, and as source the site's name (else its host)."""
    page = fetch(url, timeout, max_bytes)
    (doc,) = read_data(url, page.data, ".html", url=page.final_url)
    if len(doc.text.split()) < MIN_WORDS:
        raise InputError(
            url,
            f"no article text extracted from the page (only {doc.text.strip()[:40]!r})",
            "check that the address is the article's page, not an index or a login page",
        )
    site = doc.source or urlsplit(page.final_url).hostname
    return replace(doc, source=site, url=doc.url or page.final_url)


def read_urls(
    urls: Sequence[str], timeout: float, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    """Each URL's article, or the error that stopped it: one failure never stops the rest."""
    from dateline.progress import Progress

    with Progress(len(urls), "pages fetched") as bar:
        for url in urls:
            try:
                yield read_url(url, timeout, max_bytes)
            except InputError as err:
                yield err
            bar.advance()


def read_url_list(path: Path) -> list[str]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped.
    A line that is not an http(s) URL is an error naming the line."""
    from dateline.ingest.readers import decode, read_bytes

    text, _, _ = decode(read_bytes(path), str(path))
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        entry = re.split(r"\s+#", stripped, maxsplit=1)[0]  # a URL's own #fragment stays
        if not entry.lower().startswith(("http://", "https://")):
            raise InputError(
                f"{path}:{number}",
                f"not an http(s) URL: {entry[:80]!r}",
                "write one URL a line (https://...); start comments with #",
            )
        urls.append(entry)
    return urls
