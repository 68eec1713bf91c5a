"""Multi-document summarization on DUC-style data: ROUGE-1/2 recall and F1.

Layouts read (see the data README): DUC 2006 (``duc2006_topics.sgml``,
``duc2006_docs/<topic>/``, ``NISTeval/ROUGE/models/D0601.M.250.A.X``), DUC 2007 main
(``duc2007_topics.sgml``, ``duc2007_testdocs/main/<topic>/``, references only inside
``mainPyramidEval/allpyramids/*.pyr``, so 23 topics) and DUC 2007 update
(``duc2007_testdocs/update/<topic>/<topic>-A``, 100-word references per document set;
each set is summarised on its own, without the update novelty condition).

Scores are ``rouge-score`` ROUGE-1 and ROUGE-2 with Porter stemming, the peer cut to
``limit`` words, averaged over the references of a topic, then over topics. The
official DUC figures come from ROUGE-1.5.5 with jackknifing, so expect differences
in the third decimal.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateline.annotate.sentences import split_sentences
from dateline.briefing.summary import DEFAULT_SELECTOR, SummaryTuning
from dateline.errors import InputError
from dateline.model import (
    Annotations,
    Article,
    Confidence,
    Corpus,
    OffsetMap,
    PublicationDate,
    RunReport,
)
from dateline.options import Options

TASKS = ("main", "update")

# Published anchors (ROUGE-2 / ROUGE-1 recall, ROUGE-1.5.5, jackknifed).
PUBLISHED = (
    ("DUC 2006 best system (24), 250 words", "R-2 recall 0.0951"),
    ("DUC 2006 baseline 1 (lead of latest doc), 250 words", "R-2 recall 0.0495"),
    ("DUC 2007 main best system, 250 words", "R-2 recall about 0.12"),
    ("DUC 2007 update best system (40), 100 words", "R-2 recall 0.1119"),
    ("DUC 2007 update CLASSY04 baseline (58), 100 words", "R-2 recall 0.0850"),
    (
        "DUC 2004 generic, 665 bytes: LexRank / Centroid / Submodular",
        "R-1 recall 35.95 / 36.41 / 39.18",
    ),
)


@dataclass(frozen=True)
class DucTopic:
    id: str
    title: str
    narrative: str
    documents: tuple[Path, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class TopicScore:
    topic: str
    rouge1_recall: float
    rouge1_f1: float
    rouge2_recall: float
    rouge2_f1: float
    seconds: float


@dataclass
class MdsResult:
    dataset: str
    setting: str  # "query-focused" or "generic"
    limit: int
    scores: list[TopicScore] = field(default_factory=list)

    def mean(self, name: str) -> float:
        values = [float(getattr(s, name)) for s in self.scores]
        return statistics.fmean(values) if values else 0.0


# --- reading DUC --------------------------------------------------------------------

_TOPIC = re.compile(r"<topic>(.*?)</topic>", re.DOTALL)
_FIELD = r"<{0}>(.*?)</{0}>"
_TAG = re.compile(r"<[^>]+>")
_DOCNO_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _field(text: str, name: str) -> str:
    match = re.search(_FIELD.format(name), text, re.DOTALL)
    return " ".join(match.group(1).split()) if match else ""


def read_topic_statements(path: Path) -> dict[str, tuple[str, str]]:
    """Topic id -> (title, narrative)."""
    text = path.read_text(encoding="latin-1")
    out = {}
    for block in _TOPIC.findall(text):
        out[_field(block, "num")] = (_field(block, "title"), _field(block, "narr"))
    return out


def read_duc_document(path: Path) -> Article:
    """A DUC SGML document as an article: headline, then paragraphs, dated by DOCNO."""
    raw = path.read_text(encoding="latin-1")
    docno = _field(raw, "DOCNO") or path.name
    headline = html.unescape(_TAG.sub(" ", _field(raw, "HEADLINE")))
    match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if match is None:
        raise InputError(str(path), "no <TEXT> element", "give DUC SGML documents")
    paragraphs = _paragraphs(match.group(1))
    head = f"{headline}\n\n" if headline else ""
    text = head + "\n\n".join(paragraphs)
    day = _DOCNO_DATE.search(docno)
    pub = (
        PublicationDate(
            dt.date(*map(int, day.groups())), Confidence.EXPLICIT, "metadata", f"DOCNO {docno}"
        )
        if day
        else PublicationDate.unknown()
    )
    return Article(
        id=docno,
        path=str(path),
        text=text,
        pub_date=pub,
        title=headline or None,
        title_span=(0, len(headline)) if headline else None,
        body_start=len(head),
        offsets=OffsetMap.identity(len(text)),
    )


def _paragraphs(body: str) -> list[str]:
    parts = re.split(r"</?P>|\n[ \t]+", body) if "<P>" in body else re.split(r"\n[ \t]+", body)
    cleaned = (" ".join(html.unescape(_TAG.sub(" ", p)).split()) for p in parts)
    return [p for p in cleaned if p]


def duc_corpus(documents: Sequence[Path]) -> Corpus:
    """Articles with sentence annotations only: all a summary needs."""
    articles = tuple(read_duc_document(p) for p in documents)
    annotations = {
        a.id: Annotations(a.id, tuple(split_sentences(a.text, a.body_start))) for a in articles
    }
    return Corpus(articles, annotations, RunReport())


def _files(folder: Path) -> tuple[Path, ...]:
    return tuple(sorted(p for p in folder.iterdir() if p.is_file()))


def _references_2006(models: Path, topic: str) -> tuple[str, ...]:
    return tuple(p.read_text(encoding="latin-1") for p in sorted(models.glob(f"{topic}.M.*")))


def _references_pyramid(pyramid: Path) -> tuple[str, ...]:
    """The model summaries inside a pyramid file, split on their header lines."""
    lines = [
        html.unescape(line)
        for line in re.findall(r"<line>(.*?)</line>", pyramid.read_text(encoding="latin-1"))
    ]
    refs: list[list[str]] = []
    for i, line in enumerate(lines):
        if re.fullmatch(r"\s*D\d{4}\.M\.\d+\.\w\.\w\s*", line):
            refs.append([])
        elif (
            refs
            and not line.startswith("---")
            and not (i + 1 < len(lines) and re.fullmatch(r"\s*D\d{4}\.M\..*", lines[i + 1]))
        ):
            refs[-1].append(line)
    return tuple(" ".join(r).strip() for r in refs if " ".join(r).strip())


def load_duc(directory: Path, task: str = "main") -> list[DucTopic]:
    """DUC 2006 or 2007 topics with documents and reference summaries."""
    if (directory / "duc2006_topics.sgml").exists():
        return list(_load_2006(directory))
    if task == "update":
        return list(_load_2007_update(directory))
    if (directory / "duc2007_topics.sgml").exists():
        return list(_load_2007_main(directory))
    raise InputError(
        str(directory),
        "not a DUC 2006 or 2007 folder",
        "point at the folder holding duc2006_topics.sgml or duc2007_topics.sgml",
    )


def _load_2006(directory: Path) -> Iterator[DucTopic]:
    statements = read_topic_statements(directory / "duc2006_topics.sgml")
    models = directory / "NISTeval" / "ROUGE" / "models"
    for topic_dir in sorted((directory / "duc2006_docs").iterdir()):
        title, narrative = statements.get(topic_dir.name, ("", ""))
        refs = _references_2006(models, topic_dir.name[:5])
        if refs:
            yield DucTopic(topic_dir.name, title, narrative, _files(topic_dir), refs)


def _load_2007_main(directory: Path) -> Iterator[DucTopic]:
    statements = read_topic_statements(directory / "duc2007_topics.sgml")
    pyramids = {
        p.name[:5]: p for p in (directory / "mainPyramidEval" / "allpyramids").glob("*.pyr")
    }
    for topic_dir in sorted((directory / "duc2007_testdocs" / "main").iterdir()):
        pyramid = pyramids.get(topic_dir.name[:5])
        if pyramid is None:
            continue
        title, narrative = statements.get(topic_dir.name, ("", ""))
        yield DucTopic(
            topic_dir.name, title, narrative, _files(topic_dir), _references_pyramid(pyramid)
        )


def _load_2007_update(directory: Path) -> Iterator[DucTopic]:
    statements = read_topic_statements(directory / "duc2007_UPDATEtopics.sgml")
    models = directory / "updateEval" / "ROUGE" / "models"
    for topic_dir in sorted((directory / "duc2007_testdocs" / "update").iterdir()):
        title, narrative = statements.get(topic_dir.name, ("", ""))
        for set_dir in sorted(p for p in topic_dir.iterdir() if p.is_dir()):
            part = set_dir.name[-1]
            refs = _references_2006(models, f"{topic_dir.name[:5]}-{part}")
            if refs:
                yield DucTopic(set_dir.name, title, narrative, _files(set_dir), refs)


# --- scoring ------------------------------------------------------------------------


def truncate_words(text: str, limit: int) -> str:
    return " ".join(text.split()[:limit])


def score_summary(summary: str, references: Sequence[str], limit: int) -> dict[str, float]:
    """ROUGE-1/2 recall and F1, stemmed, averaged over references."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    peer = truncate_words(summary, limit)
    totals = {"rouge1_recall": 0.0, "rouge1_f1": 0.0, "rouge2_recall": 0.0, "rouge2_f1": 0.0}
    for ref in references:
        scores = scorer.score(ref, peer)
        for name in ("rouge1", "rouge2"):
            totals[f"{name}_recall"] += scores[name].recall
            totals[f"{name}_f1"] += scores[name].fmeasure
    return {k: v / max(1, len(references)) for k, v in totals.items()}


