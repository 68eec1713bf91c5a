"""Named entities: spaCy's mentions mapped to our kinds, with light repairs.

The small English model is fast but makes predictable mistakes on news text: it
includes "the" and a possessive "'s" in spans, swallows titles ("Secretary-General Ban
Ki-moon"), and sometimes labels a bare surname as an organisation ("Lavrov said...")
after having found the full name as a person two sentences earlier. The repairs here
fix those cases using only the article itself.

Titles and roles ("Russia's Foreign Minister", "UN chief", "Mr.") are not part of the
mention; :func:`title_before` reads them off the text in front of a mention when a later
stage (speaker resolution, actor merging) needs them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.annotate.nlp import DEFAULT_BATCH_SIZE, parse, parse_many
from dateline.model import EntityKind, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

ENTITIES_VERSION = "entities-1"  # bump whenever the output for some input changes

LABEL_KINDS = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORG,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.GROUP,
}

HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame prof prof. rev rev. gen gen. sen sen. "
    "rep rep. gov gov. lt lt. col col. capt capt. sgt sgt. messrs messrs. mme m.".split()
)
# Heads of role phrases: "Foreign Minister", "UN chief", "Secretary of State".
ROLE_WORDS = frozenset(
    """minister secretary secretary-general president vice-president chief spokesman
    spokeswoman spokesperson senator sen. governor ambassador envoy chancellor premier king
    queen prince leader chairman chairwoman chair director candidate nominee mayor general
    commander official diplomat representative rep. congressman congresswoman speaker
    adviser advisor aide manager ceo head justice judge attorney prosecutor commissioner
    mediator emir sheikh pope cardinal archbishop bishop negotiator strongman dictator
    founder executive analyst economist professor""".split()
)
# Words that belong to the role itself rather than to the organisation or country.
ROLE_QUALIFIERS = frozenset(
    """foreign defense defence finance prime deputy vice interior energy state high
    general press senior former acting outgoing incoming top special first chief attorney
    supreme presidential republican democratic campaign""".split()
)
_CONNECTORS = frozenset({"of", "for", "and", "on"})
# Capitalised words that start sentences or clauses and are never part of a title.
_NOT_AFFILIATION = frozenset(
    """the a an on in at after before when while but and yesterday today tomorrow
    meanwhile however also then last next this that said says he she they we it""".split()
)
_WORD = re.compile(r"[^\s\"“”‘’`]+")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+(?:'s|’s)?$")
_TEMPORAL = frozenset({"former", "acting", "outgoing", "incoming", "then", "new", "late"})
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Title:
    """A role or honorific written in front of a name: ``Russia's Foreign Minister``."""

    start: int
    end: int
    text: str  # as written, without a leading "the"
    role: str  # the role alone, normalised: "foreign minister"; "" for a bare honorific
    affiliation: str  # who the role is for, normalised: "russia", "un"; "" when not given
    honorific: str = ""  # "mr", "dr" when written right before the name


def extract_entities(text: str, doc: Doc | None = None) -> tuple[EntityMention, ...]:
    """Entity mentions in ``text`` (offsets into it), sorted by position."""
    doc = doc if doc is not None else parse(text)
    mentions = [m for ent in doc.ents if (m := _repair(text, ent)) is not None]
    mentions = _drop_role_words(text, _relabel_surnames(mentions))
    return _recover_surnames(text, doc, mentions)


