from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from dateline.briefing.actors import Actor, build_actors, clean_title, name_tokens, resolve_speaker
from dateline.model import Article, EntityKind, EntityMention
from tests.builders import make_article

PERSON = EntityKind.PERSON


def annotate(
    article_id: str, text: str, names: dict[str, EntityKind], day: int = 1
) -> tuple[Article, tuple[EntityMention, ...]]:
    """An article with hand-made mentions: every occurrence of each name."""
    article = make_article(article_id, text, dt.date(2013, 5, day))
    mentions = [
        EntityMention(m.start(), m.end(), kind, name)
        for name, kind in names.items()
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]
    # A longer name wins over a shorter one inside it ("Ban" inside "Ban Ki-moon").
    kept = [
        m
        for m in mentions
        if not any(o.start <= m.start and m.end <= o.end and o != m for o in mentions)
    ]
    return article, tuple(sorted(kept, key=lambda m: m.start))


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {actor.name: actor for actor in actors}


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Sergey Lavrov", ("sergei", "lavrov")),
        ("Sergei Lavrov", ("sergei", "lavrov")),
        ("Bashar Al-Assad", ("bashar", "assad")),
        ("Bashar al-Assad", ("bashar", "assad")),
        ("Mr. Ban", ("ban",)),
        ("Ban Ki-moon", ("ban", "kimoon")),
        ("José Zapatero", ("jose", "zapatero")),
    ],
)
def test_name_tokens(name: str, tokens: tuple[str, ...]) -> None:
    assert name_tokens(name) == tokens


def test_transliterations_and_surnames_merge() -> None:
    actors = build_actors(
        [
            annotate(
                "a",
                "Sergey Lavrov met Kerry. Lavrov said no.",
                {"Sergey Lavrov": PERSON, "Lavrov": PERSON},
            ),
            annotate(
                "b",
                "Sergei Lavrov spoke. Mr Lavrov left.",
                {"Sergei Lavrov": PERSON, "Lavrov": PERSON},
                day=3,
            ),
        ]
    )
    lavrov = (
        by_name(actors)["Sergei Lavrov"]
        if "Sergei Lavrov" in by_name(actors)
        else by_name(actors)["Sergey Lavrov"]
    )
    assert dict(lavrov.aliases) == {"Sergey Lavrov": 1, "Sergei Lavrov": 1, "Lavrov": 2}
    assert lavrov.article_ids == ("a", "b")
    assert (lavrov.first_seen, lavrov.last_seen) == (dt.date(2013, 5, 1), dt.date(2013, 5, 3))
    assert lavrov.mentions == 4


def test_assad_variants_merge() -> None:
    actors = build_actors(
        [
            annotate("a", "President Bashar Al-Assad spoke.", {"Bashar Al-Assad": PERSON}),
            annotate(
                "b",
                "Bashar al-Assad and Assad's envoys.",
                {"Bashar al-Assad": PERSON, "Assad": PERSON},
            ),
            annotate("c", "Assad refused.", {"Assad": PERSON}),
        ]
    )
    (assad,) = [a for a in actors if a.kind is PERSON]
    assert assad.mentions == 4 and assad.article_ids == ("a", "b", "c")
    assert "President" in assad.titles


def test_family_name_first_and_roles() -> None:
    actors = build_actors(
        [
            annotate(
                "a",
                "U.N. Secretary-General Ban Ki-moon arrived. “We will try,” said Mr. Ban.",
                {"Ban Ki-moon": PERSON, "Ban": PERSON},
            ),
            annotate("b", "UN chief Ban presses Russia. Ban said so.", {"Ban": PERSON}),
            annotate("c", "The UN chief says talks can resume.", {}),
        ]
    )
    ban = by_name(actors)["Ban Ki-moon"]
    assert ban.article_ids == ("a", "b", "c")
    assert {"Secretary-General", "chief"} <= set(ban.titles)
    assert dict(ban.aliases)["Ban"] == 3
    assert "UN chief" in dict(ban.aliases)  # the bare role in article c


def test_bare_role_resolves_only_when_unique() -> None:
    actors = build_actors(
        [
            annotate(
                "a",
                "Russian Foreign Minister Sergey Lavrov met John Kerry. "
                "Russia's Foreign Minister said no.",
                {"Sergey Lavrov": PERSON, "John Kerry": PERSON},
            )
        ]
    )
    assert dict(by_name(actors)["Sergey Lavrov"].aliases).get("Russia's Foreign Minister") == 1


