"""Expectation chains as JSON, Markdown, CSV and the HTML report's lane.

Every expectation cites its article and offsets (the sentence, the event phrase, the
time words) like every other part of a briefing; docs/json-schema.md documents the
fields. An expectation is never shown as a timeline entry: it is what someone said
would happen.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

from dateline.escaping import markdown_text
from dateline.expectations.model import Chain, Expectation, ExpectedTime, Openness
from dateline.model import SCHEMA_VERSION, Article, Corpus, Span
from dateline.options import Options
from dateline.render.exports import safe_cell
from dateline.render.json import date_shown, span_offsets
from dateline.version import __version__

ArticleIndex = Mapping[str, Article]
MARKDOWN_CHAINS = 8  # chains shown in Markdown, most reported first; every chain is in the JSON
MARKDOWN_LINES = 10  # expectations shown per chain in Markdown
LANE_CHAINS = 6  # chains drawn in the HTML lane
EARLIER, LATER, SAME, FIRST = "earlier", "later", "same", "first"


def moves(chain: Chain) -> list[str | None]:
    """For each expectation, how its expected time moved from the last dated one before
    it in the chain: first, later, earlier or same; None when it gives no date."""
    out: list[str | None] = []
    last: ExpectedTime | None = None
    for exp in chain.expectations:
        point = _point(exp.time)
        if point is None:
            out.append(None)
            continue
        out.append(FIRST if last is None else _move(last, exp.time))
        last = exp.time
    return out


def _move(before: ExpectedTime, after: ExpectedTime) -> str:
    """Two closed times that overlap ("the second week of November", "mid-November")
    agree; otherwise the later start is later."""
    closed = before.openness is Openness.CLOSED and after.openness is Openness.CLOSED
    ends = (before.start, before.end, after.start, after.end)
    if closed and None not in ends and _overlaps(before, after):
        return SAME
    a, b = _point(before), _point(after)
    if a is None or b is None or a == b:
        return SAME
    return LATER if b > a else EARLIER


def key_reports(chain: Chain) -> list[tuple[Expectation, str | None]]:
    """The reports a reader needs to see a chain move, with their moves: per article,
    each new expected time and the first postponement or cancellation; an article with
    neither shows its first report that says when (or its first)."""
    out: list[tuple[Expectation, str | None]] = []
    pairs = list(zip(chain.expectations, moves(chain), strict=True))
    for article_id in dict.fromkeys(e.event_span.article_id for e in chain.expectations):
        mine = [(e, m) for e, m in pairs if e.event_span.article_id == article_id]
        values: set[str] = set()
        changed = False
        kept = []
        for exp, moved in mine:
            if exp.time.value and exp.time.value not in values:
                values.add(exp.time.value)
                kept.append((exp, moved))
            elif exp.modality.value in ("postponed", "cancelled") and not changed:
                changed = True
                kept.append((exp, moved))
        if not kept:
            kept = [next(((e, m) for e, m in mine if e.time.text), mine[0])]
        out += kept
    return out


def _overlaps(a: ExpectedTime, b: ExpectedTime) -> bool:
    return bool(a.start and a.end and b.start and b.end and b.start <= a.end and a.start <= b.end)


def _point(time: ExpectedTime) -> dt.date | None:
    """Where an expected time sits on a calendar: its start (its end when open before)."""
    return time.start or time.end


def _span(span: Span, article: Article, offsets: str) -> dict[str, Any]:
    start, end = span_offsets(article, span.start, span.end, offsets)
    return {"text": span.text(article), "start": start, "end": end}


def time_to_dict(time: ExpectedTime, article: Article, offsets: str) -> dict[str, Any]:
    found = None
    if time.span is not None:
        start, end = span_offsets(article, *time.span, offsets)
        found = {"start": start, "end": end}
    return {
        "text": time.text,
        "value": time.value,
        "openness": time.openness.value,
        "start": time.start.isoformat() if time.start else None,
        "end": time.end.isoformat() if time.end else None,
        "granularity": time.granularity.value if time.granularity else None,
        "span": found,
    }


def expectation_to_dict(
    exp: Expectation, article: Article, offsets: str, moved: str | None
) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "reported": exp.reported.isoformat() if exp.reported else None,
        "reported_confidence": article.pub_date.confidence.value,
        "event": _span(exp.event_span, article, offsets),
        "event_kind": exp.event_class,
        "modality": exp.modality.value,
        "cue": exp.cue,
        "time": time_to_dict(exp.time, article, offsets),
        "moved": moved,
        "speaker": exp.speaker,
        "sentence": _span(exp.sentence, article, offsets),
        "source": article.source,
        "title": article.title,
    }


def chain_to_dict(chain: Chain, articles: ArticleIndex, offsets: str) -> dict[str, Any]:
    outcome = None
    if chain.outcome is not None:
        article = articles[chain.outcome.sentence.article_id]
        outcome = {
            "date": chain.outcome.date.isoformat(),
            "verb": chain.outcome.verb,
            "article_id": article.id,
            "sentence": _span(chain.outcome.sentence, article, offsets),
        }
    return {
        "id": chain.id,
        "event": chain.event,
        "event_kind": chain.event_class,
        "status": chain.status,
        "reports": len(chain.expectations),
        "articles": len({e.event_span.article_id for e in chain.expectations}),
        "outcome": outcome,
        "expectations": [
            expectation_to_dict(e, articles[e.event_span.article_id], offsets, m)
            for e, m in zip(chain.expectations, moves(chain), strict=True)
        ],
    }


def expectations_to_dict(
    chains: Sequence[Chain], articles: ArticleIndex, offsets: str
) -> list[dict[str, Any]]:
    return [chain_to_dict(c, articles, offsets) for c in chains]


def expectations_document(chains: Sequence[Chain], corpus: Corpus, opts: Options) -> dict[str, Any]:
    """``dateline expectations --format json``: the chains and the articles they cite."""
    from dateline.render.json import article_to_dict, report_to_dict

    articles = {a.id: a for a in corpus.articles}
    return {
        "schema": "dateline.expectations",
        "version": SCHEMA_VERSION,
        "generator": f"dateline {__version__}",
        "offsets": opts.offsets,
        "expectations": expectations_to_dict(chains, articles, opts.offsets),
        "articles": [article_to_dict(a) for a in corpus.articles],
        "report": report_to_dict(corpus.report, corpus.articles, opts),
    }


# --- Markdown -----------------------------------------------------------------------


def time_label(time: ExpectedTime) -> str:
    """``2013-W45``, ``2013-08 or later``, ``by 2013-09``, ``as soon as possible``,
    ``no date given``: the expected time as a reader would scan it."""
    if time.openness is Openness.AFTER and time.value:
        return f"{time.value.removesuffix('/..')} or later"
    if time.openness is Openness.BEFORE and time.value:
        return f"by {time.value.removeprefix('../')}"
    if time.value:
        return time.value
    return f"“{time.text}”, no date" if time.text else "no date given"


def shown_chains(chains: Sequence[Chain], limit: int) -> list[Chain]:
    """The chains worth a reader's look: reported by more than one article, or giving
    a date, or changed (postponed, cancelled); most reported first."""
    worth = [
        c
        for c in chains
        if len({e.event_span.article_id for e in c.expectations}) > 1
        or any(e.time.value for e in c.expectations)
        or any(e.modality.value in ("postponed", "cancelled") for e in c.expectations)
    ]
    return worth[:limit]


def expectations_markdown(
    chains: Sequence[Chain], articles: ArticleIndex, numbers: Mapping[str, int]
) -> list[str]:
    """The briefing's "Expectations" section: each chain, its reports in order, how the
    expected time moved and what became of it."""
    out = [
        "## Expectations",
        "",
        "What was expected to happen, when and according to whom, report by report; "
        "expectations are not events of the timeline.",
        "",
    ]
    shown = shown_chains(chains, MARKDOWN_CHAINS)
    if not shown:
        return [*out, "*No expectations found.*", ""]
    for chain in shown:
        out += [f"### {markdown_text(chain.event[:1].upper() + chain.event[1:])}", ""]
        pairs = key_reports(chain)
        for exp, moved in pairs[:MARKDOWN_LINES]:
            article = articles[exp.event_span.article_id]
            when = date_shown(exp.reported, article)
            who = f", {markdown_text(exp.speaker)}" if exp.speaker else ""
            shift = f"; {moved}" if moved and moved != FIRST else ""
            sentence = markdown_text(" ".join(exp.sentence.text(article).split()))
            out.append(
                f"- reported {when}: **{markdown_text(time_label(exp.time))}** "
                f"({exp.modality.value}{who}{shift}): {sentence} "
                f"[{numbers[article.id]}]"
            )
        left = len(chain.expectations) - min(len(pairs), MARKDOWN_LINES)
        if left:
            out.append(f"- … {left} more report{'s' if left > 1 else ''} in the JSON output")
        out.append(f"- {_status_line(chain, articles, numbers)}")
        out.append("")
    left = len(chains) - len(shown)
    if left:
        out += [f"*{left} more expectation chain{'s' if left > 1 else ''} in the JSON output.*", ""]
    return out


def _status_line(chain: Chain, articles: ArticleIndex, numbers: Mapping[str, int]) -> str:
    if chain.outcome is not None:
        article = articles[chain.outcome.sentence.article_id]
        sentence = markdown_text(" ".join(chain.outcome.sentence.text(article).split()))
        return (
            f"**Happened** ({chain.outcome.date.isoformat()}, timeline): {sentence} "
            f"[{numbers[article.id]}]"
        )
    if chain.status == "cancelled":
        return "**Cancelled**, as last reported."
    return "Not reported as held in these articles."


def render_expectations_markdown(chains: Sequence[Chain], corpus: Corpus) -> str:
    """``dateline expectations --format md``: the section, then the numbered sources."""
    from dateline.render.markdown import render_sources

    numbers = {a.id: i for i, a in enumerate(corpus.articles, start=1)}
    articles = {a.id: a for a in corpus.articles}
    out = expectations_markdown(chains, articles, numbers)
    out[0] = "# Expectations"
    out = [line.replace("### ", "## ", 1) if line.startswith("### ") else line for line in out]
    return "\n".join([*out, *render_sources(corpus.articles, numbers)]) + "\n"


# --- CSV ----------------------------------------------------------------------------

CSV_COLUMNS = (
    "chain", "chain_event", "status", "reported", "event", "event_class", "modality", "cue",
    "time_text", "time_value", "openness", "moved", "speaker", "sentence", "article_id",
    "start", "end", "title", "source",
)  # fmt: skip


def expectations_to_csv(chains: Sequence[Chain], corpus: Corpus, opts: Options) -> str:
    """One row per expectation, chains in order; formula-safe cells."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for chain in chains:
        for exp, moved in zip(chain.expectations, moves(chain), strict=True):
            article = corpus.article(exp.event_span.article_id)
            start, end = span_offsets(article, exp.sentence.start, exp.sentence.end, opts.offsets)
            row = (
                chain.id, chain.event, chain.status,
                exp.reported.isoformat() if exp.reported else "", exp.event, exp.event_class,
                exp.modality.value, exp.cue, exp.time.text, exp.time.value or "",
                exp.time.openness.value, moved or "", exp.speaker or "",
                " ".join(exp.sentence.text(article).split()), article.id, start, end,
                article.title or "", article.source or "",
            )  # fmt: skip
            writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


