"""Cleaning families by shape and position: one small unit per kind of noise.

`FAMILIES` is the order they run in, in one place. Each family sees the page
after the families before it (and the phrase-list rules of `kzx.clean.noise`
that run first), decides which units go, and may cut spans inside units that
stay (`trim`). `run_families` writes the verdicts; families only decide.

| family | name (`Removal.rule`) | covers |
| --- | --- | --- |
| Telegram | noise.telegram | telegram routing lines, date-time groups, handling captions |
| PageFurniture | noise.page_furniture | running headers/footers (by repetition, per page with form feeds), page captions, pagers |
| TitleVariant | dedupe.repeated_title | a title printed twice, the second time extended |
| LeadRepeat | dedupe.duplicate_paragraph | a lead sentence printed again at the start of the next paragraph |
| SiteChrome | noise.site_chrome | players, reading time, paywall prompts, top navigation, tag lists |
| Metadata | noise.metadata | catalogue fields, identifiers, file sizes of mirror pages |
| PrintedRecord | noise.printed_record | bracketed page/volume markers, rules, printer's imprint, From line |
| Letterhead | noise.letterhead | officers, address, telephone, web address of the issuer |
| Sidebar | noise.sidebar | mission boxes, rosters, roster names printed into a column |
| Caption | noise.caption | photo captions and credits |
"""

from __future__ import annotations

from kzx.clean.edits import Edit
from kzx.clean.families.base import Family, Page
from kzx.clean.families.caption import Caption
from kzx.clean.families.letterhead import Letterhead
from kzx.clean.families.metadata import Metadata
from kzx.clean.families.page_furniture import PageFurniture
from kzx.clean.families.printed_record import PrintedRecord
from kzx.clean.families.repeats import LeadRepeat, TitleVariant
from kzx.clean.families.sidebar import Sidebar
from kzx.clean.families.site_chrome import SiteChrome
from kzx.clean.families.telegram import Telegram

__all__ = ["FAMILIES", "Family", "Page", "run_families", "trim_edits"]

FAMILIES: tuple[Family, ...] = (
    Telegram(),
    PageFurniture(),
    TitleVariant(),
    LeadRepeat(),
    SiteChrome(),
    Metadata(),
    PrintedRecord(),
    Letterhead(),
    Sidebar(),
    Caption(),
)


def run_families(page: Page, families: tuple[Family, ...] = FAMILIES) -> None:
    """Each family in turn decides on the units still there; the verdicts go into `page.removed`."""
    for family in families:
        for i in family.decide(page):
            page.removed.setdefault(i, family.name)


def trim_edits(page: Page, i: int, families: tuple[Family, ...] = FAMILIES) -> list[Edit]:
    """Cuts inside kept unit `i`, as deletions named by the family that asks for them."""
    edits = []
    for family in families:
        for s, e in family.trim(page, i):
            if e <= s:
                continue
            # The cut takes one space with it, so that no double space is left.
            if e < len(page.source) and page.source[e] == " ":
                e += 1
            elif s > 0 and page.source[s - 1] == " ":
                s -= 1
            edits.append(Edit(s, e, "", family.name))
    return edits
