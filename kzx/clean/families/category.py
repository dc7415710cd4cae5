"""noise.category: a site category label alone on the page's first line. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive, is_prose, title_key
from kzx.clean.rules import Rules
from kzx.clean.units import Unit


def find_category_label(units: list[Unit], rules: Rules, removed: Removed, title_counts: dict[str, int]) -> None:
    """A site category label alone on the page's first line, before a title.

    Listed labels ("Interesting") go when a title, not prose, follows; an
    unlisted one- or two-word first line goes when the title after it is one
    the page repeats (the content-farm page layout).
    """
    kept = [i for i, _ in islice(alive(units, removed), 2)]
    if len(kept) < 2:
        return
    first, following = units[kept[0]].text, units[kept[1]].text
    if len(first) > 40 or is_prose(following):
        return
    words = first.split()
    if rules.category_labels.matches("line", first) or (
        1 <= len(words) <= 2 and all(w.isalpha() for w in words) and title_counts.get(title_key(following), 0) >= 2
    ):
        removed[kept[0]] = "noise.category"


@dataclass
class CategoryLabel(MarkingFamily):
    name = "noise.category"
    doc = "a site category label on the first line, before a title"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_category_label(page.units, page.rules, removed, page.title_counts)
