"""Quotation marks paired without a model (the first step of quote extraction)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate.quotes.marks import find_quoted_spans, paragraphs


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_straight_curly_and_ptb_marks() -> None:
    text = "He said \"we will go\". She said “no”. They said ``maybe later''."
    assert _contents(text) == ["we will go", "no", "maybe later"]


def test_an_apostrophe_is_not_a_mark_and_an_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "It's the army's plan, \"he said it would\n\nNext paragraph."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and not spans[0].closed
    assert text[spans[0].start : spans[0].end].startswith("he said it would")
    assert "Next" not in text[spans[0].start : spans[0].end]


def test_a_quote_running_over_paragraphs_reopens_with_a_mark() -> None:
    text = '"The first part.\n\n"The second part," he said.'
    assert len(find_quoted_spans(text)) == 1


@given(st.text(alphabet=st.sampled_from(list('ab "“”\n.,')), max_size=60))
def test_spans_are_ordered_inside_the_text_and_never_overlap(text: str) -> None:
    spans = find_quoted_spans(text)
    last = 0
    for span in spans:
        assert last <= span.open_start <= span.start < span.end <= span.close_end <= len(text)
        last = span.close_end
    for start, end in paragraphs(text):
        assert 0 <= start <= end <= len(text)