def extract_entities_many(
    texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[tuple[EntityMention, ...]]:
    """:func:`extract_entities` over many texts, parsed in batches."""
    items = list(texts)
    for text, doc in zip(items, parse_many(items, batch_size), strict=True):
        yield extract_entities(text, doc)


def _repair(text: str, ent: object) -> EntityMention | None:
    """Map one spaCy span to a mention, trimming "the", "'s" and titles."""
    kind = LABEL_KINDS.get(getattr(ent, "label_", ""))
    if kind is None:
        return None
    start, end = _trim_span(text, ent.start_char, ent.end_char, kind)  # type: ignore[attr-defined]
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return EntityMention(start, end, kind, text[start:end])


def _trim_span(text: str, start: int, end: int, kind: EntityKind) -> tuple[int, int]:
    surface = text[start:end]
    lead = re.match(r"(?i)the\s+", surface)
    if lead and kind is not EntityKind.PERSON:
        start += lead.end()
    tail = re.search(r"(?:'s|’s|'|’|[,;:])+$", text[start:end])
    if tail:
        end = start + tail.start()
    if kind is EntityKind.PERSON:
        start = _skip_leading_titles(text, start, end)
    return start, end


def _skip_leading_titles(text: str, start: int, end: int) -> int:
    """``Mr. Ban`` -> ``Ban``; ``Secretary-General Ban Ki-moon`` -> ``Ban Ki-moon``."""
    while True:
        match = _WORD.match(text, start, end)
        if match is None or match.end() >= end:
            return start
        word = match.group().lower()
        if word not in HONORIFICS and word not in ROLE_WORDS and word not in ROLE_QUALIFIERS:
            return start
        rest = re.match(r"\s+", text[match.end() : end])
        if rest is None:
            return start
        start = match.end() + rest.end()


def _surname_keys(mentions: Sequence[EntityMention]) -> set[str]:
    """First and last tokens of multi-word person names (first for family-name-first)."""
    keys: set[str] = set()
    for mention in mentions:
        words = mention.text.split()
        if mention.kind is EntityKind.PERSON and len(words) > 1:
            keys.update((words[0], words[-1]))
    return keys


def _relabel_surnames(mentions: list[EntityMention]) -> list[EntityMention]:
    """A bare surname labelled ORG/PLACE after its full name was seen as a PERSON."""
    keys = _surname_keys(mentions)
    return [
        EntityMention(m.start, m.end, EntityKind.PERSON, m.text)
        if m.kind is not EntityKind.PERSON and m.text in keys
        else m
        for m in mentions
    ]


def _drop_role_words(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """``Secretary of State Kerry``: "State" is part of the role, not an organisation."""
    role_spans = []
    for mention in mentions:
        if mention.kind is EntityKind.PERSON:
            title = title_before(text, mention.start)
            if title is not None and title.role:
                role_spans.append((title.start, title.end, title.role.split()))
    # Spans by start, so a mention is checked against the few that can cover it (a long
    # text has thousands of titled names).
    role_spans.sort(key=lambda span: span[0])
    starts = [span[0] for span in role_spans]
    longest = max((e - s for s, e, _ in role_spans), default=0)

    def in_role(m: EntityMention) -> bool:
        lo, hi = bisect.bisect_left(starts, m.start - longest), bisect.bisect_right(starts, m.start)
        return any(
            s <= m.start and m.end <= e and m.text.lower() in role
            for s, e, role in role_spans[lo:hi]
        )

    return [m for m in mentions if m.kind is EntityKind.PERSON or not in_role(m)]


def _recover_surnames(
    text: str, doc: Doc, mentions: list[EntityMention]
) -> tuple[EntityMention, ...]:
    """Add person mentions for known surnames the model missed entirely."""
    keys = _surname_keys(mentions)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = [
        EntityMention(tok.idx, tok.idx + len(tok.text), EntityKind.PERSON, tok.text)
        for tok in doc
        if tok.text in keys and tok.pos_ == "PROPN" and tok.idx not in covered
    ]
    return tuple(sorted([*mentions, *extra], key=lambda m: (m.start, m.end)))


def title_before(text: str, start: int) -> Title | None:
    """The title or honorific written right before the name starting at ``start``.

    ``Russia's Foreign Minister Sergey Lavrov`` gives role "foreign minister",
    affiliation "russia"; ``Mr. Ban`` gives honorific "mr"; ``the diplomat`` alone is
    not a title (nothing follows it), see :func:`parse_role`.
    """
    words = [
        (m.start(), m.end(), m.group()) for m in _WORD.finditer(text, max(0, start - 80), start)
    ]
    if not words or text[words[-1][1] : start].strip():
        return None
    honorific = ""
    if words[-1][2].lower() in HONORIFICS:
        hon_start, hon_end, word = words.pop()
        honorific = word.lower().rstrip(".")
    phrase = _role_phrase(words)
    role = parse_role(" ".join(w for _, _, w in phrase)) if phrase else None
    if phrase is None or role is None:
        if not honorific:
            return None
        return Title(hon_start, hon_end, text[hon_start:hon_end], "", "", honorific)
    return Title(phrase[0][0], phrase[-1][1], text[phrase[0][0] : phrase[-1][1]], *role, honorific)


def _role_phrase(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The longest run of title-like words ending the list, if it holds a role word."""
    taken: list[tuple[int, int, str]] = []
    for item in reversed(words):
        word = item[2]
        low = _POSSESSIVE.sub("", word.lower())
        if word[-1] in ",;:()[]" or low in _NOT_AFFILIATION or _ends_sentence(word):
            break
        titled = word[0].isupper() or low in ROLE_WORDS or low in ROLE_QUALIFIERS
        if not titled and not (low in _CONNECTORS and taken):
            break
        taken.append(item)
        if len(taken) >= 7:
            break
    while taken and _POSSESSIVE.sub("", taken[-1][2].lower()) in _CONNECTORS:
        taken.pop()  # a phrase never starts with "of"
    taken.reverse()
    if not any(_POSSESSIVE.sub("", w.lower()) in ROLE_WORDS for _, _, w in taken):
        return None
    return taken


def _ends_sentence(word: str) -> bool:
    """A word with a full stop that is not an abbreviation like ``U.S.`` or ``Gen.``."""
    return word.endswith(".") and not (
        _ABBREVIATION.match(word) or word.lower() in HONORIFICS or word.lower() in ROLE_WORDS
    )


def parse_role(phrase: str) -> tuple[str, str] | None:
    """Split a role phrase into (role, affiliation), both normalised; None if no role word.

    ``UN chief`` -> ("chief", "un"); ``Russia's Foreign Minister`` -> ("foreign minister",
    "russia"); ``the diplomat`` -> ("diplomat", "").
    """
    words = [_POSSESSIVE.sub("", w) for w in phrase.split()]
    while words and (words[0].lower() in _NOT_AFFILIATION or words[0].lower() in _TEMPORAL):
        words = words[1:]
    lows = [w.lower() for w in words]
    first = next((i for i, w in enumerate(lows) if w in ROLE_WORDS or w in ROLE_QUALIFIERS), None)
    if first is None or not any(w in ROLE_WORDS for w in lows[first:]):
        return None
    role = " ".join(w for w in lows[first:] if w not in _TEMPORAL)
    affiliation = normalise_affiliation(" ".join(words[:first]))
    return role, affiliation


_AFFILIATIONS = {
    "u.s.": "us",
    "us": "us",
    "american": "us",
    "united states": "us",
    "america": "us",
    "u.n.": "un",
    "un": "un",
    "united nations": "un",
    "russian": "russia",
    "russia": "russia",
    "british": "uk",
    "britain": "uk",
    "u.k.": "uk",
    "uk": "uk",
    "syrian": "syria",
    "chinese": "china",
    "french": "france",
    "german": "germany",
    "iranian": "iran",
    "israeli": "israel",
    "turkish": "turkey",
    "egyptian": "egypt",
    "ukrainian": "ukraine",
}


def normalise_affiliation(words: str) -> str:
    """``Russia's`` / ``Russian`` -> "russia"; ``U.N.`` / ``UN`` -> "un"."""
    key = " ".join(_POSSESSIVE.sub("", w) for w in words.lower().split())
    return _AFFILIATIONS.get(key, key)
