"""Multi-document summary: N words of central, non-redundant, cited, dated sentences.

Extractive. Every sentence is a span of an article, so the summary can always be traced
back. Three selectors sit behind :class:`SummarySelector`, chosen by name:

``concepts`` (default)
    Gillick & Favre (2009): cover the most weight of word-pair concepts that several
    articles share (briefing/concepts.py). It won the cross-validation over DUC 2006,
    DUC 2007 main and update topics (``dateline eval mds DIR... --cv``; figures in
    docs/benchmarks.md).
``centroid-mmr``
    Radev et al.'s centroid score (plus query similarity) with maximal marginal
    relevance (Carbonell & Goldstein 1998).
``submodular``
    Lin & Bilmes (2011): maximise a monotone submodular coverage term plus a diversity
    reward over clusters, with the budgeted greedy algorithm (gain / cost ** r). With a
    query (``--about``), coverage is weighted by each sentence's relevance to the query
    and the diversity reward by the candidate's.

Candidates are sentences that read alone: cut free of wire datelines, not a headline
run into a first sentence, not a question, a fragment, a transcript's turn, a reader's
comment or a sentence that leans on the one before it. Each is dated by the day it
reports (the one day its own time expressions name, else its article's publication
date), and the chosen sentences are returned in the order of those days, undated last.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from dateline.briefing.concepts import ConceptSelector
from dateline.furniture import find_furniture
from dateline.model import Annotations, Article, Corpus, Granularity, Span, StoryFocus, TimexType
from dateline.options import Options, pick_strategy
from dateline.text import idf_table, outside_quotes, speaks_personally, tfidf, tokens
from dateline.timeline.candidates import (
    MIN_TRIMMED_CHARS,
    after_caption,
    after_headline,
    after_page_furniture,
    is_photo_caption,
    names_any,
)
from dateline.timeline.story import find_story_focus
from dateline.timeline.summarise import DANGLING_OPENER, LAST_POSITION

Matrix = npt.NDArray[np.float64]

# Shorter "sentences" are captions, bylines and fragments. 8 cross-validated ahead of 6
# and 10 on DUC 2006/2007 (chosen on the other topics for 73 of 75 held-out topics).
MIN_WORDS = 8
MAX_WORDS = 60  # longer ones are run-ons from unsplit lists
DUPLICATE = 0.9  # cosine above which two candidates say the same thing
# A few dozen articles picked for one story (a DUC cluster of 10-25) are all story; only
# a larger pile mixes in other stories that the story's core names keep out (on DUC the
# names filter cost 0.3-0.7 ROUGE-1 points). A large pile also has far more sentences
# than a summary needs, so it draws on its articles' leads only: deeper down are the
# side stories, transcripts and readers' comments of web pages.
LARGE_PILE = 50
# A large pile's short sentences say little ("The regime of President Hosni Mubarak
# tried everything."), and it has longer ones to spare.
LARGE_PILE_MIN_WORDS = 12
PILE_LEAD = 10  # sentences of each article a large pile's summary draws on
DEFAULT_SELECTOR = "concepts"  # won the cross-validation on DUC 2006/2007 (generic, 100 words)


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a summary: where it is, and why it was chosen."""

    span: Span
    score: float  # the selector's marginal gain when it was picked
    pub_date: dt.date | None  # the article's publication date, when known
    position: int  # index of the sentence in its article
    # The day the sentence reports: the one day its own time expressions name, else its
    # article's publication date; None when neither is known.
    day: dt.date | None = None
    dated_by: str = "undated"  # "mention", "published" or "undated"


@dataclass(frozen=True)
class Summary:
    sentences: tuple[SummarySentence, ...]
    words: int  # the budget asked for
    about: str | None
    selector: str


@dataclass(frozen=True)
class Candidate:
    """A sentence that may go into a summary."""

    span: Span
    text: str
    words: int
    pub_date: dt.date | None
    position: int
    day: dt.date | None = None  # the day it reports (see SummarySentence.day)
    dated_by: str = "undated"


