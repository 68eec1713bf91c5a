"""The table-lookup attribute rules give exactly what spaCy's AttributeRuler gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dateline.annotate import nlp
from dateline.annotate.attribute_rules import PIPE_NAME, AttributeRules, install

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parents[2] / "examples" / "syria"
EDGE_TEXTS = [
    "",
    " ",
    "\n\n",
    "There is no doubt. There were talks, but they don't help and I can't say it's over.",
    'Whatever you said, I\'d have done it: "We did," he said. It was\n\n\nover .',
    "Ban Ki-moon's spokesman\xa0said  the UN (United Nations) would've gone -- wouldn't it?",
]


def _reference_pipeline() -> Language:
    """The model exactly as shipped (minus the lemmatizer), spaCy's own ruler in it."""
    import spacy

    name = nlp._installed_model()
    assert name is not None
    return spacy.load(name, exclude=list(nlp.DISABLED_PIPES))


def _token_rows(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.pos_, t.tag_, t.dep_, t.head.i, str(t.morph), t.lemma_, t.ent_iob_) for t in doc
    ]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    demo = [p.read_text(encoding="utf-8") for p in sorted(DEMO.iterdir()) if p.is_file()]
    assert demo, f"no demo articles under {DEMO}"
    return demo + EDGE_TEXTS


def test_same_annotations_as_spacys_ruler(texts: list[str]) -> None:
    reference = _reference_pipeline()
    fast = _reference_pipeline()
    assert install(fast)
    assert PIPE_NAME in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    assert fast.pipe_names.index(PIPE_NAME) == reference.pipe_names.index("attribute_ruler")
    tokens = 0
    for want, got in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
        assert _token_rows(got) == _token_rows(want)
        tokens += len(got)
    assert tokens > 3000  # the demo articles were really compared


def test_rules_apply_in_the_rulers_order() -> None:
    # "but" tagged CC as an adverbial modifier: the generic CC -> CCONJ rule comes first,
    # the specific CC/advmod -> ADV rule later and wins.
    reference = _reference_pipeline()
    rules = AttributeRules(reference.get_pipe("attribute_ruler"))
    doc = reference.make_doc("but")
    doc[0].tag_ = "CC"
    doc[0].dep_ = "advmod"
    assert rules(doc)[0].pos_ == "ADV"
    doc[0].dep_ = "cc"
    assert rules(doc)[0].pos_ == "CCONJ"


def test_a_pattern_beyond_the_lookup_keeps_spacys_ruler() -> None:
    pipeline = _reference_pipeline()
    ruler = pipeline.get_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 20}}]], {"POS": "X"})
    assert not install(pipeline)
    assert "attribute_ruler" in pipeline.pipe_names and PIPE_NAME not in pipeline.pipe_names


def test_the_shared_pipeline_uses_the_lookup() -> None:
    names = nlp.load_nlp().pipe_names
    assert PIPE_NAME in names and "attribute_ruler" not in names
