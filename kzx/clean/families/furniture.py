"""noise.furniture: navigation, buttons, banners, captions, page headers and
footers that a phrase list or a line's shape names, bare page numbers, a PDF's
running header with the title's first words and a page number, and a
share/print button glued onto a heading. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.edits import Edit
from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive, is_title_like, title_key
from kzx.clean.rules import Rules
from kzx.clean.units import Unit

# Lengths (characters) that bound what a line-level rule may remove.
LINE_MAX, PREFIX_MAX, CONTAINS_MAX = 80, 400, 200

_PIXELS = re.compile(r"(?<![0-9])[0-9]{2,4} ?[x×] ?[0-9]{2,4}(?: ?px)?\.?$|^[0-9]{2,4} ?[x×] ?[0-9]{2,4}(?: ?px)?\s")
_BREADCRUMB = re.compile(r"(?:Home|Homepage|Main page|Main)\s?[>»›/|→]\s?\S", re.IGNORECASE)
_RUNNING_HEADER = re.compile(r"(\D{3,80}?)\s+[0-9]{1,4}|[0-9]{1,4}\s+(\D{3,80})")
_NAV_SEPARATOR = re.compile(r"\s[|•·]\s")
_PAGE_MARK = re.compile(r"[-–—]\s?[0-9]{1,4}\s?[-–—]|[0-9]{1,4}\s?/\s?[0-9]{1,4}")
_NUMBER = re.compile(r"[0-9]{1,3}")


def is_furniture(text: str, rules: Rules) -> bool:
    """Whether a whole unit is navigation, a button, a banner, a caption or a
    page header or footer.

    >>> from kzx.clean.rules import load_rules
    >>> r = load_rules()
    >>> [is_furniture(t, r) for t in ("Toggle navigation menu.", "Flag of Kazakhstan 745x670", "Page 1 of 19",
    ...     "Home > News > Kazakhstan", "Share Tweet Email", "About | Contact | Donate | Search")]
    [True, True, True, True, True, True]
    >>> [is_furniture(t, r) for t in ("Executive Summary", "INTERNET FREEDOM", "Share of votes rose to 97.5 percent.")]
    [False, False, False]
    """
    n = len(text)
    furniture = rules.furniture
    if n <= LINE_MAX and furniture.matches("line", text):
        return True
    if n <= PREFIX_MAX and furniture.matches("prefix", text):
        return True
    if n <= CONTAINS_MAX and furniture.matches("contains", text):
        return True
    if n > 200:
        return False
    if _PIXELS.search(text) or _BREADCRUMB.match(text) or _PAGE_MARK.fullmatch(text):
        return True
    words = [w for w in re.split(r"[\s|·•/]+", text.lower()) if w]
    if len(words) >= 2 and all(w in rules.button_words for w in words):
        return True  # a share bar: "Share Tweet Email"
    parts = _NAV_SEPARATOR.split(text)
    return (
        len(parts) >= 3 and not text.startswith("|")
        and all(0 < len(p) <= 30 and len(p.split()) <= 4 and not p.endswith(".") for p in parts)
    )


def find_furniture(units: list[Unit], rules: Rules, removed: Removed) -> None:
    for i, unit in alive(units, removed):
        if is_furniture(unit.text, rules):
            removed[i] = "noise.furniture"
    _page_numbers(units, removed)


def _page_numbers(units: list[Unit], removed: Removed) -> None:
    """Bare numbers on their own lines (page numbers), when the page has two
    or more, apart from each other, and they mostly rise. A single one ("68")
    stays, and so does a column of numbers."""
    numbers = [(i, int(u.text)) for i, u in alive(units, removed) if _NUMBER.fullmatch(u.text)]
    if len(numbers) < 2 or any(b[0] - a[0] < 3 for a, b in zip(numbers, numbers[1:])):
        return  # too few, or a column of a table
    rising = sum(b[1] > a[1] for a, b in zip(numbers, numbers[1:]))
    if rising >= max(1, 0.6 * (len(numbers) - 1)):
        for i, _ in numbers:
            removed[i] = "noise.furniture"


def find_running_headers(units: list[Unit], removed: Removed) -> None:
    """A PDF's running header: the page title's first words and a page number
    ("KAZAKHSTAN 2", "KAZAKHSTAN 3"), twice or more.

    >>> from kzx.clean.units import segment
    >>> text = "KAZAKHSTAN 2015 HUMAN RIGHTS REPORT\\n\\nText.\\n\\nKAZAKHSTAN 2\\nMore.\\n\\nKAZAKHSTAN 3\\nEnd."
    >>> removed = {}
    >>> find_running_headers(segment(text), removed)
    >>> removed
    {2: 'noise.furniture', 4: 'noise.furniture'}
    """
    title = next((title_key(u.text) for _, u in alive(units, removed) if is_title_like(u.text)), None)
    if not title:
        return
    found = []
    for i, unit in alive(units, removed):
        match = _RUNNING_HEADER.fullmatch(unit.text) if len(unit.text) <= 90 else None
        if match:
            stem = title_key(match.group(1) or match.group(2))
            if title.startswith(stem) and title[len(stem):len(stem) + 1] in ("", " "):
                found.append(i)
    if len(found) >= 2:
        for i in found:
            removed[i] = "noise.furniture"


def heading_suffix_edit(text: str, unit: Unit, rules: Rules) -> Edit | None:
    """A share/print button glued onto a heading: "EXECUTIVE SUMMARYShare".

    >>> from kzx.clean.units import segment
    >>> from kzx.clean.rules import load_rules
    >>> t = "EXECUTIVE SUMMARYShare"
    >>> heading_suffix_edit(t, segment(t)[0], load_rules())
    Edit(start=17, end=22, replacement='', rule='noise.furniture')
    >>> t = "Market Share"
    >>> heading_suffix_edit(t, segment(t)[0], load_rules()) is None
    True
    """
    if len(unit.lines) != 1 or len(unit.text) > 150:
        return None
    line = text[unit.start:unit.end]
    match = rules.furniture.find_suffix(line, "heading-suffix")
    if not match or match.start() == 0:
        return None
    rest = line[:match.start()]
    head = rest.rstrip()
    if not head or head[-1] in ".,;:!?":
        return None
    letters = [c for c in head if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    glued = rest == head and head[-1].isalpha()
    if (glued and (all_caps or head[-1].islower())) or (not glued and all_caps):
        return Edit(unit.start + len(head), unit.end, "", "noise.furniture")
    return None


@dataclass
class Furniture(MarkingFamily):
    name = "noise.furniture"
    doc = "navigation, buttons, banners, page numbers and running headers named by phrase lists or shape"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_furniture(page.units, page.rules, removed)
        find_running_headers(page.units, removed)
