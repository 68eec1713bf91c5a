"""Figures over time: the numbers a story reports (the dead, the displaced, the arrested).

A figure is a number with what it counts, read off one sentence by rules:

* the number: ``70,000``, ``1.5 million``, ``302``, ``three`` (spelled-out numbers up to
  twenty, and ``a million``); years, dates, times, ages and percentages are not counts
  of people and are skipped, and so is a count no event could reach (below); money is
  a category of its own (:mod:`figure_money`);
* its qualifier: ``more than``, ``over``, ``nearly``, ``at least``, ``about``...;
* what it counts: a cue word after the number in the same clause (``93,000 people have
  been killed``, ``302 deaths``), else the nearest cue before it with no other number in
  between (``has killed more than 70,000 people``, ``the death toll has reached 11``).
  Cues map to a normalised category: ``killed``, ``wounded``, ``refugees``,
  ``displaced``, ``arrested``, ``missing``, ``in need``;
* its kind: a *headline* figure is a running total of the story ("more than 93,000
  killed since March 2011", "the death toll has risen to 302", a refugee count), an
  *incident* count is tied to one place or day ("4 were killed in Homs on Friday"), and
  an *other-story* figure belongs to another story told in passing (a Japanese
  earthquake in a Syria corpus, a list of past attacks): see :mod:`figure_story`;
* who gives it (:mod:`figure_source`): "according to the UN", "activists said", the
  speaker of the direct quote it sits in;
* the date it refers to: the day its sentence names ("on Friday"), else the article's
  publication date when it anchors, else unknown.

Figures are grouped into series by category and kind, and headline series by source
too, so a report can show the UN's death toll going from 70,000 to 93,000 beside the
government's. Every figure cites its sentence and the offsets of the number.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dateline.briefing.figure_source import clean_source, find_source, source_key
from dateline.furniture import find_furniture
from dateline.model import Corpus, EntityMention, Quote, Span, Timex, TimexType
from dateline.options import Options
from dateline.text import STOPWORDS, speaks_personally

if TYPE_CHECKING:
    from dateline.briefing.figure_story import StoryTerms

CATEGORIES: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed",
        "dead",
        "deaths",
        "death",
        "died",
        "die",
        "fatalities",
        "lives",
        "slain",
        "massacred",
        "bodies",
        "perished",
        "toll",
        "murdered",
        "executed",
    ),
    "wounded": ("wounded", "injured", "hurt", "injuries", "casualties"),
    "refugees": ("refugees", "refugee", "fled", "flee", "fleeing", "asylum"),
    "displaced": ("displaced", "homeless", "uprooted"),
    # people taken out of harm's way: a flood's evacuees, or foreigners flown home
    # ("500 Americans have been evacuated from Egypt"), not the story's displaced
    "evacuated": ("evacuated", "evacuees"),
    "arrested": (
        "arrested",
        "detained",
        "jailed",
        "imprisoned",
        "detainees",
        "arrests",
        "prisoners",
        "held",
        "rounded",
    ),
    "missing": ("missing", "disappeared", "kidnapped", "abducted", "hostages"),
    "in need": ("need",),
}
CUES = {cue: category for category, cues in CATEGORIES.items() for cue in cues}

# The largest count of people a figure of each category can give before it is junk (a
# misread "$610 billion", a population taken for a count of the injured). The stocks
# (refugees, displaced, in need) stop above the world's total of forcibly displaced
# people, about 110 million in 2023 (UNHCR Global Trends); the flows stop at two
# million killed or wounded and a million held or missing, above what the deadliest
# events of recent news (Rwanda 1994, the 2004 tsunami, Syria's war) were counted at.
MAX_COUNT = {
    "killed": 2e6,
    "wounded": 2e6,
    "arrested": 1e6,
    "missing": 1e6,
    "refugees": 1.2e8,
    "displaced": 1.2e8,
    "evacuated": 1.2e8,
    "in need": 1.2e8,
}

QUALIFIERS = (
    "more than",
    "over",
    "upwards of",
    "in excess of",
    "at least",
    "nearly",
    "almost",
    "close to",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "an estimated",
    "estimated",
    "up to",
    "as many as",
    "fewer than",
    "less than",
    "under",
    "at most",
    "well over",
)
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
WORD_NUMBERS = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Nouns after a number that say it is not a count of people.
NOT_COUNTS = frozenset(
    "years year days day weeks week months month hours hour minutes percent per cent "
    "pm am a.m. p.m. km miles kilometres kilometers metres meters dollars euros pounds "
    "times point points cities towns villages countries nations kg tons tonnes decades "
    "decade centuries century dozen dozens flights hospitals buildings houses homes vehicles "
    "cars trucks planes ships prisons provinces states districts doses dose vaccines masks "
    "tablets pills barrels gallons litres liters".split()
)
# Words after a number that are not what it counts.
NOT_UNITS = STOPWORDS | {"mark", "figure", "level", "threshold", "total", "number", "others"}
# Words right after a number that say it counts something else than people killed, hurt,
# held or uprooted, even when a cue comes near it ("4,714 confirmed cases including four
# deaths", "died ... and 1,004 people reported infected", "1,600 hospitalized").
OTHER_COUNTED = frozenset(
    "cases infections infected patients samples tests seats votes hospitalized "
    "hospitalised sickened ill".split()
)
OTHER_COUNTED_WINDOW = 3  # words after the number, auxiliaries not counted
# Skipped when looking for what else a number counts: "701 people have been infected".
_AUXILIARIES = frozenset("have has had been be being were was are is".split())
# "X was killed and 11 others were wounded": a number followed by one of these starts a
# new group, so what it counts is said after it, never by the cue before it.
NEW_GROUP = frozenset({"others", "more"})
AFTER_WINDOW = 6  # words after the number searched for a cue
BEFORE_WINDOW = 14  # words before it
NEW_GROUP_WINDOW = 12  # words after "11 others" searched, past commas ("..., including two")

HEADLINE, INCIDENT, OTHER_STORY = "headline", "incident", "other-story"
KINDS = (HEADLINE, INCIDENT, OTHER_STORY)
# A count this large with no cue tying it to a place or day is a running total.
HEADLINE_SIZE = 1000
# "have been killed" makes a count a running total from this size: "Four French
# journalists have been arrested" is an incident, "38 people have died" the toll.
PERFECT_SIZE = 10
# A running total this many times the median of its category's running totals (over at
# least OUTLIER_MIN of them) belongs to another story: tolls of one story grow tenfold
# over a corpus's span (Syria's 2011-13 toll: 5,000 to 93,000), not a hundredfold.
OUTLIER_RATIO = 30
OUTLIER_MIN = 5
# Words that make a count a running total of the story: the cues of issue 14 ("since",
# "so far", "in total", "death toll", "the number of ... has risen to").
_CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|thus far|until now|in total|totals?|toll|tally|overall|"
    r"altogether|cumulative|as of|the number of|"
    r"(?:has|have) (?:now )?(?:risen|climbed|grown|reached|jumped|swelled|topped|passed|"
    r"exceeded|surpassed)|(?:rose|rising|risen|climbed|climbing) to)\b",
    re.IGNORECASE,
)
# Nouns that name the whole story's violence, in the number's own clause: "the conflict
# has killed 100,000", "killed in the uprising", "the pandemic has killed".
_STORY_NOUNS = re.compile(
    r"\b(?:conflict|war|civil war|uprising|revolt|revolution|crisis|unrest|crackdown|"
    r"pandemic|epidemic|outbreak)\b",
    re.IGNORECASE,
)
# An increase is no running total: "a rise of 4,638 cases and 18 deaths since the last
# report", "the toll rose by three to 78" (3 is the day's, 78 the total).
_INCREMENT_OF = re.compile(
    r"\b(?:a rise|an increase|a jump|a further|an additional)(?:\s+of)?\b", re.IGNORECASE
)
_INCREMENT_BY = re.compile(
    r"\b(?:rose|risen|rises|increased|increases|grew|jumped|climbed|up)\s+by\s*$",
    re.IGNORECASE,
)
_TO = re.compile(r"\bto\b", re.IGNORECASE)
# Words that tie a count to one event: a day ("on Friday", "yesterday") or an attack.
_INCIDENT = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|overnight|last night|this morning|this afternoon|this evening|"
    r"blast|explosion|bombing|bomb|attack|ambush|raid|air ?strikes?|shelling|shooting|"
    r"stampede|crash|gunmen|gunfire)\b",
    re.IGNORECASE,
)
# A place the count happened in ("in Homs", "in the eastern city of Suez"); the story's
# own country is not one (see ``home`` below).
_PLACE = re.compile(
    r"\b(?:in|near|outside) (?:the )?(?:(?:[a-z]+ )?(?:city|town|village|province|district|"
    r"governorate|region|neighbou?rhood|suburb|area|port) of )?(?P<place>[A-Z][\w'’-]+)"
)
# "have been killed", "has killed", "have fled": a count that has accumulated.
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+)?(?:been\b|died\b|fled\b|killed\b|left\b|"
    r"claimed\b|lost\b)",
    re.IGNORECASE,
)

_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# The number alone: its qualifier is looked for before it (``_QUALIFIER_BEFORE``), only
# when it counts something (a qualifier tried at every character was most of the time).
_NUMBER = re.compile(
    r"(?<![\w$£€.,/:\\-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a|"
    + "|".join(WORD_NUMBERS)
    + r")(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?(?!['’]s\b|[\w%$:/\\-]|[.,]\d)",
    re.IGNORECASE,
)
# What any match of ``_NUMBER`` or a sum needs: a digit, a number word or a scale ("a
# thousand"). Most sentences have none, and this is far cheaper to look for.
_QUALIFIER_BEFORE = re.compile(rf"\b(?P<qual>{_QUALIFIER})\s+(?:the\s+)?$", re.IGNORECASE)
_QUALIFIER_REACH = max(len(q) for q in QUALIFIERS) + len(" the ") + 4  # spaces between
_COUNT_WORDS = [*WORD_NUMBERS, *SCALES]
_MAY_COUNT = re.compile(  # the lookahead on a first letter halves the search's time
    r"\d|\b(?=["
    + "".join(sorted({w[0] for w in _COUNT_WORDS}))
    + r"])(?:"
    + "|".join(_COUNT_WORDS)
    + r")\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d[\d,.]*")
# "several officials were killed when 1,000 inmates escaped": "when" starts a new clause.
# A comma ends a clause, not the one inside a number ("4,638").
_CLAUSE_END = re.compile(
    r"[;:()\[\]—–]|\s-\s|,(?!\d)|\b(?:but|while|whereas|when|because|before|where)\b"
)
_CLAUSE_PUNCT = re.compile(r"[;:()\[\]—–]|,(?!\d)|\s-\s")
_AND = re.compile(r"\band\b")
# Counts that are not tolls: a forecast ("20,000 will die", "could kill 2 million"), a
# rate ("2 people die daily", "10,000 die each year"), a ratio ("1 out of 8"), an age
# ("those over the age of 65").
_FORECAST = re.compile(
    r"\b(?:will|would|could|might)\s+(?:not\s+|also\s+|still\s+)?(?:die|kill|be|claim|leave)\b",
    re.IGNORECASE,
)
_RATE = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:daily|a day|per day|each day|every day|a year|per year|each year|"
    r"every year|annually|a week|per week|each week|a month|per month)\b|^\s*out of\b",
    re.IGNORECASE,
)
# People "held" for their health are not under arrest (h1n1: Mexicans kept in a
# Shanghai hotel, "held in quarantine").
_QUARANTINED = re.compile(r"\b(?:quarantin\w*|isolation|isolated|hotels?)\b", re.IGNORECASE)
_GOT_AWAY = re.compile(r"\b(?:escaped|escape|freed|released|broke out)\b", re.IGNORECASE)
_NOBODY = re.compile(r"\b(?:no|any|every|each|some)\s+$", re.IGNORECASE)
_AGE = re.compile(r"\b(?:age|ages|aged)\s+(?:of\s+)?$", re.IGNORECASE)
# A day after these is where a count starts, not the day it is of ("since the January 25
# rally", "since the uprising began on January 25").
_SINCE = re.compile(r"\b(?:since|from|between|until)\b(?:\s+\S+){0,4}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number a sentence reports, with what it counts, who gives it and its date."""

    span: Span  # the sentence
    number: tuple[int, int]  # offsets of qualifier + number + scale in the article text
    quantity: float
    qualifier: str  # "" when the number stands alone; lower case as written otherwise
    category: str  # killed, wounded, refugees, displaced, arrested, missing, in need, money
    cue: str  # the word that says what is counted: "killed", "fled", "deaths", "pledged"
    unit: str  # the noun counted when written: "people", "civilians"; a sum's currency
    reported: dt.date | None  # the article's publication date, when it anchors
    kind: str  # headline, incident or other-story (KINDS)
    source: str  # who gives it, as written: "the UN", "activists"; "" when not said
    refers: dt.date | None  # the date it refers to: its sentence's day, else ``reported``
    dated_by: str  # "sentence", "publication" or "" (no date known)


