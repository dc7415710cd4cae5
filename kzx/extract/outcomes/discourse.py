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
from functools import cache, lru_cache

from kzx.extract.lexicon import alternation, compile_pattern, fold_case, gated_finditer, load_rows
from kzx.extract.outcomes.layout import spans_within
from kzx.extract.outcomes.limits import LIMITS
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
    decider_before: re.Pattern[str]
    groups: re.Pattern[str]
    relation_after: re.Pattern[str]
    relation_of: re.Pattern[str]
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
        decider_before=compile_pattern(alternation(words("decider")) + r"\s(?:[A-Z][\w’'-]*\s)?$"),
        groups=compile_pattern(r"\b(?:his\s|her\s|their\s|the\s)?" + alternation(words("group"))[2:]),
        relation_after=compile_pattern(
            r"(?:['’]s?)?\s(?:(?:former|longtime|long-time|close|own|personal|younger|elder|older|eldest|"
            r"youngest|late|new|chief|senior|defen[cs]e)\s)?" + alternation(words("relation"))),
        relation_of=compile_pattern(
            alternation([w for r in rows if r["type"] == "relation" and r.get("of") for w in r["words"]])
            + r"\sof\s(?-i:[a-z\s-]{0,60})$"),
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
def _anaphor_cues() -> tuple[_OutletCue, ...]:
    return tuple(cue for cue in _outlet_cues() if cue.kind == "anaphor")


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

    Names repeat throughout a document, so folds are cached.

    >>> fold("Zhanbolat Mamay’s"), fold("Ratel.kz")
    ('zhanbolat mamay', 'ratelkz')
    """
    return _fold(name)


_POSSESSIVE_S = re.compile(r"['’]s\b")


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    name = _POSSESSIVE_S.sub("", name)
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

    Names are indexed by surname (and by the surname less one letter, for spelling
    variants one letter apart), so a document with many people stays linear.

    >>> c = Canon(["Yerzhan Ushanov", "Uzhanov", "Kozlov", "Vladimir Kozlov"])
    >>> c("Uzhanov"), c("Kozlov"), c("Mr. Kozlov’s")
    ('Yerzhan Ushanov', 'Vladimir Kozlov', 'Vladimir Kozlov')
    """

    def __init__(self, names: Iterable[str]):
        self.full: list[tuple[list[str], str]] = []
        seen: set[str] = set()
        self._by_surname: dict[str, list[tuple[int, list[str], str]]] = {}
        self._by_deletion: dict[str, list[tuple[int, list[str], str]]] = {}
        self._cache: dict[str, str] = {}
        for name in names:
            clean = _clean_name(name)
            tokens = fold(clean).split()
            if tokens and clean not in seen:
                seen.add(clean)
                entry = (len(self.full), tokens, clean)
                self.full.append((tokens, clean))
                self._by_surname.setdefault(tokens[-1], []).append(entry)
                for key in _deletions(tokens[-1]):
                    self._by_deletion.setdefault(key, []).append(entry)

    def __call__(self, name: str) -> str:
        if name not in self._cache:
            self._cache[name] = self._canonical(name)
        return self._cache[name]

    def _canonical(self, name: str) -> str:
        clean = _clean_name(name)
        mine = fold(clean).split()
        if not mine:
            return clean
        best = clean
        best_len = len(mine)
        for _, tokens, full in self._by_surname.get(mine[-1], ()):
            if len(tokens) > best_len and tokens[-len(mine) :] == mine:
                best, best_len = full, len(tokens)
        if best != clean:
            return best
        # Spelling variants of one surname ("Uzhanov" for "Ushanov", "Yeargalieva").
        surname = mine[-1]
        if len(surname) < 6:
            return clean
        near = sorted({entry[0]: entry for key in _deletions(surname)
                       for entry in self._by_deletion.get(key, ())}.values())
        for _, tokens, full in near:
            if len(tokens) < len(mine) or tokens == mine:
                continue
            other = tokens[-1]
            if (
                surname[0] == other[0]
                and surname.rstrip("a") != other.rstrip("a")
                and edit_distance_at_most_one(surname, other)
                and (len(mine) == 1 or mine[:-1] == tokens[:-1])
            ):
                return full
        return clean