# --- HTML lane ----------------------------------------------------------------------

LANE_WIDTH, LANE_HEIGHT, LANE_PAD, LANE_LEFT = 640, 280, 24, 70
LANE_UNDATED = 22  # the height of the "no date" row above the chart
LANE_DASHES = ("", "6 3", "2 3", "8 2 2 2", "4 4", "1 2")


def expectations_view(
    chains: Sequence[Chain], articles: ArticleIndex, numbers: Mapping[str, int]
) -> dict[str, Any]:
    """The HTML lane: a slip chart (expected date against report date, one line per
    chain; a point on the diagonal is an event expected the day it was reported) and,
    below it, every shown chain's reports."""
    shown = shown_chains(chains, LANE_CHAINS * 2)
    drawn = [c for c in shown if any(_point(e.time) for e in c.expectations)][:LANE_CHAINS]
    days = [
        d
        for c in drawn
        for e in c.expectations
        for d in (e.reported, _point(e.time), c.outcome.date if c.outcome else None)
        if d is not None
    ]
    chart: dict[str, Any] = {"lines": [], "ticks": [], "yticks": []}
    if days:
        chart = _slip_chart(drawn, min(days), max(days))
    return {
        "chart": chart,
        "width": LANE_WIDTH,
        "height": LANE_HEIGHT,
        "chains": [_chain_card(c, articles, numbers) for c in shown],
        "more": len(chains) - len(shown),
    }


