"""Language by script share, per paragraph and per document.

The corpus mixes English and Russian (with the odd Kazakh line). Those are told
apart by their alphabets, so the share of Cyrillic letters decides, at about a
microsecond a paragraph and with nothing to load; a statistical detector
(py3langid, measured in docs/russian.md) agreed on every paragraph of the dev
corpus but costs a model load and 100 times the time. Kazakh is Cyrillic
with letters Russian lacks (ә, ғ, қ, ң, ө, ұ, ү, һ, і).

Codes are ISO 639-1: `en` (any Latin-script text), `ru`, `kk`; None where a
stretch has no letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_KAZAKH_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# A paragraph is Cyrillic when most of its letters are: an English page quoting a
# Russian title stays English, a Russian one naming "OSCE" stays Russian.
CYRILLIC_SHARE = 0.5
# Kazakh when this share of its Cyrillic letters are letters Russian lacks
# (they are about 1 in 12 letters of Kazakh text, none of Russian text).
KAZAKH_SHARE = 0.02


# Counted by the regex engine: a page is hundreds of thousands of characters.
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC_LETTER = re.compile(r"(?=[^\W\d_])[\u0400-\u052f]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_KAZAKH_LETTER = re.compile("[" + "".join(sorted(_KAZAKH_ONLY)) + "]")


_ASCII = bytes(range(128))
_NOT_ASCII_LETTER = bytes(c for c in _ASCII if not chr(c).isalpha())
_NOT_ASCII_CAPITAL = bytes(c for c in _ASCII if not chr(c).isupper())


def letter_counts(text: str) -> tuple[int, int]:
    """How many letters `text` holds, and how many of them are capitals.

    Counted in C: by deleting bytes when every letter is ASCII (most lines of an English
    report), else by the regex engine; pages run to hundreds of thousands of characters.

    >>> letter_counts("FM AMEMBASSY Astana, 2004"), letter_counts("Суд, ОБСЕ"), letter_counts("“Nur Otan” – a")
    ((17, 12), (7, 5), (8, 2))
    """
    if text.isascii() or not _NON_ASCII_LETTER.search(text):
        # Curly quotes, dashes and no-break spaces are no letters: dropped, they change nothing.
        data = text.encode("ascii", "ignore")
        return len(data.translate(None, _NOT_ASCII_LETTER)), len(data.translate(None, _NOT_ASCII_CAPITAL))
    found = _LETTER.findall(text)
    return len(found), sum(map(str.isupper, found))


def is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff" or "\u0500" <= char <= "\u052f"


def script_language(text: str) -> str | None:
    """The language of a stretch of text, by its letters.

    >>> script_language("Суд приговорил Иванова к 7 годам."), script_language("The court ruled.")
    ('ru', 'en')
    >>> script_language("Мемлекеттік қызмет туралы заң"), script_language("12.03.2020 - 15")
    ('kk', None)
    >>> script_language("Выступление в ОБСЕ (OSCE)")
    'ru'
    """
    if not _CYRILLIC.search(text):
        return "en" if _LETTER.search(text) else None
    count = len(_LETTER.findall(text))
    if count == 0:
        return None
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    latin = count - cyrillic
    kazakh = len(_KAZAKH_LETTER.findall(text))
    if cyrillic / (cyrillic + latin) <= CYRILLIC_SHARE:
        return "en"
    return "kk" if kazakh / cyrillic >= KAZAKH_SHARE else "ru"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    language: str | None


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: stretches between blank lines.

    >>> list(paragraphs("a b\\n\\n\\nc\\nd\\n\\n"))
    [(0, 3), (6, 9)]
    """
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        yield start, end


def paragraph_languages(text: str) -> list[Paragraph]:
    """Every paragraph with its language; a paragraph without letters takes its
    neighbour's (a line of digits inside a Russian article is Russian).

    >>> [(p.language, text[p.start:p.end]) for text in ["Flag\\n\\nСуд.\\n\\n2023"] for p in paragraph_languages(text)]
    [('en', 'Flag'), ('ru', 'Суд.'), ('ru', '2023')]
    """
    found = [Paragraph(s, e, script_language(text[s:e])) for s, e in paragraphs(text)]
    last = None
    filled = []
    for p in found:
        if p.language is None and last is not None:
            p = Paragraph(p.start, p.end, last)
        last = p.language or last
        filled.append(p)
    return filled


def document_language(text: str, parts: list[Paragraph] | None = None) -> str | None:
    """The language most of the document's letters are in.

    >>> document_language("Flag\\n\\nКонституция определяет страну в качестве светского государства.")
    'ru'
    """
    parts = paragraph_languages(text) if parts is None else parts
    weight: dict[str, int] = {}
    for p in parts:
        if p.language is not None:
            weight[p.language] = weight.get(p.language, 0) + p.end - p.start
    return max(weight, key=weight.__getitem__) if weight else None


def spans_in(parts: list[Paragraph], languages: set[str]) -> list[tuple[int, int]]:
    """The spans of the paragraphs in one of `languages`."""
    return [(p.start, p.end) for p in parts if p.language in languages]


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with `spans` turned into spaces, line breaks kept (same length).

    >>> blank("ab\\ncd ef", [(1, 5)])
    'a \\n   ef'
    """
    if not spans:
        return text
    pieces, pos = [], 0
    for s, e in sorted(spans):
        pieces.append(text[pos:s])
        pieces.append(re.sub(r"[^\n]", " ", text[s:e]))
        pos = e
    pieces.append(text[pos:])
    return "".join(pieces)
