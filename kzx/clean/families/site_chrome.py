"""noise.site_chrome: the site around an article, in any language.

Listed lines (models/noise/site_chrome.txt: video-player notices,
reading-time labels such as "4 MINUTE READ" and its translations, paywall
prompts) go anywhere, and so does a short line that speaks of ".gov" as a
word (the U.S. government banner, in any language), and a breadcrumb trail
of short links. A number and a word for minutes in the page's head is a
reading-time label in most languages. By shape and position: a navigation block at the top of
the page (two or more short link lines, "Press Releases" / "Photo Gallery",
before anything else, with no paragraph right after it), and a lone word over
the site's banner ("Flag" above "An official website of the United States
government") go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, is_body, phrases
from kzx.clean.families.shapes import title_key

_GOV_BANNER = re.compile(r"(?<![\w/.])\.gov(?![\w/.])")  # ".gov" as a word: the banner explains the domain, in any language
_CRUMB_SEPARATOR = re.compile(r"\s[>»›/→|]\s")
# "4 MINUTE READ", "10 МИНУТНОЕ ЧТЕНИЕ", "7 min de lecture": a number and a word for minutes, in the page's head.
_READING_TIME = re.compile(r"[0-9]{1,2}\s?(?:\S+\s)?(?:min|мин|мін)\w*\.?(?:\s\S+){0,2}", re.IGNORECASE)
_LINK = re.compile(r"[A-ZА-ЯЁ][\w’'-]*(?: (?:[A-ZА-ЯЁ&][\w’'-]*|and|of|и))?(?: [A-ZА-ЯЁ][\w’'-]*)?")


@dataclass
class SiteChrome(Family):
    name = "noise.site_chrome"
    doc = "players, reading-time labels, paywall prompts, navigation at the top of the page"
    link_max: int = 25  # a menu item is one to three short words
    nav_min: int = 2
    tag_max: int = 60  # a tag or topic link under a "Tags" heading

    def decide(self, page: Page) -> list[int]:
        data = phrases("site_chrome.txt")
        alive = page.alive()
        goes = [i for i in alive if len(page.text(i)) <= 200 and (data.matches("line", page.text(i))
                                                                  or data.matches("prefix", page.text(i))
                                                                  or bool(_GOV_BANNER.search(page.text(i))))]
        goes.extend(i for i in alive if i not in goes and (self.is_breadcrumb(page.text(i)) or (
            page.in_head(i) and len(page.text(i)) <= 30 and _READING_TIME.fullmatch(page.text(i)))))
        gone = set(goes)
        if alive:
            block = [j for j in page.block_of(alive[0]) if j in alive]
            after = [j for j in alive if j > block[-1] and j not in gone]
            later = {title_key(page.text(j)) for j in alive if j > block[-1]}
            if (len(block) >= self.nav_min and all(j in gone or self.is_link(page.text(j)) for j in block)
                    and after and not is_body(page.text(after[0]))
                    and not any(title_key(page.text(j)) in later for j in block)):  # a title printed again is no menu
                goes.extend(j for j in block if j not in gone)
                gone.update(block)
        rest = [i for i in alive if i not in gone]
        goes.extend(self._tags(page, [i for i in rest if i not in gone]))
        if rest and rest[0] + 1 < len(page.units) and len(page.text(rest[0]).split()) == 1 \
                and page.removed.get(rest[0] + 1) == "noise.furniture" and all(j in page.removed for j in range(rest[0])):
            goes.append(rest[0])  # the banner's image caption
        return goes

    def _tags(self, page: Page, alive: list[int]) -> list[int]:
        """The short lines under a "Tags" heading (which another rule may have removed), up to the next paragraph."""
        data = phrases("site_chrome.txt")
        goes = []
        for i, unit in enumerate(page.units):
            if len(unit.text) > 30 or not data.matches("tags-line", unit.text):
                continue
            for j in alive:
                if j <= i or j in goes:
                    continue
                text = page.text(j)
                if len(text) > self.tag_max or text.endswith((".", "!", "?")) or any(
                        k not in page.removed and k not in alive for k in range(i + 1, j)):
                    break
                goes.append(j)
        return goes

    def is_breadcrumb(self, text: str) -> bool:
        """A trail of short links in any language: "Главная » Новости » Казахстан".

        >>> s = SiteChrome()
        >>> s.is_breadcrumb("Главная » Новости » Казахстан"), s.is_breadcrumb("Reports / Human Rights / Kazakhstan")
        (True, True)
        >>> s.is_breadcrumb("He said that 2 > 1 and 3 > 2, and left."), s.is_breadcrumb("2018 / 2019")
        (False, False)
        """
        if len(text) > 150:
            return False
        parts = _CRUMB_SEPARATOR.split(text)
        return len(parts) >= 3 and all(0 < len(p) <= 40 and len(p.split()) <= 5 and p[:1].isupper()
                                       and not p.endswith((".", ",", "!", "?")) for p in parts)

    def is_link(self, text: str) -> bool:
        """
        >>> s = SiteChrome()
        >>> [s.is_link(t) for t in ("Press Releases", "Photo Gallery", "Kazakhstan Must Respect", "Executive Summary.")]
        [True, True, True, False]
        """
        return len(text) <= self.link_max and bool(_LINK.fullmatch(text)) and not any(c.isdigit() for c in text)
