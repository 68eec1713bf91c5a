"""``dateline eval expectations``: expectations and their chains scored against the
annotated set in evaluation/expectations/ (guidelines: docs/expectations.md).

Each annotation file holds one JSON line per annotated article: the article's path
(relative to the data root, or to the project for the demo corpus), its corpus, and
the expectations in it (sentence, event span, expected time value, modality, speaker,
chain id); an article with none is listed with an empty list. The articles are read
and annotated as ``dateline expectations`` would (one corpus per annotated corpus, its
articles only), then:

- event spans: a predicted expectation matches a gold one of the same article when
  their event spans overlap (one to one, largest overlap first): precision and recall;
- expected time: a match whose normalised value (``2013-W45``, ``2013-08/..``, none)
  equals the gold one, over all predicted and all gold expectations;
- modality and speaker: accuracy over the matches;
- chain links: over pairs of matched expectations from different articles of one
  corpus, a predicted link is two in one predicted chain, a gold link two in one gold
  chain: precision and recall of links.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.expectations import ExpectationTuning, corpus_expectations, link_expectations
from dateline.expectations.model import Expectation
from dateline.model import Article, Corpus
from dateline.options import Options


@dataclass(frozen=True)
class GoldExpectation:
    path: str
    sentence: str
    event: str
    start: int
    end: int
    value: str | None
    modality: str
    speaker: str | None
    chain: str


@dataclass(frozen=True)
class GoldArticle:
    path: str
    corpus: str
    split: str
    expectations: tuple[GoldExpectation, ...]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    time_correct: int = 0
    modality_correct: int = 0
    speaker_correct: int = 0
    speaker_gold: int = 0
    links_gold: int = 0
    links_predicted: int = 0
    links_correct: int = 0
    relocated: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "gold", "predicted", "matched", "time_correct", "modality_correct",
            "speaker_correct", "speaker_gold", "links_gold", "links_predicted",
            "links_correct", "relocated",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def load_annotations(paths: Iterable[Path]) -> list[GoldArticle]:
    """The annotated articles of every ``*.jsonl`` file given (or in a folder given);
    the split is the file's name (dev, heldout, demo)."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise InputError(", ".join(map(str, paths)), "no annotation files (*.jsonl) found",
                         "give evaluation/expectations/")  # fmt: skip
    out = []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                out.append(_gold_article(json.loads(line), file.stem))
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(f"{file}, line {n}", f"not an annotated article ({err})",
                                 "see docs/expectations.md for the fields") from err  # fmt: skip
    return out


def _gold_article(record: dict[str, Any], split: str) -> GoldArticle:
    exps = tuple(
        GoldExpectation(
            record["path"],
            e["sentence"],
            e["event"]["text"],
            int(e["event"]["start"]),
            int(e["event"]["end"]),
            e["time"]["value"],
            e["modality"],
            e.get("speaker"),
            f"{record['corpus']}/{e['chain']}",
        )
        for e in record["expectations"]
    )
    return GoldArticle(record["path"], record["corpus"], split, exps)


def _resolve(path: str, data_root: Path) -> Path:
    for candidate in (data_root / path, Path(path)):
        if candidate.is_file():
            return candidate
    raise InputError(path, f"annotated article not found under {data_root} or here",
                     "give --data-root, the folder that holds t17-dev/")  # fmt: skip


def annotate_gold_corpus(articles: Sequence[GoldArticle], data_root: Path) -> Corpus:
    """The annotated articles read and annotated as the CLI would (timex and, when the
    spaCy model is there, the speech stage for speakers)."""
    from dateline.errors import ModelNotFoundError
    from dateline.pipeline import BRIEFING_STAGES, TIMELINE_STAGES, build_corpus

    paths = [_resolve(a.path, data_root) for a in articles]
    opts = Options(workers=1)
    try:
        return build_corpus(paths, opts, BRIEFING_STAGES)
    except ModelNotFoundError:
        return build_corpus(paths, opts, TIMELINE_STAGES)


