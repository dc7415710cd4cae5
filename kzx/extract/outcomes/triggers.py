"""Decision triggers in a sentence and the parties each one is about.

The triggers are data (models/patterns/outcome_triggers.jsonl): a regex, the
verdict it states and the slot where its party stands (before it, after it,
between it and a closing word, after "against", ...). This module finds the
trigger matches of a sentence, drops those that state no decision (inside a
hypothesis or a demand, negated, under a modal), and resolves each slot to
parties through `discourse.Discourse`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from kzx.extract.lexicon import compile_pattern, fold_case, load_rows, pattern_words, spans_holding
from kzx.extract.outcomes.layout import clause_of, spans_within
from kzx.extract.outcomes.limits import LIMITS
from kzx.extract.outcomes.discourse import (Discourse, Party, Referent, is_coordination, names_relation, relation_end,
                                   relation_of_before)



@dataclass(frozen=True)
class TriggerSpec:
    verdict: str
    slot: str
    pattern: re.Pattern[str]
    close: re.Pattern[str] | None
    window: int
    parties: str
    agent: re.Pattern[str] | None
    context: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    possessive: bool
    carrying_out: bool
    inherit: tuple[str, ...]
    separate: bool
    confirms: bool
    restates: bool
    penalty: str | None
    order: int


@cache
def trigger_specs() -> tuple[TriggerSpec, ...]:
    def optional(row: dict, key: str) -> re.Pattern[str] | None:
        return compile_pattern(row[key]) if row.get(key) else None

    return tuple(
        TriggerSpec(
            verdict=row["verdict"],
            slot=row["slot"],
            pattern=compile_pattern(row["pattern"]),
            close=optional(row, "close"),
            window=int(row.get("window", LIMITS.trigger_window)),
            parties=row.get("parties", "person"),
            agent=optional(row, "agent"),
            context=optional(row, "context"),
            unless=optional(row, "unless"),
            possessive=bool(row.get("possessive")),
            carrying_out=bool(row.get("carrying_out")),
            inherit=tuple(row.get("inherit", ())),
            separate=bool(row.get("separate")),
            confirms=bool(row.get("confirms")),
            restates=bool(row.get("restates")),
            penalty=row.get("penalty"),
            order=order,
        )
        for order, row in enumerate(load_rows("outcome_triggers.jsonl"))
    )


@cache
def _blockers() -> re.Pattern[str]:
    """Words after which, to the end of the clause, no decision is stated."""
    rows = load_rows("outcome_blockers.jsonl")
    return compile_pattern("|".join(f"(?:{r['pattern']})" for r in rows if r["applies"] in ("triggers", "both")))


@dataclass
class Candidate:
    spec: TriggerSpec
    start: int
    end: int  # end of the pattern
    close_start: int | None = None
    close_end: int | None = None
    parties: list[Party] = field(default_factory=list)
    party_spans: list[tuple[int, int]] = field(default_factory=list)
    verdict: str = ""
    rule: str = ""  # the row that read it: "syntax:<id>" for a dependency row, else the surface row

    @property
    def reading(self) -> str:
        return self.rule or f"surface:{self.spec.order}"

    @property
    def stop(self) -> int:
        return self.close_end if self.close_end is not None else self.end

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.stop and other.start < self.stop


# Words before a trigger that make it a hypothesis or deny it.
_NEGATION = re.compile(r"\b(?:not|never|no\slonger|n['’]t|neither|nor|without\sbeing)\s(?:\w+\s)?$", re.I)
_MODAL = re.compile(
    r"\b(?:(?-i:could|may|might|would|will|shall|should|must|can|cannot)|to)\s(?:not\s)?"
    r"(?:be\s|have\sbeen\s|been\s)?(?:\w+ly\s)?$",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"\b(?:ruled|decided|decision|ordered|decreed|sanctioned|authori[sz]ed|agreed|resolved|verdict)\b", re.I)
# "the convicted Aliyev", "the detained activist X", "the wife of jailed activist X", "in support
# of imprisoned journalist X": a participle used as an adjective.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|his|her|their|its|our|two|three|other"
    r"|of|for|about|with|from|against|including|among)\s$", re.I)
_CLAUSE_END_OF_BLOCK = re.compile(r",\s(?:who|which)\b", re.I)


def blocked_zones(text: str, clause_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches where triggers state no decision: from a blocker to the end of its clause."""
    blockers = _blockers()
    zones = []
    for a, b in clause_spans:
        for match in blockers.finditer(text, a, b):
            end = _CLAUSE_END_OF_BLOCK.search(text, match.end(), b)
            zones.append((match.start(), end.start() if end else b))
    return zones


