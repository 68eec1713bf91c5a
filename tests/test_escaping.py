"""safe_for_terminal: what may be printed of a name, id or title (issue 17, items 7, 8)."""

from __future__ import annotations

from dateline.escaping import safe_for_terminal


def test_controls_escapes_and_invisibles_are_shown_not_sent() -> None:
    text = "a\x1b[31mb\x1b]0;t\x07c\x7fd\x9be\u202ef\u2066g\u200bh\ufeffi\nj\tk"
    safe = safe_for_terminal(text)
    assert safe == (
        "a\\x1b[31mb\\x1b]0;t\\x07c\\x7fd\\x9be\\u202ef\\u2066g\\u200bh\\ufeffi\\x0aj\\x09k"
    )
    assert safe_for_terminal("line one\n\tline two", keep_lines=True) == "line one\n\tline two"
    assert safe_for_terminal("Zürich, 東京, القاهرة") == "Zürich, 東京, القاهرة"
