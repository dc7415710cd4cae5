"""Cleaning families: one small unit per kind of noise.

`FAMILIES` is the order they run in, in one place. Each family sees the page
after the families before it, decides which units go, and may cut spans
inside units that stay (`trim`). `run_families` writes the verdicts; families
only decide. Shared facts about the page are computed once in `Page`.

| family | name (`Removal.rule`) | covers |
| --- | --- | --- |
| Furniture | noise.furniture | navigation, buttons, banners, page numbers, running headers by phrase list or shape |
| Telegram | noise.telegram | telegram routing lines, date-time groups, handling captions |
| PageFurniture | noise.page_furniture | running headers/footers (by repetition, per page with form feeds), page captions, pagers |
| TitleVariant | dedupe.title_variant | a title printed twice, the second time extended |
| LeadRepeat | dedupe.lead_repeat | a lead sentence printed again at the start of the next paragraph |
| SiteChrome | noise.site_chrome | players, reading time, paywall prompts, top navigation, tag lists |
| Metadata | noise.metadata | catalogue fields, identifiers, file sizes of mirror pages |
| PrintedRecord | noise.printed_record | bracketed page/volume markers, rules, printer's imprint, From line |
| Letterhead | noise.letterhead | officers, address, telephone, web address of the issuer |
| Sidebar | noise.sidebar | mission boxes, rosters, roster names printed into a column |
| Caption | noise.caption | photo captions and credits |
| CategoryLabel | noise.category | a site category label on the first line |
| SearchForm | noise.search_form | a search-form prompt and its label lines |
| TeaserLines | noise.teaser | video and link teaser lines |
| RepeatedTitle | dedupe.repeated_title | repeats of a page title (they separate articles) |
| Comments | noise.comments | reader comments and the comment form |
| Related | noise.related | related-posts widgets |
| DuplicateParagraph | dedupe.duplicate_paragraph | a paragraph scraped twice |
"""

from __future__ import annotations

from kzx.clean.edits import Edit
from kzx.clean.families.base import Family, Page
from kzx.clean.families.caption import Caption
from kzx.clean.families.category import CategoryLabel
from kzx.clean.families.comments import Comments
from kzx.clean.families.duplicate_paragraph import DuplicateParagraph
from kzx.clean.families.furniture import Furniture
from kzx.clean.families.letterhead import Letterhead
from kzx.clean.families.metadata import Metadata
from kzx.clean.families.page_furniture import PageFurniture
from kzx.clean.families.printed_record import PrintedRecord
from kzx.clean.families.related import Related
from kzx.clean.families.repeated_title import RepeatedTitle
from kzx.clean.families.repeats import LeadRepeat, TitleVariant
from kzx.clean.families.search_form import SearchForm
from kzx.clean.families.sidebar import Sidebar
from kzx.clean.families.site_chrome import SiteChrome
from kzx.clean.families.teasers import TeaserLines
from kzx.clean.families.telegram import Telegram

__all__ = ["FAMILIES", "Family", "Page", "run_families", "trim_edits"]

FAMILIES: tuple[Family, ...] = (
    Furniture(),
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
    CategoryLabel(),
    SearchForm(),
    TeaserLines(),
    RepeatedTitle(),
    Comments(),
    Related(),
    DuplicateParagraph(),
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
