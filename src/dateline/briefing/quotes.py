"""Quotes by speaker: who in the story said what, once per quote, with all its sources.

The speech stage credits every quote to the name it finds; on a real corpus many of
those names are not newsmakers. Each group of quotes gets a :class:`SpeakerRole`:

- ``journalist``: a name the corpus shows reporting (``CNN's Ben Wedeman``,
  ``correspondent Ivan Watson``, ``Nic Robertson, CNN, Beirut``, a byline);
- ``outlet``: a news organisation (``Reuters``, ``state-run Nile TV``);
- ``commenter``: a quote inside the reader comments under an article;
- ``place``: a country or town (``Cairo``, ``Russia``): a misparsed dateline, or a
  government the quote does not name;
- ``other``: not a name (``9:14 Cairo``, ``officials``);
- ``newsmaker``: everyone else.

Only newsmakers are shown in a briefing (see :func:`shown_quotes`); every group stays
in the JSON with its role. The same quote in several articles (wire copy, live-blog
updates) is one :class:`QuoteEntry` with all its spans, and name variants of one
person (``Obama`` / ``Barack Obama``, ``Tayyip Erdogan`` / ``Recep Tayyip Erdogan``)
are one speaker.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from dateline.annotate.entities import HONORIFICS
from dateline.briefing.actors import Actor, SpeakerResolver, name_tokens
from dateline.briefing.names import variant_key
from dateline.furniture import find_furniture
from dateline.ingest.clean import find_comments
from dateline.model import Article, EntityKind, EntityMention, Quote, Span

Annotated = list[tuple[Article, tuple[EntityMention, ...], tuple[Quote, ...]]]

MAX_SPEAKERS = 30  # newsmakers shown in a briefing's quotes section (issue 14)
MAX_QUOTES = 4  # quotes shown per speaker: the most informative distinct ones
MIN_WORDS_SHOWN = 6  # shorter quotes are fragments ("a red line") unless nothing else
_DUPLICATE_OVERLAP = 0.8  # token-set Jaccard at which two quotes are one (wire rewrites)
_DISTINCT_OVERLAP = 0.5  # shown quotes of one speaker overlap less than this
_DOMINANT = 3  # "Obama" goes to "Barack Obama" when it has 3x the quotes of other Obamas


class SpeakerRole(StrEnum):
    NEWSMAKER = "newsmaker"
    JOURNALIST = "journalist"
    OUTLET = "outlet"
    COMMENTER = "commenter"
    PLACE = "place"
    OTHER = "other"  # not a name: a time or a misparse ("9:14 Cairo", "officials")


@dataclass(frozen=True)
class QuoteEntry:
    """One quote or reported statement, cited by its span (and its repeats elsewhere)."""

    span: Span  # the earliest publication
    direct: bool
    speaker: str  # the actor's name, or the speaker as written when no actor matched
    actor_id: str | None
    pub_date: dt.date | None
    repeats: tuple[Span, ...] = ()  # the same words in other articles or places

    @property
    def spans(self) -> tuple[Span, ...]:
        return (self.span, *self.repeats)


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    actor_id: str | None
    quotes: tuple[QuoteEntry, ...]  # distinct quotes, by date
    role: SpeakerRole = SpeakerRole.NEWSMAKER
    variants: tuple[str, ...] = ()  # other names the quotes were credited to


# --- who is not a newsmaker -----------------------------------------------------------

# Major news organisations quoted as sources in English-language news (wire agencies,
# broadcasters and papers of the countries our dev corpora cover, and state media), lower
# case. Written for this module from general knowledge; _OUTLET_HEADS catches the rest.
_OUTLET_PHRASES = (
    "associated press",
    "agence france-presse",
    "agence france presse",
    "al jazeera",
    "al-jazeera",
    "al arabiya",
    "al-arabiya",
    "sky news",
    "france 24",
    "deutsche welle",
    "nile tv",
    "al-ahram",
    "al ahram",
    "al-masry al-youm",
    "ahram online",
    "new york times",
    "washington post",
    "wall street journal",
    "los angeles times",
    "usa today",
    "financial times",
    "daily mail",
    "huffington post",
    "people magazine",
    "us weekly",
    "entertainment tonight",
    "access hollywood",
    "radar online",
    "new york post",
    "daily news",
    "chicago tribune",
    "boston globe",
    "der spiegel",
    "le monde",
    "jerusalem post",
    "press tv",
    "russia today",
    "ria novosti",
    "itar-tass",
    "state media",
    "state television",
    "state tv",
    "state radio",
    "state-run media",
    "state news agency",
    "official news agency",
)
_OUTLET_WORDS = frozenset(
    "cnn bbc reuters ap afp ansa dpa upi xinhua interfax tass sana mena kuna irna nbc abc "
    "cbs msnbc cnbc npr pbs bloomberg euronews haaretz politico newsweek tmz rt "
    # and the platforms their quotes come through
    "twitter facebook youtube".split()
)
# The last word of a news organisation's name: "Fox News", "Nile TV", "The Sunday Times".
_OUTLET_HEADS = frozenset(
    "news tv television radio broadcasting times post journal herald tribune gazette "
    "daily magazine chronicle telegraph newspaper newspapers network channel wire "
    "newswire online".split()
)


def _words(name: str) -> list[str]:
    return re.sub(r"[^\w\s'’-]", " ", name.lower().replace("’", "'")).split()


def is_outlet(name: str, sources: Iterable[str] = ()) -> bool:
    """A news organisation: a listed outlet, an article's own source, or a name ending in
    an outlet word (``Nile TV``, ``Fox News``, ``Xinhua news agency``)."""
    words = [w.removesuffix("'s") for w in _words(name)]
    while words and words[0] in {"the", "a", "state-run", "state-owned", "official"}:
        words = words[1:]
    if not words:
        return False
    phrase = " ".join(words)
    if phrase in {s.lower() for s in sources}:
        return True
    if any(w in _OUTLET_WORDS for w in words) and len(words) <= 3:
        return True
    if any(p == phrase or phrase.startswith(p + " ") for p in _OUTLET_PHRASES):
        return True
    if phrase.endswith(("news agency", "press agency")):
        return True
    return len(words) >= 2 and words[-1] in _OUTLET_HEADS


_NAME = r"((?:[A-Z][\w'’.-]*\.? ){0,2}[A-Z][\w'’-]+)"  # two to three capitalised words
# Not "host" or "producer": hosts of award shows and music producers are newsmakers.
_ROLE_WORDS = ("correspondent", "reporter", "anchor", "anchorman", "anchorwoman", "columnist")
_ROLE = rf"(?i:{'|'.join(_ROLE_WORDS)})"
# An outlet's own analysts and contributors are its voice too ("CNN senior legal analyst").
_OWN_ROLE_WORDS = ("analyst", "contributor", "commentator")
_OWN_ROLE = rf"(?i:{'|'.join(_OWN_ROLE_WORDS)})"
_OUTLET_NAMES = (
    "CNN", "BBC", "Reuters", "AP", "AFP", "NBC", "ABC", "CBS", "MSNBC", "NPR", "Al Jazeera",
    "Fox News", "Sky News",
)  # fmt: skip
_OUTLET_NAME = rf"(?:{'|'.join(_OUTLET_NAMES)})"
_OURS = rf"(?:{_OUTLET_NAME}|(?i:our))"
# Ways a story shows its own reporters, not its newsmakers (names are case-sensitive),
# each with words one of which every match holds (written so, or in any case), around
# which alone it is looked for: most start with a name, which is slow to look for
# through whole texts.
_JOURNALIST_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...] = (
    (re.compile(rf"\b{_OUTLET_NAME}(?:'s|’s) (?:own )?{_NAME}"), _OUTLET_NAMES, True),
    (re.compile(rf"\b{_ROLE}s? {_NAME}"), _ROLE_WORDS, False),  # correspondent Ivan Watson
    (  # our legal analyst X
        re.compile(rf"\b{_OURS} (?:[\w-]+ ){{0,3}}{_OWN_ROLE} {_NAME}"),
        _OWN_ROLE_WORDS,
        False,
    ),
    (
        re.compile(rf"{_NAME}, (?:(?i:an?|the) )?(?:{_OUTLET_NAME} )?(?:[\w-]+ ){{0,3}}{_ROLE}\b"),
        _ROLE_WORDS,
        False,
    ),
    (
        re.compile(rf"{_NAME}, (?:(?i:an?|the) )?{_OUTLET_NAME} (?:[\w-]+ ){{0,3}}{_OWN_ROLE}\b"),
        _OWN_ROLE_WORDS,
        False,
    ),
    # Nic Robertson, CNN, Beirut
    (re.compile(rf"(?:^|\n){_NAME}, {_OUTLET_NAME}, [A-Z]"), _OUTLET_NAMES, True),
    # a byline
    (re.compile(rf"(?:^|\n)(?:By|BY|Posted by) {_NAME}"), ("By ", "BY ", "Posted by "), True),
)
_ANCHOR_REACH = 120  # characters around an anchor word that hold any match through it


def _around(text: str, lowered: str, anchors: Sequence[str], exact: bool) -> list[tuple[int, int]]:
    """The stretches of ``text`` within reach of an anchor, overlapping ones joined; each
    starts at a line start or after a space (so no name is cut) or at the text's start."""
    haystack = text if exact else lowered
    stretches: list[tuple[int, int]] = []
    for anchor in anchors:
        at = haystack.find(anchor)
        while at >= 0:
            lo = max(0, at - _ANCHOR_REACH)
            lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1 if lo else 0
            stretches.append((max(0, lo - 1), at + len(anchor) + _ANCHOR_REACH))
            at = haystack.find(anchor, at + len(anchor))
    joined: list[tuple[int, int]] = []
    for lo, hi in sorted(stretches):
        if joined and lo <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(hi, joined[-1][1]))
        else:
            joined.append((lo, hi))
    return joined