def _deletions(word: str) -> set[str]:
    """`word` and `word` with one letter dropped: two words one letter apart (added,
    dropped or changed) share one of these keys.

    >>> sorted(_deletions("abc"))
    ['ab', 'abc', 'ac', 'bc']
    """
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


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
        for cue in _anaphor_cues():
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
        # "the opposition leader" after "X, leader of the opposition party": the role's head word
        role_word = re.compile(r"\b" + re.escape(role.split()[-1]) + r"\b", re.IGNORECASE)
        role_before = re.compile(r"\b" + re.escape(role) + r"[\s,]{1,3}$", re.IGNORECASE)
        for mention in self.mentions_before(position, floor):
            if mention.party.kind != "person":
                continue
            if role_before.search(self.text[max(0, mention.start - 40) : mention.start]):
                return mention
            # "Bokayev, a civil activist, ...", "Kozlov, leader of the Alga party, ..."
            after = self.text[mention.end : mention.end + 50]
            if re.match(r",\s(?:a|an|the)\s", after) and role_word.search(after.split(",")[1]) or \
                    re.match(r",\s" + re.escape(role.split()[-1]) + r"\b", after, re.IGNORECASE):
                return mention
        return None


_APPOSITION_GAP = re.compile(r"[\s,:]{0,4}")


def relation_end(text: str, position: int) -> int | None:
    """End of a relation noun after a possessive that ends at `position` ("Bokayev|'s
    associate", "Kozlov’s| lawyer"), else None: a decision about "X's lawyer" is not about X.

    >>> s = "Max Bokayev's associate, Talgat Ayanov"; s[relation_end(s, 11):]
    ', Talgat Ayanov'
    >>> relation_end("Kozlov's sentence", 6) is None
    True
    """
    match = _words().relation_after.match(text, position)
    if not match:
        return None
    possessive = match.group().startswith(("'", "’")) or text[max(0, position - 2) : position] in ("'s", "’s")
    return match.end() if possessive else None


def relation_of_before(text: str, start: int, position: int) -> bool:
    """True when text[start:position] ends in a relation "of" the name at `position`
    ("the son of opposition leader| Bolat Abilov"): the name is not the one meant.

    >>> s = "arrested the son of opposition leader Bolat Abilov"
    >>> relation_of_before(s, 8, s.index("Bolat")), relation_of_before(s, 8, s.index("son"))
    (True, False)
    """
    return _words().relation_of.search(text, max(start, position - 100), position) is not None


def names_relation(text: str, relation_end_at: int, next_start: int) -> bool:
    """True when the name at `next_start` follows the relation noun as its apposition
    ("associate, Talgat Ayanov", "lawyer Amanzhol Mukhamejanov")."""
    return _APPOSITION_GAP.fullmatch(text, relation_end_at, next_start) is not None


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
    person_spans = sorted((e.start, e.end) for e in entities if e.label == "PERSON")
    lowered = fold_case(text)

    def add(start: int, end: int, name: str, outlet_type: str | None) -> None:
        name = name.strip(" ,.;:“”\"'«»")
        name = re.sub(r"^(?:The|the)\s+", "", name)
        if not name or taken.overlaps(start, end):
            return
        taken.add(start, end)
        found.append(Mention(start, end, Party(name, "outlet"), outlet_type))

    for cue in _outlet_cues():
        if cue.kind == "after":
            for match in gated_finditer(cue.pattern, text, lowered):
                a = _capitalised_run_before(text, match.start())
                if a is not None:
                    name = text[a : match.start()]
                    if not _is_person_span(a, match.start(), person_spans) or len(name.split()) == 1:
                        add(a, match.end(), name, cue.outlet_type)
            # Glued cue: "Forbes Kazakhstanmagazine", "Foreign Policymagazine".
            if not any(cue.pattern.fullmatch(word) for word in _GLUED_CUES):
                continue
            for match in re.finditer(r"\b([A-Z][a-z]+)(" + cue.pattern.pattern.replace("\\b", "") + r")\b", text):
                if match.group(2).lower() not in _GLUED_CUES:
                    continue
                a = _capitalised_run_before(text, match.start()) or match.start()
                add(a, match.end(), text[a : match.end(1)], cue.outlet_type)
    for cue in _outlet_cues():
        if cue.kind == "before":
            for match in gated_finditer(cue.pattern, text, lowered):
                if _capitalised_run_before(text, match.start()) is not None:
                    continue  # "Radiotochka.kz web portal Bigeldy Gabdullin": the cue closes a name
                end, name = _name_after(text, match.end())
                if name and _NOT_OUTLET_START.match(name):
                    continue
                # "the newspaper Ak Zhayik": after a determiner the cue names the outlet, even
                # where the NER took the name for a person's (exactly that name, no more).
                name_start = end - len(name)
                named = bool(_DETERMINER_BEFORE_CUE.search(text, max(0, match.start() - 40), match.start())) \
                    and (name_start, end) in spans_within(person_spans, name_start, end) \
                    and not _words().suffix.search(fold(name).split()[-1] if fold(name) else "")
                if name and (named or not _is_person_span(match.end(), end, person_spans, strict=True)):
                    add(match.start(), end, name, cue.outlet_type)
        elif cue.kind == "prefix":
            for match in gated_finditer(cue.pattern, text, lowered):
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


