"""Who a decision is about: named people, media outlets, and the words that point back to them.

`PartyIndex` holds, for one document, every mention of a person or outlet (with
the canonical name to report) and finds the referring words of a stretch of
text: names, pronouns ("him", "they"), group nouns ("his codefendants") and
outlet descriptions ("the newspaper", "the magazine's website").
`Discourse` resolves those to parties as the document is read in order.

The NER labels are noisy on these pages ("Zhanbolat Mamay" as GPE, "Bukenov" as
ORG, "Forbes Kazakhstanmagazine" as PERSON), so a non-PERSON entity counts as a
person when it looks like one (a surname ending, a role noun before it, or the
surname of a person already named), and outlets are found by their cue words.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from kzx.extract.lexicon import alternation, compile_pattern, load_rows
from kzx.records import Entity


@dataclass(frozen=True)
class Party:
    name: str  # canonical person name, or outlet name as written
    kind: str  # "person" or "outlet"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: Party
    outlet_type: str | None = None
    official: bool = False  # a judge, prosecutor, lawyer...: not a pronoun's antecedent
    gender: str | None = None  # "f", "m" or None when the name does not tell


@dataclass(frozen=True)
class Referent:
    """A stretch that refers to parties: a name, a pronoun, a group noun or an outlet description."""

    start: int
    end: int
    kind: str  # "mention", "pronoun", "group", "anaphor" (an outlet), "description" ("the blogger")
    text: str
    mention: Mention | None = None


# ---------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Words:
    roles: re.Pattern[str]
    descriptions: re.Pattern[str]
    officials: frozenset[str]
    official_before: re.Pattern[str]
    groups: re.Pattern[str]
    not_names: frozenset[str]
    org_words: frozenset[str]
    suffix: re.Pattern[str]


@cache
def _words() -> _Words:
    rows = load_rows("parties.jsonl")

    def words(kind: str) -> list[str]:
        return [w for r in rows if r["type"] == kind for w in r["words"]]

    officials = words("official")
    suffix = next(r["pattern"] for r in rows if r["type"] == "surname_suffix")
    official_set = {w.lower() for w in officials}
    described = [w for w in words("role") if w.lower() not in official_set and w[:1].islower()]
    return _Words(
        roles=compile_pattern(alternation(words("role")) + r"[,\s]\s?$"),
        descriptions=compile_pattern(r"\bthe\s" + alternation(described)[2:]),
        officials=frozenset(w.lower() for w in officials),
        official_before=compile_pattern(alternation(officials) + r"\s(?:[A-Z][\w’'-]*\s)?$"),
        groups=compile_pattern(r"\b(?:his\s|her\s|their\s|the\s)?" + alternation(words("group"))[2:]),
        not_names=frozenset(words("not_name")),
        org_words=frozenset(words("org_word")),
        suffix=compile_pattern(suffix),
    )


@dataclass(frozen=True)
class _OutletCue:
    kind: str
    outlet_type: str | None
    pattern: re.Pattern[str]


@cache
def _outlet_cues() -> tuple[_OutletCue, ...]:
    return tuple(
        _OutletCue(r["type"], r.get("outlet_type"), compile_pattern(r["pattern"]))
        for r in load_rows("outlets.jsonl")
    )


# ---------------------------------------------------------------- names

_NAME_TOKEN = re.compile(r"[A-Z0-9][\w.’'&+/-]*")
_CAP_WORD = re.compile(r"[A-Z][\w’'-]*")
_PRONOUN = re.compile(r"\b(?:he|him|she|her|they|them)\b", re.IGNORECASE)
# "her" is a pronoun only when it is not a possessive before a noun ("her post").
_HER_OBJECT = re.compile(
    r"^(?:\s*[,.;:)”\"]|\s+(?:to|in|into|for|from|of|on|at|with|guilty|not|and|or|as|under|over|"
    r"after|before|until|since|without|by|a|an|the|two|three|four|five|six|seven|eight|nine|ten|"
    r"released|free|liable|innocent|responsible)\b|\s*$)",
    re.IGNORECASE,
)
_POSSESSIVE_END = re.compile(r"(?:['’]s?|\.)$")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Rep|Sen|Hon)\.?\s+")
_QUOTED = re.compile(r"^\s?[«“\"']([^»”\"'\n]{2,60})[»”\"']")


def fold(name: str) -> str:
    """Lowercase letters and digits of a name, accents and punctuation dropped.

    >>> fold("Zhanbolat Mamay’s"), fold("Ratel.kz")
    ('zhanbolat mamay', 'ratelkz')
    """
    name = re.sub(r"['’]s\b", "", name)
    name = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c if c.isalnum() or c.isspace() else (" " if c == "-" else "") for c in name
                   if not unicodedata.combining(c))
    return " ".join(kept.split())


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when `a` and `b` differ by at most one letter added, dropped or changed.

    >>> edit_distance_at_most_one("uzhanov", "ushanov"), edit_distance_at_most_one("yeargalieva", "yergalieva")
    (True, True)
    >>> edit_distance_at_most_one("aliyev", "atlukhanov")
    False
    """
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = sorted((a, b), key=len)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def guess_gender(name: str) -> str | None:
    """'f' or 'm' from Slavic and Kazakh name endings; None when they do not tell.

    >>> guess_gender("Elena Semenova"), guess_gender("Vladimir Kozlov"), guess_gender("Zhanar Akhmet")
    ('f', 'm', None)
    """
    tokens = fold(name).split()
    if not tokens:
        return None
    last = tokens[-1]
    if re.search(r"(?:ova|eva|ina|aya|kyzy|skaya)$", last):
        return "f"
    if re.search(r"(?:ov|ev|in|iy|uly|sky|skiy|ich)$", last):
        return "m"
    if len(tokens) > 1 and tokens[0].endswith("a") and tokens[0] not in ("nikita", "ilya", "foma"):
        return "f"
    return None


