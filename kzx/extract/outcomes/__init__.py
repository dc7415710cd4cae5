"""Court outcomes: who was convicted, fined, arrested, released, sued, closed or blocked.

The stages, in data-flow order (a new phrasing goes in the first one that
cannot express it):

1. find triggers (`triggers.py`): decision words of a sentence, from data
   (models/patterns/outcome_triggers.jsonl), as `Candidate`s; hypotheses,
   demands, negations and modals are dropped there.
2. read the frame (`frame.py`): each candidate's party is resolved through the
   discourse (`discourse.py`: named people and outlets, pronouns, groups, "the
   newspaper") and the sentence's layout (`layout.py`: sentences, paragraphs,
   articles, clauses); gapped sentences are shared among their parties.
3. fill slots (`slots/`): one filler per slot, `court.py`, `date.py`,
   `charges.py`, `penalties.py`; a filler returns a value, never a verdict.
4. merge (`merge.py`): frames telling one decision twice become one; the only
   place a verdict or a penalty kind changes.

Every reach and window is named in `limits.py`. `find_outcomes` is a pure
function of the text and the mentions the other extractors found, so it can be
tested with hand-made mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from kzx.extract.outcomes.frame import Reader, to_outcome
from kzx.extract.outcomes.merge import merge_frames
from kzx.extract.outcomes.slots.date import shift_date
from kzx.records import DateMention, Entity, MoneyMention, Outcome

__all__ = ["find_outcomes", "merge_frames", "shift_date"]


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
    reader = Reader(text, sentences, persons, dates, money)
    frames = reader.read()
    return [to_outcome(text, frame) for frame in merge_frames(frames)]

