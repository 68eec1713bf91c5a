"""Why a command found nothing: one line saying why and what to try.

A command whose result is empty (no articles accepted, no dated articles, no timeline
entries, no quotes, no actors) writes its (empty) output, prints this line on stderr and
exits with ``3``, the code for "nothing usable" (:data:`dateline.cli.common.EXIT_NOTHING`).
"""

from __future__ import annotations

from dateline.cli.common import NOT_ENGLISH
from dateline.model import Corpus, Timeline
from dateline.options import Options


def _not_english(corpus: Corpus) -> int:
    return sum(any(w.startswith(NOT_ENGLISH) for w in r.warnings) for r in corpus.report.inputs)


def _common(corpus: Corpus, what: str) -> str | None:
    """The reasons every command shares: nothing accepted, nothing in English."""
    n = len(corpus.articles)
    if n == 0:
        return (f"no {what}: no article was accepted (each rejected input is listed below "
                "with its fix)")  # fmt: skip
    if _not_english(corpus) >= n:
        which = "the article is" if n == 1 else f"all {n} articles are"
        return (f"no {what}: {which} not in English, and dateline reads dates and quotes "
                "in English only")  # fmt: skip
    return None


def why_no_entries(corpus: Corpus, timeline: Timeline, opts: Options) -> str:
    """An empty timeline: no articles, none in English, none dated, or its window."""
    from dateline.render.markdown import empty_timeline_reason

    common = _common(corpus, "timeline entries")
    if common:
        return "No dated events found: " + common.split(": ", 1)[1]
    level = opts.anchor_confidence.value
    if not any(a.pub_date.anchors(opts.anchor_confidence) for a in corpus.articles):
        weaker = sum(a.pub_date.value is not None for a in corpus.articles)
        if weaker:
            return (f"No dated events found: {_count(weaker)} only a publication date "
                    f"weaker than '{level}' (estimated), which does not anchor the timeline; "
                    "try --anchor estimated, or give the dates with --manifest")  # fmt: skip
        return (f"No dated events found: {_count(len(corpus.articles), 'no')} publication "
                "date (none in metadata, folder names or text); give the dates with "
                "--manifest or YYYY-MM-DD folders, or try --use-mtime")  # fmt: skip
    return empty_timeline_reason(timeline, opts)


def _count(n: int, det: str = "") -> str:
    """ "the article has", "3 articles have" (with ``det``: "the article has no", ...)."""
    if n == 1:
        return f"the article has {det}".rstrip()
    return f"{'none of the' if det == 'no' else ''} {n} articles ha{'s a' if det else 've'}".strip()


def _no_model(corpus: Corpus, what: str, finder: str) -> str | None:
    if _speech_ran(corpus):
        return None
    from dateline.annotate.nlp import INSTALL_HINT

    return f"no {what}: the {finder} did not run (it needs the spaCy model: {INSTALL_HINT})"


def why_no_quotes(corpus: Corpus) -> str:
    common = _common(corpus, "quotes") or _no_model(corpus, "quotes", "quote finder")
    if common:
        return common
    return (f"no quotes found in {_articles(corpus)}: dateline finds reported "
            "speech (\"...,\" she said; he said that ...); check that the articles quote "
            "people")  # fmt: skip


def why_no_actors(corpus: Corpus) -> str:
    common = _common(corpus, "actors") or _no_model(corpus, "actors", "entity finder")
    if common:
        return common
    return (f"no people or organisations found in {_articles(corpus)}; "
            "check that they are news articles in English")  # fmt: skip


def _articles(corpus: Corpus) -> str:
    n = len(corpus.articles)
    return "the article" if n == 1 else f"the {n} articles"


def _speech_ran(corpus: Corpus) -> bool:
    return any(name == "speech" for ann in corpus.annotations.values() for name, _ in ann.versions)