# ---------------------------------------------------------------- prefilter

def likely_specs(text: str, spans: list[tuple[int, int]], lowered: str | None = None) -> list[tuple[TriggerSpec, ...]]:
    """For each span of `text` (sorted, not overlapping), the trigger rows that may match in it.

    A row is left out only where none of its required words occurs: one pass over the
    text per word instead of one regex pass per row and sentence.
    """
    lowered = fold_case(text) if lowered is None else lowered
    rows: list[list[TriggerSpec]] = [[] for _ in spans]
    found_at: dict[str, list[int]] = {}
    for spec in trigger_specs():
        held = spans_holding(lowered, pattern_words(spec.pattern), spans, found_at)
        for index in range(len(spans)) if held is None else sorted(held):
            rows[index].append(spec)
    return [tuple(row) for row in rows]


def find_candidates(text: str, clause_spans: list[tuple[int, int]], start: int, end: int,
                    specs: Sequence[TriggerSpec] | None = None) -> list[Candidate]:
    """Trigger matches of the sentence text[start:end] that may state a decision.

    `specs` narrows the rows tried (see `likely_specs`); all rows by default.
    """
    zones: list[tuple[int, int]] | None = None
    found = []
    for spec in trigger_specs() if specs is None else specs:
        if spec.context and not spec.context.search(text, start, end):
            continue
        if spec.unless and spec.unless.search(text, start, end):
            continue
        for match in spec.pattern.finditer(text, start, end):
            if match.end() == match.start():
                continue
            clause = clause_of(clause_spans, match.start())
            candidate = Candidate(spec, match.start(), match.end(), verdict=spec.verdict)
            if spec.close is not None:
                close = spec.close.search(text, match.end(), min(clause[1], match.end() + spec.window))
                if close is None:
                    continue
                candidate.close_start, candidate.close_end = close.span()
            if zones is None:
                zones = blocked_zones(text, clause_spans)
            if _states_no_decision(text, candidate, clause, zones):
                continue
            if spec.agent and not spec.agent.search(text, clause[0], match.start()):
                continue
            found.append(candidate)
    return sorted(found, key=lambda c: (c.start, -(c.stop - c.start), c.spec.order))


def _states_no_decision(text: str, candidate: Candidate, clause: tuple[int, int], zones) -> bool:
    if any(a <= candidate.start < b for a, b in zones):
        return True
    before = text[max(clause[0], candidate.start - 30) : candidate.start]
    if _NEGATION.search(before):
        return True
    if _MODAL.search(before) and not _DECISION.search(text, clause[0], candidate.start):
        return True
    if candidate.spec.slot == "object" and _DETERMINER_BEFORE.search(before):
        return True
    return False


# ---------------------------------------------------------------- slots

_FILLERS = frozenset(
    "was were is are been be being has have had got gets get also again later then subsequently "
    "previously eventually finally reportedly allegedly and both each all too once twice first "
    "ultimately soon recently already themselves himself herself on in since the same day "
    "initially formally officially briefly forcibly who".split()
)
_OBJECT_BARRIERS = frozenset(
    "to for with after before because who which that when while where whose than said says but "
    "although since until by against from into during i we he she they it".split()
)
_ING_ADJECTIVES = frozenset("leading ruling acting opposing outstanding well-being".split())
_WORD = re.compile(r"[\w’'-]+|[,;()]")
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her|their)\s(?:(?:prison|jail|original|criminal)\s)?$", re.IGNORECASE)
_POSSESSIVE_START = re.compile(r"^['’]s?\b")


