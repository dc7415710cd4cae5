"""Charges written with a decision, as written: "money laundering", "inciting social hatred".

The cues that open a charge, the words that end one and the known charges are data
(models/patterns/charges.jsonl). Dates and the parties' names are masked first
(§ and ¤) so that one cue covers "convicted Uzhanov in September 2011 of ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kzx.extract.lexicon import compile_pattern, load_rows

MAX_CHARGES = 6
MAX_WORDS = 12
MAX_PHRASE = 200


@dataclass(frozen=True)
class _ChargeLexicon:
    cues: tuple[re.Pattern[str], ...]
    stop: re.Pattern[str]
    known: tuple[re.Pattern[str], ...]


@cache
def _lexicon() -> _ChargeLexicon:
    rows = load_rows("charges.jsonl")
    return _ChargeLexicon(
        cues=tuple(compile_pattern(r["pattern"]) for r in rows if r["type"] == "cue"),
        stop=compile_pattern("|".join(f"(?:{r['pattern']})" for r in rows if r["type"] == "stop")),
        known=tuple(compile_pattern(r["pattern"]) for r in rows if r["type"] == "charge"),
    )


_SPLIT = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")
_LEAD = re.compile(r"^(?:allegedly|the\scrimes?\sof|the\soffen[cs]es?\sof|committing|charges\sof)\s", re.I)
_TRAIL = re.compile(r"(?:[\s,.;:“”\"'’]|\s(?:in|on|at|of|for|by|from|since|and|or|the|a|an)\b)+$")


def mask(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> str:
    """text[start:end] with each (a, b, char) span overwritten by `char`, same length.

    >>> mask("guilty on October 8 of arson", 0, 28, [(10, 19, "§")])
    'guilty on §§§§§§§§§ of arson'
    """
    chars = list(text[start:end])
    for a, b, char in spans:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = char
    return "".join(chars)


def find_charges(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]] = ()) -> list[str]:
    """Charges in text[start:end], the stretch of one decision.

    >>> s = "found him guilty of forming an illegal group, inciting social hatred, and calling for the overthrow."
    >>> find_charges(s, 0, len(s))
    ['forming an illegal group', 'inciting social hatred', 'calling for the overthrow']
    >>> s = "on charges of manslaughter and traffic violations related to a July 26 accident"
    >>> find_charges(s, 0, len(s))
    ['manslaughter', 'traffic violations']
    """
    return charges_and_span(text, start, end, spans)[0]


def charges_and_span(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]] = ()
) -> tuple[list[str], tuple[int, int] | None]:
    """Charges in text[start:end] and the stretch of text they were read from.

    >>> s = "sentenced to 48 hours for refusing to pay fines"
    >>> charges, (a, b) = charges_and_span(s, 0, len(s)); charges, s[a:b]
    (['refusing to pay fines'], 'refusing to pay fines')
    """
    lexicon = _lexicon()
    masked = mask(text, start, end, spans)
    cue = None
    for pattern in lexicon.cues:
        match = pattern.search(masked)
        if match and (cue is None or match.start() < cue.start()):
            cue = match
    if cue is None:
        return _known_charges(masked), None
    after_cue = masked[cue.end() :]
    rest = after_cue.lstrip("\"“'‘«")
    stop = lexicon.stop.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    phrase = phrase.split(". ")[0][:MAX_PHRASE]
    phrase_start = start + cue.end() + len(after_cue) - len(rest)
    charges = []
    for item in _SPLIT.split(phrase):
        item = _TRAIL.sub("", _LEAD.sub("", item.strip()))
        if not item or not item[0].isalpha():
            continue
        if len(item.split()) > MAX_WORDS:
            known = _known_charges(item)
            if not known:
                continue
            item = known[0]
        charges.append(item)
    if not charges:
        return _known_charges(masked), None
    return charges[:MAX_CHARGES], (phrase_start, phrase_start + len(phrase))


def _known_charges(text: str) -> list[str]:
    found = []
    for pattern in _lexicon().known:
        for match in pattern.finditer(text):
            found.append((match.start(), match.group()))
    return [charge for _, charge in sorted(found)][:MAX_CHARGES]
