"""Actors: the people and organisations of a story, merged across articles.

Names come in many forms: ``Sergey Lavrov`` and ``Sergei Lavrov``, ``Bashar Al-Assad``
and ``Bashar al-Assad``, ``Mr. Ban`` and ``Ban Ki-moon``, or no name at all (``the UN
chief``). The rules, in order:

1. Full names (two words or more) are grouped by (given name, family name) after
   normalisation: case, diacritics, ``y``/``i``, ``Al-``/``el-`` prefixes, hyphens.
   Two full names with the same family name and different given names stay apart.
2. A one-word mention (``Lavrov``, ``Ban``) goes to a full name *of the same article*
   ending with it, else starting with it (family name first: ``Ban Ki-moon``); when
   several fit, to the one mentioned last before it. With none in the article, it goes
   to the only full-name actor of the corpus that fits, and stays alone otherwise; a
   given name alone never goes to a person the articles call by the family name alone
   and never by the given name (``George`` is not George W. Bush, called ``Bush``).
3. Titles written before a name (``Russia's Foreign Minister Sergey Lavrov``) are
   recorded on the actor; a bare role later (``the UN chief``, ``Russia's Foreign
   Minister``) counts as a mention of the only actor holding that role.

Other kinds (organisations, places, groups) merge on their normalised form, and an
acronym with the one name it abbreviates (``UN``, ``United Nations``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from dateline.annotate.entities import (
    HONORIFICS,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    Title,
    parse_role,
    title_before,
)
from dateline.briefing.names import (
    COUNTRIES,
    DEMONYMS,
    DISEASE_WORDS,
    EVENT_WORDS,
    FIXED_KINDS,
    MEDIA_ROLES,
    NEWS_OUTLETS,
    NOT_ACTOR_GROUPS,
    OUTLET_WORDS,
    VARIANTS,
    fold,
    name_key,
    spelled_key,
    variant_key,
)
from dateline.model import Article, Confidence, EntityKind, EntityMention

_PARTICLES = ("al-", "el-", "al ", "el ")


@dataclass(frozen=True)
class Actor:
    """One person or organisation, with every name and role it was seen under."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[tuple[str, int], ...]  # (surface form, count), most frequent first
    article_ids: tuple[str, ...]
    first_seen: dt.date | None
    last_seen: dt.date | None
    titles: tuple[str, ...] = ()  # roles seen: "Foreign Minister", most often seen first
    mentions: int = 0
    # Whether first_seen / last_seen come only from articles dated by estimate (issue 15):
    # every place that shows the range says so.
    first_seen_estimated: bool = False
    last_seen_estimated: bool = False

    @property
    def title(self) -> str:
        """The one title to show: the role most often written before the name."""
        return self.titles[0] if self.titles else ""


# --- name normalisation -------------------------------------------------------------


_fold = fold


@functools.lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """Normalised words of a person's name, honorifics and particles dropped.

    ``Bashar Al-Assad`` -> ("bashar", "assad"); ``Mr. Ban`` -> ("ban",);
    ``Sergey Lavrov`` -> ("sergei", "lavrov"); ``Ban Ki-moon`` -> ("ban", "kimoon").
    """
    words = []
    for raw in _fold(text).replace("’", "'").split():
        if raw in HONORIFICS:
            continue
        word = raw
        for particle in _PARTICLES[:2]:
            if word.startswith(particle) and len(word) > len(particle):
                word = word[len(particle) :]
        word = re.sub(r"[^a-z0-9]", "", word.replace("y", "i"))
        if word and word not in {"al", "el"}:
            words.append(word)
    return tuple(words)


def _acronym(key: str) -> str:
    words = [w for w in key.split() if w not in {"of", "the", "for", "and"}]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


# --- what a name is, decided across the corpus ------------------------------------

# Words in front of a name that make it a place: "in Homs", "the city of Homs".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|across|throughout|northern|southern|eastern|western)"
    r"|(?:city|town|village|province|"
    r"region|suburb|district)\s+of)\s+$",
    re.IGNORECASE,
)
_PLACE_CONTEXT_WEIGHT = 2  # a place context says more than one label of the model
# Words after a name that make it a company: "Transocean Ltd", "Halliburton Co",
# "Transocean's chief executive" (the model takes both for places); nothing a person has
# too ("Obama's spokesman").
_CORPORATE = r"(?:Inc|Ltd|Co|Corp|Corporation|plc|PLC|LLC|Limited|AG|SA|NV|GmbH)"
# A company's name written with its suffix inside the mention: "Transocean Ltd".
_CORPORATE_SUFFIX = re.compile(rf"\s+{_CORPORATE}\.?$")
# "shares in Transocean", "a stake in Halliburton": a company, not a place.
_INVESTED_IN = re.compile(r"\b(?:shares|stakes?|investments?|invested|holdings?)\s+in\s+$")
_ORG_AFTER = re.compile(
    rf"(?:\s+{_CORPORATE}\b"
    r"|['’]s\s+(?:shares|stock|share price|chief executive|chief financial officer|CEO|"
    r"board of directors|headquarters|subsidiary|shareholders)\b)"
)
# Common nouns a name is written before when it names a thing or an event, not an actor:
# "the Deepwater Horizon rig", "the Exxon Valdez spill" (the model takes the rig for a
# person). A name written so in most of its mentions is no actor; "BP oil spill" is 5%
# of BP's mentions, "Deepwater Horizon rig", "... explosion", "... well" 73% of the rig's.
_THING_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:rig|platform|well|oil|drilling|disaster|explosion|spill|blowout|leak|"
    r"accident|crash|flight|ship|vessel|tanker|plant|reactor|mine|site|incident|tragedy|"
    r"fire|blast|bombing|trial|scandal)\b"
)
_THING_SHARE = 0.5
_NEXT_WORD = re.compile(r"\s+([A-Z][\w’'-]*)")
_NUMBERED = re.compile(r"^(.+) (?:\d+|ii|iii|iv|v)$")  # "geneva 2", "geneva ii"


