"""Candidate sentences for each date, with the evidence that ties them to it."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.furniture import find_furniture
from dateline.model import Annotations, Corpus, Evidence, Granularity, Span, TimexType
from dateline.options import Options, TimelineTuning
from dateline.text import (
    STOPWORDS,
    TOKEN,
    Vector,
    centroid,
    content_words,
    cosine,
    idf_table,
    tfidf,
    tokens,
    words_contain_keyword,
)
from dateline.timeline.curated import curation_of

# A web page's headline, standfirst, photo caption and time stamp run into its first
# sentence when the page has no punctuation between them: "BP shares fall ... Thursday
# 29 April 2010 09.28 BST Five times more oil ...". The news starts after the last
# piece of page furniture (a web stamp, a photo credit, a wire dateline), and a date
# before it dates the page, not a mention. CNN's "CAIRO, Egypt (CNN) --" is left
# alone: the place often holds the only topic keyword of the sentence.
WEB_STAMP = re.compile(r"\b\d{1,2}\.\d{2} (?:BST|GMT)\s+")  # as The Guardian stamps pages
PHOTO_CREDIT = re.compile(
    r"\bPhotograph:\s+(?:\S+\s+){0,4}?\S*?\b(?:AP|AFP|Reuters|Getty Images|Rex Features|PA|EPA"
    r"|Corbis|Bloomberg|Alamy|Xinhua|Zuma Press)\s+(?=[A-Z\"“‘])"
)
# A photo's caption is followed by its credit ("Work boats at the site of the Gulf oil
# spill.\n\nPhotograph: Dave Martin/AP When the history books ..."), or, for a page's
# first picture, follows the page's time stamp with the credit a paragraph further on
# ("... 08.38 BST Fire burns on the Deepwater Horizon oil rig in April.\n\n
# Investigators say ...\n\nPhotograph: US coastguard/EPA BP and ...": The Guardian).
CREDIT_OPENER = re.compile(r"(?:Photograph|Photo|Picture|Illustration)(?:\s+by)?\s*:\s")
_STAMP_BEFORE = re.compile(r"\b\d{1,2}\.\d{2} (?:BST|GMT)\s+$")
_CREDIT_NEXT = re.compile(rf"\s*{CREDIT_OPENER.pattern}")
CREDIT_PARAGRAPHS = 2  # paragraphs after a page's first caption that may hold its credit
CREDIT_REACH = 2000  # characters read for them
WIRE_AGENCY = re.compile(r"\((?:Reuters|AP|AFP|UPI|Xinhua|Itar-Tass|TASS)\)\s*[-—–]+\s+")
PAGE_FURNITURE = (WEB_STAMP, PHOTO_CREDIT, WIRE_AGENCY)
MIN_TRIMMED_CHARS = 20  # furniture this near the end leaves no sentence: keep it whole
# A headline with no full stop runs into the article's first sentence: "EU steps up
# Syria sanctions with ban on oil imports The United Nations says ...". The news starts
# at a sentence-opening word that follows a word with no punctuation after it.
# After an acronym ("... have emerged in the UK Two more people ...") only an opener
# that no name continues with: "EU President Herman Van Rompuy" is one name.
HEADLINE_RUN_ON = re.compile(
    r"(?<=[a-z0-9\"”’'])\s+(?=(?:The|A|An|In|On|At|After|As|For|It|This|Two|Three|Police"
    r"|Officials|President)\s)"
    r"|(?<=[A-Z]{2})\s+(?=(?:The|A|An|It|This|Two|Three)\s)"
)
# Or any common word that opens a clause: "Swine flu found on China mainland People in
# China are taking no chances ...", "Swine Flu: Your questions answered More cases ...". A
# capitalised word after a lowercase word and before another is taken for the news's
# first word when the article writes it in lowercase elsewhere (or it is a stopword):
# a name ("Mexico City", "White House") is written capitalised, or runs on capitalised.
HEADLINE_COMMON_OPENER = re.compile(r"(?<=[a-z0-9])\s+(?=([A-Z][a-z]+)\s+[a-z])")
# Inside an article a photo caption with no full stop runs into the next sentence the
# same way: "Dr Conrad Murray is charged with involuntary manslaughter The superstar
# died on 25 June ...". Only the plainest openers, before a lowercase word or a number,
# so that "Vice President Joe Biden", "influenza A (H1N1)" and "The Man Who Wrote The
# Lord Of The Flies" stay whole.
CAPTION_RUN_ON = re.compile(r"(?<=[a-z0-9])\s+(?=(?:The|It|On|In|A|An|He|She|They)\s+[a-z0-9])")
CAPTION_MIN_WORDS = 4
# A headline or caption ends on a lowercase word or a number ("manslaughter", "2011"),
# not on a name ("United").
_BARE_WORD_END = re.compile(r"(?<![\w'’-])[a-z0-9][\w'’-]*\s*$")
HEADLINE_MIN_WORDS = 3  # "Using Internet chat rooms, ..." has no headline before "Internet"
HEADLINE_MAX_CHARS = 160
MIN_AFTER_HEADLINE = 40
# What may stand before a date that leads its sentence, and after it.
DATE_LEAD_CHARS = 3  # room before the date for a bullet or "On": "* April 29 - ..."
# Or words that open a report of the day without changing what it says: "Also on
# Monday, ...", "And late on Friday, ...". "Since" and "until" are not among them:
# "Since Friday, ..." is not what happened on Friday.
DATE_LEAD_WORDS = re.compile(
    r"[^\w\s]{0,3}\s*"
    r"(?:(?i:and|but|also|then|late|early|earlier|later|meanwhile|separately|again|only)\b,?\s+)*"
    r"(?:(?i:on|in)\s+)?(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?"
)
DATE_LED_SEPARATOR = re.compile(r"\s*(?:\(\w+\)\s*)?[:,\-–—]")


_STRENGTH = {"mentions-date": 0, "published-on-date": 1, "published-after-date": 2}


@dataclass
class SentenceInfo:
    span: Span
    text: str
    tokens: list[str]
    pub_date: dt.date | None
    position: int  # index of the sentence in its article
    on_topic: bool  # passes the keyword filter


@dataclass
class Candidate:
    sentence: int  # index into CandidateIndex.sentences
    evidence: Evidence


@dataclass
class CandidateIndex:
    """Everything the date rankers and sentence selectors need, computed once."""

    sentences: list[SentenceInfo] = field(default_factory=list)
    mentions: dict[dt.date, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    published: dict[dt.date, list[Candidate]] = field(default_factory=lambda: defaultdict(list))
    articles_on: dict[dt.date, set[str]] = field(default_factory=lambda: defaultdict(set))
    idf: dict[str, float] = field(default_factory=dict)
    # A date with fewer candidates than this also gets the next day's lead sentences.
    tuning: TimelineTuning = field(default_factory=TimelineTuning)  # few_candidates, same_event
    _vectors: dict[int, Vector] = field(default_factory=dict)

    def vector(self, sentence: int) -> Vector:
        """The TF-IDF vector of a sentence, computed once."""
        vec = self._vectors.get(sentence)
        if vec is None:
            vec = self._vectors[sentence] = tfidf(self.sentences[sentence].tokens, self.idf)
        return vec

    def candidates(self, day: dt.date) -> list[Candidate]:
        """Sentences that mention ``day``, then lead sentences published on it, then,
        when those are few, lead sentences published the day after (the news of an
        evening event appears the next morning)."""
        seen: set[int] = set()
        out = []
        for cand in [*self.mentions.get(day, []), *self.published.get(day, [])]:
            if cand.sentence not in seen and self.sentences[cand.sentence].on_topic:
                seen.add(cand.sentence)
                out.append(cand)
        # Input order must not matter: sort by evidence strength, then by source span.
        out.sort(key=lambda c: (_STRENGTH[c.evidence.kind], self.sentences[c.sentence].span))
        if out and len(out) < self.tuning.few_candidates and day < dt.date.max:
            out += self._next_day_leads(day, out, seen)
        return out

    def _next_day_leads(
        self, day: dt.date, own: list[Candidate], seen: set[int]
    ) -> list[Candidate]:
        """Lead sentences of the next day's articles that report the same event as the
        date's own candidates (an evening event is in the next morning's news). A lead
        that names its own day ("said Saturday") reports that day, not this one."""
        next_day = day + dt.timedelta(days=1)
        dated = {c.sentence for c in self.mentions.get(next_day, [])}
        event = centroid([self.vector(c.sentence) for c in own])
        after = [Candidate(c.sentence, Evidence("published-after-date"))
                 for c in self.published.get(next_day, [])
                 if c.sentence not in seen and c.sentence not in dated
                 and self.sentences[c.sentence].on_topic
                 and cosine(self.vector(c.sentence), event) >= self.tuning.same_event
                 ]  # fmt: skip
        return sorted(after, key=lambda c: self.sentences[c.sentence].span)


def build_candidate_index(
    corpus: Corpus, opts: Options, names: frozenset[str] = frozenset()
) -> CandidateIndex:
    """Index the sentences that mention a day, or lead an article, by that date.

    Only those sentences can enter a timeline, so only they are tokenised, and they
    are the documents whose frequencies weight TF-IDF. With ``names`` (the story's core
    names), a sentence that names none of them is off the story. Every date is indexed,
    whatever ``opts.start`` and ``opts.end`` say: the timeline splits them into its main
    window, background and ahead.
    """
    index = CandidateIndex(tuning=opts.tuning)
    curation = curation_of(corpus)  # sentences a person rejected never enter
    furniture = find_furniture(corpus.articles)
    lead_sentences = opts.tuning.lead_sentences
    query = set(tokens(opts.about)) if opts.about else set()
    for article in corpus.articles:
        ann = corpus.annotations.get(article.id)
        if ann is None:
            continue
        anchored = article.pub_date.anchors(opts.anchor_confidence)
        pub = article.pub_date.value if anchored else None
        if pub is not None:
            index.articles_on[pub].add(article.id)
        by_sentence = _day_mentions(ann)

        for position, (first, end) in enumerate(ann.sentences):
            may_lead = pub is not None and position < lead_sentences
            if position not in by_sentence and not may_lead:
                continue  # names no day and cannot lead: never a candidate (most sentences)
            if furniture.covers(article.id, first, end):
                continue  # the site's sidebar or boilerplate, not the story
            start = after_page_furniture(article.text, first, end)
            if position == 0:
                start = after_headline(article.text, start, end)
            else:
                spans = [where for _, where in by_sentence.get(position, [])]
                start = after_caption(article.text, start, end, spans)
            dated = _leading_only(
                article.text,
                start,
                [(d, w) for d, w in by_sentence.get(position, []) if w[0] >= start],
            )
            lead = may_lead and not any(d != pub for d, _ in dated)
            if not dated and not lead:
                continue
            if curation and curation.rejects(article.id, article.text[start:end]):
                continue
            sent_id = len(index.sentences)
            index.sentences.append(
                _sentence_info(
                    article.text, Span(article.id, start, end), pub, position, opts, query, names
                )
            )
            for day, where in dated:
                index.mentions[day].append(Candidate(sent_id, Evidence("mentions-date", where)))
            if lead and pub is not None:
                index.published[pub].append(Candidate(sent_id, Evidence("published-on-date")))
    index.idf = idf_table(s.tokens for s in index.sentences)
    return index


def after_page_furniture(text: str, start: int, end: int) -> int:
    """Where the sentence at ``[start, end)`` begins once the page furniture (a web
    stamp, a photo credit, a wire dateline, and all before it) is cut off; ``start``
    when it has none."""
    cut = max(
        (m.end() for pattern in PAGE_FURNITURE for m in pattern.finditer(text, start, end)),
        default=start,
    )
    return cut if end - cut >= MIN_TRIMMED_CHARS else start


def leads_sentence(text: str, sent_start: int, where: tuple[int, int]) -> int | None:
    """Where a date at ``where`` and the separator after it end, when the date leads
    its sentence ("April 29 - ...", "On Friday, ..."); None when it does not."""
    before = where[0] - sent_start
    if before > DATE_LEAD_CHARS and not DATE_LEAD_WORDS.fullmatch(text, sent_start, where[0]):
        return None
    separator = DATE_LED_SEPARATOR.match(text, where[1])
    return None if separator is None else separator.end()


def _leading_only(
    text: str, start: int, dated: list[tuple[dt.date, tuple[int, int]]]
) -> list[tuple[dt.date, tuple[int, int]]]:
    """A sentence led by a date reports that day's event: "8 October - Dr Murray reveals
    he gave Jackson propofol on 25 June" is an entry for 8 October, not for 25 June."""
    for day, where in dated:
        if leads_sentence(text, start, where) is not None:
            return [(day, where)]
    return dated