@dataclass(frozen=True)
class FigureSeries:
    """Figures of one category and kind, by the date they refer to (undated first).

    A headline series holds one source's figures ("" for figures nobody is said to
    give); incident and other-story series hold every source's."""

    category: str
    kind: str
    source: str
    figures: tuple[Figure, ...]

    @property
    def latest(self) -> Figure:
        return self.figures[-1]


def parse_quantity(num: str, scale: str | None) -> float | None:
    """``70,000`` -> 70000.0; ``1.5`` ``million`` -> 1500000.0; ``three`` -> 3.0."""
    word = num.lower()
    if word == "a":
        value = 1.0 if scale else None
    elif word in WORD_NUMBERS:
        value = WORD_NUMBERS[word]
    else:
        value = float(num.replace(",", ""))
    if value is None:
        return None
    return value * SCALES[scale.lower()] if scale else value


def plausible(category: str, quantity: float) -> bool:
    """Whether a count of people of this category could be real (``MAX_COUNT``)."""
    return 0 < quantity <= MAX_COUNT[category]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _looks_like_date_or_year(text: str, start: int, end: int, raw: str, scale: str | None) -> bool:
    before = _words(text[max(0, start - 12) : start])[-1:]
    after = _words(text[end : end + 12])[:1]
    if (before and before[0] in MONTHS) or (after and after[0] in MONTHS):
        return True
    plain = raw.isdigit() and len(raw) == 4 and not scale
    # "08" of "08/10/2010": nobody writes a count of people with a leading zero.
    return (plain and 1800 <= int(raw) <= 2100) or (raw[:1] == "0" and len(raw) > 1)


