"""Quote and attribution extraction scored on PolNeAR (Newell et al., LREC 2018).

Layout read: ``DIR/{train,dev}/text/*.txt`` and ``DIR/{train,dev}/attributions/
<name>_<annotator>.ann`` in brat standoff (``T`` lines are Source / Cue / Content spans
with character offsets into the UTF-8 text, discontinuous spans written ``s e;s e``;
``E`` lines tie them into one attribution). An article annotated by several annotators
is scored against the annotator whose id sorts first (the first one metadata.tsv lists).

Matching works on word tokens (``\\w+``), so punctuation and quotation marks never
decide a match: overlap(p, g) = |P ∩ G| / max(|P|, |G|), i.e. both the predicted and
the gold span must be covered at the threshold. "exact" means the same word tokens.
Pairs are matched one-to-one, greedily by overlap. Predicted quotes that share a cue
are one attribution (``“A,” he said. “B.”`` is one PolNeAR attribution with two content
spans), see :func:`group_by_cue`.

"direct" gold attributions are those whose content holds a quotation mark or is
directly enclosed by one; predictions are scored as direct when ``Quote.direct``.
A predicted direct quote matching an indirect gold attribution still counts towards
precision (it is a real attribution) but the recall base is the direct gold ones.

A matched quote has the right speaker when the predicted speaker span overlaps the gold
source span, or a name word of the gold source (capitalised, not a title) occurs in the
predicted ``speaker_name``. Gold attributions without a source are left out of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.evaluate.rouge import f_score
from dateline.model import Quote

Extractor = Callable[[Sequence[str]], Iterable[Sequence[Quote]]]
Spans = tuple[tuple[int, int], ...]

THRESHOLDS: tuple[tuple[str, float], ...] = (("0.3", 0.3), ("0.8", 0.8), ("exact", 1.0))
QUOTE_MARKS = frozenset('"“”«»„')
_WORD = re.compile(r"\w+")
_NAME_STOP = frozenset(
    "mr mrs ms dr the president secretary senator sen gov governor rep former said".split()
)


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    source: Spans  # empty when the annotator marked no source
    direct: bool


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    annotator: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 at one overlap threshold."""

    threshold: str
    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


@dataclass(frozen=True)
class SpeakerScore:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class QuoteScores:
    """Scores for direct quotes and for all attributions on one split."""

    split: str
    documents: int
    annotators_note: str
    direct: tuple[Scores, ...]
    all: tuple[Scores, ...]
    direct_speaker: SpeakerScore
    all_speaker: SpeakerScore
    system: str = "dateline"


# --- reading the corpus -------------------------------------------------------------


