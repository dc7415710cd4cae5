"""The date slot: the date a decision was taken, from the date mentions of its clause.

The nearest date mention in the decision's clause wins unless a scope word
separates them; else "two days later" is counted from the last full date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kzx.extract.outcomes.limits import LIMITS

if TYPE_CHECKING:
    from kzx.extract.outcomes.triggers import Candidate

_DATE_BARRIER = re.compile(
    r"\b(?:after|before|following|since|until|which|who|whom|whose|when|where|because|related|"
    r"while|whereas|prior)\b|;",
    re.IGNORECASE,
)
# After the decision, a new subject starts a clause of its own ("the sentence he was handed in March").
_DATE_AFTER_BARRIER = re.compile(r"\b(?:he|she|they|we)\b", re.IGNORECASE)
_DATE_LEAD_BARRIER = re.compile(
    r"\b(?:after|before|following|since|until|which|who|when|where|because|while|prior\sto)\b",
    re.IGNORECASE,
)
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|his|her|their)\s$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"^\s?[a-z]")
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s(?P<unit>days?|weeks?)"
    r"\s(?P<direction>later|earlier|before)"
    r"|the\s(?P<next>next|following)\sday|(?P<same>the\ssame\sday)|the\s(?P<previous>day\sbefore|previous\sday))\b",
    re.IGNORECASE,
)


def fill_date(ctx, candidate: Candidate, clause, others: Sequence[int]) -> str | None:
    """The date of the decision: the nearest date mention in its clause that is not
    inside a phrase of its own ("after a strike put down in December 2011",
    "a July 26 accident") nor past another decision of the sentence ("sentenced
    ... and released on June 21"); else "two days later" counted from the last date."""
    text = ctx.text
    lo = bisect.bisect_left(ctx.date_starts, max(clause[0], candidate.start - LIMITS.date))
    best, best_distance = None, None
    for mention in ctx.dates[lo:]:
        if mention.start >= min(clause[1], candidate.stop + LIMITS.date):
            break
        if mention.end > clause[1]:
            continue
        if _ATTRIBUTIVE_BEFORE.search(text[max(0, mention.start - 6) : mention.start]) and \
                _LOWER_WORD_AFTER.match(text[mention.end : mention.end + 3]):
            continue
        if any(min(mention.end, candidate.stop) <= o < max(mention.start, candidate.start) for o in others):
            continue
        if mention.end <= candidate.start:
            if _DATE_BARRIER.search(text, mention.end, candidate.start):
                continue
            # "After being detained in March 2015, X was sentenced": the date sits in
            # a phrase of its own that a comma closes before the decision.
            if "," in text[mention.end : candidate.start] and \
                    _DATE_LEAD_BARRIER.search(text, clause[0], mention.start):
                continue
            distance = candidate.start - mention.end
        elif mention.start >= candidate.stop or mention.start >= candidate.end:
            if _DATE_BARRIER.search(text, candidate.end, mention.start) or \
                    _DATE_AFTER_BARRIER.search(text, candidate.end, mention.start):
                continue
            distance = mention.start - candidate.stop
        else:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = mention, distance
    if best is not None:
        return best.value
    return relative_date(ctx, candidate, clause)


def relative_date(ctx, candidate: Candidate, clause) -> str | None:
    match = _RELATIVE_DAY.search(ctx.text, clause[0], clause[1])
    if not match:
        return None
    floor = max(ctx.discourse.article_start, clause[0] - LIMITS.relative)
    anchor = None
    for mention in reversed(ctx.dates[: bisect.bisect_left(ctx.date_starts, clause[0])]):
        if mention.start < floor:
            break
        if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", mention.value):
            anchor = mention
            break
    if anchor is None:
        return None
    if match.group("same"):
        days = 0
    elif match.group("next"):
        days = 1
    elif match.group("previous"):
        days = -1
    else:
        n = match.group("n").lower()
        days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        if match.group("unit").lower().startswith("week"):
            days *= 7
        if match.group("direction").lower() != "later":
            days = -days
    return shift_date(anchor.value, days)


def shift_date(value: str, days: int) -> str:
    """A TIMEX3 day moved by `days`; an unknown year stays unknown.

    >>> shift_date("XXXX-06-15", 2), shift_date("2016-12-31", 1), shift_date("XXXX-02-28", 1)
    ('XXXX-06-17', '2017-01-01', 'XXXX-03-01')
    """
    year, month, day = value.split("-")
    known = year != "XXXX"
    moved = date(int(year) if known else 2001, int(month), int(day)) + timedelta(days=days)
    return f"{moved.year if known else 'XXXX'}-{moved.month:02d}-{moved.day:02d}"