def _clause_after(text: str, end: int, sent_end: int) -> str:
    rest = text[end:sent_end]
    stop = _CLAUSE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    stop = _AND.search(rest)
    return rest[: stop.start()] if stop else rest


def _clause_before(text: str, sent_start: int, start: int) -> str:
    head = text[sent_start:start]
    stops = list(_CLAUSE_END.finditer(head))
    # "killed three people and injured more than 600": "and" does not end the clause
    # before, because the cue of the second number sits after it.
    return head[stops[-1].end() :] if stops else head


def _region(text: str, span: Span, start: int, end: int) -> str:
    """The stretch between the clause punctuation around a number, "and" included: where
    a place or a day that the count belongs to is written."""
    head = text[span.start : start]
    stops = list(_CLAUSE_PUNCT.finditer(head))
    lead = span.start + stops[-1].end() if stops else span.start
    stop = _CLAUSE_PUNCT.search(text, end, span.end)
    return text[lead : stop.start() if stop else span.end]


def _cue_after(words: list[str], window: int = AFTER_WINDOW) -> tuple[str, str] | None:
    """(cue, unit) from the words right after the number."""
    if words and words[0] in NOT_COUNTS:
        return None
    unit = _unit(words)
    for i, word in enumerate(words[:window]):
        if any(ch.isdigit() for ch in word):
            return None
        if word in CUES and not (word == "need" and words[i - 1 : i] != ["in"]):
            return word, unit
    return None


