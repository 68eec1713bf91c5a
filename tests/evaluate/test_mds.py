"""DUC reading and ROUGE scoring for multi-document summarization."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.briefing.summary import SummaryTuning
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
    summarize_topic,
    truncate_words,
)
from dateline.evaluate.mds_cv import MdsVariant, cross_validate_mds, topic_group
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


def test_a_wire_dateline_is_cut_from_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "APW19990612.0141"
    path.write_text(DOC, encoding="latin-1")
    topic = DucTopic("D0601A", "", "", (path,), ("x",))
    text = summarize_topic(topic, 100, False, "concepts")
    assert text.startswith("A white supremacist") and "(AP)" not in text


def duc_topic(folder: Path, topic_id: str, sentences: list[str], reference: str) -> DucTopic:
    """A topic of one-paragraph DUC documents, one per sentence."""
    paths = []
    for i, sentence in enumerate(sentences):
        path = folder / f"{topic_id}-APW1999061{i}.0001"
        doc = DOC.replace("APW19990612.0141", f"APW1999061{i}.0001")
        body = doc[doc.index("<TEXT>") + 6 : doc.index("</TEXT>")]
        path.write_text(doc.replace(body, f"\n<P>\n{sentence}\n</P>\n"), encoding="latin-1")
        paths.append(path)
    return DucTopic(topic_id, "", "", tuple(paths), (reference,))


def test_cross_validation_holds_each_topic_out(tmp_path: Path) -> None:
    long = "The storm flooded the coastal towns and forced thousands of families to leave home."
    short = "Rescuers reached the flooded towns."  # five words: a fragment to min_words=6
    topics = [
        duc_topic(tmp_path, f"D06{i:02d}A", [long, short], "Rescuers reached the flooded towns.")
        for i in range(3)
    ]
    variants = [
        MdsVariant("default", "concepts", SummaryTuning()),
        MdsVariant("min_words=5", "concepts", SummaryTuning(min_words=5)),
    ]
    cv = cross_validate_mds([("duc2006", topics)], variants, limit=10)
    # Letting the five-word sentence in matches the reference on every topic, so it
    # wins on the other topics each time and is what each held-out topic is scored with.
    assert set(cv.chosen.values()) == {"min_words=5"}
    assert len(cv.held_out) == 3 and all(s.rouge1_recall == 1.0 for s in cv.held_out)
    assert "cross-validated" in cv.render()
    assert topic_group("D0703A-B") == "D0703A"


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


DUC2007 = SHARED_DATA / "duc2007"
# DUC 2007 update sets (about 10 articles, 100-word references: DUC 2004's shape),
# generic, 100 words, the default selector: measured R-1 0.365, R-2 0.099 (30 sets).
UPDATE_FLOOR_R1, UPDATE_FLOOR_R2 = 0.355, 0.093


@pytest.mark.slow
@pytest.mark.skipif(not DUC2007.is_dir(), reason="DUC 2007 not in ../shared/data")
def test_duc2007_update_generic_floor() -> None:
    result = evaluate_mds(load_duc(DUC2007, "update"), "duc2007-update", limit=100, query=False)
    assert result.mean("rouge1_recall") >= UPDATE_FLOOR_R1
    assert result.mean("rouge2_recall") >= UPDATE_FLOOR_R2
