from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate.nlp import load_nlp
from dateline.annotate.quotes import extract_quotes, extract_quotes_many, find_quoted_spans
from dateline.model import Quote
from tests.builders import SYRIA

# --- quotation marks, no model --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win," and left.', ["we will win"]),
        ("“We will try,” he said. “We must.”", ["We will try", "We must."]),
        # The comma before a closing mark is the sentence's, not the quote's.
        ("`` We narrowed it down , '' Kerry said .", ["We narrowed it down"]),
        ('A 6\'2" man said "hello there".', ["hello there"]),
        ("Lavrov said it is “outrageous” today.", ["outrageous"]),
        # A typo'd opening mark reads by its context.
        ("”We will win,” he said.", ["We will win"]),
        # An unclosed quote ends with its paragraph when the next one does not continue it.
        ("“We will win, he said.\n\nThen he left.", ["We will win, he said."]),
    ],
)
def test_quoted_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quoted_spans(text)] == expected


def test_quote_continues_over_paragraphs() -> None:
    text = "“We will try to fix a date.\n\n“We should not lose this momentum.”\n\nNext."
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == (
        "We will try to fix a date.\n\n“We should not lose this momentum."
    )
    assert span.closed


@given(st.text(alphabet=st.sampled_from(list("ab “”\"`'\n.,")), max_size=80))
def test_quoted_spans_are_ordered_and_inside(text: str) -> None:
    spans = find_quoted_spans(text)
    for span in spans:
        assert 0 <= span.open_start < span.start < span.end <= span.close_end <= len(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for first, second in itertools.pairwise(spans):
        assert first.close_end <= second.open_start


# --- quotes with speakers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def quotes_of(nlp: Any, text: str) -> list[tuple[str, bool, str | None, str | None]]:
    found = extract_quotes(text, nlp(text))
    return [
        (
            text[q.start : q.end],
            q.direct,
            text[q.speaker[0] : q.speaker[1]] if q.speaker else None,
            q.speaker_name,
        )
        for q in found
    ]


PATTERNS = [
    # (text, quote, direct, speaker mention, speaker name)
    # A role subject with the person in apposition: the person, not an earlier president.
    (
        "President Hosni Mubarak met the cabinet.\n\nWell, the Russian president, Dmitry "
        "Medvedev, says lax security at the airport allowed a bomber to sneak in.",
        "lax security at the airport allowed a bomber to sneak in",
        False,
        "Dmitry Medvedev",
        "Dmitry Medvedev",
    ),
    # "…,” NAME VERB": a verb off the lists after a quote closed by a comma.
    (
        "“Go back to Univision,” Trump barked.",
        "Go back to Univision",
        True,
        "Trump",
        None,
    ),
    # A dash and a name sign a quote with no cue.
    (
        "Readers sent us their views.\n\n“Mr. Trump embodies the lasting legacy of racism in "
        "the United States. He represents our greatest shame.” ― Sonya Herridge",
        "Mr. Trump embodies the lasting legacy of racism in the United States. He represents "
        "our greatest shame.",
        True,
        "Sonya Herridge",
        "Sonya Herridge",
    ),
    # The cue's subject parsed as an apposition: the person named before the cue.
    (
        "Tuesday in New York City, while on the campaign trail for his wife Democratic "
        "presidential front-runner Hillary Clinton, former president Bill Clinton said his wife "
        "was uniquely qualified to be president at this time because “the world’s in tough "
        "shape.”",
        "his wife was uniquely qualified to be president at this time because “the world’s in "
        "tough shape.”",
        True,
        "Bill Clinton",
        "Bill Clinton",
    ),
    # "said NAME" with the name tagged as an adverb and not as an entity.
    (
        "But Bill Skelly, a longtime RNC data operative, vouched for both men.\n\n“Having "
        "access to the RNC file and two people who understand it is valuable,” said Skelly, "
        "explaining he worked more closely with Chrabaszcz.",
        "Having access to the RNC file and two people who understand it is valuable",
        True,
        "Skelly",
        None,
    ),
    # A name right after the quote and a speech verb far behind it.
    (
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential "
        "frontrunner nationally and current polling leader in South Carolina by a wide margin "
        "after winning the New Hampshire primary, said on Monday.",
        "Very good reporter, very good reporter this guy",
        True,
        "Trump",
        "Trump",
    ),
    # A sentence-long quote with no cue: the person named in the paragraph before.
    (
        'Hillary Clinton spoke at a diner in Cleveland on Tuesday night.\n\n"Tonight we '
        'arrived in Cleveland, and we went to a restaurant to grab a quick meal."',
        "Tonight we arrived in Cleveland, and we went to a restaurant to grab a quick meal.",
        True,
        "Hillary Clinton",
        "Hillary Clinton",
    ),
    (
        "“We narrowed down some of the options,” Kerry told reporters.",
        "We narrowed down some of the options",
        True,
        "Kerry",
        "Kerry",
    ),
    (
        "“I thanked the Foreign Minister,” said Mr. Ban.",
        "I thanked the Foreign Minister",
        True,
        "Ban",
        "Ban",
    ),
    (
        "Ban Ki-moon said that “it is hard going but we have made a start.”",
        "it is hard going but we have made a start.",
        True,
        "Ban Ki-moon",
        "Ban Ki-moon",
    ),
    (
        'Kerry told reporters: "A final date will have to be determined by the United Nations."',
        "A final date will have to be determined by the United Nations.",
        True,
        "Kerry",
        "Kerry",
    ),
    (
        "According to John Kerry, “the talks will resume in November as planned.”",
        "the talks will resume in November as planned.",
        True,
        "John Kerry",
        "John Kerry",
    ),
    (
        "`` It is our mutual hope that that can happen , '' Kerry said .",
        "It is our mutual hope that that can happen",
        True,
        "Kerry",
        "Kerry",
    ),
    # A partial quote comes back as the reported clause around it.
    (
        "Sergei Lavrov said the humanitarian situation in Syria is “outrageous” on Saturday.",
        "the humanitarian situation in Syria is “outrageous” on Saturday",
        True,
        "Sergei Lavrov",
        "Sergei Lavrov",
    ),
    # Reported speech without quotation marks.
    (
        "John Kerry said that the final date should be set by the United Nations.",
        "the final date should be set by the United Nations",
        False,
        "John Kerry",
        "John Kerry",
    ),
    # A partial quote inside a sentence, its cue after it.
    (
        "No Child Left Behind was “very assertive and interventionist,” said Gary Orfield.",
        "No Child Left Behind was “very assertive and interventionist,”",
        True,
        "Gary Orfield",
        "Gary Orfield",
    ),
    # A full stop inside the quote, then an attribution that reports nothing else.
    (
        "“Russia, if you’re listening, I hope you find the emails.” Trump said.",
        "Russia, if you’re listening, I hope you find the emails.",
        True,
        "Trump",
        "Trump",
    ),
    # A long subject (apposition, conjunction) between quote and cue.
    (
        "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center "
        "and a columnist, tells Breitbart News.",
        "Yes, I support Ted Cruz",
        True,
        "Brent Bozell III",
        "Brent Bozell III",
    ),
    # "calling X “…”": a verb that attributes only quoted words.
    (
        "Trump went after Bush, calling him “a total stiff.”",
        "a total stiff.",
        True,
        "Trump",
        None,
    ),
    # A colon after a noun ("statement:") introduces the quote for the verb above it.
    (
        "Trump issued the following statement:\n\n“Our prayers are with all those affected "
        "by the attacks in Munich.”",
        "Our prayers are with all those affected by the attacks in Munich.",
        True,
        "Trump",
        None,
    ),
    # "by saying": the speaker is the subject of the verb the preposition hangs from.
    (
        "Bolton distanced himself from the movement by saying “I am going to support him "
        "enthusiastically.”",
        "I am going to support him enthusiastically.",
        True,
        "Bolton",
        "Bolton",
    ),
    # A verb on no list, with a named subject and the quote as its object.
    (
        "Clinton pitched “a new bargain for working families across America.”",
        "a new bargain for working families across America.",
        True,
        "Clinton",
        "Clinton",
    ),
    # "said NAME, who ...": the name right after the cue, whatever the parser made of it.
    (
        "“What's shaping up is a battle for the ages,” said David Brock, who heads the "
        "pro-Clinton super PAC Correct the Record.",
        "What's shaping up is a battle for the ages",
        True,
        "David Brock",
        "David Brock",
    ),
    # The cue parsed as a modifier of the name (acl).
    (
        "De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks "
        "were priceless.",
        "Trump a “blowhard,”",
        True,
        "De Blasio",
        "De Blasio",
    ),
    # A parenthetical cue ("X added,") and the clause it interrupts.
    (
        "But, Carson added, he did not support issuing quarantines “willy-nilly.”",
        "he did not support issuing quarantines “willy-nilly.”",
        True,
        "Carson",
        "Carson",
    ),
    # A cue inside the clause another cue reports: the outer one, with its whole clause.
    (
        "Clinton says the administration should announce an “intensification” of the "
        "campaign against the group.",
        "the administration should announce an “intensification” of the campaign against the group",
        True,
        "Clinton",
        "Clinton",
    ),
    # "asked the boy": an inverted cue whose subject the parser did not find.
    (
        "“How big is that wall?” asked the boy, who was wearing a red hat.",
        "How big is that wall?",
        True,
        "the boy",
        None,
    ),
    # A title in front of the name after the quote (misparsed as a verb).
    (
        "“I'm impressed by his ability to insult literally every kind of human being,” "
        "screenwriter Cole Haddon wrote on Twitter.",
        "I'm impressed by his ability to insult literally every kind of human being",
        True,
        "Cole Haddon",
        "Cole Haddon",
    ),
    # A quote opening its sentence is not a partial quote of the sentence before, even
    # when the parser runs the two together.
    (
        "Yasmeen Wilkerson, 18, was dubious at first, but she soon recalibrated her "
        "priorities. ''I dumped the guy but kept the skateboard,'' she said with a grin.",
        "I dumped the guy but kept the skateboard",
        True,
        "she",
        "Yasmeen Wilkerson",
    ),
    # An exclamation, then a common-noun subject and a verb off the lists.
    ("“Mexico!” the audience screamed back.", "Mexico!", True, "the audience", None),
    # A short quote that is most of its clause still comes back as the whole clause.
    (
        "Romney said the refusal was “disqualifying.”",
        "the refusal was “disqualifying.”",
        True,
        "Romney",
        "Romney",
    ),
    # A second speech verb coordinated with the first opens the next attribution.
    (
        "Sanders told ABC that he agrees Trump is a “total opportunist” and said the "
        "record is clear.",
        "he agrees Trump is a “total opportunist”",
        True,
        "Sanders",
        None,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote", "direct", "mention", "name"), PATTERNS)
def test_quote_patterns(
    nlp: Any, text: str, quote: str, direct: bool, mention: str, name: str | None
) -> None:
    assert (quote, direct, mention, name) in quotes_of(nlp, text)


@pytest.mark.slow
def test_pronoun_title_and_split_quotes(nlp: Any) -> None:
    text = (
        "U.N. Secretary-General Ban Ki-moon met Russian Foreign Minister Sergey Lavrov.\n\n"
        "“The crisis in Syria is first and foremost on our minds,” he said. “I am deeply "
        "concerned about the violence.”\n\n"
        "“We call for holding the international conference in mid-November,” Russia's "
        "Foreign Minister said.\n\n"
        "“The parties may still be fighting,” the UN chief said."
    )
    found = {q[0]: q for q in quotes_of(nlp, text)}
    assert found["The crisis in Syria is first and foremost on our minds"][2:] == (
        "he",
        "Ban Ki-moon",
    )
    assert found["I am deeply concerned about the violence."][3] == "Ban Ki-moon"
    assert found["We call for holding the international conference in mid-November"][2:] == (
        "Russia's Foreign Minister",
        "Sergey Lavrov",
    )
    assert found["The parties may still be fighting"][3] == "Ban Ki-moon"


@pytest.mark.slow
def test_split_quote_shares_its_cue(nlp: Any) -> None:
    text = "“We will try,” Kerry said. “We must not lose momentum now.”"
    first, second = extract_quotes(text, nlp(text))
    assert first.cue == second.cue is not None


@pytest.mark.slow
def test_quote_opening_a_paragraph_goes_on_from_the_one_before(nlp: Any) -> None:
    text = "“We will win,” Kerry said.\n\n“We must not lose this momentum now.”"
    first, second = extract_quotes(text, nlp(text))
    assert text[second.start : second.end] == "We must not lose this momentum now."
    assert second.speaker_name == "Kerry"
    assert first.cue == second.cue is not None


@pytest.mark.slow
def test_titles_after_a_verb_are_not_quotes(nlp: Any) -> None:
    text = "Jessica Mendoza replaced Schilling on ESPN's marquee “Sunday Night Baseball.”"
    assert quotes_of(nlp, text) == []


@pytest.mark.slow
def test_scare_quotes_and_titles_are_not_quotes(nlp: Any) -> None:
    text = "On Fox News's “Hannity,” the senator talked about “fake news” and the economy."
    assert quotes_of(nlp, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["", "“", "”””", "\n\n\n“a”\n\n“", "said said said “”", "“" * 50 + "x", 'He said: """'],
)
def test_messy_text_does_not_break(nlp: Any, text: str) -> None:
    for quote in extract_quotes(text, nlp(text)):
        assert 0 <= quote.start < quote.end <= len(text)


# --- golden expectations on the Syria example ---------------------------------------------


def join_paragraphs(path: Path) -> str:
    """The raw article with hard-wrapped lines joined: a stand-in for the cleaner."""
    paragraphs = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
    joined = (" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in joined if p)


@pytest.fixture(scope="module")
def syria(nlp: Any) -> dict[str, tuple[str, tuple[Quote, ...]]]:
    paths = sorted(SYRIA.glob("*.txt"))
    texts = [join_paragraphs(p) for p in paths]
    return {
        p.name[:3]: (text, quotes)
        for p, text, (_, quotes) in zip(paths, texts, extract_quotes_many(texts), strict=True)
    }


def speaker_of(found: tuple[str, tuple[Quote, ...]], words: str) -> str | None:
    text, quotes = found
    matches = [q for q in quotes if words in text[q.start : q.end]]
    assert matches, f"no quote holds {words!r}"
    return matches[0].speaker_name


@pytest.mark.slow
@pytest.mark.parametrize(
    ("article", "words", "speaker"),
    [
        ("000", "It is my sincere hope that we can convene", "Ban Ki-moon"),
        ("000", "Now our challenge is to build on the momentum", "Ban Ki-moon"),
        ("000", "We will try to fix a date as soon as possible", "Ban Ki-moon"),
        ("001", "Russia can do nothing alone", "Sergey Lavrov"),
        ("001", "I can assure you that we are putting daily pressure", "Sergey Lavrov"),
        ("001", "The parties may still be fighting", "Ban Ki-moon"),
        ("002", "I appreciate Foreign Minister Sergey Lavrov", "Ban Ki-moon"),
        ("003", "John Kerry and I have generally confirmed", "Sergei Lavrov"),
        ("003", "final date for the conference should be set by the United Nations", "John Kerry"),
        ("004", "We narrowed down some of the options", "John Kerry"),
        ("004", "There is an urgent need for the violence", "Ban Ki-moon"),
    ],
)
def test_syria_speakers(syria: dict[str, Any], article: str, words: str, speaker: str) -> None:
    assert speaker_of(syria[article], words) == speaker


@pytest.mark.slow
def test_syria_nested_attribution(syria: dict[str, Any]) -> None:
    """``Kerry raised concern ... He also insisted that X, according to a senior State
    Department official``: X is Kerry's, the paragraph's subject (the official reports
    it), not Lavrov's, who was quoted just before (issue 14)."""
    text, quotes = syria["001"]
    words = "the creation by mutual consent of a transitional governing body"
    named = {q.speaker_name for q in quotes if words in text[q.start : q.end] and q.speaker_name}
    assert named == {"John Kerry"}


@pytest.mark.slow
def test_syria_offsets_slice_back(syria: dict[str, Any]) -> None:
    for text, quotes in syria.values():
        for quote in quotes:
            assert text[quote.start : quote.end].strip() == text[quote.start : quote.end]
            assert not text[quote.start : quote.end].startswith(("“", '"'))
            if quote.speaker:
                assert text[quote.speaker[0] : quote.speaker[1]].strip()


@pytest.mark.slow
def test_syria_indirect_speech(syria: dict[str, Any]) -> None:
    text, quotes = syria["003"]
    indirect = [q for q in quotes if not q.direct]
    assert any("should be set by the United Nations" in text[q.start : q.end] for q in indirect)


def test_unattributed_quotes_need_a_sentence(nlp: Any) -> None:
    """With no cue and nobody named, only a quote of several words is kept, as a
    quote with no speaker; a slogan of a few words is left out."""
    text = (
        "The crowd waited outside.\n\n“Stop the war now.”\n\n“We have waited for this "
        "day for many years and we will not go home.”"
    )
    assert quotes_of(nlp, text) == [
        (
            "We have waited for this day for many years and we will not go home.",
            True,
            None,
            None,
        )
    ]