def test_same_surname_different_people_stay_apart() -> None:
    text = (
        "Bill Clinton spoke first. Hillary Clinton spoke next. Clinton said she would win. "
        "Bill Clinton left."
    )
    actors = by_name(
        build_actors(
            [
                annotate(
                    "a",
                    text,
                    {"Bill Clinton": PERSON, "Hillary Clinton": PERSON, "Clinton": PERSON},
                )
            ]
        )
    )
    assert set(actors) == {"Bill Clinton", "Hillary Clinton"}
    # The bare surname goes to the one mentioned last before it.
    assert dict(actors["Hillary Clinton"].aliases) == {"Hillary Clinton": 1, "Clinton": 1}
    assert actors["Bill Clinton"].mentions == 2


def test_ambiguous_surname_across_corpus_stays_alone() -> None:
    actors = by_name(
        build_actors(
            [
                annotate("a", "Bill Clinton spoke.", {"Bill Clinton": PERSON}),
                annotate("b", "Hillary Clinton spoke.", {"Hillary Clinton": PERSON}),
                annotate("c", "Clinton won.", {"Clinton": PERSON}),
            ]
        )
    )
    assert set(actors) == {"Bill Clinton", "Hillary Clinton", "Clinton"}


def test_organisations_merge_acronyms_and_the() -> None:
    actors = build_actors(
        [
            annotate(
                "a",
                "The United Nations met. The UN said so.",
                {"United Nations": EntityKind.ORG, "UN": EntityKind.ORG},
            ),
            annotate("b", "U.N. officials agreed.", {"U.N.": EntityKind.ORG}),
        ]
    )
    (un,) = actors
    assert un.name == "United Nations" and un.mentions == 3 and un.id == "org:united-nations"


def test_order_is_deterministic_and_input_order_free() -> None:
    items = [
        annotate(
            "a",
            "Kerry met Lavrov. John Kerry spoke.",
            {"John Kerry": PERSON, "Kerry": PERSON, "Lavrov": PERSON},
        ),
        annotate("b", "Sergei Lavrov and Lavrov.", {"Sergei Lavrov": PERSON, "Lavrov": PERSON}),
    ]
    forward, backward = build_actors(items), build_actors(items[::-1])
    assert forward == backward
    counts = [(a.mentions, a.name) for a in forward]
    assert counts == sorted(counts, key=lambda c: (-c[0], c[1]))
    assert len({a.id for a in forward}) == len(forward)


def test_resolve_speaker() -> None:
    actors = build_actors(
        [
            annotate("a", "Ban Ki-moon spoke. Ban left.", {"Ban Ki-moon": PERSON, "Ban": PERSON}),
            annotate("b", "Sergey Lavrov spoke.", {"Sergey Lavrov": PERSON}),
        ]
    )
    ids = {a.name: a.id for a in actors}
    assert resolve_speaker(actors, "Ban Ki-moon", "a") == ids["Ban Ki-moon"]
    assert resolve_speaker(actors, "Sergei Lavrov") == ids["Sergey Lavrov"]
    assert resolve_speaker(actors, "Lavrov", "b") == ids["Sergey Lavrov"]
    assert resolve_speaker(actors, None) is None
    assert resolve_speaker(actors, "Nobody Known") is None


@pytest.mark.slow
def test_syria_actors_from_the_model() -> None:
    from dateline.annotate.entities import extract_entities_many
    from tests.annotate.quotes.test_extract import join_paragraphs
    from tests.builders import SYRIA

    paths = sorted(SYRIA.glob("*.txt"))
    articles = [
        make_article(p.name[:3], join_paragraphs(p), dt.date(2013, 5, i + 1))
        for i, p in enumerate(paths)
    ]
    mentions = extract_entities_many(a.text for a in articles)
    actors = by_name(build_actors(zip(articles, mentions, strict=True)))
    ban = actors["Ban Ki-moon"]
    assert {"Ban Ki-moon", "Ban", "UN chief"} <= set(dict(ban.aliases))
    assert "Secretary-General" in ban.titles
    lavrov = actors.get("Sergei Lavrov") or actors["Sergey Lavrov"]
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(dict(lavrov.aliases))
    assert "Foreign Minister" in lavrov.titles
    assert "Secretary of State" in actors["John Kerry"].titles
    (assad,) = [a for name, a in actors.items() if "Assad" in name]
    assert {"Bashar Al-Assad", "Bashar al-Assad", "Assad"} <= set(dict(assad.aliases))
    assert len(ban.article_ids) == len(lavrov.article_ids) == 5


