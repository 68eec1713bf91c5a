"""The model's attribute rules (tag -> part of speech, morphology), applied by table lookup.

en_core_web_sm maps fine-grained tags to parts of speech with spaCy's ``AttributeRuler``:
179 token patterns run through the ``Matcher``, each match applied through a ``Span``.
On news text that costs as much as the named-entity recogniser (7.6 s of 32 s for 80
Timeline17 articles, ``benchmarks/bench_nlp.py``). Every pattern here constrains single
tokens by ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` with plain values, ``IN`` /
``NOT_IN`` lists or a ``REGEX``, so a token's matching rules depend only on those four
values and can be looked up once per distinct combination. The result is the same as
the ruler's: the rules are read from the loaded ruler and applied in its order (a later
rule wins) with its own normalised attributes; a pattern this module cannot read keeps
the spaCy ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

PIPE_NAME = "dateline_attribute_rules"
# A token as the rules see it: hashes of its tag, lowercase form and dependency label,
# and whether it is whitespace.
Signature = tuple[int, int, int, bool]
TokenTest = Callable[[Signature], bool]
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnsupportedPatternError(ValueError):
    """A pattern uses an operator or attribute this module does not implement."""


def _value_test(field: int, value: Any, strings: StringStore) -> TokenTest:
    if field == 3:
        if not isinstance(value, bool):
            raise UnsupportedPatternError(f"IS_SPACE {value!r}")
        return lambda sig: sig[3] is value
    if isinstance(value, str):
        wanted = strings.as_int(value)
        return lambda sig: sig[field] == wanted
    if isinstance(value, dict) and len(value) == 1:
        ((op, items),) = value.items()
        if op == "REGEX" and isinstance(items, str):
            # Tests run once per distinct signature, so looking the text up is cheap.
            search = re.compile(items).search
            return lambda sig: search(strings[sig[field]]) is not None
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in items):
            members = frozenset(strings.as_int(v) for v in items)
            if op == "IN":
                return lambda sig: sig[field] in members
            return lambda sig: sig[field] not in members
    raise UnsupportedPatternError(f"{_FIELDS[field]} {value!r}")


def _token_test(pattern: Mapping[str, Any], strings: StringStore) -> TokenTest:
    unknown = set(pattern) - set(_FIELDS)
    if unknown or not pattern:
        raise UnsupportedPatternError(f"attributes {sorted(unknown) or 'none'}")
    tests = [_value_test(_FIELDS.index(k), v, strings) for k, v in pattern.items()]
    return lambda sig: all(test(sig) for test in tests)


class AttributeRules:
    """A drop-in for an ``AttributeRuler`` whose patterns are all simple token tests."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        strings = ruler.vocab.strings
        self._set_attrs = set_token_attrs
        self._attrs: list[dict[int, Any]] = list(ruler.attrs)
        # Single-token rules by the lowercase form or tag they require, so that a new
        # signature is tested against a few rules, not all of them.
        self._by_lower: dict[int, list[tuple[int, TokenTest]]] = {}
        self._by_tag: dict[int, list[tuple[int, TokenTest]]] = {}
        self._unkeyed: list[tuple[int, TokenTest]] = []
        # (rule, offset of the token the attributes go to, one test per pattern token)
        self._multi: list[tuple[int, int, list[TokenTest]]] = []
        for rule, spec in enumerate(ruler.patterns):
            index = int(cast(int, spec.get("index", 0)))
            for tokens in cast(list[list[dict[str, Any]]], spec["patterns"]):
                tests = [_token_test(t, strings) for t in tokens]
                target = index if index >= 0 else len(tests) + index
                if not 0 <= target < len(tests):
                    raise UnsupportedPatternError(f"index {index} in {len(tests)} tokens")
                if len(tests) == 1:
                    self._file_single(rule, tokens[0], tests[0], strings)
                else:
                    self._multi.append((rule, target, tests))
        self._single_rules: dict[Signature, tuple[int, ...]] = {}
        self._first_of_multi: dict[Signature, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[int, Any]] = {}

    def _file_single(
        self, rule: int, pattern: Mapping[str, Any], test: TokenTest, strings: StringStore
    ) -> None:
        for field, index in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
            value = pattern.get(field)
            if isinstance(value, dict) and set(value) == {"IN"}:
                values = list(value["IN"])
            elif isinstance(value, str):
                values = [value]
            else:
                continue
            for v in values:
                index.setdefault(strings.as_int(v), []).append((rule, test))
            return
        self._unkeyed.append((rule, test))

    def _rules_for(self, sig: Signature) -> tuple[int, ...]:
        found = self._single_rules.get(sig)
        if found is None:
            candidates = (
                self._by_lower.get(sig[1], []) + self._by_tag.get(sig[0], []) + self._unkeyed
            )
            found = tuple(sorted({rule for rule, test in candidates if test(sig)}))
            self._single_rules[sig] = found
        return found

    def _multi_starting(self, sig: Signature) -> tuple[int, ...]:
        found = self._first_of_multi.get(sig)
        if found is None:
            found = tuple(n for n, (_, _, tests) in enumerate(self._multi) if tests[0](sig))
            self._first_of_multi[sig] = found
        return found

    def _merge(self, rules: tuple[int, ...]) -> dict[int, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:  # in rule order: a later rule overrides, as in the ruler
                merged.update(self._attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc):
            return doc
        # The distinct signatures of the Doc, and for each token the index of its own.
        rows, which = numpy.unique(
            doc.to_array([TAG, LOWER, DEP, IS_SPACE]), axis=0, return_inverse=True
        )
        sigs: list[Signature] = [(t, lo, d, bool(sp)) for t, lo, d, sp in rows.tolist()]
        per_token = which.reshape(-1).tolist()
        single = [self._rules_for(sig) for sig in sigs]
        extra = self._multi_matches(sigs, per_token) if self._multi else {}
        merged = [self._merge(rules) if rules else None for rules in single]
        for i, n in enumerate(per_token):
            if i in extra:
                rules = tuple(sorted(set(single[n]).union(extra[i])))
                self._set_attrs(doc[i], self._merge(rules))
            elif (attrs := merged[n]) is not None:
                self._set_attrs(doc[i], attrs)
        return doc

    def _multi_matches(self, sigs: list[Signature], per_token: list[int]) -> dict[int, list[int]]:
        """Token -> the multi-token rules whose attributes go to it."""
        starting = [self._multi_starting(sig) for sig in sigs]
        extra: dict[int, list[int]] = {}
        for start, n in enumerate(per_token):
            for m in starting[n]:
                rule, target, tests = self._multi[m]
                if start + len(tests) <= len(per_token) and all(
                    test(sigs[per_token[start + k]]) for k, test in enumerate(tests[1:], 1)
                ):
                    extra.setdefault(start + target, []).append(rule)
        return extra

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _register_factory() -> None:
    from spacy.language import Language

    if Language.has_factory(PIPE_NAME):
        return

    # spaCy validates a factory's arguments from its annotations, so no name that exists
    # only for type checking may appear in them.
    def make(nlp: Any, name: str, source: str) -> Any:
        return AttributeRules(nlp.get_pipe(source))

    Language.factory(PIPE_NAME, default_config={"source": "attribute_ruler"}, func=make)


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put :class:`AttributeRules` in place of the pipeline's ruler ``name``.

    Returns False, leaving the pipeline as it was, when there is no such ruler or one of
    its patterns is beyond this module (a model update would then only be slower).
    """
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    _register_factory()
    try:  # built from the ruler while it is still in the pipeline
        nlp.add_pipe(PIPE_NAME, after=name, config={"source": name})
    except UnsupportedPatternError:
        return False
    nlp.remove_pipe(name)
    return True


__all__: Sequence[str] = ("PIPE_NAME", "AttributeRules", "UnsupportedPatternError", "install")
