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

import numpy as np
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from kzx.lang.detect import is_cyrillic, letter_counts
from kzx.records import Entity

LEXICON = Path(__file__).resolve().parents[2] / "models" / "patterns" / "people.json"
GIVEN_NAMES = LEXICON.with_name("given_names.txt")

# Kept labels: what an analyst filters on. CARDINAL, PERCENT etc. are left to the rules.
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "COURT", "MEDIA", "LAW", "EVENT"}

_POSSESSIVE = re.compile(r"['’]s?$")
# A telegram paragraph's classification glued before a name: "(C) Dzhanuzakov's lawyer".
_CLASSIFICATION = re.compile(r"^\(?(?:U|C|S|SBU|TS|S/NF|C/NF|FOUO)\)\s*")
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
    >>> s = "C) Dzhanuzakov"; a, b = trim_name(s); s[a:b]
    'Dzhanuzakov'
    """
    classification = _CLASSIFICATION.match(text)
    start, end = (classification.end() if classification else 0), len(text)
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        end = possessive.start()
    lead = _EDGE_JUNK.match(text[start:end])
    if lead:
        start += lead.end()
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
    >>> canonical_names(["Vladimir Kozlov", "Vladimr Kozlov"])["Vladimr Kozlov"]
    'Vladimir Kozlov'
    >>> canonical_names(["Ivan Petrov", "Iван Petrov", "Oleg Petrov"])["Oleg Petrov"]
    'Oleg Petrov'
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
    if len(fullest) == 1:
        return max(candidates, key=lambda c: len(tokens[c]))
    # "Vladimr Kozlov" after "Vladimir Kozlov": the same surname, a given name one letter off
    given_variants = [
        other for other in ordered[: ordered.index(name)]
        if len(tokens[other]) == len(mine) > 1 and tokens[other][-1] == mine[-1]
        and all(a == b or _one_edit_apart(a, b) for a, b in zip(tokens[other][:-1], mine[:-1]))
    ]
    return given_variants[0] if len(given_variants) == 1 else None


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
    kinship: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    surname_suffixes: tuple[str, ...] = ()
    person_predicates: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON, given_names: Path = GIVEN_NAMES) -> PeopleLexicon:
    data = json.loads(path.read_text(encoding="utf-8"))
    lists = {key: frozenset(data.get(key, ())) for key in
             ("roles", "group_nouns", "not_names", "kinship", "media_nouns", "person_predicates")}
    names = frozenset(line.strip().lower() for line in given_names.read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#"))
    # Longest endings first, so "bayeva" is tried before "eva".
    suffixes = tuple(sorted(data.get("surname_suffixes", ()), key=len, reverse=True))
    return PeopleLexicon(**lists, surname_suffixes=suffixes, given_names=names)


def find_entities(
    parts: list[tuple[int, Doc]], text: str, lexicon: PeopleLexicon | None = None
) -> list[Entity]:
    """Entities of every chunk, in text offsets, trimmed; PERSONs get `canonical`."""
    lexicon = lexicon or load_lexicon()
    _capitals_or_heading.cache_clear()  # a memo of this document's lines only
    entities: list[Entity] = []
    confirmed: set[str] = set()  # surnames the model's entities show in normal case
    glossed: set[str] = set()  # names the document translates: organisations wherever they stand
    for offset, doc in parts:
        for ent in doc.ents:
            if any(map(is_cyrillic, ent.text)):
                continue  # the English model does not read other scripts
            label = _corrected_label(ent, lexicon)
            if label == "ORG" and ent.label_ == "PERSON" and _glossed(ent):
                glossed.add(fold(ent.text))
            tail = _titled_name_at_end(ent, lexicon) if label == "ORG" else None
            if tail is not None:  # "the ... Department of Education Baurzhan Mairikhov"
                ent, label = tail, "PERSON"
            if label not in LABELS:
                continue
            at = offset + ent.start_char  # the whole text, not doc.text (rebuilt on every call)
            if ent.ent_id_ == "gazetteer" or not in_capitals_or_heading(text, at, at + len(ent.text)):
                confirmed.update(_surname_keys(ent.text))
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
    entities = _unconfirmed_heading_names_dropped(entities, text, confirmed)
    entities = [e.model_copy(update={"label": "ORG"}) if e.label == "PERSON" and fold(e.text) in glossed else e
                for e in entities]
    shared = _given_names_sharing_a_surname(entities, text, lexicon)
    entities = _relabel_surnames(sorted(entities + [given for given, _ in shared], key=lambda e: (e.start, -e.end)))
    persons = canonical_names([e.text for e in entities if e.label == "PERSON"] + [full for _, full in shared])
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
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if label == "PERSON" and after is not None and after.lower_ in lexicon.group_nouns:
        return "ORG"
    if label == "PERSON" and _glossed(ent):  # "Baitak Bolashak (Rich Future)": a name translated
        return "ORG"
    if label == "PERSON" and len(words) == 1 and before is not None and before.lower_ == "the":
        return "ORG"  # "The Bulletin": people are not "the Smith"
    if label == "PERSON" and _named_outlet(ent, words, lexicon):
        return "MEDIA"  # "the weekly Golos Naroda"
    if label != "PERSON" and _looks_like_a_person(ent, words, lexicon):
        return "PERSON"
    if label in {"ORG", "GPE", "LOC", "NORP", ""} and all(t.is_title for t in words):
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.text == "," and ent.start > 1:
            before = ent.doc[ent.start - 2]
        if before is not None and before.lower_.rstrip(".") in lexicon.roles:
            return "PERSON"
    return label


_LINE_END = re.compile(r"[.!?:;]\s*$")
# A Title Case line: at least this many words, this share of them capitalised.
HEADING_MIN_WORDS = 5
HEADING_CAPITALISED_SHARE = 0.7
# A line in capitals: this share of its letters upper case.
CAPITALS_SHARE = 0.8
LINE_REACH = 400


def _glossed(ent: Span) -> bool:
    """A name followed by an English gloss in brackets: "Nashi Prava (Our Rights)"."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return False
    inner = []
    for token in doc[ent.end + 1:ent.end + 8]:
        if token.text == ")":
            break
        inner.append(token)
    else:
        return False
    words = [t for t in inner if t.is_alpha]
    return bool(words) and all(t.is_title or t.is_stop for t in words) and any(t.is_title for t in words)


