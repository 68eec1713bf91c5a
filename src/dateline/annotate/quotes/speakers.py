"""Who said it: the speaker of a quote, resolved to a name within the article.

A surname is resolved to the full name seen (``Ban`` -> ``Ban Ki-moon``), a pronoun to
the last person speaking or acting, a role (``the UN chief``, ``Russia's Foreign
Minister``) to the person introduced with it. :class:`QuoteContext` holds one parsed
text with its entities and the lookups from characters to tokens the quote rules use.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.annotate.entities import parse_role, title_before
from dateline.annotate.quotes.marks import QuotedSpan, paragraphs
from dateline.model import EntityKind, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _forms(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


PRONOUNS = _forms("he she they we i He She They We I it It")
_PERSON_PRONOUNS = _forms("he she him her He She")
# Roles that, with "the", refer back to a person already named ("the diplomat").
_ANAPHORIC_ROLES = _forms(
    """diplomat minister chief secretary-general secretary president leader senator
    governor candidate nominee ambassador envoy chancellor premier mayor spokesman
    spokeswoman congressman congresswoman speaker king queen general"""
)

_GENERIC_HEADS = _forms("chief head leader boss")


@dataclass(frozen=True)
class Speaker:
    span: tuple[int, int]
    name: str | None
    kind: EntityKind | None


@dataclass(frozen=True)
class Attribution:
    """A cue and its speaker, where found: the anchor for quotes standing alone."""

    position: int
    paragraph: int
    speaker: Speaker
    cue: tuple[int, int] | None
    direct: bool = False


class QuoteContext:
    """One parsed text with its entities, and lookups from characters to tokens."""

    def __init__(self, text: str, doc: Doc, entities: Sequence[EntityMention]) -> None:
        self.text = text
        self.doc = doc
        self.entities = sorted(entities, key=lambda m: m.start)
        self.entity_starts = [m.start for m in self.entities]
        self.token_starts = [tok.idx for tok in doc]
        self.paragraphs = paragraphs(text)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.quoted = []
        # people's mentions by their last and first word, in text order (for name_for)
        # people's mentions (indices, in text order) by last or first word and length
        self.people_by_word: dict[tuple[str, str, int], list[int]] = {}
        self.name_lengths: set[int] = set()
        for i, m in enumerate(self.entities):
            if m.kind is EntityKind.PERSON and (words := m.text.split()):
                self.name_lengths.add(len(words))
                self.people_by_word.setdefault(("last", words[-1], len(words)), []).append(i)
                self.people_by_word.setdefault(("first", words[0], len(words)), []).append(i)

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    @property
    def quoted(self) -> list[QuotedSpan]:
        return self._quoted

    @quoted.setter
    def quoted(self, spans: Sequence[QuotedSpan]) -> None:
        # Indexed once: a long text has thousands of quotes, asked about for every token.
        self._quoted = list(spans)
        by_open = sorted(self._quoted, key=lambda q: q.open_start)
        self._opens = [q.open_start for q in by_open]
        self._reach: list[int] = []  # the furthest close_end of the spans opened so far
        for q in by_open:
            self._reach.append(max(q.close_end, self._reach[-1] if self._reach else q.close_end))
        self._ending: dict[int, list[QuotedSpan]] = {}
        for q in self._quoted:
            self._ending.setdefault(q.close_end, []).append(q)

    def inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._opens, offset) - 1
        return i >= 0 and self._reach[i] > offset

    def overlaps_quote(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a quoted span."""
        i = bisect.bisect_left(self._opens, end) - 1
        return i >= 0 and self._reach[i] > start

    def quotes_ending_at(self, offset: int) -> list[QuotedSpan]:
        return self._ending.get(offset, [])

    def entity_covering(self, start: int, end: int) -> EntityMention | None:
        i = bisect.bisect_right(self.entity_starts, end) - 1
        while i >= 0 and self.entities[i].end > start - 40:
            mention = self.entities[i]
            if mention.start < end and start < mention.end:
                return mention
            i -= 1
        return None