@dataclass
class _KindVotes:
    """What the corpus says each name (by key) is: the model's labels and place contexts,
    and the names written as companies (``_ORG_AFTER``) at least ``_COMPANY_CONTEXTS``
    times and more often than in a place context."""

    labels: dict[str, Counter[EntityKind]]
    companies: frozenset[str]

    def get(self, key: str) -> Counter[EntityKind] | None:
        return self.labels.get(key)


_COMPANY_CONTEXTS = 3


def _vote_kinds(pairs: Sequence[tuple[Article, Sequence[EntityMention]]]) -> _KindVotes:
    """The model's labels of each name across the corpus, plus place and company contexts."""
    votes: dict[str, Counter[EntityKind]] = defaultdict(Counter)
    places: Counter[str] = Counter()
    companies: Counter[str] = Counter()
    for article, mentions in pairs:
        for mention in mentions:
            key = name_key(mention.text)
            votes[key][mention.kind] += 1
            before = article.text[max(0, mention.start - 30) : mention.start]
            possessive = article.text[mention.end : mention.end + 2] in ("'s", "’s")
            invested = _INVESTED_IN.search(before)
            if _PLACE_BEFORE.search(before) and not possessive and not invested:
                votes[key][EntityKind.PLACE] += _PLACE_CONTEXT_WEIGHT
                places[key] += 1
            if invested or _ORG_AFTER.match(article.text, mention.end, mention.end + 40):
                companies[key] += 1
            if _CORPORATE_SUFFIX.search(mention.text):
                companies[name_key(_CORPORATE_SUFFIX.sub("", mention.text))] += 1
    # The model takes some companies for places in most mentions ("Transocean",
    # "Halliburton"): how the text writes them decides.
    written = frozenset(
        key for key, n in companies.items() if n >= _COMPANY_CONTEXTS and n > places[key]
    )
    return _KindVotes(votes, written)


def _thing_keys(pairs: Sequence[tuple[Article, Sequence[EntityMention]]]) -> set[str]:
    """Names mostly written before a noun of things and events (``_THING_AFTER``), read
    at every place the text writes them: the model often labels no entity where the
    noun follows ("the Deepwater Horizon rig"), so its mentions alone would not show it."""
    total: Counter[str] = Counter()
    things: Counter[str] = Counter()
    followed: list[tuple[str, str]] = []  # (key, the next word) where a name is written
    for article, mentions in pairs:
        text = article.text
        for surface in {m.text for m in mentions if len(m.text) > 2}:
            key = name_key(surface)
            at = text.find(surface)
            while at >= 0:
                end = at + len(surface)
                if not text[end : end + 1].isalnum() and not text[at - 1 : at].isalnum():
                    total[key] += 1
                    things[key] += bool(_THING_AFTER.match(text, end, end + 30))
                    if nxt := _NEXT_WORD.match(text, end, end + 30):
                        followed.append((key, nxt.group(1)))
                at = text.find(surface, end)
    found = {key for key, n in things.items() if n > _THING_SHARE * total[key]}
    # the start of a thing's name is the thing: "Deepwater" of "Deepwater Horizon"
    starts = {key.rsplit(" ", 1)[0] for key in found if " " in key}
    inside = Counter(
        key for key, word in followed if key in starts and f"{key} {name_key(word)}" in found
    )
    return found | {key for key, n in inside.items() if n > _THING_SHARE * total[key]}


def _decided_kind(key: str, votes: _KindVotes, own: EntityKind) -> EntityKind | None:
    """The kind of a name across the corpus, or None when it is not an actor.

    Demonyms, events and diseases are not actors; countries are places; the fixed list next;
    a name written as a company is one unless the model mostly calls it a person; then
    the majority of the model's labels (and place contexts) over all mentions of the
    name; with no majority, the mention keeps its own label.
    """
    if key in DEMONYMS:
        return None
    if key in COUNTRIES:
        return EntityKind.PLACE
    if key in FIXED_KINDS:
        return EntityKind(FIXED_KINDS[key])
    counts = votes.get(key)
    if key in votes.companies and not (counts and counts[EntityKind.PERSON] * 2 > counts.total()):
        return EntityKind.ORG  # a person's name stays one: "Cameron" and Cameron International
    numbered = _NUMBERED.match(key)
    words = key.split()
    if words[-1] in EVENT_WORDS or (numbered and _is_place(numbered.group(1), votes)):
        return None
    kind = own
    if counts:
        voted, n = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].value))[0]
        kind = voted if n * 2 > counts.total() else own
        if n * 2 <= counts.total() and counts[EntityKind.PLACE] * 2 >= counts.total():
            kind = EntityKind.PLACE  # a tie with place contexts: "eastern Aleppo"
    if kind in (EntityKind.PERSON, EntityKind.GROUP) and DISEASE_WORDS.intersection(words):
        return None  # "Swine Flu" taken for a person
    return kind