def _unit(words: list[str]) -> str:
    """The noun a number counts, when it follows the number: "people", "civilians"."""
    if words and words[0].isalpha() and words[0] not in CUES and words[0] not in NOT_UNITS:
        return words[0]
    return ""


# Cues that say what a number counts only after it ("150 people were held"): before
# it they are mostly other verbs ("the order that has held since ...", "rounded up").
AFTER_ONLY = frozenset({"need", "held", "rounded"})


def _cue_before(words: list[str]) -> str | None:
    for word in reversed(words[-BEFORE_WINDOW:]):
        if any(ch.isdigit() for ch in word):
            return None
        if word in CUES and word not in AFTER_ONLY:
            return word
    return None


def _what_is_counted(text: str, span: Span, start: int, end: int) -> tuple[str, str] | None:
    """(cue, unit) of the number at ``text[start:end]``, or None when nothing is counted."""
    after = _words(_clause_after(text, end, span.end))
    content = [w for w in after if w not in _AUXILIARIES]
    if OTHER_COUNTED & set(content[:OTHER_COUNTED_WINDOW]):
        return None
    found = _cue_after(after)
    if found:
        return found
    if after and after[0] in NOT_COUNTS:
        return None
    if after and after[0] in NEW_GROUP:
        # "One man was killed and 11 others, including two children, were wounded".
        rest = _words(text[end : span.end])
        later = _cue_after(rest, NEW_GROUP_WINDOW) or _cue_in(rest[1:NEW_GROUP_WINDOW])
        return (later[0], "") if later else None
    cue = _cue_before(_words(_clause_before(text, span.start, start)))
    return (cue, _unit(after)) if cue else None


