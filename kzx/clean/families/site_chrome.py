"""noise.site_chrome: the site around an article, in any language.

Listed lines (models/noise/site_chrome.txt: video-player notices,
reading-time labels such as "4 MINUTE READ" and its translations, paywall
prompts) go anywhere. By shape and position: a navigation block at the top of
the page (two or more short link lines, "Press Releases" / "Photo Gallery",
before anything else, with no paragraph right after it), and a lone word over
the site's banner ("Flag" above "An official website of the United States
government") go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, is_body, phrases

_LINK = re.compile(r"[A-ZА-ЯЁ][\w’'-]*(?: (?:[A-ZА-ЯЁ&][\w’'-]*|and|of|и))?(?: [A-ZА-ЯЁ][\w’'-]*)?")


@dataclass
class SiteChrome(Family):
    name = "noise.site_chrome"
    doc = "players, reading-time labels, paywall prompts, navigation at the top of the page"
    link_max: int = 25  # a menu item is one to three short words
    nav_min: int = 2

    def decide(self, page: Page) -> list[int]:
        data = phrases("site_chrome.txt")
        alive = page.alive()
        goes = [i for i in alive if len(page.text(i)) <= 200 and (data.matches("line", page.text(i))
                                                                  or data.matches("prefix", page.text(i)))]
        gone = set(goes)
        if alive:
            block = [j for j in page.block_of(alive[0]) if j in alive]
            after = [j for j in alive if j > block[-1] and j not in gone]
            if (len(block) >= self.nav_min and all(j in gone or self.is_link(page.text(j)) for j in block)
                    and after and not is_body(page.text(after[0]))):
                goes.extend(j for j in block if j not in gone)
                gone.update(block)
        rest = [i for i in alive if i not in gone]
        if rest and rest[0] + 1 < len(page.units) and len(page.text(rest[0]).split()) == 1 \
                and page.removed.get(rest[0] + 1) == "noise.furniture" and all(j in page.removed for j in range(rest[0])):
            goes.append(rest[0])  # the banner's image caption
        return goes

    def is_link(self, text: str) -> bool:
        """
        >>> s = SiteChrome()
        >>> [s.is_link(t) for t in ("Press Releases", "Photo Gallery", "Kazakhstan Must Respect", "Executive Summary.")]
        [True, True, True, False]
        """
        return len(text) <= self.link_max and bool(_LINK.fullmatch(text)) and not any(c.isdigit() for c in text)
