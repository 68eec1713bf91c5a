"""Speed of the time-expression tagger on one huge, date-dense line (issue 17.3).

Usage::

    .venv/bin/python benchmarks/bench_timex_dense.py [--megabytes 5] [--repeat 1]

Builds a single line of news-like sentences, each with two or three time expressions
("on Monday", "next week", "March 3"), and tags it in one call. Scraped pages sometimes
arrive as one line like this; a tagger whose cost grows with the square of the number
of expressions never finishes on them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import time

from dateline.annotate.timex import extract_timexes

_SENTENCES = (
    "Talks ended on Monday and resume next week.",
    "The minister said on Friday that aid would arrive in March.",
    "Officials met on March 3 and will meet again next month.",
    "Prices rose 5% last year, and analysts expect more gains this spring.",
    "The vote is scheduled for Thursday, two days after the deadline.",
)
DCT = dt.date(2014, 2, 1)


def dense_line(megabytes: float) -> str:
    """About ``megabytes`` million characters of date-dense sentences on one line."""
    size = int(megabytes * 1_000_000)
    parts: list[str] = []
    length = 0
    for sentence in itertools.cycle(_SENTENCES):
        parts.append(sentence)
        length += len(sentence) + 1
        if length >= size:
            break
    return " ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is reported")
    args = parser.parse_args(argv)
    text = dense_line(args.megabytes)
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = len(extract_timexes(text, DCT))
        best = min(best, time.perf_counter() - started)
    rows = [
        ("characters", f"{len(text):,}"),
        ("time expressions", f"{found:,}"),
        (f"seconds (best of {args.repeat})", f"{best:.2f}"),
        ("characters/second", f"{len(text) / best:,.0f}"),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