_PARENTHESES = re.compile(r"\([^()]{0,80}\)")
_PLACE_WORDS = frozenset("the western eastern northern southern central city town region of".split())


def _skip_place(gap: str) -> str:
    """Drop a place after a name: '"Uralskaya Nedelya" in western Kazakhstan has been ordered'."""
    words = gap.split()
    if not words or words[0] not in ("in", "from", "of"):
        return gap
    i = 1
    while i < len(words) and (words[i] in _PLACE_WORDS or words[i][:1].isupper()):
        i += 1
    if i == 1 or not words[i - 1][:1].isupper():
        return gap
    return " ".join(words[i:])


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


class SlotResolver:
    """Resolves a candidate's slot to parties, within its clause."""

    def __init__(self, text: str, discourse: Discourse, date_spans: list[tuple[int, int]]):
        self.text = text
        self.discourse = discourse
        self.index = discourse.index
        self.date_spans = date_spans

    # -- helpers

    def _allowed(self, spec: TriggerSpec, parties: list[Party]) -> list[Party]:
        if spec.parties == "any":
            return parties
        return [p for p in parties if p.kind == spec.parties]

    def _without_dates(self, start: int, end: int) -> str:
        """text[start:end] with dates (and the 'on'/'in' before them) blanked."""
        chars = list(self.text[start:end])
        for a, b in spans_within(self.date_spans, start, end):
            for i in range(max(a, start), min(b, end)):
                chars[i - start] = " "
        return re.sub(r"\b(?:on|in|since|by)\s+(?=\s|$)", " ", "".join(chars))

    def subject_gap_ok(self, start: int, end: int, possessive: bool) -> bool:
        """True when text[start:end], between a name and its verb, leaves the name the subject."""
        gap = self._without_dates(start, end)
        if _POSSESSIVE_START.match(gap):
            if not possessive:
                return False
            gap = _POSSESSIVE_START.sub("", gap)
            gap = re.sub(r"^\s*(?:prison|jail|criminal|original)\b", "", gap)
        stripped = _PARENTHESES.sub(" ", gap).strip()
        stripped = _skip_place(stripped)
        if stripped.startswith(","):
            last = stripped.rfind(",")
            inner = stripped[1:last]
            if last > 0 and len(inner) <= 200 and ";" not in inner:
                stripped = stripped[last + 1 :]
            elif re.match(r"^,\s*who\b", stripped):
                stripped = stripped[1:]
            else:
                stripped = stripped[1:]
        for word in _words(stripped):
            lower = word.lower()
            if lower in _FILLERS or lower == "," or (lower.endswith("ly") and len(lower) > 4):
                continue
            if lower in ("&ndash", "–", "-"):
                continue
            return False
        return True

    def _parenthesised(self, referent: Referent) -> bool:
        before = self.text[max(0, referent.start - 3) : referent.start]
        after = self.text[referent.end : referent.end + 3]
        return "(" in before and ")" in after

    def object_gap_ok(self, start: int, end: int) -> bool:
        """True when the words between a verb and a name describe the name ("blogger", "the chief editor of ...")."""
        if end - start > 160:
            return False
        gap = self._without_dates(start, end)
        for word in _words(gap):
            lower = word.lower()
            if lower in _OBJECT_BARRIERS or word == ";":
                return False
            if lower.endswith("ing") and lower not in _ING_ADJECTIVES and len(lower) > 5:
                return False
        return True

    def resolve_all(self, referents: list[Referent]) -> tuple[list[Party], list[tuple[int, int]]]:
        parties: list[Party] = []
        spans = []
        for referent in referents:
            resolved = self.discourse.resolve(referent)
            parties += resolved
            if resolved:
                spans.append((referent.start, referent.end))
        return list(dict.fromkeys(parties)), spans

    def _joined(self, left: Referent, right: Referent) -> bool:
        """True when `left` and `right` are one list: "X and Y", "his codefendants Y and Z"."""
        gap = self.text[left.end : right.start]
        return is_coordination(gap) or (left.kind == "group" and not gap.strip(" ,:"))

    def _chain_back(self, referents: list[Referent], last: int) -> list[Referent]:
        chain = [referents[last]]
        i = last - 1
        while i >= 0 and self._joined(referents[i], chain[0]):
            chain.insert(0, referents[i])
            i -= 1
        return chain

    def _chain_forward(self, referents: list[Referent], first: int) -> list[Referent]:
        chain = [referents[first]]
        i = first + 1
        while i < len(referents) and self._joined(chain[-1], referents[i]):
            chain.append(referents[i])
            i += 1
        return chain

    def _fits(self, spec: TriggerSpec, referent: Referent) -> bool:
        if referent.kind == "mention" and referent.mention is not None:
            return spec.parties == "any" or referent.mention.party.kind == spec.parties
        if referent.kind == "anaphor":
            return spec.parties in ("any", "outlet")
        return spec.parties in ("any", "person")

    # -- slots

    def possessive_pronoun(self, position: int) -> Referent | None:
        """'his', 'her' or 'their' just before `position` ("reduced his sentence")."""
        match = _POSSESSIVE_PRONOUN.search(self.text, max(0, position - 30), position)
        if not match:
            return None
        pronoun = {"his": "he", "her": "she", "their": "they"}[match.group(1).lower()]
        return Referent(match.start(1), match.end(1), "pronoun", pronoun)

    def subject(self, candidate: Candidate, clause: tuple[int, int]) -> list[Referent]:
        if candidate.spec.possessive:
            pronoun = self.possessive_pronoun(candidate.start)
            if pronoun is not None:
                return [pronoun]
        floor = max(clause[0], candidate.start - LIMITS.subject)
        referents = self.index_referents(floor, candidate.start)
        # A gloss in parentheses is not the subject: 'the newspaper "Uralskaya Nedelya" ("Uralsk Weekly")'.
        referents = [r for r in referents if not self._parenthesised(r)]
        if not referents:
            return []
        last = len(referents) - 1
        gap_start = referents[last].end
        relation = relation_end(self.text, gap_start)
        if relation is not None and last > 0 and \
                re.fullmatch(r"\s?,\s?", self.text[referents[last - 1].end : referents[last].start]):
            # "Talgat Ayanov, Max Bokayev's associate, was sentenced": the apposition is skipped.
            last, gap_start = last - 1, relation
        if not self.subject_gap_ok(gap_start, candidate.start, candidate.spec.possessive):
            return []
        if not self._fits(candidate.spec, referents[last]):
            return []
        return self._chain_back(referents, last)

    def past_relation(self, referents: list[Referent], i: int) -> int | None:
        """The referent a decision is about when referents[i] may be a possessive: itself,
        or the relation named after it ("Max Bokayev's associate, Talgat Ayanov"); None
        when the relation is not named ("Bokayev's lawyer")."""
        while True:
            end = relation_end(self.text, referents[i].end)
            if end is None:
                return i
            if i + 1 < len(referents) and names_relation(self.text, end, referents[i + 1].start):
                i += 1
                continue
            return None

    def object(self, candidate: Candidate, clause: tuple[int, int]) -> list[Referent]:
        start = candidate.stop
        referents = self.index_referents(start, min(clause[1], start + LIMITS.object))
        return self._first_object(candidate.spec, referents, start)

    def _first_object(self, spec: TriggerSpec, referents: list[Referent], start: int) -> list[Referent]:
        """The first referent after `start` that fits, and those listed with it."""
        for i, referent in enumerate(referents):
            if not self._fits(spec, referent):
                continue
            if not self.object_gap_ok(start, referent.start):
                return []
            if relation_of_before(self.text, start, referent.start):
                # "the lawyer of Max Bokayev, Amanzhol Mukhamejanov": the relation, where named.
                if i + 1 < len(referents) and names_relation(self.text, referent.end, referents[i + 1].start):
                    i += 1
                else:
                    return []
            named = self.past_relation(referents, i)
            if named is None or not self._fits(spec, referents[named]):
                return []
            return self._chain_forward(referents, named)
        return []

    def between(self, candidate: Candidate) -> list[Referent]:
        assert candidate.close_start is not None
        if candidate.spec.possessive:
            pronoun = self.possessive_pronoun(candidate.close_start)
            if pronoun is not None and pronoun.start >= candidate.end:
                return [pronoun]
        referents = [r for r in self.index_referents(candidate.end, candidate.close_start)
                     if self._fits(candidate.spec, r)]
        if not referents:
            return []
        last = len(referents) - 1
        gap_start = referents[last].end
        if _POSSESSIVE_START.match(self.text[gap_start : candidate.close_start]) and not candidate.spec.possessive:
            return []
        if not self.object_gap_ok(gap_start, candidate.close_start):
            return []
        return self._chain_back(referents, last)

    def after_word(self, word: re.Pattern[str], start: int, end: int, spec: TriggerSpec) -> list[Referent]:
        """The parties named after `word` ("against Forbes Kazakhstan and news site Ratel.kz")."""
        match = word.search(self.text, start, end)
        if not match:
            return []
        referents = self.index_referents(match.end(), min(end, match.end() + LIMITS.object))
        return self._first_object(spec, referents, match.end())

    def index_referents(self, start: int, end: int) -> list[Referent]:
        """Referring words in text[start:end]; "the akim" that names nobody earlier is left out."""
        return [r for r in self.index.referents_in(start, end)
                if r.kind != "description" or self.discourse.resolve(r)]