def _is_place(key: str, votes: _KindVotes) -> bool:
    counts = votes.get(key) or Counter()
    return key in COUNTRIES or counts[EntityKind.PLACE] * 2 > counts.total() > 0


_WEBSITE = re.compile(r"(?i)\.(?:com|org|net|co\.uk|tv)$")  # "CNN.com": a site is a source


def is_outlet(text: str, outlets: frozenset[str] = NEWS_OUTLETS) -> bool:
    """A news organisation: listed, one of the corpus's sources, or named like one."""
    key = name_key(text)
    words = key.split()
    return (
        key in outlets
        or (len(words) > 1 and words[-1] in OUTLET_WORDS)
        or bool(_WEBSITE.search(text.strip()))
    )


def _corrected(
    article: Article,
    mentions: Sequence[EntityMention],
    votes: _KindVotes,
    outlets: frozenset[str],
    left_out: set[str],
) -> list[EntityMention]:
    """Mentions of actors only, each with the kind its name has across the corpus;
    ``left_out``: names of site boilerplate, things and events."""
    kept = []
    for mention in mentions:
        key = name_key(mention.text)
        if not key or key in left_out or is_outlet(mention.text, outlets):
            continue
        if _is_marker(article, mention):
            continue
        if key in NOT_ACTOR_GROUPS and mention.kind is not EntityKind.PERSON:
            continue
        kind = _decided_kind(key, votes, mention.kind)
        if kind is None or (kind is EntityKind.PERSON and not _written_as_name(mention.text)):
            continue
        if kind is EntityKind.GROUP and " " not in key and not key.endswith("s"):
            continue  # "Republican", "Sunni": an adjective ("Sunni rebels"), not a party
        named = _without_leading_lowercase(mention) if kind is EntityKind.PERSON else mention
        kept.append(named if kind is named.kind else replace(named, kind=kind))
    return kept


def _without_leading_lowercase(mention: EntityMention) -> EntityMention:
    """``force Mubarak`` -> ``Mubarak``: a name starts with a capital (the model's span
    took a word in front)."""
    lead = re.match(r"(?:[^\W\d_A-Z][\w'’-]*\s+)+(?=[A-Z])", mention.text)
    if lead is None:
        return mention
    return replace(mention, start=mention.start + lead.end(), text=mention.text[lead.end() :])


_CONTEXT = 40  # characters on each side of a mention that make its context
_BOILERPLATE_DATES = 3  # the same context on 3 publication dates: the site's, not the story's
_BOILERPLATE_SHARE = 0.8  # of a name's mentions


def _boilerplate_keys(pairs: Sequence[tuple[Article, Sequence[EntityMention]]]) -> set[str]:
    """Names mostly seen in words repeated across the corpus ("pursuant to our Terms of
    Service", a site's footer): the page's furniture. Copies of one wire story share
    their contexts too, but on one or two dates, not on many."""
    dates: dict[tuple[str, str], set[dt.date | str]] = defaultdict(set)
    keyed: list[tuple[str, str]] = []
    for article, mentions in pairs:
        for mention in mentions:
            text = article.text
            context = " ".join(
                (
                    text[max(0, mention.start - _CONTEXT) : mention.start]
                    + "|"
                    + text[mention.end : mention.end + _CONTEXT]
                ).split()
            )
            item = (name_key(mention.text), context)
            dates[item].add(article.pub_date.value or article.id)
            keyed.append(item)
    total: Counter[str] = Counter(key for key, _ in keyed)
    repeated = Counter(
        key for item in keyed if len(dates[item]) >= _BOILERPLATE_DATES for key in (item[0],)
    )
    return {key for key, n in repeated.items() if n >= _BOILERPLATE_SHARE * total[key]}


def _is_marker(article: Article, mention: EntityMention) -> bool:
    """``(INAUDIBLE)``, ``[CROSSTALK]``: a transcript's note, not a name; an acronym after
    its name (``Health Protection Agency (HPA)``) is a name."""
    opened = article.text[mention.start - 1 : mention.start] in ("(", "[")
    closed = article.text[mention.end : mention.end + 1] in (")", "]")
    if not (mention.text.isupper() and opened and closed):
        return False
    words_before = article.text[max(0, mention.start - 41) : mention.start - 1].split()
    return not (words_before and words_before[-1][:1].isupper())


