"""The web app: Starlette routes over :class:`~dateline.serve.data.StoreData`.

Starlette (on uvicorn) is small and ASGI-native, has Jinja2 templating and a test
story, and needs no pydantic; FastAPI's extras (OpenAPI, validation models) buy nothing
for a handful of HTML pages. Every page calls the store or the public API with the
same :class:`~dateline.options.Options` the CLI builds; no pipeline logic lives here.

Security, as for the HTML report: Jinja2 autoescapes everything (article text is never
marked safe); every response carries a strict content security policy (no script at
all, styles from this server only, forms posting only here, no framing); a request
whose Host is not the address served is refused (DNS rebinding); every POST needs the
process's CSRF token and, when the browser sends an Origin, this server's; with
``read_only`` every POST is refused with 403.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import ConfigError, DatelineError
from dateline.model import Confidence
from dateline.options import Options
from dateline.render import exports
from dateline.render.expectations import key_reports, shown_chains, time_label
from dateline.serve.data import NotFoundError, StoreData
from dateline.version import __version__

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_BODY = 64 * 1024
READ_ONLY_MESSAGE = (
    "This server was started with --read-only: nothing can be changed in the store. "
    "Restart 'dateline serve' without --read-only to correct dates, reject entries or "
    "quotes, and merge or split actors."
)


class Guard:
    """ASGI middleware: the security headers on every response, and the Host check."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts  # None: any (the server was bound to every interface)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if _hostname(host) not in self.hosts:
                response = PlainTextResponse(
                    f"dateline serve answers to {', '.join(sorted(self.hosts))} only", 421
                )
                await self._guarded(response, scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _guarded(
        self, response: Response, scope: Scope, receive: Receive, send: Send
    ) -> None:
        response.raw_headers.extend(SECURITY_HEADERS)
        await response(scope, receive, send)


def _hostname(host: str) -> str:
    """``[::1]:8000`` -> ``::1``; ``localhost:8000`` -> ``localhost``."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class BadRequestError(Exception):
    """A parameter that cannot be used; the page says which and why."""


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise BadRequestError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from err


def _int(value: str | None, name: str, low: int = 0, high: int = 10**9) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError as err:
        raise BadRequestError(f"{name}: {value!r} is not a whole number") from err
    if not low <= number <= high:
        raise BadRequestError(f"{name}: {number} is not between {low} and {high}")
    return number


def options_from(params: Any, store: Path) -> Options:
    """The Options of a timeline or briefing page, from its query parameters: the same
    fields the CLI's ``--about``, ``--start``, ``--end``, ``--dates``, ``--sentences``,
    ``--no-focus`` and ``--anchor`` set."""
    about = " ".join((params.get("q") or params.get("actor") or "").split()) or None
    anchor = params.get("anchor") or "inferred"
    if anchor not in ("explicit", "inferred", "estimated"):
        raise BadRequestError(f"anchor: {anchor!r} is not explicit, inferred or estimated")
    kwargs: dict[str, Any] = {
        "about": about,
        "start": _day(params.get("start"), "start"),
        "end": _day(params.get("end"), "end"),
        "dates": _int(params.get("dates"), "dates", 1, 500),
        "sentences": _int(params.get("sentences"), "sentences", 1, 20),
        "anchor_confidence": Confidence(anchor),
        "workers": 1,
        "store": store,
    }
    if params.get("no_focus"):
        kwargs["story_focus"] = False
    try:
        return Options(**{k: v for k, v in kwargs.items() if v is not None})
    except ConfigError as err:
        raise BadRequestError(str(err)) from err


def _safe_back(value: str | None) -> str:
    """Where a form returns to: a path of this server only (no open redirect)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    return value if not parts.scheme and not parts.netloc else "/"


def create_app(store_path: str | Path, read_only: bool = False, host: str = "127.0.0.1") -> ASGIApp:
    """The web app over the store at ``store_path``; ``host``: the address it is served
    on (requests naming another host are refused unless it is every interface)."""
    data = StoreData(Path(store_path))
    token = secrets.token_urlsafe(32)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        csrf=token,
        read_only=read_only,
        version=__version__,
        store=str(data.path),
        urlencode=urlencode,
        # the expectations a reader needs, chosen as the briefing's Markdown does
        shown_chains=shown_chains,
        key_reports=key_reports,
        time_label=time_label,
    )

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), code)

    def problem(message: str, status: int) -> HTMLResponse:
        return page("problem.html", status, message=message, status=status)

    def guarded(
        handler: Callable[[Request], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            try:
                return await run_in_threadpool(handler, request)
            except BadRequestError as err:
                return problem(str(err), 400)
            except NotFoundError as err:
                return problem(f"no article {err.args[0]!r} in this store", 404)
            except DatelineError as err:
                return problem(str(err), 500)

        return run

    # -- pages ----------------------------------------------------------------------------

    def home(request: Request) -> Response:
        first, last, n = data.span()
        return page("home.html", sources=data.sources(), first=first, last=last, n=n)

    def search(request: Request) -> Response:
        p = request.query_params
        query = p.get("q", "")
        start, end = _day(p.get("start"), "start"), _day(p.get("end"), "end")
        offset = _int(p.get("offset"), "offset") or 0
        result = data.search(
            query, start, end, p.get("source") or None, p.get("actor") or None, offset
        )
        return page("search.html", result=result, params=dict(p), sources=data.sources())

    def article(request: Request) -> Response:
        p = request.query_params
        view = data.article(p.get("id", ""))
        text = view.article.text
        start, end = _int(p.get("start"), "start"), _int(p.get("end"), "end")
        cited = None
        if start is not None and end is not None and 0 <= start < end <= len(text):
            cited = (text[:start], text[start:end], text[end:])
        return page(
            "article.html",
            view=view,
            cited=cited,
            start=start,
            end=end,
            back=request.url.path + "?" + request.url.query,
        )

    def timeline(request: Request) -> Response:
        opts = options_from(request.query_params, data.path)
        result, corpus = data.timeline(opts)
        parts = [
            ("Timeline", result.entries),
            ("Background", result.background),
            ("Still ahead", result.ahead),
        ]
        return page(
            "timeline.html",
            timeline=result,
            corpus=corpus,
            parts=parts,
            params=dict(request.query_params),
            opts=opts,
            back=request.url.path + "?" + request.url.query,
        )

    def briefing(request: Request) -> Response:
        opts = options_from(request.query_params, data.path)
        result, corpus = data.briefing(opts)
        return page(
            "briefing.html",
            briefing=result,
            corpus=corpus,
            params=dict(request.query_params),
            opts=opts,
            back=request.url.path + "?" + request.url.query,
        )

    def curation(request: Request) -> Response:
        names: dict[str, str] = {}
        for aid, h in data.db.execute("SELECT article_id, hash FROM sources ORDER BY rowid"):
            names.setdefault(h, aid)
        return page("curation.html", records=data.records(), names=names)

    def export(request: Request) -> Response:
        kind = request.path_params["kind"]
        opts = options_from(request.query_params, data.path)
        if kind == "timeline.csv":
            result, corpus = data.timeline(opts)
            body = exports.timeline_to_csv(result, corpus, opts)
        elif kind == "timelinejs.json":
            import json

            result, corpus = data.timeline(opts)
            body = json.dumps(exports.timeline_to_timelinejs(result, corpus), indent=2)
        elif kind in ("quotes.csv", "figures.csv"):
            brief, _ = data.briefing(opts)
            body = (exports.quotes_to_csv if kind == "quotes.csv" else exports.figures_to_csv)(
                brief
            )
        else:
            return problem(f"no export {kind!r}", 404)
        media = "application/json" if kind.endswith(".json") else "text/csv; charset=utf-8"
        return Response(
            body,
            media_type=media,
            headers={"content-disposition": f'attachment; filename="{kind}"'},
        )

    # -- curation (POST) ------------------------------------------------------------------

    def _checked(request: Request, form: dict[str, str]) -> Response | None:
        if read_only:
            return problem(READ_ONLY_MESSAGE, 403)
        if not hmac.compare_digest(form.get("csrf", ""), token):
            return problem(
                "this form is out of date or did not come from this server (CSRF token): "
                "reload the page and try again",
                403,
            )
        origin = request.headers.get("origin")
        if (
            origin
            and origin != "null"
            and _hostname(urlsplit(origin).netloc) != _hostname(request.headers.get("host", ""))
        ):
            return problem(f"a form posted from {origin} is refused", 403)
        if request.headers.get("sec-fetch-site") == "cross-site":
            return problem("a form posted from another site is refused", 403)
        return None

    def curate(
        handler: Callable[[dict[str, str]], None],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return problem("the form is too large", 413)
            form = {
                k: v[0]
                for k, v in parse_qs(
                    body.decode("utf-8", "replace"), keep_blank_values=True
                ).items()
            }
            refused = _checked(request, form)
            if refused is not None:
                return refused
            try:
                await run_in_threadpool(handler, form)
            except BadRequestError as err:
                return problem(str(err), 400)
            except ValueError as err:
                return problem(str(err), 400)
            except NotFoundError as err:
                return problem(f"no article {err.args[0]!r} in this store", 404)
            except DatelineError as err:
                return problem(str(err), 500)
            return RedirectResponse(_safe_back(form.get("back")), 303)

        return run

    def set_date(form: dict[str, str]) -> None:
        day = _day(form.get("date"), "date")
        if day is None:
            raise BadRequestError("date: give the publication date (YYYY-MM-DD)")
        data.set_date(form.get("id", ""), day, " ".join(form.get("note", "").split()))

    def reject(kind: str) -> Callable[[dict[str, str]], None]:
        def run(form: dict[str, str]) -> None:
            start, end = _int(form.get("start"), "start"), _int(form.get("end"), "end")
            if start is None or end is None:
                raise BadRequestError("start and end: give the offsets of the text to reject")
            data.reject_span(kind, form.get("id", ""), start, end, form.get("note", ""))

        return run

    def actors(kind: str) -> Callable[[dict[str, str]], None]:
        def run(form: dict[str, str]) -> None:
            data.actors(kind, form.get("first", ""), form.get("second", ""), form.get("note", ""))

        return run

    def undo(form: dict[str, str]) -> None:
        record = _int(form.get("record"), "record")
        if record is None or data.undo(record) is None:
            raise BadRequestError("no such curation record")

    routes = [
        Route("/", guarded(home)),
        Route("/search", guarded(search)),
        Route("/article", guarded(article)),
        Route("/timeline", guarded(timeline)),
        Route("/briefing", guarded(briefing)),
        Route("/curation", guarded(curation)),
        Route("/export/{kind}", guarded(export)),
        Route("/curate/date", curate(set_date), methods=["POST"]),
        Route("/curate/reject-sentence", curate(reject("reject-sentence")), methods=["POST"]),
        Route("/curate/reject-quote", curate(reject("reject-quote")), methods=["POST"]),
        Route("/curate/merge", curate(actors("merge-actors")), methods=["POST"]),
        Route("/curate/split", curate(actors("split-actor")), methods=["POST"]),
        Route("/curate/undo", curate(undo), methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/favicon.ico", lambda r: Response(status_code=204)),
    ]
    app = Starlette(routes=routes)
    hosts = None if host in ("0.0.0.0", "::", "") else LOOPBACK | {_hostname(host) or host}
    return Guard(app, hosts)