def summarize_topic(
    topic: DucTopic,
    limit: int,
    query: bool,
    selector: str,
    tuning: SummaryTuning | None = None,
    corpus: Corpus | None = None,
) -> str:
    from dateline.briefing.summary import summarize

    corpus = corpus or duc_corpus(topic.documents)
    opts = Options(words=limit, about=(f"{topic.title}. {topic.narrative}" if query else None))
    summary = summarize(corpus, opts, selector, tuning)
    return " ".join(s.span.text(corpus.article(s.span.article_id)) for s in summary.sentences)


def evaluate_mds(
    topics: Sequence[DucTopic],
    dataset: str,
    limit: int = 100,
    query: bool = True,
    selector: str = DEFAULT_SELECTOR,
    tuning: SummaryTuning | None = None,
) -> MdsResult:
    from dateline.progress import Progress

    result = MdsResult(dataset, "query-focused" if query else "generic", limit)
    with Progress(len(topics), f"DUC topics ({result.setting})") as bar:
        for topic in topics:
            started = time.perf_counter()
            text = summarize_topic(topic, limit, query, selector, tuning)
            elapsed = time.perf_counter() - started
            scores = score_summary(text, topic.references, limit)
            result.scores.append(TopicScore(topic.id, seconds=elapsed, **scores))
            bar.advance()
    return result


def render_mds(results: Sequence[MdsResult]) -> str:
    head = (
        "| data | setting | words | topics | R-1 recall | R-1 F1 | R-2 recall | R-2 F1 | s/topic |"
    )
    lines = [head, "|" + "---|" * 9]
    for r in results:
        lines.append(
            f"| {r.dataset} | {r.setting} | {r.limit} | {len(r.scores)} "
            f"| {r.mean('rouge1_recall'):.4f} | {r.mean('rouge1_f1'):.4f} "
            f"| {r.mean('rouge2_recall'):.4f} | {r.mean('rouge2_f1'):.4f} "
            f"| {r.mean('seconds'):.2f} |"
        )
    lines += ["", "Published (ROUGE-1.5.5, jackknifed):"]
    lines += [f"- {name}: {value}" for name, value in PUBLISHED]
    return "\n".join(lines) + "\n"
