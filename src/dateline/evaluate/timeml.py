"""Score the time-expression tagger on TimeML documents, as TempEval-3 does.

Each document's ``<DCT>`` gives the creation time; the ``<TIMEX3>`` elements inside
``<TEXT>`` are the gold expressions. :func:`evaluate_timeml` tags the plain text of
``<TEXT>`` with :func:`~dateline.annotate.timex.extract_timexes` and reports:

- strict extraction P/R/F1 (same span) and relaxed P/R/F1 (spans overlap);
- value F1 and type F1: relaxed F1 times the share of relaxed matches whose attribute
  is right, the TempEval-3 definition.

Values are compared case-insensitively, with week numbers written without a leading
zero (TimeBank writes both ``2000-W7`` and ``1998-W08``).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.annotate.timex import extract_timexes
from dateline.errors import InputError
from dateline.evaluate.rouge import PRF
from dateline.model import Timex


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    path: str
    text: str
    dct: dt.date
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True)
class FileCounts:
    """What one document contributed to the scores."""

    path: str
    gold: int
    system: int
    strict: int  # gold expressions found with exactly the right span
    relaxed: int  # gold expressions overlapped by a system expression
    value: int  # relaxed matches with the right value
    type: int  # relaxed matches with the right type


@dataclass(frozen=True)
class TimexError:
    """One disagreement with the gold standard, for reading rather than scoring."""

    path: str
    kind: str  # "missed", "spurious", "span", "value", "type"
    text: str  # the gold text, or the system text for spurious ones
    gold: str  # "TYPE value" of the gold expression, "" for spurious ones
    system: str  # "TYPE value" of the system expression, "" for missed ones
    context: str


@dataclass(frozen=True)
class TimexScores:
    files: tuple[FileCounts, ...]
    strict: PRF
    relaxed: PRF
    value_f1: float
    type_f1: float
    value_accuracy: float  # over relaxed matches
    type_accuracy: float
    errors: tuple[TimexError, ...]

    @property
    def gold(self) -> int:
        return sum(f.gold for f in self.files)

    @property
    def system(self) -> int:
        return sum(f.system for f in self.files)


def iter_timeml_files(directory: Path) -> Iterator[Path]:
    """The ``.tml`` files under ``directory``, recursively, in sorted order; an
    :class:`InputError` when there is none (a wrong folder scores nothing, not zeros)."""
    found = sorted(directory.rglob("*.tml")) if directory.is_dir() else [directory]
    if not found:
        raise InputError(
            str(directory),
            "not a TimeML folder (no .tml files in it)",
            "point at a folder of TimeML files, such as TempEval-3's TBAQ-cleaned or te3-platinum",
        )
    yield from found


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one TimeML document: plain ``<TEXT>``, its DCT and its gold TIMEX3s."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(str(path), f"not well-formed XML: {e}", "check the TimeML file") from e
    body = root.find("TEXT")
    dct_timex = root.find("DCT/TIMEX3")
    if body is None or dct_timex is None:
        raise InputError(str(path), "no <TEXT> or no <DCT><TIMEX3>", "is this a TimeML file?")
    pieces: list[str] = []
    gold: list[GoldTimex] = []
    _flatten(body, pieces, gold)
    return TimeMLDocument(str(path), "".join(pieces), _parse_dct(path, dct_timex), tuple(gold))


def _flatten(element: ET.Element, pieces: list[str], gold: list[GoldTimex]) -> None:
    """Append ``element``'s text to ``pieces``, recording TIMEX3 spans in ``gold``."""
    start = sum(map(len, pieces))
    if element.text:
        pieces.append(element.text)
    for child in element:
        _flatten(child, pieces, gold)
        if child.tail:
            pieces.append(child.tail)
    if element.tag == "TIMEX3":
        end = sum(map(len, pieces))
        gold.append(GoldTimex(start, end, element.get("type", ""), element.get("value", "")))


def _parse_dct(path: Path, element: ET.Element) -> dt.date:
    digits = re.sub(r"\D", "", element.get("value", ""))[:8]
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as e:
        raise InputError(str(path), f"DCT value {element.get('value')!r} is not a date") from e


def evaluate_timeml(paths: Iterable[Path]) -> TimexScores:
    """Tag every document in ``paths`` and score the result against its gold TIMEX3s."""
    from dateline.progress import Progress

    files: list[FileCounts] = []
    errors: list[TimexError] = []
    todo = list(paths)
    with Progress(len(todo), "TimeML documents") as bar:
        for path in todo:
            doc = read_timeml(path)
            system = extract_timexes(doc.text, doc.dct)
            counts, doc_errors = score_document(doc, system)
            files.append(counts)
            errors.extend(doc_errors)
            bar.advance()
    return _totals(files, errors)