def _article_for(gold: GoldArticle, corpus: Corpus, data_root: Path) -> Article:
    wanted = _resolve(gold.path, data_root).resolve()
    for article in corpus.articles:
        if Path(article.path).resolve() == wanted:
            return article
    raise InputError(gold.path, "annotated article was not read", "see the run report")


def _locate(gold: GoldExpectation, article: Article) -> tuple[int, int, bool]:
    """The gold event span in the article's cleaned text; found again by its sentence
    and text when cleaning has moved it (third value True)."""
    if article.text[gold.start : gold.end] == gold.event:
        return gold.start, gold.end, False
    at = article.text.find(gold.sentence)
    if at >= 0:
        inner = gold.sentence.find(gold.event)
        if inner >= 0:
            return at + inner, at + inner + len(gold.event), True
    at = article.text.find(gold.event)
    if at < 0:
        raise InputError(gold.path, f"the event '{gold.event}' is not in the article's text",
                         "correct the annotation")  # fmt: skip
    return at, at + len(gold.event), True


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_speaker(gold: str | None, found: str | None) -> bool:
    if not gold or not found:
        return not gold and not found
    g, f = gold.lower().split(), found.lower().split()
    return g[-1] == f[-1]


def score_corpus(
    golds: Sequence[GoldArticle], data_root: Path, tuning: ExpectationTuning | None = None,
    corpus: Corpus | None = None,
) -> Counts:  # fmt: skip
    """Scores for the articles of one annotated corpus."""
    corpus = corpus or annotate_gold_corpus(golds, data_root)
    counts = Counts()
    predicted = corpus_expectations(corpus, tuning)
    chains = link_expectations(predicted, corpus, None, tuning)
    chain_of = {e.key: c.id for c in chains for e in c.expectations}
    pairs: list[tuple[GoldExpectation, Expectation]] = []
    for gold in golds:
        article = _article_for(gold, corpus, data_root)
        mine = [e for e in predicted if e.event_span.article_id == article.id]
        counts.predicted += len(mine)
        counts.gold += len(gold.expectations)
        spans = []
        for g in gold.expectations:
            start, end, moved = _locate(g, article)
            counts.relocated += moved
            spans.append((g, (start, end)))
        candidates = sorted(
            ((_overlap(span, (p.event_span.start, p.event_span.end)), gi, pi)
             for gi, (_g, span) in enumerate(spans) for pi, p in enumerate(mine)),
            reverse=True,
        )  # fmt: skip
        used_g: set[int] = set()
        used_p: set[int] = set()
        for overlap, gi, pi in candidates:
            if overlap <= 0 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((spans[gi][0], mine[pi]))
        counts.errors += [f"missed  {gold.path}: {spans[i][0].event!r} in "
                          f"{spans[i][0].sentence[:90]!r}"
                          for i in range(len(spans)) if i not in used_g]  # fmt: skip
        counts.errors += [
            f"spurious {gold.path}: {mine[i].event!r} ({mine[i].modality.value}, {mine[i].cue!r})"
            for i in range(len(mine))
            if i not in used_p
        ]
    for g, p in pairs:
        counts.matched += 1
        counts.time_correct += g.value == p.time.value
        counts.modality_correct += g.modality == p.modality.value
        counts.speaker_gold += g.speaker is not None
        counts.speaker_correct += _same_speaker(g.speaker, p.speaker)
        if g.value != p.time.value:
            counts.errors.append(f"time    {g.path}: {g.event!r} gold {g.value} found "
                                 f"{p.time.value} ({p.time.text!r})")  # fmt: skip
    for (g1, p1), (g2, p2) in itertools.combinations(pairs, 2):
        if p1.event_span.article_id == p2.event_span.article_id:
            continue
        gold_link = g1.chain == g2.chain
        found_link = chain_of.get(p1.key) == chain_of.get(p2.key)
        counts.links_gold += gold_link
        counts.links_predicted += found_link
        counts.links_correct += gold_link and found_link
    return counts