# --- what is an actor, and of which kind (issue 14) ---------------------------------

ORG, PLACE, GROUP = EntityKind.ORG, EntityKind.PLACE, EntityKind.GROUP


def test_demonyms_and_adjectives_are_not_actors() -> None:
    text = (
        "Syrian forces and Egyptians marched. Arab states and the Kurds met. "
        "Republican senators and Republicans agreed. Islamic law applies."
    )
    names = {
        "Syrian": GROUP,
        "Egyptians": GROUP,
        "Arab": GROUP,
        "Kurds": GROUP,
        "Republican": GROUP,
        "Republicans": GROUP,
        "Islamic": GROUP,
    }
    actors = by_name(build_actors([annotate("a", text, names)]))
    assert set(actors) == {"Kurds", "Republicans"}  # parties stay; qualifiers go


def test_outlets_and_their_staff_are_not_actors() -> None:
    text = (
        "Reuters reported that Asia Times and Gulf Daily saw it. CNN's Ben Wedeman was "
        "there. Wedeman said so. Fergus Walsh, the BBC's medical correspondent, agreed. "
        "Omar Suleiman spoke."
    )
    names = {
        "Reuters": ORG,
        "Asia Times": ORG,
        "Gulf Daily": ORG,
        "CNN": ORG,
        "BBC": ORG,
        "Ben Wedeman": PERSON,
        "Wedeman": PERSON,
        "Fergus Walsh": PERSON,
        "Omar Suleiman": PERSON,
    }
    article, mentions = annotate("a", text, names)
    article = dataclasses.replace(article, source="Gulf Daily")  # the article's own outlet
    assert [a.name for a in build_actors([(article, mentions)])] == ["Omar Suleiman"]


def test_kinds_are_voted_across_the_corpus() -> None:
    actors = by_name(
        build_actors(
            [
                annotate("a", "Homs was shelled. Aid reached Homs.", {"Homs": ORG}),
                annotate("b", "Fighting in Homs, in Homs again, near Homs.", {"Homs": ORG}),
                annotate("c", "Mozambique and Daesh.", {"Mozambique": ORG, "Daesh": PLACE}),
            ]
        )
    )
    assert actors["Homs"].kind is PLACE  # "in Homs" outweighs the model's labels
    assert actors["Mozambique"].kind is PLACE  # a country
    assert actors["Daesh"].kind is ORG  # the list of names the model gets wrong


def test_events_and_diseases_are_not_actors() -> None:
    text = "Geneva 2 opened in Geneva. Geneva hosted it. Swine Flu spread. The Paris Summit."
    names = {"Geneva 2": PERSON, "Geneva": PLACE, "Swine Flu": PERSON, "Paris Summit": ORG}
    article, mentions = annotate("a", text, names)
    # The model took one "Geneva" for a person: the corpus says it is a place.
    mentions = tuple(
        dataclasses.replace(m, kind=PERSON) if m.text == "Geneva" and i == 1 else m
        for i, m in enumerate(mentions)
    )
    actors = build_actors([(article, mentions)])
    assert [(a.name, a.kind, a.mentions) for a in actors] == [("Geneva", PLACE, 2)]


def test_common_variants_merge() -> None:
    text = (
        "The U.S. and the United States, the US and America. Russia, the Russian "
        "Federation. The Security Council, the UN Security Council and the United "
        "Nations Security Council."
    )
    names = {
        "U.S.": PLACE,
        "United States": PLACE,
        "US": PLACE,
        "America": PLACE,
        "Russia": PLACE,
        "Russian Federation": ORG,
        "Security Council": ORG,
        "UN Security Council": ORG,
        "United Nations Security Council": ORG,
    }
    actors = build_actors([annotate("a", text, names)])
    assert [(a.name, a.mentions) for a in actors] == [
        ("United States", 4),
        ("UN Security Council", 3),
        ("Russia", 2),
    ]