def _written_as_name(text: str) -> bool:
    """A person's name has a capitalised word of two letters or more and no digit (not
    "thu c.", not "H1N1")."""
    words = text.split()
    if len(words) == 1 and text.isupper() and len(text) < 4:
        return False  # "ET" (a time zone), "AP": letters, not a name
    return any(len(w) > 1 and w[:1].isupper() for w in words) and not re.search(r"\d", text)


def _outlet_keys(articles: Sequence[Article]) -> frozenset[str]:
    sources = {name_key(a.source) for a in articles if a.source}
    return NEWS_OUTLETS | {s for s in sources if s}


_POSSESSOR = re.compile(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:'s|’s)\s+(?:\w+\s+){0,2}$")
_MEDIA_ROLE = re.compile(
    rf"\b(?:{'|'.join(sorted(MEDIA_ROLES))})\s+(?:[A-Z]\w*\s+){{0,1}}$", re.IGNORECASE
)
_MEDIA_ROLE_AFTER = re.compile(
    rf"^,\s+(?:an?\s+|the\s+)?(?:[\w.&'’-]+\s+){{0,3}}(?:{'|'.join(sorted(MEDIA_ROLES))})\b",
    re.IGNORECASE,
)


def _written_as_staff(article: Article, mention: EntityMention, outlets: frozenset[str]) -> bool:
    """``CNN's Ben Wedeman``, ``correspondent Ben Wedeman``, ``Ben Wedeman, CNN's
    correspondent``: a reporter of the story."""
    before = article.text[max(0, mention.start - 50) : mention.start]
    after = article.text[mention.end : mention.end + 60]
    possessor = _POSSESSOR.search(before)
    if possessor and is_outlet(possessor.group(1), outlets):
        return True
    signed = re.search(r"\bI[’']m\s+$", before)  # "I'm Becky Anderson in London": a host
    return bool(signed or _MEDIA_ROLE.search(before) or _MEDIA_ROLE_AFTER.match(after))


# --- accumulating -------------------------------------------------------------------


@dataclass
class _Builder:
    """What is known about one actor while the corpus is read."""

    kind: EntityKind
    aliases: Counter[str] = field(default_factory=Counter)
    full_forms: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)
    established: set[dt.date] = field(default_factory=set)  # dates of non-estimated articles
    titles: dict[str, str] = field(default_factory=dict)  # folded role text -> as written
    roles: set[tuple[str, str]] = field(default_factory=set)  # (role, affiliation)
    title_texts: set[str] = field(default_factory=set)  # "UN chief", "Russia's Foreign Minister"
    kinds: Counter[EntityKind] = field(default_factory=Counter)  # the model's labels, voted
    title_votes: Counter[str] = field(default_factory=Counter)  # clean titles as written
    staff_articles: set[str] = field(default_factory=set)  # written as an outlet's staff
    canonical: str = ""  # the key of a name with listed variants ("united states")

    def voted_kind(self) -> EntityKind:
        if not self.kinds:
            return self.kind
        return sorted(self.kinds.items(), key=lambda kv: (-kv[1], kv[0].value))[0][0]

    def add(self, surface: str, article: Article, full: bool) -> None:
        self.aliases[surface] += 1
        if full:
            self.full_forms[surface] += 1
        self.articles.add(article.id)
        if article.pub_date.value is not None:
            self.dates.append(article.pub_date.value)
            if article.pub_date.confidence is not Confidence.ESTIMATED:
                self.established.add(article.pub_date.value)

    def add_title(self, title: Title) -> None:
        if not title.role:
            return
        words = title.text.split()
        role_words = words[len(words) - len(title.role.split()) :]
        written = " ".join(role_words)
        self.titles.setdefault(re.sub(r"[\s-]+", " ", written.lower()), written)
        if clean := clean_title(written):
            self.title_votes[clean] += 1
        self.roles.add((title.role, title.affiliation))
        if title.affiliation:
            self.title_texts.add(_strip_temporal(title.text))


_TITLE_WORDS = ROLE_WORDS | ROLE_QUALIFIERS | {"of", "for", "staff"}


def clean_title(written: str) -> str:
    """The role alone, as written: ``President's`` -> "President"; "" when none is left.

    Keeps the longest run of role words ending the phrase, so a name or a question
    caught in front (``Sen. John McCain``, ``President Mubarak?``) leaves nothing.
    """
    words = [re.sub(r"(?:'s|’s|')$", "", w) for w in written.split()]
    if not words or not all(re.fullmatch(r"[\w.-]+", w) for w in words):
        return ""
    run: list[str] = []
    for word in reversed(words):
        if word.lower() not in _TITLE_WORDS:
            break
        run.insert(0, word)
    while run and run[0].lower() in {"of", "for"}:
        run = run[1:]
    if not any(word.lower() in ROLE_WORDS for word in run):
        return ""
    return " ".join(run)


def _ranked_titles(votes: Counter[str]) -> tuple[str, ...]:
    """Roles most often seen first, each in its most common form.

    A role written capitalised before a name ("President Hosni Mubarak") is a title; a
    lowercase one ("the leader Hosni Mubarak") describes, and ranks after any role seen
    as a title.
    """
    by_role: dict[str, Counter[str]] = defaultdict(Counter)
    for written, n in votes.items():
        by_role[written.lower().replace("-", " ")][written] += n
    ranked = sorted(
        by_role.values(),
        key=lambda forms: (-sum(forms[f] for f in forms if _is_titled(f)), -forms.total()),
    )
    return tuple(_usual_form(forms) for forms in ranked)