_AGAINST = re.compile(r"\bagainst\b", re.IGNORECASE)
_BY_OR_OF = re.compile(r"\b(?:filed\sby|brought\sby|by|of)\b", re.IGNORECASE)
_SUIT_NOUN = re.compile(r"(?:lawsuits?|suits?|claims?)\b", re.IGNORECASE)
_THE_PLAINTIFF = re.compile(r"\s(?:the\s)?(?:plaintiffs?|claimants?)\b", re.IGNORECASE)
_PLAINTIFF_POSSESSIVE = re.compile(r"^['’]s?\s(?:\w+\s)?(?:lawsuits?|suits?|claims?|complaints?)\b", re.IGNORECASE)


def resolve_candidate(resolver: SlotResolver, candidate: Candidate, clause: tuple[int, int],
                      recent: list[Candidate]) -> bool:
    """Fill `candidate.parties` from its slot; False when no party is found.

    `recent` holds the candidates already accepted in this document, newest
    last, for coordination ("arrested ... and charged with") and context slots.
    """
    spec = candidate.spec
    slot = spec.slot
    referents: list[Referent] = []
    parties: list[Party] = []
    if slot == "subject":
        referents = resolver.subject(candidate, clause)
    elif slot == "object":
        referents = resolver.object(candidate, clause)
    elif slot == "between":
        referents = resolver.between(candidate)
    elif slot == "against":
        referents = resolver.after_word(_AGAINST, candidate.stop, clause[1], spec)
        if not referents:
            party = resolver.discourse.defendant(candidate.start) or resolver.discourse.salient_person(
                candidate.start)
            parties = [party] if party else []
    elif slot == "favor":
        referents, parties = _favor(resolver, candidate, clause)
    elif slot == "suit":
        referents, parties = _suit(resolver, candidate, clause)
    elif slot == "context":
        parties = _context(candidate, recent, max(resolver.discourse.article_start, candidate.start - LIMITS.context))
    if referents:
        parties, candidate.party_spans = resolver.resolve_all(referents)
    if not parties and slot in ("subject", "object", "between"):
        # "was arrested on February 10 and charged with ...", "sentenced ... and released on June 21"
        parties = _coordinated_with_previous(resolver, candidate, clause, recent)
    parties = resolver._allowed(spec, parties)
    candidate.parties = parties
    return bool(parties)


