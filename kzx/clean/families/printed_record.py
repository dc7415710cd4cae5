"""noise.printed_record: the furniture of a printed record (Congressional
Record, hearing transcripts) as mirrors reproduce it.

A line that is only a bracketed marker ("[Page H1234]", "[Congressional
Record Volume 146, Number 20]", "[Extensions of Remarks]", "[From the U.S.
Government Publishing Office]", "[GRAPHIC(S) NOT AVAILABLE IN TIFF FORMAT]"),
a rule of underscores, dashes or asterisks, a table of contents (its
spaced caption "C O N T E N T S" and its lines with dot leaders), the printer's imprint
(models/noise/printed_record.txt), a "From ..." line with the publisher's web
address. Inside kept lines: page markers ("[[Page S1234]]"), a bracketed
source note after a heading ("KAZAKHSTAN (TIER 2)   [Extracted from ...]"),
the asterisk that opens a paragraph ("* Mr. BUTTERFIELD."). A bracketed
sentence ("[The ministry did not reply.]") stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, phrases

_BRACKETED = re.compile(r"\[\[?\s?([^\[\]]{2,160}?)\s?\]\]?")
_RULE = re.compile(r"\*(?: ?\*){0,40}|[_=\-~–—]{3,}|#(?: ?#){2,}")  # "###" ends a press release
_PAGE_MARK = re.compile(r"\[\[?Page [A-Z]{0,2}[0-9]{1,6}\]\]?")
_NOTE_AFTER_HEADING = re.compile(r"\s{2,}(\[[^\[\]]{3,160}\])\s*$")
_FROM_LINE = re.compile(r"From (?:the )?[A-Z].{0,120}(?:\[(?:https?://)?www\.[^\]]+\]|https?://\S+|www\.\S+)")
_LEADER = re.compile(r".{2,200}?(?:\.\s?){4,}\s?[0-9ivxl]{1,4}")  # a table of contents: "Hon. Jane Doe, Chairman .......... 1"
_SPACED_CAPITALS = re.compile(r"[A-Z](?: [A-Z]){3,}")  # "C O N T E N T S"
_BULLET = re.compile(r"\*\s+(?=\S)")
_COLUMNS = re.compile(r"\s{3,}")


def is_marker(text: str) -> bool:
    """
    >>> [is_marker(t) for t in ("[Page E192]", "[ Country-by-Country Reports ]", "[GRAPHIC] [TIFF OMITTED]")]
    [True, True, True]
    >>> [is_marker(t) for t in ("[The ministry did not reply to a request for comment.]", "[1] See note.")]
    [False, False]
    """
    groups = list(_BRACKETED.finditer(text))
    if not groups or _BRACKETED.sub("", text).strip():
        return False
    return not any(m.group(1).rstrip().endswith((".", "!", "?")) for m in groups)


@dataclass
class PrintedRecord(Family):
    name = "noise.printed_record"
    doc = "bracketed page and volume markers, rules, printer's imprint, publisher's From line"
    line_max: int = 200

    def is_furniture(self, text: str) -> bool:
        if len(text) > self.line_max:
            return False
        data = phrases("printed_record.txt")
        return (is_marker(text) or bool(_RULE.fullmatch(text)) or bool(_FROM_LINE.fullmatch(text))
                or bool(_LEADER.fullmatch(text)) or bool(_SPACED_CAPITALS.fullmatch(text))
                or data.matches("line", text) or data.matches("prefix", text))

    def decide(self, page: Page) -> list[int]:
        goes = []
        for i in page.alive():
            unit = page.units[i]
            if self.is_furniture(unit.text):
                goes.append(i)
                continue
            # Columns of a printed page on one line: each must be furniture.
            pieces = [p for s, e in unit.lines for p in _COLUMNS.split(page.source[s:e]) if p.strip()]
            if len(pieces) >= 2 and all(self.is_furniture(p.strip()) for p in pieces):
                goes.append(i)
        return goes

    def trim(self, page: Page, i: int) -> list[tuple[int, int]]:
        spans = []
        for k, (s, e) in enumerate(page.units[i].lines):
            line = page.source[s:e]
            spans.extend((s + m.start(), s + m.end()) for m in _PAGE_MARK.finditer(line))
            note = _NOTE_AFTER_HEADING.search(line)
            if note and note.start() > 0 and len(line) <= self.line_max:
                spans.append((s + note.start(), s + note.end()))
            if k == 0:
                bullet = _BULLET.match(line)
                if bullet:
                    spans.append((s, s + bullet.end()))
        return spans
