"""A web server on loopback for the URL tests: pages the test writes, served by
``http.server`` in a thread. Never the internet."""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar


@dataclass(frozen=True)
class Reply:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0


def article_page(text: str, title: str, date: str | None, site: str = "Demo News") -> bytes:
    """A news page as sites write them: metadata in the head, the article in <article>,
    navigation and a footer around it."""
    paragraphs = "\n".join(
        f"<p>{html.escape(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip()
    )
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta property="og:site_name" content="{site}">{meta}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{html.escape(title)}</h1>{paragraphs}</article>
<footer>Copyright {site}</footer></body></html>""".encode()


class _Handler(BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, Reply]] = {}

    def do_GET(self) -> None:
        reply = self.pages.get(self.path)
        if reply is None:
            reply = Reply(b"<html><body>Not found</body></html>", status=404)
        if reply.delay_s:
            time.sleep(reply.delay_s)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(pages: dict[str, Reply]) -> Iterator[str]:
    """Serve ``pages`` (path -> reply) on 127.0.0.1; yields the base URL."""
    handler = type("Handler", (_Handler,), {"pages": pages})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def demo_pages(syria: Path) -> dict[str, Reply]:
    """Two demo articles as pages (one dated in its metadata), a 404, a slow page, a PDF
    and a page with no article in it."""
    first = (syria / "000_09bd92fac073c3ff.txt").read_text(encoding="utf-8")
    fifth = (syria / "004_39d72fb9e3c2ba65.txt").read_text(encoding="utf-8")
    return {
        "/un-conference.html": Reply(
            article_page(first, "Ban urges Syria conference", "2013-05-13T10:00:00Z", "UN News")
        ),
        "/geneva": Reply(article_page(fifth, "Syria talks", None, "Wire")),
        "/slow": Reply(article_page(first, "Slow page", "2013-05-13"), delay_s=3.0),
        "/report.pdf": Reply(b"%PDF-1.4\n%binary", content_type="application/pdf"),
        "/empty": Reply(b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        "/gone": Reply(b"<html><body>Gone</body></html>", status=410),
    }
