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
   to the only full-name actor of the corpus that fits, and stays alone otherwise.
3. Titles written before a name (``Russia's Foreign Minister Sergey Lavrov``) are
   recorded on the actor; a bare role later (``the UN chief``, ``Russia's Foreign
   Minister``) counts as a mention of the only actor holding that role.

Other kinds (organisations, places, groups) merge on their normalised form, and an
acronym with the one name it abbreviates (``UN``, ``United Nations``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.annotate.entities import HONORIFICS, Title, parse_role, title_before
from dateline.model import Article, EntityKind, EntityMention

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
    titles: tuple[str, ...] = ()  # roles seen: "Foreign Minister", "Secretary-General"
    mentions: int = 0


# --- name normalisation -------------------------------------------------------------


def _fold(text: str) -> str:
    """Lower case without diacritics: ``Sérgey`` -> ``sergey``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


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


def _other_key(text: str) -> str:
    """Normalised form of an organisation or place: ``the U.N.`` -> "un"."""
    folded = re.sub(r"^the\s+", "", _fold(text).strip())
    return re.sub(r"[^a-z0-9 ]", "", folded).strip()


def _acronym(key: str) -> str:
    words = [w for w in key.split() if w not in {"of", "the", "for", "and"}]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


# --- accumulating -------------------------------------------------------------------


@dataclass
class _Builder:
    """What is known about one actor while the corpus is read."""

    kind: EntityKind
    aliases: Counter[str] = field(default_factory=Counter)
    full_forms: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # folded role text -> as written
    roles: set[tuple[str, str]] = field(default_factory=set)  # (role, affiliation)
    title_texts: set[str] = field(default_factory=set)  # "UN chief", "Russia's Foreign Minister"
    kinds: Counter[EntityKind] = field(default_factory=Counter)  # the model's labels, voted

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

    def add_title(self, title: Title) -> None:
        if not title.role:
            return
        words = title.text.split()
        role_words = words[len(words) - len(title.role.split()) :]
        written = " ".join(role_words)
        self.titles.setdefault(re.sub(r"[\s-]+", " ", written.lower()), written)
        self.roles.add((title.role, title.affiliation))
        if title.affiliation:
            self.title_texts.add(_strip_temporal(title.text))


@dataclass
class _Corpus:
    people: dict[tuple[str, ...], _Builder] = field(default_factory=dict)
    others: dict[str, _Builder] = field(default_factory=dict)
    # Bare one-word names no article could resolve, kept for the corpus-level pass.
    loose: list[tuple[EntityMention, Article, tuple[str, ...]]] = field(default_factory=list)


def _full_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """Given and family name: middle names and initials do not split an actor."""
    return (words[0], words[-1])


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
            builder = corpus.people.setdefault(key, _Builder(EntityKind.PERSON))
            builder.add(mention.text, article, full=True)
        else:
            key_or_none = _resolve_in_article(words[0], mention.start, seen_full, all_full)
            if key_or_none is None:
                corpus.loose.append((mention, article, words))
                continue
            builder = corpus.people.setdefault(key_or_none, _Builder(EntityKind.PERSON))
            builder.add(mention.text, article, full=False)
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
        key = _other_key(mention.text)
        if not key:
            continue
        builder = corpus.others.setdefault(key, _Builder(mention.kind))
        builder.add(mention.text, article, full=True)
        builder.kinds[mention.kind] += 1


def _place_loose(corpus: _Corpus) -> None:
    """One-word names resolved against the whole corpus, or kept as actors of their own."""
    for mention, article, words in corpus.loose:
        surface, word = mention.text, words[0]
        key: tuple[str, ...] | None = None
        for position in (1, 0):
            fits = [k for k in corpus.people if len(k) > 1 and k[position] == word]
            if len(fits) == 1:
                key = fits[0]
                break
            if fits:
                break  # ambiguous across the corpus: keep the bare name apart
        other = corpus.others.get(_other_key(surface))
        if key is None and other is not None:
            other.add(surface, article, full=True)  # "Homs" taken for a person once
            other.kinds[EntityKind.PERSON] += 1
            continue
        builder = corpus.people.setdefault(key or words, _Builder(EntityKind.PERSON))
        builder.add(surface, article, full=key is None)
        title = title_before(article.text, mention.start)
        if title is not None:
            builder.add_title(title)


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
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE)
    for article in articles:
        for match in pattern.finditer(article.text):
            after = article.text[match.end() : match.end() + 40].split(maxsplit=1)
            if after and after[0][:1].isupper():
                continue  # a title in front of a name, counted with the name
            phrase = _with_affiliation(article.text, match.start(), match.group(1))
            holder = _role_holder(phrase, holders)
            if holder is not None:
                holder.add(phrase, article, full=False)


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
    forms = builder.full_forms or builder.aliases
    name = sorted(forms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
    return name, sum(builder.aliases.values())


def _merge_acronyms(others: dict[str, _Builder]) -> None:
    """``UN`` joins ``United Nations`` when exactly one name abbreviates to it."""
    by_acronym: dict[str, list[str]] = defaultdict(list)
    for key in others:
        if acronym := _acronym(key):
            by_acronym[acronym].append(key)
    for acronym, longs in by_acronym.items():
        short = others.get(acronym)
        if short is None or len(longs) != 1:
            continue
        target = others[longs[0]]
        target.aliases.update(short.aliases)
        target.articles |= short.articles
        target.dates += short.dates
        target.kinds.update(short.kinds)
        del others[acronym]


def build_actors(
    annotated: Iterable[tuple[Article, tuple[EntityMention, ...]]],
) -> list[Actor]:
    """Actors across articles, most mentioned first (then by name)."""
    corpus = _Corpus()
    articles = []
    for article, mentions in annotated:
        articles.append(article)
        _add_people(corpus, article, mentions)
        _add_others(corpus, article, mentions)
    _place_loose(corpus)
    _add_bare_roles(corpus, articles)
    _merge_acronyms(corpus.others)
    builders = [*corpus.people.values(), *corpus.others.values()]
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
    return Actor(
        id=actor_id,
        name=name,
        kind=builder.kind,
        aliases=aliases,
        article_ids=tuple(sorted(builder.articles)),
        first_seen=min(builder.dates, default=None),
        last_seen=max(builder.dates, default=None),
        titles=tuple(sorted(builder.titles.values())),
        mentions=count,
    )


def resolve_speaker(
    actors: Sequence[Actor], speaker_name: str | None, article_id: str | None = None
) -> str | None:
    """The id of the actor a quote's ``speaker_name`` refers to, or None.

    An exact alias wins, preferring actors seen in ``article_id``; then a person whose
    normalised full name matches; then a one-word name matching a unique family name.
    """
    if not speaker_name:
        return None
    in_article = [a for a in actors if article_id is None or article_id in a.article_ids]
    for pool in (in_article, actors):
        for actor in pool:
            if any(alias == speaker_name for alias, _ in actor.aliases):
                return actor.id
    words = name_tokens(speaker_name)
    if not words:
        return None
    for pool in (in_article, actors):
        fits = [a.id for a in pool if a.kind is EntityKind.PERSON and _fits(words, a)]
        if len(fits) == 1:
            return fits[0]
    return None


def _fits(words: tuple[str, ...], actor: Actor) -> bool:
    for alias, _ in actor.aliases:
        other = name_tokens(alias)
        if not other:
            continue
        if len(words) > 1 and len(other) > 1 and _full_key(words) == _full_key(other):
            return True
        if len(words) == 1 and words[0] in (other[0], other[-1]):
            return True
    return False
