"""The word lists the expectation extractor works from, each with where it comes from.

All lists were written for dateline by reading the demo corpus and the Timeline17 dev
topics (egypt, finan, h1n1, mj, bpoil) and from general English usage; none is copied
from another resource. docs/expectations.md explains how each is used.
"""

from __future__ import annotations

import re

from dateline.expectations.model import Modality

# Event nouns: the heads of anticipated or planned events, mapped to an event class.
# Expectations link only within one class, so "conference", "talks" and "meeting" (the
# demo's Geneva conference is called all three) share one, and a concert never links to
# a burial (on mj, one broad "gathering" class chained them). Singular forms; a plural "s"
# or "es" is accepted by the matcher.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "meeting": (
        "conference", "talks", "talk", "meeting", "negotiations", "negotiation",
        "session", "round", "consultations", "dialogue", "forum", "convention", "congress",
    ),
    "summit": ("summit",),  # leaders' meetings: rarely called by the names above
    "vote": (
        "vote", "referendum", "election", "elections", "poll", "polls", "ballot", "runoff",
        "run-off",
    ),
    "court": ("trial", "hearing", "verdict", "sentencing", "ruling", "appeal", "inquest"),
    "release": (
        "release", "publication", "announcement", "decision", "launch",
        "rollout", "roll-out",
    ),
    "withdrawal": ("withdrawal", "pullout", "pull-out", "handover", "transfer", "transition"),
    "deadline": ("deadline", "ultimatum"),
    "performance": (
        "concert", "concerts", "tour", "show", "festival", "games", "gig",
    ),
    "ceremony": (
        "memorial", "funeral", "ceremony", "service", "burial", "inauguration",
        "anniversary", "parade", "celebration", "celebrations",
    ),
    "protest": (
        "rally", "protest", "protests", "march", "strike", "demonstration", "demonstrations",
    ),
    "visit": ("visit", "trip"),
    "agreement": ("ceasefire", "cease-fire", "truce", "agreement", "deal"),
    "money": (
        "bailout", "package", "rescue", "sale", "auction", "merger", "offering", "ipo",
    ),
    "law": ("bill", "law", "constitution"),
    "health": ("vaccine", "vaccination", "vaccinations", "campaign", "test", "tests"),
    "operation": ("operation", "cap", "kill", "well", "delivery", "shipment", "shipments"),
    "inquiry": ("autopsy", "investigation", "probe", "review"),
}  # fmt: skip
EVENT_NOUNS: dict[str, str] = {noun: cls for cls, nouns in EVENT_CLASSES.items() for noun in nouns}
# Any event noun in lowercased text (a quick test before a sentence is read word by word).
_LONGEST_FIRST = "|".join(sorted(EVENT_NOUNS, key=len, reverse=True))
EVENT_WORD = re.compile(rf"(?<![\w-])(?:re-)?(?:{_LONGEST_FIRST})(?:e?s)?(?![\w-])")

# Words that may stand before an event noun as part of its name ("peace talks", "the
# international conference", "presidential election"): kept in the event phrase.
EVENT_MODIFIERS = frozenset(
    """international peace presidential parliamentary general national emergency
    special annual final first second third next new further fresh direct formal
    official joint regional local constitutional memorial public private relief static
    top high-level ministerial two-day three-day one-day week-long multilateral bilateral
    security crisis budget stimulus rescue bailout""".split()
)

# Modality cues: regular expressions over the lowercased sentence, by modality. A
# sentence's strongest cue wins, in the order of MODALITY_ORDER (a "postponed" report
# outranks the "planned" date it mentions; a "might" outranks a plain "will").
_CUES: dict[Modality, tuple[str, ...]] = {
    Modality.CANCELLED: (
        r"cancel(?:l)?ed", r"cancel(?:l)?ing", r"called off", r"calls? off", r"scrapped",
        r"abandoned", r"did not take place", r"didn't take place", r"will not take place",
        r"won't take place", r"will not be held", r"not be held", r"was not held",
        r"never took place", r"never taking place", r"never happened",
    ),
    Modality.POSTPONED: (
        r"postpone[ds]?", r"postponing", r"postponement", r"delay(?:ed|s)?", r"delaying",
        r"put off", r"pushed back", r"push(?:ed)? back", r"reschedul(?:ed|ing)",
        r"deferred", r"defer", r"adjourned", r"slipped", r"slip", r"held off",
        r"(?:initially|originally) (?:scheduled|planned|set|due)", r"had been scheduled",
    ),
    Modality.DEMANDED: (
        r"call(?:s|ed|ing)? for", r"urg(?:e|es|ed|ing)", r"demand(?:s|ed|ing)?",
        r"insist(?:s|ed|ing)? (?:that|on)", r"press(?:es|ed|ing)? for", r"must",
        r"essential that", r"need(?:s)? to be held", r"appeal(?:s|ed)? for",
        r"should .{0,40}?(?:as soon as possible|immediately|without delay|urgently)",
        r"push(?:es|ed|ing)? for", r"press(?:es|ed|ing)?\b[^;]{0,40}?\bto",
    ),
    Modality.POSSIBLE: (
        r"might", r"may", r"could", r"possibl[ey]", r"perhaps", r"maybe", r"if .{0,30}?held",
        r"consider(?:s|ed|ing)? (?:holding|a)", r"not ruled out",
    ),
    Modality.EXPECTED: (
        r"expect(?:s|ed|ing)?", r"likely", r"hope[sd]?(?: that)?", r"hoping", r"anticipate[sd]?",
        r"should", r"would", r"predict(?:s|ed)?", r"forecast", r"on track", r"aims? to",
        r"intend(?:s|ed)?", r"probably", r"soon", r"await(?:s|ed|ing)?",
    ),
    Modality.PLANNED: (
        r"schedul(?:e|ed|es)", r"planned", r"plans? to", r"plans", r"planning", r"set (?:to|for)",
        r"is to (?:be|take|start|begin|open|resume|hold|meet)", r"are to (?:be|take|start|begin|"
        r"open|resume|hold|meet)", r"due (?:to|on|in|by)", r"slated", r"will", r"shall",
        r"agreed to (?:convene|hold|meet|resume)", r"to be held", r"to take place",
        r"upcoming", r"forthcoming", r"proposed", r"suggested", r"announced .{0,20}?(?:will|would)",
        r"set a date", r"fix a date", r"convene",
    ),
}  # fmt: skip
# Demand cues that are verbs taking the event as their object ("called for a march",
# "urged ... talks"): the event must come after them; "protests demanding the
# resignation" demands something else.
OBJECT_CUES = re.compile(r"^(?:call|urg|demand|insist|press|appeal|push)")
# An event noun with no cue but a time after the report ("heads toward a presidential
# election in September") is planned, its cue the time words.
FUTURE_TIME_MODALITY = Modality.PLANNED

