"""``dateline brief`` cold and warm, and ``quotes`` / ``actors`` after it, on one corpus.

    .venv/bin/python benchmarks/bench_brief.py [ARTICLES_DIR...] [--workers 1 2] [--keep DIR]

Each command runs in its own process, in a fresh folder per worker count (so the first
``brief`` finds an empty ``.dateline/cache``): seconds, and whether the process imported
spaCy at all. A warm ``brief``, ``quotes`` or ``actors`` should read every stage from the
cache and never import it, and reads the briefing's parts kept by the cold one
(dateline.memo); ``brief --words`` changes an option, so only actors and quotes are
read back and the rest is computed again. ``--keep DIR`` keeps the outputs, to diff
them across versions.
Several folders are read as one corpus (egypt and h1n1 together: 673 articles, the size
of the issue's Syria corpus). Peak memory is the largest resident set of any process of
a run (the command and its workers).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_ARTICLES = Path("/work/shared/data/t17-dev/finan/articles")
# Runs the CLI, then says on stderr whether spaCy was imported in this process.
RUNNER = (
    "import sys\n"
    "from dateline.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('SPACY-IMPORTED', 'spacy' in sys.modules, file=sys.stderr)\n"
)


def run(args: list[str], cwd: Path) -> tuple[float, bool, float]:
    """Seconds, whether spaCy was imported, and peak MB of the run's processes."""
    start = time.perf_counter()
    # A wrapper process per run, so RUSAGE_CHILDREN's maximum is this run's alone.
    wrapper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stderr.write(done.stderr)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print('PEAK-KB', peak, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, sys.executable, "-c", RUNNER, *args],
        cwd=cwd,
        text=True,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if "SPACY-IMPORTED" not in done.stderr:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    peak_kb = int(done.stderr.rsplit("PEAK-KB", 1)[1].split()[0])
    return seconds, "SPACY-IMPORTED True" in done.stderr, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=[DEFAULT_ARTICLES])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="Keep the outputs under this folder.")
    args = parser.parse_args()
    corpus = [str(p.resolve()) for p in args.articles]
    print(f"{'workers':>7}  {'run':<13} {'seconds':>8}  spaCy  peak MB")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            cwd = Path(tmp)
            out = (args.keep / f"workers-{workers}") if args.keep else cwd / "out"
            out.mkdir(parents=True, exist_ok=True)
            w = ["--workers", str(workers)]
            steps = [
                ("brief cold", ["brief", *corpus, "-o", str(out / "brief"), *w]),
                ("brief warm", ["brief", *corpus, "-o", str(out / "brief-warm"), *w]),
                # annotations cached, the kept actors and quotes read, the rest computed
                ("brief --words", ["brief", *corpus, "-o", str(out / "words"), "--words=200", *w]),
                ("quotes warm", ["quotes", *corpus, "-o", str(out / "quotes.json"), *w]),
                ("actors warm", ["actors", *corpus, "-o", str(out / "actors.json"), *w]),
            ]
            for name, command in steps:
                seconds, spacy, peak = run(command, cwd)
                print(
                    f"{workers:>7}  {name:<13} {seconds:8.1f}  {'yes' if spacy else 'no ':<5}"
                    f"  {peak:7.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