@dataclass(frozen=True)
class SummaryTuning:
    """The candidate filters' constants; ``dateline eval mds-cv`` chose them by
    cross-validation over DUC topics (docs/benchmarks.md)."""

    min_words: int = MIN_WORDS
    # The concept selector (briefing/concepts.py): a concept (word pair) that fewer
    # articles share counts only a hundredth; single content words count this much.
    concept_min_articles: int = 3
    unigram_weight: float = 0.15


@dataclass(frozen=True)
class Problem:
    """What a selector works on: candidates, their TF-IDF rows and query relevance."""

    candidates: tuple[Candidate, ...]
    vectors: Matrix  # one L2-normalised TF-IDF row per candidate
    relevance: Matrix | None  # cosine of each candidate to the query; None without one
    budget: int
    about: str | None = None  # the query, when there is one
    tuning: SummaryTuning = field(default_factory=SummaryTuning)


class SummarySelector(Protocol):
    name: str

    def select(self, problem: Problem) -> list[tuple[int, float]]:
        """Indices of chosen candidates with their gains, within ``problem.budget`` words."""
        ...


# --- candidates and vectors ---------------------------------------------------------

# A wire dateline opens the first sentence of most agency copy: "WASHINGTON (AP) -- ",
# "BRUSSELS, January 22 (Xinhua) -- ", "BERLIN (AP) _ ", "NEW YORK -- ". The timeline's
# page-furniture cut knows the "(AP) --" form; the summary also cuts the underscore and
# bare-place forms (DUC's AP and NYT copy), and the dashes left at the start of a sentence
# when the splitter ended one after "PINE RIDGE, S.D.".
DATELINE_LEAD = re.compile(
    r"(?:[^\n]{0,60}?\((?:[A-Z][A-Za-z-]{1,11})\)"  # "PLACE, DATE (AGENCY)"
    r"|[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*)*)?"
    r"|)\s*(?:--|_|—|–)\s+"
)
# Reader comments under a web article carry a time stamp and a bar: "February 2, 2011
# at 6:29 pm | Please help ...".
# Broadcast transcripts label each turn with its speaker ("BLITZER: The protests are
# spreading ...", "Zakaria: I don't think ..."), and their editors' notes open in
# brackets ("(Update 4:30 p.m. Cairo) ..."): a turn of talk is not a report.
SPEAKER_TURN = re.compile(r"[\"“‘']?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}:\s|[(\[]")
# Openers of talk, not of report, beside the timeline's DANGLING_OPENER: a broadcast's
# "Let's go to Cairo", "Right now, it's 1:00 a.m.", "Up next, ...", "Here's ...", and
# a guess that answers another sentence ("Perhaps the White House should ..."), a host's
# greeting ("Welcome to all of you in the United States", "Good evening", "Thanks for
# joining us"; not "Thanks to the rescue, ..."), a word to the reader ("Now, try
# cleaning up the Gulf coast in that position", "Imagine ..."). From reading the CNN
# transcripts and blogs in the Timeline17 corpora.
TALK_OPENER = re.compile(
    r"[\"“‘']?(?:Perhaps|Maybe|Let's|Let us|Right now|Up next|Here's|Here is|"
    r"Welcome|Good (?:morning|afternoon|evening|night)|Thanks(?!\s+to\b)|Thank you|"
    r"(?:Now,\s+)?(?:Imagine|imagine|Try|try|Remember|remember|Think about|think about))"
    r"(?![\w-])"
)
# Openers that place the sentence after another one the summary may not hold: "Two
# days later, Geithner told the White House", "The next day ...", "Since then ...".
# (finan, read in the default briefing.) The summary dates each sentence itself.
RELATIVE_OPENER = re.compile(
    r"[\"“‘']?(?:(?:(?:A|One|Two|Three|Four|Five|Six|Seven|Several|A few|\d+)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?)\s+later"
    r"|The\s+(?:next|following)\s+(?:day|morning|evening|night|week|month|year)"
    r"|Later(?:\s+that\s+(?:day|morning|evening|night|week))?|Since\s+then|Then"
    r"|Afterwards?|Meanwhile)(?![\w-])",
    re.IGNORECASE,
)
# A page's media captions ("Live video of BP oil spill in the Gulf of Mexico.", "Photos:
# ...") and a broadcast's lines about itself ("Anderson is reporting live from Cairo,
# Egypt tonight.", "... joins us now"): not reports. (bpoil, egypt, read in the default
# briefings.)
MEDIA_CAPTION = re.compile(
    r"[\"“‘']?(?:(?:Live|Exclusive|New)\s+)?(?:video|videos|footage|photos?|photographs?|"
    r"pictures?|images?|gallery|slideshow|audio|graphic|map|watch|listen|aerial view|"
    r"(?:the\s+)?(?:site|scene) of)\b",
    re.IGNORECASE,
)
BROADCAST_SELF = re.compile(
    r"\b(?:reporting live|live from|joins us|joining us|standing by|stay with us)\b",
    re.IGNORECASE,
)
# A chronology's day label before the sentence ("Sept. 16: The Federal Reserve Bank of
# New York is authorized ..."): cut, as the summary shows the day itself.
DATE_LABEL = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:,\s+\d{4})?\s*(?::|--|[–—])\s+"
)
# Words that lean on a sentence before ("The servers ... also appeared to be down",
# "Some in the Middle East are going even farther"; egypt, read in the default
# briefing). Only a large pile leaves them out: it has sentences to spare, while on
# DUC's clusters of 25 articles leaving them out cost ROUGE (2006 R-2 recall 0.0526 ->
# 0.0517 for "also" alone, 2007 0.0700 -> 0.0683).
CONTEXT_BOUND = re.compile(
    r"\b(?:also|too|as well|either)\b|\beven (?:farther|further|more|less)\b|^Some\b"
    r"|\b(?:he|she|they) (?:said|says|added|told|affirmed|noted|stressed|explained)\b"
)
COMMENT_STAMP = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*\|", re.IGNORECASE)


