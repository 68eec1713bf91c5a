"""Timeline summarization (TLS) evaluation: the tilse metrics and the news-tls protocol.

Definitions follow tilse (Martschat & Markert, "Improving ROUGE for Timeline
Summarization", EACL 2017, and CoNLL 2018), which the TLS literature and news-tls
(Gholipour Ghalandari & Ifrim 2020) report. A timeline here is a mapping from a date to
its summary sentences; every metric compares one predicted timeline to one reference
and gives precision, recall and F1, micro-averaged over dates through raw ROUGE counts:

* concat: ROUGE of all sentences (dates in order) against all reference sentences.
* agreement: ROUGE summed over dates only where both timelines have that date.
* align+ m:1 (the headline metric): each predicted date is aligned to the reference date
  of lowest cost ``(1 - 1/(|d_p - d_r| + 1)) * (1 - sim)``, where ``sim`` is tilse's
  approximate ROUGE-1 F1 (whitespace tokens, case kept, punctuation tokens dropped, no
  stemming); precision sums the aligned ROUGE hits weighted by ``1/(|d_p - d_r| + 1)``.
  Recall aligns each reference date to a predicted date the same way. Several dates may
  share one partner. Ties go to the earliest date, as numpy's argmin in tilse.
* date F1: exact date matches.

Where tilse would divide by zero (an empty timeline), the score is 0.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import NamedTuple

from dateline.errors import InputError
from dateline.evaluate.rouge import (
    PRF,
    NgramCounter,
    RougeTokenizer,
    count_ngrams,
    default_tokenizer,
    ngram_overlap,
)

TextTimeline = Mapping[dt.date, Sequence[str]]
"""A timeline for evaluation: date -> summary sentences."""

log = logging.getLogger(__name__)

SEPARATOR = "-" * 32
_DATE_LINE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
# Lines that try to be a date and fail, such as "2011-04-0" in the raw Timeline17 MJ file.
_BROKEN_DATE_LINE = re.compile(r"[0-9]{4}-[0-9]{0,2}(-[0-9]{0,2})?")
_NGRAM_SIZES = (1, 2)


class RougePair(NamedTuple):
    """ROUGE-1 and ROUGE-2 scores of one metric."""

    r1: PRF
    r2: PRF


class ReferenceConstraints(NamedTuple):
    """What the news-tls protocol lets a system know about the reference timeline."""

    n_dates: int  # L: how many dates to output
    sents_per_date: int  # K: sentences per date
    first_date: dt.date  # only articles published in [first_date, last_date] are used
    last_date: dt.date


@dataclass(frozen=True)
class TLSScores:
    """All metrics of one predicted timeline against one reference."""

    concat_r1: PRF
    concat_r2: PRF
    agreement_r1: PRF
    agreement_r2: PRF
    align_r1: PRF  # align+ m:1, the headline metric
    align_r2: PRF
    dates: PRF

    @property
    def date_f1(self) -> float:
        return self.dates.f1

    def as_dict(self) -> dict[str, float]:
        """Flat ``{"align_r1_f1": ..., "dates_precision": ...}`` for tables and JSON."""
        return {
            f"{item.name}_{part}": getattr(getattr(self, item.name), part)
            for item in fields(self)
            for part in ("precision", "recall", "f1")
        }


@dataclass(frozen=True)
class TLSTopic:
    """One topic of a TLS data set: its articles folder, keywords and reference timelines."""

    name: str
    articles_dir: Path
    keywords: tuple[str, ...]
    timelines: Mapping[str, dict[dt.date, list[str]]]  # file stem -> reference timeline


# --- loading ---------------------------------------------------------------------------


def load_reference_timeline(path: str | Path) -> dict[dt.date, list[str]]:
    """Read a timeline in tilse's text format, sorted by date.

    The format is a ``YYYY-MM-DD`` line, one sentence per line, then a line of 32 dashes.
    When a date appears twice the last block wins, as in tilse and news-tls. Unlike
    tilse, a final block without its dashes line is kept, blank lines are not sentences,
    and a malformed date line (tilse: a sentence) or a second date line in one block
    (tilse: replaces the first) is an :class:`InputError` naming the file and line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read the timeline: {e}", "use a UTF-8 file") from e
    # Only "\n" ends a line (read_text already turned "\r\n" into it), as with tilse's
    # readlines(); str.splitlines would also split at U+2028 and friends inside a sentence.
    return parse_reference_timeline(text.split("\n"), str(path))