def test_acronyms_defined_in_the_text_merge() -> None:
    text = (
        "The Free Syrian Army (FSA) fought. The FSA held. The Federation of Syrian Artists "
        "protested. ISIS/ and ISIS."
    )
    names = {
        "Free Syrian Army": ORG,
        "FSA": ORG,
        "Federation of Syrian Artists": ORG,
        "ISIS": ORG,
        "ISIS/": ORG,
    }
    article, mentions = annotate("a", text, names)
    # The model's span took the slash in once: "ISIS/".
    actors = by_name(build_actors([(article, mentions)]))
    assert dict(actors["Free Syrian Army"].aliases) == {"Free Syrian Army": 1, "FSA": 2}
    assert "Federation of Syrian Artists" in actors
    assert "ISIS" in actors and "ISIS/" not in actors


def test_british_and_us_spellings_of_an_organisation_and_its_acronym_merge() -> None:
    """h1n1: the CDC was four actors (one with the acronym) in UK and US copy."""
    text = (
        "The Centre for Disease Control and Prevention (CDC) said so. The CDC agreed. The "
        "U.S. Centers for Disease Control and Prevention counted. The Centers for Disease "
        "Control and Prevention and the U.S. Centres for Disease Control and Prevention "
        "too. The Korea Centres for Disease Control and Prevention did not."
    )
    names = {
        "Centre for Disease Control and Prevention": ORG,
        "CDC": ORG,
        "U.S. Centers for Disease Control and Prevention": ORG,
        "Centers for Disease Control and Prevention": ORG,
        "U.S. Centres for Disease Control and Prevention": ORG,
        "Korea Centres for Disease Control and Prevention": ORG,
    }
    actors = build_actors([annotate("a", text, names)])
    assert [(a.name, a.mentions) for a in actors] == [
        ("U.S. Centers for Disease Control and Prevention", 6),
        ("Korea Centres for Disease Control and Prevention", 1),
    ]


def test_a_bare_name_goes_to_the_full_name_that_dominates() -> None:
    items = [
        annotate("a", f"Barack Obama spoke on day {i}.", {"Barack Obama": PERSON}, day=i)
        for i in range(1, 6)
    ]
    items += [
        annotate("f", "Michelle Obama spoke.", {"Michelle Obama": PERSON}),
        annotate("g", "Obama replied.", {"Obama": PERSON}),
    ]
    actors = by_name(build_actors(items))
    assert dict(actors["Barack Obama"].aliases)["Obama"] == 1
    assert "Obama" not in actors


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("President's", "President"),
        ("Foreign Minister", "Foreign Minister"),
        ("Secretary of State", "Secretary of State"),
        ("Republican presidential nominee", "Republican presidential nominee"),
        ("President Mubarak?", ""),
        ("Sen. John McCain", ""),
        ("Egyptian President", "President"),
    ],
)
def test_clean_title(written: str, clean: str) -> None:
    assert clean_title(written) == clean


def test_one_clean_title() -> None:
    text = (
        "President Hosni Mubarak spoke. Egyptian President Hosni Mubarak left. "
        "President's Hosni Mubarak envoy. The dictator Hosni Mubarak fell. "
        "PRESIDENT Hosni Mubarak."
    )
    (mubarak,) = build_actors([annotate("a", text, {"Hosni Mubarak": PERSON})])
    assert mubarak.title == "President"
    assert mubarak.titles == ("President", "dictator")


def test_one_json_shape_for_an_actor() -> None:
    from dateline.render import briefing_text
    from dateline.render.speech import actor_to_dict

    (ban,) = build_actors(
        [annotate("a", "Secretary-General Ban Ki-moon.", {"Ban Ki-moon": PERSON})]
    )
    assert briefing_text.actor_to_dict is actor_to_dict  # the briefing uses the same one
    doc = actor_to_dict(ban)
    assert doc["title"] == "Secretary-General" and doc["article_ids"] == ["a"]
    assert "articles" not in doc


