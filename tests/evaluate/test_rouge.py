"""ROUGE-1.5.5-style counting: tokens, ROUGE's Porter stemmer, stopwords, clipped counts."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from dateline.evaluate.rouge import (
    PRF,
    RougeCounts,
    RougeTokenizer,
    count_ngrams,
    default_tokenizer,
    f_score,
    ngram_overlap,
    porter_stem,
    rouge_n,
    rouge_stopwords,
)


def tokenize(text: str) -> list[str]:
    return default_tokenizer().tokenize(text)


# Expected stems are the output of ROUGE-1.5.5.pl's own ``stem`` on these words. Where
# NLTK's PorterStemmer disagrees it is noted: ROUGE's step 4 tries "ment" and "ent" after
# the other suffixes, so "agreement" loses "ent".
@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("agreement", "agreem"),  # NLTK: agreement
        ("settlement", "settlem"),  # NLTK: settlement
        ("movement", "movem"),  # NLTK: movement
        ("generalization", "gener"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("rational", "ration"),
        ("monday", "mondai"),
        ("yearly", "yearli"),
        ("yelling", "yell"),
        ("hopping", "hop"),
        ("sizing", "size"),
        ("explodes", "explod"),
        ("reaches", "reach"),
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("is", "is"),  # shorter than 3: unchanged
    ],
)
def test_porter_stem_matches_rouge_perl(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_tokenize_lowercases_splits_on_non_alphanumerics_and_stems() -> None:
    # "The" is a stopword; "cats'" -> "cats" -> "cat"; "running-shoes" splits on "-";
    # "café" splits at the non-ASCII "é" (ROUGE reads bytes); "2010" is kept;
    # "was" is a stopword; "AGREEMENT" -> "agreement" -> "agreem".
    text = "The cats' running-shoes, café 2010! was AGREEMENT"
    assert tokenize(text) == ["cat", "run", "shoe", "caf", "2010", "agreem"]


def test_words_of_three_letters_or_less_are_not_stemmed() -> None:
    # ROUGE stems only tokens longer than three characters: "ran" stays, "runs" -> "run".
    assert tokenize("ran runs abs") == ["ran", "run", "abs"]


def test_stopword_list_is_rouge_smart_list() -> None:
    stopwords = rouge_stopwords()
    # 598 lines in ROUGE's smart_common_words.txt, "may" and "would" twice.
    assert len(stopwords) == 596
    assert {"the", "reuters", "ap", "jan", "mon", "would", "well"} <= stopwords
    assert not any(word.startswith("#") for word in stopwords)
    assert "oil" not in stopwords


def test_stem_exceptions_replace_the_stem() -> None:
    # ROUGE looks irregular forms up in WordNet before stemming; exceptions are not stemmed.
    tokenizer = RougeTokenizer(stem_exceptions={"found": "find", "children": "child"})
    assert tokenizer.tokenize("Found children founding") == ["find", "child", "found"]


def test_custom_stopwords() -> None:
    assert RougeTokenizer(stopwords=[]).tokenize("the oil") == ["the", "oil"]


def test_count_ngrams_skips_stopwords_and_crosses_sentences() -> None:
    tokens = default_tokenizer().tokenize_summary(["Oil on the spill .", "Spill grows ."])
    # oil spill spill grow -> bigrams (oil spill) (spill spill) (spill grow): "on the" are
    # removed before bigrams are formed, and the last bigram spans the two sentences.
    assert tokens == ["oil", "spill", "spill", "grow"]
    assert count_ngrams(tokens, 2) == {
        ("oil", "spill"): 1,
        ("spill", "spill"): 1,
        ("spill", "grow"): 1,
    }
    assert count_ngrams(["oil"], 2) == {}


def test_ngram_overlap_clips_counts() -> None:
    # peer: cat x3, model: cat x1 -> one hit; peer has 3 unigrams, model 1.
    assert ngram_overlap(count_ngrams(["cat"] * 3, 1), count_ngrams(["cat"], 1)) == RougeCounts(
        1, 3, 1
    )


def test_rouge_1_and_2_by_hand() -> None:
    peer = ["The police arrested the suspect on Monday ."]
    model = ["Police arrested two suspects ."]
    # peer tokens:  polic arrest suspect mondai   (the, on: stopwords)
    # model tokens: polic arrest suspect          (two: stopword; suspects -> suspect)
    # ROUGE-1: 3 hits; P = 3/4, R = 3/3, F = 2 * .75 * 1 / 1.75 = 6/7
    assert astuple(rouge_n(peer, model, 1)) == pytest.approx((0.75, 1.0, 6 / 7))
    # peer bigrams:  (polic arrest) (arrest suspect) (suspect mondai)
    # model bigrams: (polic arrest) (arrest suspect)
    # ROUGE-2: 2 hits; P = 2/3, R = 2/2, F = 2 * (2/3) / (5/3) = 4/5
    assert astuple(rouge_n(peer, model, 2)) == pytest.approx((2 / 3, 1.0, 0.8))


def test_rouge_is_zero_not_an_error_on_empty_text() -> None:
    assert rouge_n([], ["oil spill"], 1) == PRF(0.0, 0.0, 0.0)
    assert rouge_n(["the of"], ["oil spill"], 1) == PRF(0.0, 0.0, 0.0)  # stopwords only
    assert rouge_n(["oil spill"], [], 2) == PRF(0.0, 0.0, 0.0)


def test_f_score() -> None:
    assert f_score(0.0, 0.0) == 0.0
    assert f_score(0.5, 1.0) == pytest.approx(2 / 3)
    assert astuple(PRF.from_counts(1.5, 3, 6)) == pytest.approx((0.5, 0.25, 1 / 3))
