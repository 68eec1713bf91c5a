"""The store's codec: model objects to JSON-able dicts and back, exactly.

This is the storage format, not an output: the JSON a user reads is shaped in
``dateline.render``. ``x == decode_x(encode_x(x))`` holds for every type here (tuples
stay tuples, dates stay dates, enums stay enums). Keys are short because a large store
holds millions of time expressions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.model import (
    Annotations,
    Article,
    Confidence,
    DateInterval,
    EntityKind,
    EntityMention,
    Granularity,
    OffsetMap,
    PublicationDate,
    Quote,
    Timex,
    TimexType,
)

Json = dict[str, Any]

__all__ = [
    "decode_annotations",
    "decode_article",
    "decode_entity",
    "decode_offsets",
    "decode_pub_date",
    "decode_quote",
    "decode_timex",
    "encode_annotations",
    "encode_article",
    "encode_entity",
    "encode_offsets",
    "encode_pub_date",
    "encode_quote",
    "encode_timex",
]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def _pair(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value is not None else None


def encode_pub_date(pub: PublicationDate) -> Json:
    return {
        "value": pub.value.isoformat() if pub.value else None,
        "confidence": pub.confidence.value,
        "source": pub.source,
        "evidence": pub.evidence,
        "time": pub.time,
        "partial": pub.partial,
        "earliest": pub.earliest.isoformat() if pub.earliest else None,
        "latest": pub.latest.isoformat() if pub.latest else None,
    }


def decode_pub_date(data: Json) -> PublicationDate:
    return PublicationDate(
        _date(data["value"]),
        Confidence(data["confidence"]),
        data["source"],
        data["evidence"],
        data["time"],
        data["partial"],
        _date(data.get("earliest")),
        _date(data.get("latest")),
    )


def encode_offsets(offsets: OffsetMap) -> Json:
    return {
        "clean": list(offsets.clean_starts),
        "orig": list(offsets.orig_starts),
        "lengths": list(offsets.orig_lengths),
        "verbatim": [int(v) for v in offsets.verbatim],
        "clean_length": offsets.clean_length,
        "orig_length": offsets.orig_length,
    }


def decode_offsets(data: Json) -> OffsetMap:
    return OffsetMap(
        data["clean"],
        data["orig"],
        data["lengths"],
        data["verbatim"],
        data["clean_length"],
        data["orig_length"],
    )


def encode_article(article: Article) -> Json:
    return {
        "id": article.id,
        "path": article.path,
        "text": article.text,
        "pub_date": encode_pub_date(article.pub_date),
        "title": article.title,
        "title_span": list(article.title_span) if article.title_span else None,
        "body_start": article.body_start,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "place": article.place,
        "encoding": article.encoding,
        "offsets": encode_offsets(article.offsets),
        "cleaning": list(article.cleaning),
        "first_comment": article.first_comment.isoformat() if article.first_comment else None,
    }


def decode_article(data: Json) -> Article:
    return Article(
        id=data["id"],
        path=data["path"],
        text=data["text"],
        pub_date=decode_pub_date(data["pub_date"]),
        title=data["title"],
        title_span=_pair(data["title_span"]),
        body_start=data["body_start"],
        source=data["source"],
        url=data["url"],
        author=data["author"],
        place=data["place"],
        encoding=data["encoding"],
        offsets=decode_offsets(data["offsets"]),
        cleaning=tuple(data["cleaning"]),
        first_comment=_date(data.get("first_comment")),  # absent in stores before it
    )


def _interval_to_list(interval: DateInterval | None) -> list[str] | None:
    if interval is None:
        return None
    return [interval.start.isoformat(), interval.end.isoformat(), interval.granularity.value]


def _interval_from_list(data: list[str] | None) -> DateInterval | None:
    if data is None:
        return None
    return DateInterval(
        dt.date.fromisoformat(data[0]), dt.date.fromisoformat(data[1]), Granularity(data[2])
    )


def encode_timex(timex: Timex) -> Json:
    return {
        "s": timex.start,
        "e": timex.end,
        "t": timex.type.value,
        "v": timex.value,
        "i": _interval_to_list(timex.interval),
        "a": timex.anchor,
        "r": timex.relative,
    }


def decode_timex(data: Json) -> Timex:
    return Timex(
        data["s"],
        data["e"],
        TimexType(data["t"]),
        data["v"],
        _interval_from_list(data["i"]),
        data["a"],
        data["r"],
    )


def encode_entity(mention: EntityMention) -> Json:
    return {"s": mention.start, "e": mention.end, "k": mention.kind.value, "x": mention.text}


def decode_entity(data: Json) -> EntityMention:
    return EntityMention(data["s"], data["e"], EntityKind(data["k"]), data["x"])


def encode_quote(quote: Quote) -> Json:
    return {
        "s": quote.start,
        "e": quote.end,
        "d": quote.direct,
        "sp": list(quote.speaker) if quote.speaker else None,
        "n": quote.speaker_name,
        "c": list(quote.cue) if quote.cue else None,
    }


def decode_quote(data: Json) -> Quote:
    return Quote(data["s"], data["e"], data["d"], _pair(data["sp"]), data["n"], _pair(data["c"]))


def encode_annotations(annotations: Annotations) -> Json:
    return {
        "article_id": annotations.article_id,
        "sentences": [list(s) for s in annotations.sentences],
        "timexes": [encode_timex(t) for t in annotations.timexes],
        "entities": [encode_entity(m) for m in annotations.entities],
        "quotes": [encode_quote(q) for q in annotations.quotes],
        "versions": [list(v) for v in annotations.versions],
    }


def decode_annotations(data: Json, article_id: str | None = None) -> Annotations:
    """Annotations from a dict; ``article_id`` rebinds them to another article's id.

    The store keys annotations by content, so the same annotations serve every
    source that produced the text; each gets its own article id on the way out.
    """
    return Annotations(
        article_id if article_id is not None else data["article_id"],
        tuple(map(tuple, data["sentences"])),
        tuple(decode_timex(t) for t in data["timexes"]),
        tuple(decode_entity(m) for m in data["entities"]),
        tuple(decode_quote(q) for q in data["quotes"]),
        tuple((v[0], v[1]) for v in data["versions"]),
    )
