"""Quotation marks paired in raw text: where quotes start and end, with no model.

Straight, curly and Penn-Treebank (```` ... ''``) marks are paired paragraph by
paragraph. A mark's role (opening or closing) is read from its glyph and, where the
two disagree, from its context: a mark after a space and before a word opens. The
newspaper convention that a quote left open at the end of a paragraph goes on in the
next one when that one opens with a quotation mark is followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE, EITHER = "open", "close", "either"
_MARK = re.compile(r"``|''|[“”\"„«»]")
_GLYPH_ROLE = {"``": OPEN, "“": OPEN, "„": OPEN, "«": OPEN, "''": CLOSE, "”": CLOSE, "»": CLOSE}
_LEFT_BOUNDARY = set(" \t\n([{—–-/")
_RIGHT_BOUNDARY = set(" \t\n.,;:!?)]}—–-/…")


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of quotation marks (a quote may run over paragraphs)."""

    open_start: int  # where the opening mark starts
    start: int  # first character inside the marks
    end: int  # end of the content, before the closing mark
    close_end: int  # after the closing mark (== end when the quote was never closed)
    closed: bool


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
