"""Which language an article is written in: English, or another one named in a warning.

dateline's time-expression tagger and its quote and speaker finder read English only; an
article in another language is kept (stored, listed, its publication date read from its
metadata) but left out of those stages, and its input record says so.

The detector is small and has no model file. Texts in a script other than Latin are told
by their script (Cyrillic, Arabic, Greek, Hebrew, Devanagari, CJK ideographs, kana,
Hangul). Latin-script texts are told by their function words: for each language,
:data:`FUNCTION_WORDS` lists its commonest articles, prepositions, pronouns, conjunctions
and auxiliaries, written for this module from the grammar of each language (the words a
frequency list of any news corpus starts with; the lists hold no content words, so
names, places and topics do not sway them). A text's score for a language is the share
of its words in that language's list; the best score wins when it clearly beats
English's. Function words are a third to a half of running text in every one of these
languages, while names are in none of the lists, so an English article full of foreign
names still scores as English. ``benchmarks/language_detect.py`` measures it against
py3langid on sentences in each language and on the dev corpora's English articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH = "en"
NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "tr": "Turkish", "id": "Indonesian", "sv": "Swedish",
    "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "he": "Hebrew",
    "hi": "Hindi", "vi": "Vietnamese",
}  # fmt: skip

# The commonest function words of each Latin-script language (lower case).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to a in is was that for on with as by at from it he his she her "
        "they their have has had be been were are not but this which said will would an or "
        "who after its also more than about over into there when we our us up out",
        "fr": "le la les un une des du de et à au aux en dans sur pour par avec est sont "
        "était été a ont qui que qu ne pas ce cette ces il elle ils elles son sa ses leur "
        "leurs nous vous se plus mais ou selon depuis contre lors après avant entre aussi",
        "es": "el la los las un una unos unas de del y en por para con es son fue era ha "
        "han que se no lo al su sus le les como más pero sobre este esta estos entre desde "
        "hasta según también ya muy cuando donde sin tras durante ante",
        "de": "der die das den dem des ein eine einen einem einer und in im zu zum zur von "
        "mit auf für ist sind war waren hat haben wird werden nicht sich auch es er sie wir "
        "nach bei aus als wie aber oder dass noch nur über unter vor seit gegen einer",
        "it": "il lo la i gli le un uno una di del della dei delle degli e è in nel nella "
        "da dal dalla per con su sul sulla che non si ha hanno sono era stato stata anche "
        "come più ma al alla ai alle tra fra questo questa dopo",
        "pt": "o a os as um uma uns umas de do da dos das e em no na nos nas por pelo pela "
        "para com que não se é são foi era tem têm ao aos à às seu sua seus suas como mais "
        "mas também entre sobre após durante ele ela eles",
        "nl": "de het een en van in op te met voor is zijn was waren heeft hebben wordt "
        "worden niet dat die dit deze er ook aan bij als door naar om uit over tot maar of "
        "nog wel zich hij zij ze we",
        "tr": "ve bir bu da de için ile olarak olan en çok daha gibi ama ancak sonra kadar "
        "ise mi ne o şu her göre karşı tarafından değil var yok oldu olduğu",
        "id": "yang dan di ke dari ini itu dengan untuk dalam pada tidak akan adalah oleh "
        "juga sebagai atau telah sudah karena kepada tersebut bahwa mereka ia saat",
        "sv": "och i att det som en på är av för med till den har de inte om ett han men "
        "var sig från vi så kan när efter också under mot",
        "pl": "i w na z do nie się że to jest o jak po od za przez dla jego jej oraz był "
        "była są być już tak ale który która które także przed",
        "vi": "của và các là trong có được cho những với không này một người đã đến khi về "
        "từ theo tại sẽ như hơn nhiều ra vào đang cũng",
    }.items()
}

_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)

# Scripts told apart by their letters: (language, first code point, last code point).
SCRIPTS = (
    ("ru", 0x0400, 0x04FF),  # Cyrillic (Ukrainian's own letters are checked below)
    ("ar", 0x0600, 0x06FF),  # Arabic (Persian's own letters are checked below)
    ("el", 0x0370, 0x03FF),
    ("he", 0x0590, 0x05FF),
    ("hi", 0x0900, 0x097F),  # Devanagari
    ("ja", 0x3040, 0x30FF),  # hiragana and katakana: Japanese, whatever its kanji
    ("ko", 0xAC00, 0xD7AF),  # Hangul syllables
    ("zh", 0x4E00, 0x9FFF),  # CJK ideographs: Chinese unless kana are present
)
# Letters only some Latin-script languages use: they settle a tie of function words
# (a line of Spanish, "11 de junio de 2009", shares its "de" with French and Portuguese).
MARKER_LETTERS = {
    "es": "ñ¿¡", "fr": "çèêëîœùû", "pt": "ãõç", "de": "ßäöü", "tr": "ışğ", "pl": "łąęśźżń",
    "sv": "åäö", "it": "ìò", "vi": "ăđơưạảấầậếềệộớờợự",
}  # fmt: skip
UKRAINIAN_LETTERS = frozenset("їєґі")
PERSIAN_LETTERS = frozenset("پچژگ")
MIN_WORDS = 8  # fewer words than this: too little to tell, taken as English
# A long text almost without English function words is not English even when no list
# fits (a language not listed, or text mangled by a bad conversion). English news runs at
# 18% and more of these words (the lowest of 2,579 Timeline17 articles of 50 words or
# more); the BBC Vietnamese pages of the h1n1 topic, their accents lost, at 2-3%.
UNKNOWN = "und"  # ISO 639-2 for "undetermined"
UNKNOWN_MIN_WORDS = 50
UNKNOWN_SHARE = 0.08
MIN_SHARE = 0.12  # a language's words must be at least this share of the text ...
MARGIN = 1.5  # ... and this many times English's share
SAMPLE_CHARS = 3000  # the start of the text (some 500 words) is enough

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    share: float  # the evidence: share of words (or letters) that point to it

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)

    @property
    def english(self) -> bool:
        return self.code == ENGLISH


def detect(text: str) -> Language:
    """The language ``text`` is most likely written in; English when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    by_script = _by_script(sample)
    if by_script is not None:
        return by_script
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return Language(ENGLISH, 0.0)
    pieces = [p for w in words for p in w.split("'")]  # l'armée, qu'il, dell'anno
    present = set(sample.lower())
    hits = dict.fromkeys(FUNCTION_WORDS, 0)
    for piece in pieces:
        for lang in _LANGUAGES_OF.get(piece, ()):
            hits[lang] += 1
    shares = {
        lang: hits[lang] / len(pieces)
        + 0.001 * len(present.intersection(MARKER_LETTERS.get(lang, "")))
        for lang in FUNCTION_WORDS
    }
    best = max(shares, key=lambda lang: shares[lang])
    english = shares[ENGLISH]
    if best != ENGLISH and shares[best] >= MIN_SHARE and shares[best] > MARGIN * english:
        return Language(best, round(shares[best], 3))
    if len(pieces) >= UNKNOWN_MIN_WORDS and english < UNKNOWN_SHARE:
        return Language(UNKNOWN, round(english, 3))
    return Language(ENGLISH, round(english, 3))