# "the newspaper", "an independent weekly", "the opposition news site": a cue that names what follows.
_DETERMINER_BEFORE_CUE = re.compile(r"\b(?:the|a|an)\s(?:[a-z-]+\s)?(?:[a-z-]+\s)?$", re.IGNORECASE)
_GLUED_CUES = ("newspaper", "magazine", "weekly", "daily")


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


# A number that starts an amount, a date or a period: "3 million tenge", "3,000", "2016",
# "14 March", "5 years". A number in a name stays: "Channel 31", "Sayasat 3 was closed".
_AMOUNT_OR_DATE = re.compile(
    r"\d[\d.,]*(?:[.,]\d|\s?(?:%|\$|€|₸|percent\b|per\scent\b|(?i:million|billion|thousand|mln|bn|tenge|"
    r"KZT|USD|US|dollars?|euros?|EUR|rubles?|roubles?|RUB|MCI|MRP|years?|months?|weeks?|days?|hours?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b))"
    r"|\d{4}\b"
)
# "newspaper KZT 20 million", "site In 2016": money, numbers and dates do not name outlets.
_NOT_OUTLET_START = re.compile(
    r"^(?:KZT|USD|EUR|RUB|US\$|\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)


def _is_person_span(start: int, end: int, person_spans, strict: bool = False) -> bool:
    """True when a person's name (spans sorted by start) overlaps text[start:end] (strict)
    or, of the names overlapping it, the first covers it."""
    for a, b in spans_within(person_spans, start, end):
        if a < end and start < b:
            return True if strict else (a <= start and end <= b)
    return False


def _union(spans: Iterable[tuple[int, int]]) -> _SpanSet:
    """Possibly overlapping spans as one set of disjoint spans (for overlap tests)."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    union = _SpanSet()
    union.starts = [a for a, _ in merged]
    union.ends = [b for _, b in merged]
    return union


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
        if word[0].isdigit() and _AMOUNT_OR_DATE.match(word):
            break  # "In 2016 Respublika newspaper", "fined 3 million tenge Tribuna newspaper"
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
        if token[0].isdigit() and _AMOUNT_OR_DATE.match(text, match.start()):
            break  # "the newspaper Sayasat 3 million tenge": a name stops before an amount
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
    accepted += _suffix_named(text, entities, blocked, accepted, words)
    accepted += _repeated_surnames(text, accepted, entities, blocked_set)
    canon = Canon([e.canonical or n for e, n in accepted if len(fold(n).split()) > 1] +
                  [e.canonical or n for e, n in accepted])
    mentions = []
    deciders = set()  # people named once as judge or prosecutor are so in every mention
    for entity, name in accepted:
        before = text[max(0, entity.start - 40) : entity.start]
        if words.decider_before.search(before):
            deciders.add(canon(entity.canonical or name))
    for entity, name in accepted:
        canonical = canon(entity.canonical or name)
        official = canonical in deciders or bool(
            words.official_before.search(text[max(0, entity.start - 40) : entity.start]))
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
    for a, b in _find_words(text, surnames):
        if taken.overlaps(a, b) or blocked.overlaps(a, b):
            continue
        name = text[a:b]
        found.append((Entity(label="PERSON", text=name, start=a, end=b, canonical=surnames[name]), name))
    return found


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of `re.finditer(alternation(words), text)` (whole words, the longest first,
    left to right, not overlapping), in time linear in the text for any number of words:
    a word of word characters only must be the whole run of them where it stands (a
    dict lookup); the few with a hyphen or apostrophe are tried by their first letters.

    >>> t = "Kozlov met Kozlova; MrKozlov and Kozlov-Smith, Al-Farabi."
    >>> [t[a:b] for a, b in _find_words(t, ["Kozlov", "Kozlova", "Al-Farabi", "Al"])]
    ['Kozlov', 'Kozlova', 'Kozlov', 'Al-Farabi']
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        return []
    plain = {w for w in ordered if all(_is_word_char(c) for c in w)}
    marked: dict[str, list[str]] = {}  # first two letters -> words with other characters, longest first
    for word in ordered:
        if word not in plain:
            marked.setdefault(word[:2], []).append(word)
    if not all(_is_word_char(w[0]) for w in ordered) or any(len(key) < 2 for key in marked):
        return [m.span() for m in re.finditer(alternation(ordered), text)]
    initials = "".join(sorted({w[0] for w in ordered}))
    spans = []
    cursor = 0
    for match in re.finditer(r"(?<!\w)[" + re.escape(initials) + r"]\w*", text):
        at = match.start()
        if at < cursor:
            continue
        best = match.group() if match.group() in plain else ""
        for word in marked.get(text[at : at + 2], ()):
            if len(word) <= len(best):
                break
            end = at + len(word)
            if text.startswith(word, at) and (
                (end < len(text) and _is_word_char(text[end])) != _is_word_char(word[-1])
            ):
                best = word
                break
        if best:
            spans.append((at, at + len(best)))
            cursor = at + len(best)
    return spans


def _name_shaped(name: str, words: _Words) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 4 or name in words.not_names:
        return False
    if any(t in words.org_words for t in tokens):
        return False
    return all(t[:1].isupper() and not any(c.isdigit() for c in t) for t in tokens if t not in ("de", "van", "von"))


def person_name_shaped(name: str) -> bool:
    """A name a person may have, though no entity says so: capitalised words, none a role,
    an official title or an organisation word; one word only with a surname ending."""
    words = _words()
    if not _name_shaped(name, words) or not all(re.fullmatch(r"[^\W\d_][\w’'-]*", t) for t in name.split()):
        return False
    lowered = [t.lower() for t in name.split()]
    if any(t in words.officials or words.roles.match(t + " ") for t in lowered):
        return False
    return len(lowered) > 1 or bool(words.suffix.search(lowered[0]))


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
    taken = _union([(e.start, e.end) for e in entities] + list(blocked))
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
        if taken.overlaps(start, end) or not _name_shaped(name, words):
            continue
        if not words.suffix.search(fold(name).split()[-1]):
            continue
        found.append((Entity(label="PERSON", text=name, start=start, end=end), name))
        taken.add(start, end)
    return found


_SUFFIX_NAME = re.compile(
    r"(?<![\w’'-])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s)?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
    r"(?![\w’'-])")
_NAME_STOPS = frozenset(
    "The In On At By A An And But For From As If When After Before Since During Under With Without Of To "
    "Its His Her Their This That These Those Both Judge Police Court President Prosecutor".split())
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'-]*\s$")


def _suffix_named(text, entities, blocked, accepted, words: _Words) -> list[tuple[Entity, str]]:
    """Names the NER missed or cut, by their shape: two or three capitalised words, the
    last a surname ("police detained Asya Tulesova", where the NER saw only "Asya"), not
    part of a longer capitalised phrase and not overlapping a person found otherwise."""
    people = _union([(e.start, e.end) for e, _ in accepted] +
                    [(e.start, e.end) for e in entities if e.label == "PERSON"] + list(blocked))
    others = sorted((e.start, e.end) for e in entities if e.label != "PERSON")
    found = []
    for match in _SUFFIX_NAME.finditer(text):
        start, end = match.span()
        tokens = match.group().split()
        if tokens[0] in _NAME_STOPS or any(t in words.org_words or t in words.not_names for t in tokens):
            continue
        surname = fold(tokens[-1])
        if len(surname) < 5 or surname.endswith("ian") or not words.suffix.search(surname):
            continue  # "Central Asian", "Norwegian": adjectives, not surnames
        if people.overlaps(start, end) or text[end : end + 2][1:2].isupper() and text[end : end + 1] == " ":
            continue
        if _CAPITALISED_BEFORE.search(text, max(0, start - 40), start):
            continue
        # An entity of another label may sit inside the name ("Asya" as a place), not across it.
        if any(not (start <= a and b <= end) for a, b in spans_within(others, start, end)):
            continue
        found.append((Entity(label="PERSON", text=match.group(), start=start, end=end), match.group()))
        people.add(start, end)
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
            if at < self.article_start or at < position - LIMITS.defendant:
                break  # noted sentence by sentence: all earlier ones are further back
            if at <= position:
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