def _slip_chart(drawn: Sequence[Chain], first: dt.date, last: dt.date) -> dict[str, Any]:
    span = max(1, (last - first).days)
    inner_w = LANE_WIDTH - LANE_LEFT - LANE_PAD
    top = LANE_PAD + LANE_UNDATED  # the row above is for reports that give no date
    inner_h = LANE_HEIGHT - LANE_PAD - top

    def x(day: dt.date) -> float:
        return round(LANE_LEFT + inner_w * (day - first).days / span, 1)

    def y(day: dt.date) -> float:
        return round(LANE_HEIGHT - LANE_PAD - inner_h * (day - first).days / span, 1)

    lines = []
    for i, chain in enumerate(drawn):
        points, undated = [], []
        for exp, moved in zip(chain.expectations, moves(chain), strict=True):
            if exp.reported is None:
                continue
            label = (f"{exp.reported.isoformat()}: {time_label(exp.time)} "
                     f"({exp.modality.value}{', ' + moved if moved else ''})")  # fmt: skip
            point = _point(exp.time)
            if point is None:
                undated.append({"x": x(exp.reported), "y": LANE_PAD, "label": label})
                continue
            end = min(exp.time.end or last, last)
            bar = exp.time.openness is not Openness.BEFORE and end > point
            points.append({
                "x": x(exp.reported), "y": y(point), "y2": y(end) if bar else y(point),
                "open": exp.time.openness.value, "label": label,
            })  # fmt: skip
        outcome = None
        if chain.outcome is not None:
            day = chain.outcome.date
            outcome = {"x": x(day), "y": y(day), "label": f"held {day.isoformat()}"}
        tag = None
        if points:
            end_x, end_y = float(points[-1]["x"]), float(points[-1]["y"])
            right = end_x > LANE_WIDTH * 0.7
            tag = {"x": end_x - 6 if right else end_x + 6, "y": end_y - 6,
                   "anchor": "end" if right else "start", "text": _short(chain.event)}  # fmt: skip
        lines.append({
            "event": chain.event,
            "points": points,
            "undated": undated,
            "path": " ".join(f"{p['x']},{p['y']}" for p in points),
            "dash": LANE_DASHES[i % len(LANE_DASHES)],
            "outcome": outcome,
            "tag": tag,
        })  # fmt: skip
    ticks = [first + (last - first) * k / 2 for k in range(3)] if first != last else [first]
    anchors = ["start", "middle", "end"] if len(ticks) == 3 else ["middle"]
    return {
        "lines": lines,
        "diagonal": {"x1": x(first), "y1": y(first), "x2": x(last), "y2": y(last)},
        "ticks": [
            {"x": x(d), "label": d.isoformat(), "anchor": a}
            for d, a in zip(ticks, anchors, strict=True)
        ],
        "yticks": [
            {"y": LANE_PAD, "label": "no date"},
            *({"y": y(d), "label": d.isoformat()} for d in ticks),
        ],
        "base": LANE_HEIGHT - LANE_PAD,
    }


def _short(event: str, limit: int = 32) -> str:
    return event if len(event) <= limit else event[: limit - 1].rstrip() + "…"


def _chain_card(chain: Chain, articles: ArticleIndex, numbers: Mapping[str, int]) -> dict[str, Any]:
    rows = []
    for exp, moved in zip(chain.expectations, moves(chain), strict=True):
        article = articles[exp.event_span.article_id]
        rows.append({
            "reported": date_shown(exp.reported, article),
            "time": time_label(exp.time),
            "modality": exp.modality.value,
            "moved": moved if moved and moved != FIRST else "",
            "speaker": exp.speaker or "",
            "sentence": " ".join(exp.sentence.text(article).split()),
            "n": numbers[article.id],
        })  # fmt: skip
    outcome = None
    if chain.outcome is not None:
        article = articles[chain.outcome.sentence.article_id]
        outcome = {
            "date": chain.outcome.date.isoformat(),
            "sentence": " ".join(chain.outcome.sentence.text(article).split()),
            "n": numbers[article.id],
        }
    return {"event": chain.event, "status": chain.status, "rows": rows, "outcome": outcome}
