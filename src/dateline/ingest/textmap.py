"""Text built from pieces that remember where they came from.

Cleaning never edits a string in place: it assembles the cleaned text from fragments
of the original, each carrying its original offset, so any cleaned span maps back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from dateline.model import OffsetMap


class Fragment(NamedTuple):
    """A piece of cleaned text and the original span ``[orig_start, orig_start+orig_len)``.

    A named tuple rather than a dataclass: cleaning makes millions of them.
    """

    text: str
    orig_start: int
    orig_len: int
    verbatim: bool = True

    @classmethod
    def copy(cls, original: str, start: int, end: int) -> Fragment:
        return cls(original[start:end], start, end - start)

    @classmethod
    def replacement(cls, text: str, orig_start: int, orig_len: int) -> Fragment:
        return cls(text, orig_start, orig_len, verbatim=False)

    @property
    def is_copy(self) -> bool:
        return self.verbatim


Line = list[Fragment]


def line_text(line: Line) -> str:
    return "".join(f.text for f in line)


def rewrite(line: Line, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Line:
    """Apply a regex substitution to a line of fragments, keeping the offset map exact.

    Text outside matches stays a verbatim copy; each match becomes one replacement
    fragment covering the original span it replaced. Matches may not cross fragments
    that are themselves replacements; copies are split as needed.
    """
    if len(line) == 1 and not pattern.search(line[0].text):
        return line  # the common case, kept cheap: nothing to rewrite
    out: Line = []
    for frag in line:
        if not frag.is_copy:  # already a replacement: leave it alone
            out.append(frag)
            continue
        pos = 0
        for match in pattern.finditer(frag.text):
            if match.start() > pos:
                out.append(
                    Fragment(
                        frag.text[pos : match.start()], frag.orig_start + pos, match.start() - pos
                    )
                )
            new = replace(match)
            orig_start = frag.orig_start + match.start()
            if new == match.group(0):
                out.append(Fragment(new, orig_start, len(new)))
            else:
                out.append(Fragment.replacement(new, orig_start, match.end() - match.start()))
            pos = match.end()
        if pos < len(frag.text):
            out.append(Fragment(frag.text[pos:], frag.orig_start + pos, len(frag.text) - pos))
    return out


def strip_line(line: Line) -> Line:
    """Drop leading and trailing whitespace from a line of fragments."""
    text = line_text(line)
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if not lead and not trail:
        return line
    return slice_line(line, lead, len(text) - trail)


def slice_line(line: Line, start: int, end: int) -> Line:
    """The fragments covering ``line_text(line)[start:end]``, copies cut exactly."""
    out: Line = []
    pos = 0
    for frag in line:
        frag_end = pos + len(frag.text)
        lo, hi = max(start, pos), min(end, frag_end)
        if lo < hi:
            if frag.is_copy:
                out.append(
                    Fragment(frag.text[lo - pos : hi - pos], frag.orig_start + lo - pos, hi - lo)
                )
            else:
                out.append(
                    Fragment.replacement(
                        frag.text[lo - pos : hi - pos], frag.orig_start, frag.orig_len
                    )
                )
        pos = frag_end
    return out


def assemble(fragments: Iterable[Fragment], orig_length: int) -> tuple[str, OffsetMap]:
    """Join fragments into the cleaned text and its map back to the original.

    Verbatim copies that continue each other in both texts become one piece of the map.
    """
    parts: list[str] = []
    clean_starts: list[int] = []
    orig_starts: list[int] = []
    orig_lengths: list[int] = []
    verbatim: list[int] = []
    pos = 0
    for frag in fragments:
        if not frag.text:
            continue
        if (
            frag.is_copy
            and verbatim
            and verbatim[-1]
            and orig_starts[-1] + orig_lengths[-1] == frag.orig_start
        ):
            orig_lengths[-1] += frag.orig_len
        else:
            clean_starts.append(pos)
            orig_starts.append(frag.orig_start)
            orig_lengths.append(frag.orig_len)
            verbatim.append(1 if frag.is_copy else 0)
        parts.append(frag.text)
        pos += len(frag.text)
    text = "".join(parts)
    return text, OffsetMap(
        clean_starts, orig_starts, orig_lengths, verbatim, len(text), orig_length
    )
