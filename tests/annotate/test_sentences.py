from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Ban said so. He left.", ["Mr. Ban said so.", "He left."]),
        ("The U.S. and Russia met. Talks ended.", ["The U.S. and Russia met.", "Talks ended."]),
        (
            "Talks resume on Feb. 10 in Geneva. Ban hopes so.",
            ["Talks resume on Feb. 10 in Geneva.", "Ban hopes so."],
        ),
        (
            "U.N. Secretary-General Ban Ki-moon spoke. He urged calm.",
            ["U.N. Secretary-General Ban Ki-moon spoke.", "He urged calm."],
        ),
        ("“We will try.” He said. “We must.”", ["“We will try.”", "He said.", "“We must.”"]),
        ("He lives in the U.S. He works there.", ["He lives in the U.S.", "He works there."]),
        ("John F. Kennedy was shot. It was 1963.", ["John F. Kennedy was shot.", "It was 1963."]),
        ("It was at 5 p.m. on Friday. Then rain.", ["It was at 5 p.m. on Friday.", "Then rain."]),
        ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
        (
            "He met Gen. Smith and Sen. Jones. They talked.",
            ["He met Gen. Smith and Sen. Jones.", "They talked."],
        ),
        ("Headline here\n\nBody starts. Ends.", ["Headline here", "Body starts.", "Ends."]),
    ],
)
def test_news_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_start_offset_skips_the_header() -> None:
    text = "Title\n\nBody one. Body two."
    assert [text[s:e] for s, e in split_sentences(text, 7)] == ["Body one.", "Body two."]


@given(st.text(alphabet=st.sampled_from('aB .?!\n“”"Mr.US0'), max_size=200))
def test_spans_are_ordered_stripped_and_cover_all_words(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    assert (
        "".join(text[s:e] for s, e in spans).split() == "".join(text.split()).split()
        or " ".join(text[s:e] for s, e in spans).split() == text.split()
    )