def _not_a_toll(text: str, span: Span, start: int, end: int) -> bool:
    """A forecast, a rate, a ratio or an age: see ``_FORECAST``. A forecast is read in
    the number's clause, "and" ending it: "42 have been evacuated and more will be"."""
    clause = _clause_before(text, span.start, start) + text[start:end]
    return bool(
        _FORECAST.search(clause + _clause_after(text, end, span.end))
        or _RATE.search(text[end : end + 40])
        or _AGE.search(text[max(0, start - 12) : start])
    )


def _cue_in(words: Sequence[str]) -> tuple[str, str] | None:
    """The first cue among ``words``, skipping numbers (a parenthesis "including two")."""
    cue = next((w for w in words if w in CUES and w not in AFTER_ONLY), None)
    return (cue, "") if cue else None


def classify(region: str, sentence: str, quantity: float, home: frozenset[str]) -> str:
    """Headline or incident, from the cues of the number's clause, then of its sentence:
    "302 killed in Egypt's protests, 52 in Alexandria" has one running total.

    ``home`` holds the story's own widely used names (lowercased): "killed in Syria" in
    a Syria story is no more an incident than the story itself."""
    if _CUMULATIVE.search(region) or _STORY_NOUNS.search(region):
        return HEADLINE
    places = (m.group("place").lower() for m in _PLACE.finditer(region))
    if _INCIDENT.search(region) or any(p not in home and p not in MONTHS for p in places):
        return INCIDENT
    if _CUMULATIVE.search(sentence):
        return HEADLINE  # "While the death toll is hard to tell, staffers counted 80 deaths"
    if (_PERFECT.search(region) and quantity >= PERFECT_SIZE) or quantity >= HEADLINE_SIZE:
        return HEADLINE
    return INCIDENT


def _is_increment(text: str, span: Span, lead: int) -> bool:
    """Whether the number at ``lead`` is an increase, not the total it came to."""
    if _INCREMENT_BY.search(text, max(span.start, lead - 30), lead):
        return True
    before = _clause_before(text, span.start, lead)
    last = max((m.end() for m in _INCREMENT_OF.finditer(before)), default=None)
    return last is not None and not _TO.search(before, last)


