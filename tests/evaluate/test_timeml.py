"""TempEval-3-style scoring of the time-expression tagger on TimeML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.evaluate.timeml import (
    evaluate_timeml,
    iter_timeml_files,
    read_timeml,
    render_timex_scores,
)

# Hand-written, not from any corpus. Gold vs what the tagger finds (dct 2013-07-05):
#   "Monday"      DATE 2013-07-01   found exactly, right value         strict, relaxed
#   "in August"   DATE 2013-08      found as "August", right value     relaxed only
#   "three days"  DURATION P3D      found exactly, right value         strict, relaxed
#   "holiday"     DATE 2013-07-04   not found                          missed
#   "every week"  SET P2W           found exactly as SET P1W           strict, wrong value
#   "yesterday"   not gold          found                              spurious
# gold 5, system 5, strict 3, relaxed 4, right values 3 of 4, right types 4 of 4.
TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-07-05" functionInDocument="CREATION_TIME">07/05/13</TIMEX3></DCT>
<TEXT>
Talks <EVENT eid="e1">ended</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-07-01">Monday</TIMEX3>. They resume <TIMEX3 tid="t2" type="DATE" value="2013-08">in August</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
The <TIMEX3 tid="t4" type="DATE" value="2013-07-04">holiday</TIMEX3> passes &amp; rallies go on <TIMEX3 tid="t5" value="P2W" type="SET">every week</TIMEX3>. He left yesterday.
</TEXT>
</TimeML>
"""  # noqa: E501


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "nested" / "tiny.tml"
    path.parent.mkdir()
    path.write_text(TINY, encoding="utf-8")
    return path


def test_read_timeml_gives_plain_text_dct_and_gold_offsets(tiny: Path) -> None:
    doc = read_timeml(tiny)
    assert doc.dct == dt.date(2013, 7, 5)
    assert "<" not in doc.text and "passes & rallies" in doc.text
    assert [doc.text[g.start : g.end] for g in doc.timexes] == [
        "Monday", "in August", "three days", "holiday", "every week",
    ]  # fmt: skip
    assert [(g.type, g.value) for g in doc.timexes][-1] == ("SET", "P2W")


def test_scores_of_a_hand_computed_document(tiny: Path) -> None:
    scores = evaluate_timeml([tiny])
    assert (scores.gold, scores.system) == (5, 5)
    assert scores.strict.precision == pytest.approx(3 / 5)
    assert scores.strict.recall == pytest.approx(3 / 5)
    assert scores.strict.f1 == pytest.approx(0.6)
    assert scores.relaxed.f1 == pytest.approx(0.8)
    assert scores.value_accuracy == pytest.approx(3 / 4)
    assert scores.value_f1 == pytest.approx(0.8 * 3 / 4)
    assert scores.type_f1 == pytest.approx(0.8)
    kinds = sorted((e.kind, e.text) for e in scores.errors)
    assert kinds == [
        ("missed", "holiday"), ("span", "in August"), ("spurious", "yesterday"),
        ("value", "every week"),
    ]  # fmt: skip


def test_render_is_a_plain_table(tiny: Path) -> None:
    table = render_timex_scores(evaluate_timeml([tiny]), "tiny", max_errors=2)
    assert table.splitlines()[0] == "tiny: 1 documents, 5 gold, 5 system"
    assert "relaxed" in table and "value F1" in table
    assert len(table.splitlines()) == 6 + 2


def test_render_lists_the_errors_of_the_kinds_asked_for(tiny: Path) -> None:
    table = render_timex_scores(evaluate_timeml([tiny]), "tiny", kinds=("missed", "value"))
    listed = table.splitlines()[6:]
    assert [line.split()[0] for line in listed] == ["missed", "value"]
    assert "'holiday'" in listed[0] and "'every week'" in listed[1]


def test_iter_timeml_files_is_recursive_and_sorted(tiny: Path, tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(TINY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not TimeML", encoding="utf-8")
    assert list(iter_timeml_files(tmp_path)) == [tmp_path / "a.tml", tiny]


@pytest.mark.parametrize("value", ["19980108", "1998-01-08T10:35:00"])
def test_dct_formats(tmp_path: Path, value: str) -> None:
    path = tmp_path / "d.tml"
    path.write_text(TINY.replace('value="2013-07-05"', f'value="{value}"'), encoding="utf-8")
    assert read_timeml(path).dct == dt.date(1998, 1, 8)


def test_broken_files_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.tml"
    path.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.tml"):
        read_timeml(path)


TEMPEVAL3 = Path("/work/shared/data/tempeval3-train")


@pytest.mark.skipif(not TEMPEVAL3.is_dir(), reason="TempEval-3 training data not available")
def test_tempeval3_training_floor() -> None:
    """Floors pinned a little under the measured scores (relaxed F1 0.941, value F1
    0.812, type F1 0.896 over TimeBank + AQUAINT); they move up, never silently down."""
    scores = evaluate_timeml(iter_timeml_files(TEMPEVAL3))
    assert len(scores.files) == 256
    assert scores.relaxed.f1 >= 0.93
    assert scores.value_f1 >= 0.80
    assert scores.type_f1 >= 0.885