def parse_reference_timeline(lines: Iterable[str], source: str) -> dict[dt.date, list[str]]:
    """Parse the lines of a tilse timeline; ``source`` names the file in errors."""
    timeline: dict[dt.date, list[str]] = {}
    date: dt.date | None = None
    sents: list[str] = []
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line == SEPARATOR:
            if date is None:
                problem = f"line {lineno}: separator with no date line before it"
                raise InputError(source, problem, "start each block with a YYYY-MM-DD line")
            _store_block(timeline, date, sents)
            date, sents = None, []
        elif (found := _parse_date_line(line, source, lineno)) is not None:
            if date is not None:
                problem = f"line {lineno}: date {found} follows date {date} with no separator"
                raise InputError(source, problem, f"put a line of 32 dashes before line {lineno}")
            date = found
        elif line:
            _require_date(date, source, lineno)
            sents.append(line)
    if date is not None:
        _store_block(timeline, date, sents)
    return dict(sorted(timeline.items()))


def _store_block(timeline: dict[dt.date, list[str]], date: dt.date, sents: list[str]) -> None:
    if date in timeline:
        log.debug("date %s appears twice; keeping the later block", date)
    timeline[date] = sents


def _require_date(date: dt.date | None, source: str, lineno: int) -> dt.date:
    if date is None:
        raise InputError(
            source,
            f"line {lineno}: text outside a dated block",
            "start each block with a YYYY-MM-DD line",
        )
    return date


def _parse_date_line(line: str, source: str, lineno: int) -> dt.date | None:
    """The date of a date line, None for other lines, an error for a broken date."""
    found = _DATE_LINE.fullmatch(line)
    if found:
        try:
            return dt.date(*(int(part) for part in found.groups()))
        except ValueError as e:
            raise InputError(
                source,
                f"line {lineno}: {line!r} is not a valid date ({e})",
                "fix the date line to YYYY-MM-DD",
            ) from e
    if _BROKEN_DATE_LINE.fullmatch(line):
        raise InputError(
            source,
            f"line {lineno}: {line!r} is not a valid date",
            "fix the date line to YYYY-MM-DD",
        )
    return None


def load_tls_dataset(path: str | Path) -> list[TLSTopic]:
    """Read ``<path>/<topic>/{articles/, timelines/*.txt, keywords.json}``, topics by name."""
    root = Path(path)
    if not root.is_dir():
        raise InputError(
            str(root), "not a folder", "pass the folder that holds one folder per topic"
        )
    topic_dirs = [d for d in sorted(root.iterdir()) if d.is_dir() and not d.name.startswith(".")]
    if not topic_dirs:
        raise InputError(
            str(root),
            "not a Timeline17-style folder (no topic folders in it)",
            "point at the folder holding <topic>/articles and <topic>/timelines, such as t17-dev",
        )
    return [_load_topic(topic_dir) for topic_dir in topic_dirs]


def _load_topic(topic_dir: Path) -> TLSTopic:
    articles_dir = topic_dir / "articles"
    if not articles_dir.is_dir():
        raise InputError(
            str(articles_dir),
            "missing articles folder",
            "a topic needs articles/<YYYY-MM-DD>/<files>",
        )
    timeline_paths = sorted((topic_dir / "timelines").glob("*.txt"))
    if not timeline_paths:
        raise InputError(
            str(topic_dir / "timelines"),
            "no reference timelines",
            "a topic needs timelines/<name>.txt in tilse format",
        )
    return TLSTopic(
        name=topic_dir.name,
        articles_dir=articles_dir,
        keywords=_load_keywords(topic_dir / "keywords.json"),
        timelines={p.stem: load_reference_timeline(p) for p in timeline_paths},
    )


def _load_keywords(path: Path) -> tuple[str, ...]:
    try:
        keywords = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(
            str(path),
            f"cannot read the keywords: {e}",
            'write a JSON list such as ["bp", "oil", "spill"]',
        ) from e
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise InputError(
            str(path),
            "keywords must be a JSON list of strings",
            'write a JSON list such as ["bp", "oil", "spill"]',
        )
    return tuple(keywords)


def reference_constraints(reference: TextTimeline) -> ReferenceConstraints:
    """L, K and the date range that the news-tls protocol gives a system.

    K is Python's ``round`` of the mean sentences per date (halves go to even), as in
    news-tls.
    """
    if not reference:
        raise ValueError("the reference timeline has no dates")
    dates = sorted(reference)
    n_sents = sum(len(sents) for sents in reference.values())
    return ReferenceConstraints(len(dates), round(n_sents / len(dates)), dates[0], dates[-1])