# Three words in capitals: "THIS IS A RUSH TRANSCRIPT", "SPEAKER: SEN. BARACK OBAMA".
SHOUTED = re.compile(r"\b[A-Z]{2,}[.,:]?(?:\s+[A-Z][A-Z.,:'-]*){2,}")
LIST_NUMBER = re.compile(r"\s\d{1,2}\.$")


def summary_candidates(
    corpus: Corpus,
    opts: Options,
    tuning: SummaryTuning | None = None,
    focus: StoryFocus | None = None,
) -> list[Candidate]:
    """Body sentences of a summarisable length that read alone, each cut free of its
    wire dateline and of a headline run into it; exact repeats (wire copies) once. With
    a ``focus``, sentences that name none of the story's core names, and those that
    report a day before the story, stay out.

    Articles are read in id order, so the summary does not depend on input order."""
    tuning = tuning or SummaryTuning()
    out: list[Candidate] = []
    seen: set[str] = set()
    large = len(corpus.articles) >= LARGE_PILE
    names = frozenset(focus.names) if focus and large else frozenset()
    last_position = PILE_LEAD if large else LAST_POSITION
    furniture = find_furniture(corpus.articles)
    for article in sorted(corpus.articles, key=lambda a: a.id):
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        pub = article.pub_date.value if article.pub_date.anchors(opts.anchor_confidence) else None
        days = _reported_days(ann)
        for position, (first, end) in enumerate(ann.sentences):
            if first < article.body_start or position >= last_position:
                continue
            if furniture.covers(article.id, first, end):
                continue
            start = _sentence_start(article, first, end, position)
            if start is None:
                continue
            text = article.text[start:end]
            n_words = len(text.split())
            key = " ".join(tokens(text))
            if large and n_words < LARGE_PILE_MIN_WORDS:
                continue
            if not tuning.min_words <= n_words <= MAX_WORDS or key in seen:
                continue
            if not _reads_alone(text) or _furniture(text) or speaks_personally(text):
                continue
            if any(
                p.match(text)
                for p in (DANGLING_OPENER, TALK_OPENER, RELATIVE_OPENER, MEDIA_CAPTION)
            ):
                continue
            if BROADCAST_SELF.search(text) or _unattributed_quote(text):
                continue
            if large and CONTEXT_BOUND.search(outside_quotes(text)):
                continue
            if is_photo_caption(article.text, start, end):
                continue
            if names and not names_any(names, text):
                continue
            day, dated_by = (days[position], "mention") if position in days else (pub, "published")
            if focus and focus.start and day and day < focus.start:
                continue  # history, or an old article: not the story
            seen.add(key)
            out.append(
                Candidate(Span(article.id, start, end), text, n_words, pub, position, day,
                          dated_by if day else "undated")
            )  # fmt: skip
    return out


