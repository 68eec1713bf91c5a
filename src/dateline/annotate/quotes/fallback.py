"""Speakers for quotes whose cue has no parsed subject, and for quotes with no cue.

A quote is still a quote when the parse around it fails (``former president Bill
Clinton said …`` with the name parsed as an apposition, ``… ,” said Skelly`` with the
name tagged as an adverb). These rules guess the speaker from what surrounds the cue
or the quote, so the quote is kept rather than dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.annotate.quotes.cues import SPEECH_CUES
from dateline.annotate.quotes.marks import QuotedSpan
from dateline.annotate.quotes.speakers import (
    Attribution,
    QuoteContext,
    Speaker,
    resolve_speaker,
    speaker_from,
)
from dateline.model import EntityKind

if TYPE_CHECKING:
    from spacy.tokens import Token

_SPEAKER_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORG})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MAX_CLIMB = 3  # heads walked up from a cue to a verb with a subject
_STANDALONE_PARAGRAPHS = 1  # how far back a quote with no cue looks for its speaker


def cue_fallback_speaker(
    ctx: QuoteContext, cue: Token, history: Sequence[Attribution]
) -> Speaker | None:
    """The speaker of a cue the parser gave no usable subject.

    ``X issued a statement saying “…”``: the subject of a verb the cue hangs from; else
    a person or organisation named in the cue's sentence, the nearest before the cue
    first (``former president Bill Clinton said``), then right after it (``said Skelly``).
    """
    tok = cue
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            break
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None and not ctx.inside_quote(subj.idx):
            return resolve_speaker(ctx, speaker_from(ctx, subj), history)
    sent = cue.sent
    named = [
        m
        for m in ctx.entities
        if m.kind in _SPEAKER_KINDS
        and sent.start_char <= m.start
        and m.end <= sent.end_char
        and not ctx.inside_quote(m.start)
    ]
    before = [m for m in named if m.end <= cue.idx]
    after = [m for m in named if m.start > cue.idx and m.start - cue.idx < 40]
    mention = before[-1] if before else (after[0] if after else None)
    if mention is not None:
        return speaker_from(ctx, ctx.doc[ctx.token_at(mention.end - 1)])
    nxt = cue.i + 1
    # "said Skelly": a capitalised word after the cue, which the tagger may call anything.
    if nxt < len(ctx.doc) and ctx.doc[nxt].is_title and not ctx.doc[nxt].is_sent_start:
        return speaker_from(ctx, ctx.doc[nxt])
    return None


def standalone_speaker(
    ctx: QuoteContext, quoted: QuotedSpan, history: Sequence[Attribution]
) -> Speaker | None:
    """A quote with no cue found near it: a name signing it right after; else the
    speaker of the last attribution, in this paragraph or the one before; else the
    last person named in this paragraph or the one before."""
    after = _named_right_after(ctx, quoted)
    if after is not None:
        return after
    para = ctx.paragraph_of(quoted.start)
    last = history[-1] if history else None
    if last is not None and para - last.paragraph <= _STANDALONE_PARAGRAPHS:
        return last.speaker
    people = [
        m
        for m in ctx.entities
        if m.kind is EntityKind.PERSON
        and m.end <= quoted.open_start
        and para - ctx.paragraph_of(m.start) <= 1
        and not ctx.inside_quote(m.start)
    ]
    if people:
        return speaker_from(ctx, ctx.doc[ctx.token_at(people[-1].end - 1)])
    return None


def _named_right_after(ctx: QuoteContext, quoted: QuotedSpan) -> Speaker | None:
    """``“…,” Trump, the front-runner in South Carolina …, said``: a person or
    organisation opening the words after the quote, with a speech verb later in the
    same sentence (the parse of such long attributions is often broken)."""
    if not quoted.closed:
        return None
    rest = ctx.text[quoted.close_end : quoted.close_end + 80]
    stripped = rest.lstrip(" \xa0―—–-")
    offset = quoted.close_end + len(rest) - len(stripped)
    mention = ctx.entity_covering(offset, offset + 1)
    dashed = any(d in rest[: len(rest) - len(stripped)] for d in "―—–-")
    if dashed and offset < len(ctx.text) and (mention is None or mention.start != offset):
        return _signature(ctx, offset)
    if mention is None or mention.start != offset or mention.kind not in _SPEAKER_KINDS:
        return None
    if dashed:
        # "“…” ― Sonya Herridge": a dash and a name sign the quote.
        return speaker_from(ctx, ctx.doc[ctx.token_at(mention.end - 1)])
    sent = ctx.doc[ctx.token_at(offset)].sent
    for tok in ctx.doc[ctx.token_at(mention.end) : sent.end]:
        if tok.text in {"“", '"', "”", "``", "''"}:
            break
        if tok.lower_ in SPEECH_CUES and tok.pos_ in {"VERB", "AUX"}:
            return speaker_from(ctx, ctx.doc[ctx.token_at(mention.end - 1)])
    return None


def _signature(ctx: QuoteContext, offset: int) -> Speaker | None:
    """``“…” ― Krystal Correa`` with the name missed by the tagger: the run of
    capitalised words after the dash, up to the end of the line."""
    first = ctx.token_at(offset)
    last = first
    for tok in ctx.doc[first:]:
        if not tok.is_title or "\n" in tok.whitespace_:
            if tok.is_title:
                last = tok.i
            break
        last = tok.i
    if not ctx.doc[first].is_title:
        return None
    end_tok = ctx.doc[last]
    name = ctx.text[ctx.doc[first].idx : end_tok.idx + len(end_tok.text)]
    return Speaker((ctx.doc[first].idx, end_tok.idx + len(end_tok.text)), name, EntityKind.PERSON)
