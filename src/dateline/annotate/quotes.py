"""Quotes and reported speech, with the speaker who said them.

Two steps. :func:`find_quoted_spans` pairs quotation marks in the raw text (straight,
curly and Penn-Treebank ```` ... ''``), paragraph by paragraph, with the newspaper
convention that a quote left open at the end of a paragraph goes on in the next one
when that one opens with a quotation mark. It needs no model.

:func:`extract_quotes` then reads the dependency parse around each quoted span to find
the cue ("said", "told", "according to", a colon) and its subject, in the usual
places: after the quote (``…,” Kerry said`` / ``said Mr. Ban``), before it (``Ban said
that “…”``, ``Kerry told reporters: “…”``), or, for a quote standing alone, from the
last attribution in the same paragraph. A short quote inside reported speech (Lavrov
said the situation is “outrageous”) is returned as the reported clause it sits in, so
the quote says what was said. Reported speech without quotation marks (``Kerry said
that the date should be set by the UN``) comes out with ``direct=False``.

Speakers are resolved to a name within the article: a surname to the full name seen
(``Ban`` -> ``Ban Ki-moon``), a pronoun to the last person speaking or acting, a role
(``the UN chief``, ``Russia's Foreign Minister``) to the person introduced with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.annotate.entities import extract_entities, parse_role, title_before
from dateline.annotate.nlp import DEFAULT_BATCH_SIZE, parse, parse_many
from dateline.model import EntityKind, EntityMention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTES_VERSION = "quotes-1"


def _forms(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


# Word forms, not lemmas: the lemmatizer is disabled for speed, and the list is closed.
SPEECH_CUES = _forms(
    """say says said saying tell tells told telling add adds added adding state states
    stated note notes noted noting stress stresses stressed insist insists insisted
    insisting urge urges urged urging argue argues argued arguing warn warns warned
    warning conclude concludes concluded ask asks asked asking explain explains explained
    explaining claim claims claimed claiming announce announces announced write writes
    wrote written tweet tweets tweeted tweeting declare declares declared reply replies
    replied respond responds responded continue continues continued predict predicts
    predicted promise promises promised vow vows vowed pledge pledges pledged deny denies
    denied confirm confirms confirmed recall recalls recalled complain complains
    complained contend contends contended maintain maintains maintained emphasize
    emphasizes emphasized emphasise emphasised assert asserts asserted allege alleges
    alleged reveal reveals revealed testify testified repeat repeats repeated comment
    commented remark remarks remarked acknowledge acknowledges acknowledged admit admits
    admitted suggest suggests suggested report reports reported quip quipped joke joked
    shout shouted yell yelled exclaim exclaimed boast boasted counter countered retort
    retorted observe observes observed concede concedes conceded charge charged lament
    lamented posted wrote explain told insist telling writes reiterated reiterate
    reiterates cautioned cautions caution recounted recalled described describes
    called calls answer answers answered read reads writing quipped quips wondered
    wonders"""
)
# Verbs that attribute words only when the words are quoted in their complement:
# Trump criticised Khan for making “very rude statements”.
PARTIAL_CUES = _forms(
    """criticize criticizes criticized criticise criticised criticising criticizing slam
    slams slammed slamming blast blasts blasted accuse accuses accused accusing praise
    praises praised mock mocks mocked mocking label labels labeled labelled labeling
    labelling describe describing dub dubs dubbed brand brands branded branding refer
    refers referred referring thank thanks thanked chant chants chanted echo echoes
    echoed echoing bemoan bemoans bemoaned decry decries decried condemn condemns
    condemned applaud applauds applauded cite cites cited citing quote quotes quoted
    quoting deride derides derided dismiss dismisses dismissed lambaste lambasted
    characterize characterized characterizes insult insulted attack attacked attacks
    blame blamed blames tout touts touted hail hails hailed"""
)
# Attributions of belief count as reported speech only without quotation marks.
BELIEF_CUES = _forms(
    """believe believes believed think thinks thought feel feels felt fear fears feared
    hope hopes hoped expect expects expected know knows knew"""
)
PRONOUNS = _forms("he she they we i He She They We I it It")
_PERSON_PRONOUNS = _forms("he she him her He She")
# Roles that, with "the", refer back to a person already named ("the diplomat").
_ANAPHORIC_ROLES = _forms(
    """diplomat minister chief secretary-general secretary president leader senator
    governor candidate nominee ambassador envoy chancellor premier mayor spokesman
    spokeswoman congressman congresswoman speaker king queen general"""
)

_GENERIC_HEADS = _forms("chief head leader boss")

OPEN, CLOSE, EITHER = "open", "close", "either"
_MARK = re.compile(r"``|''|[“”\"„«»]")
_GLYPH_ROLE = {"``": OPEN, "“": OPEN, "„": OPEN, "«": OPEN, "''": CLOSE, "”": CLOSE, "»": CLOSE}
_LEFT_BOUNDARY = set(" \t\n([{—–-/")
_RIGHT_BOUNDARY = set(" \t\n.,;:!?)]}—–-/…")
_SENTENCE_END = frozenset({".", "!", "?"})
_QUOTE_TOKENS = frozenset({'"', "“", "”", "``", "''", "„", "«", "»"})
_MIN_WORDS_ALONE = 4  # fewer quoted words alone are names, titles or scare quotes
_COVER_RATIO = 0.6
# How a reported clause hangs from its cue verb in spaCy's English dependency scheme.
_REPORTED_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "parataxis", "dep", "oprd", "attr", "advcl"}
)  # a quote covering less of its reported clause is a partial quote


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quotation marks (a quote may run over paragraphs)."""

    open_start: int  # where the opening mark starts
    start: int  # first character inside the marks
    end: int  # end of the content, before the closing mark
    close_end: int  # after the closing mark (== end when the quote was never closed)
    closed: bool


