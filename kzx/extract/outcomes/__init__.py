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
from kzx.extract.outcomes.syntax import SentenceParser
from kzx.records import DateMention, Entity, MoneyMention, Outcome

__all__ = ["OutcomeReader", "find_outcomes", "merge_frames", "read_outcomes", "shift_date"]


def find_outcomes(
    text: str,
    sentences: Sequence[tuple[int, int]],
    persons: Sequence[Entity],
    dates: Sequence[DateMention],
    money: Sequence[MoneyMention],
    parse: SentenceParser | None = None,
) -> list[Outcome]:
    """The court outcomes stated in `text`, one per decision and party, in text order.

    `sentences` are sentence spans of `text`; `persons` the entities (PERSON
    with `canonical`, and ORG/GPE/MEDIA ones); `dates` and `money` the
    normalised mentions. Evidence offsets index `text`. `parse`, when given, parses
    the sentences that hold a decision word (syntax.py); without it only the surface
    rules read the sentences.
    """
    return [outcome for outcome, _ in read_outcomes(text, sentences, persons, dates, money, parse)]


def read_outcomes(text, sentences, persons, dates, money, parse=None) -> list[tuple[Outcome, list[str]]]:
    """`find_outcomes` with, for each outcome, the rows that read it ("surface:N" is the
    N-th row of outcome_triggers.jsonl, "syntax:ID" a dependency row): for `kzx show`
    and debugging, without a change to the record."""
    return OutcomeReader(text, sentences, persons, dates, money).read(parse)


class OutcomeReader:
    """One document's outcomes in two steps, so that a caller can parse the decision
    sentences of several documents in one batch: `to_parse()`, the sentences the reader
    will ask its parser for, then `read(parse)` (once)."""

    def __init__(self, text, sentences, persons, dates, money):
        self.text = text
        self._reader = Reader(text, sentences, persons, dates, money)

    def to_parse(self) -> list[str]:
        return [self.text[a:b] for a, b in self._reader.to_parse()]

    def read(self, parse: SentenceParser | None = None) -> list[tuple[Outcome, list[str]]]:
        """The outcomes with the rows that read each (as `read_outcomes`)."""
        frames = merge_frames(self._reader.read(parse))
        return [(to_outcome(self.text, frame), list(dict.fromkeys(frame.readings))) for frame in frames]


