"""Quotes and reported speech, with the speaker who said them.

Two steps. :func:`~dateline.annotate.quotes.marks.find_quoted_spans` pairs quotation
marks in the raw text, with no model (see :mod:`dateline.annotate.quotes.marks`).

:func:`extract_quotes` then reads the dependency parse around each quoted span to find
the cue ("said", "told", "according to", a colon) and its subject, in the usual
places: after the quote (``…,” Kerry said`` / ``said Mr. Ban`` / ``…,” Jeff Smith, a
professor at X, said`` / ``…!” Trump tweeted.``), before it (``Ban said that “…”``,
``Kerry told reporters: “…”``, ``Trump issued the following statement: “…”``), a verb
off the cue lists whose object holds the quote (``Clinton pitched “…”``), or, for a
quote standing alone, the last attribution in the same paragraph or, when the quote
opens its paragraph, in the one before. A short quote inside reported speech (Lavrov
said the situation is “outrageous”) is returned as the reported clause it sits in, so
the quote says what was said. Reported speech without quotation marks (``Kerry said
that the date should be set by the UN``) comes out with ``direct=False``.

Speakers are resolved to a name within the article (see
:mod:`dateline.annotate.quotes.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from dateline.annotate.entities import extract_entities
from dateline.annotate.nlp import DEFAULT_BATCH_SIZE, parse, parse_many
from dateline.annotate.quotes.clauses import (
    SENTENCE_END,
    clause_span,
    complement_clause,
    count_words,
    fronted_clause,
    reported_clause,
)
from dateline.annotate.quotes.cues import BELIEF_CUES, PARTIAL_CUES, SPEECH_CUES, is_cue
from dateline.annotate.quotes.fallback import cue_fallback_speaker, standalone_speaker
from dateline.annotate.quotes.marks import QuotedSpan, find_quoted_spans
from dateline.annotate.quotes.speakers import (
    Attribution,
    QuoteContext,
    Speaker,
    name_for,
    named_after,
    named_before,
    resolve_speaker,
    speaker_from,
)
from dateline.model import EntityKind, EntityMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "BELIEF_CUES",
    "PARTIAL_CUES",
    "SPEECH_CUES",
    "QuotedSpan",
    "extract_quotes",
    "extract_quotes_many",
    "find_quoted_spans",
]

QUOTES_VERSION = "quotes-6"


_SPEAKER_PRONOUNS = frozenset("he she they we i He She They We I".split())
_QUOTE_TOKENS = frozenset({'"', "“", "”", "``", "''", "„", "«", "»"})
_MIN_WORDS_ALONE = 4  # fewer quoted words alone are names, titles or scare quotes
_MIN_WORDS_FRONTED = 3  # fewer quoted words inside a sentence are a name or a title
# A quote with no cue and no speaker before it is kept from this length: shorter ones
# are more often titles, slogans and scare quotes than words someone said (tuned on
# PolNeAR train: 4 to 12 all score within 0.002 F1, 6 to 10 best).
_MIN_WORDS_UNATTRIBUTED = 6
_MAX_ATTRIBUTION = 40  # tokens between a closing mark and its cue, at most
# How a reported clause hangs from its cue verb in spaCy's English dependency scheme.
_REPORTED_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "parataxis", "dep", "oprd", "attr", "advcl"}
)  # a quote covering less of its reported clause is a partial quote


def _subject(tok: Token) -> Token | None:
    """The speaker token of a cue: its subject, a conjunct's subject, ``according to X``."""
    if tok.lower_ == "according":
        for child in tok.children:
            if child.lower_ == "to":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    seen = 0
    while seen < 4:
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
            if child.dep_ == "agent":  # "was told by X"
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok, seen = tok.head.head, seen + 1  # "..., by saying": the verb of "by"
            continue
        if tok.dep_ in {"conj", "advcl", "xcomp"} and tok.head is not tok:
            tok, seen = tok.head, seen + 1  # "said ... and added", "..., adding that"
            if tok.dep_ == "ccomp" and is_cue(tok.head):
                tok = tok.head  # "X said A offered ..., and urged": urged pairs with said
            continue
        return None
    return None


