"""Word lists for actors: what a name is when the small English model gets it wrong.

Each list says what it holds and where it comes from; docs/actors.md lists them for
users. All were written for this project from general knowledge of English news
writing (country names and their adjectives, the big news organisations), not taken
from any one corpus: a list that only fixes one story does not belong here.
Keys are in the form :func:`name_key` gives (lower case, no
diacritics, no punctuation, no leading "the").
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Countries of the world with their English adjective and plural for the people
# ("Country:Adjective:Plural", comma-separated; no plural when it is the adjective + "s").
# Written from the English names of UN member states and a few others often in the
# news. A demonym alone ("Syrian", "Egyptians") is not an actor: the adjective
# qualifies something else ("Syrian forces") and the people of a country are too broad
# to act in a story; the country itself stays an actor (a place).
_COUNTRIES = """
Afghanistan:Afghan, Albania:Albanian, Algeria:Algerian, Angola:Angolan,
Argentina:Argentine:Argentines, Argentina:Argentinian, Armenia:Armenian,
Australia:Australian, Austria:Austrian, Azerbaijan:Azerbaijani, Bahrain:Bahraini,
Bangladesh:Bangladeshi, Belarus:Belarusian, Belgium:Belgian, Bolivia:Bolivian,
Bosnia:Bosnian, Brazil:Brazilian, Britain:British:Britons, Bulgaria:Bulgarian,
Burma:Burmese:Burmese, Cambodia:Cambodian, Cameroon:Cameroonian, Canada:Canadian,
Chad:Chadian, Chile:Chilean, China:Chinese:Chinese, Colombia:Colombian,
Congo:Congolese:Congolese, Croatia:Croatian, Cuba:Cuban, Cyprus:Cypriot,
Czech Republic:Czech:Czechs, Denmark:Danish:Danes, Ecuador:Ecuadorian, Egypt:Egyptian,
England:English:Englishmen, Eritrea:Eritrean, Estonia:Estonian, Ethiopia:Ethiopian,
Finland:Finnish:Finns, France:French:Frenchmen, Georgia:Georgian, Germany:German,
Ghana:Ghanaian, Greece:Greek, Guatemala:Guatemalan, Haiti:Haitian, Honduras:Honduran,
Hungary:Hungarian, Iceland:Icelandic:Icelanders, India:Indian, Indonesia:Indonesian,
Iran:Iranian, Iraq:Iraqi, Ireland:Irish:Irishmen, Israel:Israeli, Italy:Italian,
Japan:Japanese:Japanese, Jordan:Jordanian, Kazakhstan:Kazakh, Kenya:Kenyan,
Korea:Korean, Kosovo:Kosovar, Kuwait:Kuwaiti, Kyrgyzstan:Kyrgyz:Kyrgyz, Latvia:Latvian,
Lebanon:Lebanese:Lebanese, Liberia:Liberian, Libya:Libyan, Lithuania:Lithuanian,
Malaysia:Malaysian, Mali:Malian, Mexico:Mexican, Moldova:Moldovan, Mongolia:Mongolian,
Morocco:Moroccan, Mozambique:Mozambican, Nepal:Nepalese:Nepalese,
Netherlands:Dutch:Dutch, New Zealand:New Zealander, Nicaragua:Nicaraguan,
Niger:Nigerien, Nigeria:Nigerian, Norway:Norwegian, Oman:Omani, Pakistan:Pakistani,
Palestine:Palestinian, Panama:Panamanian, Paraguay:Paraguayan, Peru:Peruvian,
Philippines:Filipino, Philippines:Philippine, Poland:Polish:Poles,
Portugal:Portuguese:Portuguese, Qatar:Qatari, Romania:Romanian, Russia:Russian,
Rwanda:Rwandan, Saudi Arabia:Saudi, Scotland:Scottish:Scots,
Senegal:Senegalese:Senegalese, Serbia:Serbian:Serbs, Singapore:Singaporean,
Slovakia:Slovak, Slovenia:Slovenian, Somalia:Somali, South Africa:South African,
Spain:Spanish:Spaniards, Sri Lanka:Sri Lankan, Sudan:Sudanese:Sudanese,
Sweden:Swedish:Swedes, Switzerland:Swiss:Swiss, Syria:Syrian,
Taiwan:Taiwanese:Taiwanese, Tajikistan:Tajik, Tanzania:Tanzanian, Thailand:Thai,
Tunisia:Tunisian, Turkey:Turkish:Turks, Turkmenistan:Turkmen:Turkmens, Uganda:Ugandan,
Ukraine:Ukrainian, United States:American, Uruguay:Uruguayan, Uzbekistan:Uzbek,
Venezuela:Venezuelan, Vietnam:Vietnamese:Vietnamese, Wales:Welsh:Welshmen,
Yemen:Yemeni, Zambia:Zambian, Zimbabwe:Zimbabwean
"""

# Adjectives of regions, peoples and faiths used as qualifiers ("Arab states", "Islamic
# law", "Western powers"): written for this project. Their plural forms that name a
# party in a story ("Kurds", "Copts", "Islamists", "Republicans") are not listed and
# stay actors (groups).
_QUALIFIERS = """
Arab Arabic Islamic Muslim Christian Jewish Catholic Western Eastern European African
Asian Latin Middle Eastern North African Gulf Nordic Scandinavian Caucasian Anglo
Arabs Muslims Christians Jews Catholics Westerners Europeans Africans Asians
"""


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: ``Sérgey`` -> ``sergey``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Normalised form of a name that is not a person's: ``the U.N.`` -> "un"."""
    folded = re.sub(r"^the\s+", "", fold(text).strip())
    return " ".join(re.sub(r"[^a-z0-9 ]", "", folded).split())


