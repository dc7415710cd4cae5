"""Named entities from the spaCy analysis, trimmed, with one canonical name per person.

The statistical model finds the names; this module tidies their edges and links
"Zhovtis" to "Yevgeny Zhovtis" within a document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kzx.records import Entity

LEXICON = Path(__file__).resolve().parents[2] / "models" / "patterns" / "people.json"

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
    only when exactly one full name starts with it. Transliteration variants
    one letter apart ("Uzhanov" for "Ushanov") count as the same surname.

    >>> m = canonical_names(["Yevgeny Zhovtis", "Zhovtis", "Vera Tkachenko", "Vera"])
    >>> m["Zhovtis"], m["Vera"]
    ('Yevgeny Zhovtis', 'Vera Tkachenko')
    >>> m = canonical_names(["Khozha Aliyev", "Rakhat Aliyev", "Aliyev"])
    >>> m["Aliyev"]
    'Khozha Aliyev'
    >>> m = canonical_names(["Yerzhan Ushanov", "Uzhanov", "Nazgul Yergalieva", "Nazgul Yeargalieva"])
    >>> m["Uzhanov"], m["Nazgul Yeargalieva"]
    ('Yerzhan Ushanov', 'Nazgul Yergalieva')
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
        if best == name:
            best = _variant_of(name, ordered, tokens) or name
        if best == name and len(mine) == 1:
            starts = [o for o in ordered if len(tokens[o]) > 1 and tokens[o][0] == mine[0]]
            if len(starts) == 1:
                best = starts[0]
        result[name] = _strip_honorific(best)
    return result


def _variant_of(name: str, ordered: list[str], tokens: dict[str, list[str]]) -> str | None:
    """The one earlier or fuller name that `name` spells one letter differently, if any."""
    mine = tokens[name]
    candidates = [
        other
        for other in ordered
        if other != name
        and len(tokens[other]) >= len(mine)
        and tokens[other][-len(mine):-1] == mine[:-1]
        and _one_edit_apart(tokens[other][-1], mine[-1])
        and (len(tokens[other]) > len(mine) or ordered.index(other) < ordered.index(name))
    ]
    fullest = {" ".join(tokens[c][-len(mine):]) for c in candidates}
    return max(candidates, key=lambda c: len(tokens[c])) if len(fullest) == 1 else None


def _one_edit_apart(a: str, b: str) -> bool:
    """Levenshtein distance exactly 1, for words long enough that this is not chance.

    >>> _one_edit_apart("ushanov", "uzhanov"), _one_edit_apart("yergalieva", "yeargalieva")
    (True, True)
    >>> _one_edit_apart("ivanov", "ivanova"), _one_edit_apart("aliev", "aliyev")
    (False, False)
    """
    if a == b or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if a + "a" == b or b + "a" == a:  # the feminine form names another person
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _strip_honorific(name: str) -> str:
    stripped = _HONORIFIC.sub("", name)
    return stripped or name


@dataclass(frozen=True)
class PeopleLexicon:
    roles: frozenset[str]
    group_nouns: frozenset[str]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON) -> PeopleLexicon:
    data = json.loads(path.read_text(encoding="utf-8"))
    return PeopleLexicon(*(frozenset(data[key]) for key in ("roles", "group_nouns", "not_names")))


def find_entities(
    parts: list[tuple[int, Doc]], text: str, lexicon: PeopleLexicon | None = None
) -> list[Entity]:
    """Entities of every chunk, in text offsets, trimmed; PERSONs get `canonical`."""
    lexicon = lexicon or load_lexicon()
    entities: list[Entity] = []
    for offset, doc in parts:
        for ent in doc.ents:
            label = _corrected_label(ent, lexicon)
            if label not in LABELS:
                continue
            a, b = trim_name(ent.text)
            if a >= b:
                continue
            start = offset + ent.start_char + a
            end = offset + ent.start_char + b
            if label == "PERSON":
                honorific = _HONORIFIC.match(text[start:end])
                if honorific and honorific.end() < end - start:
                    start += honorific.end()
            entities.append(Entity(label=label, text=text[start:end], start=start, end=end))
        entities += [
            Entity(label="PERSON", text=text[offset + a : offset + b], start=offset + a, end=offset + b)
            for a, b in _names_after_roles(doc, lexicon)
        ]
    entities = _drop_nested_persons(sorted(entities, key=lambda e: (e.start, -e.end)))
    entities = _relabel_surnames(entities)
    persons = canonical_names(e.text for e in entities if e.label == "PERSON")
    return [
        e.model_copy(update={"canonical": persons[e.text]}) if e.text in persons else e
        for e in entities
    ]


def _corrected_label(ent: Span, lexicon: PeopleLexicon) -> str:
    """The model's label, corrected by what stands around the entity.

    Gazetteer labels stand. A name right after a role word ("blogger X",
    "chief editor, X") is a person whatever the model said; a "person" right
    before a group noun ("the Ahmadi community") is not one.
    """
    label = ent.label_
    if ent.ent_id_ == "gazetteer":
        return label
    words = [t for t in ent if not t.is_punct and t.lower_ not in {"'s", "’s"}]
    if not words or not all(_is_name_word(t.text) for t in words) or ":" in ent.text:
        return "" if label == "PERSON" else label
    if "\n" in ent.text or words[-1].lower_ in lexicon.not_names:
        return "" if label == "PERSON" else label
    if label == "PERSON" and any(t.is_stop for t in words):  # a headline: "Sentences Activist To Prison"
        return ""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if label == "PERSON" and after is not None and after.lower_ in lexicon.group_nouns:
        return "ORG"
    if label in {"ORG", "GPE", "LOC", "NORP", ""} and all(t.is_title for t in words):
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.text == "," and ent.start > 1:
            before = ent.doc[ent.start - 2]
        if before is not None and before.lower_.rstrip(".") in lexicon.roles:
            return "PERSON"
    return label


def _names_after_roles(doc: Doc, lexicon: PeopleLexicon) -> list[tuple[int, int]]:
    """Names after a role word that the model missed or cut short: "one of his lawyers,
    Vera Tkachenko", "Baptist Pyotr Sadovsky" (where it found only "Sadovsky")."""
    found = []
    for token in doc:
        if token.lower_.rstrip(".") not in lexicon.roles or token.ent_type_ not in ("", "NORP"):
            continue
        i = token.i + 1
        if i < len(doc) and doc[i].text == ",":
            i += 1
        j = i
        while (
            j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].is_alpha
            and doc[j].ent_type_ in ("", "PERSON") and not doc[j].is_stop
            and doc[j].lower_ not in lexicon.roles
        ):
            j += 1
        if j < len(doc) and doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I":
            continue  # the name runs on past three words: leave it to the model
        if j - i >= 2 and doc[j - 1].lower_ not in lexicon.group_nouns | lexicon.not_names:
            found.append((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])))
    return found