def test_site_boilerplate_and_transcript_notes_are_not_actors() -> None:
    footer = "By using this site you agree to the rules set forth in our Terms of Service here."
    items = [
        annotate(
            str(day),
            f"Omar Suleiman spoke on day {day}. (INAUDIBLE) On day {day} the Health "
            f"Protection Agency (HPA) agreed, {day} times. {footer}",
            {
                "Omar Suleiman": PERSON,
                "INAUDIBLE": ORG,
                "Health Protection Agency": ORG,
                "HPA": ORG,
                "Terms of Service": ORG,
            },
            day=day,
        )
        for day in (1, 2, 3)
    ]
    actors = by_name(build_actors(items))
    assert set(actors) == {"Omar Suleiman", "Health Protection Agency"}
    assert dict(actors["Health Protection Agency"].aliases)["HPA"] == 3


def test_a_name_starts_with_a_capital_and_sites_are_sources() -> None:
    text = "Hosni Mubarak spoke. Crowds wanted to force Mubarak out, CNN.com said."
    article = make_article("a", text, dt.date(2011, 2, 1))
    start = text.index("force Mubarak")
    site = text.index("CNN.com")
    mentions = (
        EntityMention(0, 13, PERSON, "Hosni Mubarak"),
        EntityMention(start, start + 13, PERSON, "force Mubarak"),  # the model's span
        EntityMention(site, site + 7, ORG, "CNN.com"),
    )
    (mubarak,) = build_actors([(article, mentions)])
    assert dict(mubarak.aliases) == {"Hosni Mubarak": 1, "Mubarak": 1}


def test_a_tie_with_place_contexts_is_a_place() -> None:
    items = [
        annotate("a", "Fighting in eastern Aleppo.", {"Aleppo": GROUP}),
        annotate("b", "Aleppo fighters.", {"Aleppo": GROUP}),
    ]
    (aleppo,) = build_actors(items)
    assert aleppo.kind is PLACE


def test_companies_are_told_by_how_the_text_writes_them() -> None:
    pages = [
        annotate(
            f"p{i}",
            f"Transocean said the rig was safe. Shares in Transocean fell. The rig owner "
            f"Transocean Ltd met officials in Houston. Transocean's shares rose {i}%.",
            {"Transocean": PLACE, "Transocean Ltd": ORG, "Houston": PLACE},
        )
        for i in range(3)
    ]
    # a person's name written with a company's words stays a person
    pages.append(
        annotate(
            "q",
            "Cameron spoke. Cameron said so. Cameron Inc makes valves. Cameron's shares "
            "fell, and Cameron's shareholders met. David Cameron agreed.",
            {"Cameron": PERSON, "David Cameron": PERSON},
        )
    )
    actors = by_name(build_actors(pages))
    assert actors["Transocean"].kind is ORG  # the model's "place" outvoted
    assert actors["Houston"].kind is PLACE
    assert actors["David Cameron"].kind is PERSON


def test_things_and_events_named_like_actors_are_not_actors() -> None:
    text = (
        "The Deepwater Horizon rig exploded. The Deepwater Horizon explosion killed 11. "
        "Crews left the Deepwater Horizon. The Deepwater Horizon disaster and BP oil spill "
        "hurt BP, and BP said so. BP paid. BP's chief spoke. Deepwater Horizon well data."
    )
    actors = build_actors(
        [annotate("a", text, {"Deepwater Horizon": PERSON, "Deepwater": PERSON, "BP": ORG})]
    )
    assert [a.name for a in actors] == ["BP"]  # the rig is no actor, nor "Deepwater"


def test_a_bare_given_name_is_not_a_person_called_by_his_family_name() -> None:
    # egypt: "Her father, George, captured video ..." was merged into George W. Bush,
    # whom the articles call "Bush"; "Ban" still finds Ban Ki-moon, never "Ki-moon".
    actors = by_name(
        build_actors(
            [
                annotate(
                    "a",
                    "George W. Bush spoke. Bush left.",
                    {"George W. Bush": PERSON, "Bush": PERSON},
                ),
                annotate("b", "Her father, George, filmed it.", {"George": PERSON}),
                annotate("c", "Ban Ki-moon spoke.", {"Ban Ki-moon": PERSON}),
                annotate("d", "Ban replied.", {"Ban": PERSON}),
            ]
        )
    )
    assert set(actors) == {"George W. Bush", "George", "Ban Ki-moon"}
    assert dict(actors["George W. Bush"].aliases) == {"George W. Bush": 1, "Bush": 1}
    assert dict(actors["Ban Ki-moon"].aliases)["Ban"] == 1
