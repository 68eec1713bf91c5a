"""Cleaning copied news text: wrapped lines, captions, boilerplate, PTB tokens.

``clean_text`` turns the text of a file, as read, into paragraphs of prose and keeps a
map from every cleaned offset back to the original. It also lifts out what the header
says (headline, date lines, agency credits, the wire dateline) for the stages that
establish the publication date and source.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from dateline.annotate.timex import extract_timexes
from dateline.ingest.textmap import Fragment, Line, assemble, line_text, rewrite, slice_line
from dateline.ingest.textmap import strip_line as strip_fragments
from dateline.model import OffsetMap

TERMINAL = tuple(".!?\"'”’)]:;…")
BOILERPLATE_LINES = frozenset(
    s.lower()
    for s in (
        "All news",
        "Advertisement",
        "Share this article",
        "Share",
        "Read more",
        "Comments",
        "Print",
        "Email",
        "Tweet",
        "Related",
        "Related articles",
        "Skip to main content",
        "Share on Facebook",
        "Share on Twitter",
    )
)
AGENCIES = {
    "associated press": "Associated Press",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "itar-tass": "TASS",
    "tass": "TASS",
    "cnn": "CNN",
    "bbc": "BBC",
    "xinhua": "Xinhua",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "upi": "UPI",
    "dpa": "dpa",
}
CREDIT = re.compile(
    r"(^photo\b|^©|\bphoto:|\b(EPA|AFP|AP|Reuters|ITAR-TASS|Getty Images?)\s*/\s*[A-Z]|"
    r"\(AP Photo|/\s*(EPA|AFP|AP|Reuters)\b)",
    re.IGNORECASE,
)
GALLERY_ID = re.compile(r"^[•·*\-–]?\s*[A-Za-z]+(?:-[A-Za-z0-9]+){2,}$")
BULLET = re.compile(r"^[•·*–]\s+")
NUMERIC_DATE_LINE = re.compile(
    r"^(?:[A-Z][a-z]+,?\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WORD_DATE_LINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted)[:\s]+)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTHS})\.?,?\s+\d{{4}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
# Reuters prefixes its dateline with a stamp: "WASHINGTON | Thu Apr 30, 2009 4:32 pm EDT".
WIRE_DATELINE = re.compile(
    rf"""^(?P<stamp>[A-Z][A-Z .]+\s*\|\s*(?:[A-Z][a-z]{{2}}\s+)?
        (?:{MONTHS})\.?\s+\d{{1,2}},\s+\d{{4}}
        (?:\s+\d{{1,2}}:\d{{2}}\s*[ap]m)?(?:\s+[A-Z]{{2,4}})?\s+)?
    (?P<place>[A-Z][A-Za-z'.\-]*(?:\s+[A-Z][A-Za-z'.\-]*){{0,3}}
        (?:\s*,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){{0,2}})?)
    (?:\s*,\s*(?P<date>(?:{MONTHS})\.?\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?))?
    \s*(?:\((?P<agency>[^()]{{2,30}})\)\s*[-—–]+|\.?\s*/(?P<agency2>[A-Za-z\-]{{2,20}})/\.?
        |\s*[-—–]+)\s+""",
    re.VERBOSE,
)
HYPHEN_KEEP_PREFIXES = frozenset(
    "al el ad as bin ibn self well non co ex anti pro post pre all cross half multi inter "
    "intra mid long short high low counter semi vice".split()
)

# Penn Treebank detokenization: each pattern's match is rewritten by a fixed function.
PTB_MARKERS = re.compile(r"(?: 's | n't |-LRB-|-RRB-|``| '' | , | \.$)", re.MULTILINE)
PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
# One pass per line: each alternative consumes the space the tokenizer added around it.
# The treebank also escapes slashes and asterisks ("A\/H1N1", "Getty\/AFP").
PTB_TOKEN = re.compile(
    r"(?P<open>-L[RSC]B-) ?|(?: ?(?P<close>-R[RSC]B-))|(?P<oq>``) ?|(?: ?(?P<cq>''))"
    r"| (?P<punct>[.,;:!?%]|'[sSmd]\b|'re\b|'ve\b|'ll\b|n't\b)|(?<=\$) "
    r"|\\(?P<escaped>[/*])"
)


@dataclass
class Header:
    """What the top of an article says about the article."""

    title: str | None = None
    date_lines: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    place: str | None = None
    dateline: str | None = None  # the wire dateline as written
    dateline_date: str | None = None  # "October 7", "December 21"
    first_comment: dt.date | None = None  # the earliest stamp of the comments cut


@dataclass(frozen=True)
class CleanResult:
    text: str
    offsets: OffsetMap
    header: Header
    title_span: tuple[int, int] | None
    body_start: int
    actions: tuple[str, ...]


def split_lines(original: str) -> list[Line]:
    """The original text as lines of one verbatim fragment each (newlines excluded)."""
    lines: list[Line] = []
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", original):
        lines.append([Fragment.copy(original, start, match.start())])
        start = match.end()
    lines.append([Fragment.copy(original, start, len(original))])
    return lines


def looks_ptb_tokenized(original: str) -> bool:
    """Penn Treebank tokenization leaves tell-tale tokens: `` 's ``, ``-LRB-``, `` `` ``."""
    sample = original[:20000]
    return len(PTB_MARKERS.findall(sample)) >= 3