def _drop_nested_persons(entities: list[Entity]) -> list[Entity]:
    """Keep one PERSON per stretch of text: the longest ("Pyotr Sadovsky" over "Sadovsky").

    `entities` is sorted by start, longest first.
    """
    kept: list[Entity] = []
    reach = -1
    for entity in entities:
        if entity.label == "PERSON" and entity.end <= reach:
            continue
        if entity.label == "PERSON":
            reach = entity.end
        kept.append(entity)
    return kept


def _is_name_word(word: str) -> bool:
    """Letters, with the hyphens, apostrophes and initials names have.

    >>> [_is_name_word(w) for w in ["H.", "Jean-Pierre", "O'Brien", "F16", "2019"]]
    [True, True, True, False, False]
    """
    return bool(re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", word))


def _relabel_surnames(entities: list[Entity]) -> list[Entity]:
    """A name the document uses for a person is a person wherever it recurs.

    The model often labels the same surname PERSON in one sentence and GPE or
    ORG in the next ("Mamay's arrest").
    """
    surnames = {fold(e.text).split()[-1] for e in entities if e.label == "PERSON" and fold(e.text)}
    return [
        e.model_copy(update={"label": "PERSON"})
        if e.label in {"ORG", "GPE", "NORP"} and fold(e.text).split()[-1:] and fold(e.text).split()[-1] in surnames
        and all(w[:1].isupper() for w in e.text.split())
        else e
        for e in entities
    ]