def _sentence_start(article: Article, start: int, end: int, position: int) -> int | None:
    """Where the sentence's own words begin, after page furniture and a wire dateline;
    None for the first sentence of an article without a separate title when a headline
    runs into it: where the headline ends is a guess ("... to nudge President Hosni
    Mubarak from power" is cut at "President"), and a summary has other sentences."""
    text = article.text
    start = after_page_furniture(text, start, end)
    untitled = article.body_start == 0
    if position == 0 and untitled and after_headline(text, start, end) != start:
        return None
    if position > 0:
        start = after_caption(text, start, end)
    match = DATELINE_LEAD.match(text, start, end)
    if match and end - match.end() >= MIN_TRIMMED_CHARS:
        start = match.end()
    label = DATE_LABEL.match(text, start, end)
    if label and end - label.end() >= MIN_TRIMMED_CHARS:
        start = label.end()
    return start


def _reported_days(ann: Annotations) -> dict[int, dt.date]:
    """Sentence position -> the one day it reports, for sentences whose day-precise time
    expressions all name the same day ("on Friday", "Feb. 11, 2011"). A sentence naming
    two days ("resigned on Friday, 18 days after the protests began on Jan. 25") is
    dated by its article instead."""
    starts = [s for s, _ in ann.sentences]
    found: dict[int, set[dt.date]] = defaultdict(set)
    for timex in ann.timexes:
        interval = timex.interval
        if timex.type not in (TimexType.DATE, TimexType.TIME) or interval is None:
            continue
        if interval.granularity is not Granularity.DAY:
            continue
        position = bisect_right(starts, timex.start) - 1
        if position >= 0:
            found[position].add(interval.start)
    return {p: next(iter(d)) for p, d in found.items() if len(d) == 1}


def build_problem(
    candidates: list[Candidate],
    budget: int,
    about: str | None,
    tuning: SummaryTuning | None = None,
) -> Problem:
    """TF-IDF rows (the timeline's tokens and IDF) as a dense matrix, plus query relevance."""
    docs = [tokens(c.text) for c in candidates]
    idf = idf_table(docs)
    vocab = {term: i for i, term in enumerate(sorted(idf))}
    matrix = np.zeros((len(candidates), max(1, len(vocab))))
    for row, doc in enumerate(docs):
        for term, weight in tfidf(doc, idf).items():
            matrix[row, vocab[term]] = weight
    relevance = None
    if about and tokens(about):
        query = np.zeros(matrix.shape[1])
        for term, weight in tfidf(tokens(about), idf).items():
            if term in vocab:
                query[vocab[term]] = weight
        relevance = matrix @ query
    return Problem(tuple(candidates), matrix, relevance, budget, about, tuning or SummaryTuning())


def _furniture(text: str) -> bool:
    """A comment's time stamp, a transcript's speaker label or editor's note, a banner
    in capitals ("THIS IS A RUSH TRANSCRIPT")."""
    return bool(COMMENT_STAMP.search(text) or SPEAKER_TURN.match(text) or SHOUTED.search(text))


def _unattributed_quote(text: str) -> bool:
    """A sentence that is all quotation, with no word of who says it: "\"The United States
    did not take the right path.\"" (finan) leaves the reader asking who."""
    stripped = text.strip()
    if stripped[:1] not in "\"“‘'":
        return False
    return not any(ch.isalpha() for ch in outside_quotes(stripped))