# A junior is who the plain name means ("Eric Holder" is Eric H. Holder Jr.); a senior
# ("sr" stays in the key) is another person: "George Bush Sr" is not George W. Bush.
_SUFFIXES = frozenset({"jr", "ii", "iii", "iv"})
# Ranks and honorifics a name may be written with, with or without their full stop:
# "Adm Allen" is Thad Allen. The entity finder's honorifics and the military ranks.
_RANKS = frozenset(w.rstrip(".") for w in HONORIFICS) | frozenset(
    "adm maj cpl pvt cmdr brig supt insp det".split()
)


@functools.lru_cache(maxsize=65536)
def _person_key(name: str) -> tuple[str, ...]:
    """Name tokens without leading lower-case words, a trailing parenthesis or a
    junior's suffix, British spelling folded: ``a Conrad Murray`` -> conrad murray,
    ``Henry M. Paulson Jr.`` -> henri paulson, ``George Bush Sr`` -> george bush sr,
    ``Adm Allen`` -> allen, ``World Health Organisation (WHO`` -> world health
    organization."""
    words = re.sub(r"\s*\(.*$", "", name).split()
    while words and not words[0][:1].isupper():
        words = words[1:]
    key = name_tokens(" ".join(words).replace("isation", "ization"))
    while len(key) > 1 and key[-1] in _SUFFIXES:
        key = key[:-1]
    while len(key) > 1 and key[0] in _RANKS:
        key = key[1:]
    return key


