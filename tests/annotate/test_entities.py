from __future__ import annotations

from typing import Any

import pytest

from dateline.annotate.entities import (
    extract_entities,
    extract_entities_many,
    normalise_affiliation,
    parse_role,
    title_before,
)
from dateline.annotate.nlp import load_nlp
from dateline.model import EntityKind


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation", "honorific"),
    [
        ("Russia's Foreign Minister Sergey Lavrov", "Sergey", "foreign minister", "russia", ""),
        ("US Secretary of State John Kerry", "John", "secretary of state", "us", ""),
        ("UN chief Ban", "Ban", "chief", "un", ""),
        ("the outgoing United Nations Secretary-General Ban", "Ban", "secretary-general", "un", ""),
        ("U.N. Secretary-General Ban Ki-moon", "Ban", "secretary-general", "un", ""),
        ("said Mr. Ban", "Ban", "", "", "mr"),
        ("Yesterday President Obama", "Obama", "president", "", ""),
    ],
)
def test_title_before(text: str, name: str, role: str, affiliation: str, honorific: str) -> None:
    title = title_before(text, text.index(name))
    assert title is not None
    assert (title.role, title.affiliation, title.honorific) == (role, affiliation, honorific)
    assert text[title.start : title.end] == title.text


def test_no_title_across_a_sentence_end() -> None:
    text = "He met Mr. Ban. Russia's Foreign Minister Sergey Lavrov spoke."
    title = title_before(text, text.index("Sergey"))
    assert title is not None and title.text == "Russia's Foreign Minister"
    assert title_before("Kerry met Lavrov.", 10) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the UN chief", ("chief", "un")),
        ("Russia's Foreign Minister", ("foreign minister", "russia")),
        ("the Russian minister", ("minister", "russia")),
        ("the diplomat", ("diplomat", "")),
        ("the conference", None),
    ],
)
def test_parse_role(phrase: str, expected: tuple[str, str] | None) -> None:
    assert parse_role(phrase) == expected


def test_normalise_affiliation() -> None:
    assert normalise_affiliation("U.N.") == normalise_affiliation("United Nations") == "un"
    assert normalise_affiliation("Russia's") == normalise_affiliation("Russian") == "russia"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


@pytest.mark.slow
def test_repairs_and_offsets(nlp: Any) -> None:
    text = (
        "“I thanked the Foreign Minister,” said Mr. Ban. Russia's Foreign Minister Sergey "
        "Lavrov met US Secretary of State John Kerry. Lavrov said the Syrian Government "
        "must talk to the opposition."
    )
    mentions = extract_entities(text, nlp(text))
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    by_text = {m.text: m.kind for m in mentions}
    assert by_text["Ban"] is EntityKind.PERSON  # "Mr." stripped
    assert by_text["Sergey Lavrov"] is EntityKind.PERSON
    assert by_text["Lavrov"] is EntityKind.PERSON  # the model says ORG; the full name wins
    assert by_text["Syrian Government"] is EntityKind.ORG  # "the" stripped
    assert "State" not in by_text  # part of "Secretary of State"
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.slow
def test_batches_match_single_calls(nlp: Any) -> None:
    texts = ["Kerry met Lavrov in Bali.", "Ban Ki-moon spoke in Sochi.", ""]
    batched = list(extract_entities_many(texts, batch_size=2))
    assert batched == [extract_entities(t, nlp(t)) for t in texts]
    assert batched[2] == ()
