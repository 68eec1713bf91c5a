"""Splitting long texts for the parser: no model needed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.annotate.nlp import split_for_parsing


@given(st.text(alphabet=st.sampled_from("ab. \n"), max_size=400), st.integers(1, 50))
def test_pieces_join_back_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = split_for_parsing(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(pieces[:-1])


def test_pieces_end_at_paragraph_breaks_when_they_can() -> None:
    text = "one two.\n\nthree four.\n\nfive six."
    assert split_for_parsing(text, 15) == ["one two.\n\n", "three four.\n\n", "five six."]
