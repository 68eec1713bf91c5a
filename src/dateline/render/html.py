"""The HTML report: one self-contained file that works offline.

No network request of any kind: CSS and JavaScript are inline, charts are inline SVG,
fonts are the system's. Article text is always escaped (Jinja2 autoescape), the data
block is JSON with ``<``, ``>`` and ``&`` written as ``\\u003c``..., and a
Content-Security-Policy allows only the report's own script (by hash), so even a
mistake in escaping could not run a script that came with an article.

The style and the script are files beside the template (``templates/report.css``,
``templates/report.js``), inlined by :func:`render_html`; :func:`report_asset` gives them
to other pages (the web app) as they are. The script adds search, filters, a zoomable time
axis and "show more" to long lists; without it the page is complete, with long lists
collapsed in ``<details>``. Printing opens everything and hides the controls.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from dateline.briefing.build import Briefing
from dateline.briefing.figure_source import source_key
from dateline.briefing.figures import (
    HEADLINE,
    INCIDENT,
    Figure,
    FigureSeries,
    headline_figures,
    key_points,
)
from dateline.briefing.quotes import shown_quotes
from dateline.furniture import find_furniture
from dateline.model import Article, Span, TimelineEntry
from dateline.render.briefing_text import (
    briefing_title,
    coverage_line,
    figure_label,
    summary_date_label,
)
from dateline.render.expectations import expectations_view
from dateline.render.json import date_shown, title_shown
from dateline.version import __version__

MAX_CARDS = 16  # actor cards: the quoted first, then people and organisations
CONTEXT_CHARS = 400  # at most this much of the paragraph on each side of a sentence
AXIS_WIDTH, AXIS_HEIGHT, AXIS_PAD = 1000, 120, 30
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 400, 170, 45
CHART_PAD_X = 80  # room for a label centred on the first and last point
CHART_LINES = 3  # sources drawn as lines in a figures chart, told apart by their dashes
CHART_DASHES = ("", "6 3", "2 3")
CHART_LABEL_GAP = 90  # a value label this far from another (viewBox units) cannot overlap it
# "Show more" pages (items shown before the button) and the lists left open without a
# click when short, so a long briefing's first screen is its title, summary and timeline.
PAGE = {
    "side": 8,  # background and ahead entries
    "charts": 4,  # figure kinds
    "rows": 12,  # figure table rows
    "actors": 8,  # actor cards
    "quotes": 8,  # quotes of one speaker
    "sources": 25,  # articles in the source list
    "open_sources": 12,  # a list of this many articles or fewer starts open
    "report": 20,  # run report lines
    "open_report": 6,  # a run report of this many lines or fewer starts open
}
LEAD_CHARS = 120  # an entry's first sentence, cut to this, names its dot on the time axis
CSP_PLACEHOLDER = "__DATELINE_SCRIPT_HASH__"
ASSETS = ("report.css", "report.js")
_APP_SCRIPT = re.compile(r'<script id="app">(.*?)</script>', re.DOTALL)


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``</``, no ``<!--``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return Markup(text)  # escaped above for the script-data context


@cache
def report_asset(name: str) -> str:
    """The report's own style or script (``report.css``, ``report.js``), as text."""
    if name not in ASSETS:
        raise ValueError(f"no report asset {name!r}: expected one of {', '.join(ASSETS)}")
    return (resources.files("dateline.render") / "templates" / name).read_text(encoding="utf-8")


def _web_link(url: str) -> str:
    """``url`` when it is an http(s) address (the only links the report makes), else ''."""
    return url if re.match(r"https?://[^\s<>\"']+$", url, re.IGNORECASE) else ""


def _lead(text: str) -> str:
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"


# --- text in context ----------------------------------------------------------------


