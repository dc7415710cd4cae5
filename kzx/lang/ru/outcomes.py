"""Court outcomes stated in Russian, as the same `Outcome` records as the English engine.

One sentence at a time: a decision trigger (models/patterns/ru_outcomes.jsonl)
names the verdict; the person is the named PERSON the trigger's voice points
to (active "суд приговорил Ивана Петрова": the first person after it; passive
"Петров осуждён", "задержан журналист Петров": the nearest before, else the
first after); penalties are read from the words after the trigger (durations
in digits or Russian number words in any case, "к семи годам лишения свободы",
"на 15 суток", "условный срок"), fines from the money mentions after it; the
charge is the article of the Criminal Code ("по статье 174 УК РК" -> "Article 174");
the court is a court phrase of the sentence; the date the sentence's date.

Rules were built from sentences written for the tests in the style of Russian
court news: no real Russian court text was at hand (see docs/russian.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from kzx.extract.lexicon import compile_pattern, load_rows
from kzx.records import DateMention, Entity, Evidence, Outcome, Penalty

TRIGGER_REACH = 200  # characters after a trigger that its penalties and person may stand in


@dataclass(frozen=True)
class _Trigger:
    verdict: str
    voice: str
    pattern: re.Pattern[str]
    penalty: str | None


@dataclass(frozen=True)
class _Lexicon:
    triggers: tuple[_Trigger, ...]
    negations: tuple[re.Pattern[str], ...]
    penalties: tuple[tuple[str, re.Pattern[str]], ...]
    charges: tuple[re.Pattern[str], ...]
    courts: tuple[re.Pattern[str], ...]
    court_adjective: re.Pattern[str]
    court_tail: re.Pattern[str]
    numbers: dict[str, Fraction]
    units: dict[str, str]
    duration: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    rows = load_rows("ru_outcomes.jsonl")
    by_type: dict[str, list[dict]] = {}
    for row in rows:
        by_type.setdefault(row["type"], []).append(row)
    numbers: dict[str, Fraction] = {}
    units: dict[str, str] = {}
    for row in load_rows("ru_numbers.jsonl"):
        value = row["value"]
        for form in row["forms"]:
            if isinstance(value, str) and value.startswith("unit:"):
                units[form] = value[5:]
            else:
                numbers[form] = Fraction(str(value))
    number = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    amount = rf"(?:\d{{1,3}}(?:[.,]\d)?|{number})"
    duration = re.compile(
        rf"(?<![\w-])(?P<n1>{amount})\s+(?P<u1>{unit})(?![\w-])"
        rf"(?:\s+(?:и\s+)?(?P<n2>{amount})\s+(?P<u2>{unit})(?![\w-]))?",
        re.IGNORECASE,
    )
    return _Lexicon(
        triggers=tuple(
            _Trigger(r["verdict"], r["voice"], compile_pattern(r["pattern"]), r.get("penalty"))
            for r in by_type.get("trigger", [])
        ),
        negations=tuple(compile_pattern(r["pattern"]) for r in by_type.get("negation", [])),
        penalties=tuple((r["kind"], compile_pattern(r["pattern"])) for r in by_type.get("penalty", [])),
        charges=tuple(compile_pattern(r["pattern"], 0) for r in by_type.get("charge", [])),
        courts=tuple(compile_pattern(r["pattern"]) for r in by_type.get("court", [])),
        court_adjective=compile_pattern(by_type["court_adjective"][0]["pattern"], 0),
        court_tail=compile_pattern(by_type["court_tail"][0]["pattern"], 0),
        numbers=numbers,
        units=units,
        duration=duration,
    )


def parse_duration(text: str) -> str | None:
    """ISO 8601 duration of the first Russian duration in `text`.

    >>> parse_duration("к семи годам лишения свободы"), parse_duration("на 15 суток")
    ('P7Y', 'P15D')
    >>> parse_duration("к 7 годам и 6 месяцам"), parse_duration("к полутора годам")
    ('P7Y6M', 'P1Y6M')
    >>> parse_duration("к трём месяцам"), parse_duration("в тюрьме") is None
    ('P3M', True)
    """
    m = lexicon().duration.search(text)
    return _iso(m) if m else None


def _iso(m: re.Match[str]) -> str | None:
    lex = lexicon()
    months = days = weeks = Fraction(0)
    for n, u in (("n1", "u1"), ("n2", "u2")):
        if not m[n]:
            continue
        word = m[n].lower()
        value = lex.numbers.get(word) or Fraction(word.replace(",", "."))
        unit = lex.units[m[u].lower()]
        if unit == "Y":
            months += value * 12
        elif unit == "M":
            months += value
        elif unit == "W":
            weeks += value
        else:
            days += value
    out = "P"
    years, rest = divmod(months, 12)
    if years:
        out += f"{int(years)}Y"
    if rest:
        if rest.denominator != 1:
            return None
        out += f"{int(rest)}M"
    if weeks and weeks.denominator == 1:
        out += f"{int(weeks)}W"
    if days and days.denominator == 1:
        out += f"{int(days)}D"
    return out if out != "P" else None


def find_russian_outcomes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
    money: Sequence = (),
) -> list[Outcome]:
    """The outcomes stated in the Russian `sentences` of `text`, in text order."""
    if not sentences:
        return []
    lex = lexicon()
    persons = sorted((e for e in entities if e.label == "PERSON"), key=lambda e: e.start)
    outcomes: list[Outcome] = []
    for start, end in sentences:
        sentence = text[start:end]
        if not any(t.pattern.search(sentence) for t in lex.triggers):
            continue
        inside = [p for p in persons if start <= p.start and p.end <= end]
        hits = sorted(
            ((m.start() + start, m.end() + start, t) for t in lex.triggers for m in t.pattern.finditer(sentence)),
            key=lambda h: h[0],
        )
        seen: set[tuple[str, str]] = set()
        for t_start, t_end, trigger in hits:
            if any(n.search(text, max(start, t_start - 30), t_start) for n in lex.negations):
                continue
            person = _person(text, trigger, t_start, t_end, inside)
            if person is None:
                continue
            name = person.canonical or person.text
            if (name, trigger.verdict) in seen:
                continue
            seen.add((name, trigger.verdict))
            after = text[t_end : min(end, t_end + TRIGGER_REACH)]
            outcomes.append(Outcome(
                person=name,
                court=_court(sentence),
                date=_date(dates, start, end),
                verdict=trigger.verdict,  # type: ignore[arg-type]
                charges=_charges(sentence),
                penalties=_penalties(trigger, after, [m for m in money if t_end <= m.start < end]),
                evidence=Evidence(text=sentence, start=start, end=end),
            ))
    return outcomes


def _person(text: str, trigger: _Trigger, t_start: int, t_end: int, inside: list[Entity]) -> Entity | None:
    after = [p for p in inside if p.start >= t_end]
    before = [p for p in inside if p.end <= t_start]
    if trigger.voice in ("active", "plaintiff"):
        return after[0] if after else None
    if trigger.voice == "defendant":  # "удовлетворил иск X к Y": the one after "к"
        for p in after:
            if re.search(r"(?<!\w)к\s+(?:\w+\s+){0,2}$", text[t_end : p.start]):
                return p
        return None
    # passive: "Петров осуждён ...", or "задержан журналист Петров"
    if before and not re.search(r"[,;:]\s*(?:а|но|и)?\s*$", text[before[-1].end : t_start]):
        return before[-1]
    if after and after[0].start - t_end <= 40:
        return after[0]
    return before[-1] if before else None


def _court(sentence: str) -> str | None:
    """The first court the sentence names: the word "суд" with the adjectives before it
    and the district or city after it.

    >>> _court("Вчера Медеуский районный суд Алматы вынес приговор")
    'Медеуский районный суд'
    >>> _court("Суд Алмалинского района Алматы арестовал его"), _court("Он подал в суд.")
    ('Суд Алмалинского района', None)
    """
    lex = lexicon()
    for pattern in lex.courts:
        for m in pattern.finditer(sentence):
            start = m.start()
            words = sentence[: m.start()].split(" ")
            for word in reversed(words[-5:-1] if words and words[-1] == "" else []):
                if not lex.court_adjective.match(word):
                    break
                start -= len(word) + 1
            tail = lex.court_tail.match(sentence, m.end())
            end = tail.end() if tail else m.end()
            if start < m.start() or tail:
                return sentence[start:end]
    return None


def _date(dates: Sequence[DateMention], start: int, end: int) -> str | None:
    inside = [d for d in dates if start <= d.start < end and d.granularity == "day"]
    return inside[0].value if inside else None


def _charges(sentence: str) -> list[str]:
    """The articles of the Criminal Code the sentence names.

    >>> _charges("осуждён по части 2 статьи 174 УК РК и по статье 405 УК РК")
    ['Article 174 part 2', 'Article 405']
    """
    found: list[tuple[int, int, str]] = []
    for pattern in lexicon().charges:
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            label = f"Article {m['article']}" + (f" part {m['part']}" if m["part"] else "")
            found.append((m.start(), m.end(), label))
    return list(dict.fromkeys(label for _, _, label in sorted(found)))


def _penalties(trigger: _Trigger, after: str, money: list) -> list[Penalty]:
    lex = lexicon()
    penalties: list[Penalty] = []
    for m in lex.duration.finditer(after):
        kind = trigger.penalty
        tail = after[m.end() : m.end() + 60]
        for name, pattern in lex.penalties:
            hit = pattern.search(tail) or (name == "probation" and pattern.search(after))
            if hit and name not in ("fine", "administrative_fine"):
                kind = name
                break
        if kind is None and lex.units[m["u1"].lower()] == "D":
            kind = "prison"  # "на 15 суток": administrative arrest
        if kind is not None:
            penalties.append(Penalty(kind=kind, duration=_iso(m)))  # type: ignore[arg-type]
    if not penalties and any(p.search(after) for k, p in lex.penalties if k == "probation"):
        penalties.append(Penalty(kind="probation"))
    if trigger.verdict == "fined" or any(p.search(after) for k, p in lex.penalties if k == "fine"):
        for m in money[:1]:
            kind = "administrative_fine" if re.search(r"административн", after) else "fine"
            penalties.append(Penalty(kind=kind, amount=m.amount, currency=m.currency))  # type: ignore[arg-type]
    return penalties
