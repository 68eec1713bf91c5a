from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.clean import agency_credited, clean_text, keep_hyphen, looks_ptb_tokenized
from tests.builders import SYRIA


def read(name: str) -> str:
    return next(SYRIA.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    text = "The US and Russia have made\nprogress on plans to convene a\nconference.\n"
    assert (
        clean_text(text).text
        == "The US and Russia have made progress on plans to convene a conference."
    )


def test_line_break_hyphen_before_capital_is_kept() -> None:
    result = clean_text(read("004")).text
    assert "Bashar al-Assad began" in result
    assert "al- Assad" not in result


def test_typesetting_hyphen_is_removed_when_the_joined_word_occurs() -> None:
    text = "We saw the govern-\nment act. The government said so.\n"
    assert clean_text(text).text.startswith("We saw the government act.")


def test_keep_hyphen_rules() -> None:
    assert keep_hyphen("al-", "Assad", "")
    assert keep_hyphen("self-", "defence", "")
    assert not keep_hyphen("govern-", "ment", "the government")
    assert keep_hyphen("heart-", "rending", "a heart-rending crisis")


def test_page_break_inside_a_sentence_is_rejoined() -> None:
    result = clean_text(read("000")).text
    assert "“I am deeply concerned about the ongoing violence" in result


def test_repeated_captions_credits_and_gallery_ids_are_dropped() -> None:
    result = clean_text(read("001"))
    assert "addresses during the 50th Security Conference" not in result.text
    assert "Germany-Security-Conference-5" not in result.text
    assert "ASSOCIATED PRESS" not in result.text
    assert result.header.agencies == ["Associated Press"]
    assert result.header.date_lines == ["2/1/2014"]


def test_photo_credit_and_boilerplate_are_dropped() -> None:
    result = clean_text(read("003"))
    assert "JASON SZENES" not in result.text
    assert not result.text.startswith("All news")
    result = clean_text(read("002"))
    assert "EPA/JUSTIN LANE" not in result.text
    assert "United Nations Secretary-General Ban Ki-moon\n" not in result.text


def test_headlines_are_detected() -> None:
    assert (
        clean_text(read("004")).header.title
        == "US and Russia 'making progress' on Syria peace talks"
    )
    assert clean_text(read("003")).header.title == "Geneva 2 may be held in 2nd week of November"
    assert clean_text(read("000")).header.title is None


def test_subheading_in_wrapped_text_stands_alone() -> None:
    assert "\n\nHoms offensive\n\nIn May, Mr Kerry" in clean_text(read("004")).text


def test_wire_datelines_are_lifted() -> None:
    bali = clean_text(read("003"))
    assert bali.header.place == "BALI, Indonesia"
    assert bali.header.dateline_date == "October 7"
    assert "(Itar-Tass)" not in bali.text
    un = clean_text(read("002"))
    assert un.header.place == "UNITED NATIONS"
    assert un.header.dateline_date == "December 21"
    assert "/TASS/" not in un.text
    assert clean_text(read("001")).header.place == "BERLIN"


def test_ptb_text_is_detokenized() -> None:
    text = (
        "Cairo , Egypt -LRB- CNN -RRB- - Wael Ghonim had a message Wednesday for his country 's "
        "leaders : `` If you are true Egyptians , it 's time to step down . ''\n"
        "He said it is `` no longer the time '' to negotiate .\n"
    )
    assert looks_ptb_tokenized(text)
    result = clean_text(text).text
    assert "his country's leaders: \"If you are true Egyptians, it's time to step down.\"" in result
    assert "-LRB-" not in result


def test_ptb_escaped_slashes_are_restored() -> None:
    text = (
        "The virus , labeled A\\/H1N1 , is new . `` It 's spreading , '' he said .\n"
        "Photograph : Matthew Fearn\\/PA Eton has closed .\n"
    )
    result = clean_text(text).text
    assert "labeled A/H1N1, is new" in result
    assert "Matthew Fearn/PA" in result
    assert "\\" not in result


def test_offsets_map_back_to_the_original_on_every_example() -> None:
    for path in sorted(SYRIA.glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        result = clean_text(original)
        for word_start in range(0, len(result.text), 7):
            ch = result.text[word_start]
            if ch.isalnum():
                orig = result.offsets.to_original(word_start)
                assert original[orig] == ch, (path.name, word_start)


@given(st.text(alphabet=st.sampled_from("ab -.\n\"“”'Mr.US"), max_size=300))
def test_cleaning_never_crashes_and_maps_every_letter(original: str) -> None:
    result = clean_text(original)
    assert len(result.text) == result.offsets.clean_length
    for i, ch in enumerate(result.text):
        if ch.isalpha():
            assert original[result.offsets.to_original(i)] == ch
    start, end = result.offsets.span_to_original(0, len(result.text))
    assert 0 <= start <= end <= len(original)


def test_reuters_stamp_and_dateline_are_lifted_from_ptb_text() -> None:
    text = (
        "Some junk line here .\nWASHINGTON | Thu Apr 30 , 2009 4:32 pm EDT WASHINGTON "
        "-LRB- Reuters -RRB- - U.S. officials said on Thursday the national total of "
        "confirmed H1N1 swine flu cases had risen to 109 .\nThe country 's total rose .\n"
    )
    result = clean_text(text)
    assert "\n\nU.S. officials said on Thursday" in result.text
    assert result.header.place == "WASHINGTON" and result.header.agencies == ["Reuters"]


def test_a_sentence_broken_across_lines_of_a_sentence_a_line_corpus_is_rejoined() -> None:
    # finan (Timeline17), Washington Post: the line breaks after each affiliation
    original = (
        "The bill passed on Tuesday .\n"
        "House Speaker Nancy Pelosi -LRB- D-Calif . -RRB- \n"
        "said she has dispatched Rep. Barney Frank -LRB- D-Mass . -RRB- \n"
        ", chairman of the House Financial Services Committee , to review it .\n"
        "The vote is on Friday .\n"
    )
    result = clean_text(original)
    paragraphs = result.text.split("\n\n")
    assert paragraphs[1] == (
        "House Speaker Nancy Pelosi (D-Calif.) said she has dispatched Rep. Barney Frank "
        "(D-Mass.), chairman of the House Financial Services Committee, to review it."
    )
    assert paragraphs[2] == "The vote is on Friday."
    start = result.text.index(", chairman")
    assert original[result.offsets.to_original(start)] == ","


BODY = (
    "BP said the cap on the well was holding on Sunday.\n\n"
    "Engineers will watch the pressure readings for another day.\n\n"
)


@pytest.mark.parametrize(
    ("comments", "kept_end"),
    [
        # BBC blogs: each comment opens with its time, date and writer
        (
            "At 4:23 pm on 28 May 2010, Scott0962 wrote:\n\nI think BP is doing its best.\n\n"
            "At 17:23 1st Jun 2010, Matt wrote:\n\nYou have to wonder.",
            "another day.",
        ),
        # The Washington Post: a blog signs its post, then each comment ends signed
        (
            "By Chris Cillizza | September 16, 2008; 6:32 AM ET If Wall Street were lending "
            "money they'd demand a high interest rate.\n\nLet's ask them, too. Posted by: "
            "Nclwtk | September 17, 2008 10:53 AM | Report abuse FAr too much is made of it.",
            "By Chris Cillizza | September 16, 2008; 6:32 AM ET",
        ),
        # CNN: each comment closes with its stamp alone (the words before it a reader's)
        (
            "Does he support Mubarak?\n\nI hope not!!! January 27 , 2011 at 7:59 pm | Report "
            "abuse | Social media did not play such a role.",
            "Does he support Mubarak?",
        ),
        (
            "Does he support Mubarak?\n\nWhy can't we all get along January 28, 2011 at "
            "12:55 pm | Reply Please do not follow your VP's line.",
            "Does he support Mubarak?",
        ),
        # no post signature: from the paragraph of the first comment's signature
        (
            "Looks to me like the oil companies are gouging!!\n\nThey should pay. Posted by: "
            "jdclegg55 | June 17, 2010 11:53 PM | Report abuse IS it Dick or Barry?",
            "the oil companies are gouging!!",
        ),
    ],
)
def test_readers_comments_are_cut_and_said(comments: str, kept_end: str) -> None:
    original = "Gulf oil spill cap is holding\n\n" + BODY + comments
    result = clean_text(original)
    assert result.text.endswith(kept_end)
    assert "Engineers will watch" in result.text
    assert any(a.startswith("cut readers' comments: ") for a in result.actions)
    # the kept text still maps back to the file, to before the comments
    start, end = result.offsets.span_to_original(0, len(result.text))
    assert original[start:end].startswith("Gulf oil spill")
    assert original[start:end].endswith(kept_end)


@pytest.mark.parametrize(
    ("comments", "first"),
    [
        ("At 4:23 pm on 29 May 2010, Ann wrote:\n\nSad.\n\nAt 17:23 28 May 2010, Matt wrote:"
         "\n\nYes.", dt.date(2010, 5, 28)),
        ("Why? January 28 , 2011 at 12:55 pm | Reply No. January 28, 2011 at 1:02 pm | Reply",
         dt.date(2011, 1, 28)),
    ],
)  # fmt: skip
def test_the_earliest_comment_s_day_is_kept_for_dating(comments: str, first: dt.date) -> None:
    result = clean_text("Gulf oil spill cap is holding\n\n" + BODY + comments)
    assert result.header.first_comment == first
    assert clean_text("Gulf oil spill cap is holding\n\n" + BODY).header.first_comment is None


def test_a_post_signed_at_its_top_keeps_its_body_above_the_comments() -> None:
    original = (
        "Gulf oil spill cap is holding\n\nBy Steven Mufson | July 18, 2010; 9:10 AM ET\n\n"
        + BODY
        + "I think BP is doing its best. Posted by: jdclegg55 | July 18, 2010 11:53 PM | "
        "Report abuse They should pay."
    )
    result = clean_text(original)
    assert "Engineers will watch the pressure readings for another day." in result.text
    assert "They should pay." not in result.text


def test_a_writer_quoted_in_prose_is_no_comment() -> None:
    original = (
        "Feinberg under fire\n\n" + BODY + 'In a letter to Feinberg, Gillers wrote: "You are not '
        'in an attorney-client relationship."\n\nAt 10 am on Monday the fund opened.'
    )
    result = clean_text(original)
    assert result.text.endswith("the fund opened.")
    assert not any("comments" in a for a in result.actions)


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Chicago teen story.\n\nCAIRO, Egypt (CNN) -- Egyptian police fired tear gas.", "CNN"),
        (
            "* First death outside Mexico By Maggie Fox WASHINGTON (Reuters) - A child died.",
            "Reuters",
        ),
        ("NEW ORLEANS (AP) — The oil kept coming.", "Associated Press"),
        # a credit in prose, or too far into the page, is none
        ("The report (Reuters) was cited by officials in the capital.", None),
        ("x " * 2000 + "CAIRO (CNN) -- Late news.", None),
    ],
)
def test_a_wire_credit_in_the_first_lines_names_the_agency(text: str, agency: str | None) -> None:
    assert agency_credited(text) == agency