def _cue_by_parse(ctx: QuoteContext, quote: QuotedSpan) -> Token | None:
    """A cue verb that the parser made the head of a word inside the quote."""
    doc = ctx.doc
    for tok in doc[ctx.token_at(quote.start) : ctx.token_at(max(quote.start, quote.end - 1)) + 1]:
        head = tok.head
        outside = head.idx < quote.open_start or head.idx >= quote.close_end
        if outside and is_cue(head) and tok.dep_ in _REPORTED_DEPS:
            return head
    return None


def _first_after(ctx: QuoteContext, quote: QuotedSpan) -> int:
    i = ctx.token_at(quote.close_end)
    return i + 1 if ctx.doc[i].idx < quote.close_end else i


def _cue_after(ctx: QuoteContext, quote: QuotedSpan) -> Token | None:
    """``…,” Kerry said`` / ``…,” said Mr. Ban``: a cue just after the closing mark."""
    if not quote.closed:
        return None
    i = _first_after(ctx, quote)
    last = ctx.text[quote.start : quote.end].rstrip()[-1:]
    doc = ctx.doc
    # After a full stop inside the quote, what follows starts a new sentence, unless it
    # is an attribution with nothing to report of its own (“… today.” Trump said.).
    if last in SENTENCE_END and last != "?" and i < len(doc) and not doc[i].is_lower:
        return _bare_attribution(ctx, i)
    # A quote in the middle of a sentence is a title or a scare quote ("on Fox's
    # “Hannity,” Gingrich said") unless it reads as words said (“... too far,” he said).
    if fronted_clause(ctx, quote) is not None and _title_like(ctx, quote):
        return None
    for tok in doc[i : i + 7]:
        stop = tok.text in SENTENCE_END or tok.text in _QUOTE_TOKENS or "\n" in tok.text
        if stop or tok.pos_ == "CCONJ":  # "…,” and urged": a new clause, not the attribution
            break
        if is_cue(tok):
            return tok
    return _cue_after_subject(ctx, i) or _any_verb_after(ctx, quote, i)


def _after_quote(ctx: QuoteContext, i: int) -> Iterator[Token]:
    """Tokens from ``i`` to the end of the sentence (or the next quotation mark)."""
    for tok in ctx.doc[i : i + _MAX_ATTRIBUTION]:
        if tok.text in SENTENCE_END or tok.text in _QUOTE_TOKENS or "\n" in tok.text:
            return
        yield tok


def _cue_after_subject(ctx: QuoteContext, i: int) -> Token | None:
    """``…,” Jeff Smith, a professor at The New School and pollster, said``.

    A long subject between quote and cue: the cue whose subject starts the attribution.
    """
    for tok in _after_quote(ctx, i):
        if is_cue(tok):
            subj = _subject(tok)
            return tok if subj is not None and subj.left_edge.i in {i, i + 1} else None
    return None


def _bare_attribution(ctx: QuoteContext, i: int) -> Token | None:
    """``“… missing.” Trump said.``: a subject and a cue reporting nothing else."""
    cue = _cue_after_subject(ctx, i)
    if cue is None or any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children):
        return None
    return cue


def _title_like(ctx: QuoteContext, quote: QuotedSpan) -> bool:
    """``“Hannity,”``, ``“Saturday Night Live”``: few words, or every word capitalised."""
    words = re.findall(r"[^\W\d_][\w'’-]*", ctx.text[quote.start : quote.end])
    return len(words) < _MIN_WORDS_FRONTED or all(w[0].isupper() for w in words)


def _any_verb_after(ctx: QuoteContext, quote: QuotedSpan, i: int) -> Token | None:
    """``…?” Trump went on`` / ``…,” she laughed``: a name or pronoun and its verb."""
    # The comma before the closing mark sits outside the span (see marks._span).
    last = ctx.text[quote.start : quote.close_end].rstrip().rstrip("\"”'»").rstrip()[-1:]
    if last not in {",", "?", "!", "—", "-"}:
        return None
    doc = ctx.doc
    for tok in doc[i : i + 4]:
        if tok.pos_ == "VERB":
            subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i >= i and subj.pos_ in {"PROPN", "PRON", "NOUN"}:
                return tok
            return None
    return None


