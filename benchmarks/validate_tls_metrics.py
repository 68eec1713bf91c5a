"""Check dateline's TLS metrics against the reference implementation, tilse.

For a few Timeline17 reference timelines it builds "system" timelines deterministically
(dates shifted and half the sentences dropped; the reference dates with another
timeline's sentences; a random mix of shifts, drops, truncation, case changes, moved
sentences and spurious dates), scores them with ``dateline.evaluate.tls`` and, when a
Python with tilse is available, with tilse (Perl ROUGE-1.5.5, ``rouge_computation=
"original"``), and prints both side by side.

Two dateline columns are shown: ``ours`` as shipped, and ``ours+WN`` with ROUGE-1.5.5's
WordNet exception table (read from tilse's ROUGE install) passed to the tokenizer. The
second must equal tilse to float precision; the first differs only through that table.

tilse lives in its own virtual environment; dateline never imports it:

    python3 -m venv /tmp/tilse-venv && /tmp/tilse-venv/bin/pip install tilse
    apt-get install libxml-parser-perl   # ROUGE-1.5.5's XML::DOM needs XML::Parser
    .venv/bin/python benchmarks/validate_tls_metrics.py --tilse-python /tmp/tilse-venv/bin/python

Exit status 1 when ``ours+WN`` differs from tilse by more than ``--tolerance``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dateline.evaluate.rouge import PRF, RougeTokenizer
from dateline.evaluate.tls import (
    TextTimeline,
    TLSScores,
    evaluate_timeline,
    load_reference_timeline,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "t17-dev"
DEFAULT_TILSE = Path("/tmp/tilse-venv/bin/python")
# Small enough that Perl ROUGE (one process per date pair) finishes in a few minutes.
DEFAULT_TIMELINES = (
    "mj/timelines/MJ_bbc-bbc.co.uk.txt",
    "egypt/timelines/EgyptianProtest_cnn-tl8.txt",
    "h1n1/timelines/H1N1_reuters-h1n1_reuters.txt",
    "bpoil/timelines/bpoil_foxnews-foxnews.txt",
)
# (row label, TLSScores field); tilse's names are mapped in _tilse_prf.
METRICS = (
    ("concat R1", "concat_r1"),
    ("concat R2", "concat_r2"),
    ("agree R1", "agreement_r1"),
    ("agree R2", "agreement_r2"),
    ("align m:1 R1", "align_r1"),
    ("align m:1 R2", "align_r2"),
    ("date", "dates"),
)

# Runs inside the tilse environment: scores one case file, or dumps ROUGE's WordNet table.
TILSE_HELPER = r"""
import datetime, json, os, subprocess, sys
if sys.argv[1] == "--wordnet":
    from pyrouge.base import ROUGE_EVAL_HOME
    db = os.path.join(ROUGE_EVAL_HOME, "data", "WordNet-2.0.exc.db")
    perl = ('use DB_File; use Fcntl; tie %h, "DB_File", $ARGV[0], O_RDONLY, 0440, $DB_HASH'
            ' or die "cannot open $ARGV[0]"; while (($k, $v) = each %h) { print "$k\t$v\n" }')
    out = subprocess.run(["perl", "-e", perl, db], check=True, capture_output=True, text=True)
    json.dump(dict(line.split("\t", 1) for line in out.stdout.splitlines()), sys.stdout)
    sys.exit(0)
from tilse.data.timelines import GroundTruth, Timeline
from tilse.evaluation import dates, rouge
if sys.argv[1] == "--load":
    with open(sys.argv[2], encoding="utf-8") as f:
        loaded = Timeline.from_file(f).dates_to_summaries
    json.dump({str(d): s for d, s in loaded.items()}, sys.stdout)
    sys.exit(0)
case = json.load(open(sys.argv[1]))
def timeline(raw):
    return Timeline({datetime.date.fromisoformat(d): s for d, s in raw.items()})
