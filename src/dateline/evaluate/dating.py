"""Publication-date estimation scored on a corpus whose dates are known (Timeline17).

Each article's folder date (and any other date its sources give) is hidden and
estimated back from its content and the other articles. Two settings: leave-one-out
(one article hidden at a time, the realistic case of a few pasted undated articles in a
dated corpus) and half hidden (a seeded random half hidden at once). Beside the
estimator, two baselines run on the same articles: the latest full date the text
mentions, and the median date of the corpus's dated articles.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import load_articles
from dateline.ingest.estimate import DateEstimate, DatingCorpus, DatingTuning, estimate_date

Estimator = Callable[[DatingCorpus, int, frozenset[int]], DateEstimate | None]


@dataclass(frozen=True)
class DatingScores:
    method: str
    setting: str
    articles: int
    estimated: int
    exact: int
    within_1: int
    within_7: int
    covered: int  # estimates whose interval contains the true date
    widths: tuple[int, ...] = ()  # each estimate's interval, in days

    @property
    def median_width(self) -> float | None:
        return statistics.median(self.widths) if self.widths else None

    def share(self, count: int) -> float:
        return count / self.articles if self.articles else 0.0


def topic_dirs(directory: Path) -> list[Path]:
    """The topic folders of a Timeline17-style layout (or the one topic given)."""
    if (directory / "articles").is_dir():
        return [directory]
    found = sorted(p for p in directory.iterdir() if (p / "articles").is_dir())
    if not found:
        raise InputError(
            str(directory),
            "not a Timeline17-style folder (no <topic>/articles folders in it)",
            "point at the folder holding the topics, such as t17-dev, or at one topic",
        )
    return found


def load_topic(topic: Path) -> DatingCorpus:
    """A topic's articles with their true (folder) dates, as a dating corpus."""
    articles = [a for a in load_articles([topic / "articles"]).articles if a.pub_date.value]
    return DatingCorpus.of_texts([a.text for a in articles], [a.pub_date.value for a in articles])


def estimator(tuning: DatingTuning) -> Estimator:
    def run(corpus: DatingCorpus, i: int, hidden: frozenset[int]) -> DateEstimate | None:
        return estimate_date(corpus, i, tuning, hidden)

    return run


def latest_mentioned(corpus: DatingCorpus, i: int, hidden: frozenset[int]) -> DateEstimate | None:
    """Baseline: the latest full date the article mentions."""
    days = [m.day for m in corpus.clues[i].days]
    if not days:
        return None
    day = max(days)
    return DateEstimate(day, day, day, "latest full date mentioned")


def corpus_median(corpus: DatingCorpus, i: int, hidden: frozenset[int]) -> DateEstimate | None:
    """Baseline: the median date of the articles whose dates are not hidden."""
    known = sorted(d for j, d in enumerate(corpus.dates) if d and j != i and j not in hidden)
    if not known:
        return None
    day = known[len(known) // 2]
    return DateEstimate(day, day, day, "corpus median")


def score(
    corpus: DatingCorpus, method: str, run: Estimator, setting: str, seed: int = 0
) -> DatingScores:
    """Hide articles as ``setting`` says ("leave-one-out" or "half"), estimate, count."""
    n = len(corpus.dates)
    if setting == "leave-one-out":
        trials = [(i, frozenset({i})) for i in range(n)]
    else:
        half = frozenset(random.Random(seed).sample(range(n), n // 2))
        trials = [(i, half) for i in sorted(half)]
    tally = [0, 0, 0, 0, 0]
    widths: list[int] = []
    for i, hidden in trials:
        truth = corpus.dates[i]
        estimate = run(corpus, i, hidden)
        if estimate is None or truth is None:
            continue
        off = abs((estimate.point - truth).days)
        for k, hit in enumerate(
            (True, off == 0, off <= 1, off <= 7, estimate.earliest <= truth <= estimate.latest)
        ):
            tally[k] += hit
        widths.append((estimate.latest - estimate.earliest).days + 1)
    estimated, exact, within_1, within_7, covered = tally
    return DatingScores(
        method, setting, len(trials), estimated, exact, within_1, within_7, covered, tuple(widths)
    )


def evaluate_dating(
    directory: Path,
    tuning: DatingTuning | None = None,
    settings: Sequence[str] = ("leave-one-out", "half"),
    topics: Sequence[str] | None = None,
) -> list[tuple[str, list[DatingScores]]]:
    """Scores per topic for the estimator and both baselines in every setting."""
    methods: list[tuple[str, Estimator]] = [
        ("content estimate", estimator(tuning or DatingTuning())),
        ("latest date mentioned", latest_mentioned),
        ("corpus median", corpus_median),
    ]
    from dateline.progress import Progress

    results = []
    todo = [t for t in topic_dirs(directory) if not topics or t.name in topics]
    with Progress(len(todo), "topics dated") as bar:
        for topic in todo:
            corpus = load_topic(topic)
            rows = [score(corpus, name, run, s) for s in settings for name, run in methods]
            results.append((topic.name, rows))
            bar.advance()
    return results


def total(rows: Sequence[DatingScores]) -> DatingScores:
    first = rows[0]
    articles, estimated, exact, within_1, within_7, covered = (
        sum(getattr(r, f) for r in rows) for f in _COUNTS
    )
    widths = tuple(w for r in rows for w in r.widths)
    return DatingScores(
        first.method, first.setting, articles, estimated, exact, within_1, within_7, covered, widths
    )


_COUNTS = ("articles", "estimated", "exact", "within_1", "within_7", "covered")


def render_dating_scores(results: Sequence[tuple[str, list[DatingScores]]]) -> str:
    """A plain table: one line per topic, setting and method, then the totals.

    Shares are of all articles hidden (an article left unestimated counts as a miss);
    "in interval" is of those estimated, and "width" the median interval in days.
    """
    head = (
        f"{'topic':<8} {'setting':<14} {'method':<22} {'n':>5} {'estimated':>9} "
        f"{'exact':>6} {'<=1d':>6} {'<=7d':>6} {'in interval':>11} {'width':>6}"
    )
    lines = [head, "-" * len(head)]
    keyed: dict[tuple[str, str], list[DatingScores]] = {}
    for topic, rows in results:
        for row in rows:
            lines.append(_line(topic, row))
            keyed.setdefault((row.setting, row.method), []).append(row)
    if len(results) > 1:
        lines.append("-" * len(head))
        lines += [_line("all", total(rows)) for rows in keyed.values()]
    return "\n".join(lines)


def _line(topic: str, row: DatingScores) -> str:
    def pct(count: int) -> str:
        return f"{100 * row.share(count):5.1f}%"

    covered = f"{100 * row.covered / row.estimated:10.1f}%" if row.estimated else f"{'-':>11}"
    width = f"{row.median_width:6.0f}" if row.median_width is not None else f"{'-':>6}"
    return (
        f"{topic:<8} {row.setting:<14} {row.method:<22} {row.articles:>5} "
        f"{pct(row.estimated):>9} {pct(row.exact)} {pct(row.within_1)} {pct(row.within_7)} "
        f"{covered} {width}"
    )