def find_journalists(articles: Iterable[Article]) -> frozenset[tuple[str, ...]]:
    """Full names (as :func:`_person_key` keys) the corpus shows as its reporters."""
    found: set[tuple[str, ...]] = set()
    for article in articles:
        if article.author:
            found.add(_person_key(article.author))
        text, lowered = article.text, article.text.lower()
        exact_case = len(lowered) == len(text)  # else the lower-cased offsets are not the text's
        for pattern, anchors, exact in _JOURNALIST_PATTERNS:
            if exact or exact_case:
                stretches = _around(text, lowered, anchors, exact)
            else:
                stretches = [(0, len(text))]
            for lo, hi in stretches:
                for match in pattern.finditer(text, lo, hi):
                    key = _person_key(match.group(1))
                    if len(key) >= 2 and not is_outlet(match.group(1)):
                        found.add(key)
    return frozenset(found)


def comments_start(text: str) -> int | None:
    """Where the reader comments of a text begin, or None: ingest cuts them
    (:func:`dateline.ingest.clean.find_comments`), so only an article made without
    cleaning (from the API) still holds them, and its quotes there are commenters'."""
    paragraphs = text.split("\n\n")
    found = find_comments(paragraphs)
    if found is None:
        return None
    index, offset = found
    return sum(len(p) + 2 for p in paragraphs[:index]) + offset


