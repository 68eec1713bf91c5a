"""What a corpus is about: its publication span and core names, from the corpus alone."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.briefing.names import DEMONYMS
from dateline.ingest import load_articles
from dateline.model import Annotations
from dateline.options import Options
from dateline.timeline import build_timeline
from dateline.timeline.candidates import names_any
from dateline.timeline.story import core_names, find_story_focus, shown_names
from tests.builders import SYRIA, day_timex, make_article, make_corpus

START = dt.date(2011, 2, 15)


def _corpus(n: int = 120, stray: bool = True):  # type: ignore[no-untyped-def]
    articles, annotations = [], []
    for i in range(n):
        text = (
            f"Rebels in Benghazi fought Gaddafi's forces on day {i}. "
            "The army shelled the town and residents fled."
        )
        articles.append(make_article(f"a{i}", text, START + dt.timedelta(days=i)))
        annotations.append(Annotations(f"a{i}", ((0, len(text)),), ()))
    if stray:  # one article years before the rest
        text = "A museum in Paris opened a pop-up show of old maps."
        articles.append(make_article("old", text, dt.date(1999, 5, 1)))
        annotations.append(Annotations("old", ((0, len(text)),), ()))
    return make_corpus(articles, annotations)


def test_the_span_leaves_out_a_stray_article_and_starts_a_little_early() -> None:
    focus = find_story_focus(_corpus(), Options())
    assert focus.first == START  # the 1999 article is the earliest 1%: trimmed
    assert focus.last == START + dt.timedelta(days=118)
    assert focus.start == START - dt.timedelta(days=6)  # 5% of 118 days, at most a week


def test_core_names_are_the_proper_names_most_articles_use() -> None:
    names = core_names(_corpus(stray=False))
    assert {"benghazi", "gaddafi"} <= set(names)
    assert "rebels" not in names and "the" not in names and "army" not in names


def test_a_name_counts_only_written_as_a_name() -> None:
    names = frozenset({"white", "cairo"})
    assert names_any(names, "Police in Cairo's square fired tear gas.")
    assert not names_any(names, "The family's white Isuzu was found in a parking lot.")


def test_history_goes_to_the_background_and_off_story_sentences_out() -> None:
    articles, annotations = [], []
    for i in range(30):
        pub = START + dt.timedelta(days=i)
        # One article also reports a gala in Chicago: a name no other article uses.
        side = "A singer in Chicago sang" if i == 0 else "Gaddafi's army fired"
        text = (
            f"Gaddafi's forces shelled Benghazi on {pub:%B} {pub.day}. "
            "The spark came on June 28, 1914, when an archduke was shot in Sarajevo. "
            f"{side} on {pub:%B} {pub.day} at a gala."
        )
        first, second = text.index("The spark"), text.index(side)
        articles.append(make_article(f"a{i}", text, pub))
        timexes = (
            day_timex(text, f"{pub:%B} {pub.day}", pub),
            day_timex(text, "June 28, 1914", dt.date(1914, 6, 28)),
            day_timex(text, f"{pub:%B} {pub.day}", pub, 1),
        )
        annotations.append(
            Annotations(
                f"a{i}", ((0, first - 1), (first, second - 1), (second, len(text))), timexes
            )
        )
    corpus = make_corpus(articles, annotations)
    timeline = build_timeline(corpus, Options(sentences=1))
    assert timeline.entries and all(e.date >= START for e in timeline.entries)
    assert [e.date for e in timeline.background] == [dt.date(1914, 6, 28)]
    shown = [
        s.span.text(corpus.article(s.span.article_id))
        for e in timeline.entries
        for s in e.sentences
    ]
    assert not any("singer" in text for text in shown)  # names none of the story's names
    # Without story focus, history is a main entry again.
    unfocused = build_timeline(corpus, Options(sentences=1, story_focus=False))
    assert dt.date(1914, 6, 28) in {e.date for e in unfocused.entries}


def test_the_focus_is_found_once_per_corpus_and_afresh_for_another() -> None:
    corpus = _corpus()
    first = find_story_focus(corpus, Options())
    assert find_story_focus(corpus, Options()) is first  # timeline, figures, summary share it
    other = _corpus(stray=False)
    assert find_story_focus(other, Options()) is not first
    assert find_story_focus(other, Options()).articles == 120
    assert find_story_focus(corpus, Options(), with_names=False).names == ()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAbZz09-'’ .\n\"“(Éé_", max_size=60))
def test_the_capitals_scan_finds_exactly_the_capitalised_words(text: str) -> None:
    # core_names counts every word with _WORD and looks back only at _CAPITALISED's
    # matches: they must be _WORD's matches that start with a capital, at the same places.
    from dateline.timeline.story import _CAPITALISED, _WORD

    words = [(m.start(), m.group(1)) for m in _WORD.finditer(text) if m.group(1)[0].isupper()]
    assert [(m.start(), m.group(1)) for m in _CAPITALISED.finditer(text)] == words


def _named(texts: list[str]):  # type: ignore[no-untyped-def]
    articles = [
        make_article(f"n{i}", text, START + dt.timedelta(days=i)) for i, text in enumerate(texts)
    ]
    return make_corpus(articles, [Annotations(a.id, ((0, len(a.text)),), ()) for a in articles])


def test_shown_names_join_the_parts_the_articles_write_together() -> None:
    corpus = _named(
        [
            "Secretary of State John Kerry met President Hosni Mubarak in Cairo. Mubarak "
            "spoke first, then Kerry. Ships sailed in the Gulf of Mexico.",
            "Kerry and Mubarak met again in Cairo on Sunday.",
        ]
    )
    names = ("kerry", "mubarak", "cairo", "john", "hosni", "gulf", "mexico", "ships")
    assert shown_names(names, corpus) == [
        "John Kerry",
        "Hosni Mubarak",
        "Cairo",
        "Gulf of Mexico",
        "Ships",
    ]
    # Only the first ``limit`` names are shown; a name never capitalised stays as it is.
    assert shown_names(("cairo", "tahrir"), corpus, limit=1) == ["Cairo"]
    assert shown_names(("tahrir",), corpus) == ["tahrir"]


def test_demo_story_names_read_as_names() -> None:
    corpus = load_articles([SYRIA])
    shown = shown_names(core_names(corpus), corpus)
    assert shown[:2] == ["Ban Ki-moon", "John Kerry"]
    assert "Lavrov" in shown and "Syria" in shown


def test_shown_names_leave_out_demonyms() -> None:
    corpus = _named(
        [
            "Egyptian protesters marched in Cairo. Egypt's army stood by as Egyptian "
            "police withdrew from Cairo.",
        ]
    )
    names = ("egyptian", "egypt", "cairo")
    assert shown_names(names, corpus, leave_out=DEMONYMS) == ["Egypt", "Cairo"]
    assert shown_names(names, corpus) == ["Egyptian", "Egypt", "Cairo"]
    # A story named by a demonym alone still shows it.
    assert shown_names(("egyptian",), corpus, leave_out=DEMONYMS) == ["Egyptian"]