def _sentence_date(
    text: str, timexes: Sequence[Timex], number: tuple[int, int], reported: dt.date | None
) -> dt.date | None:
    """The day the sentence says its figure is of ("on Friday"), nearest the number; not
    a start ("since March 2011") nor a day after publication (a forecast)."""
    days = [
        t
        for t in timexes
        if t.type is TimexType.DATE
        and t.interval is not None
        and t.interval.start == t.interval.end
        and not _SINCE.search(text[max(0, t.start - 40) : t.start])
        and (reported is None or t.interval.start <= reported)
    ]
    if not days:
        return None
    nearest = min(days, key=lambda t: min(abs(t.start - number[1]), abs(number[0] - t.end)))
    return nearest.interval.start if nearest.interval else None


def figures_in_sentence(
    text: str,
    span: Span,
    reported: dt.date | None,
    timexes: Sequence[Timex] = (),
    home: frozenset[str] = frozenset(),
) -> Iterator[Figure]:
    """The figures of the sentence ``text[span.start:span.end]`` (offsets into ``text``).

    ``timexes`` are the sentence's time expressions, ``home`` the story's own names
    (see :func:`classify`); the figures' kind is headline or incident."""
    if not _MAY_COUNT.search(text, span.start, span.end):
        return
    sentence = text[span.start : span.end]
    if speaks_personally(sentence):
        return
    for match in _NUMBER.finditer(text, span.start, span.end):
        raw, scale = match.group("num"), match.group("scale")
        quantity = parse_quantity(raw, scale)
        start, end = match.start("num"), match.end()
        if quantity is None or _looks_like_date_or_year(text, start, end, raw, scale):
            continue
        qual = _QUALIFIER_BEFORE.search(text, max(span.start, start - _QUALIFIER_REACH), start)
        lead = qual.start() if qual else start  # where the figure's words begin
        found = _what_is_counted(text, span, lead, end)
        region = _region(text, span, lead, end)
        if found is None or _not_a_toll(text, span, lead, end):
            continue
        cue, unit = found
        if raw.lower() in WORD_NUMBERS and not unit and cue not in _words(text[end : span.end]):
            continue  # "one of her staffers was killed": a spelled-out number needs its noun
        if raw.lower() == "one" and (
            _NOBODY.search(text[max(0, start - 8) : start]) or _words(text[end : end + 4]) == ["of"]
        ):
            continue  # "no one lives alone", "one of the greatest casualties"
        category = CUES[cue]
        if not plausible(category, quantity):
            continue
        if category == "arrested" and _GOT_AWAY.search(_clause_after(text, end, span.end)):
            continue  # "1,000 prisoners escaped": no longer held
        if cue == "held" and _QUARANTINED.search(sentence):
            continue  # "70 Mexicans who have been held in a hotel": quarantined, not arrested
        qualifier = " ".join(qual.group("qual").lower().split()) if qual else ""
        number = (lead, end)
        day = _sentence_date(text, timexes, number, reported)
        yield Figure(
            span,
            number,
            quantity,
            qualifier,
            category,
            cue,
            unit,
            reported,
            INCIDENT
            if _is_increment(text, span, lead)
            else classify(region, sentence, quantity, home),
            find_source(text, span, number),
            day or reported,
            "sentence" if day else "publication" if reported else "",
        )
    yield from _money_in_sentence(text, span, reported, timexes)


def _money_in_sentence(
    text: str, span: Span, reported: dt.date | None, timexes: Sequence[Timex]
) -> Iterator[Figure]:
    """The story's money (``figure_money``): a headline figure, as a pledge or a rescue
    package is the story's, never an incident's."""
    from dateline.briefing.figure_money import MONEY, sums_in_sentence

    for start, end, amount, currency, cue in sums_in_sentence(text, span):
        qual = _QUALIFIER_BEFORE.search(text, max(span.start, start - _QUALIFIER_REACH), start)
        number = (qual.start() if qual else start, end)
        day = _sentence_date(text, timexes, number, reported)
        yield Figure(
            span,
            number,
            amount,
            " ".join(qual.group("qual").lower().split()) if qual else "",
            MONEY,
            cue,
            currency,
            reported,
            HEADLINE,
            find_source(text, span, number),
            day or reported,
            "sentence" if day else "publication" if reported else "",
        )


