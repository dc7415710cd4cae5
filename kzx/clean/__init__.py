"""The cleaning stage: raw scraped page -> clean text, with provenance.

`clean(raw)` runs in two passes over edits (see `edits.py`):

1. character repairs on the raw text: HTML entities (with or without their
   semicolon), odd spaces, zero-width characters, line breaks;
2. on that text, units (lines, or rejoined paragraphs of a hard-wrapped page)
   are judged by the noise families (`families/`), and the kept
   ones are repaired inside (glued words, spaces) and laid out with "\\n"
   inside a block and "\\n\\n" between blocks.

The second pass's edits are mapped back onto the raw text and merged with
the first pass's, so one set of edits, recorded as `removals`, turns `raw`
into `text`, and one offset map serves `to_raw`.

Rules (`Removal.rule`): noise.furniture, noise.category, noise.search_form,
noise.teaser, noise.comments, noise.related, dedupe.repeated_title,
dedupe.duplicate_paragraph, the shape-and-position families of
`kzx.clean.families` (noise.telegram, noise.page_furniture, noise.metadata,
noise.printed_record, noise.site_chrome, noise.letterhead, noise.sidebar,
noise.caption, dedupe.title_variant, dedupe.lead_repeat), repair.entity, repair.space, repair.glued_word,
repair.hyphenation, repair.wrap, repair.escape (a page saved as a bytes
literal), repair.markup (HTML tags left in a text page). What only `nlp_text` loses is in `masks`:
nlp.citation ("[11]"), nlp.url.

>>> c = clean("Interesting\\n\\nA Title\\n\\nA Title\\n\\nSemenova&rsquos post was read in May2019 [1].\\n\\nWrite a message")
>>> c.text
'A Title\\n\\nSemenova’s post was read in May 2019 [1].'
>>> c.nlp_text[-5:]
'    .'
>>> c.raw[slice(*c.to_raw(9, 19))]
'Semenova&rsquos'
>>> sorted({r.rule for r in c.removals})
['dedupe.repeated_title', 'noise.category', 'noise.comments', 'repair.entity', 'repair.glued_word']
>>> [(s.title, s.start, s.end) for s in c.sections]
[('A Title', 0, 50)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kzx.clean.edits import Edit, OffsetMap, apply_edits, resolve
from kzx.clean.families import Page, run_families, trim_edits
from kzx.clean.families.furniture import heading_suffix_edit
from kzx.clean.repair import char_edits, citation_spans, glue_edits, literal_edits, markup_edits, url_spans
from kzx.clean.rules import Rules, load_rules
from kzx.clean.sections import Part, build_sections
from kzx.clean.units import Unit, inner_space_edits, layout_edits, segment
from kzx.records import Removal, Section

__all__ = ["Cleaned", "clean", "load_rules", "Rules", "Edit", "OffsetMap"]


@dataclass(frozen=True)
class Cleaned:
    raw: str
    text: str  # the cleaned text every later offset indexes into
    nlp_text: str  # same length as text; what the NLP sees (citation markers, URLs blanked)
    removals: tuple[Removal, ...]  # every removed or rewritten raw span, with its rule
    sections: tuple[Section, ...]  # articles, in clean offsets (year=None)
    masks: tuple[tuple[int, int, str], ...] = ()  # clean spans blanked in nlp_text, with why
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """The raw span that the clean span [start, end) came from."""
        if self.offsets is None:
            if not 0 <= start <= end <= len(self.text):
                raise ValueError(f"span {start}:{end} outside 0:{len(self.text)}")
            return start, end
        return self.offsets.to_raw(start, end)

    def to_clean(self, raw_position: int) -> int:
        """The clean offset of a raw offset (a removed one maps to where it was)."""
        return raw_position if self.offsets is None else self.offsets.to_new(raw_position)


_FORM_FEED = re.compile("\f")


def clean(raw: str, rules: Rules | None = None) -> Cleaned:
    """Clean one decoded page."""
    rules = rules or load_rules()
    first = resolve(literal_edits(raw) + markup_edits(raw) + char_edits(raw, rules))
    text1, map1 = apply_edits(raw, first)

    feeds = [map1.to_new(m.start()) for m in _FORM_FEED.finditer(raw)]
    edges = _page_edge_lines(text1, feeds)
    units = segment(text1, rules.hyphen_prefixes, edges)
    page = Page(units, rules, source=text1, page_of=[bisect_right(feeds, u.start) for u in units],
                tab_labels=_tab_labels(raw, units, map1))
    removed = judge(units, rules, page)
    separators = {i for i, rule in removed.items() if rule in TITLE_REPEATS and i > page.body_start}

    joined, hyphens = _across_pages(units, removed, page, edges)
    second = layout_edits(text1, units, removed, joined) + hyphens
    for i, unit in enumerate(units):
        if i not in removed:
            second.extend(_unit_edits(text1, unit, rules))
            second.extend(trim_edits(page, i))
    second = resolve(second)

    edits = _merge(_to_raw(second, map1), first)
    text, omap = apply_edits(raw, edits)
    removals = tuple(
        Removal(rule=e.rule, raw_start=e.start, raw_end=e.end, text=raw[e.start:e.end], replacement=e.replacement)
        for e in edits
    )
    parts = _parts(text, units, removed, separators, map1, omap)
    masks = tuple(sorted([(s, e, "nlp.citation") for s, e in citation_spans(text)]
                         + [(s, e, "nlp.url") for s, e in url_spans(text)]))
    nlp_text = _blank(text, masks)
    return Cleaned(raw, text, nlp_text, removals, tuple(build_sections(parts, len(text))), masks, omap)


TITLE_REPEATS = ("dedupe.repeated_title", "dedupe.title_variant")  # a title printed again separates sections


def judge(units: list[Unit], rules: Rules, page: Page | None = None) -> dict[int, str]:
    """Which units are noise, by rule (unit index -> rule name): every family of
    `kzx.clean.families.FAMILIES`, in its order."""
    page = page or Page(units, rules)
    run_families(page)
    return page.removed


_CONTINUES = re.compile(r"[a-z,;]$|(?<=[a-z])-$")
PARAGRAPH_PART_MIN = 80  # a part this long before a page break is a paragraph going on, not a heading
LINE_PART_MIN = 50  # a line this long in a block at a page's edge is a wrapped line, not a heading


def _across_pages(units: list[Unit], removed: dict[int, str], page: Page,
                  edges: frozenset[int]) -> tuple[dict[int, str], list[Edit]]:
    """Paragraphs that a page break cut: the part before the break ends
    mid-sentence, the part after it goes on (in lower case, or after a long
    part that cannot be a heading), and only page furniture, the break or a
    line kept apart at the page's edge stands between them. They are joined
    with a space, or with nothing where a hyphen split a word (the hyphen goes).
    """
    joined: dict[int, str] = {}
    hyphens: list[Edit] = []
    previous = None
    for i, unit in enumerate(units):
        if i in removed:
            continue
        if previous is not None:
            between = range(previous + 1, i)
            broke = page.page_of[previous] != page.page_of[i] or any(
                removed.get(k) in ("noise.page_furniture", "noise.furniture") for k in between) or (
                unit.start in edges or units[previous].lines[-1][0] in edges)
            end = units[previous].text
            # Lines of one block that only the page's edge kept apart are a wrapped paragraph's lines.
            part_min = LINE_PART_MIN if unit.block == units[previous].block and not between else PARAGRAPH_PART_MIN
            goes_on = unit.text[:1].islower() or (len(end) >= part_min and unit.text[:1].isupper())
            if broke:
                if _CONTINUES.search(end) and goes_on:
                    if end.endswith("-"):
                        hyphens.append(Edit(units[previous].end - 1, units[previous].end, "", "repair.hyphenation"))
                        joined[i] = ""
                    else:
                        joined[i] = " "
        previous = i
    return joined, hyphens


def _tab_labels(raw: str, units: list[Unit], map1: OffsetMap) -> dict[int, str]:
    """What stands before the first tab of a one-line unit ("Publisher\\tFreedom House"):
    a tab separates a label from its value where character repairs leave a space."""
    if "\t" not in raw:
        return {}
    labels = {}
    for i, unit in enumerate(units):
        if len(unit.lines) != 1:
            continue
        start, end = map1.to_raw(unit.start, unit.end)
        tab = raw.find("\t", start, min(end, start + 41))
        if tab > start:
            labels[i] = " ".join(raw[start:tab].split())
    return labels


def _page_edge_lines(text: str, feeds: list[int], lines: int = 2) -> frozenset[int]:
    """Starts of the lines next to each page break (`feeds`: where the form
    feeds were, in `text`) and at both ends of a paged text: where running
    headers and footers stand."""
    starts: set[int] = set()
    if not feeds:
        return frozenset()
    for feed in [0, *feeds, len(text)]:
        pos = feed
        for _ in range(lines):  # the last lines of the page before
            pos = text.rfind("\n", 0, max(0, pos - 1))
            line_start = pos + 1
            while line_start < feed and text[line_start] in " \n":
                line_start += 1
            starts.add(line_start)
            if pos < 0:
                break
        pos = feed
        for _ in range(lines):  # the first lines of the page after
            while pos < len(text) and text[pos] in " \n":
                pos += 1
            starts.add(pos)
            nxt = text.find("\n", pos)
            if nxt < 0:
                break
            pos = nxt
    return frozenset(starts)


def _unit_edits(text: str, unit: Unit, rules: Rules) -> list[Edit]:
    """Repairs inside a kept unit: rejoined lines, spaces, glued words, a glued share button."""
    edits = list(unit.joins) + inner_space_edits(text, unit)
    suffix = heading_suffix_edit(text, unit, rules)
    if suffix is not None:
        edits.append(suffix)
    for s, e in unit.lines:
        if suffix is not None and s <= suffix.start <= e:
            e = suffix.start
        edits.extend(glue_edits(text[s:e], s, rules))
    return edits


def _to_raw(edits: list[Edit], map1: OffsetMap) -> list[Edit]:
    """Second-pass edits, moved from first-pass text offsets to raw offsets."""
    moved = []
    for e in edits:
        if e.end > e.start:
            start, end = map1.to_raw(e.start, e.end)
        else:
            start = end = map1.old_start(e.start)
        moved.append(e._replace(start=start, end=end))
    return moved


def _merge(second: list[Edit], first: list[Edit]) -> list[Edit]:
    """Both passes' edits on the raw text; a first-pass edit inside a
    second-pass one is already part of it."""
    spans = [e for e in second if e.end > e.start]
    starts = [e.start for e in spans]
    kept = []
    for edit in first:
        k = bisect_right(starts, edit.start) - 1
        if k >= 0 and spans[k].start <= edit.start and edit.end <= spans[k].end:
            continue
        kept.append(edit)
    return resolve(second + kept)


def _parts(text: str, units: list[Unit], removed: dict[int, str], separators: set[int], map1: OffsetMap,
           omap: OffsetMap) -> list[Part]:
    """The kept units in clean offsets, with what separates them."""
    parts: list[Part] = []
    big = separated = False
    for i, unit in enumerate(units):
        big = big or unit.blanks_before >= 2
        separated = separated or i in separators
        if i in removed:
            continue
        start = omap.to_new(map1.old_start(unit.start))
        end = max(start, omap.to_new(map1.old_start(unit.end - 1)) + 1)
        parts.append(Part(start, end, " ".join(text[start:end].split()), big, separated))
        big = separated = False
    return parts


def _blank(text: str, masks: tuple[tuple[int, int, str], ...]) -> str:
    """`text` with the masked spans turned into spaces (same length)."""
    if not masks:
        return text
    pieces, pos = [], 0
    for s, e, _ in masks:
        s = max(s, pos)
        pieces.append(text[pos:s])
        pieces.append(" " * (e - s))
        pos = max(pos, e)
    pieces.append(text[pos:])
    return "".join(pieces)
