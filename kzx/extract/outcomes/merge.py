"""Merging: frames that tell one decision about one party become one outcome.

This is the only stage where a verdict or a penalty kind changes after the
trigger set it (`_settle_verdict`): a conviction and its fine are one `fined`,
an outlet's lost libel case a `suit_upheld`, an administrative fine an
`administrative_fine`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kzx.extract.outcomes.discourse import fold
from kzx.extract.outcomes.frame import CONVICTION_FAMILY, Frame
from kzx.extract.outcomes.limits import LIMITS
from kzx.extract.outcomes.slots.penalties import dedupe

CUSTODIAL = {"prison", "probation", "restriction_of_freedom"}


def merge_frames(frames: Sequence[Frame]) -> list[Frame]:
    """One frame per decision: frames that tell the same decision about the same party merge.

    - in one paragraph, same party and verdict family (convicted, sentenced and
      fined are one family), dates equal or one missing: "found X guilty ...
      The court sentenced X to five years";
    - anywhere in one article (of at most Limits.article_merge characters), same party,
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
    paragraph in an article too long to be one story), at most Limits.article_merge
    characters and LIMITS.merge_lookback decisions of that party back: linear in the frames.
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
            ) or looked >= LIMITS.merge_lookback or candidate.trigger[0] < frame.trigger[0] - LIMITS.article_merge:
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
    if a.verdict == b.verdict == "charged" and a.charges and b.charges and \
            not _charge_words(a.charges) & _charge_words(b.charges):
        return False  # "accused of rape" on Monday, "charged in July with insulting the president"
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


_CHARGE_WORD = re.compile(r"[^\W\d_]{4,}")


def _charge_words(charges: Sequence[str]) -> set[str]:
    """The longer words of charges: two charges sharing none are different accusations."""
    return {word for charge in charges for word in _CHARGE_WORD.findall(fold(charge))}


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
    target.readings += frame.readings



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
