"""What a person decided about a store's articles, as the corpus stages read it: the
timeline's candidate index skips rejected sentences, the briefing applies merges and
splits of actors. The decisions are stored, and attached to a corpus read from a store,
by ``dateline.store.curation``; a corpus built from files carries none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dateline.model import Corpus

MIN_CONTAINED = 20  # a sentence this long or longer inside a rejected one is rejected too


def normal(text: str) -> str:
    """Text compared by its words: whitespace runs are one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Curation:
    """The decisions that shape a corpus built from a store, by article id."""

    rejected_sentences: dict[str, frozenset[str]] = field(default_factory=dict)
    merges: tuple[tuple[str, str], ...] = ()  # (name, name)
    splits: tuple[tuple[str, str], ...] = ()  # (actor name, name to split off)

    def __bool__(self) -> bool:
        return bool(self.rejected_sentences or self.merges or self.splits)

    def rejects(self, article_id: str, sentence: str) -> bool:
        """True when the sentence (or a sentence of it, or one it lies in) was rejected."""
        rejected = self.rejected_sentences.get(article_id)
        if not rejected:
            return False
        text = normal(sentence)
        return any(r in text or (len(text) >= MIN_CONTAINED and text in r) for r in rejected)


@dataclass(frozen=True)
class CuratedCorpus(Corpus):
    """A corpus read from a store, with the store's curation."""

    curation: Curation = field(default_factory=Curation)


def curation_of(corpus: Corpus) -> Curation:
    """The curation a corpus carries (none unless it came from a curated store)."""
    return corpus.curation if isinstance(corpus, CuratedCorpus) else Curation()


# -- actors -------------------------------------------------------------------------------


def _key(name: str) -> str:
    return normal(name).casefold()


def _names(actor: Any) -> set[str]:
    return {_key(actor.name), *(_key(alias) for alias, _ in actor.aliases)}


def curate_actors(
    actors: Sequence[Any],  # dateline.briefing.actors.Actor (a layer above this one)
    annotated: Iterable[tuple[Any, Sequence[Any], Sequence[Any]]],
    curation: Curation,
) -> list[Any]:
    """The briefing's actors with the people's merges and splits applied, most
    mentioned first. An actor is found by its name or any of its aliases."""
    if not (curation.merges or curation.splits):
        return list(actors)
    out: list[Any] = list(actors)
    pairs = list(annotated)
    for name, alias in curation.splits:
        out = _split(out, name, alias, pairs)
    for a, b in curation.merges:
        out = _merge(out, a, b)
    return sorted(out, key=lambda x: (-x.mentions, x.name))


def _merge(actors: list[Any], a: str, b: str) -> list[Any]:
    first = next((x for x in actors if _key(a) in _names(x)), None)
    second = next((x for x in actors if _key(b) in _names(x) and x is not first), None)
    if first is None or second is None:
        return actors
    keep, gone = (first, second) if first.mentions >= second.mentions else (second, first)
    counts: dict[str, int] = {}
    for alias, n in (*keep.aliases, *gone.aliases):
        counts[alias] = counts.get(alias, 0) + n
    seen = [d for d in (keep.first_seen, gone.first_seen, keep.last_seen, gone.last_seen) if d]
    merged = replace(
        keep,
        aliases=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        article_ids=tuple(sorted({*keep.article_ids, *gone.article_ids})),
        first_seen=min(seen, default=None),
        last_seen=max(seen, default=None),
        titles=tuple(dict.fromkeys((*keep.titles, *gone.titles))),
        mentions=keep.mentions + gone.mentions,
    )
    return [merged if x is keep else x for x in actors if x is not gone]


def _split(
    actors: list[Any], name: str, alias: str, pairs: Sequence[tuple[Any, Sequence[Any], Any]]
) -> list[Any]:
    """Take ``alias`` out of the actor named ``name`` as an actor of its own, with the
    articles whose entity mentions use it."""
    actor = next((x for x in actors if _key(name) in _names(x)), None)
    if actor is None or _key(alias) == _key(actor.name):
        return actors
    moved = [(a, n) for a, n in actor.aliases if _key(a) == _key(alias)]
    if not moved:
        return actors
    rest = tuple((a, n) for a, n in actor.aliases if _key(a) != _key(alias))
    own_keys = {_key(a) for a, _ in rest} | {_key(actor.name)}
    used_by: dict[str, set[str]] = {"alias": set(), "rest": set()}
    dates: list[dt.date] = []
    for article, entities, _ in pairs:
        keys = {_key(e.text) for e in entities}
        if _key(alias) in keys:
            used_by["alias"].add(article.id)
            if article.pub_date.value:
                dates.append(article.pub_date.value)
        if keys & own_keys:
            used_by["rest"].add(article.id)
    count = sum(n for _, n in moved)
    new_id = f"{actor.id}~{_key(alias).replace(' ', '-')}"
    split_off = replace(
        actor,
        id=new_id,
        name=moved[0][0],
        aliases=tuple(moved),
        article_ids=tuple(sorted(used_by["alias"])),
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        titles=(),
        mentions=count,
    )
    kept = replace(
        actor,
        aliases=rest,
        article_ids=tuple(sorted(used_by["rest"] & set(actor.article_ids))) or actor.article_ids,
        mentions=max(0, actor.mentions - count),
    )
    out = [kept if x is actor else x for x in actors]
    out.append(split_off)
    return out
