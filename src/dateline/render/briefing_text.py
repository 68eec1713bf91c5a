"""Summaries and briefings as plain text, Markdown and JSON. Every sentence is cited:
``[n]`` points at the numbered source list, and JSON carries article id and offsets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dateline import __version__
from dateline.briefing.build import Briefing
from dateline.briefing.figures import Figure, FigureSeries
from dateline.briefing.summary import Summary, SummarySentence
from dateline.escaping import markdown_text
from dateline.model import SCHEMA_VERSION, Article, Span
from dateline.render.json import (
    article_to_dict,
    options_to_dict,
    report_to_dict,
    span_offsets,
    timeline_to_dict,
)
from dateline.render.markdown import (
    pub_date_line,
    render_report,
    render_sources,
    render_timeline_markdown,
)

ArticleIndex = Mapping[str, Article]


def index_articles(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _numbers(articles: Sequence[Article]) -> dict[str, int]:
    return {a.id: i for i, a in enumerate(articles, start=1)}


def span_to_dict(span: Span, article: Article, offsets: str = "cleaned") -> dict[str, Any]:
    start, end = span_offsets(article, span.start, span.end, offsets)
    return {"article_id": article.id, "start": start, "end": end, "text": span.text(article)}


# --- summary ------------------------------------------------------------------------


def summary_to_dict(
    summary: Summary, articles: ArticleIndex, offsets: str = "cleaned"
) -> dict[str, Any]:
    sentences = []
    for sent in summary.sentences:
        article = articles[sent.span.article_id]
        sentences.append(
            {
                **span_to_dict(sent.span, article, offsets),
                "score": sent.score,
                "position": sent.position,
                "pub_date": sent.pub_date.isoformat() if sent.pub_date else None,
                "date": sent.day.isoformat() if sent.day else None,
                "dated_by": sent.dated_by,
                "title": article.title,
                "source": article.source,
            }
        )
    return {
        "words": summary.words,
        "about": summary.about,
        "selector": summary.selector,
        "words_used": sum(len(s["text"].split()) for s in sentences),
        "sentences": sentences,
    }


def summary_date_label(sent: SummarySentence) -> str:
    """The day a summary sentence reports, as a reader sees it: "11 February 2011";
    "undated" when neither the sentence nor its article says."""
    return f"{sent.day:%d %B %Y}".lstrip("0") if sent.day else "undated"


def render_summary_text(summary: Summary, articles: Sequence[Article]) -> str:
    """One line per sentence, in the order of the days they report: the date, the
    sentence, its citation; then the numbered sources."""
    numbers = _numbers(articles)
    index = index_articles(articles)
    body = [
        f"{summary_date_label(s)}: {_one_line(s.span.text(index[s.span.article_id]))} "
        f"[{numbers[s.span.article_id]}]"
        for s in summary.sentences
    ]
    cited = sorted({s.span.article_id for s in summary.sentences}, key=numbers.__getitem__)
    lines = [*(body or ["(nothing to summarise)"]), "", "Sources:"]
    lines += [f"[{numbers[i]}] {_source_line(index[i])}" for i in cited]
    return "\n".join(lines) + "\n"


def _source_line(article: Article) -> str:
    title = _one_line(article.title) if article.title else "(untitled)"
    return f"{title}; {article.source or 'source unknown'}; published {pub_date_line(article)}"


def render_summary_markdown(summary: Summary, articles: Sequence[Article]) -> str:
    """A list of dated, cited sentences in the order of the days they report."""
    numbers = _numbers(articles)
    index = index_articles(articles)
    about = f" about *{markdown_text(summary.about)}*" if summary.about else ""
    out = [f"# Summary{about}", ""]
    out += [
        f"- **{summary_date_label(s)}**: "
        f"{markdown_text(_one_line(s.span.text(index[s.span.article_id])))} "
        f"[{numbers[s.span.article_id]}]"
        for s in summary.sentences
    ] or ["*Nothing to summarise.*"]
    out.append("")
    return "\n".join(out + render_sources(articles, numbers))


def summary_document(
    summary: Summary, articles: Sequence[Article], offsets: str = "cleaned"
) -> dict[str, Any]:
    return {
        "schema": "dateline.summary",
        "version": SCHEMA_VERSION,
        "generator": f"dateline {__version__}",
        "summary": summary_to_dict(summary, index_articles(articles), offsets),
        "articles": [article_to_dict(a) for a in articles],
    }


# --- figures and quotes -------------------------------------------------------------


def figure_to_dict(figure: Figure, article: Article, offsets: str = "cleaned") -> dict[str, Any]:
    n_start, n_end = span_offsets(article, *figure.number, offsets)
    return {
        "quantity": figure.quantity,
        "qualifier": figure.qualifier,
        "category": figure.category,
        "cue": figure.cue,
        "unit": figure.unit,
        "text": article.text[figure.number[0] : figure.number[1]],
        "number": {"start": n_start, "end": n_end},
        "reported": figure.reported.isoformat() if figure.reported else None,
        "sentence": span_to_dict(figure.span, article, offsets),
    }


def figure_label(figure: Figure) -> str:
    """``more than 93,000``: the figure as a reader would say it."""
    qty = f"{figure.quantity:,.0f}" if figure.quantity.is_integer() else f"{figure.quantity:,}"
    return f"{figure.qualifier} {qty}".strip()


def _series_to_dict(series: FigureSeries, articles: ArticleIndex, offsets: str) -> dict[str, Any]:
    return {
        "category": series.category,
        "figures": [
            figure_to_dict(f, articles[f.span.article_id], offsets) for f in series.figures
        ],
    }


# --- briefing -----------------------------------------------------------------------


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    opts = briefing.options
    articles = index_articles(briefing.sources)
    timeline = timeline_to_dict(briefing.timeline, briefing.corpus, opts)["timeline"]
    return {
        "schema": "dateline.briefing",
        "version": SCHEMA_VERSION,
        "generator": f"dateline {__version__}",
        "offsets": opts.offsets,
        "options": {**options_to_dict(opts), "words": opts.words},
        "summary": summary_to_dict(briefing.summary, articles, opts.offsets),
        "timeline": timeline,
        "actors": [_actor_to_dict(a) for a in briefing.actors],
        "quotes": [
            {
                "speaker": q.speaker,
                "actor_id": q.actor_id,
                "quotes": [
                    {
                        **span_to_dict(e.span, articles[e.span.article_id], opts.offsets),
                        "direct": e.direct,
                    }
                    for e in q.quotes
                ],
            }
            for q in briefing.quotes
        ],
        "figures": [_series_to_dict(s, articles, opts.offsets) for s in briefing.figures],
        "articles": [article_to_dict(a) for a in briefing.sources],
        "report": report_to_dict(briefing.report, briefing.sources, opts),
        "notes": list(briefing.notes),
    }


def _actor_to_dict(actor: Any) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "aliases": [{"text": t, "count": n} for t, n in actor.aliases],
        "titles": list(actor.titles),
        "mentions": actor.mentions,
        "article_ids": list(actor.article_ids),
        "first_seen": actor.first_seen.isoformat() if actor.first_seen else None,
        "last_seen": actor.last_seen.isoformat() if actor.last_seen else None,
    }


def render_briefing_markdown(briefing: Briefing) -> str:
    articles = briefing.sources
    numbers = _numbers(articles)
    index = index_articles(articles)
    out = [render_summary_markdown(briefing.summary, articles).split("\n## Sources")[0].rstrip()]
    out[0] = out[0].replace("# Summary", "# Briefing\n\n## Summary", 1)
    timeline_md = render_timeline_markdown(briefing.timeline, briefing.corpus, briefing.options)
    out += [
        "",
        timeline_md.split("\n## Sources")[0]
        .replace("# Timeline", "## Timeline", 1)
        .replace("\n### ", "\n#### ")
        .replace("\n## ", "\n### ")
        .rstrip(),
        "",
    ]
    out += _figures_markdown(briefing.figures, numbers)
    out += _actors_markdown(briefing, index, numbers)
    out += render_sources(articles, numbers)
    out += render_report(briefing.report, articles, briefing.options)
    out += [f"- note: {markdown_text(n)}" for n in briefing.notes]
    return "\n".join(out) + "\n"


def _figures_markdown(figures: Sequence[FigureSeries], numbers: dict[str, int]) -> list[str]:
    out = ["## Figures", ""]
    if not figures:
        return [*out, "*No figures found.*", ""]
    for series in figures:
        points = "; ".join(
            f"{figure_label(f)} ({f.reported.isoformat() if f.reported else 'date unknown'}) "
            f"[{numbers[f.span.article_id]}]"
            for f in series.figures
        )
        out.append(f"- **{markdown_text(series.category)}**: {points}")
    return [*out, ""]


def _actors_markdown(briefing: Briefing, index: ArticleIndex, numbers: dict[str, int]) -> list[str]:
    out = ["## Actors", ""]
    out += [
        f"- **{markdown_text(a.name)}** ({a.kind.value.lower()}"
        f"{''.join(', ' + markdown_text(t) for t in a.titles)}): {a.mentions} mentions in "
        f"{len(a.article_ids)} articles"
        for a in briefing.actors[:15]
    ]
    out += ["", "## Quotes by speaker", ""]
    for group in briefing.quotes:
        out += [f"### {markdown_text(group.speaker)}", ""]
        for entry in group.quotes[:5]:
            text = markdown_text(entry.span.text(index[entry.span.article_id]))
            kind = "" if entry.direct else " *(reported)*"
            out.append(f"- {text}{kind} [{numbers[entry.span.article_id]}]")
        out.append("")
    return out
