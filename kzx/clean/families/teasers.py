"""noise.teaser: lines that only point elsewhere ("Watch the video: ..."). (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive
from kzx.clean.rules import Rules
from kzx.clean.units import Unit

TEASER_LINE_MAX = 300  # a unit longer than this is never a teaser line


def find_teaser_lines(units: list[Unit], rules: Rules, removed: Removed) -> None:
    """"Watch the video: ...", "The Report is available in PDF-format HERE." and the like."""
    teasers = rules.teasers
    for i, unit in alive(units, removed):
        text = unit.text
        if len(text) <= TEASER_LINE_MAX and (
            teasers.matches("prefix", text) or teasers.matches("line", text)
            or teasers.matches("contains", text) or teasers.matches("suffix", text)
        ):
            removed[i] = "noise.teaser"


@dataclass
class TeaserLines(MarkingFamily):
    name = "noise.teaser"
    doc = "video and link teaser lines"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_teaser_lines(page.units, page.rules, removed)