# --- grouping -------------------------------------------------------------------------


def _normalised(text: str) -> str:
    """Quote text for comparison: case, punctuation, quotation marks and spaces folded."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass
class _Group:
    speaker: str
    actor_id: str | None
    kind: EntityKind | None
    entries: list[QuoteEntry]
    role: SpeakerRole = SpeakerRole.NEWSMAKER
    variants: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return _person_key(self.speaker)


def _speaker_kind(
    actors: dict[str, Actor], actor_id: str | None, quote: Quote, entities: Sequence[EntityMention]
) -> EntityKind | None:
    if actor_id is not None:
        return actors[actor_id].kind
    if quote.speaker is not None:
        start, end = quote.speaker
        for mention in entities:
            if mention.start < end and start < mention.end:
                return mention.kind
    return None


def quotes_by_speaker(annotated: Annotated, actors: Sequence[Actor]) -> tuple[SpeakerQuotes, ...]:
    """Attributed quotes grouped by speaker, each group with its role; newsmakers with the
    most distinct quotes first. Name variants are merged and repeated quotes are one."""
    by_id = {a.id: a for a in actors}
    articles = [article for article, _, _ in annotated]
    sources = {a.source for a in articles if a.source}
    journalists = find_journalists(articles)
    furniture = find_furniture(articles)
    resolver = SpeakerResolver(actors)
    groups: dict[tuple[str | None, str, bool], _Group] = {}
    for article, entities, quotes in annotated:
        comments = comments_start(article.text)
        for quote in quotes:
            if not quote.speaker_name or furniture.covers(article.id, quote.start, quote.end):
                continue
            actor_id = resolver.resolve(quote.speaker_name, article.id)
            speaker = by_id[actor_id].name if actor_id else quote.speaker_name
            in_comments = comments is not None and quote.start >= comments
            entry = QuoteEntry(
                Span(article.id, quote.start, quote.end),
                quote.direct,
                speaker,
                actor_id,
                article.pub_date.value,
            )
            group = groups.get((actor_id, speaker, in_comments))
            if group is None:
                kind = _speaker_kind(by_id, actor_id, quote, entities)
                group = groups[(actor_id, speaker, in_comments)] = _Group(
                    speaker,
                    actor_id,
                    kind,
                    [],
                    SpeakerRole.COMMENTER if in_comments else SpeakerRole.NEWSMAKER,
                )
            group.entries.append(entry)
    merged = _merge_variants([g for g in groups.values() if g.role is SpeakerRole.NEWSMAKER])
    index = {a.id: a for a in articles}
    for group in merged:
        group.role = _role(group, sources, journalists)
        if group.role is SpeakerRole.NEWSMAKER and _common_word(group, index):
            group.role = SpeakerRole.OTHER
    commenters = [g for g in groups.values() if g.role is SpeakerRole.COMMENTER]
    out = [_finish(g, index) for g in _dedupe_across([*merged, *commenters], index)]
    out = [g for g in out if g.quotes]
    out.sort(key=_speaker_order)
    return tuple(out)


def _speaker_order(group: SpeakerQuotes) -> tuple[bool, int, int, str]:
    """Newsmakers first, by distinct quotes times the articles quoting them: one long
    interview does not make a newsmaker of the story, nor one line copied on many pages."""
    articles = {s.article_id for e in group.quotes for s in e.spans}
    return (
        group.role is not SpeakerRole.NEWSMAKER,
        -len(articles) * len(group.quotes),
        -len(group.quotes),
        group.speaker,
    )


def _role(
    group: _Group,
    sources: set[str],
    journalists: frozenset[tuple[str, ...]],
) -> SpeakerRole:
    if not _is_name(group.speaker):
        return SpeakerRole.OTHER
    if group.kind is EntityKind.PLACE:
        return SpeakerRole.PLACE
    if group.kind is not EntityKind.PERSON and is_outlet(group.speaker, sources):
        return SpeakerRole.OUTLET
    # A one-word name ("Wedeman") is a reporter only through the actor it resolved to:
    # family names alone are shared ("Abdullah").
    if group.kind in (EntityKind.PERSON, None) and group.key in journalists:
        return SpeakerRole.JOURNALIST
    return SpeakerRole.NEWSMAKER


def _common_word(group: _Group, index: dict[str, Article]) -> bool:
    """A one-word speaker its articles write in lowercase more often than capitalised
    inside a sentence is a common word, not a name ("Propofol is extremely powerful", the
    drug, taken for a speaker)."""
    words = group.speaker.split()
    if len(words) != 1 or not words[0].isalpha() or words[0].isupper():
        return False
    word = words[0]
    lower = re.compile(rf"\b{re.escape(word.lower())}\b")
    # capitalised after a lowercase word, a comma or a closing quote: inside a sentence
    inside = re.compile(rf"(?:[a-z,;”\"’]\s+){re.escape(word[:1].upper() + word[1:])}\b")
    texts = [index[i].text for i in {e.span.article_id for e in group.entries} if i in index]
    lowercase = sum(len(lower.findall(t)) for t in texts)
    return lowercase > sum(len(inside.findall(t)) for t in texts)


def _is_name(speaker: str) -> bool:
    """A name has a capitalised word and no digits: not ``9:14 Cairo`` or ``officials``."""
    return not any(ch.isdigit() for ch in speaker) and any(w[:1].isupper() for w in speaker.split())


def _mergeable(group: _Group) -> bool:
    # A name with "and" is two speakers ("Amnesty International and Human Rights Watch").
    return bool(group.key) and " and " not in group.speaker


def _without_senior(key: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """The key without a trailing "sr", and whether it had one."""
    if len(key) > 1 and key[-1] == "sr":
        return key[:-1], True
    return key, False


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``Obama`` in ``Barack Obama``, ``Tayyip Erdogan`` in ``Recep Tayyip Erdogan``,
    ``Ed Chernoff`` and ``Edward Chernoff``, ``Ed Markey`` and ``Edward J. Markey``,
    ``La Toya`` and ``LaToya``; a bare surname in a senior's name, but no senior and
    another first name (``George Bush Sr`` is not ``George W. Bush``)."""
    (short, short_senior), (full, full_senior) = _without_senior(short), _without_senior(full)
    if short_senior != full_senior and len(full if short_senior else short) > 1:
        return False
    if len(short) > len(full):
        short, full = full, short
    if "".join(short) == "".join(full):
        return True
    if len(short) < len(full) and full[-len(short) :] == short:
        return True
    # "Ed Markey" and "Edward J. Markey": middle initials left out
    short, full = _without_initials(short), _without_initials(full)
    return (
        len(short) == len(full) >= 2
        and short[1:] == full[1:]
        and len(short[0]) >= 2
        and (full[0].startswith(short[0]) or short[0].startswith(full[0]))
    )


