"""Court outcomes: who was convicted, fined, arrested, released, sued, closed or blocked.

`find_outcomes` reads a document sentence by sentence. In each sentence it finds
the decision triggers (data: models/patterns/outcome_triggers.jsonl), resolves
each trigger's party (a named person or outlet, through pronouns, groups and
"the newspaper"), and builds a frame with the deciding body, the date of the
decision, the charges and the penalties stated with it. Frames that tell one
decision twice are then merged: a verdict and its sentence two sentences later,
an administrative conviction and its fine, a release ruling and the release.

It is a pure function of the text and the mentions the other extractors found,
so it can be tested with hand-made mentions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from kzx.extract.charges import charges_and_span
from kzx.extract.courts import CourtMention, court_after_by, court_before, court_words, find_courts
from kzx.extract.layout import Layout, clause_of, clauses, lay_out, spans_within
from kzx.extract.lexicon import fold_case, spans_holding
from kzx.extract.parties import Discourse, Party, PartyIndex, fold
from kzx.extract.penalties import dedupe, find_penalties, penalties_respectively
from kzx.extract.triggers import Candidate, SlotResolver, find_candidates, likely_specs, resolve_candidate
from kzx.records import DateMention, Entity, Evidence, MoneyMention, Outcome, Penalty

CONVICTION_FAMILY = {"convicted": "conviction", "sentenced": "conviction", "fined": "conviction"}
CUSTODIAL = {"prison", "probation", "restriction_of_freedom"}
WITH_CHARGES = {"convicted", "sentenced", "fined", "acquitted", "charged"}
WITH_PENALTIES = {"convicted", "sentenced", "fined", "suit_upheld", "sentence_reduced"}
SCOPE_REACH = 400  # how far a decision's charges and penalties may run past its trigger
DATE_REACH = 300
ARTICLE_MERGE_LIMIT = 30_000  # longer stretches without a heading are not merged across paragraphs
MERGE_LOOKBACK = 64  # decisions of one party looked back over when merging (a story tells far fewer)
RELATIVE_REACH = 2000  # how far back "two days later" looks for the day it counts from

_ADMINISTRATIVE = re.compile(r"\badministrative(?:ly)?\b", re.IGNORECASE)
_DATE_BARRIER = re.compile(
    r"\b(?:after|before|following|since|until|which|who|whom|whose|when|where|because|related|"
    r"while|whereas|prior)\b|;",
    re.IGNORECASE,
)
# After the decision, a new subject starts a clause of its own ("the sentence he was handed in March").
_DATE_AFTER_BARRIER = re.compile(r"\b(?:he|she|they|we)\b", re.IGNORECASE)
_DATE_LEAD_BARRIER = re.compile(
    r"\b(?:after|before|following|since|until|which|who|when|where|because|while|prior\sto)\b",
    re.IGNORECASE,
)
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|its|his|her|their)\s$", re.IGNORECASE)
_LOWER_WORD_AFTER = re.compile(r"^\s?[a-z]")
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s(?P<unit>days?|weeks?)"
    r"\s(?P<direction>later|earlier|before)"
    r"|the\s(?P<next>next|following)\sday|(?P<same>the\ssame\sday)|the\s(?P<previous>day\sbefore|previous\sday))\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|another|one)\s$", re.IGNORECASE)
COURT_STORY_REACH = 2000  # how far around a named court its paragraph is searched for the party
_COURT_WORD = re.compile(r"\b(?:the\scourt|the\sjudge|judge)\b", re.IGNORECASE)


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

    @cached_property
    def key(self) -> str:
        return fold(self.party.name)


def find_outcomes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    persons: Sequence[Entity],
    dates: Sequence[DateMention],
    money: Sequence[MoneyMention],
) -> list[Outcome]:
    """The court outcomes stated in `text`, one per decision and party, in text order.

    `sentences` are sentence spans of `text`; `persons` the entities (PERSON
    with `canonical`, and ORG/GPE/MEDIA ones); `dates` and `money` the
    normalised mentions. Evidence offsets index `text`.
    """
    reader = _Reader(text, sentences, persons, dates, money)
    frames = reader.read()
    return [_to_outcome(text, frame) for frame in merge_frames(frames)]


class _Reader:
    """Reads one document in order, keeping what later sentences refer back to."""

    def __init__(self, text, sentences, persons, dates, money):
        self.text = text
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

    def read(self) -> list[Frame]:
        frames: list[Frame] = []
        specs = likely_specs(self.text, self.layout.sentences, self.lowered)
        for (start, end), sentence_specs in zip(self.layout.sentences, specs):
            self.discourse.article_start = self.layout.article_start(start)
            self.discourse.read_sentence(start, end)
            if self.layout.is_headline(start):
                continue  # "Kazakh Court Sentences Activist To Prison": the story tells it
            frames += self.read_sentence(start, end, sentence_specs)
        return frames

    def read_sentence(self, start: int, end: int, specs=None) -> list[Frame]:
        text = self.text
        clause_spans = clauses(text, start, end)
        courts = self.courts[(start, end)]
        found = find_candidates(text, clause_spans, start, end, specs) if specs != () else []
        candidates = self._choose(found, clause_spans)
        administrative = bool(_ADMINISTRATIVE.search(text, start, end))
        frames = []
        for i, candidate in enumerate(candidates):
            clause = clause_of(clause_spans, candidate.start)
            following = candidates[i + 1].start if i + 1 < len(candidates) else end
            scope_end = min(following if following > candidate.start else end, clause[1],
                            candidate.start + SCOPE_REACH)
            scope_end = max(scope_end, candidate.stop)
            court = self._court(courts, candidate, clause, (start, end))
            others = [c.start for c in candidates if c is not candidate]
            when = self._date(candidate, clause, others)
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
                penalties = self._penalties(candidate, a, b, administrative, charge_span)
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
                    article_small=self.layout.article_length(candidate.start) <= ARTICLE_MERGE_LIMIT,
                    verdicts={verdict},
                ))
            if candidate.verdict in ("suit_upheld", "suit_dismissed"):
                for party in candidate.parties:
                    self.discourse.note_defendant(party, candidate.start)
        for court in courts:
            if not court.generic and court.kind == "court":
                self.named_courts.append(court)
                self.named_court_ends.append(court.end)
        return frames

    def _joins(self, candidate: Candidate, party: Party, candidates: Sequence[Candidate], clause) -> bool:
        """Damages or a ban that belong to a sentence: told with it in one sentence
        ("sentenced to five years and ordered to pay"), or with "also" ("X was also
        banned from ...", "the court also ordered X to pay")."""
        damages = candidate.verdict == "suit_upheld" and party.kind == "person"
        if not damages and candidate.spec.penalty != "activity_ban":
            return False
        if any(other is not candidate and _family(other.verdict) == "conviction" and party in other.parties
               for other in candidates):
            return True
        return bool(_ALSO.search(self.text, max(clause[0], candidate.start - 40), candidate.stop))

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

    def _penalties(self, candidate: Candidate, start: int, end: int, administrative: bool,
                   charge_span: tuple[int, int] | None) -> list[Penalty]:
        if candidate.verdict not in WITH_PENALTIES:
            return []
        if candidate.verdict == "sentence_reduced":
            start = max(start, candidate.stop)
            found = find_penalties(self.text, start, max(start, end), self.money, candidate.verdict,
                                   skip=charge_span)
            return [p for p in found if p.duration or p.amount is not None]
        found = find_penalties(self.text, start, end, self.money, candidate.verdict, administrative,
                               skip=charge_span)
        implied = candidate.spec.penalty
        if implied and not any(p.kind == implied for p in found):
            found.append(Penalty(kind=implied))
        return dedupe(found)

    def _court(self, courts, candidate: Candidate, clause, sentence) -> str | None:
        court = (court_before(courts, candidate.start, clause[0], self.text)
                 or court_after_by(self.text, courts, candidate.stop, clause[1])
                 or court_before(courts, candidate.start, sentence[0], self.text))
        if court is not None and not court.generic:
            return court.name
        if court is not None and _INDEFINITE_BEFORE.search(self.text, max(0, court.start - 10), court.start):
            return None  # "a court placed him under house arrest": no court named before
        if court is not None or _COURT_WORD.search(self.text, sentence[0], sentence[1]):
            named = self._last_named_court(candidate.start, candidate.parties)
            return named.name if named else None
        return None

    def _last_named_court(self, position: int, parties: Sequence[Party] = ()) -> CourtMention | None:
        """The court "the court" at `position` points back to: the last court named before
        it in its article, where named in the same paragraph or in one that speaks of the
        decision's party ("The Pavlodar court heard Semenova's case ... the court ruled"),
        not a court named for someone else's case."""
        i = bisect.bisect_right(self.named_court_ends, position) - 1
        if i < 0 or self.named_courts[i].start < self.discourse.article_start:
            return None
        court = self.named_courts[i]
        paragraph = self.layout.paragraph(court.start)
        if paragraph == self.layout.paragraph(position) or not parties:
            return court
        low = max(self.layout.paragraph_starts[paragraph], court.start - COURT_STORY_REACH)
        high = self.layout.paragraph_starts[paragraph + 1] if paragraph + 1 < len(self.layout.paragraph_starts) \
            else len(self.text)
        high = min(high, court.end + COURT_STORY_REACH)
        told = {m.party for m in self.index.mentions_in(low, high)} | self.decided.get(paragraph, set())
        return court if any(party in told for party in parties) else None

    def _date(self, candidate: Candidate, clause, others: Sequence[int]) -> str | None:
        """The date of the decision: the nearest date mention in its clause that is not
        inside a phrase of its own ("after a strike put down in December 2011",
        "a July 26 accident") nor past another decision of the sentence ("sentenced
        ... and released on June 21"); else "two days later" counted from the last date."""
        text = self.text
        lo = bisect.bisect_left(self.date_starts, max(clause[0], candidate.start - DATE_REACH))
        best, best_distance = None, None
        for mention in self.dates[lo:]:
            if mention.start >= min(clause[1], candidate.stop + DATE_REACH):
                break
            if mention.end > clause[1]:
                continue
            if _ATTRIBUTIVE_BEFORE.search(text[max(0, mention.start - 6) : mention.start]) and \
                    _LOWER_WORD_AFTER.match(text[mention.end : mention.end + 3]):
                continue
            if any(min(mention.end, candidate.stop) <= o < max(mention.start, candidate.start) for o in others):
                continue
            if mention.end <= candidate.start:
                if _DATE_BARRIER.search(text, mention.end, candidate.start):
                    continue
                # "After being detained in March 2015, X was sentenced": the date sits in
                # a phrase of its own that a comma closes before the decision.
                if "," in text[mention.end : candidate.start] and \
                        _DATE_LEAD_BARRIER.search(text, clause[0], mention.start):
                    continue
                distance = candidate.start - mention.end
            elif mention.start >= candidate.stop or mention.start >= candidate.end:
                if _DATE_BARRIER.search(text, candidate.end, mention.start) or \
                        _DATE_AFTER_BARRIER.search(text, candidate.end, mention.start):
                    continue
                distance = mention.start - candidate.stop
            else:
                distance = 0
            if best_distance is None or distance < best_distance:
                best, best_distance = mention, distance
        if best is not None:
            return best.value
        return self._relative_date(candidate, clause)

    def _relative_date(self, candidate: Candidate, clause) -> str | None:
        match = _RELATIVE_DAY.search(self.text, clause[0], clause[1])
        if not match:
            return None
        floor = max(self.discourse.article_start, clause[0] - RELATIVE_REACH)
        anchor = None
        for mention in reversed(self.dates[: bisect.bisect_left(self.date_starts, clause[0])]):
            if mention.start < floor:
                break
            if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", mention.value):
                anchor = mention
                break
        if anchor is None:
            return None
        if match.group("same"):
            days = 0
        elif match.group("next"):
            days = 1
        elif match.group("previous"):
            days = -1
        else:
            n = match.group("n").lower()
            days = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            if match.group("unit").lower().startswith("week"):
                days *= 7
            if match.group("direction").lower() != "later":
                days = -days
        return shift_date(anchor.value, days)


def shift_date(value: str, days: int) -> str:
    """A TIMEX3 day moved by `days`; an unknown year stays unknown.

    >>> shift_date("XXXX-06-15", 2), shift_date("2016-12-31", 1), shift_date("XXXX-02-28", 1)
    ('XXXX-06-17', '2017-01-01', 'XXXX-03-01')
    """
    year, month, day = value.split("-")
    known = year != "XXXX"
    moved = date(int(year) if known else 2001, int(month), int(day)) + timedelta(days=days)
    return f"{moved.year if known else 'XXXX'}-{moved.month:02d}-{moved.day:02d}"


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
    start = min([clause[0], candidate.start] + [a for a, _ in candidate.party_spans if a >= clause[0] - 300])
    end = max([clause[1], candidate.stop] + [b for _, b in candidate.party_spans])
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- merging


def merge_frames(frames: Sequence[Frame]) -> list[Frame]:
    """One frame per decision: frames that tell the same decision about the same party merge.

    - in one paragraph, same party and verdict family (convicted, sentenced and
      fined are one family), dates equal or one missing: "found X guilty ...
      The court sentenced X to five years";
    - anywhere in one article (of at most ARTICLE_MERGE_LIMIT characters), same party,
      verdict and date; or one undated (not for suits: a person is often sued many times);
    - "he was released" after a ruling to release him is the ruling carried out;
    - an appeal that leaves a decision standing ("rejected his appeal", "upheld the
      conviction of X") is no decision of its own where that decision is told: it is
      absorbed, its court and date being the appeal's, not the decision's;
    - "the court handed down the verdict on May 5" restates the decision: it fills in
      what the decision lacks, whatever its date;
    - damages ordered with a sentence ("sentenced to five years and ordered to pay",
      "was also ordered to pay") are a penalty of that sentence.

    Frames are looked up by party, only back to the start of their article (of their
    paragraph in an article too long to be one story), at most ARTICLE_MERGE_LIMIT
    characters and MERGE_LOOKBACK decisions of that party back: linear in the frames.
    """
    merged: list[Frame] = []
    by_key: dict[str, list[Frame]] = {}
    ruled: set[tuple[str, str, int]] = set()  # (party, verdict, article) of rulings, not carried out
    for frame in frames:
        key = frame.key
        if frame.carrying_out and (key, frame.verdict, frame.article) in ruled:
            continue
        earlier = by_key.setdefault(key, [])
        target = None
        for looked, candidate in enumerate(reversed(earlier)):
            if candidate.article != frame.article or (
                not frame.article_small and candidate.paragraph != frame.paragraph
            ) or looked >= MERGE_LOOKBACK or candidate.trigger[0] < frame.trigger[0] - ARTICLE_MERGE_LIMIT:
                break
            if not candidate.dropped and _same_decision(candidate, frame):
                target = candidate
                break
        if target is None and frame.told_before and (frame.confirms or frame.restates):
            continue  # the decision it restates is told, and merged, elsewhere
        if target is None:
            merged.append(frame)
            earlier.append(frame)
            target = frame
        elif target.confirms and not frame.confirms:
            # The appeal was told before the decision it left standing.
            target.dropped = True
            merged.append(frame)
            earlier.append(frame)
            target = frame
        elif not frame.confirms:
            _combine(target, frame)
        if not target.carrying_out:
            ruled.add((key, target.verdict, target.article))
    merged = [frame for frame in merged if not frame.dropped]
    for frame in merged:
        _settle_verdict(frame)
    _inherit_charges(merged)
    return merged


OUTLET_CASE = {"convicted", "sentenced", "fined", "suit_upheld"}


def _family(verdict: str, kind: str = "person") -> str:
    """Verdicts that can tell one decision: a conviction and its sentence or fine; for an
    outlet also a lost suit ("found the weekly guilty of libel and ordered it to pay")."""
    if kind == "outlet" and verdict in OUTLET_CASE:
        return "outlet_case"
    return CONVICTION_FAMILY.get(verdict, verdict)


SUITS = {"suit_upheld", "suit_dismissed"}


def _same_decision(a: Frame, b: Frame) -> bool:
    """True when `b` tells the decision `a` (earlier, same party) told."""
    if a.key != b.key or a.separate or b.separate:
        return False
    if a.paragraph != b.paragraph and (a.article != b.article or not a.article_small):
        return False
    fa, fb = _family(a.verdict, a.party.kind), _family(b.verdict, b.party.kind)
    joined = b if b.joins else a if a.joins else None
    if joined is not None:
        if joined.verdict == "suit_upheld" and joined.party.kind == "person":
            if {fa, fb} == {"conviction", "suit_upheld"}:
                return True  # "sentenced to five years and ordered to pay damages"
        elif fa == fb:
            return True  # "X was also banned from ..."
    if fa != fb:
        return False
    if a.confirms or b.confirms or a.restates or b.restates:
        return True
    compatible = a.date is None or b.date is None or a.date == b.date
    if a.paragraph == b.paragraph and compatible:
        return True
    if a.date == b.date:
        return True
    # A news story tells one conviction over several short paragraphs ("X was sentenced
    # on August 31 ... X was also banned from ..."); a person is often sued many times.
    return compatible and a.verdict not in SUITS


def _combine(target: Frame, frame: Frame) -> None:
    if target.verdict == "suit_upheld" and _family(frame.verdict, frame.party.kind) == "conviction":
        target.verdict = frame.verdict  # damages told first, then the sentence they belong to
    target.date = target.date or frame.date
    target.court = target.court or frame.court
    target.charges += [c for c in frame.charges if c not in target.charges]
    target.penalties = dedupe([*target.penalties, *frame.penalties])
    target.administrative = target.administrative or frame.administrative
    target.carrying_out = target.carrying_out and frame.carrying_out
    target.verdicts |= frame.verdicts



def _settle_verdict(frame: Frame) -> None:
    """Convicted, sentenced, fined (or, for an outlet, suit_upheld) for a merged conviction."""
    family = _family(frame.verdict, frame.party.kind)
    if family == "outlet_case":
        frame.verdict = _outlet_verdict(frame)
    elif family == "conviction":
        frame.verdict = _conviction_verdict(frame)
    else:
        return
    if frame.verdict == "fined" and frame.administrative:
        frame.penalties = dedupe([
            p.model_copy(update={"kind": "administrative_fine"}) if p.kind == "fine" else p
            for p in frame.penalties
        ])


def _outlet_verdict(frame: Frame) -> str:
    """An outlet is fined, or it lost a civil suit ("found guilty of libel", "ordered to pay damages")."""
    kinds = {p.kind for p in frame.penalties}
    if "fined" in frame.verdicts or frame.administrative or kinds & {"fine", "administrative_fine"}:
        return "fined"
    return "suit_upheld"


def _conviction_verdict(frame: Frame) -> str:
    """An administrative case, or one punished by a fine alone, is `fined`."""
    kinds = {p.kind for p in frame.penalties}
    fined = "fined" in frame.verdicts
    if kinds & CUSTODIAL:
        return "convicted" if "convicted" in frame.verdicts else "sentenced"
    if fined or frame.administrative and kinds & {"fine", "administrative_fine"}:
        return "fined"
    return "convicted" if "convicted" in frame.verdicts else "sentenced"


def _inherit_charges(frames: list[Frame]) -> None:
    """An acquittal without charges takes those of the conviction it overturned (same paragraph)."""
    convictions: dict[tuple[str, int], Frame] = {}
    for frame in frames:
        if frame.charges and _family(frame.verdict) == "conviction":
            convictions.setdefault((frame.key, frame.paragraph), frame)
    for frame in frames:
        if frame.verdict == "acquitted" and not frame.charges:
            other = convictions.get((frame.key, frame.paragraph))
            if other is not None:
                frame.charges = list(other.charges)


def _to_outcome(text: str, frame: Frame) -> Outcome:
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
