"""What every cleaning family shares: the `Family` base and the `Page` context.

A family only decides. `decide(page)` returns the indexes of the units it
removes; `trim(page, i)` returns spans to cut inside a unit that stays (a
bracketed page marker in a paragraph, a name of a sidebar printed into a
column of text). The stage writes what it decides under the family's `name`,
which is exactly what `Removal.rule` records.

Shared facts about the page (which units are at the top, which page of a PDF
each unit is on, which words are in capitals) are computed once into `Page`,
so families do not recompute them and take no extra arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import ClassVar

from kzx.clean.rules import NOISE_DIR, PhraseList, Rules
from kzx.clean.units import Unit
from kzx.lang.detect import letter_counts

SENTENCE_END = tuple(".!?…\"”’»")
_WORD = re.compile(r"\w+")


def is_capitals(text: str, minimum: int = 3) -> bool:
    """A line written in capital letters ("KAZAKHSTAN: ACTIVIST SENTENCED").

    >>> is_capitals("FM AMEMBASSY ASTANA"), is_capitals("Executive Summary"), is_capitals("1.")
    (True, False, False)
    """
    count, capitals = letter_counts(text)
    return count >= minimum and capitals == count


def is_sentence(text: str) -> bool:
    """A unit that reads as running text: several words and a sentence end.

    >>> is_sentence("The court upheld the sentence on May 3."), is_sentence("Publication Date | 25 June 2015 |")
    (True, False)
    """
    text = text.rstrip()
    return len(text.split()) >= 5 and text.endswith(SENTENCE_END)


# A field of a metadata block: a label of up to four words, then "|" or ":" or
# the value glued on ("DisclaimerThis is not ...", "Дата14.12.2021").
_FIELD = re.compile(r"[^\s|:]{1,25}(?: [^\s|:]{1,25}){0,3} ?[|:](?!//)|\w*[a-zа-яё][A-ZА-ЯЁ0-9]")


def is_body(text: str) -> bool:
    """A paragraph of the article itself: long running text with a sentence in
    it, not a metadata field with a long value.

    >>> is_body("Disclaimer | This is not a UNHCR publication. UNHCR is not responsible for, nor does it necessarily endorse, its content. |")
    False
    """
    return (len(text) >= 120 and (". " in text or text.rstrip().endswith(SENTENCE_END))
            and not is_capitals(text) and not _FIELD.match(text))


@dataclass
class Page:
    """One page being cleaned: its units, what is removed so far, and shared facts."""

    units: list[Unit]
    rules: Rules
    source: str = ""  # the text the units' offsets index into (after character repairs)
    removed: dict[int, str] = field(default_factory=dict)
    page_of: list[int] = field(default_factory=list)  # PDF page of each unit (form feeds), else all 0
    tab_labels: dict[int, str] = field(default_factory=dict)  # unit -> what stands before a tab in its raw line

    _body_cache: tuple[int, list[int]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.page_of:
            self.page_of = [0] * len(self.units)

    def alive(self) -> list[int]:
        return [i for i in range(len(self.units)) if i not in self.removed]

    def text(self, i: int) -> str:
        return self.units[i].text

    @cached_property
    def _body_candidates(self) -> list[int]:
        from kzx.clean.families.metadata import Metadata  # a field with a long value is not body text

        field = Metadata().field
        return [i for i, u in enumerate(self.units) if is_body(u.text) and field(u.text) is None]

    @property
    def _body(self) -> list[int]:
        """Paragraphs of running text that no rule has removed so far (a site's
        notice in prose above the article does not end the page's head)."""
        if self._body_cache is None or self._body_cache[0] != len(self.removed):  # verdicts only ever grow
            self._body_cache = (len(self.removed), [i for i in self._body_candidates if i not in self.removed])
        return self._body_cache[1]

    @property
    def body_start(self) -> int:
        """Index of the first paragraph of running text: what is above it is the page's head."""
        return self._body[0] if self._body else len(self.units)

    @property
    def body_end(self) -> int:
        """Index just after the last paragraph of running text: what is below it is the page's tail."""
        return self._body[-1] + 1 if self._body else 0

    @cached_property
    def title_counts(self) -> dict[str, int]:
        """How often each title-like unit occurs (all units, whatever is removed)."""
        from kzx.clean.families.repeated_title import title_counts

        return title_counts(self.units)

    @cached_property
    def separators(self) -> set[int]:
        """Repeated page titles that separate articles, read once the repeated-title
        family has decided (a title printed twice above the article separates nothing)."""
        return {i for i, rule in self.removed.items() if rule == "dedupe.repeated_title" and i > self.body_start}

    def in_head(self, i: int) -> bool:
        return i < self.body_start

    def in_tail(self, i: int) -> bool:
        return i >= self.body_end

    @cached_property
    def pages(self) -> int:
        return max(self.page_of, default=0) + 1

    def block_of(self, i: int) -> list[int]:
        """The units of the block (lines between blank lines) that unit `i` is in."""
        block = self.units[i].block
        j = i
        while j > 0 and self.units[j - 1].block == block:
            j -= 1
        k = i
        while k + 1 < len(self.units) and self.units[k + 1].block == block:
            k += 1
        return list(range(j, k + 1))


@lru_cache(maxsize=32)
def phrases(name: str) -> PhraseList:
    """A family's phrase file under models/noise/, loaded once."""
    return PhraseList.load(NOISE_DIR / name)


class Family:
    """One kind of noise. Subclasses set `name` and override `decide` (and `trim`)."""

    name: ClassVar[str] = ""
    doc: ClassVar[str] = ""  # one line: what the family removes

    def decide(self, page: Page) -> list[int]:
        return []

    def trim(self, page: Page, i: int) -> list[tuple[int, int]]:
        """Spans (offsets into the first-pass text) to cut inside kept unit `i`."""
        return []


class MarkingFamily(Family):
    """A family written as a function that marks verdicts in a dict (unit -> rule),
    as kzx/clean/noise.py's were: `mark` runs it on a copy, `decide` returns what it added."""

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        raise NotImplementedError

    def decide(self, page: Page) -> list[int]:
        removed = dict(page.removed)
        self.mark(page, removed)
        return [i for i in removed if i not in page.removed]