def _by_script(sample: str) -> Language | None:
    if sample.isascii():  # the common case, at once
        return None
    letters = [ch for ch in sample if ch.isalpha()]
    beyond_latin = [ch for ch in letters if ord(ch) >= 0x0370]
    if len(beyond_latin) < 0.5 * len(letters):
        return None
    counts: dict[str, int] = {}
    for ch in beyond_latin:
        point = ord(ch)
        for lang, first, last in SCRIPTS:
            if first <= point <= last:
                counts[lang] = counts.get(lang, 0) + 1
                break
    other = sum(counts.values())
    if other < 0.5 * len(letters):
        return None
    if counts.get("ja"):
        counts["ja"] += counts.pop("zh", 0)
    lang = max(counts, key=lambda k: counts[k])
    present = set(sample.lower())
    if lang == "ru" and present & UKRAINIAN_LETTERS:
        lang = "uk"
    if lang == "ar" and present & PERSIAN_LETTERS:
        lang = "fa"
    return Language(lang, round(counts.get(lang, other) / len(letters), 3))


def not_english_warning(language: Language) -> str:
    """The warning an article not in English gets on its input record."""
    looks = (
        f"the article looks {language.name} ({language.code})"
        if language.code != UNKNOWN
        else f"the article does not look English (only {language.share:.0%} of its words are "
        "English function words) and matches none of the languages dateline knows"
    )
    return (
        f"not English: {looks}; the dates in "
        "its text and its quotes are not read (the time-expression tagger and the quote "
        "finder read English only); it is kept, listed and stored"
    )