def _without_initials(key: tuple[str, ...]) -> tuple[str, ...]:
    if len(key) <= 2:
        return key
    return (key[0], *(w for w in key[1:-1] if len(w) > 1), key[-1])


def _acronym_of(short: _Group, full: _Group) -> bool:
    """``WHO`` for ``World Health Organization``, ``HPA`` for ``Health Protection Agency``."""
    letters = short.speaker.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in full.speaker.split() if w[:1].isupper()]
    return len(words) >= 2 and "".join(w[0] for w in words) == letters


def _same_name(a: _Group, b: _Group) -> bool:
    return _same_person(a.key, b.key)


def _acronym_pair(a: _Group, b: _Group) -> bool:
    """One body: an acronym and its name, or two of its common variants ("Fed" and
    "Federal Reserve", ``names.VARIANTS``)."""
    return (
        _acronym_of(a, b)
        or _acronym_of(b, a)
        or (variant_key(a.speaker) == variant_key(b.speaker) != "")
    )


class _Clusters:
    """Groups of one speaker, built one name at a time.

    Two names :func:`_same_person` fits share their last word or all their letters, so
    a name is compared only with the clusters holding one of those (thousands of
    speakers in a large corpus: comparing each with every cluster took seconds)."""

    def __init__(self) -> None:
        self.all: list[list[_Group]] = []
        self._holding: dict[str, set[int]] = defaultdict(set)

    @staticmethod
    def _handles(group: _Group) -> tuple[str, ...]:
        key, _ = _without_senior(group.key)
        return (f"last:{key[-1]}", f"all:{''.join(key)}") if key else ()

    def start(self, group: _Group) -> None:
        self.all.append([group])
        self._index(group, len(self.all) - 1)

    def _index(self, group: _Group, cluster: int) -> None:
        for handle in self._handles(group):
            self._holding[handle].add(cluster)

    def join(self, group: _Group, fits: Callable[[_Group, _Group], bool]) -> bool:
        """Put ``group`` in the one cluster it fits (or the dominant one); False if none."""
        if fits is _same_name:
            near = sorted(set().union(*(self._holding.get(h, set()) for h in self._handles(group))))
        else:
            near = list(range(len(self.all)))
        found = [i for i in near if any(fits(group, g) for g in self.all[i])]
        if not found:
            return False
        sizes = sorted((sum(len(g.entries) for g in self.all[i]), i) for i in found)
        if len(found) > 1 and sizes[-1][0] < _DOMINANT * sum(n for n, _ in sizes[:-1]):
            return False  # "Jackson": Michael, Jermaine or La Toya
        self.all[sizes[-1][1]].append(group)
        self._index(group, sizes[-1][1])
        return True


