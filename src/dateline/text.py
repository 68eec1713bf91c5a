"""Bag-of-words vectors for sentence scoring: tokens, TF-IDF and cosine."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each few "
    "for from further had has have having he her here hers herself him himself his how i if "
    "in into is it its itself just me more most my myself no nor not now of off on once only "
    "or other our ours ourselves out over own said same says she should so some such than "
    "that the their theirs them themselves then there these they this those through to too "
    "under until up very was we were what when where which while who whom why will with would "
    "you your yours yourself yourselves told say saying mr mrs ms".split()
)

Vector = dict[str, float]


def tokens(text: str) -> list[str]:
    """Lowercased content words."""
    return content_words(TOKEN.findall(text.lower()))


def content_words(words: Sequence[str]) -> list[str]:
    return [t for t in words if t not in STOPWORDS and len(t) > 1]


def words_contain_keyword(words: set[str], lowered: str, keywords: Sequence[str]) -> bool:
    """Like :func:`contains_keyword` on text already split into lowercased words."""
    return not keywords or any(k in words or (" " in k and k in lowered) for k in keywords)


def contains_keyword(text: str, keywords: Sequence[str]) -> bool:
    """Case-insensitive whole-word match of any keyword, as TLS benchmarks filter."""
    lowered = text.lower()
    return words_contain_keyword(set(TOKEN.findall(lowered)), lowered, keywords)


# A sentence that speaks as "I" or to "you" outside quotation marks is a reader's comment,
# a blogger's aside or a host's talk, not a report: "you can jump off a bridge if you
# think 3000 dead ...", "Here's my question to you: should the U.S. withhold its $1.5
# billion ...?" In egypt+h1n1's default briefing 39 of 932 figures sat in such
# sentences; among those read, a broadcast's "clashes this week killed at least 11
# people" was the one report.
# "I" is not the Roman one of "World War I battles" or "Phase I trials".
_ROMAN_ONE = "".join(
    f"(?<!{word} )" for word in ("War", "Phase", "Part", "Stage", "Type", "Class", "Title")
)
_PERSONAL = re.compile(
    rf"(?<![\w'’-])(?:{_ROMAN_ONE}I(?=['’]|\s+['’a-z])|[Mm]e|[Mm]y|[Yy]ou|[Yy]ours?)(?![\w-])"
)
# A quotation still open at the sentence's end runs to it ('he added, "If you were ...').
_QUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)|``.*?(?:''|$)")


def speaks_personally(sentence: str) -> bool:
    """Whether the sentence says "I", "my", "you" or "your" outside what it quotes."""
    return bool(_PERSONAL.search(outside_quotes(sentence)))


def outside_quotes(sentence: str) -> str:
    """The sentence without what it quotes. A closing mark with no opening one before
    it ends a quotation begun in an earlier sentence ('I saw them,” he said.')."""
    closing = sentence.find("”")
    opening = sentence.find("“")
    if closing >= 0 and (opening < 0 or closing < opening):
        sentence = sentence[closing + 1 :]
    elif sentence.count('"') % 2 and _closes(sentence, sentence.find('"')):
        sentence = sentence[sentence.find('"') + 1 :]
    return _QUOTED.sub(" ", sentence)


def _closes(text: str, at: int) -> bool:
    """Whether the straight quotation mark at ``at`` closes (after a word, before a
    space) rather than opens."""
    after = text[at + 1 : at + 2]
    return at > 0 and not text[at - 1].isspace() and (not after or after.isspace())


def idf_table(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over token lists."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        df.update(set(doc))
        n += 1
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def tfidf(doc: Sequence[str], idf: dict[str, float]) -> Vector:
    counts = Counter(doc)
    vec = {t: c * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Sequence[Vector]) -> Vector:
    total: Counter[str] = Counter()
    for vec in vectors:
        total.update(vec)
    norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
    return {t: v / norm for t, v in total.items()}
