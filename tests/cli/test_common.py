"""Options shared by every command."""

from __future__ import annotations

from pathlib import Path

from dateline.cli.common import format_for

TIMELINE_FORMATS = ("json", "md", "tilse", "timelinejs", "timelinejs-csv", "csv")


def test_format_for_reads_the_extension() -> None:
    assert format_for(Path("out/timeline.md"), TIMELINE_FORMATS) == "md"
    assert format_for(Path("T.MARKDOWN"), TIMELINE_FORMATS) == "md"
    assert format_for(Path("t.csv"), TIMELINE_FORMATS) == "csv"


def test_format_for_falls_back_to_the_default() -> None:
    assert format_for(None, TIMELINE_FORMATS) == "json"
    assert format_for(Path("timeline.txt"), TIMELINE_FORMATS) == "json"
    # An extension naming a format this command does not write is no choice.
    assert format_for(Path("quotes.csv"), ("json", "md")) == "json"