class Canon:
    """Canonical person names of one document: the fullest name with the same surname.

    >>> c = Canon(["Yerzhan Ushanov", "Uzhanov", "Kozlov", "Vladimir Kozlov"])
    >>> c("Uzhanov"), c("Kozlov"), c("Mr. Kozlov’s")
    ('Yerzhan Ushanov', 'Vladimir Kozlov', 'Vladimir Kozlov')
    """

    def __init__(self, names: Iterable[str]):
        self.full: list[tuple[list[str], str]] = []
        for name in names:
            clean = _clean_name(name)
            tokens = fold(clean).split()
            if tokens and all(clean != f for _, f in self.full):
                self.full.append((tokens, clean))

    def __call__(self, name: str) -> str:
        clean = _clean_name(name)
        mine = fold(clean).split()
        if not mine:
            return clean
        best = clean
        best_len = len(mine)
        for tokens, full in self.full:
            if len(tokens) > best_len and tokens[-len(mine) :] == mine:
                best, best_len = full, len(tokens)
        if best != clean:
            return best
        # Spelling variants of one surname ("Uzhanov" for "Ushanov", "Yeargalieva").
        for tokens, full in self.full:
            if len(tokens) < len(mine) or tokens == mine:
                continue
            surname, other = mine[-1], tokens[-1]
            if (
                len(surname) >= 6
                and surname[0] == other[0]
                and surname.rstrip("a") != other.rstrip("a")
                and edit_distance_at_most_one(surname, other)
                and (len(mine) == 1 or mine[:-1] == tokens[:-1])
            ):
                return full
        return clean


def _clean_name(name: str) -> str:
    name = _HONORIFIC.sub("", name.strip())
    name = re.sub(r"['’]s?$", "", name)
    return name.strip(" ,.;:“”\"'")


# ---------------------------------------------------------------- the index


