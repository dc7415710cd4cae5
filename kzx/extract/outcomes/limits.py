"""Every reach, window and lookback of the outcome engine, named, with its reason.

Character counts unless said otherwise. One frozen instance, `LIMITS`, is read by
the stages; tests may build their own to probe edges.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    scope: int = 400  # how far a decision's charges and penalties may run past its trigger
    date: int = 300  # how far from its trigger a decision's date may stand (within its clause)
    relative: int = 2000  # how far back "two days later" looks for the day it counts from
    court_story: int = 2000  # how far around a named court its paragraph is searched for the party
    article_merge: int = 30_000  # longer stretches without a heading are not merged across paragraphs
    merge_lookback: int = 64  # decisions of one party looked back over when merging (a story tells far fewer)
    also_lookback: int = 40  # how far before a trigger "also" marks a penalty joined to a sentence
    evidence_lead: int = 300  # how far before its clause a party's name may widen the evidence
    trigger_window: int = 250  # default window of a trigger row whose party closes the phrase
    context: int = 30_000  # how far back "upheld the ruling" looks for the decision it speaks of
    subject: int = 300  # how far back a subject may stand
    object: int = 250  # how far ahead an object may stand
    defendant: int = 30_000  # how far back a suit under way is remembered
    name_overlap: int = 80  # how far around a parsed name its person mention is looked up


LIMITS = Limits()
