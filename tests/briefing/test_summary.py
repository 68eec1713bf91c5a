"""The multi-document summary on hand-built corpora and on the Syria example."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.annotate.sentences import split_sentences
from dateline.briefing.concepts import sentence_concepts
from dateline.briefing.summary import (
    LARGE_PILE,
    SELECTORS,
    SummaryTuning,
    build_problem,
    get_summary_selector,
    summarize,
    summary_candidates,
    summary_words,
)
from dateline.errors import ConfigError
from dateline.model import Annotations, Corpus
from dateline.options import Options
from tests.builders import SYRIA, day_timex, make_article, make_corpus

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
        (s.day is None, s.day or dt.date.max, s.span.article_id, s.position)
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
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert texts == ["Thousands of protesters stayed in Tahrir Square through the cold night."]


def test_captions_broadcast_lines_and_unattributed_quotes_are_not_candidates() -> None:
    text = (
        "Live video of BP oil spill in the Gulf of Mexico. "
        "Anderson is reporting live from Cairo, Egypt tonight. "
        '"The United States did not take the right path." '
        "Now, try cleaning up the Gulf coast in that position. "
        '"The oil keeps coming," the governor said on Monday. '
        "Crews worked through the night to contain the spreading oil slick."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert texts == [
        '"The oil keeps coming," the governor said on Monday.',
        "Crews worked through the night to contain the spreading oil slick.",
    ]


def test_a_photo_caption_is_no_candidate() -> None:
    # The Guardian, 18 July 2010: the caption ends its paragraph, the credit opens the next.
    text = (
        "Work boats at the site of the Gulf oil spill near the damaged well.\n\n"
        "Photograph: Dave Martin/AP When the history books come to be written, Sunday may be "
        "the day the oil stopped.\n\nBP said the cap on the damaged well was holding."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert "Work boats at the site of the Gulf oil spill near the damaged well." not in texts
    assert "BP said the cap on the damaged well was holding." in texts
    # a page's first picture, its caption after the page's time stamp
    text = (
        "BP and Halliburton knew of cement flaws Friday 29 October 2010 08.38 BST Fire burns "
        "on the Deepwater Horizon oil rig in the Gulf in April.\n\nInvestigators say the "
        "cement did not meet industry standards.\n\nPhotograph: US coastguard/EPA BP and "
        "Halliburton were aware of flaws in the cement used to seal the well."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert not any(t.startswith("Fire burns") for t in texts)
    assert "BP and Halliburton were aware of flaws in the cement used to seal the well." in texts


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


def one_article_corpus(text: str, pub: dt.date | None = D1, title: str | None = None) -> Corpus:
    article = make_article("x", text, pub, title=title)
    return make_corpus([article], [Annotations("x", tuple(split_sentences(text)))])


def test_wire_datelines_are_cut_and_offsets_still_slice_back() -> None:
    text = (
        "WASHINGTON (AP) _ The Senate passed the budget bill late on Tuesday after a long debate. "
        "BRUSSELS, January 22 (Xinhua) -- Two polls showed that most citizens favour the euro. "
        "NEW YORK -- Stocks fell sharply on Wall Street as investors sold bank shares."
    )
    c = one_article_corpus(text, title="Budget")
    cands = summary_candidates(c, Options())
    assert [cand.text.split()[0] for cand in cands] == ["The", "Two", "Stocks"]
    article = c.article("x")
    assert all(article.text[cand.span.start : cand.span.end] == cand.text for cand in cands)


def test_talk_comments_and_dangling_openers_are_not_candidates() -> None:
    text = (
        "BLITZER: The protests are spreading beyond the streets of the capital city. "
        "February 2, 2011 at 6:29 pm | Please help the people of the city get the army back. "
        "It has long given military and diplomatic support to the government in Cairo. "
        "Let's go to Cairo right now for the very latest from our correspondent there. "
        "Welcome to all of you in the United States and around the world this evening. "
        "Thanks for joining us for this special report on the crisis in the region. "
        "The army moved tanks into the square, as you could see in the pictures from Cairo. "
        "My neighbours in the city stayed at home all day behind locked doors and windows. "
        "The army must protect the protesters in the square from the police now! "
        "Soldiers took up positions around the parliament building in central Cairo."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert texts == ["Soldiers took up positions around the parliament building in central Cairo."]


def test_openers_that_lean_on_another_sentence_are_not_candidates() -> None:
    # finan's default briefing: "Two days later, Geithner told the White House."
    text = (
        "The Treasury drew up a plan for the banks over the whole of the weekend. "
        "Two days later, Geithner told the White House about the plan for the banks. "
        "The next day the markets fell further than they had fallen in a decade. "
        "Since then the Fed has cut its rates three times to calm the markets down. "
        "Then-President Bush met his economic team at the White House on Monday."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert texts == [
        "The Treasury drew up a plan for the banks over the whole of the weekend.",
        "Then-President Bush met his economic team at the White House on Monday.",
    ]


def test_a_chronology_s_day_label_is_cut_from_the_sentence() -> None:
    text = (
        "A chronology of the crisis in the markets.\n\n"
        "Sept. 16: The Federal Reserve Bank of New York is authorized to lend up to $85 "
        "billion to the insurance company American International Group."
    )
    corpus = one_article_corpus(text, title="A chronology")
    (cand,) = [c for c in summary_candidates(corpus, Options()) if "Reserve" in c.text]
    assert cand.text.startswith("The Federal Reserve Bank of New York is authorized")
    assert corpus.articles[0].text[cand.span.start : cand.span.end] == cand.text


def test_a_headline_run_into_the_first_sentence_keeps_that_sentence_out() -> None:
    text = (
        "New vice president appointed in Egypt The president named his intelligence chief "
        "as vice president on Saturday in a first concession to the protesters. "
        "Protesters in Cairo said the appointment changed nothing for them at all."
    )
    texts = [cand.text for cand in summary_candidates(one_article_corpus(text), Options())]
    assert texts == ["Protesters in Cairo said the appointment changed nothing for them at all."]


def test_each_sentence_is_dated_by_its_own_day_else_its_article() -> None:
    text = (
        "Mubarak stepped down as president of Egypt on February 11, 2011 after weeks of protest. "
        "Crowds in Tahrir Square celebrated through the night in the centre of Cairo."
    )
    day = dt.date(2011, 2, 11)
    article = make_article("x", text, dt.date(2011, 2, 12))
    ann = Annotations(
        "x", tuple(split_sentences(text)), (day_timex(text, "February 11, 2011", day),)
    )
    cands = summary_candidates(make_corpus([article], [ann]), Options())
    assert [(c.day, c.dated_by) for c in cands] == [
        (day, "mention"),
        (dt.date(2011, 2, 12), "published"),
    ]


def test_summary_is_ordered_by_the_day_each_sentence_reports() -> None:
    # Article "a" is published last but reports the earliest day.
    early = dt.date(2011, 1, 25)
    text_a = "Protests against the government began in Cairo on January 25, 2011 with marches."
    text_b = "The army moved tanks into the centre of Cairo after a night of clashes with police."
    a = make_article("a", text_a, dt.date(2011, 2, 1))
    b = make_article("b", text_b, dt.date(2011, 1, 29))
    anns = [
        Annotations("a", tuple(split_sentences(text_a)),
                    (day_timex(text_a, "January 25, 2011", early),)),
        Annotations("b", tuple(split_sentences(text_b))),
    ]  # fmt: skip
    c = make_corpus([a, b], anns)
    summary = summarize(c, Options(words=40, story_focus=False), "centroid-mmr")
    assert [s.span.article_id for s in summary.sentences] == ["a", "b"]
    assert [s.day for s in summary.sentences] == [early, dt.date(2011, 1, 29)]
    # On the story's focus, a day before the articles' span (less a lead-in) is history.
    focused = summarize(c, Options(words=40), "centroid-mmr")
    assert [s.span.article_id for s in focused.sentences] == ["b"]


def test_undated_sentences_come_last() -> None:
    summary = summarize(corpus(), Options(words=200), "centroid-mmr")
    undated = [s.day is None for s in summary.sentences]
    assert True in undated and undated == sorted(undated)


def test_concepts_are_stemmed_word_pairs_without_function_pairs() -> None:
    pairs = sentence_concepts("The protesters filled Tahrir Square in the city")
    assert ("tahrir", "squar") in pairs and ("protest", "fill") in pairs
    assert ("in", "the") not in pairs
    assert ("tahrir", "") in sentence_concepts("Tahrir Square", unigrams=True)


def test_concepts_prefer_what_many_articles_say() -> None:
    shared = "Mubarak resigned as president after weeks of mass protest in Cairo."
    texts = {
        "a": f"{shared} Oil tankers queued at the canal in Suez for a second day running.",
        "b": f"Officials confirmed that {shared[0].lower()}{shared[1:]}",
        "c": f"{shared} A football match in Alexandria was called off by the league.",
        "d": "Mubarak resigned as president after weeks of mass protest, state television said.",
    }
    c = make_corpus(
        [make_article(k, t, D1) for k, t in texts.items()],
        [Annotations(k, tuple(split_sentences(t))) for k, t in texts.items()],
    )
    problem = build_problem(summary_candidates(c, Options()), 12, None)
    picked = get_summary_selector("concepts").select(problem)
    assert [problem.candidates[i].text for i, _ in picked] == [shared]


def test_a_tuning_changes_the_candidates() -> None:
    short = "Police fired tear gas at the crowds."  # seven words
    c = one_article_corpus(
        short + " Thousands of people marched through Cairo on Friday to the square."
    )
    assert len(summary_candidates(c, Options(), SummaryTuning(min_words=6))) == 2
    assert len(summary_candidates(c, Options())) == 1  # eight words at least


def test_renderers_show_each_sentence_with_its_date_and_citation() -> None:
    from dateline.render.briefing_text import (
        render_summary_markdown,
        render_summary_text,
        summary_document,
    )

    c = corpus()
    summary = summarize(c, Options(words=200), "centroid-mmr")
    text = render_summary_text(summary, c.articles)
    lines = text.split("\n\nSources:")[0].split("\n")
    assert len(lines) == len(summary.sentences)
    assert lines[0].startswith("25 January 2011: ") and lines[-1].startswith("undated: ")
    assert all(line.rstrip().endswith("]") for line in lines)
    md = render_summary_markdown(summary, c.articles)
    assert "- **28 January 2011**: " in md
    doc = summary_document(summary, c.articles)
    assert [s["date"] for s in doc["summary"]["sentences"]][-1] is None
    assert doc["summary"]["sentences"][0]["date"] == "2011-01-25"


def test_a_large_pile_leaves_out_short_sentences_and_those_that_lean_on_another() -> None:
    # egypt's default briefing: "The servers ... also appeared to be down", "Some in the
    # Middle East are going even farther", "... rights of the Egyptian people, he
    # affirmed", "The regime of President Hosni Mubarak tried everything."
    leaning = [
        "The servers for the government's sites in Cairo also appeared to be down all day.",
        "Some in the Middle East are going even farther than the crowds in Cairo did today.",
        "The United States will stand up for the rights of the people of Egypt, he affirmed.",
        "The regime of President Hosni Mubarak tried everything.",
    ]
    alone = "Tens of thousands of protesters marched through central Cairo against the government."
    text = " ".join([*leaning, alone])
    small = [c.text for c in summary_candidates(one_article_corpus(text), Options())]
    assert small == [*leaning, alone]  # a cluster of a few articles needs all it has
    articles, annotations = [], []
    for k in range(LARGE_PILE):
        article_id = f"a{k:03d}"
        articles.append(make_article(article_id, text, D1))
        annotations.append(Annotations(article_id, tuple(split_sentences(text))))
    large = summary_candidates(make_corpus(articles, annotations), Options())
    assert [c.text for c in large] == [alone]  # once: the copies are repeats
