"""Wall time of each spaCy pipeline component on real articles, dateline's against stock.

    python benchmarks/bench_nlp.py                       # 80 Timeline17 egypt articles
    python benchmarks/bench_nlp.py --limit 40 ../shared/data/t17-dev/h1n1/articles

Each component runs over all the articles before the next starts, so each line is that
component's own time. ``stock`` is the model as shipped (spaCy's AttributeRuler, the
paragraph pipe setting ``Token.is_sent_start`` one token at a time); ``dateline`` is
``load_nlp()`` (table-lookup attribute rules, one array write for paragraph starts).
The two must annotate identically: the script checks every token and says so.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from dateline.annotate import nlp
from dateline.ingest import load_articles

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "t17-dev" / "egypt" / "articles"


def _stock_breaks(doc: Any) -> Any:
    """The paragraph pipe as it was before session 8 (quadratic: see nlp.py)."""
    blank_lines = "\n\n" in doc.text or "\n \n" in doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= (2 if blank_lines else 1):
            tok.is_sent_start = True
    return doc


def stock_pipeline() -> Language:
    name = nlp._installed_model()
    if name is None:
        raise SystemExit(f"no spaCy model: {nlp.INSTALL_HINT}")
    pipeline = spacy.load(name, exclude=list(nlp.DISABLED_PIPES))
    if not Language.has_factory("stock_paragraph_breaks"):
        Language.component("stock_paragraph_breaks", func=_stock_breaks)
    pipeline.add_pipe("stock_paragraph_breaks", before="parser")
    return pipeline


def time_components(pipeline: Language, texts: list[str]) -> tuple[list[Any], dict[str, float]]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    docs = [pipeline.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - start
    for name, component in pipeline.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=32))
        else:
            docs = [component(d) for d in docs]
        times[name] = time.perf_counter() - start
    return docs, times


def _rows(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.pos_, t.tag_, t.dep_, t.head.i, str(t.morph), t.ent_type_, t.is_sent_start)
        for t in doc
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=80)
    args = parser.parse_args()
    texts = [a.text for a in load_articles([args.folder]).articles[: args.limit]]
    words = 0
    results = {}
    for label, pipeline in (("stock", stock_pipeline()), ("dateline", nlp.load_nlp())):
        time_components(pipeline, texts[:2])  # warm up: first-call allocations
        docs, times = time_components(pipeline, texts)
        words = sum(len(d) for d in docs)
        results[label] = (docs, times)
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} chars, {words:,} tokens")
    for label, (_, times) in results.items():
        total = sum(times.values())
        parts = ", ".join(f"{name} {secs:.2f}" for name, secs in times.items())
        print(f"{label:9s} {total:6.2f} s ({words / total:,.0f} tokens/s): {parts}")
    same = all(
        _rows(a) == _rows(b)
        for a, b in zip(results["stock"][0], results["dateline"][0], strict=True)
    )
    print("annotations identical" if same else "ANNOTATIONS DIFFER")


if __name__ == "__main__":
    main()