def speaker_from(ctx: QuoteContext, head: Token) -> Speaker:
    """The speaker mention at ``head`` and the name it resolves to."""
    start, end = head.idx, head.idx + len(head.text)
    mention = ctx.entity_covering(start, end)
    if mention is not None:
        return Speaker((mention.start, mention.end), name_for(ctx, mention), mention.kind)
    if head.text in PRONOUNS:
        return Speaker((start, end), None, None)
    named = _person_in_apposition(ctx, head)
    if named is not None:  # "the Russian president, Dmitry Medvedev, says"
        return Speaker((named.start, named.end), name_for(ctx, named), named.kind)
    left = head.left_edge
    span = (left.idx, end) if left.i >= head.i - 6 else (start, end)
    return Speaker(span, None, None)


def _person_in_apposition(ctx: QuoteContext, head: Token) -> EntityMention | None:
    """The person named in apposition to a role subject: the role alone would be
    resolved to whoever held such a title earlier in the article."""
    for child in head.children:
        if child.dep_ == "appos":
            mention = ctx.entity_covering(child.idx, child.idx + len(child.text))
            if mention is not None and mention.kind is EntityKind.PERSON:
                return mention
    return None


def name_for(ctx: QuoteContext, mention: EntityMention) -> str:
    """The fullest form of a person's name in the text: the last before, else the first after.

    ``Ban`` -> ``Ban Ki-moon`` (family name first), ``Kerry`` -> ``John Kerry``.
    """
    if mention.kind is not EntityKind.PERSON:
        return mention.text
    words = mention.text.split()
    if not words:
        return mention.text
    # Fuller forms share the family name (or, for one word, the given name) and have
    # more words: looked up by word and length, not by scanning every mention (a long
    # text has tens of thousands).
    keys = [("last", words[-1], n) for n in ctx.name_lengths if n > len(words)]
    if len(words) == 1:
        keys += [("first", words[0], n) for n in ctx.name_lengths if n > 1]
    lists = [found for key in keys if (found := ctx.people_by_word.get(key))]
    if not lists:
        return mention.text
    cut = bisect.bisect_left(ctx.entity_starts, mention.start)  # mentions that start before
    before = [found[j - 1] for found in lists if (j := bisect.bisect_left(found, cut)) > 0]
    best = max(before) if before else min(found[0] for found in lists)
    return ctx.entities[best].text


def resolve_speaker(ctx: QuoteContext, speaker: Speaker, history: Sequence[Attribution]) -> Speaker:
    """Fill in the name of a pronoun or role speaker from what came before."""
    if speaker.name is not None:
        return speaker
    surface = ctx.text[speaker.span[0] : speaker.span[1]]
    if surface in _PERSON_PRONOUNS:
        return _with_name(speaker, _last_person(ctx, speaker.span[0], history))
    role = parse_role(surface)
    if role is None:
        return speaker
    titled = _person_with_role(ctx, speaker.span[0], *role)
    if (
        titled is None
        and role[0].split()[-1] in _ANAPHORIC_ROLES
        and re.match(r"(?i)the\b", surface)
    ):
        titled = _last_person(ctx, speaker.span[0], history)
    return _with_name(speaker, titled)


def _with_name(speaker: Speaker, name: str | None) -> Speaker:
    if name is None:
        return speaker
    return Speaker(speaker.span, name, EntityKind.PERSON)


