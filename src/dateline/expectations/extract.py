"""Expectations in one article: an event noun, a modality cue near it, a time.

No parse is needed: a sentence's event nouns (cues.EVENT_NOUNS), its modality cues
(cues.CUE_PATTERNS) and its resolved time expressions (the timex stage) are paired by
distance within a clause. The speaker comes from the speech stage's quotes when one
covers the sentence, else from a name next to a speech verb or opening the sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.expectations import cues
from dateline.expectations.model import Expectation, ExpectedTime, Modality, Openness
from dateline.model import Annotations, Article, Confidence, Span, Timex

_WORD = re.compile(r"[A-Za-z0-9][\w'’.\-]*[\w]|[A-Za-z0-9]")
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s(?:and|but|while|whereas)\s")
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’.\-]*[\w.]|[A-Z])(?:\s+(?:of\s+)?(?:[A-Z][\w'’.\-]*[\w.]|[A-Z]))*"
)
_TIMESTAMP = re.compile(r"\s*(?:EDT|EST|GMT|ET|UTC|BST|CET|PDT|PST|UK)\b")  # a dateline's clock
_POSSESSIVE = re.compile(r"['’]s$")
# Event nouns that are other words too often ("well", "kill", "cap"): an event only after
# one of these modifiers ("relief well", "static kill", "containment cap").
_DETERMINERS = {"a", "an", "the", "this", "that", "his", "her", "their", "its", "next"}
_NEEDS_MODIFIER = {
    "well": {"relief", "oil"},
    "kill": {"static", "top", "bottom"},
    "cap": {"containment", "new", "sealing"},
    "service": {"memorial", "funeral"},
    # Nouns that are verbs as often: an event after a determiner or a modifier only.
    "show": _DETERMINERS | {"tribute", "tv", "television"},
    "march": _DETERMINERS | {"protest", "peace"},
    "strike": _DETERMINERS | {"general", "hunger", "national", "military", "air"},
    "visit": _DETERMINERS | {"official", "state", "planned", "first"},
    "congress": {"party", "annual", "national"},  # the US Congress is no event
    "test": {"pressure", "integrity"},
    "tests": {"pressure", "integrity"},
}
# Prepositions that attach a name to the event ("conference on Syria", "meeting in
# Geneva", "summit of the G20"); "with" and "between" name participants, not the event.
_LINKING = frozenset({"of", "on", "in", "at"})


@dataclass(frozen=True)
class ExpectationTuning:
    """The extractor's and linker's constants (tuned on the dev half of the annotated
    set, docs/expectations.md; tests pass another one in)."""

    max_gap: int = 12  # words between an event noun and its cue
    time_gap: int = 14  # words between the event (or cue) and its time expression
    link_names: float = 0.2  # set cosine of two expectations' names to link them


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str  # looked at for every word of a clause: made once


def extract_expectations(
    article: Article, ann: Annotations, tuning: ExpectationTuning | None = None
) -> list[Expectation]:
    """Every expectation in ``article``, in text order."""
    tuning = tuning or ExpectationTuning()
    reported = (
        article.pub_date.value if article.pub_date.confidence is not Confidence.UNKNOWN else None
    )
    found: list[Expectation] = []
    timexes_by_start = sorted(ann.timexes, key=lambda t: t.start)
    starts = [t.start for t in timexes_by_start]
    lowered = article.text.lower()
    for s_start, s_end in ann.sentences:
        if not cues.EVENT_WORD.search(lowered, s_start, s_end):
            continue  # no event noun: nothing to find
        first, last = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        timexes = [t for t in timexes_by_start[first:last] if t.end <= s_end]
        for clause_start, clause_end in _clauses(article.text, s_start, s_end):
            found.extend(
                _in_clause(
                    article,
                    ann,
                    (s_start, s_end),
                    (clause_start, clause_end),
                    timexes,
                    reported,
                    tuning,
                )
            )
    return found


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        cuts.append(match.start())
    cuts.append(end)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), word, word.lower())
        for m in _WORD.finditer(text, start, end)
        for word in (m.group(),)
    ]


def _event_head(tokens: Sequence[_Token], i: int) -> str | None:
    """The event class of token ``i`` when it is an event noun, else None."""
    word = tokens[i].lower.removeprefix("re-")  # "re-election"
    for form in (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-2] if word.endswith("es") else "",
    ):
        if form and form in cues.EVENT_NOUNS:
            needs = _NEEDS_MODIFIER.get(form)
            if needs and (i == 0 or tokens[i - 1].lower not in needs):
                return None
            return cues.EVENT_NOUNS[form]
    return None


def _cues_in(text: str, start: int, end: int) -> list[tuple[Modality, int, int]]:
    lowered = text[start:end].lower()
    timeless = [(m.start(), m.end()) for m in cues.UNDATED_TIME.finditer(lowered)]
    found = []
    for modality, pattern in cues.CUE_PATTERNS:
        for m in pattern.finditer(lowered):
            if m.group() in cues.WEAK_CUES and not _occurs_after(lowered, m.end()):
                continue
            if any(a <= m.start() < b for a, b in timeless):  # "as soon as possible"
                continue
            found.append((modality, start + m.start(), start + m.end()))
    return found


def _occurs_after(lowered: str, at: int) -> bool:
    """A weak modal ("will", "might") followed, within a few words, by an occurrence verb."""
    window = lowered[at : at + 40]
    m = cues.OCCURRENCE.search(window)
    return m is not None and len(window[: m.start()].split()) <= 3


def _word_index(tokens: Sequence[_Token], offset: int) -> int:
    for i, tok in enumerate(tokens):
        if tok.end > offset:
            return i
    return len(tokens)


def _in_clause(
    article: Article,
    ann: Annotations,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    timexes: Sequence[Timex],
    reported: dt.date | None,
    tuning: ExpectationTuning,
) -> list[Expectation]:
    text = article.text
    tokens = _tokens(text, *clause)
    heads = [(i, cls) for i in range(len(tokens)) if (cls := _event_head(tokens, i))]
    if not heads:
        return []
    found_cues = _cues_in(text, *clause)
    out: list[Expectation] = []
    used: set[tuple[int, int]] = set()
    for i, cls in heads:
        phrase = _event_phrase(tokens, i)
        if cues.SETTING_BEFORE.search(
            text[max(clause[0], tokens[i].start - 40) : tokens[i].start].lower()
        ):
            continue  # "told a conference", "at a meeting": where it was said
        if phrase in used or any(a <= phrase[0] and phrase[1] <= b for a, b in used):
            continue
        near = [
            (rank, abs(_word_index(tokens, c_start) - i), modality, c_start, c_end)
            for rank, (modality, c_start, c_end) in (
                (cues.MODALITY_ORDER.index(m), (m, a, b)) for m, a, b in found_cues
            )
            if abs(_word_index(tokens, c_start) - i) <= tuning.max_gap
            and _nearest_head(heads, _word_index(tokens, c_start)) == i
            and not (phrase[0] <= c_start < phrase[1])
            and not (cues.OBJECT_CUES.match(text[c_start:c_end].lower()) and c_start > phrase[0])
        ]
        if near:
            _rank, _dist, modality, c_start, c_end = min(near)
            cue_at = _word_index(tokens, c_start)
            time = _expected_time(text, tokens, timexes, (i, cue_at), modality, reported, tuning)
        else:  # no cue: an event at a time after the report is planned
            modality = cues.FUTURE_TIME_MODALITY
            time = _expected_time(text, tokens, timexes, (i, i), modality, reported, tuning)
            if not (time.start and reported and time.start > reported and time.span):
                continue
            c_start, c_end = time.span
        used.add(phrase)
        names = _names(text, *sentence)
        out.append(
            Expectation(
                event=" ".join(text[phrase[0] : phrase[1]].split()),
                event_class=cls,
                event_span=Span(article.id, *phrase),
                sentence=Span(article.id, *sentence),
                modality=modality,
                cue=text[c_start:c_end],
                time=time,
                names=names,
                speaker=_speaker(article, ann, sentence, phrase),
                reported=reported,
            )
        )
    return out


def _is_name(word: str) -> bool:
    """Capitalised, or an acronym ("EU", "G20"); a shouted headline word is neither."""
    return word[:1].isupper() and (not word.isupper() or len(word) <= 4)


def _nearest_head(heads: Sequence[tuple[int, str]], at: int) -> int:
    """The event noun a cue at word ``at`` belongs to: the nearest one (the earlier on a
    tie). A cue serves one event: "a show scheduled for the anniversary" is the show's."""
    return min(heads, key=lambda h: (abs(h[0] - at), h[0]))[0]