def score_document(doc: TimeMLDocument, system: list[Timex]) -> tuple[FileCounts, list[TimexError]]:
    """Counts and errors for one document; matches pair each gold expression with the
    first unpaired system expression that overlaps it."""
    errors: list[TimexError] = []
    paired: set[int] = set()
    strict = relaxed = value = kind = 0
    for g in doc.timexes:
        match = next((i for i, s in enumerate(system) if i not in paired
                      and s.start < g.end and g.start < s.end), None)  # fmt: skip
        if match is None:
            errors.append(_error(doc, "missed", g.start, g.end, g, None))
            continue
        paired.add(match)
        s = system[match]
        relaxed += 1
        strict += (s.start, s.end) == (g.start, g.end)
        value += _same_value(s.value, g.value)
        kind += s.type.value == g.type
        if not _same_value(s.value, g.value) or s.type.value != g.type:
            errors.append(_error(doc, "value" if s.type.value == g.type else "type",
                                 g.start, g.end, g, s))  # fmt: skip
        elif (s.start, s.end) != (g.start, g.end):
            errors.append(_error(doc, "span", g.start, g.end, g, s))
    for i, s in enumerate(system):
        if i not in paired:
            errors.append(_error(doc, "spurious", s.start, s.end, None, s))
    counts = FileCounts(doc.path, len(doc.timexes), len(system), strict, relaxed, value, kind)
    return counts, errors


def _same_value(system: str, gold: str) -> bool:
    return _normalise_value(system) == _normalise_value(gold)


def _normalise_value(value: str) -> str:
    return re.sub(r"W0(\d)", r"W\1", value.strip().upper())


def _error(doc: TimeMLDocument, kind: str, start: int, end: int,
           gold: GoldTimex | None, system: Timex | None) -> TimexError:  # fmt: skip
    context = doc.text[max(0, start - 60) : end + 40].replace("\n", " ")
    return TimexError(
        doc.path,
        kind,
        doc.text[start:end] if gold is None else doc.text[gold.start : gold.end],
        f"{gold.type} {gold.value}" if gold else "",
        f"{system.type.value} {system.value} [{doc.text[system.start : system.end]}]"
        if system
        else "",
        context,
    )


def _totals(files: list[FileCounts], errors: list[TimexError]) -> TimexScores:
    gold = sum(f.gold for f in files)
    system = sum(f.system for f in files)
    strict = sum(f.strict for f in files)
    relaxed = sum(f.relaxed for f in files)
    relaxed_prf = PRF.from_counts(relaxed, system, gold)
    value_accuracy = sum(f.value for f in files) / relaxed if relaxed else 0.0
    type_accuracy = sum(f.type for f in files) / relaxed if relaxed else 0.0
    return TimexScores(
        files=tuple(files),
        strict=PRF.from_counts(strict, system, gold),
        relaxed=relaxed_prf,
        value_f1=relaxed_prf.f1 * value_accuracy,
        type_f1=relaxed_prf.f1 * type_accuracy,
        value_accuracy=value_accuracy,
        type_accuracy=type_accuracy,
        errors=tuple(errors),
    )


def render_timex_scores(
    scores: TimexScores,
    title: str = "TimeML",
    max_errors: int = 0,
    kinds: Iterable[str] = (),
) -> str:
    """A plain-text table of the scores, followed by the first ``max_errors`` errors and
    by every error of the ``kinds`` asked for ("value", "missed", ...)."""
    lines = [
        f"{title}: {len(scores.files)} documents, {scores.gold} gold, {scores.system} system",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        _row("strict", scores.strict),
        _row("relaxed", scores.relaxed),
        f"{'value F1':10}{'':>16}{scores.value_f1:8.3f}   (accuracy {scores.value_accuracy:.3f})",
        f"{'type F1':10}{'':>16}{scores.type_f1:8.3f}   (accuracy {scores.type_accuracy:.3f})",
    ]
    wanted = set(kinds)
    shown = [e for n, e in enumerate(scores.errors) if n < max_errors or e.kind in wanted]
    for error in shown:
        lines.append(f"{error.kind:9} {error.text!r:32} gold={error.gold!r} system={error.system!r}"
                     f"  | {error.context}")  # fmt: skip
    return "\n".join(lines)


def _row(name: str, prf: PRF) -> str:
    return f"{name:10}{prf.precision:8.3f}{prf.recall:8.3f}{prf.f1:8.3f}"
