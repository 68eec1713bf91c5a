"""Multi-document summarization on DUC 2006 / 2007: ROUGE-1/2 and time per topic.

    .venv/bin/python benchmarks/bench_mds.py [--data /work/shared/data] [--topics N]
        [--selector centroid-mmr|submodular] [--words 100 250]

Prints one table row per (data set, setting, length) and the published anchors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline.evaluate.mds import MdsResult, evaluate_mds, load_duc, render_mds

SETS = (("duc2006", "main"), ("duc2007", "main"), ("duc2007", "update"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--topics", type=int, default=None)
    parser.add_argument("--selector", default="centroid-mmr")
    parser.add_argument("--words", type=int, nargs="+", default=[100, 250])
    args = parser.parse_args()
    results: list[MdsResult] = []
    for folder, task in SETS:
        directory = args.data / folder
        if not directory.is_dir():
            print(f"skipped {directory}: not found", file=sys.stderr)
            continue
        topics = load_duc(directory, task)[: args.topics]
        name = folder + ("-update" if task == "update" else "")
        # Update-task references are 100 words; longer summaries would not compare.
        for limit in [w for w in args.words if task == "main" or w == 100]:
            for query in (True, False):
                result = evaluate_mds(topics, name, limit, query, args.selector)
                result.setting += f" ({args.selector})"
                results.append(result)
                print(render_mds([result]).splitlines()[2], file=sys.stderr, flush=True)
    print(render_mds(results), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
