"""Text printed twice where the second copy is longer: the shorter goes.

- dedupe.title_variant (`TitleVariant`): the page title, then the article
  heading that repeats it and adds to it ("Response to the Head of the OSCE
  Program Office in Astana" / "..., Ambassador György Szabó").
- dedupe.lead_repeat (`LeadRepeat`): a lead sentence printed on its
  own and again at the start of the paragraph that follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from kzx.clean.families.base import Family, Page
from kzx.clean.families.shapes import is_title_like
from kzx.clean.rules import squeeze


def _key(text: str) -> str:
    return squeeze(text).casefold().strip(" -–—|:.")


@dataclass
class TitleVariant(Family):
    name = "dedupe.title_variant"
    doc = "a title that the next heading repeats and extends"
    words_min: int = 3  # "News" before "News from Astana" is a label, not a title
    reach: int = 3  # units between the title and the heading that extends it

    def decide(self, page: Page) -> list[int]:
        alive = page.alive()
        goes = []
        for k, i in enumerate(alive):
            text = page.text(i)
            if len(text.split()) < self.words_min or not is_title_like(text):
                continue
            key = _key(text)
            for j in alive[k + 1:k + 1 + self.reach]:
                other = _key(page.text(j))
                extension = other[len(key):]
                if (len(page.text(j)) <= 200 and other.startswith(key) and extension[:1] in (" ", ",", ":", "(")
                        and sum(c.isalpha() for c in extension) >= 3):  # "... Report 1/2" is a running header
                    goes.append(i)
                    break
        return goes


@dataclass
class LeadRepeat(Family):
    name = "dedupe.lead_repeat"
    doc = "a lead sentence that the next paragraph starts with"
    length_min: int = 40

    def decide(self, page: Page) -> list[int]:
        alive = page.alive()
        goes = []
        for a, b in zip(alive, alive[1:]):
            first, second = _key(page.text(a)), _key(page.text(b))
            if len(first) >= self.length_min and len(second) > len(first) and second.startswith(first):
                goes.append(a)
        return goes
