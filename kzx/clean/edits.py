"""Edits over a text and the offset map that applying them leaves behind.

Every cleaning rule says what it does as `Edit`s: replace raw[start:end] with
`replacement` (a deletion replaces with "", an insertion has start == end).
`apply_edits` applies a set of non-overlapping edits in one pass and returns
the new text with an `OffsetMap` that maps any span of the new text back to
the span of the old text it came from. The map is two sorted int arrays per
side plus a flag per segment: lookups are a bisect, building it is linear.

>>> text, m = apply_edits("a &amp b", [Edit(2, 6, "&", "repair.entity")])
>>> text
'a & b'
>>> m.to_raw(2, 5)
(2, 8)
>>> m.to_raw(4, 5)
(7, 8)
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from typing import Iterable, NamedTuple


class Edit(NamedTuple):
    """Replace text[start:end] with `replacement`, because of `rule`."""

    start: int
    end: int
    replacement: str
    rule: str


def resolve(edits: Iterable[Edit]) -> list[Edit]:
    """Sort edits and drop overlaps: the edit that starts first (the longer one
    on a tie) wins; a deletion overlapping a deletion extends it.

    >>> resolve([Edit(5, 9, "", "b"), Edit(0, 6, "", "a"), Edit(1, 2, "x", "c")])
    [Edit(start=0, end=9, replacement='', rule='a')]
    >>> resolve([Edit(3, 3, " ", "i"), Edit(3, 5, "", "d")])
    [Edit(start=3, end=3, replacement=' ', rule='i'), Edit(start=3, end=5, replacement='', rule='d')]
    """
    # Zero-width insertions sort before a deletion starting at the same place.
    ordered = sorted(edits, key=lambda e: (e.start, e.end != e.start, -e.end))
    kept: list[Edit] = []
    for edit in ordered:
        if edit.end < edit.start:
            raise ValueError(f"edit ends before it starts: {edit}")
        if kept:
            last = kept[-1]
            if edit.start == edit.end and edit.start == last.start == last.end:
                continue  # two insertions at one place: keep the first
            if edit.start < last.end or (edit.start == edit.end and last.start < edit.start < last.end):
                if edit.end > last.end and not edit.replacement and not last.replacement:
                    kept[-1] = last._replace(end=edit.end)
                continue
        kept.append(edit)
    return kept


class OffsetMap:
    """Piecewise map from new-text offsets to old-text offsets.

    Segments of the new text are either copied from the old text one to one,
    or the replacement of an edit; deletions leave no segment.
    """

    __slots__ = ("_new_starts", "_old_starts", "_old_ends", "_copy", "new_length", "old_length")

    def __init__(self, old_length: int):
        self._new_starts = array("q")
        self._old_starts = array("q")
        self._old_ends = array("q")
        self._copy = bytearray()
        self.new_length = 0
        self.old_length = old_length

    def _segment(self, position: int) -> int:
        return bisect_right(self._new_starts, position) - 1

    def old_start(self, position: int) -> int:
        """Where new-text offset `position` starts in the old text."""
        if position >= self.new_length:  # the end: after the last segment
            return self.old_end(self.new_length) if self.new_length else self.old_length
        i = self._segment(position)
        if self._copy[i]:
            return self._old_starts[i] + position - self._new_starts[i]
        return self._old_starts[i]

    def old_end(self, position: int) -> int:
        """Where a span of the new text ending at `position` ends in the old text."""
        if position <= 0:
            return self.old_start(0) if self.new_length else self.old_length
        i = self._segment(position - 1)
        if self._copy[i]:
            return self._old_starts[i] + position - self._new_starts[i]
        return self._old_ends[i]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The old-text span that the new-text span [start, end) came from.

        An empty span maps to an empty span. A span that cuts into the
        replacement of an edit maps to the whole edited old span.
        """
        if not 0 <= start <= end <= self.new_length:
            raise ValueError(f"span {start}:{end} outside 0:{self.new_length}")
        if start == end:
            point = self.old_start(start)
            return point, point
        return self.old_start(start), self.old_end(end)

    def to_new(self, old_position: int) -> int:
        """The new-text offset of old-text offset `old_position`; a rewritten
        position maps to the start of its replacement, a deleted one to where
        the deleted stretch was.

        >>> apply_edits("abcdef", [Edit(1, 3, "", "d")])[1].to_new(4)
        2
        """
        i = bisect_right(self._old_starts, old_position) - 1
        if i < 0:
            return 0
        start, old_start, old_end = self._new_starts[i], self._old_starts[i], self._old_ends[i]
        if old_position < old_end:
            return start + (old_position - old_start if self._copy[i] else 0)
        return self._new_starts[i + 1] if i + 1 < len(self._new_starts) else self.new_length


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (as `resolve` leaves them) in one pass.

    >>> apply_edits("ab  cd", [Edit(2, 4, " ", "s"), Edit(6, 6, "!", "i")])[0]
    'ab cd!'
    """
    parts: list[str] = []
    omap = OffsetMap(len(text))
    new_starts, old_starts, old_ends, copy = omap._new_starts, omap._old_starts, omap._old_ends, omap._copy
    pos = length = 0
    for start, end, replacement, _ in edits:
        if start < pos:
            raise ValueError(f"overlapping edit at {start}")
        if start > pos:
            parts.append(text[pos:start])
            new_starts.append(length)
            old_starts.append(pos)
            old_ends.append(start)
            copy.append(1)
            length += start - pos
        if replacement:
            parts.append(replacement)
            new_starts.append(length)
            old_starts.append(start)
            old_ends.append(end)
            copy.append(0)
            length += len(replacement)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        new_starts.append(length)
        old_starts.append(pos)
        old_ends.append(len(text))
        copy.append(1)
        length += len(text) - pos
    omap.new_length = length
    return "".join(parts), omap