_key = name_key


def _countries() -> tuple[frozenset[str], frozenset[str]]:
    demonyms, countries = set(), set()
    for entry in _COUNTRIES.split(","):
        country, adjective, *plural = entry.strip().split(":")
        countries.add(_key(country))
        demonyms.add(_key(adjective))
        demonyms.add(_key(plural[0]) if plural else _key(adjective) + "s")
    return frozenset(demonyms), frozenset(countries)


_DEMONYMS, COUNTRIES = _countries()
DEMONYMS = _DEMONYMS - COUNTRIES  # "Philippines" is the country, not "Philippine" + s
# Not actors: demonyms, and the qualifiers above.
NOT_ACTOR_GROUPS = DEMONYMS | frozenset(_key(w) for w in _QUALIFIERS.split())

# News organisations: outlets are sources, not actors (the briefing lists its sources).
# Written for this project: the international wire agencies, broadcasters and papers
# that other reports quote most, in the forms they are written in. Names ending with
# one of OUTLET_WORDS ("Christian Science Monitor" no, "Gulf News" yes) are caught
# without being listed.
NEWS_OUTLETS = frozenset(
    _key(name)
    for name in """
AP, Associated Press, AFP, Agence France-Presse, Agence France Presse, Reuters,
Thomson Reuters, Xinhua, TASS, ITAR-TASS, RIA Novosti, RIA, Interfax, Sputnik, RT,
Russia Today, SANA, MENA, IRNA, Fars, Anadolu, Yonhap, Kyodo, NHK, EFE, ANSA, DPA,
Bloomberg, Dow Jones, UPI, CNN, CNN International, CNBC, MSNBC, BBC, BBC World Service,
ITV, Sky, Sky News, Channel 4, Fox, Fox News, NBC, ABC, CBS, NPR, PBS, CBC, Al Jazeera,
Al-Jazeera, Aljazeera, Al Arabiya, Al-Arabiya, Euronews, France 24, Deutsche Welle, DW,
Press TV, New York Times, NYT, Washington Post, Wall Street Journal, WSJ, USA Today,
Los Angeles Times, LA Times, Financial Times, FT, Guardian, Observer, Telegraph,
Daily Telegraph, Independent, Times, Sunday Times, Daily Mail, Mail Online, Mirror,
Sun, Economist, Newsweek, Time, Politico, Huffington Post, HuffPost, Associated Press
Television, Le Monde, Le Figaro, Der Spiegel, Spiegel, Haaretz, Al-Ahram, Ahram,
Ahram Online, Al-Hayat, Asharq Al-Awsat, Kommersant, Izvestia, Pravda, Interfax-Ukraine,
Yahoo News, Google News
""".split(",")
)
# Last words of outlet names ("Gulf News", "Asia Times", "Dawn TV"): written for this
# project from how English-language outlets are named.
OUTLET_WORDS = frozenset(
    """news tv television radio times post journal gazette tribune herald newspaper
    magazine broadcasting newswire wire chronicle dispatch inquirer""".split()
)
# Roles of an outlet's staff: "CNN's Ben Wedeman", "BBC correspondent Jim Muir". A person
# mostly written with one of these (or with an outlet's possessive) reports the story
# rather than acting in it. Written for this project.
MEDIA_ROLES = frozenset(
    """correspondent correspondents reporter reporters anchor anchorman anchorwoman
    host presenter editor columnist journalist producer commentator contributor
    blogger""".split()
)

