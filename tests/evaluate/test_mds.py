"""DUC reading and ROUGE scoring for multi-document summarization."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.evaluate.mds import (
    DucTopic,
    _references_pyramid,
    duc_corpus,
    evaluate_mds,
    load_duc,
    read_duc_document,
    read_topic_statements,
    render_mds,
    score_summary,
    truncate_words,
)
from tests.builders import SHARED_DATA

DOC = """
<DOC>
<DOCNO> APW19990612.0141 </DOCNO>
<DATE_TIME> 1999-06-12 15:10:11 </DATE_TIME>
<BODY>
<HEADLINE> Supremacist Wanted Everyone Dead </HEADLINE>
<TEXT>
<P>
	MOBILE, Ala. (AP) -- A white supremacist arrested after buying
hand grenades said he wanted to send mail bombs, authorities said.
</P>
<P>
	``He wanted to kill everybody,'' a special agent said &amp; left.
</P>
</TEXT>
</BODY>
</DOC>
"""

PYRAMID = """<pyramid><text>
  <line>#4</line>
  <line>-----------------</line>
  <line> D0701.M.250.A.A</line>
  <line>-----------------</line>
  <line></line>
  <line>Morris Dees co-founded the SPLC.</line>
  <line>It fights hate groups &quot;in court&quot;.</line>
  <line></line>
  <line>-----------------</line>
  <line> D0701.M.250.A.G</line>
  <line>-----------------</line>
  <line>The SPLC is in Montgomery.</line>
</text></pyramid>"""


def test_read_duc_document(tmp_path: Path) -> None:
    path = tmp_path / "APW19990612.0141"
    path.write_text(DOC, encoding="latin-1")
    article = read_duc_document(path)
    assert article.id == "APW19990612.0141"
    assert article.pub_date.value == dt.date(1999, 6, 12)
    assert article.title == "Supremacist Wanted Everyone Dead"
    assert article.text[article.body_start :].startswith("MOBILE, Ala. (AP)")
    assert "&amp;" not in article.text and "<P>" not in article.text
    corpus = duc_corpus([path])
    sentences = corpus.annotations[article.id].sentences
    assert len(sentences) >= 2  # the splitter may also cut after "Ala."


def test_pyramid_references(tmp_path: Path) -> None:
    path = tmp_path / "D0701-AG.pyr"
    path.write_text(PYRAMID, encoding="latin-1")
    assert _references_pyramid(path) == (
        'Morris Dees co-founded the SPLC. It fights hate groups "in court".',
        "The SPLC is in Montgomery.",
    )


def test_topic_statements(tmp_path: Path) -> None:
    path = tmp_path / "topics.sgml"
    path.write_text(
        "<topic>\n<num> D0601A </num>\n<title> Reservations </title>\n"
        "<narr>\nDiscuss conditions.\n</narr>\n</topic>\n",
        encoding="latin-1",
    )
    assert read_topic_statements(path) == {"D0601A": ("Reservations", "Discuss conditions.")}


def test_rouge_scores() -> None:
    same = score_summary("the cats were sitting on the mat", ["the cat sat on the mat"], 100)
    assert same["rouge1_recall"] == pytest.approx(5 / 6)
    perfect = score_summary("a b c", ["a b c", "a b c"], 100)
    assert perfect["rouge2_f1"] == pytest.approx(1.0)
    assert truncate_words("one two  three\nfour", 3) == "one two three"
    assert score_summary("x y z", ["a b c"], 2)["rouge1_recall"] == 0.0


def test_not_a_duc_folder(tmp_path: Path) -> None:
    from dateline.errors import InputError

    with pytest.raises(InputError, match="not a DUC"):
        load_duc(tmp_path)


DUC2006 = SHARED_DATA / "duc2006"
# Measured on these five topics (concepts, 250 words, query-focused): R-1 0.386, R-2 0.078.
FLOOR_R1, FLOOR_R2 = 0.36, 0.07


@pytest.mark.slow
@pytest.mark.skipif(not DUC2006.is_dir(), reason="DUC 2006 not in /work/shared/data")
def test_duc2006_floor() -> None:
    topics: list[DucTopic] = load_duc(DUC2006)[:5]
    assert all(len(t.references) == 4 for t in topics)
    result = evaluate_mds(topics, "duc2006", limit=250, query=True)
    assert result.mean("rouge1_recall") >= FLOOR_R1
    assert result.mean("rouge2_recall") >= FLOOR_R2
    assert "duc2006" in render_mds([result])