def _cue_before(ctx: QuoteContext, quote: QuotedSpan) -> Token | None:
    """``Ban said that “…”`` / ``Kerry told reporters: “…”``: the nearest cue before."""
    i = ctx.token_at(quote.open_start)
    doc = ctx.doc
    for tok in reversed(doc[max(0, i - 40) : i]):
        if "\n" in tok.text or (tok.text in SENTENCE_END and not ctx.inside_quote(tok.idx)):
            break
        if ctx.inside_quote(tok.idx):
            if any(_ends_sentence(ctx, q) for q in ctx.quotes_ending_at(tok.idx + len(tok.text))):
                break
            continue
        if is_cue(tok) or (is_cue(tok, partial=True) and complement_clause(ctx, tok, quote)):
            return tok
    return None


def _outer_cue(ctx: QuoteContext, cue: Token, quote: QuotedSpan) -> Token:
    """``Kasich says he'd tell him “no more nonsense”``: the cue reporting the clause
    that holds the nearer cue, so the quote comes back with what Kasich said."""
    outer, tok = cue, cue
    while tok.head is not tok and tok.dep_ == "ccomp":
        tok = tok.head
        if tok.idx >= quote.open_start:
            break
        if is_cue(tok) and not ctx.inside_quote(tok.idx):
            outer = tok
    return outer


def _governing_verb(ctx: QuoteContext, quote: QuotedSpan) -> Token | None:
    """``Trump mocked Rubio as “Little Marco”``: a verb not on the cue lists whose object
    or clause holds the quote, said by a person or organisation named or a pronoun."""
    if _title_like(ctx, quote):
        return None  # "Jessica Mendoza replaced Schilling on “Sunday Night Baseball”"
    i = ctx.token_at(quote.open_start)
    for tok in reversed(ctx.doc[max(0, i - 12) : i]):
        if "\n" in tok.text or tok.text in SENTENCE_END or ctx.inside_quote(tok.idx):
            return None
        if tok.pos_ != "VERB" or complement_clause(ctx, tok, quote) is None:
            continue
        subj = _subject(tok)
        if subj is not None and _speaker_like(ctx, subj):
            return tok
    return None


def _speaker_like(ctx: QuoteContext, head: Token) -> bool:
    if head.text in _SPEAKER_PRONOUNS:
        return True
    mention = ctx.entity_covering(head.idx, head.idx + len(head.text))
    return mention is not None and mention.kind in {EntityKind.PERSON, EntityKind.ORG}


def _ends_sentence(ctx: QuoteContext, quote: QuotedSpan) -> bool:
    return ctx.text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_END


def _colon_cue(ctx: QuoteContext, quote: QuotedSpan) -> Token | None:
    """``Trump leaned in and boomed: “…”``: the verb a colon introduces the quote with."""
    head_text = ctx.text[: quote.open_start].rstrip()
    if not head_text.endswith(":"):
        return None
    colon = ctx.doc[ctx.token_at(len(head_text) - 1)]
    verb = colon.head
    # "issued the following statement:": from the noun up to its verb.
    for _ in range(2):
        if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"dobj", "pobj", "prep"}:
            verb = verb.head
    if colon.text != ":" or verb.pos_ not in {"VERB", "AUX"} or verb.idx > colon.idx:
        return None
    return verb if _subject(verb) is not None else None


def _colon_speaker(ctx: QuoteContext, quote: QuotedSpan) -> Speaker | None:
    """``Kerry: “…”``: a name right before a colon introducing the quote."""
    head_text = ctx.text[: quote.open_start].rstrip()
    if not head_text.endswith(":"):
        return None
    colon = len(head_text) - 1
    mention = ctx.entity_covering(colon - 1, colon)
    if mention is None or mention.kind not in {EntityKind.PERSON, EntityKind.ORG}:
        return None
    return Speaker((mention.start, mention.end), name_for(ctx, mention), mention.kind)


# --- putting it together ------------------------------------------------------------


