"""Which sentences of an article tell another story than the corpus's.

A pile of articles about one story gives figures of other stories in passing: the
Japanese earthquake's dead in a Syria corpus, a sidebar list of past terror attacks,
another country's floods on the same news page. Their numbers must not join the
story's series. A sentence tells another story when

* it names a place or a people (spaCy's PLACE and GROUP mentions) that is none of the
  story's core names, and none of the story's own widely used names ("home" names:
  Syria, Assad, Damascus in a Syria story); or
* it names no home name and dates itself more than a year before the story starts
  ("Bali in 2005", "the 1948 war"), other than as a start ("since 1981"); or
* its article names no home name at all (a page about another story).

A sentence that names no place either way continues the story of the sentence before
it: "A further 209 people were injured." after a sentence on the Lockerbie bombing is
Lockerbie's, and "The Red Cross says four million people are still homeless" in a
transcript's report from Pakistan (one sentence a paragraph) is Pakistan's; unless it
names one of the story's core names ("At least 72 people have died of the virus, the
World Health Organization says" in a swine-flu story, after sentences on Japan).

Names alone miss another story told in the story's own places (a drug war's dead in a
swine-flu corpus set in Mexico): a count of people whose sentence names only causes of
other kinds than the story's counts name (:data:`CAUSES`) is another story's too.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.model import (
    Annotations,
    Article,
    Corpus,
    EntityKind,
    EntityMention,
    Timex,
    TimexType,
)
from dateline.options import Options
from dateline.timeline.story import find_story_focus

# Home names: core names used by at least this share of the articles that use the most
# widely used one. In the Egypt corpus "egypt" is in 94% of articles, "mubarak" in 80%,
# "cairo" in 70% and "chicago" (a sidebar headline on many CNN pages) in 33%: Chicago is
# a core name (its mention is no sign of another story) but not a home name (its
# mention alone does not put a sentence on the story).
HOME_SHARE = 0.5
HISTORY_DAYS = 365  # a sentence dated this long before the story starts is history
NAME_STEM = 4  # a place word and a story name sharing a start this long are one name
_NAME = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
# Names are written capitalised: "Square" of "Tahrir Square" is a name, "square" a word.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*")
_START = re.compile(r"\b(?:since|from|as of|between|until|after)\s*$", re.IGNORECASE)
_PLACES = (EntityKind.PLACE, EntityKind.GROUP)


@dataclass(frozen=True)
class StoryTerms:
    """What a sentence on the corpus's story names, and when the story starts."""

    home: frozenset[str]  # the story's widely used names (lowercased)
    known: frozenset[str]  # every core name: naming one is no sign of another story
    start: dt.date | None  # the story's start (its first article, less a lead-in)
    # The ids of the corpus's articles that name a home name, when known (it saves
    # reading every text again).
    naming_home: frozenset[str] | None = None


def find_story_terms(corpus: Corpus, opts: Options) -> StoryTerms:
    """The story's home and core names and its start, from the corpus alone."""
    focus = find_story_focus(corpus, opts)
    use = dict.fromkeys(focus.names, 0)
    named: dict[str, set[str]] = {}
    for article in corpus.articles:
        named[article.id] = use.keys() & set(_NAME.findall(article.text.lower()))
        for name in named[article.id]:
            use[name] += 1
    top = max(use.values(), default=0)
    home = frozenset(n for n, count in use.items() if top and count >= HOME_SHARE * top)
    naming_home = frozenset(i for i, names in named.items() if names & home)
    return StoryTerms(home, frozenset(focus.names), focus.start or focus.first, naming_home)


def other_story_sentences(
    article: Article, ann: Annotations, story: StoryTerms
) -> set[tuple[int, int]]:
    """The sentences of ``article`` (as ``ann.sentences`` bounds) that tell another story."""
    if not story.home:
        return set()
    text = article.text
    if story.naming_home is not None:
        names_home = article.id in story.naming_home
    else:
        names_home = bool(story.home & set(_NAME.findall(text.lower())))
    if not names_home:
        return set(ann.sentences)
    out: set[tuple[int, int]] = set()
    elsewhere = False
    mentions = sorted((m for m in ann.entities if m.kind in _PLACES), key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]
    timexes = sorted(ann.timexes, key=lambda t: t.start)
    timex_starts = [t.start for t in timexes]
    for start, end in ann.sentences:
        names = {w.lower() for w in _CAPITALISED.findall(text, start, end)}
        places = [
            set(_NAME.findall(m.text.lower()))
            for m in mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        ]
        other = any(not _is_known(p, story) for p in places)
        in_sentence = timexes[bisect_left(timex_starts, start) : bisect_left(timex_starts, end)]
        if names & story.home:
            elsewhere = False  # "since the uprising began in March 2011": the story's past
        elif _is_history(in_sentence, text, story.start):
            elsewhere = True
        elif places:
            elsewhere = other
        elif names & story.known:
            elsewhere = False  # "..., the World Health Organization says" in a flu story
        if elsewhere:
            out.add((start, end))
    return out


