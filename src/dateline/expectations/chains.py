"""Expectations about one event, across articles, as a chain ordered by report date.

Two expectations are about the same event when their event nouns are of one class
(cues.EVENT_CLASSES) and the names around them agree: within one article, the same
class is the same event unless the event phrases name different things ("summit in
Moscow" against "conference on Syria") or the sentence's names are others; across
articles, the names of each article's group (pooled over its sentences) must overlap
by a set cosine of at least ``link_names``, each name weighted by how few of the
corpus's articles use it (the story's own names say little about which event). A
chain's outcome is the first timeline entry, reported after the chain began, whose
sentence says an event of its class with one of its names was held ("talks ended in
Geneva on Friday").
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from dateline.expectations import cues
from dateline.expectations.extract import ExpectationTuning, _event_head, _names, _tokens
from dateline.expectations.model import Chain, Expectation, Modality, Outcome
from dateline.model import Corpus, Span, Timeline, TimelineEntry

_NEVER = dt.date.max


def cosine(a: Iterable[str], b: Iterable[str], weight: Mapping[str, float] | None = None) -> float:
    """Weighted set cosine of two sets of names (weight 1 for a name not in ``weight``)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    w = weight or {}

    def mass(names: set[str]) -> float:
        return sum(w.get(n, 1.0) ** 2 for n in names)

    return mass(sa & sb) / math.sqrt(mass(sa) * mass(sb))


_ADJECTIVE_AN = re.compile(r"an$")
_ADJECTIVE_A = re.compile(r"i?a$")


def name_weights(corpus: Corpus) -> dict[str, float]:
    """``log(1 + N / df)`` for each name stem over the corpus's N articles: the story's
    own names (in every article) weigh least, a name few articles use most."""
    df: Counter[str] = Counter()
    for article in corpus.articles:
        df.update(stems(_names(article.text, 0, len(article.text))))
    n = max(1, len(corpus.articles))
    return {name: math.log(1 + n / count) for name, count in df.items()}


@functools.lru_cache(maxsize=1 << 16)
def _stem(name: str) -> str:
    """``syrian`` and ``syria`` alike (a name and its adjective), for comparing only.
    Cached: a corpus's names repeat (230,000 calls for 673 articles)."""
    return _ADJECTIVE_A.sub("", _ADJECTIVE_AN.sub("a", name)) or name


def stems(names: Iterable[str]) -> set[str]:
    return {_stem(n) for n in names}


def _qualifiers(exp: Expectation, text: str) -> set[str]:
    """The names inside the event phrase itself ("Geneva", "G20")."""
    return stems(_names(text, exp.event_span.start, exp.event_span.end))


def _head(exp: Expectation, text: str) -> str:
    tokens = _tokens(text, exp.event_span.start, exp.event_span.end)
    heads = [t.lower for i, t in enumerate(tokens) if _event_head(tokens, i)]
    return heads[0].rstrip("s") if heads else ""


class _Group:
    def __init__(self, exp: Expectation, quals: set[str]) -> None:
        self.members = [exp]
        self.names = stems(exp.names)
        self.quals = set(quals)
        self.heads: set[str] = set()
        self.event_class = exp.event_class

    def add(self, exp: Expectation, quals: set[str]) -> None:
        self.members.append(exp)
        self.names |= stems(exp.names)
        self.quals |= quals

    def conflicts(self, quals: set[str], names: set[str]) -> bool:
        """Both event phrases name something, and neither's names occur with the other."""
        return bool(
            self.quals and quals and not self.quals & quals
            and not quals <= self.names and not self.quals <= names
        )  # fmt: skip


def link_expectations(
    expectations: Sequence[Expectation],
    corpus: Corpus,
    timeline: Timeline | None = None,
    tuning: ExpectationTuning | None = None,
) -> tuple[Chain, ...]:
    """Chains of expectations about one event, each ordered by report date (undated
    reports last), with its outcome from the timeline when there is one."""
    tuning = tuning or ExpectationTuning()
    by_article: dict[str, list[Expectation]] = {}
    for exp in expectations:
        by_article.setdefault(exp.event_span.article_id, []).append(exp)
    weight = name_weights(corpus)
    groups: list[_Group] = []
    for article_id, found in by_article.items():
        groups.extend(_article_groups(found, corpus.article(article_id).text, tuning, weight))
    groups.sort(key=lambda g: (g.members[0].reported or _NEVER, g.members[0].key))
    chains: list[_Group] = []
    for group in groups:
        best = max(
            (c for c in chains if c.event_class == group.event_class
             and not c.conflicts(group.quals, group.names)),
            key=lambda c: cosine(c.names, group.names, weight),
            default=None,
        )  # fmt: skip
        if best is not None and cosine(best.names, group.names, weight) >= tuning.link_names:
            for exp in group.members:
                best.add(exp, set())
            best.quals |= group.quals
        else:
            chains.append(group)
    entries = _timeline_entries(timeline)
    out = [_chain(i, c, corpus, entries) for i, c in enumerate(chains, start=1)]
    return tuple(sorted(out, key=_chain_order))