def extract_quotes(
    text: str, doc: Doc | None = None, entities: Sequence[EntityMention] | None = None
) -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text``, sorted by position."""
    doc = doc if doc is not None else parse(text)
    if entities is None:
        entities = extract_entities(text, doc)
    ctx = QuoteContext(text, doc, entities)
    ctx.quoted = find_quoted_spans(text)
    # Quotes and reported speech are read in text order, so that a pronoun or a quote
    # standing alone can lean on the attributions before it.
    items: list[tuple[int, QuotedSpan | None, Token | None, Token | None]] = [
        (q.start, q, None, None) for q in ctx.quoted
    ]
    items += [(cue.idx, None, cue, head) for cue, head in _indirect_events(ctx)]
    history: list[Attribution] = []
    quotes = []
    for _, quoted, cue, head in sorted(items, key=lambda item: item[0]):
        if quoted is not None:
            quote = _direct_quote(ctx, quoted, history)
        else:
            assert cue is not None and head is not None
            quote = _indirect_quote(ctx, cue, head, history)
        if quote is not None:
            quotes.append(quote)
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))


def extract_quotes_many(
    texts: Iterable[str], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[tuple[tuple[EntityMention, ...], tuple[Quote, ...]]]:
    """(entities, quotes) for many texts, parsed in batches with ``nlp.pipe``."""
    items = list(texts)
    for text, doc in zip(items, parse_many(items, batch_size), strict=True):
        entities = extract_entities(text, doc)
        yield entities, extract_quotes(text, doc, entities)


def _direct_quote(
    ctx: QuoteContext, quoted: QuotedSpan, history: list[Attribution]
) -> Quote | None:
    cue = (
        _cue_by_parse(ctx, quoted)
        or _cue_after(ctx, quoted)
        or _cue_before(ctx, quoted)
        or _colon_cue(ctx, quoted)
        or _governing_verb(ctx, quoted)
    )
    if cue is not None and cue.idx < quoted.open_start:
        cue = _outer_cue(ctx, cue, quoted)
    cue_span = (cue.idx, cue.idx + len(cue.text)) if cue is not None else None
    speaker = None
    if cue is not None:
        after = quoted.close_end if cue.idx >= quoted.close_end else None
        speaker = _speaker_of_cue(ctx, cue, history, after)
    else:
        speaker = _colon_speaker(ctx, quoted)
        anchor = _inherited(ctx, quoted, history) if speaker is None else None
        if anchor is not None:
            # A quote standing alone goes on from the last one ("…,” he said. “…”):
            # it shares that cue, which is how a quote split by its attribution reads.
            speaker, cue_span = anchor.speaker, anchor.cue
    standalone = False
    if speaker is None and cue is not None:
        # The parse gave the cue no usable subject: the words are still quoted speech.
        speaker = cue_fallback_speaker(ctx, cue, history)
    elif speaker is None and count_words(ctx, quoted.start, quoted.end) >= _MIN_WORDS_UNATTRIBUTED:
        # A sentence-long quote with no cue near it is still someone's words
        # (a transcript, a quote whose attribution the parser lost).
        standalone = True
        speaker = standalone_speaker(ctx, quoted, history)
    elif speaker is None:
        return None
    quote = _make_quote(ctx, quoted, cue, speaker, cue_span)
    if quote is not None and speaker is not None and not standalone:
        history.append(
            Attribution(quoted.start, ctx.paragraph_of(quoted.start), speaker, cue_span, True)
        )
    return quote


def _speaker_of_cue(
    ctx: QuoteContext, cue: Token, history: Sequence[Attribution], after: int | None = None
) -> Speaker | None:
    """The speaker of a cue; ``after``: where the quote before the cue closes."""
    head = _subject(cue)
    if head is None or ctx.inside_quote(head.idx) or named_after(ctx, cue, head):
        head = named_after(ctx, cue) or named_before(ctx, cue)
        if head is None and after is not None:
            head = _named_between(ctx, after, cue) or _phrase_after(ctx, after, cue)
        if head is None:
            return None
    return resolve_speaker(ctx, speaker_from(ctx, head), history)


def _named_between(ctx: QuoteContext, after: int, cue: Token) -> Token | None:
    """``…,” screenwriter Cole Haddon wrote``, misparsed: a person between quote and cue."""
    between = [
        m
        for m in ctx.entities
        if after <= m.start and m.end <= cue.idx and m.kind is EntityKind.PERSON
    ]
    return ctx.doc[ctx.token_at(between[-1].end - 1)] if between else None


def _phrase_after(ctx: QuoteContext, after: int, cue: Token) -> Token | None:
    """``“How big is that wall?” asked the boy``: the noun phrase after a cue that
    follows the quote directly, where the parser found it no subject."""
    if ctx.text[after : cue.idx].strip(" ,") or cue.i + 1 >= len(ctx.doc):
        return None
    for tok in ctx.doc[cue.i + 1 : cue.i + 5]:
        if tok.pos_ in {"NOUN", "PROPN"}:
            head = tok
            while head.head.i > head.i and head.head.pos_ in {"NOUN", "PROPN"}:
                head = head.head
            return head
        if tok.pos_ not in {"DET", "ADJ", "NUM"}:
            return None
    return None


def _inherited(
    ctx: QuoteContext, quoted: QuotedSpan, history: Sequence[Attribution]
) -> Attribution | None:
    """The attribution a quote standing alone leans on.

    The last one of its paragraph; or, for a quote opening its paragraph, a direct
    quote attributed in the paragraph just before (``“A,” he said.`` / ``“B.”``).
    """
    if not history:
        return None
    last, para = history[-1], ctx.paragraph_of(quoted.start)
    if last.paragraph == para:
        return last
    opens = quoted.open_start == ctx.paragraphs[para][0]
    if opens and last.direct and last.paragraph == para - 1:
        return last
    return None


def _make_quote(
    ctx: QuoteContext,
    quoted: QuotedSpan,
    cue: Token | None,
    speaker: Speaker | None,
    cue_span: tuple[int, int] | None,
) -> Quote | None:
    """The quote, or the reported clause holding it when it is a partial quote."""
    start, end = quoted.start, quoted.end
    if cue is not None:
        start, end = reported_clause(ctx, cue, quoted)
    if count_words(ctx, start, end) < _MIN_WORDS_ALONE and cue is None:
        return None  # a name, a title or a scare quote
    if speaker is None:
        return Quote(start, end, True, None, None, cue_span)
    return Quote(start, end, True, speaker.span, speaker.name, cue_span)


# --- reported speech without quotation marks ----------------------------------------


def _indirect_events(ctx: QuoteContext) -> list[tuple[Token, Token]]:
    """(cue, clause head) pairs for reported speech outside quotation marks."""
    events = []
    for tok in ctx.doc:
        lower = tok.lower_
        if lower not in SPEECH_CUES and lower not in BELIEF_CUES and lower != "according":
            continue
        if ctx.inside_quote(tok.idx):
            continue
        clause = _reported_head(tok)
        if clause is not None:
            events.append((tok, clause))
    return events


def _reported_head(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        if to is None or cue.head is cue:
            return None
        return cue.head  # "According to X, CLAUSE": the clause is the cue's head
    if cue.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in cue.children if c.dep_ == "ccomp"), None)


def _indirect_quote(
    ctx: QuoteContext, cue: Token, head: Token, history: list[Attribution]
) -> Quote | None:
    speaker = _speaker_of_cue(ctx, cue, history)
    if speaker is None:
        return None
    start, end = _indirect_span(ctx, cue, head)
    # Clauses holding quotation marks are the direct path's (as partial quotes).
    if end - start < 3 or ctx.overlaps_quote(start, end):
        return None
    history.append(
        Attribution(cue.idx, ctx.paragraph_of(cue.idx), speaker, (cue.idx, cue.idx + len(cue.text)))
    )
    return Quote(start, end, False, speaker.span, speaker.name, (cue.idx, cue.idx + len(cue.text)))


def _indirect_span(ctx: QuoteContext, cue: Token, head: Token) -> tuple[int, int]:
    if cue.lower_ != "according":
        return clause_span(ctx, head)
    # "According to X, CLAUSE": the sentence without the "according to X" phrase.
    sent = head.sent
    start, end = clause_span(ctx, head)
    source_end = cue.right_edge.idx + len(cue.right_edge.text)
    if cue.i < head.i:
        start = max(start, source_end)
        start = ctx.doc[ctx.token_at(start)].idx
        while start < end and not ctx.text[start].isalnum():
            start += 1
    else:
        end = min(end, cue.idx)
        end = len(ctx.text[:end].rstrip(" ,"))
    return max(start, sent.start_char), min(end, sent.end_char)
