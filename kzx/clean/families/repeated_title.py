"""dedupe.repeated_title: repeats of a page title; they separate articles. (Moved from kzx/clean/dedupe.py.)"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, is_title_like, title_key
from kzx.clean.units import Unit


def title_counts(units: list[Unit]) -> Counter[str]:
    """How often each title-like unit occurs."""
    return Counter(title_key(u.text) for u in units if is_title_like(u.text))


def find_repeated_titles(units: list[Unit], removed: Removed) -> set[int]:
    """Remove repeats of a title; return their indices, which later rules use
    as article separators.

    A repeat goes when it is the page's title (its first title line), a title
    of four or more words, or printed twice in a row. Shorter repeated lines
    (an interviewer's name, a table cell, a sub-heading such as
    "Recommendations") stay.

    >>> from kzx.clean.units import segment
    >>> units = segment("Page Title\\n\\nPage Title\\n\\nText one.\\n\\nGotev\\n\\nText.\\n\\nPAGE TITLE\\n\\nGotev")
    >>> removed = {}
    >>> sorted(find_repeated_titles(units, removed)), removed
    ([1, 5], {1: 'dedupe.repeated_title', 5: 'dedupe.repeated_title'})
    """
    seen: set[str] = set()
    repeats: set[int] = set()
    page_title = previous = None
    for i, unit in enumerate(units):
        if i in removed:
            continue
        title = len(unit.lines) == 1 and is_title_like(unit.text)
        key = title_key(unit.text) if title else None
        if key is not None:
            page_title = page_title or key
            if key in seen and (key == page_title or key == previous or len(key.split()) >= 4):
                removed[i] = "dedupe.repeated_title"
                repeats.add(i)
            seen.add(key)
        previous = key
    return repeats


@dataclass
class RepeatedTitle(MarkingFamily):
    name = "dedupe.repeated_title"
    doc = "repeats of a page title (the first copy stays)"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_repeated_titles(page.units, removed)