def _named_outlet(ent: Span, words: list, lexicon: PeopleLexicon) -> bool:
    """A name right after "the"/"a" and a media noun names the outlet: "the weekly Golos
    Naroda"; "... web portal Bigeldy Gabdullin" (no article) is the portal's editor."""
    if ent.start < 2 or words[0].lower_ in lexicon.given_names:
        return False
    noun, article = ent.doc[ent.start - 1], ent.doc[ent.start - 2]
    return noun.lower_ in lexicon.media_nouns and article.lower_ in {"the", "a", "an"}


def _looks_like_a_person(ent: Span, words: list, lexicon: PeopleLexicon) -> bool:
    """A name the model took for a place or an organisation: two or three name words
    opening with a known given name ("Talgat Ayan", "Vadim Kuramshin"), or one word with
    a surname's ending that a person's predicate follows ("Baydalinova was sentenced")."""
    if not all(t.is_title or (len(t.text) <= 2 and t.text.endswith(".")) for t in words):
        return False
    if words[-1].lower_ in lexicon.group_nouns:
        return False
    if 2 <= len(words) <= 3 and words[0].lower_ in lexicon.given_names:
        return True
    surname = words[-1].lower_
    if not any(surname.endswith(suffix) and len(surname) > len(suffix) + 2 for suffix in lexicon.surname_suffixes):
        return False
    doc = ent.doc
    following = [t.lower_ for t in doc[ent.end:ent.end + 4]]
    if following[:1] in (["was"], ["were"], ["had"], ["has"]):
        return any(word in lexicon.person_predicates for word in following[1:])
    return bool(following) and following[0] in lexicon.person_predicates


def _titled_name_at_end(ent: Span, lexicon: PeopleLexicon) -> Span | None:
    """The person at the end of an organisation's name the model ran into it: the last
    two words, when they are a known given name and a name word."""
    words = [t for t in ent if not t.is_punct]
    if len(words) < 3 or ent.ent_id_ == "gazetteer":
        return None
    given, family = ent.doc[ent.end - 2], ent.doc[ent.end - 1]
    if given.lower_ in lexicon.given_names and given.is_title and family.is_title and _is_name_word(family.text) \
            and family.lower_ not in lexicon.not_names | lexicon.group_nouns:
        return ent.doc[ent.end - 2:ent.end]
    return None