def _event_phrase(tokens: Sequence[_Token], i: int) -> tuple[int, int]:
    """The event noun with its modifiers ("international peace conference") and a name
    it is of, on or in ("conference on Syria", "meeting in Geneva")."""
    first = i
    while first > 0 and i - first < 3:
        prev = tokens[first - 1]
        if tokens[first].start - prev.end > 1:
            break  # a dash or a comma between: "10:00 am ET - Iraq transition hearing"
        if prev.lower in cues.EVENT_MODIFIERS or (
            _is_name(prev.text)
            and _POSSESSIVE.sub("", prev.text) not in cues.NOT_NAMES
            and not _TIMESTAMP.fullmatch(prev.text)
        ):
            first -= 1
        else:
            break
    last = i
    j = i + 1
    if j < len(tokens) and tokens[j].lower in _LINKING:
        k = j + 1
        if k < len(tokens) and tokens[k].lower == "the":
            k += 1
        run = k
        while (
            run < len(tokens)
            and run - k < 4
            and (
                (_is_name(tokens[run].text) and tokens[run].text not in cues.NOT_NAMES)
                or tokens[run].lower in cues.EVENT_NOUNS
            )
        ):
            run += 1
        if run > k:
            last = run - 1
    return tokens[first].start, tokens[last].end


