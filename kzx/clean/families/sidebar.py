"""noise.sidebar: boxes beside the article: a mission statement, a list of
commissioners or staff, and, in a PDF scraped column by column, the names of
such a list printed into the lines of the text beside it.

A box heading ("USCIRF's Mission", "Our Mission") takes the paragraph after
it with it; a heading over the site's resources ("KEY USCIRF RESOURCES &
ACTIVITIES") takes the list items after it (bulleted, or "Type: Title"). A roster line holds names in capitals with a place ("ALCEE L.
HASTINGS, Florida,"), one or two columns; its caption in capitals
("LEGISLATIVE BRANCH COMMISSIONERS") goes with it. When a page's letterhead
or roster sits above and below a unit of text, that unit is the column next
to the list: the offices of the list ("Vice Chair", "Commissioners") and the
names in it (a run of capitalised words that ends where lower-case text goes
on, or ends the unit) are cut out of it. "Around" is tight: an officer of the
list within two units above, a line of the list within two units below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, phrases
from kzx.clean.families.letterhead import is_officer

_LINK_ITEM = re.compile(r"[•·▪●◦*–-]\s|[A-Z][\w ]{1,30}: [A-Z]")  # "• Country Update: ...", "Press Release: ..."
_CAPITALISED = re.compile(r"(?:(?:[A-ZА-ЯЁ][a-zа-яё'’-]+|[A-ZА-ЯЁ]\.)\s){1,8}(?:[A-ZА-ЯЁ][a-zа-яё'’-]+)")
# Words that end the name of an organisation or a thing, not of a person.
_NOT_SURNAME = frozenset(
    "group commission committee council freedom department office ministry party court union "
    "state states government report reports update mission act law agency bureau center centre "
    "institute foundation fund program programme service services working republic federation "
    "assembly parliament senate house congress conference forum network coalition association "
    "church community organization organisation embassy nations kazakhstan development".split())


def is_roster(text: str) -> bool:
    """
    >>> is_roster("ALCEE L. HASTINGS, Florida, BENJAMIN L. CARDIN, Maryland,"), is_roster("ASTANA, Kazakhstan")
    (True, False)
    """
    entries = re.findall(r"[A-Z][A-Z.'’ -]+, [A-Z][a-z]+(?: [A-Z][a-z]+)?,", text)
    return bool(entries) and "".join(entries).replace(" ", "") == text.replace(" ", "")


@dataclass
class Sidebar(Family):
    name = "noise.sidebar"
    doc = "mission boxes, boxes of links to the site's resources, rosters of commissioners or staff, roster names printed into a column"
    box_max: int = 400  # the paragraph of a mission box
    column_min: int = 200  # a column of text that a list can be printed into; a short line is not one
    column_reach: int = 2  # units between the column and the lines of the list around it

    def decide(self, page: Page) -> list[int]:
        data = phrases("letterhead.txt")
        alive = page.alive()
        goes = set()
        for k, i in enumerate(alive):
            text = page.text(i)
            if len(text) <= 60 and (data.matches("heading-line", text) or data.matches("heading-suffix", text)):
                goes.add(i)
                if k + 1 < len(alive) and len(page.text(alive[k + 1])) <= self.box_max:
                    goes.add(alive[k + 1])
            if len(text) <= 60 and not text.endswith(".") and data.matches("teasers-contains", text):
                items = []
                for j in alive[k + 1:]:
                    item = page.text(j)
                    if len(item) > 160 or item.endswith((".", "!", "?")) or not _LINK_ITEM.match(item):
                        break
                    items.append(j)
                if items:
                    goes.update([i, *items])
            if is_roster(text):
                goes.add(i)
                for step in (-1, -2):  # its caption, over a column heading ("HOUSE") at most
                    if k + step >= 0 and data.matches("roster-caption", page.text(alive[k + step])):
                        goes.add(alive[k + step])
        return sorted(goes)

    def trim(self, page: Page, i: int) -> list[tuple[int, int]]:
        if len(page.text(i)) < self.column_min:
            return []
        # The column next to a list: an officer of the list right above it and a line of the
        # list (or of the letterhead) right below it, on the same PDF page; a page's chrome far
        # above and below (a letterhead on the first page, a site's footer on the last) is not one.
        listed = {j for j, rule in page.removed.items()
                  if rule in ("noise.letterhead", self.name) and page.page_of[j] == page.page_of[i]}
        above = [j for j in range(max(0, i - self.column_reach), i) if j in listed and is_officer(page.text(j))]
        below = [j for j in range(i + 1, min(len(page.units), i + 1 + self.column_reach)) if j in listed]
        if not above or not below:
            return []
        roles = phrases("letterhead.txt").entries("roles")
        role_pattern = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True)) + r")\b")
        spans = []
        for s, e in page.units[i].lines:
            line = page.source[s:e]
            for m in role_pattern.finditer(line):
                spans.append((s + m.start(), s + m.end()))
            for m in _CAPITALISED.finditer(line):
                words = m.group().split()
                office = role_pattern.search(m.group())
                if office and office.start() > 0:  # "Gayle Manchin Overview Vice Chair": the list's line
                    spans.append((s + m.start(), s + m.start() + office.end()))
                    continue
                after = line[m.end():m.end() + 2]
                at_end = not line[m.end():].strip()
                if at_end and len(words) >= 2:
                    spans.append((s + m.start(), s + m.end()))
                    continue
                if not (after.startswith(" (") or (after[:1] == " " and after[1:2].islower())):
                    continue
                if words[-1].casefold() in _NOT_SURNAME or words[-2].casefold() in _NOT_SURNAME:
                    continue
                start = m.start() + len(" ".join(words[:-2])) + (1 if len(words) > 2 else 0)
                spans.append((s + start, s + m.end()))
        return spans
