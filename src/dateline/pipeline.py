"""The per-article stages, and the corpus built from them.

:data:`STAGES` is the one place that says which stages exist: each is a pure function of
(article, options) -> its part of the :class:`Annotations`, with an optional function
over a few articles at once (the spaCy stage parses them together with ``nlp.pipe``).
The cache keys (:data:`ANNOTATOR_VERSIONS`) derive from it; the executors in
:mod:`dateline.engine` run whichever stages a command asks for on every worker, and the
store caches each stage under its own version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from dateline.annotate.entities import ENTITIES_VERSION
from dateline.annotate.nlp import NLP_VERSION
from dateline.annotate.quotes import QUOTES_VERSION
from dateline.annotate.sentences import SPLITTER_VERSION, split_sentences
from dateline.annotate.timex import TIMEX_VERSION, extract_timexes
from dateline.engine import map_chunks
from dateline.errors import ModelNotFoundError
from dateline.ingest import load_articles
from dateline.ingest.language import detect as detect_language
from dateline.model import Annotations, Article, Corpus, RunReport, StageFailure
from dateline.options import Options
from dateline.progress import Progress

log = logging.getLogger(__name__)

Part = Annotations | StageFailure  # what one stage made of one article


@dataclass(frozen=True)
class Stage:
    """A per-article stage: pure, picklable, cached under ``name=version``."""

    name: str
    version: str  # bump whenever the output for some input changes (cache key)
    fields: tuple[str, ...]  # the Annotations fields it fills
    run: Callable[[Article, Options], Annotations]
    run_many: Callable[[Sequence[Article], Options], list[Annotations]] | None = None
    needs_model: bool = False  # the spaCy model: only commands that ask for it pay for it
    # Whether the output depends on the article's publication date (the reference date
    # relative expressions resolve against): the store keeps such a stage per date, and
    # a date inferred later re-runs only these stages.
    reads_pub_date: bool = False


def _sentences(article: Article, opts: Options) -> Annotations:
    return Annotations(
        article.id, sentences=tuple(split_sentences(article.text, article.body_start))
    )


def english(article: Article) -> bool:
    """The time-expression tagger and the quote finder read English only: an article in
    another language (:mod:`dateline.ingest.language`) gets none of their annotations,
    and its input record says why."""
    return detect_language(article.text[article.body_start :]).english


def _timexes(article: Article, opts: Options) -> Annotations:
    """Only a publication date that anchors (explicit or inferred by default) resolves
    relative expressions; with a weaker one they stay unresolved rather than guessed."""
    if not english(article):
        return Annotations(article.id, timexes=())
    dct = article.pub_date.value if article.pub_date.anchors(opts.anchor_confidence) else None
    return Annotations(article.id, timexes=tuple(extract_timexes(article.text, dct)))


def _speech_many(articles: Sequence[Article], opts: Options) -> list[Annotations]:
    from dateline.annotate import quotes

    read = [a for a in articles if english(a)]
    said = list(quotes.extract_quotes_many(a.text for a in read)) if read else []
    found = dict(zip((a.id for a in read), said, strict=True))
    return [
        Annotations(a.id, entities=found[a.id][0], quotes=found[a.id][1])
        if a.id in found
        else Annotations(a.id, entities=(), quotes=())
        for a in articles
    ]


def _speech(article: Article, opts: Options) -> Annotations:
    return _speech_many([article], opts)[0]


LANGUAGE_VERSION = "en-only1"  # the English-only stages skip other languages (bump on change)
STAGES = (
    Stage("sentences", SPLITTER_VERSION, ("sentences",), _sentences),
    Stage(
        "timex",
        f"{TIMEX_VERSION}+{LANGUAGE_VERSION}",
        ("timexes",),
        _timexes,
        reads_pub_date=True,
    ),
    Stage(
        "speech",
        f"{ENTITIES_VERSION}+{QUOTES_VERSION}+{NLP_VERSION}+{LANGUAGE_VERSION}",
        ("entities", "quotes"),
        _speech,
        _speech_many,
        needs_model=True,
    ),
)
ANNOTATOR_VERSIONS = tuple((s.name, s.version) for s in STAGES)
TIMELINE_STAGES = ("sentences", "timex")  # no model: what build_corpus runs by default
SPEECH_STAGES = ("speech",)  # entities and quotes: actors, quotes, briefings
BRIEFING_STAGES = (*TIMELINE_STAGES, *SPEECH_STAGES)


def stage(name: str) -> Stage:
    for candidate in STAGES:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no stage {name!r}; the stages are {', '.join(s.name for s in STAGES)}")


def ordered(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` in the order of :data:`STAGES`, each once."""
    wanted = set(names)
    return tuple(s.name for s in STAGES if s.name in wanted)


