"""Who gives a figure: "according to the UN", "activists said", "the UN says", "said
Bernard Valero", "citing medical sources", read off the figure's sentence by rules.

A source is a name ("Human Rights Watch", "the UN") or a short phrase whose head is a
noun of the groups that count and report tolls ("activists", "hospital officials",
"state media"); a pronoun or a clause is none.
"""

from __future__ import annotations

import re

from dateline.model import Span
from dateline.text import STOPWORDS

# Who gives a figure: "according to the UN", "activists said", "the UN says", "said
# Bernard Valero", "citing medical sources". The verbs are those of reporting a count.
_REPORT_VERBS = (
    r"said|says|say|reported|reports|report|told|tells|estimated|estimates|estimate|"
    r"announced|announces|stated|counted|counts|put|puts|documented|recorded|confirmed|"
    r"confirms|added|claimed|claims"
)
# "According to ..." opens many sentences: the lead is read in any case, the name is not.
_ACCORDING = re.compile(r"\b(?i:according to|citing|cited by|quoted by)\s+(?P<who>[^,;.()]+)")
_SUBJECT_SAYS = re.compile(
    rf"(?:^|[,;:(]\s*|\bthat\s+|\band\s+|\bbut\s+)(?P<who>[^,;:()]{{2,80}}?)\)?\s+"
    rf"(?:also\s+|earlier\s+|later\s+|has\s+|have\s+|had\s+|now\s+)*(?P<verb>{_REPORT_VERBS})\b"
)
# A relative clause between a source and the number tells of something else: "South
# Korea has confirmed its first case of the strain, which has killed 100 in Mexico".
_RELATIVE = re.compile(r",\s*(?:which|who|where)\b")
# A reporter's credit, not a source: "Matthew Price reports from Mexico".
_CREDIT = re.compile(r"reports?\s+(?:from|for)\b")
_SAYS_SUBJECT = re.compile(
    rf",\s*(?:{_REPORT_VERBS})\s+(?P<who>(?:the\s+)?[A-Z][^,;.()]{{1,60}}?)\s*(?:[,.;(]|$)"
)
SOURCE_WORDS = 8  # a source is a name or a short noun phrase
# Subjects of "said" that name nobody the reader could check.
_NOT_SOURCES = frozenset(
    "he she it they we i you this that there who which one people we've i've reports "
    "unconfirmed".split()
)
# A source in lower case is a group that counts or reports, named by one of these nouns
# ("activists said", "according to hospital officials", "state media reported"); any other
# lower-case subject of "said" is not a source ("the doctor telling us"). Our own list of
# the reporters of tolls in news of wars, protests and disasters.
SOURCE_NOUNS = frozenset(
    "activists officials official witnesses residents doctors doctor medics medical police "
    "government ministry military army authorities media sources groups group monitors "
    "organisation organization agency observers opposition rebels hospital hospitals "
    "spokesman spokeswoman spokesperson committee committees observatory researchers "
    "agencies council tv television radio".split()
)
# Words that may lead a source phrase and do not belong to its name.
_SOURCE_LEAD = re.compile(
    r"^(?:(?:and|but|while|as|also|meanwhile|separately|earlier|later|now|in addition|"
    r"even though|though|although|because|if|when|after|so)\s+)+",
    re.IGNORECASE,
)
# Words that may end a source phrase and do not belong to its name: when it spoke
# ("the World Health Organisation today", "John McCain this afternoon", "WHO's tally
# on Tuesday") and adverbs before its verb ("Mexico previously", "South Korea has
# already").
_SOURCE_TAIL = re.compile(
    r"(?:\s+(?:today|yesterday|tonight|previously|already|also|again|earlier|later|now|"
    r"recently|repeatedly|first|initially|has|have|had|this\s+(?:morning|afternoon|evening|"
    r"week|month|year)|last\s+(?:night|week|month|year)|on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)))+$",
    re.IGNORECASE,
)
# A source's count is the source: "the WHO's latest tally", "the ministry's figures".
_OWN_COUNT = re.compile(
    r"['’]s\s+(?:(?:latest|own|official|new|last|first)\s+)*"
    r"(?:tally|tallies|figures?|count|counts|estimates?|data|numbers|toll|report|statement)$",
    re.IGNORECASE,
)


def find_source(text: str, span: Span, number: tuple[int, int]) -> str:
    """Who the sentence says gives the figure: "the UN", "activists", ""."""
    sentence = text[span.start : span.end]
    at = number[0] - span.start
    candidates: list[tuple[int, str]] = []
    for pattern in (_ACCORDING, _SAYS_SUBJECT, _SUBJECT_SAYS):
        for match in pattern.finditer(sentence):
            if pattern is _SUBJECT_SAYS and _says_something_else(sentence, match, at):
                continue
            who = clean_source(match.group("who"))
            if who and not match.start("who") <= at < match.end("who"):
                candidates.append((abs(match.start("who") - at), who))
        if candidates:
            break
    return min(candidates)[1] if candidates else ""


def _says_something_else(sentence: str, match: re.Match[str], at: int) -> bool:
    """Whether "X said" does not give the number at ``at``: a reporter's credit, or a
    relative clause between the verb and the number."""
    if _CREDIT.match(sentence, match.start("verb")):
        return True
    return match.end() <= at and bool(_RELATIVE.search(sentence, match.end(), at))


def clean_source(phrase: str) -> str:
    """The source a phrase names, or "" when it names none (a pronoun, a clause)."""
    phrase = _SOURCE_LEAD.sub("", " ".join(phrase.strip(" \"'“”‘’-").split()))
    words = _OWN_COUNT.sub("", _SOURCE_TAIL.sub("", phrase)).split()
    if not words or len(words) > SOURCE_WORDS or any(ch.isdigit() or ch in "-—–" for ch in phrase):
        return ""
    if any(w in {"A", "An", "The"} for w in words[1:]):
        return ""  # "middle-class A Human Rights Watch researcher": two phrases run together
    if _plain(words[0]) in _NOT_SOURCES or _plain(words[-1]) in STOPWORDS:
        return ""
    if words[-1].endswith(("'s", "’s")):
        return ""  # "Mexico's confirmed death toll": a possessive, not who speaks
    named = any(w[:1].isupper() for w in words if w.lower() not in {"the", "a", "an"})
    if not named and words[-1].lower() not in SOURCE_NOUNS:
        return ""
    if words[0] in {"A", "An", "The"}:
        words[0] = words[0].lower()  # "The UN says": the source is "the UN"
    return " ".join(words)


def _plain(word: str) -> str:
    """``word`` lowercased, unless it is an acronym: "WHO" is no pronoun, "US" no "us"."""
    return word if len(word) > 1 and word.isupper() else word.lower()


def source_key(source: str) -> str:
    """What two ways of writing one source share: "the U.N." and "UN" -> "un"."""
    words = [w for w in source.lower().replace(".", "").split() if w not in {"the", "a"}]
    return " ".join(words)
