"""The briefing object: every part present, traceable, and built without spaCy too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from dateline.briefing import build
from dateline.briefing.actors import Actor
from dateline.briefing.build import Briefing, build_briefing, quotes_by_speaker
from dateline.errors import ModelNotFoundError
from dateline.model import Corpus, EntityKind, Quote, RunReport
from dateline.options import Options
from tests.builders import SYRIA, make_article


@cache
def syria() -> Corpus:
    from dateline.pipeline import build_corpus

    return build_corpus([SYRIA], Options(workers=1))


@cache
def syria_briefing() -> Briefing:
    return build_briefing(syria(), Options())


def test_briefing_has_every_part() -> None:
    briefing = syria_briefing()
    assert briefing.summary.sentences
    assert briefing.timeline.entries
    assert briefing.figures
    assert len(briefing.sources) == 5
    assert briefing.report.accepted
    names = [a.name for a in briefing.actors]
    assert "Ban Ki-moon" in names and "Sergei Lavrov" in names


def test_quotes_are_grouped_by_speaker_and_cited() -> None:
    briefing = syria_briefing()
    speakers = {q.speaker: q for q in briefing.quotes}
    assert "Ban Ki-moon" in speakers
    for group in briefing.quotes:
        for entry in group.quotes:
            article = briefing.article(entry.span.article_id)
            assert entry.span.text(article).strip()
    counts = [len(q.quotes) for q in briefing.quotes]
    assert counts == sorted(counts, reverse=True)


def test_sources_keep_publication_date_provenance() -> None:
    briefing = syria_briefing()
    unknown = [a for a in briefing.sources if a.pub_date.value is None]
    assert unknown and all(a.pub_date.evidence for a in briefing.sources)


def test_without_a_spacy_model_the_briefing_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(corpus: Corpus, opts: Options | None = None) -> None:
        raise ModelNotFoundError("no spaCy English model found")

    monkeypatch.setattr(build, "annotate_speech_reported", missing)
    briefing = build_briefing(syria(), Options())
    assert briefing.actors == () and briefing.quotes == ()
    assert any("spaCy" in note for note in briefing.notes)
    assert briefing.summary.sentences and briefing.timeline.entries


def test_quotes_by_speaker_resolves_names_to_actors() -> None:
    text = '"We will go on," Lavrov said. Kerry said talks would resume. "No," a man said.'
    article = make_article("a", text, dt.date(2013, 7, 5))
    lavrov = Actor(
        "person:sergei-lavrov",
        "Sergei Lavrov",
        EntityKind.PERSON,
        (("Sergei Lavrov", 2), ("Lavrov", 1)),
        ("a",),
        None,
        None,
    )
    quotes = (
        Quote(1, 15, True, speaker_name="Lavrov"),
        Quote(41, 59, False, speaker_name="Kerry"),
        Quote(61, 63, True, speaker_name=None),
    )
    groups = quotes_by_speaker([(article, (), quotes)], [lavrov])
    assert [(g.speaker, g.actor_id, len(g.quotes)) for g in groups] == [
        ("Kerry", None, 1),
        ("Sergei Lavrov", "person:sergei-lavrov", 1),
    ]


def test_brief_and_summarize_commands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli.brief import brief_command, summarize_command

    runner = CliRunner()
    out = tmp_path / "brief"
    result = runner.invoke(brief_command, [str(SYRIA), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {
        "briefing.json",
        "briefing.md",
        "report.html",
        "timeline.csv",
        "quotes.csv",
        "figures.csv",
    }
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["schema"] == "dateline.briefing" and data["summary"]["sentences"]
    result = runner.invoke(
        summarize_command, [str(SYRIA), "--words", "60", "--format", "json", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert 0 < summary["words_used"] <= 60


def test_a_stage_failure_on_one_article_spares_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline.annotate import quotes

    real = quotes.extract_quotes_many

    def fails_on_poison(texts: Iterable[str]) -> Iterator[tuple[Any, Any]]:
        items = list(texts)
        if any("POISON" in t for t in items):
            raise MemoryError("E088-like failure on a poisoned article")
        return real(items)

    monkeypatch.setattr(quotes, "extract_quotes_many", fails_on_poison)
    good = make_article("good", '"We will go on," Lavrov said in Geneva.', dt.date(2013, 7, 5))
    bad = make_article("bad", '"POISON," Kerry said.', dt.date(2013, 7, 6))
    corpus = Corpus((good, bad), {}, RunReport())
    annotated, failures = build.annotate_speech_reported(corpus)
    assert [a.id for a, _, _ in annotated] == ["good", "bad"]
    assert annotated[0][2] and annotated[1][1:] == ((), ())
    assert [f.article_id for f in failures] == ["bad"] and "MemoryError" in failures[0].problem
    briefing = build_briefing(corpus, Options())
    assert any("bad" in note for note in briefing.notes)
    assert any(q.speaker for q in briefing.quotes)


def test_the_demo_timeline_names_who_a_pronoun_is() -> None:
    briefing = syria_briefing()
    named = {
        s.shown(briefing.article(s.span.article_id)): s.speaker
        for e in briefing.timeline.entries
        for s in e.sentences
        if s.speaker
    }
    kerry = "The meeting in Geneva might not take place until August or later, he [John Kerry] "
    assert named.get(kerry + "added.") == "John Kerry"
    for s in (s for e in briefing.timeline.entries for s in e.sentences if s.speaker_span):
        text = briefing.article(s.span.article_id).text
        assert text[slice(*s.speaker_span)].lower() in {"he", "she", "they", "we", "i"}


def test_a_briefing_read_back_is_the_one_computed(tmp_path: Path) -> None:
    import sqlite3

    from dateline.store import open_memo, open_store

    store = tmp_path / "corpus.db"
    open_store(store).close()

    def kept() -> list[str]:
        rows = sqlite3.connect(store).execute("SELECT key FROM results ORDER BY key")
        return [key.split(":")[0] for (key,) in rows]

    def rowids() -> list[int]:  # a result stored again gets a new row (INSERT OR REPLACE)
        return [r for (r,) in sqlite3.connect(store).execute("SELECT rowid FROM results")]

    from dateline.pipeline import BRIEFING_STAGES, build_corpus

    # with its speech annotations, as the CLI builds it: else only the rest is kept
    corpus = build_corpus([SYRIA], Options(workers=1), BRIEFING_STAGES)
    memo = open_memo(store)
    first = build_briefing(corpus, Options(), memo)
    assert kept() == ["briefing-parts", "speakers"]
    stored = rowids()
    assert build_briefing(corpus, Options(), memo) == first == build_briefing(corpus)
    assert rowids() == stored  # read back, not computed and stored again
    # other options: the actors and quotes kept are read back, the rest is new
    shorter = build_briefing(corpus, Options(words=60), memo)
    assert kept() == ["briefing-parts", "briefing-parts", "speakers"]
    assert shorter.quotes == first.quotes and shorter.summary != first.summary
