"""Money figures: what a story's money is (aid pledged, a rescue package), with its
currency.

A sum is a figure only when its clause says it is the story's money: a cue of giving,
raising or rescuing (``pledged``, ``aid``, ``appeal``, ``bailout``...). "$5 million"
that a strike cost, a salary or a price is not. Money is its own category, ``money``,
with the currency as its unit (``$``, ``£``, ``€``, or the word: ``dollars``); sums are
never capped as counts of people are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from dateline.model import Span

MONEY = "money"
# Words that make a sum the story's money: giving, raising, lending and rescuing. Our own
# list, from the headline sums of disaster, war and crisis news (aid pledged to Haiti and
# Syria, bank rescues).
MONEY_CUES = frozenset(
    "pledged pledge pledges pledging aid donated donation donations donors donor raised "
    "raise appeal appealed funding funds fund relief assistance humanitarian bailout "
    "bail-out rescue package stimulus loan loans reconstruction".split()
)
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_SCALE = r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|m)\b)?"
_AMOUNT = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SYMBOL_FIRST = re.compile(rf"(?P<cur>US\$|\$|£|€)\s?{_AMOUNT}{_SCALE}(?![\w%])", re.IGNORECASE)
_WORD_AFTER = re.compile(
    rf"(?<![\w$£€.,]){_AMOUNT}{_SCALE}\s+(?P<cur>dollars|euros|pounds|yuan|yen)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")
CUE_WINDOW = 8  # words on each side of the sum searched for a money cue
# Sums below this are a story's detail ("$500 in aid per family"), not its headline.
MIN_SUM = 1e6


def sums_in_sentence(text: str, span: Span) -> Iterator[tuple[int, int, float, str, str]]:
    """(start, end, amount, currency, cue) of each sum of story money in the sentence."""
    for pattern in (_SYMBOL_FIRST, _WORD_AFTER):
        for match in pattern.finditer(text, span.start, span.end):
            scale = (match.group("scale") or "").lower()
            amount = float(match.group("num").replace(",", "")) * _SCALES.get(scale, 1.0)
            before = _WORD.findall(text[span.start : match.start()].lower())[-CUE_WINDOW:]
            after = _WORD.findall(text[match.end() : span.end].lower())[:CUE_WINDOW]
            cue = next((w for w in [*reversed(before), *after] if w in MONEY_CUES), None)
            if cue and amount >= MIN_SUM:
                yield match.start(), match.end(), amount, match.group("cur"), cue


def sum_segments(text: str, span: Span) -> list[tuple[int, int]]:
    """The words of each sum in a sentence that lists several, in text order: from a sum
    to the next one, the first one's from the sentence start ("The bill contains $79.9
    billion to continue fighting the two wars, | $7.7 billion to address the H1N1 flu
    pandemic, and | $1.4 billion in foreign aid for Pakistan"). Every sum counts here,
    the story's money or not; a sentence with one sum has none."""
    starts = sorted(
        m.start()
        for pattern in (_SYMBOL_FIRST, _WORD_AFTER)
        for m in pattern.finditer(text, span.start, span.end)
    )
    if len(starts) < 2:
        return []
    bounds = [span.start, *starts[1:], span.end]
    return list(pairwise(bounds))
