"""Fixtures for the web app: a store of small articles written here, and the app served
by a real uvicorn on a loopback port (a thread of the test process)."""

from __future__ import annotations

import http.client
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from dateline.options import Options
from dateline.store import open_store

SERIAL = Options(workers=1)

# A small story in dated folders (the folder dates each article): lead sentences make
# entries on the publication dates, and explicit dates make entries of their own.
ARTICLES = {
    "2021-05-03/flood-1.txt": (
        "Riverton braces for the flood\n\n"
        "Riverton officials ordered the evacuation of the low town as the Ash river rose "
        "above its banks. The mayor, Dana Whitfield, said the levee would hold for two days."
    ),
    "2021-05-04/flood-2.txt": (
        "Levee breaks in Riverton\n\n"
        "The Riverton levee broke before dawn and water reached the market square. "
        "Rescue teams moved two hundred families to the school on the hill."
    ),
    "2021-05-06/flood-3.txt": (
        "Riverton counts the damage\n\n"
        "Riverton engineers said the repairs to the levee would cost four million dollars. "
        "On May 4, 2021, the river reached its highest level in forty years."
    ),
    "2021-05-09/flood-4.txt": (
        "Riverton reopens its market\n\n"
        "Traders in Riverton reopened the market square after the water went down. "
        "The school on the hill closed its shelter on May 8, 2021."
    ),
    "2021-05-12/flood-5.txt": (
        "Inquiry into the Riverton levee\n\n"
        "The state announced an inquiry into why the Riverton levee failed. "
        "Engineers had warned about the levee in March 2020."
    ),
    "2021-05-14/flood-6.txt": (
        "Riverton <script>alert('x')</script> & the river\n\n"
        "A Riverton resident wrote <img src=x onerror=alert(1)> on a sign by the levee. "
        "Residents of Riverton held a meeting about the flood on the church steps."
    ),
}


def write_articles(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of ARTICLES (model-free annotations only), built once per module."""
    root = tmp_path_factory.mktemp("flood")
    folder = write_articles(root / "articles")
    path = root / "store.db"
    with open_store(path) as db:
        db.add([folder], SERIAL)
    return path


@pytest.fixture
def store_path(built_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built store for one test (curation writes to it)."""
    path = tmp_path / "store.db"
    shutil.copy(built_store, path)
    return path


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


class Served:
    """The app served by uvicorn on 127.0.0.1 and an HTTP client for it."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None
    ) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return Reply(
                resp.status,
                {k.lower(): v for k, v in resp.getheaders()},
                resp.read().decode("utf-8"),
            )
        finally:
            conn.close()

    def get(self, path: str, **params: Any) -> Reply:
        return self.request("GET", path + ("?" + urlencode(params) if params else ""))

    def post(self, path: str, form: dict[str, Any], headers: dict[str, str] | None = None) -> Reply:
        return self.request(
            "POST",
            path,
            urlencode(form),
            {"content-type": "application/x-www-form-urlencoded", **(headers or {})},
        )

    def csrf(self) -> str:
        """The CSRF token, as a browser gets it: from a form on a page."""
        found = re.search(r'name="csrf" value="([^"]+)"', self.get("/curation").body)
        if not found:  # no form on a page without records: take one from an article page
            page = self.get("/article", id="2021-05-03/flood-1.txt").body
            found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found, "no CSRF token on the pages"
        return found.group(1)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()


def serve(store_path: Path, **kwargs: Any) -> Served:
    from dateline.serve import create_app

    return Served(create_app(store_path, **kwargs))


@pytest.fixture
def app(store_path: Path) -> Iterator[Served]:
    served = serve(store_path)
    yield served
    served.stop()
