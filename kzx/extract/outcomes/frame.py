"""Reading the frame: one `Frame` per decision trigger and party, its slots filled.

`Reader` walks a document sentence by sentence. For each sentence it takes the
trigger candidates (triggers.py), keeps of overlapping ones the longest whose
party resolves (discourse.py), splits gapped sentences among their parties
("sentenced X to three years and Y to two") and calls one filler per slot
(slots/court.py, slots/date.py, slots/charges.py, slots/penalties.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from kzx.extract.lexicon import fold_case, spans_holding
from kzx.extract.outcomes.discourse import Discourse, Party, PartyIndex, Referent, fold, person_name_shaped
from kzx.extract.outcomes.layout import Layout, clause_of, clauses, lay_out, spans_within
from kzx.extract.outcomes.limits import LIMITS
from kzx.extract.outcomes.slots.charges import charges_and_span
from kzx.extract.outcomes.slots.court import CourtMention, court_words, fill_court, find_courts
from kzx.extract.outcomes.slots.date import fill_date
from kzx.extract.outcomes.slots.penalties import WITH_PENALTIES, dedupe, fill_penalties, penalties_respectively
from kzx.extract.outcomes.syntax import PARTY_WORDS, SentenceParser, SyntaxMatch, gate_words, possible_rows
from kzx.extract.outcomes.triggers import (Candidate, SlotResolver, TriggerSpec, find_candidates, likely_specs,
                                          resolve_candidate, trigger_specs)
from kzx.records import Evidence, Outcome, Penalty

CONVICTION_FAMILY = {"convicted": "conviction", "sentenced": "conviction", "fined": "conviction"}
WITH_CHARGES = {"convicted", "sentenced", "fined", "acquitted", "charged"}

_ADMINISTRATIVE = re.compile(r"\badministrative(?:ly)?\b", re.IGNORECASE)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)


@dataclass
class Frame:
    """One decision about one party, before merging."""

    verdict: str
    party: Party
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    paragraph: int
    article: int
    court: str | None = None
    date: str | None = None
    charges: list[str] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)
    administrative: bool = False
    carrying_out: bool = False
    separate: bool = False  # an appeal that changes an earlier decision: its own outcome
    confirms: bool = False  # an appeal that leaves an earlier decision standing
    restates: bool = False  # "handed down the verdict on May 5": the decision told again
    joins: bool = False  # damages ordered with a sentence: a penalty of that sentence
    told_before: bool = False  # the party is that of an earlier decision ("upheld the ruling")
    article_small: bool = True  # short enough to be one story told over several paragraphs
    verdicts: set[str] = field(default_factory=set)
    dropped: bool = False
    readings: list[str] = field(default_factory=list)  # the rows that read it (surface:N, syntax:id)

    @cached_property
    def key(self) -> str:
        return fold(self.party.name)


def decision_sentences(layout: Layout, lowered: str) -> list[tuple[int, int]]:
    """The sentences worth parsing: some dependency row may match them (a word each of its
    nodes requires occurs), headlines aside. `lowered` is the text through `fold_case`."""
    # One search of the text per gate word picks the sentences worth a closer look.
    held = spans_holding(lowered, gate_words(), layout.sentences)
    return [(a, b) for i, (a, b) in enumerate(layout.sentences)
            if (held is None or i in held) and not layout.is_headline(a) and possible_rows(lowered[a:b])]


class Reader:
    """Reads one document in order, keeping what later sentences refer back to."""

    def __init__(self, text, sentences, persons, dates, money):
        self.text = text
        # Names the parse may take as a party though no person mention covers them
        # ("Authorities detained Zhanbolat Mamay", Mamay tagged a place): not organisations.
        self.not_person_spans = sorted((e.start, e.end) for e in persons if e.label not in _NAME_LABELS)
        self.unlisted: dict[str, Party] = {}  # last name -> a party only the parse found
        self.layout: Layout = lay_out(text, sentences)
        self.dates = sorted(dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.date_spans = [(d.start, d.end) for d in self.dates]
        self.money = sorted(money, key=lambda m: m.start)
        self.money_starts = [m.start for m in self.money]
        self.lowered = fold_case(text)
        with_courts = spans_holding(self.lowered, court_words(), self.layout.sentences)
        self.courts = {
            (a, b): find_courts(text, a, b, self.date_spans) if with_courts is None or i in with_courts else []
            for i, (a, b) in enumerate(self.layout.sentences)
        }
        court_spans = [(c.start, c.end) for found in self.courts.values() for c in found if not c.generic]
        self.index = PartyIndex(text, persons, court_spans)
        self.discourse = Discourse(self.index)
        self.resolver = SlotResolver(text, self.discourse, self.date_spans)
        self.named_courts: list[CourtMention] = []
        self.named_court_ends: list[int] = []
        self.accepted: list[Candidate] = []
        self.decided: dict[int, set[Party]] = {}  # paragraph -> parties of its decisions
        self._to_parse: list[tuple[int, int]] | None = None

    def read(self, parse: SentenceParser | None = None) -> list[Frame]:
        """The document's frames; `parse`, when given, parses the sentences of `to_parse`.
        A reader reads once: the discourse it keeps is the document's."""
        frames: list[Frame] = []
        specs = likely_specs(self.text, self.layout.sentences, self.lowered)
        parsed = self._parse(parse)
        for (start, end), sentence_specs in zip(self.layout.sentences, specs):
            self.discourse.article_start = self.layout.article_start(start)
            self.discourse.read_sentence(start, end)
            if self.layout.is_headline(start):
                continue  # "Kazakh Court Sentences Activist To Prison": the story tells it
            frames += self.read_sentence(start, end, sentence_specs, parsed.get(start, ()))
        return frames

    def to_parse(self) -> list[tuple[int, int]]:
        """The sentences the tree may read a decision in: some dependency row may match them
        and something in them may stand for a party (`_may_name_a_party`). Asked before
        the parse and again by `read`: found once."""
        if self._to_parse is None:
            self._to_parse = [(a, b) for a, b in decision_sentences(self.layout, self.lowered)
                              if self._may_name_a_party(a, b)]
        return self._to_parse

    def _may_name_a_party(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds what a party read from the tree resolves to: a
        mention, pronoun, group or description the discourse knows, or a run of capitalised
        words shaped like a person's name ("Authorities detained Zhanbolat Mamay", Mamay
        taken for a place). "Eighteen persons were convicted" holds none."""
        if _PARTY_WORD.search(self.text, start, end) or self.index.referents_in(start, end):
            return True
        words = [(m.start(), m.end() - 2 if m.group().endswith(("’s", "'s")) else m.end())
                 for m in _CAPITALISED.finditer(self.text, start, end)]
        for i, (a, b) in enumerate(words):
            runs = [(a, b)]
            if i + 1 < len(words) and self.text[b:words[i + 1][0]] == " ":
                runs.append((a, words[i + 1][1]))
            if any(person_name_shaped(self.text[x:y]) and not _in_organisation(self.not_person_spans, x, y)
                   for x, y in runs):
                return True
        return False

    def _parse(self, parse: SentenceParser | None) -> dict[int, list[SyntaxMatch]]:
        """The tree's reading of the sentences worth parsing (`to_parse`), by sentence
        start, parsed in one batch."""
        if parse is None:
            return {}
        chosen = self.to_parse()
        if not chosen:
            return {}
        results = parse([self.text[a:b] for a, b in chosen])
        return {a: [_shifted(m, a) for m in found] for (a, _), found in zip(chosen, results) if found}

    def read_sentence(self, start: int, end: int, specs=None, syntax: Sequence[SyntaxMatch] = ()) -> list[Frame]:
        text = self.text
        clause_spans = clauses(text, start, end)
        courts = self.courts[(start, end)]
        found = find_candidates(text, clause_spans, start, end, specs) if specs != () else []
        candidates = self._choose(found, clause_spans)
        if syntax:
            candidates = self._with_syntax(candidates, syntax, clause_spans)
        administrative = bool(_ADMINISTRATIVE.search(text, start, end))
        frames = []
        for i, candidate in enumerate(candidates):
            clause = clause_of(clause_spans, candidate.start)
            following = candidates[i + 1].start if i + 1 < len(candidates) else end
            scope_end = min(following if following > candidate.start else end, clause[1],
                            candidate.start + LIMITS.scope)
            scope_end = max(scope_end, candidate.stop)
            court = fill_court(self, courts, candidate, clause, (start, end))
            others = [c.start for c in candidates if c is not candidate]
            when = fill_date(self, candidate, clause, others)
            evidence = _evidence_span(text, clause, candidate)
            shares = self._shares(candidate, scope_end)
            respectively = (
                penalties_respectively(text, candidate.start, scope_end, len(shares))
                if candidate.verdict in WITH_PENALTIES and len(shares) > 1 else None
            )
            for n, (party, (a, b)) in enumerate(shares):
                verdict = candidate.verdict
                charges, charge_span = (
                    charges_and_span(text, a, b, self._masks(candidate, b))
                    if candidate.verdict in WITH_CHARGES else ([], None)
                )
                penalties = fill_penalties(self, candidate, a, b, administrative, charge_span)
                if respectively:
                    penalties = dedupe([*respectively[n], *(p for p in penalties if not p.duration)])
                frames.append(Frame(
                    verdict=verdict, party=party, trigger=(candidate.start, candidate.stop),
                    evidence=evidence, paragraph=self.layout.paragraph(candidate.start),
                    article=self.layout.article(candidate.start), court=court, date=when,
                    charges=list(charges), penalties=penalties, administrative=administrative,
                    carrying_out=candidate.spec.carrying_out, separate=candidate.spec.separate,
                    confirms=candidate.spec.confirms, restates=candidate.spec.restates,
                    told_before=candidate.spec.slot == "context",
                    joins=self._joins(candidate, party, candidates, clause),
                    article_small=self.layout.article_length(candidate.start) <= LIMITS.article_merge,
                    verdicts={verdict}, readings=[candidate.reading],
                ))
            if candidate.verdict in ("suit_upheld", "suit_dismissed"):
                for party in candidate.parties:
                    self.discourse.note_defendant(party, candidate.start)
        for court in courts:
            if not court.generic and court.kind == "court":
                self.named_courts.append(court)
                self.named_court_ends.append(court.end)
        return frames

    def _with_syntax(self, candidates: list[Candidate], syntax: Sequence[SyntaxMatch],
                     clause_spans) -> list[Candidate]:
        """The surface reading, with what the tree adds: parties a surface row found no
        way to (a relative clause, a long apposition, a name the NER missed) and the
        coordinated parties of a decision the surface read for one of them."""
        chosen = list(candidates)
        for match in syntax:
            parties, spans = self._syntax_parties(match)
            if not parties:
                continue
            family = CONVICTION_FAMILY.get(match.verdict, match.verdict)
            same = [c for c in chosen if CONVICTION_FAMILY.get(c.verdict, c.verdict) == family]
            at = next((c for c in same if c.start < match.trigger[1] and match.trigger[0] < c.stop), None)
            told = set(at.parties) if at is not None else {p for c in same for p in c.parties}
            new = [(p, s) for p, s in zip(parties, spans) if p not in told]
            if not new:
                continue
            if match.overrides:
                # "was arrested for 15 days": the tree reads an administrative sentence
                # where the surface read an arrest at the same words.
                chosen = [c for c in chosen if not (c.start < match.trigger[1] and match.trigger[0] < c.stop
                                                    and set(c.parties) <= set(parties))]
                at = None
            if at is not None:
                at.parties += [p for p, _ in new]
                at.party_spans += [s for _, s in new]
                continue
            candidate = Candidate(_syntax_spec(match.verdict), match.trigger[0], match.trigger[1],
                                  parties=[p for p, _ in new], party_spans=[s for _, s in new],
                                  verdict=match.verdict, rule=f"syntax:{match.rule}")
            chosen.append(candidate)
            self.accepted.append(candidate)
            self.decided.setdefault(self.layout.paragraph(candidate.start), set()).update(candidate.parties)
            self.discourse.note_group(candidate.parties, candidate.stop)
        return sorted(chosen, key=lambda c: c.start)

    def _syntax_parties(self, match: SyntaxMatch) -> tuple[list[Party], list[tuple[int, int]]]:
        parties: list[Party] = []
        spans: list[tuple[int, int]] = []
        for span in match.parties:
            if span.kind == "pronoun":
                found = self.discourse.resolve(Referent(span.start, span.end, "pronoun", span.text))
            elif span.kind == "both":
                found = self._last_two(span.start)
            elif span.kind == "phrase":
                found = next((parties for parties in map(self.discourse.resolve,
                                                         self.index.referents_in(span.start, span.end))
                              if parties), [])
            else:
                mentions = [m for m in self.index.mentions_in(span.start - LIMITS.name_overlap, span.end + LIMITS.name_overlap)
                            if m.start < span.end and span.start < m.end and not m.official]
                found = [m.party for m in mentions[:1]]
                if not found and not _in_organisation(self.not_person_spans, span.start, span.end):
                    found = self._unlisted_person(span.text)
            for party in found:
                if party not in parties:
                    parties.append(party)
                    spans.append((span.start, span.end))
        return parties, spans

    def _last_two(self, position: int) -> list[Party]:
        """The two people "both" stands for: the last two decided about in the paragraph."""
        paragraph = self.layout.paragraph(position)
        found: list[Party] = []
        for candidate in reversed(self.accepted):
            if self.layout.paragraph(candidate.start) != paragraph:
                break
            for party in reversed(candidate.parties):
                if party not in found and party.kind == "person":
                    found.append(party)
        return found[:2][::-1] if len(found) >= 2 else []

    def _unlisted_person(self, name: str) -> list[Party]:
        """A party the parse names though the NER did not take it for a person ("Authorities
        detained Zhanbolat Mamay"); later "Mamay" alone is the same person."""
        last = fold(name).split()[-1] if name.split() else ""
        if last in self.unlisted:
            return [self.unlisted[last]]
        if not person_name_shaped(name):
            return []
        party = Party(name, "person")
        self.unlisted[last] = party
        return [party]

    def _joins(self, candidate: Candidate, party: Party, candidates: Sequence[Candidate], clause) -> bool:
        """Damages or a ban that belong to a sentence: told with it in one sentence
        ("sentenced to five years and ordered to pay"), or with "also" ("X was also
        banned from ...", "the court also ordered X to pay")."""
        damages = candidate.verdict == "suit_upheld" and party.kind == "person"
        if not damages and candidate.spec.penalty != "activity_ban":
            return False
        if any(other is not candidate and CONVICTION_FAMILY.get(other.verdict) == "conviction" and party in other.parties
               for other in candidates):
            return True
        return bool(_ALSO.search(self.text, max(clause[0], candidate.start - LIMITS.also_lookback), candidate.stop))

    def _shares(self, candidate: Candidate, scope_end: int) -> list[tuple[Party, tuple[int, int]]]:
        """Each party with the stretch that states its penalties.

        "sentenced X to three years and Y to two years": Y's penalties follow Y;
        "X and Y to seven and two years respectively" share by order.
        """
        parties = list(candidate.parties)
        whole = (candidate.start, scope_end)
        if not parties:
            return []
        gapped = _gapped(self.text, self.index, candidate, scope_end, self.money_starts)
        if gapped:
            cuts = [candidate.start] + [a for _, a in gapped] + [scope_end]
            named = [parties[0]] + [p for p, _ in gapped]
            return [(party, (cuts[i], cuts[i + 1])) for i, party in enumerate(named)]
        return [(party, whole) for party in parties]

    def _choose(self, candidates: list[Candidate], clause_spans) -> list[Candidate]:
        """Resolve candidates; of overlapping ones keep the longest that finds a party."""
        chosen: list[Candidate] = []
        clusters: list[list[Candidate]] = []
        for candidate in candidates:
            if clusters and any(candidate.overlaps(other) for other in clusters[-1]):
                clusters[-1].append(candidate)
            else:
                clusters.append([candidate])
        for cluster in clusters:
            ranked = sorted(cluster, key=lambda c: (-(c.stop - c.start), c.spec.order))
            for candidate in ranked:
                if any(candidate.overlaps(c) for c in chosen):
                    continue
                clause = clause_of(clause_spans, candidate.start)
                if resolve_candidate(self.resolver, candidate, clause, self.accepted):
                    chosen.append(candidate)
                    self.accepted.append(candidate)
                    self.decided.setdefault(self.layout.paragraph(candidate.start), set()).update(candidate.parties)
                    # "sentenced X to ... and Y to ... and barred both": Y counts for "both".
                    gapped = [p for p, _ in _gapped(self.text, self.index, candidate, clause[1], self.money_starts)]
                    self.discourse.note_group(candidate.parties + gapped, candidate.stop)
        return sorted(chosen, key=lambda c: c.start)

    def _masks(self, candidate: Candidate, scope_end: int) -> list[tuple[int, int, str]]:
        spans = [(a, b, "§") for a, b in spans_within(self.date_spans, candidate.start, scope_end)
                 if candidate.start <= a]
        spans += [(a, b, "¤") for a, b in candidate.party_spans]
        # Referring words that name somebody ("the leader" alone names nobody: it stays a word).
        spans += [(r.start, r.end, "¤") for r in self.resolver.index_referents(candidate.start, scope_end)]
        return spans

_GAP_BEFORE_NAME = re.compile(r"(?:,|\band)\s+$")
_TO_AFTER_NAME = re.compile(r"^\s+to\s")


def _gapped(text: str, index: PartyIndex, candidate: Candidate, scope_end: int,
            money_starts: Sequence[int] = ()) -> list[tuple[Party, int]]:
    """Parties of a gapped sentence: "sentenced X to three years and Y to two years",
    "fined X 100,000 tenge and Y 50,000 tenge" (`money_starts`: sorted starts of amounts)."""
    if candidate.verdict not in ("sentenced", "convicted", "fined") or not candidate.party_spans:
        return []
    after = candidate.party_spans[-1][1]
    found = []
    for mention in index.mentions_in(after, scope_end):
        if mention.party.kind != "person" or mention.party in candidate.parties:
            continue
        if not _GAP_BEFORE_NAME.search(text[max(after, mention.start - 6) : mention.start]):
            continue
        if candidate.verdict == "fined":
            # Y's amount right after Y, and X's own amount before "and Y".
            amount_at = mention.end + (1 if text[mention.end : mention.end + 1] == " " else 0)
            if _amount_in(money_starts, amount_at, amount_at + 1) and _amount_in(money_starts, after, mention.start):
                found.append((mention.party, mention.start))
        elif _TO_AFTER_NAME.match(text[mention.end : mention.end + 5]):
            found.append((mention.party, mention.start))
    return found


def _amount_in(money_starts: Sequence[int], start: int, end: int) -> bool:
    """True when an amount starts in text[start:end] (`money_starts` sorted)."""
    i = bisect.bisect_left(money_starts, start)
    return i < len(money_starts) and money_starts[i] < end


def _evidence_span(text: str, clause: tuple[int, int], candidate: Candidate) -> tuple[int, int]:
    """The clause stating the decision, widened to the party's name; without edge punctuation."""
    start = min([clause[0], candidate.start] + [a for a, _ in candidate.party_spans if a >= clause[0] - LIMITS.evidence_lead])
    end = max([clause[1], candidate.stop] + [b for _, b in candidate.party_spans])
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_NAME_LABELS = {"PERSON", "GPE", "LOC"}
# The words a party node of the tree may be besides names ("his prison term", "both").
_PARTY_WORD = re.compile(r"\b(?:" + "|".join(sorted(PARTY_WORDS)) + r")\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-ZА-ЯЁ][\w’'-]*")


@cache
def _syntax_spec(verdict: str) -> TriggerSpec:
    """The trigger row a dependency match stands for: no surface pattern, no special role."""
    return TriggerSpec(verdict=verdict, slot="syntax", pattern=re.compile(r"(?!)"), close=None, window=0,
                       parties="any", agent=None, context=None, unless=None, possessive=False,
                       carrying_out=False, inherit=(), separate=False, confirms=False, restates=False,
                       penalty=None, order=len(trigger_specs()))


def _shifted(match: SyntaxMatch, offset: int) -> SyntaxMatch:
    return replace(
        match,
        trigger=(match.trigger[0] + offset, match.trigger[1] + offset),
        parties=tuple(replace(p, start=p.start + offset, end=p.end + offset) for p in match.parties),
        scope=(match.scope[0] + offset, match.scope[1] + offset),
    )


def _in_organisation(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when text[start:end] lies in a non-person entity, unless it ends that entity
    after a title the NER glued to it ("Department of Education Baurzhan Mairikhov")."""
    i = bisect.bisect_left(spans, (start, start))
    return any(a < end and start < b and not (a < start and b == end) for a, b in spans[max(0, i - 2) : i + 2])


def to_outcome(text: str, frame: Frame) -> Outcome:
    start, end = frame.evidence
    return Outcome(
        person=frame.party.name,
        court=frame.court,
        date=frame.date,
        verdict=frame.verdict,
        charges=frame.charges,
        penalties=frame.penalties,
        evidence=Evidence(text=text[start:end], start=start, end=end),
    )