def annotate_article(
    article: Article, opts: Options | None = None, stages: Sequence[str] = TIMELINE_STAGES
) -> Annotations:
    """The stages named (by default sentences and time expressions) on one article.
    A stage that fails raises; :func:`run_stages` records failures instead."""
    opts = opts or Options()
    found = Annotations(article.id)
    for name in ordered(stages):
        found = combine(found, _stamped(stage(name), stage(name).run(article, opts)))
    return found


def run_stages(
    articles: Sequence[Article], opts: Options, stages: Sequence[str]
) -> list[tuple[str, tuple[Part, ...]]]:
    """(article id, one part per stage) for a few articles; a failure becomes a value,
    so one article never stops the others. What the executors run on every worker."""
    per_stage = [_run_stage(stage(name), articles, opts) for name in ordered(stages)]
    return [(a.id, tuple(parts[i] for parts in per_stage)) for i, a in enumerate(articles)]


def _run_stage(todo: Stage, articles: Sequence[Article], opts: Options) -> list[Part]:
    if todo.run_many is not None and len(articles) > 1:
        try:
            return [_stamped(todo, found) for found in todo.run_many(articles, opts)]
        except ModelNotFoundError:
            raise
        except Exception as err:  # a bug or a resource limit: find the article, spare the rest
            log.debug("%s failed on a batch (%s); one article at a time", todo.name, err)
    return [_run_one(todo, a, opts) for a in articles]


def _run_one(todo: Stage, article: Article, opts: Options) -> Part:
    try:
        return _stamped(todo, todo.run(article, opts))
    except ModelNotFoundError:
        raise
    except Exception as err:  # any bug in a stage: record it against the article, go on
        log.warning("%s failed on %s: %s", todo.name, article.path, err)
        return StageFailure(todo.name, article.id, f"{type(err).__name__}: {err}")


def _stamped(todo: Stage, found: Annotations) -> Annotations:
    return replace(found, versions=((todo.name, todo.version),))


def combine(base: Annotations | None, part: Annotations) -> Annotations:
    """``base`` with the fields of the stages that made ``part`` taken from ``part``."""
    if base is None:
        return part
    names = [name for name, _ in part.versions]
    changes = {f: getattr(part, f) for name in names for f in stage(name).fields}
    kept = tuple(v for v in base.versions if v[0] not in names)
    versions = tuple(sorted((*kept, *part.versions), key=lambda v: ordered_index(v[0])))
    return replace(base, **changes, versions=versions)


def ordered_index(name: str) -> int:
    return next(i for i, s in enumerate(STAGES) if s.name == name)


def annotate_all(
    articles: Sequence[Article],
    opts: Options,
    stages: Sequence[str] = TIMELINE_STAGES,
) -> tuple[dict[str, Annotations], list[StageFailure]]:
    """The stages named on every article, with the executor the options ask for."""
    work = partial(run_stages, opts=opts, stages=ordered(stages))
    annotations: dict[str, Annotations] = {}
    failures: list[StageFailure] = []
    label = f"articles annotated ({', '.join(ordered(stages))})"
    with Progress(len(articles), label) as bar:
        for batch in map_chunks(work, articles, opts, n_items=len(articles)):
            bar.advance(len(batch))
            _collect(batch, annotations, failures)
    return annotations, failures