def names_elsewhere(
    text: str, mentions: Sequence[EntityMention], start: int, end: int, story: StoryTerms
) -> bool:
    """Whether ``text[start:end]`` names a place or a people none of the story's names,
    and no home name: "$1.4 billion in foreign aid for Pakistan" in a swine-flu story."""
    if story.home & set(_NAME.findall(text[start:end].lower())):
        return False
    return any(
        m.kind in _PLACES
        and start <= m.start
        and m.end <= end
        and not _is_known(set(_NAME.findall(m.text.lower())), story)
        for m in mentions
    )


def _is_known(place: set[str], story: StoryTerms) -> bool:
    """Whether a place or people is one of the story's names, or a form of one
    ("mexicans" of "mexican", "pakistani" of "pakistan")."""
    names = story.known | story.home
    return bool(place & names) or any(
        len(name) >= NAME_STEM and (word.startswith(name) or name.startswith(word))
        for word in place
        if len(word) >= NAME_STEM
        for name in names
    )


def _is_history(timexes: Sequence[Timex], text: str, story: dt.date | None) -> bool:
    if story is None:
        return False
    limit = story - dt.timedelta(days=HISTORY_DAYS)
    return any(
        t.type is TimexType.DATE
        and t.interval is not None
        and t.interval.end < limit
        and not _START.search(text[max(0, t.start - 12) : t.start])
        for t in timexes
    )


# What a count of people names as its cause, by kind: our own list of the causes of death
# and flight that news reports name. A story's counts keep to a few kinds (a flu story's
# to disease, a war's to violence, an oil-rig blast's to explosion and fire); a count
# whose sentence names causes of other kinds only tells another story ("The death toll
# from a fire at a day-care center in northern Mexico rose to 35" in a swine-flu
# corpus). Two-word causes are read before their words: a "drug war" is crime, not war.
CAUSES: dict[str, frozenset[str]] = {
    "disease": frozenset(
        """flu influenza virus viruses disease diseases outbreak epidemic pandemic strain
        infection infections cholera malaria measles ebola aids hiv sars pneumonia
        illness""".split()
    ),
    "violence": frozenset(
        """war wars conflict fighting violence clashes uprising revolt revolution crackdown
        protests protest unrest demonstrations riots insurgency shelling bombing
        bombings airstrikes airstrike attack attacks offensive battle battles massacre
        terrorist terrorists terrorism""".split()
    ),
    # "drugs" alone are as often medicines ("a million doses of antiviral drugs")
    "crime": frozenset("cartel cartels gang gangs murders homicides trafficking".split()),
    "quake": frozenset("earthquake earthquakes quake quakes tsunami aftershock".split()),
    "weather": frozenset(
        """flood floods flooding storm storms hurricane cyclone typhoon tornado landslide
        landslides heatwave drought famine""".split()
    ),
    # Blasts, fires and crashes are one kind: an oil rig that "exploded", "caught fire"
    # and sank in an "accident" is one event told three ways.
    "accident": frozenset(
        """explosion explosions blast blasts fire fires blaze wildfire wildfires crash
        crashes accident accidents collision derailment blowout""".split()
    ),
}
_CAUSE_PAIRS = {
    "drug war": "crime",
    "drug wars": "crime",
    "drug violence": "crime",
    "drug related": "crime",
    "turf war": "crime",
    "turf wars": "crime",
    "gang war": "crime",
    "heart attack": "disease",
}
_CAUSE_OF = {word: kind for kind, words in CAUSES.items() for word in words}
_CAUSE_WORD = re.compile(r"[a-z]+")
# A kind of cause is the story's when the counts of this many articles name it, and at
# least this share of the articles whose counts name any cause.
CAUSE_ARTICLES = 3
CAUSE_SHARE = 0.1


def causes_named(sentence: str) -> frozenset[str]:
    """The kinds of cause a sentence names: "the virus has killed 60" -> {"disease"}."""
    words = _CAUSE_WORD.findall(sentence.lower())
    kinds: set[str] = set()
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in _CAUSE_PAIRS:
            kinds.add(_CAUSE_PAIRS[pair])
            skip = True
        elif word in _CAUSE_OF:
            kinds.add(_CAUSE_OF[word])
    return frozenset(kinds)


def story_causes(named: Iterable[tuple[str, frozenset[str]]]) -> frozenset[str]:
    """The kinds of cause the story's counts name, from (article id, kinds named) of
    each count; none when too few counts name one to tell."""
    by_kind: dict[str, set[str]] = {}
    naming: set[str] = set()
    for article_id, kinds in named:
        if kinds:
            naming.add(article_id)
        for kind in kinds:
            by_kind.setdefault(kind, set()).add(article_id)
    return frozenset(
        kind
        for kind, articles in by_kind.items()
        if len(articles) >= CAUSE_ARTICLES and len(articles) >= CAUSE_SHARE * len(naming)
    )
