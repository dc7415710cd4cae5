"""Deciding bodies named in a sentence: "the Medeu district court in Almaty", "Uralsk police".

Heads ("court", "police", "KNB", ...) and the lowercase words allowed before them
are data (models/patterns/courts.jsonl). A mention grows left over those words and
capitalised words ("Taraz City Court"), and right over a number ("Number 2") and
one place phrase ("in Almaty", "of the city of Pavlodar", "outside of Almaty").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kzx.extract.lexicon import compile_pattern, load_rows, pattern_words
from kzx.extract.outcomes.layout import spans_within
from kzx.extract.outcomes.limits import LIMITS

if TYPE_CHECKING:
    from kzx.extract.outcomes.triggers import Candidate


@dataclass(frozen=True)
class CourtMention:
    start: int
    end: int
    name: str  # as written, without a leading article
    kind: str  # court, police, prosecutor, security, agency
    generic: bool  # a bare "the court": refers back to the last named court


@dataclass(frozen=True)
class _Heads:
    pattern: re.Pattern[str]
    kinds: tuple[tuple[str, bool], ...]  # (kind, generic) per alternation group
    modifiers: frozenset[str]
    stops: frozenset[str]


@cache
def _heads() -> _Heads:
    rows = load_rows("courts.jsonl")
    heads = [r for r in rows if r["type"] == "head"]
    pattern = "|".join(f"(?P<h{i}>{r['pattern']})" for i, r in enumerate(heads))
    modifiers = {w for r in rows if r["type"] == "modifier" for w in r["words"]}
    stops = {w for r in rows if r["type"] == "stop" for w in r["words"]}
    return _Heads(
        compile_pattern(pattern),
        tuple((r["kind"], bool(r.get("generic"))) for r in heads),
        frozenset(modifiers),
        frozenset(stops),
    )


MAX_NAME_WORDS = 12  # "Oral Specialised Inter-District Administrative Court" and longer
_WORD_BEFORE = re.compile(r"([\w.’'-]+)(\s+)$")
_NUMBER_AFTER = re.compile(r"^\s(?:Number|No\.?|#)\s?\d+\b")
_PLACE_AFTER = re.compile(
    r"^\s(?:in|of|outside(?:\sof)?|near)\s(?:the\s(?:city|town|village|region|district)\sof\s)?"
    r"(?:the\s)?([A-Z][\w’'-]*)(?:\s([A-Z][\w’'-]*))?(?:\s([A-Z][\w’'-]*))?"
)
_NOT_PLACES = {"The", "Kazakhstan", "Justice", "Appeals", "Appeal"}


def court_words() -> frozenset[str] | None:
    """Words one of which every court mention holds (a prefilter: see `lexicon.spans_holding`)."""
    return pattern_words(_heads().pattern)


def find_courts(text: str, start: int, end: int, blocked: Sequence[tuple[int, int]] = ()) -> list[CourtMention]:
    """Court and authority mentions in text[start:end].

    `blocked` spans (dates), sorted by start, stop the leftward growth: "In July Uralsk police".

    >>> s = "On September 7, the Medeu district court in Almaty found him guilty."
    >>> [c.name for c in find_courts(s, 0, len(s))]
    ['Medeu district court in Almaty']
    >>> s = "Taraz City Court Number 2 had previously convicted him; the court of the city of Pavlodar."
    >>> [(c.name, c.generic) for c in find_courts(s, 0, len(s))]
    [('Taraz City Court Number 2', False), ('court of the city of Pavlodar', False)]
    >>> s = "The court sentenced Gabdullin."
    >>> [(c.name, c.generic) for c in find_courts(s, 0, len(s))]
    [('court', True)]
    """
    heads = _heads()
    found: list[CourtMention] = []
    last_end = start
    for match in heads.pattern.finditer(text, start, end):
        if match.start() < last_end:
            continue
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        kind, generic_head = heads.kinds[index]
        floor = max(start, last_end)
        left = _grow_left(text, floor, match.start(), heads, spans_within(blocked, floor, match.start()))
        right, grew_right = _grow_right(text, match.end(), end)
        # "the Supreme Court" or "Taraz City Court": capitalised heads name a court.
        named = left < match.start() or grew_right or match.group()[0].isupper()
        name = text[left:right]
        found.append(CourtMention(left, right, name, kind, generic_head and not named))
        last_end = right
    return found


def _grow_left(text, floor, position, heads: _Heads, blocked) -> int:
    """Start of the words before a head that belong to the court's name (at most a
    few words: each step looks back 40 characters and the name stops at a lowercase
    word that is no modifier)."""
    left = position
    steps = 0
    while left > floor and steps < MAX_NAME_WORDS:
        steps += 1
        match = _WORD_BEFORE.search(text, max(floor, left - 40), left)
        if not match or match.end() != left:
            break
        word = match.group(1)
        bare = word.rstrip(".")
        if any(a < match.end(1) and match.start(1) < b for a, b in blocked):
            break
        if bare in heads.stops:
            break
        if bare.lower() in heads.modifiers or (bare[:1].isupper() and not bare.isupper()) or (
            bare.isupper() and len(bare) > 1 and bare.isalpha()
        ):
            left = match.start(1)
            continue
        break
    return left


def _grow_right(text, position, end) -> tuple[int, bool]:
    right = position
    grew = False
    number = _NUMBER_AFTER.match(text[right : min(end, right + 20)])
    if number:
        right += number.end()
        grew = True
    place = _PLACE_AFTER.match(text[right : min(end, right + 120)])
    if place and place.group(1) not in _NOT_PLACES:
        last = max(i for i in (1, 2, 3) if place.group(i))
        if place.group(last).endswith(("'s", "’s")):  # "court in Kazakhstan's largest city"
            return right, grew
        # Stop before a capitalised word that starts the next clause ("in Almaty Judge X").
        right += place.end(last)
        grew = True
    return right, grew


_RELATIVE = re.compile(r",\s(?:who|which|whose)\b", re.IGNORECASE)


def court_before(courts: Sequence[CourtMention], position: int, floor: int, text: str = "") -> CourtMention | None:
    """The court mention nearest before `position`, not before `floor` nor before a
    relative clause the position stands in ("Police detained X, who was sentenced")."""
    if text:
        for match in _RELATIVE.finditer(text, floor, position):
            floor = match.end()
    best = None
    for court in courts:
        if floor <= court.start and court.end <= position:
            best = court
    return best


def court_after_by(text: str, courts: Sequence[CourtMention], position: int, limit: int) -> CourtMention | None:
    """A court named after a passive verb: "was detained by police"."""
    for court in courts:
        if position <= court.start <= min(limit, position + 80):
            words = text[position : court.start].split()
            # "by police", "by the Almaty city court": "by" within the last four words.
            if "by" in [w.lower() for w in words[-4:]]:
                return court
    return None


_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|another|one)\s$", re.IGNORECASE)
_COURT_WORD = re.compile(r"\b(?:the\scourt|the\sjudge|judge)\b", re.IGNORECASE)


def fill_court(ctx, courts, candidate: Candidate, clause, sentence) -> str | None:
    """The deciding body: a court before the trigger in its clause, "by" a court after it,
    one earlier in the sentence; "the court" points back to the last named one."""
    court = (court_before(courts, candidate.start, clause[0], ctx.text)
             or court_after_by(ctx.text, courts, candidate.stop, clause[1])
             or court_before(courts, candidate.start, sentence[0], ctx.text))
    if court is not None and not court.generic:
        return court.name
    if court is not None and _INDEFINITE_BEFORE.search(ctx.text, max(0, court.start - 10), court.start):
        return None  # "a court placed him under house arrest": no court named before
    if court is not None or _COURT_WORD.search(ctx.text, sentence[0], sentence[1]):
        named = last_named_court(ctx, candidate.start, candidate.parties)
        return named.name if named else None
    return None


def last_named_court(ctx, position: int, parties=()) -> CourtMention | None:
    """The court "the court" at `position` points back to: the last court named before
    it in its article, where named in the same paragraph or in one that speaks of the
    decision's party ("The Pavlodar court heard Semenova's case ... the court ruled"),
    not a court named for someone else's case."""
    i = bisect.bisect_right(ctx.named_court_ends, position) - 1
    if i < 0 or ctx.named_courts[i].start < ctx.discourse.article_start:
        return None
    court = ctx.named_courts[i]
    paragraph = ctx.layout.paragraph(court.start)
    if paragraph == ctx.layout.paragraph(position) or not parties:
        return court
    low = max(ctx.layout.paragraph_starts[paragraph], court.start - LIMITS.court_story)
    high = ctx.layout.paragraph_starts[paragraph + 1] if paragraph + 1 < len(ctx.layout.paragraph_starts) \
        else len(ctx.text)
    high = min(high, court.end + LIMITS.court_story)
    told = {m.party for m in ctx.index.mentions_in(low, high)} | ctx.decided.get(paragraph, set())
    return court if any(party in told for party in parties) else None