# --- quotation marks ----------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated, or one per line when no line is blank."""
    splitter = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n\s*"
    spans, start = [], 0
    for match in re.finditer(splitter, text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _context_role(text: str, start: int, end: int, para: tuple[int, int]) -> str:
    left = start == para[0] or text[start - 1] in _LEFT_BOUNDARY
    right = end >= para[1] or text[end] in _RIGHT_BOUNDARY
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    return EITHER


def _marks(text: str, para: tuple[int, int]) -> list[tuple[int, int, str, str]]:
    """(start, end, glyph role, context role) of each quotation mark in a paragraph."""
    found = []
    for match in _MARK.finditer(text, *para):
        context = _context_role(text, match.start(), match.end(), para)
        found.append((match.start(), match.end(), _GLYPH_ROLE.get(match.group(), EITHER), context))
    return found


def _opens(glyph: str, context: str) -> bool:
    """Can this mark open a quote? Context wins over a glyph typed the wrong way round."""
    return context == OPEN or (context == EITHER and glyph != CLOSE)


def _closes(glyph: str, context: str) -> bool:
    return context == CLOSE or (context == EITHER and glyph != OPEN)


def _span(text: str, open_start: int, start: int, end: int, close_end: int) -> QuotedSpan:
    content = text[start:end]
    lead = len(content) - len(content.lstrip())
    # The comma before a closing mark belongs to the sentence around the quote.
    trail = len(content) - len(content.rstrip().rstrip(",").rstrip())
    return QuotedSpan(open_start, start + lead, end - trail, close_end, close_end > end)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every pair of quotation marks in ``text``, in order; no model needed."""
    spans: list[QuotedSpan] = []
    pending: tuple[int, int] | None = None  # (open_start, content start) left open
    last_end = 0
    for para in paragraphs(text):
        marks = _marks(text, para)
        if pending is not None:
            if marks and marks[0][0] == para[0] and _opens(marks[0][2], marks[0][3]):
                marks = marks[1:]  # the quote goes on in this paragraph
            else:
                spans.append(_span(text, pending[0], pending[1], last_end, last_end))
                pending = None
        pending = _pair_marks(text, marks, pending, spans)
        last_end = para[1]
    if pending is not None:
        spans.append(_span(text, pending[0], pending[1], last_end, last_end))
    return [s for s in spans if s.end > s.start]


def _pair_marks(
    text: str,
    marks: list[tuple[int, int, str, str]],
    pending: tuple[int, int] | None,
    spans: list[QuotedSpan],
) -> tuple[int, int] | None:
    """Pair marks left to right; returns the quote still open at the paragraph end."""
    for start, end, glyph, context in marks:
        if pending is None:
            if _opens(glyph, context):
                pending = (start, end)
            continue  # a stray closing mark: an inch sign, a typo
        if _closes(glyph, context):
            spans.append(_span(text, pending[0], pending[1], start, end))
            pending = None
        else:
            pending = (start, end)  # an opening mark inside an open quote: restart here
    return pending


# --- the parse around a quote -------------------------------------------------------


@dataclass(frozen=True)
class _Speaker:
    span: tuple[int, int]
    name: str | None
    kind: EntityKind | None


@dataclass(frozen=True)
class _Attribution:
    """A cue and its speaker, where found: the anchor for quotes standing alone."""

    position: int
    paragraph: int
    speaker: _Speaker
    cue: tuple[int, int] | None


class _Context:
    """One parsed text with its entities, and lookups from characters to tokens."""

    def __init__(self, text: str, doc: Doc, entities: Sequence[EntityMention]) -> None:
        self.text = text
        self.doc = doc
        self.entities = sorted(entities, key=lambda m: m.start)
        self.entity_starts = [m.start for m in self.entities]
        self.token_starts = [tok.idx for tok in doc]
        self.paragraphs = paragraphs(text)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.quoted: list[QuotedSpan] = []

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def inside_quote(self, offset: int) -> bool:
        return any(q.open_start <= offset < q.close_end for q in self.quoted)

    def entity_covering(self, start: int, end: int) -> EntityMention | None:
        i = bisect.bisect_right(self.entity_starts, end) - 1
        while i >= 0 and self.entities[i].end > start - 40:
            mention = self.entities[i]
            if mention.start < end and start < mention.end:
                return mention
            i -= 1
        return None


def _is_cue(tok: Token, partial: bool = False) -> bool:
    """A speech verb; with ``partial``, also the verbs that only attribute quoted words."""
    lower = tok.lower_
    if tok.pos_ in {"VERB", "AUX"} and (
        lower in SPEECH_CUES or (partial and lower in PARTIAL_CUES)
    ):
        return True
    return lower == "according" and any(c.lower_ == "to" for c in tok.children)


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
        if tok.dep_ in {"conj", "advcl", "xcomp"} and tok.head is not tok:
            tok, seen = tok.head, seen + 1  # "said ... and added", "..., adding that"
            if tok.dep_ == "ccomp" and _is_cue(tok.head):
                tok = tok.head  # "X said A offered ..., and urged": urged pairs with said
            continue
        return None
    return None


def _speaker_from(ctx: _Context, head: Token) -> _Speaker:
    """The speaker mention at ``head`` and the name it resolves to."""
    start, end = head.idx, head.idx + len(head.text)
    mention = ctx.entity_covering(start, end)
    if mention is not None:
        return _Speaker((mention.start, mention.end), _name_for(ctx, mention), mention.kind)
    if head.text in PRONOUNS:
        return _Speaker((start, end), None, None)
    left = head.left_edge
    span = (left.idx, end) if left.i >= head.i - 6 else (start, end)
    return _Speaker(span, None, None)


def _name_for(ctx: _Context, mention: EntityMention) -> str:
    """The fullest form of a person's name in the text: the last before, else the first after.

    ``Ban`` -> ``Ban Ki-moon`` (family name first), ``Kerry`` -> ``John Kerry``.
    """
    if mention.kind is not EntityKind.PERSON:
        return mention.text
    words = mention.text.split()

    def fuller(other: EntityMention) -> bool:
        other_words = other.text.split()
        same = words[-1] == other_words[-1] or (len(words) == 1 and words[0] == other_words[0])
        return other.kind is EntityKind.PERSON and len(other_words) > len(words) and same

    candidates = [m for m in ctx.entities if fuller(m)]
    before = [m for m in candidates if m.start < mention.start]
    if before:
        return before[-1].text
    return candidates[0].text if candidates else mention.text


def _cue_by_parse(ctx: _Context, quote: QuotedSpan) -> Token | None:
    """A cue verb that the parser made the head of a word inside the quote."""
    doc = ctx.doc
    for tok in doc[ctx.token_at(quote.start) : ctx.token_at(max(quote.start, quote.end - 1)) + 1]:
        head = tok.head
        outside = head.idx < quote.open_start or head.idx >= quote.close_end
        if outside and _is_cue(head) and tok.dep_ in _REPORTED_DEPS:
            return head
    return None


def _first_after(ctx: _Context, quote: QuotedSpan) -> int:
    i = ctx.token_at(quote.close_end)
    return i + 1 if ctx.doc[i].idx < quote.close_end else i


def _cue_after(ctx: _Context, quote: QuotedSpan) -> Token | None:
    """``…,” Kerry said`` / ``…,” said Mr. Ban``: a cue just after the closing mark."""
    if not quote.closed:
        return None
    i = _first_after(ctx, quote)
    last = ctx.text[quote.start : quote.end].rstrip()[-1:]
    doc = ctx.doc
    # After a full stop inside the quote, what follows starts a new sentence, unless it
    # is a lower-case attribution ("… today.” he said).
    if last in _SENTENCE_END and last != "?" and i < len(doc) and not doc[i].is_lower:
        return None
    # A quote in the middle of a sentence is a title or a scare quote ("on Fox's
    # “Hannity,” Gingrich said"), unless the parser ties it to the cue.
    if _fronted_clause(ctx, quote) is not None:
        return None
    for tok in doc[i : i + 7]:
        stop = tok.text in _SENTENCE_END or tok.text in _QUOTE_TOKENS or "\n" in tok.text
        if stop or tok.pos_ == "CCONJ":  # "…,” and urged": a new clause, not the attribution
            break
        if _is_cue(tok):
            return tok
    return _any_verb_after(ctx, quote, i)


def _any_verb_after(ctx: _Context, quote: QuotedSpan, i: int) -> Token | None:
    """``…?” Trump went on`` / ``…,” she laughed``: a name or pronoun and its verb."""
    if ctx.text[quote.start : quote.end].rstrip()[-1:] not in {",", "?", "!", "—", "-"}:
        return None
    doc = ctx.doc
    for tok in doc[i : i + 4]:
        if tok.pos_ == "VERB":
            subj = next((c for c in tok.lefts if c.dep_ == "nsubj"), None)
            if subj is not None and subj.i >= i and subj.pos_ in {"PROPN", "PRON"}:
                return tok
            return None
    return None


def _cue_before(ctx: _Context, quote: QuotedSpan) -> Token | None:
    """``Ban said that “…”`` / ``Kerry told reporters: “…”``: the nearest cue before."""
    i = ctx.token_at(quote.open_start)
    doc = ctx.doc
    for tok in reversed(doc[max(0, i - 40) : i]):
        if "\n" in tok.text or (tok.text in _SENTENCE_END and not ctx.inside_quote(tok.idx)):
            break
        if ctx.inside_quote(tok.idx):
            if any(
                q.close_end == tok.idx + len(tok.text) and _ends_sentence(ctx, q)
                for q in ctx.quoted
            ):
                break
            continue
        if _is_cue(tok) or (_is_cue(tok, partial=True) and _complement_clause(ctx, tok, quote)):
            return tok
    return None


def _ends_sentence(ctx: _Context, quote: QuotedSpan) -> bool:
    return ctx.text[quote.start : quote.end].rstrip()[-1:] in _SENTENCE_END


def _colon_cue(ctx: _Context, quote: QuotedSpan) -> Token | None:
    """``Trump leaned in and boomed: “…”``: the verb a colon introduces the quote with."""
    head_text = ctx.text[: quote.open_start].rstrip()
    if not head_text.endswith(":"):
        return None
    colon = ctx.doc[ctx.token_at(len(head_text) - 1)]
    verb = colon.head
    if colon.text != ":" or verb.pos_ not in {"VERB", "AUX"} or verb.idx > colon.idx:
        return None
    return verb if _subject(verb) is not None else None


def _colon_speaker(ctx: _Context, quote: QuotedSpan) -> _Speaker | None:
    """``Kerry: “…”``: a name right before a colon introducing the quote."""
    head_text = ctx.text[: quote.open_start].rstrip()
    if not head_text.endswith(":"):
        return None
    colon = len(head_text) - 1
    mention = ctx.entity_covering(colon - 1, colon)
    if mention is None or mention.kind not in {EntityKind.PERSON, EntityKind.ORG}:
        return None
    return _Speaker((mention.start, mention.end), _name_for(ctx, mention), mention.kind)


# --- resolution ---------------------------------------------------------------------


def _resolve(ctx: _Context, speaker: _Speaker, history: Sequence[_Attribution]) -> _Speaker:
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


def _with_name(speaker: _Speaker, name: str | None) -> _Speaker:
    if name is None:
        return speaker
    return _Speaker(speaker.span, name, EntityKind.PERSON)


def _last_person(ctx: _Context, before: int, history: Sequence[_Attribution]) -> str | None:
    """The person last quoted in this or the previous paragraph, else last named."""
    para = ctx.paragraph_of(before)
    for event in reversed(history):
        if event.position < before and para - event.paragraph <= 1:
            if event.speaker.kind is EntityKind.PERSON and event.speaker.name:
                return event.speaker.name
            break
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
            return _name_for(ctx, mention)
    return _name_for(ctx, people[-1])


def _person_with_role(ctx: _Context, before: int, role: str, affiliation: str) -> str | None:
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
            return _name_for(ctx, mention)
    return None


# --- putting it together ------------------------------------------------------------


def extract_quotes(
    text: str, doc: Doc | None = None, entities: Sequence[EntityMention] | None = None
) -> tuple[Quote, ...]:
    """Direct quotes and reported speech in ``text``, sorted by position."""
    doc = doc if doc is not None else parse(text)
    if entities is None:
        entities = extract_entities(text, doc)
    ctx = _Context(text, doc, entities)
    ctx.quoted = find_quoted_spans(text)
    # Quotes and reported speech are read in text order, so that a pronoun or a quote
    # standing alone can lean on the attributions before it.
    items: list[tuple[int, QuotedSpan | None, Token | None, Token | None]] = [
        (q.start, q, None, None) for q in ctx.quoted
    ]
    items += [(cue.idx, None, cue, head) for cue, head in _indirect_events(ctx)]
    history: list[_Attribution] = []
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


def _direct_quote(ctx: _Context, quoted: QuotedSpan, history: list[_Attribution]) -> Quote | None:
    cue = (
        _cue_by_parse(ctx, quoted)
        or _cue_after(ctx, quoted)
        or _cue_before(ctx, quoted)
        or _colon_cue(ctx, quoted)
    )
    cue_span = (cue.idx, cue.idx + len(cue.text)) if cue is not None else None
    speaker = None
    if cue is not None:
        speaker = _speaker_of_cue(ctx, cue, history)
    else:
        speaker = _colon_speaker(ctx, quoted)
        anchor = _inherited(ctx, quoted, history) if speaker is None else None
        if anchor is not None:
            # A quote standing alone goes on from the last one ("…,” he said. “…”):
            # it shares that cue, which is how a quote split by its attribution reads.
            speaker, cue_span = anchor.speaker, anchor.cue
    if speaker is None:
        return None
    quote = _make_quote(ctx, quoted, cue, speaker, cue_span)
    if quote is not None:
        history.append(
            _Attribution(quoted.start, ctx.paragraph_of(quoted.start), speaker, cue_span)
        )
    return quote


def _speaker_of_cue(ctx: _Context, cue: Token, history: Sequence[_Attribution]) -> _Speaker | None:
    head = _subject(cue)
    if head is None or ctx.inside_quote(head.idx):
        return None
    return _resolve(ctx, _speaker_from(ctx, head), history)


def _inherited(
    ctx: _Context, quoted: QuotedSpan, history: Sequence[_Attribution]
) -> _Attribution | None:
    """The attribution a quote standing alone leans on: the last one of its paragraph."""
    para = ctx.paragraph_of(quoted.start)
    if history and history[-1].paragraph == para:
        return history[-1]
    return None


def _make_quote(
    ctx: _Context,
    quoted: QuotedSpan,
    cue: Token | None,
    speaker: _Speaker,
    cue_span: tuple[int, int] | None,
) -> Quote | None:
    """The quote, or the reported clause holding it when it is a partial quote."""
    start, end = quoted.start, quoted.end
    if cue is not None:
        start, end = _reported_clause(ctx, cue, quoted)
    words = len(re.findall(r"\w+", ctx.text[start:end]))
    if words < _MIN_WORDS_ALONE and cue is None:
        return None  # a name, a title or a scare quote
    return Quote(start, end, True, speaker.span, speaker.name, cue_span)


def _reported_clause(ctx: _Context, cue: Token, quoted: QuotedSpan) -> tuple[int, int]:
    """What the cue reports: the quote itself, or the clause around a partial quote."""
    if cue.idx >= quoted.close_end:
        clause = _fronted_clause(ctx, quoted)
    else:
        clause = _complement_clause(ctx, cue, quoted)
    if clause is None:
        return quoted.start, quoted.end
    quote_words = len(re.findall(r"\w+", ctx.text[quoted.start : quoted.end]))
    clause_words = len(re.findall(r"\w+", ctx.text[clause[0] : clause[1]]))
    if quote_words >= _COVER_RATIO * clause_words:
        return quoted.start, quoted.end
    return clause


def _complement_clause(ctx: _Context, cue: Token, quoted: QuotedSpan) -> tuple[int, int] | None:
    """``said the situation is “outrageous”``: the cue's complement holding the quote."""
    for child in cue.rights:
        if child.dep_ in {"nsubj", "nsubjpass", "punct"}:
            continue
        start, end = _clause_span(ctx, child)
        core_start, core_end = _core(ctx.text, quoted.start, quoted.end)
        if start <= core_start and core_end <= end:
            return start, max(end, quoted.end)
    return None


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without leading and trailing punctuation (``false.`` -> ``false``)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _fronted_clause(ctx: _Context, quoted: QuotedSpan) -> tuple[int, int] | None:
    """``The “animosity is like I've never seen before,” he told``: from sentence start."""
    sent = ctx.doc[ctx.token_at(quoted.open_start)].sent
    first = sent.start
    doc = ctx.doc
    while first < sent.end and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first >= sent.end or doc[first].idx >= quoted.open_start:
        return None
    return doc[first].idx, quoted.end


def _clause_span(ctx: _Context, tok: Token) -> tuple[int, int]:
    """Character span of a token's subtree, without edge punctuation and quote marks."""
    first, last = tok.left_edge.i, tok.right_edge.i
    doc = ctx.doc
    while first < last and (
        doc[first].is_punct or doc[first].is_space or doc[first].lower_ == "that"
    ):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# --- reported speech without quotation marks ----------------------------------------


def _indirect_events(ctx: _Context) -> list[tuple[Token, Token]]:
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
    ctx: _Context, cue: Token, head: Token, history: list[_Attribution]
) -> Quote | None:
    speaker = _speaker_of_cue(ctx, cue, history)
    if speaker is None:
        return None
    start, end = _indirect_span(ctx, cue, head)
    # Clauses holding quotation marks are the direct path's (as partial quotes).
    if end - start < 3 or any(q.open_start < end and start < q.close_end for q in ctx.quoted):
        return None
    history.append(
        _Attribution(
            cue.idx, ctx.paragraph_of(cue.idx), speaker, (cue.idx, cue.idx + len(cue.text))
        )
    )
    return Quote(start, end, False, speaker.span, speaker.name, (cue.idx, cue.idx + len(cue.text)))


def _indirect_span(ctx: _Context, cue: Token, head: Token) -> tuple[int, int]:
    if cue.lower_ != "according":
        return _clause_span(ctx, head)
    # "According to X, CLAUSE": the sentence without the "according to X" phrase.
    sent = head.sent
    start, end = _clause_span(ctx, head)
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