def load_polnear(root: str | Path, split: str = "dev") -> list[GoldDocument]:
    """The documents of one split, each with its first annotator's attributions."""
    base = Path(root) / split
    texts_dir, ann_dir = base / "text", base / "attributions"
    if not texts_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            str(base),
            "not a PolNeAR folder (no text/ and attributions/ folders in this split)",
            "point at the PolNeAR data folder, the one holding dev/ and train/",
        )
    docs = []
    for text_path in sorted(texts_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        annotator = anns[0].stem.rsplit("_", 1)[1]
        docs.append(GoldDocument(text_path.stem, text, annotator, _read_ann(anns[0], text)))
    if not docs:
        raise InputError(
            str(base),
            "not a PolNeAR folder (no text/*.txt with attributions/*.ann in this split)",
            "point at the PolNeAR data folder, the one holding dev/ and train/",
        )
    return docs


def _parse_spans(field: str) -> Spans:
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def _read_ann(path: Path, text: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if line.startswith("T"):
            label_and_spans = cols[1].split(" ", 1)
            if len(label_and_spans) == 2:
                spans[cols[0]] = _parse_spans(label_and_spans[1])
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    golds = []
    for roles in events:
        content = tuple(s for ref in roles.get("Content", []) for s in spans.get(ref, ()))
        if not content:
            continue
        source = tuple(s for ref in roles.get("Source", []) for s in spans.get(ref, ()))
        golds.append(GoldAttribution(tuple(sorted(content)), source, _is_direct(text, content)))
    return tuple(golds)


def _is_direct(text: str, content: Spans) -> bool:
    """A quotation mark inside the content, or right before or after it."""
    for start, end in content:
        if any(ch in QUOTE_MARKS for ch in text[start:end]):
            return True
        before = text[max(0, start - 3) : start].rstrip()
        after = text[end : end + 3].lstrip()
        if before[-1:] in QUOTE_MARKS or after[:1] in QUOTE_MARKS or after[:2] in {",”", ',"'}:
            return True
    return False


# --- scoring ------------------------------------------------------------------------


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(m.start() for start, end in spans for m in _WORD.finditer(text, start, end))


def _overlap(pred: frozenset[int], gold: frozenset[int]) -> float:
    if not pred or not gold:
        return 0.0
    return len(pred & gold) / max(len(pred), len(gold))


def _match(
    preds: Sequence[frozenset[int]], golds: Sequence[frozenset[int]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, best overlaps first."""
    pairs = sorted(
        (
            (ov, i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if (ov := _overlap(p, g)) >= threshold - 1e-9
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def _name_words(text: str) -> set[str]:
    return {
        w.lower()
        for w in _WORD.findall(text)
        if w[0].isupper() and len(w) > 1 and w.lower() not in _NAME_STOP
    }


def speaker_correct(text: str, quote: Quote, gold: GoldAttribution) -> bool:
    """Predicted speaker span overlaps the gold source, or the names share a word."""
    if quote.speaker is not None:
        s, e = quote.speaker
        if any(s < ge and gs < e for gs, ge in gold.source):
            return True
    if quote.speaker_name:
        gold_names = set().union(*(_name_words(text[s:e]) for s, e in gold.source))
        pred_names = {w.lower() for w in _WORD.findall(quote.speaker_name)}
        return bool(gold_names & pred_names)
    return False


@dataclass
class _Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def scores(self, threshold: str) -> Scores:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        return Scores(threshold, p, r, f_score(p, r), self.n_pred, self.n_gold)


@dataclass
class _Run:
    direct: dict[str, _Tally]
    all: dict[str, _Tally]
    direct_speaker: list[int]
    all_speaker: list[int]


def group_by_cue(quotes: Sequence[Quote]) -> list[tuple[Quote, tuple[tuple[int, int], ...]]]:
    """Quotes sharing a cue form one attribution (``“A,” he said. “B.”``), as in PolNeAR.

    Returns (first quote, content spans) per attribution; the first quote carries the
    speaker, and the attribution is direct when any of its quotes is.
    """
    groups: dict[object, list[Quote]] = {}
    for n, quote in enumerate(quotes):
        groups.setdefault(quote.cue if quote.cue is not None else n, []).append(quote)
    merged = []
    for members in groups.values():
        first = members[0]
        direct = any(q.direct for q in members)
        head = Quote(first.start, first.end, direct, first.speaker, first.speaker_name, first.cue)
        merged.append((head, tuple((q.start, q.end) for q in members)))
    return merged


def _score_document(doc: GoldDocument, found: Sequence[Quote], run: _Run) -> None:
    grouped = group_by_cue(found)
    quotes = [quote for quote, _ in grouped]
    golds = [_tokens(doc.text, g.content) for g in doc.attributions]
    preds = [_tokens(doc.text, spans) for _, spans in grouped]
    direct_idx = [i for i, q in enumerate(quotes) if q.direct]
    n_direct_gold = sum(g.direct for g in doc.attributions)
    for name, threshold in THRESHOLDS:
        pairs = _match(preds, golds, threshold)
        _add(run.all[name], len(pairs), len(preds), len(pairs), len(golds))
        dpairs = _match([preds[i] for i in direct_idx], golds, threshold)
        direct_gold_hits = sum(doc.attributions[j].direct for _, j in dpairs)
        _add(run.direct[name], len(dpairs), len(direct_idx), direct_gold_hits, n_direct_gold)
        if name == "0.3":
            _tally_speakers(doc, quotes, pairs, run)


def _add(tally: _Tally, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
    tally.tp_pred += tp_pred
    tally.n_pred += n_pred
    tally.tp_gold += tp_gold
    tally.n_gold += n_gold


def _tally_speakers(
    doc: GoldDocument, quotes: Sequence[Quote], pairs: list[tuple[int, int]], run: _Run
) -> None:
    for i, j in pairs:
        gold = doc.attributions[j]
        if not gold.source:
            continue
        ok = int(speaker_correct(doc.text, quotes[i], gold))
        run.all_speaker[0] += ok
        run.all_speaker[1] += 1
        if gold.direct and quotes[i].direct:
            run.direct_speaker[0] += ok
            run.direct_speaker[1] += 1


def score_predictions(
    docs: Sequence[GoldDocument],
    predictions: Mapping[str, Sequence[Quote]],
    split: str = "dev",
    system: str = "dateline",
) -> QuoteScores:
    """Score quotes predicted per document name against the gold attributions."""
    run = _Run(
        {name: _Tally() for name, _ in THRESHOLDS},
        {name: _Tally() for name, _ in THRESHOLDS},
        [0, 0],
        [0, 0],
    )
    for doc in docs:
        _score_document(doc, predictions.get(doc.name, ()), run)
    return QuoteScores(
        split=split,
        documents=len(docs),
        annotators_note=_annotators_note(docs),
        direct=tuple(run.direct[name].scores(name) for name, _ in THRESHOLDS),
        all=tuple(run.all[name].scores(name) for name, _ in THRESHOLDS),
        direct_speaker=SpeakerScore(*run.direct_speaker),
        all_speaker=SpeakerScore(*run.all_speaker),
        system=system,
    )


def _annotators_note(docs: Sequence[GoldDocument]) -> str:
    ids = sorted({doc.annotator for doc in docs})
    return f"first annotator (alphabetical id) per article; ids used: {', '.join(ids)}"


def _default_extractor(texts: Sequence[str]) -> Iterable[Sequence[Quote]]:
    from dateline.annotate.quotes import extract_quotes_many

    return (quotes for _, quotes in extract_quotes_many(texts))


def evaluate_quotes(
    root: str | Path, split: str = "dev", extractor: Extractor | None = None
) -> QuoteScores:
    """Run the quote extractor on a PolNeAR split and score it."""
    docs = load_polnear(root, split)
    extract = extractor or _default_extractor
    from dateline.progress import Progress

    predictions: dict[str, Sequence[Quote]] = {}
    with Progress(len(docs), "PolNeAR documents") as bar:
        for doc, quotes in zip(docs, extract([doc.text for doc in docs]), strict=True):
            predictions[doc.name] = quotes
            bar.advance()
    return score_predictions(docs, predictions, split)


def render_quote_scores(scores: QuoteScores | Sequence[QuoteScores]) -> str:
    """A plain-text table; several systems side by side when given a sequence."""
    runs = [scores] if isinstance(scores, QuoteScores) else list(scores)
    head = runs[0]
    lines = [
        f"PolNeAR {head.split}: {head.documents} articles; {head.annotators_note}",
        f"{'system':<12} {'subset':<7} {'overlap':<7} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'pred':>6} {'gold':>6}",
    ]
    for run in runs:
        for subset, rows in (("direct", run.direct), ("all", run.all)):
            for row in rows:
                lines.append(
                    f"{run.system:<12} {subset:<7} {row.threshold:<7} {row.precision:6.3f} "
                    f"{row.recall:6.3f} {row.f1:6.3f} {row.predicted:6d} {row.gold:6d}"
                )
        lines.append(
            f"{run.system:<12} speaker accuracy (matched at 0.3): direct "
            f"{run.direct_speaker.accuracy:.3f} ({run.direct_speaker.correct}/"
            f"{run.direct_speaker.total}), all {run.all_speaker.accuracy:.3f} "
            f"({run.all_speaker.correct}/{run.all_speaker.total})"
        )
    return "\n".join(lines)
