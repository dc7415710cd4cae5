"""The shape of a page for the outcome rules: sentences, paragraphs, articles, clauses.

spaCy's sentence spans can run over a paragraph break ("...journalistic
activity.\\n\\nPress and Media Freedom: Many ..."), so they are cut again at
paragraph breaks. A paragraph is a block between blank lines, or a line that
ends a sentence; an article starts at a heading (a short line with no final
punctuation), which bounds how far back pronouns and memories reach.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]*\n?")
_SENTENCE_END = re.compile(r"[.!?:;”\"’)\]]\s*$")
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[–—]\s|,\s(?:while|whereas|but|although|though|even\sthough|however)\b"
    r"|,\sand\s(?=(?:he|she|they|it|we|the\scourt|the\sjudge|police|authorities|prosecutors)\b)"
    r"|\s(?:while|whereas)\s",
    re.IGNORECASE,
)
HEADING_WORDS = 15
HEADLINE_WORDS = 20
# A sentence end the sentence splitter may have missed: ". " before a capital.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(]?[A-Z])")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Nos|Art|Arts|Rep|Sen|Gen|Col|Lt|Capt|Prof|Gov|Hon|vs|Jan|Feb|Mar|Apr|"
    r"Aug|Sept|Sep|Oct|Nov|Dec|approx|Inc|Ltd|Co|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


@dataclass(frozen=True)
class Layout:
    sentences: list[tuple[int, int]]
    paragraph_starts: list[int]
    article_starts: list[int]
    text_length: int
    headlines: list[tuple[int, int]] = field(default_factory=list)  # headline lines, in order

    def is_headline(self, position: int) -> bool:
        """True when `position` stands in a headline line ("Kazakh Court Sentences Activist")."""
        i = bisect.bisect_right(self.headlines, (position, float("inf"))) - 1
        return i >= 0 and self.headlines[i][0] <= position < self.headlines[i][1]

    def paragraph(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def article(self, position: int) -> int:
        return bisect.bisect_right(self.article_starts, position) - 1

    def article_start(self, position: int) -> int:
        index = self.article(position)
        return self.article_starts[index] if index >= 0 else 0

    def article_length(self, position: int) -> int:
        index = self.article(position)
        end = self.article_starts[index + 1] if index + 1 < len(self.article_starts) else self.text_length
        return end - self.article_start(position)


def lay_out(text: str, sentences: Sequence[tuple[int, int]]) -> Layout:
    """Sentences cut at paragraph breaks and stripped; paragraph and article starts.

    >>> t = "A heading\\n\\nFirst one. Second\\none.\\nNext para.\\n\\nNew heading\\n\\nText."
    >>> layout = lay_out(t, [(0, 21), (22, 44), (44, len(t))])
    >>> [t[a:b] for a, b in layout.sentences]
    ['A heading', 'First one.', 'Second\\none.', 'Next para.', 'New heading', 'Text.']
    >>> layout.paragraph(t.index("Next")), layout.paragraph(t.index("Second")), layout.article_starts
    (2, 1, [0, 46])
    """
    paragraphs, articles, headlines = _paragraphs(text)
    # A headline is a sentence of its own even where no blank line follows it.
    breaks = sorted(set(paragraphs[1:]) | {end for _, end in headlines if end < len(text)})
    spans = list(sentences) or [(0, len(text))]
    result = []
    for start, end in spans:
        cuts = [start] + breaks[bisect.bisect_right(breaks, start) : bisect.bisect_left(breaks, end)] + [end]
        for a, b in zip(cuts, cuts[1:]):
            for c, d in _split_sentences(text, a, b):
                c, d = _strip(text, c, d)
                if c < d:
                    result.append((c, d))
    return Layout(result, paragraphs, articles, len(text), headlines)


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut after each full stop before a capital, abbreviations aside.

    >>> t = "Judge R. Aliyeva fined Mr. Kozlov. He paid."
    >>> [t[a:b] for a, b in _split_sentences(t, 0, len(t))]
    ['Judge R. Aliyeva fined Mr. Kozlov. ', 'He paid.']
    """
    pieces = []
    cursor = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        word_start = text.rfind(" ", cursor, match.start()) + 1
        word = text[max(word_start, cursor) : match.start() + 1]
        if _ABBREVIATION.search(" " + word):
            continue
        pieces.append((cursor, match.end()))
        cursor = match.end()
    pieces.append((cursor, end))
    return pieces