def _last_person(ctx: QuoteContext, before: int, history: Sequence[Attribution]) -> str | None:
    """A person subject of this paragraph named after the last quote, else the person
    last quoted in this or the previous paragraph, else last named.

    ``"…," Lavrov said. / Kerry raised concern … He also insisted that …``: he is
    Kerry, the subject of the paragraph, not Lavrov, who spoke before it."""
    para = ctx.paragraph_of(before)
    last = next((e for e in reversed(history) if e.position < before), None)
    since = last.position if last is not None else -1
    subject = _paragraph_subject(ctx, max(since, ctx.paragraphs[para][0]), before)
    if subject is not None:
        return subject
    if (
        last is not None
        and para - last.paragraph <= 1
        and last.speaker.kind is EntityKind.PERSON
        and last.speaker.name
    ):
        return last.speaker.name
    people = [
        m
        for m in ctx.entities[: bisect.bisect_left(ctx.entity_starts, before)]
        if m.kind is EntityKind.PERSON
    ]
    if not people:
        return None
    # A pronoun refers to a subject rather than an object ("Ban met Lavrov. He said"),
    # looking back no further than the previous paragraph.
    for mention in reversed(people):
        if para - ctx.paragraph_of(mention.start) > 1:
            break
        token = ctx.doc[ctx.token_at(mention.end - 1)]
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return name_for(ctx, mention)
    return name_for(ctx, people[-1])


def _paragraph_subject(ctx: QuoteContext, after: int, before: int) -> str | None:
    """The last person named as a subject in ``[after, before)``."""
    lo = bisect.bisect_left(ctx.entity_starts, after)
    hi = bisect.bisect_left(ctx.entity_starts, before)
    for mention in reversed(ctx.entities[lo:hi]):
        if mention.kind is not EntityKind.PERSON or mention.end > before:
            continue
        if ctx.doc[ctx.token_at(mention.end - 1)].dep_ in {"nsubj", "nsubjpass"}:
            return name_for(ctx, mention)
    return None


def _person_with_role(ctx: QuoteContext, before: int, role: str, affiliation: str) -> str | None:
    """The person introduced with this role earlier (``UN chief`` -> ``Ban Ki-moon``)."""
    head = role.rsplit(maxsplit=1)[-1]
    earlier = [m for m in ctx.entities if m.start < before]
    later = [m for m in ctx.entities if m.start >= before]
    # Reading backwards first; a role named before the person ("Russia's foreign
    # minister said ... Foreign Minister Sergey Lavrov") is found reading on.
    for mention in [*reversed(earlier), *later]:
        if mention.kind is not EntityKind.PERSON:
            continue
        title = title_before(ctx.text, mention.start)
        if title is None or not title.role:
            continue
        same_role = title.role == role or title.role.split()[-1] == head
        if head in _GENERIC_HEADS and affiliation:  # "UN chief" for the Secretary-General
            same_role = same_role or title.affiliation == affiliation
        if same_role and (
            not affiliation or not title.affiliation or title.affiliation == affiliation
        ):
            return name_for(ctx, mention)
    return None


def named_after(ctx: QuoteContext, cue: Token, subject: Token | None = None) -> Token | None:
    """``…,” said David Brock, a Clinton confidant``: the person named right after the
    cue, when the parser gave the cue no subject or one further away."""
    doc = ctx.doc
    if cue.i + 1 >= len(doc) or (subject is not None and subject.i == cue.i + 1):
        return None
    nxt = doc[cue.i + 1]
    mention = ctx.entity_covering(nxt.idx, nxt.idx + 1)
    if mention is None or mention.kind is not EntityKind.PERSON or mention.start != nxt.idx:
        return None
    if subject is not None and subject.i < cue.i:
        return None  # "Kerry said Ban ...": the subject before the cue stands
    return doc[ctx.token_at(mention.end - 1)]


def named_before(ctx: QuoteContext, cue: Token) -> Token | None:
    """``De Blasio, speaking on WOR710, called Trump a “blowhard”``, parsed as a
    modifier of the name: the person the cue hangs from."""
    head = cue.head
    if cue.dep_ != "acl" or head.i > cue.i:
        return None
    mention = ctx.entity_covering(head.idx, head.idx + len(head.text))
    return head if mention is not None and mention.kind is EntityKind.PERSON else None
