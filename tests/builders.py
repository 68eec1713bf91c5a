"""Builders for model objects, so unit tests need no files and no models."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from dateline.model import (
    Annotations,
    Article,
    Confidence,
    Corpus,
    DateInterval,
    OffsetMap,
    PublicationDate,
    RunReport,
    Timex,
    TimexType,
)

ROOT = Path(__file__).resolve().parents[1]
SYRIA = ROOT / "examples" / "syria"
SHARED_DATA = ROOT.parent / "shared" / "data"


def make_article(
    article_id: str,
    text: str,
    pub: dt.date | None = None,
    confidence: Confidence = Confidence.EXPLICIT,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    pub_date = (
        PublicationDate(pub, confidence, "test", "built by hand")
        if pub
        else PublicationDate.unknown()
    )
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        text=text,
        pub_date=pub_date,
        title=title,
        source=source,
        offsets=OffsetMap.identity(len(text)),
    )


def day_timex(text: str, phrase: str, day: dt.date, occurrence: int = 0) -> Timex:
    """A DAY timex over the ``occurrence``-th appearance of ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Timex(start, start + len(phrase), TimexType.DATE, day.isoformat(), DateInterval.day(day))


def make_corpus(articles: list[Article], annotations: list[Annotations]) -> Corpus:
    return Corpus(tuple(articles), {a.article_id: a for a in annotations}, RunReport())


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it: a real process, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=cwd,
    )