def _expected_time(
    text: str,
    tokens: Sequence[_Token],
    timexes: Sequence[Timex],
    anchors: tuple[int, int],
    modality: Modality,
    reported: dt.date | None,
    tuning: ExpectationTuning,
) -> ExpectedTime:
    event_at, cue_at = anchors
    best: tuple[int, Timex] | None = None
    for timex in timexes:
        at = _word_index(tokens, timex.start)
        if at >= len(tokens) or tokens[at].start >= timex.end:
            continue  # in another clause of the sentence
        dist = min(abs(at - event_at), abs(at - cue_at))
        if (
            dist > tuning.time_gap
            or _dates_the_saying(text, timex)
            or _TIMESTAMP.match(text, timex.end)
        ):
            continue
        if timex.value in ("PRESENT_REF", "PAST_REF") or timex.value.startswith("P"):
            continue
        ends = timex.interval.end if timex.interval else None
        if (
            ends and reported and ends < reported
            and modality not in (Modality.POSTPONED, Modality.CANCELLED)
        ):  # fmt: skip
            continue  # a date already past is background, not what is expected
        if best is None or dist < best[0]:
            best = (dist, timex)
    if best is not None:
        return _timed(text, best[1])
    lo, hi = tokens[0].start, tokens[-1].end
    undated = cues.UNDATED_TIME.search(text[lo:hi].lower())
    if undated:
        u_start, u_end = lo + undated.start(), lo + undated.end()
        return ExpectedTime(text[u_start:u_end], Openness.UNDATED, span=(u_start, u_end))
    return ExpectedTime("", Openness.UNDATED)


def _dates_the_saying(text: str, timex: Timex) -> bool:
    """``stated on Monday``, ``said Saturday``, ``on Monday said``: the time of the
    statement, not of the event."""
    before = text[max(0, timex.start - 16) : timex.start].lower()
    after = text[timex.end : timex.end + 14].lower()
    return bool(
        re.search(rf"(?:{'|'.join(cues.SPEECH_VERBS)})(?:\s+on)?\s+$", before)
        or re.match(rf"^,?\s+(?:{'|'.join(cues.SPEECH_VERBS)})\b", after)
    )


