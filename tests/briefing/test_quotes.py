"""Quotes by speaker: roles, repeated quotes, name variants, what a briefing shows.

Articles and quotes are built by hand (no model): a quote is found by its words in the
text and credited to a speaker name, as the speech stage would.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.briefing.actors import Actor
from dateline.briefing.quotes import (
    MAX_QUOTES,
    SpeakerQuotes,
    SpeakerRole,
    best_quotes,
    comments_start,
    find_journalists,
    is_outlet,
    quotes_by_speaker,
    shown_quotes,
)
from dateline.model import Article, EntityKind, EntityMention, Quote
from tests.builders import make_article

DAY = dt.date(2011, 1, 28)


def said(article: Article, words: str, speaker: str, direct: bool = True) -> Quote:
    start = article.text.index(words)
    return Quote(start, start + len(words), direct, speaker_name=speaker)


def entity(article: Article, words: str, kind: EntityKind) -> EntityMention:
    start = article.text.index(words)
    return EntityMention(start, start + len(words), kind, words)


def named_quote(
    article: Article, words: str, speaker: str, kind: EntityKind
) -> tuple[EntityMention, Quote]:
    """A quote whose speaker mention is the entity ``speaker`` after the quote."""
    start = article.text.index(words)
    at = article.text.index(speaker, start + len(words))
    quote = Quote(start, start + len(words), True, (at, at + len(speaker)), speaker_name=speaker)
    return EntityMention(at, at + len(speaker), kind, speaker), quote


def by_speaker(groups: tuple[SpeakerQuotes, ...]) -> dict[str, SpeakerQuotes]:
    return {g.speaker: g for g in groups}


def person(name: str, *aliases: str, articles: tuple[str, ...] = ("a",)) -> Actor:
    slug = name.lower().replace(" ", "-")
    return Actor(
        f"person:{slug}",
        name,
        EntityKind.PERSON,
        tuple((a, 1) for a in (name, *aliases)),
        articles,
        None,
        None,
    )


# --- who is not a newsmaker -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Nile TV", True),
        ("state-run Nile TV", True),
        ("Reuters", True),
        ("The New York Times", True),
        ("Xinhua news agency", True),
        ("Fox News", True),
        ("state media", True),
        ("Muslim Brotherhood", False),
        ("International Energy Agency", False),
        ("White House", False),
        ("Hosni Mubarak", False),
    ],
)
def test_is_outlet(name: str, outlet: bool) -> None:
    assert is_outlet(name) is outlet


def test_an_articles_own_source_is_an_outlet() -> None:
    assert is_outlet("Ahram Gazette Weekly", ["Ahram Gazette Weekly"])
    assert not is_outlet("Ahram Weekly Club")


def test_reporters_are_found_by_how_the_story_shows_them() -> None:
    text = (
        "Fires burn in Cairo, CNN's Ben Wedeman reports.\n\n"
        "Senior international correspondent Ivan Watson was in Tahrir Square.\n\n"
        "JEFFREY TOOBIN, CNN SENIOR LEGAL ANALYST: The court will decide.\n\n"
        "Nic Robertson, CNN, Beirut, Lebanon.\n\n"
        "Protest leader Wael Ghonim said the crowd would stay. Music producer Quincy Jones "
        "said he was sad."
    )
    found = find_journalists([make_article("a", text, DAY)])
    assert {
        ("ben", "wedeman"),
        ("ivan", "watson"),
        ("jeffrei", "toobin"),
        ("nic", "robertson"),
    } <= found
    assert ("wael", "ghonim") not in found and ("quinci", "jones") not in found


def test_comments_start_at_the_first_stamp() -> None:
    body = "The army is in the streets.\n\n“We will stay,” Ghonim said.\n\n"
    comments = (
        "I think Mubarak must go.\n\n"
        "February 3, 2011 at 11:49 pm | Report abuse | Obama said “nothing” again.\n\n"
    )
    text = body + comments
    assert comments_start(text) == text.index("February 3")
    assert comments_start(body) is None


def test_roles() -> None:
    text = (
        "Fires burn in Cairo, CNN's Ben Wedeman reports.\n\n"
        "“Live gunfire can be heard all over the city tonight,” Ben Wedeman said.\n\n"
        "“Criminals are setting fires to the party building,” Nile TV said.\n\n"
        "“We will not leave the square until he goes,” Cairo said.\n\n"
        "“Mubarak has to listen to the people before it is too late,” ElBaradei said.\n\n"
        "Great article.\n\nFebruary 3, 2011 at 11:49 pm | Report abuse | I agree with "
        "“the people of Egypt deserve their freedom,” Obama said.\n\n"
    )
    article = make_article("a", text, DAY)
    pairs = [
        named_quote(
            article,
            "Live gunfire can be heard all over the city tonight",
            "Ben Wedeman",
            EntityKind.PERSON,
        ),
        named_quote(
            article, "Criminals are setting fires to the party building", "Nile TV", EntityKind.ORG
        ),
        named_quote(
            article, "We will not leave the square until he goes", "Cairo", EntityKind.PLACE
        ),
        named_quote(
            article,
            "Mubarak has to listen to the people before it is too late",
            "ElBaradei",
            EntityKind.PERSON,
        ),
        named_quote(
            article, "the people of Egypt deserve their freedom", "Obama", EntityKind.PERSON
        ),
    ]
    entities = tuple(e for e, _ in pairs)
    groups = quotes_by_speaker([(article, entities, tuple(q for _, q in pairs))], [])
    roles = {g.speaker: g.role for g in groups}
    assert roles == {
        "Ben Wedeman": SpeakerRole.JOURNALIST,
        "Nile TV": SpeakerRole.OUTLET,
        "Cairo": SpeakerRole.PLACE,
        "ElBaradei": SpeakerRole.NEWSMAKER,
        "Obama": SpeakerRole.COMMENTER,
    }
    assert groups[0].speaker == "ElBaradei"  # newsmakers first
    assert [g.speaker for g in shown_quotes(groups, [article])] == ["ElBaradei"]


def test_a_name_is_not_a_time() -> None:
    text = "“Tanks are moving toward the square right now,” 9:14 Cairo said."
    article = make_article("a", text, DAY)
    groups = quotes_by_speaker(
        [
            (
                article,
                (),
                (said(article, "Tanks are moving toward the square right now", "9:14 Cairo"),),
            )
        ],
        [],
    )
    assert [g.role for g in groups] == [SpeakerRole.OTHER]


# --- one quote, one speaker -----------------------------------------------------------


WORDS = "I told him he has a responsibility to give meaning to those words"


def test_the_same_quote_in_several_articles_is_one_quote_with_all_its_sources() -> None:
    late = make_article("b", f"“{WORDS},” Obama said on Friday.", DAY + dt.timedelta(1))
    early = make_article("a", f"Obama said: “{WORDS.upper()}!”", DAY)
    rewrite = make_article("c", f"“{WORDS} today,” Obama said.", DAY + dt.timedelta(2))
    annotated = [
        (late, (), (said(late, WORDS, "Obama"),)),
        (early, (), (said(early, WORDS.upper() + "!", "Obama"),)),
        (rewrite, (), (said(rewrite, WORDS + " today", "Obama"),)),
    ]
    (group,) = quotes_by_speaker(annotated, [])
    (entry,) = group.quotes
    assert entry.span.article_id == "a" and entry.pub_date == DAY  # the earliest
    assert [s.article_id for s in entry.repeats] == ["b", "c"]
    for span in entry.spans:
        article = {"a": early, "b": late, "c": rewrite}[span.article_id]
        assert WORDS.lower() in span.text(article).lower()


def test_a_quote_credited_to_two_speakers_stays_with_the_usual_one() -> None:
    articles = [make_article(i, f"“{WORDS},” he said.", DAY) for i in "abc"]
    names = ["Barack Obama", "Barack Obama", "Robert Gibbs"]
    annotated = [(a, (), (said(a, WORDS, n),)) for a, n in zip(articles, names, strict=True)]
    groups = by_speaker(quotes_by_speaker(annotated, []))
    assert set(groups) == {"Barack Obama"}
    assert len(groups["Barack Obama"].quotes[0].spans) == 3


def _groups_for(names: list[str]) -> dict[str, SpeakerQuotes]:
    text = " ".join(
        f"“Quote number {i} of this speaker here.” Someone said." for i in range(len(names))
    )
    article = make_article("a", text, DAY)
    quotes = tuple(
        said(article, f"Quote number {i} of this speaker here.", name)
        for i, name in enumerate(names)
    )
    return by_speaker(quotes_by_speaker([(article, (), quotes)], []))


def test_name_variants_merge() -> None:
    groups = _groups_for(
        ["Barack Obama"] * 3
        + ["Obama"] * 2
        + [
            "Recep Tayyip Erdogan",
            "Tayyip Erdogan",
            "Ahmet Davutoglu",
            "Davutoglu",
            "Ed Chernoff",
            "Edward Chernoff",
            "LaToya Jackson",
            "La Toya Jackson",
            "a Conrad Murray",
            "Conrad Murray",
        ]
    )
    assert len(groups["Barack Obama"].quotes) == 5
    assert groups["Barack Obama"].variants == ("Obama",)
    assert len(groups["Recep Tayyip Erdogan"].quotes) == 2
    assert len(groups["Ahmet Davutoglu"].quotes) == 2
    assert "Edward Chernoff" in groups or "Ed Chernoff" in groups
    assert len(groups) == 6


def test_an_ambiguous_family_name_stays_alone() -> None:
    groups = _groups_for(["Michael Jackson"] * 2 + ["Jermaine Jackson"] * 2 + ["Jackson"])
    assert set(groups) == {"Michael Jackson", "Jermaine Jackson", "Jackson"}


def test_a_misparsed_longer_name_joins_the_actor() -> None:
    text = "“Quote one of this speaker here.” x. “Quote two of this speaker here.” y."
    article = make_article("a", text, DAY)
    mubarak = person("Hosni Mubarak", "Mubarak")
    quotes = (
        said(article, "Quote one of this speaker here.", "Hosni Mubarak"),
        said(article, "Quote two of this speaker here.", "Without Hosni Mubarak"),
    )
    (group,) = quotes_by_speaker([(article, (), quotes)], [mubarak])
    assert (group.speaker, group.actor_id) == ("Hosni Mubarak", "person:hosni-mubarak")
    assert group.variants == ("Without Hosni Mubarak",)


# --- what a briefing shows ------------------------------------------------------------


def test_best_quotes_are_informative_distinct_and_dated() -> None:
    lines = [
        "a red line",
        "We will not allow the regime to use chemical weapons against its own people",
        "We will not allow the regime to use chemical weapons against its people ever",
        "The talks in Geneva must begin with a ceasefire that all the parties respect",
        "Aid convoys have to reach Homs and Aleppo before the winter sets in for good",
        "The opposition has to widen its delegation so that every group has a voice",
        "Nobody gains from a war that has already cost more than a hundred thousand lives",
    ]
    articles = [
        make_article(str(i), f"“{line}.”", DAY + dt.timedelta(i)) for i, line in enumerate(lines)
    ]
    annotated = [
        (a, (), (said(a, line, "John Kerry"),)) for a, line in zip(articles, lines, strict=True)
    ]
    (group,) = quotes_by_speaker(annotated, [])
    index = {a.id: a for a in articles}
    best = best_quotes(group, index)
    texts = [e.span.text(index[e.span.article_id]) for e in best]
    assert len(best) == MAX_QUOTES
    assert "a red line" not in texts
    assert sum("chemical weapons" in t for t in texts) == 1
    assert [e.pub_date for e in best] == sorted(e.pub_date for e in best if e.pub_date)


def test_shown_quotes_keep_the_most_quoted_newsmakers() -> None:
    surnames = [a + b for a in "BCDFGHJKLM" for b in ("ane", "ose", "urt", "ick")]
    names = [f"Pat {surnames[i]}" for i in range(40) for _ in range(1 + i % 3)]
    articles = [
        make_article(str(k), f"“Words {k} spoken by {n} today.”", DAY) for k, n in enumerate(names)
    ]
    annotated = [(a, (), (said(a, a.text[1:-1], n),)) for a, n in zip(articles, names, strict=True)]
    groups = quotes_by_speaker(annotated, [])
    shown = shown_quotes(groups, articles, speakers=30)
    assert len(shown) == 30
    assert [g.speaker for g in shown] == [g.speaker for g in groups[:30]]
    counts = [len(g.quotes) for g in groups]
    assert counts == sorted(counts, reverse=True)
    assert all(len(g.quotes) <= MAX_QUOTES for g in shown)


# --- rendered -----------------------------------------------------------------------


def test_briefing_renders_shown_quotes_and_keeps_all_in_json() -> None:
    from dataclasses import replace

    from dateline.render.briefing_text import briefing_to_dict, render_briefing_markdown
    from dateline.render.html import render_html
    from tests.render.test_html import hostile_corpus, make_briefing

    corpus = hostile_corpus()
    evil, good = corpus.articles
    words = "Talks on Syria resumed in Geneva"
    reporter = "the UN said"
    obama = person("Barack Obama", articles=(evil.id, good.id))
    annotated = [
        (evil, (), (said(evil, "Diplomats met in Geneva again", "Barack Obama"),)),
        (good, (), (said(good, words, "Barack Obama"), said(good, reporter, "CNN"))),
        (evil, (), (said(evil, "people have been killed", "Ban"),)),
        (good, (), (said(good, "people have been killed", "Ban"),)),
    ]
    groups = quotes_by_speaker(annotated, [obama])
    briefing = replace(make_briefing(corpus), actors=(obama,), quotes=groups)
    md = render_briefing_markdown(briefing)
    section = md[md.index("## Quotes by speaker") :]
    assert "### Barack Obama" in section and "### CNN" not in section
    assert f"{words} (2013-07-09) [2]" in section
    # one quote in two articles (wire copy): one line citing both
    assert "people have been killed (2013-07-05) [1, 2]" in section
    data = briefing_to_dict(briefing)
    roles = {g["speaker"]: g["role"] for g in data["quotes"]}
    assert roles == {"Barack Obama": "newsmaker", "Ban": "newsmaker", "CNN": "outlet"}
    (first, *_) = data["quotes"]
    assert all("repeats" in q and "pub_date" in q for q in first["quotes"])
    page = render_html(briefing)
    assert (
        words in page and "the UN said" not in page.split('id="actors"')[1].split("</section>")[0]
    )


def test_comment_stamps_of_another_site() -> None:
    body = "Markets fell.\n\n“We act now,” Paulson said.\n\n"
    text = body + (
        "Great column. Posted by: charlieb | September 25, 2008 12:05 PM | Report abuse "
        "McCain said “no deal” again.\n\n"
    )
    assert comments_start(text) == len(body)


def test_organisations_merge_with_their_acronym_and_a_person_tagged_as_one() -> None:
    names = ["World Health Organization", "World Health Organisation (WHO", "WHO", "WHO"]
    kinds = [EntityKind.ORG] * 4 + [EntityKind.PERSON, EntityKind.ORG, EntityKind.ORG]
    names += ["Keiji Fukuda", "Keiji Fukuda", "Fukuda"]
    text = " ".join(
        f"“Quote number {w} of this speaker.” {n} said."
        for w, n in zip("abcdefg", names, strict=True)
    )
    article = make_article("a", text, DAY)
    pairs = [
        named_quote(article, f"Quote number {w} of this speaker.", n, k)
        for w, n, k in zip("abcdefg", names, kinds, strict=True)
    ]
    groups = by_speaker(
        quotes_by_speaker([(article, tuple(e for e, _ in pairs), tuple(q for _, q in pairs))], [])
    )
    assert set(groups) == {"World Health Organization", "Keiji Fukuda"}
    assert len(groups["World Health Organization"].quotes) == 4
    assert len(groups["Keiji Fukuda"].quotes) == 3


def test_a_junior_is_the_plain_name_and_a_senior_another_person() -> None:
    groups = _groups_for(["Henry M. Paulson Jr."] * 2 + ["Paulson"])
    assert set(groups) == {"Henry M. Paulson Jr."}
    # bpoil: George W. Bush's father, quoted on the 1991 oil spill
    groups = _groups_for(["George W. Bush"] * 6 + ["Bush", "George Bush Sr", "Bush Sr."])
    assert set(groups) == {"George W. Bush", "George Bush Sr"}
    assert len(groups["George Bush Sr"].quotes) == 2
    # the only one of his name: a bare surname is his (bpoil: a victim's father)
    groups = _groups_for(["Karl Kleppinger Sr."] * 2 + ["Kleppinger"])
    assert set(groups) == {"Karl Kleppinger Sr."}


def test_speakers_quoted_across_articles_come_before_one_long_interview() -> None:
    interview = make_article(
        "i", " ".join(f"“Answer {w} of the witness here.” W said." for w in "abcde"), DAY
    )
    annotated = [
        (
            interview,
            (),
            tuple(
                said(interview, f"Answer {w} of the witness here.", "Jane Witness") for w in "abcde"
            ),
        )
    ]
    for k in "xyz":
        article = make_article(k, f"“Statement {k} of the minister today.” M said.", DAY)
        annotated.append(
            (
                article,
                (),
                (said(article, f"Statement {k} of the minister today.", "John Minister"),),
            )
        )
    groups = quotes_by_speaker(annotated, [])
    assert [(g.speaker, len(g.quotes)) for g in groups] == [
        ("John Minister", 3),
        ("Jane Witness", 5),
    ]


def test_the_fed_and_the_federal_reserve_are_one_speaker() -> None:
    # finan: "the Fed said" and "the Federal Reserve said" were two speakers, none defined.
    names = ["Fed", "Federal Reserve", "Fed", "IMF", "International Monetary Fund"]
    text = " ".join(
        f"“Rates stay where they are, {w}.” The {n} said."
        for w, n in zip("abcde", names, strict=True)
    )
    article = make_article("a", text, DAY)
    pairs = [
        named_quote(article, f"Rates stay where they are, {w}.", n, EntityKind.ORG)
        for w, n in zip("abcde", names, strict=True)
    ]
    groups = by_speaker(
        quotes_by_speaker([(article, tuple(e for e, _ in pairs), tuple(q for _, q in pairs))], [])
    )
    assert {name: len(g.quotes) for name, g in groups.items()} == {
        "Federal Reserve": 3,
        "International Monetary Fund": 2,
    }


def test_middle_initials_and_ranks_are_no_part_of_a_name() -> None:
    groups = _groups_for(
        ["Edward J. Markey"] * 2 + ["Ed Markey", "Thad Allen", "Thad Allen", "Adm Allen"]
    )
    assert set(groups) == {"Edward J. Markey", "Thad Allen"}
    assert groups["Thad Allen"].variants == ("Adm Allen",)


def test_a_common_word_taken_for_a_speaker_is_not_a_newsmaker() -> None:
    text = (
        "“It is not meant for use outside hospitals,” Propofol said. The doctor gave him "
        "propofol every night, and propofol is a powerful anaesthetic.\n\n"
        "“We will not leave,” Wells said. Oil wells leak; Senator Wells spoke."
    )
    article = make_article("a", text, DAY)
    quotes = (
        said(article, "It is not meant for use outside hospitals", "Propofol"),
        said(article, "We will not leave", "Wells"),
    )
    roles = {g.speaker: g.role for g in quotes_by_speaker([(article, (), quotes)], [])}
    assert roles == {"Propofol": SpeakerRole.OTHER, "Wells": SpeakerRole.NEWSMAKER}


def test_a_quote_two_speakers_are_credited_with_once_each_stays_with_the_first_report() -> None:
    # egypt: a protester's words, reported with his name on Jan 27; a shorter copy on
    # Jan 31 left them after Joe Biden's paragraph
    words = "We can't understand how come this leader of the free world is looking away."
    first = make_article("a", f"“{words}” Ahmed said.", dt.date(2011, 1, 27))
    later = make_article("b", f"“{words}” He said.", dt.date(2011, 1, 31))
    biden = make_article("c", "“I think the time has come to act,” Biden said.", DAY)
    groups = by_speaker(
        quotes_by_speaker(
            [
                (later, (), (said(later, words, "Joe Biden"),)),
                (biden, (), (said(biden, "I think the time has come to act,", "Joe Biden"),)),
                (first, (), (said(first, words, "Ahmed"),)),
            ],
            [],
        )
    )
    (quote,) = groups["Ahmed"].quotes
    assert {quote.span.article_id, *(r.article_id for r in quote.repeats)} == {"a", "b"}
    assert len(groups["Joe Biden"].quotes) == 1