def _quote_speaker(quotes: Sequence[Quote], number: tuple[int, int]) -> str:
    """The speaker of the direct quote the number is in (a reported-speech span is too
    often wider than what its speaker said)."""
    for quote in quotes:
        if quote.direct and quote.start <= number[0] < quote.end and quote.speaker_name:
            return clean_source(quote.speaker_name)
    return ""


def extract_figures(corpus: Corpus, opts: Options | None = None) -> tuple[Figure, ...]:
    """Every figure in the corpus, in article then text order, with its kind (headline,
    incident or other-story) and, when a quote's speaker gives it, that speaker."""
    from dateline.briefing.figure_story import (
        HISTORY_DAYS,
        find_story_terms,
        other_story_sentences,
    )

    opts = opts or Options()
    story = find_story_terms(corpus, opts)
    # A figure its sentence dates long before the story began is history's ("$20
    # billion" beside the Sept. 11 fund in an oil-spill corpus), whatever it names.
    history = story.start - dt.timedelta(days=HISTORY_DAYS) if story.start else None
    out: list[Figure] = []
    furniture = find_furniture(corpus.articles)
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        pub = article.pub_date
        reported = pub.value if pub.anchors(opts.anchor_confidence) else None
        elsewhere = other_story_sentences(article, ann, story)
        timexes = sorted(ann.timexes, key=lambda t: t.start)
        timex_starts = [t.start for t in timexes]
        for start, end in ann.sentences:
            if furniture.covers(article.id, start, end):
                continue
            span = Span(article.id, start, end)
            lo, hi = bisect_left(timex_starts, start), bisect_left(timex_starts, end)
            sentence_timexes = timexes[lo:hi]
            for figure in figures_in_sentence(
                article.text, span, reported, sentence_timexes, story.home
            ):
                # The sentence's own "according to" is nearer the number than a speaker.
                source = figure.source or _quote_speaker(ann.quotes, figure.number)
                kind = figure.kind
                if (
                    (start, end) in elsewhere
                    or (history and figure.refers and figure.refers < history)
                    or _money_elsewhere(article.text, span, figure, ann.entities, story)
                ):
                    kind = OTHER_STORY
                out.append(replace(figure, kind=kind, source=source))
    texts = {a.id: a.text for a in corpus.articles}
    return tuple(mark_outliers(mark_other_causes(out, texts)))


def _money_elsewhere(
    text: str, span: Span, figure: Figure, mentions: Sequence[EntityMention], story: StoryTerms
) -> bool:
    """A sum of a sentence that lists several is another story's when its own words name
    another place and not the story ("... $7.7 billion to address the H1N1 flu pandemic,
    and $1.4 billion in foreign aid for Pakistan")."""
    from dateline.briefing.figure_money import MONEY, sum_segments
    from dateline.briefing.figure_story import names_elsewhere

    if figure.category != MONEY:
        return False
    last = figure.number[1] - 1
    return any(
        lo <= last < hi and names_elsewhere(text, mentions, lo, hi, story)
        for lo, hi in sum_segments(text, span)
    )


def mark_other_causes(figures: Sequence[Figure], texts: dict[str, str]) -> list[Figure]:
    """A count of people whose sentence names causes of other kinds than the story's
    counts do is another story's (:data:`figure_story.CAUSES`): a fire's dead in a flu
    story, a drug war's in a flu story set in Mexico."""
    from dateline.briefing.figure_money import MONEY
    from dateline.briefing.figure_story import causes_named, story_causes

    people = [
        i for i, f in enumerate(figures) if f.category != MONEY and f.kind in (HEADLINE, INCIDENT)
    ]
    named = {
        i: causes_named(
            texts[figures[i].span.article_id][figures[i].span.start : figures[i].span.end]
        )
        for i in people
    }
    story = story_causes((figures[i].span.article_id, kinds) for i, kinds in named.items())
    if not story:
        return list(figures)
    return [
        replace(f, kind=OTHER_STORY) if i in named and named[i] and not named[i] & story else f
        for i, f in enumerate(figures)
    ]


