"""Language detection: dateline's function-word detector against py3langid.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_language.py [/tmp/corpora/*.pkl]

Scores both on tests/ingest/language_samples.py (sentences and paragraphs in ten
languages, English texts full of names) and, given corpus pickles, on every article of
those corpora, which are English but for seven h1n1 pages (six BBC Vietnamese pages whose
accents were lost, one line of BBC Mundo Spanish): any other article flagged is a false
alarm that would skip the article's dates and quotes. py3langid is optional (pip install
py3langid; it is not a dependency: its current release requires numpy 2).
"""

from __future__ import annotations

import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from dateline.ingest.language import detect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' samples
from tests.ingest.language_samples import SAMPLES


def detectors() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {"function-words": lambda t: detect(t).code}
    try:
        import py3langid

        found["py3langid"] = lambda t: str(py3langid.classify(t)[0])
    except ImportError:
        pass
    return found


def main(pickles: list[str]) -> None:
    english: list[str] = []
    for name in pickles:
        with Path(name).open("rb") as f:
            corpus = pickle.load(f)
        english += [a.text[a.body_start :] for a in corpus.articles]
    for name, guess in detectors().items():
        by_kind: Counter[str] = Counter()
        right: Counter[str] = Counter()
        wrong = []
        for lang, kind, text in SAMPLES:
            group = "english-" + kind if lang == "en" else kind
            by_kind[group] += 1
            answer = guess(text)
            if answer == lang:
                right[group] += 1
            else:
                wrong.append(f"{lang}->{answer}: {text[:50]}")
        start = time.perf_counter()
        alarms = [g for g in map(guess, english) if g != "en"]
        spent = time.perf_counter() - start
        total = sum(by_kind.values())
        print(f"{name}: {sum(right.values())}/{total} samples right")
        for group in sorted(by_kind):
            print(f"  {group:16s} {right[group]}/{by_kind[group]}")
        if english:
            per_article = 1000 * spent / len(english)
            print(f"  corpus: {len(english) - len(alarms)}/{len(english)} English, flagged "
                  f"{dict(Counter(alarms))}; {per_article:.2f} ms/article")  # fmt: skip
        for line in wrong:
            print("   wrong", line)


if __name__ == "__main__":
    main(sys.argv[1:])
