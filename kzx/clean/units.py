"""Units: the lines (or, on a hard-wrapped page, the rejoined paragraphs) that
noise rules judge one at a time, and blocks (runs of units between blank lines).

`segment` cuts a text into units; `layout_edits` turns the rules' verdicts
(which units go) into edits: removed units disappear with the white space
after them, kept units are separated by "\\n" inside a block and "\\n\\n"
between blocks, and line breaks inside a unit are rejoined.

>>> units = segment("Title\\n\\n\\nFirst line\\nsecond line.\\n")
>>> [(u.text, u.block, u.blanks_before) for u in units]
[('Title', 0, 0), ('First line', 1, 2), ('second line.', 1, 0)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kzx.clean.edits import Edit
from kzx.clean.repair import broken_word, joins_wrapped, keeps_hyphen, vocabulary, wrap_width

_SPACES = re.compile(r" {2,}")


@dataclass(slots=True)
class Unit:
    start: int  # offsets of the content (no surrounding white space)
    end: int
    text: str  # the content, rejoined and squeezed: what rules match against
    block: int  # units of one block are separated by single line breaks
    blanks_before: int  # blank lines between the previous unit and this one
    lines: list[tuple[int, int]] = field(default_factory=list)  # content spans of its lines
    joins: list[Edit] = field(default_factory=list)  # rejoined line breaks

    def __len__(self) -> int:
        return len(self.text)


def _lines(text: str) -> list[tuple[int, int]]:
    """Content spans of the lines of `text`; (s, s) for a blank line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(" ")
        if stripped:
            s = pos + (len(line) - len(line.lstrip(" ")))
            spans.append((s, s + len(stripped)))
        else:
            spans.append((pos, pos))
        pos += len(line) + 1
    return spans


def segment(text: str, hyphen_prefixes: frozenset[str] = frozenset(),
            standalone: frozenset[int] = frozenset()) -> list[Unit]:
    """Cut `text` (line breaks already "\\n", odd spaces already " ") into units.

    A line that starts at an offset of `standalone` (the lines at a page
    break, where running headers and footers stand) is a unit of its own:
    nothing is joined to it or onto it.
    """
    spans = _lines(text)
    content = [(s, e) for s, e in spans if e > s]
    continued = []
    for i, (s, e) in enumerate(spans):
        if e > s:
            continued.append(i + 1 < len(spans) and spans[i + 1][1] > spans[i + 1][0])
    width = wrap_width([e - s for s, e in content], continued)
    vocab: Counter[str] | None = None

    units: list[Unit] = []
    block, blanks, current = -1, 0, None
    for i, (s, e) in enumerate(spans):
        if e == s:
            blanks += 1
            current = None
            continue
        line = text[s:e]
        if current is not None and (s in standalone or current.lines[-1][0] in standalone):
            current = None
        if current is not None:
            previous = text[current.lines[-1][0]:current.lines[-1][1]]
            broken = broken_word(previous, line)
            if broken:
                if vocab is None:
                    vocab = vocabulary(text)
                hyphen = current.end - 1
                keep = keeps_hyphen(broken[0], broken[1], vocab, hyphen_prefixes)
                current.joins.append(Edit(hyphen + keep, s, "", "repair.hyphenation"))
                current.text = current.text[:-1] + ("-" if keep else "") + " ".join(line.split())
            elif width is not None and joins_wrapped(previous, line, width):
                current.joins.append(Edit(current.end, s, " ", "repair.wrap"))
                current.text += " " + " ".join(line.split())
            else:
                current = None
            if current is not None:
                current.end = e
                current.lines.append((s, e))
                continue
        if blanks or not units:
            block += 1
        current = Unit(s, e, " ".join(line.split()), block, blanks if units else 0, [(s, e)])
        units.append(current)
        blanks = 0
    return units


def inner_space_edits(text: str, unit: Unit) -> list[Edit]:
    """Runs of spaces inside a kept unit's lines, collapsed to one."""
    edits = []
    for s, e in unit.lines:
        for m in _SPACES.finditer(text, s, e):
            edits.append(Edit(m.start(), m.end(), " ", "repair.space"))
    return edits


def layout_edits(text: str, units: list[Unit], removed: dict[int, str],
                 joined: dict[int, str] | None = None) -> list[Edit]:
    """Edits for the white space between kept units and for removed units.

    A removed unit goes with the white space after it; runs of removed units
    that one rule removed become one edit. `joined` gives, for a kept unit,
    the separator that replaces the usual one before it (a paragraph that a
    page break cut, rejoined with " ").

    >>> text = "A\\n\\nnoise\\n\\n\\nB\\nC"
    >>> units = segment(text)
    >>> [e[:4] for e in layout_edits(text, units, {1: "noise.x"})]
    [(3, 11, '', 'noise.x')]
    """
    edits: list[Edit] = []
    previous: Unit | None = None
    pending: list[tuple[int, int, str]] = []  # removed runs in the current gap: (start, end, rule)

    def close_gap(gap_end: int, separator: str) -> None:
        gap_start = previous.end if previous is not None else 0
        if pending and not separator:  # at either end of the text: the run takes the white space
            pending[0] = (gap_start, *pending[0][1:])
        first = pending[0][0] if pending else gap_end
        if text[gap_start:first] != separator:
            edits.append(Edit(gap_start, first, separator, "repair.space"))
        for k, (start, _, rule) in enumerate(pending):
            stop = pending[k + 1][0] if k + 1 < len(pending) else gap_end
            edits.append(Edit(start, stop, "", rule))
        pending.clear()

    for i, unit in enumerate(units):
        rule = removed.get(i)
        if rule is not None:
            if pending and pending[-1][2] == rule:
                pending[-1] = (pending[-1][0], unit.end, rule)
            else:
                pending.append((unit.start, unit.end, rule))
            continue
        if previous is None:
            separator = ""
        elif joined and i in joined:
            separator = joined[i]
        else:
            separator = "\n" if unit.block == previous.block else "\n\n"
        close_gap(unit.start, separator)
        previous = unit
    close_gap(len(text), "")
    return [e for e in edits if e.start < e.end or e.replacement]
