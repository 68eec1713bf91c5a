"""The timeline engine on hand-built corpora: no files, no models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.model import Annotations, Confidence, Corpus
from dateline.options import Options, TimelineTuning
from dateline.pipeline import TIMELINE_STAGES, build_corpus
from dateline.timeline import build_timeline, dates, default_sizes, summarise
from dateline.timeline.candidates import (
    after_caption,
    after_headline,
    build_candidate_index,
    is_photo_caption,
)
from dateline.timeline.dates import get_date_ranker
from tests.builders import day_timex, make_article, make_corpus

D1, D2, D3 = dt.date(2011, 1, 25), dt.date(2011, 1, 28), dt.date(2011, 2, 11)


EGYPT = {
    "a": (
        "Protesters filled Tahrir Square on January 25 demanding change. "
        "Police used tear gas against the crowds in Cairo.",
        D1,
    ),
    "b": (
        "On January 25 thousands marched in Cairo against Mubarak. "
        "The army moved in on January 28 after clashes with police in Cairo.",
        D2,
    ),
    "c": (
        "Mubarak resigned on February 11 after eighteen days of protest. "
        "Crowds celebrated his resignation in Tahrir Square all night. "
        "The army took control of the country on February 11 as he left.",
        D3,
    ),
    "d": (
        "Crowds celebrated in Cairo after Mubarak resigned on February 11 in the evening. "
        "Weather was mild across the region that week and nobody minded.",
        D3,
    ),
}


def corpus_of(texts: dict[str, tuple[str, dt.date]]) -> Corpus:
    """Articles split into sentences at ". ", with every date phrase of the story marked."""
    articles, annotations = [], []
    for article_id, (text, pub) in texts.items():
        article = make_article(article_id, text, pub)
        timexes = []
        for phrase, day in (("January 25", D1), ("January 28", D2), ("February 11", D3)):
            count = text.count(phrase)
            timexes += [day_timex(text, phrase, day, i) for i in range(count)]
        sentences = []
        pos = 0
        for piece in text.split(". "):
            part = piece if piece.endswith(".") else piece + "."
            start = text.index(part.rstrip("."), pos)
            end = min(len(text), start + len(part))
            sentences.append((start, end))
            pos = end
        articles.append(article)
        annotations.append(
            Annotations(article_id, tuple(sentences), tuple(sorted(timexes, key=lambda t: t.start)))
        )
    return make_corpus(articles, annotations)


def corpus() -> Corpus:
    return corpus_of(EGYPT)


def test_dates_are_ranked_by_mentions_and_publications() -> None:
    index = build_candidate_index(corpus(), Options())
    ranked = get_date_ranker("mentions").rank(index, Options())
    # February 11: three same-day mentions (0.5 each) and two articles; January 25: a
    # same-day mention and one three days later (1.5), which says the date lasted.
    assert [r.date for r in ranked][:2] == [D1, D3]
    assert ranked[1].published == 2


def test_timeline_entries_are_sorted_unique_and_sourced() -> None:
    c = corpus()
    timeline = build_timeline(c, Options(dates=3, sentences=1))
    days = [e.date for e in timeline.entries]
    assert days == sorted(set(days)) == [D1, D2, D3]
    for entry in timeline.entries:
        for sent in entry.sentences:
            text = sent.span.text(c.article(sent.span.article_id))
            assert text and text[0].isupper()


def test_sentences_that_mention_the_date_are_preferred() -> None:
    timeline = build_timeline(corpus(), Options(dates=1, sentences=1))
    entry = timeline.entries[0]
    assert entry.date == D1  # cited again three days later: the top date
    assert entry.sentences[0].evidence.kind == "mentions-date"


def test_redundant_sentences_are_not_repeated() -> None:
    timeline = build_timeline(corpus(), Options(dates=3, sentences=3))
    texts = [s.span for e in timeline.entries for s in e.sentences]
    assert len(texts) == len(set(texts))


def test_keywords_restrict_summary_sentences() -> None:
    c = corpus()
    timeline = build_timeline(c, Options(dates=3, sentences=2, keywords=("army",)))
    for entry in timeline.entries:
        for sent in entry.sentences:
            assert "army" in sent.span.text(c.article(sent.span.article_id)).lower()


def test_start_and_end_bound_the_dates() -> None:
    timeline = build_timeline(corpus(), Options(dates=5, start=D2, end=D2))
    assert [e.date for e in timeline.entries] == [D2]


def test_weak_publication_dates_do_not_anchor() -> None:
    c = corpus()
    from dataclasses import replace

    weak = tuple(
        replace(a, pub_date=replace(a.pub_date, confidence=Confidence.ESTIMATED))
        for a in c.articles
    )
    index = build_candidate_index(Corpus(weak, c.annotations, c.report), Options())
    assert not index.articles_on and not index.published


def test_output_is_independent_of_article_order() -> None:
    c = corpus()
    reversed_corpus = Corpus(tuple(reversed(c.articles)), c.annotations, c.report)
    one = build_timeline(c, Options(dates=3, sentences=2))
    two = build_timeline(reversed_corpus, Options(dates=3, sentences=2))
    assert [(e.date, {s.span for s in e.sentences}) for e in one.entries] == [
        (e.date, {s.span for s in e.sentences}) for e in two.entries
    ]


def test_default_sizes_grow_with_the_corpus() -> None:
    assert default_sizes(corpus(), Options(), 50) == (6, 1)
    assert default_sizes(corpus(), Options(dates=7, sentences=3), 50) == (7, 3)
    assert default_sizes(corpus(), Options(), 2)[0] == 2


def test_unknown_strategies_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown date ranker"):
        build_timeline(corpus(), Options(date_ranker="nope"))


def test_about_focuses_the_timeline_on_a_topic() -> None:
    c = corpus()
    timeline = build_timeline(c, Options(dates=3, sentences=2, about="army"))
    assert timeline.entries
    for entry in timeline.entries:
        for sent in entry.sentences:
            assert "army" in sent.span.text(c.article(sent.span.article_id)).lower()


def test_embedding_selector_builds_the_same_dates() -> None:
    c = corpus()
    tfidf = build_timeline(c, Options(dates=3, sentences=1))
    dense = build_timeline(c, Options(dates=3, sentences=1, sentence_selector="minilm-mmr"))
    assert [e.date for e in dense.entries] == [e.date for e in tfidf.entries]
    assert all(len(e.sentences) == 1 for e in dense.entries)


def test_spreading_covers_a_long_story_beyond_its_peak() -> None:
    from dateline.timeline.dates import RankedDate, spread_dates

    peak = [
        RankedDate(dt.date(2010, 6, 1) + dt.timedelta(days=i), 100.0 - i, 1, 1) for i in range(10)
    ]
    late = [
        RankedDate(dt.date(2011, 6, 1), 30.0, 1, 1),
        RankedDate(dt.date(2012, 6, 1), 20.0, 1, 1),
    ]
    ranked = sorted(peak + late, key=lambda r: -r.score)
    chosen = {r.date for r in spread_dates(ranked, 3, 4.0)[:3]}
    assert chosen == {dt.date(2010, 6, 1), dt.date(2011, 6, 1), dt.date(2012, 6, 1)}


def test_spreading_leaves_a_dense_short_story_alone() -> None:
    from dateline.timeline.dates import RankedDate, spread_dates

    ranked = [
        RankedDate(dt.date(2011, 1, 25) + dt.timedelta(days=i), 50.0 - i, 1, 1) for i in range(20)
    ]
    assert spread_dates(ranked, 18, 4.0) == ranked


def test_the_story_centroid_keeps_summaries_on_the_story() -> None:
    # On February 11 two reports of a side story outnumber the news itself, so the date's
    # own centroid favours them; the dates around it say what the story is about.
    texts = {
        "a": ("Protesters marched against Mubarak in Cairo on January 25 demanding reform.", D1),
        "a2": ("On January 25 protesters in Cairo demanded that Mubarak resign.", D1),
        "b": ("Police fired tear gas at protesters against Mubarak in Cairo on January 28.", D2),
        "b2": ("Mubarak sent the army into Cairo on January 28 as protesters fought police.", D2),
        "c": (
            "Iranian clerics in Tehran praised the Egyptian people on February 11 at prayers.",
            D3,
        ),
        "d": ("Iranian television showed crowds in Tehran on February 11.", D3),
        "e": ("Mubarak resigned on February 11 as protesters in Cairo celebrated.", D3),
    }
    c = corpus_of(texts)
    opts = Options(dates=3, sentences=1)

    def chosen_on_d3(opts: Options) -> str:
        entry = next(e for e in build_timeline(c, opts).entries if e.date == D3)
        return entry.sentences[0].span.article_id

    assert chosen_on_d3(opts) == "e"
    # Without the story's pull, the date alone picks the side story.
    assert chosen_on_d3(opts.but(tuning=TimelineTuning(topic_weight=0.0))) in {"c", "d"}


@pytest.mark.parametrize(
    "text",
    [
        "Oil spilled into the Gulf on Tuesday.",
        "yellowIda wrote: this is bad",
        "At 5:11 am EDT",
        "(Update 6:56 a.m.) BP said",
        "UPDATE: BP said",
        "Visit www.bp.com",
        "see http://x.y",
        "Follow @bp_america",
        "Click here",
        "Posted by admin",
        "A | B",
        "Crews updated the plan.",
    ],
)
def test_the_noise_shortcut_agrees_with_the_noise_pattern(text: str) -> None:
    assert summarise._noisy(text) == (summarise.NOISE.search(text) is not None)


@pytest.mark.parametrize(
    ("caption", "is_caption"),
    [
        (
            "Oil is seen on the surface of the Gulf near the coast of Louisiana on February 11.",
            True,
        ),
        (
            "In this image made from video provided by BP, oil flows from the well on February 11.",
            True,
        ),
        (
            "Oil company executives (L-R) testify before Congress in Washington on February 11.",
            True,
        ),
        ("The meeting on February 11 is seen as a test of the new government in Cairo.", False),
        ("Mubarak resigned on February 11 after eighteen days of protest in Cairo.", False),
    ],
)
def test_photo_captions_are_not_summaries(caption: str, is_caption: bool) -> None:
    texts = {
        "a": (caption, D3),
        "b": ("Crowds celebrated in Cairo after the army said on February 11 it took power.", D3),
    }
    c = corpus_of(texts)
    chosen = build_timeline(c, Options(dates=1, sentences=2)).entries[0].sentences
    assert {s.span.article_id for s in chosen} == ({"b"} if is_caption else {"a", "b"})


def test_fragments_without_sentence_punctuation_are_not_summaries() -> None:
    text = (
        "Geneva talks may resume on May 7 after the break\n\n"
        "Peace talks between both delegations resume on May 7 in Geneva."
    )
    article = make_article("a", text, dt.date(2013, 5, 7))
    ann = Annotations(
        "a",
        ((0, text.index("\n")), (text.index("Peace"), len(text))),
        (
            day_timex(text, "May 7", dt.date(2013, 5, 7)),
            day_timex(text, "May 7", dt.date(2013, 5, 7), 1),
        ),
    )
    timeline = build_timeline(make_corpus([article], [ann]), Options(dates=1, sentences=2))
    texts = [s.span.text(article) for e in timeline.entries for s in e.sentences]
    assert texts == ["Peace talks between both delegations resume on May 7 in Geneva."]


def test_a_web_time_stamp_and_the_page_furniture_before_it_are_cut_off() -> None:
    lead = "Five times more oil than believed is spewing into the Gulf of Mexico."
    text = f"Gulf oil spill five times larger Thursday 29 April 2010 09.28 BST {lead}"
    pub = dt.date(2010, 4, 29)
    article = make_article("a", text, pub)
    ann = Annotations("a", ((0, len(text)),), (day_timex(text, "Thursday 29 April 2010", pub),))
    index = build_candidate_index(make_corpus([article], [ann]), Options())
    assert [s.text for s in index.sentences] == [lead]
    assert not index.mentions  # the stamp dates the page; the lead does not mention it
    assert [c.evidence.kind for c in index.published[pub]] == ["published-on-date"]


CAPTIONED = "Fire burns on the Deepwater Horizon oil rig in April."


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        (f"{CAPTIONED}\n\nPhotograph: Dave Martin/AP When the history books ...", True),
        (f"{CAPTIONED} Photo: Reuters", True),
        # a page's first picture: after its time stamp, the credit a paragraph on
        (
            f"BP knew of flaws Friday 29 October 2010 08.38 BST {CAPTIONED}\n\n"
            "Investigators say the cement failed.\n\nPhotograph: US coastguard/EPA BP and ...",
            True,
        ),
        # no credit near, or the credit of a picture further down
        (f"BP knew of flaws Friday 29 October 2010 08.38 BST {CAPTIONED}\n\nBP said.", False),
        (
            f"Friday 29 October 2010 08.38 BST {CAPTIONED}\n\nOne.\n\nTwo.\n\nPhotograph: X",
            False,
        ),
        (f"{CAPTIONED}\n\nThe photograph shows the rig.", False),
    ],
)
def test_is_photo_caption(text: str, caption: bool) -> None:
    start = text.index(CAPTIONED)
    assert is_photo_caption(text, start, start + len(CAPTIONED)) is caption


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Boats skim the slick Photograph: Gerald Herbert/AP Underwater robots dived to the "
            "ocean floor yesterday.",
            "Underwater robots dived to the ocean floor yesterday.",
        ),
        (
            "* Child dies in Texas * First death outside Mexico By Maggie Fox WASHINGTON (Reuters)"
            " - A 23-month-old child has died in Texas of swine flu.",
            "A 23-month-old child has died in Texas of swine flu.",
        ),
        (
            "Photographs of the spill were released by the Coast Guard.",
            "Photographs of the spill were released by the Coast Guard.",
        ),
        ("Crowds gathered (Reuters) - again.", "Crowds gathered (Reuters) - again."),  # no rest
    ],
)
def test_photo_credits_and_wire_datelines_are_cut_off(text: str, kept: str) -> None:
    pub = dt.date(2009, 4, 29)
    article = make_article("a", text, pub)
    ann = Annotations("a", ((0, len(text)),), ())
    index = build_candidate_index(make_corpus([article], [ann]), Options())
    assert [s.text for s in index.sentences] == [kept]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "February 11 - Mubarak quits and the army takes power in Cairo.",
            "Mubarak quits and the army takes power in Cairo.",
        ),
        (
            "On February 11, Egypt's army took power in Cairo as crowds cheered.",
            "Egypt's army took power in Cairo as crowds cheered.",
        ),
        (
            "Also on February 11, Egypt's army took power in Cairo.",
            "Egypt's army took power in Cairo.",
        ),
        # The rest would open in lower case: the entry keeps its whole sentence.
        (
            "On February 11, the army took power in Cairo as crowds cheered.",
            "On February 11, the army took power in Cairo as crowds cheered.",
        ),
        (
            "On February 11, Mubarak quit Egypt.",
            "On February 11, Mubarak quit Egypt.",
        ),  # rest short
        (
            "February 11 -- (pictured) Mubarak resigns.",
            "February 11 -- (pictured) Mubarak resigns.",
        ),
        (
            "-- Crowds celebrated in Cairo after Mubarak resigned on February 11.",
            "Crowds celebrated in Cairo after Mubarak resigned on February 11.",
        ),
        (
            "Crowds cheered after Mubarak resigned on February 11, the army said.",
            "Crowds cheered after Mubarak resigned on February 11, the army said.",
        ),
        (
            "during the speech Cairo, Egypt (CNN) -- Crowds cheered on February 11 in Cairo.",
            "Crowds cheered on February 11 in Cairo.",
        ),  # a caption and CNN's dateline run into the sentence
    ],
)
def test_an_entry_shows_its_sentence_without_the_leading_date(text: str, shown: str) -> None:
    c = corpus_of({"a": (text, D3)})
    entry = build_timeline(c, Options(dates=1, sentences=1)).entries[0]
    span = entry.sentences[0].span
    assert span.text(c.articles[0]) == shown
    assert span.end == len(text)  # a suffix of the sentence: still traceable to it


def test_a_mention_weighs_by_when_it_was_published() -> None:
    day = dt.date(2010, 4, 20)
    tuning = TimelineTuning(same_day_weight=0.5)
    assert dates.mention_weight(day, day, tuning) == 0.5  # "today" restates the date
    assert dates.mention_weight(day, day - dt.timedelta(days=1), tuning) == 1.0
    # However late, a mention weighs the same: late climaxes are not outweighed.
    assert dates.mention_weight(day, day + dt.timedelta(days=3), tuning) == 1.0
    assert dates.mention_weight(day, day + dt.timedelta(days=300), tuning) == 1.0
    assert dates.mention_weight(day, None, tuning) == 1.0


def test_an_article_counts_once_however_often_it_repeats_a_date() -> None:
    repeated = (
        "Mubarak quit on February 11. Cairo cheered on February 11. Egypt woke on February 11."
    )
    once = "Crowds in Cairo said Mubarak quit on January 28."
    c = corpus_of({"a": (repeated, D3 + dt.timedelta(days=5)), "b": (once, D3)})
    tuning = TimelineTuning(published_weight=0.0)
    index = build_candidate_index(c, Options())
    ranked = {r.date: r for r in get_date_ranker("mentions").rank(index, Options(tuning=tuning))}
    assert ranked[D3].mentioned == 3 and ranked[D3].mentioning_articles == 1
    assert ranked[D3].score == pytest.approx(1.0)
    assert ranked[D2].score == pytest.approx(1.0)


def test_a_sentence_led_by_its_date_is_preferred() -> None:
    # Both sentences are equally central; the one that opens with the date and a dash
    # is an entry of a timeline, and wins.
    texts = {
        "a": (
            "Mubarak quit and the army took power in Cairo as crowds cheered on February 11.",
            D3,
        ),
        "b": ("February 11 - Mubarak quits and the army takes power in Cairo as crowds cheer.", D3),
    }
    c = corpus_of(texts)
    index = build_candidate_index(c, Options())
    led = {
        index.sentences[cand.sentence].span.article_id: summarise.is_date_led(index, cand)
        for cand in index.candidates(D3)
    }
    assert led == {"a": False, "b": True}
    entry = build_timeline(c, Options(dates=1, sentences=1)).entries[0]
    assert entry.sentences[0].span.article_id == "b"


def test_a_broadcast_s_tonight_earns_no_date_led_bonus(tmp_path: Path) -> None:
    # "Tonight, ..." opens an anchor's talk; "On Friday, ..." an entry of a timeline.
    # Both are tagged by the real tagger, the same words after the lead.
    words = "the army took power in Cairo as the crowds cheered."
    for day, name, lead in (
        ("2011-02-11", "talk", "Tonight"),
        ("2011-02-12", "entry", "On Friday"),
    ):
        (tmp_path / day).mkdir()
        (tmp_path / day / f"{name}.txt").write_text(f"{lead}, {words}")
    index = build_candidate_index(build_corpus([tmp_path], Options(), TIMELINE_STAGES), Options())
    cands = index.candidates(dt.date(2011, 2, 11))
    assert [c.evidence.kind for c in cands] == ["mentions-date", "mentions-date"]
    assert all(summarise.is_date_led(index, c) for c in cands)
    selector = summarise.TfidfMMRSelector()
    vectors = selector.vectors(index, [c.sentence for c in cands])
    tuning = TimelineTuning()
    relevance = selector._relevance(index, cands, vectors, None, None, tuning)
    by_name = {
        Path(index.sentences[c.sentence].span.article_id).stem: r
        for c, r in zip(cands, relevance, strict=True)
    }
    assert by_name["entry"] - by_name["talk"] > tuning.date_led_bonus / 2


@pytest.mark.parametrize(
    ("text", "led"),
    [
        ("On February 11, Mubarak resigned.", True),
        ("February 11: Mubarak resigns.", True),
        ("* February 11 - Mubarak resigns.", True),
        ("February 11 was the day Mubarak resigned.", False),
        ("Crowds cheered after Mubarak resigned on February 11, the army said.", False),
        ("Also on February 11, Mubarak resigned.", True),
        ("And late on February 11, Mubarak resigned.", True),
        ("Since February 11, the army has held power.", False),
        ("Obama said on February 11, that Mubarak resigned.", False),
    ],
)
def test_date_led_sentences(text: str, led: bool) -> None:
    index = build_candidate_index(corpus_of({"a": (text, D3)}), Options())
    assert [summarise.is_date_led(index, c) for c in index.mentions[D3]] == [led]


def test_a_date_with_few_candidates_takes_the_next_days_leads() -> None:
    next_day = D2 + dt.timedelta(days=1)
    texts = {
        "a": ("The army moved into Cairo overnight. Tanks stood in the square.", D2),
        "b": (
            "Soldiers of the army guarded Cairo after the night of clashes. Shops stayed shut.",
            next_day,
        ),
        "c": ("Ticket prices for the football final went up. Fans complained.", next_day),
    }
    index = build_candidate_index(corpus_of(texts), Options())
    kinds = [
        (index.sentences[c.sentence].span.article_id, c.evidence.kind) for c in index.candidates(D2)
    ]
    assert kinds[:2] == [("a", "published-on-date"), ("a", "published-on-date")]
    assert ("b", "published-after-date") in kinds
    # the next day's other news is not this date's event
    assert not any(article == "c" for article, _ in kinds)
    # a date with enough candidates of its own keeps to them
    many = {
        f"x{n}": (f"Protest number {n} filled the square. Police watched.", D2) for n in range(3)
    }
    index = build_candidate_index(corpus_of({**texts, **many}), Options())
    assert all(c.evidence.kind != "published-after-date" for c in index.candidates(D2))


def test_coverage_keeps_a_late_climax_that_few_articles_cite() -> None:
    from dateline.timeline.dates import RankedDate, allocate_by_coverage

    early = [
        RankedDate(dt.date(2011, 2, 15) + dt.timedelta(days=i), 100.0 - i, 5, 50) for i in range(10)
    ]
    climax = RankedDate(dt.date(2011, 10, 20), 9.0, 9, 3)  # nine articles that day
    ranked = [*early, climax]
    published = {r.date: r.published for r in ranked}
    assert climax not in ranked[:4]
    chosen = allocate_by_coverage(ranked, 4, published, power=1.0, bin_days=14)[:4]
    assert climax in chosen
    # Switched off, the order is the ranker's.
    assert allocate_by_coverage(ranked, 4, published, power=0.0, bin_days=14) == ranked


def test_a_sentence_led_by_a_date_reports_that_days_event() -> None:
    text = "February 11 - Mubarak quit, eighteen days after the protests of January 25."
    c = corpus_of({"a": (text, D3 + dt.timedelta(days=30))})
    index = build_candidate_index(c, Options())
    assert D3 in index.mentions and D1 not in index.mentions


@pytest.mark.parametrize(
    ("text", "news"),
    [
        (
            "EU steps up Syria sanctions with ban on oil imports The United Nations says "
            "the crackdown has killed more than 5,000 people.",
            "The United Nations says",
        ),
        (
            "Eight cases of swine flu have emerged in the UK Two more people in London have "
            "been diagnosed with the swine flu virus, the Department of Health confirmed.",
            "Two more people",
        ),
        # Any word the article also writes in lowercase opens the news (BBC pages).
        (
            "Swine flu found on China mainland People in China are taking no chances in "
            "the fight against H1N1. Some people wear masks.",
            "People in China",
        ),
        (
            "Swine Flu: Your questions answered More cases of swine flu have been "
            "confirmed across the globe.",
            "More cases",
        ),
        # A capitalised word followed by another is a name, though "world" is common.
        (
            "Officials said World Health Organization chief Margaret Chan would travel "
            "to the world's worst-hit country on Monday.",
            "Officials said",
        ),
        (
            "More than 1 million people in the United States may have been infected, "
            "U.S. health officials said, and states are testing.",
            "More than 1 million",
        ),
        # An acronym before "President" is a name's start, not a headline's end.
        (
            "EU President Herman Van Rompuy said on Monday that the summit would go ahead "
            "as planned despite the strikes.",
            "EU President",
        ),
    ],
)
def test_where_a_headline_run_into_the_first_sentence_ends(text: str, news: str) -> None:
    assert text[after_headline(text, 0, len(text)) :].startswith(news)


@pytest.mark.parametrize(
    ("text", "date", "news"),
    [
        (
            "Dr Conrad Murray is charged with involuntary manslaughter The superstar died on "
            "25 June that year, a death the coroner attributed to propofol intoxication.",
            None,
            "The superstar died",
        ),
        # In a chronology the date before the cut leads the entry.
        (
            "Dr Murray appears in court in Los Angeles 25 January 2011 The doctor officially "
            "enters a plea of not guilty.",
            "25 January 2011",
            "25 January 2011 The doctor",
        ),
        # Names and titles stay whole: a capitalised word or a bracket follows the opener.
        (
            "As of 1700 BST on 15 June 2009, 76 countries have officially reported 35,928 "
            "cases of influenza A (H1N1) infection, including 163 deaths.",
            None,
            "As of 1700",
        ),
        (
            "Book Of The Week -- William Golding: The Man Who Wrote The Lord Of The Flies "
            "presents the first biography of the author.",
            None,
            "Book Of The Week",
        ),
        (
            "Supporters of Egyptian President Hosni Mubarak attacked anti-government "
            "demonstrators in Tahrir Square.",
            None,
            "Supporters of",
        ),
    ],
)
def test_where_a_caption_run_into_a_sentence_ends(text: str, date: str | None, news: str) -> None:
    dates = [(text.index(date), text.index(date) + len(date))] if date else []
    assert text[after_caption(text, 0, len(text), dates) :].startswith(news)


def test_a_caption_run_into_a_dated_sentence_is_cut_from_its_entry() -> None:
    text = (
        "Protesters filled the streets of Cairo again. Thousands gathered in Tahrir Square "
        "for the vigil The army said on January 28 that it would not fire on the crowds."
    )
    c = corpus_of({"a": (text, D3)})
    index = build_candidate_index(c, Options())
    (cand,) = index.mentions[D2]
    assert index.sentences[cand.sentence].text.startswith("The army said on January 28")