# Names the small English model types wrongly and often, with the kind they have
# (PLACE, ORG or "" for not an actor). Written for this project: armed groups the
# model takes for places or nationalities, and a few companies and web platforms it
# takes for people ("said via Twitter"). Countries (above) are always places.
FIXED_KINDS = {
    _key(name): kind
    for names, kind in (
        (
            "ISIS, ISIL, IS, Daesh, Islamic State, al-Qaeda, al-Qaida, al Qaeda, Al Qaeda, "
            "Qaeda, Hezbollah, Hizbollah, Hamas, Taliban, al-Nusra, Nusra Front, al-Nusra "
            "Front, Jabhat al-Nusra, Free Syrian Army, FSA, Muslim Brotherhood, NATO, "
            "Rosatom, Gazprom, Twitter, Facebook, YouTube",
            "ORG",
        ),
    )
    for name in names.split(",")
}
# Conferences and talks named after a place ("Geneva 2", "Geneva II"), typed as people
# or places by the model: events, not actors. A name is an event when it is a place
# followed by a number (Arabic or Roman) or ends with one of EVENT_WORDS.
EVENT_WORDS = frozenset(
    "conference summit talks forum meeting process agreement accord accords".split()
)
# Last words of the names of diseases ("Swine Flu", "Ebola Virus"), typed as people by
# the model: written for this project. A name with one of them is not an actor either.
DISEASE_WORDS = frozenset("flu influenza virus fever syndrome disease".split())

# Common variants of one name, mapped to the key all of them merge on: written for this
# project from how English news writes the big states and bodies.
VARIANTS = {
    _key(variant): _key(canonical)
    for canonical, variants in (
        ("United States", "US, U.S., USA, U.S.A., America, United States of America"),
        ("United Kingdom", "UK, U.K., Britain, Great Britain"),
        ("Russia", "Russian Federation"),
        ("United Nations", "UN, U.N."),
        ("UN Security Council", "Security Council, United Nations Security Council, UNSC"),
        ("UN General Assembly", "General Assembly, United Nations General Assembly"),
        ("European Union", "EU, E.U."),
        ("World Health Organization", "WHO, W.H.O., World Health Organisation"),
        # Bodies whose short names news text uses without defining them.
        ("Federal Reserve", "Fed, Federal Reserve Board, Federal Reserve System"),
        ("International Monetary Fund", "IMF"),
        ("European Central Bank", "ECB"),
        ("NATO", "North Atlantic Treaty Organization, North Atlantic Treaty Organisation"),
        ("Arab League", "League of Arab States"),
    )
    for variant in variants.split(",")
}


_BRITISH = re.compile(r"\b(?:organisation(s?)|cent(?:re|er)s?|defence)\b")


def _american(match: re.Match[str]) -> str:
    word = match.group()
    if word.startswith("organisation"):
        return "organization" + (match.group(1) or "")
    # "Centre for Disease Control" is how many write the Centers: one key for both
    return "center" if word.startswith("cent") else "defense"


def spelled_key(text: str) -> str:
    """:func:`name_key` with British spelling made US ("organisation", "centre",
    "defence"), and a centre's number folded ("Centres for Disease Control")."""
    return _BRITISH.sub(_american, name_key(text))


def variant_key(text: str) -> str:
    """The normalised name of an organisation or place with its common variants merged
    (``VARIANTS``) and British spelling made US: ``the U.N.`` and ``UN`` -> "united
    nations", ``Fed`` -> "federal reserve"."""
    key = spelled_key(text)
    return VARIANTS.get(key, key)