def _collect(
    batch: Sequence[tuple[str, tuple[Part, ...]]],
    annotations: dict[str, Annotations],
    failures: list[StageFailure],
) -> None:
    for article_id, parts in batch:
        for part in parts:
            if isinstance(part, StageFailure):
                failures.append(part)
            else:
                annotations[article_id] = combine(annotations.get(article_id), part)


def build_corpus(
    paths: Iterable[str | Path],
    opts: Options | None = None,
    stages: Sequence[str] = TIMELINE_STAGES,
) -> Corpus:
    """Load every article under ``paths`` and run the stages named on it."""
    opts = opts or Options()
    loaded = load_articles(paths, opts)
    annotations, failures = annotate_all(loaded.articles, opts, stages)
    return reported(Corpus(tuple(loaded.articles), annotations, loaded.report), failures)


def reported(corpus: Corpus, failures: Iterable[StageFailure]) -> Corpus:
    """``corpus`` with ``failures`` recorded, in article order, and named in its report."""
    order = {a.id: i for i, a in enumerate(corpus.articles)}
    new = sorted(failures, key=lambda f: (order.get(f.article_id, -1), ordered_index(f.stage)))
    if not new:
        return corpus
    failed: dict[str, list[str]] = {}
    for failure in new:
        failed.setdefault(failure.article_id, []).append(str(failure))
    inputs = tuple(
        replace(r, warnings=(*r.warnings, *failed[r.article_id])) if r.article_id in failed else r
        for r in corpus.report.inputs
    )
    return replace(corpus, report=RunReport(inputs), failures=(*corpus.failures, *new))


def _lacking(corpus: Corpus, stages: Sequence[str]) -> Iterator[tuple[Article, tuple[str, ...]]]:
    """Each article with the stages named it neither has nor failed, where there are any."""
    failed = {(f.article_id, f.stage) for f in corpus.failures}
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        have = {name for name, _ in ann.versions} if ann else set()
        missing = tuple(
            n for n in ordered(stages) if n not in have and (article.id, n) not in failed
        )
        if missing:
            yield article, missing


def has_stages(corpus: Corpus, stages: Sequence[str]) -> bool:
    """True when every article of ``corpus`` has the stages named, or failed them."""
    return next(_lacking(corpus, stages), None) is None


def with_stages(corpus: Corpus, stages: Sequence[str], opts: Options | None = None) -> Corpus:
    """``corpus`` with the stages named run on the articles that lack them (no work when
    every article has them or failed them already, as a corpus built for them has)."""
    opts = opts or Options()
    groups: dict[tuple[str, ...], list[Article]] = {}
    for article, missing in _lacking(corpus, stages):
        groups.setdefault(missing, []).append(article)
    annotations = dict(corpus.annotations)
    failures: list[StageFailure] = []
    for missing, articles in groups.items():
        found, lost = annotate_all(articles, opts, missing)
        annotations.update((i, combine(annotations.get(i), ann)) for i, ann in found.items())
        failures += lost
    if not groups:
        return corpus
    return reported(replace(corpus, annotations=annotations), failures)


def without_missing_model(
    build: Callable[[tuple[str, ...]], Corpus], stages: Sequence[str]
) -> Corpus:
    """``build(stages)``; when the model a stage needs is missing, ``build`` without the
    stages that need it (a briefing then says what it left out, and why)."""
    try:
        return build(ordered(stages))
    except ModelNotFoundError as err:
        free = tuple(n for n in ordered(stages) if not stage(n).needs_model)
        if free == ordered(stages):
            raise
        log.warning("left out the stages that need a model: %s", err)
        return build(free)
