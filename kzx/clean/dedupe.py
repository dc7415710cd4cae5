"""Repeated page titles and paragraphs scraped twice: the first copy stays."""

from __future__ import annotations

from collections import Counter

from kzx.clean.noise import Removed, alive, is_title_like, title_key
from kzx.clean.rules import squeeze
from kzx.clean.units import Unit

PARAGRAPH_MIN = 60  # shorter repeats ("Yes.", "Share") are not judged as paragraphs


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
