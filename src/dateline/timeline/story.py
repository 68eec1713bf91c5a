"""What a corpus is about, worked out from the corpus alone: its publication span and
the names at its core.

A pile of articles about one story mentions much that is not the story: history
("Born April 8, 1918, in Chicago ..."), earlier disasters for comparison, other news on
the same page. The story's own events happen while it is being reported, and they are
told with the story's names (the countries, people and companies that most of its
articles name). Dates before the span go to the timeline's background, dates after it
are what was still ahead when the last article appeared, and a sentence that names none
of the core names does not count as a mention of the story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Sequence

from dateline.model import Corpus, StoryFocus
from dateline.options import Options
from dateline.text import STOPWORDS

# The earliest and latest 1% of a large corpus's articles do not widen its span: one
# stray article from years before must not let its history in.
TRIM_SHARE = 0.01
TRIM_MIN_ARTICLES = 100
# The story may start a few days before its first article ("the rig exploded on
# Tuesday" in Thursday's first report; "last week's talks"): up to a week, and no more
# than a twentieth of its span, so a three-week uprising does not open on the week
# before it.
LEAD_IN_DAYS = 7
LEAD_IN_SHARE = 0.05
# Core names: words capitalised inside sentences (proper names) that at least this
# share of the articles use, at most CORE_SIZE of them, most widely used first.
CORE_SHARE = 0.05
CORE_MIN_ARTICLES = 2
CORE_SIZE = 40
NAMES_SCAN_CHARS = 3000  # an article names its story in its first paragraphs
PROPER_SHARE = 0.7  # of a word's occurrences after a sentence's first word
_WORD = re.compile(
    r"(?<![\w'’-])([A-Za-z][a-z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z][A-Z0-9]+)(?:['’]s)?(?![\w'’-])"
)
# The words of _WORD that start with a capital: the same matches at the same places (no
# match of _WORD can start inside another, so scanning for fewer finds no new ones).
_CAPITALISED = re.compile(
    r"(?<![\w'’-])([A-Z][a-z0-9]*(?:-[A-Za-z0-9]+)*|[A-Z][A-Z0-9]+)(?:['’]s)?(?![\w'’-])"
)
# Capitalised for being what they are, not for naming the story.
_GENERIC = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december mr mrs ms dr sir the it "
    "reuters ap afp cnn bbc guardian associated press copyright photo getty images video "
    "update read more i i'm i've i'd i'll tv et al "
    # Titles and words of office name a role, not the story's people or places.
    "president secretary minister prime foreign general chief state senator governor "
    "spokesman spokeswoman ambassador envoy king queen prince director chairman".split()
)


# The last focus found, with the articles it was found on: a briefing asks for it from
# its timeline, figures and summary, and the names cost a pass over every text.
_last_focus: list[tuple[object, object, bool, StoryFocus]] = []


def find_story_focus(corpus: Corpus, opts: Options, with_names: bool = True) -> StoryFocus:
    """The story's span and, unless ``with_names`` is false, its core names, from the
    articles' dates and texts."""
    key = (corpus.articles, opts.anchor_confidence, with_names)
    if _last_focus and all(a is b for a, b in zip(_last_focus[0][:3], key, strict=True)):
        return _last_focus[0][3]
    focus = _find_story_focus(corpus, opts, with_names)
    _last_focus[:] = [(*key, focus)]
    return focus


def _find_story_focus(corpus: Corpus, opts: Options, with_names: bool) -> StoryFocus:
    days = sorted(
        a.pub_date.value
        for a in corpus.articles
        if a.pub_date.value is not None and a.pub_date.anchors(opts.anchor_confidence)
    )
    if not days:
        return StoryFocus(None, None, core_names(corpus) if with_names else (), 0)
    trim = int(len(days) * TRIM_SHARE) if len(days) >= TRIM_MIN_ARTICLES else 0
    first, last = days[trim], days[-1 - trim]
    lead_in = max(1, min(LEAD_IN_DAYS, round(LEAD_IN_SHARE * (last - first).days)))
    names = core_names(corpus) if with_names else ()
    return StoryFocus(first, last, names, len(days), first - dt.timedelta(days=lead_in))


