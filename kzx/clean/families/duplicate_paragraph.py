"""dedupe.duplicate_paragraph: a paragraph scraped twice; the first copy stays. (Moved from kzx/clean/dedupe.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive
from kzx.clean.rules import squeeze
from kzx.clean.units import Unit

PARAGRAPH_MIN = 60  # shorter repeats ("Yes.", "Share") are not judged as paragraphs


def find_duplicate_paragraphs(units: list[Unit], removed: Removed) -> None:
    """Remove a paragraph that repeats an earlier kept one (white space and case ignored).

    >>> from kzx.clean.units import segment
    >>> para = "A paragraph that the scraper picked up twice from the same page."
    >>> removed = {}
    >>> find_duplicate_paragraphs(segment(f"{para}\\n\\nOther.\\n\\n{para}"), removed)
    >>> removed
    {2: 'dedupe.duplicate_paragraph'}
    """
    seen: set[str] = set()
    for i, unit in alive(units, removed):
        if len(unit.text) < PARAGRAPH_MIN:
            continue
        key = squeeze(unit.text).casefold()
        if key in seen:
            removed[i] = "dedupe.duplicate_paragraph"
        else:
            seen.add(key)


@dataclass
class DuplicateParagraph(MarkingFamily):
    name = "dedupe.duplicate_paragraph"
    doc = "a paragraph that repeats an earlier kept one"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_duplicate_paragraphs(page.units, removed)
