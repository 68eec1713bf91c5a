"""The multi-document summary on hand-built corpora and on the Syria example."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.annotate.sentences import split_sentences
from dateline.briefing.summary import (
    SELECTORS,
    get_summary_selector,
    summarize,
    summary_candidates,
    summary_words,
)
from dateline.errors import ConfigError
from dateline.model import Annotations, Corpus
from dateline.options import Options
from tests.builders import SYRIA, make_article, make_corpus

D1, D2, D3 = dt.date(2011, 1, 25), dt.date(2011, 1, 28), dt.date(2011, 2, 11)
TEXTS = {
    "c": (
        "Mubarak resigned as president of Egypt after eighteen days of mass protest. "
        "Crowds celebrated his resignation in Tahrir Square in Cairo all night long. "
        "The army took control of the country as the president left Cairo for Sharm.",
        D3,
    ),
    "a": (
        "Protesters filled Tahrir Square in Cairo demanding that Mubarak resign now. "
        "Police used tear gas and water cannon against the crowds in central Cairo. "
        "The weather in Alexandria was mild and sunny for most of the long week.",
        D1,
    ),
    "b": (
        "Tens of thousands marched in Cairo against Mubarak and his government. "
        "The army moved into Cairo after violent clashes between police and protesters. "
        "Oil prices rose on world markets as traders watched the unrest in Egypt.",
        D2,
    ),
    "u": (
        "Egypt's protests against Mubarak spread from Cairo to Suez and Alexandria. "
        "Analysts said the army would decide whether Mubarak could stay in power.",
        None,
    ),
}


def corpus(order: tuple[str, ...] = ("c", "a", "b", "u")) -> Corpus:
    articles, annotations = [], []
    for article_id in order:
        text, pub = TEXTS[article_id]
        articles.append(make_article(article_id, text, pub))
        annotations.append(Annotations(article_id, tuple(split_sentences(text))))
    return make_corpus(articles, annotations)


@pytest.mark.parametrize("selector", sorted(SELECTORS))
def test_summary_fits_the_budget_and_cites_spans(selector: str) -> None:
    c = corpus()
    summary = summarize(c, Options(words=30), selector)
    assert summary.sentences
    assert summary_words(summary, c) <= 30
    for sent in summary.sentences:
        article = c.article(sent.span.article_id)
        text = sent.span.text(article)
        assert text == article.text[sent.span.start : sent.span.end]
        assert text.endswith(".")


@pytest.mark.parametrize("selector", sorted(SELECTORS))
def test_sentences_are_in_chronological_reading_order(selector: str) -> None:
    c = corpus()
    summary = summarize(c, Options(words=60), selector)
    keys = [
        (s.pub_date is None, s.pub_date or dt.date.max, s.span.article_id, s.position)
        for s in summary.sentences
    ]
    assert keys == sorted(keys)
    assert len({s.span for s in summary.sentences}) == len(summary.sentences)


def test_output_does_not_depend_on_input_order() -> None:
    first = summarize(corpus(), Options(words=40))
    second = summarize(corpus(("u", "b", "a", "c")), Options(words=40))
    assert [s.span for s in first.sentences] == [s.span for s in second.sentences]


def test_about_focuses_the_summary() -> None:
    c = corpus()
    summary = summarize(c, Options(words=15, about="oil prices markets traders"))
    texts = [s.span.text(c.article(s.span.article_id)) for s in summary.sentences]
    assert any("Oil prices" in t for t in texts)


def test_fragments_and_questions_are_not_candidates() -> None:
    text = (
        '"We will not leave until he goes.\n\nAll of us," a protester in Cairo said today. '
        "Will the army stand with the people of Egypt in the end? "
        "Thousands of protesters stayed in Tahrir Square through the cold night."
    )
    article = make_article("q", text, D1)
    c = make_corpus([article], [Annotations("q", tuple(split_sentences(text)))])
    texts = [cand.text for cand in summary_candidates(c, Options())]
    assert texts == ["Thousands of protesters stayed in Tahrir Square through the cold night."]


def test_empty_corpus_gives_an_empty_summary() -> None:
    summary = summarize(make_corpus([], []), Options())
    assert summary.sentences == ()


def test_unknown_selector_names_the_choices() -> None:
    with pytest.raises(ConfigError, match="centroid-mmr"):
        get_summary_selector("lexrank")


def test_syria_summary() -> None:
    from dateline.pipeline import build_corpus

    c = build_corpus([SYRIA], Options(workers=1))
    summary = summarize(c, Options())
    assert 3 <= len(summary.sentences) <= 12
    assert summary_words(summary, c) <= 150
    dated = [s.pub_date for s in summary.sentences if s.pub_date]
    assert dated == sorted(dated)