def core_names(corpus: Corpus) -> tuple[str, ...]:
    """The proper names that the most articles use (lowercased)."""
    article_freq: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for article in corpus.articles:
        text = article.text
        words = [word.lower() for word in _WORD.findall(text, 0, NAMES_SCAN_CHARS)]
        article_freq.update(set(words))
        inside.update(words)
        # A word in lower case is inside its sentence; only a capital needs a look back.
        for match in _CAPITALISED.finditer(text, 0, NAMES_SCAN_CHARS):
            lowered = match.group(1).lower()
            if _opens_sentence(text, match.start()):
                inside[lowered] -= 1
            else:
                capitalised[lowered] += 1
    needed = max(CORE_MIN_ARTICLES, CORE_SHARE * len(corpus.articles))
    names = [
        word
        for word, count in article_freq.items()
        if count >= needed
        and word not in STOPWORDS
        and word not in _GENERIC
        and len(word) > 1
        and inside[word]
        and capitalised[word] >= PROPER_SHARE * inside[word]
    ]
    names.sort(key=lambda w: (-article_freq[w], w))
    return tuple(names[:CORE_SIZE])


# A run of capitalised words as the text writes it ("Ban Ki-moon", "Gulf of Mexico").
_NAME_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w-]*(?:['’]s)?(?:[ ](?:of[ ])?[A-Z][\w-]*(?:['’]s)?){0,5}(?![\w'’-])"
)


def shown_names(
    names: Sequence[str], corpus: Corpus, limit: int = 8, leave_out: Collection[str] = ()
) -> list[str]:
    """The story's first ``limit`` names as a reader writes them: each lowercased core
    name in the form of the story's names the articles write it in most ("ban",
    "ki-moon" -> "Ban Ki-moon"; "wall", "street" -> "Wall Street"), in the order of the
    first name each form holds. A name never written capitalised stays as it is. Names
    in ``leave_out`` are not shown unless all are (the renderers leave out demonyms:
    "Egyptian" beside "Egypt" tells a reader nothing, though a sentence naming it is on
    the story)."""
    wanted = set(names)
    written: dict[str, Counter[str]] = {}  # a lowered form -> how the articles write it
    for article in corpus.articles:
        for match in _NAME_RUN.finditer(article.text, 0, NAMES_SCAN_CHARS):
            parts = [p.removesuffix("'s").removesuffix("’s") for p in match.group().split()]
            # The run's longest stretch of the story's own names (a title or another
            # name around it is cut: "President Hosni Mubarak" -> "Hosni Mubarak").
            best: list[str] = []
            run: list[str] = []
            for part in parts:
                if part == "of":
                    run = [*run, part] if run else []
                    continue
                run = [*run, part] if part.lower() in wanted else []
                if len(run) > len(best):
                    best = run
            if best:
                form = " ".join(best)
                written.setdefault(form.lower(), Counter())[form] += 1
    shown: list[str] = []  # lowered forms
    kept = [n for n in names if n not in leave_out] or list(names)
    for name in kept[:limit]:
        holding = [f for f in written if name in f.split()]
        if not holding:
            shown.append(name)
            continue
        form = max(holding, key=lambda f: (written[f].total(), len(f)))
        # A longer form replaces a shorter one shown for an earlier name ("Mubarak",
        # then "hosni" -> "Hosni Mubarak").
        inside = [k for k, s in enumerate(shown) if set(s.split()) <= set(form.split())]
        if any(name in s.split() for s in shown) and not inside:
            continue
        if inside:
            shown[inside[0]] = form
            shown = [s for k, s in enumerate(shown) if k not in inside[1:]]
        elif form not in shown:
            shown.append(form)
    return [written[f].most_common(1)[0][0] if f in written else f for f in shown]


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` is the first of a sentence, line or quote, where
    every word is capitalised."""
    before = text[max(0, at - 3) : at].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n-–—*•"