def _reads_alone(text: str) -> bool:
    """A whole sentence: not a question, a headline, a fragment of a split quote or a
    lower-case continuation."""
    stripped = text.strip()
    first = stripped.lstrip("\"'“‘(")[:1]
    balanced = stripped.count('"') % 2 == 0 and stripped.count("“") == stripped.count("”")
    ends = stripped[-1:] in ".\"”’')"  # headlines and captions have no full stop
    # A numbered list item ("Campaign Contributions, 1989-2008 1.") is not a sentence,
    # and a report does not exclaim: "!" ends readers' comments and slogans.
    listed = LIST_NUMBER.search(stripped) is not None
    asks_or_exclaims = "?" in stripped[-3:] or "!" in stripped[-3:]
    return ends and not listed and not asks_or_exclaims and balanced and not first.islower()


# --- selectors ----------------------------------------------------------------------


@dataclass
class SubmodularSelector:
    """Lin & Bilmes (2011) L1(S) + lambda * R1(S), budgeted greedy with cost scaling r."""

    name: str = "submodular"
    alpha: float = 5.0  # coverage saturates at alpha / N of what the whole set covers
    diversity: float = 2.0  # lambda (6 in the paper; 2 did better on DUC 2006 topics 1-20)
    scaling: float = 0.3  # r in gain / cost ** r
    cluster_ratio: float = 0.2  # K = ratio * N clusters for the diversity reward
    query_weight: float = 0.7  # how much query relevance reshapes coverage and reward

    def select(self, problem: Problem) -> list[tuple[int, float]]:
        n = len(problem.candidates)
        if n == 0:
            return []
        sims = np.clip(problem.vectors @ problem.vectors.T, 0.0, None)
        weights = self._importance(problem)
        cap = (self.alpha / n) * sims.sum(axis=1)
        reward = sims.mean(axis=0)
        if problem.relevance is not None:
            rel = _unit_scale(problem.relevance)
            reward = (1 - self.query_weight) * reward / (reward.max() or 1.0) + (
                self.query_weight * rel
            )
        clusters = kmeans_labels(problem.vectors, max(1, round(self.cluster_ratio * n)))
        return self._greedy(problem, sims, weights, cap, reward, clusters)

    def _importance(self, problem: Problem) -> Matrix:
        n = len(problem.candidates)
        if problem.relevance is None:
            return np.ones(n)
        return (1 - self.query_weight) + self.query_weight * _unit_scale(problem.relevance)

    def _greedy(
        self,
        problem: Problem,
        sims: Matrix,
        weights: Matrix,
        cap: Matrix,
        reward: Matrix,
        clusters: npt.NDArray[np.int64],
    ) -> list[tuple[int, float]]:
        costs = np.array([c.words for c in problem.candidates], dtype=float)
        covered = np.zeros(len(costs))
        per_cluster = np.zeros(int(clusters.max()) + 1)
        chosen: list[tuple[int, float]] = []
        used = 0.0
        open_ = np.ones(len(costs), dtype=bool)
        while True:
            open_ &= used + costs <= problem.budget
            if not open_.any():
                return chosen
            coverage = (
                weights[:, None]
                * (
                    np.minimum(covered[:, None] + sims, cap[:, None])
                    - np.minimum(covered, cap)[:, None]
                )
            ).sum(axis=0)
            before = np.sqrt(per_cluster[clusters])
            diversity = np.sqrt(per_cluster[clusters] + reward) - before
            gain = coverage + self.diversity * diversity
            ratio = np.where(open_, gain / costs**self.scaling, -np.inf)
            best = int(np.argmax(ratio))
            chosen.append((best, float(gain[best])))
            covered += sims[:, best]
            per_cluster[clusters[best]] += reward[best]
            used += costs[best]
            open_[best] = False
            open_ &= sims[best] < DUPLICATE