def in_capitals_or_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands in a line written in capitals or set in Title
    Case (a heading): there, capital letters do not mark names.

    >>> t = "SUBJECT: KAZAKHSTAN: EDITOR NURLAN ALIMOV SENTENCED"
    >>> in_capitals_or_heading(t, 27, 39)
    True
    >>> t = "Censorship by Governments, Military, or Armed Extremist or Rebel Groups\\nText."
    >>> in_capitals_or_heading(t, 41, 56)
    True
    >>> t = "On May 5 police arrested Nurlan Alimov in Almaty."
    >>> in_capitals_or_heading(t, 25, 38)
    False
    """
    # A line is read at most LINE_REACH characters on each side: linear on one-line texts,
    # and a line that long is prose, never a heading.
    line_start = text.rfind("\n", max(0, start - LINE_REACH), start) + 1 or max(0, start - LINE_REACH)
    line_end = text.find("\n", end, end + LINE_REACH)
    line = text[line_start:min(len(text), end + LINE_REACH)] if line_end == -1 else text[line_start:line_end]
    return _capitals_or_heading(line)


# A page's names share few lines: each line is judged once (per document: find_entities
# clears the memo, so that copies of a page in a corpus or a benchmark gain nothing).
@lru_cache(maxsize=None)
def _capitals_or_heading(line: str) -> bool:
    count, capitals = letter_counts(line)
    if count and capitals >= CAPITALS_SHARE * count:
        return True  # a line in capitals ("Mr. BURTON of Indiana." is not one)
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < HEADING_MIN_WORDS or _LINE_END.search(line):
        return False
    return sum(w[0].isupper() for w in words) >= HEADING_CAPITALISED_SHARE * len(words)


def _surname_keys(name: str) -> set[str]:
    folded = fold(name).split()
    return {folded[-1]} if folded else set()


def _unconfirmed_heading_names_dropped(entities: list[Entity], text: str, confirmed: set[str]) -> list[Entity]:
    """PERSONs found in capitals or in a Title Case heading stay only where the document
    writes the same surname in normal case (or the gazetteer names them): a run of
    capitalised words in a heading or a telegram is not a name by itself."""
    kept = []
    for entity in entities:
        if entity.label == "PERSON" and in_capitals_or_heading(text, entity.start, entity.end):
            keys = _surname_keys(entity.text)
            if not keys or not (keys & confirmed or _written_in_normal_case(text, keys)):
                continue
        kept.append(entity)
    return kept


def _written_in_normal_case(text: str, surnames: set[str]) -> bool:
    """Whether a surname stands somewhere in the text as a name in a line of normal
    case ("Cardin said", "Mr. CARDIN of Maryland."), not in capitals or a heading."""
    for surname in surnames:
        pattern = re.compile(rf"\b{re.escape(surname)}\b", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not match.group()[:1].isupper():
                continue
            if not in_capitals_or_heading(text, match.start(), match.end()):
                return True
    return False


_GIVEN_AND = re.compile(r"(?<![\w.])([A-Z][a-z]{2,})\s+and\s+$")


def _given_names_sharing_a_surname(entities: list[Entity], text: str,
                                   lexicon: PeopleLexicon) -> list[tuple[Entity, str]]:
    """"Kalyk and Erik Mendygaziyev": a given name joined by "and" to a two-word name
    shares its surname. Returns the given name's mention and the full name it stands for."""
    found = []
    for entity in entities:
        words = entity.text.split()
        if entity.label != "PERSON" or len(words) != 2:
            continue
        match = _GIVEN_AND.search(text, max(0, entity.start - 30), entity.start)
        if not match:
            continue
        given, start = match.group(1), match.start(1)
        previous = text[max(0, start - 40):start].split()[-1:]
        if given.lower() in lexicon.not_names | lexicon.group_nouns | _STOP_TITLES \
                or (previous and previous[0][:1].isupper()) or _inside(entities, start, match.end(1)):
            continue  # "Max Bokayev and Talgat Ayan": the word before "and" ends a name
        mention = Entity(label="PERSON", text=given, start=start, end=match.end(1))
        found.append((mention, f"{given} {words[-1]}"))
    return found


# Capitalised words that open a sentence or a list, not given names.
_STOP_TITLES = frozenset("the a an and or but in on at of for from with by as both between among".split())


def _inside(entities: list[Entity], start: int, end: int) -> bool:
    """Whether [start, end) lies inside a person's or a place's mention."""
    return any(e.start <= start and end <= e.end and e.label in {"PERSON", "GPE", "LOC"} for e in entities)


def _names_after_roles(doc: Doc, lexicon: PeopleLexicon) -> list[tuple[int, int]]:
    """Names after a role word that the model missed or cut short: "one of his lawyers,
    Vera Tkachenko", "Baptist Pyotr Sadovsky" (where it found only "Sadovsky")."""
    found = []
    for index in _role_positions(doc, lexicon.roles):
        token = doc[index]
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
        elif (j - i == 1 and token.lower_ in lexicon.kinship and doc[i - 1].text == ","
              and j < len(doc) and doc[j].text in {",", ")"} and doc[i].lower_ not in lexicon.not_names):
            found.append((doc[i].idx, doc[i].idx + len(doc[i])))  # "his son, Aset, ..."
    return found


def _role_positions(doc: Doc, roles: frozenset[str]) -> list[int]:
    """Indices of the tokens that may be role words ("lawyer", "Dr."), read from the
    Doc's array of lowercase forms rather than from a Token object per word."""
    lowered = doc.to_array("LOWER")
    return np.flatnonzero(np.isin(lowered, _role_hashes(roles))).tolist()


@lru_cache(maxsize=4)
def _role_hashes(roles: frozenset[str]) -> np.ndarray:
    # A role word may carry final dots ("Dr.", "Gen."): the caller strips them.
    return np.array(sorted({hash_string(role + "." * dots) for role in roles for dots in range(4)}), dtype=np.uint64)


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