def _article_groups(
    found: Sequence[Expectation],
    text: str,
    tuning: ExpectationTuning,
    weight: Mapping[str, float],
) -> list[_Group]:
    """One article's expectations grouped by event: the same class is the same event
    when the event noun is the same, or when the sentence has too few names to tell,
    or shares enough of them; never when the event phrases name different things."""
    groups: list[_Group] = []
    for exp in found:
        quals, names, head = _qualifiers(exp, text), stems(exp.names), _head(exp, text)
        fits = [
            g
            for g in groups
            if g.event_class == exp.event_class
            and not g.conflicts(quals, names)
            and (head in g.heads or len(names) < 2 or _same_time(g, exp)
                 or cosine(g.names, names, weight) >= tuning.link_names)
        ]  # fmt: skip
        if fits:
            for other in fits[1:]:  # the expectation ties two groups: one event
                for member in other.members:
                    fits[0].add(member, set())
                fits[0].quals |= other.quals
                fits[0].heads |= other.heads
                groups.remove(other)
            fits = fits[:1]
            fits[0].add(exp, quals)
        else:
            groups.append(_Group(exp, quals))
            fits = [groups[-1]]
        fits[-1].heads.add(head)
    return groups


def _same_time(group: _Group, exp: Expectation) -> bool:
    """Expected for the same date in one article ("on Feb. 10"): the same event."""
    return exp.time.value is not None and any(m.time.value == exp.time.value for m in group.members)


def _chain_order(chain: Chain) -> tuple[int, dt.date, str]:
    first = chain.expectations[0].reported or _NEVER
    return (-len({e.event_span.article_id for e in chain.expectations}), first, chain.id)


def _timeline_entries(timeline: Timeline | None) -> list[TimelineEntry]:
    if timeline is None:
        return []
    return sorted([*timeline.entries, *timeline.background], key=lambda e: e.date)


def _chain(number: int, group: _Group, corpus: Corpus, entries: Sequence[TimelineEntry]) -> Chain:
    ordered = sorted(group.members, key=lambda e: (e.reported or _NEVER, e.key))
    members = _first_reports(ordered, corpus)
    first = members[0].reported
    outcome = _outcome(group, corpus, entries, first)
    if outcome is not None:
        status = "happened"
    elif members[-1].modality is Modality.CANCELLED:
        status = "cancelled"
    else:
        status = "pending"
    label = max(members, key=lambda e: (len(_names(e.event, 0, len(e.event))), len(e.event)))
    return Chain(f"c{number}", label.event, group.event_class, tuple(members), status, outcome)


def _first_reports(members: Sequence[Expectation], corpus: Corpus) -> list[Expectation]:
    """Each sentence once (two event nouns of one sentence in one chain are one report),
    and a wire story reprinted on later days is not a new report."""
    seen: set[str] = set()
    kept = []
    for exp in members:
        key = " ".join(exp.sentence.text(corpus.article(exp.sentence.article_id)).split())
        if key not in seen:
            seen.add(key)
            kept.append(exp)
    return kept


def _outcome(
    group: _Group, corpus: Corpus, entries: Sequence[TimelineEntry], first: dt.date | None
) -> Outcome | None:
    """The first timeline entry after the chain began that reports its event held."""
    expected = {e.event_span for e in group.members}
    for entry in entries:
        if first is not None and entry.date < first:
            continue
        for sent in entry.sentences:
            verb = _held(sent.span, corpus, group, expected)
            if verb:
                return Outcome(entry.date, sent.span, verb)
    return None


def _held(span: Span, corpus: Corpus, group: _Group, expected: set[Span]) -> str | None:
    """The verb that says the sentence's event of the group's class, not itself one of
    the group's expectations, was held ("talks ended in Geneva"), else None."""
    text = corpus.article(span.article_id).text
    names = stems(_names(text, span.start, span.end))
    if not names & (group.names | group.quals):
        return None
    tokens = _tokens(text, span.start, span.end)
    for i in range(len(tokens)):
        if _event_head(tokens, i) != group.event_class or any(
            e.article_id == span.article_id and e.start <= tokens[i].start < e.end for e in expected
        ):
            continue
        window = text[tokens[i].end : tokens[min(len(tokens) - 1, i + 6)].end].lower()
        m = cues.HAPPENED.search(window)
        if m and not re.search(r"\b(?:not|never|no)\b", window[: m.start()]):
            return m.group()
    return None