def detokenize(line: Line) -> Line:
    """Undo Penn Treebank tokenization on one line."""
    return rewrite(line, PTB_TOKEN, _ptb_replacement)


def _ptb_replacement(match: re.Match[str]) -> str:
    bracket = match.group("open") or match.group("close")
    if bracket:
        return PTB_BRACKETS[bracket]
    if match.group("oq") or match.group("cq"):
        return '"'
    return match.group("punct") or match.group("escaped") or ""


def normalise_spaces(line: Line) -> Line:
    """Collapse runs of spaces, tabs and no-break spaces into one space."""
    line = rewrite(line, re.compile(r"[\u00a0\u2009\u202f]"), lambda m: " ")
    return rewrite(line, re.compile(r"[ \t]{2,}"), lambda m: " ")


def normalise_key(text: str) -> str:
    return re.sub(r"\W+", " ", BULLET.sub("", text)).strip().lower()


def classify_header_line(text: str, header: Header) -> str | None:
    """Why a header line should be dropped, or None to keep it."""
    lowered = text.strip().lower()
    if lowered in BOILERPLATE_LINES:
        return "boilerplate"
    if NUMERIC_DATE_LINE.match(text) or WORD_DATE_LINE.match(text):
        header.date_lines.append(text)
        return "date line"
    if lowered in AGENCIES:
        if AGENCIES[lowered] not in header.agencies:
            header.agencies.append(AGENCIES[lowered])
        return "agency credit"
    if GALLERY_ID.match(text) and " " not in BULLET.sub("", text):
        return "gallery id"
    if CREDIT.search(text) and len(text) < 200:
        return "photo credit"
    return None


def strip_credit(text: str) -> str:
    """A caption with its credit cut off, for matching the same caption without it."""
    return re.split(r"\s{2,}|\s(?=[A-Z]{2,}/)", text.strip())[0]


@dataclass
class Paragraph:
    lines: list[Line]


def find_body_start(texts: list[str]) -> int:
    """Index of the line where the body starts: a wire dateline near the top, else the
    first long line of prose (a standfirst before a dateline stays in the header)."""
    for i, text in enumerate(texts[:15]):
        if len(text) >= 40 and _is_dateline(text.strip()):
            return i
    for i, text in enumerate(texts):
        if len(text) >= 150:
            return i
    return len(texts)


def _is_dateline(text: str) -> bool:
    match = WIRE_DATELINE.match(text)
    if not match:
        return False
    first_word = match.group("place").split()[0].strip(",.")
    has_agency = bool(match.group("agency") or match.group("agency2"))
    return (first_word.isupper() and len(first_word) > 1) or has_agency


def drop_header_noise(lines: list[Line], actions: list[str], header: Header) -> list[Line]:
    """Remove captions, credits, gallery ids, date lines and boilerplate near the top.

    Captions are recognised by repetition: a line that occurs twice before the body
    starts is a caption (galleries repeat them), and so is a credit-stripped copy of
    a line already dropped as a photo credit.
    """
    texts = [line_text(line).strip() for line in lines]
    body_start = find_body_start(texts)
    header_keys = Counter(normalise_key(t) for t in texts[:body_start] if t)
    dropped_keys: set[str] = set()
    kept: list[Line] = []
    for i, (line, text) in enumerate(zip(lines, texts, strict=True)):
        reason = None
        if text and i < body_start:
            key = normalise_key(text)
            reason = classify_header_line(text, header)
            if reason is None and (header_keys[key] > 1 or key in dropped_keys):
                reason = "repeated caption"
            if reason in ("photo credit", "repeated caption"):
                dropped_keys.update({key, normalise_key(strip_credit(text))})
        elif text and text.strip().lower() in BOILERPLATE_LINES:
            reason = "boilerplate"
        if reason:
            actions.append(f"dropped {reason}: {text[:80]}")
            kept.append([])  # keep the line break so paragraphs stay apart
        else:
            kept.append(line)
    return kept