def after_headline(text: str, start: int, end: int) -> int:
    """Where the first sentence begins once a headline run into it is cut off."""
    stop = min(end, start + HEADLINE_MAX_CHARS)
    cuts = [(m.end(), 1) for m in HEADLINE_RUN_ON.finditer(text, start, stop)]
    for match in HEADLINE_COMMON_OPENER.finditer(text, start, stop):
        if _BARE_WORD_END.search(text, start, match.start()) is None:
            continue  # "in the United States may ..." is one name
        word = match.group(1).lower()
        if word in STOPWORDS or re.search(rf"\s{word}\b", text):
            cuts.append((match.end(), HEADLINE_MIN_WORDS))
    for cut, min_words in sorted(cuts):
        headline = text[start:cut].split()
        if (
            len(headline) >= min_words
            and headline[-1].lower() not in STOPWORDS  # a headline does not end on "the"
            and end - cut >= MIN_AFTER_HEADLINE
        ):
            return cut
    return start


def is_photo_caption(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a photo's caption (:data:`CREDIT_OPENER`)."""
    if _CREDIT_NEXT.match(text, end):
        return True
    if not _STAMP_BEFORE.search(text, max(0, start - 20), start):
        return False
    # the rest of the caption's paragraph, then the paragraphs after it
    following = text[end : end + CREDIT_REACH].split("\n\n", CREDIT_PARAGRAPHS + 1)
    return any(CREDIT_OPENER.search(p) for p in following[: CREDIT_PARAGRAPHS + 1])


def after_caption(text: str, start: int, end: int, dates: Sequence[tuple[int, int]] = ()) -> int:
    """Where a sentence inside an article begins once a caption run into it is cut off.

    A date just before the cut leads the sentence, as in a chronology: "Dr Murray
    appears in court in Los Angeles 25 January 2011 The doctor officially enters a plea
    ..." begins at "25 January 2011"."""
    for match in CAPTION_RUN_ON.finditer(text, start, end):
        news = next((a for a, b in dates if b == match.start() and a > start), match.end())
        caption = text[start:news].split()
        if (
            len(caption) >= CAPTION_MIN_WORDS
            and _BARE_WORD_END.search(text, start, match.start()) is not None
            and caption[-1].lower() not in STOPWORDS
            and end - news >= MIN_AFTER_HEADLINE
        ):
            return news
    return start


def _day_mentions(ann: Annotations) -> dict[int, list[tuple[dt.date, tuple[int, int]]]]:
    """Day-precise dates mentioned in each sentence, by sentence position."""
    starts = [s for s, _ in ann.sentences]
    by_sentence: dict[int, list[tuple[dt.date, tuple[int, int]]]] = defaultdict(list)
    for timex in ann.timexes:
        interval = timex.interval
        if (
            timex.type not in (TimexType.DATE, TimexType.TIME)
            or interval is None
            or interval.granularity is not Granularity.DAY
        ):
            continue
        sent = bisect_left(starts, timex.start + 1) - 1
        if sent >= 0:
            by_sentence[sent].append((interval.start, (timex.start, timex.end)))
    return by_sentence


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def names_any(names: frozenset[str], sentence: str) -> bool:
    """Whether the sentence names one of the (lowercased) names, written capitalised as
    a name is: "a white Isuzu" does not name the White House."""
    return any(m.group().lower() in names for m in _CAPITALISED.finditer(sentence))


def _sentence_info(
    text: str,
    span: Span,
    pub: dt.date | None,
    position: int,
    opts: Options,
    query: set[str],
    names: frozenset[str],
) -> SentenceInfo:
    sentence = text[span.start : span.end]
    lowered = sentence.lower()
    all_words = TOKEN.findall(lowered)
    words = content_words(all_words)
    on_topic = (
        words_contain_keyword(set(all_words), lowered, opts.keywords)
        and (not query or not query.isdisjoint(words))
        and (not names or names_any(names, sentence))
    )
    return SentenceInfo(span, sentence, words, pub, position, on_topic)