class PartyIndex:
    """Every person and outlet mention of one document, in text order."""

    def __init__(self, text: str, entities: Sequence[Entity], exclude: Sequence[tuple[int, int]] = ()):
        self.text = text
        outlets = find_outlets(text, entities)
        people = _person_mentions(text, entities, outlets, exclude)
        self.mentions: list[Mention] = sorted(outlets + people, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found

    def mentions_before(self, position: int, floor: int) -> Iterable[Mention]:
        """Mentions ending at or before `position`, nearest first, down to `floor`."""
        i = bisect.bisect_left(self.starts, position) - 1
        while i >= 0 and self.mentions[i].start >= floor:
            if self.mentions[i].end <= position:
                yield self.mentions[i]
            i -= 1

    def referents_in(self, start: int, end: int) -> list[Referent]:
        """Names, pronouns, group nouns and outlet descriptions in text[start:end]."""
        found = [Referent(m.start, m.end, "mention", self.text[m.start : m.end], m)
                 for m in self.mentions_in(start, end)]
        taken = [(r.start, r.end) for r in found]

        def free(a: int, b: int) -> bool:
            return not any(a < tb and ta < b for ta, tb in taken)

        for match in _PRONOUN.finditer(self.text, start, end):
            word = match.group().lower()
            if word == "her" and not _HER_OBJECT.match(self.text[match.end() : match.end() + 12]):
                continue
            if free(*match.span()):
                found.append(Referent(match.start(), match.end(), "pronoun", word))
        for match in _words().groups.finditer(self.text, start, end):
            if free(*match.span()):
                found.append(Referent(match.start(), match.end(), "group", _group_key(match.group())))
                taken.append(match.span())
        for cue in _outlet_cues():
            if cue.kind != "anaphor":
                continue
            for match in cue.pattern.finditer(self.text, start, end):
                if free(*match.span()):
                    found.append(Referent(match.start(), match.end(), "anaphor", match.group().lower()))
                    taken.append(match.span())
        # "the journalist" standing alone (not "the journalist Sania Toiken") points back.
        for match in _words().descriptions.finditer(self.text, start, end):
            after = self.text[match.end() : match.end() + 3]
            if free(*match.span()) and not re.match(r"^[’']s|^,?\s?[A-Z]|^-", after):
                role = match.group().split(None, 1)[1].lower()
                found.append(Referent(match.start(), match.end(), "description", role))
        return sorted(found, key=lambda r: r.start)

    def described_as(self, position: int, role: str, floor: int) -> Mention | None:
        """The last person before `position` introduced with `role` ("blogger X", "X, a blogger")."""
        role_word = re.compile(r"\b" + re.escape(role) + r"\b", re.IGNORECASE)
        role_before = re.compile(r"\b" + re.escape(role) + r"[\s,]{1,3}$", re.IGNORECASE)
        for mention in self.mentions_before(position, floor):
            if mention.party.kind != "person":
                continue
            if role_before.search(self.text[max(0, mention.start - 40) : mention.start]):
                return mention
            # "Bokayev, a civil activist, ..."
            after = self.text[mention.end : mention.end + 50]
            if re.match(r",\s(?:a|an|the)\s", after) and role_word.search(after.split(",")[1]):
                return mention
        return None


def _group_key(text: str) -> str:
    """'his codefendants' -> 'codefendants'; a group noun without its determiner."""
    words = text.lower().replace("co-defendants", "codefendants").split()
    if words and words[0] in ("his", "her", "their", "the") and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def find_outlets(text: str, entities: Sequence[Entity] = ()) -> list[Mention]:
    """Media outlets named in `text`, each with the name to report.

    >>> s = "a court ruled against Forbes Kazakhstanmagazine and news site Ratel.kz, assigning"
    >>> [(s[m.start:m.end], m.party.name) for m in find_outlets(s)]
    [('Forbes Kazakhstanmagazine', 'Forbes Kazakhstan'), ('news site Ratel.kz', 'Ratel.kz')]
    >>> s = "The Tribuna newspaper has been a target; the internet portal Zhumyrtka.kz News closed"
    >>> [m.party.name for m in find_outlets(s)]
    ['Tribuna', 'Zhumyrtka.kz News']
    """
    found: list[Mention] = []
    taken = _SpanSet()
    person_spans = [(e.start, e.end) for e in entities if e.label == "PERSON"]

    def add(start: int, end: int, name: str, outlet_type: str | None) -> None:
        name = name.strip(" ,.;:“”\"'«»")
        name = re.sub(r"^(?:The|the)\s+", "", name)
        if not name or taken.overlaps(start, end):
            return
        taken.add(start, end)
        found.append(Mention(start, end, Party(name, "outlet"), outlet_type))

    for cue in _outlet_cues():
        if cue.kind == "after":
            for match in cue.pattern.finditer(text):
                a = _capitalised_run_before(text, match.start())
                if a is not None:
                    name = text[a : match.start()]
                    if not _is_person_span(a, match.start(), person_spans) or len(name.split()) == 1:
                        add(a, match.end(), name, cue.outlet_type)
            # Glued cue: "Forbes Kazakhstanmagazine", "Foreign Policymagazine".
            for match in re.finditer(r"\b([A-Z][a-z]+)(" + cue.pattern.pattern.replace("\\b", "") + r")\b", text):
                if match.group(2).lower() not in ("newspaper", "magazine", "weekly", "daily"):
                    continue
                a = _capitalised_run_before(text, match.start()) or match.start()
                add(a, match.end(), text[a : match.end(1)], cue.outlet_type)
    for cue in _outlet_cues():
        if cue.kind == "before":
            for match in cue.pattern.finditer(text):
                if _capitalised_run_before(text, match.start()) is not None:
                    continue  # "Radiotochka.kz web portal Bigeldy Gabdullin": the cue closes a name
                end, name = _name_after(text, match.end())
                if name and _NOT_OUTLET_START.match(name):
                    continue
                if name and not _is_person_span(match.end(), end, person_spans, strict=True):
                    add(match.start(), end, name, cue.outlet_type)
        elif cue.kind == "prefix":
            for match in cue.pattern.finditer(text):
                end, name = _name_after(text, match.end() - 1)
                if name:
                    add(match.start(), end, text[match.start() : end], cue.outlet_type)
        elif cue.kind == "domain":
            for match in cue.pattern.finditer(text):
                add(match.start(), match.end(), match.group(), cue.outlet_type)
    for entity in entities:
        if entity.label == "MEDIA":
            add(entity.start, entity.end, entity.text, "site")
    return sorted(found, key=lambda m: m.start)


class _SpanSet:
    """Disjoint spans with a logarithmic overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


# "newspaper KZT 20 million", "site In 2016": money, numbers and dates do not name outlets.
_NOT_OUTLET_START = re.compile(
    r"^(?:KZT|USD|EUR|RUB|US\$|\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)


def _is_person_span(start: int, end: int, person_spans, strict: bool = False) -> bool:
    for a, b in person_spans:
        if a < end and start < b:
            return True if strict else (a <= start and end <= b)
    return False


def _capitalised_run_before(text: str, position: int) -> int | None:
    """Start of up to four capitalised words (or web addresses) that end just before `position`."""
    start = None
    cursor = position
    for _ in range(4):
        segment = text[max(0, cursor - 40) : cursor]
        match = re.search(r"([A-Z0-9][\w.’'&+/-]*)\s$", segment)
        if not match:
            break
        word = match.group(1)
        if word in ("The", "A", "An", "In", "On", "Of", "By", "And") or word.endswith(("’s", "'s")):
            break
        cursor = cursor - len(segment) + match.start(1)
        start = cursor
    return start


def _name_after(text: str, position: int) -> tuple[int, str]:
    """An outlet name starting at `position`: a quoted title or up to four capitalised words."""
    window = text[position : position + 80]
    quoted = _QUOTED.match(window)
    if quoted:
        return position + quoted.end(), quoted.group(1)
    cursor = position
    end = position
    for _ in range(4):
        space = re.match(r"\s", text[cursor : cursor + 1])
        if not space:
            break
        match = _NAME_TOKEN.match(text, cursor + 1)
        if not match:
            break
        token = match.group().rstrip(".,")
        if token in ("In", "On", "The", "A") or not token:
            break
        end = match.start() + len(token)
        if token.endswith(("’s", "'s")):
            end -= 2
            break
        cursor = end
    return end, text[position:end].strip()


def _person_mentions(text, entities, outlets, exclude) -> list[Mention]:
    words = _words()
    blocked = [(m.start, m.end) for m in outlets] + list(exclude)
    blocked_set = _SpanSet()
    for a, b in sorted(blocked):
        if not blocked_set.overlaps(a, b):
            blocked_set.add(a, b)

    def overlaps(a: int, b: int) -> bool:
        return blocked_set.overlaps(a, b)

    candidates: list[tuple[Entity, str]] = []
    for entity in entities:
        name = _clean_name(entity.text)
        if not name or overlaps(entity.start, entity.end) or not _name_shaped(name, words):
            continue
        candidates.append((entity, name))
    person_names = [e.canonical or n for e, n in candidates if e.label == "PERSON"]
    surnames = {fold(n).split()[-1] for n in person_names if fold(n)}
    chosen = [
        i for i, (entity, name) in enumerate(candidates)
        if entity.label == "PERSON" or _looks_like_person(text, entity, name, surnames, words)
    ]
    # A second pass lets "Mamay" count once "Zhanbolat Mamay" (a GPE to the NER) was accepted.
    surnames |= {fold(candidates[i][1]).split()[-1] for i in chosen}
    chosen_set = set(chosen)
    chosen += [
        i for i, (_, name) in enumerate(candidates)
        if i not in chosen_set and fold(name) and fold(name).split()[-1] in surnames
    ]
    accepted = [candidates[i] for i in sorted(chosen)]
    accepted += _role_named(text, entities, blocked, words)
    accepted += _repeated_surnames(text, accepted, entities, blocked_set)
    canon = Canon([e.canonical or n for e, n in accepted if len(fold(n).split()) > 1] +
                  [e.canonical or n for e, n in accepted])
    mentions = []
    for entity, name in accepted:
        canonical = canon(entity.canonical or name)
        official = bool(words.official_before.search(text[max(0, entity.start - 40) : entity.start]))
        mentions.append(Mention(entity.start, entity.end, Party(canonical, "person"), None, official,
                                guess_gender(canonical)))
    unique = {(m.start, m.end): m for m in mentions}
    return list(unique.values())


def _repeated_surnames(text, accepted, entities, blocked: _SpanSet) -> list[tuple[Entity, str]]:
    """Surnames of people already named, where the NER missed them ("Akhmetov was sentenced")."""
    surnames: dict[str, str] = {}
    for entity, name in accepted:
        tokens = name.split()
        if len(tokens) >= 2 and len(tokens[-1]) >= 4 and tokens[-1][:1].isupper() and tokens[-1][1:].islower():
            surnames.setdefault(tokens[-1], entity.canonical or name)
    if not surnames:
        return []
    taken = _SpanSet()
    for a, b in sorted((e.start, e.end) for e in entities):
        if not taken.overlaps(a, b):
            taken.add(a, b)
    found = []
    for match in re.finditer(alternation(surnames), text):
        a, b = match.span()
        if taken.overlaps(a, b) or blocked.overlaps(a, b):
            continue
        name = match.group()
        found.append((Entity(label="PERSON", text=name, start=a, end=b, canonical=surnames[name]), name))
    return found


def _name_shaped(name: str, words: _Words) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 4 or name in words.not_names:
        return False
    if any(t in words.org_words for t in tokens):
        return False
    return all(t[:1].isupper() and not any(c.isdigit() for c in t) for t in tokens if t not in ("de", "van", "von"))


def _looks_like_person(text, entity: Entity, name: str, surnames: set[str], words: _Words) -> bool:
    tokens = fold(name).split()
    if not tokens or entity.label in ("NORP", "DATE", "MONEY", "CARDINAL", "LAW"):
        return False
    if tokens[-1] in surnames:
        return True
    before = text[max(0, entity.start - 40) : entity.start]
    role = bool(words.roles.search(before)) or bool(_HONORIFIC.match(text[max(0, entity.start - 5) : entity.end]))
    if len(tokens) >= 2:
        return bool(words.suffix.search(tokens[-1])) or role
    return role and bool(words.suffix.search(tokens[-1]))


def _role_named(text, entities, blocked, words: _Words) -> list[tuple[Entity, str]]:
    """Names the NER missed, right after a role noun: "blogger Aibolat Bukenov"."""
    taken = [(e.start, e.end) for e in entities] + list(blocked)
    found = []
    for match in re.finditer(r"\b[a-z][a-z-]+[,\s]\s?(?=[A-Z])", text):
        if not words.roles.search(text[max(0, match.start() - 30) : match.end()]):
            continue
        tokens = []
        cursor = match.end()
        for _ in range(3):
            token = _CAP_WORD.match(text, cursor)
            if not token:
                break
            tokens.append(token)
            if text[token.end() : token.end() + 1] != " ":
                break
            cursor = token.end() + 1
        while tokens and (tokens[-1].group() in words.org_words or not tokens[-1].group()[1:].islower()):
            tokens.pop()
        if len(tokens) < 2:
            continue
        start, end = tokens[0].start(), tokens[-1].end()
        name = text[start:end]
        if any(start < b and a < end for a, b in taken) or not _name_shaped(name, words):
            continue
        if not words.suffix.search(fold(name).split()[-1]):
            continue
        found.append((Entity(label="PERSON", text=name, start=start, end=end), name))
        taken.append((start, end))
    return found


# ---------------------------------------------------------------- resolution


@dataclass
class Discourse:
    """What earlier sentences said, for resolving the referring words of later ones."""

    index: PartyIndex
    groups: dict[str, list[Party]] = field(default_factory=dict)
    last_group: list[Party] = field(default_factory=list)
    last_group_at: int = -1
    defendants: list[tuple[int, Party]] = field(default_factory=list)
    article_start: int = 0
    window: int = 2500

    def resolve(self, referent: Referent) -> list[Party]:
        if referent.kind == "mention" and referent.mention is not None:
            return [referent.mention.party]
        if referent.kind == "pronoun":
            if referent.text in ("they", "them"):
                if self.last_group and referent.start - self.last_group_at <= self.window:
                    return list(self.last_group)
                return []
            antecedent = self.antecedent(referent.start, referent.text)
            return [antecedent.party] if antecedent else []
        if referent.kind == "group":
            if referent.text in self.groups:
                return list(self.groups[referent.text])
            if self.last_group and referent.start - self.last_group_at <= self.window:
                return list(self.last_group)
            return []
        if referent.kind == "anaphor":
            outlet = self.last_outlet(referent.start, referent.text)
            return [outlet.party] if outlet else []
        if referent.kind == "description":
            floor = max(self.article_start, referent.start - self.window)
            described = self.index.described_as(referent.start, referent.text, floor)
            return [described.party] if described else []
        return []

    def antecedent(self, position: int, pronoun: str) -> Mention | None:
        """The person a singular pronoun at `position` points back to."""
        want = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)
        floor = max(self.article_start, position - self.window)
        for mention in self.index.mentions_before(position, floor):
            if mention.party.kind != "person" or mention.official:
                continue
            if want and mention.gender and mention.gender != want:
                continue
            return mention
        return None

    def last_outlet(self, position: int, description: str) -> Mention | None:
        """The outlet "the newspaper" or "the magazine's website" points back to."""
        head = description.split()[1] if len(description.split()) > 1 else ""
        head = re.sub(r"['’]s$", "", head)
        wanted = {"newspaper": "newspaper", "weekly": "newspaper", "magazine": "magazine",
                  "journal": "magazine", "portal": "portal", "channel": "channel", "tv": "channel",
                  "broadcaster": "channel", "agency": "agency", "news": "agency"}.get(head)
        floor = max(self.article_start, position - 2 * self.window)
        fallback = None
        for mention in self.index.mentions_before(position, floor):
            if mention.party.kind != "outlet":
                continue
            if wanted is None or mention.outlet_type == wanted:
                return mention
            fallback = fallback or mention
        return fallback if wanted in (None, "portal") else None

    def read_sentence(self, start: int, end: int) -> None:
        """Remember what the sentence says about groups and suits, before its decisions are read."""
        text = self.index.text
        referents = self.index.referents_in(start, end)
        for i, referent in enumerate(referents):
            # "his codefendants Akzhanat Aminov and Serik Sapargali"
            if referent.kind == "group" and i + 1 < len(referents) and referents[i + 1].kind == "mention":
                if not text[referent.end : referents[i + 1].start].strip(" ,:"):
                    names = [referents[i + 1]]
                    j = i + 2
                    while j < len(referents) and is_coordination(text[names[-1].end : referents[j].start]):
                        names.append(referents[j])
                        j += 1
                    people = [r.mention.party for r in names if r.mention and r.mention.party.kind == "person"]
                    if people:
                        self.groups[referent.text] = people
        chain: list[Referent] = []
        for referent in referents:
            gap = text[chain[-1].end : referent.start] if chain else ""
            if chain and (is_coordination(gap) or (chain[-1].kind == "group" and not gap.strip(" ,:"))):
                chain.append(referent)
                continue
            self._note_chain(chain)
            chain = [referent]
        self._note_chain(chain)
        for match in _DEFENDANT_CUE.finditer(text, start, end):
            following = self.index.referents_in(match.end(), min(end, match.end() + 60))
            if following and _describes(text[match.end() : following[0].start]):
                for party in self.resolve(following[0]):
                    self.note_defendant(party, match.start())

    def _note_chain(self, chain: list[Referent]) -> None:
        if len(chain) < 2:
            return
        parties: list[Party] = []
        for referent in chain:
            parties += self.resolve(referent)
        self.note_group(parties, chain[-1].end)

    def note_group(self, parties: Sequence[Party], position: int) -> None:
        people = [p for p in parties if p.kind == "person"]
        if len(people) >= 2:
            self.last_group = _unique(people)
            self.last_group_at = position

    def note_defendant(self, party: Party, position: int) -> None:
        self.defendants.append((position, party))

    def defendant(self, position: int) -> Party | None:
        for at, party in reversed(self.defendants):
            if self.article_start <= at <= position:
                return party
        return None

    def salient_person(self, position: int) -> Party | None:
        """The non-official person named most often in the article so far."""
        counts: Counter[Party] = Counter()
        for mention in self.index.mentions_before(position, max(self.article_start, position - 20_000)):
            if mention.party.kind == "person" and not mention.official:
                counts[mention.party] += 1
        if not counts:
            return None
        (best, n), *rest = counts.most_common(2) + [(None, 0)]
        return best if n >= 3 and n > rest[0][1] else None


_DEFENDANT_CUE = re.compile(
    r"\b(?:lawsuits?|suits?|claims?|complaints?|cases?)\s(?:was\s|were\s|had\sbeen\s)?(?:filed\s|brought\s)?against\s"
    r"|\bsued\s|\bdemanded\sthat\s",
    re.IGNORECASE,
)
_COORDINATORS = {"and", "or", "&", "as", "well", "along", "with", "together"}
_COORDINATION_BARRIERS = {
    "to", "for", "by", "from", "after", "before", "because", "who", "which", "that", "when",
    "while", "where", "whose", "than", "said", "says", "but", "although", "since", "until", "was",
    "were", "is", "are", "has", "have", "had", "be", "been", "of", "in", "on", "at", "against",
}


def is_coordination(gap: str) -> bool:
    """True when `gap` joins two names into one list: ", ", " and ", " and blogger ".

    >>> is_coordination(" and his codefendants "), is_coordination(", "), is_coordination(" and then told ")
    (True, True, False)
    >>> is_coordination(" was detained and ")
    False
    """
    words = gap.replace(",", " , ").split()
    if not words or len(words) > 6:
        return False
    if words[0] != "," and words[0].lower() not in _COORDINATORS:
        return False
    content = [w for w in words if w != "," and w.lower() not in _COORDINATORS]
    if len(content) > 3:
        return False
    return not any(w.lower() in _COORDINATION_BARRIERS or w.lower().endswith("ed") or w.lower() == "then"
                   for w in content)


def _describes(gap: str) -> bool:
    """True when `gap` is at most a short description before a name ("journalist ")."""
    words = gap.replace(",", " ").split()
    return len(words) <= 4 and not any(w.lower() in _COORDINATION_BARRIERS for w in words)


def _unique(parties: Iterable[Party]) -> list[Party]:
    return list(dict.fromkeys(parties))
