"""An empty result says why in one line and exits 3 (nothing usable); so does `eval` on
a folder without its data, the same way for every task."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.builders import SYRIA
from tests.builders import run_cli as run
from tests.ingest.test_language import FRENCH

UNDATED = "The ministers met in Geneva to discuss the peace plan with the envoy."
NO_NAMES = "the river rose over its banks and the fields around the town were flooded for days."


def _reason(stderr: str) -> str:
    """The line that says why (not the summary of inputs, not the files written)."""
    summary = re.compile(r"^dateline: (\d+ accepted|wrote )")
    return next(line for line in stderr.splitlines()
                if line.startswith("dateline: ") and not summary.match(line))  # fmt: skip


def test_no_dated_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED)
    for command in (
        ["timeline", str(tmp_path)],
        ["brief", str(tmp_path), "-o", str(tmp_path / "b")],
    ):
        result = run(*command)
        assert result.returncode == 3, result.stderr
        why = _reason(result.stderr)
        assert "the article has no publication date" in why and "--manifest" in why
    assert (tmp_path / "b" / "briefing.md").is_file()  # the (empty) outputs are written


def test_nothing_in_the_window_names_the_options_to_widen(tmp_path: Path) -> None:
    result = run("timeline", str(SYRIA), "--start", "2001-01-01", "--end", "2001-01-31")
    assert result.returncode == 3
    assert "widen --start/--end" in _reason(result.stderr)


def test_no_article_accepted(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("")
    for command in ("timeline", "quotes", "actors"):
        result = run(command, str(tmp_path))
        assert result.returncode == 3
        assert "no article was accepted" in _reason(result.stderr)
        assert "rejected" in result.stderr and "e.txt" in result.stderr


def test_every_article_not_in_english(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = run("quotes", str(tmp_path))
    assert result.returncode == 3
    assert "the article is not in English" in _reason(result.stderr)


def test_no_quotes_and_no_actors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NO_NAMES)
    quotes = run("quotes", str(tmp_path))
    assert quotes.returncode == 3 and "no quotes found in the article" in _reason(quotes.stderr)
    actors = run("actors", str(tmp_path))
    assert actors.returncode == 3 and "no people or organisations" in _reason(actors.stderr)


@pytest.mark.parametrize(
    ("task", "kind"),
    [("timex", "TimeML"), ("quotes", "PolNeAR"), ("tls", "Timeline17-style"),
     ("mds", "DUC 2006 or 2007"), ("dating", "Timeline17-style")],
)  # fmt: skip
def test_eval_on_a_folder_without_its_data(tmp_path: Path, task: str, kind: str) -> None:
    result = run("eval", task, str(tmp_path))
    assert result.returncode == 3
    assert result.stdout == ""  # no table of zeros
    (line,) = result.stderr.splitlines()
    assert line.startswith("dateline: error: ") and f": not a {kind} folder (" in line
    assert "point at" in line