def in_context(article: Article, span: Span) -> dict[str, str]:
    """The paragraph around a span, split into before / sentence / after."""
    text = article.text
    para_start = text.rfind("\n\n", 0, span.start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", span.end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[max(para_start, span.start - CONTEXT_CHARS) : span.start]
    after = text[span.end : min(para_end, span.end + CONTEXT_CHARS)]
    if span.start - para_start > CONTEXT_CHARS:
        before = "…" + before.split(" ", 1)[-1]
    if para_end - span.end > CONTEXT_CHARS:
        after = after.rsplit(" ", 1)[0] + "…"
    return {
        "before": " ".join(before.split()) + (" " if before[-1:].isspace() else ""),
        "text": " ".join(span.text(article).split()),
        "after": (" " if after[:1].isspace() else "") + " ".join(after.split()),
    }


def _pub(article: Article) -> dict[str, str]:
    pub = article.pub_date
    value = pub.value.isoformat() if pub.value else (pub.partial or "unknown")
    return {
        "value": value,
        "confidence": pub.confidence.value,
        "source": pub.source,
        "evidence": pub.evidence,
    }


# --- actors in sentences -------------------------------------------------------------


# An actor, its names (longest first) and the pattern of them as whole words.
AliasPattern = tuple[str, tuple[str, ...], re.Pattern[str]]


def _alias_patterns(briefing: Briefing) -> list[AliasPattern]:
    out: list[AliasPattern] = []
    for actor in briefing.actors:
        names = sorted(
            {alias for alias, _ in actor.aliases if len(alias) > 2}, key=len, reverse=True
        )
        if names:
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
            out.append((actor.id, tuple(names), pattern))
    return out


def actors_in(text: str, patterns: Sequence[AliasPattern]) -> list[str]:
    """The actors named in ``text``; a name not even in it as a substring needs no
    pattern (most actors are in no given sentence)."""
    return [
        actor_id
        for actor_id, names, pattern in patterns
        if any(name in text for name in names) and pattern.search(text)
    ]


# --- the view model -----------------------------------------------------------------


def _sources(briefing: Briefing) -> list[dict[str, Any]]:
    furniture = find_furniture(briefing.sources)
    return [
        {
            "n": n,
            "id": a.id,
            "title": title_shown(a, furniture),
            "source": a.source or "",
            "path": a.path,
            "url": a.url or "",
            "href": _web_link(a.url or ""),
            "pub": _pub(a),
            "anchors": a.pub_date.anchors(briefing.options.anchor_confidence),
        }
        for n, a in enumerate(briefing.sources, start=1)
    ]


def _entries(
    briefing: Briefing,
    numbers: dict[str, int],
    patterns: Sequence[AliasPattern],
    part: Sequence[TimelineEntry] | None = None,
) -> list[dict[str, Any]]:
    """The view of the main timeline's entries, or of another ``part`` (background)."""
    entries = []
    for i, entry in enumerate(briefing.timeline.entries if part is None else part):
        sents, actor_ids = [], []
        for sent in entry.sentences:
            article = briefing.article(sent.span.article_id)
            ctx = in_context(article, sent.span)
            actor_ids += [a for a in actors_in(ctx["text"], patterns) if a not in actor_ids]
            sents.append(
                {
                    **ctx,
                    "text": sent.shown(article),
                    "n": numbers[article.id],
                    "title": article.title or "",
                    "source": article.source or "",
                    "pub": _pub(article),
                    "evidence": sent.evidence.kind,
                }
            )
        entries.append(
            {
                "i": i,
                "date": entry.date.isoformat(),
                "label": f"{entry.date:%d %B %Y}",
                "weekday": f"{entry.date:%A}",
                "articles": entry.articles,
                "mentions": entry.mentions,
                "sentences": sents,
                "actors": actor_ids,
            }
        )
    return entries


def _actors(
    briefing: Briefing, numbers: dict[str, int], entries: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    shown = shown_quotes(briefing.quotes, briefing.sources)
    quotes = {q.actor_id: q for q in shown if q.actor_id}
    in_entries = Counter(a for e in entries for a in e["actors"])
    out: list[dict[str, Any]] = []
    for actor in briefing.actors:
        group = quotes.get(actor.id)
        person_or_org = actor.kind.value in ("PERSON", "ORG")
        if not (group or in_entries[actor.id] or (person_or_org and actor.mentions > 1)):
            continue
        out.append(
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind.value.lower(),
                "titles": actor.title,  # the one clean title (the template's name for it)
                "mentions": actor.mentions,
                "articles": len(actor.article_ids),
                "entries": in_entries[actor.id],
                "quotes": [
                    {
                        "text": " ".join(e.span.text(briefing.article(e.span.article_id)).split()),
                        "direct": e.direct,
                        "n": numbers[e.span.article_id],
                        # every source carrying the quote, once each
                        "ns": sorted({numbers[s.article_id] for s in e.spans}),
                        "date": date_shown(e.pub_date, briefing.article(e.span.article_id)),
                    }
                    for e in (group.quotes if group else ())
                ],
            }
        )
    out.sort(key=lambda a: (not a["quotes"], a["kind"] not in ("person", "org"), -a["mentions"]))
    return out[:MAX_CARDS]


def _per_day(briefing: Briefing) -> Counter[dt.date]:
    """Articles per publication day (the days that anchor the timeline)."""
    anchor = briefing.options.anchor_confidence
    return Counter(
        a.pub_date.value
        for a in briefing.sources
        if a.pub_date.value and a.pub_date.anchors(anchor)
    )


def density_svg(briefing: Briefing) -> dict[str, Any]:
    """Articles per day as bars and timeline dates as dots, on one time axis."""
    per_day = _per_day(briefing)
    days = [*per_day, *(e.date for e in briefing.timeline.entries)]
    if not days:
        return {"bars": [], "dots": [], "ticks": [], "width": AXIS_WIDTH, "height": AXIS_HEIGHT}
    first, last = min(days), max(days)
    span = max(1, (last - first).days)

    def x(day: dt.date) -> float:
        return round(AXIS_PAD + (AXIS_WIDTH - 2 * AXIS_PAD) * (day - first).days / span, 1)

    top = max(per_day.values(), default=1)
    base = AXIS_HEIGHT - AXIS_PAD
    bars = [
        {
            "x": x(d) - 2,
            "y": round(base - 50 * n / top, 1),
            "h": round(50 * n / top, 1),
            "label": f"{d.isoformat()}: {n} article{'s' if n > 1 else ''}",
        }
        for d, n in sorted(per_day.items())
    ]
    dots = [
        {"x": x(e.date), "y": 22, "i": i, "label": e.date.isoformat()}
        for i, e in enumerate(briefing.timeline.entries)
    ]
    ticks = [{"x": x(d), "label": d.isoformat()} for d in _ticks(first, last)]
    return {
        "bars": bars,
        "dots": dots,
        "ticks": ticks,
        "base": base,
        "width": AXIS_WIDTH,
        "height": AXIS_HEIGHT,
    }


def _ticks(first: dt.date, last: dt.date, n: int = 2) -> list[dt.date]:
    if first == last:
        return [first]
    step = (last - first) / n
    return [first + step * i for i in range(n + 1)]


def figure_chart(
    series: Sequence[FigureSeries], category: str, numbers: dict[str, int]
) -> dict[str, Any]:
    """One category's headline figures on a time axis: a line per source (the
    ``CHART_LINES`` sources with the most dated figures), a point per figure with its
    value, date and source as a tooltip, and labels only on the first, the last and the
    largest (each only where it cannot overlap another), so the chart stays readable
    with hundreds of figures. Undated figures are
    listed below it, not plotted; incident and other-story counts only in the table."""
    headline = headline_figures(series, category)
    dated = [f for f in headline if f.refers is not None]
    top = max((f.quantity for f in dated), default=1.0) or 1.0
    inner_w, inner_h = CHART_WIDTH - 2 * CHART_PAD_X, CHART_HEIGHT - 2 * CHART_PAD
    first = min((f.refers for f in dated if f.refers), default=None)
    last = max((f.refers for f in dated if f.refers), default=None)
    span = max(1, (last - first).days) if first and last else 1

    def x(day: dt.date) -> float:
        if first is None or first == last:
            return round(CHART_PAD_X + inner_w / 2, 1)
        return round(CHART_PAD_X + inner_w * (day - first).days / span, 1)

    def y(quantity: float) -> float:
        return round(CHART_HEIGHT - CHART_PAD - inner_h * quantity / top, 1)

    labelled: list[Figure] = []
    largest = [max(dated, key=lambda f: f.quantity)] if dated else []
    for f in [*key_points(dated, 2)[::-1], *largest]:  # the last first: the latest count
        if f.refers and all(
            abs(x(f.refers) - x(g.refers)) >= CHART_LABEL_GAP
            or abs(y(f.quantity) - y(g.quantity)) >= 14
            for g in labelled
            if g.refers
        ):
            labelled.append(f)
    points = [
        {
            "x": x(f.refers),
            "y": y(f.quantity),
            "value": figure_label(f),
            "date": f.refers.isoformat(),
            "source": f.source or "source not given",
            "label": any(f is g for g in labelled),
        }
        for f in dated
        if f.refers is not None
    ]
    by_source: dict[str, list[Figure]] = {}
    for f in dated:
        by_source.setdefault(source_key(f.source), []).append(f)
    busiest = sorted(by_source.values(), key=len, reverse=True)[:CHART_LINES]
    lines = [
        {
            "points": " ".join(f"{x(f.refers)},{y(f.quantity)}" for f in figs if f.refers),
            "source": figs[-1].source or "source not given",
            "dash": CHART_DASHES[i],
        }
        for i, figs in enumerate(busiest)
        if len(figs) > 1
    ]
    ticks = (
        [{"x": x(d), "label": d.isoformat()} for d in _ticks(first, last)] if first and last else []
    )
    rows = [_figure_row(f, numbers) for f in headline]
    others = [
        _figure_row(f, numbers)
        for s in series
        if s.category == category and s.kind != HEADLINE
        for f in s.figures
    ]
    incidents = sum(r["kind"] == INCIDENT for r in others)
    return {
        "category": category,
        "points": points,
        "lines": lines,
        "ticks": ticks,
        "undated": [_figure_row(f, numbers) for f in headline if f.refers is None],
        "rows": rows,
        "others": others,
        "incidents": incidents,
        "elsewhere": len(others) - incidents,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "base": CHART_HEIGHT - CHART_PAD + 8,
    }


def _figure_row(figure: Figure, numbers: dict[str, int]) -> dict[str, Any]:
    return {
        "label": figure_label(figure),
        "unit": figure.unit,
        "cue": figure.cue,
        "kind": figure.kind,
        "source": figure.source,
        "date": figure.refers.isoformat() if figure.refers else "date unknown",
        "n": numbers[figure.span.article_id],
        "span": figure.span,
        "sentence": "",
    }


def _figures(briefing: Briefing, numbers: dict[str, int]) -> list[dict[str, Any]]:
    charts = []
    for category in dict.fromkeys(s.category for s in briefing.figures):
        chart = figure_chart(briefing.figures, category, numbers)
        for row in (*chart["rows"], *chart["others"], *chart["undated"]):
            span = row.pop("span")
            row["sentence"] = " ".join(span.text(briefing.article(span.article_id)).split())
        charts.append(chart)
    # Categories with a running total first (the order of the series), the rest after.
    return sorted(charts, key=lambda c: not c["rows"])


def report_view(briefing: Briefing) -> dict[str, Any]:
    numbers = {a.id: i for i, a in enumerate(briefing.sources, start=1)}
    patterns = _alias_patterns(briefing)
    entries = _entries(briefing, numbers, patterns)
    actors = _actors(briefing, numbers, entries)
    summary = [
        {
            "text": " ".join(s.span.text(briefing.article(s.span.article_id)).split()),
            "n": numbers[s.span.article_id],
            "date": summary_date_label(s),
            "iso": s.day.isoformat() if s.day else "",
        }
        for s in briefing.summary.sentences
    ]
    dates = [e["date"] for e in entries]
    filters = [a for a in actors if a["entries"]]
    timeline = briefing.timeline
    return {
        "title": briefing_title(briefing),
        "coverage": coverage_line(briefing),
        "generator": f"dateline {__version__}",
        "about": briefing.options.about or "",
        "summary": summary,
        "entries": entries,
        "background": _entries(briefing, numbers, patterns, timeline.background),
        "ahead": _entries(briefing, numbers, patterns, timeline.ahead),
        "window_start": timeline.start.isoformat() if timeline.start else "",
        "window_end": timeline.end.isoformat() if timeline.end else "",
        "actors": actors,
        "filter_actors": filters,
        "figures": _figures(briefing, numbers),
        "expectations": expectations_view(
            briefing.expectations, {a.id: a for a in briefing.sources}, numbers
        ),
        "sources": _sources(briefing),
        "axis": density_svg(briefing),
        "first": min(dates, default=""),
        "last": max(dates, default=""),
        "report": {
            "accepted": len(briefing.report.accepted),
            "rejected": [{"path": r.path, "reason": r.reason} for r in briefing.report.rejected],
            "warnings": [
                {"path": r.path, "warning": w} for r in briefing.report.inputs for w in r.warnings
            ],
            "notes": list(briefing.notes),
            # Articles placed by a content estimate (issue 15): the report names them.
            "estimated": [a.id for a in briefing.sources if a.pub_date.source == "content"],
        },
        "quotes": sum(len(a["quotes"]) for a in actors),
        "data": json_for_script(
            {
                "entries": [
                    {"i": e["i"], "date": e["date"], "actors": e["actors"]} for e in entries
                ],
                "actors": {a["id"]: a["name"] for a in filters},
                "axis": {
                    "entries": [
                        [e["i"], e["date"], _lead(e["sentences"][0]["text"])] for e in entries
                    ],
                    "bars": [[d.isoformat(), n] for d, n in sorted(_per_day(briefing).items())],
                },
            }
        ),
    }


def script_hash(page: str) -> str:
    """The CSP hash of the report's one script."""
    match = _APP_SCRIPT.search(page)
    body = match.group(1) if match else ""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page."""
    from jinja2 import Environment, PackageLoader

    env = Environment(
        loader=PackageLoader("dateline.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    page = env.get_template("report.html.j2").render(
        view=report_view(briefing),
        page=PAGE,
        csp_hash=CSP_PLACEHOLDER,
        style=Markup(report_asset("report.css")),  # our own files, not article text
        script=Markup(report_asset("report.js")),
    )
    return page.replace(CSP_PLACEHOLDER, script_hash(page), 1)