def _coordinated_with_previous(resolver: SlotResolver, candidate: Candidate, clause, recent) -> list[Party]:
    """'X was arrested on February 10 and charged with ...': the second verb shares X."""
    if not recent:
        return []
    previous = recent[-1]
    if previous.stop > candidate.start or previous.start < clause[0]:
        return []
    words = resolver._without_dates(previous.stop, candidate.start).replace(",", " , ").split()
    for _ in range(2):
        if words and (words[-1].lower() in _COORDINATION_FILLERS or words[-1].lower().endswith("ly")):
            words.pop()
    if not words or words[-1].lower() not in ("and", ","):
        return []
    if resolver.index_referents(previous.stop, candidate.start):
        return []
    return resolver._allowed(candidate.spec, list(previous.parties))


_COORDINATION_FILLERS = frozenset("was were is are then later also subsequently eventually".split())


def _favor(resolver: SlotResolver, candidate: Candidate, clause) -> tuple[list[Referent], list[Party]]:
    """'ruled in favor of X's lawsuit against Y' -> Y lost; 'in favor of journalist X' -> the suit against X failed."""
    spec = candidate.spec
    against = resolver.after_word(_AGAINST, candidate.stop, clause[1], spec)
    if against:
        return against, []
    winners = resolver.object(candidate, clause)
    if not winners:
        if _THE_PLAINTIFF.match(resolver.text, candidate.stop):
            defendant = resolver.discourse.defendant(candidate.start)
            return [], [defendant] if defendant else []
        return [], []
    parties, _ = resolver.resolve_all(winners)
    after = resolver.text[winners[-1].end : winners[-1].end + 40]
    defendant = resolver.discourse.defendant(candidate.start)
    if _PLAINTIFF_POSSESSIVE.match(after) or re.match(r"^\s*,?\s*the\splaintiff", after):
        return [], [defendant] if defendant and defendant not in parties else []
    if any(p == defendant or p.kind == "outlet" for p in parties):
        candidate.verdict = "suit_dismissed"
        return winners, []
    return [], []


