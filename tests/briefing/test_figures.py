"""Figures over time: numbers with their qualifier, what they count, their kind (headline,
incident, other story), who gives them and the date they refer to."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

import pytest

from dateline.annotate.sentences import split_sentences
from dateline.briefing.figure_source import find_source
from dateline.briefing.figure_story import (
    StoryTerms,
    causes_named,
    other_story_sentences,
    story_causes,
)
from dateline.briefing.figures import (
    HEADLINE,
    INCIDENT,
    OTHER_STORY,
    Figure,
    FigureSeries,
    extract_figures,
    figures_in_sentence,
    group_figures,
    headline_figures,
    key_points,
    mark_outliers,
    parse_quantity,
)
from dateline.model import (
    Annotations,
    Article,
    Corpus,
    DateInterval,
    EntityKind,
    EntityMention,
    Granularity,
    Span,
    Timex,
    TimexType,
)
from dateline.options import Options
from tests.builders import SHARED_DATA, SYRIA, day_timex, make_article, make_corpus

PUB = dt.date(2013, 7, 5)


def found(
    text: str, home: frozenset[str] = frozenset(), timexes: tuple[Timex, ...] = ()
) -> list[Figure]:
    return list(figures_in_sentence(text, Span("x", 0, len(text)), PUB, timexes, home))


def figures(text: str) -> list[tuple[str, float, str, str]]:
    return [
        (text[f.number[0] : f.number[1]], f.quantity, f.qualifier, f.category) for f in found(text)
    ]


@pytest.mark.parametrize(
    ("num", "scale", "value"),
    [
        ("70,000", None, 70000.0),
        ("1.5", "million", 1.5e6),
        ("302", None, 302.0),
        ("three", None, 3.0),
        ("a", "million", 1e6),
        ("a", None, None),
    ],
)
def test_parse_quantity(num: str, scale: str | None, value: float | None) -> None:
    assert parse_quantity(num, scale) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighting has killed more than 70,000 people, and left 6.8 million people in need.",
            [
                ("more than 70,000", 70000.0, "more than", "killed"),
                ("6.8 million", 6.8e6, "", "in need"),
            ],
        ),
        (
            "The UN says more than 93,000 people have been killed and 1.5 million people have fled "
            "to neighbouring countries since March 2011.",
            [
                ("more than 93,000", 93000.0, "more than", "killed"),
                ("1.5 million", 1.5e6, "", "refugees"),
            ],
        ),
        (
            "At least 31 people have been killed in the blast.",
            [("At least 31", 31.0, "at least", "killed")],
        ),
        (
            "The number of people killed in the protests has reached 302 - 232 in Cairo, "
            "52 in Alexandria and 18 in Suez.",
            [("302", 302.0, "", "killed")],
        ),
        (
            "The violence killed three people and injured more than 600, the minister said.",
            [("three", 3.0, "", "killed"), ("more than 600", 600.0, "more than", "wounded")],
        ),
        (
            "Nearly 1,000 people have been injured in clashes in Tahrir Square.",
            [("Nearly 1,000", 1000.0, "nearly", "wounded")],
        ),
        (
            "The Brotherhood said about 149 of its members were arrested on Wednesday.",
            [("about 149", 149.0, "about", "arrested")],
        ),
        (
            "Over 2,000 people have been displaced by the floods.",
            [("Over 2,000", 2000.0, "over", "displaced")],
        ),
        # "others" starts a new group: what it counts comes after it, past the commas.
        (
            "One man was killed and 11 others, including two children, were wounded in the attack.",
            [("One", 1.0, "", "killed"), ("11", 11.0, "", "wounded")],
        ),
        (
            "A soldier was killed and 11 others were wounded.",
            [("11", 11.0, "", "wounded")],
        ),
        # "I" inside quotation marks is the witness's, not the article's voice.
        (
            '"I saw 20 people killed in the square," a witness told reporters.',
            [("20", 20.0, "", "killed")],
        ),
        (
            'But, he added, "If you count the 30 people killed on Friday, the toll is higher.',
            [("30", 30.0, "", "killed")],
        ),
        (
            "I saw 12 people killed near the bridge,” the driver said.",
            [("12", 12.0, "", "killed")],
        ),
        (
            'I saw 15 people killed near the bridge," the driver said.',
            [("15", 15.0, "", "killed")],
        ),
    ],
)
def test_figures_in_sentences(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2011, the talks were killed off by the government.",
        "He was killed on February 2, 2011 at 6:18 pm.",
        "A 28-year-old man was arrested near the square.",
        "The strike cost $5 million and 30% of staff were hurt.",
        "Police arrested the janitor, 44, after a dispute.",
        "Troops killed the leader of the group on the 22nd day of the siege.",
        # Not counts of people hurt: cases, a forecast, a rate, a ratio, an age, a date.
        "Officials warn that 20,000 people will die in the city alone.",
        "Around 10,000 people die each year in the UK as a result of flu.",
        "The virus hospitalised 1 out of 8 patients.",
        "Those over the age of 65 were most likely to die.",
        "US troops: 902 killed as of 08\\/10\\/2010.",
        "The president has held a tight grip on power for three decades.",
        "Retirement security may be one of the greatest casualties of this crisis.",
        "No one was seriously hurt, and no one lives alone.",
        # A reader's comment or a host's question speaks as "I" or to "you".
        "You can jump off a bridge if you think 3000 dead because of some nut job is small.",
        "At 09:39 am, JamesJester wrote: I 'm sorry, but 140 deaths are nothing at all.",
        "Here is my question: should the U.S. withhold its $1.5 billion in aid to Egypt?",
    ],
)
def test_what_is_not_a_figure(text: str) -> None:
    assert [f for f in figures(text) if f[1] != 902.0] == []


def test_cases_are_not_deaths() -> None:
    text = "The United States has reported 4,714 confirmed cases including four deaths."
    assert figures(text) == [("four", 4.0, "", "killed")]
    text = "Swine flu caused 26 deaths in Mexico and 701 people have been infected."
    assert figures(text) == [("26", 26.0, "", "killed")]
    text = "The rate of deaths has slowed and it has a million doses of antiviral drugs."
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Officials said 610 billion people are missing.", False),
        ("Some 3 million people were injured, the ministry said.", False),
        ("About 3 million people are in need of food aid.", True),
        ("More than 1.5 million refugees have fled to Jordan.", True),
    ],
)
def test_counts_no_event_could_reach_are_dropped(text: str, kept: bool) -> None:
    assert bool(figures(text)) is kept


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        (
            "More than 93,000 people have been killed since March 2011, the UN says.",
            HEADLINE,
            "the UN",
        ),
        ("Four people were killed in Homs on Friday, activists said.", INCIDENT, "activists"),
        (
            "The death toll has risen to 302, according to Human Rights Watch.",
            HEADLINE,
            "Human Rights Watch",
        ),
        ("At least 31 people were killed in a car bomb attack.", INCIDENT, ""),
        (
            "Four French journalists have been arrested in Cairo, said Bernard Valero, a "
            "spokesman for the French Foreign Ministry.",
            INCIDENT,
            "Bernard Valero",
        ),
        ("More than 100,000 people have been killed, he said.", HEADLINE, ""),
        (
            "The Syrian Observatory for Human Rights said 45 people were killed across the "
            "country on Saturday.",
            INCIDENT,
            "the Syrian Observatory for Human Rights",
        ),
        ("The doctor telling us five dead people have been brought in.", INCIDENT, ""),
    ],
)
def test_kind_and_source(text: str, kind: str, source: str) -> None:
    (figure,) = found(text)
    assert (figure.kind, figure.source) == (kind, source)


def test_the_story_country_is_no_incident_place() -> None:
    text = "At least 38 people have died in Egypt in the week's protests."
    assert [f.kind for f in found(text)] == [INCIDENT]
    assert [f.kind for f in found(text, home=frozenset({"egypt"}))] == [HEADLINE]


def test_a_figure_refers_to_its_sentence_day_unless_that_day_is_a_start() -> None:
    text = "On Monday, 12 people were killed in Homs, activists said."
    (figure,) = found(text, timexes=(day_timex(text, "Monday", dt.date(2013, 7, 1)),))
    assert (figure.refers, figure.dated_by, figure.reported) == (
        dt.date(2013, 7, 1),
        "sentence",
        PUB,
    )
    text = "More than 300 have died since the January 25 rally, a rights group said."
    start = text.index("January 25")
    since = Timex(
        start, start + 10, TimexType.DATE, "2013-01-25", DateInterval.day(dt.date(2013, 1, 25))
    )
    (figure,) = found(text, timexes=(since,))
    assert (figure.refers, figure.dated_by) == (PUB, "publication")


def _figure(
    quantity: float,
    day: dt.date | None,
    kind: str = HEADLINE,
    source: str = "",
    category: str = "killed",
) -> Figure:
    return Figure(
        Span("a", 0, 1),
        (0, 1),
        quantity,
        "",
        category,
        "killed",
        "people",
        day,
        kind,
        source,
        day,
        "publication" if day else "",
    )


def test_grouping_puts_headline_series_by_source_first_and_orders_by_date() -> None:
    un_late = _figure(93000.0, dt.date(2013, 7, 5), source="the UN")
    un_early = _figure(70000.0, dt.date(2013, 5, 1), source="The U.N.")
    gov = _figure(20000.0, dt.date(2013, 7, 5), source="the government")
    undated = _figure(60000.0, None)
    incident = _figure(4.0, dt.date(2013, 7, 3), INCIDENT, "activists")
    fled = _figure(1.5e6, dt.date(2013, 7, 5), category="refugees")
    elsewhere = _figure(10000.0, dt.date(2013, 7, 4), OTHER_STORY)
    series = group_figures([incident, un_late, elsewhere, gov, fled, undated, un_early])
    assert [(s.category, s.kind, s.source) for s in series] == [
        ("killed", HEADLINE, "the UN"),
        ("killed", HEADLINE, "the government"),
        ("killed", HEADLINE, ""),
        ("refugees", HEADLINE, ""),
        ("killed", INCIDENT, ""),
        ("killed", OTHER_STORY, ""),
    ]
    assert series[0].figures == (un_early, un_late) and series[0].latest is un_late
    # The category's headline figures side by side: undated first, then by date.
    assert headline_figures(series, "killed") == [undated, un_early, gov, un_late]


def test_key_points_keep_first_last_and_largest() -> None:
    days = [dt.date(2013, 1, 1) + dt.timedelta(days=i) for i in range(20)]
    series = [_figure(float(100 + i), day) for i, day in enumerate(days)]
    series[7] = _figure(5000.0, days[7])
    kept = key_points(series, 5)
    assert len(kept) == 5
    assert kept[0] is series[0] and kept[-1] is series[-1] and series[7] in kept
    assert key_points(series[:3], 5) == series[:3]


def test_a_toll_far_above_the_story_s_others_is_another_story_s() -> None:
    day = dt.date(2009, 5, 1)
    story = [_figure(q, day) for q in (40.0, 81.0, 103.0, 149.0, 176.0)]
    pandemic_1957 = _figure(2e6, day)
    marked = mark_outliers([*story, pandemic_1957])
    assert [f.kind for f in marked] == [HEADLINE] * 5 + [OTHER_STORY]
    # Too few running totals to tell: nothing is marked.
    assert [f.kind for f in mark_outliers([story[0], pandemic_1957])] == [HEADLINE] * 2


def _sentences_of(text: str, bounds: set[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in sorted(bounds)]


def test_sentences_about_another_story() -> None:
    text = (
        "More than 93,000 people have been killed in Syria since March 2011.\n\n"
        "In Japan, the earthquake killed 10,000 people. A further 209 people were injured.\n\n"
        "Twenty people were killed in the Bali bombing in 2005.\n\n"
        "Rebels said 40 fighters were killed near Damascus."
    )
    article = make_article("a", text, PUB)
    mentions = [
        EntityMention(text.index(w), text.index(w) + len(w), EntityKind.PLACE, w)
        for w in ("Syria", "Japan", "Bali", "Damascus")
    ]
    start = text.index("2005")
    year = Timex(
        start,
        start + 4,
        TimexType.DATE,
        "2005",
        DateInterval(dt.date(2005, 1, 1), dt.date(2005, 12, 31), Granularity.YEAR),
    )
    ann = Annotations("a", tuple(split_sentences(text)), (year,), tuple(mentions))
    story = StoryTerms(frozenset({"syria"}), frozenset({"syria", "damascus"}), dt.date(2013, 6, 1))
    assert _sentences_of(text, other_story_sentences(article, ann, story)) == [
        "In Japan, the earthquake killed 10,000 people.",
        "A further 209 people were injured.",
        "Twenty people were killed in the Bali bombing in 2005.",
    ]


def _syria_page(article_id: str, text: str, pub: dt.date) -> tuple[object, Annotations]:
    article = make_article(article_id, text, pub)
    mentions = []
    for place in ("Syria", "Homs", "Damascus", "Japan", "Yemen"):
        at = text.find(place)
        if at >= 0:
            mentions.append(EntityMention(at, at + len(place), EntityKind.PLACE, place))
    return article, Annotations(article_id, tuple(split_sentences(text)), (), tuple(mentions))


@cache
def syria_pages() -> Corpus:
    texts = [
        "Syria's war has killed more than 93,000 people since March 2011, the UN says. "
        "President Assad's forces shelled Homs, where four people were killed on Friday.",
        "The UN says the death toll in Syria has risen to 100,000. Activists in Homs and "
        "Damascus reported heavy shelling. In Japan, the earthquake killed 10,000 people.",
        "Assad's government in Damascus says 20,000 soldiers have been killed in Syria. "
        "Meanwhile, 52 people were killed in Yemen, where protests continue.",
    ]
    days = [dt.date(2013, 7, 5), dt.date(2013, 7, 25), dt.date(2013, 8, 1)]
    built = [_syria_page(f"p{i}", t, d) for i, (t, d) in enumerate(zip(texts, days, strict=True))]
    return make_corpus([a for a, _ in built], [ann for _, ann in built])  # type: ignore[misc]


def test_story_figures_kept_apart_from_incidents_and_other_stories() -> None:
    got = {
        (f.quantity, f.kind, f.source) for f in extract_figures(syria_pages(), Options(workers=1))
    }
    assert got == {
        (93000.0, HEADLINE, "the UN"),
        (4.0, INCIDENT, ""),
        (100000.0, HEADLINE, "the UN"),
        (10000.0, OTHER_STORY, ""),
        (20000.0, HEADLINE, "Assad's government in Damascus"),
        (52.0, OTHER_STORY, ""),
    }


def test_a_figure_dated_long_before_the_story_is_history() -> None:
    text = "Syria's opposition recalled that 3,000 people were killed on September 11, 2001."
    article, ann = _syria_page("old", text, dt.date(2013, 8, 2))
    ann = replace(ann, timexes=(day_timex(text, "September 11, 2001", dt.date(2001, 9, 11)),))
    pages = syria_pages()
    corpus = make_corpus([*pages.articles, article], [*pages.annotations.values(), ann])  # type: ignore[list-item]
    (old,) = [f for f in extract_figures(corpus, Options(workers=1)) if f.span.article_id == "old"]
    assert (old.quantity, old.refers, old.kind) == (3000.0, dt.date(2001, 9, 11), OTHER_STORY)


@cache
def syria_demo() -> Corpus:
    from dateline.pipeline import build_corpus

    return build_corpus([SYRIA], Options(workers=1))


def test_syria_death_toll_goes_from_70000_to_93000() -> None:
    corpus = syria_demo()
    found = extract_figures(corpus)
    for figure in found:
        article = corpus.article(figure.span.article_id)
        assert figure.span.start <= figure.number[0] < figure.number[1] <= figure.span.end
        assert article.text[figure.number[0] : figure.number[1]].strip()
    killed = [
        (f.quantity, f.qualifier, f.refers, f.kind, f.span.article_id[:3])
        for f in found
        if f.category == "killed"
    ]
    assert killed == [
        (70000.0, "more than", None, HEADLINE, "000"),
        (93000.0, "more than", dt.date(2013, 7, 5), HEADLINE, "004"),
    ]
    fled = {(f.quantity, f.refers, f.source) for f in found if f.category == "refugees"}
    assert (1.5e6, dt.date(2013, 7, 5), "the UN") in fled
    assert {f.kind for f in found} == {HEADLINE}
    series = group_figures(found)
    assert [f.quantity for f in headline_figures(series, "killed")] == [70000.0, 93000.0]
    assert {s.source for s in series if s.category == "killed"} == {"", "the UN"}


EGYPT = SHARED_DATA / "t17-dev" / "egypt" / "articles"


@pytest.mark.skipif(not EGYPT.is_dir(), reason="Timeline17 dev data not in /work/shared/data")
def test_timeline17_egypt_figures() -> None:
    from dateline.pipeline import build_corpus

    days = [
        EGYPT / d
        for d in ("2011-02-02", "2011-02-03", "2011-02-08", "2011-02-09")
        if (EGYPT / d).is_dir()
    ]
    corpus = build_corpus(days, Options(workers=1))
    found = extract_figures(corpus)
    killed = {f.quantity: f for f in found if f.category == "killed"}
    assert 302.0 in killed and killed[302.0].kind == HEADLINE
    assert killed[302.0].source == "Human Rights Watch"
    assert any(f.category == "wounded" for f in found)
    assert all(f.reported is not None for f in found)


def _toll_series(n: int) -> tuple[list[Figure], list[FigureSeries]]:
    days = [dt.date(2012, 1, 1) + dt.timedelta(days=3 * i) for i in range(n)]
    toll = [_figure(1000.0 + 250 * i, day, source="activists") for i, day in enumerate(days)]
    government = [
        _figure(500.0 + 100 * i, day, source="the government") for i, day in enumerate(days[::4])
    ]
    undated = _figure(900.0, None, source="the UN")
    incidents = [_figure(4.0 + i, day, INCIDENT) for i, day in enumerate(days)]
    elsewhere = _figure(10000.0, days[0], OTHER_STORY)
    figs = [*toll, *government, undated, *incidents, elsewhere]
    return figs, list(group_figures(figs))


def test_markdown_shows_the_headline_series_compactly() -> None:
    from dateline.render.briefing_text import MARKDOWN_POINTS, _figures_markdown

    _, series = _toll_series(200)
    lines = _figures_markdown(series, {"a": 1})
    (killed,) = [line for line in lines if line.startswith("- **killed**")]
    assert killed.count("[1]") == MARKDOWN_POINTS
    assert "900 (date unknown, the UN) [1]" in killed  # undated first, as listed
    assert "50,750 (2013-08-20, activists) [1]" in killed  # the last and largest
    assert "more in the JSON output" in killed
    by_source = next(line for line in lines if "latest by source" in line)
    assert "activists" in by_source and "the government" in by_source
    left_out = next(line for line in lines if "not in the series" in line)
    assert "200 incident counts" in left_out and "1 figure about other stories" in left_out
    assert "10,000" not in killed


def test_html_chart_stays_readable_with_hundreds_of_figures() -> None:
    from dateline.render.html import figure_chart

    _, series = _toll_series(300)
    chart = figure_chart(series, "killed", {"a": 1})
    assert len(chart["points"]) == 300 + 75  # every dated running total, as a point
    labelled = [p for p in chart["points"] if p["label"]]
    assert 2 <= len(labelled) <= 3  # values written: the last, the first, the largest
    for i, p in enumerate(labelled):  # and never over one another
        for q in labelled[i + 1 :]:
            assert abs(p["x"] - q["x"]) >= 90 or abs(p["y"] - q["y"]) >= 14
    assert [t["label"] for t in chart["ticks"]] == ["2012-01-01", "2013-03-24", "2014-06-16"]
    assert [line["source"] for line in chart["lines"]] == ["activists", "the government"]
    # Undated figures are listed, not plotted; incidents and other stories are in a table.
    assert [r["label"] for r in chart["undated"]] == ["900"]
    assert all(p["date"] != "undated" for p in chart["points"])
    assert (chart["incidents"], chart["elsewhere"]) == (300, 1)
    xs = [p["x"] for p in chart["points"]]
    assert min(xs) >= 0 and max(xs) <= chart["width"]


def test_json_keeps_every_figure_with_its_kind_source_and_date() -> None:
    from dateline.render.briefing_text import _series_to_dict

    text = "On Monday, 12 people were killed in Homs, activists said."
    article = make_article("x", text, PUB)
    (figure,) = found(text, timexes=(day_timex(text, "Monday", dt.date(2013, 7, 1)),))
    (series,) = group_figures([figure])
    data = _series_to_dict(series, {"x": article}, "cleaned")
    assert (data["category"], data["kind"], data["source"]) == ("killed", INCIDENT, None)
    (entry,) = data["figures"]
    assert entry["kind"] == INCIDENT and entry["source"] == "activists"
    assert (entry["refers"], entry["dated_by"], entry["reported"]) == (
        "2013-07-01",
        "sentence",
        "2013-07-05",
    )
    assert text[entry["number"]["start"] : entry["number"]["end"]] == entry["text"] == "12"


def test_a_core_name_brings_a_sentence_back_to_the_story() -> None:
    text = (
        "Mexico has confirmed 20 deaths from the H1N1 virus. "
        "Health officials in Japan have identified the first domestic case in Kobe. "
        "Two others are thought to be infected. "
        "At least 72 people have died of the virus, the World Health Organization says."
    )
    article = make_article("a", text, PUB)
    mentions = [
        EntityMention(text.index(w), text.index(w) + len(w), EntityKind.PLACE, w)
        for w in ("Japan", "Kobe")
    ]
    ann = Annotations("a", tuple(split_sentences(text)), (), tuple(mentions))
    story = StoryTerms(
        frozenset({"h1n1", "mexico"}), frozenset({"h1n1", "mexico", "organization"}), None
    )
    assert _sentences_of(text, other_story_sentences(article, ann, story)) == [
        "Health officials in Japan have identified the first domestic case in Kobe.",
        "Two others are thought to be infected.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donors pledged more than $1.5 billion in aid for Syria at the Kuwait conference.",
            [("more than $1.5 billion", 1.5e9, "$", "more than $1.5 billion")],
        ),
        (
            "The Senate approves a revised $700 billion bailout bill by a 74 to 25 vote.",
            [("$700 billion", 7e11, "$", "$700 billion")],
        ),
        (
            "The IMF lent the government 20 billion dollars in an interest-free loan.",
            [("20 billion dollars", 2e10, "dollars", "20 billion dollars")],
        ),
        # Not the story's money: no cue of giving or rescuing; a detail below a million.
        ("The strike cost $5 million in lost wages.", []),
        ("Each family received $500 in aid.", []),
    ],
)
def test_money_is_its_own_category_with_a_currency(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    from dateline.render.briefing_text import figure_label

    money = [f for f in found(text) if f.category == "money"]
    assert [
        (text[f.number[0] : f.number[1]], f.quantity, f.unit, figure_label(f)) for f in money
    ] == expected
    assert all(f.kind == HEADLINE for f in money)
    assert [f for f in found(text) if f.category != "money"] == []


@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        # a bill's parts: the aid is Pakistan's, not the flu's (Reuters, 2009)
        (
            "The bill gives $7.7 billion in funding to fight the H1N1 pandemic in the US "
            "and $1.4 billion in foreign aid for Pakistan, which is fighting the Taliban.",
            ["$1.4 billion"],
        ),
        # a sum whose words name no other place stays the story's: the same fund told
        # twice (bpoil), aid to the story's own country (egypt)
        (
            "Officials agreed to create a $20 billion fund for H1N1 victims and a $100 million "
            "fund for displaced workers.",
            [],
        ),
        ("The US pledged $100 million in aid for Mexico and $50 million for its neighbours.", []),
    ],
)
def test_a_sum_whose_own_words_name_another_place_is_another_story(
    text: str, elsewhere: list[str]
) -> None:
    from dateline.briefing.figures import _money_elsewhere

    places = ("Pakistan", "Mexico", "US")
    mentions = [
        EntityMention(text.index(w), text.index(w) + len(w), EntityKind.PLACE, w)
        for w in places
        if w in text
    ]
    story = StoryTerms(frozenset({"h1n1", "mexico"}), frozenset({"h1n1", "mexico", "us"}), None)
    span = Span("x", 0, len(text))
    money = [f for f in found(text) if f.category == "money"]
    assert len(money) == text.count("$")
    assert [
        text[f.number[0] : f.number[1]]
        for f in money
        if _money_elsewhere(text, span, f, mentions, story)
    ] == elsewhere


@pytest.mark.parametrize(
    ("text", "number", "source"),
    [
        # when it spoke, and adverbs before its verb, are not part of its name
        (
            "The World Health Organisation today said 86 people had died.",
            "86",
            "the World Health Organisation",
        ),
        ("Mexico previously had reported 159 deaths.", "159", "Mexico"),
        ("But South Korea has already reported 100 more cases.", "100", "South Korea"),
        # a relative clause after the source's verb tells of something else
        (
            "South Korea has confirmed its first case of the strain, which has killed at "
            "least 100 people in Mexico.",
            "100",
            "",
        ),
        ("Officials on Tuesday said 61 people had died.", "61", "Officials"),
        (
            "Some 5,251 people have been infected, according to the WHO's latest tally "
            "on Tuesday, which includes 61 deaths.",
            "61",
            "the WHO",
        ),
        ("WHO said about 60 people in Mexico have died.", "60", "WHO"),
        # a possessive before an adjective that looks like a verb is nobody's word
        ("Mexico's confirmed death toll ticked up to 44.", "44", ""),
        # a reporter's credit is no source
        ("Matthew Price reports from Mexico, where 159 people may have died.", "159", ""),
        ("The ministry reported 300 deaths.", "300", "the ministry"),
        (
            "According to the UN, which keeps its own count, 93,000 people have died.",
            "93,000",
            "the UN",
        ),
    ],
)
def test_source_phrases_are_names_not_clauses(text: str, number: str, source: str) -> None:
    at = text.index(number)
    assert find_source(text, Span("a", 0, len(text)), (at, at + len(number))) == source


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("The virus has killed at least 60 people in Mexico.", {"disease"}),
        ("Drug gangs whose turf wars have killed about 2,300 people this year.", {"crime"}),
        ("The war has killed more than 93,000 people.", {"violence"}),
        ("The rig exploded, caught fire and sank, killing 11 workers.", {"accident"}),
        ("He died of a heart attack.", {"disease"}),
        ("It has a million doses of antiviral drugs.", set()),
        ("At least 38 people have died.", set()),
    ],
)
def test_the_causes_a_sentence_names(sentence: str, kinds: set[str]) -> None:
    assert causes_named(sentence) == kinds


def test_the_story_s_causes_need_several_articles() -> None:
    named = [(f"a{i}", frozenset({"disease"})) for i in range(30)]
    named += [("b1", frozenset({"crime"})), ("b2", frozenset({"crime"})), ("b3", frozenset())]
    assert story_causes(named) == {"disease"}
    # a kind named in three articles but by under a tenth of those naming any is not
    assert story_causes([*named, ("b4", frozenset({"crime"}))]) == {"disease"}
    assert story_causes(named[:2]) == frozenset()  # too few to tell: no rule applies


def _flu_page(article_id: str, text: str, pub: dt.date) -> tuple[Article, Annotations]:
    article = make_article(article_id, text, pub)
    mentions = []
    for place in ("Mexico", "Mexico City"):
        at = text.find(place)
        if at >= 0:
            mentions.append(EntityMention(at, at + len(place), EntityKind.PLACE, place))
    return article, Annotations(article_id, tuple(split_sentences(text)), (), tuple(mentions))


def test_a_count_of_another_cause_is_another_story_s() -> None:
    days = [dt.date(2009, 4, 25) + dt.timedelta(days=i) for i in range(6)]
    texts = [
        f"The flu virus has killed {20 + 10 * i} people in Mexico, officials said."
        for i in range(5)
    ]
    texts.append(
        "The flu has killed 99 people in Mexico. The death toll from a fire at a day-care "
        "center in Mexico rose to 35 children."
    )
    built = [_flu_page(f"p{i}", t, d) for i, (t, d) in enumerate(zip(texts, days, strict=True))]
    corpus = make_corpus([a for a, _ in built], [ann for _, ann in built])
    kinds = {f.quantity: f.kind for f in extract_figures(corpus, Options(workers=1))}
    assert kinds[35.0] == OTHER_STORY
    assert kinds[99.0] != OTHER_STORY and kinds[60.0] != OTHER_STORY


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # an increase is the day's, the total it came to the story's
        (
            "This represents a rise of 4,638 cases and 18 deaths since the last report.",
            [(18.0, INCIDENT)],
        ),
        (
            "An increase of 20 deaths brought the toll to 100 people killed.",
            [(20.0, INCIDENT), (100.0, HEADLINE)],
        ),
        ("The toll rose by 12 to 302 people killed.", [(12.0, INCIDENT), (302.0, HEADLINE)]),
        # a comma inside a number ends no clause: the cue before is still read
        ("The flu has killed 1,200 people and sickened 3,000 more.", [(1200.0, HEADLINE)]),
    ],
)
def test_an_increase_is_no_running_total(text: str, kinds: list[tuple[float, str]]) -> None:
    assert [(f.quantity, f.kind) for f in found(text)] == kinds


@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        ("Police said 30 protesters were being held at a station in Cairo.", [30.0]),
        # held for their health: quarantined (h1n1, Reuters 2009)
        ("About 50 are being held in quarantine in Shanghai in two five-star hotels.", []),
        ("A plane arrived to bring home more than 70 Mexicans who have been held in a hotel.", []),
    ],
)
def test_people_held_in_quarantine_are_not_arrested(text: str, arrested: list[float]) -> None:
    assert [f.quantity for f in found(text) if f.category == "arrested"] == arrested


def test_evacuations_are_their_own_count() -> None:
    # egypt, CNN 2011: foreigners flown home are not the story's displaced
    text = "More than 500 Americans have been evacuated from Egypt aboard five flights."
    assert [(f.quantity, f.category) for f in found(text)] == [(500.0, "evacuated")]
    assert [f.category for f in found("The floods have displaced 20,000 people.")] == ["displaced"]
