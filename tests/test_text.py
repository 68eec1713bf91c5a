"""Text helpers shared across the package."""

from __future__ import annotations

import pytest

from dateline.text import outside_quotes, speaks_personally


@pytest.mark.parametrize(
    ("sentence", "personal"),
    [
        ("You can jump off a bridge if you think 3000 dead is small.", True),
        ("I 'm sorry, but 140 deaths are nothing.", True),  # Timeline17's split contractions
        ("My grandfather died at 86 in 1946.", True),
        ('"I saw 20 people killed," a witness said.', False),
        ('But, he added, "If you count the dead, the toll is higher.', False),
        ("I saw them die,” the driver said.", False),
        ("Troops killed 11 people in World War I battles, the museum says.", False),
        ("The US and the UN said 93,000 people have been killed.", False),
    ],
)
def test_speaks_personally(sentence: str, personal: bool) -> None:
    assert speaks_personally(sentence) is personal


def test_outside_quotes_keeps_the_reporting_words() -> None:
    assert outside_quotes('"We will win," he said.').split() == ["he", "said."]
