"""Model <-> JSON round-trips are exact, through real JSON text."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest import load_articles
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
from dateline.pipeline import annotate_article
from dateline.store import codec
from tests.builders import SYRIA


def through_json(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(data))
    return result


small = st.integers(0, 10_000)
texts = st.text(max_size=40)
maybe_text = st.none() | texts
pairs = st.none() | st.tuples(small, small)
days = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
intervals = st.none() | st.builds(DateInterval, days, days, st.sampled_from(Granularity))
timexes = st.builds(
    Timex, small, small, st.sampled_from(TimexType), texts, intervals, texts, st.booleans()
)
mentions = st.builds(EntityMention, small, small, st.sampled_from(EntityKind), texts)
quotes = st.builds(Quote, small, small, st.booleans(), pairs, maybe_text, pairs)
pub_dates = st.builds(
    PublicationDate,
    st.none() | days,
    st.sampled_from(Confidence),
    texts,
    texts,
    maybe_text,
    maybe_text,
)
offset_maps = st.builds(
    OffsetMap,
    st.tuples(small, small),
    st.tuples(small, small),
    st.tuples(small, small),
    st.tuples(st.booleans(), st.booleans()),
    small,
    small,
)
articles = st.builds(
    Article,
    texts,
    texts,
    texts,
    pub_dates,
    maybe_text,
    pairs,
    small,
    maybe_text,
    maybe_text,
    maybe_text,
    maybe_text,
    texts,
    offset_maps,
    st.lists(texts, max_size=3).map(tuple),
    st.none() | days,
)
annotations = st.builds(
    Annotations,
    texts,
    st.lists(st.tuples(small, small)).map(tuple),
    st.lists(timexes, max_size=4).map(tuple),
    st.lists(mentions, max_size=4).map(tuple),
    st.lists(quotes, max_size=4).map(tuple),
    st.lists(st.tuples(texts, texts), max_size=2).map(tuple),
)


@given(timexes)
def test_timex_round_trips(timex: Timex) -> None:
    assert codec.decode_timex(through_json(codec.encode_timex(timex))) == timex


@given(mentions)
def test_entity_round_trips(mention: EntityMention) -> None:
    assert codec.decode_entity(through_json(codec.encode_entity(mention))) == mention


@given(quotes)
def test_quote_round_trips(quote: Quote) -> None:
    assert codec.decode_quote(through_json(codec.encode_quote(quote))) == quote


@given(pub_dates)
def test_pub_date_round_trips(pub: PublicationDate) -> None:
    assert codec.decode_pub_date(through_json(codec.encode_pub_date(pub))) == pub


@given(offset_maps)
def test_offset_map_round_trips(offsets: OffsetMap) -> None:
    data = through_json(codec.encode_offsets(offsets))
    assert codec.decode_offsets(data) == offsets


@given(articles)
def test_article_round_trips_including_offsets(article: Article) -> None:
    back = codec.decode_article(through_json(codec.encode_article(article)))
    assert back == article
    assert back.offsets == article.offsets  # not part of Article's equality


@given(annotations)
def test_annotations_round_trip(annotations: Annotations) -> None:
    data = through_json(codec.encode_annotations(annotations))
    assert codec.decode_annotations(data) == annotations


def test_annotations_rebind_to_another_article_id() -> None:
    original = Annotations("a", ((0, 4),))
    data = codec.encode_annotations(original)
    assert codec.decode_annotations(data, "b").article_id == "b"


def test_real_articles_and_annotations_round_trip() -> None:
    for article in load_articles([SYRIA]).articles:
        back = codec.decode_article(through_json(codec.encode_article(article)))
        assert back == article and back.offsets == article.offsets
        found = annotate_article(article)
        data = through_json(codec.encode_annotations(found))
        assert codec.decode_annotations(data) == found