MODALITY_ORDER = (
    Modality.CANCELLED,
    Modality.POSTPONED,
    Modality.DEMANDED,
    Modality.POSSIBLE,
    Modality.EXPECTED,
    Modality.PLANNED,
)
CUE_PATTERNS: tuple[tuple[Modality, re.Pattern[str]], ...] = tuple(
    (modality, re.compile(rf"(?<![\w-])(?:{'|'.join(_CUES[modality])})(?![\w-])"))
    for modality in MODALITY_ORDER
)

# A plain "will"/"would"/"should" is a cue only with an occurrence verb right after it
# ("will be held", "would take place", "should resume"): "he will say" is no expectation.
OCCURRENCE = re.compile(
    r"(?<![\w-])(?:be held|be convened|take place|go ahead|happen|start|begin|open|resume|"
    r"reconvene|convene|meet|come|proceed|end|close|be completed|be finished|be released|"
    r"be announced|be published|be available|be ready|be signed|be delivered|be put|"
    r"be sealed|be capped|be killed|vote|hold|held|be made|be decided|occur|arrive|return|"
    r"become|be meeting|be buried|be sworn in|be launched|be resumed|be reopened)"
    r"(?![\w-])"
)
WEAK_CUES = frozenset({"will", "would", "should", "shall", "may", "could", "might", "must"})

# Time without a date: the expectation keeps these words and has no expected date.
UNDATED_TIME = re.compile(
    r"(?<![\w-])(?:as soon as possible|as early as possible|as quickly as possible|"
    r"as rapidly as possible|at the earliest opportunity|without delay|immediately|"
    r"soon|shortly|in the near future|in the coming (?:days|weeks|months)|"
    r"in (?:a|the) few (?:days|weeks|months)|later this (?:week|month|year)|"
    r"in the (?:next|coming) (?:few )?(?:days|weeks|months)|"
    r"at a later date|indefinitely|in due course|eventually)(?![\w-])"
)
# Words that open an interval at a time expression: after it ("August or later", "not
# ... until August", "no earlier than") or before it ("by August", "no later than").
OPEN_AFTER_BEFORE = re.compile(
    r"(?:\buntil|\btill|no earlier than|not before|\bafter|\bfrom|at the earliest in|"
    r"\bbeyond)\s+(?:the\s+)?$"
)
NEGATION = re.compile(r"\b(?:not|n't|never|no)\b")  # "not ... until August": after August
OPEN_AFTER_AFTER = re.compile(r"^\s*(?:or later|or after|at the earliest|or beyond|onwards?)\b")
OPEN_BEFORE_BEFORE = re.compile(
    r"(?:\bby|no later than|\bbefore|not later than|by the end of)\s+(?:the\s+)?$"
)

# Words just before an event noun that make it the setting of a statement, not an
# expected event: "told a conference", "at a joint press conference".
SETTING_BEFORE = re.compile(
    r"\b(?:told|addressed|addressing|at|during|in|after|before)\s+"
    r"(?:a|an|the|this|that|its|his|her)?\s*(?:[\w-]+\s+){0,2}$"
)

# Verbs that say a reported event happened: an outcome in the timeline.
HAPPENED = re.compile(
    r"(?<![\w-])(?:was held|were held|took place|opened|began|started|ended|concluded|"
    r"convened|met|resumed|was signed|were signed|was released|were released|"
    r"was announced|was published|voted|was passed|passed|went ahead|got under ?way|"
    r"kicked off|wrapped up|closed|finished|completed|was completed)(?![\w-])"
)

# Speech verbs: a time expression next to one dates the saying, not the event
# ("Kerry stated on Monday"), and the name before or after one is the speaker.
SPEECH_VERBS = (
    "said", "says", "stated", "told", "added", "noted", "announced", "declared", "insisted",
    "stressed", "warned", "urged", "wrote", "explained", "argued", "confirmed", "reported",
    "predicted", "suggested", "indicated", "estimated",
)  # fmt: skip
SPEECH_VERB = re.compile(rf"(?<![\w-])(?:{'|'.join(SPEECH_VERBS)})(?![\w-])")

# Capitalised words that are not names (sentence openers, months, weekdays, titles):
# left out of the names an expectation's event is identified by.
NOT_NAMES = frozenset(
    """The A An This That These Those It He She They We I You Mr Mrs Ms Dr Sir But And Or
    In On At By For From To Of With As After Before Since When While If Yet So Also Now
    Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Jan Feb Mar Apr Jun
    Jul Aug Sep Sept Oct Nov Dec President Secretary Minister Foreign State General Prime
    Chairman Chief Director Officials Official Government Sources There Here However
    According Some Many Most All No Not""".split()
)