def _merge_variants(groups: list[_Group]) -> list[_Group]:
    """One group per speaker across name variants.

    People first, longest names first: each name joins the variants it fits
    (:func:`_same_person`); a name that fits several people joins the one with most
    quotes when that one has :data:`_DOMINANT` times the others' quotes (``Obama``:
    Barack, not Michelle), and stays alone otherwise (``Jackson``). A name the tagger
    called an organisation (``Keiji Fukuda``, ``Fukuda``) joins a person it fits; other
    organisations merge on names of two words or more (``State Department`` into
    ``U.S. State Department``, one word is too often shared) and with their acronym.
    A merged group is named after its fullest resolved name with most quotes, so a
    misparsed ``Without Hosni Mubarak`` joins Hosni Mubarak.
    """
    order = sorted(
        (g for g in groups if _mergeable(g)),
        key=lambda g: (-len(g.key), -len(g.entries), g.speaker),
    )
    people, orgs = _Clusters(), _Clusters()
    for group in (g for g in order if g.kind in (EntityKind.PERSON, None)):
        if not people.join(group, _same_name):
            people.start(group)
    for group in (g for g in order if g.kind is EntityKind.ORG):
        if people.join(group, _same_name):
            continue
        if len(group.key) >= 2 and orgs.join(group, _same_name):
            continue
        if not orgs.join(group, _acronym_pair):
            orgs.start(group)
    merged = [g for g in order if g.kind not in (EntityKind.PERSON, EntityKind.ORG, None)]
    out = [g for g in groups if not _mergeable(g)] + merged
    for cluster in (*people.all, *orgs.all):
        head = max(
            cluster,
            key=lambda g: (
                len(g.key) > 1,
                "(" not in g.speaker,
                g.actor_id is not None,
                len(g.entries),
            ),
        )
        for group in cluster:
            if group is not head:
                head.entries += [
                    replace(e, speaker=head.speaker, actor_id=head.actor_id) for e in group.entries
                ]
                head.variants = (*head.variants, group.speaker, *group.variants)
        out.append(head)
    return out


def _dedupe_across(groups: list[_Group], index: dict[str, Article]) -> list[_Group]:
    """A quote credited to several speakers stays with the one credited most often; on
    a tie, with the one the earliest article credits. A later copy cut short often
    leaves a quote after another speaker's paragraph: a protester's words, first
    reported with his name, were credited to Joe Biden in a shorter copy four days on."""
    owners: dict[str, Counter[int]] = defaultdict(Counter)
    first: dict[tuple[str, int], dt.date] = {}
    for i, group in enumerate(groups):
        for entry in group.entries:
            text = _normalised(entry.span.text(index[entry.span.article_id]))
            owners[text][i] += 1
            day = entry.pub_date or dt.date.max
            first[text, i] = min(first.get((text, i), dt.date.max), day)
    for i, group in enumerate(groups):
        keep = []
        for entry in group.entries:
            text = _normalised(entry.span.text(index[entry.span.article_id]))
            best = max(
                owners[text].items(),
                key=lambda kv: (
                    kv[1],
                    groups[kv[0]].role is SpeakerRole.NEWSMAKER,
                    -first[text, kv[0]].toordinal(),
                    -kv[0],
                ),
            )[0]
            if best == i:
                keep.append(entry)
            else:
                groups[best].entries.append(
                    replace(entry, speaker=groups[best].speaker, actor_id=groups[best].actor_id)
                )
        group.entries = keep
    return groups


