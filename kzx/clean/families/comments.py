"""noise.comments: a reader-comment section and comment-form lines. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import Removed, alive, is_title_like
from kzx.clean.rules import Rules
from kzx.clean.units import Unit

LINE_MAX, PREFIX_MAX = 80, 400  # lengths that bound a comment-form line

_COMMENTER = re.compile(
    r"[0-9]{1,3}[.)]\s?\S.{0,40}"  # "1. Mu'tazz"
    r"|.{1,40}\b(?:says|said|wrote|writes|replied):?"  # "Mac Adhaimh says:"
    r"|[A-Z][a-z]{2,8}\.? [0-9]{1,2}, [0-9]{4}(?: at [0-9]{1,2}:[0-9]{2}(?: ?[apAP][mM])?)?"
)


def find_comments(units: list[Unit], rules: Rules, removed: Removed, separators: set[int]) -> None:
    """A reader-comment section: its heading, numbered commenter names, replies.

    The section runs from a heading such as "Comments:" over short units to
    the next long paragraph; it goes when it holds a commenter line or runs to
    the end of the page. Comment-form lines ("Write a message") go anywhere.
    """
    comments = rules.comments
    for i, unit in alive(units, removed):
        if len(unit) <= LINE_MAX and comments.matches("line", unit.text) or (
            len(unit) <= PREFIX_MAX and comments.matches("prefix", unit.text)
        ):
            removed[i] = "noise.comments"
    i = 0
    while i < len(units):
        if i in removed or len(units[i]) > 40 or not comments.matches("start-line", units[i].text):
            i += 1
            continue
        run, j = [], i + 1
        while j < len(units) and j not in separators and (j in removed or len(units[j]) <= 500):
            if j not in removed:
                if rules.related.matches("line", units[j].text):
                    break
                run.append(j)
            j += 1
        if j < len(units) and run and is_title_like(units[run[-1]].text):
            run.pop()  # the title of the article that follows
        tail = all(k in removed for k in range(j, len(units)))
        evidence = any(_COMMENTER.fullmatch(units[k].text) for k in run[:8])
        if run and (evidence or tail):
            for k in [i, *run]:
                removed[k] = "noise.comments"
        i = j if run else i + 1


@dataclass
class Comments(MarkingFamily):
    name = "noise.comments"
    doc = "reader comments, their authors and the comment form"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_comments(page.units, page.rules, removed, page.separators)
