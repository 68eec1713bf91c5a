"""Figures over time: the numbers a story reports (the dead, the displaced, the arrested).

A figure is a number with what it counts, read off one sentence by rules:

* the number: ``70,000``, ``1.5 million``, ``302``, ``three`` (spelled-out numbers up to
  twenty, and ``a million``); years, dates, times, ages, money and percentages are not
  counts of people and are skipped;
* its qualifier: ``more than``, ``over``, ``nearly``, ``at least``, ``about``...;
* what it counts: a cue word after the number in the same clause (``93,000 people have
  been killed``, ``302 deaths``), else the nearest cue before it with no other number in
  between (``has killed more than 70,000 people``, ``the death toll has reached 11``).
  Cues map to a normalised category: ``killed``, ``wounded``, ``refugees``,
  ``displaced``, ``arrested``, ``missing``, ``in need``;
* when it was reported: the article's publication date when it anchors, else unknown.

Figures are grouped by category, so a report can show the death toll going from
70,000 to 93,000. Every figure cites its sentence and the offsets of the number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dateline.model import Corpus, Span
from dateline.options import Options
from dateline.timeline.text import STOPWORDS

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
    "displaced": ("displaced", "homeless", "evacuated", "uprooted"),
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
    "times point points cities towns villages countries nations kg tons tonnes".split()
)
# Words after a number that are not what it counts.
NOT_UNITS = STOPWORDS | {"mark", "figure", "level", "threshold", "total", "number", "others"}
AFTER_WINDOW = 6  # words after the number searched for a cue
BEFORE_WINDOW = 14  # words before it

_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALIFIER}))\s+(?:the\s+)?)?"
    r"(?<![\w$£€.,/:-])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a|"
    + "|".join(WORD_NUMBERS)
    + r")(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?(?![\w%$:/-]|[.,]\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d[\d,.]*")
_CLAUSE_END = re.compile(r"[;:()\[\]—–]|\s-\s|,|\bbut\b|\bwhile\b|\bwhereas\b")
_AND = re.compile(r"\band\b")


@dataclass(frozen=True)
class Figure:
    """A number a sentence reports, with what it counts and when it was reported."""

    span: Span  # the sentence
    number: tuple[int, int]  # offsets of qualifier + number + scale in the article text
    quantity: float
    qualifier: str  # "" when the number stands alone; lower case as written otherwise
    category: str  # killed, wounded, refugees, displaced, arrested, missing, in need
    cue: str  # the word that says what is counted: "killed", "fled", "deaths"
    unit: str  # the noun counted when written: "people", "civilians"; "" otherwise
    reported: dt.date | None  # the article's publication date, when it anchors


@dataclass(frozen=True)
class FigureSeries:
    """Every figure of one category, in reporting order (undated first)."""

    category: str
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


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _looks_like_date_or_year(text: str, start: int, end: int, raw: str, scale: str | None) -> bool:
    before = _words(text[max(0, start - 12) : start])[-1:]
    after = _words(text[end : end + 12])[:1]
    if (before and before[0] in MONTHS) or (after and after[0] in MONTHS):
        return True
    plain = raw.isdigit() and len(raw) == 4 and not scale
    return plain and 1800 <= int(raw) <= 2100


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


def _cue_after(words: list[str]) -> tuple[str, str] | None:
    """(cue, unit) from the words right after the number."""
    if words and words[0] in NOT_COUNTS:
        return None
    unit = _unit(words)
    for i, word in enumerate(words[:AFTER_WINDOW]):
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


def _cue_before(words: list[str]) -> str | None:
    for word in reversed(words[-BEFORE_WINDOW:]):
        if any(ch.isdigit() for ch in word):
            return None
        if word in CUES and word != "need":
            return word
    return None


def figures_in_sentence(text: str, span: Span, reported: dt.date | None) -> Iterator[Figure]:
    """The figures of the sentence ``text[span.start:span.end]`` (offsets into ``text``)."""
    for match in _NUMBER.finditer(text, span.start, span.end):
        raw, scale = match.group("num"), match.group("scale")
        quantity = parse_quantity(raw, scale)
        start, end = match.start("num"), match.end()
        if quantity is None or _looks_like_date_or_year(text, start, end, raw, scale):
            continue
        after = _words(_clause_after(text, end, span.end))
        found = _cue_after(after)
        unit = found[1] if found else ""
        cue = found[0] if found else None
        if cue is None and not (after and after[0] in NOT_COUNTS):
            cue = _cue_before(_words(_clause_before(text, span.start, match.start())))
            unit = _unit(after)
        if cue is None or (raw.lower() in WORD_NUMBERS and not unit and not found):
            continue
        qualifier = " ".join((match.group("qual") or "").lower().split())
        yield Figure(
            span, (match.start(), end), quantity, qualifier, CUES[cue], cue, unit, reported
        )


def extract_figures(corpus: Corpus, opts: Options | None = None) -> tuple[Figure, ...]:
    """Every figure in the corpus, in article then text order."""
    opts = opts or Options()
    out: list[Figure] = []
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        pub = article.pub_date
        reported = pub.value if pub.anchors(opts.anchor_confidence) else None
        for start, end in ann.sentences:
            span = Span(article.id, start, end)
            out.extend(figures_in_sentence(article.text, span, reported))
    return tuple(out)


def _order(figure: Figure) -> tuple[int, dt.date, float, Span]:
    return (
        figure.reported is not None,
        figure.reported or dt.date.min,
        figure.quantity,
        figure.span,
    )


def group_figures(figures: Iterable[Figure]) -> tuple[FigureSeries, ...]:
    """Series by category, largest series first; figures by date, then quantity."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.category].append(figure)
    series = [FigureSeries(cat, tuple(sorted(figs, key=_order))) for cat, figs in groups.items()]
    series.sort(key=lambda s: (-len(s.figures), s.category))
    return tuple(series)


def figures_over_time(corpus: Corpus, opts: Options | None = None) -> tuple[FigureSeries, ...]:
    """Extract and group: what the briefing shows."""
    return group_figures(extract_figures(corpus, opts))