def _finish(group: _Group, index: dict[str, Article]) -> SpeakerQuotes:
    """One entry per distinct quote: exact repeats (after :func:`_normalised`) and wire
    rewrites sharing most of their words become the repeats of the earliest one."""
    entries = sorted(group.entries, key=_quote_order)
    distinct: list[tuple[str, frozenset[str], list[QuoteEntry]]] = []
    by_text: dict[str, int] = {}
    for entry in entries:
        text = _normalised(entry.span.text(index[entry.span.article_id]))
        tokens = frozenset(text.split())
        at = by_text.get(text)
        if at is None and len(tokens) >= MIN_WORDS_SHOWN:
            at = next(
                (
                    i
                    for i, (_, seen, _) in enumerate(distinct)
                    if _overlap(tokens, seen) >= _DUPLICATE_OVERLAP
                ),
                None,
            )
        if at is None:
            by_text[text] = len(distinct)
            distinct.append((text, tokens, [entry]))
        else:
            by_text.setdefault(text, at)
            distinct[at][2].append(entry)
    quotes = tuple(
        replace(same[0], repeats=tuple(sorted({e.span for e in same[1:]} - {same[0].span})))
        for _, _, same in distinct
    )
    return SpeakerQuotes(
        group.speaker,
        group.actor_id,
        quotes,
        group.role,
        tuple(sorted(set(group.variants) - {group.speaker})),
    )


def _quote_order(entry: QuoteEntry) -> tuple[dt.date, Span]:
    return (entry.pub_date or dt.date.max, entry.span)


# --- what a briefing shows ------------------------------------------------------------


def _informative(entry: QuoteEntry, words: int) -> float:
    """Longer (to a sentence or two), direct, and repeated across sources ranks higher."""
    length = min(words, 40) / 40 - max(0, words - 80) / 80
    return length + 0.5 * math.log1p(len(entry.repeats)) + (0.2 if entry.direct else 0.0)


def best_quotes(
    group: SpeakerQuotes, index: dict[str, Article], limit: int = MAX_QUOTES
) -> tuple[QuoteEntry, ...]:
    """The speaker's most informative distinct quotes, by date: no fragments when longer
    quotes exist, and none sharing half its words with one already chosen."""
    scored = []
    for entry in group.quotes:
        text = _normalised(entry.span.text(index[entry.span.article_id]))
        scored.append((entry, frozenset(text.split()), len(text.split())))
    if any(words >= MIN_WORDS_SHOWN for _, _, words in scored):
        scored = [s for s in scored if s[2] >= MIN_WORDS_SHOWN]
    scored.sort(key=lambda s: (-_informative(s[0], s[2]), _quote_order(s[0])))
    chosen: list[tuple[QuoteEntry, frozenset[str]]] = []
    for entry, tokens, _ in scored:
        if all(_overlap(tokens, seen) < _DISTINCT_OVERLAP for _, seen in chosen):
            chosen.append((entry, tokens))
        if len(chosen) == limit:
            break
    return tuple(sorted((e for e, _ in chosen), key=_quote_order))


def shown_quotes(
    groups: Sequence[SpeakerQuotes],
    articles: Sequence[Article],
    speakers: int = MAX_SPEAKERS,
    limit: int = MAX_QUOTES,
) -> tuple[SpeakerQuotes, ...]:
    """The most quoted newsmakers (at most ``speakers``), each with its best quotes."""
    index = {a.id: a for a in articles}
    newsmakers = [g for g in groups if g.role is SpeakerRole.NEWSMAKER]
    return tuple(replace(g, quotes=best_quotes(g, index, limit)) for g in newsmakers[:speakers])