# --- metrics ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Summary:
    """One date's summary, prepared once: ROUGE tokens and n-grams, alignment words."""

    tokens: list[str]
    grams: Mapping[int, NgramCounter]
    words: Counter[str]


def _prepare(timeline: TextTimeline, tokenizer: RougeTokenizer) -> dict[dt.date, _Summary]:
    prepared = {}
    for date in sorted(timeline):
        tokens = tokenizer.tokenize_summary(timeline[date])
        grams = {n: count_ngrams(tokens, n) for n in _NGRAM_SIZES}
        prepared[date] = _Summary(tokens, grams, _content_words(timeline[date]))
    return prepared


def _content_words(sents: Sequence[str]) -> Counter[str]:
    # tilse's alignment similarity drops a token when it is a substring of
    # string.punctuation: ".", ",", "()" go, "``" and "--" stay. Kept for exact alignments.
    return Counter(
        word for sent in sents for word in sent.split() if word not in string.punctuation
    )


def date_scores(predicted: TextTimeline, reference: TextTimeline) -> PRF:
    """Date precision, recall and F1 by exact match."""
    shared = len(set(predicted) & set(reference))
    return PRF.from_counts(shared, len(predicted), len(reference))


def concat_rouge(
    predicted: TextTimeline, reference: TextTimeline, tokenizer: RougeTokenizer | None = None
) -> RougePair:
    """ROUGE of all predicted sentences against all reference sentences, dates in order.

    Bigrams run across sentence and date boundaries, as ROUGE-1.5.5 counts a summary.
    """
    tok = tokenizer or default_tokenizer()
    return _concat(_prepare(predicted, tok), _prepare(reference, tok))


def _concat(pred: Mapping[dt.date, _Summary], ref: Mapping[dt.date, _Summary]) -> RougePair:
    # _prepare keeps dates in order, so joining per-date tokens is tokenizing the whole text.
    pred_tokens = [token for summary in pred.values() for token in summary.tokens]
    ref_tokens = [token for summary in ref.values() for token in summary.tokens]
    scores = []
    for n in _NGRAM_SIZES:
        counts = ngram_overlap(count_ngrams(pred_tokens, n), count_ngrams(ref_tokens, n))
        scores.append(PRF.from_counts(counts.hits, counts.peer, counts.model))
    return RougePair(*scores)


def agreement_rouge(
    predicted: TextTimeline, reference: TextTimeline, tokenizer: RougeTokenizer | None = None
) -> RougePair:
    """ROUGE counted per date, with hits only where both timelines have the date."""
    tok = tokenizer or default_tokenizer()
    return _agreement(_prepare(predicted, tok), _prepare(reference, tok))


def _agreement(pred: Mapping[dt.date, _Summary], ref: Mapping[dt.date, _Summary]) -> RougePair:
    same_day = {date: date for date in pred if date in ref}
    return _aligned_rouge(pred, ref, same_day, same_day)


class DateAlignment(NamedTuple):
    """The two align+ m:1 alignments: for precision and for recall."""

    pred_to_ref: dict[dt.date, dt.date]
    ref_to_pred: dict[dt.date, dt.date]


def align_dates(predicted: TextTimeline, reference: TextTimeline) -> DateAlignment:
    """Align each date to the lowest-cost date of the other timeline (align+ m:1).

    Each predicted date gets a reference date (precision) and each reference date a
    predicted date (recall); several dates may share a partner. With an empty side,
    nothing is aligned.
    """
    return _align(
        {date: _content_words(sents) for date, sents in predicted.items()},
        {date: _content_words(sents) for date, sents in reference.items()},
    )


def _align(
    pred: Mapping[dt.date, Counter[str]], ref: Mapping[dt.date, Counter[str]]
) -> DateAlignment:
    pred_dates, ref_dates = sorted(pred), sorted(ref)
    pred_sizes = {date: words.total() for date, words in pred.items()}
    ref_sizes = {date: words.total() for date, words in ref.items()}
    # The cost is symmetric, so one matrix serves both directions: rows for precision,
    # columns for recall.
    costs = [
        [
            _alignment_cost(p, r, _approx_rouge1_f1(pred[p], pred_sizes[p], ref[r], ref_sizes[r]))
            for r in ref_dates
        ]
        for p in pred_dates
    ]
    columns = list(zip(*costs, strict=True))
    return DateAlignment(
        {p: ref_dates[_argmin(row)] for p, row in zip(pred_dates, costs, strict=True) if row},
        {r: pred_dates[_argmin(col)] for r, col in zip(ref_dates, columns, strict=False)},
    )


