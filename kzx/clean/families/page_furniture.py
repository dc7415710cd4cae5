"""noise.page_furniture: running headers, footers and page numbers of PDF scrapes.

With form feeds ("\\f", the page boundary the PDF reader writes), a header is
a line at the top of a page and a footer a line at its bottom that recur on
other pages, once page numbers, dates and times are masked ("Kazakhstan 2019
Human Rights Report 3/24"). Without them, a short line that is not a sentence
and recurs three times or more, spread over the text, with a number that
changes, is a running header or footer wherever it stands. Page captions
("Page 3 of 40", "страница2 из 4", a pager "1 2 3 4") go wherever they stand;
a sentence that starts with "Page" stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, is_sentence, phrases

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
          r"|(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*")
_VARIABLE = re.compile(rf"[0-9]+|\b(?:{_MONTH})(?=\s|[0-9]|$)", re.IGNORECASE)
_PAGE_OF = re.compile(r"(?:page|p\.|pg\.|стр\.|страница|бет|seite|página)\s?[0-9]{1,4}(?:\s?(?:of|из|von|de|/)\s?[0-9]{1,4})?",
                      re.IGNORECASE)
_NUMBERED_HEADER = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ .,'’-]{2,60} [0-9]{1,4}|[0-9]{1,4}")  # "KAZAKHSTAN 2", a bare "17"
_PAGER = re.compile(r"[0-9]{1,3}(?:\s+[0-9]{1,3}){2,}")


def mask(text: str) -> str:
    """A line with its numbers and month names masked, so that running headers compare.

    >>> mask("Kazakhstan 2019 Human Rights Report 3/24") == mask("Kazakhstan 2019 Human Rights Report 4/24")
    True
    """
    return _VARIABLE.sub("#", " ".join(text.split()).casefold())


def is_pager(text: str) -> bool:
    """A row of page links: "1 2 3 4".

    >>> is_pager("1   2   3   4"), is_pager("12 15 30"), is_pager("2019 2020 2021")
    (True, False, False)
    """
    if not _PAGER.fullmatch(text):
        return False
    numbers = [int(n) for n in text.split()]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


@dataclass
class PageFurniture(Family):
    name = "noise.page_furniture"
    doc = "running headers and footers (by repetition), page captions, pagers"
    line_max: int = 120  # a header or footer is one short line
    edge_lines: int = 2  # lines at the top or bottom of a page that can be furniture
    repeats_without_pages: int = 3  # occurrences of a line that make it a running header
    spread_min: int = 2  # a running header has text between its occurrences; a column of a table has not
    mark_reach: int = 3  # units between a running footer and the page mark next to it

    def is_caption(self, text: str) -> bool:
        """
        >>> f = PageFurniture()
        >>> [f.is_caption(t) for t in ("Page 3 of 40", "страница2 из 4", "12/40", "Page 5 of the indictment lists 12 witnesses.")]
        [True, True, True, False]
        """
        if len(text) > 40:
            return False
        return phrases("page_furniture.txt").matches("line", text) or bool(_PAGE_OF.fullmatch(text.strip(" -–—|"))) or is_pager(text)

    def candidate(self, text: str) -> bool:
        return len(text) <= self.line_max and not is_sentence(text) and len(text.split()) <= 16

    def decide(self, page: Page) -> list[int]:
        goes = [i for i in page.alive() if self.is_caption(page.text(i))]
        gone = set(goes)
        alive = [i for i in page.alive() if i not in gone]
        if page.pages > 1:
            goes.extend(self._by_pages(page, alive))
        else:
            goes.extend(self._by_repetition(page, alive))
        return goes

    def _by_pages(self, page: Page, alive: list[int]) -> list[int]:
        """Lines at the edges of pages whose masked text recurs at the edges of other pages."""
        by_page: dict[int, list[int]] = defaultdict(list)
        for i in alive:
            by_page[page.page_of[i]].append(i)
        edges: dict[str, set[int]] = defaultdict(set)  # masked line -> pages it is at an edge of
        where: dict[str, list[int]] = defaultdict(list)
        for number, units in by_page.items():
            for i in units[:self.edge_lines] + units[-self.edge_lines:]:
                text = page.text(i)
                if self.candidate(text):
                    key = mask(text)
                    if i not in where[key]:
                        edges[key].add(number)
                        where[key].append(i)
        need = 2 if page.pages <= 3 else 3
        first = alive[0] if alive else None
        # A header that repeats the title: the title on the first page stays.
        return [i for key, pages in edges.items() if len(pages) >= need for i in where[key]
                if not (i == first and not re.search(r"[0-9]", page.text(i)))]

    def is_page_mark(self, text: str) -> bool:
        """A page number, a page caption or a running header with a page number ("KAZAKHSTAN 2").

        >>> f = PageFurniture()
        >>> [f.is_page_mark(t) for t in ("KAZAKHSTAN 2", "Page 3 of 41", "17", "Section 2", "KAZAKHSTAN 2019 HUMAN RIGHTS REPORT")]
        [True, True, True, False, False]
        """
        return self.is_caption(text) or bool(_NUMBERED_HEADER.fullmatch(text))

    def _by_repetition(self, page: Page, alive: list[int]) -> list[int]:
        """Lines that recur over a text without page breaks: short ones with a
        changing number, spread out; and any short line that is not a sentence
        and recurs next to page marks each time (a running footer)."""
        goes = self._numbered(page, alive)
        # Page marks that a rule has taken for page furniture (a column of numbers is not one).
        marks = [i for i, u in enumerate(page.units) if self.is_caption(u.text) or (
            page.removed.get(i) in ("noise.furniture", self.name) and self.is_page_mark(u.text))]
        if len(marks) >= 2:
            near: dict[str, list[int]] = defaultdict(list)
            far: set[str] = set()
            for i in alive:
                text = page.text(i)
                if not self.candidate(text) or i in goes:
                    continue
                key = mask(text)
                if any(abs(i - m) <= self.mark_reach for m in marks):
                    near[key].append(i)
                else:
                    far.add(key)
            for key, units in near.items():
                if len(units) >= 2 and key not in far:
                    goes.extend(units)
        return goes

    def _numbered(self, page: Page, alive: list[int]) -> list[int]:
        """Short lines with a changing number that recur, spread over the text."""
        where: dict[str, list[int]] = defaultdict(list)
        for i in alive:
            text = page.text(i)
            if self.candidate(text) and re.search(r"[0-9]", text) and len(text.split()) >= 3:
                where[mask(text)].append(i)
        goes = []
        for key, units in where.items():
            if len(units) < self.repeats_without_pages or len({page.text(i) for i in units}) < 2:
                continue  # the same line each time is a repeated title, not a page header
            if all(b - a >= self.spread_min for a, b in zip(units, units[1:])):
                goes.extend(units)
        return goes
