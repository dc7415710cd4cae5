"""noise.metadata: the block of fields at the top (or bottom) of a mirror page.

Mirrors print a document's catalogue record above it: `Label: value`,
`Label | value |`, the same fields one per line without a separator
("Publisher United States Department of State") or with the value glued on
("Дата14.12.2021"), identifiers ("#303416", "Document #1234"), file sizes
("Скачать 36.12 Kb."). A field is recognised by its shape and a label from
models/noise/metadata.txt; it goes only by position: in a run of two or more
fields, or as a single labelled field with a separator, at the page's head or
tail. A `Label:` line in the middle of the text ("Subject:" in a quoted
letter, "Note: This report was updated ...") stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzx.clean.families.base import Family, Page, is_sentence, phrases
from kzx.lang.detect import is_cyrillic

_SEPARATED = re.compile(r"\s?[:|]")
_SPACED = re.compile(r"\s*(?:[:|]|\s(?=[A-ZА-ЯЁ0-9\"“«(#]))")
_GLUED = re.compile(r"[A-ZА-ЯЁ0-9#]")
_SIZE = re.compile(r"(?<![\w.])[0-9]+(?:[.,][0-9]+)?\s?(?:[KMG]B|[KMG]b|[кКмМгГ][бБ])\b\.?")
# "USDOS – US Department of State (Author)": a catalogue's byline, its role in parentheses.
_ROLE_BYLINE = re.compile(r"[^()]{2,120} \((?:Author|Authors|Publisher|Editor|Автор|Издатель|Редактор)\)")
_SUBJECT = re.compile(r"(?:subject|subj|re|тема)\s?:", re.IGNORECASE)
_IDENTIFIER = re.compile(r"#\s?[0-9]{3,}|(?:Document|Doc\.|ID|No\.)\s?#?\s?[0-9][\w/-]*")
_COLON_FIELD = re.compile(r"[A-ZА-ЯЁ][\w.#/ -]{0,30}?:\s*\S.{0,100}")
_PIPE_FIELD = re.compile(r"[^|]{1,30} \| .+")


@dataclass
class Metadata(Family):
    name = "noise.metadata"
    doc = "catalogue fields, identifiers and file sizes at the head or tail of a mirror page"
    value_max: int = 420  # a "Cite as" or "Disclaimer" value runs to ~400 characters
    size_line_max: int = 40  # "Скачать 36.12 Kb." is a line of its own, not a sentence about a file
    run_min: int = 2

    def field(self, text: str) -> str | None:
        """'labelled' (a listed label with a separator or glued value), 'shaped'
        (a colon or pipe field with an unlisted label), 'id', or None.

        >>> m = Metadata()
        >>> [m.field(t) for t in ("Publication Date 31 March 2003", "Дата14.12.2021", "Topics: Media",
        ...     "#303416", "Скачать 36.12 Kb.", "Dates differ by region.", "The court ruled.")]
        ['labelled', 'labelled', 'labelled', 'id', 'id', None, None]
        """
        if len(text) > self.value_max or _SUBJECT.match(text):
            return None  # a letter's or telegram's subject line is its title
        if _ROLE_BYLINE.fullmatch(text):
            return "labelled"
        if _IDENTIFIER.fullmatch(text) or (len(text) <= self.size_line_max and _SIZE.search(text)):
            return "id"
        for kind, separated in (("spaced-label-prefix", _SPACED), ("label-prefix", _SEPARATED)):
            label = _label(text, kind)
            if label is not None:
                rest = text[len(label):]
                if rest and (separated.match(rest) or _GLUED.match(rest) or _script_change(label[-1], rest[0])):
                    return "labelled"
        if len(text) <= 120 and not is_sentence(text) and (_COLON_FIELD.fullmatch(text) or _PIPE_FIELD.fullmatch(text)):
            return "shaped"
        return None

    def label_only(self, text: str) -> bool:
        """A label on a line of its own, its value on the next ("Published:" / "20 March 2023")."""
        if len(text) > 40 or len(text.split()) > 4:
            return False
        return text.endswith(":") or self.listed(text)

    def listed(self, text: str) -> bool:
        return text.rstrip(" :").casefold() in _labels()[0]

    def label_row(self, text: str) -> bool:
        """The header row of a record's table: three or more labels and nothing else
        ("Reference ID Created Released Classification Origin")."""
        if len(text) > 200:
            return False
        return bool(_labels()[1].fullmatch(text))

    def decide(self, page: Page) -> list[int]:
        alive = page.alive()
        kinds = {i: self.field(page.text(i)) for i in alive}
        for i, label in page.tab_labels.items():  # "Publisher<tab>Freedom House"
            if i in kinds and kinds[i] is None and 0 < len(label.split()) <= 4 and len(page.text(i)) <= self.value_max:
                kinds[i] = "labelled" if self.listed(label) else "shaped"
        for k, i in enumerate(alive):
            nxt = alive[k + 1] if k + 1 < len(alive) else None
            if nxt is None or not (page.in_head(i) or page.in_tail(i)):
                continue
            value = page.text(nxt)
            label = page.text(i)
            if self.label_row(label) and len(value) <= 300 and not is_sentence(value):
                kinds[i] = kinds[nxt] = "labelled"
            elif kinds[nxt] is None and len(value) <= 160 and not is_sentence(value) and self.label_only(label):
                kinds[i] = kinds[nxt] = "labelled" if self.listed(label) else (kinds[i] or "shaped")
        goes: list[int] = []
        k = 0
        while k < len(alive):
            if kinds[alive[k]] is None:
                k += 1
                continue
            j = k
            while j < len(alive) and kinds[alive[j]] is not None:
                j += 1
            run = alive[k:j]
            edge = all(page.in_head(i) or page.in_tail(i) for i in run)
            labelled = sum(kinds[i] == "labelled" for i in run)
            if edge and ((len(run) >= self.run_min and labelled + sum(kinds[i] == "id" for i in run) >= 1)
                         or (len(run) == 1 and (kinds[run[0]] == "id" or
                                                (kinds[run[0]] == "labelled" and _has_separator(page.text(run[0])))))):
                goes.extend(run)
            k = j
        return goes


def _script_change(a: str, b: str) -> bool:
    """A Cyrillic label glued to a Latin value, or the reverse ("Формат файлаdocx")."""
    return a.isalpha() and b.isalpha() and is_cyrillic(a) != is_cyrillic(b)


def _has_separator(text: str) -> bool:
    return ":" in text[:40] or "|" in text or text.startswith("#") or bool(_SIZE.search(text))


@lru_cache(maxsize=1)
def _labels() -> tuple[frozenset[str], re.Pattern[str], dict[str, re.Pattern[str]]]:
    """Every label (case-folded); a row of three or more labels; the longest
    label a line starts with, per section. Compiled once."""
    data = phrases("metadata.txt")
    kinds = ("label-prefix", "spaced-label-prefix")
    every = sorted({label for kind in kinds for label in data.entries(kind)}, key=len, reverse=True)
    alternation = "|".join(re.escape(label) for label in every)
    row = re.compile(rf"(?:{alternation})(?:[ \t]+(?:{alternation})){{2,}}", re.IGNORECASE)
    starts = {kind: re.compile("|".join(re.escape(label) for label in sorted(data.entries(kind), key=len, reverse=True)),
                               re.IGNORECASE) for kind in kinds}
    return frozenset(label.casefold() for label in every), row, starts


def _label(text: str, kind: str) -> str | None:
    """The longest label of section `kind` that `text` starts with (case ignored)."""
    match = _labels()[2][kind].match(text)
    return match.group() if match else None