def _paragraphs(text: str) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Paragraph starts, article starts (headings: a short unpunctuated line before a
    blank one) and headline lines (see `is_headline_line`)."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    paragraphs = [0]
    articles = [0]
    headlines = []
    pending_break = False
    for i, (start, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            pending_break = True
            continue
        if pending_break and start > 0:
            paragraphs.append(start)
        blank_after = i + 1 < len(lines) and not lines[i + 1][1].strip()
        if start > 0 and blank_after and _is_heading(stripped):
            articles.append(start)
        if is_headline_line(stripped):
            headlines.append((start, start + len(line.rstrip())))
        pending_break = bool(_SENTENCE_END.search(stripped))
    return sorted(set(paragraphs)), sorted(set(articles)), headlines


_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_KICKER = re.compile(r"^[A-Z][A-Z -]{2,40}:\s")  # "KAZAKHSTAN: Baptist fined for ..."
_HEADLINE_END = re.compile(r"[.!?;:,][\"”’')\]]*$")


def is_headline_line(line: str) -> bool:
    """True for a headline: a short line without final punctuation, in title case
    ("Kazakh Court Sentences Activist To Prison For 'Spreading False Information'") or
    after an upper-case kicker ("KAZAKHSTAN: Baptist fined for meeting without permission").

    >>> is_headline_line("Kazakh Court Sentences Activist To Prison For 'Spreading False Information'")
    True
    >>> is_headline_line("KAZAKHSTAN: Baptist fined for meeting without state permission")
    True
    >>> is_headline_line("On March 5 the Almaty City Court sentenced Max Bokayev to five years")
    False
    >>> is_headline_line("Kazakh Court Sentences Activist To Prison.")
    False
    """
    words = line.split()
    if not 0 < len(words) <= HEADLINE_WORDS or _HEADLINE_END.search(line) or not line[0].isupper():
        return False
    if _KICKER.match(line):
        return True
    significant = [w for w in _TITLE_WORD.findall(line) if len(w) >= 4]
    capitalised = [w for w in significant if w[0].isupper()]
    return len(significant) >= 3 and len(capitalised) >= 0.8 * len(significant)


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADING_WORDS
        and line[0].isupper()
        and not _SENTENCE_END.search(line)
        and not line.endswith(",")
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of the sentence text[start:end], cut at ";", ", while", ", and he", ...

    >>> s = "The court ruled to release Matayev, and he was released on December 4."
    >>> [s[a:b] for a, b in clauses(s, 0, len(s))]
    ['The court ruled to release Matayev', ', and he was released on December 4.']
    """
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.start() > cuts[-1]:
            cuts.append(match.start())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def clause_of(spans: Sequence[tuple[int, int]], position: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= position < b:
            return a, b
    return spans[-1]


def spans_within(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (short ones, sorted by start) that overlap text[start:end], found by bisection.

    >>> spans_within([(0, 5), (10, 15), (20, 25), (30, 35)], 12, 21)
    [(10, 15), (20, 25)]
    """
    i = bisect.bisect_left(spans, (start,))
    before = [span for span in spans[max(0, i - _OVERLAP_BACK) : i] if span[1] > start]
    found = []
    while i < len(spans) and spans[i][0] < end:
        found.append(spans[i])
        i += 1
    return before + found


_OVERLAP_BACK = 4  # spans starting before `start` that may still reach past it (dates, names)
