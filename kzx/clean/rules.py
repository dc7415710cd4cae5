"""Rule data: the phrase lists under models/noise/, one entry a line.

File format: `#` starts a comment; `[kind]` or `[kind case]` starts a section;
every other non-blank line is one entry. Kinds that match text:

- `line`: the whole line, ignoring case, surrounding white space and
  punctuation (so "Comments:" and "Toggle navigation menu." match);
- `prefix`: the line starts with the entry;
- `contains`: the entry occurs anywhere in the line;
- `suffix`: the line ends with the entry (`heading-suffix` likewise, for
  buttons glued onto the end of a heading).

`case` makes a section case-sensitive. `{n}` in an entry stands for a number;
`{glued}` at its end, for a value glued to the entry (a capital, digit or Latin letter).
A kind named `<something>-line`, `-prefix`, `-contains` or `-suffix` matches
like the kind it ends with (`[start-line]`: lines that open a comment section).
Sections of any other kind are plain lists (`PhraseList.entries`). Entries are
literal text, compiled into one alternation per section, so matching is
linear in the line's length.

>>> p = PhraseList.parse("[line]\\nComments\\n[prefix]\\nWatch the video:\\n[line case]\\nInteresting")
>>> p.matches("line", "  Comments: "), p.matches("prefix", "Watch the video: x"), p.matches("line", "interesting")
(True, True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

NOISE_DIR = Path(__file__).resolve().parents[2] / "models" / "noise"

MATCH_MODES = ("line", "prefix", "contains", "suffix")


def match_mode(kind: str) -> str | None:
    """How a section of kind `kind` matches, or None for a plain list.

    >>> match_mode("line"), match_mode("start-line"), match_mode("heading-suffix"), match_mode("camelcase-keep")
    ('line', 'line', 'suffix', None)
    """
    mode = kind.rsplit("-", 1)[-1]
    return mode if mode in MATCH_MODES else None
_EDGE = " \t.,:;!|•·*>»›-–—=_~"
_SECTION = re.compile(r"\[\s*([a-z-]+)(\s+case)?\s*\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@lru_cache(maxsize=8192)  # every family asks about the same lines
def squeeze(text: str) -> str:
    """Collapse white space and unify apostrophes.

    >>> squeeze("  Here’s \\n how ")
    "Here's how"
    """
    return " ".join(text.split()).translate(_APOSTROPHES)


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """A line as `line` entries see it: squeezed, punctuation trimmed at both ends.

    >>> line_key("  1. Comments: ")
    '1. Comments'
    """
    return squeeze(text).strip(_EDGE)


def _compile(kind: str, entries: list[str], case: bool) -> re.Pattern[str] | None:
    mode = match_mode(kind)
    if not entries:
        return None
    def literal(entry: str) -> str:
        # Whole words only: "Advertisement" does not start "Advertisements for ...".
        body = re.escape(entry).replace(r"\{n\}", r"[0-9]{1,6}")
        # `{glued}` ends a label whose value a scrape glued on ("ТипДоклад", "Формат файлаdocx"):
        # a capital, a digit or a Latin letter must follow (use it in `case` sections).
        body = body.replace(r"\{glued\}", r"(?=[0-9A-Za-zА-ЯЁ])")
        # ... and "rights" does not end "copyrights"; a `heading-suffix` is glued on purpose.
        before = r"(?<!\w)" if kind in ("contains", "suffix") and entry[0].isalnum() else ""
        after = r"(?!\w)" if (entry[-1].isalnum() or entry.endswith("{n}")) and not entry.endswith("{glued}") else ""
        return before + body + after

    alternation = "|".join(literal(e) for e in sorted(entries, key=len, reverse=True))
    shape = "(?:{})$" if mode == "suffix" else "(?:{})"
    return re.compile(shape.format(alternation), 0 if case else re.IGNORECASE)


@dataclass
class PhraseList:
    """The sections of one rule file."""

    sections: dict[str, list[str]] = field(default_factory=dict)
    _patterns: dict[str, list[re.Pattern[str]]] = field(default_factory=dict, repr=False)
    _modes: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def parse(cls, source: str) -> PhraseList:
        sections: dict[tuple[str, bool], list[str]] = {}
        current = ("line", False)
        for raw_line in source.splitlines():
            line = raw_line.split(" #", 1)[0].strip() if not raw_line.lstrip().startswith("#") else ""
            if not line:
                continue
            header = _SECTION.fullmatch(line)
            if header:
                current = (header.group(1), bool(header.group(2)))
                sections.setdefault(current, [])
                continue
            sections.setdefault(current, []).append(squeeze(line))
        phrases = cls()
        for (kind, case), entries in sections.items():
            phrases.sections.setdefault(kind, []).extend(entries)
            mode = match_mode(kind)
            if mode is not None:
                if mode == "line":
                    entries = [line_key(e) for e in entries]
                pattern = _compile(kind, entries, case)
                if pattern is not None:
                    phrases._patterns.setdefault(kind, []).append(pattern)
                    phrases._modes[kind] = mode
        return phrases

    @classmethod
    def load(cls, path: Path) -> PhraseList:
        return cls.parse(path.read_text(encoding="utf-8"))

    def entries(self, kind: str) -> list[str]:
        return self.sections.get(kind, [])

    def matches(self, kind: str, text: str) -> bool:
        """Whether `text` (one line or unit) matches an entry of section `kind`."""
        patterns = self._patterns.get(kind)
        if not patterns:
            return False
        mode = self._modes[kind]
        if mode == "line":
            key = line_key(text)
            for p in patterns:
                if p.fullmatch(key):
                    return True
            return False
        key = squeeze(text)
        if mode == "prefix":
            key = key.lstrip(_EDGE)
            for p in patterns:
                if p.match(key):
                    return True
            return False
        for p in patterns:
            if p.search(key):
                return True
        return False

    def find_suffix(self, text: str, kind: str = "suffix") -> re.Match[str] | None:
        """The entry of section `kind` that `text` ends with (searched on `text` as is)."""
        for pattern in self._patterns.get(kind, []):
            match = pattern.search(text)
            if match:
                return match
        return None


@dataclass(frozen=True)
class Rules:
    """Every rule file, loaded once."""

    furniture: PhraseList
    button_words: frozenset[str]  # words a bar of buttons is made of ("Share Tweet Email")
    search_form: PhraseList
    teasers: PhraseList
    comments: PhraseList
    related: PhraseList
    category_labels: PhraseList
    entities: frozenset[str]  # decoded without ";" when no letter or digit follows
    glued_entities: frozenset[str]  # decoded without ";" even when letters follow
    camel_keep: frozenset[str]
    glued_suffixes: tuple[str, ...]
    hyphen_prefixes: frozenset[str]
    truncation_words: frozenset[str]


def _words(phrases: PhraseList, kind: str, fold: bool = True) -> list[str]:
    return [w.lower() if fold else w for w in phrases.entries(kind)]


@lru_cache(maxsize=4)
def load_rules(directory: Path = NOISE_DIR) -> Rules:
    """Read every rule file of `directory` (models/noise by default)."""

    def load(name: str) -> PhraseList:
        return PhraseList.load(directory / name)

    repair, furniture = load("repair.txt"), load("furniture.txt")
    return Rules(
        furniture=furniture,
        button_words=frozenset(_words(furniture, "button-words")),
        search_form=load("search_form.txt"),
        teasers=load("teasers.txt"),
        comments=load("comments.txt"),
        related=load("related.txt"),
        category_labels=load("category_labels.txt"),
        entities=frozenset(_words(repair, "entities-without-semicolon", fold=False)),
        glued_entities=frozenset(_words(repair, "entities-glued", fold=False)),
        camel_keep=frozenset(_words(repair, "camelcase-keep", fold=False)),
        glued_suffixes=tuple(_words(repair, "glued-suffixes")),
        hyphen_prefixes=frozenset(_words(repair, "hyphen-prefixes")),
        truncation_words=frozenset(_words(load("teasers.txt"), "truncation-words")),
    )
