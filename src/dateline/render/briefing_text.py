"""Summaries and briefings as plain text, Markdown and JSON. Every sentence is cited:
``[n]`` points at the numbered source list, and JSON carries article id and offsets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dateline.briefing.actors import Actor
from dateline.briefing.build import Briefing
from dateline.briefing.figure_money import MONEY
from dateline.briefing.figures import (
    HEADLINE,
    INCIDENT,
    OTHER_STORY,
    Figure,
    FigureSeries,
    headline_figures,
    key_points,
)
from dateline.briefing.quotes import QuoteEntry, SpeakerQuotes, SpeakerRole, shown_quotes
from dateline.briefing.summary import Summary, SummarySentence
from dateline.escaping import markdown_text
from dateline.furniture import Furniture, find_furniture
from dateline.model import SCHEMA_VERSION, Article, EntityKind, Span
from dateline.render.expectations import expectations_markdown, expectations_to_dict
from dateline.render.json import (
    article_to_dict,
    date_shown,
    options_to_dict,
    report_to_dict,
    span_offsets,
    timeline_to_dict,
    title_shown,
)
from dateline.render.markdown import (
    pub_date_line,
    render_report,
    render_sources,
    render_timeline_markdown,
)
from dateline.render.speech import actor_to_dict
from dateline.version import __version__

ArticleIndex = Mapping[str, Article]


def index_articles(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _numbers(articles: Sequence[Article]) -> dict[str, int]:
    return {a.id: i for i, a in enumerate(articles, start=1)}


def briefing_title(briefing: Briefing) -> str:
    """``Briefing: <about>``, else the story's leading place, person and organisation
    (the actor of each kind named in the most articles), so a title names the story, not
    a list of spellings of one country."""
    if briefing.options.about:
        return f"Briefing: {briefing.options.about}"
    titles = [a.title.lower() for a in briefing.sources if a.title]

    def standing(actor: Actor) -> tuple[int, int, int]:
        # Named in the most articles, then in the most headlines, then mentioned most:
        # the story's own country, not the one its articles mention often in passing.
        forms = {alias.lower() for alias, _ in actor.aliases}
        headlines = sum(any(form in title for form in forms) for title in titles)
        return (len(actor.article_ids), headlines, actor.mentions)

    leading: list[str] = []
    for kind in (EntityKind.PLACE, EntityKind.PERSON, EntityKind.ORG):
        best = max((a for a in briefing.actors if a.kind is kind), key=standing, default=None)
        if best is not None and best.name not in leading:
            leading.append(best.name)
    return f"Briefing: {', '.join(leading)}" if leading else "Briefing"


def coverage_line(briefing: Briefing) -> str:
    """``N sources, published A to B`` over the story's span (the earliest and latest 1%
    of a large corpus left out, as the timeline does), naming what falls outside it."""
    n = len(briefing.sources)
    story = briefing.timeline.story
    anchoring = [
        a.pub_date.value
        for a in briefing.sources
        if a.pub_date.value and a.pub_date.anchors(briefing.options.anchor_confidence)
    ]
    first = story.first if story and story.first else min(anchoring, default=None)
    last = story.last if story and story.last else max(anchoring, default=None)
    line = f"{n} source{'s' if n != 1 else ''}"
    if first is None or last is None:
        return line + ", none with a publication date"
    line += f", published {first.isoformat()} to {last.isoformat()}"
    outside = sum(not first <= d <= last for d in anchoring)
    undated = n - len(anchoring)
    extra = [f"{outside} published outside that span"] if outside else []
    extra += [f"{undated} without a publication date that anchors"] if undated else []
    return line + (f" ({'; '.join(extra)})" if extra else "")


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
    furniture = find_furniture(articles)
    lines += [f"[{numbers[i]}] {_source_line(index[i], furniture)}" for i in cited]
    return "\n".join(lines) + "\n"


def _source_line(article: Article, furniture: Furniture) -> str:
    title = title_shown(article, furniture)
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
        "kind": figure.kind,
        "source": figure.source or None,
        "refers": figure.refers.isoformat() if figure.refers else None,
        "dated_by": figure.dated_by or None,
        "sentence": span_to_dict(figure.span, article, offsets),
    }


def figure_label(figure: Figure) -> str:
    """``more than 93,000``, ``$1.5 billion``: the figure as a reader would say it."""
    words = _amount_words(figure.quantity)
    if figure.category == MONEY:
        cur = figure.unit
        words = f"{cur}{words}" if cur in {"$", "£", "€", "US$"} else f"{words} {cur}"
    return f"{figure.qualifier} {words}".strip()


def _amount_words(amount: float) -> str:
    """``93,000``, ``1.5 million``, ``700 billion``."""
    for scale, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    return f"{amount:,.0f}" if amount.is_integer() else f"{amount:,}"


def _series_to_dict(series: FigureSeries, articles: ArticleIndex, offsets: str) -> dict[str, Any]:
    return {
        "category": series.category,
        "kind": series.kind,
        "source": series.source or None,
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
        "actors": [actor_to_dict(a) for a in briefing.actors],
        "quotes": [_speaker_quotes_to_dict(q, articles, opts.offsets) for q in briefing.quotes],
        "figures": [_series_to_dict(s, articles, opts.offsets) for s in briefing.figures],
        "expectations": expectations_to_dict(briefing.expectations, articles, opts.offsets),
        "articles": [article_to_dict(a) for a in briefing.sources],
        "report": report_to_dict(briefing.report, briefing.sources, opts),
        "notes": list(briefing.notes),
    }


def _speaker_quotes_to_dict(
    group: SpeakerQuotes, articles: ArticleIndex, offsets: str
) -> dict[str, Any]:
    return {
        "speaker": group.speaker,
        "actor_id": group.actor_id,
        "role": group.role.value,
        "variants": list(group.variants),
        "quotes": [
            {
                **span_to_dict(e.span, articles[e.span.article_id], offsets),
                "direct": e.direct,
                "pub_date": e.pub_date.isoformat() if e.pub_date else None,
                "repeats": [span_to_dict(r, articles[r.article_id], offsets) for r in e.repeats],
            }
            for e in group.quotes
        ],
    }


def render_briefing_markdown(briefing: Briefing) -> str:
    articles = briefing.sources
    numbers = _numbers(articles)
    index = index_articles(articles)
    out = [render_summary_markdown(briefing.summary, articles).split("\n## Sources")[0].rstrip()]
    heading = f"# {markdown_text(briefing_title(briefing))}\n\n{coverage_line(briefing)}."
    out[0] = out[0].replace("# Summary", f"{heading}\n\n## Summary", 1)
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
    out += expectations_markdown(briefing.expectations, index, numbers)
    out += _figures_markdown(briefing.figures, numbers)
    out += _actors_markdown(briefing, index, numbers)
    out += _quotes_markdown(briefing, index, numbers)
    out += render_sources(articles, numbers)
    out += render_report(briefing.report, articles, briefing.options)
    out += [f"- note: {markdown_text(n)}" for n in briefing.notes]
    return "\n".join(out) + "\n"


MARKDOWN_POINTS = 8  # headline figures shown per category; every figure is in the JSON
MARKDOWN_SOURCES = 5  # sources whose latest figure is shown side by side


def _figures_markdown(figures: Sequence[FigureSeries], numbers: dict[str, int]) -> list[str]:
    """Per category, its headline figures over time (a few: first, last, largest), each
    source's latest when sources differ, and how many incident and other-story counts
    were left to the JSON output."""
    out = ["## Figures", ""]
    if not figures:
        return [*out, "*No figures found.*", ""]
    quiet = []
    for category in dict.fromkeys(s.category for s in figures):
        in_category = [s for s in figures if s.category == category]
        headline = headline_figures(figures, category)
        if not headline:
            quiet.append(f"{markdown_text(category)}: {_left_out_text(in_category, numbers)}")
            continue
        shown = key_points(headline, MARKDOWN_POINTS)
        points = "; ".join(_figure_markdown(f, numbers) for f in shown)
        more = len(headline) - len(shown)
        points += f" (and {more} more in the JSON output)" if more > 0 else ""
        out.append(f"- **{markdown_text(category)}**: {points}")
        latest = [
            s.latest for s in in_category if s.kind == HEADLINE and s.source and len(s.figures) > 1
        ][:MARKDOWN_SOURCES]
        if len(latest) > 1:
            by_source = "; ".join(_figure_markdown(f, numbers) for f in latest)
            out.append(f"  - latest by source: {by_source}")
        left_out = _left_out_text(in_category, numbers)
        out += [f"  - not in the series: {left_out}"] if left_out else []
    if quiet:
        out.append(f"- *no running total*: {'; '.join(quiet)}")
    return [*out, ""]


def _figure_markdown(figure: Figure, numbers: dict[str, int]) -> str:
    date = figure.refers.isoformat() if figure.refers else "date unknown"
    source = f", {markdown_text(figure.source)}" if figure.source else ""
    return f"{figure_label(figure)} ({date}{source}) [{numbers[figure.span.article_id]}]"


def _left_out_text(series: Sequence[FigureSeries], numbers: dict[str, int]) -> str:
    """How many incident and other-story figures the series leave to the JSON output."""
    incidents = [f for s in series if s.kind == INCIDENT for f in s.figures]
    others = sum(len(s.figures) for s in series if s.kind == OTHER_STORY)
    parts = []
    if incidents:
        top = max(incidents, key=lambda f: f.quantity)
        parts.append(
            f"{len(incidents)} incident count{'s' if len(incidents) > 1 else ''} "
            f"(largest {_figure_markdown(top, numbers)})"
        )
    if others:
        parts.append(f"{others} figure{'s' if others > 1 else ''} about other stories")
    return " and ".join(parts)


def _actors_markdown(briefing: Briefing, index: ArticleIndex, numbers: dict[str, int]) -> list[str]:
    out = ["## Actors", ""]
    out += [
        f"- **{markdown_text(a.name)}** ({a.kind.value.lower()}"
        f"{', ' + markdown_text(a.title) if a.title else ''}): {a.mentions} mentions in "
        f"{len(a.article_ids)} articles"
        for a in briefing.actors[:15]
    ]
    return [*out, ""]


def _citations(entry: QuoteEntry, numbers: dict[str, int]) -> str:
    """``[3, 7]``: every source that carries the quote, once each."""
    cited = sorted({numbers[s.article_id] for s in entry.spans})
    return "[" + ", ".join(str(n) for n in cited) + "]"


def _quotes_markdown(briefing: Briefing, index: ArticleIndex, numbers: dict[str, int]) -> list[str]:
    """The most quoted newsmakers with their most informative quotes, dated and cited."""
    shown = shown_quotes(briefing.quotes, briefing.sources)
    out = ["## Quotes by speaker", ""]
    if not shown:
        return [*out, "*No attributed quotes found.*", ""]
    for group in shown:
        out += [f"### {markdown_text(group.speaker)}", ""]
        for entry in group.quotes:
            text = markdown_text(entry.span.text(index[entry.span.article_id]))
            kind = "" if entry.direct else " *(reported)*"
            date = date_shown(entry.pub_date, index[entry.span.article_id])
            out.append(f"- {text}{kind} ({date}) {_citations(entry, numbers)}")
        out.append("")
    others = len([g for g in briefing.quotes if g.role is SpeakerRole.NEWSMAKER]) - len(shown)
    if others > 0:
        out += [f"*{others} more speakers, and every quote, in the JSON briefing.*", ""]
    return out
