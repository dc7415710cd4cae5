"""noise.search_form: a search-form prompt and the short "Label:" lines of its list. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive
from kzx.clean.rules import Rules
from kzx.clean.units import Unit

TEASER_LINE_MAX = 300  # a unit longer than this is never a form line

_LABEL_LINE = re.compile(r"[A-Z][^.!?:]{0,60}:")


def find_search_form(units: list[Unit], rules: Rules, removed: Removed) -> None:
    """The search-form prompt and the short "Label:" lines of its list."""
    form = rules.search_form

    def in_form(unit: Unit) -> bool:
        return len(unit) <= TEASER_LINE_MAX and (form.matches("prefix", unit.text) or form.matches("line", unit.text))

    def label(unit: Unit) -> bool:
        return len(unit.text.split()) <= 8 and bool(_LABEL_LINE.fullmatch(unit.text))

    seeds = [i for i, u in alive(units, removed) if in_form(u)]
    for seed in seeds:
        removed[seed] = "noise.search_form"
        for step in (-1, 1):
            j = seed + step
            while 0 <= j < len(units) and j not in removed and (in_form(units[j]) or label(units[j])):
                removed[j] = "noise.search_form"
                j += step


@dataclass
class SearchForm(MarkingFamily):
    name = "noise.search_form"
    doc = "a search-form prompt and its label lines"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_search_form(page.units, page.rules, removed)