def group_paragraphs(lines: list[Line], ptb: bool) -> list[Paragraph]:
    """Blank lines separate paragraphs; one-sentence-per-line text makes each line one."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if not line_text(line).strip():
            if current:
                paragraphs.append(Paragraph(current))
            current = []
        elif ptb:
            paragraphs.append(Paragraph([line]))
        else:
            current.append(line)
    if current:
        paragraphs.append(Paragraph(current))
    return [piece for para in paragraphs for piece in split_wrapped_block(para)]


def split_wrapped_block(paragraph: Paragraph) -> list[Paragraph]:
    """Split a block of hard-wrapped lines where a short line ends a paragraph or heading.

    In text wrapped at a fixed width, a line much shorter than the width closes its
    paragraph (or is a heading on its own). Lines that are not wrapped (long single
    lines) are each their own paragraph.
    """
    texts = [line_text(line).strip() for line in paragraph.lines]
    if len(texts) < 3:
        return (
            [paragraph]
            if len(texts) < 2 or not _separate_lines(texts)
            else [Paragraph([line]) for line in paragraph.lines]
        )
    if _separate_lines(texts):
        return [Paragraph([line]) for line in paragraph.lines]
    width = statistics.median(len(t) for t in texts)
    out: list[Paragraph] = []
    current: list[Line] = []
    previous = ""
    for line, text in zip(paragraph.lines, texts, strict=True):
        short = len(text) < 0.6 * width
        if short and not text.endswith(TERMINAL) and previous.endswith(TERMINAL):
            if current:  # a heading between paragraphs: it stands alone
                out.append(Paragraph(current))
            out.append(Paragraph([line]))
            current = []
        else:
            current.append(line)
            if short and (text.endswith(TERMINAL) or len(current) == 1):
                out.append(Paragraph(current))
                current = []
        previous = text
    if current:
        out.append(Paragraph(current))
    return out


def _separate_lines(texts: list[str]) -> bool:
    """True when each line is a whole paragraph: long lines that end like sentences."""
    long_lines = sum(len(t) > 120 for t in texts)
    return long_lines >= max(1, len(texts) // 2) and all(t.endswith(TERMINAL) for t in texts[:-1])


def join_paragraph(paragraph: Paragraph, hyphen_evidence: str) -> Line:
    """Join the lines of a paragraph with spaces, repairing line-break hyphenation."""
    out: Line = []
    for raw in paragraph.lines:
        line = strip_fragments(raw)
        if not line:
            continue
        if out:
            prev = line_text(out)
            nxt = line_text(line)
            if prev.endswith("-") and not prev.endswith(" -") and nxt[:1].isalpha():
                if not keep_hyphen(prev, nxt, hyphen_evidence):
                    out = slice_line(out, 0, len(prev) - 1)
            else:
                out.append(Fragment.replacement(" ", _end_of(out), 1))
        out.extend(line)
    return out


def _end_of(line: Line) -> int:
    last = line[-1]
    return last.orig_start + last.orig_len


def keep_hyphen(before: str, after: str, evidence: str) -> bool:
    """Decide whether a hyphen at a line break is a real hyphen.

    A capital after the break (al-Assad, US-Russian), a known prefix (self-, well-),
    or the hyphenated form elsewhere in the text keeps it; the joined form elsewhere
    drops it; otherwise a lowercase continuation is taken as typesetting and dropped.
    """
    head = re.search(r"(\w+)-$", before)
    tail = re.match(r"\w+", after)
    if not head or not tail:
        return True
    left, right = head.group(1), tail.group(0)
    if right[0].isupper() or left.isdigit() or right.isdigit():
        return True
    if left.lower() in HYPHEN_KEEP_PREFIXES:
        return True
    lowered = evidence.lower()
    if f"{left}{right}".lower() in lowered:
        return False
    return f"{left}-{right}".lower() in lowered


def ends_open(text: str) -> bool:
    return not text.rstrip().endswith(TERMINAL)


_CONTINUATION_MARKS = frozenset(",;:)]")


def _joining_space(line: Line) -> Fragment:
    return Fragment.replacement(" ", _end_of(line), 0)


def merge_page_breaks(paragraphs: list[Line], actions: list[str]) -> list[Line]:
    """Rejoin a sentence that a page or line break split: a comma, semicolon or closing
    bracket start (they never open a paragraph: sentence-a-line corpora break "Rep.
    Barney Frank (D-Mass.)" / ", chairman of ..."), or a lowercase start after an open
    end."""
    out: list[Line] = []
    for para in paragraphs:
        text = line_text(para)
        before = line_text(out[-1]).rstrip() if out else ""
        if out and text[:1] in _CONTINUATION_MARKS:
            out[-1] = [*out[-1], *para]
            actions.append("rejoined a sentence split by a page break")
        elif out and text[:1].islower() and (ends_open(before) or before.endswith(")")):
            # "... Rep. Nancy Pelosi (D-Calif.)" / "said she ...": a bracket closes no sentence
            out[-1] = [*out[-1], _joining_space(out[-1]), *para]
            actions.append("rejoined a sentence split by a page break")
        else:
            out.append(para)
    return out


def detect_title(paragraphs: list[Line]) -> int | None:
    """Index of the headline paragraph: a short first line that is not a sentence."""
    if len(paragraphs) < 2:
        return None
    text = line_text(paragraphs[0])
    if len(text) > 200 or len(text.split()) < 2:
        return None
    if text.endswith((".", '?"', '."', ".”")) and len(text.split()) > 12:
        return None
    if WIRE_DATELINE.match(text):
        return None
    return 0


# An agency's credit in a dateline inside the page's first lines, where the page did
# not open with it: "... CAIRO, Egypt (CNN) -- Egyptian police ...", "By Maggie Fox
# WASHINGTON (Reuters) - Virtually all ...".
AGENCY_CREDIT = re.compile(
    r"\b[A-Z][A-Za-z.'-]*(?:,? [A-Z][A-Za-z.'-]*){0,3} \((?P<agency>"
    + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
    + r")\)\s*(?:--|[-—–])\s",
    re.IGNORECASE,
)
AGENCY_CREDIT_REACH = 3000  # characters of the page's start searched


def agency_credited(text: str) -> str | None:
    """The agency a wire dateline in the page's first lines credits (:data:`AGENCY_CREDIT`)."""
    found = AGENCY_CREDIT.search(text, 0, AGENCY_CREDIT_REACH)
    return AGENCIES[found.group("agency").lower()] if found else None


def lift_dateline(para: Line, header: Header, actions: list[str]) -> Line:
    """Cut a wire dateline (``BALI, Indonesia, October 7 (Itar-Tass) -``) off a paragraph."""
    text = line_text(para)
    match = WIRE_DATELINE.match(text)
    if not match:
        return para
    if not _is_dateline(text) or len(text) - match.end() < 20:
        return para
    place = match.group("place").strip()
    header.place = place.rstrip(",. ")
    header.dateline = text[: match.end()].strip()
    header.dateline_date = match.group("date")
    agency = (match.group("agency") or match.group("agency2") or "").strip()
    if agency and AGENCIES.get(agency.lower(), agency) not in header.agencies:
        header.agencies.append(AGENCIES.get(agency.lower(), agency))
    actions.append(f"lifted wire dateline: {header.dateline}")
    return slice_line(para, match.end(), len(text))


# Readers' comments below an article, as news sites print them. The BBC's open each
# comment: "At 4:23 pm on 28 May 2010, Scott0962 wrote: ...", "At 17:23 1st Jun 2010,
# Matt wrote: ...". The Washington Post's close each comment with its signature ("...
# Posted by: Nclwtk | September 17, 2008 10:53 AM | Report abuse"), and its blogs sign
# the post itself before the first comment ("By Chris Cillizza | September 16, 2008;
# 6:32 AM ET If Wall Street were lending money ..." is a reader's). CNN's close each
# comment with its stamp alone: "... January 27, 2011 at 7:59 pm | Report abuse |", "...
# January 28, 2011 at 12:27 pm | Reply".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
COMMENT_HEADER = re.compile(
    rf"\bAt \d{{1,2}}:\d{{2}}(?:\s?[ap]\.?m\.?)?(?: on)? \d{{1,2}}(?:st|nd|rd|th)? {_MONTH_WORD}"
    r" \d{4}, \S+(?: \S+){0,3} wrote:"
)
_CLOCK = r"\d{1,2}:\d{2} ?(?i:[ap]\.?m\.?)"
COMMENT_SIGNATURE = re.compile(
    rf"(?:\|\s*|\b){_MONTH_WORD} \d{{1,2}} ?, \d{{4}},? "
    rf"(?:at {_CLOCK}\s*\||{_CLOCK}\s*\|\s*Report abuse)"
)
POST_SIGNATURE = re.compile(
    rf"\bBy [A-Z][^|\n]{{1,80}} \| {_MONTH_WORD} \d{{1,2}}, \d{{4}}; "
    r"\d{1,2}:\d{2} ?[AP]M [A-Z]{2,3}\s"
)


def find_comments(paragraphs: list[str], body: int = 0) -> tuple[int, int] | None:
    """(paragraph, offset) where the readers' comments begin, or None. ``body`` is the
    paragraph the body starts at: a post signed at its top is signed as a byline, and
    comments are never found to begin before the body's second paragraph."""
    for i, text in enumerate(paragraphs):
        if header := COMMENT_HEADER.search(text):
            return i, header.start()
        if COMMENT_SIGNATURE.search(text):
            # the first comment began after the post's own signature when there is one;
            # else at the signature's paragraph (that comment's earlier ones stay)
            for j in range(i, body + 1, -1):
                post = list(POST_SIGNATURE.finditer(paragraphs[j]))
                if post:
                    return j, post[-1].end()
            return i, 0
    return None


def comment_days(text: str) -> list[dt.date]:
    """The days the comment stamps and headers in ``text`` give ("January 27, 2011 at
    7:59 pm |", "At 4:23 pm on 28 May 2010, X wrote:")."""
    days = []
    for pattern in (COMMENT_HEADER, COMMENT_SIGNATURE):
        for match in pattern.finditer(text):
            for timex in extract_timexes(match.group(), None):
                interval = timex.interval
                if timex.anchor == "absolute" and interval and interval.start == interval.end:
                    days.append(interval.start)
                    break
    return days


def cut_comments(
    paragraphs: list[Line], body_index: int, actions: list[str], header: Header | None = None
) -> list[Line]:
    """The paragraphs before the readers' comments (:func:`find_comments`); what is cut
    is said in ``actions``, and the day of its earliest stamp in ``header``: a comment
    is posted on or after its article's day, mostly that day (dating evidence)."""
    texts = [line_text(p) for p in paragraphs]
    found = find_comments(texts, body_index)
    if found is None or found <= (body_index, 0):
        return paragraphs
    index, offset = found
    kept = paragraphs[:index]
    if texts[index][:offset].strip():
        kept.append(strip_fragments(slice_line(paragraphs[index], 0, offset)))
    chars = len(texts[index]) - offset + sum(len(t) for t in texts[index + 1 :])
    actions.append(f"cut readers' comments: {chars:,} characters at the end")
    days = comment_days("\n\n".join([texts[index][offset:], *texts[index + 1 :]]))
    if header is not None and days:
        header.first_comment = min(days)
    return kept


def clean_text(original: str) -> CleanResult:
    """Clean the text of one article as read from its file."""
    actions: list[str] = []
    header = Header()
    ptb = looks_ptb_tokenized(original)
    lines = split_lines(original)
    lines = [normalise_spaces(line) for line in lines]
    if ptb:
        lines = [detokenize(line) for line in lines]
        actions.append("detokenized Penn Treebank tokens")
    lines = drop_header_noise(lines, actions, header)
    paragraphs = [join_paragraph(p, original) for p in group_paragraphs(lines, ptb)]
    paragraphs = merge_page_breaks([p for p in paragraphs if p], actions)

    title_index = detect_title(paragraphs)
    body_index = 0 if title_index is None else 1
    if title_index is not None:
        header.title = line_text(paragraphs[title_index])
    for i in range(body_index, min(body_index + 5, len(paragraphs))):
        lifted = lift_dateline(paragraphs[i], header, actions)
        if lifted is not paragraphs[i]:
            paragraphs[i] = lifted
            break
    paragraphs = cut_comments(paragraphs, body_index, actions, header)
    return _assemble(paragraphs, title_index, body_index, original, header, actions)


def _assemble(
    paragraphs: list[Line],
    title_index: int | None,
    body_index: int,
    original: str,
    header: Header,
    actions: list[str],
) -> CleanResult:
    fragments: list[Fragment] = []
    pos = 0
    title_span = None
    body_start = 0
    for i, para in enumerate(paragraphs):
        if i:
            fragments.append(Fragment.replacement("\n\n", _end_of(paragraphs[i - 1]), 0))
            pos += 2
        if i == body_index:
            body_start = pos
        length = len(line_text(para))
        if i == title_index:
            title_span = (pos, pos + length)
        fragments.extend(para)
        pos += length
    text, offsets = assemble(fragments, len(original))
    return CleanResult(
        text, offsets, header, title_span, min(body_start, len(text)), tuple(actions)
    )