pred, ref = timeline(case["predicted"]), GroundTruth([timeline(case["reference"])])
ev = rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="original")
json.dump({
    "concat": ev.evaluate_concat(pred, ref),
    "agreement": ev.evaluate_agreement(pred, ref),
    "align_m1": ev.evaluate_align_date_content_costs_many_to_one(pred, ref),
    "dates": dates.evaluate_dates(pred, ref),
}, sys.stdout)
"""


# --- system timelines ------------------------------------------------------------------


def _merge(entries: Sequence[tuple[dt.date, list[str]]]) -> dict[dt.date, list[str]]:
    """Dates that collide after a shift share one summary, so m:1 alignment has work."""
    merged: dict[dt.date, list[str]] = {}
    for date, sents in entries:
        if sents:
            merged.setdefault(date, []).extend(sents)
    return dict(sorted(merged.items()))


def shifted_half(ref: TextTimeline, other: TextTimeline, rng: random.Random) -> TextTimeline:
    """Dates moved by a fixed cycle of offsets, every other sentence dropped."""
    offsets = (0, 1, -1, 2, 0, -3, 7)
    return _merge(
        [
            (date + dt.timedelta(days=offsets[i % len(offsets)]), list(ref[date][i % 2 :: 2]))
            for i, date in enumerate(sorted(ref))
        ]
    )


def other_sentences(ref: TextTimeline, other: TextTimeline, rng: random.Random) -> TextTimeline:
    """The reference dates, each with the sentences of some date of another timeline."""
    other_dates = sorted(other)
    return {
        date: list(other[other_dates[i % len(other_dates)]]) for i, date in enumerate(sorted(ref))
    }


def mixed(ref: TextTimeline, other: TextTimeline, rng: random.Random) -> TextTimeline:
    """Random drops, shifts, truncations, case changes, moved sentences, spurious dates."""
    ref_dates = sorted(ref)
    entries = []
    for date in ref_dates:
        if rng.random() < 0.25:
            continue
        shift = dt.timedelta(days=rng.choice((0, 0, 0, 1, -1, 3, -10, 30)))
        sents = [_perturb_sentence(s, rng) for s in ref[date] if rng.random() < 0.7]
        if rng.random() < 0.2:  # a sentence from another date of the same timeline
            sents.append(rng.choice(list(ref[rng.choice(ref_dates)])))
        entries.append((date + shift, sents))
    for _ in range(3):  # dates far from the reference, with unrelated text
        spurious = ref_dates[-1] + dt.timedelta(days=rng.randint(40, 400))
        entries.append((spurious, list(other[rng.choice(sorted(other))])))
    return _merge(entries)


def _perturb_sentence(sent: str, rng: random.Random) -> str:
    words = sent.split()
    if rng.random() < 0.3:
        words = words[: max(1, len(words) * 3 // 5)]
    if rng.random() < 0.2:  # case changes leave ROUGE alone but change alignment costs
        words = [word.upper() for word in words]
    return " ".join(words)


SYSTEMS: dict[str, Callable[[TextTimeline, TextTimeline, random.Random], TextTimeline]] = {
    "shifted_half": shifted_half,
    "other_tl": other_sentences,
    "mixed": mixed,
}


# --- tilse in its own environment --------------------------------------------------------


def _tilse_problem(python: Path) -> str | None:
    """Why tilse cannot be used, or None when it can."""
    if not python.exists():
        return f"{python} does not exist"
    probe = subprocess.run(
        [str(python), "-c", "import tilse.evaluation.rouge"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        return f"cannot import tilse with {python}: {probe.stderr.strip().splitlines()[-1:]}"
    return None


def _run_helper(python: Path, helper: Path, *args: str) -> str:
    done = subprocess.run(
        [str(python), str(helper), *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"tilse helper failed on {args}:\n{done.stderr[-2000:]}")
    return done.stdout


def _tilse_scores(
    python: Path, workdir: Path, cases: Sequence[tuple[TextTimeline, TextTimeline]]
) -> list[dict[str, dict[str, object]]]:
    helper = workdir / "tilse_helper.py"
    helper.write_text(TILSE_HELPER, encoding="utf-8")
    paths = []
    for i, (pred, ref) in enumerate(cases):
        path = workdir / f"case{i}.json"
        path.write_text(json.dumps({"predicted": _jsonable(pred), "reference": _jsonable(ref)}))
        paths.append(path)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outputs = pool.map(lambda p: _run_helper(python, helper, str(p)), paths)
        return [json.loads(out) for out in outputs]


def _wordnet_exceptions(python: Path, workdir: Path) -> dict[str, str]:
    helper = workdir / "tilse_helper.py"
    helper.write_text(TILSE_HELPER, encoding="utf-8")
    table: dict[str, str] = json.loads(_run_helper(python, helper, "--wordnet"))
    return table


def _loader_differences(python: Path, workdir: Path, paths: Sequence[Path]) -> list[str]:
    """Timelines that tilse's Timeline.from_file reads differently from ours."""
    helper = workdir / "tilse_helper.py"
    helper.write_text(TILSE_HELPER, encoding="utf-8")
    differences = []
    for path in paths:
        theirs = json.loads(_run_helper(python, helper, "--load", str(path)))
        if theirs != _jsonable(load_reference_timeline(path)):
            differences.append(str(path))
    return differences


def _jsonable(timeline: TextTimeline) -> dict[str, list[str]]:
    return {date.isoformat(): list(timeline[date]) for date in sorted(timeline)}


