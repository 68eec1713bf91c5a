"""ROUGE-1 and ROUGE-2 counts with the conventions of ROUGE-1.5.5 run as ``-m -s``.

This is the ROUGE that the timeline summarization (TLS) literature reports: tilse
(Martschat & Markert 2017, 2018) calls the Perl ROUGE-1.5.5 with stemming (``-m``),
stopword removal (``-s``) and raw counts (``-t 2``), and news-tls uses tilse. What
ROUGE-1.5.5 does to a summary, and what :class:`RougeTokenizer` repeats:

1. ASCII letters are lowercased; every character outside ``[A-Za-z0-9]`` separates
   tokens (Perl reads bytes, so a non-ASCII character is a separator, "café" -> "caf").
2. Tokens in the SMART stopword list shipped with ROUGE-1.5.5 are dropped
   (``resources/rouge_stopwords.txt``, the unchanged ``data/smart_common_words.txt``).
3. Tokens longer than three characters are stemmed with ROUGE's own Porter stemmer,
   which differs from NLTK's (see :func:`porter_stem`).
4. The sentences of a summary are joined before n-grams are built, so bigrams run
   across sentence boundaries, and they skip removed stopwords.

Counts follow ROUGE's ``-t 2`` output: ``hits`` is the clipped n-gram overlap, ``peer``
the system's n-gram count (precision denominator), ``model`` the reference's (recall).

Known difference: ROUGE-1.5.5 first looks a token up in a WordNet-2.0 table of irregular
forms ("found" -> "find", "children" -> "child") and only stems it when it is absent.
That table is not shipped with dateline; pass it as ``stem_exceptions`` to reproduce
ROUGE exactly (benchmarks/validate_tls_metrics.py does). Without it about 1.4% of the
content tokens of the Timeline17 references are stemmed differently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

NgramCounter = Counter[tuple[str, ...]]

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_STEM_MIN_LENGTH = 4  # ROUGE stems only tokens longer than three characters

# The regular expressions of the Porter stemmer as written in ROUGE-1.5.5. "y" counts as
# a vowel in _V and as a consonant in the first letter of _C, which is how the Perl
# version approximates Porter's context-dependent rule for "y".
_C = "[^aeiou][^aeiouy]*"  # consonant sequence
_V = "[aeiouy][aeiou]*"  # vowel sequence
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")  # measure m > 0
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # m == 1
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # m > 1
_HAS_VOWEL = re.compile(f"^({_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")  # short syllable: keep or restore an "e"

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip
# Perl's ``$w =~ /(a|b)$/`` picks the leftmost match; re.search does the same, so the
# alternatives keep ROUGE's order.
_STEP2_RE = re.compile(f"({'|'.join(_STEP2)})$")
_STEP3_RE = re.compile(f"({'|'.join(_STEP3)})$")
# ROUGE-1.5.5 (CYL, 2004) takes "ment" and "ent" out of Porter's step-4 list and tries
# them after it, one after the other, so "agreement" becomes "agreem".
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


@dataclass(frozen=True)
class RougeCounts:
    """Raw ROUGE-N counts for one peer summary against one model (reference) summary."""

    hits: int
    peer: int
    model: int


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_pr(cls, precision: float, recall: float) -> PRF:
        return cls(precision, recall, f_score(precision, recall))

    @classmethod
    def from_counts(cls, hits: float, peer: int, model: int) -> PRF:
        """Scores from (possibly discounted) hits; an empty side scores 0, not an error."""
        return cls.from_pr(_ratio(hits, peer), _ratio(hits, model))


def f_score(precision: float, recall: float) -> float:
    """The harmonic mean, 0 when both are 0."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def porter_stem(word: str) -> str:
    """Stem a lowercase word the way ROUGE-1.5.5's Perl Porter stemmer does.

    It follows Porter (1980) as in Martin Porter's own Perl release ("bli" -> "ble" and
    "logi" -> "log" in step 2) plus ROUGE's change to step 4, so it differs from NLTK's
    stemmer on words such as "agreement" (ROUGE: "agreem") or "monday" (ROUGE: "mondai").
    """
    if len(word) < 3:
        return word
    # An initial "y" is a consonant; upper case keeps it out of every vowel class.
    initial_y = word.startswith("y")
    stem = "Y" + word[1:] if initial_y else word
    for step in (_step1a, _step1b, _step1c, _step2, _step3, _step4, _step5):
        stem = step(stem)
    return "y" + stem[1:] if initial_y else stem