def _timed(text: str, timex: Timex) -> ExpectedTime:
    before = text[max(0, timex.start - 60) : timex.start].lower()
    after = text[timex.end : timex.end + 20].lower()
    interval = timex.interval
    start, end = timex.start, timex.end
    if interval is None:  # "next year" against an unknown date: the words, no date
        return ExpectedTime(text[start:end], Openness.UNDATED, span=(start, end))
    opened_after = cues.OPEN_AFTER_BEFORE.search(before)
    later = cues.OPEN_AFTER_AFTER.match(after)
    opened_before = cues.OPEN_BEFORE_BEFORE.search(before)
    until = opened_after is not None and opened_after.group().strip().startswith(("until", "till"))
    if until and opened_after and not cues.NEGATION.search(before[: opened_after.start()][-40:]):
        opened_before, opened_after = opened_after, None  # "until August": by then
    if opened_after or later:
        if opened_after:
            start = timex.start - (len(before) - opened_after.start())
        if later:
            end = timex.end + later.end()
        return ExpectedTime(text[start:end], Openness.AFTER, f"{timex.value}/..",
                            interval.start, None, interval.granularity, (start, end))  # fmt: skip
    if opened_before:
        start = timex.start - (len(before) - opened_before.start())
        return ExpectedTime(text[start:end], Openness.BEFORE, f"../{timex.value}",
                            None, interval.end, interval.granularity, (start, end))  # fmt: skip
    return ExpectedTime(text[start:end], Openness.CLOSED, timex.value, interval.start,
                        interval.end, interval.granularity, (start, end))  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def _names(text: str, start: int, end: int) -> tuple[str, ...]:
    """The names a sentence mentions, lowercased, for linking: capitalised words that
    are not sentence openers, titles, months or weekdays (cues.NOT_NAMES). Cached:
    linking asks for the same sentences' names once per chain."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text, start, end):
        if not match.group()[:1].isupper():
            continue  # most words; the checks below need a capital anyway
        word = _POSSESSIVE.sub("", match.group()).rstrip(".")
        if _is_name(word) and word not in cues.NOT_NAMES and len(word) > 1:
            seen.setdefault(word.lower(), None)
    return tuple(seen)


def _speaker(
    article: Article, ann: Annotations, sentence: tuple[int, int], event: tuple[int, int]
) -> str | None:
    """Who says so: the speaker of a quote that holds the event, else a name before or
    after a speech verb, after "according to" or "suggested by", or opening the sentence
    before a cue verb, else the speaker of any quote in the sentence."""
    s_start, s_end = sentence
    in_sentence = [q for q in ann.quotes if q.speaker_name and q.start < s_end and s_start < q.end]
    for quote in in_sentence:
        if quote.start <= event[0] and event[1] <= quote.end:
            return quote.speaker_name
    text = article.text[s_start:s_end]
    verbs = "|".join(cues.SPEECH_VERBS)
    patterns = (
        rf"according to (?:the )?({_NAME_RUN.pattern})",
        rf"({_NAME_RUN.pattern}),?\s+(?:has |had |also )?(?:{verbs})\b",
        rf"\b(?:{verbs}),?\s+(?:the )?({_NAME_RUN.pattern})",
        rf"(?:suggested|proposed|announced|called) by (?:[a-z]+ ){{0,2}}({_NAME_RUN.pattern})",
        rf"^({_NAME_RUN.pattern})\s+(?:hopes|expects|plans|wants|called|calls|urged|urges|"
        rf"insisted|proposed|agreed|demanded|announced)\b",
    )
    for pattern in patterns:
        m = re.search(pattern, text)
        if m:
            name = _clean_name(m.group(1))
            if name:
                return name
    return in_sentence[0].speaker_name if in_sentence else None


# Office words besides cues.NOT_NAMES that open a speaker's name run and are dropped.
_TITLES = frozenset(
    {
        "of",
        "U.N.",
        "UN",
        "U.S.",
        "US",
        "Secretary-General",
        "Spokesman",
        "Spokeswoman",
        "Senator",
        "Sen.",
        "Rep.",
        "Gov.",
        "Governor",
        "Judge",
    }
)


def _is_title(word: str) -> bool:
    return word.rstrip(".") in cues.NOT_NAMES or word in _TITLES


def _clean_name(run: str) -> str | None:
    """``U.S. Secretary of State John Kerry`` -> ``John Kerry``: titles and the words of
    an office before a name dropped (a lone ``U.S.`` stays)."""
    words = run.split()
    # A title, or a word before one ("Russian Foreign Minister", "Egyptian President").
    while len(words) > 1 and (_is_title(words[0]) or _is_title(words[1])):
        words.pop(0)
    while words and words[-1] in ("of",):
        words.pop()
    if words and words[-1].endswith(".") and len(words[-1].rstrip(".")) > 2:
        words[-1] = words[-1].rstrip(".")  # the sentence's full stop, not an initial
    if all(_is_title(w) for w in words):
        return None  # "Saturday", "President": no name
    return " ".join(words) or None