def mark_outliers(figures: Sequence[Figure]) -> list[Figure]:
    """A headline figure ``OUTLIER_RATIO`` times the median of its category's headline
    figures is another story's (the 1957 pandemic's "2 million" in a swine-flu corpus,
    "100,000 lives" of a flood in a Cairo protest corpus)."""
    values: dict[str, list[float]] = defaultdict(list)
    for figure in figures:
        if figure.kind == HEADLINE:
            values[figure.category].append(figure.quantity)
    median = {c: sorted(v)[len(v) // 2] for c, v in values.items() if len(v) >= OUTLIER_MIN}
    return [
        replace(f, kind=OTHER_STORY)
        if f.kind == HEADLINE
        and f.category in median
        and f.quantity > OUTLIER_RATIO * median[f.category]
        else f
        for f in figures
    ]


def _order(figure: Figure) -> tuple[int, dt.date, float, Span]:
    return (
        figure.refers is not None,
        figure.refers or dt.date.min,
        figure.quantity,
        figure.span,
    )


def group_figures(figures: Iterable[Figure]) -> tuple[FigureSeries, ...]:
    """Headline series first (by category, one per source), then incident and
    other-story series (one per category); figures by date, then quantity.

    Categories of people come in order of their headline figures, then of all their
    figures, and money last; a category's sources in order of their figures."""
    groups: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for figure in figures:
        key = source_key(figure.source) if figure.kind == HEADLINE else ""
        groups[(figure.category, figure.kind, key)].append(figure)
        names[key][figure.source] += figure.kind == HEADLINE
    headline: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (category, kind, _), figs in groups.items():
        total[category] += len(figs)
        headline[category] += len(figs) if kind == HEADLINE else 0
    # People before money: a story's toll is its headline, its pledges come after.
    rank = {
        c: i
        for i, c in enumerate(
            sorted(total, key=lambda c: (c == "money", -headline[c], -total[c], c))
        )
    }
    series = [
        FigureSeries(
            category,
            kind,
            names[key].most_common(1)[0][0] if key else "",
            tuple(sorted(figs, key=_order)),
        )
        for (category, kind, key), figs in groups.items()
    ]
    series.sort(
        key=lambda s: (KINDS.index(s.kind), rank[s.category], not s.source, -len(s.figures))
    )
    return tuple(series)


def figures_over_time(corpus: Corpus, opts: Options | None = None) -> tuple[FigureSeries, ...]:
    """Extract and group: what the briefing shows."""
    return group_figures(extract_figures(corpus, opts))


def headline_figures(series: Iterable[FigureSeries], category: str) -> list[Figure]:
    """A category's headline figures from every source, by date: one figure per source
    and date (the largest: the most recent count of a day), undated first."""
    best: dict[tuple[dt.date | None, str], Figure] = {}
    for s in series:
        if s.category != category or s.kind != HEADLINE:
            continue
        for figure in s.figures:
            key = (figure.refers, source_key(figure.source))
            if key not in best or figure.quantity > best[key].quantity:
                best[key] = figure
    return sorted(best.values(), key=_order)


def key_points(figures: Sequence[Figure], limit: int) -> list[Figure]:
    """At most ``limit`` of ``figures`` (in their order) that tell the series: the first,
    the last, the largest, and others evenly spread between."""
    if len(figures) <= limit:
        return list(figures)
    largest = max(range(len(figures)), key=lambda i: figures[i].quantity)
    keep = {0, len(figures) - 1, largest}
    step = (len(figures) - 1) / max(1, limit - 1)
    for i in range(limit):
        if len(keep) >= limit:
            break
        keep.add(round(i * step))
    return [figures[i] for i in sorted(keep)]
