"""Untrusted text on its way out: escaped for Markdown, made safe for a terminal.

Titles, sources, file names, ids, speakers and sentences come from the articles, so
they may hold raw HTML, Markdown syntax, terminal escape sequences or bidi overrides.
Every renderer and every message that shows them goes through this module (issue 17)."""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls: ESC starts CSI/OSC sequences, BEL ends OSC ones.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates; zero-width characters; the byte-order mark.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Characters that start Markdown syntax inline: emphasis, code, links, tables, escapes.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_UNSAFE_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data)\s*:")
_NEEDS_TEXT = re.compile(r"[<>&]")


def _hex(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def _codepoint(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def strip_controls(text: str, keep_lines: bool = False) -> str:
    """Control characters shown as ``\\xNN``; newline and tab kept with ``keep_lines``."""
    return (_CONTROLS_BUT_LINES if keep_lines else _CONTROLS).sub(_hex, text)


def safe_for_terminal(text: object, keep_lines: bool = False) -> str:
    """``text`` as it may be printed: no escape sequences, no bidi overrides and no
    zero-width characters (shown as ``\\xNN`` and ``\\uNNNN``), so a file name cannot
    set the window title or show itself reversed."""
    return _INVISIBLE.sub(_codepoint, strip_controls(str(text), keep_lines))


def markdown_text(text: str) -> str:
    """One line of Markdown that renders as ``text`` literally: no raw HTML (``&``,
    ``<``, ``>`` become entities, so ``&lt;script&gt;`` stays text), no emphasis,
    code, links or tables, and no ``javascript:``/``data:`` scheme a renderer could
    turn into a link."""
    text = strip_controls(" ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return _UNSAFE_SCHEME.sub(lambda m: f"{m.group(1)}\\:", text)


def markdown_code(text: str) -> str:
    """A file name or id as an inline code span whose fence no backtick inside can
    close; a name holding ``<``, ``>``, ``&`` or an unsafe scheme is given as escaped
    text instead, since a code span cannot escape them."""
    text = safe_for_terminal(" ".join(text.split()))
    if _NEEDS_TEXT.search(text) or _UNSAFE_SCHEME.search(text):
        return markdown_text(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"
