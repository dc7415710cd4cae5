"""Sections: the articles of a page, as spans of the clean text.

A page either separates its articles visibly, by repeated page titles before
a heading or by two or more blank lines before each, or it does not. With visible separators
only those start sections, so a report's sub-headings ("INTERNET FREEDOM")
stay inside their article; without them every heading starts one, and such a
section is a subsection of the page's first (its `parent`), so that it covers
the year the page's title names. A section
holding no prose (a title block, a lone heading) joins the section after it.
A heading is a short line without final punctuation followed by prose, or a
line in capitals; "Label: text" run-in heads are prose, not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.shapes import is_prose
from kzx.records import Section

_DATE_OR_NUMBER = re.compile(r"[0-9/.,: -]+|[A-Z][a-z]{2,8}\.? [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} [A-Z][a-z]{2,8} [0-9]{4}")
_BULLET = tuple("•·*-–—▪●◦>")


def is_heading(text: str, following: str | None) -> bool:
    """
    >>> is_heading("INTERNET FREEDOM", "Observers reported ..."), is_heading("Human Rights Reform in Kazakhstan", "x. " * 40)
    (True, True)
    >>> is_heading("You mean that things have changed since?", "x. " * 40), is_heading("Freedom of Expression: The government limited it.", None)
    (False, False)
    """
    if not text or len(text) > 150 or len(text.split()) > 20 or text[-1] in ".,;:?!":
        return False
    if text.startswith(_BULLET) or text[0].islower() or _DATE_OR_NUMBER.fullmatch(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    return following is not None and len(following) >= max(2 * len(text), 80) and is_prose(following)


@dataclass(frozen=True)
class Part:
    """A kept unit, as sections see it."""

    start: int  # clean offsets
    end: int
    text: str
    big_gap: bool  # two or more blank lines before it
    separated: bool  # a repeated page title was removed just before it


def build_sections(parts: list[Part], length: int) -> list[Section]:
    """Sections covering the clean text [0, length) end to end."""
    if not parts:
        return []
    headings = [is_heading(p.text, parts[k + 1].text if k + 1 < len(parts) else None) for k, p in enumerate(parts)]
    # A repeated title separates articles when a heading follows it; before
    # prose it is a running header (a PDF's page header) inside one article.
    separated = [p.separated and headings[k] for k, p in enumerate(parts)]
    visible = sum(p.big_gap for p in parts[1:]) >= 2 or any(separated[1:])
    starts = [0]
    for k, part in enumerate(parts[1:], 1):
        if separated[k] or (part.big_gap if visible else headings[k]):
            starts.append(k)
    # A section without prose joins the next one.
    bounds = starts + [len(parts)]
    groups: list[tuple[int, int]] = []
    carry = None
    for a, b in zip(bounds, bounds[1:]):
        first = a if carry is None else carry
        if not any(is_prose(parts[k].text) and not headings[k] for k in range(a, b)) and b < len(parts):
            carry = first
            continue
        groups.append((first, b))
        carry = None
    sections = []
    for n, (a, _) in enumerate(groups):
        start = 0 if n == 0 else parts[a].start
        end = parts[groups[n + 1][0]].start if n + 1 < len(groups) else length
        first = parts[a].text
        title = first if headings[a] or (len(first) <= 150 and not first.endswith((".", ":", ",", ";"))
                                         and not is_prose(first)) else None
        parent = 0 if n and not visible else None
        sections.append(Section(title=title, start=start, end=end, parent=parent))
    return sections
