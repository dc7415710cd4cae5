"""Penalties stated with a decision: kind, ISO 8601 duration, or amount of money.

The kinds and their cue words are data (models/patterns/penalty_kinds.jsonl);
this module finds the cues in the stretch of a sentence that belongs to one
decision, attaches the duration written next to each cue ("five years of
probation", "a three-year ban", "imprisonment for four years") and links fines
and damages to the money mentions the money extractor found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from kzx.extract.lexicon import compile_pattern, load_rows
from kzx.records import MoneyMention, Penalty

WITH_PENALTIES = {"convicted", "sentenced", "fined", "suit_upheld", "sentence_reduced"}

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4)}

_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?"
    r"|(?:" + "|".join(_TENS) + r")(?:[ -](?:" + "|".join(list(_UNITS)[:9]) + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|an?)"
)
_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
_HALF = r"(?:\s?[½¼¾]|[ -]and[ -]a[ -]half)"
# One linear pattern: NUMBER [½ | and a half] UNIT [and a half] [[,] [and] NUMBER UNIT]
# e.g. "seven and a half years", "7 ½ years", "four years and eight months",
# "a three-year", "a year and a half", "18 months". "half a year" is separate.
DURATION = re.compile(
    r"\b(?:half[ -]a[ -]year|half[ -]year"
    rf"|{_NUMBER}{_HALF}?[ -]{_UNIT}(?:[ -]and[ -]a[ -]half)?"
    rf"(?:,?\s(?:and\s)?{_NUMBER}[ -](?:months?|weeks?|days?))?)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[½¼¾]|[a-z]+", re.IGNORECASE)


def _number(words: list[str], i: int) -> tuple[Fraction | None, int]:
    """The number starting at words[i] and the index after it."""
    word = words[i].lower()
    if word[0].isdigit():
        return Fraction(word.replace(",", ".")), i + 1
    if word in ("a", "an"):
        return Fraction(1), i + 1
    if word in _TENS:
        value = _TENS[word]
        if i + 1 < len(words) and words[i + 1].lower() in list(_UNITS)[:9]:
            return Fraction(value + _UNITS[words[i + 1].lower()]), i + 2
        return Fraction(value), i + 1
    if word in _UNITS:
        return Fraction(_UNITS[word]), i + 1
    return None, i


def _half_after(words: list[str], i: int) -> tuple[Fraction, int]:
    """A fraction written after a number or unit: '½' or 'and a half'."""
    if i < len(words) and words[i] in _FRACTIONS:
        return _FRACTIONS[words[i]], i + 1
    if words[i : i + 3] == ["and", "a", "half"]:
        return Fraction(1, 2), i + 3
    return Fraction(0), i


def parse_duration(text: str) -> str | None:
    """ISO 8601 duration of a written period; None when `text` holds none.

    >>> parse_duration("five years"), parse_duration("seven and a half years")
    ('P5Y', 'P7Y6M')
    >>> parse_duration("7 ½ years"), parse_duration("four years and eight months")
    ('P7Y6M', 'P4Y8M')
    >>> parse_duration("18 months"), parse_duration("a three-year"), parse_duration("six months")
    ('P1Y6M', 'P3Y', 'P6M')
    >>> parse_duration("a year and a half"), parse_duration("15 days"), parse_duration("two weeks")
    ('P1Y6M', 'P15D', 'P2W')
    >>> parse_duration("twenty-five years"), parse_duration("1.5 years"), parse_duration("half a year")
    ('P25Y', 'P1Y6M', 'P6M')
    >>> parse_duration("several years") is None
    True
    """
    words = [w.lower() if w not in _FRACTIONS else w for w in _TOKEN.findall(text)]
    if words[:3] == ["half", "a", "year"] or words[:2] == ["half", "year"]:
        return "P6M"
    months = Fraction(0)
    days = Fraction(0)
    weeks = Fraction(0)
    i = 0
    found = False
    while i < len(words):
        value, j = _number(words, i)
        if value is None:
            i += 1
            continue
        extra, j = _half_after(words, j)
        if j >= len(words):
            break
        unit = words[j].rstrip("s")
        if unit in ("year", "yr"):
            trailing, j = _half_after(words, j + 1)
            months += (value + extra + trailing) * 12
        elif unit == "month":
            trailing, j = _half_after(words, j + 1)
            months += value + extra + trailing
        elif unit == "week":
            weeks += value + extra
            j += 1
        elif unit == "day":
            days += value + extra
            j += 1
        else:
            i = j
            continue
        found = True
        i = j
    if not found:
        return None
    return _iso(months, weeks, days)


def _iso(months: Fraction, weeks: Fraction, days: Fraction) -> str:
    whole_months = int(months)
    days += (months - whole_months) * 30
    years, months_left = divmod(whole_months, 12)
    parts = "".join(
        f"{int(n)}{unit}"
        for n, unit in ((years, "Y"), (months_left, "M"), (weeks, "W"), (round(days), "D"))
        if n
    )
    return "P" + (parts or "0D")


@dataclass(frozen=True)
class PenaltyKind:
    kind: str
    pattern: re.Pattern[str]
    measure: str  # "duration", "amount" or "none"


@cache
def penalty_kinds() -> tuple[PenaltyKind, ...]:
    return tuple(
        PenaltyKind(row["kind"], compile_pattern(row["pattern"]), row.get("measure", "none"))
        for row in load_rows("penalty_kinds.jsonl")
    )


@cache
def _limit_cues() -> re.Pattern[str]:
    """Words that turn what follows into a maximum or a demand, not a penalty imposed."""
    rows = [r for r in load_rows("outcome_blockers.jsonl") if r.get("applies") in ("penalties", "both")]
    return compile_pattern("|".join(f"(?:{r['pattern']})" for r in rows))


_BEFORE_GAP = re.compile(r"^[\s’'s-]*(?:(?:of|in|in a|in an|on|under|at)\s*)?[“\"'‘]?$", re.IGNORECASE)
_AFTER_GAP = re.compile(r"^[^,.;:()\d]{0,80}\b(?:for|of|to)\s+$", re.IGNORECASE)
# "the equivalent of one month's average salary": a duration that measures money.
_WAGE_MEASURE = re.compile(r"^[’']s?\s(?:average\s|minimum\s)?(?:salary|salaries|wages?|pay|income|pension)\b",
                           re.IGNORECASE)
_BARE_LEAD = re.compile(r"\b(?:to|for|of|with|get|got|given|handed|receive[sd]?|serve[sd]?|a|an)\s+(?:a\s+|an\s+)?$",
                        re.IGNORECASE)
_SUSPENDED_AFTER = re.compile(r"^\s*,?\s*(?:suspended|conditional(?:ly)?|on probation)\b", re.IGNORECASE)
_ADMINISTRATIVE = re.compile(r"\badministrative(?:ly)?\b", re.IGNORECASE)


def limited_from(text: str) -> int:
    """Offset in `text` from which amounts are maxima or demands ("up to", "asked for").

    >>> limited_from("imprisonment for up to 10 years")
    17
    >>> limited_from("five years of probation") == len("five years of probation")
    True
    """
    match = _limit_cues().search(text)
    return match.start() if match else len(text)


def find_penalties(
    text: str,
    start: int,
    end: int,
    money: Sequence[MoneyMention],
    verdict: str,
    administrative: bool = False,
    skip: tuple[int, int] | None = None,
) -> list[Penalty]:
    """Penalties written in text[start:end], the stretch of one decision.

    `verdict` decides what unexplained money means (a fine for `fined`, damages
    for `suit_upheld`); `administrative` turns fines into administrative fines;
    `skip` is a stretch to ignore, the charge ("for refusing to pay fines").
    """
    scope = text[start:end]
    if skip is not None and skip[0] < end and start < skip[1]:
        a, b = max(skip[0], start) - start, min(skip[1], end) - start
        scope = scope[:a] + " " * (b - a) + scope[b:]
        money = [m for m in money if not (skip[0] <= m.start < skip[1])]
    stop = limited_from(scope)
    if stop < len(scope):
        # "fines of up to 12.96 million tenge": a cue right before the limit names a maximum.
        scope = _drop_last_cue(scope[:stop])
    administrative = administrative or bool(_ADMINISTRATIVE.search(scope))
    cues = _cues(scope)
    durations = [(m.start(), m.end(), parse_duration(m.group())) for m in DURATION.finditer(scope)]
    durations = [d for d in durations if d[2]]
    amounts = sorted(  # a mention may run past the scope: "KZT 20 million (approx. US$136,000)"
        (m for m in money if start <= m.start < start + len(scope)),
        key=lambda m: m.start,
    )
    used_durations: set[int] = set()
    used_money: set[int] = set()
    penalties: list[Penalty] = []
    for cue_start, cue_end, kind in cues:
        if kind.measure == "duration":
            index = _duration_for(scope, cue_start, cue_end, durations, used_durations)
            duration = None
            if index is not None:
                used_durations.add(index)
                duration = durations[index][2]
            name = kind.kind
            if name == "prison" and _SUSPENDED_AFTER.match(scope[cue_end : cue_end + 20]):
                name = "probation"
            penalties.append(Penalty(kind=name, duration=duration))
        elif kind.measure == "amount":
            mention = _money_for(start + cue_start, start + cue_end, amounts, used_money)
            name = kind.kind
            if name == "fine" and administrative:
                name = "administrative_fine"
            if mention is None:
                penalties.append(Penalty(kind=name))
            else:
                penalties.append(Penalty(kind=name, amount=mention.amount, currency=mention.currency))
        else:
            penalties.append(Penalty(kind=kind.kind))
    for index, (d_start, d_end, iso) in enumerate(durations):
        if index in used_durations or not _BARE_LEAD.search(scope[max(0, d_start - 20) : d_start]):
            continue
        if _WAGE_MEASURE.match(scope[d_end : d_end + 30]):
            continue
        after = scope[d_end : d_end + 20]
        kind = "probation" if _SUSPENDED_AFTER.match(after) else "prison"
        penalties.append(Penalty(kind=kind, duration=iso))
    leftover = [m for m in amounts if _mention_id(m) not in used_money]
    if verdict in ("fined", "suit_upheld") and leftover:
        name = "damages" if verdict == "suit_upheld" else (
            "administrative_fine" if administrative else "fine")
        if not any(p.kind == name and p.amount is not None for p in penalties):
            mention = _preferred(leftover)
            penalties = [p for p in penalties if not (p.kind == name and p.amount is None)]
            penalties.append(Penalty(kind=name, amount=mention.amount, currency=mention.currency))
    return dedupe(penalties)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def penalties_respectively(text: str, start: int, end: int, count: int) -> list[list[Penalty]] | None:
    """One penalty per party when a sentence gives them "respectively".

    >>> s = "sentenced X and Y to seven years and two years of probation respectively"
    >>> [[p.duration for p in ps] for ps in penalties_respectively(s, 0, len(s), 2)]
    [['P7Y'], ['P2Y']]
    >>> [[p.kind for p in ps] for ps in penalties_respectively(s, 0, len(s), 2)]
    [['prison'], ['probation']]
    """
    scope = text[start:end]
    if count < 2 or not _RESPECTIVELY.search(scope):
        return None
    scope = scope[: limited_from(scope)]
    durations = [m for m in DURATION.finditer(scope) if parse_duration(m.group())]
    if len(durations) != count:
        return None
    cues = [c for c in _cues(scope) if c[2].measure == "duration"]
    # "suspended sentences of two years and one year respectively": one cue before them all.
    shared = "prison"
    for _, cue_end, cue in cues:
        if cue_end <= durations[0].start() and _AFTER_GAP.match(scope[cue_end : durations[0].start()]):
            shared = cue.kind
    result = []
    for match in durations:
        kind = shared
        for cue_start, _, cue in cues:
            if cue_start >= match.end() and _BEFORE_GAP.match(scope[match.end() : cue_start]):
                kind = cue.kind
                break
        result.append([Penalty(kind=kind, duration=parse_duration(match.group()))])
    return result


def _drop_last_cue(scope: str) -> str:
    """`scope` without a cue that ends within a few words of its end."""
    cues = _cues(scope)
    if cues and len(scope) - cues[-1][1] <= 12:
        return scope[: cues[-1][0]]
    return scope


def _cues(scope: str) -> list[tuple[int, int, PenaltyKind]]:
    """Non-overlapping cue matches; on overlap the kind listed first in the data wins."""
    taken: list[tuple[int, int, PenaltyKind]] = []
    for kind in penalty_kinds():
        for match in kind.pattern.finditer(scope):
            a, b = match.span()
            if a == b or any(a < tb and ta < b for ta, tb, _ in taken):
                continue
            taken.append((a, b, kind))
    return sorted(taken, key=lambda t: t[0])


def _duration_for(scope, cue_start, cue_end, durations, used) -> int | None:
    """The duration written just before the cue, else just after it."""
    best = None
    for index, (d_start, d_end, _) in enumerate(durations):
        if index in used:
            continue
        if d_end <= cue_start and cue_start - d_end <= 12 and _BEFORE_GAP.match(scope[d_end:cue_start]):
            best = index
        elif d_start >= cue_end and best is None and _AFTER_GAP.match(scope[cue_end:d_start]):
            return index
    return best


def _mention_id(mention: MoneyMention) -> int:
    return -1 - mention.start


def _money_for(cue_start, cue_end, amounts, used) -> MoneyMention | None:
    """The money mention nearest a fine or damages cue: after it within 60
    characters ("fine of 113,450 tenge"), or before it within 40 ("50.2 million
    tenge ... in damages")."""
    best, best_distance = None, None
    for mention in amounts:
        key = _mention_id(mention)
        if key in used:
            continue
        if mention.start >= cue_start:
            distance = mention.start - cue_end
            if distance > 60:
                continue
        else:
            distance = cue_start - mention.end
            if distance > 40 or distance < 0:
                continue
        if best_distance is None or distance < best_distance:
            best, best_distance = mention, distance
    if best is not None:
        used.add(_mention_id(best))
        # "100 MCI (245,000 tenge)": two mentions of one amount; prefer the currency one.
        follow = [m for m in amounts if 0 <= m.start - best.end <= 4 and m.currency == best.currency]
        if best.mci is not None and follow:
            used.add(_mention_id(follow[0]))
            return follow[0]
    return best


def _preferred(mentions: Sequence[MoneyMention]) -> MoneyMention:
    plain = [m for m in mentions if m.mci is None]
    return (plain or list(mentions))[0]


def dedupe(penalties: Sequence[Penalty]) -> list[Penalty]:
    """Penalties without repeats; a kind without a measure is dropped when the
    same kind is also given with one.

    >>> dedupe([Penalty(kind="prison"), Penalty(kind="prison", duration="P5Y")])
    [Penalty(kind='prison', duration='P5Y', amount=None, currency=None)]
    """
    measured = {p.kind for p in penalties if p.duration or p.amount is not None}
    seen: set[tuple] = set()
    result = []
    for p in penalties:
        if not (p.duration or p.amount is not None) and p.kind in measured:
            continue
        key = (p.kind, p.duration, p.amount, p.currency)
        if key not in seen:
            seen.add(key)
            result.append(p)
    return result


def merge(first: Sequence[Penalty], second: Sequence[Penalty]) -> list[Penalty]:
    return dedupe([*first, *second])


def fill_penalties(ctx, candidate, start: int, end: int, administrative: bool,
                   charge_span: tuple[int, int] | None) -> list[Penalty]:
    """The penalties of `candidate` stated in text[start:end], with the one its row implies."""
    if candidate.verdict not in WITH_PENALTIES:
        return []
    if candidate.verdict == "sentence_reduced":
        start = max(start, candidate.stop)
        found = find_penalties(ctx.text, start, max(start, end), ctx.money, candidate.verdict,
                               skip=charge_span)
        return [p for p in found if p.duration or p.amount is not None]
    found = find_penalties(ctx.text, start, end, ctx.money, candidate.verdict, administrative,
                           skip=charge_span)
    implied = candidate.spec.penalty
    if implied and not any(p.kind == implied for p in found):
        found.append(Penalty(kind=implied))
    return dedupe(found)
