"""noise.related: a related-posts widget after the last article. (Moved from kzx/clean/noise.py.)"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from kzx.clean.families.base import MarkingFamily, Page
from kzx.clean.families.shapes import WIDGET_ITEM_MAX, Removed, is_teaser, is_title_like, looks_truncated
from kzx.clean.rules import Rules
from kzx.clean.units import Unit


def find_related(units: list[Unit], rules: Rules, removed: Removed, separators: set[int]) -> None:
    """A related-posts widget: link titles and cut-off teasers after the last article.

    A widget starts after a repeated page title or at a heading like "Related
    posts" and runs over short units (titles, ~150-300-character teasers,
    link lines) up to the next long paragraph. It goes when it has a run of
    three or more link titles and either teasers or the end of the page
    after it, or when, at the end of the page, three or more teasers of which
    two are visibly cut off; after a "Related posts" heading, one link title
    or teaser is enough. Without a trigger, the end of the page is
    judged the same way, from its first run of link titles.
    """
    seq = [i for i in range(len(units)) if i not in removed]
    if not seq:
        return
    words = rules.truncation_words
    triggers: dict[int, bool] = {}  # position in seq -> introduced by a "Related posts" heading
    for r in separators:
        k = bisect_left(seq, r)
        if k < len(seq):
            triggers.setdefault(k, False)
    for k, i in enumerate(seq):
        if len(units[i]) <= 60 and rules.related.matches("line", units[i].text):
            triggers[k] = True
    order = sorted(triggers)
    for n, k in enumerate(order):
        limit = order[n + 1] if n + 1 < len(order) else len(seq)
        j = k
        while j < limit and len(units[seq[j]]) <= WIDGET_ITEM_MAX:
            j += 1
        run = seq[k:j]
        if j < limit and run and is_title_like(units[run[-1]].text, words):
            run.pop()  # the title of the article that follows
        if _is_widget([units[i].text for i in run], words, heading=triggers[k], tail=j == len(seq)):
            for i in run:
                removed[i] = "noise.related"
    # No trigger: the tail of the page, from its first run of link titles.
    start = len(seq)
    while start > 0 and seq[start - 1] not in removed and len(units[seq[start - 1]]) <= WIDGET_ITEM_MAX:
        start -= 1
    tail = [i for i in seq[start:] if i not in removed]
    texts = [units[i].text for i in tail]
    streak_at = _first_streak(texts, words, 3)
    if streak_at is not None:
        block = texts[streak_at:]
        teasers = sum(map(is_teaser, block))
        cut = sum(looks_truncated(t, words) for t in block if is_teaser(t))
        if teasers >= 3 and cut >= 2:
            for i in tail[streak_at:]:
                removed[i] = "noise.related"


def _first_streak(texts: list[str], words: frozenset[str], size: int) -> int | None:
    count = 0
    for k, text in enumerate(texts):
        count = count + 1 if is_title_like(text, words) else 0
        if count >= size:
            return k - size + 1
    return None


def _longest_streak(texts: list[str], words: frozenset[str]) -> int:
    best = count = 0
    for text in texts:
        count = count + 1 if is_title_like(text, words) else 0
        best = max(best, count)
    return best


def _is_widget(texts: list[str], words: frozenset[str], heading: bool, tail: bool) -> bool:
    """
    >>> titles = ["Torture in Kazakhstan", "Emergency Triggered Witch-Hunting", "One answer to all questions"]
    >>> teaser = "x" * 200 + " held for a maximum of."
    >>> _is_widget(titles + [teaser, teaser], frozenset({"of"}), heading=False, tail=False)
    True
    >>> _is_widget(["Human Rights Reform"], frozenset(), heading=False, tail=True)
    False
    """
    body = texts[1:] if heading else texts
    if not body:
        return False
    streak = _longest_streak(body, words)
    teasers = sum(map(is_teaser, body))
    cut = sum(looks_truncated(t, words) for t in body if is_teaser(t))
    if streak >= 3 and (teasers >= 2 or tail):
        return True
    if tail and teasers >= 3 and cut >= 2:
        return True
    return heading and (streak >= 1 or teasers >= 1)


@dataclass
class Related(MarkingFamily):
    name = "noise.related"
    doc = "related-posts widgets: link titles and cut-off teasers"

    def mark(self, page: Page, removed: dict[int, str]) -> None:
        find_related(page.units, page.rules, removed, page.separators)