def evaluate_expectations(
    golds: Sequence[GoldArticle], data_root: Path, tuning: ExpectationTuning | None = None,
    corpora: dict[str, Corpus] | None = None,
) -> dict[tuple[str, str], Counts]:  # fmt: skip
    """Counts per (split, corpus)."""
    out: dict[tuple[str, str], Counts] = {}
    keys = sorted({(g.split, g.corpus) for g in golds})
    for split, name in keys:
        mine = [g for g in golds if (g.split, g.corpus) == (split, name)]
        corpus = corpora.get(name) if corpora else None
        out[(split, name)] = score_corpus(mine, data_root, tuning, corpus)
    return out


def tune(
    golds: Sequence[GoldArticle], data_root: Path, split: str = "dev"
) -> tuple[ExpectationTuning, list[tuple[ExpectationTuning, float]]]:
    """The tuning with the best mean of span F1, time F1 and link F1 on ``split``: a
    small grid over the three constants."""
    names = sorted({g.corpus for g in golds})
    corpora = {n: annotate_gold_corpus([g for g in golds if g.corpus == n], data_root)
               for n in names}  # fmt: skip
    on_split = [g for g in golds if g.split == split]
    results = []
    base = ExpectationTuning()
    for gap, tgap, link in itertools.product((6, 9, 12, 16), (8, 14, 20), (0.1, 0.2, 0.3, 0.4)):
        tuning = replace(base, max_gap=gap, time_gap=tgap, link_names=link)
        total = Counts()
        for c in evaluate_expectations(on_split, data_root, tuning, corpora).values():
            total.add(c)
        results.append((tuning, _objective(total)))
    # Ties (and a split without links to score) keep the default's values.
    best = max(results, key=lambda r: (round(r[1], 6), _defaults_kept(r[0], base)))[0]
    return best, results


def _defaults_kept(tuning: ExpectationTuning, base: ExpectationTuning) -> int:
    return sum(
        getattr(tuning, name) == getattr(base, name)
        for name in ("max_gap", "time_gap", "link_names")
    )


def _objective(c: Counts) -> float:
    sp, sr = _ratio(c.matched, c.predicted), _ratio(c.matched, c.gold)
    tp, tr = _ratio(c.time_correct, c.predicted), _ratio(c.time_correct, c.gold)
    lp, lr = _ratio(c.links_correct, c.links_predicted), _ratio(c.links_correct, c.links_gold)
    return (_f1(sp, sr) + _f1(tp, tr) + _f1(lp, lr)) / 3


def render_expectation_scores(results: dict[tuple[str, str], Counts], errors: bool = False) -> str:
    header = (
        f"{'split':<8} {'corpus':<16} {'gold':>4} {'found':>5} {'span P':>6} {'span R':>6} "
        f"{'time P':>6} {'time R':>6} {'modal':>5} {'spkr':>5} {'link P':>6} {'link R':>6} "
        f"{'links':>5}"
    )
    lines = [header]
    by_split: dict[str, Counts] = {}
    for (split, name), c in results.items():
        lines.append(_row(split, name, c))
        by_split.setdefault(split, Counts()).add(c)
    for split, c in by_split.items():
        lines.append(_row(split, "(all)", c))
    relocated = sum(c.relocated for c in results.values())
    if relocated:
        lines.append(f"{relocated} gold spans found again by their text (cleaning moved them)")
    if errors:
        lines += ["", *(e for c in results.values() for e in c.errors)]
    return "\n".join(lines)


def _row(split: str, name: str, c: Counts) -> str:
    return (
        f"{split:<8} {name:<16} {c.gold:>4} {c.predicted:>5} "
        f"{_ratio(c.matched, c.predicted):>6.2f} {_ratio(c.matched, c.gold):>6.2f} "
        f"{_ratio(c.time_correct, c.predicted):>6.2f} {_ratio(c.time_correct, c.gold):>6.2f} "
        f"{_ratio(c.modality_correct, c.matched):>5.2f} "
        f"{_ratio(c.speaker_correct, c.matched):>5.2f} "
        f"{_ratio(c.links_correct, c.links_predicted):>6.2f} "
        f"{_ratio(c.links_correct, c.links_gold):>6.2f} {c.links_gold:>5}"
    )