@dataclass
class CentroidMMRSelector:
    """Centroid cosine (plus query cosine) with maximal marginal relevance."""

    name: str = "centroid-mmr"
    mmr_lambda: float = 0.7

    def select(self, problem: Problem) -> list[tuple[int, float]]:
        if not problem.candidates:
            return []
        center = problem.vectors.sum(axis=0)
        center /= np.linalg.norm(center) or 1.0
        relevance = problem.vectors @ center
        if problem.relevance is not None:
            relevance = relevance + problem.relevance
        costs = np.array([c.words for c in problem.candidates], dtype=float)
        chosen: list[tuple[int, float]] = []
        redundancy = np.zeros(len(costs))
        open_ = np.ones(len(costs), dtype=bool)
        used = 0.0
        while True:
            open_ &= used + costs <= problem.budget
            if not open_.any():
                return chosen
            mmr = self.mmr_lambda * relevance - (1 - self.mmr_lambda) * redundancy
            best = int(np.argmax(np.where(open_, mmr, -np.inf)))
            chosen.append((best, float(mmr[best])))
            used += costs[best]
            redundancy = np.maximum(redundancy, problem.vectors @ problem.vectors[best])
            open_[best] = False
            open_ &= redundancy < DUPLICATE


SELECTORS: dict[str, Callable[[], SummarySelector]] = {
    "concepts": ConceptSelector,
    "submodular": SubmodularSelector,
    "centroid-mmr": CentroidMMRSelector,
}


def get_summary_selector(name: str) -> SummarySelector:
    return pick_strategy(SELECTORS, name, "summary selector")


# --- helpers ------------------------------------------------------------------------


def _unit_scale(values: Matrix) -> Matrix:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def kmeans_labels(vectors: Matrix, k: int, iterations: int = 10) -> npt.NDArray[np.int64]:
    """Spherical k-means with deterministic farthest-point seeding."""
    n = vectors.shape[0]
    k = max(1, min(k, n))
    seeds = [0]
    closest = vectors @ vectors[0]
    for _ in range(1, k):
        seeds.append(int(np.argmin(closest)))
        closest = np.maximum(closest, vectors @ vectors[seeds[-1]])
    centers = vectors[seeds].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(vectors @ centers.T, axis=1).astype(np.int64)
        if np.array_equal(new, labels) and _ > 0:
            break
        labels = new
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                center = members.sum(axis=0)
                centers[c] = center / (np.linalg.norm(center) or 1.0)
    return labels


def _reading_order(sent: SummarySentence) -> tuple[int, dt.date, str, int]:
    """By the day each sentence reports, undated last; then by article and position."""
    undated = sent.day is None
    return (int(undated), sent.day or dt.date.max, sent.span.article_id, sent.position)


def summarize(
    corpus: Corpus,
    opts: Options | None = None,
    selector: str | None = None,
    tuning: SummaryTuning | None = None,
) -> Summary:
    """``opts.words`` words over the whole corpus, or about ``opts.about``; every sentence
    cited by its span and dated, in the order of the days they report. With
    ``opts.story_focus``, only sentences on the corpus's story (its core names, its
    span) are candidates. Deterministic."""
    opts = opts or Options()
    name = selector or str(opts.extra.get("summary_selector", DEFAULT_SELECTOR))
    chooser = get_summary_selector(name)
    focus = find_story_focus(corpus, opts) if opts.story_focus else None
    candidates = summary_candidates(corpus, opts, tuning, focus)
    problem = build_problem(candidates, opts.words, opts.about, tuning)
    picked = chooser.select(problem)
    sents = [
        SummarySentence(
            candidates[i].span,
            round(gain, 4),
            candidates[i].pub_date,
            candidates[i].position,
            candidates[i].day,
            candidates[i].dated_by,
        )
        for i, gain in picked
    ]
    return Summary(tuple(sorted(sents, key=_reading_order)), opts.words, opts.about, name)


def summary_words(summary: Summary, corpus: Corpus) -> int:
    """Words the summary uses."""
    return sum(
        len(s.span.text(corpus.article(s.span.article_id)).split()) for s in summary.sentences
    )
