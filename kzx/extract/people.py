"""Named entities from the spaCy analysis, trimmed, with one canonical name per person.

The statistical model finds the names; this module tidies their edges and links
"Zhovtis" to "Yevgeny Zhovtis" within a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from kzx.records import Entity

# Kept labels: what an analyst filters on. CARDINAL, PERCENT etc. are left to the rules.
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "COURT", "MEDIA", "LAW", "EVENT"}

_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE_JUNK = re.compile(r"^[\W_]+|[\W_]+$")
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|dr|rep|sen|hon|gen|col|president|chairman|ambassador|judge|"
    r"prosecutor|minister|editor|blogger|activist|journalist)\.?\s+",
    re.IGNORECASE,
)


def trim_name(text: str) -> tuple[int, int]:
    """Offsets of the name inside an entity's text, without possessive or edge junk.

    >>> s = "George Soros's"; a, b = trim_name(s); s[a:b]
    'George Soros'
    >>> s = "“Azamat”"; a, b = trim_name(s); s[a:b]
    'Azamat'
    """
    start, end = 0, len(text)
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        end = possessive.start()
    lead = _EDGE_JUNK.match(text[:end])
    if lead:
        start = lead.end()
    trail = _EDGE_JUNK.search(text[start:end])
    if trail:
        end = start + trail.start()
    return start, max(start, end)


def fold(name: str) -> str:
    """Case- and punctuation-folded form used to compare names.

    >>> fold("Mr. Kozlov’s")
    'kozlov'
    """
    name = _HONORIFIC.sub("", name.strip())
    name = _POSSESSIVE.sub("", name)
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each person name of a document to the fullest name sharing its surname.

    A name maps to the longest name whose folded tokens end with its own tokens;
    ties keep the name written first. A given name alone maps to a full name
    only when exactly one full name starts with it.

    >>> m = canonical_names(["Yevgeny Zhovtis", "Zhovtis", "Vera Tkachenko", "Vera"])
    >>> m["Zhovtis"], m["Vera"]
    ('Yevgeny Zhovtis', 'Vera Tkachenko')
    >>> m = canonical_names(["Khozha Aliyev", "Rakhat Aliyev", "Aliyev"])
    >>> m["Aliyev"]
    'Khozha Aliyev'
    """
    ordered = list(dict.fromkeys(n for n in names if fold(n)))
    tokens = {n: fold(n).split() for n in ordered}
    result: dict[str, str] = {}
    for name in ordered:
        mine = tokens[name]
        best = name
        for other in ordered:
            theirs = tokens[other]
            if len(theirs) > len(tokens[best]) and theirs[-len(mine):] == mine:
                best = other
        if best == name and len(mine) == 1:
            starts = [o for o in ordered if len(tokens[o]) > 1 and tokens[o][0] == mine[0]]
            if len(starts) == 1:
                best = starts[0]
        result[name] = _strip_honorific(best)
    return result


def _strip_honorific(name: str) -> str:
    stripped = _HONORIFIC.sub("", name)
    return stripped or name


def find_entities(parts: list[tuple[int, Doc]], text: str) -> list[Entity]:
    """Entities of every chunk, in text offsets, trimmed; PERSONs get `canonical`."""
    entities: list[Entity] = []
    for offset, doc in parts:
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            a, b = trim_name(ent.text)
            if a >= b:
                continue
            start = offset + ent.start_char + a
            end = offset + ent.start_char + b
            if ent.label_ == "PERSON":
                honorific = _HONORIFIC.match(text[start:end])
                if honorific and honorific.end() < end - start:
                    start += honorific.end()
            entities.append(
                Entity(label=ent.label_, text=text[start:end], start=start, end=end)
            )
    persons = canonical_names(e.text for e in entities if e.label == "PERSON")
    return [
        e.model_copy(update={"canonical": persons[e.text]}) if e.text in persons else e
        for e in entities
    ]
