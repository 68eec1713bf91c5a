"""A timeline sentence that reports speech with a pronoun shows who the pronoun is."""

from __future__ import annotations

import datetime as dt
import json

from dateline.model import (
    Annotations,
    Corpus,
    EntityKind,
    EntityMention,
    Evidence,
    Quote,
    Span,
    Timeline,
    TimelineEntry,
    TimelineSentence,
)
from dateline.options import Options
from dateline.render.exports import timeline_to_csv
from dateline.render.json import timeline_to_dict
from dateline.render.markdown import render_timeline_markdown
from dateline.timeline.speakers import name_speakers
from tests.builders import make_article, make_corpus

DAY = dt.date(2013, 7, 5)
# BBC, 2013-07-05 (the demo's 004)
BEFORE = '"We narrowed down some of the options," Mr Kerry told reporters in Brunei.'
SAID = "The meeting in Geneva might not take place until August or later, he added."


def _person(text: str, name: str) -> EntityMention:
    at = text.index(name)
    return EntityMention(at, at + len(name), EntityKind.PERSON, name)


def _timeline(between: str = "") -> tuple[Timeline, Corpus]:
    text = f"{BEFORE}\n\n{between}{SAID}"
    start = text.index(SAID)
    sentences = [(0, len(BEFORE)), (start, len(text))]
    if between:
        sentences.insert(1, (len(BEFORE) + 2, len(BEFORE) + 1 + len(between)))
    kerry = text.index("Mr Kerry")
    told, added, he = text.index("told"), text.index("added"), text.index(" he ", start) + 1
    quotes = (
        Quote(1, text.index('," '), True, (kerry, kerry + 8), "John Kerry", (told, told + 4)),
        Quote(start, text.index(", he"), False, (he, he + 2), "John Kerry", (added, added + 5)),
    )
    entities = [_person(text, "Mr Kerry")] + ([_person(text, "Lavrov")] if between else [])
    ann = Annotations("a", tuple(sentences), entities=tuple(entities), quotes=quotes)
    corpus = make_corpus([make_article("a", text, DAY)], [ann])
    sent = TimelineSentence(Span("a", start, len(text)), 1.0, Evidence("published-on-date"))
    timeline = Timeline((TimelineEntry(DAY, (sent,), 1.0),), 1, 1)
    return name_speakers(timeline, corpus), corpus


def test_a_pronoun_speaker_is_named_in_every_format_but_the_text() -> None:
    timeline, corpus = _timeline()
    (sent,) = timeline.entries[0].sentences
    assert sent.speaker == "John Kerry"
    assert sent.shown(corpus.article("a")).endswith("or later, he [John Kerry] added.")
    opts = Options()
    assert "he \\[John Kerry\\] added." in render_timeline_markdown(timeline, corpus, opts)
    data = timeline_to_dict(timeline, corpus, opts)
    (shown,) = data["timeline"]["entries"][0]["sentences"]
    assert shown["text"] == SAID  # verbatim
    pronoun = shown["speaker"]["pronoun"]
    assert shown["speaker"]["name"] == "John Kerry"
    assert corpus.article("a").text[pronoun["start"] : pronoun["end"]] == pronoun["text"] == "he"
    json.dumps(data)
    csv_lines = timeline_to_csv(timeline, corpus, opts).splitlines()
    assert csv_lines[0].endswith(",speaker") and csv_lines[1].endswith(",John Kerry")


def test_no_name_when_someone_else_is_named_in_between() -> None:
    timeline, _ = _timeline("Sergei Lavrov met him later.\n\n")
    (sent,) = timeline.entries[0].sentences
    assert (sent.speaker, sent.speaker_span) == (None, None)