def _step1a(word: str) -> str:
    if word.endswith(("sses", "ies")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _step1b(word: str) -> str:
    if word.endswith("eed"):
        return word[:-1] if _M_GT_0.match(word[:-3]) else word
    suffix = "ed" if word.endswith("ed") else "ing" if word.endswith("ing") else ""
    if not suffix:
        return word
    stem = word[: -len(suffix)]
    if not _HAS_VOWEL.match(stem):
        return word
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouylsz":
        return stem[:-1]
    if _CVC.match(stem):
        return stem + "e"
    return stem


def _step1c(word: str) -> str:
    if word.endswith("y") and _HAS_VOWEL.match(word[:-1]):
        return word[:-1] + "i"
    return word


def _replace_suffix(word: str, pattern: re.Pattern[str], table: Mapping[str, str]) -> str:
    found = pattern.search(word)
    if found and _M_GT_0.match(word[: found.start()]):
        return word[: found.start()] + table[found.group(1)]
    return word


def _step2(word: str) -> str:
    return _replace_suffix(word, _STEP2_RE, _STEP2)


def _step3(word: str) -> str:
    return _replace_suffix(word, _STEP3_RE, _STEP3)


def _strip_if_long(word: str, suffix_start: int) -> str:
    stem = word[:suffix_start]
    return stem if _M_GT_1.match(stem) else word


def _step4(word: str) -> str:
    found = _STEP4_RE.search(word)
    if found:
        word = _strip_if_long(word, found.start())
    if word.endswith("ment"):
        word = _strip_if_long(word, len(word) - 4)
    if word.endswith("ent"):
        return _strip_if_long(word, len(word) - 3)
    if word.endswith(("sion", "tion")):
        return _strip_if_long(word, len(word) - 3)  # the "s" or "t" stays
    return word


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        if _M_GT_1.match(stem) or (_M_EQ_1.match(stem) and not _CVC.match(stem)):
            word = stem
    if word.endswith("ll") and _M_GT_1.match(word):
        word = word[:-1]
    return word


@cache
def rouge_stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's stopword list (SMART plus a few news words), read once."""
    # Addressed from the "dateline" package: resources/ is package data, not a package.
    path = resources.files("dateline").joinpath("resources", "rouge_stopwords.txt")
    text = path.read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


class RougeTokenizer:
    """Turns text into ROUGE-1.5.5 ``-m -s`` tokens: lowercase, stopwords out, stemmed.

    ``stem_exceptions`` maps a word to the form ROUGE uses instead of its stem (the
    WordNet exception table); words found there are not stemmed.
    """

    def __init__(
        self,
        stopwords: Iterable[str] | None = None,
        stem_exceptions: Mapping[str, str] | None = None,
    ) -> None:
        self._stopwords = rouge_stopwords() if stopwords is None else frozenset(stopwords)
        # Stems are cached per tokenizer: a few thousand words cover a whole data set.
        self._stems: dict[str, str] = dict(stem_exceptions or {})

    def tokenize(self, text: str) -> list[str]:
        words = (match.group().lower() for match in _TOKEN.finditer(text))
        return [self._stem(word) for word in words if word not in self._stopwords]

    def tokenize_summary(self, sents: Iterable[str]) -> list[str]:
        """The tokens of sentences joined as one text, as ROUGE joins a summary's lines."""
        return [token for sent in sents for token in self.tokenize(sent)]

    def _stem(self, word: str) -> str:
        if len(word) < _STEM_MIN_LENGTH:
            return word
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = porter_stem(word)
        return stem


@cache
def default_tokenizer() -> RougeTokenizer:
    """The shared tokenizer with ROUGE's stopwords and no WordNet exceptions."""
    return RougeTokenizer()


def count_ngrams(tokens: Sequence[str], n: int) -> NgramCounter:
    """Multiset of the n-grams of ``tokens`` (consecutive after stopword removal)."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def ngram_overlap(peer: NgramCounter, model: NgramCounter) -> RougeCounts:
    """Clipped overlap: each n-gram counts at most as often as it occurs on both sides."""
    small, large = (peer, model) if len(peer) <= len(model) else (model, peer)
    hits = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    return RougeCounts(hits, peer.total(), model.total())


def rouge_n(
    peer: Sequence[str],
    model: Sequence[str],
    n: int,
    tokenizer: RougeTokenizer | None = None,
) -> PRF:
    """ROUGE-N of a peer summary against one model summary, both given as sentences."""
    tok = tokenizer or default_tokenizer()
    counts = ngram_overlap(
        count_ngrams(tok.tokenize_summary(peer), n),
        count_ngrams(tok.tokenize_summary(model), n),
    )
    return PRF.from_counts(counts.hits, counts.peer, counts.model)
