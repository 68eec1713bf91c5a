"""NER regression: a changed or swapped spaCy model shows up here first."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.annotate import nlp

pytestmark = pytest.mark.slow

CASES = [
    (
        "Secretary-General Ban Ki-moon said the conference should be held in Geneva.",
        {("Ban Ki-moon", "PERSON"), ("Geneva", "GPE")},
    ),
    (
        "Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State John Kerry in Moscow.",
        {("Sergey Lavrov", "PERSON"), ("John Kerry", "PERSON"), ("Moscow", "GPE")},
    ),
    (
        "The UN High Commissioner for Refugees said 1.5 million Syrians have fled.",
        {("UN", "ORG"), ("Syrians", "NORP")},
    ),
    (
        "Fighting between the Syrian Government and forces seeking to oust President "
        "Bashar Al-Assad has killed more than 70,000 people.",
        {("Bashar Al-Assad", "PERSON"), ("the Syrian Government", "ORG")},
    ),
    (
        "Hillary Clinton and Donald Trump campaigned in Ohio on Tuesday.",
        {("Hillary Clinton", "PERSON"), ("Donald Trump", "PERSON"), ("Ohio", "GPE")},
    ),
]


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return nlp.load_nlp()


def test_loads_once_and_keeps_the_parser(pipeline: Any) -> None:
    assert nlp.load_nlp() is pipeline
    assert "parser" in pipeline.pipe_names and "ner" in pipeline.pipe_names
    assert "lemmatizer" not in pipeline.pipe_names


def test_version_names_model() -> None:
    assert "en_core_web_sm" in nlp.NLP_VERSION and "spacy-" in nlp.NLP_VERSION


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ner_regression(pipeline: Any, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(ent.text, ent.label_) for ent in pipeline(text).ents}
    assert expected <= found


def test_paragraphs_start_sentences(pipeline: Any) -> None:
    doc = pipeline("No pause in relations\n\nSergei Lavrov stressed there was no pause.")
    starts = [sent.text.strip() for sent in doc.sents]
    assert starts[0] == "No pause in relations"


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_installed_model", lambda: None)
    nlp.load_nlp.cache_clear()
    try:
        with pytest.raises(nlp.ModelNotFoundError, match="pip install"):
            nlp.load_nlp()
    finally:
        monkeypatch.undo()
        nlp.load_nlp.cache_clear()


def test_parse_many_bounds_batches_by_characters_and_keeps_order(pipeline: Any) -> None:
    texts = [text for text, _ in CASES] * 3
    one_by_one = [[(t.text, t.ent_type_) for t in pipeline(text)] for text in texts]
    for max_chars in (1, 150, 10_000):  # every text alone, a few together, all together
        docs = list(nlp.parse_many(iter(texts), batch_size=4, max_batch_chars=max_chars))
        assert [doc.text for doc in docs] == texts
        assert [[(t.text, t.ent_type_) for t in doc] for doc in docs] == one_by_one


def test_long_text_is_parsed_in_pieces_that_join_back(pipeline: Any) -> None:
    para = '"We will rebuild the bridge," said Mayor John Smith in Geneva on Monday.'
    text = "\n\n".join(f"{para} Item {i}." for i in range(nlp.MAX_PIECE_CHARS // 40))
    assert len(text) > 2 * nlp.MAX_PIECE_CHARS
    doc = nlp.parse(text)
    assert doc.text == text
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert len(people) >= text.count("John Smith") * 0.9
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    (batched,) = nlp.parse_many([text])
    assert batched.text == text and len(batched.ents) == len(doc.ents)


def test_text_over_spacy_max_length_is_parsed(pipeline: Any) -> None:
    para = "The council of Springfield met on Monday and agreed to build a new bridge."
    text = "\n\n".join([para] * (pipeline.max_length // len(para) + 10))
    assert len(text) > pipeline.max_length
    short, long = nlp.parse_many(["Jane Doe spoke.", text])
    assert long.text == text and short.text == "Jane Doe spoke."