def _suit(resolver: SlotResolver, candidate: Candidate, clause) -> tuple[list[Referent], list[Party]]:
    """A dismissed suit: the plaintiff where named ('X's lawsuit', 'the claim of X'), else the defendant."""
    spec = candidate.spec
    text = resolver.text
    # "the lawsuit ... was dismissed" names the suit first; "rejected the lawsuit" last.
    if _SUIT_NOUN.match(text, candidate.start):
        noun_start, noun_end = candidate.start, candidate.end
    else:
        noun_start, noun_end = candidate.close_start, candidate.close_end
    assert noun_start is not None and noun_end is not None
    plaintiffs = []
    before = resolver.index_referents(max(clause[0], noun_start - 80), noun_start)
    if before and re.match(r"^['’]s?\s(?:\w+\s)?$", text[before[-1].end : noun_start]) and resolver._fits(spec, before[-1]):
        plaintiffs = [before[-1]]
    if not plaintiffs:
        match = _BY_OR_OF.match(text, noun_end + 1) if noun_end + 1 < len(text) else None
        if match:
            plaintiffs = resolver.after_word(_BY_OR_OF, noun_end, min(clause[1], noun_end + 60), spec)
    if plaintiffs:
        return plaintiffs, []
    defendants = resolver.after_word(_AGAINST, noun_end, clause[1], spec)
    if defendants:
        return defendants, []
    party = resolver.discourse.defendant(candidate.start)
    return [], [party] if party else []


def _context(candidate: Candidate, recent: list[Candidate], floor: int) -> list[Party]:
    """An appeal that changes an award: the party of the last decision of the inherited kind
    (in the article, and not before `floor`)."""
    for previous in reversed(recent):
        if previous.start < floor:
            break
        if previous.verdict in candidate.spec.inherit:
            return list(previous.parties)
    return []