def _tilse_prf(result: Mapping[str, object], field: str) -> PRF:
    if field == "dates":
        raw = result["dates"]
    else:
        kind, n = field.rsplit("_r", 1)
        group = {"concat": "concat", "agreement": "agreement", "align": "align_m1"}[kind]
        raw = result[group][f"rouge_{n}"]  # type: ignore[index]
    assert isinstance(raw, dict)
    return PRF(float(raw["precision"]), float(raw["recall"]), float(raw["f_score"]))


# --- the table -----------------------------------------------------------------------------


def _print_table(
    labels: Sequence[tuple[str, str]],
    ours: Sequence[TLSScores],
    ours_wn: Sequence[TLSScores] | None,
    tilse: Sequence[Mapping[str, object]] | None,
) -> float:
    """Print F1 side by side; return the largest |ours+WN - tilse| over P, R and F1."""
    print(f"{'timeline':<30} {'system':<13} {'metric':<13} {'ours':>8} ", end="")
    print(f"{'ours+WN':>8} {'tilse':>8} {'ours-tilse':>11} {'+WN-tilse':>10}" if tilse else "")
    worst_plain: dict[str, float] = {}
    worst_exact: dict[str, float] = {}
    for i, (timeline, system) in enumerate(labels):
        for label, field in METRICS:
            mine = getattr(ours[i], field)
            line = f"{timeline[:30]:<30} {system:<13} {label:<13} {mine.f1:8.5f}"
            if tilse and ours_wn:
                exact, ref = getattr(ours_wn[i], field), _tilse_prf(tilse[i], field)
                line += f" {exact.f1:8.5f} {ref.f1:8.5f} {mine.f1 - ref.f1:+11.5f}"
                line += f" {exact.f1 - ref.f1:+10.1e}"
                worst_plain[label] = max(worst_plain.get(label, 0.0), _max_gap(mine, ref))
                worst_exact[label] = max(worst_exact.get(label, 0.0), _max_gap(exact, ref))
            print(line)
    if not worst_exact:
        return 0.0
    print("\nlargest |difference| over precision, recall and F1, all cases:")
    print(f"{'metric':<13} {'ours-tilse':>11} {'ours+WN-tilse':>14}")
    for label, _ in METRICS:
        print(f"{label:<13} {worst_plain[label]:11.5f} {worst_exact[label]:14.1e}")
    return max(worst_exact.values())


def _max_gap(a: PRF, b: PRF) -> float:
    return max(abs(a.precision - b.precision), abs(a.recall - b.recall), abs(a.f1 - b.f1))


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="t17-dev folder")
    parser.add_argument(
        "--timelines",
        nargs="+",
        default=list(DEFAULT_TIMELINES),
        help="timeline files relative to --data (at least 2)",
    )
    parser.add_argument(
        "--tilse-python", type=Path, default=Path(os.environ.get("TILSE_PYTHON", DEFAULT_TILSE))
    )
    parser.add_argument("--tolerance", type=float, default=1e-9)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    refs = {Path(p).stem: load_reference_timeline(args.data / p) for p in args.timelines}
    names = list(refs)
    labels, cases = [], []
    for i, name in enumerate(names):
        other = refs[names[(i + 1) % len(names)]]
        for system, build in SYSTEMS.items():
            labels.append((name, system))
            cases.append((build(refs[name], other, random.Random(f"{name}/{system}")), refs[name]))

    start = time.perf_counter()
    ours = [evaluate_timeline(pred, ref) for pred, ref in cases]
    elapsed = time.perf_counter() - start
    print(f"dateline: {len(cases)} evaluations in {elapsed:.3f}s", flush=True)

    problem = _tilse_problem(args.tilse_python)
    tilse = ours_wn = None
    if problem:
        print(f"tilse not run: {problem}")
    else:
        print(f"tilse: {len(cases)} evaluations, one Perl ROUGE run per date pair...", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            tilse = _tilse_scores(args.tilse_python, Path(tmp), cases)
            print(f"tilse (Perl ROUGE-1.5.5): {time.perf_counter() - start:.1f}s")
            paths = [args.data / p for p in args.timelines]
            differences = _loader_differences(args.tilse_python, Path(tmp), paths)
            print(
                f"loader: {len(paths) - len(differences)} of {len(paths)} timeline files "
                f"read exactly as tilse's Timeline.from_file reads them {differences or ''}"
            )
            tokenizer = RougeTokenizer(
                stem_exceptions=_wordnet_exceptions(args.tilse_python, Path(tmp))
            )
        ours_wn = [evaluate_timeline(pred, ref, tokenizer) for pred, ref in cases]
    print()
    worst = _print_table(labels, ours, ours_wn, tilse)
    if tilse is not None and worst > args.tolerance:
        print(f"\nFAIL: ours+WN differs from tilse by {worst:.2e} > {args.tolerance:.0e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