def _argmin(costs: Sequence[float]) -> int:
    """Index of the first smallest cost, as numpy's argmin in tilse: ties go to the earlier date."""
    return min(range(len(costs)), key=costs.__getitem__)


def _alignment_cost(pred_date: dt.date, ref_date: dt.date, similarity: float) -> float:
    # Same formula and operation order as tilse, so that float ties break the same way.
    date_factor = 1 - 1 / (abs((pred_date - ref_date).days) + 1)
    return date_factor * (1 - similarity)


def _approx_rouge1_f1(
    words: Counter[str], size: int, other_words: Counter[str], other_size: int
) -> float:
    """tilse's approximate ROUGE-1 F1 between two summaries' word counts."""
    common = words.keys() & other_words.keys()
    if not common:
        return 0.0
    match = sum(min(words[word], other_words[word]) for word in common)
    precision = match / size
    recall = match / other_size
    return 2 * precision * recall / (precision + recall)


def align_rouge(
    predicted: TextTimeline, reference: TextTimeline, tokenizer: RougeTokenizer | None = None
) -> RougePair:
    """tilse's align+ m:1 ROUGE: date-aligned summaries, hits discounted by date distance."""
    tok = tokenizer or default_tokenizer()
    return _align_m1(_prepare(predicted, tok), _prepare(reference, tok))


def _align_m1(pred: Mapping[dt.date, _Summary], ref: Mapping[dt.date, _Summary]) -> RougePair:
    alignment = _align(
        {date: summary.words for date, summary in pred.items()},
        {date: summary.words for date, summary in ref.items()},
    )
    return _aligned_rouge(pred, ref, alignment.pred_to_ref, alignment.ref_to_pred)


def _aligned_rouge(
    pred: Mapping[dt.date, _Summary],
    ref: Mapping[dt.date, _Summary],
    pred_to_ref: Mapping[dt.date, dt.date],
    ref_to_pred: Mapping[dt.date, dt.date],
) -> RougePair:
    """Micro-averaged ROUGE over aligned date pairs; unaligned dates add only denominators."""
    scores = []
    for n in _NGRAM_SIZES:
        precision_hits = sum(_discounted_hits(pred, ref, p, r, n) for p, r in pred_to_ref.items())
        recall_hits = sum(_discounted_hits(pred, ref, p, r, n) for r, p in ref_to_pred.items())
        peer = sum(summary.grams[n].total() for summary in pred.values())
        model = sum(summary.grams[n].total() for summary in ref.values())
        scores.append(
            PRF.from_pr(
                precision_hits / peer if peer else 0.0, recall_hits / model if model else 0.0
            )
        )
    return RougePair(*scores)


def _discounted_hits(
    pred: Mapping[dt.date, _Summary],
    ref: Mapping[dt.date, _Summary],
    pred_date: dt.date,
    ref_date: dt.date,
    n: int,
) -> float:
    hits = ngram_overlap(pred[pred_date].grams[n], ref[ref_date].grams[n]).hits
    return (1 / (abs((pred_date - ref_date).days) + 1)) * hits  # tilse's operation order


def evaluate_timeline(
    predicted: TextTimeline, reference: TextTimeline, tokenizer: RougeTokenizer | None = None
) -> TLSScores:
    """Every metric of ``predicted`` against one reference timeline."""
    tok = tokenizer or default_tokenizer()
    pred, ref = _prepare(predicted, tok), _prepare(reference, tok)
    concat, agreement, align = _concat(pred, ref), _agreement(pred, ref), _align_m1(pred, ref)
    return TLSScores(
        concat.r1,
        concat.r2,
        agreement.r1,
        agreement.r2,
        align.r1,
        align.r2,
        date_scores(predicted, reference),
    )


def average_scores(scores: Sequence[TLSScores]) -> TLSScores:
    """Mean over timelines the news-tls way: average P and R, then F1 of the averages."""
    if not scores:
        raise ValueError("no scores to average")
    averaged = {}
    for item in fields(TLSScores):
        parts = [getattr(score, item.name) for score in scores]
        averaged[item.name] = PRF.from_pr(
            sum(p.precision for p in parts) / len(parts), sum(p.recall for p in parts) / len(parts)
        )
    return TLSScores(**averaged)
