"""noise.caption: photo captions and credits.

A line closed by a credit in parentheses ("... at the fence of the Embassy
(AP Photo/Alexander Zemlianichenko)"), a line that starts as a credit
("Фото: Азаттык"), and a news photo's caption under the page title: one
sentence that ends with the place and date the photo was taken (", October
8, 2012."), followed by the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzx.clean.families.base import Family, Page, is_body, phrases

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
_DATED_END = re.compile(rf", (?:(?:{_MONTHS}) [0-9]{{1,2}}, [0-9]{{4}}|[0-9]{{1,2}} (?:{_MONTHS}) [0-9]{{4}})\.?$")


@lru_cache(maxsize=1)
def _credit() -> re.Pattern[str]:
    data = phrases("caption.txt")
    words = "|".join(re.escape(w) for w in data.entries("credit-words"))
    agencies = "|".join(re.escape(w) for w in data.entries("agencies"))
    return re.compile(rf"\((?:(?=[^()]{{0,80}}\b(?:{words})\b)[^()]{{2,120}}|(?:{agencies})(?:/[^()]{{1,60}})?)\)\.?$")


def has_credit(text: str) -> bool:
    """
    >>> has_credit("People lay flowers at the fence of the Embassy (AP Photo/Alexander Zemlianichenko)")
    True
    >>> has_credit("The law was adopted in 2016 (Article 174)."), has_credit("Police at the rally (Reuters/Jane Doe)")
    (False, True)
    >>> has_credit("The story was first reported by Radio Azattyq (RFE/RL's Kazakh Service)")
    False
    """
    return bool(_credit().search(text))


@dataclass
class Caption(Family):
    name = "noise.caption"
    doc = "photo captions and credits"
    line_max: int = 350  # a caption is one or two lines
    head_units: int = 3  # a news photo's caption sits among the first units, under the title
    lower_words_min: int = 4  # a caption is a sentence; a byline with a dateline is names and places

    def decide(self, page: Page) -> list[int]:
        data = phrases("caption.txt")
        alive = page.alive()
        goes = []
        for k, i in enumerate(alive):
            text = page.text(i)
            if len(text) > self.line_max:
                continue
            if data.matches("prefix", text) or (has_credit(text) and not text.rstrip().endswith(").")):
                goes.append(i)
            elif (0 < k < self.head_units and _DATED_END.search(text) and text.endswith(".") and ". " not in text[:-2]
                  and sum(w.islower() for w in text.split()) >= self.lower_words_min
                  and k + 1 < len(alive) and is_body(page.text(alive[k + 1]))):
                goes.append(i)
        return goes