def _is_titled(text: str) -> bool:
    """Written as names and titles are: capitalised, not all capitals."""
    return text[:1].isupper() and not text.isupper()


def _usual_form(forms: Counter[str]) -> str:
    """The most common form written as a name; ``COOPER`` only when nothing else is."""
    titled = Counter({f: n for f, n in forms.items() if _is_titled(f)})
    pool = titled or forms
    return sorted(pool.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


@dataclass
class _Corpus:
    outlets: frozenset[str] = NEWS_OUTLETS  # names of news organisations, sources included
    people: dict[tuple[str, ...], _Builder] = field(default_factory=dict)
    others: dict[str, _Builder] = field(default_factory=dict)
    # Bare one-word names no article could resolve, kept for the corpus-level pass.
    loose: list[tuple[EntityMention, Article, tuple[str, ...]]] = field(default_factory=list)


def _full_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """Given and family name: middle names and initials do not split an actor."""
    return (words[0], words[-1])


_Key = TypeVar("_Key", str, tuple[str, ...])


def _builder(table: dict[_Key, _Builder], key: _Key, kind: EntityKind) -> _Builder:
    """The builder of ``key``, made only when it is new (a builder holds nine counters:
    making one per mention was a third of the time spent building actors)."""
    found = table.get(key)
    if found is None:
        found = table[key] = _Builder(kind)
    return found


def _add_people(corpus: _Corpus, article: Article, mentions: Sequence[EntityMention]) -> None:
    people = [m for m in mentions if m.kind is EntityKind.PERSON and name_tokens(m.text)]
    seen_full: list[tuple[int, tuple[str, ...]]] = []  # (offset, key) of full names so far
    all_full = [
        (m.start, _full_key(name_tokens(m.text))) for m in people if len(name_tokens(m.text)) > 1
    ]
    for mention in people:
        words = name_tokens(mention.text)
        if len(words) > 1:
            key = _full_key(words)
            seen_full.append((mention.start, key))
            builder = _builder(corpus.people, key, EntityKind.PERSON)
            builder.add(mention.text, article, full=True)
        else:
            key_or_none = _resolve_in_article(words[0], mention.start, seen_full, all_full)
            if key_or_none is None:
                corpus.loose.append((mention, article, words))
                continue
            builder = _builder(corpus.people, key_or_none, EntityKind.PERSON)
            builder.add(mention.text, article, full=False)
        if _written_as_staff(article, mention, corpus.outlets):
            builder.staff_articles.add(article.id)
        title = title_before(article.text, mention.start)
        if title is not None:
            builder.add_title(title)


def _resolve_in_article(
    word: str,
    offset: int,
    before: Sequence[tuple[int, tuple[str, ...]]],
    every: Sequence[tuple[int, tuple[str, ...]]],
) -> tuple[str, ...] | None:
    """The full name a one-word mention stands for: family name, then given name.

    Several candidates: the one mentioned last before; none before: the first after.
    """
    for position in (1, 0):  # a family name first; a leading family name (Ban) second
        earlier = [key for _, key in before if key[position] == word]
        if earlier:
            return earlier[-1]
        later = [key for start, key in every if start > offset and key[position] == word]
        if later:
            return later[0]
    return None


def _add_others(corpus: _Corpus, article: Article, mentions: Sequence[EntityMention]) -> None:
    for mention in mentions:
        if mention.kind is EntityKind.PERSON:
            continue
        key = variant_key(mention.text)
        if not key:
            continue
        builder = _builder(corpus.others, key, mention.kind)
        builder.add(mention.text, article, full=True)
        builder.kinds[mention.kind] += 1


def _place_loose(corpus: _Corpus) -> None:
    """One-word names resolved against the whole corpus, or kept as actors of their own."""
    # full names by their first and second word, in the order the people were found
    by_word: dict[tuple[int, str], list[tuple[str, ...]]] = defaultdict(list)
    for k in list(corpus.people):
        if len(k) > 1:
            by_word[(0, k[0])].append(k)
            by_word[(1, k[1])].append(k)
    # A given name alone is not a person the articles call by the family name alone
    # and never by the given name: "Her father, George" is not George W. Bush, called
    # "Bush"; "Jermaine" is Jermaine Jackson, and "Ban" is Ban Ki-moon.
    by_family_only = {
        k
        for k, person in corpus.people.items()
        if len(k) > 1 and _called_by(person, k[-1]) and not _called_by(person, k[0])
    }
    for mention, article, words in corpus.loose:
        surface, word = mention.text, words[0]
        key: tuple[str, ...] | None = None
        for position in (1, 0):
            fits = by_word.get((position, word), [])
            if position == 0:
                fits = [k for k in fits if k not in by_family_only]
            if fits:
                key = _dominant(fits, corpus.people)
                break  # ambiguous across the corpus: keep the bare name apart
        other = corpus.others.get(variant_key(surface))
        if key is None and other is not None:
            other.add(surface, article, full=True)  # "Homs" taken for a person once
            other.kinds[EntityKind.PERSON] += 1
            continue
        builder = _builder(corpus.people, key or words, EntityKind.PERSON)
        builder.add(surface, article, full=key is None)
        title = title_before(article.text, mention.start)
        if title is not None:
            builder.add_title(title)


def _called_by(person: _Builder, word: str) -> bool:
    """Whether some article calls ``person`` by ``word`` alone."""
    return any(name_tokens(alias) == (word,) for alias in person.aliases)


_DOMINANCE = 4  # "Obama" is Barack Obama when he is named 4 times as often as Michelle


def _dominant(
    fits: Sequence[tuple[str, ...]], people: dict[tuple[str, ...], _Builder]
) -> tuple[str, ...] | None:
    """The one full name a bare name stands for across the corpus, if one dominates."""
    ranked = sorted(fits, key=lambda k: -people[k].full_forms.total())
    if len(ranked) == 1:
        return ranked[0]
    top, second = (people[k].full_forms.total() for k in ranked[:2])
    return ranked[0] if top >= _DOMINANCE * max(second, 1) else None


# --- bare roles ---------------------------------------------------------------------


def _add_bare_roles(corpus: _Corpus, articles: Sequence[Article]) -> None:
    """``the UN chief`` / ``Russia's Foreign Minister`` said ...: the one actor with it."""
    holders: dict[tuple[str, str], list[_Builder]] = defaultdict(list)
    for builder in corpus.people.values():
        for role in builder.roles:
            holders[role].append(builder)
    phrases = {text for b in corpus.people.values() for text in _role_phrases(b) if len(text) > 3}
    if not phrases:
        return
    finder = _PhraseFinder(phrases)
    held_by: dict[str, _Builder | None] = {}  # one look-up per phrase: they repeat
    for article in articles:
        for start, end in finder.find(article.text):
            after = article.text[end : end + 40].split(maxsplit=1)
            if after and after[0][:1].isupper():
                continue  # a title in front of a name, counted with the name
            phrase = _with_affiliation(article.text, start, article.text[start:end])
            if phrase not in held_by:
                held_by[phrase] = _role_holder(phrase, holders)
            holder = held_by[phrase]
            if holder is not None:
                holder.add(phrase, article, full=False)


class _PhraseFinder:
    """Whole-word, case-insensitive occurrences of many phrases, longest first where
    several start at one word, without overlaps: what one regex alternation of them all
    finds, through a dictionary of first words (an alternation of hundreds of phrases
    tries each at every character: seconds on a few hundred articles)."""

    _WORD = re.compile(r"\w+")

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for phrase in sorted({p.lower() for p in phrases}, key=len, reverse=True):
            first = self._WORD.match(phrase)
            if first is not None and first.start() == 0:
                self.by_first[first.group()].append(phrase)

    def _starts(self, text: str) -> list[tuple[int, str]]:
        """Where a phrase's first word stands as a whole word (not after a hyphen).

        The lower-cased text's words are looked up first, so only the first words it
        has are searched for; a text whose length changes in lower case (a dotted
        capital I) is read word by word."""
        low = text.lower()
        if len(low) != len(text):
            return [
                (w.start(), w.group().lower())
                for w in self._WORD.finditer(text)
                if w.group().lower() in self.by_first
                and not (w.start() and text[w.start() - 1] == "-")
            ]
        starts = []
        for first in self.by_first.keys() & set(self._WORD.findall(low)):
            at = low.find(first)
            while at >= 0:
                end = at + len(first)
                if not (at and (low[at - 1].isalnum() or low[at - 1] in "_-")) and not (
                    end < len(low) and (low[end].isalnum() or low[end] == "_")
                ):
                    starts.append((at, first))
                at = low.find(first, end)
        return sorted(starts)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        resume = 0
        for start, first in self._starts(text):
            candidates = self.by_first[first]
            if start < resume:
                continue
            for phrase in candidates:
                end = start + len(phrase)
                if text[start:end].lower() != phrase:
                    continue
                if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
                    continue
                yield start, end
                resume = end
                break


_AFFILIATION_BEFORE = re.compile(r"(?:(?:[A-Z]\w*|(?:[A-Z]\.)+)(?:'s|’s)?\s+){1,3}$")


def _with_affiliation(text: str, start: int, phrase: str) -> str:
    """``Foreign Minister`` found in ``Russia's Foreign Minister``: the whole phrase."""
    before = _AFFILIATION_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return phrase
    extended = text[before.start() : start] + phrase
    role = parse_role(extended)
    return _strip_temporal(extended) if role is not None and role[1] else phrase


def _role_phrases(builder: _Builder) -> set[str]:
    """How a role of this actor may be written alone: "UN chief", "Secretary-General"."""
    phrases = set()
    for written in builder.titles.values():
        role = parse_role(written)
        if role and (len(written.split()) > 1 or "-" in written):
            phrases.add(written)
    return phrases | builder.title_texts


_GENERIC_HEADS = frozenset({"chief", "head", "leader", "boss"})


def _same_role(seen: tuple[str, str], held: tuple[str, str]) -> bool:
    """Same role, compatible affiliations; "UN chief" is whatever heads the UN."""
    (role, affiliation), (held_role, held_affiliation) = seen, held
    if role == held_role:
        return not affiliation or not held_affiliation or affiliation == held_affiliation
    return role in _GENERIC_HEADS and bool(affiliation) and affiliation == held_affiliation


def _strip_temporal(text: str) -> str:
    return re.sub(r"(?i)^(?:(?:the|former|outgoing|incoming|acting|new)\s+)+", "", text)


def _role_holder(phrase: str, holders: dict[tuple[str, str], list[_Builder]]) -> _Builder | None:
    role = parse_role(phrase)
    if role is None:
        return None
    fits = {
        id(b): b
        for (held, affiliation), builders in holders.items()
        for b in builders
        if _same_role(role, (held, affiliation))
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


# --- the result ---------------------------------------------------------------------


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-") or "actor"


def _finish(builder: _Builder) -> tuple[str, int]:
    """The name to show: the most frequent full form, counted over its spellings
    ("COOPER", "Cooper") and shown as names are written, without trailing punctuation
    ("ISIS/"); for a name with listed variants, the canonical one ("United States")."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for form, n in (builder.full_forms or builder.aliases).items():
        shown = re.sub(r"[^\w.)]+$", "", form).strip() or form
        spellings[fold(shown)][shown] += n
    canonical = [f for f in spellings if builder.canonical and spelled_key(f) == builder.canonical]
    pool = {f: spellings[f] for f in canonical} or spellings
    best = sorted(pool.values(), key=lambda forms: (-forms.total(), _usual_form(forms)))[0]
    return _usual_form(best), sum(builder.aliases.values())


def _merge_into(others: dict[str, _Builder], source: str, target: str) -> None:
    if source == target or source not in others or target not in others:
        return
    into, merged = others[target], others.pop(source)
    into.aliases.update(merged.aliases)
    # The merged forms stay aliases: "NNRRC" never outnames the name it abbreviates.
    into.articles |= merged.articles
    into.dates += merged.dates
    into.established |= merged.established
    into.kinds.update(merged.kinds)


def _merge_acronyms(others: dict[str, _Builder]) -> None:
    """``UN`` joins ``United Nations`` when exactly one name abbreviates to it."""
    by_acronym: dict[str, list[str]] = defaultdict(list)
    for key in others:
        if acronym := _acronym(key):
            by_acronym[acronym].append(key)
    for acronym, longs in by_acronym.items():
        if len(longs) == 1:
            _merge_into(others, acronym, longs[0])


# "UN Security Council" and "Security Council": one body, when the prefix is the only one
# seen with that name. The prefixes are the international bodies and states English news
# drops once the context says which one is meant.
_PREFIXES = ("un ", "us ", "eu ")


def _merge_prefixed(others: dict[str, _Builder]) -> None:
    for key in list(others):
        for long, short in (("united nations ", "un "), ("united states ", "us ")):
            if key.startswith(long) and key in others:
                _merge_into(others, key, short + key[len(long) :])
                if short + key[len(long) :] not in others:
                    others[short + key[len(long) :]] = others.pop(key)
    for key in list(others):
        if len(key.split()) < 2 or key not in others:
            continue
        prefixed = [p + key for p in _PREFIXES if p + key in others]
        if len(prefixed) == 1:  # the name seen most often keeps the actor
            small, large = sorted((key, prefixed[0]), key=lambda k: others[k].aliases.total())
            _merge_into(others, small, large)


_DEFINED = re.compile(
    r"((?:[A-Z][\w'’-]*\s+)(?:(?:[A-Z][\w'’-]*|of|the|for|and|in)\s+)*"
    r"[A-Z][\w'’-]*)\s+\(([A-Z]{2,6})\)"
)


def _merge_defined_acronyms(others: dict[str, _Builder], articles: Sequence[Article]) -> None:
    """``the Free Syrian Army (FSA)``: an acronym defined in the text joins its name."""
    for article in articles:
        for match in _DEFINED.finditer(article.text):
            acronym = match.group(2).lower()
            if variant_key(acronym) != acronym:
                continue  # a listed variant ("WHO") already has its name
            words = match.group(1).split()
            for i in range(len(words) - 1):  # the longest known name ending the phrase
                key = variant_key(" ".join(words[i:]))
                # the name may have joined its prefixed form ("US Centers for ...")
                known = [k for k in (key, *(p + key for p in _PREFIXES)) if k in others]
                if known and _abbreviates(acronym, key):
                    _merge_into(others, acronym, known[0])
                    break


def _abbreviates(acronym: str, key: str) -> bool:
    """Letters of ``acronym`` start words of ``key``, in order ("isil" in "islamic state
    of iraq and the levant")."""
    initials = [w[0] for w in key.split() if w not in {"of", "the", "for", "and", "in"}]
    position = 0
    for letter in acronym:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return initials[:1] == [acronym[0]]


_STAFF_SHARE = 5  # a person written as an outlet's staff in 1 of 5 articles is staff


def _is_staff(builder: _Builder) -> bool:
    return bool(builder.staff_articles) and (
        len(builder.staff_articles) * _STAFF_SHARE >= len(builder.articles)
    )


def build_actors(
    annotated: Iterable[tuple[Article, Sequence[EntityMention]]],
) -> list[Actor]:
    """Actors across articles, most mentioned first (then by name).

    News outlets and their staff, site boilerplate, demonyms, events and diseases are
    left out; see docs/actors.md.
    """
    pairs = list(annotated)
    articles = [article for article, _ in pairs]
    votes = _vote_kinds(pairs)
    left_out = _boilerplate_keys(pairs) | _thing_keys(pairs)
    corpus = _Corpus(outlets=_outlet_keys(articles))
    for article, mentions in pairs:
        kept = _corrected(article, mentions, votes, corpus.outlets, left_out)
        _add_people(corpus, article, kept)
        _add_others(corpus, article, kept)
    _place_loose(corpus)
    _add_bare_roles(corpus, articles)
    _merge_prefixed(corpus.others)
    _merge_defined_acronyms(corpus.others, articles)
    _merge_acronyms(corpus.others)
    for key, builder in corpus.others.items():
        builder.canonical = key if key in VARIANTS.values() else ""
    people = [b for b in corpus.people.values() if not _is_staff(b)]
    builders = [*people, *corpus.others.values()]
    finished = sorted(
        ((builder, *_finish(builder)) for builder in builders), key=lambda t: (-t[2], t[1])
    )
    actors: list[Actor] = []
    used: set[str] = set()
    for builder, name, count in finished:
        builder.kind = builder.voted_kind()
        actor_id = _unique_id(f"{builder.kind.value.lower()}:{_slug(name)}", used)
        actors.append(_actor(actor_id, name, count, builder))
    return actors


def _unique_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _actor(actor_id: str, name: str, count: int, builder: _Builder) -> Actor:
    aliases = tuple(sorted(builder.aliases.items(), key=lambda kv: (-kv[1], kv[0])))
    first, last = min(builder.dates, default=None), max(builder.dates, default=None)
    return Actor(
        id=actor_id,
        name=name,
        kind=builder.kind,
        aliases=aliases,
        article_ids=tuple(sorted(builder.articles)),
        first_seen=first,
        last_seen=last,
        titles=_ranked_titles(builder.title_votes),
        mentions=count,
        first_seen_estimated=first is not None and first not in builder.established,
        last_seen_estimated=last is not None and last not in builder.established,
    )


def resolve_speaker(
    actors: Sequence[Actor], speaker_name: str | None, article_id: str | None = None
) -> str | None:
    """The id of the actor a quote's ``speaker_name`` refers to, or None.

    An exact alias wins, preferring actors seen in ``article_id``; then a person whose
    normalised full name matches; then a one-word name matching a unique family name.
    For many quotes, build a :class:`SpeakerResolver` once instead.
    """
    return SpeakerResolver(actors).resolve(speaker_name, article_id)


class SpeakerResolver:
    """:func:`resolve_speaker` over one list of actors, indexed once: a briefing resolves
    thousands of quotes against hundreds of actors."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self._by_alias: dict[str, list[int]] = {}
        self._in_article: dict[str, set[int]] = {}
        for i, actor in enumerate(self.actors):
            for alias, _ in actor.aliases:
                self._by_alias.setdefault(alias, []).append(i)
            for article_id in actor.article_ids:
                self._in_article.setdefault(article_id, set()).add(i)
        # What a person's aliases can be matched by (see _fits): a one-word name by an
        # alias's first or last word, a longer one by its first and last words.
        self._by_word: dict[str, set[int]] = defaultdict(set)
        self._by_full: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for i, actor in enumerate(self.actors):
            if actor.kind is not EntityKind.PERSON:
                continue
            for alias, _ in actor.aliases:
                if other := name_tokens(alias):
                    self._by_word[other[0]].add(i)
                    self._by_word[other[-1]].add(i)
                    if len(other) > 1:
                        self._by_full[_full_key(other)].add(i)
        self._fits: dict[tuple[str, ...], list[int]] = {}

    def resolve(self, speaker_name: str | None, article_id: str | None = None) -> str | None:
        if not speaker_name:
            return None
        here = self._in_article.get(article_id, set()) if article_id is not None else None
        exact = self._by_alias.get(speaker_name, [])
        # actors in the order given: the first that fits, in the article before anywhere
        for pool in (here, None):
            hit = next((i for i in exact if pool is None or i in pool), None)
            if hit is not None:
                return self.actors[hit].id
        words = name_tokens(speaker_name)
        if not words:
            return None
        if words not in self._fits:
            found = self._by_word[words[0]] if len(words) == 1 else self._by_full[_full_key(words)]
            self._fits[words] = sorted(found)
        fitting = self._fits[words]
        for pool in (here, None):
            fits = [i for i in fitting if pool is None or i in pool]
            if len(fits) == 1:
                return self.actors[fits[0]].id
        return None
