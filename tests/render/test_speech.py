"""The quotes and actors commands on the Syria example: real spaCy model, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import SYRIA
from tests.builders import run_cli as run

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def quotes_doc() -> dict:
    result = run("quotes", str(SYRIA))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_quote_spans_slice_back_to_the_files_as_read(quotes_doc: dict) -> None:
    assert quotes_doc["offsets"] == "original"
    for article in quotes_doc["articles"]:
        original = Path(article["path"]).read_text(encoding="utf-8")
        for quote in article["quotes"]:
            as_read = original[quote["start"] : quote["end"]]
            # Cleaning joined wrapped lines ("al-\nAssad" is "al-Assad"): compare the
            # characters, not the whitespace between them.
            assert "".join(as_read.split()) == "".join(quote["text"].split())


def test_syria_speakers(quotes_doc: dict) -> None:
    said = {}
    for article in quotes_doc["articles"]:
        for quote in article["quotes"]:
            if quote["speaker"]:
                said[" ".join(quote["text"].split())] = quote["speaker"]["name"]

    def speaker_of(fragment: str) -> str | None:
        return next((who for text, who in said.items() if fragment in text), None)

    assert speaker_of("It is my sincere hope that we can convene") == "Ban Ki-moon"
    assert "Lavrov" in (speaker_of("Russia can do nothing alone") or "")
    assert "Kerry" in (speaker_of("We narrowed down some of the options") or "")


def test_quotes_are_grouped_by_speaker_as_in_the_briefing(quotes_doc: dict) -> None:
    from dateline.render.speech import render_quotes_markdown

    groups = {g["speaker"]: g for g in quotes_doc["speakers"]}
    assert groups["Ban Ki-moon"]["role"] == "newsmaker"
    assert {g["role"] for g in quotes_doc["speakers"]} <= {
        "newsmaker",
        "journalist",
        "outlet",
        "commenter",
        "place",
        "other",
    }
    grouped = sum(len(q["repeats"]) + 1 for g in quotes_doc["speakers"] for q in g["quotes"])
    named = [
        q for a in quotes_doc["articles"] for q in a["quotes"] if (q["speaker"] or {}).get("name")
    ]
    assert grouped == len(named)  # every attributed quote is in one group, once
    assert all(q["speaker"]["role"] for q in named)
    md = render_quotes_markdown(quotes_doc)
    assert "## Ban Ki-moon" in md
    places = [g["speaker"] for g in quotes_doc["speakers"] if g["role"] == "place"]
    assert all(f"## {p}" not in md for p in places)
    for group in quotes_doc["speakers"]:
        assert sum(q["best"] for q in group["quotes"]) <= 4


def test_actors_merge_aliases_across_articles() -> None:
    result = run("actors", str(SYRIA))
    assert result.returncode == 0, result.stderr
    actors = {a["name"]: a for a in json.loads(result.stdout)["actors"]}
    lavrov = next(a for name, a in actors.items() if name.endswith("Lavrov"))
    aliases = {a["text"] for a in lavrov["aliases"]}
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= aliases
    assert len(lavrov["article_ids"]) >= 4
    ban = actors["Ban Ki-moon"]
    assert "Ban" in {a["text"] for a in ban["aliases"]}
    assert sum(name.endswith("Lavrov") for name in actors) == 1
